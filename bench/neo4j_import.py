"""``neo4j-admin database import full`` of benchmark facts: CSV files and running the tool.

The CSV files hold what the Neo4j store would hold for the merged view (``Entity`` plus the
ontology label, ``name``, ``aliases``, ``docs``, ``provenance`` and the flattened
properties; relationships with ``id``, ``qualifier`` and properties), so a database loaded
this way answers the canned questions like one loaded through the store.

The tool runs from the jars ``scripts/neo4j-local`` assembled in ``.cache/neo4j/lib-*``
(``org.neo4j.cli.AdminTool``), offline: into a throw-away NEO4J_HOME for timing, or into a
stopped private instance to load the national graph quickly.

>>> _column_type([1, 2])
'long'
>>> _column_type([["a"], []])
'string[]'
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, Iterable

from phakhi.graph.model import stable_json

ARRAY_DELIMITER = ";"
RESERVED = {"id", "name", "type", "aliases", "aliases_text", "docs", "provenance", "claims", "qualifier"}


def neo4j_lib(repo: Path) -> Path | None:
    """The assembled Neo4j jar folder, newest version first (None when never assembled)."""
    cache = Path(os.environ.get("NEO4J_LOCAL_CACHE", repo / ".cache" / "neo4j"))
    libs = sorted(p for p in cache.glob("lib-*") if (p / ".complete").exists())
    return libs[-1] if libs else None


def _column_type(values: list[Any]) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds == {bool}:
        return "boolean"
    if kinds == {int}:
        return "long"
    if kinds and kinds <= {int, float}:
        return "double"
    if kinds == {list} and all(isinstance(x, str) for v in values if v for x in v):
        return "string[]"
    return "string"


def _cell(value: Any, col_type: str) -> str:
    if value is None:
        return ""
    if col_type == "string[]":
        return ARRAY_DELIMITER.join(str(x).replace(ARRAY_DELIMITER, ",") for x in value)
    if col_type == "boolean":
        return "true" if value else "false"
    if col_type in ("long", "double"):
        return str(value)
    return value if isinstance(value, str) else stable_json(value)


def _write(path: Path, fixed: list[str], rows: list[tuple[list[Any], dict[str, Any]]]) -> None:
    keys = sorted({k for _, props in rows for k in props})
    types = {k: _column_type([props.get(k) for _, props in rows]) for k in keys}
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(fixed + [f"{k}:{types[k]}" for k in keys])
        for head, props in rows:
            w.writerow(head + [_cell(props.get(k), types[k]) for k in keys])


def write_import_csv(batches: Iterable[Any], folder: Path) -> tuple[list[Path], list[Path], int, int]:
    """Node files (one per label) and relationship files (one per type) for the merged view
    of ``batches``; returns the files and the node and relationship counts."""
    from phakhi.ontology import load_ontology

    onto = load_ontology()
    folder.mkdir(parents=True, exist_ok=True)
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[str, dict[str, Any]] = {}
    for b in batches:
        doc = b.document.doc_id
        for n in b.nodes:
            cur = nodes.get(n.id)
            if cur is None:
                nodes[n.id] = {"label": onto.check_label(n.type), "name": n.name, "aliases": list(n.aliases),
                               "docs": [doc], "props": dict(n.properties),
                               "provenance": [p.to_dict() for p in n.provenance]}
                continue
            cur["aliases"] += [a for a in [n.name, *n.aliases] if a != cur["name"] and a not in cur["aliases"]]
            cur["docs"].append(doc)
            for k, v in n.properties.items():
                cur["props"].setdefault(k, v)
        for e in b.edges:
            cur = edges.get(e.id)
            if cur is None:
                edges[e.id] = {"s": e.source, "t": e.target, "type": onto.check_rel_type(e.type),
                               "qualifier": e.qualifier, "docs": [doc], "props": dict(e.properties)}
            else:
                cur["docs"].append(doc)
    for e in edges.values():  # ends no batch states as a node: bare Entity nodes
        for end in (e["s"], e["t"]):
            nodes.setdefault(end, {"label": "", "name": None, "aliases": [], "docs": [], "props": {},
                                   "provenance": []})
    node_files: list[Path] = []
    by_label: dict[str, list[tuple[list[Any], dict[str, Any]]]] = {}
    for nid, n in nodes.items():
        props = {k: v for k, v in n["props"].items() if k not in RESERVED and v is not None}
        if n["name"] is not None:
            props.update({"name": n["name"], "aliases": n["aliases"], "aliases_text": " | ".join(n["aliases"]),
                          "docs": n["docs"], "provenance": stable_json(n["provenance"])})
        labels = f"Entity;{n['label']}" if n["label"] else "Entity"
        by_label.setdefault(n["label"] or "bare", []).append(([nid, labels], props))
    for label, rows in by_label.items():
        p = folder / f"nodes-{label}.csv"
        _write(p, ["id:ID", ":LABEL"], rows)
        node_files.append(p)
    rel_files: list[Path] = []
    by_type: dict[str, list[tuple[list[Any], dict[str, Any]]]] = {}
    for eid, e in edges.items():
        props = {k: v for k, v in e["props"].items() if k not in RESERVED and v is not None}
        props.update({"id": eid, "qualifier": e["qualifier"], "docs": e["docs"]})
        by_type.setdefault(e["type"], []).append(([e["s"], e["t"], e["type"]], props))
    for typ, rows in by_type.items():
        p = folder / f"rels-{typ}.csv"
        _write(p, [":START_ID", ":END_ID", ":TYPE"], rows)
        rel_files.append(p)
    return node_files, rel_files, len(nodes), len(edges)


def run_import(lib: Path, home: Path, conf_dir: Path, node_files: list[Path], rel_files: list[Path],
               timeout: float = 3600) -> tuple[bool, str]:
    """Run ``database import full`` into database ``neo4j`` of ``home`` (overwriting it).
    Returns (ok, last line of the tool's output)."""
    if shutil.which("java") is None:
        return False, "java not found"
    cmd = ["java", "-Xmx1g", "-cp", f"{lib}/*", "org.neo4j.cli.AdminTool", "database", "import", "full",
           *[f"--nodes={p}" for p in node_files], *[f"--relationships={p}" for p in rel_files],
           f"--array-delimiter={ARRAY_DELIMITER}", "--overwrite-destination=true", "--threads=2",
           # the tool writes import.report into the working directory unless told otherwise
           f"--report-file={home / 'import.report'}", "neo4j"]
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(conf_dir))
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    lines = [ln for ln in (proc.stdout + proc.stderr).splitlines() if ln.strip()]
    return proc.returncode == 0, (lines[-1] if lines else f"exit status {proc.returncode}")


def counts_json(n_nodes: int, n_rels: int) -> str:
    return json.dumps({"nodes": n_nodes, "relationships": n_rels})
