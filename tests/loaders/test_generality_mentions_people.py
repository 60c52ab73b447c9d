"""Generality of mentions, people and positions: each rule on a new tiny document of its own
(agencies, names and wording not taken from the sample or held-out corpora)."""
from __future__ import annotations

from phakhi.loaders.extract import extract_document
from phakhi.loaders.mentions import find_mentions
from phakhi.loaders.readers import SourceText


def _facts(text: str):
    src = SourceText(path="g.txt", text=text, format="txt", encoding="utf-8", fingerprint="0")
    return extract_document(src, "doc:g")


def _names(facts, node_type: str) -> set[str]:
    return {n.name for n in facts.nodes if n.type == node_type}


def _holds(facts) -> set[tuple[str, str]]:
    by_id = {n.id: n for n in facts.nodes}
    return {(by_id[e.source].name, by_id[e.target].name) for e in facts.edges if e.type == "HOLDS_POSITION"}


def _edges(facts, rel: str) -> set[tuple[str, str]]:
    by_id = {n.id: n for n in facts.nodes}
    return {(by_id[e.source].name, by_id[e.target].name) for e in facts.edges if e.type == rel}


# -- head words must not start inside a title or a surname ------------------------------------

def test_head_word_glued_to_a_title_is_not_an_office() -> None:
    # 'นายก' + 'องค์การบริหารส่วนตำบล…': no 'กองค์การ…' office
    f = _facts("นายอำนาจ ดีงาม นายกองค์การบริหารส่วนตำบลหนองบัว กล่าวเปิดงาน")
    assert not any(n.name.startswith("กองค์") for n in f.nodes)
    assert "องค์การบริหารส่วนตำบลหนองบัว" in _names(f, "LocalGovernment")
    assert ("อำนาจ ดีงาม", "องค์การบริหารส่วนตำบลหนองบัว") in _holds(f)


def test_surname_starting_with_a_head_word_is_not_an_office() -> None:
    f = _facts("นางสาวจันทร์เพ็ญ กองสุข รองอธิบดีกรมชลประทาน กล่าว")
    assert _names(f, "Office") == set()
    assert "จันทร์เพ็ญ กองสุข" in _names(f, "Person")
    assert ("จันทร์เพ็ญ กองสุข", "กรมชลประทาน") in _holds(f)
    assert [m.surface for m in find_mentions("(สมหมาย กองทอง)")] == []


def test_a_real_division_after_a_space_is_still_found() -> None:
    ms = find_mentions("หนังสือจาก กองคลัง กรมชลประทาน แจ้งว่า")
    assert any(m.name == "กองคลัง กรมชลประทาน" and m.type == "Office" for m in ms)


# -- named local governments, regional units, work groups ------------------------------------

def test_named_subdistrict_municipality_and_city() -> None:
    ms = {m.name: m.type for m in find_mentions("เทศบาลตำบลบ้านใหม่ และเทศบาลนครอุดรธานีได้จัดกิจกรรม")}
    assert ms.get("เทศบาลตำบลบ้านใหม่") == "LocalGovernment"
    assert ms.get("เทศบาลนครอุดรธานี") == "LocalGovernment"


def test_generic_local_government_followed_by_a_verb_stays_generic() -> None:
    ms = [m.name for m in find_mentions("องค์การบริหารส่วนตำบลเป็นหน่วยงานหลัก")]
    assert ms == ["องค์การบริหารส่วนตำบล"]


def test_numbered_regional_centre_with_its_province() -> None:
    f = _facts("นายวิทยา ใจงาม ผู้อำนวยการศูนย์อนามัย เขต 5 ราชบุรี กล่าวรายงาน")
    assert "ศูนย์อนามัย เขต 5 ราชบุรี" in _names(f, "Center")
    assert ("วิทยา ใจงาม", "ศูนย์อนามัย เขต 5 ราชบุรี") in _holds(f)


