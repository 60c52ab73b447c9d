"""The lexicon (ontology/lexicon.yaml): every list loads and is clean, the rules read it (a new
word is a data change that takes effect with no code change), and no rule keeps its own copy."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from phakhi.loaders import lexicon as lx

ROOT = Path(__file__).resolve().parents[2]


def test_every_list_loads_and_has_no_duplicates() -> None:
    data = lx.lexicon()
    for name in ("weekdays", "numbered_heads", "not_names", "name_never_opens_with", "name_stops",
                 "name_compounds", "not_person", "post_prefixes", "venue_words", "na_surnames"):
        items = lx.words(name)
        assert items, name
        assert len(items) == len(set(items)), name
    heads = [h["word"] for h in data["organisation_heads"]]
    assert len(heads) == len(set(heads))
    assert {h["type"] for h in data["organisation_heads"]} <= {
        "Committee", "Office", "Department", "Center", "Organization", "LocalGovernment", "VolunteerNetwork"}
    assert [len(m["full"]) >= 1 for m in data["months"]] == [True] * 12


def test_every_fragment_list_compiles() -> None:
    for name in ("not_names", "name_never_opens_with", "name_stops", "not_person",
                 "cues.presides", "cues.attends", "cues.accompanies", "cues.body_joins"):
        re.compile(lx.fragments(name))


def _extract_names(text: str, env: dict[str, str]) -> str:
    code = ("import sys; from phakhi.loaders.mentions import find_mentions; "
            "print('|'.join(m.name for m in find_mentions(sys.argv[1])))")
    return subprocess.run([sys.executable, "-c", code, text], capture_output=True, text=True, check=True,
                          env=env).stdout.strip()


def test_a_new_head_noun_is_a_data_change(tmp_path: Path) -> None:
    text = "ผู้แทนหอการค้าจังหวัดลำปาง ร่วมประชุม"
    import os

    before = _extract_names(text, dict(os.environ))
    data = yaml.safe_load(lx.LEXICON_PATH.read_text(encoding="utf-8"))
    data["organisation_heads"].append({"word": "หอการค้า", "type": "Organization"})
    edited = tmp_path / "lexicon.yaml"
    edited.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    after = _extract_names(text, dict(os.environ, PHAKHI_LEXICON=str(edited)))
    assert "หอการค้าจังหวัดลำปาง" not in before.split("|")
    assert "หอการค้าจังหวัดลำปาง" in after.split("|")


def test_no_rule_keeps_its_own_copy_of_a_list() -> None:
    # a few telling words of each list must not be spelled out in loaders/ code
    telling = {"คณะอนุกรรมการ": "organisation_heads", "พฤศจิกายน": "months", "นางพยาบาล": "not_person",
               "ป้อมเพชร": "na_surnames", "ให้คำปรึกษา": "name_compounds"}
    for path in (ROOT / "loaders").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for word, lst in telling.items():
            assert word not in source, f"{path.name} repeats {lst}"
