"""Bad input end to end: one folder of broken files and two good documents through ``phakhi ingest``.

Every file is made here (tmp_path) from bytes, pypdf and zipfile; the good documents are
copies of two sample-corpus files. What the command must do (issue 9):

* each unreadable file: exactly one line on stderr, ``phakhi: PATH: reason``;
* files that are damaged but still readable (truncated UTF-8, a table whose totals do not
  add up, names with zero-width characters and stray marks) are ingested, with a warning
  stored for ``phakhi issues`` where there is something to warn about;
* no traceback anywhere, exit status 1, and every good file's facts in the store;
* a second run skips the unchanged files and still exits 1.
"""
from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from phakhi.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
GOOD = ("001_e1bb0a1567d1703e.txt", "003_21520f6ff54556ba.txt")
NEWS = "ข่าว\n\nวันนี้ (5 มกราคม 2566) {name} อธิบดีกรมอนามัย กล่าวว่า กรมอนามัยลงนามบันทึกข้อตกลงกับกรมการปกครอง\n"
PERSON = "สมศักดิ์ สุขใจ"
# the same person written with ZWSP, ZWJ, a doubled THANTHAKHAT and a tone mark with no consonant
PERSON_DAMAGED = "นายสม\u200bศักดิ์\u0e4c\u0e4c \u0e49สุข\u200dใจ"
SCRIPT_PAYLOAD = "document.cookie"

# file name -> pattern the one stderr line's reason must match
UNREADABLE: dict[str, str] = {
    "empty.txt": r"empty file",
    "binary.txt": r"binary",
    "scan.pdf": r"no text layer",
    "corrupt.pdf": r"not a readable PDF",
    "locked.pdf": r"encrypted PDF",
    "junk.docx": r"not a valid \.docx",
}
# readable despite damage; the warning code ``phakhi issues`` must list for it (None: no warning needed)
DAMAGED_BUT_READ: dict[str, str | None] = {
    "truncated.txt": "read_warning",
    "table.txt": "total_mismatch",
    "legacy-tis620.txt": None,
    "zero-width.txt": None,
    "scripts.html": None,
}


# --- the folder --------------------------------------------------------------------------

def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_blank_pdf())))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _junk_docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("junk.bin", b"\x00junk" * 100)
    return buf.getvalue()


def build_folder(folder: Path) -> Path:
    """The bad files of issue 9 next to two good corpus documents."""
    folder.mkdir(parents=True)
    for name in GOOD:
        shutil.copy(CORPUS / name, folder / name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "scan.pdf").write_bytes(_blank_pdf())
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    (folder / "locked.pdf").write_bytes(_encrypted_pdf())
    (folder / "junk.docx").write_bytes(_junk_docx())
    # damaged but readable
    (folder / "truncated.txt").write_bytes(NEWS.format(name="นาย" + PERSON).encode("utf-8")[:-2])
    (folder / "legacy-tis620.txt").write_bytes(NEWS.format(name="นาย" + PERSON).encode("tis-620"))
    (folder / "zero-width.txt").write_text(NEWS.format(name=PERSON_DAMAGED), encoding="utf-8")
    # a registry table with a missing cell whose column totals and stated total do not add up
    (folder / "table.txt").write_text("ทะเบียนวิทยากรหน่วยงานของรัฐ จำนวน 20 คน\n"
                                      "ที่\tจังหวัด\tกรมการปกครอง\tกรมการพัฒนาชุมชน\n"
                                      "1\tกระบี่\t1\t2\n2\tตรัง\t3\nรวม\t\t4\t9\n", encoding="utf-8")
    scripts = "".join(f"<script>var a{i} = {SCRIPT_PAYLOAD}; alert({i});</script>" for i in range(300))
    (folder / "scripts.html").write_text(
        f"<html><head>{scripts}</head><body>{scripts}<img src=x onerror=\"alert(1)\">"
        f"<p>{NEWS.format(name='นาย' + PERSON)}</p>{scripts}</body></html>", encoding="utf-8")
    return folder


