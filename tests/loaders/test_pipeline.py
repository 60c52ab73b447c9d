"""Ingest into a real SQLite store: the sample corpus end to end, re-ingest, bad files."""
from __future__ import annotations

from pathlib import Path

import pytest

from phakhi.graph.stores.sqlite_store import SQLiteStore
from phakhi.loaders.pipeline import doc_id_for, ingest

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    store = SQLiteStore(tmp_path_factory.mktemp("store"))
    report = ingest([CORPUS], store, progress=False)
    yield store, report
    store.close()


def _names(store):
    return {n.id: n for n in store.nodes()}


def _find(nodes, name, type_=None):
    hits = [n for n in nodes.values() if (n.name == name or name in n.aliases) and (type_ is None or n.type == type_)]
    assert hits, name
    return hits[0]


def test_report(corpus_store):
    store, report = corpus_store
    assert (report.ingested, report.failed, report.skipped) == (5, 0, 0)
    assert len(store.documents()) == 5
    assert report.edge_count > 600


def test_partners_of_cdd_include_the_election_commission_office(corpus_store):
    store, _ = corpus_store
    nodes = _names(store)
    cdd = _find(nodes, "กรมการพัฒนาชุมชน")
    ect = _find(nodes, "สำนักงานคณะกรรมการการเลือกตั้ง")
    edges = list(store.edges())
    cdd_agreements = {e.target for e in edges if e.type == "PARTY_TO" and e.source == cdd.id}
    partners = {e.source for e in edges if e.type == "PARTY_TO" and e.target in cdd_agreements}
    assert ect.id in partners


def test_obligations_of_hss_concern_village_health_volunteers(corpus_store):
    store, _ = corpus_store
    nodes = _names(store)
    hss = _find(nodes, "กรมสนับสนุนบริการสุขภาพ")
    vhv = _find(nodes, "อาสาสมัครสาธารณสุขประจำหมู่บ้าน")
    clauses = [e for e in store.edges() if e.type == "OBLIGATED_TO" and e.source == hss.id]
    assert sorted(e.properties["clause"] for e in clauses) == [1, 2, 3, 4]
    assert all(vhv.id in e.properties["concerns"] for e in clauses)


def test_ect_cdd_agreement_terms(corpus_store):
    store, _ = corpus_store
    nodes = _names(store)
    cdd = _find(nodes, "กรมการพัฒนาชุมชน")
    (aid,) = {e.target for e in store.edges() if e.type == "PARTY_TO" and e.source == cdd.id}
    props = nodes[aid].properties
    assert props["duration_years"] == 3
    assert props["termination_notice_days"] == 30
    assert "date" not in props and "end_date" not in props


def test_two_agreements_with_the_same_title_stay_two(corpus_store):
    store, _ = corpus_store
    mous = [n for n in store.nodes() if n.type == "Agreement"
            and n.name.startswith("บันทึกข้อตกลงว่าด้วยความร่วมมือการสร้างความรู้")]
    assert len(mous) == 2
    assert mous[0].name == mous[1].name and mous[0].id != mous[1].id


def test_trainer_counts(corpus_store):
    store, _ = corpus_store
    cells = [e for e in store.edges() if e.type == "HAS_TRAINERS"]
    assert len(cells) >= 540
    nodes = _names(store)
    ubon = _find(nodes, "อุบลราชธานี", "Province")
    dopa = _find(nodes, "กรมการปกครอง")
    counts = sorted(e.properties["count"] for e in cells if e.source == ubon.id and e.target == dopa.id)
    assert counts == [6, 22]


def test_ocr_variant_of_a_signatory_is_merged(corpus_store):
    store, _ = corpus_store
    merges = {m.from_id: m for m in store.merges()}
    variants = {"Person:จรุงวิทย์ ฤมมา", "Person:จรุงวิทย์ ภูมกา"}
    assert any(m.from_id in variants and m.to_id in variants and m.status == "accepted" for m in merges.values())


def test_unchanged_files_are_skipped_and_changed_files_replace_their_facts(tmp_path):
    src = tmp_path / "docs"
    src.mkdir()
    f = src / "news.txt"
    f.write_text("ข่าว\n\nวันนี้ (5 มกราคม 2566) นายสมศักดิ์ สุขใจ อธิบดีกรมอนามัย กล่าวว่า\n", encoding="utf-8")
    store = SQLiteStore(tmp_path / "store")
    assert ingest([src], store, progress=False).ingested == 1
    again = ingest([src], store, progress=False)
    assert (again.ingested, again.skipped) == (0, 1)
    f.write_text("ข่าว\n\nวันนี้ (5 มกราคม 2566) นายวิชัย มั่นคง อธิบดีกรมป่าไม้ กล่าวว่า\n", encoding="utf-8")
    changed = ingest([src], store, progress=False)
    assert changed.ingested == 1
    people = {n.name for n in store.nodes() if n.type == "Person"}
    assert people == {"วิชัย มั่นคง"}
    assert store.remove_document(doc_id_for(f))
    assert not [n for n in store.nodes() if n.type == "Person"]
    store.close()


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "docs"
    src.mkdir()
    (src / "ok.txt").write_text("ข่าว\n\nนายสมศักดิ์ สุขใจ อธิบดีกรมอนามัย กล่าวว่า\n", encoding="utf-8")
    (src / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    store = SQLiteStore(tmp_path / "store")
    report = ingest([src, tmp_path / "missing.txt"], store, progress=False)
    assert report.ingested == 1
    assert report.failed == 2
    lines = [i.line() for i in report.errors]
    assert any(line.startswith(str(src / "broken.pdf") + ": ") for line in lines), lines
    assert any("missing.txt" in line for line in lines), lines
    store.close()


def test_a_process_pool_stores_what_one_process_stores(tmp_path: Path) -> None:
    """--jobs 2 extracts in two processes; the store ends up with the same documents (in
    file order), the same facts and the same merged graph as one process."""
    corpus = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    (tmp_path / "in").mkdir()
    for f in sorted(corpus.glob("*.txt")):
        (tmp_path / "in" / f.name).write_bytes(f.read_bytes())
    (tmp_path / "in" / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    results = []
    for jobs in (1, 2):
        with SQLiteStore(tmp_path / f"store{jobs}") as store:
            report = ingest([tmp_path / "in"], store, progress=False, jobs=jobs)
            results.append(([d.doc_id for d in store.documents()],
                            sorted((n.id, n.name, n.aliases) for n in store.nodes()),
                            sorted(e.id for e in store.edges()),
                            (report.read, report.ingested, report.failed, report.node_count)))
    assert results[0] == results[1]
    assert results[0][3][1] == 5 and results[0][3][2] == 1
