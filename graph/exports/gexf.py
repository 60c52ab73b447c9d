"""GEXF export for Gephi (and ``networkx.read_gexf``).

Same flattening as GraphML (:func:`~phakhi.graph.exports.graphml.flat_graph`). GEXF gives
``type`` on an edge its own meaning (directed/undirected), so the relationship type is the
edge ``label`` and the attribute ``rel_type``; GEXF's other reserved names (``start``,
``end``, ``weight`` …) are written as ``prop_<name>``.

>>> import io, networkx as nx
>>> from phakhi.graph.model import Node, Edge
>>> buf = io.BytesIO()
>>> write_gexf(([Node("a", "Department", "กรม ก"), Node("b", "Ministry", "กระทรวง ข")],
...             [Edge("a", "b", "PART_OF", {"start": 1})]), buf)
>>> g = nx.read_gexf(io.BytesIO(buf.getvalue()))
>>> [(d["label"], d["prop_start"]) for _, _, d in g.edges(data=True)]
[('PART_OF', 1)]
"""
from __future__ import annotations

from typing import Any

import networkx as nx

from phakhi.graph.exports.common import collect, open_output
from phakhi.graph.exports.graphml import EDGE_RESERVED, NODE_RESERVED, flat_graph

GEXF_RESERVED = {"start", "end", "pid", "viz", "parents", "slices", "spells", "weight", "networkx_key"}


def write_gexf(source: Any, out: Any) -> None:
    g = flat_graph(collect(source), node_reserved=NODE_RESERVED | GEXF_RESERVED,
                   edge_reserved=EDGE_RESERVED | GEXF_RESERVED, edge_type_key="rel_type")
    with open_output(out, binary=True) as fh:
        nx.write_gexf(g, fh, encoding="utf-8", prettyprint=True)
