"""Event and letter rules on small documents of their own wording (not the sample or held-out texts):
event names that run over spaces, a total stated before its parts, organisers written after the
event, attendee lists after the verb, panels, signatories, a post named without its holder
speaking, and events announced in letters."""
from __future__ import annotations

from pathlib import Path

from phakhi.loaders.extract import extract_document
from phakhi.loaders.readers import SourceText

TRAINING = """จังหวัดลำปาง เปิดอบรม อผส. รุ่นที่ 2

เมื่อวันที่ 9 สิงหาคม 2566 เวลา 13.30 น. ณ ห้องประชุมเขลางค์นคร ศาลากลางจังหวัดลำปาง นายปรีชา ทองมา ผู้ว่าราชการจังหวัดลำปาง เป็นประธานในพิธีเปิดการฝึกอบรมอาสาสมัครดูแลผู้สูงอายุที่บ้าน (อผส.) ด้านการป้องกันการหกล้ม รุ่นที่ 2/2566 ซึ่งสำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดลำปางเป็นผู้จัด โดยมีนางมยุรี แสงทอง พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดลำปาง กล่าวรายงาน
การฝึกอบรมครั้งนี้มีผู้เข้ารับการอบรมทั้งสิ้น 150 คน ประกอบด้วย อผส. จาก 13 อำเภอ จำนวน 120 คน และผู้แทนองค์กรปกครองส่วนท้องถิ่น จำนวน 30 คน
ผู้ว่าราชการจังหวัดลำปางกล่าวว่า ผู้สูงอายุควรได้รับการดูแลอย่างทั่วถึง
"""

MISMATCH = """กรมอนามัย จัดสัมมนาวิชาการ "ชุมชนสุขภาพดี" ณ โรงแรมเซ็นทาราดวงตะวัน จังหวัดเชียงใหม่ ผู้เข้าร่วมสัมมนามีจำนวนทั้งสิ้น 200 คน ประกอบด้วย ผู้แทนองค์กรปกครองส่วนท้องถิ่น จำนวน 90 คน และอาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.) จำนวน 100 คน
"""

MEETING = """กรมอนามัย ประชุมคณะทำงาน

วันที่ 2 กุมภาพันธ์ 2567 นายสมศักดิ์ ใจดี อธิบดีกรมอนามัย เป็นประธานการประชุมคณะทำงานขับเคลื่อนสุขภาวะผู้สูงอายุ ครั้งที่ 1/2567 โดยมีผู้แทนหน่วยงานเข้าร่วมประชุม ได้แก่ นางกานดา ศรีสุข รองอธิบดีกรมการแพทย์ นายวรพล มีสุข ผู้อำนวยการกองทันตสาธารณสุข และนางสาวนิภา ทองคำ รองอธิบดีกรมสุขภาพจิต
ภายในงานมีการเสวนา หัวข้อ "ฟันดีในวัยเกษียณ" โดยนายเกษม รักดี ผู้อำนวยการกองทันตสาธารณสุข และนางพิมพ์ใจ ดวงดี รองอธิบดีกรมการแพทย์
"""

SIGNING = """จังหวัดตราด ลงนามความร่วมมือ

วันที่ 4 เมษายน 2566 ณ ห้องประชุมเมืองตราด ศาลากลางจังหวัดตราด นายบุญชัย แก้วใส ผู้ว่าราชการจังหวัดตราด เป็นประธานในพิธีลงนามบันทึกข้อตกลงความร่วมมือ "ตราดเมืองสุขภาพดี" โดยมีนายอำนาจ ศรีงาม นายกองค์การบริหารส่วนจังหวัดตราด และนายแพทย์ชาตรี ดวงแก้ว นายแพทย์สาธารณสุขจังหวัดตราด เป็นผู้ลงนาม
"""

