"""Ingest: files -> text -> facts -> store, then entity resolution over the whole store.

Unchanged files (same fingerprint) are skipped; a changed file replaces its facts; a
file that cannot be read becomes an error issue and the batch goes on.

>>> doc_id_for("/tmp/a.txt").startswith("doc:")
True
"""
from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from phakhi.graph.model import DocumentFacts, Issue
from phakhi.graph.stores.base import Store
from phakhi.loaders.succession import add_renames


@dataclass
class IngestReport:
    """What one ingest run did."""

    read: int = 0
    ingested: int = 0
    skipped: int = 0
    failed: int = 0
    issues: list[Issue] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    node_count: int = 0
    edge_count: int = 0
    merges: int = 0

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.level == "error"]

    def to_dict(self) -> dict[str, Any]:
        return {"read": self.read, "ingested": self.ingested, "skipped": self.skipped,
                "failed": self.failed, "nodes": self.node_count, "edges": self.edge_count,
                "merges": self.merges, "documents": list(self.documents),
                "issues": [i.to_dict() for i in self.issues]}


def doc_id_for(path: str | Path) -> str:
    """'doc:' + sha1 of the resolved absolute path, 12 hex digits."""
    full = Path(path).expanduser().resolve()
    # the name's bytes: a file name that is not UTF-8 (Latin-1) has an id too
    return "doc:" + hashlib.sha1(os.fsencode(full)).hexdigest()[:12]


def ingest(paths: Iterable[str | Path], store: Store, *, force: bool = False, progress: bool = True,
           gazetteer: Any = None, resolve_after: bool = True, jobs: int | None = None) -> IngestReport:
    """Read, extract and store every supported file under ``paths``.

    ``jobs`` processes extract documents side by side (default: the number of cores);
    the store still receives them in file order, from this process."""
    from phakhi.loaders.readers import discover, text_path

    report = IngestReport()
    files, problems = discover(list(paths))
    for p in problems:
        path, _, reason = str(p).partition(": ")
        report.issues.append(Issue("error", "unreadable", reason or str(p), path=text_path(path) if reason else ""))
        report.failed += 1
    bar = None
    # a bar only for a person watching: in a pipe or a log it would share lines with errors
    if progress and len(files) > 3 and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="file", file=sys.stderr, leave=False)
    known = {d.doc_id: d.fingerprint for d in store.documents()}
    tasks = [(str(path), doc_id_for(path), known.get(doc_id_for(path)), force) for path in files]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))

    def extracted(outcomes: Iterable[tuple[str, str, str, Any]]) -> Iterator[DocumentFacts]:
        """The facts of every file to (re)store; unreadable files are reported, not raised."""
        for path, doc_id, status, value in outcomes:
            if bar is not None:
                bar.update(1)
            if status == "skipped":
                report.read += 1
                report.skipped += 1
                continue
            if status != "ok":
                report.read += status == "extraction_failed"
                report.failed += 1
                report.issues.append(Issue("error", status, value, doc_id, path))
                continue
            report.read += 1
            yield value
            report.ingested += 1
            report.documents.append(doc_id)
            report.issues.extend(value.issues)

    try:  # write_many: a store puts many documents in one transaction
        if jobs == 1:
            _init_worker(gazetteer)
            store.write_many(extracted(map(_read_and_extract, tasks)))
        else:
            with _process_pool(jobs, gazetteer) as pool:
                store.write_many(extracted(pool.imap(_read_and_extract, tasks)))
    finally:
        if bar is not None:
            bar.close()
    if resolve_after and report.ingested:
        from phakhi.loaders.resolve import resolve

        report.merges = len(resolve(store))
    counts = getattr(store, "graph_counts", None)
    if counts is not None:  # the embedded store counts its projection without reading it
        report.node_count, report.edge_count = counts()
    else:
        report.node_count = sum(1 for _ in store.nodes())
        report.edge_count = sum(1 for _ in store.edges())
    return report


# -- extraction, in this process or in a pool of them --------------------------------------

_WORKER_GAZETTEER: Any = None


def _init_worker(gazetteer: Any) -> None:
    global _WORKER_GAZETTEER
    _WORKER_GAZETTEER = gazetteer


def _process_pool(jobs: int, gazetteer: Any) -> Any:
    """A pool of ``jobs`` extraction processes (forked on Linux: they start with the
    extraction modules already imported)."""
    import multiprocessing

    from phakhi.loaders import extract  # noqa: F401 - imported once, before the fork

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return context.Pool(jobs, initializer=_init_worker, initargs=(gazetteer,))


def _read_and_extract(task: tuple[str, str, str | None, bool]) -> tuple[str, str, str, Any]:
    """(path, doc_id, status, facts or message) for one file: ``ok``, ``skipped``
    (unchanged), ``unreadable`` or ``extraction_failed`` — never an exception, so one bad
    document does not stop the batch."""
    from phakhi.loaders.extract import extract_document
    from phakhi.loaders.readers import ReadError, read_source, text_path

    path, doc_id, known_fingerprint, force = task
    name = text_path(path)  # what is stored and shown: encodable whatever the file name's bytes
    try:
        source = read_source(Path(path))
    except ReadError as exc:
        return name, doc_id, "unreadable", str(exc)
    except OSError as exc:
        return name, doc_id, "unreadable", exc.strerror or str(exc)
    source.path = Path(name)
    if not force and known_fingerprint == source.fingerprint:
        return name, doc_id, "skipped", None
    try:
        facts = extract_document(source, doc_id, _WORKER_GAZETTEER)
        add_renames(facts, _WORKER_GAZETTEER)  # the gazetteer's dated renames (SUCCEEDED_BY)
        return name, doc_id, "ok", facts
    except Exception as exc:  # noqa: BLE001 - reported as this document's error
        return name, doc_id, "extraction_failed", f"cannot extract facts: {type(exc).__name__}: {exc}"


def remove(paths: Iterable[str | Path], store: Store) -> list[tuple[str, bool]]:
    """Remove the documents read from ``paths``; (path, was it stored) for each."""
    out = []
    for p in paths:
        out.append((str(p), store.remove_document(doc_id_for(p))))
    return out
