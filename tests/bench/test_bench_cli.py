"""``phakhi bench`` end to end on a tiny corpus (the extract step only: real extraction)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from phakhi.cli import main


@pytest.mark.slow
def test_bench_extract_prints_a_table_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    result = CliRunner().invoke(main, ["bench", "--scale", "0.01", "--steps", "extract",
                                       "--out", str(out), "--workdir", str(tmp_path / "w")])
    assert result.exit_code == 0, result.output
    assert "extract_mb_per_s" in result.output and "extraction >= 2 MB/s" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    ex = data["steps"]["extract"]
    assert "error" not in ex, ex
    assert ex["documents"] >= 5 and ex["extract_mb_per_s"] > 0 and ex["newmm_mb_per_s"] > 0
    assert ex["peak_rss_mb"] > 0


def test_bench_rejects_an_unknown_step(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["bench", "--steps", "extract,warp", "--out", str(tmp_path / "r.json")])
    assert result.exit_code == 2
    assert "unknown step 'warp'" in result.output


def test_a_step_without_its_dependency_is_skipped_not_crashed(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    result = CliRunner().invoke(main, ["bench", "--scale", "0.01", "--steps", "neo4j", "--neo4j", "off",
                                       "--out", str(out), "--workdir", str(tmp_path / "w")])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["steps"]["neo4j"]["skipped"] == "Neo4j disabled (--neo4j off)"
    assert "Neo4j disabled" in result.output


def test_generate_only_writes_documents_and_truth(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["bench", "--scale", "0.02", "--generate", str(tmp_path / "g")])
    assert result.exit_code == 0, result.output
    files = sorted((tmp_path / "g").glob("*.txt"))
    truth = json.loads((tmp_path / "g" / "truth.json").read_text(encoding="utf-8"))
    assert len(files) == len(truth["documents"]) >= 5
    assert "documents" in result.output
