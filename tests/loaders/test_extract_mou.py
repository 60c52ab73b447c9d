"""An MOU between two departments the sample corpus never mentions: parties, clauses,
general terms, signature blocks with a rank line and witnesses."""
from __future__ import annotations

from pathlib import Path

from phakhi.loaders.extract import extract_document
from phakhi.loaders.readers import SourceText

MOU = """บันทึกข้อตกลงความร่วมมือ
การส่งเสริมสุขภาพชุมชนในพื้นที่ป่าชุมชน

บันทึกข้อตกลงฉบับนี้จัดทำขึ้นระหว่างกรมอนามัยกับกรมป่าไม้ ด้วยมีความตระหนักถึงความสำคัญของสุขภาพของประชาชน ให้เป็นไปตามแผนยุทธศาสตร์ชาติ

ความร่วมมือของกรมอนามัย

๑. ส่งเสริมให้อาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.) เข้าร่วมเป็นกรรมการของศูนย์ส่งเสริมพัฒนาประชาธิปไตย (ศส.ปชต.) ในพื้นที่

๒. จัดทำหลักสูตร “สุขภาพชุมชน” ให้แก่เจ้าหน้าที่

ความร่วมมือของกรมป่าไม้

๑. มอบหมายนายอำเภอประสานงานกับกำนันในพื้นที่

๒. ระยะเวลาความร่วมมือ

บันทึกข้อตกลงนี้มีระยะเวลา ๒ ปี นับแต่วันที่ลงนาม หากฝ่ายใดประสงค์จะบอกเลิกให้แจ้งเป็นหนังสือล่วงหน้าไม่น้อยกว่า ๖๐ วัน

ทั้งสองฝ่ายจึงได้ลงนามร่วมกัน

พลตำรวจตรี

(สมชาย ใจดี)

อธิบดีกรมอนามัย

(นางสาวสมหญิง รักป่า)

อธิบดีกรมป่าไม้

ลงชื่อ

(นายวิชัย มั่นคง)

รองอธิบดีกรมอนามัย

พยาน
"""


def _facts(text: str):
    src = SourceText(path=Path("mou.txt"), text=text, format="txt", encoding="utf-8", fingerprint="f")
    return extract_document(src, "doc:test")


def _by_type(facts, t):
    return [n for n in facts.nodes if n.type == t]


def _edges(facts, t):
    names = {n.id: n.name for n in facts.nodes}
    return [(names[e.source], names[e.target], e) for e in facts.edges if e.type == t]


def test_parties_and_title():
    facts = _facts(MOU)
    (agreement,) = _by_type(facts, "Agreement")
    assert agreement.name.startswith("บันทึกข้อตกลงความร่วมมือการส่งเสริมสุขภาพชุมชน")
    parties = sorted(s for s, _, _ in _edges(facts, "PARTY_TO"))
    assert parties == ["กรมป่าไม้", "กรมอนามัย"]
    assert "date" not in agreement.properties  # the text states no signing date


def test_clauses_are_obligations_and_terms_are_properties():
    facts = _facts(MOU)
    obligations = sorted((s, e.properties["clause"]) for s, _, e in _edges(facts, "OBLIGATED_TO"))
    assert obligations == [("กรมป่าไม้", 1), ("กรมอนามัย", 1), ("กรมอนามัย", 2)]
    (agreement,) = _by_type(facts, "Agreement")
    assert agreement.properties["duration_years"] == 2
    assert agreement.properties["termination_notice_days"] == 60


def test_clause_relations():
    facts = _facts(MOU)
    joins = [(s, t) for s, t, _ in _edges(facts, "JOINS_AS_COMMITTEE")]
    assert ("อาสาสมัครสาธารณสุขประจำหมู่บ้าน", "ศูนย์ส่งเสริมพัฒนาประชาธิปไตย") in joins
    supports = [(s, t) for s, t, _ in _edges(facts, "SUPPORTS")]
    assert ("กรมอนามัย", "อาสาสมัครสาธารณสุขประจำหมู่บ้าน") in supports
    forest = [e for s, _, e in _edges(facts, "OBLIGATED_TO") if s == "กรมป่าไม้"][0]
    assert "Position:นายอำเภอ" in forest.properties["concerns"]
    assert "Position:กำนัน" in forest.properties["concerns"]


