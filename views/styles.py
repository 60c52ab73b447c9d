"""Colours, shapes and type names for views, read from the ontology only.

>>> node_style("Ministry")["shape"]
'diamond'
>>> type_names("Ministry")
('กระทรวง', 'Ministry')
"""
from __future__ import annotations

from typing import Any

from phakhi.ontology import load_ontology

# Fonts that carry Thai glyphs, best first; Loma/Garuda/Norasi come with fonts-thai-tlwg on
# Linux, Tahoma on Windows. Used both in CSS and for the canvas labels vis.js draws.
THAI_FONT_STACK = ('"Noto Sans Thai", "Sarabun", "TH Sarabun New", "Loma", "Garuda", '
                   '"Norasi", Tahoma, sans-serif')
UNKNOWN_NODE_STYLE = {"color": "#9e9e9e", "shape": "dot"}
UNKNOWN_EDGE_STYLE = {"color": "#9e9e9e", "dashes": False}


def node_style(label: str) -> dict[str, Any]:
    """``{"color", "shape"}`` of a node label (grey dot for a label the ontology lacks)."""
    nt = load_ontology().node_types.get(label)
    if nt is None:
        return dict(UNKNOWN_NODE_STYLE)
    return {"color": nt.style["color"], "shape": nt.style.get("shape", "dot")}


def edge_style(rel_type: str) -> dict[str, Any]:
    """``{"color", "dashes"}`` of a relationship type."""
    rt = load_ontology().relationship_types.get(rel_type)
    if rt is None:
        return dict(UNKNOWN_EDGE_STYLE)
    return {"color": rt.style["color"], "dashes": bool(rt.style.get("dashes", False))}


def type_names(label: str) -> tuple[str, str]:
    """(Thai name, English name) of a node label or relationship type."""
    onto = load_ontology()
    t = onto.node_types.get(label) or onto.relationship_types.get(label)
    if t is None:
        return (label, label)
    return (t.name_th, t.name_en)


def legend_entries(node_counts: dict[str, int], edge_counts: dict[str, int]) -> dict[str, list]:
    """Legend rows for the types present, in ontology order, with their counts."""
    onto = load_ontology()
    order = {label: i for i, label in enumerate(onto.node_types)}
    rel_order = {t: i for i, t in enumerate(onto.relationship_types)}
    nodes = [{"type": label, "name_th": type_names(label)[0], "name_en": type_names(label)[1],
              "count": count, **node_style(label)}
             for label, count in sorted(node_counts.items(), key=lambda kv: (order.get(kv[0], 1e9), kv[0]))]
    edges = [{"type": rt, "name_th": type_names(rt)[0], "name_en": type_names(rt)[1],
              "count": count, **edge_style(rt)}
             for rt, count in sorted(edge_counts.items(), key=lambda kv: (rel_order.get(kv[0], 1e9), kv[0]))]
    return {"nodes": nodes, "edges": edges}