def test_work_group_written_with_its_department_is_part_of_it() -> None:
    f = _facts("ข่าว : กลุ่มสื่อสารองค์กร กรมอนามัย\nรายงาน")
    assert ("กลุ่มสื่อสารองค์กร กรมอนามัย", "กรมอนามัย") in _edges(f, "PART_OF")
    # a plain 'กลุ่ม…' phrase is no unit
    assert not [m for m in find_mentions("กลุ่มเป้าหมาย ได้แก่ ผู้สูงอายุ") if m.type == "Office"]


def test_same_unit_name_in_two_departments_stays_two_units() -> None:
    a = [m for m in find_mentions("กลุ่มสื่อสารองค์กร กรมอนามัย") if m.type == "Office"][0]
    b = [m for m in find_mentions("กลุ่มสื่อสารองค์กร กรมชลประทาน") if m.type == "Office"][0]
    assert a.id != b.id
    assert "กลุ่มสื่อสารองค์กร" not in a.aliases  # the bare name would merge them


# -- provinces -------------------------------------------------------------------------------

def test_every_province_of_a_list_after_changwat() -> None:
    f = _facts("ผู้แทนจาก 4 จังหวัด ได้แก่ จังหวัดลำปาง แพร่, พะเยา และลำพูน เข้าร่วม")
    assert {"ลำปาง", "แพร่", "พะเยา", "ลำพูน"} <= _names(f, "Province")


def test_ambiguous_city_name_after_a_venue_is_the_province() -> None:
    ms = find_mentions("จัดงาน ณ ห้องประชุมใหญ่ อาคารสาม กรุงเทพมหานคร เพื่อมอบรางวัล")
    assert [m.type for m in ms if m.name == "กรุงเทพมหานคร"] == ["Province"]
    ms2 = find_mentions("ลงนามระหว่าง กรุงเทพมหานคร กับ กรมอนามัย")
    assert [m.type for m in ms2 if m.name == "กรุงเทพมหานคร"] == ["LocalGovernment"]


# -- posts of a named province ---------------------------------------------------------------

