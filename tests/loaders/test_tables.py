"""find_tables / check_table: the corpus trainer tables, made-up tables and generated ones."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from phakhi.loaders.normalize import clean_text
from phakhi.loaders.tables import ParsedTable, TableCell, check_table, find_tables

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
DEPTS = ["กรมการปกครอง", "กรมส่งเสริมการปกครองท้องถิ่น", "กรมสนับสนุนบริการสุขภาพ", "กรมพัฒนาชุมชน",
         "กรมกิจการผู้สูงอายุ"]


def corpus_tables() -> list[ParsedTable]:
    return find_tables(clean_text((CORPUS / "002_ec2607a1cce9557b.txt").read_text()))


def test_corpus_trainer_tables() -> None:
    main, extension = corpus_tables()
    assert main.title == 'ทะเบียนประวัติวิทยากรหลักหน่วยงานของรัฐ หลักสูตร "พลเมืองคุณภาพ" ประจำปี 2563'
    assert (main.stated_total, main.stated_unit, main.year, main.year_ce) == (158, "คน", 2563, 2020)
    assert main.header_group == "หน่วยงานของรัฐ 5 หน่วยงาน"
    assert main.columns_joined == DEPTS
    assert main.key_headers == ["ที่", "จังหวัด"]
    # the table continues over a page break that repeats the header
    assert [r.number for r in main.rows] == list(range(1, 33))
    assert main.rows[9].label == "นครศรีธรรมราช" and [c.value for c in main.rows[9].cells] == [1, 0, 1, 1, 1]
    assert [c.value for c in main.totals] == [35, 31, 30, 30, 32]
    assert check_table(main) == []

    assert extension.stated_total == 1497 and len(extension.rows) == 77
    assert [c.value for c in extension.totals] == [325, 299, 301, 296, 276]
    row40 = extension.rows[39]
    assert (row40.number, row40.label, row40.cells[-1].value) == (40, "เพชรบูรณ์", None)  # blank = unknown
    issues = check_table(extension)
    assert [i.code for i in issues] == ["missing_cells"]
    assert issues[0].details["row"] == 40 and issues[0].level == "warning"


def test_row_spans_point_at_rows() -> None:
    text = clean_text((CORPUS / "002_ec2607a1cce9557b.txt").read_text())
    main = corpus_tables()[0]
    for row in main.rows:
        line = text[row.span[0]:row.span[1]]
        assert line.split("\t")[:2] == [str(row.number), row.label]
        assert text.count("\n", 0, row.span[0]) + 1 == row.line
    assert text[main.span[0]:].startswith("ทะเบียนประวัติวิทยากรหลัก")


TWO_TABLES = """ตารางที่ ๑ จำนวนอาสาสมัคร ปีงบประมาณ พ.ศ. ๒๕๖๖
จำนวน ๓๐ คน
ที่\tจังหวัด\tชาย\tหญิง
๑\tกระบี่\t๕\t๕
๒\tตรัง\t๓\t๗
- ๒ -
ที่\tจังหวัด\tชาย\tหญิง
๓\tพังงา\t๔\t๖
รวม\t\t๑๒\t๑๘

