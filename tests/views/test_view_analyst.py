"""Issue 13 points 4 and 9: the default whole-graph view is readable — the partnership layer,
labels for hubs (the rest on hover), satellites collapsed until opened — and a click shows
the node's card (real CLI, real Chromium)."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def whole_view(sample_cli_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    from phakhi.cli import main

    out = tmp_path_factory.mktemp("view") / "graph.html"
    result = CliRunner().invoke(main, ["--store", str(sample_cli_store), "-q", "view", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_default_view_draws_the_partnership_layer(browser, whole_view: Path) -> None:
    loaded = browser.open(whole_view)
    assert loaded.errors == []
    rtypes = set(loaded.js("window.phakhi.edges.get().map(e => e.rtype)"))
    assert "PARTY_TO" in rtypes and "SIGNS" in rtypes
    assert not rtypes & {"HAS_TRAINERS", "MENTIONS", "ISSUED", "ENCLOSES", "LOCATED_IN"}
    types = set(loaded.js("window.phakhi.nodes.get().map(n => n.ptype)"))
    assert "Province" not in types and "Document" not in types
    loaded.page.close()


def test_only_hubs_are_labelled_and_the_rest_on_hover(browser, whole_view: Path) -> None:
    loaded = browser.open(whole_view)
    nodes = loaded.js("window.phakhi.nodes.get().map(n => ({id: n.id, label: n.label, full: n.fullLabel}))")
    labelled = [n for n in nodes if n["label"]]
    assert len(nodes) > 50 and 0 < len(labelled) <= 15
    assert "สำนักงานคณะกรรมการการเลือกตั้ง" in {n["label"] for n in labelled}
    quiet = next(n for n in nodes if not n["label"] and n["full"])
    loaded.js("id => window.phakhi.network.body.emitter.emit('hoverNode', {node: id})", quiet["id"])
    assert loaded.js("id => window.phakhi.nodes.get(id).label", quiet["id"]) == quiet["full"]
    loaded.js("id => window.phakhi.network.body.emitter.emit('blurNode', {node: id})", quiet["id"])
    assert loaded.js("id => window.phakhi.nodes.get(id).label", quiet["id"]) == ""
    loaded.page.close()


def test_clusters_start_collapsed_and_open_on_click(browser, whole_view: Path) -> None:
    loaded = browser.open(whole_view)
    clusters = loaded.js("Object.keys(window.phakhi.network.body.nodes)"
                         ".filter(id => window.phakhi.network.isCluster(id))")
    assert clusters
    drawn = loaded.js("window.phakhi.network.body.nodeIndices.length")
    assert drawn < loaded.js("window.phakhi.nodes.length")
    # a click on a cluster opens it
    loaded.js("""id => { const net = window.phakhi.network;
        net.body.emitter.emit('click', {nodes: [id], edges: [], event: {}, pointer: {}}); }""", clusters[0])
    assert loaded.js("id => window.phakhi.network.isCluster(id)", clusters[0]) is False
    assert loaded.js("window.phakhi.network.body.nodeIndices.length") > drawn
    # a node inside a cluster is opened when asked for by name
    member = loaded.js("id => window.phakhi.data.clusters[id].members[0]", clusters[-1])
    assert loaded.js("id => window.phakhi.focusNode(id)", member) is True
    loaded.page.close()


def test_a_click_on_an_agreement_shows_its_card(browser, whole_view: Path) -> None:
    loaded = browser.open(whole_view)
    agreement = loaded.js("window.phakhi.nodes.get().find(n => n.label === 'MOU พช.–สนง.กกต. · 3 ปี').id")
    loaded.js("""id => window.phakhi.network.body.emitter.emit('click',
        {nodes: [id], edges: [], event: {}, pointer: {}})""", agreement)
    panel = loaded.js("document.getElementById('phakhi-details').textContent")
    for field in ("ชื่อเรื่อง (title)", "คู่ภาคี (parties)", "ผู้ลงนาม (signed by)", "พยาน (witnesses)",
                  "วันสิ้นสุด (end date): 2025-02-01", "พันธะของแต่ละฝ่าย (each party's obligations)",
                  "แหล่งที่มา (sources)"):
        assert field in panel
    loaded.page.close()
