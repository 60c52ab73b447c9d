"""Every canned question gives the same rows on Neo4j (Cypher) and on the embedded store
(NetworkX): on a generated ontology-valid graph and on a small hand-written graph."""
from __future__ import annotations

from typing import Any

import pytest

from phakhi.queries.answer import answer_cypher, answer_networkx
from phakhi.queries.catalog import load_catalog
from phakhi.queries.testing import random_batches

pytestmark = pytest.mark.neo4j


def _param_sets(g: Any) -> dict[str, list[dict[str, Any]]]:
    """Parameter choices that hit real data in ``g`` (the first few nodes of each kind)."""
    def of(*types: str, n: int = 3) -> list[str]:
        return sorted(x for x, a in g.nodes(data=True) if a.get("type") in types)[:n]

    orgs = of("Department", "Ministry", "IndependentAgency", "Office", n=4)
    agreements = of("Agreement")
    people = of("Person")
    centers = of("Center")
    provinces = of("Province", n=2)
    departments = of("Department", n=2)
    edge = sorted(k for _, _, k in g.edges(keys=True))[:2]
    everything = sorted(g.nodes)
    return {
        "partners": [{"org": o} for o in orgs],
        "agreements": [{"org": o} for o in orgs],
        "signatories": [{"agreement": a} for a in agreements] + [{"org": o} for o in orgs[:2]],
        "obligations": [{"org": o} for o in orgs] + [{"org": orgs[0], "agreement": agreements[0]}],
        "networks": [{"center": c} for c in centers],
        "ministries-reached": [{"org": o} for o in orgs],
        "positions": [{"person": p} for p in people] + [{"org": o} for o in orgs],
        "expiring": [{"days": 3650, "as_of": "2021-01-01"}, {"days": 30, "as_of": "2023-06-01"}],
        "timeline": [{}, {"from": "2021-01-01", "to": "2022-12-31"}],
        "trainer-coverage": [{}] + [{"province": p} for p in provinces] + [{"department": d} for d in departments],
        "evidence": [{"entity": x} for x in everything[:3]] + [{"fact": e} for e in edge]
        + [{"source": u, "target": v} for u, v, _ in sorted(g.edges(keys=True))[:2]]
        + [{"source": u, "target": v, "rel": "PARTY_TO"} for u, v, _ in sorted(g.edges(keys=True))[:3]],
        "path": [{"a": everything[0], "b": everything[-1]}, {"a": orgs[0], "b": people[0]}],
        "ego": [{"entity": orgs[0], "depth": 1}, {"entity": orgs[0], "depth": 2},
                {"entity": people[0], "depth": 3}],
    }


def _compare(sqlite_store: Any, neo4j_store: Any, batches: list) -> int:
    for b in batches:
        sqlite_store.write(b)
        neo4j_store.write(b)
    g = sqlite_store.graph()
    catalog = load_catalog()
    params = _param_sets(g)
    assert set(params) == set(catalog), "every question needs a parity case"
    non_empty = 0
    for qid, cases in params.items():
        for case in cases:
            nx_rows = answer_networkx(g, qid, case)
            cy_rows = answer_cypher(neo4j_store, qid, case)
            assert cy_rows == nx_rows, f"{qid} {case}"
            non_empty += bool(nx_rows)
    return non_empty


def test_parity_on_generated_graph(sqlite_store: Any, neo4j_store: Any) -> None:
    hits = _compare(sqlite_store, neo4j_store, random_batches(seed=3, scale=3))
    assert hits >= 25  # the comparison is not vacuous


def test_parity_on_sample_like_graph(sqlite_store: Any, neo4j_store: Any, sample_like_batches: list) -> None:
    hits = _compare(sqlite_store, neo4j_store, sample_like_batches)
    assert hits >= 15
