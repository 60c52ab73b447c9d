"""segment / is_furniture_line on the sample corpus and on small made-up pages."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phakhi.loaders.normalize import clean_text
from phakhi.loaders.segment import Segment, is_furniture_line, segment

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def corpus(name: str) -> str:
    return clean_text(next(CORPUS.glob(f"{name}_*.txt")).read_text())


def items(segs: list[Segment]) -> list[Segment]:
    return [s for s in segs if s.kind == "item"]


def assert_tiles(text: str, segs: list[Segment]) -> None:
    assert segs[0].start == 0 and segs[-1].end == len(text)
    for a, b in zip(segs, segs[1:]):
        assert a.end == b.start and a.start < a.end


@pytest.mark.parametrize("line", [
    "« กรกฎาคม 2566 »", "< March 2023 >", "อา. จ. อ. พ. พฤ. ศ. ส.", "Sun Mon Tue Wed Thu Fri Sat",
    "1 2 3 4 5 6 7", "29 30 31", "1  2  3", "จำนวนผู้เข้าชม 2,531", "ผู้เข้าชม : 45", "ขณะนี้มีผู้ Online อยู่",
    "อ่าน 120 ครั้ง", "Facebook Twitter Line", "แชร์", "คัดลอกลิงก์", "Share on Facebook", "สงวนลิขสิทธิ์ © 2566 กรมการปกครอง",
    "Copyright 2023 Ministry of Interior. All rights reserved.", "ดูปฏิทินทั้งหมด", "อ่านต่อ", "ข่าวที่เกี่ยวข้อง",
    "ข่าวอื่นๆ", "ภาพกิจกรรม", "https://www.moi.go.th/news/123", "ลิงก์ https://youtu.be/abc", ".", "...", "|", "»",
    "หน้าแรก > ข่าวประชาสัมพันธ์ > ข่าว", "หน้าแรก | เกี่ยวกับเรา | ติดต่อเรา |", "หน้า 2 / 5", "icon02 เมนู",
    "- ๒ -", "Online: 12", "สถิติผู้เข้าชม",
])
def test_furniture_lines(line: str) -> None:
    assert is_furniture_line(line)


@pytest.mark.parametrize("line", [
    "", "กรมการปกครอง", "วันที่ 28 เม.ย. 2565", "ที่ มท ๐๘๑๘.๒/ว ๒๕๖๕", "๑. สนับสนุนการดำเนินการสร้างความรู้",
    "1\tกระบี่\t1\t1", "บันทึกข้อตกลงว่าด้วยความร่วมมือ", "ลงชื่อ", "(นายประยูร รัตนเสนีย์)",
    "ทะเบียนประวัติวิทยากร หลักสูตร \"พลเมืองคุณภาพ\" ประจำปี 2566", "จำนวน 1,497 คน",
    "สำนักงานคณะกรรมการการเลือกตั้งลงนามความร่วมมือกับกระทรวงสาธารณสุข",
    "ผู้เข้าร่วมโครงการกว่า 300 คน จากทุกจังหวัดได้รับความรู้เรื่องการเลือกตั้งและการมีส่วนร่วมของประชาชนในพื้นที่ชุมชน",
    "มิถุนายน ๒๕๖๕", "ประชุมผ่านระบบ Online ร่วมกับจังหวัด", "1201",
])
def test_content_lines(line: str) -> None:
    assert not is_furniture_line(line)


def test_file_starting_with_previous_page_tail() -> None:
    text = corpus("001")
    segs = segment(text)
    assert_tiles(text, segs)
    assert segs[0].kind == "furniture" and segs[-1].kind == "furniture"
    (item,) = items(segs)
    body = text[item.start:item.end]
    assert item.hint == "news"
    assert item.title.startswith("สำนักงานคณะกรรมการการเลือกตั้งบูรณาการความร่วมมือกับกระทรวงสาธารณสุข")
    assert "วันพฤหัสบดีที่ ๒๘ เมษายน ๒๕๖๕" in body and "บ้านเมือง”" in body
    for junk in ("ดูปฏิทินทั้งหมด", "มิถุนายน 2565", "อา. จ.", "สงวนลิขสิทธิ์", "facebook", "ข่าวประกวดราคา"):
        assert junk not in body, junk


def test_letter_with_mous_and_tables() -> None:
    text = corpus("002")
    segs = segment(text)
    assert_tiles(text, segs)
    kinds = [(s.kind, s.hint) for s in segs]
    assert kinds == [("item", "letter"), ("item", "mou"), ("item", "mou"), ("item", "table"), ("item", "table")]
    letter, mou1, mou2, table1, table2 = segs
    assert letter.title.startswith("การดำเนินการตามบันทึกข้อตกลงว่าด้วยความร่วมมือ")
    assert "ขอแสดงความนับถือ" in text[letter.start:letter.end]
    assert mou1.title.startswith("บันทึกข้อตกลงว่าด้วยความร่วมมือ การสร้างความรู้ความเข้าใจ")
    # the partner logos above the MOU title belong to the MOU, not to the letter
    assert "DEPARTMENT OF OLDER PERSONS" in text[mou1.start:mou1.end]
    assert "ทุกฝ่ายได้พิจารณา" in text[mou2.start:mou2.end]
    assert table1.title.startswith("ทะเบียนประวัติวิทยากรหลัก")
    assert "รวมจำนวน" in text[table1.start:table1.end]
    assert table2.title.startswith("ทะเบียนประวัติวิทยากรขยายผล")
    assert "\n77\tอุบลราชธานี" in text[table2.start:table2.end]


@pytest.mark.parametrize("name, hint, title_start", [
    ("000", "news", "ข่าวผู้บริหารมท. ร่วมมือสำนักงานคณะกรรมการการเลือกตั้ง"),
    ("003", "news", "สำนักงานคณะกรรมการการเลือกตั้ง จัดเสวนาวิชาการ"),
    ("004", "news", "มหาดไทยเป็นเจ้าภาพจัดประชุม"),
])
def test_news_pages(name: str, hint: str, title_start: str) -> None:
    text = corpus(name)
    segs = segment(text)
    assert_tiles(text, segs)
    (item,) = items(segs)
    assert item.hint == hint and item.title.startswith(title_start)
    assert segs[-1].kind == "furniture"  # counters, share buttons, video links, 'related news'


PAGE = """หน้าแรก | ข่าวสาร | ติดต่อเรา |
แชร์ facebook line
ข่าวประชาสัมพันธ์