def _run(store: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--store", str(store), "-q", *args], catch_exceptions=False)


def _json(result: Result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One ingest of the folder, then a second one; the results and the store."""
    base = tmp_path_factory.mktemp("reliability")
    folder = build_folder(base / "docs")
    store = base / "store"
    first = _run(store, "ingest", str(folder), "--format", "json")
    second = _run(store, "ingest", str(folder), "--format", "json")
    docs = _json(_run(store, "documents", "--format", "json"))
    return {"folder": folder, "store": store, "first": first, "second": second,
            "documents": {Path(d["path"]).name: d for d in docs},
            "issues": _json(_run(store, "issues", "--format", "json")),
            "export": _json(_run(store, "export", "--format", "json"))}


# --- the tests ---------------------------------------------------------------------------

def _error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def _check_one_line_per_bad_file(result: Result, folder: Path) -> None:
    lines = _error_lines(result)
    assert len(lines) == len(UNREADABLE), lines
    for name, reason in UNREADABLE.items():
        prefix = f"phakhi: {folder / name}: "
        mine = [line for line in lines if line.startswith(prefix)]
        assert len(mine) == 1, (name, lines)
        assert re.search(reason, mine[0][len(prefix):]), mine[0]


def test_each_unreadable_file_gets_one_line_naming_it_and_the_reason(ingested: dict[str, Any]) -> None:
    first = ingested["first"]
    assert first.exit_code == 1
    _check_one_line_per_bad_file(first, ingested["folder"])
    for name in (*GOOD, *DAMAGED_BUT_READ):
        assert name not in first.stderr, name


def test_no_traceback_anywhere(ingested: dict[str, Any]) -> None:
    for result in (ingested["first"], ingested["second"]):
        assert "Traceback" not in result.stdout + result.stderr
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_report_counts_every_file(ingested: dict[str, Any]) -> None:
    report = json.loads(ingested["first"].stdout)["report"]
    readable = len(GOOD) + len(DAMAGED_BUT_READ)
    assert (report["ingested"], report["failed"], report["skipped"]) == (readable, len(UNREADABLE), 0)
    errors = [i for i in report["issues"] if i["level"] == "error"]
    assert sorted(Path(i["path"]).name for i in errors) == sorted(UNREADABLE)


def test_good_and_damaged_files_are_stored_with_their_facts(ingested: dict[str, Any]) -> None:
    docs = ingested["documents"]
    assert set(docs) == {*GOOD, *DAMAGED_BUT_READ}
    for name in GOOD:
        assert docs[name]["nodes"] > 0 and docs[name]["edges"] > 0, docs[name]
    exported = ingested["export"]
    stated_in = {p["doc_id"] for n in exported["nodes"] for p in n["provenance"]}
    for name in GOOD:
        assert docs[name]["doc_id"] in stated_in, name
    # every stored document's facts come back whole in the export
    for name, doc in docs.items():
        for kind in ("nodes", "edges"):
            own = [x for x in exported[kind] if any(p["doc_id"] == doc["doc_id"] for p in x["provenance"])]
            assert len(own) == doc[kind], (name, kind)


def test_warnings_are_stored_for_damaged_files(ingested: dict[str, Any]) -> None:
    by_file: dict[str, set[str]] = {}
    for issue in ingested["issues"]:
        by_file.setdefault(Path(issue["path"]).name, set()).add(issue["code"])
    for name, code in DAMAGED_BUT_READ.items():
        if code:
            assert code in by_file.get(name, set()), (name, by_file)


def test_legacy_encoding_and_zero_width_names_give_the_same_clean_person(ingested: dict[str, Any]) -> None:
    docs = ingested["documents"]
    people = [n for n in ingested["export"]["nodes"] if n["type"] == "Person" and n["name"] == PERSON]
    assert len(people) == 1, [n["name"] for n in ingested["export"]["nodes"] if n["type"] == "Person"]
    stated_in = {p["doc_id"] for p in people[0]["provenance"]}
    for name in ("legacy-tis620.txt", "zero-width.txt", "scripts.html"):
        assert docs[name]["doc_id"] in stated_in, name


def test_stored_names_are_nfc_without_zero_width_or_stray_marks(ingested: dict[str, Any]) -> None:
    from phakhi.loaders.normalize import ZERO_WIDTH, clean_text

    for node in ingested["export"]["nodes"]:
        for name in (node["name"], *node.get("aliases", [])):
            assert unicodedata.is_normalized("NFC", name), name
            assert not set(name) & set(ZERO_WIDTH), ascii(name)
            assert clean_text(name) == name, ascii(name)


def test_script_content_never_reaches_the_store(ingested: dict[str, Any]) -> None:
    dump = json.dumps(ingested["export"], ensure_ascii=False)
    assert SCRIPT_PAYLOAD not in dump and "onerror" not in dump and "alert(" not in dump
    assert ingested["documents"]["scripts.html"]["nodes"] > 0


def test_second_run_skips_unchanged_files_and_still_exits_1(ingested: dict[str, Any]) -> None:
    second = ingested["second"]
    assert second.exit_code == 1
    _check_one_line_per_bad_file(second, ingested["folder"])
    report = json.loads(second.stdout)["report"]
    readable = len(GOOD) + len(DAMAGED_BUT_READ)
    assert (report["ingested"], report["skipped"], report["failed"]) == (0, readable, len(UNREADABLE))


def test_each_table_problem_is_reported_once(ingested: dict[str, Any]) -> None:
    table = [i for i in ingested["issues"] if Path(i["path"]).name == "table.txt"]
    # three problems: a missing cell, a column total, the stated total
    assert sorted(i["code"] for i in table) == ["missing_cells", "total_mismatch", "total_mismatch"], table


def test_without_quiet_every_stderr_line_is_still_one_error(tmp_path: Path) -> None:
    folder = build_folder(tmp_path / "docs")
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "store"), "ingest", str(folder)],
                                catch_exceptions=False)
    assert result.exit_code == 1
    _check_one_line_per_bad_file(result, folder)


# --- a 50 MB text ------------------------------------------------------------------------

CPU_SECONDS = 600  # 50 MB at the rate the pipeline reads 1 MB (about 4 s) is ~200 s; a cap, not a timing


def _caps() -> None:  # runs in the child before exec
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))  # 3 GiB for 50 MB of text
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 30))


@pytest.mark.slow
def test_50_mb_text_is_ingested_or_refused_in_one_line(tmp_path: Path) -> None:
    """Ingested, or refused with a size message — never a crash. The CLI runs in a process
    with an address-space and a CPU-time cap, so a blow-up shows as a failure here instead
    of a machine out of memory or a run that never ends."""
    folder = tmp_path / "big"
    folder.mkdir()
    line = (NEWS.format(name="นาย" + PERSON).replace("\n\n", " ") * 4).encode("utf-8")
    with (folder / "big.txt").open("wb") as fh:
        chunk = line * 500
        while fh.tell() < 50 * 2**20:
            fh.write(chunk)
    shutil.copy(CORPUS / GOOD[0], folder / GOOD[0])
    store = tmp_path / "store"
    proc = subprocess.run([sys.executable, "-m", "phakhi.cli", "--store", str(store), "-q", "ingest",
                           str(folder), "--format", "json"], capture_output=True, text=True,
                          preexec_fn=_caps)
    assert "Traceback" not in proc.stderr and "MemoryError" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode in (0, 1), f"killed or crashed: status {proc.returncode}"
    report = json.loads(proc.stdout)["report"]
    if proc.returncode == 1:  # refused: one line, naming the file and saying why
        lines = [x for x in proc.stderr.splitlines() if x.strip()]
        assert len(lines) == 1 and lines[0].startswith(f"phakhi: {folder / 'big.txt'}: "), lines
        assert re.search(r"too large|size|bytes|MB", lines[0]), lines[0]
        assert report["ingested"] == 1
    else:
        assert report["ingested"] == 2 and report["failed"] == 0
    docs = _json(_run(store, "documents", "--format", "json"))
    assert GOOD[0] in {Path(d["path"]).name for d in docs}
