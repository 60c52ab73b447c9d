"""Accepted merges are materialised in Neo4j: Cypher sees one node per real entity.

Every step is mirrored on the embedded store, and both merged views must stay equal, so
"Neo4j = raw claims + current merges" is checked after each write, merge and removal.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from phakhi.cli import main
from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Node, Provenance
from phakhi.graph.stores.sqlite_store import SQLiteStore
from phakhi.graph.stores.base import Merge

pytestmark = pytest.mark.neo4j

CORPUS = sorted((Path(__file__).resolve().parents[2] / "examples" / "corpus").glob("*.txt"))
SOMCHAI = "Person:สมชาย ใจดี"
SOMCHAI_OCR = "Person:สมขาย ใจดี"  # the OCR variant (ช read as ข)
MOU_X = "Agreement:บันทึกข้อตกลงความร่วมมือ ก"
MOU_Y = "Agreement:บันทึกข้อตกลงความร่วมมือ ข"
DOPA = "Department:กรมการปกครอง"


def node(nid: str, name: str, doc_id: str, aliases: list[str] = ()) -> Node:
    return Node(nid, nid.split(":")[0], name, list(aliases), {}, [Provenance(doc_id, 0, 3)])


def signs(person: str, mou: str, doc_id: str) -> Edge:
    return Edge(person, mou, "SIGNS", {}, [Provenance(doc_id, 5, 9)])


def doc(doc_id: str, nodes: list[Node], edges: list[Edge]) -> DocumentFacts:
    return DocumentFacts(DocumentInfo(doc_id, f"/in/{doc_id}.txt", "f" + doc_id), nodes, edges)


DOC_A = doc("a", [node(SOMCHAI, "สมชาย ใจดี", "a", ["นายสมชาย ใจดี"]),
                  node(MOU_X, "บันทึกข้อตกลง ก", "a")],
            [signs(SOMCHAI, MOU_X, "a")])
DOC_B = doc("b", [node(SOMCHAI_OCR, "สมขาย ใจดี", "b"), node(MOU_X, "บันทึกข้อตกลง ก", "b"),
                  node(MOU_Y, "บันทึกข้อตกลง ข", "b")],
            [signs(SOMCHAI_OCR, MOU_X, "b"), signs(SOMCHAI_OCR, MOU_Y, "b")])


def cypher(store: Any, query: str, **params: Any) -> list[dict]:
    records, _, _ = store._driver.execute_query(query, params, database_=store.database)
    return [dict(r) for r in records]


def view(store: Any) -> tuple[dict, dict]:
    return ({n.id: n.to_dict() for n in store.nodes()}, {e.id: e.to_dict() for e in store.edges()})


def cypher_graph(store: Any) -> tuple[set, set]:
    """What a Cypher user sees: stated entities and the relationships between them (an
    edge to an id no document states yet ends at a bare, unlabelled node)."""
    nodes = {r["id"] for r in cypher(store, "MATCH (n:Entity) WHERE n.claims IS NOT NULL "
                                            "RETURN n.id AS id")}
    rels = {(r["a"], r["t"], r["b"]) for r in cypher(
        store, "MATCH (a:Entity)-[r]->(b:Entity) WHERE a.claims IS NOT NULL AND "
               "b.claims IS NOT NULL RETURN a.id AS a, type(r) AS t, b.id AS b")}
    return nodes, rels


class Both:
    """The same operations on the embedded store and Neo4j, checked equal after each."""

    def __init__(self, sqlite: SQLiteStore, neo4j: Any) -> None:
        self.sqlite, self.neo4j = sqlite, neo4j

    def __getattr__(self, name: str) -> Any:
        def both(*args: Any) -> Any:
            out = getattr(self.sqlite, name)(*args)
            assert getattr(self.neo4j, name)(*args) == out
            assert view(self.neo4j) == view(self.sqlite), f"views differ after {name}"
            nodes, edges = view(self.sqlite)
            # Cypher sees exactly the merged view (edges whose ends nobody states aside)
            assert cypher_graph(self.neo4j) == (
                set(nodes), {(e["source"], e["type"], e["target"]) for e in edges.values()})
            return out
        return both


@pytest.fixture
def both(sqlite_store: SQLiteStore, neo4j_store: Any) -> Both:
    return Both(sqlite_store, neo4j_store)


def persons(store: Any) -> int:
    return cypher(store, "MATCH (p:Person) RETURN count(p) AS c")[0]["c"]


def test_merge_gives_one_person_with_both_documents_signatures(both: Both) -> None:
    neo = both.neo4j
    both.write(DOC_A)
    both.write(DOC_B)
    assert persons(neo) == 2
    both.set_merge(Merge(SOMCHAI_OCR, SOMCHAI, 0.93, "ocr variant"))
    assert persons(neo) == 1
    rows = cypher(neo, "MATCH (p:Person)-[r:SIGNS]->(m:Agreement) RETURN p.id AS p, m.id AS m, "
                       "r.docs AS docs ORDER BY m")
    assert rows == [{"p": SOMCHAI, "m": MOU_X, "docs": ["a", "b"]},
                    {"p": SOMCHAI, "m": MOU_Y, "docs": ["b"]}]
    [p] = cypher(neo, "MATCH (p:Person) RETURN p.aliases AS aliases, p.docs AS docs, "
                      "p.merged_from AS merged_from")
    assert set(p["aliases"]) >= {"นายสมชาย ใจดี", "สมขาย ใจดี"}
    assert p["docs"] == ["a", "b"] and p["merged_from"] == [SOMCHAI_OCR]
    assert cypher(neo, "MATCH (n {id: $id}) RETURN n", id=SOMCHAI_OCR) == []
    # idempotent with the merge in place
    count = cypher(neo, "MATCH (n) RETURN count(n) AS c")
    both.write(DOC_B)
    both.write(DOC_A)
    assert cypher(neo, "MATCH (n) RETURN count(n) AS c") == count
    # undo splits the person again, each with its own signatures
    assert both.delete_merge(SOMCHAI_OCR) is True
    assert persons(neo) == 2
    assert cypher(neo, "MATCH (p:Person {id: $id})-[:SIGNS]->(m) RETURN count(m) AS c",
                  id=SOMCHAI_OCR) == [{"c": 2}]


def test_status_change_and_removal_keep_other_documents_facts(both: Both) -> None:
    neo = both.neo4j
    both.write(DOC_A)
    both.write(DOC_B)
    both.set_merge(Merge(SOMCHAI_OCR, SOMCHAI, 0.93, "ocr variant"))
    both.set_merge(Merge(SOMCHAI_OCR, SOMCHAI, 0.93, "ocr variant", status="rejected"))
    assert persons(neo) == 2
    both.set_merge(Merge(SOMCHAI_OCR, SOMCHAI, 0.93, "ocr variant"))
    assert both.remove_document("a") is True
    # the merge target is gone: b's spelling stands alone again with b's signatures
    assert cypher(neo, "MATCH (p:Person)-[:SIGNS]->(m) RETURN p.id AS p, count(m) AS c") == \
        [{"p": SOMCHAI_OCR, "c": 2}]
    both.write(DOC_A)  # and merges again when a comes back
    assert persons(neo) == 1
    assert both.remove_document("b") is True
    assert cypher(neo, "MATCH (p:Person)-[r:SIGNS]->(m) RETURN p.id AS p, m.id AS m, "
                       "r.docs AS docs") == [{"p": SOMCHAI, "m": MOU_X, "docs": ["a"]}]


def test_merges_decided_before_the_documents_arrive_and_chains(both: Both) -> None:
    third = "Person:สมชาย ใจดื"
    both.set_merge(Merge(SOMCHAI_OCR, third, 0.9, "ocr variant", created_at="2024-01-01"))
    both.set_merge(Merge(third, SOMCHAI, 0.9, "ocr variant", created_at="2024-01-02"))
    both.write(DOC_B)
    both.write(doc("c", [node(third, "สมชาย ใจดื", "c")], [signs(third, MOU_Y, "c")]))
    assert persons(both.neo4j) == 1  # b's spelling reads as c's while a is missing
    both.write(DOC_A)
    assert [r["id"] for r in cypher(both.neo4j, "MATCH (p:Person) RETURN p.id AS id")] == [SOMCHAI]
    both.delete_merge(third)
    assert persons(both.neo4j) == 2


def test_merge_made_self_loop_is_hidden_and_comes_back_on_undo(both: Both) -> None:
    dup = "Department:กรมการปกครอง (ปค.)"
    both.write(doc("a", [node(DOPA, "กรมการปกครอง", "a"), node(dup, "ปค.", "a")],
                   [Edge(dup, DOPA, "PART_OF", {}, [Provenance("a")])]))
    both.set_merge(Merge(dup, DOPA, 0.9, "abbreviation"))
    assert cypher(both.neo4j, "MATCH ()-[r]->() RETURN count(r) AS c") == [{"c": 0}]
    both.delete_merge(dup)
    assert cypher(both.neo4j, "MATCH ()-[r:PART_OF]->() RETURN count(r) AS c") == [{"c": 1}]


def test_corpus_push_gives_the_resolved_graph(tmp_path: Path, neo4j_store: Any, neo4j_env: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from phakhi.loaders.pipeline import ingest

    with SQLiteStore(tmp_path / "store") as sqlite:
        ingest(CORPUS, sqlite, progress=False)
        merged_away = {m.from_id for m in sqlite.merges("accepted")}
        if not merged_away:  # the corpus should have some; make one if the resolver found none
            people = sorted(n.id for n in sqlite.nodes() if n.type == "Person")
            sqlite.set_merge(Merge(people[1], people[0], 0.9, "test"))
            merged_away = {people[1]}
        expected = view(sqlite)
    for key, value in neo4j_env.environ({}).items():
        monkeypatch.setenv(key, value)
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "store"), "-q", "push",
                                       "--to", neo4j_env.uri])
    assert result.exit_code == 0, result.output
    assert view(neo4j_store) == expected
    nodes, rels = cypher_graph(neo4j_store)
    assert nodes == set(expected[0]) and not nodes & merged_away
    assert rels == {(e["source"], e["type"], e["target"]) for e in expected[1].values()}
    assert persons(neo4j_store) == sum(n["type"] == "Person" for n in expected[0].values())


@pytest.mark.parametrize("seed", [7, 11])
def test_random_writes_merges_and_removals_agree(both: Both, seed: int) -> None:
    """A seeded mix of operations on a few ids (qualified edges, ends nobody states,
    chains, cycles, rejected decisions): Neo4j stays equal to the embedded store."""
    import random

    rng = random.Random(seed)
    people = [f"Person:คน {i}" for i in range(5)]
    mous = [f"Agreement:ข้อตกลง {i}" for i in range(3)]
    for step in range(40):
        op = rng.random()
        if op < 0.5:
            doc_id = f"d{rng.randrange(4)}"
            nodes = [node(x, x.split(":")[1] + rng.choice(["", " (สำเนา)"]), doc_id)
                     for x in rng.sample(people + mous, 3)]
            edges = [Edge(rng.choice(people), rng.choice(mous + people), "SIGNS", {},
                          [Provenance(doc_id, step, step + 1)], rng.choice(["", "ผู้แทน"]))
                     for _ in range(3)]
            both.write(doc(doc_id, nodes, [e for e in edges if e.source != e.target]))
        elif op < 0.65:
            both.remove_document(f"d{rng.randrange(4)}")
        elif op < 0.9:
            a, b = rng.sample(people, 2)
            both.set_merge(Merge(a, b, 0.9, "random", rng.choice(["accepted", "accepted", "rejected"]),
                                 created_at=f"2024-01-{step + 1:02d}"))
        else:
            both.delete_merge(rng.choice(people))


def _write_old_layout(store: Any, batches: list[DocumentFacts], merge: Merge) -> None:
    """A database as the store wrote it before merges were materialised: claims per stated
    id (``{doc_id: claim}``), edges between stated ids, the merged-away entity marked."""
    import json

    nodes: dict[str, dict] = {}
    edges: dict[str, dict] = {}
    for seq, b in enumerate(batches, 1):
        d = b.document.doc_id
        for n in b.nodes:
            nodes.setdefault(n.id, {"type": n.type, "name": n.name, "claims": {}})["claims"][d] = {
                "seq": seq, "type": n.type, "name": n.name, "aliases": n.aliases,
                "properties": n.properties, "provenance": [p.to_dict() for p in n.provenance]}
        for e in b.edges:
            edges.setdefault(e.id, {"s": e.source, "t": e.target, "claims": {}})["claims"][d] = {
                "seq": seq, "properties": e.properties,
                "provenance": [p.to_dict() for p in e.provenance]}
        cypher(store, "CREATE (:PhakhiDocument {id: $id, path: $path, fingerprint: $fp, seq: $seq, "
                      "node_ids: $nodes, edge_ids: $edges, issues: '[]', facts_hash: 'old'})",
               id=d, path=str(b.document.path), fp=b.document.fingerprint, seq=seq,
               nodes=[n.id for n in b.nodes], edges=[e.id for e in b.edges])
    for nid, n in nodes.items():
        cypher(store, "CREATE (n:Entity {id: $id, name: $name, claims: $claims}) "
                      "SET n:$($label)", id=nid, name=n["name"], claims=json.dumps(n["claims"]),
               label=n["type"])
    for eid, e in edges.items():
        cypher(store, "MATCH (a:Entity {id: $s}), (b:Entity {id: $t}) CREATE (a)-[:SIGNS "
                      "{id: $id, qualifier: '', claims: $claims}]->(b)", s=e["s"], t=e["t"], id=eid,
               claims=json.dumps(e["claims"]))
    cypher(store, "MATCH (n:Entity {id: $id}) SET n.merged_into = $to", id=merge.from_id,
           to=merge.to_id)
    cypher(store, "CREATE (:PhakhiMerge {from_id: $f, to_id: $t, score: 0.9, reason: 'x', "
                  "status: 'accepted', created_at: '2024-01-01', decided_by: 'auto'})",
           f=merge.from_id, t=merge.to_id)
    cypher(store, "CREATE (:PhakhiLock {id: 'writer', epoch: 'old', version: 5, next_seq: $n})",
           n=len(batches) + 1)


def test_a_database_of_the_older_layout_is_converted_by_the_next_write(
        sqlite_store: SQLiteStore, neo4j_store: Any) -> None:
    from phakhi.graph.stores.base import StoreError

    merge = Merge(SOMCHAI_OCR, SOMCHAI, 0.9, "x", created_at="2024-01-01")
    for b in (DOC_A, DOC_B):
        sqlite_store.write(b)
    sqlite_store.set_merge(merge)
    _write_old_layout(neo4j_store, [DOC_A, DOC_B], merge)
    with pytest.raises(StoreError, match="older phakhi"):
        neo4j_store.view()
    neo4j_store.write(DOC_B)
    assert view(neo4j_store) == view(sqlite_store)
    assert persons(neo4j_store) == 1
    assert cypher(neo4j_store, "MATCH (n) WHERE n.merged_into IS NOT NULL RETURN n") == []
    neo4j_store.delete_merge(SOMCHAI_OCR)
    sqlite_store.delete_merge(SOMCHAI_OCR)
    assert view(neo4j_store) == view(sqlite_store)
