"""An official letter: number, date (not the receipt stamp), issuer, addressee, signer."""
from __future__ import annotations

from pathlib import Path

from phakhi.loaders.extract import extract_document
from phakhi.loaders.readers import SourceText

LETTER = """๔๕๖
๓๐ ก.ย. ๕๖๖

ที่ สธ ๐๙๐๑/ว ๑๒๓

กรมอนามัย
ถนนติวานนท์ จังหวัดนนทบุรี ๑๑๐๐๐

๑๕ สิงหาคม ๒๕๖๖

เรื่อง ขอความร่วมมือประชาสัมพันธ์โครงการ “ชุมชนสุขภาพดี”

เรียน นายแพทย์สาธารณสุขจังหวัด ทุกจังหวัด

สิ่งที่ส่งมาด้วย ๑. รายละเอียดโครงการ จำนวน ๑ ชุด

ด้วยกรมอนามัยร่วมกับกรมการแพทย์ จัดทำโครงการ “ชุมชนสุขภาพดี” จึงขอความร่วมมือสำนักงานสาธารณสุขจังหวัดประชาสัมพันธ์

จึงเรียนมาเพื่อโปรดพิจารณา

ขอแสดงความนับถือ

(นายสมศักดิ์ สุขใจ)

อธิบดีกรมอนามัย

กองส่งเสริมความรอบรู้ด้านสุขภาพ
"""


def _facts():
    src = SourceText(path=Path("letter.txt"), text=LETTER, format="txt", encoding="utf-8", fingerprint="f")
    return extract_document(src, "doc:letter")


def test_letter_document_node():
    facts = _facts()
    assert facts.document.kind == "letter"
    assert facts.document.date == "2023-08-15"  # the receipt stamp above is not the letter date
    (doc,) = [n for n in facts.nodes if n.type == "Document" and n.properties.get("kind") == "letter"]
    assert doc.properties["number"] == "สธ ๐๙๐๑/ว ๑๒๓"
    assert doc.properties["title"].startswith("ขอความร่วมมือประชาสัมพันธ์")


def test_issuer_signer_addressee():
    facts = _facts()
    names = {n.id: n.name for n in facts.nodes}
    issued = sorted(names[e.source] for e in facts.edges if e.type == "ISSUED")
    assert issued == ["กรมอนามัย", "สมศักดิ์ สุขใจ"]
    (to,) = [e for e in facts.edges if e.type == "ADDRESSED_TO"]
    assert names[to.target] == "นายแพทย์สาธารณสุขจังหวัด"
    assert to.properties["scope"] == "ทุกจังหวัด"
    holds = [(names[e.source], names[e.target], e.properties["as_of"]) for e in facts.edges
             if e.type == "HOLDS_POSITION"]
    assert ("สมศักดิ์ สุขใจ", "กรมอนามัย", "2023-08-15") in holds


def test_body_mentions_and_unit():
    facts = _facts()
    names = {n.id: n.name for n in facts.nodes}
    mentioned = {names[e.target] for e in facts.edges if e.type == "MENTIONS"}
    assert "กรมการแพทย์" in mentioned
    assert "โครงการชุมชนสุขภาพดี" in mentioned
    part_of = {(names[e.source], names[e.target]) for e in facts.edges if e.type == "PART_OF"}
    assert ("กองส่งเสริมความรอบรู้ด้านสุขภาพ", "กรมอนามัย") in part_of