INVITATION = """ที่ ชร 0017/ว 512                        สำนักงานสาธารณสุขจังหวัดเชียงราย
                                            ถนนสิงหไคล ชร 57000

                              3  มีนาคม  2568

เรื่อง   ขอเชิญประชุมเชิงปฏิบัติการการคัดกรองสุขภาพจิต ในชุมชน

เรียน   นายอำเภอ ทุกอำเภอ

          ด้วยสำนักงานสาธารณสุขจังหวัดเชียงราย ร่วมกับสำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย กำหนดจัดประชุมเชิงปฏิบัติการการคัดกรองสุขภาพจิต ในวันพฤหัสบดีที่ 20 มี.ค. 2568 เวลา 13.00 - 16.30 น. ณ ห้องประชุมดอยตุง ชั้น 2 อาคารอำนวยการ จังหวัดเชียงราย โดยมีผู้เข้าร่วมประชุมประกอบด้วยอาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.) ตำบลละ 2 คน

          จึงเรียนมาเพื่อโปรดทราบ

                              ขอแสดงความนับถือ

                         (นายธนพล ศรีชัย)
                       นายแพทย์สาธารณสุขจังหวัดเชียงราย
"""

DAY_EVENT = """ที่ สธ 0930/ว 88                              กรมอนามัย
                                            ถนนติวานนท์ นนทบุรี 11000

                              10  ตุลาคม  2567

เรื่อง   การคัดเลือกผู้สูงอายุต้นแบบ

เรียน   ผู้ว่าราชการจังหวัด ทุกจังหวัด

          กรมอนามัย ร่วมกับกรมกิจการผู้สูงอายุ กำหนดจัดงานวันผู้สูงอายุต้นแบบแห่งชาติ ประจำปี 2568 ในวันที่ 13 เมษายน 2568 ณ หอประชุมใหญ่ กรุงเทพมหานคร จึงขอให้จังหวัดคัดเลือกผู้สูงอายุต้นแบบ จังหวัดละ 1 คน

          จึงเรียนมาเพื่อโปรดพิจารณา

                              ขอแสดงความนับถือ

                         (นางสุดา ใจงาม)
                          อธิบดีกรมอนามัย
"""


def _facts(text: str, name: str = "doc.txt"):
    src = SourceText(path=Path(name), text=text, format="txt", encoding="utf-8", fingerprint="f")
    return extract_document(src, "doc:" + name)


def _rel(facts, t):
    names = {n.id: n.name for n in facts.nodes}
    return {(names[e.source], names[e.target]): e for e in facts.edges if e.type == t}


def _event(facts):
    (event,) = [n for n in facts.nodes if n.type == "Event"]
    return event


def test_training_name_runs_over_abbreviation_topic_and_batch():
    facts = _facts(TRAINING)
    ev = _event(facts)
    assert ev.name == "การฝึกอบรมอาสาสมัครดูแลผู้สูงอายุที่บ้าน (อผส.) ด้านการป้องกันการหกล้ม รุ่นที่ 2/2566"
    assert ev.properties["time"] == "13:30"
    assert ("ปรีชา ทองมา", ev.name) in _rel(facts, "PRESIDES")


def test_organiser_written_after_the_event():
    facts = _facts(TRAINING)
    ev = _event(facts)
    assert ("สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดลำปาง", ev.name) in _rel(facts, "ORGANIZES")


def test_report_speaker_and_post_named_without_holder():
    facts = _facts(TRAINING)
    ev = _event(facts)
    speaks = _rel(facts, "SPEAKS_AT")
    assert ("มยุรี แสงทอง", ev.name) in speaks
    # 'ผู้ว่าราชการจังหวัดลำปางกล่าวว่า': the governor named earlier speaks
    assert ("ปรีชา ทองมา", ev.name) in speaks


def test_total_stated_before_parts_adds_up():
    facts = _facts(TRAINING)
    ev = _event(facts)
    assert ev.properties["participants_total"] == 150
    assert [g["count"] for g in ev.properties["participants"]] == [120, 30]
    attends = _rel(facts, "ATTENDS")
    assert attends[("องค์กรปกครองส่วนท้องถิ่น", ev.name)].properties["count"] == 30
    assert not [i for i in facts.issues if i.code == "total_mismatch"]


def test_parts_that_do_not_add_up_warn():
    facts = _facts(MISMATCH)
    ev = _event(facts)
    assert ev.name == 'สัมมนาวิชาการ "ชุมชนสุขภาพดี"'
    (issue,) = [i for i in facts.issues if i.code == "total_mismatch"]
    assert issue.level == "warning"
    assert issue.details == {"stated": 200, "computed": 190}


