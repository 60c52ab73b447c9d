"""Rules for the layouts of Thai official writing, each on a small document of its own wording
(not the sample corpus, the held-out set or ../shared/dev): MOU texts typed with both parties'
signature blocks side by side, parties listed under the title or on numbered lines, a party's
clauses under its short name, news pages that collect several stories, appointment orders,
minutes, agency histories, tables whose columns a legend explains, and letters that report a
signing or refer to an agreement."""
from __future__ import annotations

from phakhi.graph.model import DocumentFacts
from phakhi.loaders.extract import extract_document
from phakhi.loaders.readers import SourceText


def _facts(text: str, name: str = "t.txt") -> DocumentFacts:
    return extract_document(SourceText(path=name, text=text, format="txt", encoding="utf-8", fingerprint="0"),
                            "doc:t")


def _names(f: DocumentFacts, *types: str) -> set[str]:
    return {n.name for n in f.nodes if not types or n.type in types}


def _edges(f: DocumentFacts, rel: str) -> set[tuple[str, str]]:
    by_id = {n.id: n for n in f.nodes}
    return {(by_id[e.source].name, by_id[e.target].name) for e in f.edges if e.type == rel}


def _aliases(f: DocumentFacts, node_type: str) -> set[str]:
    return {a for n in f.nodes if n.type == node_type for a in (n.name, *n.aliases)}


# -- MOU texts ------------------------------------------------------------------------------

SIDE_BY_SIDE = """บันทึกข้อตกลงความร่วมมือ
การพัฒนาระบบเฝ้าระวังคุณภาพน้ำบริโภค
ระหว่าง
กรมอนามัย
กับ
กรมทรัพยากรน้ำบาดาล
-----------------------------

        บันทึกข้อตกลงความร่วมมือฉบับนี้ทำขึ้นเมื่อวันที่ ๓ มีนาคม ๒๕๖๖ ระหว่าง กรมอนามัย โดย นายแพทย์สมชาย ใจงาม อธิบดีกรมอนามัย ซึ่งต่อไปเรียกว่า "กอ." ฝ่ายหนึ่ง กับ กรมทรัพยากรน้ำบาดาล โดย นางวิภา แสงดี อธิบดีกรมทรัพยากรน้ำบาดาล ซึ่งต่อไปเรียกว่า "ทบ." อีกฝ่ายหนึ่ง

ข้อ ๑ บทบาทหน้าที่ของ กอ.
        (๑) จัดทำมาตรฐานการตรวจคุณภาพน้ำ

        ทั้งสองฝ่ายได้อ่านและเข้าใจข้อความโดยตลอดแล้ว จึงได้ลงลายมือชื่อไว้เป็นสำคัญ

ลงชื่อ .............................        ลงชื่อ .............................
     (นายแพทย์สมชาย ใจงาม)                        (นางวิภา แสงดี)
       อธิบดีกรมอนามัย                          อธิบดีกรมทรัพยากรน้ำบาดาล
"""


def test_signature_blocks_typed_side_by_side_are_read_column_by_column() -> None:
    f = _facts(SIDE_BY_SIDE)
    signs = _edges(f, "SIGNS")
    assert {p for p, _ in signs} == {"สมชาย ใจงาม", "วิภา แสงดี"}
    assert ("วิภา แสงดี", "กรมทรัพยากรน้ำบาดาล") in _edges(f, "HOLDS_POSITION")


def test_title_block_names_the_parties_and_the_title_keeps_a_form_with_them() -> None:
    f = _facts(SIDE_BY_SIDE)
    assert {p for p, _ in _edges(f, "PARTY_TO")} == {"กรมอนามัย", "กรมทรัพยากรน้ำบาดาล"}
    forms = _aliases(f, "Agreement")
    assert "บันทึกข้อตกลงความร่วมมือการพัฒนาระบบเฝ้าระวังคุณภาพน้ำบริโภค" in {x.replace(" ", "") for x in forms}
    assert any("ระหว่าง" in x and "กรมทรัพยากรน้ำบาดาล" in x for x in forms)


NUMBERED_PARTIES = """บันทึกความร่วมมือ
การจัดการน้ำเสียชุมชน
-----------------------------

        บันทึกความร่วมมือฉบับนี้ทำขึ้นเมื่อวันที่ ๑ มิถุนายน ๒๕๖๖ ระหว่างหน่วยงานสามแห่ง ดังนี้

        ๑. องค์การบริหารส่วนจังหวัดสระบุรี โดย นายกองค์การบริหารส่วนจังหวัดสระบุรี ซึ่งต่อไปเรียกว่า "อบจ."
        ๒. เทศบาลเมืองสระบุรี โดย นายกเทศมนตรีเมืองสระบุรี ซึ่งต่อไปเรียกว่า "เทศบาล"
        ๓. สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดสระบุรี ซึ่งต่อไปเรียกว่า "ทสจ."

ข้อ ๒ บทบาทหน้าที่ของภาคี
        ๒.๑ เทศบาล
            (๑) รวบรวมน้ำเสียในเขตเทศบาล
            (๒) ดูแลระบบท่อ
        ๒.๒ ทสจ.
            (๑) ตรวจวัดคุณภาพน้ำ
"""


