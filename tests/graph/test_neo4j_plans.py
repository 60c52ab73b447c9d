"""The statements a write runs stay index seeks: every entity found by its unique id, every
relationship through its two ends — no plan scans a label, a relationship type, an index or
the whole graph (the planner trap: an id lookup re-planned as a scan per row)."""
from __future__ import annotations

from typing import Any

import pytest
from neo4j import ManagedTransaction

from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Node, Provenance
from phakhi.graph.stores.base import Merge

pytestmark = pytest.mark.neo4j

SCANS = ("AllNodesScan", "NodeByLabelScan", "RelationshipTypeScan", "AllRelationshipsScan",
         "IndexScan")
MOI, DOPA, DUP = "Ministry:มท", "Department:ปค", "Department:ปค (ซ้ำ)"


def _doc(doc_id: str, nodes: list[Node], edges: list[Edge]) -> DocumentFacts:
    return DocumentFacts(DocumentInfo(doc_id, f"/in/{doc_id}.txt", "f" + doc_id), nodes, edges)


def _node(nid: str, doc_id: str) -> Node:
    return Node(nid, nid.split(":")[0], nid.split(":")[1], [], {}, [Provenance(doc_id)])


def _operators(plan: dict[str, Any]) -> list[str]:
    out = [plan["operatorType"].split("@")[0]]
    for child in plan.get("children", []):
        out += _operators(child)
    return out


class _Recorder:
    """Every UNWIND statement a write runs, with the first rows it was given."""

    def __init__(self) -> None:
        self.statements: dict[str, dict[str, Any]] = {}

    def __enter__(self) -> "_Recorder":
        self._orig = orig = ManagedTransaction.run
        seen = self.statements

        def run(tx: Any, query: str, parameters: Any = None, **kwargs: Any) -> Any:
            params = dict(parameters or {}, **kwargs)
            if query.startswith("UNWIND") and (params.get("rows") or params.get("ids")):
                seen.setdefault(query, params)
            return orig(tx, query, parameters, **kwargs)

        ManagedTransaction.run = run  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        ManagedTransaction.run = self._orig  # type: ignore[method-assign]


def test_hot_write_statements_are_index_seeks(neo4j_store, sqlite_store) -> None:
    from phakhi.graph.stores.push import push

    first = [_doc("a", [_node(MOI, "a"), _node(DOPA, "a")],
                  [Edge(DOPA, MOI, "PART_OF", {}, [Provenance("a")])]),
             _doc("b", [_node(DUP, "b"), _node(MOI, "b")],
                  [Edge(DUP, MOI, "PART_OF", {}, [Provenance("b")])])]
    with _Recorder() as rec:
        for b in first:
            sqlite_store.write(b)
        push(sqlite_store, neo4j_store)  # the bulk path
        neo4j_store.write_many(first)  # the store path over existing facts: updates
        neo4j_store.set_merge(Merge(DUP, DOPA, 1.0, "test"))  # relationships move
        neo4j_store.write(_doc("b", [_node(MOI, "b")], []))  # and are deleted
        neo4j_store.delete_merge(DUP)
        neo4j_store.remove_document("a")
    queries = rec.statements
    assert any("CREATE (a)-[r:PART_OF]->(b)" in q for q in queries)
    assert any("SET r = row.props" in q and "MATCH (a:Entity {id: row.s})-[r:PART_OF]" in q
               for q in queries)
    assert any("DELETE r" in q for q in queries)
    for query, params in queries.items():
        with neo4j_store._driver.session(database=neo4j_store.database) as session:
            plan = session.run("EXPLAIN " + query, params).consume().plan
        ops = _operators(plan)
        assert not [op for op in ops if any(s in op for s in SCANS)], f"{query}: {ops}"
        if "{id: row.s}" in query or "{id: id}" in query or "{id: row.id}" in query:
            assert any("NodeUniqueIndexSeek" in op for op in ops), f"{query}: {ops}"
        assert not [op for op in ops if "RelationshipIndex" in op], f"{query}: {ops}"
