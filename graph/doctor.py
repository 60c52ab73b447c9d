"""Check an embedded store without writing to it: ``phakhi doctor``.

A damaged ``phakhi.sqlite`` (a disk error, a copy cut short, a file edited by hand) makes
every command stop with one line naming the file. ``check_store`` says what is wrong,
what can still be read, and how to rebuild the store from the original documents (the
store holds only what was extracted from them, so re-ingesting rebuilds it exactly;
merge decisions taken by hand are listed so they can be taken again).

The file is opened read-only: the doctor never writes into the store it examines.

>>> import tempfile
>>> report = check_store(tempfile.mkdtemp())
>>> report.healthy, report.findings[0].startswith("no store file")
(False, True)
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from phakhi.graph.stores.sqlite_store import DB_FILE, SCHEMA_VERSION

# table -> (columns in order, the columns holding JSON)
TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "meta": (("key", "value"), ()),
    "documents": (("doc_id", "path", "fingerprint", "title", "kind", "date", "ingested_at", "node_count",
                   "edge_count"), ()),
    "node_claims": (("doc_id", "node_id", "type", "name", "aliases", "properties", "provenance"),
                    ("aliases", "properties", "provenance")),
    "edge_claims": (("doc_id", "edge_id", "source", "target", "type", "qualifier", "properties", "provenance"),
                    ("properties", "provenance")),
    "issues": (("doc_id", "json"), ("json",)),
    "merges": (("from_id", "to_id", "score", "reason", "status", "created_at", "decided_by"), ()),
}


def damage_found(con: sqlite3.Connection) -> str | None:
    """A cheap check run before a store is first written: SQLite's quick check, the tables'
    columns, and every JSON column parsing (in SQL). The reason, or None when none is found."""
    try:
        row = con.execute("PRAGMA quick_check(1)").fetchone()
        if row is None or row[0] != "ok":
            return f"integrity: {row[0] if row else 'no answer'}"
        for table, (columns, json_columns) in TABLES.items():
            present = tuple(r[1] for r in con.execute(f"PRAGMA table_info({table})"))  # noqa: S608
            if present != columns:
                return f"table {table} has columns {', '.join(present) or '(none)'}"
            if json_columns:
                bad = " OR ".join(f"NOT json_valid({c})" for c in json_columns)
                if con.execute(f"SELECT 1 FROM {table} WHERE {bad} LIMIT 1").fetchone():  # noqa: S608
                    return f"table {table} holds JSON that does not parse"
    except sqlite3.DatabaseError as exc:
        return _one_line(exc)
    return None


@dataclass
class DoctorReport:
    """What :func:`check_store` found; ``lines()`` is what ``phakhi doctor`` prints."""

    directory: Path
    findings: list[str] = field(default_factory=list)  # problems, one line each
    readable: dict[str, int] = field(default_factory=dict)  # table -> rows read intact
    document_paths: list[str] = field(default_factory=list)
    user_merges: int = 0

    @property
    def healthy(self) -> bool:
        return not self.findings

    def lines(self) -> list[str]:
        path = self.directory / DB_FILE
        out = [f"store: {path}"]
        out += [f"table {t}: {n:,} row(s) readable" for t, n in self.readable.items()]
        if self.healthy:
            return out + ["integrity: ok"]
        out += [f"problem: {f}" for f in self.findings]
        out.append("the store was not changed. To rebuild it from the original documents:")
        out.append(f"  mv {self.directory} {self.directory}.damaged")
        folders = sorted({str(Path(p).parent) for p in self.document_paths})
        out.append(f"  phakhi --store {self.directory} ingest " + (" ".join(folders[:10]) or "FILES-OR-FOLDERS")
                   + (" …" if len(folders) > 10 else ""))
        if self.document_paths:
            out.append(f"  ({len(self.document_paths):,} document path(s) are still readable in the old store)")
        if self.user_merges:
            out.append(f"  then take again the {self.user_merges} merge decision(s) made by hand "
                       f"(phakhi --store DIR.damaged resolve list)")
        return out


def _connect(path: Path) -> sqlite3.Connection:
    """Read-only; ``immutable`` when the WAL's shared-memory file cannot be made read-only."""
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    con.text_factory = bytes  # decoded here, so text that is not UTF-8 is counted, not raised
    return con


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def check_store(directory: str | Path) -> DoctorReport:
    """Integrity, schema and every row of every table of the store in ``directory``."""
    report = DoctorReport(Path(directory))
    path = report.directory / DB_FILE
    if not path.is_file():
        report.findings.append(f"no store file at {path}")
        return report
    try:
        con = _connect(path)
    except sqlite3.Error as exc:
        report.findings.append(f"cannot open: {_one_line(exc)}")
        return report
    try:
        _check_integrity(con, report)
        for table, (columns, json_columns) in TABLES.items():
            _check_table(con, table, columns, json_columns, report)
    finally:
        con.close()
    return report


def _check_integrity(con: sqlite3.Connection, report: DoctorReport) -> None:
    try:
        rows = [r[0].decode("utf-8", "replace") for r in con.execute("PRAGMA integrity_check(20)")]
    except sqlite3.Error as exc:
        report.findings.append(f"integrity check failed: {_one_line(exc)}")
        return
    if rows != ["ok"]:
        report.findings.extend(f"integrity: {r}" for r in rows)


def _check_table(con: sqlite3.Connection, table: str, columns: tuple[str, ...], json_columns: tuple[str, ...],
                 report: DoctorReport) -> None:
    try:
        present = tuple(r[1].decode() for r in con.execute(f"PRAGMA table_info({table})"))  # noqa: S608
    except sqlite3.Error as exc:
        report.findings.append(f"table {table}: cannot read its definition ({_one_line(exc)})")
        return
    if not present:
        report.findings.append(f"table {table} is missing")
        return
    if present != columns:
        report.findings.append(f"table {table} has columns {', '.join(present)} (expected {', '.join(columns)})")
        return
    good = bad = 0
    json_at = [columns.index(c) for c in json_columns]
    try:
        for row in con.execute(f"SELECT {', '.join(columns)} FROM {table}"):  # noqa: S608 - fixed names
            try:
                values = [v.decode("utf-8") if isinstance(v, bytes) else v for v in row]
                for i in json_at:
                    json.loads(values[i])
            except (UnicodeDecodeError, ValueError, TypeError):
                bad += 1
                continue
            good += 1
            _note(table, columns, values, report)
    except sqlite3.Error as exc:
        report.findings.append(f"table {table}: unreadable after {good + bad:,} row(s) ({_one_line(exc)})")
    if bad:
        report.findings.append(f"table {table}: {bad:,} damaged row(s) (text not UTF-8 or JSON that does not parse)")
    report.readable[table] = good


def _note(table: str, columns: tuple[str, ...], values: list[object], report: DoctorReport) -> None:
    """Remember what a rebuild needs: the documents' paths, decisions made by hand."""
    row = dict(zip(columns, values))
    if table == "documents":
        report.document_paths.append(str(row["path"]))
    elif table == "merges" and row["decided_by"] == "user":
        report.user_merges += 1
    elif table == "meta" and row["key"] == "schema_version":
        version = str(row["value"])
        if not version.isdigit():
            report.findings.append(f"schema_version {version!r} is not a number")
        elif int(version) > SCHEMA_VERSION:
            report.findings.append(f"schema version {version} is newer than this phakhi understands "
                                   f"({SCHEMA_VERSION})")
