"""``phakhi export`` and ``phakhi validate``: the graph out of the store, and its checks.

    phakhi --store .phakhi export --format json -o graph.json
    phakhi export --format ttl --base https://example.org/phakhi/ -o -
    phakhi export --format csv -o out/graph        # out/graph.nodes.csv + out/graph.edges.csv
    phakhi export --format neo4j-admin -o out/import   # CSVs + out/import/neo4j-admin-import.sh
    phakhi validate                                # SHACL + stored validation issues
"""
from __future__ import annotations

import click

from phakhi.commands.common import AppContext, PhakhiError, emit, handle_store_errors, pass_app
from phakhi.graph.exports import FORMATS, ExportError, export_graph
from phakhi.ontology import OntologyError


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="json", show_default=True,
              help="; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()))
@click.option("-o", "--output", "output", default="-", show_default=True, metavar="FILE|-",
              help="Output file, '-' for stdout, or an existing directory (graph.<ext> in it). "
                   "csv: a base path (BASE.nodes.csv, BASE.edges.csv) or a directory.")
@click.option("--base", default=None, metavar="IRI",
              help="Base IRI of the resources (ttl, jsonld); default https://w3id.org/phakhi/id/.")
@pass_app
@handle_store_errors
def export_cmd(app: AppContext, fmt: str, output: str, base: str | None) -> None:
    """Export the merged graph (json, ttl, jsonld, graphml, gexf, csv, cypher, shacl,
    neo4j-admin)."""
    spec = FORMATS[fmt]
    if not spec.single_file and output == "-":
        raise PhakhiError(f"--format {fmt} writes several files: give -o BASE or a directory")
    opts = {"base": base} if base and fmt in ("ttl", "jsonld") else {}
    try:
        result = export_graph(app.store(), fmt, output, **opts)
    except (ExportError, OntologyError) as exc:
        raise PhakhiError(str(exc)) from None
    if not app.quiet:
        where = "stdout" if output == "-" else ", ".join(result["files"])
        note = f" ({result['dropped_edges']} edges with a missing end left out)" if result["dropped_edges"] else ""
        click.echo(f"exported {result['nodes']} nodes and {result['edges']} edges as {fmt} to {where}{note}",
                   err=True)


@click.command("validate")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="Output format of the findings.")
@click.option("--base", default=None, metavar="IRI", help="Base IRI used for the RDF graph checked.")
@pass_app
@handle_store_errors
def validate_cmd(app: AppContext, fmt: str, base: str | None) -> None:
    """Check the graph against SHACL shapes generated from the ontology, and list the
    validation issues stored with the documents (totals that do not add up, …).

    Exit status 1 when SHACL finds a violation."""
    from phakhi.graph.exports.shacl import validate_graph

    store = app.store()
    try:
        report = validate_graph(store, base=base) if base else validate_graph(store)
    except (ExportError, OntologyError) as exc:
        raise PhakhiError(str(exc)) from None
    rows = [{"source": "shacl", "level": r.severity, "code": r.constraint, "focus": r.focus,
             "path": r.path, "message": r.message} for r in report.results]
    rows += [{"source": "document", "level": i.level, "code": i.code, "focus": i.doc_id,
              "path": i.path, "message": i.message} for i in store.issues()]
    if fmt == "json":
        emit({"conforms": report.conforms, "violations": report.violations, "findings": rows}, "json")
    else:
        emit(rows, fmt, columns=["source", "level", "code", "focus", "path", "message"])
    if not app.quiet:
        click.echo(f"SHACL: {'conforms' if report.conforms else f'{report.violations} violation(s)'}; "
                   f"{len(rows) - len(report.results)} stored issue(s)", err=True)
    if not report.conforms:
        click.get_current_context().exit(1)


COMMANDS: list[click.Command] = [export_cmd, validate_cmd]
