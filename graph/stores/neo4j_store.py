"""The Neo4j store: the same facts-per-document semantics as the embedded store, on a
Neo4j 5 server, so the graph can be explored with Cypher and Neo4j's tools.

How facts live in Neo4j (the choice, and why): Neo4j holds the RESOLVED graph — the
same graph as the merged view — so Cypher users and the canned questions see one node per
real entity.

* Every entity is ``(:Entity:<Label> {id, name, aliases, aliases_text, docs, provenance,
  claims, merged_from, <properties>})`` under its resolved id (the stated id mapped through
  the accepted merges, chains followed: :func:`~phakhi.graph.stores.merged_view.resolve_merges`).
  ``<Label>`` is the node type, checked against the ontology (labels are never taken from
  input). ``claims`` is a JSON object ``{doc_id: {stated_id: {seq, type, name, aliases,
  properties, provenance}}}`` — what each document says, under the ids as stated — and
  the other properties are those claims folded exactly as the merged view folds them.
  ``merged_from`` lists the stated ids merged into it. A merged-away id has no node.
* Every edge is ``(a)-[:<TYPE> {id, qualifier, docs, provenance, claims, …}]->(b)``
  between resolved ends; ``claims`` is ``{doc_id: {stated_edge_id: {seq, source, target,
  qualifier, …}}}``. An edge that only a merge turned into a self-loop is not a
  relationship (the merged view drops it): its claims wait in the entity's ``loops``
  property until the merge is undone. An end no document states as a node is a bare
  ``(:Entity {id})`` without a type label, deleted when nothing uses it.
* Because claims keep the stated ids, a changed decision (``set_merge``, ``delete_merge``)
  or a document that adds or removes a merge's end only regroups the claims of the
  entities whose resolved id changes: Neo4j always equals "stated claims + current merges".
* Bookkeeping: ``(:PhakhiDocument {id, path, fingerprint, seq, node_ids, edge_ids,
  edge_ends, issues, facts_hash, …})`` per stored document (``seq`` is the ingest order),
  ``(:PhakhiMerge {from_id, to_id, …})`` per entity-resolution decision, and one
  ``(:PhakhiLock {resolved, …})`` node every writer updates first, which serialises
  writers and records the id mapping the graph is written under.
* ``nodes()`` / ``edges()`` read the claims back and fold them with the backend-neutral
  :func:`~phakhi.graph.stores.merged_view.merged_view`, so both stores show the same graph.

Each document is written in one managed transaction (retried on transient errors):
after a crash Neo4j holds the document's old facts or its new ones. ``write_many`` puts a
group of documents (up to ``group_facts`` facts) in one transaction with one lock, one
read of the touched claims and one UNWIND per label and relationship type, all
documents of a group old or all new after a crash. Relationships are always found through
their two end nodes (the statements at the top of the module). Into a database that holds no
document, :meth:`Neo4jStore.bulk_load` writes a whole store at once without reading
anything back (:mod:`phakhi.graph.stores.neo4j_bulk`).

>>> store = Neo4jStore.from_env("bolt://127.0.0.1:7687")  # doctest: +SKIP
>>> [r["id"] for r in store.search_names("กรมการปกครอง")]  # doctest: +SKIP
['ref:dopa']
"""
from __future__ import annotations

import datetime
import json
import logging
import os
import re
from dataclasses import dataclass
from typing import Any, Iterable

from neo4j import GraphDatabase, ManagedTransaction
from neo4j import exceptions as neo4j_errors

from phakhi.graph.model import (DocumentFacts, DocumentInfo, Edge, Issue, Node, Provenance,
                                edge_id, merge_edge_into, stable_json)
from phakhi.graph.stores.base import (BULK_LOAD, CYPHER, NAME_SEARCH, Merge, Store, StoreError,
                                      facts_hash, now_iso)
from phakhi.graph.stores.merged_view import (MergedView, MergedViewReads, bulk_allocation,
                                             merged_view, provenance_dict, resolve_merges)
from phakhi.ontology import Ontology, OntologyError, load_ontology

ENTITY = "Entity"
DOCUMENT = "PhakhiDocument"
MERGE = "PhakhiMerge"
LOCK = "PhakhiLock"
FULLTEXT_INDEX = "entity_names"
# node/relationship properties the store owns; a stated property of the same name is
# kept only inside ``claims``
RESERVED = {"id", "name", "type", "aliases", "aliases_text", "docs", "provenance", "claims",
            "qualifier", "merged_from", "loops"}
# the layout of claims in the database; a database written in another layout is refused
# (re-push it with ``phakhi push --replace``) rather than misread
FORMAT = 2
# The driver logs retries as warnings; with no logging configured Python would print them
# on stderr as bare lines. Users see one error line from us; who wants the driver's
# log configures logging (the handler below only stops the last-resort printing).
logging.getLogger("neo4j").addHandler(logging.NullHandler())

