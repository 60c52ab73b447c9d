"""The numbers behind the report page: partners, brokers, timeline, trainer coverage.

Each function takes the merged graph (``store.graph()``) and returns plain rows, so the
report template only formats.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for n in ("a", "b", "c"): g.add_node(n, type="Department", name=n.upper())
>>> g.add_node("mou", type="Agreement", name="MOU", date="2024-01-05")
>>> for n in ("a", "b", "c"): _ = g.add_edge(n, "mou", type="PARTY_TO")
>>> [(r["a"], r["b"], r["shared"]) for r in partner_pairs(g)]
[('a', 'b', 1), ('a', 'c', 1), ('b', 'c', 1)]
>>> [r["id"] for r in agreements_timeline(g)["dated"]]
['mou']
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Iterable

import networkx as nx



def name_of(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("name") or node) if node in graph else node


def thai_sorted(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> list[str]:
    """Nodes in Thai dictionary order of their names (leading vowels do not count:
    เชียงใหม่ files under ช), ties by id."""
    nodes = list(nodes)
    try:
        from pythainlp.util import collate
    except ImportError:  # pragma: no cover - pythainlp is a dependency
        return sorted(nodes, key=lambda n: (name_of(graph, n), n))
    rank = {name: i for i, name in enumerate(collate({name_of(graph, n) for n in nodes}))}
    return sorted(nodes, key=lambda n: (rank[name_of(graph, n)], n))


def parties(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """``{agreement id: [party ids]}`` from PARTY_TO edges (parties sorted)."""
    out: dict[str, set[str]] = defaultdict(set)
    for u, v, data in graph.edges(data=True):
        if data.get("type") == "PARTY_TO":
            out[v].add(u)
    return {k: sorted(v) for k, v in out.items()}


def partner_pairs(graph: nx.MultiDiGraph, limit: int = 20) -> list[dict[str, Any]]:
    """Pairs of co-parties, most shared agreements first."""
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for agreement, members in parties(graph).items():
        for a, b in combinations(members, 2):
            shared[(a, b)].append(agreement)
    rows = [{"a": a, "b": b, "shared": len(ags), "agreements": sorted(ags)}
            for (a, b), ags in shared.items()]
    rows.sort(key=lambda r: (-r["shared"], name_of(graph, r["a"]), name_of(graph, r["b"])))
    return rows[:limit]


def top_partners(graph: nx.MultiDiGraph, limit: int = 15) -> list[dict[str, Any]]:
    """Agents by number of distinct co-parties (then agreements)."""
    partners: dict[str, set[str]] = defaultdict(set)
    agreements: Counter[str] = Counter()
    for _, members in parties(graph).items():
        for m in members:
            agreements[m] += 1
            partners[m].update(x for x in members if x != m)
    rows = [{"id": n, "partners": len(partners[n]), "agreements": agreements[n]} for n in agreements]
    rows.sort(key=lambda r: (-r["partners"], -r["agreements"], name_of(graph, r["id"])))
    return rows[:limit]


def brokers(graph: nx.MultiDiGraph, limit: int = 10) -> list[dict[str, Any]]:
    """Agencies with the highest betweenness on the partnership layer, with their degree
    there: the same measures as `phakhi analyze brokers` / `most-connected`."""
    from phakhi.queries.layers import agency_types, measure

    types = agency_types()
    degree = {r["id"]: r["degree"] for r in measure(graph, "most-connected", top=None, types=types)}
    return [{"id": r["id"], "betweenness": r["betweenness"], "degree": degree.get(r["id"], 0)}
            for r in measure(graph, "brokers", top=None, types=types) if r["betweenness"] > 0][:limit]


def agreements_timeline(graph: nx.MultiDiGraph) -> dict[str, list[dict[str, Any]]]:
    """Agreements with a date in date order, and the undated ones apart (by name)."""
    members = parties(graph)
    dated, undated = [], []
    for n, a in graph.nodes(data=True):
        if a.get("type") != "Agreement":
            continue
        row = {"id": n, "name": str(a.get("title") or a.get("name") or n),
               "date": str(a["date"]) if a.get("date") else "",
               "date_as_written": a.get("date_as_written") or "",
               "end_date": str(a["end_date"]) if a.get("end_date") else "",
               "duration": a.get("duration_text") or (f"{a['duration_years']:g} ปี"
                                                      if a.get("duration_years") else ""),
               "parties": members.get(n, [])}
        (dated if row["date"] else undated).append(row)
    dated.sort(key=lambda r: (r["date"], r["name"]))
    undated.sort(key=lambda r: r["name"])
    return {"dated": dated, "undated": undated}


@dataclass
class Coverage:
    """Trainers of one kind per province × department.

    ``cells[(province, department)] = (known, unknown)``: ``known`` is the sum of the stated
    counts (None when no count was stated), ``unknown`` whether some cell was blank. A pair
    with no HAS_TRAINERS edge at all has no cell (not reported)."""

    title: str = ""  # what is counted: trainer type, year, source table
    provinces: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)
    cells: dict[tuple[str, str], tuple[int | None, bool]] = field(default_factory=dict)

    def row_total(self, province: str) -> tuple[int | None, bool]:
        return _total(self.cells.get((province, d)) for d in self.departments)

    def column_total(self, department: str) -> tuple[int | None, bool]:
        return _total(self.cells.get((p, department)) for p in self.provinces)

    def total(self) -> tuple[int | None, bool]:
        return _total(self.cells.values())


def _total(cells: Any) -> tuple[int | None, bool]:
    total: int | None = None
    unknown = False
    for cell in cells:
        if cell is None:
            continue
        if cell[0] is not None:
            total = (total or 0) + cell[0]
        unknown = unknown or cell[1]
    return total, unknown


def trainer_coverage(graph: nx.MultiDiGraph) -> list[Coverage]:
    """One table per kind of trainer count (trainer type, year, source table), each summing
    HAS_TRAINERS counts per (province, department); a blank count is unknown.

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("p1", "d1", type="HAS_TRAINERS", count=3, trainer_type="หลัก")
    >>> _ = g.add_edge("p1", "d2", type="HAS_TRAINERS", count=None, trainer_type="หลัก")
    >>> _ = g.add_edge("p2", "d1", type="HAS_TRAINERS", count=0, trainer_type="หลัก")
    >>> _ = g.add_edge("p1", "d1", type="HAS_TRAINERS", count=9, trainer_type="ขยายผล")
    >>> [c.title for c in trainer_coverage(g)]
    ['ขยายผล', 'หลัก']
    >>> cov = trainer_coverage(g)[1]
    >>> cov.cells[("p1", "d2")], cov.row_total("p1"), cov.column_total("d1"), cov.total()
    ((None, True), (3, True), (3, False), (3, True))
    """
    tables: dict[tuple[str, str, str], Coverage] = {}
    for u, v, data in graph.edges(data=True):
        if data.get("type") != "HAS_TRAINERS":
            continue
        kind = (str(data.get("trainer_type") or ""), str(data.get("year") or ""), str(data.get("table") or ""))
        cov = tables.setdefault(kind, Coverage(title=" · ".join(k for k in kind if k)))
        count = data.get("count")
        known, unknown = cov.cells.get((u, v), (None, False))
        if isinstance(count, (int, float)) and not isinstance(count, bool):
            known = (known or 0) + int(count)
        else:
            unknown = True
        cov.cells[(u, v)] = (known, unknown)
    for cov in tables.values():
        cov.provinces = thai_sorted(graph, {p for p, _ in cov.cells})
        cov.departments = thai_sorted(graph, {d for _, d in cov.cells})
    return [tables[k] for k in sorted(tables)]