ตารางที่ ๒ จำนวนศูนย์
ที่  อำเภอ  จำนวน
1  เมือง  4
2  ท่าม่วง  -
4  ไทรโยค  1,200
"""


def test_page_split_table_and_a_second_table() -> None:
    first, second = find_tables(TWO_TABLES)
    assert first.title.startswith("ตารางที่ ๑") and first.year == 2566 and first.year_ce == 2023
    assert first.stated_total == 30 and first.columns == ["ชาย", "หญิง"]
    assert [(r.number, r.label) for r in first.rows] == [(1, "กระบี่"), (2, "ตรัง"), (3, "พังงา")]
    assert [c.value for c in first.totals] == [12, 18]
    assert check_table(first) == []

    assert second.title == "ตารางที่ ๒ จำนวนศูนย์" and second.columns == ["จำนวน"]
    assert [c.value for c in (r.cells[0] for r in second.rows)] == [4, 0, 1200]
    codes = [i.code for i in check_table(second)]
    assert codes == ["row_gap"]


def test_checks_report_each_problem_once() -> None:
    text = ("ทะเบียนเครือข่าย จำนวน 20 คน\nที่\tจังหวัด\tก\tข\n1\tกระบี่\t1\t2\n2\tตรัง\t3\n"
            "รวม\t\t4\t9\n")
    table = find_tables(text)[0]
    issues = check_table(table)
    codes = sorted(i.code for i in issues)
    assert codes == ["missing_cells", "total_mismatch", "total_mismatch"]
    col = next(i for i in issues if i.code == "total_mismatch" and i.details["check"] == "column")
    assert (col.details["column"], col.details["stated"], col.details["computed"]) == ("ข", 9, 2)
    cells = next(i for i in issues if i.code == "total_mismatch" and i.details["check"] == "cells")
    assert (cells.details["stated"], cells.details["computed"]) == (20, 6)


def test_no_tables_in_prose() -> None:
    for name in ("000", "001", "003", "004"):
        text = clean_text(next(CORPUS.glob(f"{name}_*.txt")).read_text())
        assert find_tables(text) == [], name


def test_cell_values() -> None:
    table = find_tables("ตาราง\nที่\tชื่อ\tก\tข\tค\n1\tก\t-\t\t๑,๔๙๗\n")[0]
    cells = table.rows[0].cells
    assert [(c.raw, c.value) for c in cells] == [("-", 0), ("", None), ("๑,๔๙๗", 1497)]
    assert isinstance(cells[0], TableCell)


def _render(title: str, stated: int | None, columns: list[str], rows: list[list[int]], totals: list[int]) -> str:
    lines = [title]
    if stated is not None:
        lines.append(f"จำนวน {stated:,} คน")
    lines.append("ที่\tจังหวัด\t" + "\t".join(columns))
    for n, values in enumerate(rows, start=1):
        cells = ["-" if v == 0 else f"{v:,}" for v in values]
        lines.append(f"{n}\tจังหวัด{n}\t" + "\t".join(cells))
    lines.append("รวม\t\t" + "\t".join(f"{v:,}" for v in totals))
    return "\n".join(lines) + "\n"


TABLE_DATA = st.integers(min_value=1, max_value=5).flatmap(
    lambda ncols: st.tuples(
        st.just(ncols),
        st.lists(st.lists(st.integers(min_value=0, max_value=3000), min_size=ncols, max_size=ncols),
                 min_size=1, max_size=12),
        st.booleans(),
    ))


@settings(max_examples=80, deadline=None)
@given(TABLE_DATA)
def test_generated_tables_with_correct_totals_have_no_issues(data: tuple[int, list[list[int]], bool]) -> None:
    ncols, rows, with_stated = data
    totals = [sum(r[j] for r in rows) for j in range(ncols)]
    text = _render("ทะเบียนอาสาสมัคร ประจำปี 2565", sum(totals) if with_stated else None,
                   [f"หน่วยงาน{j}" for j in range(ncols)], rows, totals)
    (table,) = find_tables(text)
    assert len(table.rows) == len(rows)
    assert [[c.value for c in r.cells] for r in table.rows] == rows
    assert [c.value for c in table.totals] == totals
    assert check_table(table) == []


@settings(max_examples=80, deadline=None)
@given(TABLE_DATA, st.integers(min_value=1, max_value=50), st.booleans(), st.data())
def test_a_perturbed_total_gives_exactly_one_mismatch(data: tuple[int, list[list[int]], bool], delta: int,
                                                      perturb_stated: bool, draw: st.DataObject) -> None:
    ncols, rows, _ = data
    totals = [sum(r[j] for r in rows) for j in range(ncols)]
    stated = sum(totals)
    if perturb_stated:
        stated += delta
    else:
        j = draw.draw(st.integers(min_value=0, max_value=ncols - 1))
        totals[j] += delta
    text = _render("ทะเบียนอาสาสมัคร ประจำปี 2565", stated, [f"หน่วยงาน{j}" for j in range(ncols)], rows, totals)
    (table,) = find_tables(text)
    mismatches = [i for i in check_table(table) if i.code == "total_mismatch"]
    assert len(mismatches) == 1
    assert mismatches[0].details["computed"] != mismatches[0].details["stated"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["\t", "\n", "  ", "-", "รวม", "จำนวน 5 คน", "ทะเบียน", "1", "12",
                                           "๑,๔๙๗", "ที่", "ประจำปี 2563"]), st.text(max_size=5)),
                max_size=40).map("".join))
def test_arbitrary_text_never_raises(text: str) -> None:
    for table in find_tables(text):
        check_table(table)
        for row in table.rows:
            assert 0 <= row.span[0] <= row.span[1] <= len(text)


def test_year_columns_header_is_not_a_data_row() -> None:
    text = "ตาราง จำนวนศูนย์\nที่\tจังหวัด\t2564\t2565\n1\tกระบี่\t3\t4\n2\tตรัง\t1\t-\nรวม\t\t4\t4\n"
    (table,) = find_tables(text)
    assert table.columns == ["2564", "2565"] and [r.number for r in table.rows] == [1, 2]
    assert check_table(table) == []


def test_unnumbered_table_continues_when_its_header_repeats() -> None:
    text = ("ตาราง จำนวนเครือข่าย\nจังหวัด\tชาย\tหญิง\nกระบี่\t1\t2\n\nหน้า 2\nจังหวัด\tชาย\tหญิง\nตรัง\t3\t4\n"
            "รวม\t4\t6\n\nตาราง อื่น\nจังหวัด\tชาย\tหญิง\nพังงา\t1\t1\n")
    first, second = find_tables(text)
    assert [r.label for r in first.rows] == ["กระบี่", "ตรัง"] and [c.value for c in first.totals] == [4, 6]
    assert check_table(first) == []
    assert second.title == "ตาราง อื่น" and [r.label for r in second.rows] == ["พังงา"]


def test_totals_row_without_empty_number_cell() -> None:
    text = "ตาราง\nที่\tจังหวัด\tก\tข\n1\tกระบี่\t1\t2\n2\tตรัง\t3\t4\nรวม\t4\t6\n"
    (table,) = find_tables(text)
    assert [c.value for c in table.totals] == [4, 6]
    assert check_table(table) == []


def test_docstring_examples() -> None:
    import doctest

    import phakhi.loaders.tables as module

    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_a_paragraph_above_is_not_a_title() -> None:
    text = "ย่อหน้าเนื้อข่าวที่อยู่ด้านบน\n\nที่\tจังหวัด\tจำนวน\n1\tกระบี่\t1,497\n"
    assert find_tables(text)[0].title == ""
    text = "ผลการฝึกอบรมรายจังหวัด\nที่\tจังหวัด\tจำนวน\n1\tกระบี่\t1,497\n"
    assert find_tables(text)[0].title == "ผลการฝึกอบรมรายจังหวัด"  # right above the table


def test_form_feed_page_break_inside_a_table() -> None:
    text = "ทะเบียนอาสาสมัคร\nที่\tจังหวัด\tจำนวน\n1\tกระบี่\t2\n\f2\tตรัง\t3\nรวม\t\t5\n"
    (table,) = find_tables(text)
    assert [(r.number, r.label) for r in table.rows] == [(1, "กระบี่"), (2, "ตรัง")]
    assert check_table(table) == []