_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
_LUCENE_OPERATORS = re.compile(r"\b(AND|OR|NOT|TO)\b")  # lower case: plain words again


# The hot statements of a write (tests/graph/test_neo4j_plans.py checks their plans): every
# entity is found by its unique id; every relationship through its two ends, with an index
# hint so the relationship-id index is never chosen (re-planned after statistics change,
# that lookup became a scan per row).
UPSERT_ENTITIES = "UNWIND $rows AS row MERGE (n:{entity} {{id: row.id}}) SET n = row.props SET n:{label}"
READ_RELATIONSHIPS = ("UNWIND $rows AS row MATCH (a:{entity} {{id: row.s}})-[r:{type}]->"
                      "(b:{entity} {{id: row.t}}) USING INDEX a:{entity}(id) WHERE r.id = row.id "
                      "RETURN r.id AS id, r.claims AS claims, a.id AS s, b.id AS t")
DELETE_RELATIONSHIPS = ("UNWIND $rows AS row MATCH (a:{entity} {{id: row.s}})-[r:{type}]->"
                        "(b:{entity} {{id: row.t}}) USING INDEX a:{entity}(id) WHERE r.id = row.id "
                        "DELETE r")
UPDATE_RELATIONSHIPS = ("UNWIND $rows AS row MATCH (a:{entity} {{id: row.s}})-[r:{type}]->"
                        "(b:{entity} {{id: row.t}}) USING INDEX a:{entity}(id) WHERE r.id = row.id "
                        "SET r = row.props")
CREATE_RELATIONSHIPS = ("UNWIND $rows AS row MATCH (a:{entity} {{id: row.s}}) "
                        "MATCH (b:{entity} {{id: row.t}}) CREATE (a)-[r:{type}]->(b) SET r = row.props")


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


def _rel_type_of(eid: str) -> str:
    return eid.split(":", 1)[0]


def _node_claim(n: Node, seq: int) -> dict[str, Any]:
    """What one document says about one entity id (stored inside ``claims``)."""
    return {"seq": seq, "type": n.type, "name": n.name, "aliases": list(n.aliases),
            "properties": n.properties, "provenance": [p.to_dict() for p in n.provenance]}


def _edge_claim(e: Edge, seq: int) -> dict[str, Any]:
    """What one document says about one edge, with its ends as stated."""
    return {"seq": seq, "source": e.source, "target": e.target, "qualifier": e.qualifier,
            "properties": e.properties, "provenance": [p.to_dict() for p in e.provenance]}


