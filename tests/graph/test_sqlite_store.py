"""The embedded store: claims per document, the merged view, merges, re-opening."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import networkx as nx
import pytest

from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Issue, Node, Provenance
from phakhi.graph.stores.merged_view import resolve_merges
from phakhi.graph.stores.sqlite_store import SQLiteStore
from phakhi.graph.stores import Merge, StoreError, open_store

MOI = "Ministry:กระทรวงมหาดไทย"
DOPA = "Department:กรมการปกครอง"
DLA = "Department:กรมส่งเสริมการปกครองท้องถิ่น"


def doc(doc_id: str, nodes: list[Node], edges: list[Edge] = (), issues: list[Issue] = (),
        fingerprint: str = "f") -> DocumentFacts:
    return DocumentFacts(DocumentInfo(doc_id, f"/in/{doc_id}.txt", fingerprint), list(nodes),
                         list(edges), list(issues))


def node(nid: str, name: str, doc_id: str, aliases: list[str] = (), **props: object) -> Node:
    return Node(nid, nid.split(":")[0], name, list(aliases), dict(props), [Provenance(doc_id, 0, 3)])


def edge(src: str, dst: str, rel: str, doc_id: str, **props: object) -> Edge:
    return Edge(src, dst, rel, dict(props), [Provenance(doc_id, 5, 9)])


def by_id(store: SQLiteStore) -> dict[str, Node]:
    return {n.id: n for n in store.nodes()}


def test_write_then_read_back(sqlite_store: SQLiteStore) -> None:
    sqlite_store.write(doc("a", [node(MOI, "กระทรวงมหาดไทย", "a", ["มท."]),
                                 node(DOPA, "กรมการปกครอง", "a", abbreviation="ปค.")],
                           [edge(DOPA, MOI, "PART_OF", "a")],
                           [Issue("warning", "total_mismatch", "รวมไม่ตรง", "a", "/in/a.txt")]))
    nodes = by_id(sqlite_store)
    assert set(nodes) == {MOI, DOPA}
    assert nodes[MOI].aliases == ["มท."]
    assert nodes[DOPA].properties == {"abbreviation": "ปค."}
    assert nodes[DOPA].provenance == [Provenance("a", 0, 3)]
    [e] = list(sqlite_store.edges())
    assert (e.source, e.target, e.type) == (DOPA, MOI, "PART_OF")
    assert [i.code for i in sqlite_store.issues()] == ["total_mismatch"]
    [info] = sqlite_store.documents()
    assert (info.doc_id, info.node_count, info.edge_count) == ("a", 2, 1)
    assert sqlite_store.fingerprint("a") == "f" and sqlite_store.fingerprint("zz") is None


def test_writing_the_same_batch_twice_changes_nothing(sqlite_store: SQLiteStore) -> None:
    batch = doc("a", [node(MOI, "กระทรวงมหาดไทย", "a"), node(DOPA, "กรมการปกครอง", "a")],
                [edge(DOPA, MOI, "PART_OF", "a")])
    sqlite_store.write(batch)
    first = ([n.to_dict() for n in sqlite_store.nodes()], [e.to_dict() for e in sqlite_store.edges()],
             sqlite_store.counts())
    sqlite_store.write(batch)
    again = ([n.to_dict() for n in sqlite_store.nodes()], [e.to_dict() for e in sqlite_store.edges()],
             sqlite_store.counts())
    assert again == first


def test_duplicates_inside_one_batch_are_folded(sqlite_store: SQLiteStore) -> None:
    sqlite_store.write(doc("a", [node(MOI, "กระทรวงมหาดไทย", "a"),
                                 node(MOI, "กระทรวงมหาดไทย", "a", ["มท"])]))
    assert by_id(sqlite_store)[MOI].aliases == ["มท"]
    assert sqlite_store.counts()["node_claims"] == 1


def test_rewriting_a_document_replaces_only_its_claims(sqlite_store: SQLiteStore) -> None:
    sqlite_store.write(doc("a", [node(MOI, "กระทรวงมหาดไทย", "a"), node(DOPA, "กรมการปกครอง", "a")],
                           [edge(DOPA, MOI, "PART_OF", "a")]))
    sqlite_store.write(doc("b", [node(MOI, "กระทรวงมหาดไทย", "b", ["มท."])]))
    # a changes: DOPA is gone, DLA appears
    sqlite_store.write(doc("a", [node(MOI, "กระทรวงมหาดไทย", "a"), node(DLA, "กรมส่งเสริมฯ", "a")],
                           [edge(DLA, MOI, "PART_OF", "a")], fingerprint="f2"))
    nodes = by_id(sqlite_store)
    assert set(nodes) == {MOI, DLA}
    assert nodes[MOI].aliases == ["มท."]  # b's word untouched
    assert [(e.source, e.target) for e in sqlite_store.edges()] == [(DLA, MOI)]
    assert [d.doc_id for d in sqlite_store.documents()] == ["a", "b"]  # order kept
    assert sqlite_store.fingerprint("a") == "f2"


def test_remove_document_keeps_what_others_state(sqlite_store: SQLiteStore) -> None:
    sqlite_store.write(doc("a", [node(MOI, "กระทรวงมหาดไทย", "a", ["มท."]),
                                 node(DOPA, "กรมการปกครอง", "a")],
                           [edge(DOPA, MOI, "PART_OF", "a")],
                           [Issue("warning", "x", "m", "a")]))
    sqlite_store.write(doc("b", [node(MOI, "กระทรวงมหาดไทย", "b")]))
    assert sqlite_store.remove_document("a") is True
    assert sqlite_store.remove_document("a") is False
    nodes = by_id(sqlite_store)
    assert set(nodes) == {MOI}
    assert nodes[MOI].aliases == []  # a's alias went with a
    assert nodes[MOI].provenance == [Provenance("b", 0, 3)]
    assert list(sqlite_store.edges()) == []
    assert sqlite_store.issues() == []
    assert [d.doc_id for d in sqlite_store.documents()] == ["b"]


def test_first_document_gives_type_and_name_later_ones_add(sqlite_store: SQLiteStore) -> None:
    sqlite_store.write(doc("a", [node(DOPA, "กรมการปกครอง", "a", abbreviation="ปค.")]))
    sqlite_store.write(doc("b", [node(DOPA, "กรมการปกครอง กระทรวงมหาดไทย", "b",
                                      abbreviation="DOPA", address="ถนนอัษฎางค์")]))
    n = by_id(sqlite_store)[DOPA]
    assert n.name == "กรมการปกครอง"
    assert n.aliases == ["กรมการปกครอง กระทรวงมหาดไทย"]
    assert n.properties == {"abbreviation": "ปค.", "address": "ถนนอัษฎางค์"}
    assert [p.doc_id for p in n.provenance] == ["a", "b"]


def test_merges_are_applied_and_undone(sqlite_store: SQLiteStore) -> None:
    dup = "Department:กรมการปกครอง (ปค.)"
    sqlite_store.write(doc("a", [node(MOI, "กระทรวงมหาดไทย", "a"), node(DOPA, "กรมการปกครอง", "a")],
                           [edge(DOPA, MOI, "PART_OF", "a")]))
    sqlite_store.write(doc("b", [node(MOI, "กระทรวงมหาดไทย", "b"), node(dup, "กรมการปกครอง (ปค.)", "b")],
                           [edge(dup, MOI, "PART_OF", "b"), edge(dup, DOPA, "COOPERATES_WITH", "b")]))
    assert len(list(sqlite_store.edges())) == 3
    sqlite_store.set_merge(Merge(dup, DOPA, 0.93, "same name after abbreviation"))
    nodes = by_id(sqlite_store)
    assert set(nodes) == {MOI, DOPA}
    assert "กรมการปกครอง (ปค.)" in nodes[DOPA].aliases
    edges = list(sqlite_store.edges())
    # the two PART_OF edges fold into one; the COOPERATES_WITH became a self-loop: dropped
    assert [(e.source, e.type, e.target) for e in edges] == [(DOPA, "PART_OF", MOI)]
    assert {p.doc_id for p in edges[0].provenance} == {"a", "b"}
    g = sqlite_store.graph()
    assert set(g.nodes) == {MOI, DOPA} and g.number_of_edges() == 1
    # a proposed merge is listed, not applied
    sqlite_store.set_merge(Merge(dup, DOPA, 0.6, "maybe", status="proposed"))
    assert dup in by_id(sqlite_store)
    assert [m.from_id for m in sqlite_store.merges("proposed")] == [dup]
    assert sqlite_store.merges("accepted") == []
    sqlite_store.set_merge(Merge(dup, DOPA, 0.93, "yes", decided_by="user"))
    assert sqlite_store.delete_merge(dup) is True
    assert sqlite_store.delete_merge(dup) is False
    assert set(by_id(sqlite_store)) == {MOI, DOPA, dup}
    assert len(list(sqlite_store.edges())) == 3


def test_merge_chains_and_cycles() -> None:
    chain = [Merge("a", "b", 1, "", created_at="1"), Merge("b", "c", 1, "", created_at="2")]
    assert resolve_merges(chain, {"a", "b", "c"}) == {"a": "c", "b": "c"}
    # the newest decision that would close a cycle is ignored
    cycle = chain + [Merge("c", "a", 1, "", created_at="3")]
    assert resolve_merges(cycle, {"a", "b", "c"}) == {"a": "c", "b": "c"}
    # a chain ends at the last id that still exists
    assert resolve_merges(chain, {"a", "b"}) == {"a": "b"}
    assert resolve_merges([Merge("a", "gone", 1, "")], {"a"}) == {}
    assert resolve_merges([Merge("a", "b", 1, "", status="rejected")], {"a", "b"}) == {}


def test_merge_into_removed_node_falls_back(sqlite_store: SQLiteStore) -> None:
    sqlite_store.write(doc("a", [node(DOPA, "กรมการปกครอง", "a")]))
    sqlite_store.write(doc("b", [node(DLA, "กรมส่งเสริมฯ", "b")]))
    sqlite_store.set_merge(Merge(DLA, DOPA, 0.9, "test"))
    assert set(by_id(sqlite_store)) == {DOPA}
    sqlite_store.remove_document("a")
    assert set(by_id(sqlite_store)) == {DLA}


def test_edges_need_both_ends(sqlite_store: SQLiteStore) -> None:
    sqlite_store.write(doc("a", [node(DOPA, "กรมการปกครอง", "a")], [edge(DOPA, MOI, "PART_OF", "a")]))
    assert list(sqlite_store.edges()) == []
    sqlite_store.write(doc("b", [node(MOI, "กระทรวงมหาดไทย", "b")]))
    assert [(e.source, e.target) for e in sqlite_store.edges()] == [(DOPA, MOI)]


def test_view_cache_sees_writes_from_another_connection(tmp_path: Path) -> None:
    one, two = SQLiteStore(tmp_path / "s"), SQLiteStore(tmp_path / "s")
    try:
        one.write(doc("a", [node(MOI, "กระทรวงมหาดไทย", "a")]))
        assert set(by_id(two)) == {MOI}
        one.write(doc("b", [node(DOPA, "กรมการปกครอง", "b")]))
        assert set(by_id(two)) == {MOI, DOPA}
    finally:
        one.close()
        two.close()


def test_store_survives_reopen_and_open_store(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s") as store:
        store.write(doc("a", [node(MOI, "กระทรวงมหาดไทย", "a")]))
        store.set_merge(Merge("x", MOI, 0.5, "r", status="proposed"))
    with open_store(str(tmp_path / "s")) as store:
        assert isinstance(store, SQLiteStore)
        assert set(by_id(store)) == {MOI}
        assert [m.status for m in store.merges()] == ["proposed"]
    db = sqlite3.connect(tmp_path / "s" / "phakhi.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_graph_matches_to_networkx(sqlite_store: SQLiteStore, make_batches) -> None:
    from phakhi.graph.stores.base import to_networkx

    for b in make_batches(12):
        sqlite_store.write(b)
    fast = sqlite_store.graph()
    reference = to_networkx(sqlite_store.nodes(), sqlite_store.edges())
    assert nx.utils.graphs_equal(fast, reference)
    assert fast.number_of_nodes() > 20 and fast.number_of_edges() > 20


def test_document_facts_round_trip(sqlite_store: SQLiteStore, make_batches) -> None:
    [batch] = make_batches(1)
    sqlite_store.write(batch)
    back = sqlite_store.document_facts(batch.document.doc_id)
    assert back is not None
    assert sorted(n.to_dict()["id"] for n in back.nodes) == sorted(n.id for n in batch.nodes)
    assert {e.id: e.to_dict() for e in back.edges} == {e.id: e.to_dict() for e in batch.edges}
    assert sqlite_store.document_facts("missing") is None


def test_unwritable_directory_is_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError) as err:
        SQLiteStore(blocker / "store")
    assert "\n" not in str(err.value) and str(blocker) in str(err.value)


def test_not_a_database_is_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "phakhi.sqlite").write_bytes(b"garbage" * 1000)
    with pytest.raises(StoreError) as err:
        SQLiteStore(tmp_path / "s")
    assert "\n" not in str(err.value)


def test_changing_returned_nodes_does_not_change_the_store(sqlite_store: SQLiteStore) -> None:
    sqlite_store.write(doc("a", [node(MOI, "กระทรวงมหาดไทย", "a", ["มท."])],
                           [edge(MOI, MOI, "COOPERATES_WITH", "a")]))
    n = next(sqlite_store.nodes())
    n.aliases.append("changed")
    n.properties["x"] = 1
    e = next(sqlite_store.edges())
    e.properties["y"] = 2
    assert next(sqlite_store.nodes()).aliases == ["มท."]
    assert next(sqlite_store.nodes()).properties == {}
    assert next(sqlite_store.edges()).properties == {}
