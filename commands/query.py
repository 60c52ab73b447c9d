"""Commands: ``queries`` (list the canned questions), ``query ID`` (run one), ``cypher``
(ad-hoc read-only Cypher on Neo4j) and ``analyze NAME`` (graph analyses)."""
from __future__ import annotations

from typing import Any

import click

from phakhi.commands.common import (AppContext, PhakhiError, emit, format_option, handle_store_errors,
                                    parse_params, pass_app)


def _user_errors() -> tuple[type[Exception], ...]:
    from phakhi.queries.catalog import CatalogError, ParamError
    from phakhi.queries.cypher_runner import CypherError
    from phakhi.queries.names import NameError_

    return (CatalogError, ParamError, CypherError, NameError_)


@click.command("queries")
@format_option("table", "json")
def queries_command(fmt: str) -> None:
    """List the canned questions and their parameters."""
    from phakhi.queries.catalog import load_catalog

    try:
        catalog = load_catalog()
    except _user_errors() as exc:
        raise PhakhiError(str(exc)) from None
    rows = []
    for q in catalog.values():
        params = [f"{p.name}:{p.type}{'' if p.required else '?'}"
                  + (f"={p.default}" if p.default is not None else "") for p in q.params]
        rows.append({"id": q.id, "params": " ".join(params), "title_en": q.title_en,
                     "title_th": q.title_th, "columns": list(q.columns)})
    if fmt == "table":
        rows = [{k: v for k, v in r.items() if k != "columns"} for r in rows]
    emit(rows, fmt)


@click.command("query")
@click.argument("query_id", metavar="ID")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter; names of entities are resolved (พช., กรมการพัฒนาชุมชน, …).")
@format_option("table", "json", "csv")
@pass_app
@handle_store_errors
def query_command(app: AppContext, query_id: str, params: tuple[str, ...], fmt: str) -> None:
    """Run the canned question ID (see `phakhi queries`) on the store.

    The embedded store answers with NetworkX, Neo4j with the question's Cypher; both give
    the same rows. Example: phakhi query partners --param org=พช.
    """
    from phakhi.queries.answer import answer
    from phakhi.queries.catalog import load_catalog

    store = app.store()
    try:
        columns = load_catalog()[query_id].columns if query_id in load_catalog() else None
        rows = answer(store, query_id, parse_params(params))
    except _user_errors() as exc:
        raise PhakhiError(str(exc)) from None
    emit(rows, fmt, columns=columns)


@click.command("cypher")
@click.argument("text")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="A query parameter ($key in the text); values are strings.")
@format_option("table", "json", "csv")
@pass_app
@handle_store_errors
def cypher_command(app: AppContext, text: str, params: tuple[str, ...], fmt: str) -> None:
    """Run ad-hoc Cypher on Neo4j in a READ-ONLY transaction (writes are refused).

    Example: phakhi --store bolt://localhost:7687 cypher
    "MATCH (n:Entity {id: $id})--(m) RETURN m.name" --param id=ref:cdd
    """
    from phakhi.queries.answer import speaks_cypher
    from phakhi.queries.cypher_runner import run_read

    store = app.store()
    if not speaks_cypher(store):
        raise PhakhiError("cypher needs a Neo4j store: pass --store bolt://… or neo4j://…")
    try:
        rows = run_read(store, text, parse_params(params))
    except _user_errors() as exc:
        raise PhakhiError(str(exc)) from None
    emit(rows, fmt)


@click.command("analyze")
@click.argument("name", type=click.Choice(["brokers", "most-connected", "pagerank", "communities",
                                           "components", "k-core"]))
@click.option("--top", type=click.IntRange(min=1), default=None,
              help="How many rows (default 10 for rankings, all groups otherwise).")
@click.option("--type", "types", multiple=True, metavar="LABEL",
              help="Only report nodes of this ontology label (repeatable).")
@click.option("--sample", type=click.IntRange(min=1), default=None,
              help="brokers: estimate betweenness from this many sources (default: exact up to "
                   "1000 nodes, else 100).")
@format_option("table", "json")
@pass_app
@handle_store_errors
def analyze_command(app: AppContext, name: str, top: int | None, types: tuple[str, ...],
                    sample: int | None, fmt: str) -> None:
    """Graph analyses: brokers (betweenness), most-connected (degree), pagerank,
    communities (Louvain), components, k-core. Direction is ignored."""
    from phakhi.ontology import OntologyError, load_ontology
    from phakhi.queries.analyses import ANALYSES

    onto = load_ontology()
    for label in types:
        try:
            onto.check_label(label)
        except OntologyError as exc:
            raise PhakhiError(str(exc)) from None
    if top is None and name in ("brokers", "most-connected", "pagerank"):
        top = 10
    options: dict[str, Any] = {"k": sample} if name == "brokers" and sample else {}
    rows: list[dict[str, Any]] = ANALYSES[name](app.store().graph(), top=top, types=types or None,
                                                **options)
    emit(rows, fmt)


COMMANDS: list[click.Command] = [queries_command, query_command, cypher_command, analyze_command]
