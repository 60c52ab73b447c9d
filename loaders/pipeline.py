"""Ingest: files -> text -> facts -> store, then entity resolution over the whole store.

Unchanged files (same fingerprint) are skipped; a changed file replaces its facts; a
file that cannot be read becomes an error issue and the batch goes on.

>>> doc_id_for("/tmp/a.txt").startswith("doc:")
True
"""
from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from phakhi.graph.model import DocumentFacts, Issue
from phakhi.graph.stores.base import Store


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
    full = str(Path(path).expanduser().resolve())
    return "doc:" + hashlib.sha1(full.encode("utf-8")).hexdigest()[:12]


def ingest(paths: Iterable[str | Path], store: Store, *, force: bool = False, progress: bool = True,
           gazetteer: Any = None, resolve_after: bool = True) -> IngestReport:
    """Read, extract and store every supported file under ``paths``."""
    from phakhi.loaders.extract import extract_document
    from phakhi.loaders.readers import ReadError, discover, read_source

    report = IngestReport()
    files, problems = discover(list(paths))
    for p in problems:
        path, _, reason = str(p).partition(": ")
        report.issues.append(Issue("error", "unreadable", reason or str(p), path=path if reason else ""))
        report.failed += 1
    bar = None
    # a bar only for a person watching: in a pipe or a log it would share lines with errors
    if progress and len(files) > 3 and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="file", file=sys.stderr, leave=False)
    known = {d.doc_id: d.fingerprint for d in store.documents()}

    def extracted() -> Iterator[DocumentFacts]:
        """The facts of every file to (re)store; unreadable files are reported, not raised."""
        for path in files:
            if bar is not None:
                bar.update(1)
            doc_id = doc_id_for(path)
            try:
                source = read_source(Path(path))
            except ReadError as exc:
                report.failed += 1
                report.issues.append(Issue("error", "unreadable", str(exc), doc_id, str(path)))
                continue
            except OSError as exc:
                report.failed += 1
                report.issues.append(Issue("error", "unreadable", exc.strerror or str(exc), doc_id, str(path)))
                continue
            report.read += 1
            if not force and known.get(doc_id) == source.fingerprint:
                report.skipped += 1
                continue
            try:
                facts = extract_document(source, doc_id, gazetteer)
            except Exception as exc:  # one bad document must not stop the batch
                report.failed += 1
                report.issues.append(Issue("error", "extraction_failed",
                                           f"cannot extract facts: {type(exc).__name__}: {exc}", doc_id, str(path)))
                continue
            yield facts
            report.ingested += 1
            report.documents.append(doc_id)
            report.issues.extend(facts.issues)

    try:  # write_many: a store may put many documents in one transaction (Neo4j does)
        store.write_many(extracted())
    finally:
        if bar is not None:
            bar.close()
    if resolve_after and report.ingested:
        from phakhi.loaders.resolve import resolve

        report.merges = len(resolve(store))
    report.node_count = sum(1 for _ in store.nodes())
    report.edge_count = sum(1 for _ in store.edges())
    return report


def remove(paths: Iterable[str | Path], store: Store) -> list[tuple[str, bool]]:
    """Remove the documents read from ``paths``; (path, was it stored) for each."""
    out = []
    for p in paths:
        out.append((str(p), store.remove_document(doc_id_for(p))))
    return out
