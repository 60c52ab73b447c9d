"""``phakhi push``: copy the embedded store into Neo4j (the algorithm is
:func:`phakhi.graph.stores.push.push`; this is its command line).

Into an empty database the whole graph goes by the bulk path; otherwise documents go over
in groups, one transaction per group, so an interrupted push leaves whole documents behind
it; pushing again skips the documents Neo4j already holds unchanged (same facts digest).

    $ eval "$(scripts/neo4j-local start)"
    $ phakhi push --to "$NEO4J_URI"
"""
from __future__ import annotations

import sys

import click

from phakhi.commands.common import AppContext, PhakhiError, handle_store_errors, pass_app


@click.command("push")
@click.option("--to", "uri", required=True, envvar="NEO4J_URI", metavar="URI",
              help="Neo4j to copy into: bolt://, neo4j://, neo4j+s:// (default NEO4J_URI). "
                   "Credentials from NEO4J_USER / NEO4J_PASSWORD.")
@click.option("--database", default=None, metavar="NAME",
              help="Neo4j database (default NEO4J_DATABASE, else neo4j).")
@click.option("--batch-size", default=1000, show_default=True, type=click.IntRange(1),
              help="Rows per UNWIND statement inside a document's transaction.")
@click.option("--prune", is_flag=True,
              help="Also remove documents Neo4j holds that the embedded store does not.")
@click.option("--force", is_flag=True, help="Rewrite every document, even unchanged ones.")
@click.option("--bulk/--no-bulk", default=None,
              help="Load by the bulk path (the database must hold no documents) / never. "
                   "Default: the bulk path when the database holds no documents.")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds to wait for a connection to Neo4j.")
@click.option("--retry-time", default=15.0, show_default=True, type=click.FloatRange(0),
              help="Seconds a failed transaction is retried (server restarting) before giving up.")
@pass_app
@handle_store_errors
def push(app: AppContext, uri: str, database: str | None, batch_size: int, prune: bool,
         force: bool, bulk: bool | None, timeout: float, retry_time: float) -> None:
    """Copy the embedded store's documents, facts and merges into Neo4j.

    Resumable and idempotent: documents already there with the same facts are skipped.

    \b
    Example:
      phakhi --store .phakhi push --to bolt://127.0.0.1:7687
    """
    from phakhi.graph.stores import DOCUMENT_FACTS
    from phakhi.graph.stores.neo4j_store import Neo4jStore
    from phakhi.graph.stores.push import push as push_store

    source = app.store()
    if DOCUMENT_FACTS not in source.capabilities:
        raise PhakhiError("push copies the embedded store: --store must be a directory, "
                          f"not {app.store_location}")
    target = Neo4jStore.from_env(uri, database=database, batch_size=batch_size,
                                 connection_timeout=timeout, max_retry_time=retry_time)
    progress = _progress(len(source.documents()), app.quiet)
    try:
        report = push_store(source, target, force=force, prune=prune,
                            bulk=bulk, progress=progress.update)
    finally:
        progress.close()
        target.close()
    if not app.quiet:
        how = " (bulk load)" if report.bulk else ""
        click.echo(f"pushed {report.written} document(s){how}, {report.skipped} unchanged, "
                   f"{report.removed} removed, {report.merges} merge decision(s) updated -> {uri}",
                   err=True)


class _NoProgress:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, quiet: bool):  # type: ignore[no-untyped-def]
    if quiet:
        return _NoProgress()
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="push", file=sys.stderr, leave=False,
                disable=None)  # None: no bar when stderr is not a terminal


COMMANDS: list[click.Command] = [push]
