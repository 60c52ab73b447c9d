"""Graph analyses over the merged graph: brokers, hubs, communities, components, cores.

One function per algorithm. Each takes the store's MultiDiGraph (``store.graph()``) and
returns rows (dicts) ready for ``emit``; ``types`` keeps only nodes of those ontology
labels in the answer (the measure is always computed on the whole graph, so a broker
between two ministries still counts). Direction is ignored: "who is connected to whom".

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for n in "abcd": g.add_node(n, type="Department", name=n.upper())
>>> g.add_edges_from([("a", "b"), ("b", "c"), ("c", "d")])
[0, 0, 0]
>>> [r["id"] for r in brokers(g, top=2)]
['b', 'c']
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

import networkx as nx

Row = dict[str, Any]
# Above this many nodes betweenness is estimated from a sample of k source nodes: exact
# betweenness costs one search per node (hours at national scale), a sample k searches.
EXACT_BETWEENNESS_LIMIT = 1000
DEFAULT_SAMPLE = 100
DEFAULT_SEED = 42


def simple_undirected(g: nx.Graph) -> nx.Graph:
    """The graph without direction, parallel edges or self-loops (what the measures need).

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("a", "a")])
    >>> sorted(simple_undirected(g).edges())
    [('a', 'b')]
    """
    und = nx.Graph()
    und.add_nodes_from(g.nodes(data=True))
    und.add_edges_from((u, v) for u, v in g.edges() if u != v)
    return und


def _row(g: nx.Graph, node: Any, **values: Any) -> Row:
    attrs = g.nodes[node]
    return {"id": node, "name": attrs.get("name"), "type": attrs.get("type"), **values}


def _keep(g: nx.Graph, types: Iterable[str] | None) -> Callable[[Any], bool]:
    wanted = set(types or ())
    return lambda n: not wanted or g.nodes[n].get("type") in wanted


def _ranked(g: nx.Graph, scores: dict[Any, float], column: str, top: int | None,
            types: Iterable[str] | None) -> list[Row]:
    keep = _keep(g, types)
    ordered = sorted((n for n in scores if keep(n)), key=lambda n: (-scores[n], str(n)))
    return [_row(g, n, **{column: round(scores[n], 6)}) for n in ordered[:top]]


def brokers(g: nx.Graph, top: int | None = 10, types: Iterable[str] | None = None,
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
    >>> g = nx.MultiDiGraph([("a", "hub"), ("b", "hub"), ("c", "hub")])
    >>> brokers(g, top=1)[0]["id"]
    'hub'
    """
    und = simple_undirected(g)
    if k is None and und.number_of_nodes() > EXACT_BETWEENNESS_LIMIT:
        k = DEFAULT_SAMPLE
    if k is not None:
        k = min(k, und.number_of_nodes())
    scores = nx.betweenness_centrality(und, k=k, seed=seed if k else None, normalized=True)
    return _ranked(und, scores, "betweenness", top, types)


def most_connected(g: nx.Graph, top: int | None = 10, types: Iterable[str] | None = None) -> list[Row]:
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
    >>> g = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("a", "c")])
    >>> [(r["id"], r["degree"]) for r in most_connected(g, top=1)]
    [('a', 2)]
    """
    und = simple_undirected(g)
    return _ranked(und, dict(und.degree()), "degree", top, types)


def pagerank(g: nx.Graph, top: int | None = 10, types: Iterable[str] | None = None,
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
    >>> g = nx.MultiDiGraph([("a", "hub"), ("b", "hub"), ("c", "hub")])
    >>> pagerank(g, top=1)[0]["id"]
    'hub'
    """
    und = simple_undirected(g)
    if und.number_of_nodes() == 0:
        return []
    return _ranked(und, _pagerank_scores(und, alpha), "pagerank", top, types)


def _pagerank_scores(und: nx.Graph, alpha: float, tol: float = 1e-6,
                     max_iter: int = 100) -> dict[Any, float]:
    """Power iteration in pure Python (networkx's pagerank needs numpy/scipy, which the
    project does not depend on); dangling nodes spread their rank evenly; stops when the
    L1 change is below ``n * tol`` (networkx's criterion).

    >>> s = _pagerank_scores(nx.path_graph(3), 0.85)
    >>> round(sum(s.values()), 6), s[1] > s[0]
    (1.0, True)
    """
    nodes = list(und)
    n = len(nodes)
    position = {v: i for i, v in enumerate(nodes)}
    neighbours = [[position[u] for u in und[v]] for v in nodes]
    share = [1.0 / len(nb) if nb else 0.0 for nb in neighbours]
    dangling = [i for i, nb in enumerate(neighbours) if not nb]
    rank = [1.0 / n] * n
    for _ in range(max_iter):
        out = [rank[i] * share[i] for i in range(n)]
        base = (1.0 - alpha) / n + alpha * sum(rank[i] for i in dangling) / n
        new = [base + alpha * sum(out[j] for j in nb) for nb in neighbours]
        delta = sum(abs(a - b) for a, b in zip(new, rank))
        rank = new
        if delta < n * tol:
            break
    return dict(zip(nodes, rank))


def communities(g: nx.Graph, top: int | None = None, types: Iterable[str] | None = None,
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
    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z")])
    >>> sorted(r["size"] for r in communities(g))
    [3, 3]
    """
    und = simple_undirected(g)
    found = nx.community.louvain_communities(und, seed=seed, resolution=resolution)
    return _groups(und, found, "community", top, types)


def components(g: nx.Graph, top: int | None = None, types: Iterable[str] | None = None) -> list[Row]:
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
    >>> g = nx.MultiDiGraph([("a", "b"), ("c", "d"), ("d", "e")])
    >>> [r["size"] for r in components(g)]
    [3, 2]
    """
    und = simple_undirected(g)
    return _groups(und, nx.connected_components(und), "component", top, types)


def k_core(g: nx.Graph, top: int | None = None, types: Iterable[str] | None = None,
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
    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")])
    >>> sorted(r["id"] for r in k_core(g))
    ['a', 'b', 'c']
    """
    und = simple_undirected(g)
    if und.number_of_nodes() == 0:
        return []
    cores = nx.core_number(und)
    order = k if k is not None else max(cores.values())
    keep = _keep(und, types)
    members = sorted((n for n, c in cores.items() if c >= order and keep(n)),
                     key=lambda n: (-cores[n], str(n)))
    return [_row(und, n, core_number=cores[n], k=order) for n in members[:top]]


def _groups(g: nx.Graph, groups: Iterable[set], column: str, top: int | None,
            types: Iterable[str] | None) -> list[Row]:
    keep = _keep(g, types)
    ordered = sorted((sorted(c, key=str) for c in groups), key=lambda c: (-len(c), str(c[0])))
    rows = []
    for i, members in enumerate(ordered[:top]):
        shown = [m for m in members if keep(m)]
        if types and not shown:
            continue
        rows.append({column: i, "size": len(members),
                     "members": [g.nodes[m].get("name") or str(m) for m in shown],
                     "member_ids": shown})
    return rows


ANALYSES: dict[str, Callable[..., list[Row]]] = {
    "brokers": brokers,
    "most-connected": most_connected,
    "pagerank": pagerank,
    "communities": communities,
    "components": components,
    "k-core": k_core,
}
