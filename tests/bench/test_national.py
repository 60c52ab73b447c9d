"""National facts: a prefix of one generated country, every edge end stated, ontology-typed."""
from __future__ import annotations

from phakhi.bench.national import DISTRICTS, SUBDISTRICTS, country, national_facts
from phakhi.ontology import load_ontology


def test_the_country_has_the_real_administrative_counts() -> None:
    districts = country(8)
    assert len(districts) == DISTRICTS
    assert sum(len(d.subdistricts) for d in districts) == SUBDISTRICTS
    assert len({d.province for d in districts}) == 77


def test_a_small_share_is_consistent_and_repeatable() -> None:
    onto = load_ontology()
    batches = list(national_facts(fraction=0.002, seed=8))
    types: dict[str, str] = {}
    for b in batches:
        for n in b.nodes:
            types[n.id] = n.type
    n_edges = 0
    for b in batches:
        for e in b.edges:
            n_edges += 1
            assert e.source in types and e.target in types, e
            assert onto.allows(e.type, types[e.source], types[e.target]), e
    assert n_edges > 5 * len(types) / 2
    again = list(national_facts(fraction=0.002, seed=8))
    assert [[n.id for n in b.nodes] for b in again] == [[n.id for n in b.nodes] for b in batches]
    assert len({b.document.doc_id for b in batches}) == len(batches)


def test_a_larger_share_extends_the_smaller_one() -> None:
    small = {n.id for b in national_facts(fraction=0.001, seed=8) for n in b.nodes}
    large = {n.id for b in national_facts(fraction=0.003, seed=8) for n in b.nodes}
    assert small < large


def test_the_bench_modules_doctests_pass() -> None:
    import doctest

    from phakhi.bench import admin_names, measure, national, runner, truth, world

    for mod in (admin_names, measure, national, runner, truth, world):
        assert doctest.testmod(mod).failed == 0, mod.__name__


def test_import_csv_has_typed_columns_and_every_edge_end(tmp_path) -> None:
    import csv

    from phakhi.bench.neo4j_import import write_import_csv

    batches = list(national_facts(fraction=0.0002, seed=8))
    node_files, rel_files, n_nodes, n_rels = write_import_csv(batches, tmp_path)
    ids: set[str] = set()
    for p in node_files:
        with p.open(encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        assert rows[0][:2] == ["id:ID", ":LABEL"]
        ids |= {r[0] for r in rows[1:]}
        assert all(r[1].startswith("Entity") for r in rows[1:])
    assert len(ids) == n_nodes
    ends = 0
    for p in rel_files:
        with p.open(encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        assert rows[0][:3] == [":START_ID", ":END_ID", ":TYPE"] and "docs:string[]" in rows[0]
        for r in rows[1:]:
            assert r[0] in ids and r[1] in ids
            ends += 1
    assert ends == n_rels > 0