def test_head_of_a_provincial_office_holds_that_office() -> None:
    f = _facts("นายวิชัย ทองมา ท้องถิ่นจังหวัดยโสธร และนางกานดา ศรีสุข ศึกษาธิการจังหวัดตาก ร่วมประชุม")
    assert ("วิชัย ทองมา", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดยโสธร") in _holds(f)
    assert ("กานดา ศรีสุข", "สำนักงานศึกษาธิการจังหวัดตาก") in _holds(f)
    assert ("สำนักงานศึกษาธิการจังหวัดตาก", "ตาก") in _edges(f, "LOCATED_IN")


def test_governor_of_a_named_province_holds_the_post_in_that_province() -> None:
    # the province's own administration names no office: the post is the province's
    # (the convention of the development gold, ../shared/dev/README.md)
    f = _facts("นายสมชาย ใจดี ผู้ว่าราชการจังหวัดลำพูน เป็นประธานในพิธี")
    assert ("สมชาย ใจดี", "ลำพูน") in _holds(f)
    held = [e for e in f.edges if e.type == "HOLDS_POSITION"]
    assert [e.properties.get("position") for e in held] == ["ผู้ว่าราชการจังหวัด"]
    assert "ผู้ว่าราชการจังหวัดลำพูน" not in _names(f, "Position")


def test_deputy_governor_and_provincial_deputy_hold_their_post_in_the_province() -> None:
    f = _facts("นายวีระ ทองดี รองผู้ว่าราชการจังหวัดตาก และนายสมศักดิ์ ใจงาม ปลัดจังหวัดนนทบุรี ร่วมประชุม")
    assert {("วีระ ทองดี", "ตาก"), ("สมศักดิ์ ใจงาม", "นนทบุรี")} <= _holds(f)


def test_governor_of_every_province_stays_the_generic_post() -> None:
    f = _facts("นายสมชาย ใจดี ผู้ว่าราชการจังหวัด ทุกจังหวัด")
    assert "ผู้ว่าราชการจังหวัด" in _names(f, "Position")


# -- relations of bodies ---------------------------------------------------------------------

def test_provincial_office_not_linked_to_an_unnamed_parent() -> None:
    f = _facts("สำนักงานเกษตรจังหวัดตาก จัดอบรมเกษตรกร")
    assert "สำนักงานเกษตรจังหวัดตาก" in _names(f, "ProvincialOffice")
    assert _edges(f, "PART_OF") == set()
    assert "สำนักงานเกษตรจังหวัด" not in _names(f, "ProvincialOffice")


def test_provincial_office_part_of_its_department_when_named() -> None:
    f = _facts("กรมส่งเสริมการเกษตร มอบหมายให้สำนักงานเกษตรจังหวัดตาก จัดอบรม")
    assert ("สำนักงานเกษตรจังหวัดตาก", "กรมส่งเสริมการเกษตร") in _edges(f, "PART_OF")


def test_department_followed_by_its_ministry_is_part_of_it() -> None:
    f = _facts("บันทึกข้อตกลง\nกรมอนามัย กระทรวงสาธารณสุข\nกับ\nกรมการพัฒนาชุมชน กระทรวงมหาดไทย\n")
    parts = _edges(f, "PART_OF")
    assert ("กรมอนามัย", "กระทรวงสาธารณสุข") in parts
    assert ("กรมการพัฒนาชุมชน", "กระทรวงมหาดไทย") in parts


def test_words_after_a_post_do_not_add_a_second_post() -> None:
    f = _facts("นายวิทยา ใจงาม ผู้อำนวยการศูนย์อนามัย เขต 5 ราชบุรี พร้อมทั้งสาธิตการใช้อุปกรณ์ร่วมกับกรมชลประทาน")
    assert {t for p, t in _holds(f)} == {"ศูนย์อนามัย เขต 5 ราชบุรี"}


# -- name boundaries -------------------------------------------------------------------------

def test_stop_word_inside_a_compound_does_not_cut_a_name() -> None:
    ms = [m.name for m in find_mentions("ประชุมคณะกรรมการโรคติดต่อจังหวัด ครั้งที่ 2")]
    assert "คณะกรรมการโรคติดต่อจังหวัด" in ms
    ms2 = [m.name for m in find_mentions("ศูนย์ประสานงานพื้นที่ภาคเหนือได้จัดประชุม")]
    assert "ศูนย์ประสานงานพื้นที่ภาคเหนือ" in ms2


def test_stop_word_still_ends_a_name() -> None:
    ms = [m.name for m in find_mentions("ศูนย์ประสานงานภาคเหนือได้จัดประชุม")]
    assert "ศูนย์ประสานงานภาคเหนือ" in ms


def test_body_named_inside_a_venue_name_is_not_mentioned() -> None:
    ms = [m.name for m in find_mentions("จัดงาน ณ หอประชุมกองทัพอากาศ และ ณ อาคารกรมอนามัย")]
    assert "กองทัพอากาศ" not in ms and "กรมอนามัย" not in ms
    assert "กรมอนามัย" in [m.name for m in find_mentions("โดยกรมอนามัย ร่วมกับ")]


# -- acting and on-behalf posts --------------------------------------------------------------

def _posts(facts) -> set[tuple[str, str, str, bool]]:
    by_id = {n.id: n for n in facts.nodes}
    return {(by_id[e.source].name, by_id[e.target].name, e.properties.get("position"),
             bool(e.properties.get("acting"))) for e in facts.edges if e.type == "HOLDS_POSITION"}


def test_deputy_acting_for_the_head_holds_both_posts() -> None:
    f = _facts("นายวิรัช มั่นคง รองอธิบดี รักษาราชการแทนอธิบดีกรมชลประทาน กล่าวว่า")
    assert _posts(f) == {("วิรัช มั่นคง", "กรมชลประทาน", "รองอธิบดี", False),
                         ("วิรัช มั่นคง", "กรมชลประทาน", "อธิบดี", True)}


def test_signing_on_behalf_is_not_holding_the_head_post() -> None:
    f = _facts("นางสมศรี ดีใจ รองอธิบดี ปฏิบัติราชการแทน อธิบดีกรมอนามัย")
    assert _posts(f) == {("สมศรี ดีใจ", "กรมอนามัย", "รองอธิบดี", False)}
    f2 = _facts("นางสมศรี ดีใจ ผู้อำนวยการกองคลัง กรมอนามัย ปฏิบัติราชการแทน อธิบดีกรมอนามัย")
    assert _posts(f2) == {("สมศรี ดีใจ", "กองคลัง กรมอนามัย", "ผู้อำนวยการ", False)}


# -- people's titles -------------------------------------------------------------------------

def test_stacked_academic_and_medical_titles() -> None:
    from phakhi.loaders.people import find_people

    got = {(p.name, p.honorific) for p in find_people(
        "ผศ.ดร.กานดา มีสุข และนายแพทย์ ดร.วิชัย สุขสม และรศ.นพ.สมศักดิ์ ใจงาม")}
    assert got == {("กานดา มีสุข", "ผศ.ดร."), ("วิชัย สุขสม", "นายแพทย์ ดร."),
                   ("สมศักดิ์ ใจงาม", "รศ.นพ.")}


def test_female_rank_suffix_is_part_of_the_title() -> None:
    from phakhi.loaders.people import find_people

    assert [(p.name, p.honorific) for p in find_people("ว่าที่ร้อยตรีหญิง สุดา ดีงาม กล่าว")] == \
        [("สุดา ดีงาม", "ว่าที่ร้อยตรีหญิง")]
    # a given name that merely starts like a title is kept whole
    assert [p.name for p in find_people("นายคุณชัย สุขดี กล่าว")] == ["คุณชัย สุขดี"]
    assert [p.name for p in find_people("นางสาวหญิงนภา ใจดี กล่าว")] == ["หญิงนภา ใจดี"]


def test_mayor_heads_the_named_municipality() -> None:
    f = _facts("นายสมาน ใจดี นายกเทศมนตรีตำบลบ้านใหม่ กล่าวต้อนรับ")
    assert ("สมาน ใจดี", "เทศบาลตำบลบ้านใหม่") in _holds(f)
    assert "เทศบาลตำบลบ้านใหม่" in _names(f, "LocalGovernment")


def test_district_posts_name_their_district() -> None:
    f = _facts("นายสมชาย ใจดี นายอำเภอเมืองแพร่ และนายวิทยา ทองดี สาธารณสุขอำเภอบ้านไผ่ ร่วมประชุม")
    assert ("สมชาย ใจดี", "นายอำเภอเมืองแพร่") in _holds(f)
    assert ("วิทยา ทองดี", "สำนักงานสาธารณสุขอำเภอบ้านไผ่") in _holds(f)
    f2 = _facts("นายสมชาย ใจดี นายอำเภอ ทุกอำเภอ")
    assert ("สมชาย ใจดี", "นายอำเภอ") in _holds(f2)


def test_secretary_general_names_the_commissions_office_only() -> None:
    f = _facts("นางสุดา ใจดี เลขาธิการคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ กล่าว")
    bodies = {n.name for n in f.nodes if n.type == "IndependentAgency"}
    assert bodies == {"สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ"}
    assert ("สุดา ใจดี", "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ") in _holds(f)
    office = next(n for n in f.nodes if n.type == "IndependentAgency")
    assert "คณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ" not in office.aliases


def test_units_listed_after_an_affiliation_are_part_of_it() -> None:
    f = _facts("หน่วยงานในสังกัดกระทรวงมหาดไทย ได้แก่ กรมการปกครอง กรมที่ดิน และกรมโยธาธิการและผังเมือง ร่วมประชุม")
    assert {("กรมการปกครอง", "กระทรวงมหาดไทย"), ("กรมที่ดิน", "กระทรวงมหาดไทย"),
            ("กรมโยธาธิการและผังเมือง", "กระทรวงมหาดไทย")} <= _edges(f, "PART_OF")
    f2 = _facts("เจ้าหน้าที่จากกองคลัง สังกัดกรมอนามัย เข้าร่วม")
    assert ("กองคลัง", "กรมอนามัย") in _edges(f2, "PART_OF")


def test_unit_of_a_named_municipality_or_provincial_office() -> None:
    f = _facts("ดร.สมศักดิ์ แก้วมณี ผู้อำนวยการกองช่าง เทศบาลนครลำปาง กล่าว\n"
               "ข่าว : กลุ่มงานข่าว สำนักงานประชาสัมพันธ์จังหวัดแพร่\n")
    parts = _edges(f, "PART_OF")
    assert ("กองช่าง เทศบาลนครลำปาง", "เทศบาลนครลำปาง") in parts
    assert ("กลุ่มงานข่าว สำนักงานประชาสัมพันธ์จังหวัดแพร่", "สำนักงานประชาสัมพันธ์จังหวัดแพร่") in parts
    assert ("สมศักดิ์ แก้วมณี", "กองช่าง เทศบาลนครลำปาง") in _holds(f)


def test_short_province_names_in_a_list() -> None:
    f = _facts("เจ้าหน้าที่จากจังหวัดลำปาง แพร่ และน่าน จำนวน 60 คน")
    assert {"ลำปาง", "แพร่", "น่าน"} <= _names(f, "Province")


def test_integrated_committee_name_is_whole() -> None:
    ms = [m.name for m in find_mentions("ทั้งนี้ คณะกรรมการบริหารงานจังหวัดแบบบูรณาการได้สนับสนุนงบประมาณ")]
    assert "คณะกรรมการบริหารงานจังหวัดแบบบูรณาการ" in ms


def test_body_office_in_a_province() -> None:
    f = _facts("สำนักงานประกันสังคมจังหวัดเชียงราย และสำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดเชียงราย ร่วมดำเนินงาน")
    offices = _names(f, "ProvincialOffice")
    assert {"สำนักงานประกันสังคมจังหวัดเชียงราย", "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดเชียงราย"} <= offices
    assert ("สำนักงานประกันสังคมจังหวัดเชียงราย", "เชียงราย") in _edges(f, "LOCATED_IN")


def test_compound_verbs_inside_names() -> None:
    f = _facts("นายธนกร บุญมา ผู้อำนวยการสำนักงานจัดหางานจังหวัดพะเยา ร่วมแถลงข่าวโครงการส่งเสริมการมีงานทำของผู้สูงอายุ")
    assert ("ธนกร บุญมา", "สำนักงานจัดหางานจังหวัดพะเยา") in _holds(f)
    assert "โครงการส่งเสริมการมีงานทำของผู้สูงอายุ" in _names(f, "Program")


def test_title_running_into_the_ministry_name() -> None:
    f = _facts("นายไพโรจน์ โชติกเสถียร ปลัดกระทรวงแรงงาน กล่าว")
    edge = next(e for e in f.edges if e.type == "HOLDS_POSITION")
    assert edge.properties["position"] == "ปลัดกระทรวง"


def test_secretary_general_of_a_commission_known_only_by_its_office() -> None:
    ms = find_mentions("นางสาวพรรณี มีทรัพย์ เลขาธิการคณะกรรมการการศึกษาขั้นพื้นฐาน กล่าว")
    assert [m.name for m in ms if m.is_org] == ["สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"]


def test_na_surnames_and_the_word_position() -> None:
    from phakhi.loaders.people import find_people

    assert [p.name for p in find_people("นางสาวกมลา ณ นคร รองอธิบดีกรมอนามัย")] == ["กมลา ณ นคร"]
    assert find_people("นายสมชาย ณ ห้องประชุมใหญ่") == []  # 'at the hall', no surname
    f = _facts("นายวิทยา ใจดี ตำแหน่งผู้อำนวยการกองคลัง กรมอนามัย")
    edge = next(e for e in f.edges if e.type == "HOLDS_POSITION")
    assert edge.properties["position"] == "ผู้อำนวยการ"


def test_abbreviated_classes_with_a_place() -> None:
    got = {(m.name, m.type) for m in find_mentions(
        "ผู้แทน สสจ.ลำปาง และ อบจ.น่าน และอบต.หนองบัว ร่วมประชุม")}
    assert {("สำนักงานสาธารณสุขจังหวัดลำปาง", "ProvincialOffice"),
            ("องค์การบริหารส่วนจังหวัดน่าน", "LocalGovernment"),
            ("องค์การบริหารส่วนตำบลหนองบัว", "LocalGovernment")} <= got
    assert [m.name for m in find_mentions("ผู้แทนจาก อบต. ได้เข้าร่วม")] == ["องค์การบริหารส่วนตำบล"]


def test_numbered_area_office_of_a_province() -> None:
    got = {(m.name, m.type) for m in find_mentions("ผู้อำนวยการ สพป.น่าน เขต 2 และสำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง เขต 1 ได้จัด")}
    assert {("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาน่าน เขต 2", "ProvincialOffice"),
            ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง เขต 1", "ProvincialOffice")} <= got


def test_given_name_starting_with_ko_after_nai() -> None:
    f = _facts("ทั้งนี้ นายกิตติ สุขเจริญ ผู้ช่วยเลขาธิการสำนักงานคณะกรรมการการเลือกตั้ง ได้ลงพื้นที่")
    assert ("กิตติ สุขเจริญ", "สำนักงานคณะกรรมการการเลือกตั้ง") in _holds(f)
    from phakhi.loaders.people import find_people

    assert find_people("นายกสมาคมผู้สูงอายุ กล่าว และนายกรัฐมนตรี กล่าว") == []


def test_position_phrase_ends_at_a_following_verb() -> None:
    f = _facts("โดยมีนายวีระ ทองดี สาธารณสุขอำเภอแม่สอด ร่วมตรวจเยี่ยม")
    assert ("วีระ ทองดี", "สำนักงานสาธารณสุขอำเภอแม่สอด") in _holds(f)


def test_district_office_instances_and_unmatched_head_titles() -> None:
    f = _facts("สำนักงานพัฒนาชุมชนอำเภอเชียงคำ จัดอบรม\nนายชาญ ศรีดี พัฒนาการอำเภอเชียงคำ ร่วมเปิดงาน")
    assert "สำนักงานพัฒนาชุมชนอำเภอเชียงคำ" in _names(f, "ProvincialOffice")
    # the head's title shares no whole word with any office class: the post itself
    assert ("ชาญ ศรีดี", "พัฒนาการอำเภอเชียงคำ") in _holds(f)
    assert "ที่ว่าการอำเภอเชียงคำ" not in _names(f, "ProvincialOffice")


def test_clubs_and_associations_named_after_a_group_or_a_province() -> None:
    got = {(m.name, m.type) for m in find_mentions("สมาคมสตรีนักธุรกิจจังหวัดตาก ร่วมกับ มูลนิธิรักษ์ไทย")}
    assert {("สมาคมสตรีนักธุรกิจจังหวัดตาก", "Organization"), ("มูลนิธิรักษ์ไทย", "Organization")} <= got
    f = _facts("นายสมชาย ใจดี ประธานชมรมอาสาสมัครสาธารณสุขประจำหมู่บ้านจังหวัดแพร่ กล่าว")
    assert [t for p, t in _holds(f)] == ["ชมรมอาสาสมัครสาธารณสุขประจำหมู่บ้านจังหวัดแพร่"]
