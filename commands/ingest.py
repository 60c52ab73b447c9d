"""``phakhi ingest``, ``remove``, ``documents``, ``summary``, ``issues``: documents in and out.

    phakhi --store .phakhi ingest examples/corpus --view graph.html
    phakhi documents --format json
    phakhi remove examples/corpus/000_a6986c764d5995c0.txt
"""
from __future__ import annotations

import hashlib
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import click

from phakhi.commands.common import AppContext, PhakhiError, emit, format_option, handle_store_errors, pass_app
from phakhi.graph.stores.base import Store

_AGENCY_TYPES = {"Ministry", "Department", "Office", "IndependentAgency", "ProvincialOffice",
                 "LocalGovernment", "Organization"}


def store_summary(store: Store, top: int = 10) -> dict[str, Any]:
    """Counts per type, the most connected agencies and the agreements found."""
    from phakhi.queries.labels import agreement_labels
    from phakhi.queries.layers import measure

    nodes = {n.id: n for n in store.nodes()}
    edges = list(store.edges())
    graph = store.graph()
    # the same measure as `analyze most-connected` and the report: partnership layer only
    agencies = measure(graph, "most-connected", top=top, types=_AGENCY_TYPES)
    labels = agreement_labels(graph)
    agreements = []
    for n in nodes.values():
        if n.type != "Agreement":
            continue
        parties = sorted(nodes[e.source].name for e in edges
                         if e.type == "PARTY_TO" and e.target == n.id and e.source in nodes)
        agreements.append({"id": n.id, "label": labels.get(n.id, n.name[:40]), "title": n.name[:80],
                           "date": n.properties.get("date"),
                           "end_date": n.properties.get("end_date"),
                           "duration_years": n.properties.get("duration_years"), "parties": parties})
    return {
        "documents": len(store.documents()),
        "nodes_by_type": dict(sorted(Counter(n.type for n in nodes.values()).items())),
        "edges_by_type": dict(sorted(Counter(e.type for e in edges).items())),
        "top_agencies": [{"id": r["id"], "name": r["name"], "type": r["type"], "degree": r["degree"]}
                         for r in agencies],
        "agreements": agreements,
        "warnings": sum(1 for i in store.issues() if i.level == "warning"),
    }


def _keep_stdin(store: Store, name: str) -> Path:
    """The document on stdin, kept as a file (documents are identified by their path): in
    the embedded store's ``stdin/`` folder, else a temporary folder. The name carries a
    digest of the bytes, so the same document sent twice is one document."""
    stdin = sys.stdin
    data = getattr(stdin, "buffer", stdin).read()
    data = data.encode("utf-8") if isinstance(data, str) else data
    if not data:
        raise PhakhiError("-: nothing was read from stdin")
    folder = Path(store.directory) / "stdin" if hasattr(store, "directory") else \
        Path(tempfile.mkdtemp(prefix="phakhi-stdin-"))
    safe = Path(name).name or "stdin.txt"
    stem, suffix = Path(safe).stem, Path(safe).suffix or ".txt"
    path = folder / f"{stem}-{hashlib.sha1(data).hexdigest()[:12]}{suffix}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.write_bytes(data)
    except OSError as exc:
        raise PhakhiError(f"{path}: cannot keep the document read from stdin: {exc.strerror or exc}") from None
    return path


def _print_summary(summary: dict[str, Any], head: dict[str, Any] | None) -> None:
    if head:
        click.echo(f"documents: {head['ingested']} ingested, {head['skipped']} skipped (unchanged), "
                   f"{head['failed']} failed; {head['merges']} merge decision(s)")
    click.echo(f"store: {summary['documents']} documents")
    click.echo("nodes: " + ", ".join(f"{k} {v}" for k, v in summary["nodes_by_type"].items()))
    click.echo("edges: " + ", ".join(f"{k} {v}" for k, v in summary["edges_by_type"].items()))
    click.echo("most connected agencies:")
    emit(summary["top_agencies"], "table", columns=["name", "type", "degree"])
    click.echo("agreements:")
    emit([{**a, "parties": "; ".join(a["parties"])} for a in summary["agreements"]], "table",
         columns=["label", "date", "duration_years", "parties"])
    click.echo(f"validation warnings: {summary['warnings']}")


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--force", is_flag=True, help="Re-extract files whose content did not change.")
@click.option("--view", "view", default=None, type=click.Path(dir_okay=False), metavar="FILE.html",
              help="Also write the interactive graph view to FILE.html.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Extract N documents at a time in separate processes (default: the number of cores).")
