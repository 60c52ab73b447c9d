"""The canned Cypher stays cheap at national scale: no plan scans every node or every
relationship (each question starts from the indexed id, or from one small label)."""
from __future__ import annotations

from typing import Any

import pytest

import neo4j

from phakhi.queries.answer import gazetteer_ministries
from phakhi.queries.catalog import load_catalog

pytestmark = pytest.mark.neo4j

FULL_SCANS = ("AllNodesScan", "AllRelationshipsScan")


def _operators(plan: dict[str, Any]) -> list[str]:
    out = [plan["operatorType"].split("@")[0]]
    for child in plan.get("children", []):
        out += _operators(child)
    return out


def test_no_canned_question_scans_the_whole_graph(neo4j_store: Any, sample_like_batches: list) -> None:
    for b in sample_like_batches:  # creates the store's constraints and indexes
        neo4j_store.write(b)
    extra = gazetteer_ministries()
    checked = 0
    for q in load_catalog().values():
        params: dict[str, Any] = {p.name: p.default for p in q.params}
        params.update({"org": "x", "a": "x", "b": "y", "entity": "x", "center": "x", "person": "p",
                       "agreement": "a", "fact": "SIGNS:0", "days": 30, "as_of": "2022-01-01",
                       "depth": 2, "max_hops": 6, **extra})
        cypher = q.cypher.replace("MATCH ()-[r]->()", "MATCH ()-[r:SIGNS]->()")  # as the runner does
        with neo4j_store._driver.session(database=neo4j_store.database,
                                         default_access_mode=neo4j.READ_ACCESS) as session:
            plan = session.run("EXPLAIN " + cypher, params).consume().plan
        ops = _operators(plan)
        assert not [op for op in ops if any(s in op for s in FULL_SCANS)], f"{q.id}: {ops}"
        checked += 1
    assert checked == len(load_catalog())
