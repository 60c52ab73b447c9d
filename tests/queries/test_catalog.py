"""The catalogue: declared once, checked against the ontology, every question implemented."""
from __future__ import annotations

import doctest
import importlib

import pytest

from phakhi.ontology import load_ontology
from phakhi.queries import catalog
from phakhi.queries.catalog import (CatalogError, ParamError, check_cypher_names, finish_rows,
                                    load_catalog, parse_catalog)

REQUIRED = {"partners", "agreements", "signatories", "obligations", "networks", "ministries-reached",
            "positions", "expiring", "timeline", "trainer-coverage", "evidence", "path", "ego"}


def test_every_required_question_is_declared_with_both_descriptions() -> None:
    cat = load_catalog()
    assert REQUIRED <= set(cat)
    for q in cat.values():
        assert q.title_th and q.title_en and q.columns and q.cypher
        assert callable(catalog.nx_impl_of(q.id))


def test_unknown_label_in_cypher_is_refused_at_load_time() -> None:
    onto = load_ontology()
    with pytest.raises(CatalogError, match="Agreemnt"):
        check_cypher_names("MATCH (a:Agreemnt) RETURN a", onto)
    with pytest.raises(CatalogError, match="SIGNED"):
        check_cypher_names("MATCH (p)-[:SIGNED]->(a) RETURN a", onto)
    check_cypher_names("MATCH (a:Entity {id: $x})-[:PARTY_TO|SIGNS]->(b:Agreement) "
                       "WHERE b.title = 'X:Y' RETURN a", onto)


def test_bad_catalogue_entries_are_refused() -> None:
    onto = load_ontology()
    base = {"id": "q", "title_th": "ก", "title_en": "q", "columns": ["a"], "cypher": "RETURN 1 AS a"}
    assert "q" in parse_catalog({"queries": [base]}, onto)
    with pytest.raises(CatalogError, match="type"):
        parse_catalog({"queries": [{**base, "params": [{"name": "x", "type": "float"}]}]}, onto)
    with pytest.raises(CatalogError, match="twice"):
        parse_catalog({"queries": [base, base]}, onto)
    with pytest.raises(CatalogError, match="missing"):
        parse_catalog({"queries": [{"id": "q"}]}, onto)


def test_parameters_are_typed_and_bounded() -> None:
    q = load_catalog()["ego"]
    assert q.bind({"entity": "x", "depth": "2"}) == {"entity": "x", "depth": 2}
    with pytest.raises(ParamError, match="integer"):
        q.bind({"entity": "x", "depth": "two"})
    with pytest.raises(ParamError, match="between"):
        q.bind({"entity": "x", "depth": "9"})
    with pytest.raises(ParamError, match="needs"):
        q.bind({})
    with pytest.raises(ParamError, match="no parameter"):
        q.bind({"entity": "x", "colour": "red"})
    with pytest.raises(ParamError, match="date"):
        load_catalog()["expiring"].bind({"as_of": "16/06/2022"})


def test_finish_rows_is_deterministic_and_canonical() -> None:
    rows = [{"a": "y", "b": ["z", "x"]}, {"a": "x", "b": None}, {"a": "y", "b": ["x", "z"]}]
    assert finish_rows(rows, ["a", "b"], ["a"]) == [{"a": "x", "b": None}, {"a": "y", "b": ["x", "z"]}]


@pytest.mark.parametrize("module", ["catalog", "names", "nx_impl", "analyses", "answer",
                                    "cypher_runner", "testing"])
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(f"phakhi.queries.{module}"))
    assert result.failed == 0 and result.attempted > 0