def test_signatures_ranks_and_witnesses():
    facts = _facts(MOU)
    signs = {s: e.properties for s, _, e in _edges(facts, "SIGNS")}
    assert set(signs) == {"สมชาย ใจดี", "สมหญิง รักป่า"}
    person = next(n for n in _by_type(facts, "Person") if n.name == "สมชาย ใจดี")
    assert person.properties["honorific"] == "พลตำรวจตรี"
    health = next(n.id for n in facts.nodes if n.name == "กรมอนามัย")
    assert signs["สมชาย ใจดี"]["on_behalf_of"] == health
    witnesses = _edges(facts, "WITNESSES")
    assert [(s, e.properties["side"]) for s, _, e in witnesses] == [("วิชัย มั่นคง", health)]
    holds = {(s, t, e.properties["position"]) for s, t, e in _edges(facts, "HOLDS_POSITION")}
    assert ("วิชัย มั่นคง", "กรมอนามัย", "รองอธิบดี") in holds


def test_every_fact_has_provenance_quoting_the_text():
    facts = _facts(MOU)
    for item in [*facts.nodes, *facts.edges]:
        assert item.provenance and item.provenance[0].doc_id == "doc:test"
    signs = [e for e in facts.edges if e.type == "SIGNS"][0]
    assert "สมชาย ใจดี" in signs.provenance[0].sentence


def test_stated_signing_date_gives_an_end_date():
    text = MOU.replace("ทั้งสองฝ่ายจึงได้ลงนามร่วมกัน", "ทำขึ้น ณ วันที่ ๑๐ มกราคม ๒๕๖๖ ทั้งสองฝ่ายจึงได้ลงนามร่วมกัน")
    (agreement,) = _by_type(_facts(text), "Agreement")
    assert agreement.properties["date"] == "2023-01-10"
    assert agreement.properties["end_date"] == "2025-01-10"
    assert agreement.properties["duration_text"] == "๒ ปี"


def test_witness_marker_on_the_signature_line_above_the_name():
    text = MOU.split("ทั้งสองฝ่ายจึงได้ลงนามร่วมกัน")[0] + (
        "ทั้งสองฝ่ายจึงได้ลงนามร่วมกัน\n\n"
        "ลงชื่อ ............................ ผู้แทนฝ่ายที่หนึ่ง\n(นายสมชาย ใจดี)\nอธิบดีกรมอนามัย\n\n"
        "ลงชื่อ ............................ พยาน\n(นายวิชัย มั่นคง)\nรองอธิบดีกรมอนามัย\n\n"
        "ลงชื่อ ............................ ผู้แทนฝ่ายที่สอง\n(นางสาวสมหญิง รักป่า)\nอธิบดีกรมป่าไม้\n")
    facts = _facts(text)
    assert sorted(s for s, _, _ in _edges(facts, "SIGNS")) == ["สมชาย ใจดี", "สมหญิง รักป่า"]
    assert [s for s, _, _ in _edges(facts, "WITNESSES")] == ["วิชัย มั่นคง"]


