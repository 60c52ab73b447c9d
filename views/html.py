"""Self-contained interactive HTML views of the graph (vis-network, built with pyvis).

The page needs no network: vis-network's standalone script (shipped inside the pyvis
package), our own small script and style sheet are all inlined; fonts come from the
system (a Thai-capable stack). It has a legend of node and edge types (ontology colours,
shapes, Thai and English names) with a toggle per type, a search box (Thai name, alias,
abbreviation or English name), plain-text tooltips with provenance, and focuses the node
named in the URL hash (``view.html#node=<id>``). Text from documents is escaped, and the
page's Content-Security-Policy allows only its own two scripts (by hash) and no fetch at all.

Size decides how it is drawn: up to ``layout_threshold`` nodes physics runs and stops once
stable; above it positions are computed in Python and physics is off; above ``max_nodes``
nodes are grouped (by ministry, province or type) and a click on a group loads its members.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("Department:กรมการปกครอง", type="Department", name="กรมการปกครอง", aliases=["ปค."])
>>> page = render_graph_view(g, title="ตัวอย่าง")
>>> "กรมการปกครอง" in page and "https://" not in page
True
"""
from __future__ import annotations

import base64
import functools
import hashlib
import json
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any, Iterable

import networkx as nx
import pyvis
from pyvis.network import Network

from phakhi.queries.cards import card_text, entity_card
from phakhi.queries.labels import agreement_labels
from phakhi.views.aggregate import group_nodes
from phakhi.views.escape import html_text, script_json
from phakhi.views.layout import radial_layout
from phakhi.views.styles import THAI_FONT_STACK, edge_style, legend_entries, node_style, type_names
from phakhi.views.tooltips import edge_tooltip, node_tooltip, short

LAYOUT_THRESHOLD = 1500  # above: positions computed in Python, physics off
MAX_NODES = 5000  # above: aggregated view with drill-down
MAX_LABEL_CHARS = 40
DEFAULT_TITLE = "phakhi · ภาคี — กราฟความร่วมมือ"
ASSETS = Path(__file__).with_name("assets")
VIS_DIR = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
HUB_LABELS_MIN = 12  # readable view: nodes labelled from the start ...
HUB_SHARE = 10  # ... or one in this many, whichever is more
CLUSTER_MIN = 3  # satellites of one node and type collapsed when at least this many
CARD_LIMIT = LAYOUT_THRESHOLD  # cards for the click panel up to this many nodes
# Properties people search by besides the name and aliases.
SEARCH_PROPERTIES = ("name_en", "abbreviation", "abbreviation_en", "key")


class ViewError(ValueError):
    """A view cannot be made as asked (unknown focus node, no nodes left ...)."""


# -- choosing what to draw ---------------------------------------------------------------
def neighbourhood(graph: nx.MultiDiGraph, focus: Iterable[str], depth: int = 1) -> nx.MultiDiGraph:
    """The subgraph of nodes at most ``depth`` hops (either direction) from any focus node."""
    focus = list(focus)
    missing = [f for f in focus if f not in graph]
    if missing:
        raise ViewError(f"node not in the graph: {missing[0]}")
    undirected = graph.to_undirected(as_view=True)
    keep: set[str] = set()
    for f in focus:
        keep |= set(nx.single_source_shortest_path_length(undirected, f, cutoff=max(0, depth)))
    return graph.subgraph(keep).copy()


# -- nodes and edges as vis-network sees them --------------------------------------------
def search_terms(attrs: dict[str, Any]) -> list[str]:
    """Names a node can be found by: name, aliases, English name, abbreviations, key."""
    terms = [attrs.get("name")] + list(attrs.get("aliases") or [])
    terms += [attrs.get(p) for p in SEARCH_PROPERTIES]
    out: list[str] = []
    for t in terms:
        if t and str(t) not in out:
            out.append(str(t))
    return out


# vis draws the label inside these shapes, on the node colour; elsewhere below it, on white.
LABEL_INSIDE = {"box", "ellipse", "circle", "database", "text"}


def _is_dark(colour: str) -> bool:
    """Whether white text reads better than black on ``#rrggbb`` (relative luminance)."""
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.55


