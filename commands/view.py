"""Commands: ``view`` (an interactive HTML graph) and ``report`` (a summary page).

Both write one self-contained HTML file (no web access needed to open it); ``-o -``
writes it to stdout.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from phakhi.commands.common import AppContext, PhakhiError, handle_store_errors, parse_params, pass_app

if TYPE_CHECKING:  # networkx is imported only when a graph is built (start-up time)
    import networkx as nx


def _write(page: str, output: str) -> None:
    if output == "-":
        # bytes: the page is UTF-8 whatever the terminal's encoding says
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is not None:
            sys.stdout.flush()
            buffer.write(page.encode("utf-8"))
            buffer.flush()
        else:
            sys.stdout.write(page)
            sys.stdout.flush()
        return
    try:
        Path(output).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise PhakhiError(f"{output}: cannot write: {exc.strerror or exc}") from None


def _resolver(graph: nx.MultiDiGraph) -> Any:
    """``resolve(text) -> node id`` through the queries' name index when it is there, else
    exact names and aliases."""
    try:
        from phakhi.queries.names import NameError_, NameIndex
    except ImportError:  # pragma: no cover - queries ship with the package
        return _exact_resolver(graph)
    index = NameIndex.from_graph(graph)

    def resolve(text: str) -> str:
        try:
            node = index.resolve(text)
        except NameError_ as exc:
            raise PhakhiError(str(exc)) from None
        if node not in graph:
            raise PhakhiError(f"{text!r} names {node}, which is not in the graph")
        return node

    return resolve


def _exact_resolver(graph: nx.MultiDiGraph) -> Any:
    def resolve(text: str) -> str:
        if text in graph:
            return text
        hits = sorted(n for n, a in graph.nodes(data=True)
                      if text == a.get("name") or text in (a.get("aliases") or []))
        if len(hits) == 1:
            return hits[0]
        if hits:
            raise PhakhiError(f"{text!r} is ambiguous: {', '.join(hits)} — pass one of these ids")
        raise PhakhiError(f"no entity is named {text!r}")

    return resolve



def _query_nodes(app: AppContext, graph: nx.MultiDiGraph, query_id: str,
                 params: dict[str, str]) -> list[str]:
    """Node ids in the rows of canned question ``query_id``."""
    from phakhi.queries.answer import answer
    from phakhi.views.select import node_ids_in

    try:
        from phakhi.queries.catalog import CatalogError, ParamError
        from phakhi.queries.cypher_runner import CypherError
        from phakhi.queries.names import NameError_
        user_errors: tuple[type[Exception], ...] = (CatalogError, ParamError, CypherError, NameError_)
    except ImportError:  # pragma: no cover
        user_errors = (LookupError, ValueError)
    try:
        rows = answer(app.store(), query_id, params)
    except user_errors as exc:
        raise PhakhiError(str(exc)) from None
    # the entities the question was asked about belong in the picture too
    resolve = _resolver(graph)
    asked = []
    for value in params.values():
        try:
            asked.append(resolve(value))
        except PhakhiError:
            continue
    ids = node_ids_in([asked] + list(rows), graph)
    if not ids:
        raise PhakhiError(f"question {query_id!r} found no nodes to draw ({len(rows)} rows)")
    return ids


@click.command("view")
@click.option("-o", "--output", required=True, metavar="FILE.html", help="Output file; - for stdout.")
@click.option("--focus", metavar="NAME", help="Draw only the neighbourhood of this entity (name, "
              "abbreviation, English name or id).")
@click.option("--depth", type=click.IntRange(0, 10), default=None,
              help="Hops around --focus, the --path or a query's nodes [default: 1 with --focus, "
                   "0 otherwise].")
@click.option("--path", "path_ends", nargs=2, metavar="A B", default=None,
              help="Draw the shortest paths between two entities.")
@click.option("--types", metavar="Label,…", help="Only nodes of these types (abstract types take "
              "their sub-types, e.g. GovernmentBody).")
@click.option("--relations", metavar="TYPE,…", help="Only relationships of these types.")
@click.option("--query", "query_id", metavar="ID", help="Draw the nodes a canned question returns "
              "(see `phakhi queries`).")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter of --query.")
@click.option("--layer", type=click.Choice(["partnership", "coverage", "documents", "places", "all"]),
              default=None, help="Which relationships to draw [default: partnership for the whole "
              "graph (readable: hub labels, clusters collapsed), all with --focus/--path/--query].")
@click.option("--title", help="Page title.")
@click.option("--max-nodes", type=click.IntRange(1), default=None,
              help="Above this many nodes the view is aggregated (by ministry/province/type) "
                   "[default: 5000].")
@pass_app
@handle_store_errors
def view_command(app: AppContext, output: str, focus: str | None, depth: int | None,
                 path_ends: tuple[str, str] | None, types: str | None, relations: str | None,
                 query_id: str | None, params: tuple[str, ...], layer: str | None, title: str | None,
                 max_nodes: int | None) -> None:
    """Write an interactive graph (search, legend, toggles, provenance tooltips).

    Open the file in a browser; view.html#node=<id> focuses a node. Examples:

    \b
      phakhi view -o graph.html
      phakhi view -o dopa.html --focus ปค. --depth 2
      phakhi view -o path.html --path พช. สถ.
      phakhi view -o mou.html --types GovernmentBody,Agreement --relations PARTY_TO
      phakhi view -o q.html --query partners --param org=พช.
    """
    from phakhi.ontology import OntologyError
    from phakhi.views import html as views_html
    from phakhi.views import select

    chosen = sum(x is not None for x in (focus, path_ends, query_id))
    if chosen > 1:
        raise PhakhiError("give at most one of --focus, --path, --query")
    if params and not query_id:
        raise PhakhiError("--param needs --query")
    if depth is not None and not chosen:
        raise PhakhiError("--depth needs --focus, --path or --query")
    from phakhi.queries.layers import layer_graph

    full = app.store().graph()
    whole = not chosen and not types and not relations
    graph = layer_graph(full, layer or ("partnership" if whole else "all"))
    try:
        resolve = _resolver(graph)
        focus_ids: list[str] = []
        if focus is not None:
            focus_ids = [resolve(focus)]
        if path_ends is not None:
            path_ids = [resolve(path_ends[0]), resolve(path_ends[1])]
        if query_id is not None:
            focus_ids = _query_nodes(app, graph, query_id, parse_params(params))
        if types:
            graph = select.filter_types(graph, select.parse_list(types))
        if relations:
            graph = select.filter_relations(graph, select.parse_list(relations))
        missing = [f for f in focus_ids if f not in graph]
        if focus_ids and len(missing) == len(focus_ids):
            raise PhakhiError(f"{missing[0]} is left out by --types/--relations")
        focus_ids = [f for f in focus_ids if f in graph]
        if path_ends is not None:
            on_path = select.shortest_paths(graph, *path_ids)
            graph = views_html.neighbourhood(graph, on_path.nodes, depth) if depth else on_path
            depth = None
        elif query_id is not None:
            depth = 0 if depth is None else depth
        if graph.number_of_nodes() == 0:
            raise PhakhiError("nothing to draw: no node is left after the filters")
        kwargs: dict[str, Any] = {"title": title}
        if max_nodes is not None:
            kwargs["max_nodes"] = max_nodes
        page = views_html.render_graph_view(graph, focus=focus_ids or None, depth=depth,
                                            readable=whole, card_graph=full, **kwargs)
    except (views_html.ViewError, OntologyError) as exc:
        raise PhakhiError(str(exc)) from None
    _write(page, output)
    if not app.quiet and output != "-":
        click.echo(f"wrote {output}", err=True)


VIEW_NAMES = ("graph.html", "view.html")  # what `ingest --view` and `view -o` are usually given


def _view_beside(report_path: str) -> str:
    """The graph view the report should link to: one already written beside it, else the
    first of VIEW_NAMES."""
    folder = Path(".") if report_path == "-" else Path(report_path).parent
    return next((name for name in VIEW_NAMES if (folder / name).is_file()), VIEW_NAMES[0])


@click.command("report")
@click.option("-o", "--output", required=True, metavar="FILE.html", help="Output file; - for stdout.")
@click.option("--view-href", default=None, metavar="URL",
              help="The graph view the names link to (#node=<id> is appended); '' for no links. "
                   "[default: graph.html or view.html beside the report, whichever exists, "
                   "else graph.html]")
@click.option("--title", help="Page title.")
@pass_app
@handle_store_errors
def report_command(app: AppContext, output: str, view_href: str | None, title: str | None) -> None:
    """Write a summary page: counts, partners, brokers, agreements timeline, trainer
    coverage by province × department, validation warnings.

    \b
      phakhi view -o out/graph.html && phakhi report -o out/report.html
    """
    from phakhi.views.report import render_report

    if view_href is None:
        view_href = _view_beside(output)
    store = app.store()
    page = render_report(store.graph(), store.issues(), title=title, view_href=view_href or None,
                         documents=store.documents())
    _write(page, output)
    if not app.quiet and output != "-":
        click.echo(f"wrote {output}", err=True)


COMMANDS: list[click.Command] = [view_command, report_command]
