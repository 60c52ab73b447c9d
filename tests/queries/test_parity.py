"""Every canned question gives the same rows on Neo4j (Cypher) and on the embedded store
(NetworkX): on a generated ontology-valid graph and on a small hand-written graph."""
from __future__ import annotations

from typing import Any

import pytest

from phakhi.queries.answer import answer_cypher, answer_networkx
from phakhi.queries.catalog import load_catalog
from phakhi.queries.testing import question_params, random_batches

pytestmark = pytest.mark.neo4j


def _compare(sqlite_store: Any, neo4j_store: Any, batches: list) -> int:
    for b in batches:
        sqlite_store.write(b)
        neo4j_store.write(b)
    g = sqlite_store.graph()
    catalog = load_catalog()
    params = question_params(g)
    assert set(params) == set(catalog), "every question needs a parity case"
    non_empty = 0
    for qid, cases in params.items():
        for case in cases:
            nx_rows = answer_networkx(g, qid, case)
            cy_rows = answer_cypher(neo4j_store, qid, case)
            assert cy_rows == nx_rows, f"{qid} {case}"
            sql_rows = answer_networkx(sqlite_store.projection_graph(), qid, case)
            assert sql_rows == nx_rows, f"{qid} {case} (projection)"
            non_empty += bool(nx_rows)
    return non_empty


def test_parity_on_generated_graph(sqlite_store: Any, neo4j_store: Any) -> None:
    hits = _compare(sqlite_store, neo4j_store, random_batches(seed=3, scale=3))
    assert hits >= 25  # the comparison is not vacuous


def test_parity_on_sample_like_graph(sqlite_store: Any, neo4j_store: Any, sample_like_batches: list) -> None:
    hits = _compare(sqlite_store, neo4j_store, sample_like_batches)
    assert hits >= 15
