"""The embedded store (the default): one SQLite file holding facts per document.

Why SQLite: every ``write`` is one transaction (a crash leaves the old facts or the new
ones, never a mix), the store is a single file in a directory, it is in the standard
library, and the merged view loads with one ``SELECT`` per table straight into NetworkX.

Layout: ``<directory>/phakhi.sqlite`` with the tables ``documents``, ``node_claims``,
``edge_claims`` (what each document states), ``issues``, ``merges`` and ``meta``. The
merged view (:meth:`SQLiteStore.nodes`, :meth:`SQLiteStore.edges`) is computed from the
claims by :func:`~phakhi.graph.stores.merged_view.merged_view` — the Neo4j store uses the
same function, so both stores show the same graph for the same claims.

>>> import tempfile
>>> from phakhi.graph.model import DocumentFacts, DocumentInfo, Node
>>> with SQLiteStore(tempfile.mkdtemp()) as store:
...     store.write(DocumentFacts(DocumentInfo("d1", "a.txt", "f1"),
...                               [Node("Ministry:มท", "Ministry", "มท")]))
...     [n.name for n in store.nodes()]
['มท']
"""
from __future__ import annotations

import functools
import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Any, Iterable

from phakhi.graph import sqlite_projection as projection
from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Issue, Node, Provenance, stable_json
from phakhi.graph.stores.base import DOCUMENT_FACTS, Merge, Store, StoreError, now_iso
from phakhi.graph.stores.merged_view import (MergedView, MergedViewReads, bulk_allocation,
                                             merged_view, provenance_dict)

