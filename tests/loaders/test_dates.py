"""Thai dates, times, durations: written forms from real documents and a round-trip property."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phakhi.loaders.dates import be_to_ce, find_dates, find_times, parse_duration, parse_thai_date

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"

FULL = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
        "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
ABBR = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@pytest.mark.parametrize("written, expected", [
    ("16 มิถุนายน 2565", datetime.date(2022, 6, 16)),
    ("๑ กุมภาพันธ์ ๒๕๖๕", datetime.date(2022, 2, 1)),
    ("4 มี.ค. 64", datetime.date(2021, 3, 4)),
    ("4 มี.ค. 2564", datetime.date(2021, 3, 4)),
    ("4 มีค 2564", datetime.date(2021, 3, 4)),
    ("4 มี.ค 2564", datetime.date(2021, 3, 4)),
    ("4 มี. ค. 2564", datetime.date(2021, 3, 4)),
    ("28 เม.ย. 2565", datetime.date(2022, 4, 28)),
    ("5 พ.ศ.2565".replace("5 ", "5 ธันวาคม "), datetime.date(2022, 12, 5)),
    ("10 กรกฏาคม 2564", datetime.date(2021, 7, 10)),  # common misspelling
    ("16 มิถุนายน 2022", datetime.date(2022, 6, 16)),  # a CE year
    ("1 มกราคม ค.ศ. 2023", datetime.date(2023, 1, 1)),
])
def test_single_dates(written: str, expected: datetime.date) -> None:
    d = parse_thai_date(f"ข้อความ {written} ต่อ")
    assert d is not None and d.start == expected and d.end is None
    assert d.as_written == written


def test_weekday_and_span() -> None:
    text = "ในวันพฤหัสบดีที่ ๒๘ เมษายน ๒๕๖๕ เวลา ๐๙.๓๐ นาฬิกา"
    d = find_dates(text)[0]
    assert d.start == datetime.date(2022, 4, 28) and d.weekday == "พฤหัสบดี"
    assert text[d.span[0]:d.span[1]] == d.as_written == "วันพฤหัสบดีที่ ๒๘ เมษายน ๒๕๖๕"


def test_ranges() -> None:
    r = parse_thai_date("ระหว่างวันที่ 24 – 25 สิงหาคม 2565 ซึ่ง")
    assert (r.start, r.end, r.as_written) == (datetime.date(2022, 8, 24), datetime.date(2022, 8, 25),
                                             "24 – 25 สิงหาคม 2565")
    r = parse_thai_date("30 ก.ย. - 2 ต.ค. 2565")
    assert (r.start, r.end) == (datetime.date(2022, 9, 30), datetime.date(2022, 10, 2))
    r = parse_thai_date("30 ธ.ค. 2564 - 2 ม.ค. 2565")
    assert (r.start, r.end) == (datetime.date(2021, 12, 30), datetime.date(2022, 1, 2))
    r = parse_thai_date("30 ธ.ค. - 2 ม.ค. 2565")
    assert (r.start, r.end) == (datetime.date(2021, 12, 30), datetime.date(2022, 1, 2))


def test_month_and_year_only() -> None:
    d = parse_thai_date("ข้อมูล ณ มี.ค. 64")
    assert d.start == datetime.date(2021, 3, 1) and d.precision == "month"
    assert parse_thai_date("มีนาคม 2564").precision == "month"


@pytest.mark.parametrize("text", [
    "๑๕ มิ.ย. ๕๖๕",  # OCR-damaged year
    "พ.ศ. ๒๕๖๕",  # a year alone is not a date
    "ในปีงบประมาณ พ.ศ. ๒๕๖๓ จัดตั้ง",
    "31 กุมภาพันธ์ 2565",  # no such day
    "12 มีนาคม 3565",  # implausible year
    "หนังสือที่ 1/2564",
    "ห้องประชุม ชั้น 4 โรงแรม",
])
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_be_to_ce() -> None:
    assert be_to_ce(2565) == 2022
    assert be_to_ce(64) == 2021
    assert be_to_ce(565) is None
    assert be_to_ce(1999) is None
    assert be_to_ce(2701) is None


def test_corpus_dates() -> None:
    text = (CORPUS / "004_c9a4c93f3c880aba.txt").read_text()
    starts = {d.start for d in find_dates(text)}
    assert starts == {datetime.date(2021, 3, 4)}
    text = (CORPUS / "002_ec2607a1cce9557b.txt").read_text()
    # the letter's date; the stamp '๑๕ มิ.ย. ๕๖๕' has a damaged year and is skipped
    assert [d.start for d in find_dates(text[:600])] == [datetime.date(2022, 2, 1)]


def test_find_times() -> None:
    assert find_times("เวลา 09.30 น. และ 13:00 น.") == [("09:30", (5, 13)), ("13:00", (18, 26))]
    assert [t for t, _ in find_times("เวลา ๐๙.๓๐ นาฬิกา")] == ["09:30"]
    assert find_times("ราคา 25.50 บาท") == []
    assert find_times("เวลา 25.30 น.") == []


@pytest.mark.parametrize("text, years", [
    ("กำหนดระยะเวลาความร่วมมือ(๓ปี) โดย", 3.0),
    ("3 ปี", 3.0),
    ("๒ ปี ๖ เดือน", 2.5),
    ("1 year", 1.0),
    ("6 เดือน", 0.5),
    ("สามปี", 3.0),
])
def test_parse_duration(text: str, years: float) -> None:
    got = parse_duration(text)
    assert got is not None and got[0] == pytest.approx(years)
    assert got[1] in text


def test_parse_duration_none() -> None:
    assert parse_duration("ไม่มีระยะเวลา") is None
    assert parse_duration("") is None


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=datetime.date(1958, 1, 1), max_value=datetime.date(2150, 12, 31)),
    st.booleans(), st.booleans(), st.booleans(), st.sampled_from(["", "วันที่ ", "ณ ", "("]),
)
def test_round_trip(date: datetime.date, full: bool, thai_digits: bool, two_digit_year: bool, prefix: str) -> None:
    be = date.year + 543
    year = str(be)[-2:] if two_digit_year and 2500 <= be <= 2599 else str(be)
    month = FULL[date.month - 1] if full else ABBR[date.month - 1]
    written = f"{date.day} {month} {year}"
    if thai_digits:
        written = written.translate(THAI)
    got = parse_thai_date(prefix + written + " ต่อ")
    assert got is not None and got.start == date and got.as_written == written


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(list("0123456789๐๑๒๓๔๕๖๗๘๙ .-–")
                                          + FULL + ABBR + ["พ.ศ.", "วันที่", "ถึง", "วันจันทร์ที่"]),
                          st.characters()), max_size=40).map("".join))
def test_arbitrary_text_never_raises(text: str) -> None:
    for d in find_dates(text):
        assert text[d.span[0]:d.span[1]] == d.as_written
        assert d.end is None or d.end >= d.start
    find_times(text)
    parse_duration(text)


def test_formal_and_numeric_forms() -> None:
    d = parse_thai_date("ณ วันที่ ๑๖ เดือน มิถุนายน พ.ศ. ๒๕๖๕")
    assert d.start == datetime.date(2022, 6, 16) and d.as_written == "๑๖ เดือน มิถุนายน พ.ศ. ๒๕๖๕"
    assert [x.start for x in find_dates("ลงวันที่ 16/06/2565")] == [datetime.date(2022, 6, 16)]
    # meeting numbers and letter numbers are not dates
    assert find_dates("ครั้งที่ 1/2564 หนังสือที่ มท 0818.2/1/2565") == []


def test_period_from_to() -> None:
    (d,) = find_dates("มีผลตั้งแต่วันที่ 1 มกราคม 2565 ถึงวันที่ 31 ธันวาคม 2567 เป็นต้นไป")
    assert (d.start, d.end) == (datetime.date(2022, 1, 1), datetime.date(2024, 12, 31))
    assert d.as_written == "1 มกราคม 2565 ถึงวันที่ 31 ธันวาคม 2567"


def test_time_range() -> None:
    assert [t for t, _ in find_times("เวลา 09.00 - 12.00 น.")] == ["09:00", "12:00"]
    assert find_times("ราคา 1.50 - 2.00 บาท") == []


def test_more_written_forms() -> None:
    d = parse_thai_date("ในเดือนสิงหาคม 2565 ที่ผ่านมา")
    assert d.start == datetime.date(2022, 8, 1) and d.precision == "month" and d.as_written == "สิงหาคม 2565"
    r = parse_thai_date("วันที่ ๓๐ กันยายน – ๒ ตุลาคม ๒๕๖๕")
    assert (r.start, r.end) == (datetime.date(2022, 9, 30), datetime.date(2022, 10, 2))
    assert parse_thai_date("เมื่อวันที่ 5 ก.ค.65").start == datetime.date(2022, 7, 5)
    assert parse_thai_date("1-3 มีนาคม พ.ศ.2565").end == datetime.date(2022, 3, 3)
    assert find_dates("ผู้ใหญ่บ้านหมู่ 5 ตำบลนาดี") == []


def test_docstring_examples() -> None:
    import doctest

    import phakhi.loaders.dates as module

    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