def test_attendees_listed_after_the_verb():
    facts = _facts(MEETING)
    ev = _event(facts)
    assert ev.name == "การประชุมคณะทำงานขับเคลื่อนสุขภาวะผู้สูงอายุ ครั้งที่ 1/2567"
    attends = {s for s, _ in _rel(facts, "ATTENDS")}
    assert {"กานดา ศรีสุข", "วรพล มีสุข", "นิภา ทองคำ"} <= attends
    assert "สมศักดิ์ ใจดี" not in attends  # he presides
    assert ("สมศักดิ์ ใจดี", ev.name) in _rel(facts, "PRESIDES")


def test_panel_after_session_title():
    facts = _facts(MEETING)
    ev = _event(facts)
    speaks = _rel(facts, "SPEAKS_AT")
    assert ("เกษม รักดี", ev.name) in speaks and ("พิมพ์ใจ ดวงดี", ev.name) in speaks
    assert ("กานดา ศรีสุข", ev.name) not in speaks


def test_signatories_attend_the_ceremony():
    facts = _facts(SIGNING)
    ev = _event(facts)
    attends = _rel(facts, "ATTENDS")
    assert attends[("อำนาจ ศรีงาม", ev.name)].properties["role"] == "signatory"
    assert ("ชาตรี ดวงแก้ว", ev.name) in attends
    assert ("บุญชัย แก้วใส", ev.name) not in attends
    assert ("บุญชัย แก้วใส", ev.name) in _rel(facts, "PRESIDES")


def test_letter_invitation_names_the_planned_event():
    facts = _facts(INVITATION, "letter.txt")
    ev = _event(facts)
    assert ev.name == "ประชุมเชิงปฏิบัติการการคัดกรองสุขภาพจิต ในชุมชน"
    assert ev.properties["date"] == "2025-03-20"
    assert (ev.properties["time"], ev.properties["time_end"]) == ("13:00", "16:30")
    organisers = _rel(facts, "ORGANIZES")
    assert ("สำนักงานสาธารณสุขจังหวัดเชียงราย", ev.name) in organisers
    assert ("สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย", ev.name) in organisers
    coop = {frozenset(k) for k in _rel(facts, "COOPERATES_WITH")}
    assert frozenset(("สำนักงานสาธารณสุขจังหวัดเชียงราย",
                      "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย")) in coop
    located = _rel(facts, "LOCATED_IN")
    assert (ev.name, "ห้องประชุมดอยตุง") in located
    assert ("ห้องประชุมดอยตุง", "อาคารอำนวยการ") in located
    assert ("อาคารอำนวยการ", "เชียงราย") in located
    attends = _rel(facts, "ATTENDS")
    ((_, _), edge), = [(k, e) for k, e in attends.items() if k[0] == "อาสาสมัครสาธารณสุขประจำหมู่บ้าน"]
    assert edge.properties["per_unit"] == 2 and "count" not in edge.properties


def test_letter_body_names_a_day_event():
    facts = _facts(DAY_EVENT, "letter2.txt")
    ev = _event(facts)
    assert ev.name == "งานวันผู้สูงอายุต้นแบบแห่งชาติ ประจำปี 2568"
    assert ev.properties["date"] == "2025-04-13"
    organisers = _rel(facts, "ORGANIZES")
    assert {s for s, _ in organisers} == {"กรมอนามัย", "กรมกิจการผู้สูงอายุ"}
    assert (ev.name, "หอประชุมใหญ่") in _rel(facts, "LOCATED_IN")


CIRCULAR = """ที่ สธ 0932/ว 1120                             กรมสนับสนุนบริการสุขภาพ
                                            ถนนติวานนท์ นนทบุรี 11000

                              5  มิถุนายน  2567

เรื่อง   การรายงานผลการดำเนินงาน อสม.

เรียน   นายอำเภอ ทุกอำเภอ และนายกองค์การบริหารส่วนจังหวัดตราด

อ้างถึง   หนังสือกรมสนับสนุนบริการสุขภาพ ที่ สธ 0932/ว 870 ลงวันที่ 2 เมษายน 2567

          ตามที่ได้ขอให้รายงานผลการดำเนินงาน นั้น จึงขอให้รายงานภายในวันที่ 30 มิถุนายน 2567

                              ขอแสดงความนับถือ

                         (นายวีระ ทองใส)
                      อธิบดีกรมสนับสนุนบริการสุขภาพ
"""


