"""The document generator: same seed, same bytes; a truth whose every relation is sound."""
from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from pathlib import Path

import pytest

from phakhi.bench.generator import TRUTH_FILE, generate_corpus
from phakhi.bench.truth import Truth
from phakhi.ontology import load_ontology

SCORER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "score_extraction.py"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    return generate_corpus(tmp_path_factory.mktemp("a"), scale=0.05, seed=3)


@pytest.fixture(scope="module")
def truth(corpus) -> dict:
    return json.loads(corpus.truth_path.read_text(encoding="utf-8"))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_gives_the_same_bytes(corpus, tmp_path: Path) -> None:
    again = generate_corpus(tmp_path, scale=0.05, seed=3)
    assert _files(again.out_dir) == _files(corpus.out_dir)


def test_another_seed_gives_other_documents(corpus, tmp_path: Path) -> None:
    other = generate_corpus(tmp_path, scale=0.05, seed=4)
    assert _files(other.out_dir) != _files(corpus.out_dir)


def test_a_larger_scale_keeps_the_smaller_corpus_documents(corpus, tmp_path: Path) -> None:
    bigger = generate_corpus(tmp_path, scale=0.1, seed=3)
    assert len(bigger.documents) > len(corpus.documents)
    small_texts = {p.read_bytes() for p in corpus.documents}
    big_texts = {p.read_bytes() for p in bigger.documents}
    assert small_texts <= big_texts


def test_every_kind_is_written_and_text_is_nfc(corpus, truth) -> None:
    assert {d["kind"] for d in truth["documents"]} == {"mou", "news", "letter", "table"}
    for p in corpus.documents:
        text = p.read_text(encoding="utf-8")
        assert text == unicodedata.normalize("NFC", text), p.name


def test_every_relation_end_is_an_entity_and_allowed_by_the_ontology(truth) -> None:
    onto = load_ontology()
    types = {e["id"]: e["type"] for e in truth["entities"]}
    docs = {d["id"] for d in truth["documents"]}
    assert truth["relations"]
    for r in truth["relations"]:
        assert r["source"] in types and r["target"] in types, r
        assert onto.allows(r["type"], types[r["source"]], types[r["target"]]), r
        assert r["evidence"] in docs
    for e in truth["entities"]:
        assert set(e["mentions"]) <= docs


def test_people_in_the_truth_appear_in_their_documents(corpus, truth) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in corpus.documents}
    people = [e for e in truth["entities"] if e["type"] == "Person"]
    assert people
    for e in people:
        for doc in e["mentions"]:
            assert any(form in texts[doc] for form in [e["name"], *e["aliases"]]), (e["name"], doc)


def test_trainer_counts_match_the_table_cells(corpus, truth) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in corpus.documents}
    names = {e["id"]: e["name"] for e in truth["entities"]}
    cells = [r for r in truth["relations"] if r["type"] == "HAS_TRAINERS"]
    assert cells
    for r in cells[:200]:
        a = r["attributes"]
        row = next(line for line in texts[r["evidence"]].splitlines()
                   if line.startswith(f"{a['row']}\t{names[r['source']]}\t"))
        raw = row.split("\t")[2:]
        header_line = next(line for line in texts[r["evidence"]].splitlines() if line.startswith("\t\t"))
        col = header_line.split("\t")[2:].index(a["column_header"])
        assert raw[col] == a["raw"]
        assert a["count"] == (None if raw[col] == "" else 0 if raw[col] == "-" else int(raw[col]))


def test_stated_totals_are_checked_in_the_truth(corpus, truth) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in corpus.documents}
    for t in truth["tables"]:
        stated = int(re.search(r"จำนวน ([\d,]+) คน", texts[t["doc"]]).group(1).replace(",", ""))
        assert stated == t["stated_total"]
        assert t["computed_total"] == sum(t["column_totals"].values())
    checks = [v for v in truth["validation"]]
    assert checks and all(v["discrepancy"] == (v["stated"] != v["computed"]) for v in checks)


def test_truth_builder_reports_dangling_relations() -> None:
    t = Truth()
    a = t.entity("Department", "กรมการปกครอง")
    t.relation(a, "PART_OF", "e99", "d1")
    assert t.check() == ["relation PART_OF e1->e99 has an unknown end"]


@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not in this checkout")
def test_the_truth_scores_perfectly_against_itself(truth, corpus) -> None:
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    pred = {"nodes": [{"id": e["id"], "type": e["type"], "name": e["name"], "aliases": e["aliases"]}
                      for e in truth["entities"]],
            "edges": [{"source": r["source"], "target": r["target"], "type": r["type"],
                       "count": r["attributes"].get("count"), "clause": r["attributes"].get("clause")}
                      for r in truth["relations"]]}
    res = mod.score(pred, [str(corpus.out_dir / TRUTH_FILE)])
    assert res["lenient"]["entities"]["f1"] == pytest.approx(1.0)
    assert res["lenient"]["relations"]["f1"] == pytest.approx(1.0)
