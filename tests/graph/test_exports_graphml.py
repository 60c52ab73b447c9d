"""GraphML and GEXF: networkx reads them back with the same counts, Thai and escapes intact,
lists and dicts flattened, None left out."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import networkx as nx
import pytest

from phakhi.graph.exports import export_graph
from phakhi.graph.model import Edge, Node

sys.path.insert(0, str(Path(__file__).parent))  # the shared sample graph lives beside this file
from test_exports_common import DLA, TRICKY, nfc, sample_graph  # noqa: E402

READERS = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}


def read_back(fmt: str, source=None) -> nx.MultiDiGraph:
    buf = io.BytesIO()
    export_graph(source if source is not None else sample_graph(), fmt, buf)
    return READERS[fmt](io.BytesIO(buf.getvalue()))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_round_trip_counts_and_thai(fmt):
    g = read_back(fmt)
    assert g.number_of_nodes() == 11
    assert g.number_of_edges() == 16
    names = {d["name"] for _, d in g.nodes(data=True)}
    assert nfc(TRICKY) in names and nfc(DLA) in names
    net = next(d for _, d in g.nodes(data=True) if d["type"] == "VolunteerNetwork")
    assert net["label"] == TRICKY
    assert "org_form" not in net  # None is left out


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_flattened_attributes(fmt):
    g = read_back(fmt)
    dopa = g.nodes["ref:dopa"]
    assert dopa["aliases"] == "ปค. | Department of Provincial Administration"
    event = next(d for _, d in g.nodes(data=True) if d["type"] == "Event")
    assert json.loads(event["participants"]) == {"total": 40, "groups": ["กรม"]}
    assert json.loads(dopa["provenance"])[0]["doc_id"] == "000_doc"
    rel_key = "type" if fmt == "graphml" else "rel_type"
    obligations = [d for _, _, d in g.edges(data=True) if d[rel_key] == "OBLIGATED_TO"]
    assert sorted(d["clause"] for d in obligations) == [1, 2]
    concerns = next(d["concerns"] for d in obligations if d["clause"] == 1)
    assert concerns == next(n for n in g.nodes if n.startswith("VolunteerNetwork:"))
    trainers = {d.get("count") for _, _, d in g.edges(data=True) if d[rel_key] == "HAS_TRAINERS"}
    assert trainers == {0, None}  # 0 kept, unknown left out


def test_graphml_edge_ids_are_the_phakhi_edge_ids():
    g = read_back("graphml")
    expected = {e.id for e in sample_graph().edges if e.target != "ref:missing"}
    assert {k for _, _, k in g.edges(keys=True)} == expected


def test_mixed_types_become_text_so_each_key_has_one_type():
    nodes = [Node("a", "Program", "ก", [], {"level": 1}), Node("b", "Program", "ข", [], {"level": "สูง"})]
    for fmt in ("graphml", "gexf"):
        g = read_back(fmt, (nodes, [Edge("a", "b", "PART_OF")]))
        assert (g.nodes["a"]["level"], g.nodes["b"]["level"]) == ("1", "สูง")


def test_gexf_reserved_names_do_not_break_the_file():
    nodes = [Node("a", "Event", "ก", [], {"start": "09:00", "weight": 3}), Node("b", "Event", "ข")]
    g = read_back("gexf", (nodes, [Edge("a", "b", "MENTIONS", {"end": 5})]))
    assert g.nodes["a"]["prop_start"] == "09:00" and g.nodes["a"]["prop_weight"] == 3
    assert next(iter(g.edges(data=True)))[2]["prop_end"] == 5