def test_an_opening_that_announces_a_list_takes_its_parties_from_the_numbered_lines() -> None:
    f = _facts(NUMBERED_PARTIES)
    parties = {p for p, _ in _edges(f, "PARTY_TO")}
    assert parties == {"องค์การบริหารส่วนจังหวัดสระบุรี", "เทศบาลเมืองสระบุรี",
                       "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดสระบุรี"}


def test_a_sub_heading_with_a_party_short_name_opens_that_party_clauses() -> None:
    f = _facts(NUMBERED_PARTIES)
    bound = [e for e in f.edges if e.type == "OBLIGATED_TO"]
    by_id = {n.id: n.name for n in f.nodes}
    assert sorted((by_id[e.source], e.properties["clause"]) for e in bound) == [
        ("สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดสระบุรี", 1), ("เทศบาลเมืองสระบุรี", 1), ("เทศบาลเมืองสระบุรี", 2)]


def test_an_agreement_backs_the_programme_its_title_names() -> None:
    text = ("บันทึกข้อตกลงความร่วมมือ\nการดำเนินงานโครงการพัฒนาทักษะดิจิทัลผู้สูงอายุ\nระหว่าง\nกรมกิจการผู้สูงอายุ\nกับ\n"
            "กรมส่งเสริมการเรียนรู้\n---------\n\n        บันทึกข้อตกลงฉบับนี้ทำขึ้นเมื่อวันที่ ๕ มกราคม ๒๕๖๗ ระหว่าง "
            "กรมกิจการผู้สูงอายุ กับ กรมส่งเสริมการเรียนรู้ เพื่อดำเนิน \"โครงการพัฒนาทักษะดิจิทัลผู้สูงอายุ\" ร่วมกัน\n")
    f = _facts(text)
    assert ("บันทึกข้อตกลงความร่วมมือการดำเนินงานโครงการพัฒนาทักษะดิจิทัลผู้สูงอายุ",
            "โครงการพัฒนาทักษะดิจิทัลผู้สูงอายุ") in _edges(f, "SUPPORTS")


# -- news -----------------------------------------------------------------------------------

RELATED = """ข่าวจังหวัด

ลพบุรีประชุมคณะกรรมการป้องกันยาเสพติด

     วันที่ 5 มีนาคม 2567 ณ ห้องประชุมนารายณ์ ศาลากลางจังหวัดลพบุรี นายวีระ ทองดี ผู้ว่าราชการจังหวัดลพบุรี ทำหน้าที่ประธานการประชุมคณะกรรมการป้องกันยาเสพติดจังหวัดลพบุรี ครั้งที่ 2/2567 โดยมีนายสมศักดิ์ ใจงาม และนายวิชัย มีสุข รองผู้ว่าราชการจังหวัดลพบุรี เข้าร่วมประชุม

--------------------------------------------------
ข่าวที่เกี่ยวข้อง
--------------------------------------------------
» สระบุรีจัดอบรม อสม. ปี 2566

     เมื่อวันที่ 2 มิถุนายน 2566 ณ ห้องประชุมเขาสามยอด ศาลากลางจังหวัดสระบุรี นายประสิทธิ์ แก้วดี รองผู้ว่าราชการจังหวัดสระบุรี เป็นประธานในพิธีเปิดการอบรมอาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.) รุ่นที่ 1/2566 พร้อมด้วยนายมานพ ศรีสุข ปลัดจังหวัดสระบุรี
"""


def test_each_related_story_is_its_own_item_with_its_own_event() -> None:
    f = _facts(RELATED)
    events = _names(f, "Event")
    assert "การประชุมคณะกรรมการป้องกันยาเสพติดจังหวัดลพบุรี ครั้งที่ 2/2567" in events
    assert any(e.startswith("การอบรมอาสาสมัครสาธารณสุขประจำหมู่บ้าน") for e in events)
    presides = _edges(f, "PRESIDES")
    assert ("วีระ ทองดี", "การประชุมคณะกรรมการป้องกันยาเสพติดจังหวัดลพบุรี ครั้งที่ 2/2567") in presides
    assert any(p == "ประสิทธิ์ แก้วดี" and e.startswith("การอบรม") for p, e in presides)


