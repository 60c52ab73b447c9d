"""Issue 13 point 1: a name that fits several entities is said so — the one with the facts
is picked (and named), or the candidates are listed with exit 1; never a silent empty answer."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Node, Provenance
from phakhi.graph.stores.sqlite_store import SQLiteStore
from phakhi.queries.choose import contains_name


def test_partners_of_the_ect_abbreviation_are_the_offices_partners(sample_cli_store: Path,
                                                                   phakhi_cli) -> None:
    by_office = json.loads(phakhi_cli(sample_cli_store, "query", "partners", "-p",
                                      "org=สำนักงาน กกต.", "--format", "json").stdout)
    assert len(by_office) >= 7
    for name in ("กกต.", "ECT"):
        result = phakhi_cli(sample_cli_store, "query", "partners", "-p", f"org={name}",
                            "--format", "json")
        assert result.exit_code == 0
        assert json.loads(result.stdout) == by_office
        # which entity the name was taken for is said, with the candidates' types and degrees
        assert "answered for ref:ect_office" in result.stderr
        assert "ref:ect (คณะกรรมการการเลือกตั้ง, IndependentAgency, degree" in result.stderr


def _store_with_two_answering_offices(folder: Path) -> Path:
    p = Provenance("d", 0, 10, "ประโยค", "/inline/d.txt")
    nodes = [Node("ref:ect", "IndependentAgency", "คณะกรรมการการเลือกตั้ง", ["กกต."], {}, [p]),
             Node("ref:ect_office", "IndependentAgency", "สำนักงานคณะกรรมการการเลือกตั้ง",
                  ["สำนักงาน กกต."], {}, [p]),
             Node("ref:ect_provincial_office", "ProvincialOffice",
                  "สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัด", ["สนง.กกต.จังหวัด"], {}, [p]),
             Node("ref:cdd", "Department", "กรมการพัฒนาชุมชน", [], {}, [p]),
             Node("ref:dopa", "Department", "กรมการปกครอง", [], {}, [p]),
             Node("Agreement:a", "Agreement", "ก", [], {}, [p]),
             Node("Agreement:b", "Agreement", "ข", [], {}, [p])]
    edges = [Edge("ref:ect_office", "Agreement:a", "PARTY_TO", {}, [p]),
             Edge("ref:cdd", "Agreement:a", "PARTY_TO", {}, [p]),
             Edge("ref:ect_provincial_office", "Agreement:b", "PARTY_TO", {}, [p]),
             Edge("ref:dopa", "Agreement:b", "PARTY_TO", {}, [p])]
    store = SQLiteStore(folder / "store")
    store.write(DocumentFacts(DocumentInfo("d", "/inline/d.txt", "sha-d"), nodes, edges))
    store.close()
    return folder / "store"


def test_a_name_two_answering_entities_share_lists_the_candidates_and_exits_1(
        tmp_path: Path, phakhi_cli) -> None:
    store = _store_with_two_answering_offices(tmp_path)
    result = phakhi_cli(store, "query", "partners", "-p", "org=กกต.")
    assert result.exit_code == 1 and result.stdout == ""
    line = result.stderr.strip()
    assert "\n" not in line and "'กกต.' is ambiguous, it names 3 entities" in line
    for listed in ("ref:ect (คณะกรรมการการเลือกตั้ง, IndependentAgency, degree 0)",
                   "ref:ect_office (สำนักงานคณะกรรมการการเลือกตั้ง, IndependentAgency, degree 1)",
                   "ref:ect_provincial_office (สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัด, "
                   "ProvincialOffice, degree 1)"):
        assert listed in line
    by_id = phakhi_cli(store, "query", "partners", "-p", "org=ref:ect_provincial_office",
                       "--format", "json")
    assert [r["partner"] for r in json.loads(by_id.stdout)] == ["ref:dopa"]


def test_no_answer_under_any_candidate_is_said(tmp_path: Path, phakhi_cli) -> None:
    store = _store_with_two_answering_offices(tmp_path)
    result = phakhi_cli(store, "query", "obligations", "-p", "org=กกต.")
    assert result.exit_code == 0 and "(no rows)" in result.stdout
    assert "no rows for 'กกต.' under any of its candidates" in result.stderr


@pytest.mark.parametrize("form, text, expected", [
    ("สนง.กกต.จังหวัด", "กกต.", True), ("Office of the ECT", "ect", True),
    ("Election Commission", "ECT", False), ("กรมการปกครอง", "กกต.", False)])
def test_contains_name(form: str, text: str, expected: bool) -> None:
    assert contains_name(form, text) is expected


@pytest.mark.neo4j
def test_neo4j_settles_the_name_as_the_embedded_store_does(neo4j_store, sample_cli_store: Path) -> None:
    from phakhi.loaders.pipeline import ingest
    from phakhi.queries.choose import ask

    ingest(sorted((Path(__file__).resolve().parents[2] / "examples" / "corpus").glob("*.txt")),
           neo4j_store, progress=False)
    embedded = SQLiteStore(sample_cli_store)
    try:
        for name in ("กกต.", "ECT"):
            on_neo4j, here = ask(neo4j_store, "partners", {"org": name}), ask(embedded, "partners", {"org": name})
            assert on_neo4j.chosen == here.chosen == {"org": "ref:ect_office"}
            assert on_neo4j.rows == here.rows and len(here.rows) >= 7
            assert on_neo4j.notes == here.notes
    finally:
        embedded.close()


@pytest.mark.neo4j
def test_neo4j_cli_answers_with_agreement_labels(neo4j_store, neo4j_env, monkeypatch) -> None:
    from click.testing import CliRunner

    from phakhi.cli import main
    from phakhi.loaders.pipeline import ingest

    ingest(sorted((Path(__file__).resolve().parents[2] / "examples" / "corpus").glob("*.txt")),
           neo4j_store, progress=False)
    for key, value in neo4j_env.environ({}).items():
        monkeypatch.setenv(key, value)
    result = CliRunner().invoke(main, ["--store", neo4j_env.uri, "-q", "query", "agreements", "-p",
                                       "org=กกต.", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    labels = {r["agreement_label"] for r in json.loads(result.stdout)}
    assert labels == {"MOU พช.–สนง.กกต. · 3 ปี", "MOU ปค.–ผส.–สถ.–สนง.กกต. +1",
                      "MOU มท.–สนง.กกต. · 16 มิ.ย. 2565", "MOU สธ.–สนง.กกต. · 28 เม.ย. 2565"}
    assert "answered for ref:ect_office" in result.stderr
