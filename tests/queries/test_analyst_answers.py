"""Issue 13: what a policy analyst sees on the sample corpus, through the real CLI."""
from __future__ import annotations

import json
import re
from pathlib import Path

ECT_OFFICE = "ref:ect_office"


def _json(result) -> list[dict]:  # noqa: ANN001 - click's Result
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# -- point 3: rankings are about partnership; the trainer tables are their own layer ------------

def test_rankings_are_about_partnership_not_the_trainer_tables(sample_cli_store: Path, phakhi_cli) -> None:
    brokers = _json(phakhi_cli(sample_cli_store, "analyze", "brokers", "--top", "3", "--format", "json"))
    assert ECT_OFFICE in [r["id"] for r in brokers[:2]]  # party to all four MOUs
    connected = _json(phakhi_cli(sample_cli_store, "analyze", "most-connected", "--top", "20",
                                 "--format", "json"))
    assert ECT_OFFICE in [r["id"] for r in connected[:3]]
    assert not any(r["type"] == "Province" for r in connected)
    coverage = _json(phakhi_cli(sample_cli_store, "analyze", "most-connected", "--layer", "coverage",
                                "--type", "Department", "--format", "json"))
    assert coverage[0]["degree"] == 77  # every province reports trainers of each department


def test_one_degree_per_agency_in_summary_analyze_and_report(sample_cli_store: Path, phakhi_cli,
                                                             tmp_path: Path) -> None:
    summary = _json(phakhi_cli(sample_cli_store, "summary", "--format", "json"))
    in_summary = {r["id"]: r["degree"] for r in summary["top_agencies"]}
    analyzed = {r["id"]: r["degree"] for r in _json(phakhi_cli(
        sample_cli_store, "analyze", "most-connected", "--top", "100", "--format", "json"))}
    assert in_summary and all(analyzed[k] == v for k, v in in_summary.items())
    assert phakhi_cli(sample_cli_store, "report", "-o", str(tmp_path / "r.html")).exit_code == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    brokers = page[page.index('id="brokers"'):page.index('id="timeline"')]
    row = re.search(r"สำนักงานคณะกรรมการการเลือกตั้ง</a></td><td>[^<]*</td><td>[\d.]+</td><td>(\d+)</td>",
                    brokers)
    assert row and int(row.group(1)) == in_summary[ECT_OFFICE]


# -- point 6: expiry tells stated from inferred dates --------------------------------------

def test_expiring_infers_the_end_from_the_covering_letter_and_says_so(sample_cli_store: Path,
                                                                      phakhi_cli) -> None:
    rows = _json(phakhi_cli(sample_cli_store, "query", "expiring", "--param", "days=365",
                            "--param", "as_of=1 มิ.ย. 2567", "--format", "json"))
    ending = [r for r in rows if r["status"] == "ending"]
    assert [(r["end_date"], r["duration_years"]) for r in ending] == [("2025-02-01", 3)]
    assert "covering letter of 2022-02-01" in ending[0]["end_basis"]
    assert ending[0]["end_basis"].startswith("inferred")
    open_ended = [r for r in rows if r["status"] == "open-ended"]
    assert sorted(r["date"] for r in open_ended) == ["2022-04-28", "2022-06-16"]
    assert all(r["end_date"] is None and "no duration" in r["reason"] for r in open_ended)
    assert [r["reason"] for r in rows if r["status"] == "undated"] == ["signing date not stated"]


def test_as_of_takes_thai_dates_like_every_other_date(sample_cli_store: Path, phakhi_cli) -> None:
    thai = _json(phakhi_cli(sample_cli_store, "query", "expiring", "-p", "as_of=1 ม.ค. 2568",
                            "--format", "json"))
    iso = _json(phakhi_cli(sample_cli_store, "query", "expiring", "-p", "as_of=2025-01-01",
                           "--format", "json"))
    assert thai == iso and any(r["days_left"] == 31 for r in thai)
    bad = phakhi_cli(sample_cli_store, "query", "expiring", "-p", "as_of=วันพรุ่งนี้")
    assert bad.exit_code == 1 and "1 ม.ค. 2568" in bad.stderr
