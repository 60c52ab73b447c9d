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
