"""SHACL shapes generated from the ontology, the check, and ``phakhi validate``."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import namespace as rdfns

from phakhi.cli import main
from phakhi.graph.exports.rdf import class_iri, statement_class
from phakhi.graph.exports.shacl import build_shapes, validate_graph
from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Issue, Node
from phakhi.graph.stores.sqlite_store import SQLiteStore
from phakhi.ontology import load_ontology

sys.path.insert(0, str(Path(__file__).parent))  # the shared sample graph lives beside this file
from test_exports_common import sample_graph  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def test_one_shape_per_concrete_type_and_relationship():
    onto = load_ontology()
    shapes = build_shapes(onto)
    targets = set(shapes.objects(None, rdfns.SH.targetClass))
    assert {class_iri(onto, lab) for lab in onto.labels} <= targets
    assert {statement_class(onto, t) for t in onto.rel_types} <= targets
    assert class_iri(onto, "GovernmentBody") not in targets  # abstract: no shape of its own


def test_date_properties_are_xsd_dates():
    onto = load_ontology()
    shapes = build_shapes(onto)
    agreement = next(shapes.subjects(rdfns.SH.targetClass, class_iri(onto, "Agreement")))
    dated = {str(shapes.value(p, rdfns.SH.path)).rsplit("#", 1)[1]
             for p in shapes.objects(agreement, rdfns.SH.property) if shapes.value(p, rdfns.SH.datatype) == rdfns.XSD.date}
    assert dated == {"date", "end_date"}


def test_sample_graph_conforms():
    report = validate_graph(sample_graph())
    assert report.conforms, report.results
    assert report.violations == 0


def bad_graph() -> tuple[list[Node], list[Edge]]:
    nodes = [Node("ref:a", "Department", "กรม ก"), Node("A:1", "Agreement", "", [], {"date": "16 มิ.ย. 2565"}),
             Node("P:1", "Person", "สมชาย")]
    return nodes, [Edge("ref:a", "A:1", "SIGNS"), Edge("P:1", "A:1", "SIGNS")]


def test_violations_are_found_and_named_by_phakhi_id():
    report = validate_graph(bad_graph())
    assert not report.conforms
    found = {(f.focus, f.constraint, f.path) for f in report.results}
    assert ("A:1", "DatatypeConstraintComponent", "date") in found
    assert ("A:1", "MinCountConstraintComponent", "prefLabel") in found
    sign = Edge("ref:a", "A:1", "SIGNS").id
    assert (sign, "ClassConstraintComponent", "subject") in found
    assert report.violations == 3
    wrong_end = next(f for f in report.results if f.focus == sign)
    assert wrong_end.message.startswith("ref:a -[SIGNS]-> A:1: ")


def test_sub_types_satisfy_an_end_of_a_super_type():
    # PARTY_TO admits any Agent: a LocalGovernment (GovernmentBody < Agent) is fine
    nodes = [Node("l", "LocalGovernment", "อบต. ก"), Node("m", "Agreement", "บันทึก")]
    assert validate_graph((nodes, [Edge("l", "m", "PARTY_TO")])).conforms
    assert not validate_graph((nodes, [Edge("m", "l", "PARTY_TO")])).conforms


def store_with(tmp_path: Path, nodes, edges, issues=()) -> str:
    location = str(tmp_path / "store")
    with SQLiteStore(location) as store:
        store.write(DocumentFacts(DocumentInfo("d1", "d1.txt", "f" * 64), list(nodes), list(edges),
                                  list(issues)))
    return location


def test_cli_validate_lists_stored_issues_and_passes(tmp_path):
    g = sample_graph()
    issue = Issue("warning", "total_mismatch", "รวม 120 ไม่เท่ากับผลบวก 118", "d1", "d1.txt")
    location = store_with(tmp_path, g.nodes, g.edges, [issue])
    result = CliRunner().invoke(main, ["--store", location, "validate", "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["conforms"] is True and out["violations"] == 0
    assert [f["code"] for f in out["findings"]] == ["total_mismatch"]
    assert out["findings"][0]["message"] == "รวม 120 ไม่เท่ากับผลบวก 118"


def test_cli_validate_exits_1_on_violations(tmp_path):
    nodes, edges = bad_graph()
    location = store_with(tmp_path, nodes, edges)
    result = CliRunner().invoke(main, ["--store", location, "validate"])
    assert result.exit_code == 1
    assert "DatatypeConstraintComponent" in result.stdout
    assert "3 violation(s)" in result.stderr


corpus_ready = importlib.util.find_spec("phakhi.loaders.pipeline") is not None


@pytest.mark.slow
@pytest.mark.skipif(not corpus_ready, reason="ingest pipeline not available")
def test_sample_corpus_export_conforms(sqlite_store):
    from phakhi.loaders.pipeline import ingest

    resolve = importlib.util.find_spec("phakhi.loaders.resolve") is not None
    report = ingest([CORPUS], sqlite_store, progress=False, resolve_after=resolve)
    assert report.ingested == 5
    result = validate_graph(sqlite_store)
    assert result.conforms, result.results[:5]
    assert next(sqlite_store.nodes(), None) is not None
