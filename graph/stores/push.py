"""Copy one store into another: what ``phakhi push`` does, as a library function.

Resumable and idempotent: documents the target already holds with the same facts digest
are skipped; the rest go over through ``write_many`` (many documents per transaction, so an
interrupted push leaves whole documents behind it). Into an empty target that can
``bulk_load`` (Neo4j), the whole projection goes over at once instead: computed from the
source's claims in Python, written in large UNWIND batches (see
:meth:`~phakhi.graph.stores.neo4j_store.Neo4jStore.bulk_load`).

>>> push(source_store, neo4j_store)  # doctest: +SKIP
PushReport(written=12, skipped=0, removed=0, merges=1, bulk=True)
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator

from phakhi.graph.model import DocumentFacts
from phakhi.graph.stores.base import BULK_LOAD, DOCUMENT_FACTS, Store, StoreError, facts_hash


@dataclass
class PushReport:
    written: int = 0  # documents written
    skipped: int = 0  # documents the target already held unchanged
    removed: int = 0  # documents removed from the target (prune)
    merges: int = 0  # merge decisions added, changed or deleted
    bulk: bool = False  # loaded by the bulk path


def push(source: Store, target: Store, *, force: bool = False, prune: bool = False,
         bulk: bool | None = None, progress: Callable[[int], Any] | None = None) -> PushReport:
    """Make ``target`` hold ``source``'s documents, facts and merge decisions.

    ``bulk``: True loads by the bulk path (the target must hold no documents), False never,
    None (default) when the target holds no documents. ``progress(n)`` is told of each
    ``n`` documents done.
    """
    if DOCUMENT_FACTS not in source.capabilities:
        raise StoreError(f"{source!r} cannot give back its documents' facts: push copies the "
                         "embedded store")
    tick = progress or (lambda n: None)
    report = PushReport()
    stored = target.facts_hashes() if hasattr(target, "facts_hashes") else {}  # type: ignore[attr-defined]
    docs = source.documents()
    can_bulk = BULK_LOAD in target.capabilities
    if bulk and not can_bulk:
        raise StoreError(f"{target!r} has no bulk path")
    if bulk and stored:
        raise StoreError(f"{target!r} already holds {len(stored)} document(s): the bulk path loads "
                         "into an empty database (push without --bulk updates it)")
    if can_bulk and not stored and bulk is not False and docs:
        counts = target.bulk_load(source, progress=tick)  # type: ignore[attr-defined]
        report.written, report.bulk = counts, True
        report.merges = len(source.merges())  # written with the documents
        return report
    if force:
        stored = {}
    def changed() -> Iterator[DocumentFacts]:
        """The documents the target does not hold as they are (counted as they go)."""
        for info in docs:
            facts = source.document_facts(info.doc_id)  # type: ignore[attr-defined]
            if facts is None:  # removed meanwhile
                continue
            if stored.get(info.doc_id) == facts_hash(facts):
                report.skipped += 1
            else:
                yield facts
                report.written += 1
            tick(1)

    target.write_many(changed())
    if prune:
        keep = {d.doc_id for d in docs}
        for doc_id in [d.doc_id for d in target.documents()]:
            if doc_id not in keep and target.remove_document(doc_id):
                report.removed += 1
    report.merges = push_merges(source, target)
    return report


def push_merges(source: Store, target: Store) -> int:
    """Make the target's merge decisions equal the source's; returns how many changed."""
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
