"""Extraction on the blind set (tests/data/blind): documents written after the rules, never tuned
on. The gold is checked for consistency, and the figures measured when the set was written are
kept as floors a little below them (README, Extraction quality), so a change that loses ground on
unseen writing fails. Skipped where the shared scorer (../shared/tools) is not present."""
from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

BLIND = Path(__file__).resolve().parents[1] / "data" / "blind"
SCORER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "score_extraction.py"
GOLDS = sorted(BLIND.glob("blind*.gold.json"))


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.stem)
def test_gold_aliases_are_in_the_text_and_relations_point_at_entities(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (BLIND / gold["text_file"]).read_text(encoding="utf-8")
    ids = {e["id"] for e in gold["entities"]}
    for e in gold["entities"]:
        for alias in e.get("aliases", []):
            assert alias in text, (e["id"], alias)
    for r in gold["relations"] + gold.get("negative_relations", []):
        assert r["source"] in ids and r["target"] in ids, r


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not SCORER.is_file():
        pytest.skip("the shared scorer is not present")
    work = tmp_path_factory.mktemp("blind")
    docs = work / "docs"
    docs.mkdir()
    for p in BLIND.glob("blind*.txt"):
        shutil.copy(p, docs / p.name)
    for args in (["ingest", str(docs)], ["export", "--format", "json", "-o", str(work / "g.json")]):
        subprocess.run([sys.executable, "-m", "phakhi.cli", "--store", str(work / "store"), "-q", *args],
                       check=True, stdout=subprocess.DEVNULL)
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)  # type: ignore[union-attr]
    return scorer.score(json.loads((work / "g.json").read_text(encoding="utf-8")), [str(p) for p in GOLDS])["lenient"]


def test_blind_entities(scored: dict[str, Any]) -> None:
    assert scored["entities"]["f1"] >= 0.70


def test_blind_relations(scored: dict[str, Any]) -> None:
    assert scored["relations"]["f1"] >= 0.48
