"""Security end to end: hostile text arriving in a DOCUMENT, writes through ``phakhi cypher``,
credentials, markup in the HTML view.

What other tests already prove is not repeated here: parameters of canned questions
(tests/queries/test_cypher_safety.py), the push password with an unknown user
(tests/graph/test_neo4j_faults.py), markup in names inside the browser
(tests/views/test_views_browser.py). Here the hostile strings come in through ``phakhi ingest``
of a real .txt file, as they would from a published document.

Credentials are tried with an unknown user name, never a wrong password for the real account:
Neo4j locks an account for a while after failed logins, which would break other test runs.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from phakhi.cli import main
from phakhi.ontology import load_ontology

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "examples" / "corpus"
GOOD = ("001_e1bb0a1567d1703e.txt", "003_21520f6ff54556ba.txt")
CYPHER_INJECTION = "'}) MATCH (n) DETACH DELETE n //"
LABEL_INJECTION = "`Label`"
SCRIPT = "<script>window.pwned=1</script>"
ONERROR = "<img src=x onerror=alert(1)>"
# a news item whose office name and agreement title carry the payloads
HOSTILE_DOC = (
    "ข่าว\n\nวันนี้ (5 มกราคม 2566) นายสมศักดิ์ สุขใจ อธิบดีกรมอนามัย และผู้อำนวยการสำนักงาน"
    f"{LABEL_INJECTION}{CYPHER_INJECTION} ร่วมลงนามบันทึกข้อตกลงว่าด้วยความร่วมมือ{CYPHER_INJECTION} "
    f"{LABEL_INJECTION} {SCRIPT}{ONERROR} กับกรมการปกครอง\n")
# labels the Neo4j store adds for its own bookkeeping (graph/stores/neo4j_store.py)
BOOKKEEPING_LABELS = {"Entity", "PhakhiDocument", "PhakhiMerge", "PhakhiLock"}
WRONG_PASSWORD = "phakhi-h10-Wr0ng-Passw0rd-8c1f"


def _run(store: str | Path, *args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, ["--store", str(store), "-q", *args], env=env, catch_exceptions=False)


def _json(result: Result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _export(store: Path) -> dict[str, Any]:
    return _json(_run(store, "export", "--format", "json"))


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("security")
    good = base / "good"
    good.mkdir()
    for name in GOOD:
        shutil.copy(CORPUS / name, good / name)
    hostile = base / "hostile"
    hostile.mkdir()
    (hostile / "hostile.txt").write_text(HOSTILE_DOC, encoding="utf-8")
    return {"base": base, "good": good, "hostile": hostile}


def _stores(folders: dict[str, Path], tmp_path: Path) -> Path:
    store = tmp_path / "store"
    assert _run(store, "ingest", str(folders["good"])).exit_code == 0
    return store


def _hostile_names(exported: dict[str, Any]) -> list[str]:
    return [n["name"] for n in exported["nodes"] if CYPHER_INJECTION in n["name"] or LABEL_INJECTION in n["name"]]


# --- hostile names through the embedded store ------------------------------------------------

def test_hostile_names_in_a_document_change_nothing_else_in_the_embedded_store(folders: dict[str, Path],
                                                                               tmp_path: Path) -> None:
    store = _stores(folders, tmp_path)
    before = _export(store)
    assert _run(store, "ingest", str(folders["hostile"])).exit_code == 0
    after = _export(store)
    hostile = _hostile_names(after)
    assert any(CYPHER_INJECTION in n for n in hostile) and any(LABEL_INJECTION in n for n in hostile), \
        "precondition: the payloads must reach the store as names"
    # everything stored before is still there, unchanged in number
    before_ids = {n["id"] for n in before["nodes"]}
    assert before_ids <= {n["id"] for n in after["nodes"]}
    assert {e["id"] for e in before["edges"]} <= {e["id"] for e in after["edges"]}
    docs = {Path(d["path"]).name: d for d in _json(_run(store, "documents", "--format", "json"))}
    assert set(docs) == {*GOOD, "hostile.txt"}
    # no label came from the text
    labels = set(load_ontology().labels)
    assert {n["type"] for n in after["nodes"]} <= labels


# --- hostile names pushed to a real Neo4j ------------------------------------------------------

def _neo4j_counts(store: Any) -> dict[str, Any]:
    from phakhi.queries.cypher_runner import run_read

    return {
        "nodes": run_read(store, "MATCH (n) RETURN count(n) AS c")[0]["c"],
        "rels": run_read(store, "MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"],
        "ids": {r["id"] for r in run_read(store, "MATCH (n:Entity) RETURN n.id AS id")},
        "labels": {r["label"] for r in run_read(store, "CALL db.labels() YIELD label "
                                                       "MATCH (n) WHERE label IN labels(n) "
                                                       "RETURN DISTINCT label")},
        "rel_types": {r["t"] for r in run_read(store, "MATCH ()-[r]->() RETURN DISTINCT type(r) AS t")},
    }


@pytest.mark.neo4j
def test_hostile_names_pushed_to_neo4j_change_nothing_else(folders: dict[str, Path], tmp_path: Path,
                                                           neo4j_store: Any, neo4j_env: Any) -> None:
    store = _stores(folders, tmp_path)
    env = neo4j_env.environ()
    first = _run(store, "push", "--to", neo4j_env.uri, env=env)
    assert first.exit_code == 0, first.output
    before = _neo4j_counts(neo4j_store)
    assert before["nodes"] > 0

    assert _run(store, "ingest", str(folders["hostile"])).exit_code == 0
    second = _run(store, "push", "--to", neo4j_env.uri, env=env)
    assert second.exit_code == 0, second.output
    assert neo4j_env.password not in first.output + second.output
    after = _neo4j_counts(neo4j_store)

    from phakhi.queries.cypher_runner import run_read

    stored = run_read(neo4j_store, "MATCH (n:Entity) WHERE n.name CONTAINS $s RETURN n.name AS name",
                      {"s": CYPHER_INJECTION})
    assert stored, "precondition: the payload must reach Neo4j as a name"
    assert before["ids"] <= after["ids"]
    assert after["nodes"] > before["nodes"] and after["rels"] >= before["rels"]
    ontology = load_ontology()
    assert after["labels"] <= set(ontology.labels) | BOOKKEEPING_LABELS, after["labels"]
    assert "Label" not in after["labels"]
    assert after["rel_types"] <= set(ontology.rel_types)
    # Neo4j and the embedded store hold the same graph
    assert {n["id"] for n in _export(store)["nodes"]} == {n.id for n in neo4j_store.nodes()}


@pytest.mark.neo4j
def test_cypher_command_refuses_writes(folders: dict[str, Path], tmp_path: Path, neo4j_store: Any,
                                       neo4j_env: Any) -> None:
    store = _stores(folders, tmp_path)
    env = neo4j_env.environ()
    assert _run(store, "push", "--to", neo4j_env.uri, env=env).exit_code == 0
    before = _neo4j_counts(neo4j_store)
    for text in ("CREATE (n) RETURN n", "MATCH (n) DETACH DELETE n",
                 "MATCH (n:Entity) SET n.name = 'x' RETURN n", "CREATE (n:Label {id: 'intruder'})"):
        result = _run(neo4j_env.uri, "cypher", text, env=env)
        assert result.exit_code == 1, (text, result.output)
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("phakhi: error: ") and "read-only" in lines[0], lines
        assert "Traceback" not in result.output
    assert _neo4j_counts(neo4j_store) == before
    # a hostile parameter value is a value, never Cypher
    rows = _json(_run(neo4j_env.uri, "cypher", "MATCH (n:Entity {id: $id}) RETURN n.id AS id",
                      "--param", f"id={CYPHER_INJECTION}", "--format", "json", env=env))
    assert rows == [] and _neo4j_counts(neo4j_store) == before


# --- credentials -------------------------------------------------------------------------------

def _files_containing(root: Path, secret: bytes) -> list[Path]:
    hits = []
    for path in root.rglob("*"):
        try:
            if path.is_file() and secret in path.read_bytes():
                hits.append(path)
        except OSError:  # unreadable (permissions, vanished): nothing we can leak into either
            continue
    return hits


@pytest.mark.neo4j
def test_wrong_password_appears_nowhere(folders: dict[str, Path], tmp_path: Path, neo4j_env: Any) -> None:
    store = _stores(folders, tmp_path)
    env = neo4j_env.environ()
    env.update(NEO4J_USER="phakhi_h10_no_such_user", NEO4J_PASSWORD=WRONG_PASSWORD)
    commands = [
        ["--store", neo4j_env.uri, "query", "partners", "--param", "org=กรมการปกครอง"],
        ["--store", neo4j_env.uri, "cypher", "MATCH (n) RETURN count(n) AS c"],
        ["--store", neo4j_env.uri, "summary"],
        ["--store", str(store), "push", "--to", neo4j_env.uri],
    ]
    for args in commands:  # real processes: logging and warnings go where they would for a user
        proc = subprocess.run([sys.executable, "-m", "phakhi.cli", *args], env=env, capture_output=True,
                              text=True, timeout=120)
        assert proc.returncode == 1, (args, proc.stderr)
        assert "Traceback" not in proc.stderr and proc.stderr.startswith("phakhi: error: "), proc.stderr
        assert "phakhi_h10_no_such_user" in proc.stderr or "Neo4j" in proc.stderr  # the reason is given
        assert WRONG_PASSWORD not in proc.stdout + proc.stderr, args
    secret = WRONG_PASSWORD.encode()
    assert _files_containing(store, secret) == []
    assert _files_containing(folders["base"], secret) == []
    logs = [p for p in (REPO / ".cache" / "neo4j" / "instances").glob("*/logs") if p.is_dir()]
    for log_dir in logs:
        assert _files_containing(log_dir, secret) == [], log_dir


# --- markup in the HTML pages ------------------------------------------------------------------

def _assert_escaped(page: str, where: str) -> None:
    assert "<script>window" not in page, where
    assert ONERROR not in page and "<img src=x" not in page, where
    # the payload did reach the page, escaped (otherwise this test would prove nothing)
    assert any(form in page for form in ("\\u003cscript\\u003ewindow", "&lt;script&gt;window")), where


def test_view_and_report_of_a_hostile_document_hold_no_raw_markup(folders: dict[str, Path],
                                                                  tmp_path: Path) -> None:
    store = tmp_path / "store"
    from_ingest = tmp_path / "ingest-view.html"
    assert _run(store, "ingest", str(folders["hostile"]), "--view", str(from_ingest)).exit_code == 0
    view, report = tmp_path / "view.html", tmp_path / "report.html"
    assert _run(store, "view", "-o", str(view)).exit_code == 0
    assert _run(store, "report", "-o", str(report)).exit_code == 0
    for page in (from_ingest, view, report):
        _assert_escaped(page.read_text(encoding="utf-8"), page.name)
    # the page's own scripts are all there is: no script element was added by the document
    plain = tmp_path / "plain-view.html"
    assert _run(_stores(folders, tmp_path), "view", "-o", str(plain)).exit_code == 0
    assert view.read_text(encoding="utf-8").count("<script") == plain.read_text(encoding="utf-8").count("<script")
