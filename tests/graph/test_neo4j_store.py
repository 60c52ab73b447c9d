"""The Neo4j store against a real server: semantics, schema, search, injection safety."""
from __future__ import annotations

import json

import pytest

from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Node, Provenance
from phakhi.graph.stores.base import Merge, StoreError

pytestmark = pytest.mark.neo4j

MOI = "Ministry:กระทรวงมหาดไทย"
DOPA = "Department:กรมการปกครอง"


def doc(doc_id: str, nodes: list[Node], edges: list[Edge] = ()) -> DocumentFacts:
    return DocumentFacts(DocumentInfo(doc_id, f"/in/{doc_id}.txt", "f" + doc_id), list(nodes),
                         list(edges))


def node(nid: str, name: str, doc_id: str, aliases: list[str] = (), **props: object) -> Node:
    return Node(nid, nid.split(":")[0], name, list(aliases), dict(props), [Provenance(doc_id, 0, 3)])


def cypher(store, query: str, **params: object) -> list[dict]:
    records, _, _ = store._driver.execute_query(query, params, database_=store.database)
    return [dict(r) for r in records]


def test_write_remove_and_labels(neo4j_store) -> None:
    neo4j_store.write(doc("a", [node(MOI, "กระทรวงมหาดไทย", "a", ["มท."]),
                                node(DOPA, "กรมการปกครอง", "a", abbreviation="ปค.")],
                          [Edge(DOPA, MOI, "PART_OF", {}, [Provenance("a")])]))
    neo4j_store.write(doc("b", [node(MOI, "กระทรวงมหาดไทย", "b", ["Ministry of Interior"])]))
    rows = cypher(neo4j_store, "MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, "
                               "n.aliases AS aliases, n.docs AS docs ORDER BY id")
    for r in rows:
        r["labels"] = sorted(r["labels"])
    assert rows == [
        {"id": DOPA, "labels": ["Department", "Entity"], "aliases": [], "docs": ["a"]},
        {"id": MOI, "labels": ["Entity", "Ministry"], "aliases": ["มท.", "Ministry of Interior"],
         "docs": ["a", "b"]}]
    assert cypher(neo4j_store, "MATCH (:Department)-[r:PART_OF]->(:Ministry) RETURN count(r) AS c") \
        == [{"c": 1}]
    assert neo4j_store.remove_document("a") is True
    assert neo4j_store.remove_document("a") is False
    nodes = {n.id: n for n in neo4j_store.nodes()}
    assert set(nodes) == {MOI}
    assert nodes[MOI].aliases == ["Ministry of Interior"]
    assert cypher(neo4j_store, "MATCH (n:Entity) RETURN n.id AS id") == [{"id": MOI}]
    assert cypher(neo4j_store, "MATCH ()-[r]->() RETURN count(r) AS c") == [{"c": 0}]
    assert [d.doc_id for d in neo4j_store.documents()] == ["b"]


def test_type_change_moves_the_label(neo4j_store) -> None:
    nid = "ref:dla"
    neo4j_store.write(doc("a", [Node(nid, "Office", "กรมส่งเสริมการปกครองท้องถิ่น")]))
    neo4j_store.write(doc("a", [Node(nid, "Department", "กรมส่งเสริมการปกครองท้องถิ่น")]))
    [row] = cypher(neo4j_store, "MATCH (n:Entity {id: $id}) RETURN labels(n) AS labels", id=nid)
    assert sorted(row["labels"]) == ["Department", "Entity"]


def test_idempotent_and_merges(neo4j_store) -> None:
    dup = "Department:กรมการปกครอง (ปค.)"
    a = doc("a", [node(MOI, "กระทรวงมหาดไทย", "a"), node(DOPA, "กรมการปกครอง", "a")],
            [Edge(DOPA, MOI, "PART_OF", {}, [Provenance("a")])])
    b = doc("b", [node(dup, "กรมการปกครอง (ปค.)", "b")],
            [Edge(dup, MOI, "PART_OF", {}, [Provenance("b")])])
    neo4j_store.write(a)
    neo4j_store.write(b)
    neo4j_store.write(a)
    count = cypher(neo4j_store, "MATCH (n) RETURN count(n) AS c")
    assert len(list(neo4j_store.nodes())) == 3 and len(list(neo4j_store.edges())) == 2
    neo4j_store.write(b)
    assert cypher(neo4j_store, "MATCH (n) RETURN count(n) AS c") == count
    neo4j_store.set_merge(Merge(dup, DOPA, 0.9, "abbreviation"))
    assert {n.id for n in neo4j_store.nodes()} == {MOI, DOPA}
    [e] = list(neo4j_store.edges())
    assert {p.doc_id for p in e.provenance} == {"a", "b"}
    assert [m.from_id for m in neo4j_store.merges("accepted")] == [dup]
    # Neo4j holds the resolved graph: the merged-away id is no node of its own
    merged = "MATCH (n:Entity) WHERE n.merged_from IS NOT NULL RETURN n.id AS id, n.merged_from AS ids"
    assert cypher(neo4j_store, merged) == [{"id": DOPA, "ids": [dup]}]
    neo4j_store.write(b)  # rewriting the merged-away entity keeps it merged
    assert cypher(neo4j_store, merged) == [{"id": DOPA, "ids": [dup]}]
    assert cypher(neo4j_store, "MATCH (n:Entity {id: $id}) RETURN n.id AS id", id=dup) == []
    assert neo4j_store.delete_merge(dup) is True
    assert len(list(neo4j_store.nodes())) == 3
    assert cypher(neo4j_store, merged) == []


