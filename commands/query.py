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
              help="A parameter; names of entities are resolved (พช., กรมการพัฒนาชุมชน, …); "
                   "dates ISO or Thai (1 ม.ค. 2568).")
@click.option("--province", metavar="NAME", help="Only rows of this province (questions with a "
              "province column, e.g. trainer-coverage).")
@click.option("--type", "types", multiple=True, metavar="LABEL",
              help="Only rows whose entity is of this ontology type (or a sub-type; repeatable).")
@click.option("--no-succession", is_flag=True,
              help="Do not follow renames (SUCCEEDED_BY): answer for the named body alone.")
@format_option("table", "json", "csv", "xlsx")
@click.option("-o", "--output", default="-", show_default=True, metavar="FILE|-",
              help="Where the answer goes (xlsx: a .xlsx file).")
@pass_app
@handle_store_errors
def query_command(app: AppContext, query_id: str, params: tuple[str, ...], province: str | None,
                  types: tuple[str, ...], no_succession: bool, fmt: str, output: str) -> None:
    """Run the canned question ID (see `phakhi queries`) on the store.

    The embedded store answers with NetworkX, Neo4j with the question's Cypher; both give
    the same rows. A name that fits several entities is settled (the one with facts, said
    on stderr) or refused with the candidates listed. Agreements show as short labels
    (parties and date); json/csv/xlsx keep the ids and add a *_label column.
    Example: phakhi query partners --param org=พช.
    """
    from phakhi.queries.catalog import load_catalog
    from phakhi.queries.choose import ask
    from phakhi.queries.present import filter_rows, present

    store = app.store()
    given = parse_params(params)
    try:
        query = load_catalog().get(query_id)
        if no_succession and query is not None and any(p.name == "follow_succession" for p in query.params):
            given["follow_succession"] = "false"
        answered = ask(store, query_id, given)
        rows = filter_rows(store, answered, query, province, types)
        rows, columns = present(store, answered, rows, list(query.columns), fmt)
    except _user_errors() as exc:
        raise PhakhiError(str(exc)) from None
    for note in answered.notes:  # which entity a name was taken for: never left unsaid
        click.echo(f"phakhi: note: {note}", err=True)
    _emit_to(rows, fmt, columns, output, query_id)


def _emit_to(rows: list[dict[str, Any]], fmt: str, columns: list[str], output: str, sheet: str) -> None:
    """Rows to stdout or ``output``: table/json/csv as text, xlsx as a workbook."""
    import sys

    if fmt == "xlsx":
        from phakhi.graph.exports.xlsx_export import write_workbook

        target: Any = getattr(sys.stdout, "buffer", sys.stdout) if output == "-" else output
        try:
            write_workbook(target, {sheet: (columns, rows)})
        except OSError as exc:
            raise PhakhiError(f"{output}: cannot write: {exc.strerror or exc}") from None
        return
    if output == "-":
        emit(rows, fmt, columns=columns)
        return
    try:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            emit(rows, fmt, columns=columns, out=fh)
    except OSError as exc:
        raise PhakhiError(f"{output}: cannot write: {exc.strerror or exc}") from None


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
              help="Only report nodes of this ontology label (repeatable; GovernmentBody, Agent … "
                   "take their sub-types).")
@click.option("--layer", type=click.Choice(["partnership", "coverage", "documents", "places", "all"]),
              default="partnership", show_default=True,
              help="Which relationships to rank on: partnership (agreements, networks, positions, "
                   "events), coverage (the trainer tables), documents, places, or all.")
@click.option("--sample", type=click.IntRange(min=1), default=None,
              help="brokers: estimate betweenness from this many sources (default: exact up to "
                   "1000 nodes, else 100).")
@format_option("table", "json")
@pass_app
@handle_store_errors
def analyze_command(app: AppContext, name: str, top: int | None, types: tuple[str, ...],
                    layer: str, sample: int | None, fmt: str) -> None:
    """Graph analyses: brokers (betweenness), most-connected (degree), pagerank,
    communities (Louvain), components, k-core. Direction is ignored; by default only the
    partnership layer counts (the trainer tables are --layer coverage)."""
    from phakhi.ontology import OntologyError, load_ontology
    from phakhi.queries.analyses import analysis_graph
    from phakhi.queries.layers import ALL, measure

    onto = load_ontology()
    wanted: list[str] = []
    for label in types:  # an abstract type (GovernmentBody) stands for its sub-types
        try:
            onto.node_type(label)
        except OntologyError:
            raise PhakhiError(f"--type: not a node label of the ontology: {label!r}") from None
        wanted += [label, *onto.subtypes(label)]
    types = tuple(dict.fromkeys(wanted))
    if top is None and name in ("brokers", "most-connected", "pagerank"):
        top = 10
    options: dict[str, Any] = {"k": sample} if name == "brokers" and sample else {}
    store = app.store()
    # the whole graph comes straight from the embedded store's projection; a layer needs its edges' types
    graph = analysis_graph(store) if layer == ALL else store.graph()
    rows: list[dict[str, Any]] = measure(graph, name, layer=layer, top=top, types=types or None, **options)
    if fmt == "table" and name in ("communities", "components"):
        from phakhi.queries.readable import readable_groups

        rows = readable_groups(rows)
    emit(rows, fmt)


COMMANDS: list[click.Command] = [queries_command, query_command, cypher_command, analyze_command]
