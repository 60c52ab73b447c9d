"""Fixtures of the queries tests: a small hand-written graph shaped like the sample corpus
(an ECT–CDD agreement without a signing date, a health MOU whose obligations concern the
village health volunteers, networks joining ศส.ปชต. as committee members)."""
from __future__ import annotations

import pytest

from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Node, Provenance


def _doc(doc_id: str, nodes: list[Node], edges: list[Edge]) -> DocumentFacts:
    return DocumentFacts(DocumentInfo(doc_id, f"/inline/{doc_id}.txt", f"sha-{doc_id}"), nodes, edges)


def sample_like() -> list[DocumentFacts]:
    p1 = Provenance("letter", 10, 40, "สำนักงานคณะกรรมการการเลือกตั้งกับกรมการพัฒนาชุมชน", "/inline/letter.txt")
    p2 = Provenance("news", 5, 30, "กระทรวงมหาดไทย ร่วมมือ สำนักงานคณะกรรมการการเลือกตั้ง", "/inline/news.txt")
    moi = Node("ref:moi", "Ministry", "กระทรวงมหาดไทย", ["มท."], {"name_en": "Ministry of Interior"}, [p2])
    moph = Node("ref:moph", "Ministry", "กระทรวงสาธารณสุข", [], {}, [p1])
    cdd = Node("ref:cdd", "Department", "กรมการพัฒนาชุมชน", ["กรมพัฒนาชุมชน", "พช."],
               {"name_en": "Community Development Department"}, [p1])
    hss = Node("ref:hss", "Department", "กรมสนับสนุนบริการสุขภาพ", ["สบส."], {}, [p1])
    ect = Node("ref:ect_office", "IndependentAgency", "สำนักงานคณะกรรมการการเลือกตั้ง", ["สำนักงาน กกต."], {}, [p1, p2])
    vhv = Node("ref:vhv", "VolunteerNetwork", "อาสาสมัครสาธารณสุขประจำหมู่บ้าน", ["อสม."], {}, [p1])
    village = Node("VolunteerNetwork:คณะกรรมการหมู่บ้าน", "VolunteerNetwork", "คณะกรรมการหมู่บ้าน", [], {}, [p1])
    ssp = Node("ref:ssp", "Center", "ศูนย์ส่งเสริมพัฒนาประชาธิปไตย", ["ศส.ปชต."], {}, [p1])
    a_cdd = Node("Agreement:mou-cdd", "Agreement", "บันทึกข้อตกลง ECT–CDD", [],
                 {"title": "บันทึกข้อตกลงว่าด้วยความร่วมมือ (พช.)", "duration_years": 3.0}, [p1])
    a_hss = Node("Agreement:mou-hss", "Agreement", "บันทึกข้อตกลง ECT–HSS", [],
                 {"title": "บันทึกข้อตกลงว่าด้วยความร่วมมือ (สบส.)", "date": "2019-12-20",
                  "duration_years": 3.0}, [p1])
    a_moi = Node("Agreement:mou-moi", "Agreement", "บันทึกข้อตกลงระดับนโยบาย", [],
                 {"date": "2022-06-16"}, [p2])
    a_odd = Node("Agreement:mou-odd", "Agreement", "บันทึกข้อตกลงวันที่ไม่เป็นมาตรฐาน", [],
                 {"date": "๑๖ มิถุนายน ๒๕๖๕", "duration_years": 2.0}, [p2])
    somchai = Node("Person:สมชาย ทดสอบ", "Person", "สมชาย ทดสอบ", [], {"honorific": "นาย"}, [p1])
    sak = Node("Person:ศักดิ์ ทดสอบ", "Person", "ศักดิ์ ทดสอบ", [], {}, [p1])
    witness = Node("Person:พยาน ทดสอบ", "Person", "พยาน ทดสอบ", [], {}, [p1])
    dopa = Node("ref:dopa", "Department", "กรมการปกครอง", [], {}, [p2])  # no PART_OF edge: the gazetteer knows
    prov_a = Node("ref:th-10", "Province", "กรุงเทพมหานคร", [], {}, [p1])
    prov_b = Node("ref:th-11", "Province", "สมุทรปราการ", [], {}, [p1])
    letter_edges = [
        Edge(cdd.id, moi.id, "PART_OF", {"relation": "sub_organization"}, [p1]),
        Edge(ect.id, a_cdd.id, "PARTY_TO", {}, [p1]), Edge(cdd.id, a_cdd.id, "PARTY_TO", {}, [p1]),
        Edge(ect.id, a_hss.id, "PARTY_TO", {}, [p1]), Edge(hss.id, a_hss.id, "PARTY_TO", {}, [p1]),
        Edge(somchai.id, a_cdd.id, "SIGNS", {"on_behalf_of": cdd.id, "as_position": "อธิบดีกรมการพัฒนาชุมชน"}, [p1]),
        Edge(sak.id, a_cdd.id, "SIGNS", {"on_behalf_of": ect.id, "as_position": "เลขาธิการ"}, [p1]),
        Edge(witness.id, a_cdd.id, "WITNESSES", {"side": cdd.id, "as_position": "รองอธิบดี"}, [p1]),
        Edge(hss.id, a_hss.id, "OBLIGATED_TO", {"clause": 1, "text": "ส่งเสริม อสม. เป็นกรรมการ ศส.ปชต.",
                                               "concerns": [vhv.id, ssp.id]}, [p1], qualifier="1"),
        Edge(hss.id, a_hss.id, "OBLIGATED_TO", {"clause": 2, "text": "สนับสนุนการอบรม",
                                               "concerns": [vhv.id]}, [p1], qualifier="2"),
        Edge(vhv.id, ssp.id, "JOINS_AS_COMMITTEE", {"roles": ["กรรมการ"], "agreement": a_hss.id,
                                                   "clause": 1, "party": hss.id}, [p1], qualifier="hss"),
        Edge(village.id, ssp.id, "JOINS_AS_COMMITTEE", {"roles": ["กรรมการ"], "agreement": a_cdd.id,
                                                       "clause": 1, "party": cdd.id}, [p1], qualifier="cdd"),
        Edge(cdd.id, village.id, "SUPPORTS", {}, [p1]),
        Edge(hss.id, moph.id, "PART_OF", {}, [p1]),
        Edge(somchai.id, cdd.id, "HOLDS_POSITION", {"position": "อธิบดี", "position_full": "อธิบดีกรมการพัฒนาชุมชน",
                                                    "as_of": "2020-01-15"}, [p1]),
        Edge(prov_a.id, cdd.id, "HAS_TRAINERS", {"count": 0, "table": "ตาราง 1", "row": 1}, [p1], qualifier="t1|1"),
        Edge(prov_b.id, cdd.id, "HAS_TRAINERS", {"count": None, "table": "ตาราง 1", "row": 2}, [p1], qualifier="t1|2"),
        Edge(prov_b.id, hss.id, "HAS_TRAINERS", {"count": 7, "table": "ตาราง 1", "row": 2}, [p1], qualifier="t1|2h"),
    ]
    news_edges = [
        Edge(moi.id, a_moi.id, "PARTY_TO", {}, [p2]), Edge(ect.id, a_moi.id, "PARTY_TO", {}, [p2]),
        Edge(ect.id, moi.id, "COOPERATES_WITH", {}, [p2]),
        Edge(moi.id, a_odd.id, "PARTY_TO", {}, [p2]),
        Edge(dopa.id, ect.id, "COOPERATES_WITH", {}, [p2]),
    ]
    letter_nodes = [moi, moph, cdd, hss, ect, vhv, village, ssp, a_cdd, a_hss, somchai, sak, witness, prov_a, prov_b]
    news_nodes = [moi, ect, a_moi, a_odd, dopa]
    return [_doc("letter", letter_nodes, letter_edges), _doc("news", news_nodes, news_edges)]


@pytest.fixture
def sample_like_batches() -> list[DocumentFacts]:
    return sample_like()


@pytest.fixture
def sample_like_store(sqlite_store):
    for b in sample_like():
        sqlite_store.write(b)
    return sqlite_store