def test_edge_to_a_node_no_document_states_yet(neo4j_store) -> None:
    neo4j_store.write(doc("a", [node(DOPA, "กรมการปกครอง", "a")],
                          [Edge(DOPA, MOI, "PART_OF", {}, [Provenance("a")])]))
    assert list(neo4j_store.edges()) == []
    neo4j_store.write(doc("b", [node(MOI, "กระทรวงมหาดไทย", "b")]))
    assert [(e.source, e.target) for e in neo4j_store.edges()] == [(DOPA, MOI)]
    neo4j_store.remove_document("b")
    neo4j_store.remove_document("a")
    assert cypher(neo4j_store, "MATCH (n:Entity) RETURN count(n) AS c") == [{"c": 0}]


def test_search_names_uses_the_thai_index(neo4j_store) -> None:
    neo4j_store.write(doc("a", [node(MOI, "กระทรวงมหาดไทย", "a", ["มท."]),
                                node(DOPA, "กรมการปกครอง", "a"),
                                node("VolunteerNetwork:อปพร.", "อาสาสมัครป้องกันภัยฝ่ายพลเรือน", "a",
                                     ["อปพร."])]))
    [index] = cypher(neo4j_store, "SHOW FULLTEXT INDEXES YIELD name, options WHERE name = "
                                  "'entity_names' RETURN options")
    assert index["options"]["indexConfig"]["fulltext.analyzer"] == "thai"
    hits = neo4j_store.search_names("มหาดไทย")
    assert hits and hits[0]["id"] == MOI
    assert neo4j_store.search_names("อาสาสมัคร")[0]["id"] == "VolunteerNetwork:อปพร."
    # Lucene syntax is escaped: no parse error, just no match
    assert neo4j_store.search_names('"(*') == []
    assert neo4j_store.search_names("AND") == []
    assert neo4j_store.search_names("กระทรวง OR NOT")[0]["id"] == MOI


def test_constraints_exist(neo4j_store) -> None:
    neo4j_store.write(doc("a", [node(MOI, "กระทรวงมหาดไทย", "a")]))
    names = {r["name"] for r in cypher(neo4j_store, "SHOW CONSTRAINTS YIELD name RETURN name")}
    assert {"entity_id", "ministry_id", "department_id", "phakhi_document_id"} <= names


INJECTIONS = ["x'}) DETACH DELETE n //", 'x"}) MATCH (m) DETACH DELETE m //',
              "Ministry`) DETACH DELETE n //", "} RETURN 1 UNION MATCH (n) DETACH DELETE n //"]


def test_injection_strings_are_data(neo4j_store) -> None:
    neo4j_store.write(doc("keep", [node(MOI, "กระทรวงมหาดไทย", "keep")]))
    nodes = [Node(f"Organization:{s}", "Organization", s, [s], {s.replace(" ", "_"): s, "note": s},
                  [Provenance("evil", 0, 1, s)]) for s in INJECTIONS]
    edges = [Edge(nodes[0].id, nodes[1].id, "COOPERATES_WITH", {"context": INJECTIONS[2]},
                  [Provenance("evil")], qualifier=INJECTIONS[3])]
    neo4j_store.write(DocumentFacts(DocumentInfo("evil", INJECTIONS[0], INJECTIONS[1],
                                                 title=INJECTIONS[2]), nodes, edges))
    back = {n.id: n for n in neo4j_store.nodes()}
    assert MOI in back
    for s in INJECTIONS:
        n = back[f"Organization:{s}"]
        assert n.name == s and n.aliases == [s] and n.properties["note"] == s
    [e] = [e for e in neo4j_store.edges() if e.type == "COOPERATES_WITH"]
    assert e.qualifier == INJECTIONS[3] and e.properties == {"context": INJECTIONS[2]}
    assert INJECTIONS[0] in {h["name"] for h in neo4j_store.search_names("DETACH DELETE")}
    neo4j_store.remove_document(INJECTIONS[0])  # an id that does not exist: no effect
    assert {n.id for n in neo4j_store.nodes()} == set(back)
    assert cypher(neo4j_store, "MATCH (n:Entity) RETURN count(n) AS c") == [{"c": 5}]