def test_letter_number_beside_the_letterhead():
    facts = _facts(CIRCULAR, "circular.txt")
    letters = [n for n in facts.nodes if n.type == "Document" and n.properties.get("number") == "สธ 0932/ว 1120"]
    assert [n.name for n in letters] == ["หนังสือกรมสนับสนุนบริการสุขภาพ ที่ สธ 0932/ว 1120"]


def test_circular_to_several_addressees():
    facts = _facts(CIRCULAR, "circular.txt")
    to = {t: e.properties.get("scope") for (_, t), e in _rel(facts, "ADDRESSED_TO").items()}
    assert to == {"นายอำเภอ": "ทุกอำเภอ", "นายกองค์การบริหารส่วนจังหวัดตราด": None}


def test_referenced_letter_is_mentioned():
    facts = _facts(CIRCULAR, "circular.txt")
    mentions = _rel(facts, "MENTIONS")
    ((_, ref), edge), = [(k, e) for k, e in mentions.items() if e.properties.get("context") == "อ้างถึง"]
    assert ref == "หนังสือกรมสนับสนุนบริการสุขภาพ ที่ สธ 0932/ว 870"
    (node,) = [n for n in facts.nodes if n.name == ref]
    assert node.properties["date"] == "2024-04-02"


def test_body_named_in_a_venue_is_not_mentioned():
    facts = _facts(DAY_EVENT.replace("หอประชุมใหญ่", "หอประชุมกองทัพบก"), "letter3.txt")
    mentioned = {t for (s, t), _ in _rel(facts, "MENTIONS").items() if s.startswith("หนังสือ")}
    assert "กองทัพบก" not in mentioned
    assert "กรมกิจการผู้สูงอายุ" in mentioned


PROJECT = """กรมอนามัย จัดโครงการอบรมเชิงปฏิบัติการ ครูอนามัยโรงเรียน

วันที่ 12 มกราคม 2567 กรมอนามัย จัดโครงการอบรมเชิงปฏิบัติการครูอนามัยโรงเรียน รุ่นที่ 3 ณ ห้องประชุมศรีตรัง อาคารเรียนรวม มหาวิทยาลัยสงขลานครินทร์ จังหวัดสงขลา โดยมีนายประเสริฐ ทองดี รองอธิบดีกรมอนามัย และนางสาวสายใจ ดีมาก ผู้อำนวยการกองสุขศึกษา เข้าร่วม
นายสุชาติ ศรีสว่าง รองอธิบดีกรมการแพทย์ นำเสนอผลการดำเนินงานโรงเรียนส่งเสริมสุขภาพ จากนั้นมีการบรรยายหัวข้อการดูแลสุขภาพช่องปากนักเรียน โดยนางวิมล ใจเย็น ผู้อำนวยการกองทันตสาธารณสุข
ผู้เข้ารับการอบรมรวมทั้งสิ้น 90 ท่าน
"""


def test_project_name_and_organiser():
    facts = _facts(PROJECT)
    ev = _event(facts)
    assert ev.name == "โครงการอบรมเชิงปฏิบัติการครูอนามัยโรงเรียน รุ่นที่ 3"
    assert {s for s, _ in _rel(facts, "ORGANIZES")} == {"กรมอนามัย"}


def test_people_before_plain_join_verb_attend():
    facts = _facts(PROJECT)
    ev = _event(facts)
    attends = _rel(facts, "ATTENDS")
    assert ("ประเสริฐ ทองดี", ev.name) in attends and ("สายใจ ดีมาก", ev.name) in attends
    assert ("สุชาติ ศรีสว่าง", ev.name) not in attends


def test_presenter_and_lecturer_named_after_topic():
    facts = _facts(PROJECT)
    ev = _event(facts)
    speaks = _rel(facts, "SPEAKS_AT")
    assert speaks[("สุชาติ ศรีสว่าง", ev.name)].properties["role"] == "นำเสนอ"
    assert speaks[("วิมล ใจเย็น", ev.name)].properties["role"] == "บรรยาย"
    assert ("ประเสริฐ ทองดี", ev.name) not in speaks


