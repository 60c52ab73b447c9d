"""``phakhi push``: copy the embedded store into Neo4j.

Documents go over in groups, one transaction per group (Neo4jStore.write_many), so an
interrupted push leaves whole documents behind it; pushing again skips the documents Neo4j already holds unchanged
(same facts digest) and continues with the rest.

    $ eval "$(scripts/neo4j-local start)"
    $ phakhi push --to "$NEO4J_URI"
"""
from __future__ import annotations

import sys
from typing import Iterator

import click

from phakhi.commands.common import AppContext, PhakhiError, handle_store_errors, pass_app
from phakhi.graph.model import DocumentFacts
from phakhi.graph.stores.base import Store


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
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds to wait for a connection to Neo4j.")
@click.option("--retry-time", default=15.0, show_default=True, type=click.FloatRange(0),
              help="Seconds a failed transaction is retried (server restarting) before giving up.")
@pass_app
@handle_store_errors
def push(app: AppContext, uri: str, database: str | None, batch_size: int, prune: bool,
         force: bool, timeout: float, retry_time: float) -> None:
    """Copy the embedded store's documents, facts and merges into Neo4j.

    Resumable and idempotent: documents already there with the same facts are skipped.

    \b
    Example:
      phakhi --store .phakhi push --to bolt://127.0.0.1:7687
    """
    from phakhi.graph.stores.neo4j_store import Neo4jStore, facts_hash
    from phakhi.graph.stores.sqlite_store import SQLiteStore

    source = app.store()
    if not isinstance(source, SQLiteStore):
        raise PhakhiError("push copies the embedded store: --store must be a directory, "
                          f"not {app.store_location}")
    target = Neo4jStore.from_env(uri, database=database, batch_size=batch_size,
                                 connection_timeout=timeout, max_retry_time=retry_time)
    try:
        stored = {} if force else target.facts_hashes()
        docs = source.documents()
        written = skipped = 0
        progress = _progress(len(docs), app.quiet)
        def changed() -> Iterator[DocumentFacts]:
            """The documents Neo4j does not hold as they are (counted as they go)."""
            nonlocal written, skipped
            for info in docs:
                facts = source.document_facts(info.doc_id)
                if facts is None:  # removed meanwhile
                    continue
                if stored.get(info.doc_id) == facts_hash(facts):
                    skipped += 1
                else:
                    yield facts
                    written += 1
                progress.update(1)

        try:  # many documents per transaction: Neo4jStore.write_many groups them
            target.write_many(changed())
        finally:
            progress.close()
        removed = 0
        if prune:
            keep = {d.doc_id for d in docs}
            for doc_id in list(stored or target.facts_hashes()):
                if doc_id not in keep and target.remove_document(doc_id):
                    removed += 1
        merges = _push_merges(source, target)
    finally:
        target.close()
    if not app.quiet:
        click.echo(f"pushed {written} document(s), {skipped} unchanged, {removed} removed, "
                   f"{merges} merge decision(s) updated -> {uri}", err=True)


def _push_merges(source: Store, target: Store) -> int:
    """Make Neo4j's merge decisions equal the embedded store's; returns how many changed."""
    wanted = {m.from_id: m for m in source.merges()}
    have = {m.from_id: m for m in target.merges()}
    changed = 0
    for from_id, merge in wanted.items():
        if have.get(from_id) != merge:
            target.set_merge(merge)
            changed += 1
    for from_id in have.keys() - wanted.keys():
        target.delete_merge(from_id)
        changed += 1
    return changed


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
