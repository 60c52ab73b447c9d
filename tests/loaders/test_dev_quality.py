"""Extraction quality on the development corpus (../shared/dev, read in place, never copied):
21 real-fact documents of many genres and ministries, ingested as one folder through the CLI the
way a user runs it, exported, and scored with the shared scorer. The floors sit a little below
the figures measured when they were set (README "Extraction quality"), so a change that loses
ground on documents of other genres fails here. Skipped where ../shared is not present.
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"
DEV = SHARED / "dev"
SCORER = SHARED / "tools" / "score_extraction.py"

pytestmark = pytest.mark.skipif(not (DEV.is_dir() and SCORER.is_file()), reason="../shared/dev is not present")


def _phakhi(store: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "phakhi.cli", "--store", str(store), "-q", *args], check=True,
                   stdout=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    work = tmp_path_factory.mktemp("dev")
    _phakhi(work / "store", "ingest", str(DEV))
    _phakhi(work / "store", "export", "--format", "json", "-o", str(work / "dev.json"))
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)  # type: ignore[union-attr]
    pred = json.loads((work / "dev.json").read_text(encoding="utf-8"))
    return scorer.score(pred, [str(p) for p in sorted(DEV.glob("dev*.gold.json"))])["lenient"]


def test_entities_of_documents_of_many_genres(scored: dict[str, Any]) -> None:
    assert scored["entities"]["f1"] >= 0.79


def test_relations_of_documents_of_many_genres(scored: dict[str, Any]) -> None:
    assert scored["relations"]["f1"] >= 0.66
    assert scored["relations"]["macro_f1"] >= 0.55


@pytest.mark.parametrize("rel", ["PARTY_TO", "SIGNS", "HOLDS_POSITION", "PRESIDES", "JOINS_AS_COMMITTEE"])
def test_each_core_relation_is_found_at_all(scored: dict[str, Any], rel: str) -> None:
    assert scored["relations"]["per_type"][rel]["f1"] >= 0.5, scored["relations"]["per_type"][rel]
