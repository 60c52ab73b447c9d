"""Neo4j faults, caused for real: wrong credentials, nothing listening, unknown database,
a server that accepts but never answers, and a server stopped in the middle of a push.

Failed logins use a user name of their own, so Neo4j's lock-out after repeated failures
never hits the ``neo4j`` user other tests share.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from phakhi.graph.stores.neo4j_store import Neo4jStore
from phakhi.graph.stores.sqlite_store import SQLiteStore
from phakhi.graph.stores.base import StoreError

pytestmark = pytest.mark.neo4j

REPO = Path(__file__).resolve().parents[2]
NEO4J_LOCAL = REPO / "scripts" / "neo4j-local"
PRIVATE_PORT = int(os.environ.get("PHAKHI_TEST_PRIVATE_BOLT_PORT", "7697"))
WRONG_PASSWORD = "Wr0ng-pässwörd-h4-7f3c"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def one_line(exc: pytest.ExceptionInfo) -> str:
    text = str(exc.value)
    assert "\n" not in text and text.strip() == text and text
    return text


def test_wrong_credentials(neo4j_env) -> None:
    with pytest.raises(StoreError) as exc:
        Neo4jStore(neo4j_env.uri, "phakhi_no_such_user", WRONG_PASSWORD, neo4j_env.database)
    text = one_line(exc)
    assert "refused the credentials" in text and "phakhi_no_such_user" in text
    assert WRONG_PASSWORD not in text


def test_connection_refused() -> None:
    uri = f"bolt://127.0.0.1:{free_port()}"
    with pytest.raises(StoreError) as exc:
        Neo4jStore(uri, "neo4j", WRONG_PASSWORD, connection_timeout=5)
    text = one_line(exc)
    assert text.startswith(f"cannot reach Neo4j at {uri}") and WRONG_PASSWORD not in text


def test_unknown_database(neo4j_env) -> None:
    with pytest.raises(StoreError) as exc:
        Neo4jStore(neo4j_env.uri, neo4j_env.user, neo4j_env.password, "nosuchdatabase")
    text = one_line(exc)
    assert "no database 'nosuchdatabase'" in text and neo4j_env.password not in text


def test_timeouts_reach_the_driver(neo4j_env) -> None:
    store = Neo4jStore(neo4j_env.uri, neo4j_env.user, neo4j_env.password, neo4j_env.database,
                       connection_timeout=2.5, acquisition_timeout=7, max_retry_time=3)
    try:
        driver = store._driver
        assert driver._pool.pool_config.connection_timeout == 2.5
        assert driver._default_workspace_config.connection_acquisition_timeout == 7
        assert driver._default_workspace_config.max_transaction_retry_time == 3
    finally:
        store.close()


def test_a_server_that_never_answers_times_out() -> None:
    """A socket that accepts and then stays silent: the handshake must give up."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    uri = f"bolt://127.0.0.1:{listener.getsockname()[1]}"
    try:
        with pytest.raises(StoreError) as exc:
            Neo4jStore(uri, "neo4j", WRONG_PASSWORD, connection_timeout=1, acquisition_timeout=2)
        assert accepted, "the driver never connected"
        assert one_line(exc).startswith(f"cannot reach Neo4j at {uri}")
    finally:
        stop.set()
        thread.join()
        for s in accepted:
            s.close()
        listener.close()


