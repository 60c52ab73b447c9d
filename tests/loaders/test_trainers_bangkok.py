"""Issue 13 point 2: Bangkok's row of the trainer tables is the province, not the city
administration, so the tables cover all 77 provinces."""
from __future__ import annotations

import json
from pathlib import Path

from phakhi.loaders.trainers import province_mention


def test_a_row_label_shared_with_a_body_is_the_province() -> None:
    assert province_mention("กรุงเทพมหานคร").id == "ref:th-10"
    assert province_mention("กระบี่").type == "Province"
    assert province_mention("กรมการปกครอง") is None


def test_trainer_coverage_has_77_provinces(sample_cli_store: Path, phakhi_cli) -> None:
    result = phakhi_cli(sample_cli_store, "query", "trainer-coverage", "--format", "json")
    rows = json.loads(result.stdout)
    assert len({r["province"] for r in rows}) == 77


def test_bangkok_rows_are_found_by_its_short_name(sample_cli_store: Path, phakhi_cli) -> None:
    result = phakhi_cli(sample_cli_store, "query", "trainer-coverage", "--param", "province=กทม.", "--format", "json")
    rows = json.loads(result.stdout)
    assert rows and {r["province"] for r in rows} == {"ref:th-10"}
    assert all(r["count"] == 0 for r in rows)  # all "-": the biggest gap
