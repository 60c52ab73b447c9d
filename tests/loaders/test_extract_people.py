"""People, posts and organisation names: the rules that decide what a name is."""
from __future__ import annotations

from pathlib import Path

from phakhi.loaders.extract import extract_document
from phakhi.loaders.mentions import find_mentions
from phakhi.loaders.people import find_people
from phakhi.loaders.readers import SourceText


def _facts(text: str):
    src = SourceText(path=Path("p.txt"), text=text, format="txt", encoding="utf-8", fingerprint="f")
    return extract_document(src, "doc:p")


def _holds(facts):
    names = {n.id: n for n in facts.nodes}
    return {(names[e.source].name, names[e.target].name, names[e.target].type, e.properties.get("position"))
            for e in facts.edges if e.type == "HOLDS_POSITION"}


def test_words_starting_with_an_honorific_are_not_people():
    text = "สร้างพลเมืองคุณภาพ ทั้งนี้ เพื่อพระมหากษัตริย์ ทรงเป็นประมุข โดยวิทยากรผู้ทรงคุณวุฒิ จำนวน 7 คน"
    assert find_people(text) == []


def test_glued_and_spaced_honorifics_and_ranks():
    people = find_people("โดยนายแพทย์สมชาย ใจดี และ พลเอก ประวิทย์ มั่นคง และคุณอรุณี แสงทอง")
    assert [(p.name, p.honorific) for p in people] == [
        ("สมชาย ใจดี", "นายแพทย์"), ("ประวิทย์ มั่นคง", "พลเอก"), ("อรุณี แสงทอง", "คุณ")]


def test_prime_minister_is_a_position_node_and_not_a_name():
    facts = _facts("ข่าว\n\nวันนี้ (4 มีนาคม 2564) พลเอก ประยุทธ์ จันทร์โอชา นายกรัฐมนตรี เป็นประธานการประชุม\n")
    assert ("ประยุทธ์ จันทร์โอชา", "นายกรัฐมนตรี", "Position", "นายกรัฐมนตรี") in _holds(facts)
    assert not [n for n in facts.nodes if n.type == "Person" and "กรัฐมนตรี" in n.name]


def test_commission_chair_and_secretariat():
    facts = _facts("ข่าว\n\nนายอิทธิพร บุญประคอง ประธานกรรมการการเลือกตั้ง และนายไพบุลย์ เหล็กพรหม "
                   "รองเลขาธิการคณะกรรมการการเลือกตั้ง ร่วมพิธี\n")
    holds = _holds(facts)
    assert ("อิทธิพร บุญประคอง", "คณะกรรมการการเลือกตั้ง", "IndependentAgency", "ประธานกรรมการ") in holds
    assert ("ไพบุลย์ เหล็กพรหม", "สำนักงานคณะกรรมการการเลือกตั้ง", "IndependentAgency", "รองเลขาธิการ") in holds


def test_former_and_acting_posts():
    facts = _facts("ข่าว\n\nนายศุภชัย สมเจริญ รองประธานวุฒิสภา อดีตประธานกรรมการการเลือกตั้ง กล่าวว่า\n"
                   "นายสุวิชชา เพ็งไพบูลย์ ผู้เชี่ยวชาญ ปฏิบัติหน้าที่ผู้อำนวยการกองการเลือกตั้ง ร่วมเป็นเกียรติ\n")
    names = {n.id: n.name for n in facts.nodes}
    flags = {(names[e.source], names[e.target]): e.properties for e in facts.edges if e.type == "HOLDS_POSITION"}
    assert flags[("ศุภชัย สมเจริญ", "คณะกรรมการการเลือกตั้ง")]["former"] is True
    assert "former" not in flags[("ศุภชัย สมเจริญ", "วุฒิสภา")]
    assert flags[("สุวิชชา เพ็งไพบูลย์", "กองการเลือกตั้ง")]["acting"] is True


def test_local_centre_named_by_abbreviation_and_place():
    facts = _facts("ข่าว\n\nโดย นายทวีป พรหมสุข ประธาน ศส.ปชต. บ้านโฮ่ง และนายสมชาย ใจดี กล่าว\n")
    names = {n.id: n for n in facts.nodes}
    centre = next(n for n in facts.nodes if n.name == "ศูนย์ส่งเสริมพัฒนาประชาธิปไตย บ้านโฮ่ง")
    assert centre.type == "Center" and "ศส.ปชต. บ้านโฮ่ง" in centre.aliases
    part = [(names[e.target].name, e.properties.get("relation")) for e in facts.edges
            if e.type == "PART_OF" and e.source == centre.id]
    assert part == [("ศูนย์ส่งเสริมพัฒนาประชาธิปไตย", "instance_of")]
    assert ("ทวีป พรหมสุข", centre.name, "Center", "ประธาน") in _holds(facts)


def test_unit_with_abbreviated_parent_and_provincial_office():
    text = "กองสารนิเทศ สป.มท.\nสงวนลิขสิทธิ์ สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงราย\nโทร. 0-2251"
    ms = {m.name: m for m in find_mentions(text)}
    assert ms["กองสารนิเทศ สำนักงานปลัดกระทรวงมหาดไทย"].type == "Office"
    assert "กองสารนิเทศ สป.มท." in ms["กองสารนิเทศ สำนักงานปลัดกระทรวงมหาดไทย"].aliases
    office = ms["สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงราย"]
    assert office.type == "ProvincialOffice"
    assert not any(m.name == "กองทัพเรือ" for m in ms.values())  # 'ทร.' inside 'โทร.'


def test_bracketed_abbreviation_is_an_alias_not_a_second_entity():
    text = "ชมรมผู้สูงอายุ/คณะกรรมการศูนย์พัฒนาคุณภาพชีวิตและส่งเสริมอาชีพผู้สูงอายุ (ศพอส.)/เครือข่ายด้านผู้สูงอายุ"
    ms = find_mentions(text)
    assert len(ms) == 3 and ms[1].type in ("Committee", "VolunteerNetwork")
    assert "ศพอส." in ms[1].aliases


def test_unknown_unit_closed_by_its_bracketed_abbreviation():
    text = "จัดตั้งศูนย์ปฏิบัติการป้องกันน้ำท่วม ส่วนหน้า (ศปภ.มท. ส่วนหน้า) เพื่อบูรณาการ"
    ms = [m for m in find_mentions(text) if m.type == "Center"]
    assert [m.name for m in ms] == ["ศูนย์ปฏิบัติการป้องกันน้ำท่วม ส่วนหน้า"]
    assert ms[0].implied and ms[0].implied[0][1].name == "กระทรวงมหาดไทย"