SCHEMA_VERSION = 1
DB_FILE = "phakhi.sqlite"
# write_many commits after this many facts or seconds (whole documents only): one fsync
# per group instead of one per document, and a crash loses at most about a second of work.
WRITE_GROUP_FACTS = 20_000
WRITE_GROUP_SECONDS = 0.5

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, path TEXT NOT NULL, fingerprint TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '', date TEXT,
    ingested_at TEXT NOT NULL DEFAULT '', node_count INTEGER NOT NULL DEFAULT 0,
    edge_count INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS node_claims (
    doc_id TEXT NOT NULL, node_id TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,
    aliases TEXT NOT NULL, properties TEXT NOT NULL, provenance TEXT NOT NULL,
    PRIMARY KEY (doc_id, node_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS node_claims_node ON node_claims (node_id);
CREATE TABLE IF NOT EXISTS edge_claims (
    doc_id TEXT NOT NULL, edge_id TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    type TEXT NOT NULL, qualifier TEXT NOT NULL, properties TEXT NOT NULL,
    provenance TEXT NOT NULL, PRIMARY KEY (doc_id, edge_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS issues (doc_id TEXT NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS issues_doc ON issues (doc_id);
CREATE TABLE IF NOT EXISTS merges (
    from_id TEXT PRIMARY KEY, to_id TEXT NOT NULL, score REAL NOT NULL, reason TEXT NOT NULL,
    status TEXT NOT NULL, created_at TEXT NOT NULL, decided_by TEXT NOT NULL);
"""
# documents.rowid is the ingest order: an upsert keeps it, so re-ingesting a document
# does not move it behind the others (the first claim of a node gives its type and name).


# What a damaged file raises on read: SQLite's "database disk image is malformed", text that
# is not UTF-8, claim JSON that does not parse, rows of a replaced table that do not fit
_DAMAGE = (sqlite3.DatabaseError, UnicodeDecodeError, ValueError, TypeError, KeyError)


def _damage_is_one_line(method: Any) -> Any:
    """A read that meets a damaged store raises :class:`StoreError` naming the file, not a
    traceback; nothing is written (``phakhi doctor`` says what is readable)."""

    @functools.wraps(method)
    def guarded(self: "SQLiteStore", *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except StoreError:
            raise
        except _DAMAGE as exc:
            reason = " ".join(str(exc).split())[:200] or type(exc).__name__
            raise StoreError(f"{self.path}: cannot read the store ({reason}); "
                             f"check it with 'phakhi doctor'") from None

    return guarded


def _provenance(raw: Iterable[dict[str, Any]]) -> list[Provenance]:
    """Provenance from stored dicts; ``Provenance(**d)`` is the fast path (stores write
    exactly its fields), ``from_dict`` the tolerant one."""
    try:
        return [Provenance(**p) for p in raw]
    except TypeError:
        return [Provenance.from_dict(p) for p in raw]


def _json_column(rows: list[tuple[Any, ...]], column: int) -> list[Any]:
    """Parse one JSON column of all ``rows`` with a single ``json.loads`` call: the values
    are joined into one array, which saves the per-call overhead on a million rows."""
    if not rows:
        return []
    return json.loads("[" + ",".join(r[column] for r in rows) + "]")


# -- the store ----------------------------------------------------------------------

class SQLiteStore(MergedViewReads, Store):
    """Facts per document in ``<directory>/phakhi.sqlite`` (created when missing)."""

    capabilities = frozenset({DOCUMENT_FACTS})

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self._view: MergedView | None = None
        self._view_version: int | None = None
        self._checked = False  # checked for damage before the first write
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self.path = self.directory / DB_FILE
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, one per write
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(_SCHEMA)
            row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row is None:
                self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                                 (str(SCHEMA_VERSION),))
            elif not str(row[0]).isdigit():
                raise StoreError(f"{self.path}: damaged store: schema_version {row[0]!r} is not a number; "
                                 f"check it with 'phakhi doctor'")
            elif int(row[0]) > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: store schema version {row[0]} is newer than "
                                 f"this phakhi understands ({SCHEMA_VERSION})")
            self._db.executescript(projection.SCHEMA)
            self._ensure_projection()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.directory}: cannot open the embedded store: {exc}") from None
        except OSError as exc:
            raise StoreError(f"{self.directory}: cannot open the embedded store: "
                             f"{exc.strerror or exc}") from None

    def __repr__(self) -> str:
        return f"SQLiteStore({str(self.directory)!r})"

    # -- writing ----------------------------------------------------------------------
    def write(self, batch: DocumentFacts) -> None:
        with self._transaction():
            self._write_rows(batch)

    def write_many(self, batches: Iterable[DocumentFacts]) -> None:
        """Write documents in groups (``WRITE_GROUP_FACTS`` facts or ``WRITE_GROUP_SECONDS``),
        one transaction per group: a crash keeps whole documents, each group all or nothing."""
        tx: SQLiteStore._Tx | None = None
        pending, started = 0, 0.0
        try:
            for batch in batches:
                if tx is None:
                    tx, started = self._transaction(), time.monotonic()
                    tx.__enter__()
                self._write_rows(batch)
                pending += len(batch.nodes) + len(batch.edges) + 1
                if pending >= WRITE_GROUP_FACTS or time.monotonic() - started >= WRITE_GROUP_SECONDS:
                    done, tx, pending = tx, None, 0
                    done.__exit__(None, None, None)
        except BaseException as exc:
            if tx is not None:
                tx.__exit__(type(exc), exc, None)
            raise
        if tx is not None:
            tx.__exit__(None, None, None)

    def _write_rows(self, batch: DocumentFacts) -> None:
        """Replace one document's claims and update the projection (in a transaction)."""
        facts = batch.merged()
        doc = facts.document
        node_rows = [(doc.doc_id, n.id, n.type, n.name, stable_json(n.aliases),
                      stable_json(n.properties), stable_json([provenance_dict(p) for p in n.provenance]))
                     for n in facts.nodes]
        edge_rows = [(doc.doc_id, e.id, e.source, e.target, e.type, e.qualifier,
                      stable_json(e.properties), stable_json([provenance_dict(p) for p in e.provenance]))
                     for e in facts.edges]
        issue_rows = [(doc.doc_id, stable_json(i.to_dict())) for i in facts.issues]
        doc_row = (doc.doc_id, str(doc.path), doc.fingerprint, doc.title or "", doc.kind or "",
                   None if doc.date is None else str(doc.date),
                   doc.ingested_at or now_iso(), len(node_rows), len(edge_rows))
        change = projection.before_change(self._db, doc.doc_id, [n.id for n in facts.nodes])
        self._db.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(doc_id) DO UPDATE SET "
            "path=excluded.path, fingerprint=excluded.fingerprint, title=excluded.title, "
            "kind=excluded.kind, date=excluded.date, ingested_at=excluded.ingested_at, "
            "node_count=excluded.node_count, edge_count=excluded.edge_count", doc_row)
        self._delete_claims(doc.doc_id)
        self._db.executemany("INSERT INTO node_claims VALUES (?,?,?,?,?,?,?)", node_rows)
        self._db.executemany("INSERT INTO edge_claims VALUES (?,?,?,?,?,?,?,?)", edge_rows)
        self._db.executemany("INSERT INTO issues VALUES (?,?)", issue_rows)
        projection.after_change(self._db, change, projection.StatedClaims(
            facts.nodes, node_rows, facts.edges, edge_rows))

    def remove_document(self, doc_id: str) -> bool:
        with self._transaction():
            change = projection.before_change(self._db, doc_id)
            cur = self._db.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,))
            self._delete_claims(doc_id)
            projection.after_change(self._db, change)
            return cur.rowcount > 0

    def _delete_claims(self, doc_id: str) -> None:
        for table in ("node_claims", "edge_claims", "issues"):
            self._db.execute(f"DELETE FROM {table} WHERE doc_id=?", (doc_id,))  # noqa: S608 - fixed names

    class _Tx:
        def __init__(self, store: "SQLiteStore") -> None:
            self.store = store

        def __enter__(self) -> None:
            if not self.store._checked:  # never write into a damaged store
                from phakhi.graph.doctor import damage_found

                problem = damage_found(self.store._db)
                if problem:
                    raise StoreError(f"{self.store.path}: damaged store, nothing written ({problem}); "
                                     f"check it with 'phakhi doctor'")
                self.store._checked = True
            try:
                self.store._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StoreError(f"{self.store.path}: cannot write: {exc}") from None

        def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
            self.store._view = None
            if exc_type is None:
                try:
                    self.store._db.execute("COMMIT")
                    return
                except sqlite3.Error as err:
                    self._rollback()
                    raise StoreError(f"{self.store.path}: cannot write: {err}") from None
            self._rollback()
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.store.path}: cannot write: {exc}") from None

        def _rollback(self) -> None:
            # on SQLITE_FULL (a full disk) SQLite has rolled back already: a second
            # ROLLBACK would fail and hide the real reason
            if self.store._db.in_transaction:
                try:
                    self.store._db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass

    def _transaction(self) -> "SQLiteStore._Tx":
        return SQLiteStore._Tx(self)

    # -- documents --------------------------------------------------------------------
    @_damage_is_one_line
    def documents(self) -> list[DocumentInfo]:
        rows = self._db.execute(
            "SELECT doc_id, path, fingerprint, title, kind, date, ingested_at, node_count, "
            "edge_count FROM documents ORDER BY rowid").fetchall()
        return [DocumentInfo(*r) for r in rows]

    @_damage_is_one_line
    def document(self, doc_id: str) -> DocumentInfo | None:
        row = self._db.execute(
            "SELECT doc_id, path, fingerprint, title, kind, date, ingested_at, node_count, "
            "edge_count FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return DocumentInfo(*row) if row else None

    @_damage_is_one_line
    def fingerprint(self, doc_id: str) -> str | None:
        row = self._db.execute("SELECT fingerprint FROM documents WHERE doc_id=?",
                               (doc_id,)).fetchone()
        return row[0] if row else None

    @_damage_is_one_line
    def issues(self) -> list[Issue]:
        rows = self._db.execute(
            "SELECT i.json FROM issues i JOIN documents d USING (doc_id) "
            "ORDER BY d.rowid, i.rowid").fetchall()
        return [Issue(**json.loads(r[0])) for r in rows]

    @_damage_is_one_line
    def document_facts(self, doc_id: str) -> DocumentFacts | None:
        """What one document states, as it was written (for ``push`` and inspection)."""
        info = self.document(doc_id)
        if info is None:
            return None
        nodes = [Node(r[0], r[1], r[2], json.loads(r[3]), json.loads(r[4]),
                      _provenance(json.loads(r[5])))
                 for r in self._db.execute(
                     "SELECT node_id, type, name, aliases, properties, provenance FROM node_claims "
                     "WHERE doc_id=? ORDER BY node_id", (doc_id,))]
        edges = [Edge(r[0], r[1], r[2], json.loads(r[4]), _provenance(json.loads(r[5])), r[3])
                 for r in self._db.execute(
                     "SELECT source, target, type, qualifier, properties, provenance FROM edge_claims "
                     "WHERE doc_id=? ORDER BY edge_id", (doc_id,))]
        issues = [Issue(**json.loads(r[0])) for r in self._db.execute(
            "SELECT json FROM issues WHERE doc_id=? ORDER BY rowid", (doc_id,))]
        return DocumentFacts(info, nodes, edges, issues)

    @_damage_is_one_line
    def counts(self) -> dict[str, int]:
        """Rows per table (documents, claims, merges): cheap, for summaries and tests."""
        return {t: self._db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
                for t in ("documents", "node_claims", "edge_claims", "issues", "merges")}

    # -- the merged view --------------------------------------------------------------
    @_damage_is_one_line
    def view(self) -> MergedView:
        """The merged view, cached until this store or another process writes."""
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        if self._view is None or version != self._view_version:
            self._view = self._load_view()
            self._view_version = version
        return self._view

    def _load_view(self) -> MergedView:
        from phakhi.graph.projection_graph import projected_view

        with bulk_allocation():
            return projected_view(self._db)  # the projection holds the folded claims

    def _read_view(self) -> MergedView:
        db = self._db
        # one consistent snapshot for the three reads
        db.execute("BEGIN")
        try:
            order = {d: i for i, (d,) in enumerate(
                db.execute("SELECT doc_id FROM documents ORDER BY rowid"))}
            node_rows = db.execute("SELECT doc_id, node_id, type, name, aliases, properties, "
                                   "provenance FROM node_claims").fetchall()
            edge_rows = db.execute("SELECT doc_id, edge_id, source, target, type, qualifier, "
                                   "properties, provenance FROM edge_claims").fetchall()
            aliases = _json_column(node_rows, 4)
            node_props = _json_column(node_rows, 5)
            node_prov = _json_column(node_rows, 6)
            node_claims = [
                (order.get(r[0], len(order)),
                 Node(r[1], r[2], r[3], aliases[i], node_props[i], _provenance(node_prov[i])))
                for i, r in enumerate(node_rows)]
            del node_rows, aliases, node_props, node_prov
            edge_props = _json_column(edge_rows, 6)
            edge_prov = _json_column(edge_rows, 7)
            edge_claims = [
                (order.get(r[0], len(order)), r[1],
                 Edge(r[2], r[3], r[4], edge_props[i], _provenance(edge_prov[i]), r[5]))
                for i, r in enumerate(edge_rows)]
            del edge_rows, edge_props, edge_prov
            merges = self.merges()
        finally:
            db.execute("COMMIT")
        return merged_view(node_claims, edge_claims, merges)


    # -- merges -----------------------------------------------------------------------
    @_damage_is_one_line
    def merges(self, status: str | None = None) -> list[Merge]:
        sql = ("SELECT from_id, to_id, score, reason, status, created_at, decided_by FROM merges")
        if status is None:
            rows = self._db.execute(sql + " ORDER BY created_at, from_id").fetchall()
        else:
            rows = self._db.execute(sql + " WHERE status=? ORDER BY created_at, from_id",
                                    (status,)).fetchall()
        return [Merge(*r) for r in rows]

    def set_merge(self, merge: Merge) -> None:
        with self._transaction():
            change = projection.before_change(self._db)
            self._db.execute(
                "INSERT INTO merges VALUES (?,?,?,?,?,?,?) ON CONFLICT(from_id) DO UPDATE SET "
                "to_id=excluded.to_id, score=excluded.score, reason=excluded.reason, "
                "status=excluded.status, created_at=excluded.created_at, "
                "decided_by=excluded.decided_by",
                (merge.from_id, merge.to_id, float(merge.score), merge.reason, merge.status,
                 merge.created_at or now_iso(), merge.decided_by))
            projection.after_change(self._db, change)

    def delete_merge(self, from_id: str) -> bool:
        with self._transaction():
            change = projection.before_change(self._db)
            deleted = self._db.execute("DELETE FROM merges WHERE from_id=?", (from_id,)).rowcount > 0
            projection.after_change(self._db, change)
            return deleted

    # -- the resolved projection ------------------------------------------------------
    def _ensure_projection(self) -> None:
        """Fill the projection tables once for a store written before they existed."""
        if projection.is_current(self._db):
            return
        view = self._read_view()
        with self._transaction():
            projection.rebuild(self._db, view)

    def projection_graph(self) -> Any:
        """The merged graph read from the projection tables on demand (for questions)."""
        from phakhi.graph.projection_graph import ProjectionGraph

        return ProjectionGraph(self._db)

    def graph_counts(self) -> tuple[int, int]:
        """(nodes, edges) of the merged graph, counted in the projection."""
        return (self._db.execute("SELECT count(*) FROM proj_nodes").fetchone()[0],
                self._db.execute("SELECT count(*) FROM proj_edges").fetchone()[0])

    def analysis_arrays(self) -> tuple[list[str], list[str], list[str], list[tuple[int, int]]]:
        """Ids, names, types and the integer edge list of the projection (for analyses)."""
        from phakhi.graph.projection_graph import analysis_arrays

        return analysis_arrays(self._db)

    # -- life cycle -------------------------------------------------------------------
    def close(self) -> None:
        self._view = None
        try:
            self._db.close()
        except sqlite3.Error:  # pragma: no cover - closing a broken handle
            pass
