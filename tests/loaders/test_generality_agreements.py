"""Agreements written in styles the sample corpus lacks: parties in the title block, three
parties, other clause headings and numbering, signature blocks labelled on the 'ลงชื่อ' line
or laid out side by side in a table, terms stated in other words, MOUs reported in news with
a witness and posts that name no body, and SUPPORTS stated in prose.

Every document here is invented for the test (agencies real, people fictional)."""
from __future__ import annotations

from pathlib import Path

from phakhi.loaders.extract import extract_document
from phakhi.loaders.readers import SourceText

TITLE_BLOCK_MOU = """บันทึกความเข้าใจ
ระหว่าง
กรมการพัฒนาชุมชน กระทรวงมหาดไทย
กับ
กรมประมง กระทรวงเกษตรและสหกรณ์
และ
กรมสุขภาพจิต กระทรวงสาธารณสุข
ว่าด้วยการพัฒนาอาชีพประมงชุมชน

ทั้งสามหน่วยงานเห็นพ้องร่วมกัน ดังนี้

๑. บทบาทของกรมการพัฒนาชุมชน
๑.๑ สนับสนุนให้กองทุนพัฒนาบทบาทสตรีและอาสาสมัครพัฒนาสังคมและความมั่นคงของมนุษย์ (อพม.) จัดกิจกรรมอาชีพ
๑.๒ จัดประชุมชี้แจงผู้นำชุมชน

๒. กรมประมง จะดำเนินการ ดังนี้
ข้อ ๑ พัฒนาศักยภาพอาสาสมัครเกษตร ด้านการเพาะเลี้ยงสัตว์น้ำ
ข้อ ๒ ถ่ายทอดเทคโนโลยีการประมง

๓. บทบาทของกรมสุขภาพจิต
๓.๑ สนับสนุนคู่มือและวิทยากรแก่บุคลากรของศูนย์พัฒนาเด็กเล็ก
๓.๒ อุดหนุนงบประมาณให้แก่ศูนย์ดำรงธรรม
บันทึกความเข้าใจนี้มีกำหนด ๓ ปี นับแต่วันที่ลงนาม ฝ่ายใดประสงค์จะยกเลิกให้แจ้งอีกฝ่ายเป็นหนังสือไม่น้อยกว่า ๖๐ วัน
การแก้ไขบันทึกความเข้าใจนี้ให้ทำเป็นหนังสือตามที่ทุกฝ่ายตกลงร่วมกัน
ทำ ณ ศาลากลางจังหวัดสงขลา เมื่อวันที่ ๓ ก.พ. ๒๕๖๗ ทั้งสามฝ่ายจึงลงลายมือชื่อไว้เป็นหลักฐาน

ลงชื่อ .................................. ผู้ลงนาม
(นายประเสริฐ ทองคำ)
อธิบดีกรมการพัฒนาชุมชน

ลงชื่อ .................................. ผู้ลงนาม
(นางมาลี ศรีสมุทร)
อธิบดีกรมประมง

ลงชื่อ .................................. ผู้ลงนาม
(นายชาตรี บุญมา)
อธิบดีกรมสุขภาพจิต

ลงชื่อ .................................. พยาน
(นายสุเมธ แสงทอง)
รองอธิบดีกรมประมง
"""

TABLE_MOU = (
    "บันทึกข้อตกลงความร่วมมือ\n"
    "การส่งเสริมเกษตรปลอดภัย\n"
    "\n"
    "บันทึกข้อตกลงฉบับนี้ทำขึ้นเมื่อวันที่ 5 มิถุนายน 2567 ณ ห้องประชุมใหญ่ อาคารเกษตรพัฒนา ระหว่าง "
    "กรมส่งเสริมการเกษตร กรมพัฒนาที่ดิน และกรมวิชาการเกษตร เพื่อส่งเสริมเกษตรกรให้ผลิตอาหารปลอดภัย\n"
    "หน้าที่ของกรมส่งเสริมการเกษตร\n"
    "1) สนับสนุนการฝึกอบรมอาสาสมัครเกษตร (อกษ.) และหมอดินอาสา\n"
    "2) จัดทำทะเบียนเกษตรกร\n"
    "หน้าที่ของกรมพัฒนาที่ดิน\n"
    "1) ให้บริการวิเคราะห์ดินแก่เกษตรกร\n"
    "หน้าที่ของกรมวิชาการเกษตร\n"
    "1) รับรองมาตรฐานแปลงผลิต\n"
    "บันทึกข้อตกลงนี้มีผลตั้งแต่วันที่ลงนามและสิ้นสุดวันที่ 31 ธันวาคม 2569\n"
    "ทุกฝ่ายได้อ่านและเข้าใจข้อความโดยตลอดแล้ว จึงได้ลงนามไว้เป็นสำคัญ\n"
    "\n"
    "ลงชื่อ ....................\tลงชื่อ ....................\tลงชื่อ ....................\n"
    "(นายสมปอง ไร่ดี)\t(นางสาวจันทร์เพ็ญ ดินงาม)\t(นายวีระ เกษตรกุล)\n"
    "อธิบดีกรมส่งเสริมการเกษตร\tอธิบดีกรมพัฒนาที่ดิน\tอธิบดีกรมวิชาการเกษตร\n"
)

