"""The report page and the numbers behind it."""
from __future__ import annotations

import re

from phakhi.graph.model import Issue
from phakhi.views import analysis
from phakhi.views.html import external_references
from phakhi.views.report import render_report


def section(page: str, sid: str) -> str:
    m = re.search(rf'<section id="{sid}">(.*?)</section>', page, re.S)
    assert m, sid
    return m.group(1)


def test_report_is_self_contained_and_has_every_section(small_graph) -> None:
    page = render_report(small_graph, [])
    assert external_references(page) == [] and "<script" not in page
    assert '<meta charset="utf-8">' in page
    for sid in ("counts", "partners", "brokers", "timeline", "coverage", "issues"):
        section(page, sid)


def test_partners_and_brokers(small_graph) -> None:
    top = analysis.top_partners(small_graph)
    assert top[0]["id"] == "ref:ect" and top[0]["partners"] == 2 and top[0]["agreements"] == 2
    pairs = {(r["a"], r["b"]): r["shared"] for r in analysis.partner_pairs(small_graph)}
    assert pairs == {("ref:dopa", "ref:ect"): 1, ("ref:cdd", "ref:ect"): 1}
    brokers = [r["id"] for r in analysis.brokers(small_graph)]
    assert brokers and set(brokers) <= {"ref:moi", "ref:dopa", "ref:cdd", "ref:ect",
                                         "VolunteerNetwork:ศส.ปชต.", "Person:สมชาย"}
    assert "Agreement:mou1" not in brokers  # agreements are not agents


def test_timeline_orders_dated_and_lists_undated_apart(small_graph) -> None:
    small_graph.add_node("Agreement:early", type="Agreement", name="ข้อตกลงเก่า", date="2019-01-02")
    tl = analysis.agreements_timeline(small_graph)
    assert [r["id"] for r in tl["dated"]] == ["Agreement:early", "Agreement:mou1"]
    assert [r["id"] for r in tl["undated"]] == ["Agreement:mou2"]
    page = render_report(small_graph)
    timeline = section(page, "timeline")
    assert timeline.index("2019-01-02") < timeline.index("2022-06-16")
    assert "ไม่ระบุวันที่ (undated): 1" in timeline
    assert "16 มิ.ย. 2565" in timeline and "16 มิ.ย. 2568" in timeline  # signed, and its end


def test_trainer_coverage_tells_zero_from_unknown_and_totals(small_graph) -> None:
    (cov,) = analysis.trainer_coverage(small_graph)
    assert cov.cells[("ref:bkk", "ref:dopa")] == (12, False)
    assert cov.cells[("ref:cmi", "ref:dopa")] == (0, False)
    assert cov.cells[("ref:bkk", "ref:cdd")] == (None, True)
    assert ("ref:cmi", "ref:cdd") not in cov.cells
    assert cov.row_total("ref:bkk") == (12, True) and cov.column_total("ref:dopa") == (12, False)
    table = section(render_report(small_graph), "coverage")
    assert "<span class='zero'>0</span>" in table
    assert "<span class='unknown'" in table and "<span class='nodata'" in table
    assert "<span class='partial'>12+?</span>" in table  # the grand total: 12 known, some unknown


def test_links_point_into_the_view(small_graph) -> None:
    page = render_report(small_graph, view_href="graph.html")
    assert 'href="graph.html#node=Agreement%3Amou1"' in page
    assert 'href="graph.html#node=ref%3Aect"' in page
    unlinked = render_report(small_graph, view_href=None)
    assert "#node=" not in unlinked


def test_issues_and_names_are_escaped(xss_graph, xss_names) -> None:
    issues = [Issue("warning", "total_mismatch", xss_names[1], path="t.txt"),
              Issue("error", "unreadable", "cannot read", path=xss_names[0])]
    page = render_report(xss_graph, issues, title=xss_names[0])
    for bad in xss_names:
        assert bad not in page
    assert "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;" in section(page, "issues")
    assert "validation warnings): 2" in page
    issues_html = section(page, "issues")
    assert issues_html.index("unreadable") < issues_html.index("total_mismatch")  # errors first


def test_trainer_tables_of_different_kinds_stay_apart(small_graph) -> None:
    small_graph.add_edge("ref:bkk", "ref:dopa", key="HAS_TRAINERS:main", type="HAS_TRAINERS",
                         count=4, trainer_type="วิทยากรหลัก", year=2020)
    tables = analysis.trainer_coverage(small_graph)
    assert [t.title for t in tables] == ["", "วิทยากรหลัก · 2020"]
    assert tables[0].cells[("ref:bkk", "ref:dopa")] == (12, False)  # not 16: kinds are not summed
    assert tables[1].cells == {("ref:bkk", "ref:dopa"): (4, False)}
    assert "<h3>วิทยากรหลัก · 2020</h3>" in section(render_report(small_graph), "coverage")


def test_provinces_in_thai_dictionary_order(small_graph) -> None:
    small_graph.add_node("ref:prae", type="Province", name="แพร่")
    small_graph.add_node("ref:kkn", type="Province", name="ขอนแก่น")
    ordered = analysis.thai_sorted(small_graph, ["ref:prae", "ref:cmi", "ref:kkn", "ref:bkk"])
    assert ordered == ["ref:bkk", "ref:kkn", "ref:cmi", "ref:prae"]  # เชียงใหม่ files under ช