กรมการพัฒนาชุมชนจับมือมหาวิทยาลัยขอนแก่นพัฒนาอาสาสมัคร
วันที่ 3 กรกฎาคม 2566
กรมการพัฒนาชุมชนลงนามบันทึกความเข้าใจกับมหาวิทยาลัยขอนแก่น เพื่อพัฒนาอาสาสมัครในพื้นที่

ข่าวที่เกี่ยวข้อง
กระทรวงมหาดไทยประชุมเครือข่ายอาสาสมัคร ประจำเดือนกรกฎาคม เพื่อติดตามผลการดำเนินงาน
อ่านต่อ
สงวนลิขสิทธิ์ © 2566
"""


def test_made_up_page_with_related_news() -> None:
    segs = segment(PAGE)
    assert_tiles(PAGE, segs)
    got = [(s.kind, s.hint) for s in segs]
    assert got == [("furniture", "unknown"), ("item", "news"), ("furniture", "unknown"), ("item", "related"),
                   ("furniture", "unknown")]
    assert segs[1].title == "กรมการพัฒนาชุมชนจับมือมหาวิทยาลัยขอนแก่นพัฒนาอาสาสมัคร"
    assert "ข่าวประชาสัมพันธ์" not in PAGE[segs[1].start:segs[1].end]  # a section label, not the title


LETTER = """ที่ สธ ๐๒๐๑/๑๒๓

เรื่อง ขอส่งบันทึกความเข้าใจ

เรียน ผู้ว่าราชการจังหวัด

ด้วยกระทรวงสาธารณสุขได้ลงนามบันทึกความเข้าใจกับกรมการปกครอง รายละเอียดตามสิ่งที่ส่งมาด้วย

ขอแสดงความนับถือ
.

บันทึกความเข้าใจ
ระหว่าง กระทรวงสาธารณสุข กับ กรมการปกครอง

