"""The faults a real office meets, end to end through ``phakhi`` (issue 15, F11–F22).

Real parts only: odd file names made on disk, a store file damaged with garbage bytes or
edited with sqlite3, a small tmpfs mounted by the test for a full disk (skipped with the
reason where the machine does not allow mounting), a symlink to /dev/full (never the
device itself as ``-o``), a FIFO. Every failure must be one stderr line naming the file,
with no traceback, and nothing already stored lost.
"""
from __future__ import annotations

import csv
import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner, Result

from phakhi.cli import main
from phakhi.graph.model import DocumentFacts, DocumentInfo, Node
from phakhi.graph.stores.sqlite_store import DB_FILE, SQLiteStore

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "examples" / "corpus"
NEWS = ("ข่าว\n\nวันนี้ (5 มกราคม 2566) นายสมศักดิ์ สุขใจ อธิบดีกรมอนามัย กล่าวว่า "
        "กรมอนามัยลงนามบันทึกข้อตกลงกับกรมการปกครอง\n")


def run(store: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--store", str(store), "-q", *args], catch_exceptions=False)


def assert_one_line_error(result: Result, *fragments: str) -> None:
    lines = result.stderr.splitlines()
    assert result.exit_code == 1, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    assert len(lines) == 1, lines
    assert lines[0].startswith("phakhi: ")
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("faults") / "store"
    assert run(store, "ingest", str(CORPUS)).exit_code == 0
    return store


@pytest.fixture
def store_copy(corpus_store: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(corpus_store, copy)
    return copy


@contextmanager
def small_filesystem(where: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``where`` for the test (root only)."""
    if os.geteuid() != 0:
        pytest.skip("a real full disk needs a tmpfs mount, which needs root here")
    where.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs on this machine: {proc.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- file names and folders (F11–F14) -------------------------------------------------------

@pytest.mark.parametrize("name", ["bad\nname.txt", "\x1b[2Jclear.txt"], ids=["newline", "ansi"])
def test_f11_f13_odd_names_are_quoted_on_one_line(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(bytes(range(256)) * 8)  # binary: refused
    (folder / "good.txt").write_text(NEWS, encoding="utf-8")
    result = run(tmp_path / "store", "ingest", str(folder))
    assert_one_line_error(result, repr(str(folder / name)), "binary")
    assert "\x1b" not in result.stderr


def test_f12_a_file_name_that_is_not_utf8_is_ingested(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    latin1 = os.fsdecode(bytes(folder) + b"/caf\xe9.txt")
    Path(latin1).write_text(NEWS, encoding="utf-8")
    result = run(tmp_path / "store", "ingest", str(folder))
    assert result.exit_code == 0, result.output
    docs = run(tmp_path / "store", "documents", "--format", "json")
    assert [Path(d["path"]).name for d in __import__("json").loads(docs.stdout)] == ["caf\\xe9.txt"]
    removed = run(tmp_path / "store", "remove", latin1)  # the same id from the same bytes
    assert removed.exit_code == 0, removed.output


def test_f14_an_unreadable_sub_folder_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(NEWS, encoding="utf-8")
    (folder / "locked" / "hidden.txt").write_text(NEWS, encoding="utf-8")
    command = [sys.executable, "-m", "phakhi.cli", "--store", str(tmp_path / "store"), "-q", "ingest", str(folder)]
    if os.geteuid() == 0:  # root reads any folder: run without the capabilities that allow it
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: cannot make a folder root may not list")
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]
    os.chmod(folder / "locked", 0o000)
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=300)
    finally:
        os.chmod(folder / "locked", 0o700)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines() == [f"phakhi: {folder / 'locked'}: cannot read folder: Permission denied"]
    assert len(SQLiteStore(tmp_path / "store").documents()) == 1  # the rest of the batch is stored


# --- a damaged store (F15, F16) -------------------------------------------------------------

def _garbage_in_the_middle(store: Path) -> None:
    db = store / DB_FILE
    data = bytearray(db.read_bytes())
    third = len(data) // 3
    data[third:2 * third] = (b"\xde\xad\xbe\xef garbage \xff" * (third // 16 + 1))[:third]
    db.write_bytes(bytes(data))


def _edit(store: Path, *sql: str) -> None:
    con = sqlite3.connect(store / DB_FILE)
    for statement in sql:
        con.execute(statement)
    con.commit()
    con.close()


DAMAGE = {
    "garbage in the middle": _garbage_in_the_middle,
    "schema_version not a number": lambda s: _edit(s, "UPDATE meta SET value='one' WHERE key='schema_version'"),
    "broken claim JSON": lambda s: _edit(s, "UPDATE node_claims SET provenance='[{broken' "
                                            "WHERE node_id IN (SELECT node_id FROM node_claims LIMIT 1)"),
    "text not UTF-8": lambda s: _edit(s, "UPDATE documents SET title=CAST(x'c3ff28' AS TEXT) "
                                         "WHERE rowid IN (SELECT rowid FROM documents LIMIT 1)"),
    "replaced table": lambda s: _edit(s, "DROP TABLE documents", "CREATE TABLE documents (doc_id TEXT, x TEXT)",
                                      "INSERT INTO documents VALUES ('doc:1', 'x')"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_f15_f16_a_damaged_store_gives_one_line_and_is_never_written(store_copy: Path, tmp_path: Path,
                                                                     damage: str) -> None:
    DAMAGE[damage](store_copy)
    db = store_copy / DB_FILE
    before = _sha(db)
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "news.txt").write_text(NEWS, encoding="utf-8")
    # a write checks the whole store first: always refused, one line
    assert_one_line_error(run(store_copy, "ingest", str(tmp_path / "new")), str(store_copy))
    # reads answer from the resolved projection: one that misses the damaged rows may succeed
    for args in (["summary"], ["export", "--format", "json", "-o", str(tmp_path / "g.json")],
                 ["view", "-o", str(tmp_path / "v.html")], ["documents"], ["issues"]):
        result = run(store_copy, *args)  # a read that misses the damage may succeed; else one line
        if result.exit_code != 0:
            assert_one_line_error(result, str(store_copy))
    assert _sha(db) == before, "a command wrote into the damaged store"
    doctor = run(store_copy, "doctor")
    assert doctor.exit_code == 1
    assert "problem: " in doctor.stdout and "phakhi --store" in doctor.stdout and "ingest" in doctor.stdout
    assert len(doctor.stderr.splitlines()) == 1
    assert _sha(db) == before, "the doctor wrote into the store"


def test_doctor_on_a_healthy_store(store_copy: Path) -> None:
    result = run(store_copy, "doctor")
    assert result.exit_code == 0, result.output
    assert "integrity: ok" in result.stdout and "table documents: 5 row(s) readable" in result.stdout


# --- a full disk (F17, F18) -----------------------------------------------------------------

def test_f17_disk_full_during_ingest_is_one_line_and_a_rerun_completes(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "small", "600k") as small:
        store = small / "store"
        result = run(store, "ingest", str(CORPUS))
        assert_one_line_error(result, str(store), "full")
        with SQLiteStore(store) as s:  # whole documents only
            for doc in s.documents():
                facts = s.document_facts(doc.doc_id)
                assert facts is not None and len(facts.nodes) == doc.node_count
        subprocess.run(["mount", "-o", "remount,size=64m", str(small)], check=True)
        assert run(store, "ingest", str(CORPUS)).exit_code == 0
        reference = tmp_path / "reference"
        assert run(reference, "ingest", str(CORPUS)).exit_code == 0
        assert run(store, "summary", "--format", "json").stdout == \
            run(reference, "summary", "--format", "json").stdout


@pytest.mark.parametrize("fmt", ["json", "ttl", "graphml", "gexf", "cypher", "csv"])
def test_f18_export_onto_a_full_disk_keeps_the_previous_file(corpus_store: Path, tmp_path: Path, fmt: str) -> None:
    with small_filesystem(tmp_path / "small", "64k") as small:
        out = small / ("graph" if fmt == "csv" else f"graph.{fmt}")
        previous = small / ("graph.nodes.csv" if fmt == "csv" else f"graph.{fmt}")
        previous.write_text("previous export\n", encoding="utf-8")
        result = run(corpus_store, "export", "--format", fmt, "-o", str(out))
        assert_one_line_error(result, "No space left on device")
        assert previous.read_text(encoding="utf-8") == "previous export\n"
        assert not [p.name for p in small.iterdir() if p.name.endswith(".partial")]


# --- outputs that are not regular files (F19, F20) ------------------------------------------

def test_f19_a_symlink_to_dev_full_is_written_through_and_kept(corpus_store: Path, tmp_path: Path) -> None:
    link = tmp_path / "full.json"
    link.symlink_to("/dev/full")
    result = run(corpus_store, "export", "--format", "json", "-o", str(link))
    assert_one_line_error(result, str(link), "No space left on device")
    assert link.is_symlink() and os.readlink(link) == "/dev/full"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_f19_a_fifo_is_written_in_place(corpus_store: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run(corpus_store, "export", "--format", "json", "-o", str(fifo))
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert b'"nodes"' in received[0]


def test_f19_a_symlink_to_a_regular_file_updates_the_target(corpus_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "exports" / "graph.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    assert run(corpus_store, "export", "--format", "json", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and '"nodes"' in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("where", ["/proc/x.html", "full"])
def test_f20_ingest_view_that_cannot_be_written_is_one_line(tmp_path: Path, where: str) -> None:
    if where == "full":
        (tmp_path / "full.html").symlink_to("/dev/full")
        where = str(tmp_path / "full.html")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "news.txt").write_text(NEWS, encoding="utf-8")
    result = run(tmp_path / "store", "ingest", str(folder), "--view", where)
    assert_one_line_error(result, where, "cannot write")
    assert len(SQLiteStore(tmp_path / "store").documents()) == 1  # the documents are stored


# --- spreadsheet formulas (F21) -------------------------------------------------------------

FORMULAS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x.example/","ดูเพิ่ม")', "+1+1", "-2+3", "@SUM(A1)"]


def test_f21_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with SQLiteStore(store) as s:
        for i, text in enumerate(FORMULAS):
            s.write(DocumentFacts(DocumentInfo(f"d{i}", f"{text}.txt", "f", title=text),
                                  [Node(f"Organization:{text}", "Organization", text, [text])]))
    assert run(store, "export", "--format", "csv", "-o", str(tmp_path / "out" / "graph")).exit_code == 0
    documents = run(store, "documents", "--format", "csv")
    assert documents.exit_code == 0
    tables = [(tmp_path / "out" / "graph.nodes.csv").read_text(encoding="utf-8-sig"), documents.stdout]
    for table in tables:
        for row in csv.reader(table.splitlines()):
            for value in row:
                assert not value.startswith(("=", "+", "-", "@")), value
    assert "'=cmd|' /C calc'!A0" in tables[0] and "'=HYPERLINK(" in tables[1]


# --- usage errors (F22) ---------------------------------------------------------------------

@pytest.mark.parametrize("args, fragment", [
    (["--no-such-option"], "(see phakhi --help)"),
    (["no-such-command"], "No such command 'no-such-command'. (see phakhi --help)"),
    (["ingest"], "Missing argument 'PATHS...'. (see phakhi ingest --help)"),
    (["export", "--format", "docx"], "(see phakhi export --help)"),
])
def test_f22_usage_errors_are_one_line_and_exit_2(args: list[str], fragment: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("phakhi: error: ") and fragment in result.stderr