def _vis_node(node_id: str, attrs: dict[str, Any]) -> dict[str, Any]:
    label = str(attrs.get("type", ""))
    style = node_style(label)
    node = {"id": node_id, "label": short(attrs.get("name") or node_id, MAX_LABEL_CHARS),
            "title": node_tooltip(attrs), "color": style["color"], "shape": style["shape"],
            "ptype": label, "terms": search_terms(attrs)}
    if style["shape"] in LABEL_INSIDE and _is_dark(style["color"]):
        node["font"] = {"color": "#ffffff"}
    return node


def _vis_edge(graph: nx.MultiDiGraph, u: str, v: str, key: Any, attrs: dict[str, Any]) -> dict[str, Any]:
    rel = str(attrs.get("type", ""))
    style = edge_style(rel)
    names = (graph.nodes[u].get("name") or u, graph.nodes[v].get("name") or v)
    return {"id": str(key), "from": u, "to": v, "rtype": rel, "arrows": "to",
            "title": edge_tooltip(attrs, *map(str, names)),
            "color": {"color": style["color"], "highlight": style["color"]},
            "dashes": style["dashes"]}


class _NodeIds(list):
    """pyvis keeps node ids in a list and tests membership for every node and edge it
    adds (quadratic); the same list with a set beside it keeps 5,000 nodes quick."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set[Any] = set()

    def append(self, item: Any) -> None:
        super().append(item)
        self._members.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def _built_with_pyvis(nodes: list[dict[str, Any]], edges: list[dict[str, Any]],
                      options: dict[str, Any]) -> tuple[list[dict], list[dict], dict]:
    """Let pyvis assemble the network (its node/edge normal form), then read it back."""
    net = Network(directed=True, cdn_resources="in_line")
    net.node_ids = _NodeIds()
    for n in nodes:
        attrs = {k: v for k, v in n.items() if k not in ("id", "label", "shape", "color")}
        net.add_node(n["id"], label=n["label"], shape=n["shape"], color=n["color"], **attrs)
    for e in edges:
        attrs = {k: v for k, v in e.items() if k not in ("from", "to")}
        net.add_edge(e["from"], e["to"], **attrs)
    net.options = options
    vis_nodes, vis_edges, _heading, _h, _w, options_json = net.get_network_data()
    return vis_nodes, vis_edges, json.loads(options_json)


def _options(node_count: int, physics: bool) -> dict[str, Any]:
    iterations = max(100, min(400, 60000 // max(1, node_count)))
    return {
        "nodes": {"font": {"face": THAI_FONT_STACK, "size": 14},
                  "scaling": {"min": 10, "max": 60, "label": {"enabled": True, "min": 14, "max": 28}}},
        "edges": {"smooth": physics and {"type": "continuous"}, "width": 1.2,
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"face": THAI_FONT_STACK, "size": 11}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": node_count > 500,
                        "navigationButtons": True,
                        # keys move the view only when the canvas has focus, not while typing a search
                        "keyboard": {"enabled": True, "bindToWindow": False}},
        "layout": {"improvedLayout": physics and node_count <= 150, "randomSeed": 7},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
                    "stabilization": {"enabled": physics, "iterations": iterations, "fit": True}},
    }


def _counts(graph: nx.MultiDiGraph) -> tuple[dict[str, int], dict[str, int]]:
    nodes = Counter(str(a.get("type", "")) for _, a in graph.nodes(data=True))
    edges = Counter(str(a.get("type", "")) for _, _, a in graph.edges(data=True))
    return dict(nodes), dict(edges)


def as_view_graph(graph: nx.Graph) -> nx.MultiDiGraph:
    """``graph`` as a MultiDiGraph with string node ids (what the page works with); the
    store's graph already is one and is returned as it is."""
    if not graph.is_multigraph() or not graph.is_directed():
        graph = nx.MultiDiGraph(graph)
    if any(not isinstance(n, str) for n in graph.nodes):
        graph = nx.relabel_nodes(graph, {n: str(n) for n in graph.nodes})
    return graph


