"""The graph page as text: self-contained, escaped, drawn the way its size asks."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from phakhi.views.escape import html_text, script_json
from phakhi.views.html import (ViewError, external_references, graph_payload, neighbourhood,
                               render_graph_view)


def payload_of(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="phakhi-data">(.*?)</script>', page, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def test_script_json_cannot_close_the_script_element() -> None:
    value = {"name": "</script><script>alert(1)</script>", "x": "a\u2028b\u2029c & <!-- d -->"}
    text = script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == value


def test_html_text_escapes_markup_and_addresses() -> None:
    assert html_text('<img src=x onerror="x">') == "&lt;img src=x onerror=&quot;x&quot;&gt;"
    assert "://" not in html_text("see https://example.org")
    assert html_text("กรมการปกครอง") == "กรมการปกครอง"


def test_page_is_self_contained_utf8_with_thai_fonts(small_graph) -> None:
    page = render_graph_view(small_graph, title="กราฟทดสอบ")
    assert external_references(page) == []
    assert not re.search(r"https?://", page)
    assert re.search(r"<(?:script|link|img|iframe)[^>]*\b(?:src|href)=", page) is None
    assert '<meta charset="utf-8">' in page
    assert '"Noto Sans Thai"' in page and "Loma" in page and "Garuda" in page
    assert "<title>กราฟทดสอบ</title>" in page
    assert "vis-network" in page  # the library is inlined, not linked


def test_payload_styles_and_names_come_from_the_ontology(small_graph) -> None:
    data = graph_payload(small_graph)
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id["ref:moi"]["shape"] == "diamond" and by_id["ref:moi"]["color"] == "#0d47a1"
    assert "ปค." in by_id["ref:dopa"]["terms"] and "Department of Provincial Administration" in by_id["ref:dopa"]["terms"]
    assert "กรม · Department" in by_id["ref:dopa"]["title"]
    assert "d1.txt: กรมการปกครองลงนามบันทึกข้อตกลงความร่วมมือ" in by_id["ref:dopa"]["title"]
    legend = {e["type"]: e for e in data["legend"]["nodes"]}
    assert legend["Department"]["name_th"] == "กรม" and legend["Department"]["count"] == 2
    rels = {e["type"]: e for e in data["legend"]["edges"]}
    assert rels["PARTY_TO"]["count"] == 4 and rels["PARTY_TO"]["color"] == "#fbc02d"
    assert data["mode"] == "physics" and data["options"]["physics"]["enabled"] is True


def test_names_with_markup_appear_only_escaped(xss_graph, xss_names) -> None:
    page = render_graph_view(xss_graph, title=xss_names[0])
    for bad in xss_names:
        assert bad not in page
    assert "<title>&lt;script&gt;" in page
    assert page.count("</script>") == 3  # vis, data, our script: nothing else closes one
    assert {n["label"] for n in payload_of(page)["nodes"]} >= set(xss_names)


def test_big_graph_gets_positions_and_no_physics(make_big_graph) -> None:
    data = graph_payload(make_big_graph(1600), layout_threshold=1500)
    assert data["mode"] == "layout"
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n.get("x"), float) and isinstance(n.get("y"), float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) > 1500  # spread out, not stacked
    assert "physics off" in data["message"]


def test_huge_graph_is_aggregated_by_ministry_and_province(make_big_graph) -> None:
    g = make_big_graph(900)
    data = graph_payload(g, max_nodes=800)
    assert data["mode"] == "aggregated" and "aggregated" in data["message"]
    kinds = {grp["kind"] for grp in data["groups"].values()}
    assert {"ministry", "province"} <= kinds
    assert sum(grp["count"] for grp in data["groups"].values()) == 900
    members = {m["id"]: m["group_id"] for m in data["members"]}
    dept = next(n for n, a in g.nodes(data=True) if a["type"] == "Department")
    ministry = next(v for _, v, d in g.out_edges(dept, data=True) if d["type"] == "PART_OF")
    assert members[dept] == f"group:{ministry}"
    assert len(data["memberEdges"]) == g.number_of_edges()


def test_focus_and_depth_keep_the_neighbourhood(small_graph) -> None:
    one = neighbourhood(small_graph, ["ref:moi"], 1)
    assert set(one) == {"ref:moi", "ref:dopa", "ref:cdd"}
    two = neighbourhood(small_graph, ["ref:moi"], 2)
    assert {"Agreement:mou1", "ref:bkk"} <= set(two)
    data = payload_of(render_graph_view(small_graph, focus="ref:moi", depth=1))
    assert sorted(n["id"] for n in data["nodes"]) == ["ref:cdd", "ref:dopa", "ref:moi"]
    assert data["focus"] == ["ref:moi"]
    with pytest.raises(ViewError, match="not in the graph"):
        render_graph_view(small_graph, focus="ref:nothing")


def test_empty_graph_still_renders() -> None:
    page = render_graph_view(nx.MultiDiGraph())
    assert payload_of(page)["nodes"] == []


def test_plain_networkx_graphs_are_accepted() -> None:
    g = nx.DiGraph()
    g.add_node(1, type="Department", name="กรมหนึ่ง")
    g.add_node(2, type="Ministry", name="กระทรวงสอง")
    g.add_node(3, type="Ministry", name="กระทรวงสาม")
    g.add_edge(1, 2, type="PART_OF")
    g.add_edge(1, 3, type="PART_OF")  # NetworkX keys both edges 0 in a multigraph copy
    data = graph_payload(g)
    assert sorted(n["id"] for n in data["nodes"]) == ["1", "2", "3"]
    assert len({e["id"] for e in data["edges"]}) == 2
    assert {(e["from"], e["to"]) for e in data["edges"]} == {("1", "2"), ("1", "3")}
