"""Ad-hoc Cypher is read-only, and parameter values can never become Cypher."""
from __future__ import annotations

from typing import Any

import pytest

from phakhi.queries.answer import answer, answer_cypher
from phakhi.queries.cypher_runner import CypherError, run_read

pytestmark = pytest.mark.neo4j

INJECTION = "x'}) DETACH DELETE n //"


def _count(store: Any) -> int:
    return run_read(store, "MATCH (n:Entity) RETURN count(n) AS c")[0]["c"]


def test_create_is_refused_and_changes_nothing(neo4j_store: Any, sample_like_batches: list) -> None:
    for b in sample_like_batches:
        neo4j_store.write(b)
    before = _count(neo4j_store)
    with pytest.raises(CypherError) as err:
        run_read(neo4j_store, "CREATE (n:Entity {id: 'intruder'}) RETURN n")
    assert "read-only" in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(CypherError):
        run_read(neo4j_store, "MATCH (n) DETACH DELETE n")
    assert _count(neo4j_store) == before > 0


def test_injection_through_parameters_changes_nothing(neo4j_store: Any, sample_like_batches: list) -> None:
    for b in sample_like_batches:
        neo4j_store.write(b)
    before = _count(neo4j_store)
    # raw ids go straight to the Cypher text's $parameters
    for qid, params in [("partners", {"org": INJECTION}), ("evidence", {"fact": INJECTION}),
                        ("trainer-coverage", {"table": INJECTION}),
                        ("timeline", {"from": "2020-01-01"})]:
        assert isinstance(answer_cypher(neo4j_store, qid, params), list)
    assert answer_cypher(neo4j_store, "partners", {"org": INJECTION}) == []
    # a name that resolves to nothing is an error, never a query
    from phakhi.queries.names import UnknownName

    with pytest.raises(UnknownName):
        answer(neo4j_store, "partners", {"org": INJECTION})
    rows = run_read(neo4j_store, "MATCH (n:Entity {id: $id}) RETURN n.id AS id", {"id": INJECTION})
    assert rows == []
    assert _count(neo4j_store) == before


def test_syntax_error_is_one_line(neo4j_store: Any) -> None:
    with pytest.raises(CypherError) as err:
        run_read(neo4j_store, "MATCH (n RETURN n")
    assert "\n" not in str(err.value)
