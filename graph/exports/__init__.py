"""Exports of the merged graph: node-link JSON, RDF (Turtle, JSON-LD) with SHACL shapes,
GraphML, GEXF, CSV, a Cypher script and the files of ``neo4j-admin database import``.

One module per format; each takes nodes, edges and documents (:class:`GraphData`), not a
store. :func:`export_graph` is the one entry point the CLI and scripts use.

>>> from phakhi.graph.model import Node
>>> import io
>>> buf = io.StringIO()
>>> export_graph(([Node("Ministry:กระทรวงมหาดไทย", "Ministry", "กระทรวงมหาดไทย")], []), "json", buf)["nodes"]
1
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from phakhi.graph.exports.common import ExportError, GraphData, collect


@dataclass(frozen=True)
class ExportFormat:
    name: str
    module: str
    function: str
    description: str
    single_file: bool = True  # False: writes several files (csv)
    suffix: str = ""
    reads_store: bool = False  # True: needs the store itself (per-document claims), not the graph


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("json", "json_export", "write_json", "node-link JSON (nodes, edges, documents, meta)",
                 suffix=".json"),
    ExportFormat("ttl", "rdf", "write_turtle", "RDF Turtle (W3C ORG, PROV-O, SKOS)", suffix=".ttl"),
    ExportFormat("jsonld", "rdf", "write_jsonld", "RDF JSON-LD (same graph as ttl)", suffix=".jsonld"),
    ExportFormat("graphml", "graphml", "write_graphml", "GraphML for Gephi, yEd, networkx",
                 suffix=".graphml"),
    ExportFormat("gexf", "gexf", "write_gexf", "GEXF for Gephi", suffix=".gexf"),
    ExportFormat("csv", "csv_export", "write_csv", "two CSV files, nodes and edges (UTF-8 with BOM)",
                 single_file=False),
    ExportFormat("xlsx", "xlsx_export", "write_xlsx", "Excel workbook, sheets nodes and edges "
                 "(the csv columns)", suffix=".xlsx"),
    ExportFormat("shacl", "shacl", "write_shapes", "the SHACL shapes generated from the ontology (Turtle)",
                 suffix=".shacl.ttl"),
    ExportFormat("cypher", "cypher_export", "write_cypher",
                 "Cypher script that recreates the graph in an empty Neo4j", suffix=".cypher"),
    ExportFormat("neo4j-admin", "neo4j_admin", "write_neo4j_admin",
                 "CSV files and the command for neo4j-admin database import full (the Neo4j "
                 "store's layout; a directory)", single_file=False, reads_store=True),
)}


def export_graph(store_or_graph: Any, fmt: str, out: Any, **opts: Any) -> dict[str, Any]:
    """Write the graph in format ``fmt`` to ``out`` (a path, a directory — then
    ``graph.<suffix>`` in it —, ``-`` for stdout, or an open file); returns counts
    ``{"nodes", "edges", "dropped_edges", "files"}``.

    ``opts`` go to the format's writer (``base=`` for ttl/jsonld)."""
    try:
        spec = FORMATS[fmt]
    except KeyError:
        raise ExportError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}") from None
    if spec.single_file and isinstance(out, (str, Path)) and out != "-" and Path(out).is_dir():
        out = Path(out) / f"graph{spec.suffix}"  # a directory: the file gets a standard name
    writer = getattr(importlib.import_module(f"phakhi.graph.exports.{spec.module}"), spec.function)
    if spec.reads_store:
        written = writer(store_or_graph, out, **opts)
        return {"nodes": written["nodes"], "edges": written["edges"], "dropped_edges": 0,
                "files": written["files"]}
    data = collect(store_or_graph)
    result = writer(data, out, **opts)
    files = result if isinstance(result, list) else [str(out)]
    return {"nodes": len(data.nodes), "edges": len(data.edges), "dropped_edges": data.dropped_edges,
            "files": files}


__all__ = ["FORMATS", "ExportError", "ExportFormat", "GraphData", "collect", "export_graph"]