NEWS_MOU = """ลำปาง ลงนาม MOU ดูแลผู้สูงอายุ

วันพุธที่ 6 มี.ค. 67 ณ ห้องประชุมเขลางค์ ศาลากลางจังหวัดลำปาง นายวิเชียร ดอยงาม ผู้ว่าราชการจังหวัดลำปาง เป็นประธานและสักขีพยานในพิธีลงนามบันทึกข้อตกลงความร่วมมือ "ลำปางสูงวัยใจเป็นสุข" ระหว่างสำนักงานสาธารณสุขจังหวัดลำปาง และสำนักงานเกษตรจังหวัดลำปาง โดยมีนายแพทย์ธวัช ใจงาม นายแพทย์สาธารณสุขจังหวัดลำปาง และนายบุญชู นาดี เกษตรจังหวัดลำปาง เป็นผู้ลงนาม

โดยสำนักงานสาธารณสุขจังหวัดลำปางพัฒนาศักยภาพ อสม. และสำนักงานเกษตรจังหวัดลำปางสนับสนุนอาสาสมัครเกษตร
"""

PROSE = """กรมป้องกันและบรรเทาสาธารณภัยจัดการซ้อมแผนรับมืออุทกภัย

กรมป้องกันและบรรเทาสาธารณภัยจัดการซ้อมแผนที่จังหวัดชัยนาท ผู้แทนกรมกล่าวว่า กรมฯ จะสนับสนุนการฝึกอบรม อปพร. ทุกปี
"""


def _facts(text: str, name: str = "doc.txt"):
    src = SourceText(path=Path(name), text=text, format="txt", encoding="utf-8", fingerprint="g")
    return extract_document(src, "doc:gen")


def _edges(facts, t):
    names = {n.id: n.name for n in facts.nodes}
    return [(names[e.source], names[e.target], e) for e in facts.edges if e.type == t]


def _agreement(facts):
    (agreement,) = [n for n in facts.nodes if n.type == "Agreement"]
    return agreement


def test_title_block_parties_are_the_parties_and_not_the_title():
    facts = _facts(TITLE_BLOCK_MOU)
    agreement = _agreement(facts)
    # the parties' lines are left out of the title; the 'ว่าด้วย…' line is kept
    assert agreement.name == "บันทึกความเข้าใจว่าด้วยการพัฒนาอาชีพประมงชุมชน"
    parties = sorted(s for s, _, _ in _edges(facts, "PARTY_TO"))
    # a ministry written after its department only says whose department it is
    assert parties == ["กรมการพัฒนาชุมชน", "กรมประมง", "กรมสุขภาพจิต"]


def test_other_clause_headings_and_numbering():
    facts = _facts(TITLE_BLOCK_MOU)
    obligations = sorted((s, e.properties["clause"]) for s, _, e in _edges(facts, "OBLIGATED_TO"))
    assert obligations == [("กรมการพัฒนาชุมชน", 1), ("กรมการพัฒนาชุมชน", 2), ("กรมประมง", 1),
                           ("กรมประมง", 2), ("กรมสุขภาพจิต", 1), ("กรมสุขภาพจิต", 2)]
    last = next(e for s, _, e in _edges(facts, "OBLIGATED_TO") if s == "กรมสุขภาพจิต" and e.properties["clause"] == 2)
    assert "มีกำหนด" not in last.properties["text"]  # the general terms are not part of the clause