def test_venue_chain_through_a_university():
    facts = _facts(PROJECT)
    ev = _event(facts)
    located = _rel(facts, "LOCATED_IN")
    assert (ev.name, "ห้องประชุมศรีตรัง") in located
    assert ("อาคารเรียนรวม", "มหาวิทยาลัยสงขลานครินทร์") in located
    assert ("มหาวิทยาลัยสงขลานครินทร์", "สงขลา") in located


def test_receiver_of_a_gift_does_not_present():
    text = PROJECT.replace("นายสุชาติ ศรีสว่าง รองอธิบดีกรมการแพทย์ นำเสนอ",
                           "นายประเสริฐ ทองดี มอบของที่ระลึกแด่ นายสุชาติ ศรีสว่าง รองอธิบดีกรมการแพทย์ พร้อมนำเสนอ")
    facts = _facts(text)
    ev = _event(facts)
    assert ("สุชาติ ศรีสว่าง", ev.name) not in _rel(facts, "SPEAKS_AT")


def test_total_in_honorific_unit_is_read():
    facts = _facts(PROJECT)
    ev = _event(facts)
    assert ev.properties["participants_total"] == 90


REPRESENTED = """สำนักงานสาธารณสุขจังหวัดแพร่ ประชุมเตรียมรับมือไข้เลือดออก

วันที่ 8 พฤษภาคม 2567 นายอนุชา พรมมา นายแพทย์สาธารณสุขจังหวัดแพร่ เป็นประธานการประชุมเตรียมความพร้อมรับมือโรคไข้เลือดออก ณ จังหวัดแพร่ โดยมีผู้แทนจากองค์การบริหารส่วนจังหวัดแพร่ สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดแพร่ และสำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดแพร่ เข้าร่วมประชุม
"""


def test_bodies_sending_representatives_attend():
    facts = _facts(REPRESENTED)
    ev = _event(facts)
    attending = {s for s, _ in _rel(facts, "ATTENDS")}
    assert {"องค์การบริหารส่วนจังหวัดแพร่", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดแพร่",
            "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดแพร่"} <= attending
    assert "สำนักงานสาธารณสุขจังหวัดแพร่" not in attending  # the chair's office


def test_event_in_a_province_without_venue():
    facts = _facts(REPRESENTED)
    ev = _event(facts)
    assert (ev.name, "แพร่") in _rel(facts, "LOCATED_IN")


NO_EVENT_LETTER = """ที่ สธ 0930/ว 90                              กรมอนามัย
                                            ถนนติวานนท์ นนทบุรี 11000

                              11  ตุลาคม  2567

เรื่อง   การส่งรายชื่อผู้ประสานงาน

เรียน   ผู้ว่าราชการจังหวัด ทุกจังหวัด

          จึงขอให้จังหวัดแจ้งผู้ประสานงานเข้าร่วมประชุมตามวัน เวลา ที่กรมอนามัยจะแจ้งต่อไป

                              ขอแสดงความนับถือ

                         (นางสุดา ใจงาม)
                          อธิบดีกรมอนามัย
"""


def test_unnamed_meeting_is_no_event():
    facts = _facts(NO_EVENT_LETTER, "letter4.txt")
    assert [n.name for n in facts.nodes if n.type == "Event"] == []


CO_ORGANISED = """อบรมอาสาสมัครดูแลผู้สูงอายุ

วันที่ 20 มิถุนายน 2567 ตามนโยบายของกระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ กรมกิจการผู้สูงอายุ ร่วมกับกรมอนามัย จัดอบรมอาสาสมัครดูแลผู้สูงอายุ ครั้งที่ 2/2567 ณ โรงแรมเอเชีย กรุงเทพมหานคร
"""


def test_co_organisers_right_before_the_verb():
    facts = _facts(CO_ORGANISED)
    ev = _event(facts)
    organisers = {s: e.properties.get("role") for (s, _), e in _rel(facts, "ORGANIZES").items()}
    assert organisers == {"กรมกิจการผู้สูงอายุ": None, "กรมอนามัย": "co-organiser"}
    assert frozenset(("กรมกิจการผู้สูงอายุ", "กรมอนามัย")) in {frozenset(k) for k in _rel(facts, "COOPERATES_WITH")}