def test_provincial_posts_and_a_title_shared_by_coordinated_names() -> None:
    f = _facts(RELATED)
    held = _edges(f, "HOLDS_POSITION")
    assert {("วีระ ทองดี", "ลพบุรี"), ("สมศักดิ์ ใจงาม", "ลพบุรี"), ("วิชัย มีสุข", "ลพบุรี"),
            ("มานพ ศรีสุข", "สระบุรี")} <= held


def test_a_committee_holds_its_meeting_and_the_venue_province_locates_the_event() -> None:
    f = _facts(RELATED)
    meeting = "การประชุมคณะกรรมการป้องกันยาเสพติดจังหวัดลพบุรี ครั้งที่ 2/2567"
    assert ("คณะกรรมการป้องกันยาเสพติดจังหวัดลพบุรี", meeting) in _edges(f, "ORGANIZES")
    assert (meeting, "ลพบุรี") in _edges(f, "LOCATED_IN")


def test_people_who_come_along_attend() -> None:
    f = _facts(RELATED)
    attends = _edges(f, "ATTENDS")
    assert any(p == "มานพ ศรีสุข" and e.startswith("การอบรม") for p, e in attends)
    assert ("สมศักดิ์ ใจงาม", "การประชุมคณะกรรมการป้องกันยาเสพติดจังหวัดลพบุรี ครั้งที่ 2/2567") in attends


def test_a_province_signing_with_its_local_bodies_is_a_party() -> None:
    text = ("จังหวัดชัยนาทลงนาม MOU\n\n     วันที่ 3 เมษายน 2566 จังหวัดชัยนาทได้จัดทำบันทึกข้อตกลงในการป้องกันไฟป่า (MOU) "
            "ระหว่างจังหวัดชัยนาทกับองค์กรปกครองส่วนท้องถิ่นในพื้นที่จังหวัดชัยนาท โดยนายชาญ ศรีดี ผู้ว่าราชการจังหวัดชัยนาท "
            "เป็นผู้ลงนามฝ่ายจังหวัด\n")
    f = _facts(text)
    parties = {p for p, _ in _edges(f, "PARTY_TO")}
    assert {"ชัยนาท", "องค์กรปกครองส่วนท้องถิ่นในพื้นที่จังหวัดชัยนาท"} <= parties
    assert any(a.startswith("บันทึกข้อตกลงในการป้องกันไฟป่า") for a in _names(f, "Agreement"))


# -- orders, minutes, histories, tables, letters ---------------------------------------------

ORDER = """                         คำสั่งจังหวัดสิงห์บุรี
                           ที่ ๑๒๐/๒๕๖๖
   เรื่อง  แต่งตั้งคณะกรรมการส่งเสริมสุขภาพผู้สูงอายุระดับอำเภอ อำเภออินทร์บุรี
                   ---------------------------
          ผู้ว่าราชการจังหวัดสิงห์บุรีจึงแต่งตั้งคณะกรรมการ ประกอบด้วย
          ๑. นายอำเภออินทร์บุรี – ประธานกรรมการ
          ๒. นางสายใจ ดีงาม ผู้อำนวยการโรงพยาบาลอินทร์บุรี – กรรมการ
          ๓. ผู้แทนสมาคมผู้สูงอายุอำเภออินทร์บุรี – กรรมการ
          ๔. ผู้แทนกลุ่มอาสาสมัครดูแลผู้สูงอายุอำเภออินทร์บุรี – กรรมการ

                    สั่ง ณ วันที่ ๑ กันยายน พ.ศ. ๒๕๖๖

                         (นายวิทยา ทองคำ)
                       ผู้ว่าราชการจังหวัดสิงห์บุรี
"""


def test_an_appointment_order_names_the_committee_and_who_joins_it() -> None:
    f = _facts(ORDER)
    committee = "คณะกรรมการส่งเสริมสุขภาพผู้สูงอายุระดับอำเภอ อำเภออินทร์บุรี"
    joins = _edges(f, "JOINS_AS_COMMITTEE")
    assert {("นายอำเภออินทร์บุรี", committee), ("โรงพยาบาลอินทร์บุรี", committee),
            ("สมาคมผู้สูงอายุอำเภออินทร์บุรี", committee)} <= joins
    assert ("วิทยา ทองคำ", "สิงห์บุรี") in _edges(f, "HOLDS_POSITION")


