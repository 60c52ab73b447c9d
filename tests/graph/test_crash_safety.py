"""Crash safety for real: processes killed with SIGKILL in the middle of writing.

Afterwards every document's facts are all there or not there at all, and running the
same job again completes the store.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from typing import Any
from pathlib import Path

import pytest

from phakhi.graph.stores.sqlite_store import SQLiteStore

PYTHON = sys.executable

# A child process that writes big synthetic documents into the embedded store, skipping
# those already stored with the same fingerprint (as ingest does). With KILL_AT="doc:row"
# it SIGKILLs itself from inside SQLite's statement trace once document ``doc`` has
# inserted ``row`` claim rows: a real crash at a known point inside the transaction.
WRITER = textwrap.dedent("""
    import os, signal, sys
    from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Node, Provenance
    from phakhi.graph.stores.sqlite_store import SQLiteStore

    store_dir, n_docs, per_doc = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    kill_doc, kill_row = map(int, os.environ.get("KILL_AT", "-1:-1").split(":"))
    store = SQLiteStore(store_dir)
    state = {"doc": -1, "rows": 0}

    def trace(sql):
        if sql.startswith("INSERT INTO node_claims") or sql.startswith("INSERT INTO edge_claims"):
            state["rows"] += 1
            if state["doc"] == kill_doc and state["rows"] == kill_row:
                os.kill(os.getpid(), signal.SIGKILL)

    store._db.set_trace_callback(trace)
    for d in range(n_docs):
        doc_id, fp = f"doc:{d}", f"sha-{d}"
        if store.fingerprint(doc_id) == fp:
            continue
        prov = Provenance(doc_id, 0, 1)
        shared = [Node(f"Department:กรม {k}", "Department", f"กรม {k}", [f"alias {d}"], {}, [prov])
                  for k in range(5)]
        own = [Node(f"Person:{d}-{k}", "Person", f"บุคคล {d}-{k}", [], {}, [prov])
               for k in range(per_doc)]
        edges = [Edge(p.id, shared[k % 5].id, "HOLDS_POSITION", {}, [prov]) for k, p in enumerate(own)]
        state["doc"], state["rows"] = d, 0
        print(f"begin {d}", flush=True)
        store.write(DocumentFacts(DocumentInfo(doc_id, f"/c/{d}.txt", fp), shared + own, edges))
        print(f"done {d}", flush=True)
