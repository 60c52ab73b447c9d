"""The agreements timeline as an inline SVG chart (the report page stays offline).

One row per agreement: a bar from its start (the signing date, or — when only a covering
letter is dated — that letter's date, drawn hatched as "signed by then") to its end
(stated: solid; inferred: lighter, with the basis in the bar's tooltip). An agreement
without a known end runs to the chart's right edge with an arrow ("open-ended").
Every text is escaped; nothing is fetched.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("A", type="Agreement", name="MOU", date="2022-06-16", duration_years=3.0)
>>> svg = timeline_svg(g)
>>> svg.startswith("<svg") and svg.count('class="bar') == 1 and "2025" in svg
True
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

import networkx as nx

from phakhi.views.escape import html_text

WIDTH = 960
LABEL_WIDTH = 300
ROW = 28
TOP = 30
STATED, INFERRED, OPEN = "#1565c0", "#90caf9", "#bdbdbd"


def chart_rows(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Agreements with a known start: label, start, end, what each is based on."""
    from phakhi.queries.labels import agreement_labels
    from phakhi.queries.nx_impl import agreement_end_basis, covering_letter_date, parse_date

    labels = agreement_labels(graph)
    rows = []
    for a in labels:
        attrs = graph.nodes[a]
        letter = covering_letter_date(graph, a)
        signed = parse_date(attrs.get("date"))
        start = signed or letter
        if start is None:
            continue
        end, basis = agreement_end_basis(attrs, letter)
        rows.append({"id": a, "label": labels[a], "start": start, "end": end, "basis": basis,
                     "start_basis": "signed" if signed else "covering letter (signed by then)"})
    rows.sort(key=lambda r: (r["start"], r["label"]))
    return rows


def timeline_svg(graph: nx.MultiDiGraph, today: _dt.date | None = None) -> str:
    """The chart, or '' when no agreement has a known start."""
    rows = chart_rows(graph)
    if not rows:
        return ""
    first = min(r["start"] for r in rows)
    last = max([r["end"] or r["start"] for r in rows] + [today or _dt.date.today()])
    lo, hi = _dt.date(first.year, 1, 1), _dt.date(last.year + 1, 1, 1)
    span = (hi - lo).days or 1
    x0, x1 = LABEL_WIDTH, WIDTH - 20

    def x(d: _dt.date) -> float:
        return round(x0 + (d - lo).days / span * (x1 - x0), 1)

    height = TOP + ROW * len(rows) + 10
    parts = [f'<svg class="timeline-chart" role="img" '
             f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
             f'aria-label="ลำดับเวลาข้อตกลง (agreements on a time axis)">',
             '<defs><pattern id="signed-by" width="6" height="6" patternUnits="userSpaceOnUse" '
             'patternTransform="rotate(45)"><rect width="3" height="6" fill="#1565c0"/></pattern></defs>']
    for year in range(lo.year, hi.year + 1):
        xx = x(_dt.date(year, 1, 1))
        parts.append(f'<line x1="{xx}" y1="{TOP - 8}" x2="{xx}" y2="{height - 6}" stroke="#e0e0e0"/>'
                     f'<text x="{xx + 3}" y="{TOP - 12}" font-size="11" fill="#616161">{year} '
                     f'({year + 543})</text>')
    for i, r in enumerate(rows):
        y = TOP + i * ROW
        start, end = x(r["start"]), x(r["end"]) if r["end"] else x1
        inferred = bool(r["basis"]) and r["basis"].startswith("inferred")
        colour = OPEN if r["end"] is None else INFERRED if inferred else STATED
        fill = "url(#signed-by)" if r["start_basis"] != "signed" else colour
        tip = (f"{r['label']}: {r['start'].isoformat()} ({r['start_basis']}) → "
               + (f"{r['end'].isoformat()} ({r['basis']})" if r["end"] else "open-ended (no end stated)"))
        kind = "open" if r["end"] is None else "inferred" if inferred else "stated"
        parts.append(f'<text x="{x0 - 8}" y="{y + 17}" font-size="13" text-anchor="end">'
                     f'{html_text(r["label"])}</text>')
        parts.append(f'<g class="bar {kind}"><title>{html_text(tip)}</title>'
                     f'<rect x="{start}" y="{y + 5}" width="{max(3.0, end - start):.1f}" height="16" rx="3" '
                     f'fill="{fill}" stroke="{colour}"/>')
        if r["end"] is None:
            parts.append(f'<path d="M{x1 - 8},{y + 3} L{x1},{y + 13} L{x1 - 8},{y + 23}" fill="none" '
                         f'stroke="#757575" stroke-width="2"/>')
        else:
            parts.append(f'<text x="{min(end + 4, x1 - 60)}" y="{y + 17}" font-size="11" fill="#424242">'
                         f'{r["end"].isoformat()}{" *" if inferred else ""}</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)