def test_supports_variants_in_clauses():
    facts = _facts(TITLE_BLOCK_MOU)
    supports = {(s, t) for s, t, _ in _edges(facts, "SUPPORTS")}
    # a list after 'สนับสนุนให้', 'พัฒนาศักยภาพ X', 'สนับสนุน … แก่บุคลากรของ X'
    assert ("กรมการพัฒนาชุมชน", "กองทุนพัฒนาบทบาทสตรี") in supports
    assert ("กรมการพัฒนาชุมชน", "อาสาสมัครพัฒนาสังคมและความมั่นคงของมนุษย์") in supports
    assert ("กรมประมง", "อาสาสมัครเกษตร") in supports
    assert ("กรมสุขภาพจิต", "ศูนย์พัฒนาเด็กเล็ก") in supports
    assert ("กรมสุขภาพจิต", "ศูนย์ดำรงธรรม") in supports  # 'อุดหนุนงบประมาณให้แก่ X'


def test_terms_in_other_words():
    agreement = _agreement(_facts(TITLE_BLOCK_MOU))
    props = agreement.properties
    assert props["duration_years"] == 3
    assert props["termination_notice_days"] == 60
    assert props["date"] == "2024-02-03"
    assert props["end_date"] == "2027-02-03"
    assert props["place"] == "ศาลากลางจังหวัดสงขลา"
    assert props["amendment"].startswith("การแก้ไขบันทึกความเข้าใจนี้")


def test_signature_labels_on_the_sign_line():
    facts = _facts(TITLE_BLOCK_MOU)
    signs = {s: e.properties for s, _, e in _edges(facts, "SIGNS")}
    assert set(signs) == {"ประเสริฐ ทองคำ", "มาลี ศรีสมุทร", "ชาตรี บุญมา"}
    fish = next(n.id for n in facts.nodes if n.name == "กรมประมง")
    assert signs["มาลี ศรีสมุทร"]["on_behalf_of"] == fish
    assert signs["มาลี ศรีสมุทร"]["date"] == "2024-02-03"
    witnesses = [(s, e.properties.get("side")) for s, _, e in _edges(facts, "WITNESSES")]
    assert witnesses == [("สุเมธ แสงทอง", fish)]


def test_signature_blocks_side_by_side_in_a_table():
    facts = _facts(TABLE_MOU)
    signs = {s: e.properties for s, _, e in _edges(facts, "SIGNS")}
    assert set(signs) == {"สมปอง ไร่ดี", "จันทร์เพ็ญ ดินงาม", "วีระ เกษตรกุล"}
    ids = {n.name: n.id for n in facts.nodes}
    assert signs["จันทร์เพ็ญ ดินงาม"]["on_behalf_of"] == ids["กรมพัฒนาที่ดิน"]
    assert signs["วีระ เกษตรกุล"]["as_position"] == "อธิบดีกรมวิชาการเกษตร"
    assert not _edges(facts, "WITNESSES")


def test_opening_sentence_with_date_and_place_before_the_parties():
    facts = _facts(TABLE_MOU)
    parties = sorted(s for s, _, _ in _edges(facts, "PARTY_TO"))
    assert parties == ["กรมพัฒนาที่ดิน", "กรมวิชาการเกษตร", "กรมส่งเสริมการเกษตร"]
    props = _agreement(facts).properties
    assert props["date"] == "2024-06-05"
    assert props["place"] == "ห้องประชุมใหญ่ อาคารเกษตรพัฒนา"
    assert props["end_date"] == "2026-12-31"
    # the last clause stops before the closing lines
    last = [e for s, _, e in _edges(facts, "OBLIGATED_TO") if s == "กรมวิชาการเกษตร"]
    assert [e.properties["clause"] for e in last] == [1]
    assert "มีผล" not in last[0].properties["text"]
    supports = {(s, t) for s, t, _ in _edges(facts, "SUPPORTS")}
    assert ("กรมส่งเสริมการเกษตร", "อาสาสมัครเกษตร") in supports
    assert ("กรมส่งเสริมการเกษตร", "หมอดินอาสา") in supports