""")


def run_writer(store_dir: Path, n_docs: int, per_doc: int, kill_at: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if kill_at:
        env["KILL_AT"] = kill_at
    return subprocess.run([PYTHON, "-c", WRITER, str(store_dir), str(n_docs), str(per_doc)],
                          capture_output=True, text=True, env=env, timeout=300)


def assert_all_or_nothing(store_dir: Path, per_doc: int) -> set[str]:
    """Each stored document has exactly its claims; no claims without a document."""
    with SQLiteStore(store_dir) as store:
        db = store._db
        claims = dict(db.execute("SELECT doc_id, count(*) FROM node_claims GROUP BY doc_id"))
        edge_claims = dict(db.execute("SELECT doc_id, count(*) FROM edge_claims GROUP BY doc_id"))
        docs = {d.doc_id: d for d in store.documents()}
        assert set(claims) == set(docs)
        for doc_id, info in docs.items():
            assert claims[doc_id] == info.node_count == per_doc + 5, doc_id
            assert edge_claims[doc_id] == info.edge_count == per_doc, doc_id
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return set(docs)


def test_sigkill_inside_a_write_leaves_whole_documents(tmp_path: Path) -> None:
    store_dir, n_docs, per_doc = tmp_path / "store", 6, 800
    # killed half-way through inserting document 3's claims
    proc = run_writer(store_dir, n_docs, per_doc, kill_at=f"3:{per_doc}")
    assert proc.returncode == -signal.SIGKILL
    assert "begin 3" in proc.stdout and "done 3" not in proc.stdout
    assert assert_all_or_nothing(store_dir, per_doc) == {"doc:0", "doc:1", "doc:2"}
    # running again completes, skipping what is there
    proc = run_writer(store_dir, n_docs, per_doc)
    assert proc.returncode == 0, proc.stderr
    assert "begin 0" not in proc.stdout and "begin 3" in proc.stdout
    assert assert_all_or_nothing(store_dir, per_doc) == {f"doc:{d}" for d in range(n_docs)}


def test_sigkill_while_rewriting_keeps_the_old_facts(tmp_path: Path) -> None:
    store_dir, per_doc = tmp_path / "store", 300
    assert run_writer(store_dir, 2, per_doc).returncode == 0
    with SQLiteStore(store_dir) as store:
        before = sorted(n.id for n in store.nodes())
        # make doc:1 look changed, so the next run rewrites it
        store._db.execute("UPDATE documents SET fingerprint='old' WHERE doc_id='doc:1'")
    # killed after the old claims were deleted and half the new ones inserted
    proc = run_writer(store_dir, 2, per_doc, kill_at=f"1:{per_doc // 2}")
    assert proc.returncode == -signal.SIGKILL
    assert assert_all_or_nothing(store_dir, per_doc) == {"doc:0", "doc:1"}
    with SQLiteStore(store_dir) as store:
        assert store.fingerprint("doc:1") == "old"  # the old version, whole
        assert sorted(n.id for n in store.nodes()) == before


def test_sigkill_during_phakhi_ingest_then_ingest_completes(tmp_path: Path) -> None:
    """The real ``phakhi ingest`` on copies of the sample corpus, killed once some
    documents are in; every stored document is whole, and ingesting again finishes."""
    corpus = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    files = sorted(corpus.glob("*.txt"))
    for copy in ("a", "b"):
        (tmp_path / "in" / copy).mkdir(parents=True)
        for f in files:
            (tmp_path / "in" / copy / f.name).write_bytes(f.read_bytes())
    store_dir = tmp_path / "store"
    cmd = [PYTHON, "-m", "phakhi.cli", "--store", str(store_dir), "-q", "ingest", str(tmp_path / "in")]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    killed = False
    try:
        deadline = time.monotonic() + 240  # guard against hanging, not a timing assertion
        while proc.poll() is None and time.monotonic() < deadline:
            if (store_dir / "phakhi.sqlite").exists():
                with SQLiteStore(store_dir) as store:
                    if len(store.documents()) >= 2:
                        proc.send_signal(signal.SIGKILL)
                        killed = True
                        break
            time.sleep(0.05)
    finally:
        if proc.poll() is None and not killed:
            proc.kill()
        proc.wait()
    assert killed, "ingest finished before it could be killed"

    def whole_documents() -> set[str]:
        with SQLiteStore(store_dir) as store:
            db = store._db
            claims = dict(db.execute("SELECT doc_id, count(*) FROM node_claims GROUP BY doc_id"))
            edges = dict(db.execute("SELECT doc_id, count(*) FROM edge_claims GROUP BY doc_id"))
            docs = store.documents()
            assert set(claims) <= {d.doc_id for d in docs}
            for d in docs:
                assert claims.get(d.doc_id, 0) == d.node_count and edges.get(d.doc_id, 0) == d.edge_count
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            return {d.path for d in docs}

    # documents are committed in groups: on a quiet machine every one may be stored before the
    # kill lands (then resolution was cut off); either way only whole documents are there
    assert 2 <= len(whole_documents()) <= 2 * len(files)
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert len(whole_documents()) == 2 * len(files)


# -- Neo4j: a push killed mid-way ------------------------------------------------------

def _embedded_store(store_dir: Path, batches: list) -> tuple[dict, dict]:
    """An embedded store of ``batches``; its merged view (what Neo4j must end up holding)."""
    with SQLiteStore(store_dir) as sqlite:
        for b in batches:
            sqlite.write(b)
        return ({n.id: n.to_dict() for n in sqlite.nodes()},
                {e.id: e.to_dict() for e in sqlite.edges()})


def _kill_when(proc: subprocess.Popen, ready: Any) -> bool:
    """SIGKILL ``proc`` as soon as ``ready()``; False if it finished first."""
    try:
        deadline = time.monotonic() + 120  # a guard against hanging, not a timing assertion
        while proc.poll() is None and time.monotonic() < deadline:
            if ready():
                proc.send_signal(signal.SIGKILL)
                return True
        return False
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


@pytest.mark.neo4j
def test_sigkill_during_push_then_push_completes(tmp_path: Path, neo4j_store, neo4j_env,
                                                 make_batches) -> None:
    store_dir = tmp_path / "store"
    batches = make_batches(30, per_doc=150, seed=3)
    expected = _embedded_store(store_dir, batches)
    env = neo4j_env.environ()
    cmd = [PYTHON, "-m", "phakhi.cli", "--store", str(store_dir), "-q", "push", "--to",
           neo4j_env.uri, "--batch-size", "50", "--no-bulk"]  # the store path: group by group
    driver = neo4j_store._driver

    def in_a_transaction_after_three_documents() -> bool:
        docs = driver.execute_query("MATCH (d:PhakhiDocument) RETURN count(d) AS c",
                                    database_=neo4j_env.database)[0][0]["c"]
        return docs >= 3 and driver.execute_query(
            "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'UNWIND' "
            "RETURN count(*) AS c", database_=neo4j_env.database)[0][0]["c"] > 0
    assert _kill_when(subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                       text=True), in_a_transaction_after_three_documents), \
        "the push finished before it could be killed"
    # after the kill: whole documents only
    stored = {d.doc_id: d for d in neo4j_store.documents()}
    assert 3 <= len(stored) < len(batches)
    rows = driver.execute_query("MATCH (n:Entity) WHERE n.claims IS NOT NULL RETURN n.claims AS c",
                                database_=neo4j_env.database)[0]
    per_doc: dict[str, int] = {}
    for r in rows:
        for doc_id in json.loads(r["c"]):
            per_doc[doc_id] = per_doc.get(doc_id, 0) + 1
    assert set(per_doc) == set(stored)
    for doc_id, info in stored.items():
        assert per_doc[doc_id] == info.node_count
    # pushing again completes, and the result is what an uninterrupted push gives
    done = subprocess.run(cmd[:5] + ["push", "--to", neo4j_env.uri], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{len(batches) - len(stored)} document(s), {len(stored)} unchanged" in done.stderr
    assert ({n.id: n.to_dict() for n in neo4j_store.nodes()},
            {e.id: e.to_dict() for e in neo4j_store.edges()}) == expected


@pytest.mark.neo4j
def test_sigkill_during_bulk_push_then_push_completes(tmp_path: Path, neo4j_store, neo4j_env,
                                                      make_batches) -> None:
    """The bulk path killed mid-load leaves no document (they go last), so the database
    still counts as empty; the next push clears what was left and loads everything."""
    store_dir = tmp_path / "store"
    batches = make_batches(30, per_doc=150, seed=3)
    expected = _embedded_store(store_dir, batches)
    env = dict(neo4j_env.environ(), PHAKHI_NEO4J_BULK_ROWS="40")  # many small chunks
    cmd = [PYTHON, "-m", "phakhi.cli", "--store", str(store_dir), "-q", "push", "--to",
           neo4j_env.uri]
    driver = neo4j_store._driver

    def chunks_written() -> bool:
        return driver.execute_query("MATCH (c:PhakhiBulkChunk) RETURN count(c) AS c",
                                    database_=neo4j_env.database)[0][0]["c"] >= 3
    assert _kill_when(subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True), chunks_written), \
        "the push finished before it could be killed"
    assert neo4j_store.documents() == []
    assert driver.execute_query("MATCH (n:Entity) RETURN count(n) AS c",
                                database_=neo4j_env.database)[0][0]["c"] > 0  # half a load
    done = subprocess.run([c for c in cmd if c != "-q"], env=neo4j_env.environ(),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{len(batches)} document(s) (bulk load)" in done.stderr
    assert ({n.id: n.to_dict() for n in neo4j_store.nodes()},
            {e.id: e.to_dict() for e in neo4j_store.edges()}) == expected
