"""``Neo4jStore.write_many``: many documents per transaction, the same database as one
``write`` per document — entities, relationships, bookkeeping, merges and removal."""
from __future__ import annotations

import json

import pytest

from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Node, Provenance
from phakhi.graph.stores.base import Merge, StoreError

pytestmark = pytest.mark.neo4j

MOI = "Ministry:กระทรวงมหาดไทย"
DOPA = "Department:กรมการปกครอง"
DUP = "Department:กรมการปกครอง (ปค.)"
MERGE_DUP = Merge(DUP, DOPA, 0.9, "abbreviation", created_at="2026-01-01T00:00:00")


def doc(doc_id: str, nodes: list[Node], edges: list[Edge] = ()) -> DocumentFacts:
    return DocumentFacts(DocumentInfo(doc_id, f"/in/{doc_id}.txt", "f" + doc_id,
                                      ingested_at="2026-01-01T00:00:00"), list(nodes), list(edges))


def node(nid: str, name: str, doc_id: str, aliases: list[str] = ()) -> Node:
    return Node(nid, nid.split(":")[0], name, list(aliases), {}, [Provenance(doc_id, 0, 3)])


def docs() -> list[DocumentFacts]:
    return [
        doc("a", [node(MOI, "กระทรวงมหาดไทย", "a", ["มท."]), node(DOPA, "กรมการปกครอง", "a")],
            [Edge(DOPA, MOI, "PART_OF", {}, [Provenance("a")])]),
        doc("b", [node(DUP, "กรมการปกครอง (ปค.)", "b"), node(MOI, "กระทรวงมหาดไทย", "b")],
            [Edge(DUP, MOI, "PART_OF", {}, [Provenance("b")])]),
        doc("c", [node(MOI, "กระทรวงมหาดไทย", "c", ["Ministry of Interior"])]),
    ]


def snapshot(store, *, counter: bool = True) -> dict:
    """Everything in the database, comparable across runs (``counter``: with the lock's
    next document seq, which a removal never gives back)."""
    nodes, _, _ = store._driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS p", database_=store.database)
    rels, _, _ = store._driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, properties(r) AS p, b.id AS b",
        database_=store.database)
    out_nodes = []
    for r in nodes:
        p = dict(r["p"])
        if "PhakhiLock" in r["labels"]:
            p = {k: p[k] for k in ("resolved", "next_seq", "format")
                 if k in p and (counter or k != "next_seq")}
        out_nodes.append(json.dumps([sorted(r["labels"]), p], sort_keys=True, ensure_ascii=False,
                                    default=str))
    out_rels = [json.dumps([r["a"], r["t"], dict(r["p"]), r["b"]], sort_keys=True,
                           ensure_ascii=False, default=str) for r in rels]
    return {"nodes": sorted(out_nodes), "rels": sorted(out_rels)}


def clear(store) -> None:
    store._driver.execute_query("MATCH (n) DETACH DELETE n", database_=store.database)


@pytest.mark.parametrize("group_facts", [1, 3, 10_000])
def test_write_many_equals_one_write_per_document(neo4j_store, group_facts: int) -> None:
    neo4j_store.set_merge(MERGE_DUP)
    for b in docs():
        neo4j_store.write(b)
    neo4j_store.write(docs()[0])  # rewriting keeps the seq
    expected = snapshot(neo4j_store)
    expected_view = ({n.id: n.to_dict() for n in neo4j_store.nodes()},
                     {e.id: e.to_dict() for e in neo4j_store.edges()})

    clear(neo4j_store)
    neo4j_store.group_facts = group_facts
    neo4j_store.set_merge(MERGE_DUP)
    neo4j_store.write_many(docs() + [docs()[0]])
    assert snapshot(neo4j_store) == expected
    assert ({n.id: n.to_dict() for n in neo4j_store.nodes()},
            {e.id: e.to_dict() for e in neo4j_store.edges()}) == expected_view
    assert [d.doc_id for d in neo4j_store.documents()] == ["a", "b", "c"]
    # the accepted merge is materialised: one node for both stated ids
    assert {n.id for n in neo4j_store.nodes()} == {MOI, DOPA}


