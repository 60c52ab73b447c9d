"""The embedded store and Neo4j show the same graph for the same documents.

The sample corpus goes through the loaders into SQLite, is pushed to Neo4j with
``phakhi push``, and both merged views must agree node for node and edge for edge —
types, names, aliases, properties and provenance.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from phakhi.cli import main
from phakhi.graph.model import DocumentFacts
from phakhi.graph.stores.sqlite_store import SQLiteStore
from phakhi.graph.stores.base import Merge

pytestmark = pytest.mark.neo4j

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def corpus_batches() -> list[DocumentFacts]:
    """The sample corpus through the loaders (the facts the product really makes)."""
    try:
        from phakhi.loaders.extract import extract_document
        from phakhi.loaders.readers import read_source
    except ImportError:  # pragma: no cover - loaders not there yet
        return []
    batches = []
    for path in sorted(CORPUS.glob("*.txt")):
        src = read_source(path)
        batches.append(extract_document(src, f"doc:{path.stem}"))
    return batches


def as_dicts(store) -> tuple[dict, dict]:
    nodes = {n.id: n.to_dict() for n in store.nodes()}
    edges = {e.id: e.to_dict() for e in store.edges()}
    return nodes, edges


def test_sqlite_and_neo4j_agree(tmp_path: Path, neo4j_store, neo4j_env, make_batches,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    batches = corpus_batches() or make_batches(20)
    with SQLiteStore(tmp_path / "store") as sqlite:
        for b in batches:
            sqlite.write(b)
        # a merge decision, so rewritten ends and folded edges are compared too
        nodes = list(sqlite.nodes())
        same_type = [n for n in nodes if n.type == nodes[0].type]
        if len(same_type) >= 2:
            sqlite.set_merge(Merge(same_type[1].id, same_type[0].id, 0.9, "parity test"))
        expected_nodes, expected_edges = as_dicts(sqlite)
    assert len(expected_nodes) >= 10 and len(expected_edges) >= 5

    for key, value in neo4j_env.environ({}).items():
        monkeypatch.setenv(key, value)
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "store"), "-q", "push",
                                       "--to", neo4j_env.uri, "--batch-size", "7"])
    assert result.exit_code == 0, result.output

    got_nodes, got_edges = as_dicts(neo4j_store)
    assert Counter(n["type"] for n in got_nodes.values()) == \
        Counter(n["type"] for n in expected_nodes.values())
    assert Counter(e["type"] for e in got_edges.values()) == \
        Counter(e["type"] for e in expected_edges.values())
    assert got_nodes == expected_nodes
    assert got_edges == expected_edges
    # in Cypher, the merged view is the stated entities (merged-away ids have no node)
    records, _, _ = neo4j_store._driver.execute_query(
        "MATCH (n:Entity) WHERE n.claims IS NOT NULL RETURN n.id AS id",
        database_=neo4j_store.database)
    assert {r["id"] for r in records} == set(expected_nodes)
    assert [d.doc_id for d in neo4j_store.documents()] == [b.document.doc_id for b in batches]

    # pushing again changes nothing and writes nothing
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "store"), "push",
                                       "--to", neo4j_env.uri])
    assert result.exit_code == 0
    assert f"0 document(s), {len(batches)} unchanged" in result.output
    assert as_dicts(neo4j_store) == (expected_nodes, expected_edges)
