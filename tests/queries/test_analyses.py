"""Graph analyses on small known graphs and on the generated graph."""
from __future__ import annotations

import networkx as nx
import pytest

from phakhi.graph.stores.base import to_networkx
from phakhi.queries import analyses
from phakhi.queries.testing import random_batches


def _typed(edges: list[tuple[str, str]], types: dict[str, str]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for n, t in types.items():
        g.add_node(n, type=t, name=n.upper())
    g.add_edges_from(edges)
    return g


@pytest.fixture
def bridge() -> nx.MultiDiGraph:
    # two triangles joined through 'm' (a ministry brokering between two departments' groups)
    types = {"a": "Department", "b": "Department", "c": "Office", "m": "Ministry",
             "x": "Department", "y": "Office", "z": "Office"}
    return _typed([("a", "b"), ("b", "c"), ("c", "a"), ("c", "m"), ("m", "x"),
                   ("x", "y"), ("y", "z"), ("z", "x"), ("a", "b")], types)


def test_broker_is_the_bridge(bridge: nx.MultiDiGraph) -> None:
    rows = analyses.brokers(bridge, top=3)
    assert rows[0]["id"] == "m" and rows[0]["type"] == "Ministry"
    assert {r["id"] for r in rows[1:]} == {"c", "x"}
    only_departments = analyses.brokers(bridge, top=None, types=["Department"])
    assert {r["type"] for r in only_departments} == {"Department"}


def test_sampled_betweenness_repeats_with_the_seed() -> None:
    g = nx.MultiDiGraph(nx.barabasi_albert_graph(300, 2, seed=1))
    first = analyses.brokers(g, top=5, k=50, seed=7)
    assert first == analyses.brokers(g, top=5, k=50, seed=7)
    exact = analyses.brokers(g, top=1)
    assert first[0]["id"] == exact[0]["id"]  # the main hub is found by the estimate too


def test_degree_counts_distinct_neighbours(bridge: nx.MultiDiGraph) -> None:
    top = analyses.most_connected(bridge, top=None)
    degree = {r["id"]: r["degree"] for r in top}
    assert degree["a"] == 2  # the doubled a->b edge counts once
    assert degree["c"] == 3 and degree["m"] == 2


def test_pagerank_sums_to_one_and_ranks_hubs(bridge: nx.MultiDiGraph) -> None:
    rows = analyses.pagerank(bridge, top=None)
    assert abs(sum(r["pagerank"] for r in rows) - 1) < 1e-4
    star = nx.MultiDiGraph([("h", s) for s in "pqrs"])
    assert analyses.pagerank(star, top=1)[0]["id"] == "h"


def test_communities_split_the_two_triangles(bridge: nx.MultiDiGraph) -> None:
    groups = analyses.communities(bridge)
    ids = [set(g["member_ids"]) for g in groups]
    assert {"a", "b", "c"} in ids or {"a", "b", "c", "m"} in ids
    assert {"x", "y", "z"} in ids or {"x", "y", "z", "m"} in ids
    assert analyses.communities(bridge) == groups  # seeded: same answer every time


def test_components_and_k_core() -> None:
    g = _typed([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("e", "f")],
               {n: "Department" for n in "abcdefg"})
    comps = analyses.components(g)
    assert [c["size"] for c in comps] == [4, 2, 1]
    core = analyses.k_core(g)
    assert {r["id"] for r in core} == {"a", "b", "c"} and core[0]["k"] == 2
    assert {r["id"] for r in analyses.k_core(g, k=1)} == set("abcdef")


def test_empty_graph_gives_no_rows() -> None:
    g = nx.MultiDiGraph()
    for func in analyses.ANALYSES.values():
        assert func(g) == []


def test_generated_graph_analyses_run() -> None:
    batches = random_batches(seed=5, scale=2)
    g = to_networkx([n for b in batches for n in b.merged().nodes],
                    [e for b in batches for e in b.merged().edges])
    for name, func in analyses.ANALYSES.items():
        rows = func(g)
        assert rows, name


# -- igraph against the NetworkX reference ----------------------------------------------

@pytest.fixture(scope="module")
def generated() -> nx.Graph:
    batches = random_batches(seed=7, scale=3)
    g = to_networkx([n for b in batches for n in b.merged().nodes],
                    [e for b in batches for e in b.merged().edges])
    und = nx.Graph()
    und.add_nodes_from(g.nodes(data=True))
    und.add_edges_from((u, v) for u, v in g.edges() if u != v)
    return und


def test_exact_betweenness_equals_networkx(generated: nx.Graph) -> None:
    want = nx.betweenness_centrality(generated, normalized=True)
    got = {r["id"]: r["betweenness"] for r in analyses.brokers(generated, top=None)}
    assert got == pytest.approx({n: round(v, 6) for n, v in want.items()}, abs=2e-6)


def test_pagerank_equals_networkx(generated: nx.Graph) -> None:
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

    want = _pagerank_python(generated, alpha=0.85, tol=1e-10, max_iter=1000)
    rows = analyses.pagerank(generated, top=None)
    assert {r["id"]: r["pagerank"] for r in rows} == pytest.approx(want, abs=1e-5)
    top = sorted(want, key=lambda n: (-want[n], str(n)))[:10]
    assert [r["id"] for r in rows[:10]] == top


def test_cores_components_degree_equal_networkx(generated: nx.Graph) -> None:
    cores = nx.core_number(generated)
    assert {r["id"]: r["core_number"] for r in analyses.k_core(generated, k=0)} == cores
    want = sorted(len(c) for c in nx.connected_components(generated))
    assert sorted(r["size"] for r in analyses.components(generated)) == want
    assert {r["id"]: r["degree"] for r in analyses.most_connected(generated, top=None)} == dict(generated.degree())


def test_louvain_finds_partitions_as_good_as_networkx(generated: nx.Graph) -> None:
    ours = [set(r["member_ids"]) for r in analyses.communities(generated)]
    assert set().union(*ours) == set(generated) and sum(map(len, ours)) == len(generated)
    theirs = nx.community.louvain_communities(generated, seed=42)
    assert nx.community.modularity(generated, ours) >= nx.community.modularity(generated, theirs) - 0.03


def test_the_store_projection_gives_the_graph_networkx_gives(tmp_path) -> None:
    from phakhi.graph.stores.sqlite_store import SQLiteStore

    with SQLiteStore(tmp_path / "s") as store:
        store.write_many(random_batches(seed=2))
        from_projection = analyses.analysis_graph(store)
        from_networkx = analyses.AnalysisGraph.from_networkx(store.graph())
        for name, func in analyses.ANALYSES.items():
            assert func(from_projection, top=None) == func(from_networkx, top=None), name
