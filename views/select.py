"""Choosing the part of the graph a view draws: types, relations, a path, a query's nodes.

Each function takes and returns a NetworkX multigraph; the command chains them.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for n, t in (("a", "Department"), ("b", "Ministry"), ("c", "Person")):
...     g.add_node(n, type=t, name=n)
>>> _ = g.add_edge("a", "b", type="PART_OF"); _ = g.add_edge("c", "a", type="HOLDS_POSITION")
>>> sorted(filter_types(g, ["GovernmentBody"]).nodes)
['a', 'b']
>>> sorted(filter_relations(g, ["HOLDS_POSITION"]).nodes)
['a', 'c']
>>> shortest_paths(g, "c", "b").number_of_nodes()
3
"""
from __future__ import annotations

from typing import Any, Iterable

import networkx as nx

from phakhi.ontology import load_ontology
from phakhi.queries.layers import relations_subgraph
from phakhi.views.html import ViewError

MAX_PATHS = 25  # shortest paths drawn at most (they can be many in a dense graph)


def parse_list(text: str | None) -> list[str]:
    """``"A, B,,C"`` -> ``["A", "B", "C"]``."""
    return [p.strip() for p in (text or "").split(",") if p.strip()]


def filter_types(graph: nx.MultiDiGraph, labels: Iterable[str]) -> nx.MultiDiGraph:
    """Nodes of these labels (an abstract label such as GovernmentBody takes its sub-types)."""
    onto = load_ontology()
    wanted: set[str] = set()
    for label in labels:
        if label not in onto.node_types:
            raise ViewError(f"--types: {label!r} is not a node type of the ontology "
                            f"(one of: {', '.join(onto.labels)})")
        wanted |= set(onto.subtypes(label)) | {label}
    keep = [n for n, a in graph.nodes(data=True) if a.get("type") in wanted]
    return graph.subgraph(keep).copy()


def filter_relations(graph: nx.MultiDiGraph, rel_types: Iterable[str]) -> nx.MultiDiGraph:
    """Only edges of these types, and the nodes they touch."""
    onto = load_ontology()
    wanted = set()
    for rel in rel_types:
        if rel not in onto.relationship_types:
            raise ViewError(f"--relations: {rel!r} is not a relationship type of the ontology "
                            f"(one of: {', '.join(onto.rel_types)})")
        wanted.add(onto.check_rel_type(rel))
    return relations_subgraph(graph, wanted)


def shortest_paths(graph: nx.MultiDiGraph, source: str, target: str) -> nx.MultiDiGraph:
    """The nodes on shortest paths between ``source`` and ``target`` (directions ignored)."""
    for n in (source, target):
        if n not in graph:
            raise ViewError(f"--path: {n} is not in the graph (after the filters)")
    undirected = graph.to_undirected(as_view=True)
    keep: set[str] = set()
    try:
        for i, path in enumerate(nx.all_shortest_paths(undirected, source, target)):
            if i >= MAX_PATHS:
                break
            keep.update(path)
    except nx.NetworkXNoPath:
        raise ViewError(f"--path: no path between {source} and {target}") from None
    return graph.subgraph(keep).copy()


def node_ids_in(rows: Iterable[dict[str, Any]], graph: nx.MultiDiGraph) -> list[str]:
    """Every value in ``rows`` (strings, or lists of them) that is a node id of ``graph``."""
    found: list[str] = []
    seen: set[str] = set()

    def visit(value: Any) -> None:
        if isinstance(value, str):
            if value in graph and value not in seen:
                seen.add(value)
                found.append(value)
        elif isinstance(value, (list, tuple, set)):
            for v in value:
                visit(v)
        elif isinstance(value, dict):
            for v in value.values():
                visit(v)

    for row in rows:
        visit(row)
    return found
