"""The merged view: per-document claims folded into the graph users see, one function for
every backend (so the embedded store and Neo4j show the same graph for the same claims).

A claim is what one document states about one node or edge id. :func:`merged_view` folds
claims in document order and applies the accepted entity-resolution merges
(:func:`resolve_merges`); :class:`MergedViewReads` gives a store ``nodes()``, ``edges()`` and
``graph()`` from its cached :class:`MergedView`.
"""
from __future__ import annotations

import contextlib
import gc
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from phakhi.graph.model import Edge, Node, Provenance, edge_id, merge_edge_into, merge_node_into
from phakhi.graph.stores.base import Merge

if TYPE_CHECKING:  # networkx is imported only where a graph is built (start-up time)
    import networkx as nx


@contextlib.contextmanager
def bulk_allocation() -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of small objects (none
    of them cyclic garbage): it would otherwise rescan them again and again, which
    doubles the time to load 1M edges."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass
class MergedView:
    """Merged nodes and edges by id, plus the id every claimed node id is read as."""

    nodes: dict[str, Node]
    edges: dict[str, Edge]
    resolved: dict[str, str]


def provenance_dict(p: Provenance) -> dict[str, Any]:
    """``p.to_dict()`` without ``dataclasses.asdict``'s deep copy (10x faster; the fields
    are plain values)."""
    return dict(p.__dict__)


def resolve_merges(merges: Iterable[Merge], existing: set[str]) -> dict[str, str]:
    """Map each merged-away id to the id it is read as (accepted merges only).

    Chains are followed (a→b→c reads a as c); a merge that would close a cycle is ignored
    (decisions are taken oldest first); a chain ends at the last id that exists, so a
    merge into an id no document states any more is not applied.

    >>> m = [Merge("a", "b", 1, ""), Merge("b", "c", 1, ""), Merge("c", "a", 1, "")]
    >>> resolve_merges(m, {"a", "b", "c"})
    {'a': 'c', 'b': 'c'}
    """
    parent: dict[str, str] = {}
    for m in sorted((m for m in merges if m.status == "accepted"),
                    key=lambda m: (m.created_at, m.from_id)):
        if m.from_id == m.to_id or m.from_id in parent:
            continue
        cur, seen = m.to_id, {m.to_id}
        while cur in parent and parent[cur] not in seen:
            cur = parent[cur]
            seen.add(cur)
        if m.from_id in seen:  # a cycle: keep the older decisions
            continue
        parent[m.from_id] = m.to_id
    out: dict[str, str] = {}
    for start in parent:
        if start not in existing:
            continue
        final, cur = start, start
        while cur in parent:
            cur = parent[cur]
            if cur in existing:
                final = cur
        if final != start:
            out[start] = final
    return out


def merged_view(node_claims: Iterable[tuple[int, Node]], edge_claims: Iterable[tuple[int, str, Edge]],
                merges: Iterable[Merge]) -> MergedView:
    """Fold per-document claims into the merged graph.

    ``node_claims`` are ``(doc_order, node)``, ``edge_claims`` ``(doc_order, edge_id, edge)``;
    claims are folded in document order, then by id (the first claim gives a node its type and name,
    properties keep their first non-empty value). Then the accepted merges are applied:
    merged-away nodes fold into their target, edge ends are rewritten, self-loops made by
    merges are dropped, edges that became equal are folded, and edges whose ends no
    document states are left out. The claim objects are folded into (not copied): pass
    fresh ones.
    """
    by_id: dict[str, Node] = {}
    first_seen: dict[str, tuple[int, int]] = {}
    for i, (order, claim) in enumerate(sorted(node_claims, key=lambda c: (c[0], c[1].id))):
        cur = by_id.get(claim.id)
        if cur is None:
            by_id[claim.id] = claim  # claims are ours to fold into (callers build them fresh)
            first_seen[claim.id] = (order, i)
        else:
            merge_node_into(cur, claim)
    resolved = resolve_merges(merges, set(by_id))
    nodes: dict[str, Node] = {}
    absorbed: dict[str, list[str]] = {}
    for nid in by_id:
        target = resolved.get(nid)
        if target is None:
            nodes[nid] = by_id[nid]
        else:
            absorbed.setdefault(target, []).append(nid)
    for target, sources in absorbed.items():
        into = nodes[target]
        for nid in sorted(sources, key=lambda s: (first_seen[s], s)):
            merge_node_into(into, by_id[nid])

    edges: dict[str, Edge] = {}
    for _order, eid, claim in sorted(edge_claims, key=lambda c: (c[0], c[1])):
        src = resolved.get(claim.source, claim.source)
        dst = resolved.get(claim.target, claim.target)
        if src not in nodes or dst not in nodes:
            continue
        if src != claim.source or dst != claim.target:
            if src == dst:
                continue  # a self-loop only the merge made
            eid = edge_id(src, claim.type, dst, claim.qualifier)
        cur = edges.get(eid)
        if cur is None:
            claim.source, claim.target = src, dst
            edges[eid] = claim
        else:
            merge_edge_into(cur, claim)
    return MergedView(nodes, edges, resolved)


def copy_nodes(view: MergedView) -> Iterator[Node]:
    """The view's nodes as copies, so callers may change them without touching the cache."""
    for n in list(view.nodes.values()):
        yield Node(n.id, n.type, n.name, list(n.aliases), dict(n.properties), list(n.provenance))


def copy_edges(view: MergedView) -> Iterator[Edge]:
    for e in list(view.edges.values()):
        yield Edge(e.source, e.target, e.type, dict(e.properties), list(e.provenance), e.qualifier)


def networkx_from_view(view: MergedView) -> nx.MultiDiGraph:
    """The merged view as a MultiDiGraph with the same attributes as ``store.to_networkx``.

    Built by filling the graph's adjacency dicts directly (what ``add_edges_from`` does,
    without its per-edge checks): the view already guarantees that both ends exist and
    that edge ids are unique, and this is about three times faster on 1M edges.
    """
    with bulk_allocation():
        return _fill_graph(view)


def _fill_graph(view: MergedView) -> nx.MultiDiGraph:
    import networkx as nx

    g = nx.MultiDiGraph()
    node_attrs, succ, pred = g._node, g._succ, g._pred
    for n in view.nodes.values():
        node_attrs[n.id] = {"type": n.type, "name": n.name, "aliases": list(n.aliases),
                            "provenance": [provenance_dict(p) for p in n.provenance],
                            **n.properties}
        succ[n.id] = {}
        pred[n.id] = {}
    for eid, e in view.edges.items():
        out = succ[e.source]
        keys = out.get(e.target)
        if keys is None:
            keys = out[e.target] = {}
            pred[e.target][e.source] = keys
        keys[eid] = {"type": e.type, "qualifier": e.qualifier,
                     "provenance": [provenance_dict(p) for p in e.provenance], **e.properties}
    return g



class MergedViewReads:
    """The reads both stores share: everything comes from their cached :meth:`view`."""

    def view(self) -> MergedView:  # pragma: no cover - implemented by the stores
        raise NotImplementedError

    def nodes(self) -> Iterator[Node]:
        return copy_nodes(self.view())

    def edges(self) -> Iterator[Edge]:
        return copy_edges(self.view())

    def graph(self) -> nx.MultiDiGraph:
        return networkx_from_view(self.view())