def test_cli_never_shows_the_password(tmp_path: Path, neo4j_env) -> None:
    env = neo4j_env.environ()
    env.update(NEO4J_USER="phakhi_no_such_user", NEO4J_PASSWORD=WRONG_PASSWORD)
    SQLiteStore(tmp_path / "store").close()
    proc = subprocess.run([sys.executable, "-m", "phakhi.cli", "--store", str(tmp_path / "store"),
                           "push", "--to", neo4j_env.uri], env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.startswith("phakhi: error: ") and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr
    assert WRONG_PASSWORD not in proc.stdout + proc.stderr
    # also --store given as a URI (open_store path)
    proc = subprocess.run([sys.executable, "-m", "phakhi.cli", "--store", neo4j_env.uri, "push",
                           "--to", neo4j_env.uri], env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 1 and WRONG_PASSWORD not in proc.stdout + proc.stderr
    logs = REPO / ".cache" / "neo4j" / "instances"
    for log in logs.glob("*/logs/*.log"):
        assert WRONG_PASSWORD not in log.read_text(errors="replace"), log


# -- a second, private server, stopped in the middle of a push ---------------------------

def _local(cmd: str, port: int) -> subprocess.CompletedProcess:
    # a throw-away server: C1-only JIT starts it about twice as fast
    env = dict(os.environ, NEO4J_LOCAL_BOLT_PORT=str(port),
               NEO4J_LOCAL_JVM_OPTS="-XX:TieredStopAtLevel=1")
    return subprocess.run([str(NEO4J_LOCAL), cmd], env=env, capture_output=True, text=True,
                          timeout=300)


def _exports(text: str) -> dict[str, str]:
    return dict(pair.split("=", 1) for line in text.splitlines() if line.startswith("export ")
                for pair in line.split()[1:])


@pytest.fixture
def private_neo4j(neo4j_env) -> Iterator[dict[str, str]]:
    """A Neo4j of its own on PRIVATE_PORT (same cache, own data), stopped afterwards."""
    try:
        started = _local("start", PRIVATE_PORT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        started = subprocess.CompletedProcess([], 1, "", str(exc))
    if started.returncode != 0:
        reason = f"private Neo4j on port {PRIVATE_PORT} did not start: {started.stderr.strip()[-300:]}"
        if os.environ.get("PHAKHI_REQUIRE_NEO4J") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    env = _exports(started.stdout)
    store = Neo4jStore(env["NEO4J_URI"], env["NEO4J_USER"], env["NEO4J_PASSWORD"])
    store.clear()
    store.close()
    try:
        yield env
    finally:
        _local("stop", PRIVATE_PORT)


@pytest.mark.slow
@pytest.mark.parametrize("path", ["--no-bulk", "--bulk"])
def test_server_stopped_during_push_then_push_resumes(tmp_path: Path, private_neo4j,
                                                      make_batches, path: str) -> None:
    """The store path (documents group by group) and the bulk path (chunks, documents
    last; a chunk's CREATEs run at most once even when the driver retries it)."""
    store_dir = tmp_path / "store"
    batches = make_batches(24, per_doc=100, seed=7)
    with SQLiteStore(store_dir) as sqlite:
        for b in batches:
            sqlite.write(b)
        expected = ({n.id: n.to_dict() for n in sqlite.nodes()},
                    {e.id: e.to_dict() for e in sqlite.edges()})
    env = dict(os.environ, **private_neo4j, PHAKHI_NEO4J_BULK_ROWS="40")
    uri = private_neo4j["NEO4J_URI"]
    cmd = [sys.executable, "-m", "phakhi.cli", "--store", str(store_dir), "-q", "push", "--to", uri,
           "--retry-time", "2", "--timeout", "3", path]
    progress = ("MATCH (c:PhakhiBulkChunk) RETURN count(c) AS c" if path == "--bulk" else
                "MATCH (d:PhakhiDocument) RETURN count(d) AS c")
    push = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watcher = Neo4jStore(uri, private_neo4j["NEO4J_USER"], private_neo4j["NEO4J_PASSWORD"])
    try:
        deadline = time.monotonic() + 120  # guard against hanging, not a timing assertion
        while push.poll() is None and time.monotonic() < deadline:
            records, _, _ = watcher._driver.execute_query(progress, database_=watcher.database)
            if records[0]["c"] >= 3:
                break
    finally:
        watcher.close()
    assert push.poll() is None, "the push finished before the server could be stopped"
    assert _local("stop", PRIVATE_PORT).returncode == 0
    _, err = push.communicate(timeout=120)
    assert push.returncode == 1
    assert err.startswith("phakhi: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and private_neo4j["NEO4J_PASSWORD"] not in err

    assert _local("start", PRIVATE_PORT).returncode == 0
    # the bulk path again: the interrupted load left no document, so it loads afresh
    again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    store = Neo4jStore(uri, private_neo4j["NEO4J_USER"], private_neo4j["NEO4J_PASSWORD"])
    try:
        assert len(store.documents()) == len(batches)
        assert ({n.id: n.to_dict() for n in store.nodes()},
                {e.id: e.to_dict() for e in store.edges()}) == expected
    finally:
        store.close()
