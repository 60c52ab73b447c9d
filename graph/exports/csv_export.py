"""CSV export: one file of nodes and one of edges, UTF-8 with a BOM so Excel shows Thai.

``out`` is a base path (``out/graph`` -> ``out/graph.nodes.csv`` + ``out/graph.edges.csv``;
a trailing ``.csv`` is dropped) or a directory (``dir/nodes.csv`` + ``dir/edges.csv``).
Columns: the fixed ones first, then every property seen (sorted); lists joined with
`` | ``, dicts and provenance as JSON. Edges also carry the names of their ends, so a
spreadsheet reads without a look-up.

>>> import tempfile, csv, pathlib
>>> from phakhi.graph.model import Node
>>> d = tempfile.mkdtemp()
>>> files = write_csv(([Node("a", "Department", "กรม ก", [], {"abbreviation": "ก."})], []), d)
>>> [pathlib.Path(f).name for f in files]
['nodes.csv', 'edges.csv']
>>> next(csv.DictReader(open(files[0], encoding="utf-8-sig")))["abbreviation"]
'ก.'
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from phakhi.graph.exports.common import (ExportError, GraphData, collect, flat_value, open_output,
                                        provenance_docs, spreadsheet_safe)

NODE_COLUMNS = ["id", "type", "name", "aliases"]
EDGE_COLUMNS = ["id", "source", "target", "type", "qualifier", "source_name", "target_name"]
TAIL_COLUMNS = ["documents", "provenance"]
ENCODING = "utf-8-sig"  # the BOM makes Excel read the file as UTF-8


def csv_paths(out: Any) -> tuple[Path, Path]:
    """Where the two files go for ``-o out``."""
    if out is None or out == "-":
        raise ExportError("csv writes two files: give a base path or a directory, not stdout")
    path = Path(out)
    if path.is_dir() or str(out).endswith(("/", "\\")):
        return path / "nodes.csv", path / "edges.csv"
    base = path.name[:-4] if path.name.lower().endswith(".csv") else path.name
    return path.with_name(f"{base}.nodes.csv"), path.with_name(f"{base}.edges.csv")


def _cell(value: Any) -> str:
    flat = flat_value(value)
    if flat is None:
        return ""
    if isinstance(flat, bool):
        return "true" if flat else "false"
    return spreadsheet_safe(flat) if isinstance(flat, str) else str(flat)


def _property_columns(items: list[dict[str, Any]], fixed: list[str]) -> list[str]:
    seen = sorted({k for props in items for k in props})
    return [k if k not in fixed + TAIL_COLUMNS else f"prop_{k}" for k in seen]


def _rename(props: dict[str, Any], fixed: list[str]) -> dict[str, Any]:
    return {(k if k not in fixed + TAIL_COLUMNS else f"prop_{k}"): v for k, v in props.items()}


def _write(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> None:
    with open_output(path, encoding=ENCODING) as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in columns})


def node_table(data: GraphData) -> tuple[list[str], list[dict[str, Any]]]:
    """(columns, rows) of the nodes, as the CSV and the Excel exports write them."""
    node_cols = NODE_COLUMNS + _property_columns([n.properties for n in data.nodes], NODE_COLUMNS) + TAIL_COLUMNS
    node_rows = [{"id": n.id, "type": n.type, "name": n.name, "aliases": n.aliases,
                  **_rename(n.properties, NODE_COLUMNS),
                  "documents": provenance_docs(n.provenance),
                  "provenance": json.dumps([p.to_dict() for p in n.provenance], ensure_ascii=False)}
                 for n in data.nodes]
    return node_cols, node_rows


def edge_table(data: GraphData) -> tuple[list[str], list[dict[str, Any]]]:
    """(columns, rows) of the edges, with both ends' names."""
    names = {n.id: n.name for n in data.nodes}
    edge_cols = EDGE_COLUMNS + _property_columns([e.properties for e in data.edges], EDGE_COLUMNS) + TAIL_COLUMNS
    edge_rows = [{"id": e.id, "source": e.source, "target": e.target, "type": e.type,
                  "qualifier": e.qualifier, "source_name": names.get(e.source, ""),
                  "target_name": names.get(e.target, ""), **_rename(e.properties, EDGE_COLUMNS),
                  "documents": provenance_docs(e.provenance),
                  "provenance": json.dumps([p.to_dict() for p in e.provenance], ensure_ascii=False)}
                 for e in data.edges]
    return edge_cols, edge_rows


def write_csv(source: Any, out: Any) -> list[str]:
    """Write nodes and edges; returns the two file paths."""
    data: GraphData = collect(source)
    nodes_path, edges_path = csv_paths(out)
    _write(nodes_path, *node_table(data))
    _write(edges_path, *edge_table(data))
    return [str(nodes_path), str(edges_path)]
