"""Node-link JSON: the graph as one JSON object, properties flattened onto each item.

The shape the scorer and scripts read (``/work/shared/tools/score_extraction.py``)::

    {"nodes": [{"id", "type", "name", "aliases", <properties>, "provenance"}],
     "edges": [{"id", "source", "target", "type", "qualifier", <properties>, "provenance"}],
     "documents": [...], "meta": {"generator", "version", "counts"}}

A property whose name clashes with a structural key (``id``, ``type`` …) stays under
``"properties"`` instead of being flattened, so nothing is lost or overwritten.

>>> from phakhi.graph.model import Node, Edge
>>> data = node_link(([Node("Province:น่าน", "Province", "น่าน"),
...                     Node("ref:dla", "Department", "กรมส่งเสริมการปกครองท้องถิ่น")],
...                    [Edge("Province:น่าน", "ref:dla", "HAS_TRAINERS", {"count": 3})]))
>>> data["edges"][0]["count"], data["meta"]["counts"]["edges"]
(3, 1)
>>> len(read_node_link(data).nodes)
2
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict
from typing import Any

from phakhi import __version__
from phakhi.graph.exports.common import GraphData, collect, open_output
from phakhi.graph.model import DocumentInfo, Edge, Node, Provenance

NODE_KEYS = ("id", "type", "name", "aliases", "provenance", "properties")
EDGE_KEYS = ("id", "source", "target", "type", "qualifier", "provenance", "properties")


def _flatten(base: dict[str, Any], properties: dict[str, Any], reserved: tuple[str, ...]) -> dict[str, Any]:
    clashing = {}
    for key, value in properties.items():
        if key in reserved:
            clashing[key] = value
        else:
            base[key] = value
    if clashing:
        base["properties"] = clashing
    return base


def node_to_json(node: Node) -> dict[str, Any]:
    item = {"id": node.id, "type": node.type, "name": node.name, "aliases": list(node.aliases)}
    _flatten(item, node.properties, NODE_KEYS)
    item["provenance"] = [p.to_dict() for p in node.provenance]
    return item


def edge_to_json(edge: Edge) -> dict[str, Any]:
    item: dict[str, Any] = {"id": edge.id, "source": edge.source, "target": edge.target,
                            "type": edge.type}
    if edge.qualifier:
        item["qualifier"] = edge.qualifier
    _flatten(item, edge.properties, EDGE_KEYS)
    item["provenance"] = [p.to_dict() for p in edge.provenance]
    return item


def node_link(source: Any) -> dict[str, Any]:
    """The node-link document for a store, graph or ``(nodes, edges[, documents])``."""
    data = collect(source)
    return {
        "nodes": [node_to_json(n) for n in data.nodes],
        "edges": [edge_to_json(e) for e in data.edges],
        "documents": [asdict(d) for d in data.documents],
        "meta": meta(data),
    }


def meta(data: GraphData) -> dict[str, Any]:
    return {
        "generator": "phakhi",
        "version": __version__,
        "counts": {
            "nodes": len(data.nodes),
            "edges": len(data.edges),
            "documents": len(data.documents),
            "dropped_dangling_edges": data.dropped_edges,
            "nodes_by_type": dict(sorted(Counter(n.type for n in data.nodes).items())),
            "edges_by_type": dict(sorted(Counter(e.type for e in data.edges).items())),
        },
    }


def write_json(source: Any, out: Any, *, indent: int | None = 1) -> dict[str, Any]:
    """Write the node-link JSON to ``out`` (path, ``-`` or open file); returns the meta."""
    doc = node_link(source)
    with open_output(out) as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=indent, default=str)
        fh.write("\n")
    return doc["meta"]


def read_node_link(doc: dict[str, Any]) -> GraphData:
    """Rebuild nodes, edges and documents from a node-link document (the inverse of
    :func:`node_link`)."""
    nodes = []
    for item in doc.get("nodes", []):
        props = {k: v for k, v in item.items() if k not in NODE_KEYS}
        props.update(item.get("properties") or {})
        nodes.append(Node(item["id"], item.get("type", ""), item.get("name", ""),
                          list(item.get("aliases") or []), props,
                          [Provenance.from_dict(p) for p in item.get("provenance") or []]))
    edges = []
    for item in doc.get("edges", doc.get("links", [])):
        props = {k: v for k, v in item.items() if k not in EDGE_KEYS}
        props.update(item.get("properties") or {})
        edges.append(Edge(item["source"], item["target"], item.get("type", ""), props,
                          [Provenance.from_dict(p) for p in item.get("provenance") or []],
                          item.get("qualifier", "") or ""))
    fields = DocumentInfo.__dataclass_fields__  # type: ignore[attr-defined]
    documents = [DocumentInfo(**{k: v for k, v in d.items() if k in fields})
                 for d in doc.get("documents", [])]
    return GraphData(nodes, edges, documents)