MINUTES = """รายงานการประชุมคณะทำงานพัฒนาระบบดูแลผู้ป่วยติดเตียงจังหวัดยโสธร
ครั้งที่ ๒/๒๕๖๗
วันอังคารที่ ๑๒ มีนาคม ๒๕๖๗ เวลา ๐๙.๓๐ น.
ณ ห้องประชุมสำนักงานสาธารณสุขจังหวัดยโสธร
---------------------------
ผู้มาประชุม
๑. นายสุเมธ ทองใบ  อาสาสมัครสาธารณสุขประจำหมู่บ้าน
๒. นางอรุณี แก้วมา  พยาบาลวิชาชีพ
ผู้ไม่มาประชุม
๑. นายเกียรติ ดีเลิศ  ติดราชการ
ผู้เข้าร่วมประชุม
๑. ปรีดา มั่นคง  นักวิชาการสาธารณสุข
เริ่มประชุมเวลา ๐๙.๓๐ น.
ระเบียบวาระที่ ๑  เรื่องแจ้งเพื่อทราบ
"""


def test_minutes_record_the_meeting_and_who_was_present_not_who_was_absent() -> None:
    f = _facts(MINUTES)
    meeting = "การประชุมคณะทำงานพัฒนาระบบดูแลผู้ป่วยติดเตียงจังหวัดยโสธร"
    assert meeting in _names(f, "Event")
    attends = {p for p, e in _edges(f, "ATTENDS") if e == meeting}
    assert attends == {"สุเมธ ทองใบ", "อรุณี แก้วมา", "ปรีดา มั่นคง"}


def test_an_agency_history_states_who_succeeded_whom() -> None:
    text = ("ความเป็นมา\n\n     เมื่อมีการปฏิรูประบบราชการ ภารกิจของกองส่งเสริมอาชีพ และสำนักงานพัฒนาฝีมือชุมชน "
            "จึงโอนมารวมไว้ที่กรมพัฒนาฝีมือแรงงาน ต่อมากรมแรงงานได้เปลี่ยนชื่อเป็นกรมการจัดหางาน\n")
    succ = _edges(_facts(text), "SUCCEEDED_BY")
    assert {("กองส่งเสริมอาชีพ", "กรมพัฒนาฝีมือแรงงาน"), ("สำนักงานพัฒนาฝีมือชุมชน", "กรมพัฒนาฝีมือแรงงาน"),
            ("กรมแรงงาน", "กรมการจัดหางาน")} <= succ


def test_a_table_legend_names_the_bodies_its_columns_abbreviate() -> None:
    text = ("ตารางที่ 1 จำนวนวิทยากรจำแนกรายจังหวัด\n\nคำอธิบาย\n  ปภ. = กรมป้องกันและบรรเทาสาธารณภัย\n"
            "  สพฉ. = สถาบันการแพทย์ฉุกเฉินแห่งชาติ\n\nที่\tจังหวัด\tปภ.\tสพฉ.\tรวม\n1\tลำปาง\t10\t4\t14\n"
            "2\tแพร่\t8\t-\t8\n\tรวมทั้งสิ้น\t18\t4\t22\n")
    f = _facts(text)
    trainers = [e for e in f.edges if e.type == "HAS_TRAINERS"]
    by_id = {n.id: n.name for n in f.nodes}
    assert ("ลำปาง", "สถาบันการแพทย์ฉุกเฉินแห่งชาติ", 4) in {
        (by_id[e.source], by_id[e.target], e.properties.get("count")) for e in trainers}


LETTER = """ที่ อว ๐๖๐๑/๑๒๓                                  กรมวิทยาศาสตร์การแพทย์

                              ๑๕ มิถุนายน ๒๕๖๗

เรื่อง   ส่งบันทึกข้อตกลงความร่วมมือ

เรียน   อธิบดีกรมควบคุมโรค

อ้างถึง   บันทึกข้อตกลงความร่วมมือการตรวจวิเคราะห์เชื้อดื้อยา ระยะที่ ๑ ลงวันที่ ๒ พ.ค. ๒๕๖๕

        เมื่อวันที่ ๑๐ มิถุนายน ๒๕๖๗ กรมวิทยาศาสตร์การแพทย์ โดย นางสาวกมลา ศรีทอง รองอธิบดีกรมวิทยาศาสตร์การแพทย์ และกรมควบคุมโรค โดย นายธวัช มั่นคง รองอธิบดีกรมควบคุมโรค ได้ร่วมลงนามในบันทึกข้อตกลงความร่วมมือการเฝ้าระวังเชื้อดื้อยาในโรงพยาบาล เพื่อพัฒนาระบบรายงาน

        จึงเรียนมาเพื่อโปรดทราบ

                              ขอแสดงความนับถือ

                         (นางสาวกมลา ศรีทอง)
                     รองอธิบดีกรมวิทยาศาสตร์การแพทย์
"""