def test_news_mou_parties_signers_by_post_and_witness():
    facts = _facts(NEWS_MOU, "news.txt")
    parties = sorted(s for s, _, _ in _edges(facts, "PARTY_TO"))
    assert parties == ["สำนักงานสาธารณสุขจังหวัดลำปาง", "สำนักงานเกษตรจังหวัดลำปาง"]
    signs = {s: e.properties for s, _, e in _edges(facts, "SIGNS")}
    ids = {n.name: n.id for n in facts.nodes}
    # posts that name no body: the office whose name (without สำนักงาน) ends the post
    assert signs["ธวัช ใจงาม"]["on_behalf_of"] == ids["สำนักงานสาธารณสุขจังหวัดลำปาง"]
    assert signs["บุญชู นาดี"]["on_behalf_of"] == ids["สำนักงานเกษตรจังหวัดลำปาง"]
    assert [s for s, _, _ in _edges(facts, "WITNESSES")] == ["วิเชียร ดอยงาม"]
    assert "วิเชียร ดอยงาม" not in signs


def test_supports_stated_in_prose():
    facts = _facts(NEWS_MOU, "news.txt")
    supports = {(s, t) for s, t, _ in _edges(facts, "SUPPORTS")}
    assert ("สำนักงานสาธารณสุขจังหวัดลำปาง", "อาสาสมัครสาธารณสุขประจำหมู่บ้าน") in supports
    assert ("สำนักงานเกษตรจังหวัดลำปาง", "อาสาสมัครเกษตร") in supports
    # 'กรมฯ' stands for the department the text named last
    prose = {(s, t) for s, t, _ in _edges(_facts(PROSE, "prose.txt"), "SUPPORTS")}
    assert prose == {("กรมป้องกันและบรรเทาสาธารณภัย", "อาสาสมัครป้องกันภัยฝ่ายพลเรือน")}


JOIN_AND_BARE_NAMES = """บันทึกข้อตกลงความร่วมมือ
การอำนวยความเป็นธรรมในชุมชน

บันทึกข้อตกลงฉบับนี้จัดทำขึ้นระหว่างกรมคุมประพฤติกับกรมการปกครอง เพื่อร่วมกันแก้ไขปัญหาในชุมชน

ความรับผิดชอบของกรมคุมประพฤติ
(๑) ส่งเสริมให้ตัวแทนอาสาสมัครคุมประพฤติร่วมเป็นกรรมการ ในศูนย์ดำรงธรรม

ทั้งสองฝ่ายจึงได้ลงนามไว้เป็นสำคัญ

ลงชื่อ ..............................
นายกิตติ ยุติธรรม
อธิบดีกรมคุมประพฤติ

ลงชื่อ ..............................
นางสาวรุ่งนภา ปกครองดี
อธิบดีกรมการปกครอง
"""

PASSIVE = """อาสาสมัครคุมประพฤติจังหวัดตรังอบรมเข้ม

อาสาสมัครคุมประพฤติ ได้รับการสนับสนุนงบประมาณจากกรมคุมประพฤติ ในการอบรมครั้งนี้
"""


def test_joins_variant_and_names_without_brackets():
    facts = _facts(JOIN_AND_BARE_NAMES)
    joins = {(s, t) for s, t, _ in _edges(facts, "JOINS_AS_COMMITTEE")}
    assert joins == {("อาสาสมัครคุมประพฤติ", "ศูนย์ดำรงธรรม")}
    signs = {s: e.properties for s, _, e in _edges(facts, "SIGNS")}
    assert set(signs) == {"กิตติ ยุติธรรม", "รุ่งนภา ปกครองดี"}
    ids = {n.name: n.id for n in facts.nodes}
    assert signs["รุ่งนภา ปกครองดี"]["on_behalf_of"] == ids["กรมการปกครอง"]


def test_passive_support_names_the_supporter_after_jak():
    supports = {(s, t) for s, t, _ in _edges(_facts(PASSIVE, "news.txt"), "SUPPORTS")}
    assert supports == {("กรมคุมประพฤติ", "อาสาสมัครคุมประพฤติ")}


