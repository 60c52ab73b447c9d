"""Node-link JSON: round trip, Thai unchanged, and the scorer reads it."""
from __future__ import annotations

import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest

from phakhi.graph.exports import export_graph
from phakhi.graph.exports.json_export import node_link, read_node_link

sys.path.insert(0, str(Path(__file__).parent))  # the shared sample graph lives beside this file
from test_exports_common import DLA, MOU_TITLE, TRICKY, nfc, sample_graph  # noqa: E402

SCORER = Path("/work/shared/tools/score_extraction.py")


def exported() -> dict:
    buf = io.StringIO()
    export_graph(sample_graph(), "json", buf)
    return json.loads(buf.getvalue())


def test_shape_and_flattened_properties():
    doc = exported()
    assert set(doc) == {"nodes", "edges", "documents", "meta"}
    assert doc["meta"]["generator"] == "phakhi"
    assert doc["meta"]["counts"]["nodes"] == len(doc["nodes"]) == 11
    assert doc["meta"]["counts"]["edges"] == len(doc["edges"]) == 16
    nan_dla = next(e for e in doc["edges"] if e["type"] == "HAS_TRAINERS" and e["target"] == "ref:dla")
    assert nan_dla["count"] == 0
    nan_dopa = next(e for e in doc["edges"] if e["type"] == "HAS_TRAINERS" and e["target"] == "ref:dopa")
    assert nan_dopa["count"] is None  # unknown stays unknown, not 0
    clauses = sorted(e["clause"] for e in doc["edges"] if e["type"] == "OBLIGATED_TO")
    assert clauses == [1, 2]
    moi = next(n for n in doc["nodes"] if n["id"] == "ref:moi")
    assert moi["name_en"] == "Ministry of Interior" and moi["aliases"] == ["มท."]
    assert moi["provenance"][0]["sentence"].startswith("กระทรวงมหาดไทย")
    assert doc["documents"][0]["doc_id"] == "000_doc"


def test_round_trip_keeps_counts_and_thai():
    data = sample_graph()
    back = read_node_link(json.loads(json.dumps(node_link(data), ensure_ascii=False)))
    assert len(back.nodes) == 11 and len(back.edges) == 16
    names = {n.name for n in back.nodes}
    assert nfc(TRICKY) in names and nfc(DLA) in names
    assert {e.id for e in back.edges} == {e.id for e in data.edges if e.target != "ref:missing"}
    mou = next(n for n in back.nodes if n.type == "Agreement")
    assert mou.properties["date"] == "2022-06-16" and mou.properties["ordinal"] == 1


def test_clashing_property_names_are_kept_apart():
    from phakhi.graph.model import Node

    doc = node_link(([Node("Program:x", "Program", "x", [], {"type": "pilot", "name_en": "X"})], []))
    item = doc["nodes"][0]
    assert item["type"] == "Program" and item["properties"] == {"type": "pilot"}
    assert read_node_link(doc).nodes[0].properties == {"type": "pilot", "name_en": "X"}


def test_write_to_file(tmp_path):
    out = tmp_path / "g.json"
    export_graph(sample_graph(), "json", str(out))
    assert json.loads(out.read_text(encoding="utf-8"))["meta"]["counts"]["nodes"] == 11
    assert "กรมการปกครอง" in out.read_text(encoding="utf-8")  # Thai readable, not \\u escapes


@pytest.mark.skipif(not SCORER.exists(), reason="shared scorer not present")
def test_scorer_reads_the_export(tmp_path):
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = {"entities": [
        {"id": "a", "type": "Department", "name": DLA},
        {"id": "b", "type": "Province", "name": "น่าน"},
        {"id": "c", "type": "Ministry", "name": "กระทรวงมหาดไทย"},
        {"id": "d", "type": "Agreement", "name": MOU_TITLE},
    ], "relations": [
        {"source": "b", "type": "HAS_TRAINERS", "target": "a", "attributes": {"count": 0}},
        {"source": "c", "type": "OBLIGATED_TO", "target": "d", "attributes": {"clause": 2}},
    ]}
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    res = scorer.score(exported(), [str(gold_path)])["lenient"]
    assert res["entities"]["tp"] == 4 and res["entities"]["fn"] == 0
    assert res["relations"]["tp"] == 2 and res["relations"]["fn"] == 0


@pytest.mark.neo4j
def test_neo4j_store_exports_the_same_graph_as_the_embedded_one(neo4j_store, sqlite_store):
    from phakhi.graph.model import DocumentFacts

    g = sample_graph()
    batch = DocumentFacts(g.documents[0], g.nodes, g.edges)
    neo4j_store.write(batch)
    sqlite_store.write(batch)
    from_neo4j, from_sqlite = node_link(neo4j_store), node_link(sqlite_store)
    assert from_neo4j["meta"]["counts"] == from_sqlite["meta"]["counts"]
    assert {n["id"]: n["name"] for n in from_neo4j["nodes"]} == {n["id"]: n["name"] for n in from_sqlite["nodes"]}
    assert {e["id"] for e in from_neo4j["edges"]} == {e["id"] for e in from_sqlite["edges"]}