def test_a_letter_reports_the_signing_in_its_body_and_names_the_agreement_it_refers_to() -> None:
    f = _facts(LETTER)
    agreements = _names(f, "Agreement")
    assert "บันทึกข้อตกลงความร่วมมือการเฝ้าระวังเชื้อดื้อยาในโรงพยาบาล" in agreements
    assert any(a.startswith("บันทึกข้อตกลงความร่วมมือการตรวจวิเคราะห์เชื้อดื้อยา") for a in agreements)
    signers = {p for p, a in _edges(f, "SIGNS") if a.endswith("ในโรงพยาบาล")}
    assert signers == {"กมลา ศรีทอง", "ธวัช มั่นคง"}


# -- names ----------------------------------------------------------------------------------

def test_names_keep_ordinals_regional_numbers_and_legal_forms() -> None:
    f = _facts("พลตรีสมหมาย ใจดี ผู้บัญชาการมณฑลทหารบกที่ ๓๒ และผู้แทนศูนย์คุณธรรม (องค์การมหาชน) "
               "กับสำนักงานส่งเสริมและสนับสนุนวิชาการ 5 จังหวัดนครราชสีมา ร่วมประชุม\n")
    names = _names(f)  # digits in names are Arabic, as in the analysis text
    assert {"มณฑลทหารบกที่ 32", "ศูนย์คุณธรรม (องค์การมหาชน)", "สำนักงานส่งเสริมและสนับสนุนวิชาการ 5"} <= names
    assert ("สมหมาย ใจดี", "มณฑลทหารบกที่ 32") in _edges(f, "HOLDS_POSITION")
    assert ("สำนักงานส่งเสริมและสนับสนุนวิชาการ 5", "นครราชสีมา") in _edges(f, "LOCATED_IN")


def test_words_that_only_look_like_names_are_not_entities() -> None:
    f = _facts("สภาพปัญหาของพื้นที่ทำให้กรมใหม่ต้องร่วมกับมหาวิทยาลัยและอาสาสมัครไทย ณ ห้องประชุมพระมหาเจดีย์ชัยมงคล ชั้น 2\n")
    assert not _names(f) & {"สภาพปัญหาของพื้นที่", "กรมใหม่", "มหาวิทยาลัยและ", "อาสาสมัครไทย"}
    assert not _names(f, "Person")


def test_an_event_in_a_room_of_a_body_takes_place_on_its_premises() -> None:
    f = _facts("ยโสธรประชุม\n\nเมื่อวันที่ 4 มีนาคม 2567 ที่ห้องประชุมสำนักงานสาธารณสุขจังหวัดยโสธร ชั้น 3 นายแพทย์วิชา ดีมาก "
               "นายแพทย์สาธารณสุขจังหวัดยโสธร เป็นประธานการประชุมคณะทำงานควบคุมโรคไข้เลือดออก ครั้งที่ 1/2567\n")
    located = _edges(f, "LOCATED_IN")
    meeting = next(iter(_names(f, "Event")))
    assert (meeting, "สำนักงานสาธารณสุขจังหวัดยโสธร") in located
    assert (meeting, "ยโสธร") in located


# -- rosters, digests, joint organisers, venues without a head word (issue 12, round 3) -----

ELECTION_MINUTES = """รายงานการประชุมคัดเลือกคณะกรรมการชมรมผู้สูงอายุอำเภอแม่ทะ
ครั้งที่ ๒/๒๕๖๖
วันอังคารที่ ๑๔ มีนาคม ๒๕๖๖ เวลา ๐๙.๓๐ น.
ณ ห้องประชุมที่ว่าการอำเภอแม่ทะ
ผู้มาประชุม
๑. นายสุชาติ คำมา  สมาชิกชมรม
๒. นางบัวผัน แก้วดี  สมาชิกชมรม
๓. นายทองดี ใจงาม  สมาชิกชมรม
ระเบียบวาระที่ ๑  เรื่องเพื่อพิจารณา
มติที่ประชุม  เห็นชอบคณะกรรมการบริหารชมรมผู้สูงอายุอำเภอแม่ทะ ดังนี้
(๑) นายสุชาติ คำมา  ประธาน
(๒) นางบัวผัน แก้วดี  รองประธาน คนที่ ๑
(๓) นายทองดี ใจงาม  กรรมการและเลขานุการ
ปิดประชุมเวลา ๑๑.๐๐ น.
"""


def test_a_roster_under_a_committee_gives_each_member_a_seat() -> None:
    f = _facts(ELECTION_MINUTES)
    seats = {(e.source, e.properties.get("position")) for e in f.edges
             if e.type == "HOLDS_POSITION" and e.properties.get("basis") == "roster"}
    by_id = {n.id: n.name for n in f.nodes}
    named = {(by_id[s], p) for s, p in seats}
    assert ("สุชาติ คำมา", "ประธาน") in named
    assert ("บัวผัน แก้วดี", "รองประธาน คนที่ 1") in named or ("บัวผัน แก้วดี", "รองประธาน คนที่ ๑") in named
    assert ("ทองดี ใจงาม", "กรรมการและเลขานุการ") in named
    committee = {by_id[e.target] for e in f.edges if e.properties.get("basis") == "roster"}
    assert committee == {"คณะกรรมการบริหารชมรมผู้สูงอายุอำเภอแม่ทะ"}


