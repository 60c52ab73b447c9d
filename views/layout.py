"""Node positions computed in Python, for graphs too big for in-browser physics.

A radial tree layout per connected component (the busiest node in the middle, its
neighbours on the first ring, theirs on the next; each subtree gets an angle proportional
to its size), components packed in rows, biggest first. Linear in nodes + edges and pure
Python (no numpy needed), so 5,000 nodes take well under a second.

>>> import networkx as nx
>>> pos = radial_layout(nx.star_graph(4))
>>> pos[0]
(0.0, 0.0)
>>> sorted(round((x * x + y * y) ** 0.5) for n, (x, y) in pos.items() if n != 0)
[140, 140, 140, 140]
"""
from __future__ import annotations

import math
from collections import deque
from typing import Hashable

import networkx as nx

RING_SPACING = 140.0  # px between rings: room for a label
MIN_GAP = 34.0  # px between neighbours on one ring


def radial_layout(graph: nx.Graph, *, ring_spacing: float = RING_SPACING,
                  min_gap: float = MIN_GAP) -> dict[Hashable, tuple[float, float]]:
    """Positions ``{node: (x, y)}`` for every node of ``graph`` (directions ignored)."""
    # a plain undirected copy: degree and neighbour look-ups on subgraph views are slow
    undirected = nx.Graph()
    undirected.add_nodes_from(graph)
    undirected.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    placed: list[tuple[float, dict[Hashable, tuple[float, float]]]] = []
    components = sorted(nx.connected_components(undirected), key=lambda c: (-len(c), min(map(str, c))))
    for component in components:
        local, radius = _component_layout(undirected, component, ring_spacing, min_gap)
        placed.append((radius, local))
    return _pack(placed, ring_spacing)


def _component_layout(graph: nx.Graph, component: set, ring_spacing: float,
                      min_gap: float) -> tuple[dict[Hashable, tuple[float, float]], float]:
    root = max(component, key=lambda n: (graph.degree(n), str(n)))
    children: dict[Hashable, list] = {root: []}
    depth = {root: 0}
    order = [root]
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for nb in sorted(graph.neighbors(node), key=str):
            if nb not in depth:
                depth[nb] = depth[node] + 1
                children[node].append(nb)
                children[nb] = []
                order.append(nb)
                queue.append(nb)
    weight: dict[Hashable, int] = {}
    for node in reversed(order):  # leaves first
        weight[node] = max(1, sum(weight[c] for c in children[node]))
    per_ring: dict[int, int] = {}
    for d in depth.values():
        per_ring[d] = per_ring.get(d, 0) + 1
    radii = {0: 0.0}
    for d in range(1, max(per_ring) + 1):
        # a crowded ring grows so neighbours on it keep min_gap between them
        radii[d] = max(radii[d - 1] + ring_spacing, per_ring[d] * min_gap / (2 * math.pi))
    pos: dict[Hashable, tuple[float, float]] = {}
    span: dict[Hashable, tuple[float, float]] = {root: (0.0, 2 * math.pi)}
    for node in order:
        lo, hi = span[node]
        r = radii[depth[node]]
        mid = (lo + hi) / 2
        pos[node] = (0.0, 0.0) if r == 0 else (r * math.cos(mid), r * math.sin(mid))
        total = sum(weight[c] for c in children[node]) or 1
        start = lo
        for c in children[node]:
            width = (hi - lo) * weight[c] / total
            span[c] = (start, start + width)
            start += width
    return pos, radii[max(radii)] + ring_spacing / 2


def _pack(placed: list[tuple[float, dict]], gap: float) -> dict[Hashable, tuple[float, float]]:
    """Components side by side in rows about as wide as the whole picture is tall."""
    area = sum((2 * r + gap) ** 2 for r, _ in placed)
    row_width = max(math.sqrt(area), max((2 * r for r, _ in placed), default=0.0))
    out: dict[Hashable, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for radius, local in placed:
        size = 2 * radius + gap
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + size / 2, y + size / 2
        for node, (px, py) in local.items():
            out[node] = (round(cx + px, 1), round(cy + py, 1))
        x += size
        row_height = max(row_height, size)
    if len(placed) == 1:  # one component: keep its root at the origin
        (_, local), = placed
        return {n: (round(px, 1), round(py, 1)) for n, (px, py) in local.items()}
    return out
