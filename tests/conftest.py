"""Shared fixtures: an embedded store per test, and one real Neo4j server per session.

``neo4j_env`` uses NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (NEO4J_DATABASE) when set, else
starts ``scripts/neo4j-local`` (and leaves it running for the next session). When no
Neo4j can be had the Neo4j tests are skipped with the reason — unless
PHAKHI_REQUIRE_NEO4J=1 (CI), where that is a failure.

``neo4j_store`` gives a clean database per test. Several people run tests against the same
local server, so a test holding ``neo4j_store`` also holds an exclusive file lock: tests
from different processes take turns instead of wiping each other's data.
"""
from __future__ import annotations

import fcntl
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from phakhi.graph.stores.sqlite_store import SQLiteStore

REPO = Path(__file__).resolve().parents[1]
NEO4J_LOCAL = REPO / "scripts" / "neo4j-local"
LOCK_FILE = REPO / ".cache" / "neo4j" / "tests.lock"


@dataclass(frozen=True)
class Neo4jEnv:
    uri: str
    user: str
    password: str
    database: str = "neo4j"

    def environ(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """``os.environ`` plus the NEO4J_* variables, for running the CLI in a subprocess."""
        env = dict(os.environ if base is None else base)
        env.update(NEO4J_URI=self.uri, NEO4J_USER=self.user, NEO4J_PASSWORD=self.password,
                   NEO4J_DATABASE=self.database)
        return env


def _unavailable(reason: str) -> None:
    if os.environ.get("PHAKHI_REQUIRE_NEO4J") == "1":
        pytest.fail(f"Neo4j required (PHAKHI_REQUIRE_NEO4J=1) but unavailable: {reason}")
    pytest.skip(f"no Neo4j: {reason}")


def parse_exports(text: str) -> dict[str, str]:
    """``export A=1 B=2`` lines (what neo4j-local prints) -> ``{"A": "1", "B": "2"}``."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("export "):
            for pair in line[len("export "):].split():
                key, _, value = pair.partition("=")
                out[key] = value
    return out


def start_local_neo4j(port: int = 7687, timeout: float = 300) -> dict[str, str]:
    """Run ``scripts/neo4j-local start`` for ``port``; its NEO4J_* exports."""
    env = dict(os.environ, NEO4J_LOCAL_BOLT_PORT=str(port))
    proc = subprocess.run([str(NEO4J_LOCAL), "start"], capture_output=True, text=True, env=env,
                          timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError((proc.stderr.strip().splitlines() or ["neo4j-local failed"])[-1])
    return parse_exports(proc.stdout)


@pytest.fixture(scope="session")
def neo4j_env() -> Neo4jEnv:
    if os.environ.get("NEO4J_URI"):
        env = Neo4jEnv(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"),
                       os.environ.get("NEO4J_PASSWORD", ""),
                       os.environ.get("NEO4J_DATABASE") or "neo4j")
    else:
        try:
            exports = start_local_neo4j()
        except (OSError, RuntimeError, subprocess.TimeoutExpired) as exc:
            _unavailable(f"scripts/neo4j-local start failed: {exc}")
        env = Neo4jEnv(exports["NEO4J_URI"], exports["NEO4J_USER"], exports["NEO4J_PASSWORD"])
    from neo4j import GraphDatabase

    try:
        with GraphDatabase.driver(env.uri, auth=(env.user, env.password),
                                  connection_timeout=10) as driver:
            driver.verify_connectivity()
    except Exception as exc:  # noqa: BLE001 - any failure means "no Neo4j"
        _unavailable(f"{env.uri}: {type(exc).__name__}")
    return env


@pytest.fixture
def neo4j_lock() -> Iterator[None]:
    """Exclusive use of the shared Neo4j database across test processes."""
    LOCK_FILE.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK_FILE, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@pytest.fixture
def neo4j_store(neo4j_env: Neo4jEnv, neo4j_lock: None) -> Iterator["Neo4jStore"]:  # noqa: F821
    """A :class:`Neo4jStore` on an empty database (everything deleted before the test)."""
    from phakhi.graph.stores.neo4j_store import Neo4jStore

    store = Neo4jStore(neo4j_env.uri, neo4j_env.user, neo4j_env.password, neo4j_env.database)
    store._driver.execute_query("MATCH (n) DETACH DELETE n",  # type: ignore[union-attr]
                                database_=neo4j_env.database)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[SQLiteStore]:
    """A fresh embedded store in a temporary directory."""
    store = SQLiteStore(tmp_path / "store")
    try:
        yield store
    finally:
        store.close()


def synthetic_batches(n_docs: int, per_doc: int = 6, seed: int = 0) -> list["DocumentFacts"]:  # noqa: F821
    """Deterministic documents that overlap: each states a few shared agencies (with
    different aliases and properties), some of its own, and edges between them. For
    store tests that need volume without a loader."""
    import random

    from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Node, Provenance

    rnd = random.Random(seed)
    shared = [("Ministry", f"กระทรวงที่ {i}") for i in range(3)] + \
             [("Department", f"กรมที่ {i}") for i in range(5)]
    batches = []
    for d in range(n_docs):
        doc_id = f"doc:{d:04d}"
        prov = Provenance(doc_id, d, d + 10, f"ประโยคที่ {d}", f"/corpus/{d}.txt")
        nodes = []
        for label, name in rnd.sample(shared, 3):
            nodes.append(Node(f"{label}:{name}", label, name, [f"{name} ({d % 3})"],
                              {"abbreviation": f"ab{d % 4}"} if d % 2 else {}, [prov]))
        for k in range(per_doc - 3):
            label = rnd.choice(["Office", "VolunteerNetwork", "Person", "Agreement"])
            nodes.append(Node(f"{label}:{d}-{k}", label, f"{label} เอกสาร {d} ลำดับ {k}", [],
                              {"note": f"n{k}"}, [prov]))
        edges = []
        for k in range(1, len(nodes)):
            a, b = nodes[k], nodes[rnd.randrange(0, k)]
            edges.append(Edge(a.id, b.id, "MENTIONS" if a.type == "Agreement" else "COOPERATES_WITH",
                              {"context": f"c{d}"}, [prov], qualifier=str(k % 2)))
        batches.append(DocumentFacts(DocumentInfo(doc_id, f"/corpus/{d}.txt", f"sha{d}",
                                                  title=f"เอกสาร {d}", kind="news"),
                                     nodes, edges))
    return batches


@pytest.fixture
def make_batches():
    """``make_batches(n_docs, per_doc=6, seed=0)``: see :func:`synthetic_batches`."""
    return synthetic_batches


# -- the real CLI on a store holding the sample corpus (analyst-facing tests) ---------------

SAMPLE_CORPUS = REPO / "examples" / "corpus"


def run_cli(store: Path, *args: str, input: object = None):  # -> click.testing.Result
    """``phakhi --store STORE -q ARGS…`` in-process; stdout and stderr kept apart."""
    from click.testing import CliRunner

    from phakhi.cli import main

    return CliRunner().invoke(main, ["--store", str(store), "-q", *args], input=input,
                              catch_exceptions=False)


@pytest.fixture(scope="session")
def sample_cli_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An embedded store with the sample corpus ingested through the CLI (read-only use)."""
    store = tmp_path_factory.mktemp("sample-cli") / "store"
    result = run_cli(store, "ingest", str(SAMPLE_CORPUS))
    assert result.exit_code == 0, result.stderr
    return store


@pytest.fixture
def phakhi_cli():
    """``phakhi_cli(store, *args)`` runs the real CLI (see :func:`run_cli`)."""
    return run_cli