DIGEST = """ข่าวสาธารณสุขรอบสัปดาห์
หน้าแรก > ข่าว > สรุปข่าว

1) จังหวัดลำพูนอบรม อสม. รุ่นใหม่
วันที่ลง : 02/03/2565

     สำนักงานสาธารณสุขจังหวัดลำพูนจัดการฝึกอบรมอาสาสมัครสาธารณสุขประจำหมู่บ้านหลักสูตรการดูแลผู้ป่วยติดเตียง รุ่นที่ 3 เมื่อวันที่ 1 มีนาคม 2565 ณ โรงแรมลำพูนวิลล์ อำเภอเมืองลำพูน จังหวัดลำพูน โดยมีนายวีระ สุขใจ รองผู้ว่าราชการจังหวัดลำพูน เป็นประธานเปิดการอบรม มีผู้เข้ารับการอบรม 80 คน

2) ประชุมคณะทำงานสุขภาพหนึ่งเดียว ครั้งที่ 2/2565

     เมื่อวันที่ 10 มีนาคม 2565 นายประเสริฐ ทองคำ นายแพทย์สาธารณสุขจังหวัดแพร่ เป็นประธานการประชุมคณะทำงานสุขภาพหนึ่งเดียวจังหวัดแพร่ ครั้งที่ 2/2565 ณ ห้องประชุมสำนักงานสาธารณสุขจังหวัดแพร่ เพื่อติดตามการเฝ้าระวังโรคจากสัตว์สู่คน ร่วมกับผู้แทนปศุสัตว์จังหวัดและผู้แทนโรงพยาบาลทุกแห่งในจังหวัด
"""


def test_numbered_stories_of_a_digest_are_items_of_their_own() -> None:
    from phakhi.loaders.normalize import clean_text
    from phakhi.loaders.segment import segment

    text = clean_text(DIGEST)
    stories = [s for s in segment(text) if s.kind == "item" and "ประธาน" in text[s.start:s.end]]
    assert [text[s.start:s.end].strip()[:2] for s in stories] == ["1)", "2)"]
    f = _facts(DIGEST)
    presides = _edges(f, "PRESIDES")
    # each chair presides over the event of their own story, not the other one's
    assert {p for p, _ in presides} == {"วีระ สุขใจ", "ประเสริฐ ทองคำ"}
    assert all(("อบรม" in e) == (p == "วีระ สุขใจ") for p, e in presides)


def test_headline_names_the_meeting_short() -> None:
    f = _facts(DIGEST)
    assert "ประชุมคณะทำงานสุขภาพหนึ่งเดียว ครั้งที่ 2/2565" in _aliases(f, "Event")


JOINT = """อบต.สามแห่งร่วมจัดอบรม

องค์การบริหารส่วนตำบลหนองหล่มร่วมกับองค์การบริหารส่วนตำบลห้วยแก้วและองค์การบริหารส่วนตำบลบ้านเป้า จัดการฝึกอบรมชุดปฏิบัติการจิตอาสาป้องกันไฟป่าขึ้น ระหว่างวันที่ 3 – 5 มีนาคม 2566 ณ ลานเอนกประสงค์บ้านห้วยแก้วตำบลห้วยแก้ว อำเภอภูกามยาว จังหวัดพะเยา
"""


def test_bodies_joined_by_ruam_kap_and_lae_organise_together() -> None:
    f = _facts(JOINT)
    organisers = {o for o, _ in _edges(f, "ORGANIZES")}
    assert organisers == {"องค์การบริหารส่วนตำบลหนองหล่ม", "องค์การบริหารส่วนตำบลห้วยแก้ว",
                          "องค์การบริหารส่วนตำบลบ้านเป้า"}
    assert _edges(f, "COOPERATES_WITH") == {
        ("องค์การบริหารส่วนตำบลหนองหล่ม", "องค์การบริหารส่วนตำบลห้วยแก้ว"),
        ("องค์การบริหารส่วนตำบลหนองหล่ม", "องค์การบริหารส่วนตำบลบ้านเป้า")}
    # 'จัด X ขึ้น': the particle is not part of the event's name
    assert not any(n.endswith("ขึ้น") for n in _names(f, "Event"))


def test_a_place_without_a_venue_word_still_gives_the_province() -> None:
    f = _facts(JOINT)
    assert any(p == "พะเยา" for e, p in _edges(f, "LOCATED_IN") if "อบรม" in e)


