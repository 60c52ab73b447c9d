"""``neo4j-admin database import full`` files: the database a bulk ``push`` would leave.

For a first load of a national graph the offline importer is the fastest way in. The files
hold exactly the store's layout — entities with their ``claims`` and provenance, the
``:PhakhiDocument``, ``:PhakhiMerge`` and writer-lock nodes — computed by the bulk path's
projection (:func:`phakhi.graph.stores.neo4j_bulk.project`), so after the import the
database is a Neo4j store like any other: ``phakhi push`` updates it, ``phakhi
--store bolt://…`` reads it. The constraints and the full-text index are created on first
use.

Layout in the output directory: ``nodes-<Label>.csv`` per entity label (``id:ID(Entity)``,
``:LABEL``, typed property columns), ``nodes-Entity.csv`` (relationship ends no document
states), ``rels-<TYPE>.csv`` per relationship type (``:START_ID(Entity)``,
``:END_ID(Entity)``, ``:TYPE``), ``nodes-PhakhiDocument.csv``, ``nodes-PhakhiMerge.csv``,
``nodes-PhakhiLock.csv``, and ``neo4j-admin-import.sh`` with the exact command.
Arrays are joined with ``;`` (``--array-delimiter=;``); a column whose values have
different types is written as strings.

>>> column_type([1, 2]), column_type([["a"], []]), column_type([1, "x"])
('long', 'string[]', 'string')
"""
from __future__ import annotations

import csv
import shlex
import uuid
from pathlib import Path
from typing import Any

from phakhi.graph.exports.common import ExportError
from phakhi.graph.model import stable_json

ARRAY_DELIMITER = ";"
SCRIPT = "neo4j-admin-import.sh"


def column_type(values: list[Any]) -> str:
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


def cell(value: Any, col_type: str) -> str:
    if value is None:
        return ""
    if col_type == "string[]":
        return ARRAY_DELIMITER.join(str(x).replace(ARRAY_DELIMITER, ",") for x in value)
    if col_type == "boolean":
        return "true" if value else "false"
    if col_type in ("long", "double"):
        return str(value)
    return value if isinstance(value, str) else stable_json(value)


def write_typed_csv(path: Path, fixed: list[str], rows: list[tuple[list[Any], dict[str, Any]]]) -> None:
    """A CSV file for the importer: the ``fixed`` columns, then one typed column per property."""
    keys = sorted({k for _, props in rows for k in props})
    types = {k: column_type([props.get(k) for _, props in rows]) for k in keys}
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(fixed + [f"{k}:{types[k]}" for k in keys])
        for head, props in rows:
            w.writerow(head + [cell(props.get(k), types[k]) for k in keys])


def write_neo4j_admin(store: Any, out: Any, database: str = "neo4j") -> dict[str, Any]:
    """Write the import files of ``store`` (the embedded store) into directory ``out``;
    returns ``{"nodes", "edges", "files"}`` (the command script last)."""
    from phakhi.graph.stores import DOCUMENT_FACTS
    from phakhi.graph.stores.neo4j_bulk import project
    from phakhi.graph.stores.neo4j_store import DOCUMENT, ENTITY, FORMAT, LOCK, MERGE
    from phakhi.ontology import load_ontology

    if out is None or out == "-":
        raise ExportError("neo4j-admin writes several files: give a directory with -o")
    if DOCUMENT_FACTS not in getattr(store, "capabilities", ()):
        raise ExportError("neo4j-admin export needs the embedded store (it reads each "
                          "document's claims)")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    proj = project(store, load_ontology())
    nodes: list[Path] = []
    rels: list[Path] = []
    for label, rows in proj.nodes.items():
        path = folder / f"nodes-{label}.csv"
        write_typed_csv(path, [f"id:ID({ENTITY})", ":LABEL"],
                        [([p["id"], f"{ENTITY};{label}"], {k: v for k, v in p.items() if k != "id"})
                         for p in rows])
        nodes.append(path)
    if proj.bare:
        path = folder / f"nodes-{ENTITY}.csv"
        write_typed_csv(path, [f"id:ID({ENTITY})", ":LABEL"], [([i, ENTITY], {}) for i in proj.bare])
        nodes.append(path)
    lock = {"id": "writer", "epoch": uuid.uuid4().hex, "version": 1,
            "resolved": stable_json(proj.resolved), "format": FORMAT,
            "next_seq": len(proj.documents) + 1}
    for label, rows in ((DOCUMENT, proj.documents), (MERGE, proj.merges), (LOCK, [lock])):
        if rows:
            path = folder / f"nodes-{label}.csv"
            write_typed_csv(path, [":LABEL"], [([label], dict(p)) for p in rows])
            nodes.append(path)
    for rel_type, rows in proj.rels.items():
        path = folder / f"rels-{rel_type}.csv"
        write_typed_csv(path, [f":START_ID({ENTITY})", f":END_ID({ENTITY})", ":TYPE"],
                        [([r["s"], r["t"], rel_type], r["props"]) for r in rows])
        rels.append(path)
    script = folder / SCRIPT
    script.write_text("#!/bin/sh\n# run with the server stopped; NEO4J_HOME set; overwrites the "
                      f"database {database}\n" + " \\\n  ".join(_script_lines(import_command(nodes, rels, database)))
                      + "\n", encoding="utf-8")
    return {"nodes": sum(map(len, proj.nodes.values())), "edges": sum(map(len, proj.rels.values())),
            "files": [str(p) for p in nodes + rels + [script]], "node_files": nodes,
            "relationship_files": rels}


def _script_lines(command: list[str]) -> list[str]:
    """The command with its four words on the first line and one option per line."""
    return [" ".join(command[:4])] + command[4:]


def import_command(nodes: list[Path], rels: list[Path], database: str = "neo4j") -> list[str]:
    """The ``neo4j-admin database import full`` command line for these files."""
    return (["neo4j-admin", "database", "import", "full"]
            + [shlex.quote(f"--nodes={p.resolve()}") for p in nodes]
            + [shlex.quote(f"--relationships={p.resolve()}") for p in rels]
            + [shlex.quote(f"--array-delimiter={ARRAY_DELIMITER}"), "--overwrite-destination=true",
               shlex.quote(database)])