def _vis_edges(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Edges with unique ids: the store's edge ids, else (plain NetworkX keys 0, 1, …
    repeat across node pairs) their position."""
    edges: list[dict[str, Any]] = []
    seen: set[str] = set()
    between: Counter[frozenset] = Counter()
    for i, (u, v, k, a) in enumerate(graph.edges(keys=True, data=True)):
        key = k if isinstance(k, str) and k not in seen else f"edge:{i}"
        seen.add(key)
        edge = _vis_edge(graph, u, v, key, a)
        # several relationships between one pair: bend all but the first, alternately,
        # so that they do not draw on top of each other
        nth = between[frozenset((u, v))]
        between[frozenset((u, v))] += 1
        if nth:
            clockwise = (nth % 2 == 1) != (str(u) > str(v))  # sides are seen from the lesser id
            edge["smooth"] = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
                              "roundness": round(0.18 * ((nth + 1) // 2), 2)}
        edges.append(edge)
    return edges


def _hubs(graph: nx.MultiDiGraph) -> list[str]:
    """The nodes labelled from the start in a readable view: the best connected (distinct
    neighbours), at least HUB_LABELS_MIN of them, about one in HUB_SHARE."""
    und = graph.to_undirected(as_view=True)
    degree = {n: len(set(und[n]) - {n}) for n in graph}
    count = max(HUB_LABELS_MIN, graph.number_of_nodes() // HUB_SHARE)
    return sorted(degree, key=lambda n: (-degree[n], str(n)))[:count]


def _clusters(graph: nx.MultiDiGraph, hubs: set[str]) -> dict[str, dict[str, Any]]:
    """Satellites drawn collapsed: every node that is not a hub sits with its best connected
    neighbour; those of one type around one neighbour form a cluster when there are at
    least CLUSTER_MIN of them (the people at an event, the networks a department supports
    ...). ``{cluster id: {members, around, label}}``."""
    und = graph.to_undirected(as_view=True)
    degree = {n: len(set(und[n]) - {n}) for n in graph}
    groups: dict[tuple[str, str], list[str]] = {}
    for n in graph:
        neighbours = set(und[n]) - {n}
        if n in hubs or not neighbours:
            continue
        around = min(neighbours, key=lambda m: (-degree[m], str(m)))
        groups.setdefault((around, str(graph.nodes[n].get("type", ""))), []).append(n)
    out = {}
    for (around, ntype), members in sorted(groups.items()):
        if len(members) < CLUSTER_MIN:
            continue
        th, en = type_names(ntype)
        cid = f"cluster:{around}|{ntype}"
        out[cid] = {"members": sorted(members), "around": around, "type": ntype,
                    "label": f"{th} ({en}) × {len(members)}",
                    "title": f"{len(members)} {th} ({en}) — {graph.nodes[around].get('name') or around}\n"
                             f"คลิกเพื่อเปิดกลุ่ม (click to open)"}
    return out


def _readable(graph: nx.MultiDiGraph, payload: dict[str, Any]) -> None:
    """Labels only for hubs (the others on hover), satellites collapsed into clusters."""
    hubs = set(_hubs(graph))
    clusters = _clusters(graph, hubs)
    member_of = {m: cid for cid, c in clusters.items() for m in c["members"]}
    for node in payload["nodes"]:
        node["fullLabel"] = node.get("label", "")
        if node["id"] not in hubs:
            node["label"] = ""
        if node["id"] in member_of:
            node["cluster"] = member_of[node["id"]]
    for cid, c in clusters.items():
        c["color"] = node_style(c["type"])["color"]
    payload["clusters"] = clusters
    payload["hubs"] = sorted(hubs)


def graph_payload(graph: nx.MultiDiGraph, *, title: str | None = None,
                  focus: Iterable[str] = (), max_nodes: int = MAX_NODES,
                  layout_threshold: int = LAYOUT_THRESHOLD, readable: bool = False,
                  card_graph: nx.MultiDiGraph | None = None) -> dict[str, Any]:
    """Everything the page script needs, as JSON-able data. ``readable`` (the whole-graph
    view): labels only for hubs and on hover, satellites collapsed into clusters.
    ``card_graph``: the graph the click panel's cards are read from (default ``graph``;
    the whole store's, when a layer is drawn, so a card still sees the covering letter)."""
    graph = as_view_graph(graph)
    n = graph.number_of_nodes()
    node_counts, edge_counts = _counts(graph)
    payload: dict[str, Any] = {
        "title": title or DEFAULT_TITLE, "focus": [f for f in focus if f in graph],
        "legend": legend_entries(node_counts, edge_counts), "font": THAI_FONT_STACK,
        "counts": {"nodes": n, "edges": graph.number_of_edges()}, "message": None,
    }
    nodes = [_vis_node(nid, a) for nid, a in graph.nodes(data=True)]
    labels = agreement_labels(graph)  # two MOUs with one title must not look alike
    for vn in nodes:
        if vn["id"] in labels:
            vn["label"] = short(labels[vn["id"]], MAX_LABEL_CHARS)
    edges = _vis_edges(graph)
    if n > max_nodes:
        payload.update(_aggregated(graph, nodes, edges))
        payload["options"] = _options(len(payload["groups"]), physics=False)
        return payload
    physics = n <= layout_threshold
    if not physics:
        pos = radial_layout(graph)
        for vn in nodes:
            vn["x"], vn["y"] = pos[vn["id"]]
        payload["message"] = (f"กราฟขนาดใหญ่ {n:,} โหนด: จัดตำแหน่งล่วงหน้า ปิดการจำลองแรง "
                              f"(large graph: precomputed layout, physics off)")
    options = _options(n, physics)
    payload["nodes"], payload["edges"], payload["options"] = _built_with_pyvis(nodes, edges, options)
    payload["mode"] = "physics" if physics else "layout"
    if n <= CARD_LIMIT:  # the click panel shows each node's card
        full = card_graph if card_graph is not None else graph
        full_labels = labels if full is graph else agreement_labels(full)
        payload["cards"] = {nid: card_text(entity_card(full, nid, labels=full_labels) if nid in full
                                           else entity_card(graph, nid, labels=labels))
                            for nid in graph.nodes}
    if readable:
        _readable(graph, payload)
    return payload


