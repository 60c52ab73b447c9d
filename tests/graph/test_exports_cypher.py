"""Cypher script: escaping, labels only from the ontology, and a real run in Neo4j."""
from __future__ import annotations

import io
import sys
import uuid
from collections import Counter
from pathlib import Path

import pytest

from phakhi.graph.exports import GraphData, export_graph
from phakhi.graph.exports.cypher_export import cypher_literal, cypher_string, neo4j_value
from phakhi.graph.model import Edge, Node

sys.path.insert(0, str(Path(__file__).parent))  # the shared sample graph lives beside this file
from test_exports_common import DLA, TRICKY, nfc, sample_graph  # noqa: E402


def script(source=None) -> str:
    buf = io.StringIO()
    export_graph(source if source is not None else sample_graph(), "cypher", buf)
    return buf.getvalue()


def statements(text: str) -> list[str]:
    """Every literal newline in the script is structure (data newlines are escaped), and
    each statement ends a line with ';'."""
    out, current = [], []
    for line in text.splitlines():
        if not current and line.startswith("//"):
            continue
        current.append(line)
        if line.endswith(";"):
            out.append("\n".join(current)[:-1])
            current = []
    assert not current, "a statement without ';'"
    return out


def test_escaping():
    assert cypher_string("a'b") == "'a\\'b'"
    assert cypher_string("a\\b") == "'a\\\\b'"
    assert cypher_string('x"y') == "'x\\\"y'"
    assert cypher_string("บรรทัด\nใหม่\t") == "'บรรทัด\\nใหม่\\t'"
    assert cypher_string("\x00") == "'\\u0000'"
    assert cypher_string(DLA) == f"'{DLA}'"  # Thai unchanged
    assert cypher_literal({"a b": 1, "ok": [True, None]}) == "{`a b`: 1, ok: [true, null]}"


def test_neo4j_values():
    assert neo4j_value({"a": 1}) == '{"a": 1}'
    assert neo4j_value(["ก", 1]) == '["ก", 1]'  # mixed list -> JSON text
    assert neo4j_value([1, 2.5]) == [1.0, 2.5]
    assert neo4j_value(["ก", "ข"]) == ["ก", "ข"]


def test_statement_count_and_shape():
    text = script()
    sts = statements(text)
    labels = {n.type for n in sample_graph().nodes}
    types = {e.type for e in sample_graph().edges if e.target != "ref:missing"}
    assert len(sts) == 1 + len(labels) + len(types)
    assert sts[0].startswith("CREATE CONSTRAINT entity_id IF NOT EXISTS")
    assert sum(st.count("MERGE (n:Entity") for st in sts) == len(labels)
    assert text.count("\n") == text.count(";\n") + sum(st.count("\n") for st in sts) + 2


def test_only_ontology_labels_and_types_reach_the_script():
    evil = "Department) DETACH DELETE n //"
    nodes = [Node("a", evil, "ก"), Node("b", "Ministry", "ข"), Node("c", "Department", "ค")]
    edges = [Edge("b", "c", "PART_OF]->() DELETE r //"), Edge("c", "b", "PART_OF"), Edge("a", "b", "PART_OF")]
    text = script((nodes, edges))
    assert "DETACH DELETE" not in text and "DELETE r" not in text
    assert "// left out: 1 nodes of a type the ontology does not know" in text
    assert "// left out: 1 edges of a type the ontology does not know" in text
    assert "// left out: 1 edges with an end left out" in text
    assert len(statements(text)) == 1 + 2 + 1


def prefixed(data: GraphData, prefix: str) -> GraphData:
    """The same graph with every node id prefixed: other people's data in the shared
    database cannot collide with it, and only it is deleted afterwards."""
    nodes = [Node(prefix + n.id, n.type, n.name, list(n.aliases), dict(n.properties), list(n.provenance))
             for n in data.nodes]
    edges = [Edge(prefix + e.source, prefix + e.target, e.type, dict(e.properties), list(e.provenance),
                  e.qualifier) for e in data.edges]
    return GraphData(nodes, edges, data.documents)


@pytest.mark.neo4j
def test_script_recreates_the_graph_in_neo4j(neo4j_env, neo4j_lock):
    from neo4j import GraphDatabase

    prefix = f"test-{uuid.uuid4().hex[:8]}:"
    sample = prefixed(sample_graph(), prefix)
    mine = "MATCH (n:Entity) WHERE n.id STARTS WITH $p "
    with GraphDatabase.driver(neo4j_env.uri, auth=(neo4j_env.user, neo4j_env.password)) as driver:
        try:
            with driver.session(database=neo4j_env.database) as session:
                for st in statements(script(sample)):
                    session.run(st).consume()

                def one(query: str):
                    return session.run(query, p=prefix).single()["c"]

                n_nodes = one(mine + "RETURN count(n) AS c")
                n_edges = one(mine + "MATCH (n)-[r]->(:Entity) RETURN count(r) AS c")
                names = {r["name"] for r in session.run(mine + "RETURN n.name AS name", p=prefix)}
                labels = Counter(r["label"] for r in session.run(
                    mine + "UNWIND labels(n) AS label WITH label WHERE label <> 'Entity' RETURN label",
                    p=prefix))
                count = one("MATCH (:Province)-[r:HAS_TRAINERS]->(b {id: $p + 'ref:dla'}) RETURN r.count AS c")
                aliases = session.run("MATCH (n {id: $p + 'ref:dopa'}) RETURN n.aliases AS a",
                                      p=prefix).single()["a"]
                for st in statements(script(sample)):  # running it twice changes nothing (MERGE)
                    session.run(st).consume()
                again = one(mine + "RETURN count(n) AS c")
        finally:
            driver.execute_query(mine + "DETACH DELETE n", p=prefix, database_=neo4j_env.database)
    assert n_nodes == again == 11
    assert n_edges == 16
    assert nfc(TRICKY) in names and nfc(DLA) in names
    assert labels == Counter(n.type for n in sample.nodes)
    assert count == 0
    assert aliases == ["ปค.", "Department of Provincial Administration"]