ORGANISED_BY = """วันที่ 3 กันยายน 2567 นายธนา ศรีวงศ์ รองอธิบดีกรมการแพทย์ เป็นประธานเปิดการประชุมวิชาการการแพทย์แผนไทย ครั้งที่ 20 ซึ่งจัดโดยกรมการแพทย์แผนไทยและการแพทย์ทางเลือก ณ ศูนย์ประชุมอิมแพ็ค จังหวัดนนทบุรี
"""


def test_organiser_after_jat_doi():
    facts = _facts(ORGANISED_BY)
    ev = _event(facts)
    assert ev.name == "การประชุมวิชาการการแพทย์แผนไทย ครั้งที่ 20"
    assert {s for s, _ in _rel(facts, "ORGANIZES")} == {"กรมการแพทย์แผนไทยและการแพทย์ทางเลือก"}
    assert ("ธนา ศรีวงศ์", ev.name) in _rel(facts, "PRESIDES")


HEADLINE_SHORT = """นายอำเภอเมืองยโสธร เปิดอบรมอาสาสมัคร

วันที่ 15 กรกฎาคม 2567 นายวิทยา คำดี นายอำเภอเมืองยโสธร เปิดการอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน (อปพร.) ด้านการกู้ภัยทางน้ำ ณ ที่ว่าการอำเภอเมืองยโสธร จังหวัดยโสธร
"""


def test_body_name_beats_headline_abbreviation():
    facts = _facts(HEADLINE_SHORT)
    ev = _event(facts)
    assert ev.name == "การอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน (อปพร.) ด้านการกู้ภัยทางน้ำ"
    assert (ev.name, "ที่ว่าการอำเภอเมืองยโสธร") in _rel(facts, "LOCATED_IN")


def test_quoted_topic_after_hua_kho_joins_the_name():
    text = ("กรมสุขภาพจิต จัดสัมมนาวิชาการ ภายใต้หัวข้อ \"ใจดี สังคมดี\" ณ โรงแรมเซ็นทารา จังหวัดขอนแก่น "
            "มีผู้เข้าร่วมทั้งสิ้น 120 คน\n")
    facts = _facts(text)
    ev = _event(facts)
    assert ev.name == 'สัมมนาวิชาการ ภายใต้หัวข้อ "ใจดี สังคมดี"'
    assert ev.properties["participants_total"] == 120


def test_group_lists_its_provinces():
    text = ("กรมป้องกันและบรรเทาสาธารณภัย จัดอบรมอาสาสมัคร ครั้งที่ 4/2567 มีผู้เข้าร่วมทั้งสิ้น 90 คน ประกอบด้วย "
            "อาสาสมัครป้องกันภัยฝ่ายพลเรือน (อปพร.) จาก 3 จังหวัด ได้แก่ จังหวัดแพร่ น่าน และพะเยา จำนวน 90 คน\n")
    facts = _facts(text)
    ev = _event(facts)
    edge = _rel(facts, "ATTENDS")[("อาสาสมัครป้องกันภัยฝ่ายพลเรือน", ev.name)]
    assert edge.properties["count"] == 90
    assert edge.properties["provinces"] == ["แพร่", "น่าน", "พะเยา"]


def test_person_named_again_by_first_name_speaks():
    text = ("วันที่ 5 มีนาคม 2567 นายแพทย์สมชาย รักษ์ดี นายแพทย์สาธารณสุขจังหวัดลำพูน เป็นประธานการประชุมคณะกรรมการ"
            "ควบคุมโรคติดต่อจังหวัด ครั้งที่ 1/2567 ณ ห้องประชุมหริภุญชัย ศาลากลางจังหวัดลำพูน\n"
            "นายแพทย์สมชายฯ กล่าวว่า จังหวัดจะเฝ้าระวังโรคอย่างใกล้ชิด\n")
    facts = _facts(text)
    ev = _event(facts)
    assert ("สมชาย รักษ์ดี", ev.name) in _rel(facts, "SPEAKS_AT")
    assert ("สมชาย รักษ์ดี", ev.name) in _rel(facts, "PRESIDES")
