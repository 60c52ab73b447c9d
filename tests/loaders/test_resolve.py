"""Entity resolution on a real SQLite store: accepted, proposed, rejected decisions."""
from __future__ import annotations

from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Node, Provenance
from phakhi.graph.stores.sqlite_store import SQLiteStore
from phakhi.loaders.resolve import name_similarity, resolve


def _doc(doc_id: str, people: list[tuple[str, str, str, str | None]], orgs: list[tuple[str, str]] = ()) -> DocumentFacts:
    """people: (name, org id, title, as_of); orgs: (id, name)."""
    p = [Provenance(doc_id, 0, 1, "x")]
    nodes = {"ref:dopa": Node("ref:dopa", "Department", "กรมการปกครอง", provenance=p)}
    for oid, name in orgs:
        nodes[oid] = Node(oid, oid.split(":")[0], name, provenance=p)
    edges = []
    for name, org, title, as_of in people:
        pid = f"Person:{name}"
        nodes[pid] = Node(pid, "Person", name, provenance=p)
        edges.append(Edge(pid, org, "HOLDS_POSITION", {"position": title, "as_of": as_of}, p, title))
    return DocumentFacts(DocumentInfo(doc_id, f"/{doc_id}.txt", doc_id), list(nodes.values()), edges)


def test_name_similarity_is_thai_aware():
    assert name_similarity("จรุงวิทย์ ฤมมา", "จรุงวิทย์ ภูมกา") > 0.75
    assert name_similarity("สมชาย ใจดี", "วิไล ทองดี") < 0.5


def test_same_post_similar_name_is_merged(tmp_path):
    store = SQLiteStore(tmp_path)
    store.write(_doc("d1", [("ธนาคม จงจิระ", "ref:dopa", "อธิบดี", "2021-03-04")]))
    store.write(_doc("d2", [("ธนาถ วจจร", "ref:dopa", "อธิบดี", None)]))
    merges = resolve(store)
    assert [(m.from_id, m.to_id, m.status) for m in merges] == [
        ("Person:ธนาถ วจจร", "Person:ธนาคม จงจิระ", "accepted")] or \
        [(m.from_id, m.to_id, m.status) for m in merges] == [
        ("Person:ธนาคม จงจิระ", "Person:ธนาถ วจจร", "accepted")]
    assert merges[0].reason and 0 < merges[0].score <= 1
    assert sum(1 for n in store.nodes() if n.type == "Person") == 1
    store.close()


def test_different_names_or_dates_far_apart_stay_apart(tmp_path):
    store = SQLiteStore(tmp_path)
    store.write(_doc("d1", [("สมชาย ใจดี", "ref:dopa", "อธิบดี", "2010-01-01")]))
    store.write(_doc("d2", [("สมชัย ใจดี", "ref:dopa", "อธิบดี", "2022-01-01")]))
    store.write(_doc("d3", [("วิไล ทองดี", "ref:dopa", "อธิบดี", "2022-02-01")]))
    merges = resolve(store)
    pairs = {frozenset((m.from_id, m.to_id)) for m in merges}
    assert frozenset(("Person:สมชาย ใจดี", "Person:สมชัย ใจดี")) not in pairs  # 12 years apart
    assert frozenset(("Person:สมชัย ใจดี", "Person:วิไล ทองดี")) not in pairs  # different names
    store.close()


def test_two_people_in_one_list_are_two_people(tmp_path):
    store = SQLiteStore(tmp_path)
    store.write(_doc("d1", [("สมชาย ใจดี", "ref:dopa", "รองอธิบดี", None),
                            ("สมชัย ใจงาม", "ref:dopa", "รองอธิบดี", None)]))
    assert resolve(store) == []
    store.close()


def test_middling_scores_are_proposed_and_rejections_stick(tmp_path):
    store = SQLiteStore(tmp_path)
    store.write(_doc("d1", [("สมศักดิ์ ใจดี", "ref:dopa", "อธิบดี", None)]))
    store.write(_doc("d2", [("สมหวัง ใจงาม", "ref:dopa", "อธิบดี", None)]))
    merges = resolve(store)
    assert len(merges) == 1 and merges[0].status == "proposed"
    assert sum(1 for n in store.nodes() if n.type == "Person") == 2  # proposed: still apart
    m = merges[0]
    m.status, m.decided_by = "rejected", "user"
    store.set_merge(m)
    assert resolve(store) == []  # never proposed again
    store.close()


def test_unknown_org_names_differing_by_spacing_merge(tmp_path):
    store = SQLiteStore(tmp_path)
    store.write(_doc("d1", [], [("VolunteerNetwork:เครือข่ายอาสาพัฒนาชุมชนทุกระดับ", "เครือข่ายอาสาพัฒนาชุมชนทุกระดับ")]))
    store.write(_doc("d2", [], [("VolunteerNetwork:อาสาพัฒนา ชุมชน", "อาสาพัฒนา ชุมชน")]))
    merges = resolve(store)
    assert len(merges) == 1 and merges[0].status == "accepted"
    assert sum(1 for n in store.nodes() if n.type == "VolunteerNetwork") == 1
    store.close()


def _mou(doc_id: str, title: str, parties: list[str], ordinal: int = 1, **props) -> DocumentFacts:
    p = [Provenance(doc_id, 0, 1, "x")]
    aid = f"Agreement:{title}|{doc_id}|{ordinal}"
    nodes = [Node(aid, "Agreement", title, properties=dict(props), provenance=p)]
    nodes += [Node(x, "Department", x.split(":")[1], provenance=p) for x in parties]
    edges = [Edge(x, aid, "PARTY_TO", {}, p) for x in parties]
    return DocumentFacts(DocumentInfo(doc_id, f"/{doc_id}.txt", doc_id), nodes, edges)


def test_same_mou_in_news_and_in_full_text_is_one_agreement(tmp_path):
    store = SQLiteStore(tmp_path)
    store.write(_mou("news", "บันทึกข้อตกลงว่าด้วยความร่วมมือ ก", ["ref:a", "ref:b"], date="2023-01-05"))
    store.write(_mou("text", "บันทึกข้อตกลงว่าด้วยความร่วมมือ ก", ["ref:a", "ref:b"], duration_years=3))
    store.write(_mou("other", "บันทึกข้อตกลงว่าด้วยความร่วมมือ ก", ["ref:a", "ref:c"]))
    merges = [m for m in resolve(store) if m.from_id.startswith("Agreement:")]
    assert len(merges) == 1 and merges[0].status == "accepted"
    assert sum(1 for n in store.nodes() if n.type == "Agreement") == 2  # other parties: another MOU
    store.close()


def test_two_agreements_with_one_title_in_one_document_stay_two(tmp_path):
    store = SQLiteStore(tmp_path)
    batch = _mou("d", "บันทึกข้อตกลง ข", ["ref:a", "ref:b"], 1)
    second = _mou("d", "บันทึกข้อตกลง ข", ["ref:a", "ref:b"], 2)
    batch.nodes += second.nodes[:1]
    batch.edges += second.edges
    store.write(batch)
    assert not [m for m in resolve(store) if m.from_id.startswith("Agreement:")]
    store.close()
