"""The Neo4j store: the same facts-per-document semantics as the embedded store, on a
Neo4j 5 server, so the graph can be explored with Cypher and Neo4j's tools.

How facts live in Neo4j (the choice, and why):

* Every stated entity is ``(:Entity:<Label> {id, name, aliases, aliases_text, docs,
  provenance, claims, <properties>})``. ``<Label>`` is the node type, checked against the
  ontology (labels are never taken from input). ``claims`` is a JSON object
  ``{doc_id: {seq, type, name, aliases, properties, provenance}}`` — what each document says —
  and the other properties are those claims folded together, ready for Cypher. Keeping
  the claims on the node is what lets ``remove_document`` take exactly one document's
  word away and re-fold the rest.
* Every stated edge is ``(a)-[:<TYPE> {id, qualifier, docs, provenance, claims, …}]->(b)``
  between the ids as stated. Merges are not materialised: a merged-away entity carries
  ``merged_into`` (the id it is read as), so Cypher can skip or follow it. An end no document states as
  a node is a bare ``(:Entity {id})`` without a type label, deleted when nothing uses it.
* Bookkeeping: ``(:PhakhiDocument {id, path, fingerprint, seq, node_ids, edge_ids,
  issues, facts_hash, …})`` per stored document (``seq`` is the ingest order),
  ``(:PhakhiMerge {from_id, to_id, …})`` per entity-resolution decision, and one
  ``(:PhakhiLock)`` node every writer updates first, which serialises writers.
* ``nodes()`` / ``edges()`` read the claims back and fold them with the embedded store's
  :func:`~phakhi.graph.sqlite_store.merged_view`, so both stores show the same graph.

Each document is written in one managed transaction (retried on transient errors):
after a crash Neo4j holds the document's old facts or its new ones.

>>> store = Neo4jStore.from_env("bolt://127.0.0.1:7687")  # doctest: +SKIP
>>> [r["id"] for r in store.search_names("กรมการปกครอง")]  # doctest: +SKIP
['ref:dopa']
"""
from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import re
from typing import Any, Iterator

import networkx as nx
from neo4j import GraphDatabase, ManagedTransaction
from neo4j import exceptions as neo4j_errors

from phakhi.graph.model import (DocumentFacts, DocumentInfo, Edge, Issue, Node, Provenance,
                                merge_edge_into, merge_node_into, stable_json)
from phakhi.graph.sqlite_store import (MergedView, bulk_allocation, copy_edges, copy_nodes,
                                        merged_view, networkx_from_view, now_iso,
                                        resolve_merges)
from phakhi.graph.store import Merge, Store, StoreError
from phakhi.ontology import Ontology, OntologyError, load_ontology

ENTITY = "Entity"
DOCUMENT = "PhakhiDocument"
MERGE = "PhakhiMerge"
LOCK = "PhakhiLock"
FULLTEXT_INDEX = "entity_names"
# node/relationship properties the store owns; a stated property of the same name is
# kept only inside ``claims``
RESERVED = {"id", "name", "type", "aliases", "aliases_text", "docs", "provenance", "claims",
            "qualifier"}
# The driver logs retries as warnings; with no logging configured Python would print them
# on stderr as bare lines. Users see one error line from us; who wants the driver's
# log configures logging (the handler below only stops the last-resort printing).
logging.getLogger("neo4j").addHandler(logging.NullHandler())

_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
_LUCENE_OPERATORS = re.compile(r"\b(AND|OR|NOT|TO)\b")  # lower case: plain words again


def facts_hash(batch: DocumentFacts) -> str:
    """A digest of everything a batch states (push uses it to skip unchanged documents)."""
    facts = batch.merged()
    body = {"document": vars(facts.document), "nodes": sorted((n.to_dict() for n in facts.nodes),
                                                              key=lambda d: d["id"]),
            "edges": sorted((e.to_dict() for e in facts.edges), key=lambda d: d["id"]),
            "issues": [i.to_dict() for i in facts.issues]}
    return hashlib.sha256(stable_json(body).encode("utf-8")).hexdigest()


