"""The ingest-area commands through click, on a real SQLite store."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from phakhi.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def _run(store, *args):
    return CliRunner().invoke(main, ["--store", str(store), "-q", *args], catch_exceptions=False)


def test_ingest_summary_documents_issues_remove(tmp_path):
    store = tmp_path / "st"
    r = _run(store, "ingest", str(CORPUS), "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["report"]["ingested"] == 5
    assert data["summary"]["nodes_by_type"]["Agreement"] == 4
    assert any(a["duration_years"] == 3 for a in data["summary"]["agreements"])
    docs = json.loads(_run(store, "documents", "--format", "json").stdout)
    assert len(docs) == 5 and {d["kind"] for d in docs} >= {"news", "letter"}
    table = _run(store, "summary").stdout
    assert "most connected agencies" in table and "กรมการปกครอง" in table
    issues = _run(store, "issues", "--format", "json")
    assert issues.exit_code == 0 and isinstance(json.loads(issues.stdout), list)
    victim = sorted(CORPUS.glob("0*.txt"))[0]
    r = _run(store, "remove", str(victim))
    assert r.exit_code == 0 and "removed" in r.stdout
    assert len(json.loads(_run(store, "documents", "--format", "json").stdout)) == 4
    again = _run(store, "remove", str(victim))
    assert again.exit_code == 1 and "not in the store" in again.stderr


def test_failed_file_one_line_and_exit_1(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ok.txt").write_text("ข่าว\n\nนายสมศักดิ์ สุขใจ อธิบดีกรมอนามัย กล่าวว่า\n", encoding="utf-8")
    (docs / "bad.pdf").write_bytes(b"not a pdf at all")
    r = _run(tmp_path / "st", "ingest", str(docs))
    assert r.exit_code == 1
    errs = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(errs) == 1 and errs[0].startswith(f"phakhi: {docs / 'bad.pdf'}: ")
    assert "Traceback" not in r.output
    assert "1 ingested" in r.stdout


def test_resolve_commands(tmp_path):
    store = tmp_path / "st"
    _run(store, "ingest", str(CORPUS))
    listed = json.loads(_run(store, "resolve", "list", "--format", "json").stdout)
    assert listed and all(m["reason"] for m in listed)
    from_id = listed[0]["from_id"]
    assert _run(store, "resolve", "reject", from_id).exit_code == 0
    rejected = json.loads(_run(store, "resolve", "list", "--status", "rejected", "--format", "json").stdout)
    assert [m["from_id"] for m in rejected] == [from_id]
    rerun = json.loads(_run(store, "resolve", "run", "--format", "json").stdout)
    assert from_id not in [m["from_id"] for m in rerun]
    assert _run(store, "resolve", "accept", from_id).exit_code == 0
    assert _run(store, "resolve", "undo", from_id).exit_code == 0
    missing = _run(store, "resolve", "undo", "Person:nobody")
    assert missing.exit_code == 1 and "no merge decision" in missing.stderr


def test_view_option_writes_html(tmp_path):
    out = tmp_path / "g.html"
    r = _run(tmp_path / "st", "ingest", str(sorted(CORPUS.glob("0*.txt"))[3]), "--view", str(out))
    assert r.exit_code == 0, r.output
    assert out.exists() and "<html" in out.read_text(encoding="utf-8").lower()