def _aggregated(graph: nx.MultiDiGraph, nodes: list[dict], edges: list[dict]) -> dict[str, Any]:
    """Group nodes; positions for groups and, inside each group, offsets for its members."""
    groups = group_nodes(graph)
    members: dict[str, list[str]] = {}
    for nid, grp in groups.items():
        members.setdefault(grp.id, []).append(nid)
    group_graph = nx.Graph()
    group_graph.add_nodes_from(members)
    for u, v in graph.edges():
        gu, gv = groups[u].id, groups[v].id
        if gu != gv:
            group_graph.add_edge(gu, gv)
    group_pos = radial_layout(group_graph, ring_spacing=420.0, min_gap=160.0)
    offsets: dict[str, tuple[float, float]] = {}
    for gid, ids in members.items():
        offsets.update(radial_layout(graph.subgraph(ids), ring_spacing=110.0, min_gap=30.0))
    for vn in nodes:
        vn["group_id"] = groups[vn["id"]].id
        vn["dx"], vn["dy"] = offsets[vn["id"]]
    info = {}
    for gid, ids in members.items():
        grp = groups[ids[0]]
        anchor_type = graph.nodes[grp.anchor].get("type", "") if grp.anchor else \
            ("Ministry" if grp.kind == "ministry" else graph.nodes[ids[0]].get("type", ""))
        style = node_style(str(anchor_type))
        x, y = group_pos[gid]
        info[gid] = {"id": gid, "label": f"{short(grp.label, MAX_LABEL_CHARS)} ({len(ids):,})",
                     "name": grp.label, "kind": grp.kind, "count": len(ids), "x": x, "y": y,
                     "color": style["color"], "shape": "dot", "value": math.log2(1 + len(ids)),
                     "title": f"{grp.label}\n{len(ids):,} โหนด (nodes) — คลิกเพื่อแสดงสมาชิก "
                              f"(click to show members)"}
    by_kind = Counter(g["kind"] for g in info.values())
    n = graph.number_of_nodes()
    message = (f"มุมมองแบบรวมกลุ่ม (aggregated view): {n:,} โหนดรวมเป็น {len(info):,} กลุ่ม "
               f"ตามกระทรวง {by_kind.get('ministry', 0)} / จังหวัด {by_kind.get('province', 0)} / "
               f"ประเภท {by_kind.get('type', 0)} — คลิกกลุ่มเพื่อแสดงสมาชิก (click a group to show "
               f"its members)")
    return {"mode": "aggregated", "message": message, "groups": info, "members": nodes,
            "memberEdges": edges, "nodes": [], "edges": []}


