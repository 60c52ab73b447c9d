r"""A Cypher script that recreates the graph in an empty Neo4j database.

Same layout as the Neo4j store (:mod:`phakhi.graph.stores.neo4j_store`): nodes are
``(:Entity:<Label> {id, type, name, aliases, docs, provenance, <properties>})``, edges
``-[:<TYPE> {id, qualifier, docs, provenance, <properties>}]->``. Labels and types come
from the ontology only (``check_label`` / ``check_rel_type``); a node or edge of a type the
ontology does not know is left out and counted in a comment. Data goes in as literal maps
(a script has no parameters), so every string is escaped for Cypher string literals.

Run it with ``cypher-shell -f graph.cypher`` or paste it into Neo4j Browser.

>>> print(cypher_string('ชมรม "ก" \\ \'ข\'\n'))
'ชมรม \"ก\" \\ \'ข\'\n'
>>> cypher_literal({"name": "น้ำ", "count": 3, "tags": ["ก", "ข"], "x": None})
"{name: 'น้ำ', count: 3, tags: ['ก', 'ข']}"
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from typing import Any, Iterator

from phakhi.graph.exports.common import GraphData, collect, open_output, provenance_docs
from phakhi.ontology import Ontology, OntologyError, load_ontology

ENTITY = "Entity"  # the label every node carries, as in the Neo4j store
BATCH = 200
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ESCAPES = {"\\": "\\\\", "'": "\\'", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t",
            "\b": "\\b", "\f": "\\f"}


def cypher_string(text: str) -> str:
    """A single-quoted Cypher string literal; backslash, quotes and control characters
    escaped (Thai passes through unchanged)."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ch in "\u2028\u2029":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def cypher_key(key: str) -> str:
    """A map key or property name: bare when an identifier, else back-quoted."""
    return key if _IDENT.match(key) else "`" + key.replace("`", "``") + "`"


def cypher_literal(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else cypher_string(str(value))
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{cypher_key(str(k))}: {cypher_literal(v)}"
                               for k, v in value.items() if v is not None) + "}"
    return cypher_string(str(value))


def neo4j_value(value: Any) -> Any:
    """A value Neo4j can store as a property: scalars and lists of one scalar type; maps and
    mixed lists become JSON text; None means "leave out"."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        items = [v for v in value if v is not None]
        kinds = {bool if isinstance(v, bool) else (float if isinstance(v, (int, float)) else type(v))
                 for v in items}
        if not items or (len(kinds) == 1 and kinds <= {str, bool}):
            return list(items)
        if kinds == {float}:  # Neo4j lists hold one type: ints and floats together become floats
            return [float(v) for v in items] if any(isinstance(v, float) for v in items) else list(items)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _props(props: dict[str, Any], reserved: set[str]) -> dict[str, Any]:
    out = {}
    for key, value in props.items():
        v = neo4j_value(value)
        if v is not None:
            out[f"prop_{key}" if key in reserved else key] = v
    return out


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), BATCH):
        yield rows[i:i + BATCH]


def cypher_statements(data: GraphData, onto: Ontology | None = None) -> tuple[list[str], Counter]:
    """The statements (without the trailing ``;``) and a count of what was left out."""
    onto = onto or load_ontology()
    skipped: Counter = Counter()
    statements = [f"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:{ENTITY}) REQUIRE n.id IS UNIQUE"]
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    kept: set[str] = set()
    for n in data.nodes:
        try:
            label = onto.check_label(n.type)
        except OntologyError:
            skipped["nodes of a type the ontology does not know"] += 1
            continue
        kept.add(n.id)
        props = {"id": n.id, "type": label, "name": n.name, "aliases": list(n.aliases),
                 "docs": provenance_docs(n.provenance),
                 "provenance": json.dumps([p.to_dict() for p in n.provenance], ensure_ascii=False)}
        props.update(_props(n.properties, set(props)))
        by_label[label].append({"id": n.id, "props": props})
    for label in sorted(by_label):
        for rows in _batches(by_label[label]):
            statements.append(f"UNWIND {cypher_literal(rows)} AS row\n"
                              f"MERGE (n:{ENTITY} {{id: row.id}}) SET n += row.props SET n:{label}")
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in data.edges:
        try:
            rel_type = onto.check_rel_type(e.type)
        except OntologyError:
            skipped["edges of a type the ontology does not know"] += 1
            continue
        if e.source not in kept or e.target not in kept:
            skipped["edges with an end left out"] += 1
            continue
        props = {"id": e.id, "qualifier": e.qualifier, "docs": provenance_docs(e.provenance),
                 "provenance": json.dumps([p.to_dict() for p in e.provenance], ensure_ascii=False)}
        props.update(_props(e.properties, set(props)))
        by_type[rel_type].append({"source": e.source, "target": e.target, "id": e.id, "props": props})
    for rel_type in sorted(by_type):
        for rows in _batches(by_type[rel_type]):
            statements.append(f"UNWIND {cypher_literal(rows)} AS row\n"
                              f"MATCH (a:{ENTITY} {{id: row.source}}), (b:{ENTITY} {{id: row.target}})\n"
                              f"MERGE (a)-[r:{rel_type} {{id: row.id}}]->(b) SET r += row.props")
    return statements, skipped


def write_cypher(source: Any, out: Any) -> None:
    data = collect(source)
    statements, skipped = cypher_statements(data)
    with open_output(out) as fh:
        fh.write(f"// phakhi graph: {len(data.nodes)} nodes, {len(data.edges)} edges.\n"
                 "// Recreates the graph in an empty Neo4j 5 database: cypher-shell -f <this file>\n")
        for what, count in sorted(skipped.items()):
            fh.write(f"// left out: {count} {what}\n")
        for st in statements:
            fh.write(st + ";\n")
