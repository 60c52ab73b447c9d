"""A readable, self-contained summary page of the graph (no script at all).

Sections: the documents (when given), counts per type, top partners (PARTY_TO co-parties), brokers (betweenness),
the agreements timeline (dated in order, undated apart), trainer coverage by province ×
department (0 and unknown told apart, totals), validation warnings. Names link into the
graph view (``view.html#node=<id>``), which focuses that node.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("ref:dopa", type="Department", name="กรมการปกครอง")
>>> g.add_node("mou:1", type="Agreement", name="บันทึกข้อตกลง", date="2024-03-01")
>>> _ = g.add_edge("ref:dopa", "mou:1", type="PARTY_TO")
>>> page = render_report(g)
>>> 'href="view.html#node=ref%3Adopa"' in page
True
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import quote

import networkx as nx

from phakhi.graph.model import DocumentInfo, Issue
from phakhi.queries.labels import agreement_labels, thai_date
from phakhi.queries.paths import documents_root, shown_path
from phakhi.views.timeline_chart import timeline_svg
from phakhi.views import analysis
from phakhi.views.escape import html_text
from phakhi.views.html import render_page
from phakhi.views.styles import THAI_FONT_STACK, edge_style, node_style, type_names

DEFAULT_TITLE = "phakhi · ภาคี — รายงานสรุป (summary report)"


class _Page:
    """Builds escaped HTML: every value from the graph goes through :func:`html_text`."""

    def __init__(self, graph: nx.MultiDiGraph, view_href: str | None) -> None:
        self.graph = graph
        self.view_href = view_href
        self.parts: list[str] = []
        self.labels = agreement_labels(graph)  # two MOUs with one title must not look alike

    def add(self, markup: str) -> None:
        self.parts.append(markup)

    def node(self, node_id: str) -> str:
        """The node's name, linked to the graph view when there is one."""
        name = html_text(self.labels.get(node_id) or analysis.name_of(self.graph, node_id))
        title = f' title="{html_text(analysis.name_of(self.graph, node_id))}"' if node_id in self.labels else ""
        if not self.view_href:
            return f"<span{title}>{name}</span>" if title else name
        href = f"{self.view_href}#node={quote(node_id, safe='')}"
        return f'<a href="{html_text(href)}"{title}>{name}</a>'

    def table(self, headers: list[str], rows: list[list[str]], cls: str = "") -> None:
        """``rows`` cells are already markup (escaped by the caller)."""
        head = "".join(f"<th>{html_text(h)}</th>" for h in headers)
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        self.add(f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')


def _date_cell(iso: str) -> str:
    if not iso:
        return "—"
    return f'<time datetime="{html_text(iso)}">{html_text(thai_date(iso))}</time><br><small>{html_text(iso)}</small>'


def _swatch(colour: str) -> str:
    return f'<span class="swatch" style="background:{html_text(colour)}"></span>'


def _counts(page: _Page) -> None:
    g = page.graph
    page.add('<section id="counts"><h2>จำนวนตามประเภท (counts per type)</h2>')
    page.add(f"<p>{g.number_of_nodes():,} โหนด (nodes) · {g.number_of_edges():,} "
             f"ความสัมพันธ์ (relationships)</p>")
    nodes = Counter(str(a.get("type", "")) for _, a in g.nodes(data=True))
    edges = Counter(str(a.get("type", "")) for _, _, a in g.edges(data=True))
    page.table(["ประเภท (type)", "ชื่อ (name)", "จำนวน (count)"],
               [[_swatch(node_style(t)["color"]) + html_text(t),
                 html_text(" · ".join(type_names(t))), f"{c:,}"] for t, c in nodes.most_common()],
               "counts")
    page.table(["ความสัมพันธ์ (relationship)", "ชื่อ (name)", "จำนวน (count)"],
               [[_swatch(edge_style(t)["color"]) + html_text(t),
                 html_text(" · ".join(type_names(t))), f"{c:,}"] for t, c in edges.most_common()],
               "counts")
    page.add("</section>")


def _partners(page: _Page) -> None:
    page.add('<section id="partners"><h2>คู่ภาคีหลัก (top partners)</h2>')
    top = analysis.top_partners(page.graph)
    if not top:
        page.add("<p class='empty'>ไม่มีข้อมูลคู่ภาคี (no PARTY_TO relationships)</p></section>")
        return
    page.table(["หน่วยงาน (agent)", "คู่ภาคี (distinct partners)", "ข้อตกลง (agreements)"],
               [[page.node(r["id"]), str(r["partners"]), str(r["agreements"])] for r in top])
    pairs = analysis.partner_pairs(page.graph)
    if pairs:
        page.add("<h3>คู่ที่ร่วมลงนามบ่อย (pairs of co-parties)</h3>")
        page.table(["ภาคี ก (party A)", "ภาคี ข (party B)", "ข้อตกลงร่วม (shared)", "ข้อตกลง (agreements)"],
                   [[page.node(r["a"]), page.node(r["b"]), str(r["shared"]),
                     ", ".join(page.node(a) for a in r["agreements"][:5])] for r in pairs])
    page.add("</section>")


def _brokers(page: _Page) -> None:
    page.add('<section id="brokers"><h2>ผู้เชื่อมประสาน (brokers: betweenness)</h2>')
    rows = analysis.brokers(page.graph)
    if not rows:
        page.add("<p class='empty'>ไม่มีข้อมูล (none)</p></section>")
        return
    page.table(["หน่วยงาน (agent)", "ประเภท (type)", "betweenness", "degree"],
               [[page.node(r["id"]), html_text(type_names(str(page.graph.nodes[r["id"]].get("type", "")))[0]),
                 f"{r['betweenness']:.3f}", str(r["degree"])] for r in rows])
    page.add("</section>")


def _timeline(page: _Page) -> None:
    page.add('<section id="timeline"><h2>ลำดับเวลาข้อตกลง (agreements timeline)</h2>')
    chart = timeline_svg(page.graph)
    if chart:
        page.add("<p class='legend'>แถบทึบ = วันสิ้นสุดที่ระบุ (stated end) · แถบจาง + * = วันสิ้นสุดที่อนุมาน "
                 "(inferred end: signing or covering-letter date + duration) · แถบลาย = ลงนามไม่เกินวันที่ของหนังสือนำส่ง "
                 "(signed by the covering letter's date) · ลูกศร = ไม่ระบุวันสิ้นสุด (open-ended)</p>")
        page.add(f"<figure class='chart'>{chart}</figure>")
    tl = analysis.agreements_timeline(page.graph)

    def rows(items: list[dict[str, Any]], dated: bool) -> list[list[str]]:
        out = []
        for r in items:
            when = _date_cell(r["date"]) if dated else html_text(r["date_as_written"] or "—")
            out.append([when, page.node(r["id"]), ", ".join(page.node(p) for p in r["parties"]) or "—",
                        html_text(r["duration"] or "—"), _date_cell(r["end_date"])])
        return out

    headers = ["วันที่ (date)", "ข้อตกลง (agreement)", "คู่ภาคี (parties)", "ระยะเวลา (duration)",
               "สิ้นสุด (end)"]
    if tl["dated"]:
        page.table(headers, rows(tl["dated"], True), "timeline")
    else:
        page.add("<p class='empty'>ไม่มีข้อตกลงที่ระบุวันที่ (no dated agreements)</p>")
    page.add(f"<h3 id='undated'>ไม่ระบุวันที่ (undated): {len(tl['undated'])}</h3>")
    if tl["undated"]:
        headers[0] = "ตามที่เขียน (as written)"
        page.table(headers, rows(tl["undated"], False), "undated")
    page.add("</section>")


def _coverage_cell(cell: tuple[int | None, bool] | None) -> str:
    if cell is None:
        return "<span class='nodata' title='ไม่มีรายงาน (not reported)'>·</span>"
    known, unknown = cell
    if known is None:
        return "<span class='unknown' title='ช่องว่าง: ไม่ทราบ (blank: unknown)'>?</span>"
    text = f"{known:,}" + ("+?" if unknown else "")
    cls = "zero" if known == 0 and not unknown else ("partial" if unknown else "count")
    return f"<span class='{cls}'>{text}</span>"


def _coverage(page: _Page) -> None:
    page.add('<section id="coverage"><h2>วิทยากรรายจังหวัด × หน่วยงาน (trainer coverage)</h2>')
    tables = analysis.trainer_coverage(page.graph)
    if not tables:
        page.add("<p class='empty'>ไม่มีข้อมูลวิทยากร (no HAS_TRAINERS relationships)</p></section>")
        return
    page.add("<p class='legend'><span class='zero'>0</span> = ไม่มีวิทยากร (none: a gap) · "
             "<span class='unknown'>?</span> = ช่องว่างในตาราง ไม่ทราบ (blank cell: unknown) · "
             "<span class='nodata'>·</span> = ไม่มีรายงาน (not reported) · "
             "<span class='partial'>n+?</span> = บางส่วนไม่ทราบ (partly unknown)</p>")
    for cov in tables:
        if cov.title:
            page.add(f"<h3>{html_text(cov.title)}</h3>")
        headers = ["จังหวัด (province)"] + [analysis.name_of(page.graph, d) for d in cov.departments] \
            + ["รวม (total)"]
        rows = []
        for p in cov.provinces:
            rows.append([page.node(p)] + [_coverage_cell(cov.cells.get((p, d))) for d in cov.departments]
                        + [_coverage_cell(cov.row_total(p))])
        rows.append(["<strong>รวม (total)</strong>"]
                    + [_coverage_cell(cov.column_total(d)) for d in cov.departments]
                    + [_coverage_cell(cov.total())])
        zeros = sum(1 for known, unknown in cov.cells.values() if known == 0 and not unknown)
        unknowns = sum(1 for known, _ in cov.cells.values() if known is None)
        page.add(f"<p class='legend'>{len(cov.provinces)} จังหวัด (provinces) · ช่องที่เป็น 0: {zeros} · "
                 f"ไม่ทราบ: {unknowns}</p>")
        page.table(headers, rows, "coverage")
    page.add("</section>")


def _issues(page: _Page, issues: list[Issue], root: Any = None) -> None:
    page.add(f'<section id="issues"><h2>คำเตือนจากการตรวจสอบ (validation warnings): {len(issues)}</h2>')
    if not issues:
        page.add("<p class='empty'>ไม่มี (none)</p></section>")
        return
    order = {"error": 0, "warning": 1}
    issues = sorted(issues, key=lambda i: (order.get(i.level, 2), i.path or i.doc_id, i.code))
    # messages may quote a path too: the machine's folders stay out of the page
    issues = [_without_root(i, root) for i in issues]
    page.table(["ระดับ (level)", "เอกสาร (document)", "รหัส (code)", "ข้อความ (message)"],
               [[f"<span class='{'error' if i.level == 'error' else 'warning'}'>{html_text(i.level)}</span>",
                 html_text(shown_path(i.path, root) if i.path else i.doc_id), html_text(i.code),
                 html_text(i.message)] for i in issues],
               "issues")
    page.add("</section>")


def _without_root(issue: Issue, root: Any) -> Issue:
    if root is None or str(root) not in (issue.message or ""):
        return issue
    from dataclasses import replace

    return replace(issue, message=issue.message.replace(str(root) + "/", "").replace(str(root), "."))


def _documents(page: _Page, documents: list[DocumentInfo], root: Any = None) -> None:
    where = f" — จากโฟลเดอร์ (from the folder) {html_text(root.name)}/" if root is not None and root.name else ""
    page.add(f'<section id="documents"><h2>เอกสาร (documents): {len(documents)}{where}</h2>')
    rows = [[html_text(shown_path(d.path, root) if d.path else d.doc_id), html_text(d.title or "—"), html_text(d.kind or "—"),
             html_text(d.date or "—"), f"{d.node_count:,}", f"{d.edge_count:,}"]
            for d in sorted(documents, key=lambda d: d.path or d.doc_id)]
    page.table(["ไฟล์ (file)", "ชื่อเรื่อง (title)", "ประเภท (kind)", "วันที่ (date)", "โหนด (nodes)",
                "เส้น (edges)"], rows, "documents")
    page.add("</section>")


def render_report(graph: nx.MultiDiGraph, issues: Iterable[Issue] = (), *, title: str | None = None,
                  view_href: str | None = "view.html",
                  documents: Iterable[DocumentInfo] | None = None) -> str:
    """The report page as one self-contained HTML string (``documents``: the store's, listed
    when given)."""
    page = _Page(graph, view_href)
    documents = list(documents) if documents is not None else None
    # paths relative to where the documents were ingested from, never this machine's folders
    root = documents_root(d.path for d in documents or [])
    if documents is not None:
        _documents(page, documents, root)
    _counts(page)
    _partners(page)
    _brokers(page)
    _timeline(page)
    _coverage(page)
    _issues(page, list(issues), root)
    nav = ('<a href="#documents">เอกสาร</a> · ' if documents is not None else "")
    nav += ('<a href="#counts">จำนวน</a> · <a href="#partners">คู่ภาคี</a> · <a href="#brokers">'
           'ผู้เชื่อมประสาน</a> · <a href="#timeline">ลำดับเวลา</a> · <a href="#coverage">วิทยากร</a> · '
           '<a href="#issues">คำเตือน</a>')
    if view_href:
        nav += f' · <a href="{html_text(view_href)}">กราฟ (graph view)</a>'
    return render_page("report.html", {"title": html_text(title or DEFAULT_TITLE), "font": THAI_FONT_STACK,
                                       "nav": nav, "body": "\n".join(page.parts)})


def write_report(graph: nx.MultiDiGraph, path: str | Path, issues: Iterable[Issue] = (),
                 **kwargs: Any) -> Path:
    path = Path(path)
    path.write_text(render_report(graph, issues, **kwargs), encoding="utf-8")
    return path
