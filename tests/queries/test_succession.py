"""Issue 13 point 5: renames are carried. The gazetteer's dated rename กศน. -> สกร.
(2023-05-18) becomes a SUCCEEDED_BY edge at ingest, and questions follow it unless told not to."""
from __future__ import annotations

import json
from pathlib import Path


def _rows(result) -> list[dict]:  # noqa: ANN001
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_gazetteer_rename_is_an_edge_with_its_date(sample_cli_store: Path, phakhi_cli) -> None:
    card = _rows(phakhi_cli(sample_cli_store, "show", "กศน.", "--format", "json"))
    assert card["id"] == "ref:onie"
    assert {"relation": "SUCCEEDED_BY", "direction": "→", "count": 1,
            "with": ["กรมส่งเสริมการเรียนรู้"]} in card["relationships"]
    rows = _rows(phakhi_cli(sample_cli_store, "query", "ego", "-p", "entity=สกร.", "--format", "json"))
    assert {"id": "ref:onie", "relations": ["SUCCEEDED_BY"]}.items() <= next(
        r for r in rows if r["id"] == "ref:onie").items()


def test_partners_of_the_successor_include_the_predecessors(sample_cli_store: Path, phakhi_cli) -> None:
    rows = _rows(phakhi_cli(sample_cli_store, "query", "partners", "-p", "org=สกร.", "--format", "json"))
    office = next(r for r in rows if r["partner"] == "ref:ect_office")
    assert office["cooperates"] and office["through"] == [
        "สำนักงานส่งเสริมการศึกษานอกระบบและการศึกษาตามอัธยาศัย"]
    alone = phakhi_cli(sample_cli_store, "query", "partners", "-p", "org=สกร.", "--no-succession",
                       "--format", "json")
    assert _rows(alone) == []
    same = _rows(phakhi_cli(sample_cli_store, "query", "partners", "-p", "org=สกร.", "-p",
                            "follow_succession=false", "--format", "json"))
    assert same == []


def test_timeline_of_an_organisation_follows_succession(sample_cli_store: Path, phakhi_cli) -> None:
    mine = _rows(phakhi_cli(sample_cli_store, "query", "timeline", "-p", "org=สำนักงาน กกต.",
                            "--format", "json"))
    assert {r["type"] for r in mine} == {"Agreement", "Event"}
    everything = _rows(phakhi_cli(sample_cli_store, "query", "timeline", "--format", "json"))
    assert len(everything) >= len(mine) and set(map(json.dumps, mine)) <= set(map(json.dumps, everything))
