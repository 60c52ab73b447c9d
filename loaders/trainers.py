"""Trainer registries: province × department tables -> HAS_TRAINERS edges, one per cell.

A cell '-' is 0 trainers, a blank cell is unknown (count None). Each edge carries the
table title, row number, raw cell, column header and year; its qualifier is
table + row + column so every cell stays its own edge.

>>> t = "ทะเบียนวิทยากร ประจำปี 2563\\nที่\\tจังหวัด\\tกรมการปกครอง\\n1\\tกระบี่\\t3\\n"
>>> [(r.label, r.cells) for r in parse_tables_fallback(t)[0].rows]
[('กระบี่', ['3'])]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from phakhi.graph.model import canonical_text, node_id
from phakhi.loaders.mentions import Mention, find_mentions, lookup_name, reference_mention, surface_index
from phakhi.loaders.mentions import _normalise as normalise_surface
from phakhi.loaders.tables import check_table


@dataclass
class SimpleRow:
    number: int | None
    label: str
    cells: list[str]
    span: tuple[int, int]


@dataclass
class SimpleTable:
    title: str
    span: tuple[int, int]
    stated_total: int | None
    year: int | None
    columns: list[str]
    rows: list[SimpleRow] = field(default_factory=list)
    totals: list[str] = field(default_factory=list)


_INT = re.compile(r"^\d[\d,]*$")


def _to_int(s: str) -> int | None:
    s = s.strip().replace(",", "")
    return int(s) if s.isdigit() else None


def parse_tables_fallback(text: str) -> list[SimpleTable]:
    """Tab-separated tables with a 'จังหวัด' header (used when loaders.tables is absent)."""
    tables: list[SimpleTable] = []
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    cur: SimpleTable | None = None
    pending_title = ""
    pending_total: int | None = None
    i = 0
    while i < len(lines):
        start, line = lines[i]
        cells = line.split("\t")
        if "\t" in line and any(c.strip() == "จังหวัด" for c in cells):
            cols: list[str] = []
            j = i + 1
            while j < len(lines) and lines[j][1].startswith("\t") and not _INT.match(lines[j][1].split("\t")[0].strip() or "x"):
                sub = [c.strip() for c in lines[j][1].split("\t")]
                cols = [c for c in sub[2:] if c] or cols
                j += 1
            if not cols:
                cols = [c.strip() for c in cells[2:] if c.strip()]
            if cur is None or pending_title:
                title = pending_title or (cur.title if cur else "")
                ym = re.search(r"(?:ปี|พ\.ศ\.)\s*(\d{4})", title)
                cur = SimpleTable(title, (start, start), pending_total, int(ym.group(1)) if ym else None, cols)
                tables.append(cur)
                pending_title, pending_total = "", None
            else:
                cur.columns = cols or cur.columns
            i = j
            continue
        if cur is not None and "\t" in line:
            first = cells[0].strip()
            if _INT.match(first) and len(cells) >= 2:
                vals = [c.strip() for c in cells[2:2 + len(cur.columns)]]
                vals += [""] * (len(cur.columns) - len(vals))
                cur.rows.append(SimpleRow(int(first), cells[1].strip(), vals, (start, start + len(line))))
                cur.span = (cur.span[0], start + len(line))
            elif "รวม" in line:
                nums = [c.strip() for c in cells if c.strip() and "รวม" not in c]
                cur.totals = nums
                cur.span = (cur.span[0], start + len(line))
            i += 1
            continue
        s = line.strip()
        if s:
            m = re.match(r"จำนวน\s*([\d,]+)\s*คน", s)
            if m:
                pending_total = _to_int(m.group(1))
            elif len(s) > 8 and "\t" not in line:
                pending_title = s
        i += 1
    return [t for t in tables if t.rows]


def _tables(text: str) -> list[Any]:
    try:
        from phakhi.loaders.tables import find_tables

        found = find_tables(text)
        if found:
            return found
    except Exception:  # the shared table parser is optional here
        pass
    return parse_tables_fallback(text)


def _cell_raw(cell: Any) -> str:
    return cell if isinstance(cell, str) else str(getattr(cell, "raw", "") or "")


def _count(raw: str) -> int | None:
    r = raw.strip()
    if r in ("-", "–", "—"):
        return 0
    return _to_int(r)


def _trainer_type(title: str) -> str | None:
    m = re.search(r"(วิทยากร\S*?)(?:หน่วยงาน|\s|$)", title)
    return m.group(1) if m else None


# a legend under a table's title: 'สพฉ. = สถาบันการแพทย์ฉุกเฉินแห่งชาติ', 'ปภ. หมายถึง กรม…'
_LEGEND_LINE = re.compile(r"^[ \t]*([ก-ฮA-Za-z][ก-ฮA-Za-z.]{0,12})[ \t]*(?:=|หมายถึง|:)[ \t]*([^\n=]{4,120}?)[ \t]*$", re.M)


def legend_abbreviations(text: str) -> dict[str, str]:
    r"""The abbreviations a document defines for itself, one a line.

    >>> legend_abbreviations("คำอธิบาย\n  สพฉ. = สถาบันการแพทย์ฉุกเฉินแห่งชาติ\n")
    {'สพฉ.': 'สถาบันการแพทย์ฉุกเฉินแห่งชาติ'}
    """
    return {m.group(1): canonical_text(m.group(2)) for m in _LEGEND_LINE.finditer(text)}


def _legend_body(full: str | None, gazetteer: Any) -> Mention | None:
    """The organisation a legend's full name names: a known body or one named by its head noun."""
    if not full:
        return None
    known = lookup_name(full, gazetteer)
    if known is not None:
        return known
    found = [m for m in find_mentions(full, gazetteer) if m.is_org and m.start == 0 and m.end >= len(full) - 1]
    return found[0] if found else None


