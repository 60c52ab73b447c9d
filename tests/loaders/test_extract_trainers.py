"""A short trainer registry: one HAS_TRAINERS edge per cell, '-' is 0, blank is unknown."""
from __future__ import annotations

from pathlib import Path

from phakhi.loaders.extract import extract_document
from phakhi.loaders.readers import SourceText

TABLE = ("ทะเบียนวิทยากรหลักหน่วยงานของรัฐ ประจำปี 2565\n\nจำนวน 9 คน\n\n"
         "ที่\tจังหวัด\tหน่วยงาน\n\t\tกรมอนามัย\tกรมป่าไม้\n"
         "1\tน่าน\t2\t-\n2\tอุตรธานี\t3\t\n3\tแพร่\t1\t1\nรวมจำนวน\t\t6\t1\n")


def _facts():
    src = SourceText(path=Path("t.txt"), text=TABLE, format="txt", encoding="utf-8", fingerprint="f")
    return extract_document(src, "doc:t")


def test_one_edge_per_cell_with_counts():
    facts = _facts()
    names = {n.id: n.name for n in facts.nodes}
    cells = {(names[e.source], names[e.target]): e.properties for e in facts.edges if e.type == "HAS_TRAINERS"}
    assert len(cells) == 6
    assert cells[("น่าน", "กรมอนามัย")]["count"] == 2
    assert cells[("น่าน", "กรมป่าไม้")]["count"] == 0 and cells[("น่าน", "กรมป่าไม้")]["raw"] == "-"
    assert cells[("อุดรธานี", "กรมป่าไม้")].get("count") is None  # blank: unknown; misspelt province resolved
    assert cells[("แพร่", "กรมอนามัย")]["year"] == 2022
    assert cells[("แพร่", "กรมอนามัย")]["row"] == 3


def test_stated_total_checked():
    facts = _facts()
    mismatch = [i for i in facts.issues if "9" in i.message and i.level == "warning"]
    assert mismatch, [i.message for i in facts.issues]
