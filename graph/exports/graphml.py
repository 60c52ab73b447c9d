"""GraphML export (Gephi, yEd, Cytoscape, ``networkx.read_graphml``).

GraphML holds scalar attributes only, so lists are joined with `` | ``, dicts (and the
provenance) become JSON and None is left out; an attribute whose values mix types is
written as text everywhere, so each key has one declared type. Nodes carry ``label`` (the
name) for viewers; edges carry ``type`` and ``label`` (the relationship type).

>>> import io, networkx as nx
>>> from phakhi.graph.model import Node, Edge
>>> buf = io.BytesIO()
>>> write_graphml(([Node("a", "Department", "กรม ก", ["ก.", "กก."]), Node("b", "Ministry", "กระทรวง ข")],
...                [Edge("a", "b", "PART_OF")]), buf)
>>> g = nx.read_graphml(io.BytesIO(buf.getvalue()))
>>> g.nodes["a"]["aliases"], g.number_of_edges()
('ก. | กก.', 1)
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any, Iterable

import networkx as nx

from phakhi.graph.exports.common import GraphData, collect, flat_value, open_output, provenance_docs

# Attribute names the exporters set themselves; a property with one of these names is
# written as ``prop_<name>``.
NODE_RESERVED = {"id", "label", "type", "name", "aliases", "documents", "provenance"}
EDGE_RESERVED = {"id", "label", "type", "rel_type", "qualifier", "documents", "provenance", "source",
                 "target", "key"}


# Characters XML 1.0 cannot hold at all (C0 controls except tab, newline, carriage return;
# surrogates; U+FFFE/U+FFFF). A PDF's form feed would otherwise make the file unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: Any) -> Any:
    """``value`` with characters XML cannot hold replaced by U+FFFD (strings only)."""
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _put(attrs: dict[str, Any], props: dict[str, Any], reserved: set[str]) -> None:
    for key, value in props.items():
        flat = flat_value(value)
        if flat is not None:
            attrs[f"prop_{key}" if key in reserved else key] = flat


def _uniform(items: Iterable[dict[str, Any]]) -> None:
    """Make each attribute one type across all items (mixed -> text), in place."""
    items = list(items)
    kinds: dict[str, set[type]] = defaultdict(set)
    for attrs in items:
        for k, v in attrs.items():
            kinds[k].add(type(v))
    mixed = {k for k, ts in kinds.items() if len(ts) > 1}
    for attrs in items:
        for k in mixed & attrs.keys():
            v = attrs[k]
            attrs[k] = ("true" if v else "false") if isinstance(v, bool) else str(v)


def flat_graph(data: GraphData, *, node_reserved: set[str] = NODE_RESERVED,
               edge_reserved: set[str] = EDGE_RESERVED, edge_type_key: str = "type") -> nx.MultiDiGraph:
    """A MultiDiGraph with scalar attributes only, ready for GraphML or GEXF writers."""
    g = nx.MultiDiGraph()
    node_attrs = []
    for n in data.nodes:
        attrs: dict[str, Any] = {"label": n.name, "type": n.type, "name": n.name}
        if n.aliases:
            attrs["aliases"] = flat_value(n.aliases)
        _put(attrs, n.properties, node_reserved)
        if n.provenance:
            attrs["documents"] = flat_value(provenance_docs(n.provenance))
            attrs["provenance"] = json.dumps([p.to_dict() for p in n.provenance], ensure_ascii=False)
        node_attrs.append(attrs)
    edge_attrs = []
    for e in data.edges:
        attrs = {"label": e.type, edge_type_key: e.type, "id": e.id}
        if e.qualifier:
            attrs["qualifier"] = e.qualifier
        _put(attrs, e.properties, edge_reserved)
        if e.provenance:
            attrs["documents"] = flat_value(provenance_docs(e.provenance))
            attrs["provenance"] = json.dumps([p.to_dict() for p in e.provenance], ensure_ascii=False)
        edge_attrs.append(attrs)
    _uniform(node_attrs)
    _uniform(edge_attrs)
    for n, attrs in zip(data.nodes, node_attrs):
        g.add_node(xml_safe(n.id), **{k: xml_safe(v) for k, v in attrs.items()})
    for e, attrs in zip(data.edges, edge_attrs):
        g.add_edge(xml_safe(e.source), xml_safe(e.target), key=e.id, **{k: xml_safe(v) for k, v in attrs.items()})
    return g


def write_graphml(source: Any, out: Any) -> None:
    g = flat_graph(collect(source))
    for _, _, attrs in g.edges(data=True):
        attrs.pop("id", None)  # GraphML has the edge id as the element id (the multigraph key)
    with open_output(out, binary=True) as fh:
        nx.write_graphml(g, fh, encoding="utf-8", prettyprint=True, named_key_ids=True)