FORMAL = """บันทึกข้อตกลงความร่วมมือ
ว่าด้วยการพัฒนาระบบข้อมูลผู้สูงอายุ
ระหว่าง
กรมกิจการผู้สูงอายุ
กับ
สำนักงานสถิติแห่งชาติ

บันทึกข้อตกลงความร่วมมือฉบับนี้ทำขึ้น ณ กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ เมื่อวันที่ 20 ธันวาคม 2565 ระหว่าง กรมกิจการผู้สูงอายุ โดย นางสาวณัฏฐา สมบัติ อธิบดีกรมกิจการผู้สูงอายุ ซึ่งต่อไปในบันทึกข้อตกลงนี้เรียกว่า “ฝ่ายที่หนึ่ง” กับ สำนักงานสถิติแห่งชาติ โดย นายวิทยา ศรีสุข ผู้อำนวยการสำนักงานสถิติแห่งชาติ ซึ่งต่อไปในบันทึกข้อตกลงนี้เรียกว่า “ฝ่ายที่สอง”

ข้อ 1 วัตถุประสงค์
เพื่อพัฒนาระบบข้อมูล

บทบาทหน้าที่ของกรมกิจการผู้สูงอายุ
1. สนับสนุนชมรมผู้สูงอายุในการจัดเก็บข้อมูล
2. ส่งเสริมให้อาสาสมัครดูแลผู้สูงอายุที่บ้าน (อผส.) เข้าร่วมเป็นกรรมการของศูนย์พัฒนาคุณภาพชีวิตและส่งเสริมอาชีพผู้สูงอายุ

บทบาทหน้าที่ของสำนักงานสถิติแห่งชาติ
1. จัดทำมาตรฐานข้อมูล

บันทึกข้อตกลงนี้มีผลบังคับใช้เป็นระยะเวลา 3 ปี นับตั้งแต่วันที่ลงนาม

ทั้งสองฝ่ายได้ลงนามไว้เป็นสำคัญต่อหน้าพยาน

ลงชื่อ ............................
(นางสาวณัฏฐา สมบัติ)
อธิบดีกรมกิจการผู้สูงอายุ

ลงชื่อ ............................
(นายวิทยา ศรีสุข)
ผู้อำนวยการสำนักงานสถิติแห่งชาติ

ลงชื่อ ............................ พยาน
(นายชัยวัฒน์ ดีมาก)
รองอธิบดีกรมกิจการผู้สูงอายุ
"""


def test_formal_mou_with_stated_date_place_and_parties_block():
    facts = _facts(FORMAL)
    (agreement,) = _by_type(facts, "Agreement")
    assert agreement.name == "บันทึกข้อตกลงความร่วมมือว่าด้วยการพัฒนาระบบข้อมูลผู้สูงอายุ"
    props = agreement.properties
    assert (props["date"], props["end_date"], props["duration_years"]) == ("2022-12-20", "2025-12-20", 3)
    assert props["place"] == "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์"
    assert not _edges(facts, "MENTIONS")  # the place is not a body the agreement names
    assert sorted(s for s, _, _ in _edges(facts, "PARTY_TO")) == ["กรมกิจการผู้สูงอายุ", "สำนักงานสถิติแห่งชาติ"]
    assert [(s, t) for s, t, _ in _edges(facts, "JOINS_AS_COMMITTEE")] == [
        ("อาสาสมัครดูแลผู้สูงอายุที่บ้าน", "ศูนย์พัฒนาคุณภาพชีวิตและส่งเสริมอาชีพผู้สูงอายุ")]
    assert [s for s, _, _ in _edges(facts, "WITNESSES")] == ["ชัยวัฒน์ ดีมาก"]


def test_other_heading_and_clause_styles():
    text = (FORMAL.split("บทบาทหน้าที่ของกรมกิจการผู้สูงอายุ")[0]
            + "ข้อ 2 กรมกิจการผู้สูงอายุมีหน้าที่ ดังนี้\n(1) สนับสนุนชมรมผู้สูงอายุในการจัดเก็บข้อมูล\n"
            + "(2) จัดอบรมเจ้าหน้าที่\n\nข้อ 3 หน้าที่และความรับผิดชอบของสำนักงานสถิติแห่งชาติ\n"
            + "1) จัดทำมาตรฐานข้อมูล\n\nทั้งสองฝ่ายได้ลงนามไว้เป็นสำคัญต่อหน้าพยาน\n")
    facts = _facts(text)
    obligations = sorted((s, e.properties["clause"]) for s, _, e in _edges(facts, "OBLIGATED_TO"))
    assert obligations == [("กรมกิจการผู้สูงอายุ", 1), ("กรมกิจการผู้สูงอายุ", 2), ("สำนักงานสถิติแห่งชาติ", 1)]