EVENT_SUPPORT = """เชียงรายเปิดอบรม อปพร.

เมื่อวันที่ 12 มิถุนายน 2567 เวลา 09.00 น. ที่หอประชุมอำเภอเมืองเชียงราย นายสมศักดิ์ ฟ้าใส ผู้ว่าราชการจังหวัดเชียงราย เป็นประธานในพิธีเปิดการฝึกอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน (อปพร.) รุ่นที่ 2/2567 ซึ่งสำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดเชียงรายเป็นผู้จัด

นายสมศักดิ์ฯ กล่าวว่า การฝึกอบรมครั้งนี้มีผู้เข้าร่วม 120 คน โดยได้รับการสนับสนุนวิทยากรจากกรมป้องกันและบรรเทาสาธารณภัย
"""


def test_passive_support_of_the_reported_event():
    facts = _facts(EVENT_SUPPORT, "news.txt")
    events = [n for n in facts.nodes if n.type == "Event"]
    supports = {(s, t) for s, t, _ in _edges(facts, "SUPPORTS")}
    assert len(events) == 1
    assert ("กรมป้องกันและบรรเทาสาธารณภัย", events[0].name) in supports


LABELS_BEFORE = """บันทึกข้อตกลงความร่วมมือ
การส่งเสริมการท่องเที่ยวชุมชน

บันทึกข้อตกลงฉบับนี้จัดทำขึ้นระหว่างกรมการท่องเที่ยวกับกรมการพัฒนาชุมชน เพื่อส่งเสริมรายได้ชุมชน

หน้าที่ของกรมการท่องเที่ยว
๑. จัดทำเส้นทางท่องเที่ยวชุมชน

ทั้งสองฝ่ายจึงได้ลงนามไว้เป็นสำคัญ

ผู้ลงนาม
ลงชื่อ ..............................
(นายธีรพล เดินทาง)
อธิบดีกรมการท่องเที่ยว

ลงชื่อ ..............................
(นางสาวพิมพ์ชนก ชุมชนดี)
อธิบดีกรมการพัฒนาชุมชน

พยาน
ลงชื่อ ..............................
(นายอนุชา ทางไกล)
รองอธิบดีกรมการท่องเที่ยว

ลงชื่อ ..............................
(นางวาสนา สุขใจ)
รองอธิบดีกรมการพัฒนาชุมชน
"""


def test_role_labels_heading_the_blocks():
    facts = _facts(LABELS_BEFORE)
    assert {s for s, _, _ in _edges(facts, "SIGNS")} == {"ธีรพล เดินทาง", "พิมพ์ชนก ชุมชนดี"}
    assert {s for s, _, _ in _edges(facts, "WITNESSES")} == {"อนุชา ทางไกล", "วาสนา สุขใจ"}


NEWS_WITH = """กรมการจัดหางานจับมือ 2 หน่วยงาน

วันที่ 9 ม.ค. 2567 กรมการจัดหางาน ร่วมลงนามบันทึกข้อตกลงความร่วมมือ (MOU) กับ กรมพัฒนาฝีมือแรงงาน และกรมสวัสดิการและคุ้มครองแรงงาน ณ กระทรวงแรงงาน
"""


def test_news_parties_around_the_signing_verb():
    facts = _facts(NEWS_WITH, "news.txt")
    parties = sorted(s for s, _, _ in _edges(facts, "PARTY_TO"))
    assert parties == ["กรมการจัดหางาน", "กรมพัฒนาฝีมือแรงงาน", "กรมสวัสดิการและคุ้มครองแรงงาน"]
    assert [n.name for n in facts.nodes if n.type == "Agreement"] == ["บันทึกข้อตกลงความร่วมมือ"]


def test_acting_post_over_two_lines_names_the_party():
    text = LABELS_BEFORE.replace("(นางสาวพิมพ์ชนก ชุมชนดี)\nอธิบดีกรมการพัฒนาชุมชน",
                                 "(นางสาวพิมพ์ชนก ชุมชนดี)\nรองอธิบดี ปฏิบัติราชการแทน\nอธิบดีกรมการพัฒนาชุมชน")
    facts = _facts(text)
    signs = {s: e.properties for s, _, e in _edges(facts, "SIGNS")}
    ids = {n.name: n.id for n in facts.nodes}
    assert signs["พิมพ์ชนก ชุมชนดี"]["on_behalf_of"] == ids["กรมการพัฒนาชุมชน"]
    assert signs["พิมพ์ชนก ชุมชนดี"]["as_position"].endswith("อธิบดีกรมการพัฒนาชุมชน")