บันทึกความเข้าใจฉบับนี้จัดทำขึ้นระหว่างกระทรวงสาธารณสุขกับกรมการปกครอง
ลงชื่อ

ตารางที่ ๑ จำนวนอาสาสมัคร
ที่\tจังหวัด\tจำนวน
1\tกระบี่\t10
"""


def test_made_up_letter_mou_table() -> None:
    segs = segment(LETTER)
    assert_tiles(LETTER, segs)
    assert [(s.kind, s.hint) for s in segs] == [("item", "letter"), ("item", "mou"), ("item", "table")]
    assert segs[0].title == "ขอส่งบันทึกความเข้าใจ"
    assert segs[1].title == "บันทึกความเข้าใจ ระหว่าง กระทรวงสาธารณสุข กับ กรมการปกครอง"
    assert segs[2].title == "ตารางที่ ๑ จำนวนอาสาสมัคร"
    # the lone '.' line inside the letter does not cut it
    assert "ขอแสดงความนับถือ\n.\n" in LETTER[segs[0].start:segs[0].end]


def test_only_furniture_and_empty() -> None:
    assert segment("") == []
    segs = segment("facebook line\n« มีนาคม 2566 »\n1 2 3\n")
    assert [s.kind for s in segs] == ["furniture"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["\n", "\n\n", "\t", " ", "facebook", "« มิถุนายน 2565 »", "1 2 3",
                                           "บันทึกข้อตกลงความร่วมมือ", "ทะเบียนวิทยากร", "1\tก\t2", "ข่าวที่เกี่ยวข้อง",
                                           "วันที่ 1 มีนาคม 2565", "กรมการปกครองลงนาม", "สงวนลิขสิทธิ์"]),
                          st.text(max_size=8)), max_size=30).map("".join))
def test_segments_tile_any_text(text: str) -> None:
    segs = segment(text)
    if not text:
        assert segs == []
        return
    assert_tiles(text, segs)
    assert all(s.kind in ("item", "furniture") for s in segs)
    assert all(s.hint in ("news", "letter", "mou", "table", "related", "unknown") for s in segs)


def test_whitespace_only_text_is_one_furniture_segment() -> None:
    assert segment("\n \n\t\n") == [Segment("furniture", 0, 5, "", "unknown")]
    segs = segment("\n\n\nกรมการปกครองลงนามบันทึกข้อตกลงกับสำนักงานคณะกรรมการการเลือกตั้ง วันที่ 1 มีนาคม 2565\n\n")
    assert [(s.kind, s.start) for s in segs] == [("item", 0)]


def test_letter_head_next_to_scan_debris_stays_in_the_letter() -> None:
    text = (".....\n\n1201\n\n.....\n\nที่ มท ๐๘๑๘.๒/ว ๑๒๓\n\nกรมการปกครอง\n\nเรื่อง ขอความร่วมมือ\n\nเรียน ผู้ว่าราชการจังหวัด\n\n"
            "ด้วยกรมการปกครองได้ลงนามบันทึกข้อตกลงความร่วมมือกับสำนักงานคณะกรรมการการเลือกตั้ง จึงขอความร่วมมือ\n")
    segs = segment(text)
    (letter,) = items(segs)
    assert letter.hint == "letter" and letter.title == "ขอความร่วมมือ"
    assert "ที่ มท ๐๘๑๘.๒/ว ๑๒๓" in text[letter.start:letter.end]


def test_docstring_examples() -> None:
    import doctest

    import phakhi.loaders.segment as module

    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_related_list_ends_at_the_next_furniture() -> None:
    text = ("ข่าวล่าสุด\nกรมการปกครองจัดประชุมเครือข่ายอาสาสมัครในพื้นที่ภาคเหนือ ประจำเดือนมีนาคม\n"
            "แชร์ facebook\nสงวนลิขสิทธิ์ 2566\n"
            "กระทรวงมหาดไทยลงนามบันทึกข้อตกลงกับสำนักงานคณะกรรมการการเลือกตั้ง\nวันที่ 1 มีนาคม 2566 มีพิธีลงนามที่ศาลาว่าการ\n")
    hints = [s.hint for s in items(segment(text))]
    assert hints == ["related", "news"]
