"""Excel workbooks (openpyxl): the graph's nodes and edges, or any rows, one sheet each.

Excel opens these with Thai intact (no encoding to guess, unlike CSV). Cells hold text,
numbers and booleans; lists are joined with "; ", as in the CSV export.

>>> import io, openpyxl
>>> buf = io.BytesIO()
>>> write_workbook(buf, {"partners": (["name", "n"], [{"name": "กรมการปกครอง", "n": 3}])})
>>> ws = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))["partners"]
>>> [c.value for c in ws[2]]
['กรมการปกครอง', 3]
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, BinaryIO, Sequence

from phakhi.graph.exports.common import ExportError, collect

MAX_CELL = 32767  # Excel's limit on characters in a cell


def _value(v: Any) -> Any:
    if v is None or isinstance(v, (bool, int, float)):
        return v
    if isinstance(v, (list, tuple, set)):
        return "; ".join(str(_value(x)) for x in v if x is not None)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    text = str(v)
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def write_workbook(out: str | Path | BinaryIO,
                   sheets: dict[str, tuple[Sequence[str], Sequence[dict[str, Any]]]]) -> None:
    """One sheet per entry ``name: (columns, rows)``, a bold header row, frozen below it."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for name, (columns, rows) in sheets.items():
        sheet = book.create_sheet(title=name[:31])  # Excel's limit on sheet names
        sheet.append(list(columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_value(row.get(c)) for c in columns])
        sheet.freeze_panes = "A2"
    book.save(out)


def write_xlsx(source: Any, out: Any) -> list[str]:
    """The graph as a workbook with sheets ``nodes`` and ``edges`` (the CSV export's columns)."""
    from phakhi.graph.exports.csv_export import edge_table, node_table

    if out is None or out == "-":
        raise ExportError("xlsx is a binary file: give -o FILE.xlsx, not stdout")
    data = collect(source)
    write_workbook(Path(out), {"nodes": node_table(data), "edges": edge_table(data)})
    return [str(out)]