def test_write_many_is_idempotent_and_removal_exact(neo4j_store) -> None:
    neo4j_store.write_many(docs())
    once = snapshot(neo4j_store)
    neo4j_store.write_many(docs())
    assert snapshot(neo4j_store) == once
    clear(neo4j_store)
    neo4j_store.write_many(docs()[:2])
    without_c = snapshot(neo4j_store, counter=False)
    neo4j_store.write_many(docs()[2:])
    assert snapshot(neo4j_store, counter=False) != without_c
    assert neo4j_store.remove_document("c") is True
    assert snapshot(neo4j_store, counter=False) == without_c


def test_write_many_over_existing_documents(neo4j_store) -> None:
    """Documents already stored and new ones in one group; a merge that a new document
    makes real (its end is stated only there) is applied in the same transaction."""
    neo4j_store.set_merge(MERGE_DUP)
    neo4j_store.write(docs()[0])
    neo4j_store.write_many(docs()[1:] + [docs()[0]])
    [e] = list(neo4j_store.edges())
    assert e.source == DOPA and {p.doc_id for p in e.provenance} == {"a", "b"}
    assert [d.doc_id for d in neo4j_store.documents()] == ["a", "b", "c"]
    assert neo4j_store.remove_document("a") is True
    # the merge's target is stated by no document now: DUP stands on its own again
    assert {n.id for n in neo4j_store.nodes()} == {MOI, DUP}
    [e] = list(neo4j_store.edges())
    assert {p.doc_id for p in e.provenance} == {"b"}


def test_write_many_rejects_a_type_outside_the_ontology(neo4j_store) -> None:
    bad = doc("bad", [Node("x:1", "Evil) DETACH DELETE (n", "x")])
    with pytest.raises(StoreError, match="bad"):
        neo4j_store.write_many([docs()[0], bad, docs()[1]])
    # the documents before the bad one are written, the bad one and after it are not
    assert [d.doc_id for d in neo4j_store.documents()] == ["a"]


def test_bulk_load_gives_the_database_write_many_gives(neo4j_store, sqlite_store) -> None:
    """The bulk path (empty database) and the store path leave the same database, and the
    store goes on from a bulk-loaded one as from any other (removal, undoing a merge)."""
    from phakhi.graph.stores.push import push

    sqlite_store.set_merge(MERGE_DUP)
    for b in docs() + [doc("d", [node(DOPA, "กรมการปกครอง", "d")],
                           [Edge(DOPA, "Province:ไม่มีใคร", "LOCATED_IN", {}, [Provenance("d")])])]:
        sqlite_store.write(b)
    assert push(sqlite_store, neo4j_store, bulk=False).bulk is False
    expected = snapshot(neo4j_store)
    clear(neo4j_store)
    report = push(sqlite_store, neo4j_store)  # empty database: the bulk path
    assert report.bulk and report.written == 4
    assert snapshot(neo4j_store) == expected
    assert cypher_count(neo4j_store, "MATCH (c:PhakhiBulkChunk) RETURN count(c) AS c") == 0
    for store in (sqlite_store, neo4j_store):
        store.remove_document("a")
        store.delete_merge(DUP)
    assert ({n.id: n.to_dict() for n in neo4j_store.nodes()},
            {e.id: e.to_dict() for e in neo4j_store.edges()}) == \
        ({n.id: n.to_dict() for n in sqlite_store.nodes()},
         {e.id: e.to_dict() for e in sqlite_store.edges()})
    with pytest.raises(StoreError, match="empty database"):
        push(sqlite_store, neo4j_store, bulk=True)


def test_bulk_load_replaces_what_an_interrupted_one_left(neo4j_store, sqlite_store) -> None:
    from phakhi.graph.stores.push import push

    for b in docs():
        sqlite_store.write(b)
    # an interrupted load: entities and a chunk marker, no document yet
    neo4j_store._driver.execute_query("CREATE (:Entity:Ministry {id: $id, name: 'half'}), "
                                      "(:PhakhiBulkChunk {id: 'x'})", id=MOI,
                                      database_=neo4j_store.database)
    assert push(sqlite_store, neo4j_store).bulk
    assert {n.id: n.to_dict() for n in neo4j_store.nodes()} == \
        {n.id: n.to_dict() for n in sqlite_store.nodes()}
    assert cypher_count(neo4j_store, "MATCH (c:PhakhiBulkChunk) RETURN count(c) AS c") == 0


def cypher_count(store, query: str) -> int:
    records, _, _ = store._driver.execute_query(query, database_=store.database)
    return records[0]["c"]
