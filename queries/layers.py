"""The graph's layers and the one definition of each ranking measure.

Each relationship type belongs to one layer (``layer:`` in ``ontology/schema.yaml``):
*partnership* (agreements, signatures, obligations, networks, positions, events),
*coverage* (the trainer tables), *documents* (what a document mentions, issues,
encloses) and *places*. Rankings — brokers, most connected, communities, k-core — are
about who works with whom, so they are computed on the partnership layer by default: 540
province → department trainer counts would otherwise decide every ranking. The CLI
(``analyze``, ``summary``) and the report page all rank through :func:`measure`, so an
agency has one degree everywhere.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> _ = g.add_edge("p", "d", type="HAS_TRAINERS"); _ = g.add_edge("d", "m", type="PARTY_TO")
>>> sorted(layer_graph(g).nodes), sorted(layer_graph(g, "coverage").nodes)
(['d', 'm'], ['d', 'p'])
"""
from __future__ import annotations

from typing import Any, Iterable

import networkx as nx

from phakhi.ontology import LAYERS, OntologyError, load_ontology

DEFAULT_LAYER = "partnership"
ALL = "all"
LAYER_CHOICES = (*LAYERS, ALL)


def layer_relations(layer: str) -> frozenset[str]:
    """Relationship types of ``layer`` (``all``: every type).

    >>> "HAS_TRAINERS" in layer_relations("partnership"), "PARTY_TO" in layer_relations("partnership")
    (False, True)
    """
    onto = load_ontology()
    if layer == ALL:
        return frozenset(onto.relationship_types)
    if layer not in LAYERS:
        raise OntologyError(f"unknown layer {layer!r} (one of: {', '.join(LAYER_CHOICES)})")
    return frozenset(t for t, r in onto.relationship_types.items() if r.layer == layer)


def layer_graph(g: nx.MultiDiGraph, layer: str = DEFAULT_LAYER) -> nx.MultiDiGraph:
    """The relationships of ``layer`` and the nodes they touch (``all``: ``g`` itself)."""
    if layer == ALL:
        return g
    return relations_subgraph(g, layer_relations(layer))


def relations_subgraph(g: nx.MultiDiGraph, wanted: Iterable[str]) -> nx.MultiDiGraph:
    """Only the edges whose type is in ``wanted``, and the nodes they touch."""
    wanted = set(wanted)
    out = nx.MultiDiGraph()
    for u, v, k, attrs in g.edges(keys=True, data=True):
        if attrs.get("type") in wanted:
            out.add_node(u, **g.nodes[u])
            out.add_node(v, **g.nodes[v])
            out.add_edge(u, v, key=k, **attrs)
    return out


def agency_types() -> tuple[str, ...]:
    """The labels ranked as agencies (every sub-type of Agent that is not a person)."""
    onto = load_ontology()
    return tuple(t for t in onto.subtypes("Agent") if t != "Person")


def measure(g: nx.MultiDiGraph, name: str, *, layer: str = DEFAULT_LAYER, top: int | None = 10,
            types: Iterable[str] | None = None, **options: Any) -> list[dict[str, Any]]:
    """``analyses.ANALYSES[name]`` on ``layer`` of ``g``: what `phakhi analyze`, `phakhi
    summary` and the report page rank by."""
    from phakhi.queries.analyses import ANALYSES

    return ANALYSES[name](layer_graph(g, layer), top=top, types=types, **options)
