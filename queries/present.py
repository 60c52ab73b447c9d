"""Answers as a reader gets them: filtered by province or type, agreements labelled.

The canned questions return canonical rows (the same on both engines); this module only
shapes them for output: ``--province`` / ``--type`` keep some rows, agreement ids become
short labels in terminal tables (json/csv/xlsx keep the ids and add ``<column>_label``),
and long titles are cut in tables.
"""
from __future__ import annotations

from typing import Any, Iterable

import networkx as nx

from phakhi.queries.catalog import ParamError

Row = dict[str, Any]
TABLE_TEXT = 60  # characters of a title shown in a terminal table
TRUNCATED_COLUMNS = ("title", "agreement_title", "name")


def _province_id(store: Any, text: str) -> str:
    """The Province node a name means (กทม. is the province here, not the BMA)."""
    from phakhi.graph.model import reference_id
    from phakhi.queries.names import default_gazetteer

    if text.startswith("ref:"):
        return text
    gaz = default_gazetteer()
    found = gaz.lookup(text, types=["Province"]) if gaz is not None else []
    if len(found) != 1:
        raise ParamError(f"--province: {text!r} is not a province (one of the 77, e.g. กทม., เชียงใหม่)")
    return reference_id(found[0].key)


def _type_columns(columns: Iterable[str]) -> list[str]:
    return [c for c in columns if c == "type" or c.endswith("_type")]


def filter_rows(store: Any, answered: Any, query: Any, province: str | None,
                types: Iterable[str]) -> list[Row]:
    """``answered.rows`` of the province and of the types asked (abstract types take their
    sub-types); a filter the question's rows cannot take is a ParamError."""
    from phakhi.ontology import OntologyError, load_ontology

    rows = answered.rows
    if province:
        if "province" not in query.columns:
            raise ParamError(f"--province: question {query.id!r} lists no provinces")
        pid = _province_id(store, province)
        rows = [r for r in rows if r.get("province") == pid]
    types = list(types)
    if types:
        columns = _type_columns(query.columns)
        if not columns:
            raise ParamError(f"--type: question {query.id!r} has no type column")
        onto = load_ontology()
        wanted: set[str] = set()
        for label in types:
            try:
                onto.node_type(label)  # abstract types (GovernmentBody) too
            except OntologyError as exc:
                raise ParamError(f"--type: {exc}") from None
            wanted |= set(onto.subtypes(label)) | {label}
        rows = [r for r in rows if any(r.get(c) in wanted for c in columns)]
    return rows


def _agreement_ids(rows: list[Row]) -> set[str]:
    found: set[str] = set()

    def visit(v: Any) -> None:
        if isinstance(v, str) and v.startswith("Agreement:"):
            found.add(v)
        elif isinstance(v, list):
            for x in v:
                visit(x)

    for r in rows:
        for v in r.values():
            visit(v)
    return found


def agreements_graph(store: Any, ids: Iterable[str]) -> nx.MultiDiGraph:
    """Agreements ``ids`` with their parties, read from Neo4j (what labels need)."""
    from phakhi.queries.cypher_runner import run_read

    g = nx.MultiDiGraph()
    rows = run_read(store, "MATCH (a:Agreement) WHERE a.id IN $ids "
                           "OPTIONAL MATCH (p)-[:PARTY_TO]->(a) "
                           "RETURN a.id AS id, a.name AS name, a.title AS title, a.date AS date, "
                           "a.duration_years AS duration_years, collect({id: p.id, name: p.name, "
                           "aliases: p.aliases, abbreviation: p.abbreviation}) AS parties",
                    {"ids": sorted(ids)})
    for r in rows:
        g.add_node(r["id"], type="Agreement", name=r["name"], title=r["title"],
                   date=str(r["date"]) if r["date"] is not None else None,
                   duration_years=r["duration_years"])
        for p in r["parties"]:
            if p.get("id"):
                g.add_node(p["id"], name=p.get("name"), aliases=p.get("aliases") or [],
                           abbreviation=p.get("abbreviation"))
                g.add_edge(p["id"], r["id"], type="PARTY_TO")
    return g


def present(store: Any, answered: Any, rows: list[Row], columns: list[str],
            fmt: str) -> tuple[list[Row], list[str]]:
    """(rows, columns) ready for output in ``fmt``."""
    from phakhi.queries.labels import agreement_labels, label_columns, labelled_rows

    ids = _agreement_ids(rows)
    if ids:
        graph = answered.graph if answered.graph is not None else agreements_graph(store, ids)
        rows = labelled_rows(rows, agreement_labels(graph, ids), replace=fmt == "table")
        columns = label_columns(columns, rows)
    if fmt == "table":
        rows = [{k: _cut(v) if k in TRUNCATED_COLUMNS else v for k, v in r.items()} for r in rows]
    return rows, columns


def _cut(v: Any) -> Any:
    if isinstance(v, str) and len(v) > TABLE_TEXT:
        return v[:TABLE_TEXT - 1] + "…"
    return v