def test_labels_and_types_only_from_the_ontology(neo4j_store) -> None:
    with pytest.raises(StoreError, match="not a node label"):
        neo4j_store.write(doc("a", [Node("x:1", "Ministry) DETACH DELETE (n", "x")]))
    with pytest.raises(StoreError, match="not a relationship type"):
        neo4j_store.write(doc("a", [node(MOI, "กระทรวงมหาดไทย", "a")],
                              [Edge(MOI, MOI, "PART_OF]->() DETACH DELETE n //", {}, [])]))
    with pytest.raises(StoreError, match="not a node label"):
        neo4j_store.write(doc("a", [Node("x:2", "GovernmentBody", "abstract")]))
    assert cypher(neo4j_store, "MATCH (n) WHERE NOT n:PhakhiLock RETURN count(n) AS c") == [{"c": 0}]


def test_property_values_neo4j_cannot_hold_are_json(neo4j_store) -> None:
    props = {"mixed": [1, "a"], "nested": {"k": ["ก", 2]}, "count": 3, "flag": True, "empty": []}
    neo4j_store.write(doc("a", [node(MOI, "กระทรวงมหาดไทย", "a", **props)]))
    [row] = cypher(neo4j_store, "MATCH (n:Entity) RETURN n.mixed AS mixed, n.nested AS nested, "
                                "n.count AS count, n.flag AS flag")
    assert json.loads(row["mixed"]) == [1, "a"] and json.loads(row["nested"]) == {"k": ["ก", 2]}
    assert row["count"] == 3 and row["flag"] is True
    [n] = list(neo4j_store.nodes())
    assert n.properties == props  # the claims keep the exact values


def test_push_prune_and_merges_follow_the_embedded_store(tmp_path, neo4j_store, neo4j_env,
                                                        make_batches, monkeypatch) -> None:
    from click.testing import CliRunner

    from phakhi.cli import main
    from phakhi.graph.stores.sqlite_store import SQLiteStore

    for key, value in neo4j_env.environ({}).items():
        monkeypatch.setenv(key, value)
    batches = make_batches(4, per_doc=5)
    store_dir = str(tmp_path / "store")
    with SQLiteStore(store_dir) as sqlite:
        for b in batches:
            sqlite.write(b)
        ids = [n.id for n in sqlite.nodes() if n.type == "Department"]
        sqlite.set_merge(Merge(ids[1], ids[0], 0.9, "test"))
    push = ["--store", store_dir, "-q", "push", "--to", neo4j_env.uri]
    assert CliRunner().invoke(main, push).exit_code == 0
    assert [m.from_id for m in neo4j_store.merges()] == [ids[1]]
    with SQLiteStore(store_dir) as sqlite:
        sqlite.remove_document(batches[0].document.doc_id)
        sqlite.delete_merge(ids[1])
        expected = {n.id: n.to_dict() for n in sqlite.nodes()}
    assert CliRunner().invoke(main, push).exit_code == 0
    assert len(neo4j_store.documents()) == 4  # without --prune the extra document stays
    assert neo4j_store.merges() == []
    assert CliRunner().invoke(main, push + ["--prune"]).exit_code == 0
    assert [d.doc_id for d in neo4j_store.documents()] == [b.document.doc_id for b in batches[1:]]
    assert {n.id: n.to_dict() for n in neo4j_store.nodes()} == expected


def test_a_second_store_sees_writes_and_wipes(neo4j_store, neo4j_env) -> None:
    from phakhi.graph.stores.neo4j_store import Neo4jStore

    other = Neo4jStore(neo4j_env.uri, neo4j_env.user, neo4j_env.password, neo4j_env.database)
    try:
        neo4j_store.write(doc("a", [node(MOI, "กระทรวงมหาดไทย", "a")]))
        assert {n.id for n in other.nodes()} == {MOI}
        assert {n.id for n in neo4j_store.nodes()} == {MOI}  # cached now
        other.clear()  # wipes everything, the writers' counter too
        other.write(doc("b", [node(DOPA, "กรมการปกครอง", "b")]))
        assert {n.id for n in neo4j_store.nodes()} == {DOPA}
    finally:
        other.close()