JOINT = """บันทึกข้อตกลงความร่วมมือ
การป้องกันยาเสพติดในสถานศึกษา

บันทึกข้อตกลงฉบับนี้จัดทำขึ้นระหว่างกรมสุขภาพจิตกับกรมคุมประพฤติ เพื่อป้องกันยาเสพติดในเยาวชน

ทั้งสองฝ่ายตกลงร่วมกันดำเนินการ ดังนี้
๑. ส่งเสริมให้อาสาสมัครคุมประพฤติร่วมเฝ้าระวังในชุมชน
๒. แลกเปลี่ยนข้อมูลระหว่างกัน

ทั้งสองฝ่ายจึงได้ลงนามไว้เป็นสำคัญ
"""


def test_joint_clauses_bind_every_party():
    facts = _facts(JOINT)
    obligations = sorted((s, e.properties["clause"]) for s, _, e in _edges(facts, "OBLIGATED_TO"))
    assert obligations == [("กรมคุมประพฤติ", 1), ("กรมคุมประพฤติ", 2), ("กรมสุขภาพจิต", 1), ("กรมสุขภาพจิต", 2)]
    supports = {(s, t) for s, t, _ in _edges(facts, "SUPPORTS")}
    assert supports == {("กรมสุขภาพจิต", "อาสาสมัครคุมประพฤติ"), ("กรมคุมประพฤติ", "อาสาสมัครคุมประพฤติ")}


REPRESENTED = """บันทึกข้อตกลงความร่วมมือ
การพัฒนาฝีมือแรงงานผู้สูงอายุ

บันทึกข้อตกลงฉบับนี้จัดทำขึ้นระหว่าง กรมพัฒนาฝีมือแรงงาน โดย นายชัยวัฒน์ มีฝีมือ ผู้อำนวยการกองแผนงานและสารสนเทศ ผู้รับมอบอำนาจ ซึ่งต่อไปนี้เรียกว่า "ฝ่ายที่หนึ่ง" ฝ่ายหนึ่ง กับ กรมกิจการผู้สูงอายุ โดย นางสาวนิภา ใจดี อธิบดีกรมกิจการผู้สูงอายุ ซึ่งต่อไปนี้เรียกว่า "ฝ่ายที่สอง" อีกฝ่ายหนึ่ง

หน้าที่ของกรมพัฒนาฝีมือแรงงาน
๑. จัดฝึกอาชีพให้ผู้สูงอายุ
"""


def test_representatives_in_the_opening_are_not_parties():
    facts = _facts(REPRESENTED)
    parties = sorted(s for s, _, _ in _edges(facts, "PARTY_TO"))
    assert parties == ["กรมกิจการผู้สูงอายุ", "กรมพัฒนาฝีมือแรงงาน"]


NEWS_UNDERSTANDING = """กรมอุทยานฯ จับมือกรมการท่องเที่ยว

วันที่ 20 ก.ย. 2566 กรมอุทยานแห่งชาติ สัตว์ป่า และพันธุ์พืช ลงนามบันทึกความเข้าใจว่าด้วยการท่องเที่ยวเชิงนิเวศ ระหว่างกรมอุทยานแห่งชาติ สัตว์ป่า และพันธุ์พืช กับกรมการท่องเที่ยว ณ กรุงเทพมหานคร
"""


def test_news_memorandum_of_understanding():
    facts = _facts(NEWS_UNDERSTANDING, "news.txt")
    assert [n.name for n in facts.nodes if n.type == "Agreement"] == ["บันทึกความเข้าใจว่าด้วยการท่องเที่ยวเชิงนิเวศ"]
    parties = sorted(s for s, _, _ in _edges(facts, "PARTY_TO"))
    assert parties == ["กรมการท่องเที่ยว", "กรมอุทยานแห่งชาติ สัตว์ป่า และพันธุ์พืช"]


