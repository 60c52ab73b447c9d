"""Questions on the embedded store are answered from its projection tables (read on
demand, names through the index) with exactly the rows of the NetworkX graph."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from phakhi.graph.stores.sqlite_store import SQLiteStore
from phakhi.queries.answer import answer, answer_networkx
from phakhi.queries.names import NameIndex
from phakhi.queries.projection_names import ProjectionNames
from phakhi.queries.testing import question_params, random_batches


@pytest.mark.parametrize("seed", [0, 1])
def test_every_question_gives_the_networkx_rows_from_the_projection(tmp_path: Path, seed: int,
                                                                    sample_like_batches: list) -> None:
    batches = random_batches(seed=seed) if seed else sample_like_batches
    with SQLiteStore(tmp_path / "s") as store:
        store.write_many(batches)
        g = store.graph()
        pg = store.projection_graph()
        non_empty = 0
        for qid, cases in question_params(g).items():
            for case in cases:
                want = answer_networkx(g, qid, case)
                assert answer_networkx(pg, qid, case) == want, (qid, case)
                non_empty += bool(want)
        assert non_empty > 20


def test_names_resolve_through_the_index_as_through_the_whole_graph(tmp_path: Path,
                                                                    sample_like_batches: list) -> None:
    from phakhi.queries.names import NameError_

    with SQLiteStore(tmp_path / "s") as store:
        store.write_many(sample_like_batches)
        whole = NameIndex.from_graph(store.graph())
        indexed = ProjectionNames(store.projection_graph())
        texts = ["พช.", "พช", "กรมพัฒนาชุมชน", "community development department", "ref:cdd",
                 "กระทรวงมหาดไทย", "มท", "อสม.", "กกต.", "สำนักงาน กกต.", "ไม่มีชื่อนี้", "กรมการปกครอง",
                 "บันทึกข้อตกลง ECT–CDD", "สมชาย ทดสอบ"]

        def outcome(index: Any, text: str) -> str:
            try:
                return index.resolve(text)
            except NameError_ as exc:
                return f"{type(exc).__name__}: {exc}"

        results = {t: outcome(indexed, t) for t in texts}
        assert results == {t: outcome(whole, t) for t in texts}
        assert results["พช"] == "ref:cdd"


def test_answer_on_the_embedded_store_uses_the_projection(tmp_path: Path, sample_like_batches: list) -> None:
    with SQLiteStore(tmp_path / "s") as store:
        store.write_many(sample_like_batches)
        rows = answer(store, "partners", {"org": "พช."})
        assert rows == answer_networkx(store.graph(), "partners", {"org": "ref:cdd"})
        assert {r["partner"] for r in rows} == {"ref:ect_office"}


def test_first_shortest_path_is_the_smallest_of_all_shortest_paths() -> None:
    import networkx as nx

    from phakhi.queries.nx_impl import first_shortest_path

    checked = 0
    for seed in range(60):
        g = nx.gnm_random_graph(30, 45, seed=seed)
        g = nx.relabel_nodes(g, {n: f"n{n:02d}" for n in g})
        for a, b in [("n00", "n29"), ("n03", "n17"), ("n11", "n12")]:
            try:
                want = min(nx.all_shortest_paths(g, a, b))
            except nx.NetworkXNoPath:
                want = None
            got = first_shortest_path(lambda ns: {n: set(g[n]) for n in ns}, a, b, 30)
            assert got == want, (seed, a, b)
            if want and len(want) > 2:
                assert first_shortest_path(lambda ns: {n: set(g[n]) for n in ns}, a, b,
                                           len(want) - 2) is None
                checked += 1
    assert checked > 50