VISIT = """รัฐมนตรีเยี่ยมชมการประชุมอาสาสมัครภาค 3

วันที่ 5 กรกฎาคม 2565 เวลา 09.00 น. นายวิชัย ศรีสุข รัฐมนตรีว่าการกระทรวงยุติธรรม เป็นประธานเปิดการประชุมคณะกรรมการบริหารอาสาสมัครคุมประพฤติ ภาค 3 (สัญจร) ณ เรือนจำกลางนครราชสีมา อำเภอเมืองนครราชสีมา จังหวัดนครราชสีมา โดยมีนายปกรณ์ ทองดี รองผู้ว่าราชการจังหวัดนครราชสีมา และนายสมัย แก้วมา ประธานคณะกรรมการอาสาสมัครคุมประพฤติภาค 3 พร้อมด้วยอาสาสมัครคุมประพฤติ ให้การต้อนรับ
"""

NATIONWIDE = """กรมพินิจฯ จัดกิจกรรมวันเด็ก

เนื่องในวันเด็กแห่งชาติ กรมพินิจและคุ้มครองเด็กและเยาวชน กระทรวงยุติธรรม โดยสถานพินิจทั่วประเทศ ได้จัดกิจกรรม “เยาวชนคืนถิ่น” มีเยาวชนและครอบครัวร่วมกิจกรรมรวมทั้งสิ้น 3,000 คน
"""


def test_a_list_that_welcomes_the_guest_attends_with_the_network_that_comes_along() -> None:
    f = _facts(VISIT)
    attendees = {a for a, _ in _edges(f, "ATTENDS")}
    assert {"ปกรณ์ ทองดี", "สมัย แก้วมา", "อาสาสมัครคุมประพฤติ"} <= attendees
    assert "วิชัย ศรีสุข" not in attendees  # the chair presides
    # a prison hosts the meeting and lies in the province of its address
    assert ("เรือนจำกลางนครราชสีมา", "นครราชสีมา") in _edges(f, "LOCATED_IN")
    assert any(host == "เรือนจำกลางนครราชสีมา" for e, host in _edges(f, "LOCATED_IN") if e.startswith("การประชุม"))
    # 'ประธานคณะกรรมการ…ภาค 3': the region's number belongs to the committee's name
    assert any(c.endswith("ภาค 3") for _, c in _edges(f, "HOLDS_POSITION"))


def test_a_department_written_with_its_ministry_organises_itself() -> None:
    f = _facts(NATIONWIDE)
    organisers = {o for o, _ in _edges(f, "ORGANIZES")}
    assert "กรมพินิจและคุ้มครองเด็กและเยาวชน" in organisers and "กระทรวงยุติธรรม" not in organisers
    assert ("กรมพินิจและคุ้มครองเด็กและเยาวชน", "กระทรวงยุติธรรม") in _edges(f, "PART_OF")


CLUB = """ค่ายทหารจับมือวิทยาลัย ตั้งชมรมจิตอาสา

     วันที่ 3 กุมภาพันธ์ 2566 ผู้แทนกองทัพภาคที่ 2 และผู้แทนวิทยาลัยพยาบาลบรมราชชนนี สุรินทร์ ได้ลงนามบันทึกข้อตกลงร่วมกันเพื่อจัดตั้งชมรม “อาสาใจดีสุรินทร์” ณ หอประชุมวิทยาลัย

     ก่อนหน้านี้ สำนักงานสาธารณสุขจังหวัดสุรินทร์ได้จัดตั้งศูนย์ฝึกอบรมอาสาสมัครฉุกเฉินชุมชน ขึ้นเพื่อเป็นแหล่งเรียนรู้ของหมู่บ้าน
"""


def test_a_quoted_club_name_is_a_network_that_the_agreement_sets_up() -> None:
    f = _facts(CLUB)
    assert "ชมรมอาสาใจดีสุรินทร์" in _names(f, "VolunteerNetwork")
    supports = _edges(f, "SUPPORTS")
    assert any(a.startswith("บันทึกข้อตกลง") and n == "ชมรมอาสาใจดีสุรินทร์" for a, n in supports)


def test_the_body_that_sets_a_centre_up_supports_it() -> None:
    f = _facts(CLUB)
    by_id = {n.id: n.name for n in f.nodes}
    established = {(by_id[e.source], by_id[e.target]) for e in f.edges
                   if e.type == "SUPPORTS" and e.properties.get("kind") == "establishes"}
    assert ("สำนักงานสาธารณสุขจังหวัดสุรินทร์", "ศูนย์ฝึกอบรมอาสาสมัครฉุกเฉินชุมชน") in established