def test_signature_cells_read_as_one_line_each():
    # a Word table with one cell per signer reads as 'ลงชื่อ …… (name) post' per cell
    text = TABLE_MOU.split("ลงชื่อ ....................\tลงชื่อ")[0] + (
        "ลงชื่อ .......... (นายสมปอง ไร่ดี) อธิบดีกรมส่งเสริมการเกษตร\t"
        "ลงชื่อ .......... (นางสาวจันทร์เพ็ญ ดินงาม) อธิบดีกรมพัฒนาที่ดิน\n"
        "ลงชื่อ .......... (นายวีระ เกษตรกุล) รองอธิบดีกรมวิชาการเกษตร พยาน\t\n")
    facts = _facts(text)
    signs = {s: e.properties for s, _, e in _edges(facts, "SIGNS")}
    ids = {n.name: n.id for n in facts.nodes}
    assert set(signs) == {"สมปอง ไร่ดี", "จันทร์เพ็ญ ดินงาม"}
    assert signs["จันทร์เพ็ญ ดินงาม"]["on_behalf_of"] == ids["กรมพัฒนาที่ดิน"]
    assert signs["สมปอง ไร่ดี"]["as_position"] == "อธิบดีกรมส่งเสริมการเกษตร"
    witnesses = {s: e.properties for s, _, e in _edges(facts, "WITNESSES")}
    assert witnesses["วีระ เกษตรกุล"]["side"] == ids["กรมวิชาการเกษตร"]


def test_post_wrapped_onto_the_next_line():
    text = LABELS_BEFORE.replace("(นางสาวพิมพ์ชนก ชุมชนดี)\nอธิบดีกรมการพัฒนาชุมชน",
                                 "(นางสาวพิมพ์ชนก ชุมชนดี)\nอธิบดี\nกรมการพัฒนาชุมชน")
    facts = _facts(text)
    signs = {s: e.properties for s, _, e in _edges(facts, "SIGNS")}
    ids = {n.name: n.id for n in facts.nodes}
    assert signs["พิมพ์ชนก ชุมชนดี"]["on_behalf_of"] == ids["กรมการพัฒนาชุมชน"]
    # the next block's rank line is not part of this post
    ranked = LABELS_BEFORE.replace("อธิบดีกรมการท่องเที่ยว\n\nลงชื่อ", "อธิบดีกรมการท่องเที่ยว\nพันตำรวจเอก\nลงชื่อ")
    people = {n.name: n.properties for n in _facts(ranked).nodes if n.type == "Person"}
    assert people["พิมพ์ชนก ชุมชนดี"].get("honorific") != "พันตำรวจเอก"  # her own 'นางสาว' stays
    signs = {s: e.properties for s, _, e in _edges(_facts(ranked), "SIGNS")}
    assert signs["ธีรพล เดินทาง"]["as_position"] == "อธิบดีกรมการท่องเที่ยว"


LEGAL_STYLE = """บันทึกข้อตกลงความร่วมมือ (MOU)
ระหว่าง
สำนักงานสาธารณสุขจังหวัดเชียงใหม่
และ
องค์การบริหารส่วนจังหวัดเชียงใหม่
เรื่อง การดูแลสุขภาพผู้สูงอายุในชุมชน
---------------------------
บันทึกข้อตกลงความร่วมมือฉบับนี้ทำขึ้น ณ ศาลากลางจังหวัดเชียงใหม่ เมื่อวันที่ ๑ ตุลาคม ๒๕๖๕ ระหว่าง สำนักงานสาธารณสุขจังหวัดเชียงใหม่ โดย นายแพทย์กฤษดา ขันแก้ว นายแพทย์สาธารณสุขจังหวัดเชียงใหม่ ซึ่งต่อไปในบันทึกข้อตกลงนี้เรียกว่า "ฝ่ายที่หนึ่ง" ฝ่ายหนึ่ง กับ องค์การบริหารส่วนจังหวัดเชียงใหม่ โดย นายคมสัน งามดี นายกองค์การบริหารส่วนจังหวัดเชียงใหม่ ซึ่งต่อไปในบันทึกข้อตกลงนี้เรียกว่า "ฝ่ายที่สอง" อีกฝ่ายหนึ่ง ทั้งสองฝ่ายได้ตกลงร่วมกันดังมีข้อความต่อไปนี้

ข้อ ๑ ฝ่ายที่หนึ่ง มีหน้าที่ ดังนี้
๑.๑ พัฒนาศักยภาพอาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.)
๑.๒ จัดทำฐานข้อมูลผู้สูงอายุ
ข้อ ๒ ฝ่ายที่สอง มีหน้าที่ ดังนี้
๒.๑ อุดหนุนงบประมาณแก่ศูนย์พัฒนาคุณภาพชีวิตและส่งเสริมอาชีพผู้สูงอายุ
ข้อ ๓ บันทึกข้อตกลงนี้มีผลใช้บังคับตั้งแต่วันที่ลงนามเป็นต้นไป มีกำหนด ๓ ปี

ทั้งสองฝ่ายได้อ่านและเข้าใจข้อความโดยตลอดแล้ว จึงได้ลงลายมือชื่อไว้เป็นสำคัญต่อหน้าพยาน

ลงชื่อ...........................ฝ่ายที่หนึ่ง
      (นายแพทย์กฤษดา ขันแก้ว)
นายแพทย์สาธารณสุขจังหวัดเชียงใหม่

ลงชื่อ...........................ฝ่ายที่สอง
      (นายคมสัน งามดี)
นายกองค์การบริหารส่วนจังหวัดเชียงใหม่

ลงชื่อ...........................พยาน
      (นางสาวสุดา ใจเย็น)
รองนายแพทย์สาธารณสุขจังหวัดเชียงใหม่
"""


