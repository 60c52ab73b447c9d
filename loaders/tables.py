"""Tables written as TAB-separated (or 2+ space separated) rows: parse and check their totals.

>>> text = "ทะเบียนวิทยากร ประจำปี 2563\\nจำนวน 5 คน\\nที่\\tจังหวัด\\tกรม ก\\tกรม ข\\n1\\tกระบี่\\t1\\t2\\n2\\tตรัง\\t-\\t2\\nรวม\\t\\t1\\t4\\n"
>>> t = find_tables(text)[0]
>>> t.title, t.stated_total, t.year, t.year_ce, t.columns
('ทะเบียนวิทยากร ประจำปี 2563', 5, 2563, 2020, ['กรม ก', 'กรม ข'])
>>> [(r.number, r.label, [c.value for c in r.cells]) for r in t.rows]
[(1, 'กระบี่', [1, 2]), (2, 'ตรัง', [0, 2])]
>>> check_table(t)
[]
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..graph.model import Issue
from .dates import be_to_ce
from .normalize import parse_int, to_arabic_digits


@dataclass
class TableCell:
    raw: str
    value: int | None  # '-' -> 0 ; blank -> None (unknown) ; '1,497' -> 1497


@dataclass
class TableRow:
    number: int | None  # the row's own number ('ที่' column), None when not numbered
    label: str
    cells: list[TableCell]  # value columns only
    line: int  # 1-based line number in the text
    span: tuple[int, int]


@dataclass
class ParsedTable:
    title: str
    span: tuple[int, int]
    stated_total: int | None
    year: int | None  # as written (BE)
    header_group: str
    columns: list[str]
    rows: list[TableRow]
    totals: list[TableCell] | None
    year_ce: int | None = None
    columns_joined: list[str] = field(default_factory=list)  # headers with line-wrap spaces removed
    key_headers: list[str] = field(default_factory=list)  # headers of the non-value columns ('ที่', 'จังหวัด')
    stated_unit: str = ""  # 'คน' in 'จำนวน 1,497 คน'


_DASHES = {"-", "–", "—", "−", "─"}
_TOTAL_LABEL = re.compile(r"^\s*(?:รวม|ยอดรวม|total\b)", re.I)
_TITLE_START = re.compile(r"^(?:ทะเบียน|ตาราง|บัญชี|สรุป|รายชื่อ|รายงาน|ผลการ|จำนวน\S*จำแนก)")
_STATED = re.compile(r"(?:^|\s)(?:รวม(?:ทั้งสิ้น)?\s*)?(?:จำนวน|ทั้งสิ้น)\s*([0-9][0-9,]*)\s*(คน|ราย|แห่ง|หน่วย\S*|ศูนย์|อำเภอ|ตำบล|จังหวัด)?")
_TITLE_WORDS = re.compile(r"ตาราง|ทะเบียน|บัญชีรายชื่อ|สรุปจำนวน|ประจำปี|ปีงบประมาณ|table\b", re.I)
_YEAR = re.compile(r"(?:ประจำ)?ปี(?:งบประมาณ|การศึกษา)?\s*(?:พ\.?\s?ศ\.?\s*)?([0-9]{4})(?![0-9])")


def _cell(raw: str) -> TableCell:
    s = raw.strip()
    if not s:
        return TableCell(raw, None)
    if s in _DASHES:
        return TableCell(raw, 0)
    return TableCell(raw, parse_int(s))


_SPACE_GAP = re.compile(r"[ \u00a0]{2,}")
_LABEL_CHAR = re.compile(r"[A-Za-z\u0e01-\u0e2e]")


def _split_row(line: str) -> list[str] | None:
    """Cells of a table-looking line, or None for ordinary text."""
    if "\t" in line:
        cells = line.split("\t")
        return cells if sum(1 for c in cells if c.strip()) >= 2 else None
    parts = [p for p in _SPACE_GAP.split(line.strip()) if p.strip()]
    if len(parts) < 3:  # most lines: prose without wide gaps
        return None
    has_label = any(_LABEL_CHAR.search(p) for p in parts)
    if has_label and all(len(p) <= 60 for p in parts):
        numeric = sum(1 for p in parts if _is_value(p))
        if numeric >= 2 or (numeric >= 1 and _is_value(parts[-1])):
            return parts
    return None


@functools.lru_cache(maxsize=65536)  # table cells repeat ('-', '0', small counts)
def _is_value(s: str) -> bool:
    s = s.strip()
    return s in _DASHES or parse_int(s) is not None


@dataclass
class _RawRow:
    cells: list[str]
    line: int
    span: tuple[int, int]


_HEADER_FIRST = re.compile(r"^(?:ที่|ลำดับ(?:ที่)?|ลําดับ|no\.?|#|รายการ|จังหวัด|หน่วยงาน)$", re.I)


def _is_data(cells: list[str]) -> bool:
    """A row of values (or the totals row), as opposed to a header row."""
    values = [c.strip() for c in cells if c.strip()]
    if values and _HEADER_FIRST.match(values[0]):
        return False  # 'ที่ | จังหวัด | 2563 | 2564': years as column headers
    return any(_is_value(c) for c in values[1:]) or any(_TOTAL_LABEL.match(c) for c in cells)


@dataclass
class _Block:
    rows: list[_RawRow]
    before: list[tuple[int, int, str]]  # (line no, start, text) of non-blank lines since the previous block


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    pending: list[tuple[int, int, str]] = []
    current: list[_RawRow] = []
    pos = 0
    for number, raw_line in enumerate(text.split("\n"), start=1):
        start, end = pos, pos + len(raw_line)
        pos = end + 1
        line = raw_line.replace("\f", "")
        cells = _split_row(line)
        if cells is not None:
            if not current:
                current = []
                header = _space_header(pending, number, len(cells)) if "\t" not in line else None
                if header is not None:
                    current.append(header)
                    pending = pending[:-1]
                blocks.append(_Block(current, pending))
                pending = []
            current.append(_RawRow(cells, number, (start, end)))
            continue
        if line.strip():
            current = []  # text ends a block
            pending.append((number, start, line.strip()))
    return blocks


def _space_header(pending: list[tuple[int, int, str]], number: int, width: int) -> _RawRow | None:
    """The line right above a space-separated table, when it splits into as many headers."""
    if not pending or pending[-1][0] != number - 1:
        return None
    _, start, text = pending[-1]
    parts = [p for p in _SPACE_GAP.split(text) if p.strip()]
    if len(parts) == width and not any(_is_value(p) for p in parts):
        return _RawRow(parts, number - 1, (start, start + len(text)))
    return None


def _stated(lines: list[str]) -> tuple[int | None, str]:
    for s in lines:
        m = _STATED.search(to_arabic_digits(s))
        if m:
            return parse_int(m.group(1)), m.group(2) or ""
    return None, ""


def _title_index(block: _Block) -> int | None:
    """Which of the lines above a table is its title.

    A line that reads like a table title (ทะเบียน…, ตาราง…, …ประจำปี…) among the last few;
    else the nearest line when nothing separates it from the table; else none (a paragraph
    further up is not a title).
    """
    before = block.before
    lowest = max(0, len(before) - 4)
    for k in range(len(before) - 1, lowest - 1, -1):
        s = before[k][2]
        if len(s) <= 250 and (_TITLE_START.match(s) or _TITLE_WORDS.search(s)):
            return k
    next_line = block.rows[0].line
    for k in range(len(before) - 1, lowest - 1, -1):
        number, _, s = before[k]
        if _STATED.search(to_arabic_digits(s)):
            next_line = number
            continue
        return k if number == next_line - 1 and len(s) <= 250 else None
    return None


def _build(block: _Block) -> ParsedTable | None:
    before = block.before
    title_idx = _title_index(block)
    title = before[title_idx][2] if title_idx is not None else ""
    context = [x[2] for x in before[title_idx:]] if title_idx is not None else [x[2] for x in before[-1:]]
    stated, unit = _stated(context)
    year_m = _YEAR.search(to_arabic_digits(title))
    year = int(year_m.group(1)) if year_m else None
    start = before[title_idx][1] if title_idx is not None else block.rows[0].span[0]
    table = ParsedTable(title=title, span=(start, block.rows[-1].span[1]), stated_total=stated, year=year,
                        header_group="", columns=[], rows=[], totals=None,
                        year_ce=be_to_ce(year) if year is not None else None, stated_unit=unit)
    _add_rows(table, block.rows)
    return table


def _is_total(cells: list[str]) -> bool:
    return any(_TOTAL_LABEL.match(c) for c in cells)


def _value_start(rows: list[_RawRow]) -> int:
    """Index of the first value column: after the row number and the label (most common)."""
    counts: dict[int, int] = {}
    for r in rows:
        cells = r.cells
        if not _is_data(cells) or any(_TOTAL_LABEL.match(c) for c in cells):
            continue
        k = 0
        if cells and parse_int(cells[0].strip()) is not None and len(cells) > 2:
            k = 1
        while k < len(cells) and not _is_value(cells[k]) and cells[k].strip():
            k += 1
        counts[k] = counts.get(k, 0) + 1
    return max(counts, key=lambda k: (counts[k], -k)) if counts else 1


def _add_rows(table: ParsedTable, rows: list[_RawRow]) -> None:
    headers = [r for r in rows if not _is_data(r.cells)]
    data = [r for r in rows if _is_data(r.cells)]
    vstart = _value_start(rows)
    if not table.columns and headers:
        # the first header rows carry a group label spanning the value columns; the last the names
        width = max(len(r.cells) for r in rows)
        names = [""] * max(0, width - vstart)
        group = ""
        for h in headers:
            vals = h.cells[vstart:]
            filled = [c.strip() for c in vals if c.strip()]
            if len(filled) == 1 and len(vals) > 1 and vals[0].strip():
                group = filled[0]
                continue
            for j, c in enumerate(vals):
                if c.strip() and j < len(names):
                    names[j] = re.sub(r"\s+", " ", c.strip())
        if any(names):
            while names and not names[-1]:
                names.pop()
            table.columns = names
        elif group:
            table.columns = [group]
        table.header_group = group
        table.key_headers = [c.strip() for c in headers[0].cells[:vstart]]
        table.columns_joined = ["".join(c.split()) for c in table.columns]
    ncols = max([len(r.cells) - vstart for r in data if not _is_total(r.cells)] + [len(table.columns), 1])
    for r in data:
        label_cells = [c.strip() for c in r.cells[:vstart] if c.strip()]
        values = [_cell(c) for c in r.cells[vstart:]]
        if _is_total(r.cells):
            # the totals row may leave the number column out: take the cells after its label
            idx = next(k for k, c in enumerate(r.cells) if _TOTAL_LABEL.match(c))
            after = r.cells[idx + 1:]
            while len(after) > ncols and not after[0].strip():
                after = after[1:]
            table.totals = [_cell(c) for c in after]
            continue
        number = parse_int(label_cells[0]) if label_cells else None
        label_parts = label_cells[1:] if number is not None else label_cells
        table.rows.append(TableRow(number, " ".join(label_parts), values, r.line, r.span))
    if rows:
        table.span = (table.span[0], max(table.span[1], rows[-1].span[1]))


def _header_key(block: _Block) -> tuple[str, ...]:
    """The header rows of a block, spaces removed (a repeated header after a page break)."""
    return tuple("".join("".join(r.cells).split()) for r in block.rows if not _is_data(r.cells))


def _continues(prev: ParsedTable, block: _Block, prev_header: tuple[str, ...]) -> bool:
    """A block continues the previous table after a page break: no new title, and the row
    numbers go on or the same header is repeated."""
    if prev.totals is not None:
        return False
    if any(_TITLE_START.match(s) or _STATED.search(to_arabic_digits(s)) for _, _, s in block.before):
        return False
    header = _header_key(block)
    if header and header == prev_header:
        return True
    last = next((r.number for r in reversed(prev.rows) if r.number is not None), None)
    first_data = next((r for r in block.rows if _is_data(r.cells)), None)
    if last is None or first_data is None:
        return False
    first = parse_int(first_data.cells[0].strip()) if first_data.cells else None
    if first is None:
        return bool(any(_TOTAL_LABEL.match(c) for c in first_data.cells))
    return first == last + 1


def find_tables(text: str) -> list[ParsedTable]:
    """All tables in ``text`` (a table split by page breaks comes out as one table)."""
    tables: list[ParsedTable] = []
    prev_header: tuple[str, ...] = ()
    for block in _blocks(text):
        if not any(_is_data(r.cells) for r in block.rows):
            continue
        if tables and _continues(tables[-1], block, prev_header):
            _add_rows(tables[-1], block.rows)
            continue
        table = _build(block)
        if table is not None:
            tables.append(table)
            prev_header = _header_key(block)
    return tables


def check_table(table: ParsedTable) -> list[Issue]:
    """Warnings: sums that disagree with the totals row or the stated total, numbering gaps,
    missing cells. One Issue per problem, with stated and computed values in ``details``."""
    issues: list[Issue] = []
    width = max([len(table.columns)] + [len(r.cells) for r in table.rows] + [len(table.totals or [])])
    where = table.title or "table"

    numbers = [r.number for r in table.rows if r.number is not None]
    for a, b in zip(numbers, numbers[1:]):
        if b != a + 1:
            issues.append(Issue("warning", "row_gap", f"{where}: row {b} follows row {a}",
                                details={"after": a, "next": b}))
    for r in table.rows:
        missing = [j for j in range(width) if j >= len(r.cells) or r.cells[j].value is None]
        if missing and table.columns:
            names = [table.columns[j] if j < len(table.columns) else str(j + 1) for j in missing]
            issues.append(Issue("warning", "missing_cells",
                                f"{where}: row {r.number or r.label} has no value for {', '.join(names)}",
                                details={"row": r.number, "label": r.label, "line": r.line, "columns": names}))

    def col_sum(j: int) -> int:
        return sum(r.cells[j].value or 0 for r in table.rows if j < len(r.cells))

    cells_total = sum(col_sum(j) for j in range(width))
    bad_columns = False
    if table.totals is not None:
        for j, cell in enumerate(table.totals):
            if cell.value is None:
                continue
            computed = col_sum(j)
            if computed != cell.value:
                bad_columns = True
                name = table.columns[j] if j < len(table.columns) else f"column {j + 1}"
                issues.append(Issue("warning", "total_mismatch",
                                    f"{where}: column '{name}' sums to {computed}, totals row says {cell.value}",
                                    details={"check": "column", "column": name, "stated": cell.value,
                                             "computed": computed}))
    if table.stated_total is not None:
        if table.totals is not None and not bad_columns:
            computed = sum(c.value or 0 for c in table.totals)
            if computed != table.stated_total:
                issues.append(Issue("warning", "total_mismatch",
                                    f"{where}: totals row sums to {computed}, stated total is {table.stated_total}",
                                    details={"check": "totals_row", "stated": table.stated_total,
                                             "computed": computed}))
        elif cells_total != table.stated_total:
            issues.append(Issue("warning", "total_mismatch",
                                f"{where}: cells sum to {cells_total}, stated total is {table.stated_total}",
                                details={"check": "cells", "stated": table.stated_total, "computed": cells_total}))
    return issues
