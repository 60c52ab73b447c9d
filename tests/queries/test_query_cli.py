"""The `queries`, `query`, `cypher` and `analyze` commands, run through click's CliRunner."""
from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from click.testing import CliRunner

from phakhi.cli import main


def run(store: Any, *args: str, env: dict[str, str] | None = None) -> Any:
    location = store if isinstance(store, str) else str(store.directory)
    return CliRunner().invoke(main, ["--store", location, *args], env=env)


def test_queries_lists_every_question() -> None:
    result = CliRunner().invoke(main, ["queries", "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = {q["id"]: q for q in json.loads(result.stdout)}
    assert {"partners", "expiring", "networks", "path", "ego"} <= set(listed)
    assert "org:entity" in listed["partners"]["params"]
    assert CliRunner().invoke(main, ["queries"]).stdout.startswith("id ")


def test_query_resolves_names_and_prints_json(sample_like_store: Any) -> None:
    result = run(sample_like_store, "query", "partners", "--param", "org=พช.", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["partner"] for r in rows] == ["ref:ect_office"]
    assert rows[0]["agreements"] == ["Agreement:mou-cdd"]


def test_query_csv_and_table(sample_like_store: Any) -> None:
    result = run(sample_like_store, "query", "expiring", "-p", "as_of=2022-06-01", "-p", "days=365",
                 "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("\ufeff")  # Excel reads Thai as UTF-8
    rows = list(csv.DictReader(io.StringIO(result.stdout[1:])))
    undated = [r for r in rows if r["status"] == "undated"]
    reasons = {r["agreement"]: r["reason"] for r in undated}
    assert reasons["Agreement:mou-cdd"] == "signing date not stated"
    assert reasons["Agreement:mou-odd"] == "signing date not understood"
    open_ended = {r["agreement"]: r["reason"] for r in rows if r["status"] == "open-ended"}
    assert open_ended["Agreement:mou-moi"] == "signed, but no duration or end date stated"
    assert any(r["status"] == "ending" and r["end_date"] == "2022-12-20" for r in rows)
    table = run(sample_like_store, "query", "networks")
    assert table.exit_code == 0 and "ref:vhv" in table.stdout and "กรมสนับสนุนบริการสุขภาพ" in table.stdout


@pytest.mark.parametrize("args, message", [
    (["query", "partners", "-p", "org=กรมที่ไม่มีจริง"], "no entity is named"),
    (["query", "partners"], "needs --param org"),
    (["query", "partners", "-p", "org"], "expected key=value"),
    (["query", "ego", "-p", "entity=พช.", "-p", "depth=many"], "must be an integer"),
    (["query", "no-such-question"], "no question"),
    (["query", "signatories"], "needs one of"),
    (["cypher", "MATCH (n) RETURN n"], "needs a Neo4j store"),
    (["analyze", "brokers", "--type", "Agency"], "not a node label"),
])
def test_bad_input_is_one_line_and_exit_1(sample_like_store: Any, args: list[str], message: str) -> None:
    result = run(sample_like_store, *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_ambiguous_name_lists_candidates(sqlite_store: Any) -> None:
    from phakhi.graph.model import DocumentFacts, DocumentInfo, Node

    nodes = [Node("Office:a", "Office", "สำนักงาน ก", ["สนง.ทดสอบ"]),
             Node("Office:b", "Office", "สำนักงาน ข", ["สนง.ทดสอบ"])]
    sqlite_store.write(DocumentFacts(DocumentInfo("d", "/d.txt", "sha"), nodes, []))
    result = run(sqlite_store, "query", "ego", "-p", "entity=สนง.ทดสอบ")
    assert result.exit_code == 1
    assert "ambiguous" in result.stderr and "Office:a" in result.stderr and "Office:b" in result.stderr


def test_analyze_rankings_and_groups(sample_like_store: Any) -> None:
    result = run(sample_like_store, "analyze", "brokers", "--top", "3", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 3 and rows[0]["betweenness"] >= rows[-1]["betweenness"] > 0
    deps = json.loads(run(sample_like_store, "analyze", "most-connected", "--type", "Department",
                          "--format", "json").stdout)
    assert deps and {r["type"] for r in deps} == {"Department"}
    groups = json.loads(run(sample_like_store, "analyze", "components", "--layer", "all",
                            "--format", "json").stdout)
    assert sum(g["size"] for g in groups) == sample_like_store.graph().number_of_nodes()
    for name in ("communities", "k-core", "pagerank"):
        assert run(sample_like_store, "analyze", name).exit_code == 0


@pytest.mark.neo4j
def test_cypher_is_read_only_from_the_cli(neo4j_env: Any, neo4j_store: Any, sample_like_batches: list) -> None:
    for b in sample_like_batches:
        neo4j_store.write(b)
    env = neo4j_env.environ()
    ok = run(neo4j_env.uri, "cypher", "MATCH (n:Entity {id: $id}) RETURN n.name AS name",
             "--param", "id=ref:cdd", "--format", "json", env=env)
    assert ok.exit_code == 0, ok.stderr
    assert json.loads(ok.stdout) == [{"name": "กรมการพัฒนาชุมชน"}]
    refused = run(neo4j_env.uri, "cypher", "CREATE (n:Entity {id: 'x'}) RETURN n", env=env)
    assert refused.exit_code == 1 and "read-only" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    count = run(neo4j_env.uri, "cypher", "MATCH (n:Entity {id: 'x'}) RETURN count(n) AS c",
                "--format", "json", env=env)
    assert json.loads(count.stdout) == [{"c": 0}]
    # the canned question on Neo4j gives what the embedded store gives
    neo = run(neo4j_env.uri, "query", "partners", "-p", "org=พช.", "--format", "json", env=env)
    assert neo.exit_code == 0, neo.stderr
    assert [r["partner"] for r in json.loads(neo.stdout)] == ["ref:ect_office"]
    # Neo4j holds the resolved graph: no note that merges apply only to the embedded store
    from phakhi.graph.stores import Merge

    neo4j_store.set_merge(Merge("Person:ไม่มีใคร", "ref:cdd", 1.0, "test"))
    again = run(neo4j_env.uri, "query", "partners", "-p", "org=พช.", "--format", "json", env=env)
    assert again.exit_code == 0 and again.stderr == "", again.stderr


def test_evidence_of_a_fact_named_by_its_ends(sample_like_store: Any) -> None:
    result = run(sample_like_store, "query", "evidence", "-p", "source=สำนักงาน กกต.",
                 "-p", "target=บันทึกข้อตกลง ECT–CDD", "-p", "rel=PARTY_TO", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["doc_id"] for r in rows] == ["letter"]
    assert rows[0]["subject"].startswith("PARTY_TO:") and "กรมการพัฒนาชุมชน" in rows[0]["sentence"]
    half = run(sample_like_store, "query", "evidence", "-p", "source=พช.")
    assert half.exit_code == 1 and "needs both" in half.stderr