def test_contract_style_defined_party_names_and_top_level_terms():
    facts = _facts(LEGAL_STYLE)
    agreement = _agreement(facts)
    assert agreement.name == "บันทึกข้อตกลงความร่วมมือเรื่อง การดูแลสุขภาพผู้สูงอายุในชุมชน"  # no '(MOU)', no rule line
    # 'ซึ่งต่อไปในบันทึกข้อตกลงนี้เรียกว่า "ฝ่ายที่หนึ่ง"' names the party a section heading uses
    obligations = sorted((s, e.properties["clause"]) for s, _, e in _edges(facts, "OBLIGATED_TO"))
    assert obligations == [("สำนักงานสาธารณสุขจังหวัดเชียงใหม่", 1), ("สำนักงานสาธารณสุขจังหวัดเชียงใหม่", 2),
                           ("องค์การบริหารส่วนจังหวัดเชียงใหม่", 1)]  # 'ข้อ ๓ บันทึกข้อตกลงนี้มีผล…' is a term
    parties = sorted(s for s, _, _ in _edges(facts, "PARTY_TO"))
    assert parties == ["สำนักงานสาธารณสุขจังหวัดเชียงใหม่", "องค์การบริหารส่วนจังหวัดเชียงใหม่"]
    assert [s for s, _, _ in _edges(facts, "WITNESSES")] == ["สุดา ใจเย็น"]
    assert agreement.properties["duration_years"] == 3


NEWS_SIGNERS_BETWEEN = """ลงนามความร่วมมือด้านแรงงาน

วันที่ 15 พ.ค. 2567 ณ กระทรวงแรงงาน มีพิธีลงนามบันทึกข้อตกลงความร่วมมือด้านการพัฒนาทักษะแรงงาน ระหว่าง นายสุชาติ งานดี อธิบดีกรมพัฒนาฝีมือแรงงาน กับ นางสาวอรุณี จัดหา อธิบดีกรมการจัดหางาน
"""


def test_news_signers_named_after_between():
    facts = _facts(NEWS_SIGNERS_BETWEEN, "news.txt")
    ids = {n.name: n.id for n in facts.nodes}
    signs = {s: e.properties["on_behalf_of"] for s, _, e in _edges(facts, "SIGNS")}
    assert signs == {"สุชาติ งานดี": ids["กรมพัฒนาฝีมือแรงงาน"], "อรุณี จัดหา": ids["กรมการจัดหางาน"]}
    parties = sorted(s for s, _, _ in _edges(facts, "PARTY_TO"))
    assert parties == ["กรมการจัดหางาน", "กรมพัฒนาฝีมือแรงงาน"]


def test_a_purpose_word_inside_a_party_name_does_not_end_the_list():
    text = JOINT.replace("ระหว่างกรมสุขภาพจิตกับกรมคุมประพฤติ",
                         "ระหว่างสำนักงานการปฏิรูปที่ดินเพื่อเกษตรกรรมกับกรมคุมประพฤติ")
    parties = sorted(s for s, _, _ in _edges(_facts(text), "PARTY_TO"))
    assert parties == ["กรมคุมประพฤติ", "สำนักงานการปฏิรูปที่ดินเพื่อเกษตรกรรม"]