@click.option("--stdin-name", default="stdin.txt", show_default=True, metavar="NAME.ext",
              help="With PATH '-': the name the document read from stdin is kept under (its "
                   "extension says how to read it: .txt, .html, .pdf, .docx).")
@format_option("table", "json")
@pass_app
@handle_store_errors
def ingest_cmd(app: AppContext, paths: tuple[str, ...], force: bool, stdin_name: str, view: str | None,
               jobs: int | None, fmt: str) -> None:
    """Read documents (files or folders; '-' reads one document from stdin), extract their
    facts into the store, resolve entities.

    Failed files are listed on stderr as 'phakhi: PATH: reason'; the rest are still
    ingested. Exit status 1 when any file failed."""
    from phakhi.loaders.pipeline import ingest
    from phakhi.loaders.readers import quoted_path

    store = app.store()
    if "-" in paths:
        kept = _keep_stdin(store, stdin_name)
        paths = tuple(str(kept) if p == "-" else p for p in paths)
    report = ingest(paths, store, force=force, progress=not app.quiet, jobs=jobs)
    for issue in report.errors:  # a name with a newline or an ANSI escape is quoted: one plain line each
        click.echo(f"phakhi: {quoted_path(issue.path or issue.doc_id)}: {' '.join(issue.message.split())}", err=True)
    summary = store_summary(store)
    if fmt == "json":
        emit({"report": report.to_dict(), "summary": summary}, "json")
    else:
        _print_summary(summary, report.to_dict())
    if view:
        try:
            from phakhi.views.html import write_graph_view
        except ImportError:
            click.echo("phakhi: the HTML view is not available in this installation", err=True)
        else:
            from phakhi.queries.layers import layer_graph

            # the whole-graph view `phakhi view` draws: partnership layer, readable
            full = store.graph()
            try:
                write_graph_view(layer_graph(full), view, readable=True, card_graph=full)
            except OSError as exc:  # the documents are stored; only the page could not be written
                raise PhakhiError(f"{quoted_path(view)}: cannot write: {exc.strerror or exc}") from None
            if not app.quiet:
                click.echo(f"graph view written to {view}", err=True)
    if report.failed:
        click.get_current_context().exit(1)


@click.command("remove")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@pass_app
@handle_store_errors
def remove_cmd(app: AppContext, paths: tuple[str, ...]) -> None:
    """Remove documents (by the path they were ingested from) and the facts only they state."""
    from phakhi.loaders.pipeline import remove
    from phakhi.loaders.readers import quoted_path

    missing = 0
    for path, removed in remove(paths, app.store()):
        if removed:
            click.echo(f"removed {quoted_path(path)}")
        else:
            missing += 1
            click.echo(f"phakhi: {quoted_path(path)}: not in the store", err=True)
    if missing:
        click.get_current_context().exit(1)


@click.command("documents")
@format_option("table", "json", "csv")
@pass_app
@handle_store_errors
def documents_cmd(app: AppContext, fmt: str) -> None:
    """List the stored documents."""
    rows = [{"doc_id": d.doc_id, "kind": d.kind, "date": d.date, "nodes": d.node_count,
             "edges": d.edge_count, "title": d.title[:60], "path": d.path} for d in app.store().documents()]
    emit(rows, fmt, columns=["doc_id", "kind", "date", "nodes", "edges", "title", "path"])


@click.command("summary")
@format_option("table", "json")
@pass_app
@handle_store_errors
def summary_cmd(app: AppContext, fmt: str) -> None:
    """Counts per type, the most connected agencies, agreements with dates and parties."""
    summary = store_summary(app.store())
    if fmt == "json":
        emit(summary, "json")
    else:
        _print_summary(summary, None)


@click.command("issues")
@format_option("table", "json", "csv")
@pass_app
@handle_store_errors
def issues_cmd(app: AppContext, fmt: str) -> None:
    """Warnings and errors recorded with the stored documents (e.g. totals that do not add up)."""
    rows = [{"level": i.level, "code": i.code, "path": i.path or i.doc_id, "message": i.message}
            for i in app.store().issues()]
    emit(rows, fmt, columns=["level", "code", "path", "message"])


COMMANDS: list[click.Command] = [ingest_cmd, remove_cmd, documents_cmd, summary_cmd, issues_cmd]