def _by_doc(members: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """``{stated_id: {doc_id: claim}}`` turned into the stored ``{doc_id: {stated_id: claim}}``.

    >>> _by_doc({"a": {"d1": 1}, "b": {"d1": 2, "d2": 3}})
    {'d1': {'a': 1, 'b': 2}, 'd2': {'b': 3}}
    """
    out: dict[str, dict[str, Any]] = {}
    for sid in sorted(members):
        for d, claim in members[sid].items():
            out.setdefault(d, {})[sid] = claim
    return dict(sorted(out.items()))


def _in_order(claims_by_doc: dict[str, dict[str, Any]]) -> list[str]:
    """Document ids in ingest order (every claim carries its document's ``seq``)."""
    def seq(d: str) -> int:
        return min((c.get("seq", 1 << 60) for c in claims_by_doc[d].values()), default=1 << 60)
    return sorted(claims_by_doc, key=lambda d: (seq(d), d))


def _fold_node(target: str, members: dict[str, dict[str, Any]]) -> Node:
    """The entity ``target`` as the merged view folds it from its members' claims
    (``{stated_id: {doc_id: claim}}``): the same function, so the same result."""
    claims = [(c.get("seq", 1 << 60), _claim_node(sid, c))
              for sid, by_doc in members.items() for c in by_doc.values()]
    merges = [Merge(sid, target, 1.0, "") for sid in members if sid != target]
    view = merged_view(claims, [], merges)
    return view.nodes.get(target) or next(iter(view.nodes.values()))


def _fold_edge(source: str, target: str, rel_type: str,
               members: dict[str, dict[str, Any]]) -> Edge:
    """One resolved relationship from its members' claims, folded in the merged view's
    order (document order, then stated edge id)."""
    ordered = sorted(((c.get("seq", 1 << 60), eid, c) for eid, by_doc in members.items()
                      for c in by_doc.values()), key=lambda t: (t[0], t[1]))
    folded: Edge | None = None
    for _seq, _eid, c in ordered:
        e = _claim_edge(source, target, rel_type, c.get("qualifier") or "", c)
        if folded is None:
            folded = e
        else:
            merge_edge_into(folded, e)
    assert folded is not None
    return folded


def entity_props(entity_id: str, folded: Node, members: dict[str, dict[str, Any]],
                 loops: dict[str, dict[str, Any]] | None) -> dict[str, Any]:
    """The properties of one resolved entity: ``folded`` (its claims folded as the merged
    view folds them), its members' claims (``{stated_id: {doc_id: claim}}``) and the
    claims of edges a merge made self-loops (``{stated_edge_id: {doc_id: claim}}``)."""
    claims_by_doc = _by_doc(members)
    props = {"id": entity_id, "name": folded.name, "aliases": list(folded.aliases),
             "aliases_text": " | ".join(folded.aliases), "docs": _in_order(claims_by_doc),
             "provenance": stable_json([provenance_dict(p) for p in folded.provenance]),
             "claims": stable_json(claims_by_doc), **_flat_properties(folded.properties)}
    merged_from = sorted(raw for raw in members if raw != entity_id)
    if merged_from:
        props["merged_from"] = merged_from
    if loops:
        props["loops"] = stable_json(_by_doc(loops))
    return props


def relationship_props(eid: str, folded: Edge, claims_by_doc: dict[str, dict[str, Any]]
                       ) -> dict[str, Any]:
    """The properties of one resolved relationship (``claims_by_doc``: its stored claims)."""
    return {"id": eid, "qualifier": folded.qualifier, "docs": _in_order(claims_by_doc),
            "provenance": stable_json([provenance_dict(p) for p in folded.provenance]),
            "claims": stable_json(claims_by_doc), **_flat_properties(folded.properties)}


def _old_layout(rec: dict[str, Any]) -> bool:
    """True when the database holds facts written by the store before merges were
    materialised (claims per stated id, ``merged_into`` marks)."""
    return rec.get("format") != FORMAT and bool(rec.get("has_documents"))


@dataclass
class _Change:
    """One document's claims before (as its bookkeeping lists them) and after a write."""
    doc_id: str
    old_node_ids: list[str]
    old_ends: dict[str, list[str]]  # stated edge id -> [source, target, qualifier]
    new_nodes: dict[str, dict[str, Any]]  # stated node id -> claim
    new_edges: dict[str, dict[str, Any]]  # stated edge id -> claim


def _document_props(facts: DocumentFacts, digest: str, seq: int) -> dict[str, Any]:
    """The bookkeeping properties of a document's :PhakhiDocument node."""
    doc = facts.document
    edge_ends = {e.id: [e.source, e.target, e.qualifier] for e in facts.edges}
    return {"path": str(doc.path), "fingerprint": doc.fingerprint, "title": doc.title or "",
            "kind": doc.kind or "", "date": None if doc.date is None else str(doc.date),
            "ingested_at": doc.ingested_at or now_iso(),
            "node_count": len(facts.nodes), "edge_count": len(facts.edges), "seq": seq,
            "node_ids": [n.id for n in facts.nodes], "edge_ids": [e.id for e in facts.edges],
            "edge_ends": stable_json(edge_ends),
            "issues": stable_json([i.to_dict() for i in facts.issues]), "facts_hash": digest}


class Neo4jStore(MergedViewReads, Store):
    """Facts per document in a Neo4j 5 database (named explicitly in every session)."""

    capabilities = frozenset({CYPHER, NAME_SEARCH, BULK_LOAD})

    def __init__(self, uri: str, user: str, password: str, database: str = "neo4j", *,
                 connection_timeout: float = 10.0, acquisition_timeout: float = 30.0,
                 max_retry_time: float = 15.0, batch_size: int = 1000, bulk_rows: int = 10_000,
                 group_facts: int | None = None, ontology: Ontology | None = None) -> None:
        self.uri = uri
        self.batch_size = max(1, int(batch_size))
        # rows per statement on the bulk path (PHAKHI_NEO4J_BULK_ROWS overrides: tests)
        self.bulk_rows = max(1, int(os.environ.get("PHAKHI_NEO4J_BULK_ROWS") or bulk_rows))
        # write_many puts documents into one transaction until they hold this many facts;
        # by default 20 statements' worth of rows (20,000 facts at the default batch size)
        self.group_facts = max(1, int(group_facts or 20 * self.batch_size))
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

    def write_many(self, batches: Iterable[DocumentFacts]) -> None:
        """Write documents in groups of up to ``group_facts`` facts (growing to that from
        ``batch_size``), one transaction per group: a crash leaves each group's documents
        all old or all new. Same result as calling :meth:`write` for each in turn.

        >>> store.write_many(facts_of_every_document)  # doctest: +SKIP
        """
        group: list[tuple[DocumentFacts, str]] = []
        size = 0
        # the first group is one statement's worth, then each twice the last up to
        # group_facts: the first documents show up (or a bad setup fails) at once, and
        # the bulk still goes in big transactions
        limit = min(self.batch_size, self.group_facts)
        for batch in batches:
            facts = batch.merged()
            try:
                for n in facts.nodes:
                    self._check_label(n.type, facts.document)
                for e in facts.edges:
                    self._check_rel_type(e.type, facts.document)
            except StoreError:
                if group:  # the documents before the bad one are written, as by write()
                    self._run_write(self._write_many_tx, group)
                raise
            group.append((facts, facts_hash(batch)))
            size += len(facts.nodes) + len(facts.edges)
            if size >= limit:
                self._run_write(self._write_many_tx, group)
                group, size = [], 0
                limit = min(2 * limit, self.group_facts)
        if group:
            self._run_write(self._write_many_tx, group)

    def _write_many_tx(self, tx: ManagedTransaction,
                       group: list[tuple[DocumentFacts, str]]) -> None:
        rec = self._lock(tx)
        if _old_layout(rec):
            self._migrate(tx)
            rec = {**self._lock(tx), "format": FORMAT}
        # a document written twice in a group: its last facts, at its first position
        latest: dict[str, tuple[DocumentFacts, str]] = {}
        for facts, digest in group:
            latest[facts.document.doc_id] = (facts, digest)
        ids = list(latest)
        stored = {r["id"]: r for r in tx.run(
            f"UNWIND $ids AS id MATCH (d:{DOCUMENT} {{id: id}}) RETURN d.id AS id, d.seq AS seq, "
            "d.node_ids AS node_ids, d.edge_ends AS edge_ends", ids=ids)}
        next_seq = rec.get("next_seq")
        if next_seq is None:  # a database written before the counter existed
            next_seq = tx.run(f"MATCH (d:{DOCUMENT}) RETURN coalesce(max(d.seq), 0) + 1 AS s"
                              ).single()["s"]
        changes: list[_Change] = []
        doc_rows: list[dict[str, Any]] = []
        top = next_seq
        for doc_id, (facts, digest) in latest.items():
            old = stored.get(doc_id)
            if old is not None and old["seq"] is not None:
                seq = old["seq"]
            else:
                seq, next_seq = next_seq, next_seq + 1
            top = max(top, seq + 1)
            changes.append(_Change(
                doc_id, list((old or {}).get("node_ids") or []),
                json.loads((old or {}).get("edge_ends") or "{}"),
                {n.id: _node_claim(n, seq) for n in facts.nodes},
                {e.id: _edge_claim(e, seq) for e in facts.edges}))
            doc_rows.append({"id": doc_id, "props": _document_props(facts, digest, seq)})
        self._apply_many(tx, rec, changes)
        self._unwind(tx, f"UNWIND $rows AS row MERGE (d:{DOCUMENT} {{id: row.id}}) "
                         "SET d += row.props", doc_rows)
        tx.run(f"MATCH (l:{LOCK} {{id: 'writer'}}) "
               "SET l.next_seq = CASE WHEN coalesce(l.next_seq, 0) > $seq THEN l.next_seq "
               "ELSE $seq END", seq=top).consume()

    def bulk_load(self, source: Store, progress: Any = None) -> int:
        """Load every document of ``source`` (the embedded store) into this database, which
        holds no documents, by the bulk path (:mod:`phakhi.graph.stores.neo4j_bulk`)."""
        from phakhi.graph.stores.neo4j_bulk import bulk_load

        try:
            return bulk_load(self, source, rows=self.bulk_rows, progress=progress)
        except OntologyError as exc:
            raise StoreError(f"{source!r}: {exc}") from None
        finally:
            self._view = None

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
                     "RETURN d.seq AS seq, d.node_ids AS node_ids, d.edge_ends AS edge_ends, "
                     "l.next_seq AS next_seq, l.resolved AS resolved, l.format AS format, "
                     f"EXISTS {{ MATCH (:{DOCUMENT}) }} AS has_documents", id=doc_id).single()
        return dict(rec) if rec is not None else {}

    def _write_tx(self, tx: ManagedTransaction, facts: DocumentFacts, digest: str) -> None:
        doc = facts.document
        rec = self._lock(tx, doc.doc_id)
        if rec.get("seq") is not None:
            seq = rec["seq"]
        else:
            seq = rec.get("next_seq")
            if seq is None:  # a database written before the counter existed
                seq = tx.run(f"MATCH (d:{DOCUMENT}) RETURN coalesce(max(d.seq), 0) + 1 AS s").single()["s"]
        self._apply(tx, rec, doc.doc_id, seq, facts.nodes, facts.edges)
        props = _document_props(facts, digest, seq)
        tx.run(f"MERGE (d:{DOCUMENT} {{id: $id}}) SET d += $props WITH d "
               f"MATCH (l:{LOCK} {{id: 'writer'}}) "
               "SET l.next_seq = CASE WHEN coalesce(l.next_seq, 0) > $seq THEN l.next_seq "
               "ELSE $seq + 1 END", id=doc.doc_id, props=props, seq=seq)

    def _remove_tx(self, tx: ManagedTransaction, doc_id: str) -> bool:
        rec = self._lock(tx, doc_id)
        if rec.get("seq") is None:
            return False
        self._apply(tx, rec, doc_id, rec["seq"], [], [])
        tx.run(f"MATCH (d:{DOCUMENT} {{id: $id}}) DELETE d", id=doc_id)
        return True

    def _apply(self, tx: ManagedTransaction, rec: dict[str, Any], doc_id: str | None, seq: int,
               nodes: list[Node], edges: list[Edge]) -> None:
        """Make the resolved graph equal "raw claims + accepted merges" again after
        ``doc_id``'s claims become ``nodes``/``edges`` (``doc_id`` None: only the merges
        changed).

        Only what can change is read and rewritten: the entities ``doc_id`` states (before
        and after), the ends of its edges, and every entity whose resolved id the merges
        now give differently (with its relationships). Claims stay keyed by the ids as
        stated, so an undone merge splits an entity again.
        """
        if _old_layout(rec):
            self._migrate(tx)
            rec = {**self._lock(tx, doc_id or ""), "format": FORMAT}
        changes = [] if doc_id is None else [_Change(
            doc_id, list(rec.get("node_ids") or []), json.loads(rec.get("edge_ends") or "{}"),
            {n.id: _node_claim(n, seq) for n in nodes}, {e.id: _edge_claim(e, seq) for e in edges})]
        self._apply_many(tx, rec, changes)

    def _apply_many(self, tx: ManagedTransaction, rec: dict[str, Any],
                    changes: list["_Change"]) -> None:
        """:meth:`_apply` for several documents at once (distinct doc ids): their old claims
        are dropped and their new ones added in one regrouping, so a group of documents
        costs the same handful of statements as one document. ``rec`` is the lock record
        (the database already in the current layout)."""
        old_resolved: dict[str, str] = json.loads(rec.get("resolved") or "{}")
        changing = {c.doc_id for c in changes}
        # the documents' edges as stated before: [source, target, qualifier] by edge id
        old_ends: dict[str, list[str]] = {}
        old_node_ids: set[str] = set()
        new_node_ids: set[str] = set()
        for c in changes:
            old_ends.update(c.old_ends)
            old_node_ids.update(c.old_node_ids)
            new_node_ids.update(c.new_nodes)
        merges = [self._merge(dict(r["m"])) for r in tx.run(
            f"MATCH (m:{MERGE}) WHERE m.status = 'accepted' RETURN m")]

        loaded: dict[str, dict[str, Any]] = {}  # entity id -> {claims, loops, labels}

        def load_nodes(ids: set[str]) -> None:
            want = sorted(i for i in ids if i not in loaded)
            for i in want:
                loaded[i] = {"claims": {}, "loops": {}, "labels": [], "exists": False}
            for r in tx.run(f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) RETURN n.id AS id, "
                            "n.claims AS claims, n.loops AS loops, labels(n) AS labels", ids=want):
                loaded[r["id"]] = {"claims": json.loads(r["claims"] or "{}"),
                                   "loops": json.loads(r["loops"] or "{}"),
                                   "labels": list(r["labels"]), "exists": True}

        def old_at(x: str) -> str:
            return old_resolved.get(x, x)

        # which merge ends are stated after this change decides how ids resolve
        ends = {m.from_id for m in merges} | {m.to_id for m in merges} | set(old_resolved) \
            | set(old_resolved.values())
        load_nodes({old_at(x) for x in ends})
        existing = {x for x in ends if x in new_node_ids or any(
            d not in changing and x in claims for d, claims in loaded[old_at(x)]["claims"].items())}
        resolved = resolve_merges(merges, existing)

        def new_at(x: str) -> str:
            return resolved.get(x, x)

        moved = {x for x in set(old_resolved) | set(resolved) if old_at(x) != new_at(x)}
        stated = old_node_ids | new_node_ids | moved
        dirty = {old_at(x) for x in stated} | {new_at(x) for x in stated}
        edge_end_ids = {x for sdq in old_ends.values() for x in sdq[:2]} | \
            {x for ch in changes for c in ch.new_edges.values() for x in (c["source"], c["target"])}
        load_nodes(dirty | {old_at(x) for x in edge_end_ids} | {new_at(x) for x in edge_end_ids})

        # -- entities: regroup the raw claims of every dirty entity by resolved id --
        raw_nodes: dict[str, dict[str, Any]] = {}
        for h in dirty:
            for d, claims in loaded[h]["claims"].items():
                for raw, claim in claims.items():
                    raw_nodes.setdefault(raw, {})[d] = claim
        if changing:
            for by_doc in raw_nodes.values():
                for d in changing:
                    by_doc.pop(d, None)
        for ch in changes:
            for raw, claim in ch.new_nodes.items():
                raw_nodes.setdefault(raw, {})[ch.doc_id] = claim
        groups: dict[str, dict[str, dict[str, Any]]] = {}
        for raw, by_doc in raw_nodes.items():
            if by_doc:
                groups.setdefault(new_at(raw), {})[raw] = by_doc

        # -- relationships: everything that may hold a claim whose resolved ends change --
        loaded_rels: dict[str, dict[str, Any]] = {}
        rel_ends: dict[str, tuple[str, str]] = {}  # stored relationship id -> (source, target)
        looked_up: set[str] = set()  # relationship ids read (found or not)

        def load_rels(ids: dict[str, tuple[str, str]]) -> None:
            """Read relationships by id through their end nodes (two unique-index seeks and
            an expand; never the relationship index, which the planner may turn into a
            scan per row)."""
            by_type: dict[str, list[dict[str, str]]] = {}
            for eid in sorted(ids.keys() - looked_up):
                looked_up.add(eid)
                if _rel_type_of(eid) in self.ontology.relationship_types:
                    s, t = ids[eid]
                    by_type.setdefault(_rel_type_of(eid), []).append({"id": eid, "s": s, "t": t})
            for rel_type, rows in by_type.items():
                rel_type = self.ontology.check_rel_type(rel_type)
                for r in tx.run(READ_RELATIONSHIPS.format(entity=ENTITY, type=rel_type), rows=rows):
                    loaded_rels[r["id"]] = json.loads(r["claims"] or "{}")
                    rel_ends[r["id"]] = (r["s"], r["t"])

        def resolve_edge(raw_eid: str, claim: dict[str, Any], at: Any) -> tuple[str, str, str] | None:
            src, dst = at(claim["source"]), at(claim["target"])
            if src == claim["source"] and dst == claim["target"]:
                return raw_eid, src, dst
            if src == dst:
                return None  # a self-loop only the merge made: kept on the entity as a loop
            return edge_id(src, _rel_type_of(raw_eid), dst, claim.get("qualifier") or ""), src, dst

        to_read: dict[str, tuple[str, str]] = {}
        for eid, (s, t, q) in old_ends.items():
            hit = resolve_edge(eid, {"source": s, "target": t, "qualifier": q}, old_at)
            if hit is not None:
                to_read[hit[0]] = hit[1:]
        for eid, claim in ((e, c) for ch in changes for e, c in ch.new_edges.items()):
            for at in (old_at, new_at):
                hit = resolve_edge(eid, claim, at)
                if hit is not None:
                    to_read[hit[0]] = hit[1:]
        load_rels(to_read)
        holders = sorted({old_at(x) for x in moved})
        if holders:
            for r in tx.run(f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}})-[r]-() "
                            "RETURN DISTINCT r.id AS id, r.claims AS claims, "
                            "startNode(r).id AS s, endNode(r).id AS t", ids=holders):
                if r["id"] is not None and r["claims"] is not None:
                    loaded_rels[r["id"]] = json.loads(r["claims"])
                    rel_ends[r["id"]] = (r["s"], r["t"])

        def raw_edge_claims() -> dict[str, dict[str, Any]]:
            raw: dict[str, dict[str, Any]] = {}
            sources = list(loaded_rels.values()) + [loaded[h]["loops"] for h in loaded]
            for claims in sources:
                for d, by_raw in claims.items():
                    for eid, claim in by_raw.items():
                        raw.setdefault(eid, {})[d] = claim
            if changing:
                for by_doc in raw.values():
                    for d in changing:
                        by_doc.pop(d, None)
            for ch in changes:
                for eid, claim in ch.new_edges.items():
                    raw.setdefault(eid, {})[ch.doc_id] = claim
            return raw

        def group_edges(raw: dict[str, dict[str, Any]]) -> tuple[dict, dict]:
            rels: dict[str, dict[str, Any]] = {}
            loops: dict[str, dict[str, dict[str, Any]]] = {}
            for eid, by_doc in raw.items():
                if not by_doc:
                    continue
                hit = resolve_edge(eid, next(iter(by_doc.values())), new_at)
                if hit is None:
                    loops.setdefault(new_at(next(iter(by_doc.values()))["source"]), {})[eid] = by_doc
                else:
                    rel = rels.setdefault(hit[0], {"source": hit[1], "target": hit[2],
                                                   "members": {}})
                    rel["members"][eid] = by_doc
            return rels, loops

        rels, loops = group_edges(raw_edge_claims())
        missing = {eid: (rels[eid]["source"], rels[eid]["target"])
                   for eid in set(rels) - looked_up - set(loaded_rels)}
        if missing:  # a relationship others state that a moved claim now folds into
            load_rels(missing)
            load_nodes({h for h in loops})
            rels, loops = group_edges(raw_edge_claims())
        load_nodes(set(loops))
        loops_changed = {h for h in loaded
                         if _by_doc(loops.get(h, {})) != loaded[h]["loops"]}

        # -- fold and write --
        node_rows: list[dict[str, Any]] = []
        stale: list[dict[str, str]] = []
        bare: list[str] = []
        for h in sorted(dirty | loops_changed):
            old_labels = [lab for lab in loaded[h]["labels"]
                          if lab != ENTITY and lab in self.ontology.node_types]
            members = groups.get(h)
            if h not in dirty:
                members = {}
                for d, claims in loaded[h]["claims"].items():
                    for raw, claim in claims.items():
                        members.setdefault(raw, {})[d] = claim
            if not members:
                if loaded[h]["exists"]:
                    bare.append(h)
                    stale += [{"id": h, "label": lab} for lab in old_labels]
                continue
            folded = _fold_node(h, members)
            label = self.ontology.check_label(folded.type)
            stale += [{"id": h, "label": lab} for lab in old_labels if lab != label]
            node_rows.append({"id": h, "props": entity_props(h, folded, members, loops.get(h)),
                              "label": label})

        unwind = self._unwind
        by_label: dict[str, list[dict[str, Any]]] = {}
        for row in node_rows:
            by_label.setdefault(row["label"], []).append(row)
        for label, rows in by_label.items():
            unwind(tx, UPSERT_ENTITIES.format(entity=ENTITY, label=label), rows)
        unwind(tx, f"UNWIND $rows AS row MATCH (n:{ENTITY} {{id: row.id}}) REMOVE n:$(row.label)",
               [{"id": r["id"], "label": self.ontology.check_label(r["label"])} for r in stale])
        unwind(tx, f"UNWIND $rows AS id MATCH (n:{ENTITY} {{id: id}}) SET n = {{id: id}}", bare)

        deletes: dict[str, list[dict[str, str]]] = {}
        for eid in loaded_rels:
            if eid not in rels:
                s, t = rel_ends[eid]
                deletes.setdefault(_rel_type_of(eid), []).append({"id": eid, "s": s, "t": t})
        updates: dict[str, list[dict[str, Any]]] = {}  # relationships there: found via their ends
        creates: dict[str, list[dict[str, Any]]] = {}  # relationships not there (read above)
        touched: set[str] = set(dirty) | set(holders)
        for eid, rel in rels.items():
            members = rel["members"]
            claims_by_doc = _by_doc(members)
            if eid in loaded_rels and loaded_rels[eid] == claims_by_doc:
                continue  # nothing changed on it
            folded_edge = _fold_edge(rel["source"], rel["target"], _rel_type_of(eid), members)
            props = relationship_props(eid, folded_edge, claims_by_doc)
            # whether it is there was read in this transaction, so a retried transaction
            # decides again: CREATE stays idempotent under the driver's retries
            (updates if eid in loaded_rels else creates).setdefault(_rel_type_of(eid), []).append(
                {"s": rel["source"], "t": rel["target"], "id": eid, "props": props})
            touched.update((rel["source"], rel["target"]))
        # the type is written into the text: a dynamic $(type) makes the planner scan every
        # relationship instead of expanding between the two ends
        for rel_type, rows in deletes.items():
            unwind(tx, DELETE_RELATIONSHIPS.format(
                entity=ENTITY, type=self.ontology.check_rel_type(rel_type)), rows)
        for rel_type, rows in updates.items():
            unwind(tx, UPDATE_RELATIONSHIPS.format(
                entity=ENTITY, type=self.ontology.check_rel_type(rel_type)), rows)
        new_ends = sorted({x for rows in creates.values() for r in rows for x in (r["s"], r["t"])})
        unwind(tx, f"UNWIND $rows AS id MERGE (:{ENTITY} {{id: id}})", new_ends)
        for rel_type, rows in creates.items():
            unwind(tx, CREATE_RELATIONSHIPS.format(
                entity=ENTITY, type=self.ontology.check_rel_type(rel_type)), rows)
        touched |= edge_end_ids | set(loaded)
        touched |= {old_at(x) for x in touched} | {new_at(x) for x in touched}
        # ends nothing states any more and nothing links to
        unwind(tx, f"UNWIND $rows AS id MATCH (n:{ENTITY} {{id: id}}) "
                   "WHERE n.claims IS NULL AND NOT (n)--() DELETE n", sorted(touched))
        tx.run(f"MATCH (l:{LOCK} {{id: 'writer'}}) SET l.resolved = $resolved, l.format = $format",
               resolved=stable_json(resolved), format=FORMAT).consume()

    def _migrate(self, tx: ManagedTransaction) -> None:
        """Convert a database of the older layout (claims per stated id, merges only marked
        with ``merged_into``) in place, then materialise its accepted merges. Runs inside
        the first write that finds it, so the conversion is atomic with that write."""
        nodes = [(r["id"], {d: {r["id"]: c} for d, c in json.loads(r["claims"]).items()})
                 for r in tx.run(f"MATCH (n:{ENTITY}) WHERE n.claims IS NOT NULL "
                                 "RETURN n.id AS id, n.claims AS claims")]
        self._unwind(tx, f"UNWIND $rows AS row MATCH (n:{ENTITY} {{id: row.id}}) "
                         "SET n.claims = row.claims REMOVE n.merged_into",
                     [{"id": nid, "claims": stable_json(c)} for nid, c in nodes])
        ends: dict[str, list[str]] = {}
        rels = []
        for r in tx.run("MATCH (a)-[r]->(b) WHERE r.claims IS NOT NULL RETURN elementId(r) AS ref, "
                        "r.id AS id, a.id AS source, b.id AS target, r.qualifier AS qualifier, "
                        "r.claims AS claims"):
            q = r["qualifier"] or ""
            ends[r["id"]] = [r["source"], r["target"], q]
            claims = {d: {r["id"]: {**c, "source": r["source"], "target": r["target"],
                                     "qualifier": q}}
                      for d, c in json.loads(r["claims"]).items()}
            rels.append({"ref": r["ref"], "claims": stable_json(claims)})
        self._unwind(tx, "UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.ref "
                         "SET r.claims = row.claims", rels)
        docs = [{"id": r["id"], "ends": stable_json({e: ends[e] for e in r["edge_ids"] or []
                                                     if e in ends})}
                for r in tx.run(f"MATCH (d:{DOCUMENT}) RETURN d.id AS id, d.edge_ids AS edge_ids")]
        self._unwind(tx, f"UNWIND $rows AS row MATCH (d:{DOCUMENT} {{id: row.id}}) "
                         "SET d.edge_ends = row.ends", docs)
        tx.run(f"MATCH (l:{LOCK} {{id: 'writer'}}) SET l.resolved = '{{}}', l.format = $format",
               format=FORMAT).consume()
        self._apply(tx, {**self._lock(tx), "format": FORMAT}, None, 0, [], [])

    def _unwind(self, tx: ManagedTransaction, query: str, rows: list[Any]) -> None:
        """Run an ``UNWIND $rows`` statement in chunks of ``batch_size`` rows."""
        for i in range(0, len(rows), self.batch_size):
            tx.run(query, rows=rows[i:i + self.batch_size]).consume()

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

    def _require_layout(self, tx: ManagedTransaction) -> None:
        rec = tx.run(f"OPTIONAL MATCH (l:{LOCK} {{id: 'writer'}}) RETURN l.format AS format, "
                     f"EXISTS {{ MATCH (:{DOCUMENT}) }} AS has_documents").single()
        if rec is not None and _old_layout(dict(rec)):
            raise StoreError(f"Neo4j at {self.uri}: the facts there are in the layout of an older "
                             "phakhi; `phakhi push --force` (or any write) converts them")

    def view(self) -> MergedView:
        """The merged view, folded exactly as the embedded store folds it."""
        version = self._version()
        if self._view is not None and version == self._view_version:
            return self._view

        def read(tx: ManagedTransaction) -> tuple[list, list, list[Merge]]:
            self._require_layout(tx)
            node_claims, edge_claims = [], []

            def add_edges(claims: str | None) -> None:
                for by_eid in json.loads(claims or "{}").values():
                    for eid, c in by_eid.items():
                        edge_claims.append((c.get("seq", 1 << 60), eid, _claim_edge(
                            c["source"], c["target"], _rel_type_of(eid), c.get("qualifier") or "", c)))
            for r in tx.run(f"MATCH (n:{ENTITY}) WHERE n.claims IS NOT NULL "
                            "RETURN n.claims AS claims, n.loops AS loops"):
                for by_id in json.loads(r["claims"]).values():
                    for sid, claim in by_id.items():
                        node_claims.append((claim.get("seq", 1 << 60), _claim_node(sid, claim)))
                add_edges(r["loops"])
            for r in tx.run("MATCH ()-[r]->() WHERE r.claims IS NOT NULL RETURN r.claims AS claims"):
                add_edges(r["claims"])
            merges = [self._merge(dict(r["m"])) for r in tx.run(f"MATCH (m:{MERGE}) RETURN m")]
            return node_claims, edge_claims, merges

        with bulk_allocation():
            node_claims, edge_claims, merges = self._run_read(read)
            self._view = merged_view(node_claims, edge_claims, merges)
        self._view_version = version
        return self._view


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
            rec = self._lock(tx)
            tx.run(f"MERGE (m:{MERGE} {{from_id: $id}}) SET m += $props", id=merge.from_id,
                   props=props)
            self._apply(tx, rec, None, 0, [], [])
        self._run_write(write)

    def delete_merge(self, from_id: str) -> bool:
        def write(tx: ManagedTransaction) -> bool:
            lock = self._lock(tx)
            rec = tx.run(f"MATCH (m:{MERGE} {{from_id: $id}}) DELETE m RETURN count(*) AS c",
                         id=from_id).single()
            self._apply(tx, lock, None, 0, [], [])
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

