"""The embedded store's projection tables always hold the merged view of its claims: after
writes, re-writes, removals and merge decisions, in any order."""
from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Node, Provenance
from phakhi.graph.stores.sqlite_store import DB_FILE, SQLiteStore
from phakhi.graph.stores.base import Merge
from phakhi.queries.testing import random_batches


def projected(store: SQLiteStore) -> tuple[dict[str, Any], dict[str, Any]]:
    """The projection tables as comparable dicts (ids, not keys)."""
    db = store._db
    nodes = {r[0]: (r[1], r[2], json.loads(r[3]), json.loads(r[4]), json.loads(r[5]))
             for r in db.execute("SELECT id, type, name, aliases, properties, provenance FROM proj_nodes")}
    edges = {r[0]: (r[1], r[2], r[3], r[4], json.loads(r[5]), json.loads(r[6])) for r in db.execute(
        "SELECT e.id, s.id, t.id, e.type, e.qualifier, e.properties, e.provenance FROM proj_edges e "
        "JOIN proj_nodes s ON s.key = e.source JOIN proj_nodes t ON t.key = e.target")}
    return json.loads(json.dumps(nodes)), json.loads(json.dumps(edges))


def expected(store: SQLiteStore) -> tuple[dict[str, Any], dict[str, Any]]:
    """The merged view computed from the claims (the reference)."""
    view = store._read_view()
    nodes = {n.id: (n.type, n.name, n.aliases, n.properties, [p.to_dict() for p in n.provenance])
             for n in view.nodes.values()}
    edges = {eid: (e.source, e.target, e.type, e.qualifier, e.properties,
                   [p.to_dict() for p in e.provenance]) for eid, e in view.edges.items()}
    return json.loads(json.dumps(nodes)), json.loads(json.dumps(edges))


IDS = ["A", "B", "C", "D", "E"]


def _doc(doc: str, spec: list[tuple[str, str, int]], names: dict[str, str]) -> DocumentFacts:
    """A document stating nodes and edges (source, target, qualifier-number)."""
    nodes, edges = {}, []
    for s, t, q in spec:
        for x in (s, t):
            nodes[x] = Node(x, "Department", names.get(x, x), [f"{x}-{doc}"], {f"p{doc}": doc},
                            [Provenance(doc, 1, 2, x)])
        edges.append(Edge(s, t, "COOPERATES_WITH", {"doc": doc}, [Provenance(doc, 3, 4, s + t)],
                          qualifier=str(q)))
    return DocumentFacts(DocumentInfo(doc, f"/{doc}.txt", f"f-{doc}-{len(spec)}"), list(nodes.values()), edges)


step = st.one_of(
    st.tuples(st.just("write"), st.sampled_from(["d1", "d2", "d3"]),
              st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from(IDS), st.integers(0, 1)),
                       max_size=4)),
    st.tuples(st.just("remove"), st.sampled_from(["d1", "d2", "d3"]), st.just([])),
    st.tuples(st.just("merge"), st.sampled_from(IDS), st.sampled_from(IDS)),
    st.tuples(st.just("undo"), st.sampled_from(IDS), st.just(None)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(step, min_size=1, max_size=12))
def test_projection_equals_the_merged_view_after_any_changes(tmp_path: Path, steps: list) -> None:
    store = SQLiteStore(tmp_path / f"s{random.random()}")
    try:
        for i, (kind, a, b) in enumerate(steps):
            if kind == "write":
                store.write(_doc(a, b, {"A": f"name{i}"}))
            elif kind == "remove":
                store.remove_document(a)
            elif kind == "merge":
                store.set_merge(Merge(a, b, 1.0, "test", created_at=f"2024-01-{i + 1:02d}"))
            else:
                store.delete_merge(a)
            assert projected(store) == expected(store), steps[: i + 1]
    finally:
        store.close()


def test_write_many_groups_documents_and_keeps_the_projection(tmp_path: Path) -> None:
    batches = random_batches(seed=3)
    with SQLiteStore(tmp_path / "s") as store:
        store.write_many(batches)
        assert len(store.documents()) == len(batches)
        assert projected(store) == expected(store)


def test_an_old_store_gets_its_projection_on_open(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s") as store:
        store.write_many(random_batches(seed=4))
        want = projected(store)
    db = sqlite3.connect(tmp_path / "s" / DB_FILE)
    for table in ("proj_nodes", "proj_edges", "proj_names", "proj_resolved"):
        db.execute(f"DROP TABLE {table}")
    db.execute("DELETE FROM meta WHERE key='projection_version'")
    db.commit()
    db.close()
    with SQLiteStore(tmp_path / "s") as store:
        assert projected(store) == want