# -- the page -------------------------------------------------------------------------------
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_EXTERNAL = re.compile(r"""(?:\b(?:src|href|action|poster|srcset)\s*=\s*["']?\s*(?:https?:)?//)"""
                       r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import)|(?:https?://)""", re.I)


def _vendor_script(text: str) -> str:
    """A vendored script ready to inline: '://' written ':\\/\\/' (the same string in JS)
    so that licence comments and the SVG namespace do not read as web addresses."""
    text = text.replace("://", ":\\/\\/")
    return re.sub(r"</(script)", r"<\\/\1", text, flags=re.I)


def external_references(page: str) -> list[str]:
    """Anything in ``page`` that could make the browser fetch from the web (should be [])."""
    return [m.group(0) for m in _EXTERNAL.finditer(page)]


@functools.lru_cache(maxsize=None)
def _asset(path: Path) -> str:
    """A shipped or vendored file, checked once per process to hold no web reference."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".js" and path.parent == VIS_DIR:
        text = _vendor_script(text)
    elif path.suffix == ".css" and path.parent == VIS_DIR:
        text = re.sub(r"</(style)", r"<\\/\1", text, flags=re.I)
    found = external_references(text)
    if found:
        raise ViewError(f"{path.name} would load from the web: {found[0]!r}")
    return text


def render_page(template_name: str, parts: dict[str, str], *, assets: dict[str, Path] | None = None,
                data: str = "") -> str:
    """Fill ``{{name}}`` placeholders in one pass (values are never re-scanned).

    ``parts`` are markup we built (checked here for web references), ``assets`` files
    inlined as they are (checked once, see :func:`_asset`), ``data`` the JSON block, where
    :func:`script_json` already wrote every ``://`` as ``:\\/\\/``."""
    found = [ref for text in parts.values() for ref in external_references(text)]
    if found or "://" in data:
        raise ViewError(f"page would load from the web: {(found or ['://'])[0]!r}")
    values = dict(parts, data=data)
    values.update({name: _asset(path) for name, path in (assets or {}).items()})
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset(ASSETS / template_name))


def render_graph_view(graph: nx.MultiDiGraph, *, title: str | None = None,
                      focus: str | Iterable[str] | None = None, depth: int | None = None,
                      max_nodes: int = MAX_NODES, layout_threshold: int = LAYOUT_THRESHOLD,
                      readable: bool = False, card_graph: nx.MultiDiGraph | None = None) -> str:
    """The HTML page for ``graph`` (or for the ``depth``-neighbourhood of ``focus``)."""
    graph = as_view_graph(graph)
    focus_ids = [focus] if isinstance(focus, str) else [str(f) for f in focus or []]
    if focus_ids:
        graph = neighbourhood(graph, focus_ids, 1 if depth is None else depth)
    payload = graph_payload(graph, title=title, focus=focus_ids, max_nodes=max_nodes,
                            layout_threshold=layout_threshold, readable=readable,
                            card_graph=card_graph)
    scripts = {"vis_js": VIS_DIR / "vis-network.min.js", "js": ASSETS / "graph.js"}
    return render_page("graph.html", {
        "title": html_text(payload["title"]),
        "script_hashes": " ".join(_script_hash(path) for path in scripts.values()),
    }, assets={"vis_css": VIS_DIR / "vis-network.css", "css": ASSETS / "graph.css", **scripts},
        data=script_json(payload))


@functools.lru_cache(maxsize=None)
def _script_hash(path: Path) -> str:
    """The CSP source allowing exactly this inlined script. The page allows only our two
    scripts by hash, so even markup that slipped past escaping could run nothing."""
    digest = hashlib.sha256(_asset(path).encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def write_graph_view(graph: nx.MultiDiGraph, path: str | Path, **kwargs: Any) -> Path:
    """Write :func:`render_graph_view` to ``path`` (UTF-8) and return the path."""
    path = Path(path)
    path.write_text(render_graph_view(graph, **kwargs), encoding="utf-8")
    return path
