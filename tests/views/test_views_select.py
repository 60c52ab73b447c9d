"""Choosing what a view draws."""
from __future__ import annotations

import pytest

from phakhi.views import select
from phakhi.views.html import ViewError


def test_filter_types_expands_abstract_types(small_graph) -> None:
    g = select.filter_types(small_graph, ["GovernmentBody", "Agreement"])
    assert {a["type"] for _, a in g.nodes(data=True)} == {"Ministry", "Department", "IndependentAgency", "Agreement"}
    assert all(a["type"] != "Person" for _, a in g.nodes(data=True))
    with pytest.raises(ViewError, match="'Agency' is not a node type"):
        select.filter_types(small_graph, ["Agency"])


def test_filter_relations_keeps_touched_nodes(small_graph) -> None:
    g = select.filter_relations(small_graph, ["PARTY_TO"])
    assert {d["type"] for _, _, d in g.edges(data=True)} == {"PARTY_TO"}
    assert set(g) == {"ref:dopa", "ref:ect", "ref:cdd", "Agreement:mou1", "Agreement:mou2"}
    with pytest.raises(ViewError, match="not a relationship type"):
        select.filter_relations(small_graph, ["KNOWS"])


def test_shortest_paths_and_no_path(small_graph) -> None:
    g = select.shortest_paths(small_graph, "Person:สมชาย", "ref:moi")
    assert set(g) == {"Person:สมชาย", "Agreement:mou1", "ref:dopa", "ref:moi"}
    small_graph.add_node("Person:alone", type="Person", name="คนเดียว")
    with pytest.raises(ViewError, match="no path"):
        select.shortest_paths(small_graph, "Person:alone", "ref:moi")


def test_node_ids_in_rows(small_graph) -> None:
    rows = [{"id": "ref:ect", "name": "x", "agreements": ["Agreement:mou1", "nope"]}, {"n": 3}]
    assert select.node_ids_in(rows, small_graph) == ["ref:ect", "Agreement:mou1"]
    assert select.parse_list(" A, B,,C ") == ["A", "B", "C"]