def _neo4j_value(value: Any) -> Any:
    """A property value Neo4j can hold: scalars and homogeneous lists as they are,
    anything else (maps, mixed lists) as a JSON string."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (datetime.date, datetime.time)):
        return str(value)  # as stable_json writes it into the claims
    if isinstance(value, (list, tuple)):
        kinds = {type(v) for v in value}
        if not value or (len(kinds) == 1 and kinds <= {str, bool, int, float}):
            return list(value)
    return stable_json(value)


def _flat_properties(props: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in props.items():
        if k in RESERVED or v is None:
            continue
        out[k] = _neo4j_value(v)
    return out


def _claim_node(node_id: str, claim: dict[str, Any]) -> Node:
    return Node(node_id, claim["type"], claim["name"], list(claim.get("aliases") or []),
                dict(claim.get("properties") or {}),
                [Provenance.from_dict(p) for p in claim.get("provenance") or []])


def _claim_edge(source: str, target: str, rel_type: str, qualifier: str,
                claim: dict[str, Any]) -> Edge:
    return Edge(source, target, rel_type, dict(claim.get("properties") or {}),
                [Provenance.from_dict(p) for p in claim.get("provenance") or []], qualifier)


def _rel_type_of(edge_id: str) -> str:
    return edge_id.split(":", 1)[0]


class Neo4jStore(Store):
    """Facts per document in a Neo4j 5 database (named explicitly in every session)."""

    def __init__(self, uri: str, user: str, password: str, database: str = "neo4j", *,
                 connection_timeout: float = 10.0, acquisition_timeout: float = 30.0,
                 max_retry_time: float = 15.0, batch_size: int = 1000,
                 ontology: Ontology | None = None) -> None:
        self.uri = uri
        self.batch_size = max(1, int(batch_size))
        self.user = user
        self.database = database
        self.ontology = ontology or load_ontology()
        # kept so tests (and `phakhi push --help`) can see what the driver was given
        self.driver_config: dict[str, Any] = {
            "connection_timeout": connection_timeout,
            "connection_acquisition_timeout": acquisition_timeout,
            "max_transaction_retry_time": max_retry_time,
            "notifications_min_severity": "OFF",
        }
        self._password = password
        self._driver = None
        try:
            self._driver = GraphDatabase.driver(uri, auth=(user, password), **self.driver_config)
            self._driver.verify_connectivity()
            self._driver.execute_query("RETURN 1", database_=database)
        except Exception as exc:  # noqa: BLE001 - every driver failure becomes one line
            self.close()
            raise self._error(exc) from None
        self._schema_ready = False
        self._view: MergedView | None = None
        self._view_version: tuple[str, int] | None = None

    @classmethod
    def from_env(cls, uri: str, database: str | None = None, **options: Any) -> "Neo4jStore":
        """Credentials from NEO4J_USER (default ``neo4j``) and NEO4J_PASSWORD, database from
        ``database`` or NEO4J_DATABASE (default ``neo4j``)."""
        password = os.environ.get("NEO4J_PASSWORD")
        if password is None:
            raise StoreError(f"{uri}: set NEO4J_PASSWORD (and NEO4J_USER) to use Neo4j")
        return cls(uri, os.environ.get("NEO4J_USER", "neo4j"), password,
                   database or os.environ.get("NEO4J_DATABASE") or "neo4j", **options)

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r}, database={self.database!r})"

    # -- errors -----------------------------------------------------------------------
    def _error(self, exc: BaseException) -> StoreError:
        """One line for users; never the password."""
        where = f"Neo4j at {self.uri}"
        if isinstance(exc, StoreError):
            return exc
        if isinstance(exc, neo4j_errors.AuthError):
            msg = (f"{where} refused the credentials of user {self.user!r} "
                   "(check NEO4J_USER / NEO4J_PASSWORD)")
        elif isinstance(exc, neo4j_errors.Neo4jError) and "DatabaseNotFound" in (exc.code or ""):
            msg = f"{where} has no database {self.database!r} (check --database / NEO4J_DATABASE)"
        elif isinstance(exc, (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired,
                              OSError)):
            msg = f"cannot reach {where}: {self._first_line(exc)}"
        elif isinstance(exc, neo4j_errors.ConfigurationError):
            msg = f"{where}: bad configuration: {self._first_line(exc)}"
        elif isinstance(exc, neo4j_errors.Neo4jError):
            msg = f"{where}: {exc.code}: {self._first_line(exc)}"
        elif isinstance(exc, neo4j_errors.DriverError):
            msg = f"{where}: {type(exc).__name__}: {self._first_line(exc)}"
        elif isinstance(exc, OntologyError):
            msg = f"{where}: {exc}"
        else:
            msg = f"{where}: {type(exc).__name__}: {self._first_line(exc)}"
        return StoreError(self._redact(msg))

    def _first_line(self, exc: BaseException) -> str:
        """The driver's message on one line, cut at 300 characters."""
        text = " ".join(str(getattr(exc, "message", None) or exc).split())
        if len(text) > 300:
            text = text[:297] + "..."
        return text or type(exc).__name__

    def _redact(self, text: str) -> str:
        if self._password:
            text = text.replace(self._password, "***")
        return " ".join(text.split())

    def _run_write(self, fn: Any, *args: Any) -> Any:
        if self._driver is None:
            raise StoreError(f"Neo4j at {self.uri}: the store is closed")
        try:
            self._ensure_schema()
            with self._driver.session(database=self.database) as session:
                result = session.execute_write(fn, *args)
        except Exception as exc:  # noqa: BLE001
            raise self._error(exc) from None
        finally:
            self._view = None
        return result

    def _run_read(self, fn: Any, *args: Any) -> Any:
        if self._driver is None:
            raise StoreError(f"Neo4j at {self.uri}: the store is closed")
        try:
            with self._driver.session(database=self.database) as session:
                return session.execute_read(fn, *args)
        except Exception as exc:  # noqa: BLE001
            raise self._error(exc) from None

    # -- schema -----------------------------------------------------------------------
    def _ensure_schema(self) -> None:
        """Constraints and indexes, created once (only the missing ones)."""
        if self._schema_ready:
            return
        assert self._driver is not None
        wanted: dict[str, str] = {
            "entity_id": f"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:{ENTITY}) "
                         "REQUIRE n.id IS UNIQUE",
            "phakhi_document_id": f"CREATE CONSTRAINT phakhi_document_id IF NOT EXISTS FOR "
                                  f"(n:{DOCUMENT}) REQUIRE n.id IS UNIQUE",
            "phakhi_merge_from": f"CREATE CONSTRAINT phakhi_merge_from IF NOT EXISTS FOR "
                                 f"(n:{MERGE}) REQUIRE n.from_id IS UNIQUE",
            "entity_merged_into": f"CREATE INDEX entity_merged_into IF NOT EXISTS FOR "
                                  f"(n:{ENTITY}) ON (n.merged_into)",
            FULLTEXT_INDEX: f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR "
                            f"(n:{ENTITY}) ON EACH [n.name, n.aliases_text] "
                            "OPTIONS {indexConfig: {`fulltext.analyzer`: 'thai'}}",
        }
        for label in self.ontology.labels:
            label = self.ontology.check_label(label)
            wanted[f"{label.lower()}_id"] = (f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
                                             f"FOR (n:{label}) REQUIRE n.id IS UNIQUE")
        for rel_type in self.ontology.rel_types:
            rel_type = self.ontology.check_rel_type(rel_type)
            wanted[f"rel_{rel_type.lower()}_id"] = (
                f"CREATE INDEX rel_{rel_type.lower()}_id IF NOT EXISTS "
                f"FOR ()-[r:{rel_type}]-() ON (r.id)")
        have = set()
        for query in ("SHOW CONSTRAINTS YIELD name", "SHOW INDEXES YIELD name"):
            records, _, _ = self._driver.execute_query(query, database_=self.database)
            have.update(r["name"] for r in records)
        for name, statement in wanted.items():
            if name not in have:
                self._driver.execute_query(statement, database_=self.database)
        self._schema_ready = True

    # -- writing ----------------------------------------------------------------------
    def write(self, batch: DocumentFacts) -> None:
        facts = batch.merged()
        for n in facts.nodes:
            self._check_label(n.type, facts.document)
        for e in facts.edges:
            self._check_rel_type(e.type, facts.document)
        self._run_write(self._write_tx, facts, facts_hash(batch))

    def remove_document(self, doc_id: str) -> bool:
        return bool(self._run_write(self._remove_tx, doc_id))

    def _check_label(self, label: str, doc: DocumentInfo) -> str:
        try:
            return self.ontology.check_label(label)
        except OntologyError as exc:
            raise StoreError(f"{doc.path or doc.doc_id}: {exc}") from None

    def _check_rel_type(self, rel_type: str, doc: DocumentInfo) -> str:
        try:
            return self.ontology.check_rel_type(rel_type)
        except OntologyError as exc:
            raise StoreError(f"{doc.path or doc.doc_id}: {exc}") from None

    @staticmethod
    def _lock(tx: ManagedTransaction, doc_id: str = "") -> dict[str, Any]:
        """Take the writers' lock and read ``doc_id``'s bookkeeping in one round trip.

        Every writer updates the one lock node first, which serialises writers, so the
        read-modify-write of claims never loses another writer's update.
        """
        rec = tx.run(f"MERGE (l:{LOCK} {{id: 'writer'}}) ON CREATE SET l.epoch = randomUUID() "
                     "SET l.version = coalesce(l.version, 0) + 1 "
                     f"WITH l OPTIONAL MATCH (d:{DOCUMENT} {{id: $id}}) "
                     "RETURN d.seq AS seq, d.node_ids AS node_ids, d.edge_ids AS edge_ids, "
                     "l.next_seq AS next_seq", id=doc_id).single()
        return dict(rec) if rec is not None else {}

    def _write_tx(self, tx: ManagedTransaction, facts: DocumentFacts, digest: str) -> None:
        doc = facts.document
        rec = self._lock(tx, doc.doc_id)
        if rec.get("seq") is not None:
            seq, old_nodes, old_edges = rec["seq"], rec["node_ids"] or [], rec["edge_ids"] or []
        else:
            seq = rec.get("next_seq")
            if seq is None:  # a database written before the counter existed
                seq = tx.run(f"MATCH (d:{DOCUMENT}) RETURN coalesce(max(d.seq), 0) + 1 AS s").single()["s"]
            old_nodes, old_edges = [], []
        self._replace_claims(tx, doc.doc_id, seq, facts.nodes, facts.edges, old_nodes, old_edges)
        self._mark_merged(tx)
        props = {"path": str(doc.path), "fingerprint": doc.fingerprint, "title": doc.title or "",
                 "kind": doc.kind or "", "date": None if doc.date is None else str(doc.date), "ingested_at": doc.ingested_at or now_iso(),
                 "node_count": len(facts.nodes), "edge_count": len(facts.edges), "seq": seq,
                 "node_ids": [n.id for n in facts.nodes], "edge_ids": [e.id for e in facts.edges],
                 "issues": stable_json([i.to_dict() for i in facts.issues]), "facts_hash": digest}
        tx.run(f"MERGE (d:{DOCUMENT} {{id: $id}}) SET d += $props WITH d "
               f"MATCH (l:{LOCK} {{id: 'writer'}}) "
               "SET l.next_seq = CASE WHEN coalesce(l.next_seq, 0) > $seq THEN l.next_seq "
               "ELSE $seq + 1 END", id=doc.doc_id, props=props, seq=seq)

    def _remove_tx(self, tx: ManagedTransaction, doc_id: str) -> bool:
        rec = self._lock(tx, doc_id)
        if rec.get("seq") is None:
            return False
        self._replace_claims(tx, doc_id, rec["seq"], [], [], rec["node_ids"] or [],
                             rec["edge_ids"] or [])
        self._mark_merged(tx)
        tx.run(f"MATCH (d:{DOCUMENT} {{id: $id}}) DELETE d", id=doc_id)
        return True

    def _replace_claims(self, tx: ManagedTransaction, doc_id: str, seq: int, nodes: list[Node],
                        edges: list[Edge], old_node_ids: list[str], old_edge_ids: list[str]) -> None:
        """Swap ``doc_id``'s claims for ``nodes``/``edges`` and re-fold every touched fact."""
        # every claim carries its document's ingest order, so folding needs no look-up
        def in_order(claims: dict[str, dict[str, Any]]) -> list[str]:
            return sorted(claims, key=lambda d: (claims[d].get("seq", 1 << 60), d))

        # -- edges first (their ends may need bare nodes) --
        new_edges = {e.id: e for e in edges}
        edge_ids = sorted(set(old_edge_ids) | set(new_edges))
        existing_edges: dict[str, dict[str, Any]] = {}
        by_type: dict[str, list[str]] = {}
        for eid in edge_ids:
            by_type.setdefault(_rel_type_of(eid), []).append(eid)
        for rel_type, ids in by_type.items():
            if rel_type not in self.ontology.relationship_types:
                continue  # not a type we could have written
            rel_type = self.ontology.check_rel_type(rel_type)
            for r in tx.run(f"UNWIND $ids AS id MATCH (a)-[r:{rel_type} {{id: id}}]->(b) "
                            "RETURN r.id AS id, r.claims AS claims, a.id AS source, b.id AS target, "
                            "r.qualifier AS qualifier", ids=ids):
                existing_edges[r["id"]] = dict(r)
        upserts: dict[str, list[dict[str, Any]]] = {}
        deletes: dict[str, list[str]] = {}
        touched_nodes: set[str] = set(old_node_ids) | {n.id for n in nodes}
        for eid in edge_ids:
            old = existing_edges.get(eid)
            claims = json.loads(old["claims"]) if old and old.get("claims") else {}
            claims.pop(doc_id, None)
            new = new_edges.get(eid)
            if new is not None:
                claims[doc_id] = {"seq": seq, "properties": new.properties,
                                  "provenance": [p.to_dict() for p in new.provenance]}
                ends = (new.source, new.target, new.type, new.qualifier)
            elif old is not None:
                ends = (old["source"], old["target"], _rel_type_of(eid), old.get("qualifier") or "")
            else:
                continue
            touched_nodes.update(ends[:2])
            rel_type = ends[2]
            if not claims:
                deletes.setdefault(rel_type, []).append(eid)
                continue
            folded: Edge | None = None
            for d in in_order(claims):
                e = _claim_edge(ends[0], ends[1], rel_type, ends[3], claims[d])
                if folded is None:
                    folded = e
                else:
                    merge_edge_into(folded, e)
            assert folded is not None
            props = {"id": eid, "qualifier": ends[3], "docs": in_order(claims),
                     "provenance": stable_json([p.to_dict() for p in folded.provenance]),
                     "claims": stable_json(claims), **_flat_properties(folded.properties)}
            upserts.setdefault(rel_type, []).append(
                {"source": ends[0], "target": ends[1], "id": eid, "props": props})

        # -- nodes --
        ids = sorted(touched_nodes)
        existing_nodes = {r["id"]: dict(r) for r in tx.run(
            f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) "
            "RETURN n.id AS id, n.claims AS claims, labels(n) AS labels", ids=ids)}
        new_nodes = {n.id: n for n in nodes}
        node_rows: dict[str, list[dict[str, Any]]] = {}
        bare: list[str] = []
        stale: dict[str, list[str]] = {}
        for nid in ids:
            old = existing_nodes.get(nid)
            claims = json.loads(old["claims"]) if old and old.get("claims") else {}
            if old is None and nid not in new_nodes and not claims:
                # an end of an edge only: a bare node, made by the edge MERGE below
                continue
            had = claims.pop(doc_id, None) is not None
            new = new_nodes.get(nid)
            if new is not None:
                claims[doc_id] = {"seq": seq, "type": new.type, "name": new.name,
                                  "aliases": new.aliases,
                                  "properties": new.properties,
                                  "provenance": [p.to_dict() for p in new.provenance]}
            elif not had and old is not None:
                continue  # this document never stated it; nothing to re-fold
            old_labels = [lab for lab in (old or {}).get("labels", [])
                          if lab != ENTITY and lab in self.ontology.node_types]
            if not claims:
                bare.append(nid)
                for lab in old_labels:
                    stale.setdefault(lab, []).append(nid)
                continue
            folded: Node | None = None
            for d in in_order(claims):
                n = _claim_node(nid, claims[d])
                if folded is None:
                    folded = n
                else:
                    merge_node_into(folded, n)
            assert folded is not None
            label = self.ontology.check_label(folded.type)
            for lab in old_labels:
                if lab != label:
                    stale.setdefault(lab, []).append(nid)
            props = {"id": nid, "name": folded.name, "aliases": list(folded.aliases),
                     "aliases_text": " | ".join(folded.aliases), "docs": in_order(claims),
                     "provenance": stable_json([p.to_dict() for p in folded.provenance]),
                     "claims": stable_json(claims), **_flat_properties(folded.properties)}
            node_rows.setdefault(label, []).append({"id": nid, "props": props})

        # Node labels go in as $(…) parameters (Cypher 5.26 dynamic labels): one statement
        # for all labels, each of them passed check_label first.
        unwind = self._unwind
        unwind(tx, f"UNWIND $rows AS row MERGE (n:{ENTITY} {{id: row.id}}) "
                   "SET n = row.props SET n:$(row.label)",
               [{**row, "label": self.ontology.check_label(label)}
                for label, rows in node_rows.items() for row in rows])
        unwind(tx, f"UNWIND $rows AS row MATCH (n:{ENTITY} {{id: row.id}}) REMOVE n:$(row.label)",
               [{"id": nid, "label": self.ontology.check_label(label)}
                for label, nids in stale.items() for nid in nids])
        unwind(tx, f"UNWIND $rows AS id MATCH (n:{ENTITY} {{id: id}}) SET n = {{id: id}}", bare)
        for rel_type, eids in deletes.items():  # typed MATCH: uses the relationship index
            rel_type = self.ontology.check_rel_type(rel_type)
            unwind(tx, f"UNWIND $rows AS id MATCH ()-[r:{rel_type} {{id: id}}]->() DELETE r", eids)
        for rel_type, rows in upserts.items():
            # the type is written into the text here: a dynamic $(type) in MERGE makes the
            # planner scan every relationship instead of expanding between the two ends
            rel_type = self.ontology.check_rel_type(rel_type)
            unwind(tx, f"UNWIND $rows AS row MERGE (a:{ENTITY} {{id: row.source}}) "
                       f"MERGE (b:{ENTITY} {{id: row.target}}) "
                       f"MERGE (a)-[r:{rel_type} {{id: row.id}}]->(b) SET r = row.props", rows)
        # ends nothing states any more and nothing links to
        unwind(tx, f"UNWIND $rows AS id MATCH (n:{ENTITY} {{id: id}}) "
                   "WHERE n.claims IS NULL AND NOT (n)--() DELETE n", ids)

    def _unwind(self, tx: ManagedTransaction, query: str, rows: list[Any]) -> None:
        """Run an ``UNWIND $rows`` statement in chunks of ``batch_size`` rows."""
        for i in range(0, len(rows), self.batch_size):
            tx.run(query, rows=rows[i:i + self.batch_size]).consume()

    def _mark_merged(self, tx: ManagedTransaction) -> None:
        """Keep ``merged_into`` on every merged-away entity: the id it is read as.

        Edges stay on the ids as stated; Cypher that wants the merged view skips nodes
        with ``merged_into`` or follows it. Only the merges' ends are read, so this is
        cheap while decisions are few compared to entities.
        """
        merges = [self._merge(dict(r["m"])) for r in tx.run(
            f"MATCH (m:{MERGE}) WHERE m.status = 'accepted' RETURN m")]
        ends = sorted({m.from_id for m in merges} | {m.to_id for m in merges})
        existing = {r["id"] for r in tx.run(
            f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) WHERE n.claims IS NOT NULL "
            "RETURN n.id AS id", ids=ends)}
        resolved = resolve_merges(merges, existing)
        tx.run(f"MATCH (n:{ENTITY}) WHERE n.merged_into IS NOT NULL AND NOT n.id IN $ids "
               "REMOVE n.merged_into", ids=list(resolved)).consume()
        self._unwind(tx, f"UNWIND $rows AS row MATCH (n:{ENTITY} {{id: row.id}}) "
                         "SET n.merged_into = row.to",
                     [{"id": k, "to": v} for k, v in resolved.items()])

    # -- documents --------------------------------------------------------------------
    def _doc_records(self) -> list[dict[str, Any]]:
        def read(tx: ManagedTransaction) -> list[dict[str, Any]]:
            return [dict(r["d"]) for r in tx.run(f"MATCH (d:{DOCUMENT}) RETURN d ORDER BY d.seq")]
        return self._run_read(read)

    def documents(self) -> list[DocumentInfo]:
        return [DocumentInfo(d["id"], d.get("path", ""), d.get("fingerprint", ""),
                             d.get("title", ""), d.get("kind", ""), d.get("date"),
                             d.get("ingested_at", ""), d.get("node_count", 0),
                             d.get("edge_count", 0))
                for d in self._doc_records()]

    def facts_hashes(self) -> dict[str, str]:
        """``doc_id -> facts_hash`` of what is stored (``push`` skips documents that match)."""
        return {d["id"]: d.get("facts_hash", "") for d in self._doc_records()}

    def issues(self) -> list[Issue]:
        return [Issue(**i) for d in self._doc_records() for i in json.loads(d.get("issues") or "[]")]

    # -- the merged view --------------------------------------------------------------
    def _version(self) -> tuple[str, int]:
        """Changes with every write by anyone (the epoch tells a wiped database apart)."""
        def read(tx: ManagedTransaction) -> tuple[str, int]:
            rec = tx.run(f"MATCH (l:{LOCK} {{id: 'writer'}}) RETURN l.epoch AS e, l.version AS v").single()
            if rec is None:
                return ("", 0)
            return (rec["e"] or "", int(rec["v"] or 0))
        return self._run_read(read)

    def view(self) -> MergedView:
        """The merged view, folded exactly as the embedded store folds it."""
        version = self._version()
        if self._view is not None and version == self._view_version:
            return self._view

        def read(tx: ManagedTransaction) -> tuple[list, list, list[Merge]]:
            node_claims = []
            for r in tx.run(f"MATCH (n:{ENTITY}) WHERE n.claims IS NOT NULL "
                            "RETURN n.id AS id, n.claims AS claims"):
                for doc_id, claim in json.loads(r["claims"]).items():
                    node_claims.append((claim.get("seq", 1 << 60), _claim_node(r["id"], claim)))
            edge_claims = []
            for r in tx.run("MATCH (a)-[r]->(b) WHERE r.claims IS NOT NULL RETURN a.id AS source, "
                            "b.id AS target, type(r) AS type, r.id AS id, r.qualifier AS qualifier, "
                            "r.claims AS claims"):
                for doc_id, claim in json.loads(r["claims"]).items():
                    edge_claims.append((claim.get("seq", 1 << 60), r["id"],
                                        _claim_edge(r["source"], r["target"], r["type"],
                                                    r["qualifier"] or "", claim)))
            merges = [self._merge(dict(r["m"])) for r in tx.run(f"MATCH (m:{MERGE}) RETURN m")]
            return node_claims, edge_claims, merges

        with bulk_allocation():
            node_claims, edge_claims, merges = self._run_read(read)
            self._view = merged_view(node_claims, edge_claims, merges)
        self._view_version = version
        return self._view

    def nodes(self) -> Iterator[Node]:
        return copy_nodes(self.view())

    def edges(self) -> Iterator[Edge]:
        return copy_edges(self.view())

    def graph(self) -> nx.MultiDiGraph:
        return networkx_from_view(self.view())

    def search_names(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Entities whose name or aliases match ``text`` (full-text, Thai analyzer), best first.

        Returns ``[{"id", "name", "labels", "score"}]``; Lucene syntax in ``text`` is escaped.
        """
        query = _LUCENE_SPECIAL.sub(r"\\\1", text)
        query = _LUCENE_OPERATORS.sub(lambda m: m.group(1).lower(), query).strip()
        if not query:
            return []
        try:
            self._ensure_schema()  # the index exists from the first use on
        except Exception as exc:  # noqa: BLE001
            raise self._error(exc) from None

        def read(tx: ManagedTransaction) -> list[dict[str, Any]]:
            return [dict(r) for r in tx.run(
                f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $q, {{limit: $limit}}) "
                "YIELD node, score WHERE node.claims IS NOT NULL "
                f"RETURN node.id AS id, node.name AS name, "
                f"[l IN labels(node) WHERE l <> '{ENTITY}'] AS labels, score",
                q=query, limit=int(limit))]
        return self._run_read(read)

    # -- merges -----------------------------------------------------------------------
    @staticmethod
    def _merge(d: dict[str, Any]) -> Merge:
        return Merge(d["from_id"], d["to_id"], float(d.get("score", 0.0)), d.get("reason", ""),
                     d.get("status", "accepted"), d.get("created_at", ""), d.get("decided_by", "auto"))

    def merges(self, status: str | None = None) -> list[Merge]:
        def read(tx: ManagedTransaction) -> list[Merge]:
            return [self._merge(dict(r["m"])) for r in tx.run(
                f"MATCH (m:{MERGE}) WHERE $status IS NULL OR m.status = $status RETURN m "
                "ORDER BY m.created_at, m.from_id", status=status)]
        return self._run_read(read)

    def set_merge(self, merge: Merge) -> None:
        props = {"to_id": merge.to_id, "score": float(merge.score), "reason": merge.reason,
                 "status": merge.status, "created_at": merge.created_at or now_iso(),
                 "decided_by": merge.decided_by}

        def write(tx: ManagedTransaction) -> None:
            self._lock(tx)
            tx.run(f"MERGE (m:{MERGE} {{from_id: $id}}) SET m += $props", id=merge.from_id,
                   props=props)
            self._mark_merged(tx)
        self._run_write(write)

    def delete_merge(self, from_id: str) -> bool:
        def write(tx: ManagedTransaction) -> bool:
            self._lock(tx)
            rec = tx.run(f"MATCH (m:{MERGE} {{from_id: $id}}) DELETE m RETURN count(*) AS c",
                         id=from_id).single()
            self._mark_merged(tx)
            return bool(rec and rec["c"])
        return bool(self._run_write(write))

    def clear(self) -> None:
        """Delete everything this store keeps in its database (tests; ``push --replace``)."""
        def write(tx: ManagedTransaction) -> None:
            tx.run(f"MATCH (n) WHERE n:{ENTITY} OR n:{DOCUMENT} OR n:{MERGE} OR n:{LOCK} "
                   "DETACH DELETE n")
        self._run_write(write)

    # -- life cycle -------------------------------------------------------------------
    def close(self) -> None:
        if self._driver is not None:
            try:
                self._driver.close()
            except Exception:  # noqa: BLE001 - closing a broken connection
                pass
            self._driver = None

