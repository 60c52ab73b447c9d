"""News items: a provincial signing, a seminar whose participant groups do not add up."""
from __future__ import annotations

from pathlib import Path

from phakhi.loaders.extract import extract_document
from phakhi.loaders.readers import SourceText

SIGNING = """สำนักงานสาธารณสุขจังหวัดน่าน ร่วมมือกับกรมป่าไม้ ดูแลป่าชุมชน

วันนี้ (5 มกราคม 2566) เวลา 10.00 น. ณ ห้องประชุมพระยาสุริยพงษ์ ศาลากลางจังหวัดน่าน นายสมพงษ์ ดีงาม ผู้ว่าราชการจังหวัดน่าน เป็นประธานในพิธีลงนามบันทึกข้อตกลงว่าด้วยความร่วมมือการดูแลป่าชุมชน โดยมี นายอนันต์ ศรีเมือง อธิบดีกรมป่าไม้ และนางวิไล ทองดี รองอธิบดีกรมอนามัย ลงนามบันทึกข้อตกลง
"""

SEMINAR = """กรมการแพทย์ จัดสัมมนา “เครือข่ายสุขภาพชุมชน”

กรมการแพทย์ โดยสำนักยุทธศาสตร์การแพทย์ ได้จัดสัมมนา “เครือข่ายสุขภาพชุมชน” ระหว่างวันที่ 3 – 4 มีนาคม 2566 ผู้เข้าร่วมประกอบด้วย ผู้แทนอาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.) 10 จังหวัด ๆ ละ 5 คน วิทยากร จำนวน 6 คน รวมทั้งสิ้นจำนวน 60 คน โดยนายแพทย์ธีระ ใจงาม อธิบดีกรมการแพทย์ เป็นประธานในพิธีเปิด ณ ห้องประชุมใหญ่ ชั้น 3 โรงแรมริเวอร์ไซด์ ถนนจรัญสนิทวงศ์ เขตบางพลัด กรุงเทพมหานคร
"""


def _facts(text: str, name: str = "news.txt"):
    src = SourceText(path=Path(name), text=text, format="txt", encoding="utf-8", fingerprint="f")
    return extract_document(src, "doc:" + name)


def _rel(facts, t):
    names = {n.id: n.name for n in facts.nodes}
    return [(names[e.source], names[e.target], e) for e in facts.edges if e.type == t]


def test_provincial_signing_news():
    facts = _facts(SIGNING)
    assert facts.document.date == "2023-01-05"
    holds = {(s, t) for s, t, _ in _rel(facts, "HOLDS_POSITION")}
    assert ("อนันต์ ศรีเมือง", "กรมป่าไม้") in holds
    assert ("วิไล ทองดี", "กรมอนามัย") in holds
    (agreement,) = [n for n in facts.nodes if n.type == "Agreement"]
    assert agreement.properties["date"] == "2023-01-05"
    parties = {s for s, _, _ in _rel(facts, "PARTY_TO")}
    assert parties == {"กรมป่าไม้", "กรมอนามัย"}
    coop = {frozenset((s, t)) for s, t, _ in _rel(facts, "COOPERATES_WITH")}
    assert frozenset(("สำนักงานสาธารณสุขจังหวัดน่าน", "กรมป่าไม้")) in coop
    located = {(s, t) for s, t, _ in _rel(facts, "LOCATED_IN")}
    assert ("ห้องประชุมพระยาสุริยพงษ์", "ศาลากลางจังหวัดน่าน") in located


def test_seminar_roles_and_venue_chain():
    facts = _facts(SEMINAR)
    (event,) = [n for n in facts.nodes if n.type == "Event"]
    assert event.name == "สัมมนา “เครือข่ายสุขภาพชุมชน”"
    assert (event.properties["date"], event.properties["date_end"]) == ("2023-03-03", "2023-03-04")
    organisers = {s for s, _, _ in _rel(facts, "ORGANIZES")}
    assert organisers == {"กรมการแพทย์", "สำนักยุทธศาสตร์การแพทย์"}
    assert [s for s, _, _ in _rel(facts, "PRESIDES")] == ["ธีระ ใจงาม"]
    located = {(s, t) for s, t, _ in _rel(facts, "LOCATED_IN")}
    assert ("ห้องประชุมใหญ่", "โรงแรมริเวอร์ไซด์") in located
    assert ("โรงแรมริเวอร์ไซด์", "กรุงเทพมหานคร") in located
    attends = {s: e.properties["count"] for s, _, e in _rel(facts, "ATTENDS") if "count" in e.properties}
    assert attends["อาสาสมัครสาธารณสุขประจำหมู่บ้าน"] == 50


def test_participant_total_mismatch_is_a_warning():
    facts = _facts(SEMINAR)
    (event,) = [n for n in facts.nodes if n.type == "Event"]
    assert event.properties["participants_total"] == 60
    issues = [i for i in facts.issues if i.code == "total_mismatch"]
    assert len(issues) == 1 and issues[0].level == "warning"
    assert issues[0].details == {"stated": 60, "computed": 56}
    assert issues[0].line().startswith("news.txt: ")


def test_a_province_inside_a_word_is_not_a_mention():
    text = "ข่าวสุขภาพ\n\nวันนี้ (5 มกราคม 2566) กรมอนามัยเฝ้าระวังการแพร่ระบาดของโรค\n"
    facts = _facts(text)
    assert not [n for n in facts.nodes if n.type == "Province"]


RELEASE = """กรมอนามัยประชุมเครือข่าย

วันนี้ (2 กุมภาพันธ์ 2566) นายสมศักดิ์ สุขใจ อธิบดีกรมอนามัย เป็นประธานการประชุมเครือข่ายสุขภาพ ครั้งที่ 2/2566 โดยมีผู้แทนกองส่งเสริมความรอบรู้ด้านสุขภาพ ในสังกัดกรมอนามัย ร่วมประชุม

กองส่งเสริมความรอบรู้ด้านสุขภาพ

ครั้งที่ 12/2566

วันที่ 2 ก.พ. 2566
"""


def test_press_release_issued_by_the_unit_above_it():
    facts = _facts(RELEASE, "release.txt")
    (doc,) = [n for n in facts.nodes if n.type == "Document" and n.properties.get("kind") == "press_release"]
    assert doc.name == "ข่าวประชาสัมพันธ์ ครั้งที่ 12/2566"
    assert [s for s, t, _ in _rel(facts, "ISSUED") if t == doc.name] == ["กองส่งเสริมความรอบรู้ด้านสุขภาพ"]
    (event,) = [n for n in facts.nodes if n.type == "Event"]
    assert event.name == "การประชุมเครือข่ายสุขภาพ ครั้งที่ 2/2566"
    assert ("ข่าวประชาสัมพันธ์ ครั้งที่ 12/2566", event.name) in {(s, t) for s, t, _ in _rel(facts, "MENTIONS")}
    assert ("กองส่งเสริมความรอบรู้ด้านสุขภาพ", "กรมอนามัย") in {(s, t) for s, t, _ in _rel(facts, "PART_OF")}
