"""The bulk path into Neo4j: a whole store's resolved projection, computed once in Python
from the source's claims and written in large ``UNWIND`` batches.

Why a separate path: the store path (``write_many``) must read back what the database
already holds for the entities a batch touches, because another document may state them
too. Into an empty database nothing is there to read, so the projection — entities after
the accepted merges, relationships with their per-document claims, the bookkeeping —
comes straight from the source (the embedded store), and the database ends up exactly as
``write_many`` of every document would leave it (``tests/graph/test_neo4j_bulk.py``).

Writing, and why it is safe to retry:

* nodes per label (``CREATE``, label written from the ontology), then relationships per
  type, found through their end nodes' unique ids (``MATCH (a:Entity {id}) MATCH (b:Entity
  {id}) CREATE (a)-[:T]->(b)``: two index seeks, no relationship index involved);
* statements of up to 10,000 rows are packed into chunks of up to 10,000 rows; each chunk
  is its own transaction and records a ``(:PhakhiBulkChunk {id})`` marker in the same
  transaction; a chunk whose marker exists is skipped. The driver retries a
  transaction whose commit it did not hear back about (a server stopping mid-commit):
  without the marker that replay would ``CREATE`` the chunk's relationships twice;
* the ``:PhakhiDocument`` nodes, merge decisions and writer lock go last, in one
  transaction that also deletes the markers. Until it commits the database holds no
  document, so an interrupted load counts as empty: the next push clears what the
  interrupted one left and loads again.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

from phakhi.graph.model import edge_id, stable_json
from phakhi.graph.stores.base import Merge, Store, StoreError, facts_hash, now_iso
from phakhi.graph.stores.merged_view import bulk_allocation, resolve_merges
from phakhi.graph.stores.neo4j_store import (CREATE_RELATIONSHIPS, DOCUMENT, ENTITY, FORMAT, LOCK, MERGE, _by_doc,
                                             _document_props, _edge_claim, _fold_edge,
                                             _fold_node, _node_claim, _rel_type_of,
                                             entity_props, relationship_props)
from phakhi.ontology import Ontology

CHUNK = "PhakhiBulkChunk"


@dataclass
class Projection:
    """What Neo4j holds for a store, as rows ready for ``UNWIND``."""

    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # label -> props
    bare: list[str] = field(default_factory=list)  # ends no document states as a node
    rels: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # type -> {s, t, props}
    documents: list[dict[str, Any]] = field(default_factory=list)  # :PhakhiDocument props
    merges: list[dict[str, Any]] = field(default_factory=list)  # :PhakhiMerge props
    resolved: dict[str, str] = field(default_factory=dict)

    @property
    def facts(self) -> int:
        return sum(map(len, self.nodes.values())) + sum(map(len, self.rels.values()))


def merge_props(m: Merge) -> dict[str, Any]:
    return {"from_id": m.from_id, "to_id": m.to_id, "score": float(m.score), "reason": m.reason,
            "status": m.status, "created_at": m.created_at or now_iso(),
            "decided_by": m.decided_by}


def project(source: Store, ontology: Ontology,
            progress: Callable[[int], Any] | None = None) -> Projection:
    """The projection of every document ``source`` holds (it must give ``document_facts``)."""
    with bulk_allocation():
        return _project(source, ontology, progress or (lambda n: None))


def _project(source: Store, ontology: Ontology, tick: Callable[[int], Any]) -> Projection:
    out = Projection()
    raw_nodes: dict[str, dict[str, dict[str, Any]]] = {}  # stated id -> {doc: claim}
    raw_edges: dict[str, dict[str, dict[str, Any]]] = {}
    seq = 0
    for info in source.documents():
        facts = source.document_facts(info.doc_id)  # type: ignore[attr-defined]
        if facts is None:  # removed meanwhile
            continue
        seq += 1
        doc = info.doc_id
        for n in facts.nodes:
            ontology.check_label(n.type)
            raw_nodes.setdefault(n.id, {})[doc] = _node_claim(n, seq)
        for e in facts.edges:
            ontology.check_rel_type(e.type)
            raw_edges.setdefault(e.id, {})[doc] = _edge_claim(e, seq)
        out.documents.append({"id": doc, **_document_props(facts, facts_hash(facts), seq)})
        tick(1)
    merges = source.merges()
    out.merges = [merge_props(m) for m in merges]
    resolved = out.resolved = resolve_merges(merges, set(raw_nodes))
    view = source.view() if hasattr(source, "view") else None  # folded already: reuse it

    groups: dict[str, dict[str, dict[str, Any]]] = {}
    for raw, by_doc in raw_nodes.items():
        groups.setdefault(resolved.get(raw, raw), {})[raw] = by_doc

    rels: dict[str, dict[str, Any]] = {}
    loops: dict[str, dict[str, dict[str, Any]]] = {}
    for eid, by_doc in raw_edges.items():
        c = next(iter(by_doc.values()))
        src, dst = resolved.get(c["source"], c["source"]), resolved.get(c["target"], c["target"])
        if src == c["source"] and dst == c["target"]:
            rid = eid
        elif src == dst:  # a self-loop only a merge made: kept on the entity
            loops.setdefault(src, {})[eid] = by_doc
            continue
        else:
            rid = edge_id(src, _rel_type_of(eid), dst, c.get("qualifier") or "")
        rels.setdefault(rid, {"source": src, "target": dst, "members": {}})["members"][eid] = by_doc

    for h in sorted(groups):
        members = groups[h]
        folded = view.nodes.get(h) if view is not None else None
        if folded is None:
            folded = _fold_node(h, members)
        label = ontology.check_label(folded.type)
        out.nodes.setdefault(label, []).append(entity_props(h, folded, members, loops.get(h)))
    ends: set[str] = set()
    for rid, rel in rels.items():
        members = rel["members"]
        folded_edge = view.edges.get(rid) if view is not None else None
        if folded_edge is None:  # an end no document states: the view leaves it out
            folded_edge = _fold_edge(rel["source"], rel["target"], _rel_type_of(rid), members)
        out.rels.setdefault(ontology.check_rel_type(_rel_type_of(rid)), []).append(
            {"s": rel["source"], "t": rel["target"],
             "props": relationship_props(rid, folded_edge, _by_doc(members))})
        ends.update((rel["source"], rel["target"]))
    out.bare = sorted(ends - set(groups))
    return out


def bulk_load(store: Any, source: Store, *, rows: int = 10_000,
              progress: Callable[[int], Any] | None = None) -> int:
    """Load ``source``'s projection into ``store`` (a Neo4jStore whose database holds no
    document); returns how many documents were loaded."""
    proj = project(source, store.ontology, progress)
    store._ensure_schema()
    _clear_leftovers(store)
    load = uuid.uuid4().hex
    ontology = store.ontology
    steps: list[tuple[str, str, list[Any]]] = []
    for label, node_rows in proj.nodes.items():
        label = ontology.check_label(label)
        steps.append((f"n:{label}", f"UNWIND $rows AS row CREATE (n:{ENTITY}:{label}) SET n = row",
                      node_rows))
    steps.append(("bare", f"UNWIND $rows AS id CREATE (:{ENTITY} {{id: id}})", proj.bare))
    for rel_type, rel_rows in proj.rels.items():
        rel_type = ontology.check_rel_type(rel_type)
        steps.append((f"r:{rel_type}", CREATE_RELATIONSHIPS.format(entity=ENTITY, type=rel_type),
                      rel_rows))
    # statements of up to ``rows`` rows, packed into transactions of up to ``rows`` rows:
    # a small graph goes in one or two transactions, a large one in 10,000-row steps
    chunk: list[tuple[str, list[Any]]] = []
    size = n = 0
    for _name, query, all_rows in steps:
        for i in range(0, len(all_rows), rows):
            part = all_rows[i:i + rows]
            if chunk and size + len(part) > rows:
                store._run_write(_chunk_tx, f"{load}:{n}", chunk)
                chunk, size, n = [], 0, n + 1
            chunk.append((query, part))
            size += len(part)
    if chunk:
        store._run_write(_chunk_tx, f"{load}:{n}", chunk)
    store._run_write(_finish_tx, proj, rows)
    return len(proj.documents)


def _chunk_tx(tx: Any, key: str, statements: list[tuple[str, list[Any]]]) -> None:
    """One chunk, at most once: its marker commits with it (see the module text)."""
    if tx.run(f"MATCH (c:{CHUNK} {{id: $key}}) RETURN count(c) AS c", key=key).single()["c"]:
        return
    for query, rows in statements:
        tx.run(query, rows=rows).consume()
    tx.run(f"CREATE (:{CHUNK} {{id: $key}})", key=key).consume()


def _finish_tx(tx: Any, proj: Projection, rows: int) -> None:
    if tx.run(f"MATCH (d:{DOCUMENT}) RETURN count(d) AS c").single()["c"]:
        raise StoreError("another writer stored documents during the bulk load; push again "
                         "without --bulk")
    for i in range(0, len(proj.documents), rows):
        tx.run(f"UNWIND $rows AS row CREATE (d:{DOCUMENT}) SET d = row",
               rows=proj.documents[i:i + rows]).consume()
    tx.run(f"UNWIND $rows AS row CREATE (m:{MERGE}) SET m = row", rows=proj.merges).consume()
    tx.run(f"MERGE (l:{LOCK} {{id: 'writer'}}) SET l.epoch = randomUUID(), "
           "l.version = coalesce(l.version, 0) + 1, l.resolved = $resolved, l.format = $format, "
           "l.next_seq = $next_seq", resolved=stable_json(proj.resolved), format=FORMAT,
           next_seq=len(proj.documents) + 1).consume()
    tx.run(f"MATCH (c:{CHUNK}) DELETE c").consume()


def _clear_leftovers(store: Any) -> None:
    """Delete what an interrupted bulk load (or merges pushed without documents) left: the
    database holds no document, so no entity in it is a stored fact."""
    def count(tx: Any) -> int:
        if tx.run(f"MATCH (d:{DOCUMENT}) RETURN count(d) AS c").single()["c"]:
            raise StoreError(f"Neo4j at {store.uri} holds documents: the bulk path loads into an "
                             "empty database")
        return tx.run(f"MATCH (n) WHERE n:{ENTITY} OR n:{MERGE} OR n:{CHUNK} "
                      "RETURN count(n) AS c").single()["c"]
    if not store._run_read(count):
        return
    with store._driver.session(database=store.database) as session:
        session.run(f"MATCH (n) WHERE n:{ENTITY} OR n:{MERGE} OR n:{CHUNK} "
                    "CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
