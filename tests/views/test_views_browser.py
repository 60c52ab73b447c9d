"""The graph view and the report in real headless Chromium, opened from file://."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from phakhi.graph.model import Issue
from phakhi.views.html import write_graph_view
from phakhi.views.report import write_report

pytestmark = pytest.mark.browser


def only_local(requests: list[str]) -> list[str]:
    """Requests that left the machine (anything but file: and data:)."""
    return [u for u in requests if not (u.startswith("file:") or u.startswith("data:"))]


def test_view_loads_offline_draws_every_node_and_renders_thai(browser, small_graph, ink, tmp_path: Path) -> None:
    path = write_graph_view(small_graph, tmp_path / "view.html")
    loaded = browser.open(path)
    assert loaded.errors == []
    assert only_local(loaded.requests) == []
    assert loaded.js("window.phakhi.nodes.length") == small_graph.number_of_nodes()
    assert loaded.js("window.phakhi.edges.length") == small_graph.number_of_edges()
    assert loaded.js("document.characterSet") == "UTF-8"
    # the legend shows Thai and English type names from the ontology
    legend = loaded.js("document.getElementById('phakhi-legend-nodes').textContent")
    assert "กรม" in legend and "Department" in legend and "กระทรวง" in legend
    # a Thai label is drawn: the area under the node on the canvas is not blank
    # vis keeps each label's box in canvas coordinates; map it to the page
    clip = loaded.js("""() => {
        const net = window.phakhi.network, id = 'ref:dopa';
        net.moveTo({position: net.getPositions([id])[id], scale: 1.5});
        net.redraw();
        const size = net.body.nodes[id].labelModule.size;
        const a = net.canvasToDOM({x: size.left, y: size.top});
        const b = net.canvasToDOM({x: size.left + size.width, y: size.top + size.height});
        const r = document.getElementById('phakhi-graph').getBoundingClientRect();
        return {x: r.left + a.x - 2, y: r.top + a.y - 2, width: b.x - a.x + 4, height: b.y - a.y + 4};
    }""")
    assert clip["width"] > 40 and clip["height"] > 10, clip
    png = loaded.page.screenshot(clip=clip)
    (tmp_path / "label.png").write_bytes(png)
    share = ink(png)
    assert 0.01 < share < 0.6, share
    loaded.page.close()


def test_search_by_thai_alias_focuses_the_node(browser, small_graph, tmp_path: Path) -> None:
    loaded = browser.open(write_graph_view(small_graph, tmp_path / "view.html"))
    loaded.page.fill("#phakhi-search", "พช.")
    loaded.page.press("#phakhi-search", "Enter")
    assert loaded.js("window.phakhi.network.getSelectedNodes()") == ["ref:cdd"]
    loaded.page.fill("#phakhi-search", "ปค")  # the abbreviation without its dot
    loaded.page.press("#phakhi-search", "Enter")
    assert loaded.js("window.phakhi.network.getSelectedNodes()") == ["ref:dopa"]
    loaded.page.fill("#phakhi-search", "Ministry of Interior")
    loaded.page.press("#phakhi-search", "Enter")
    assert loaded.js("window.phakhi.network.getSelectedNodes()") == ["ref:moi"]
    assert "ไม่พบ" not in loaded.js("document.getElementById('phakhi-search-status').textContent")
    loaded.page.close()


def test_url_hash_focuses_node_and_type_toggle_hides(browser, small_graph, tmp_path: Path) -> None:
    path = write_graph_view(small_graph, tmp_path / "view.html")
    loaded = browser.open(path, fragment="#node=" + quote("Person:สมชาย", safe=""))
    assert loaded.js("window.phakhi.network.getSelectedNodes()") == ["Person:สมชาย"]
    loaded.js("location.hash = '#node=' + encodeURIComponent('ref:moi')")  # a later link
    loaded.page.wait_for_timeout(100)
    assert loaded.js("window.phakhi.network.getSelectedNodes()") == ["ref:moi"]
    loaded.js("location.hash = '#node=ref%3Anowhere'")
    loaded.page.wait_for_timeout(100)
    assert "not in this view" in loaded.js("document.getElementById('phakhi-search-status').textContent")
    loaded.page.click("input[data-node-type=Department]")
    hidden = loaded.js("window.phakhi.nodes.get().filter(n => n.hidden).map(n => n.id).sort()")
    assert hidden == ["ref:cdd", "ref:dopa"]
    loaded.page.click("input[data-edge-type=PARTY_TO]")
    assert loaded.js("window.phakhi.edges.get().filter(e => e.hidden && e.rtype === 'PARTY_TO').length") == 4
    loaded.page.close()


def test_names_that_look_like_html_run_nothing(browser, xss_graph, xss_names, tmp_path: Path) -> None:
    view = write_graph_view(xss_graph, tmp_path / "view.html", title=xss_names[1])
    report = write_report(xss_graph, tmp_path / "report.html",
                          [Issue("warning", "total_mismatch", xss_names[1], path=xss_names[0])])
    loaded = browser.open(view)
    # the nodes are there, shown as text
    assert loaded.js("window.phakhi.nodes.length") == xss_graph.number_of_nodes()
    loaded.js("window.phakhi.focusNode('Person:bad1')")
    assert xss_names[1] in loaded.js("document.getElementById('phakhi-details').textContent")
    # hover the node: vis shows its tooltip, which must hold the name as text
    spot = loaded.js("""() => { const net = window.phakhi.network, id = 'Person:bad1';
        const p = net.canvasToDOM(net.getPositions([id])[id]);
        const r = document.getElementById('phakhi-graph').getBoundingClientRect();
        return {x: r.left + p.x, y: r.top + p.y}; }""")
    loaded.page.mouse.move(spot["x"], spot["y"])
    loaded.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    assert xss_names[1] in loaded.js("document.querySelector('div.vis-tooltip').textContent")
    loaded.page.fill("#phakhi-search", xss_names[0])
    loaded.page.press("#phakhi-search", "Enter")
    loaded.page.wait_for_timeout(300)  # an onerror handler would have fired by now
    assert loaded.js("typeof window.__xss") == "undefined"
    assert loaded.js("document.querySelectorAll('img').length") == 0
    assert only_local(loaded.requests) == []
    page = browser.open(report, wait_stable=False)
    page.page.wait_for_timeout(300)
    assert page.js("typeof window.__xss") == "undefined"
    assert page.js("document.querySelectorAll('img, script').length") == 0
    assert xss_names[0] in page.js("document.body.textContent")
    assert only_local(page.requests) == []
    assert page.errors == []
    loaded.page.close()
    page.page.close()


def test_report_links_open_the_view_on_that_node(browser, small_graph, tmp_path: Path) -> None:
    write_graph_view(small_graph, tmp_path / "view.html")
    report = write_report(small_graph, tmp_path / "report.html", view_href="view.html")
    page = browser.open(report, wait_stable=False)
    assert page.errors == [] and only_local(page.requests) == []
    page.page.click("#timeline a[href$='#node=Agreement%3Amou1']")  # shown by its short label
    page.page.wait_for_selector("body[data-stabilized=true]", state="attached", timeout=60_000)
    assert page.js("window.phakhi.network.getSelectedNodes()") == ["Agreement:mou1"]
    page.page.close()


def test_two_thousand_nodes_precomputed_layout_physics_off(browser, make_big_graph, tmp_path: Path) -> None:
    g = make_big_graph(2000)
    loaded = browser.open(write_graph_view(g, tmp_path / "big.html"))
    assert loaded.errors == [] and only_local(loaded.requests) == []
    assert loaded.js("window.phakhi.data.mode") == "layout"
    assert loaded.js("window.phakhi.network.physics.options.enabled") is False
    assert loaded.js("window.phakhi.nodes.length") == 2000
    # every node carries its precomputed position, and is drawn there
    assert loaded.js("window.phakhi.nodes.get().every(n => typeof n.x === 'number' && typeof n.y === 'number')")
    n0 = loaded.js("(() => { const n = window.phakhi.nodes.get()[0]; "
                   "const p = window.phakhi.network.getPositions([n.id])[n.id]; "
                   "return [n.x, n.y, p.x, p.y]; })()")
    assert n0[0] == pytest.approx(n0[2], abs=1) and n0[1] == pytest.approx(n0[3], abs=1)
    assert "physics off" in loaded.js("document.getElementById('phakhi-message').textContent")
    loaded.page.close()


def test_six_thousand_nodes_aggregated_with_drill_down(browser, make_big_graph, tmp_path: Path) -> None:
    g = make_big_graph(6000)
    loaded = browser.open(write_graph_view(g, tmp_path / "huge.html"))
    assert loaded.errors == [] and only_local(loaded.requests) == []
    assert loaded.js("!document.getElementById('phakhi-message').hidden")
    text = loaded.js("document.getElementById('phakhi-message').textContent")
    assert "aggregated" in text and "6,000" in text
    groups = loaded.js("Object.keys(window.phakhi.data.groups).length")
    assert loaded.js("window.phakhi.nodes.length") == groups < 100
    # a click on a group loads its members
    gid = "group:ref:m3"
    members = sum(1 for n in g if n == "ref:m3" or any(
        d.get("type") == "PART_OF" and v == "ref:m3" for _, v, d in g.out_edges(n, data=True)))
    pos = loaded.js("""(gid) => { const net = window.phakhi.network;
        net.moveTo({position: net.getPositions([gid])[gid], scale: 1, animation: false});
        const p = net.canvasToDOM(net.getPositions([gid])[gid]);
        const r = document.getElementById('phakhi-graph').getBoundingClientRect();
        return {x: r.left + p.x, y: r.top + p.y}; }""", gid)
    loaded.page.mouse.click(pos["x"], pos["y"])
    assert loaded.js("window.phakhi.nodes.get('ref:m3') !== null")
    assert loaded.js("window.phakhi.nodes.length") == groups - 1 + members
    # search finds a member of a group that is still closed
    loaded.page.fill("#phakhi-search", "จังหวัดที่ 7")
    loaded.page.press("#phakhi-search", "Enter")
    assert loaded.js("window.phakhi.network.getSelectedNodes()") == ["ref:p7"]
    loaded.page.close()


def test_content_security_policy_blocks_markup_that_slipped_in(browser, small_graph, xss_names,
                                                               tmp_path: Path) -> None:
    # Defence in depth: were escaping ever to fail, the page allows only its own two
    # scripts (by hash), so injected script and event handlers still do not run.
    page = (tmp_path / "view.html")
    text = write_graph_view(small_graph, page).read_text(encoding="utf-8")
    page.write_text(text.replace("<body>", "<body>" + "".join(xss_names), 1), encoding="utf-8")
    loaded = browser.open(page)
    loaded.page.wait_for_timeout(300)
    assert loaded.js("typeof window.__xss") == "undefined"
    assert loaded.js("window.phakhi.nodes.length") == small_graph.number_of_nodes()  # ours ran
    assert any("Content Security Policy" in e for e in loaded.errors)
    loaded.page.close()
