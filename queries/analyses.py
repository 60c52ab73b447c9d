"""Graph analyses over the merged graph: brokers, hubs, communities, components, cores.

One function per algorithm, computed by python-igraph (C code: PageRank on the national
graph in about a second where pure Python took minutes). Each takes an
:class:`AnalysisGraph` — built from the embedded store's projection only when an
analysis is asked for (:func:`analysis_graph`) — or any NetworkX graph, and returns rows
(dicts) ready for ``emit``; ``types`` keeps only nodes of those ontology labels in the
answer (the measure is always computed on the whole graph, so a broker between two
ministries still counts). Direction, parallel edges and self-loops are ignored: "who is
connected to whom". NetworkX stays the reference: the tests compare each measure with
its NetworkX counterpart.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for n in "abcd": g.add_node(n, type="Department", name=n.upper())
>>> g.add_edges_from([("a", "b"), ("b", "c"), ("c", "d")])
[0, 0, 0]
>>> [r["id"] for r in brokers(g, top=2)]
['b', 'c']
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

Row = dict[str, Any]
Graph = Any  # an AnalysisGraph or a NetworkX graph
# Above this many nodes betweenness is estimated from a sample of k source nodes: exact
# betweenness costs one search per node (hours at national scale), a sample k searches.
EXACT_BETWEENNESS_LIMIT = 1000
DEFAULT_SAMPLE = 100
DEFAULT_SEED = 42


@dataclass
class AnalysisGraph:
    """The simple undirected graph the measures run on, with each vertex's id, name, type
    (vertex ``i`` of ``graph`` is ``ids[i]``)."""

    ids: list[str]
    names: list[Any]
    types: list[Any]
    graph: Any  # igraph.Graph, undirected, no parallel edges or self-loops

    @classmethod
    def from_edges(cls, ids: list[str], names: list[Any], types: list[Any],
                   edges: Sequence[tuple[int, int]]) -> "AnalysisGraph":
        import igraph

        g = igraph.Graph(n=len(ids), edges=edges, directed=False)
        g.simplify(multiple=True, loops=True)
        return cls(ids, names, types, g)

    @classmethod
    def from_networkx(cls, g: Any) -> "AnalysisGraph":
        ids = list(g.nodes)
        pos = {n: i for i, n in enumerate(ids)}
        attrs = [g.nodes[n] for n in ids]
        return cls.from_edges(ids, [a.get("name") for a in attrs], [a.get("type") for a in attrs],
                              [(pos[u], pos[v]) for u, v in g.edges() if u != v])

    def __len__(self) -> int:
        return len(self.ids)


def analysis_graph(store: Any) -> AnalysisGraph:
    """The store's graph for analyses: from the embedded store's projection tables (integer
    edge list, no attribute objects), else from ``store.graph()``."""
    arrays = getattr(store, "analysis_arrays", None)
    if arrays is not None:
        return AnalysisGraph.from_edges(*arrays())
    return AnalysisGraph.from_networkx(store.graph())


def _as_analysis(g: Any) -> AnalysisGraph:
    return g if isinstance(g, AnalysisGraph) else AnalysisGraph.from_networkx(g)


def _row(g: AnalysisGraph, i: int, **values: Any) -> Row:
    return {"id": g.ids[i], "name": g.names[i], "type": g.types[i], **values}


def _keep(g: AnalysisGraph, types: Iterable[str] | None) -> Callable[[int], bool]:
    wanted = set(types or ())
    return lambda i: not wanted or g.types[i] in wanted


def _ranked(g: AnalysisGraph, scores: Sequence[float], column: str, top: int | None,
            types: Iterable[str] | None) -> list[Row]:
    keep = _keep(g, types)
    ordered = sorted((i for i in range(len(g)) if keep(i)), key=lambda i: (-scores[i], str(g.ids[i])))
    return [_row(g, i, **{column: round(scores[i], 6)}) for i in ordered[:top]]


def brokers(g: Graph, top: int | None = 10, types: Iterable[str] | None = None,
            k: int | None = None, seed: int = DEFAULT_SEED) -> list[Row]:
    """Nodes that lie on many shortest paths between others (betweenness centrality).

    Parameters
    ----------
    g : networkx.Graph
        The store's graph; direction and parallel edges are ignored.
    top : int, optional
        How many rows to return (None: all).
    types : iterable of str, optional
        Ontology labels to report (all when empty).
    k : int, optional
        Sample size for the estimate; by default exact up to 1000 nodes, else 100.
    seed : int
        Seed of the sample, so results repeat.

    Returns
    -------
    list of dict
        ``id``, ``name``, ``type``, ``betweenness`` (normalised), highest first.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("a", "hub"), ("b", "hub"), ("c", "hub")])
    >>> brokers(g, top=1)[0]["id"]
    'hub'
    """
    und = _as_analysis(g)
    n = len(und)
    if k is None and n > EXACT_BETWEENNESS_LIMIT:
        k = DEFAULT_SAMPLE
    if k is not None and k >= n:
        k = None
    if k is None:  # exact; igraph counts each pair once, NetworkX's normalisation both ways
        raw = und.graph.betweenness(directed=False)
        scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    else:  # k seeded sources, scaled up to all n (NetworkX's estimator)
        sources = random.Random(seed).sample(range(n), k)
        raw = und.graph.betweenness(directed=False, sources=sources)
        scale = 2 / ((n - 1) * (n - 2)) * n / k
    return _ranked(und, [b * scale for b in raw], "betweenness", top, types)


def most_connected(g: Graph, top: int | None = 10, types: Iterable[str] | None = None) -> list[Row]:
    """Nodes with the most distinct neighbours (degree in the simple undirected graph).

    Parameters
    ----------
    g : networkx.Graph
    top : int, optional
    types : iterable of str, optional

    Returns
    -------
    list of dict
        ``id``, ``name``, ``type``, ``degree``, highest first.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("a", "c")])
    >>> [(r["id"], r["degree"]) for r in most_connected(g, top=1)]
    [('a', 2)]
    """
    und = _as_analysis(g)
    return _ranked(und, und.graph.degree(), "degree", top, types)


def pagerank(g: Graph, top: int | None = 10, types: Iterable[str] | None = None,
             alpha: float = 0.85) -> list[Row]:
    """Nodes ranked by PageRank on the undirected graph (connected to the well connected).

    Parameters
    ----------
    g : networkx.Graph
    top : int, optional
    types : iterable of str, optional
    alpha : float
        Damping factor.

    Returns
    -------
    list of dict
        ``id``, ``name``, ``type``, ``pagerank``, highest first.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("a", "hub"), ("b", "hub"), ("c", "hub")])
    >>> pagerank(g, top=1)[0]["id"]
    'hub'
    """
    und = _as_analysis(g)
    if not len(und):
        return []
    scores = und.graph.pagerank(directed=False, damping=alpha)
    return _ranked(und, scores, "pagerank", top, types)


def communities(g: Graph, top: int | None = None, types: Iterable[str] | None = None,
                seed: int = DEFAULT_SEED, resolution: float = 1.0) -> list[Row]:
    """Groups of densely linked nodes (Louvain modularity, seeded so it repeats).

    Parameters
    ----------
    g : networkx.Graph
    top : int, optional
        How many communities (largest first).
    types : iterable of str, optional
        Labels of the members listed (the community is found on the whole graph).
    seed : int
    resolution : float
        Above 1 gives smaller communities.

    Returns
    -------
    list of dict
        ``community`` (0 = largest), ``size``, ``members`` (names), ``member_ids``.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z")])
    >>> sorted(r["size"] for r in communities(g))
    [3, 3]
    """
    import igraph

    und = _as_analysis(g)
    if not len(und):
        return []
    igraph.set_random_number_generator(random.Random(seed))  # seeded: the same groups each run
    try:
        found = und.graph.community_multilevel(resolution=resolution)
    finally:
        igraph.set_random_number_generator(random)
    return _groups(und, found, "community", top, types)


def components(g: Graph, top: int | None = None, types: Iterable[str] | None = None) -> list[Row]:
    """Connected components (ignoring direction), largest first.

    Parameters
    ----------
    g : networkx.Graph
    top : int, optional
    types : iterable of str, optional

    Returns
    -------
    list of dict
        ``component``, ``size``, ``members``, ``member_ids``.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("a", "b"), ("c", "d"), ("d", "e")])
    >>> [r["size"] for r in components(g)]
    [3, 2]
    """
    und = _as_analysis(g)
    return _groups(und, und.graph.connected_components(), "component", top, types)


def k_core(g: Graph, top: int | None = None, types: Iterable[str] | None = None,
           k: int | None = None) -> list[Row]:
    """Nodes of the k-core: each has at least k neighbours inside it (the dense centre).

    Parameters
    ----------
    g : networkx.Graph
    top : int, optional
    types : iterable of str, optional
    k : int, optional
        Core order; by default the largest k with a non-empty core.

    Returns
    -------
    list of dict
        ``id``, ``name``, ``type``, ``core_number``, ``k``.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")])
    >>> sorted(r["id"] for r in k_core(g))
    ['a', 'b', 'c']
    """
    und = _as_analysis(g)
    if not len(und):
        return []
    cores = und.graph.coreness()
    order = k if k is not None else max(cores)
    keep = _keep(und, types)
    members = sorted((i for i, c in enumerate(cores) if c >= order and keep(i)),
                     key=lambda i: (-cores[i], str(und.ids[i])))
    return [_row(und, i, core_number=cores[i], k=order) for i in members[:top]]


def _groups(g: AnalysisGraph, groups: Iterable[Iterable[int]], column: str, top: int | None,
            types: Iterable[str] | None) -> list[Row]:
    keep = _keep(g, types)
    ordered = sorted((sorted(c, key=lambda i: str(g.ids[i])) for c in groups if len(c)),
                     key=lambda c: (-len(c), str(g.ids[c[0]])))
    rows = []
    for i, members in enumerate(ordered[:top]):
        shown = [m for m in members if keep(m)]
        if types and not shown:
            continue
        rows.append({column: i, "size": len(members),
                     "members": [g.names[m] or str(g.ids[m]) for m in shown],
                     "member_ids": [g.ids[m] for m in shown]})
    return rows


ANALYSES: dict[str, Callable[..., list[Row]]] = {
    "brokers": brokers,
    "most-connected": most_connected,
    "pagerank": pagerank,
    "communities": communities,
    "components": components,
    "k-core": k_core,
}