def province_mention(label: str, gazetteer: Any = None) -> Mention | None:
    """The province a table row names. A row label is a province even when the same name
    also names a body: กรุงเทพมหานคร is the province (TH-10) and the city administration,
    and a plain look-up prefers the body, which dropped Bangkok's row.

    >>> province_mention("กรุงเทพมหานคร").id, province_mention("กรมการปกครอง")
    ('ref:th-10', None)
    """
    found = lookup_name(label, gazetteer)
    if found is not None and found.type == "Province":
        return found
    idx = surface_index(gazetteer)
    provinces = [e for e in idx.entries(normalise_surface(label)) if e.type == "Province"]
    return reference_mention(provinces[0], 0, len(label), label) if len(provinces) == 1 else None


def extract_trainer_tables(fb: Any, text: str, gazetteer: Any = None) -> list[tuple[int, int]]:
    """Add HAS_TRAINERS edges for every registry table; the spans of the tables."""
    spans: list[tuple[int, int]] = []
    legend = legend_abbreviations(text)
    for table in _tables(text):
        columns = [canonical_text(str(c if isinstance(c, str) else getattr(c, "header", c)))
                   for c in table.columns]
        col_orgs = [lookup_name(c, gazetteer) or _legend_body(legend.get(c), gazetteer) for c in columns]
        if not any(o is not None and o.is_org for o in col_orgs):
            continue
        tspan = tuple(table.span)
        spans.append(tspan)  # type: ignore[arg-type]
        title = canonical_text(table.title or "ตาราง")
        year = getattr(table, "year", None)
        if year and year > 2400:
            year -= 543
        ttype = _trainer_type(title)
        doc_id = node_id("Document", title, fb.doc_id)
        fb.node(doc_id, "Document", title, tspan, kind="table",
                stated_total=getattr(table, "stated_total", None))
        col_ids: list[str | None] = []
        for c, org in zip(columns, col_orgs):
            if org is None or not org.is_org:
                col_ids.append(None)
                continue
            org.surface = c
            org.start, org.end = tspan
            col_ids.append(fb.mention(org))
        for row in table.rows:
            label = canonical_text(str(row.label))
            prov = province_mention(label, gazetteer)
            if prov is None:
                continue
            rspan = tuple(getattr(row, "span", None) or tspan)
            prov.start, prov.end = rspan
            pid = fb.mention(prov)
            for ci, (cell, cid) in enumerate(zip(row.cells, col_ids)):
                if cid is None:
                    continue
                raw = _cell_raw(cell).strip()
                count = _count(raw)
                fb.edge(pid, "HAS_TRAINERS", cid, rspan, qualifier=f"{title}|{row.number}|{columns[ci]}",
                        count=count, raw=raw, table=title, row=row.number, column_header=columns[ci],
                        year=year, trainer_type=ttype)
        # check_table compares every sum (columns, totals row, stated total) once each
        for iss in check_table(table):
            iss.doc_id, iss.path = fb.doc_id, fb.path
            fb.issues.append(iss)
    return spans