FACULTY = """บันทึกข้อตกลงความร่วมมือทางวิชาการ
ระหว่าง มหาวิทยาลัยราชภัฏเชียงใหม่ กับ โรงพยาบาลนครพิงค์

        ทั้งสองฝ่ายตกลงร่วมกันพัฒนาการฝึกปฏิบัติงานของนักศึกษาคณะครุศาสตร์และคณะวิทยาศาสตร์และเทคโนโลยี คณะพยาบาลศาสตร์ มหาวิทยาลัยราชภัฏเชียงใหม่ จะจัดอาจารย์นิเทศ และคณะกรรมการร่วมจะติดตามผลทุกภาคการศึกษา
"""


def test_a_faculty_is_an_office_of_the_university_written_after_it() -> None:
    from phakhi.loaders.mentions import find_mentions

    offices = {m.name for m in find_mentions(FACULTY) if m.type == "Office"}
    assert {"คณะครุศาสตร์", "คณะวิทยาศาสตร์และเทคโนโลยี", "คณะพยาบาลศาสตร์ มหาวิทยาลัยราชภัฏเชียงใหม่"} <= offices
    assert not any(n.startswith("คณะกรรมการ") for n in offices)  # a committee is no faculty
    f = _facts(FACULTY)
    assert ("คณะพยาบาลศาสตร์ มหาวิทยาลัยราชภัฏเชียงใหม่", "มหาวิทยาลัยราชภัฏเชียงใหม่") in _edges(f, "PART_OF")


DIGEST_OF_RESOLUTIONS = """สรุปมติคณะรัฐมนตรีที่เกี่ยวข้องกับงานอาสาสมัคร

เรื่องที่ ๑  ร่างระเบียบว่าด้วยคณะกรรมการส่งเสริมอาสาสมัครระดับจังหวัด
มติคณะรัฐมนตรี เมื่อวันที่ ๔ มิถุนายน ๒๕๖๒

     การประชุมคณะรัฐมนตรี (ครม.) วันอังคารที่ ๔ มิถุนายน ๒๕๖๒ ณ ทำเนียบรัฐบาล มีพลเอกสมชาย ใจดี รองนายกรัฐมนตรี เป็นประธานการประชุม
     สาระสำคัญคือ ให้ทุกจังหวัดมีคณะกรรมการส่งเสริมอาสาสมัครระดับจังหวัด โดยให้สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเป็นเลขานุการของคณะกรรมการ

เรื่องที่ ๒  การจัดงานสัปดาห์อาสาสมัครแห่งชาติ
มติคณะรัฐมนตรี เมื่อวันที่ ๙ กรกฎาคม ๒๕๖๒

     นายวิทยา ศรีงาม โฆษกประจำสำนักนายกรัฐมนตรี แถลงว่า ครม. เห็นชอบให้กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์เป็นหน่วยงานหลักในการจัดงานสัปดาห์อาสาสมัครแห่งชาติ ทุกปีในเดือนตุลาคม เพื่อยกย่องอาสาสมัครทั่วประเทศ
"""


def test_a_digest_of_resolutions_splits_at_each_numbered_matter() -> None:
    from phakhi.loaders.normalize import clean_text
    from phakhi.loaders.segment import segment

    text = clean_text(DIGEST_OF_RESOLUTIONS)
    items = [text[s.start:s.end].strip() for s in segment(text) if s.kind == "item"]
    assert [i[:11] for i in items if i.startswith("เรื่องที่")] == ["เรื่องที่ ๑", "เรื่องที่ ๒"]


def test_a_meeting_without_a_number_is_named_with_its_date() -> None:
    f = _facts(DIGEST_OF_RESOLUTIONS)
    assert "การประชุมคณะรัฐมนตรี (ครม.) วันอังคารที่ 4 มิถุนายน 2562" in _aliases(f, "Event") \
        or "การประชุมคณะรัฐมนตรี (ครม.) วันอังคารที่ ๔ มิถุนายน ๒๕๖๒" in _aliases(f, "Event")
    assert any(p == "สมชาย ใจดี" for p, _ in _edges(f, "PRESIDES"))


def test_a_body_serving_as_secretary_joins_the_committee() -> None:
    f = _facts(DIGEST_OF_RESOLUTIONS)
    joins = _edges(f, "JOINS_AS_COMMITTEE")
    assert any(c == "คณะกรรมการส่งเสริมอาสาสมัครระดับจังหวัด" for _, c in joins)


def test_clinical_professor_titles_stay_with_the_name() -> None:
    f = _facts("ศ.คลินิก เกียรติคุณ นพ.สมบัติ ดีมาก รัฐมนตรีว่าการกระทรวงสาธารณสุข ให้สัมภาษณ์ว่า จะเร่งดำเนินการ\n")
    assert _names(f, "Person") == {"สมบัติ ดีมาก"}
