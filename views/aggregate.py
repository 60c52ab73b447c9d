"""Group a graph too big to draw node by node: by ministry, else by province, else by type.

A node belongs to the ministry it is PART_OF (followed upwards, e.g. office -> department ->
ministry; for a gazetteer entity ``ref:<key>`` without such edges, the gazetteer's chain of
parents; a person, to the ministry of a body they HOLDS_POSITION in), else to the province it is in (LOCATED_IN a province, or a ``province`` property
naming a Province node's id, name or key; the province joins its group), else to a group of
its type. The page draws one node per group and loads a group's members when it is clicked.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("m", type="Ministry", name="กระทรวงมหาดไทย")
>>> g.add_node("d", type="Department", name="กรมการปกครอง")
>>> _ = g.add_edge("d", "m", type="PART_OF")
>>> {n: grp.id for n, grp in group_nodes(g).items()}
{'m': 'group:m', 'd': 'group:m'}
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
import networkx as nx

from phakhi.views.styles import type_names

MAX_PART_OF_HOPS = 6


@dataclass(frozen=True)
class Group:
    id: str
    label: str
    kind: str  # ministry | province | type
    anchor: str | None  # the ministry or province node the group is named after


def group_nodes(graph: nx.MultiDiGraph, gazetteer: Any = "default") -> dict[str, Group]:
    """``{node id: Group}`` for every node (``gazetteer`` None: graph edges only)."""
    gaz = _default_gazetteer() if gazetteer == "default" else gazetteer
    by_type = {n: a.get("type", "") for n, a in graph.nodes(data=True)}
    province_index = _province_index(graph, by_type)
    out: dict[str, Group] = {}
    in_province: dict[str, int] = {}
    for node in graph.nodes:
        # people sit with the body they hold a position in
        bodies = [node] + sorted(v for _, v, d in graph.out_edges(node, data=True)
                                 if d.get("type") == "HOLDS_POSITION")
        group = next((g for g in (_ministry_group(graph, b, by_type, gaz) for b in bodies) if g), None)
        if group is not None:
            out[node] = group
            continue
        province = _province_of(graph, node, by_type, province_index)
        if province is not None and province != node:
            out[node] = Group(f"group:{province}", _name(graph, province), "province", province)
            in_province[province] = in_province.get(province, 0) + 1
    for node in graph.nodes:
        if node in out:
            continue
        if by_type[node] == "Province" and in_province.get(node):
            out[node] = Group(f"group:{node}", _name(graph, node), "province", node)
            continue
        label = by_type[node] or "?"
        th, en = type_names(label)
        out[node] = Group(f"group:type:{label}", f"{th} ({en})", "type", None)
    return out


def _ministry_group(graph: nx.MultiDiGraph, node: str, by_type: dict[str, str], gaz: Any) -> Group | None:
    ministry = _ministry_of(graph, node, by_type)
    if ministry is not None:
        return Group(f"group:{ministry}", _name(graph, ministry), "ministry", ministry)
    from_gazetteer = _gazetteer_ministry(gaz, node)
    if from_gazetteer is not None:
        key, name = from_gazetteer
        anchor = key if key in graph else None
        return Group(f"group:{key}", _name(graph, key) if anchor else name, "ministry", anchor)
    return None


def _default_gazetteer() -> Any:
    try:
        from phakhi.ontology.gazetteer import load_gazetteer

        return load_gazetteer()
    except Exception:  # noqa: BLE001 - grouping must work without reference data
        return None


def _gazetteer_ministry(gaz: Any, node: str) -> tuple[str, str] | None:
    """(``ref:<key>`` of the ministry above ``node`` in the gazetteer, its Thai name)."""
    if gaz is None or not node.startswith("ref:") or node[4:] not in gaz.entries:
        return None
    for entry in gaz.parents(node[4:]):
        if entry.type == "Ministry":
            return f"ref:{entry.key}", entry.name_th
    return None


def _name(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("name") or node)


def _ministry_of(graph: nx.MultiDiGraph, node: str, by_type: dict[str, str]) -> str | None:
    seen = {node}
    frontier = [node]
    for _ in range(MAX_PART_OF_HOPS + 1):
        nxt = []
        for cur in frontier:
            if by_type.get(cur) == "Ministry":
                return cur
            for _, parent, data in graph.out_edges(cur, data=True):
                if data.get("type") == "PART_OF" and parent not in seen:
                    seen.add(parent)
                    nxt.append(parent)
        frontier = sorted(nxt)
        if not frontier:
            return None
    return None


def _province_index(graph: nx.MultiDiGraph, by_type: dict[str, str]) -> dict[str, str]:
    """Province id, name and key -> Province node id (for ``province`` properties)."""
    index: dict[str, str] = {}
    for node, t in by_type.items():
        if t == "Province":
            attrs = graph.nodes[node]
            for k in (node, attrs.get("name"), attrs.get("key")):
                if k:
                    index[str(k)] = node
    return index


def _province_of(graph: nx.MultiDiGraph, node: str, by_type: dict[str, str],
                 index: dict[str, str]) -> str | None:
    if by_type.get(node) == "Province":
        return node
    for _, target, data in graph.out_edges(node, data=True):
        if data.get("type") == "LOCATED_IN" and by_type.get(target) == "Province":
            return target
    prop = graph.nodes[node].get("province")
    if prop and str(prop) in index:
        return index[str(prop)]
    return None
