"""The resolved projection of the embedded store: the merged graph kept in indexed tables.

Why: reading every claim and folding it on each question costs half a minute on the
national graph; local questions need a handful of rows. So the store keeps the merged
view (:func:`phakhi.graph.stores.sqlite_store.merged_view`: accepted merges applied, claims
folded in document order) as tables next to the claims, updated in the same transaction
that changes the claims (a document write, a removal, a merge decision):

* ``proj_nodes`` (integer ``key``, text ``id``, type, name, JSON aliases, properties,
  provenance), indexed by type;
* ``proj_edges`` (integer ``key``, text ``id``, ``source``/``target`` node keys, type,
  qualifier, JSON properties and provenance), indexed on (source, type), (target, type)
  and type;
* ``proj_names`` (normalised surface-form key -> node key): the name look-up of
  :class:`phakhi.queries.names.NameIndex` without reading every node (Thai text is
  compared by the gazetteer's ``lookup_key``, not by a tokenizer);
* ``proj_resolved`` (merged-away id -> id it is read as).

Only what a change can reach is recomputed: the nodes the document states (before and
after), the ids whose merge resolution or existence changed, and the edges claimed by
the document or touching those ids. ``tests/graph/test_sqlite_projection.py`` checks the
tables against :func:`merged_view` after random writes, removals and merge decisions.
"""
from __future__ import annotations

import json
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence

from phakhi.graph.model import Edge, Node, edge_id, merge_edge_into, merge_node_into, stable_json
from phakhi.graph.stores.base import Merge

PROJECTION_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS proj_nodes (
    key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, name TEXT NOT NULL,
    aliases TEXT NOT NULL, properties TEXT NOT NULL, provenance TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS proj_nodes_type ON proj_nodes (type);
CREATE TABLE IF NOT EXISTS proj_edges (
    key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, source INTEGER NOT NULL,
    target INTEGER NOT NULL, type TEXT NOT NULL, qualifier TEXT NOT NULL,
    properties TEXT NOT NULL, provenance TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS proj_edges_source ON proj_edges (source, type);
CREATE INDEX IF NOT EXISTS proj_edges_target ON proj_edges (target, type);
CREATE INDEX IF NOT EXISTS proj_edges_type ON proj_edges (type);
CREATE TABLE IF NOT EXISTS proj_names (key TEXT NOT NULL, node INTEGER NOT NULL,
    exact INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS proj_names_key ON proj_names (key, exact);
CREATE INDEX IF NOT EXISTS proj_names_node ON proj_names (node);
CREATE TABLE IF NOT EXISTS proj_resolved (from_id TEXT PRIMARY KEY, to_id TEXT NOT NULL)
    WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edge_claims_id ON edge_claims (edge_id);
CREATE INDEX IF NOT EXISTS edge_claims_source ON edge_claims (source);
CREATE INDEX IF NOT EXISTS edge_claims_target ON edge_claims (target);
"""
_TABLES = ("proj_nodes", "proj_edges", "proj_names", "proj_resolved")
# SQLite's default limit of host parameters is 32766 (999 before 3.32): stay well below.
_CHUNK = 900


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i:i + _CHUNK]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def node_attributes(n: Node) -> dict[str, Any]:
    """The attributes a node carries in the NetworkX graph (``store.graph()``)."""
    return {"type": n.type, "name": n.name, "aliases": list(n.aliases),
            "provenance": [dict(p.__dict__) for p in n.provenance], **n.properties}


def name_rows(n: Node) -> list[tuple[str, int]]:
    """(key, exact) surface forms of a node, as :class:`NameIndex` indexes them: its name
    as typed (exact=1) and every name, alias and name-like property by ``name_key``."""
    from phakhi.queries.names import NAME_PROPERTIES, name_key

    rows: list[tuple[str, int]] = []
    if n.name:
        rows.append((unicodedata.normalize("NFC", n.name).strip(), 1))
    others = list(n.aliases) + [n.properties[p] for p in NAME_PROPERTIES
                                if isinstance(n.properties.get(p), str)]
    for form in [n.name, *others]:
        if form:
            rows.append((name_key(str(form)), 0))
    return list(dict.fromkeys(rows))


# -- reading claims --------------------------------------------------------------------

def _provenance(raw: list[dict[str, Any]]) -> list[Any]:
    from phakhi.graph.model import Provenance

    try:
        return [Provenance(**p) for p in raw]
    except TypeError:
        return [Provenance.from_dict(p) for p in raw]


def _node_claims(db: sqlite3.Connection, ids: Sequence[str]) -> list[tuple[int, Node]]:
    out = []
    for chunk in _chunks(list(ids)):
        for r in db.execute(
                "SELECT d.rowid, c.node_id, c.type, c.name, c.aliases, c.properties, c.provenance "
                "FROM node_claims c JOIN documents d USING (doc_id) "
                f"WHERE c.node_id IN ({_marks(len(chunk))})", chunk):
            out.append((r[0], Node(r[1], r[2], r[3], json.loads(r[4]), json.loads(r[5]),
                                   _provenance(json.loads(r[6])))))
    return out


_EDGE_COLUMNS = ("SELECT d.rowid, c.edge_id, c.source, c.target, c.type, c.qualifier, "
                 "c.properties, c.provenance FROM edge_claims c JOIN documents d USING (doc_id) ")


def _edge_row(r: Sequence[Any]) -> tuple[int, str, Edge]:
    return r[0], r[1], Edge(r[2], r[3], r[4], json.loads(r[6]), _provenance(json.loads(r[7])), r[5])


def _ids_with_claims(db: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(sorted(set(ids))):
        found.update(r[0] for r in db.execute(
            f"SELECT DISTINCT node_id FROM node_claims WHERE node_id IN ({_marks(len(chunk))})", chunk))
    return found


def _merges(db: sqlite3.Connection) -> list[Merge]:
    return [Merge(*r) for r in db.execute(
        "SELECT from_id, to_id, score, reason, status, created_at, decided_by FROM merges "
        "WHERE status='accepted'")]


# -- keeping the tables up to date -----------------------------------------------------

@dataclass
class PendingChange:
    """What the projection must know from before a change: see :func:`before_change`."""

    old_map: dict[str, str]
    touched: set[str]
    existed: set[str]
    old_edges: list[tuple[str, str, str, str]] = field(default_factory=list)
    doc_id: str | None = None
    appended: bool = False  # a document not stored before: it comes last in document order


def before_change(db: sqlite3.Connection, doc_id: str | None = None,
                  new_node_ids: Iterable[str] = ()) -> PendingChange:
    """Call inside the write transaction, before the claims of ``doc_id`` change (None:
    a merge decision changes)."""
    old_map = dict(db.execute("SELECT from_id, to_id FROM proj_resolved"))
    touched: set[str] = set(new_node_ids)
    old_edges: list[tuple[str, str, str, str]] = []
    if doc_id is not None:
        touched.update(r[0] for r in db.execute("SELECT node_id FROM node_claims WHERE doc_id=?",
                                                (doc_id,)))
        old_edges = list(db.execute("SELECT source, target, type, qualifier FROM edge_claims "
                                    "WHERE doc_id=?", (doc_id,)))
    appended = doc_id is not None and db.execute(
        "SELECT 1 FROM documents WHERE doc_id=?", (doc_id,)).fetchone() is None
    return PendingChange(old_map, touched, _ids_with_claims(db, touched), old_edges, doc_id, appended)


def after_change(db: sqlite3.Connection, change: PendingChange, claims: "StatedClaims | None" = None) -> None:
    """Bring the projection up to date with the claims and merges now in ``db`` (inside the
    same transaction as the change). ``claims``: what the document now states, as written
    (lets a new document be appended without reading its claims back)."""
    from phakhi.graph.stores.merged_view import resolve_merges

    merges = _merges(db)
    in_merges = {m.from_id for m in merges} | {m.to_id for m in merges}
    new_map = resolve_merges(merges, _ids_with_claims(db, in_merges))
    old_map = change.old_map
    if new_map != old_map:
        db.execute("DELETE FROM proj_resolved")
        db.executemany("INSERT INTO proj_resolved VALUES (?,?)", sorted(new_map.items()))
    changed = {x for x in set(old_map) | set(new_map) if old_map.get(x) != new_map.get(x)}
    now_exist = _ids_with_claims(db, change.touched)
    flipped = change.existed ^ now_exist  # ids that came into or went out of existence
    members_new = _inverse(new_map)
    if change.appended and not changed and claims is not None:
        _append_document(db, change, claims, new_map, members_new, now_exist - change.existed)
        return
    members_old = _inverse(old_map)
    affected = change.touched | changed | flipped
    targets = {old_map.get(x, x) for x in affected} | {new_map.get(x, x) for x in affected}
    _refresh_nodes(db, sorted(targets), new_map, members_new)

    # edges: the document's claims, and every claim touching an id whose reading changed
    reach = changed | flipped
    for t in {new_map.get(x, x) for x in reach} | {old_map.get(x, x) for x in reach}:
        reach |= {t} | members_new.get(t, set()) | members_old.get(t, set())
    claim_ends: set[tuple[str, str, str, str]] = set(change.old_edges)
    if change.doc_id is not None:
        claim_ends.update(db.execute("SELECT source, target, type, qualifier FROM edge_claims "
                                     "WHERE doc_id=?", (change.doc_id,)))
    for column in ("source", "target"):
        for chunk in _chunks(sorted(reach)):
            claim_ends.update(db.execute(
                f"SELECT source, target, type, qualifier FROM edge_claims WHERE {column} IN "  # noqa: S608
                f"({_marks(len(chunk))})", chunk))
    stale: set[str] = set()
    fresh: set[tuple[str, str, str, str]] = set()
    for s, t, rel, q in claim_ends:
        stale.add(edge_id(old_map.get(s, s), rel, old_map.get(t, t), q))
        fresh.add((new_map.get(s, s), rel, new_map.get(t, t), q))
    for chunk in _chunks(sorted(stale | {edge_id(s, r, t, q) for s, r, t, q in fresh})):
        db.execute(f"DELETE FROM proj_edges WHERE id IN ({_marks(len(chunk))})", chunk)
    _refresh_edges(db, sorted(fresh), members_new)


@dataclass
class StatedClaims:
    """A document's claims as objects and as the rows written (aligned lists)."""

    nodes: list[Node]
    node_rows: list[tuple[Any, ...]]  # (doc_id, id, type, name, aliases, properties, provenance)
    edges: list[Edge]
    edge_rows: list[tuple[Any, ...]]  # (doc_id, id, source, target, type, qualifier, properties, provenance)


def _append_document(db: sqlite3.Connection, change: PendingChange, claims: StatedClaims,
                     resolved: dict[str, str], members: dict[str, set[str]], born: set[str]) -> None:
    """The fast path for a new document (the last in document order) when no merge decision
    changed: each claim folds into the projected node or edge it states (or becomes it);
    only ids tied up in merges, and other documents' edges to ids born now, are recomputed."""
    blocked = set(resolved) | set(members)
    existing = {r[1]: r for r in _rows_by_id(db, "proj_nodes", (n.id for n in claims.nodes))}
    folded, fresh_rows, fresh_nodes = [], [], []
    for n, row in zip(claims.nodes, claims.node_rows):
        if n.id in blocked:
            continue
        cur = existing.get(n.id)
        if cur is None:
            fresh_rows.append(row[1:])
            fresh_nodes.append(n)
        else:
            into = Node(cur[1], cur[2], cur[3], json.loads(cur[4]), json.loads(cur[5]),
                        _provenance(json.loads(cur[6])))
            merge_node_into(into, n)
            folded.append(into)
    db.executemany("INSERT INTO proj_nodes (id, type, name, aliases, properties, provenance) "
                   "VALUES (?,?,?,?,?,?)", fresh_rows)
    keys = _node_keys(db, (n.id for n in fresh_nodes))
    db.executemany("INSERT INTO proj_names VALUES (?,?,?)",
                   [(k, keys[n.id], exact) for n in fresh_nodes for k, exact in name_rows(n)])
    write_nodes(db, folded)
    _refresh_nodes(db, sorted({resolved.get(n.id, n.id) for n in claims.nodes if n.id in blocked}),
                   resolved, members)

    keys = _node_keys(db, {x for e in claims.edges for x in (e.source, e.target)})
    plain = [(e, row) for e, row in zip(claims.edges, claims.edge_rows)
             if e.source not in blocked and e.target not in blocked]
    stored = {r[1]: r for r in _rows_by_id(db, "proj_edges", (row[1] for _, row in plain))}
    inserts = []
    for e, row in plain:
        if e.source not in keys or e.target not in keys:
            continue  # an end no document states: left out, as in the merged view
        cur = stored.get(row[1])
        if cur is None:
            inserts.append((row[1], keys[e.source], keys[e.target], *row[4:]))
            continue
        into = Edge(e.source, e.target, e.type, json.loads(cur[6]), _provenance(json.loads(cur[7])),
                    e.qualifier)
        merge_edge_into(into, e)
        inserts.append((row[1], keys[e.source], keys[e.target], e.type, e.qualifier,
                        stable_json(into.properties),
                        stable_json([dict(p.__dict__) for p in into.provenance])))
    db.executemany("INSERT OR REPLACE INTO proj_edges (id, source, target, type, qualifier, "
                   "properties, provenance) VALUES (?,?,?,?,?,?,?)", inserts)
    # the rest: edges with a merged end, and other documents' edges to the ids born now
    ends = {(e.source, e.target, e.type, e.qualifier) for e in claims.edges
            if e.source in blocked or e.target in blocked}
    for column in ("source", "target"):
        for chunk in _chunks(sorted(born)):
            ends.update(db.execute(
                f"SELECT source, target, type, qualifier FROM edge_claims WHERE {column} IN "  # noqa: S608
                f"({_marks(len(chunk))}) AND doc_id <> ?", [*chunk, change.doc_id]))
    fresh = {(resolved.get(s, s), r, resolved.get(t, t), q) for s, t, r, q in ends}
    _refresh_edges(db, sorted(fresh), members)


def _rows_by_id(db: sqlite3.Connection, table: str, ids: Iterable[str]) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for chunk in _chunks(sorted(set(ids))):
        out += db.execute(f"SELECT * FROM {table} WHERE id IN ({_marks(len(chunk))})", chunk)  # noqa: S608
    return out


def _inverse(mapping: dict[str, str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for k, v in mapping.items():
        out.setdefault(v, set()).add(k)
    return out


def _node_keys(db: sqlite3.Connection, ids: Iterable[str]) -> dict[str, int]:
    keys: dict[str, int] = {}
    for chunk in _chunks(sorted(set(ids))):
        keys.update(db.execute(f"SELECT id, key FROM proj_nodes WHERE id IN ({_marks(len(chunk))})", chunk))
    return keys


def _refresh_nodes(db: sqlite3.Connection, targets: list[str], resolved: dict[str, str],
                   members: dict[str, set[str]]) -> None:
    """Recompute merged nodes from the claims of each and of the ids merged into it."""
    wanted = [t for t in targets if t not in resolved]
    claims: dict[str, list[tuple[int, Node]]] = {}
    reads = {x: t for t in wanted for x in (t, *members.get(t, ()))}
    for order, claim in _node_claims(db, sorted(reads)):
        claims.setdefault(reads[claim.id], []).append((order, claim))
    merged = [m for m in (fold_nodes(claims.get(t, []), t) for t in wanted) if m is not None]
    gone = _node_keys(db, set(targets) - {m.id for m in merged})
    for chunk in _chunks(sorted(gone.values())):
        db.execute(f"DELETE FROM proj_nodes WHERE key IN ({_marks(len(chunk))})", chunk)
        db.execute(f"DELETE FROM proj_names WHERE node IN ({_marks(len(chunk))})", chunk)
    write_nodes(db, merged)


def fold_nodes(claims: list[tuple[int, Node]], target: str) -> Node | None:
    """The merged node ``target`` from its claims and those of the ids merged into it,
    folded as :func:`merged_view` does (document order, then id; absorbed ids after)."""
    by_id: dict[str, Node] = {}
    first_seen: dict[str, tuple[int, str]] = {}
    for order, claim in sorted(claims, key=lambda c: (c[0], c[1].id)):
        cur = by_id.get(claim.id)
        if cur is None:
            by_id[claim.id] = claim
            first_seen[claim.id] = (order, claim.id)
        else:
            merge_node_into(cur, claim)
    into = by_id.get(target)
    if into is None:
        return None
    for nid in sorted((i for i in by_id if i != target), key=lambda i: first_seen[i]):
        merge_node_into(into, by_id[nid])
    return into


def write_nodes(db: sqlite3.Connection, nodes: list[Node]) -> dict[str, int]:
    """Insert or update projected nodes (an existing node keeps its key) and their names;
    the key of each."""
    db.executemany(
        "INSERT INTO proj_nodes (id, type, name, aliases, properties, provenance) "
        "VALUES (?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET type=excluded.type, "
        "name=excluded.name, aliases=excluded.aliases, properties=excluded.properties, "
        "provenance=excluded.provenance",
        [(n.id, n.type, n.name, stable_json(n.aliases), stable_json(n.properties),
          stable_json([dict(p.__dict__) for p in n.provenance])) for n in nodes])
    keys = _node_keys(db, (n.id for n in nodes))
    for chunk in _chunks(sorted(keys.values())):
        db.execute(f"DELETE FROM proj_names WHERE node IN ({_marks(len(chunk))})", chunk)
    db.executemany("INSERT INTO proj_names VALUES (?,?,?)",
                   [(k, keys[n.id], exact) for n in nodes for k, exact in name_rows(n)])
    return keys


def _refresh_edges(db: sqlite3.Connection, fresh: list[tuple[str, str, str, str]],
                   members: dict[str, set[str]]) -> None:
    """Recompute projected edges (source, type, target, qualifier) from every claim that
    reads as each: by claimed id when neither end absorbed others, else by both ends."""
    keys = _node_keys(db, {x for s, _r, t, _q in fresh for x in (s, t)})
    fresh = [f for f in fresh if f[0] in keys and f[2] in keys]
    claims: dict[str, list[tuple[int, str, Edge]]] = {}
    plain = {edge_id(s, r, t, q): (s, r, t, q) for s, r, t, q in fresh
             if not members.get(s) and not members.get(t)}
    for chunk in _chunks(sorted(plain)):
        for row in db.execute(_EDGE_COLUMNS + f"WHERE c.edge_id IN ({_marks(len(chunk))})", chunk):
            claims.setdefault(row[1], []).append(_edge_row(row))
    for s, r, t, q in fresh:
        eid = edge_id(s, r, t, q)
        if eid in plain:
            continue
        sources, targets = sorted({s} | members.get(s, set())), sorted({t} | members.get(t, set()))
        rows = db.execute(
            _EDGE_COLUMNS + f"WHERE c.source IN ({_marks(len(sources))}) AND c.target IN "
            f"({_marks(len(targets))}) AND c.type=? AND c.qualifier=?", [*sources, *targets, r, q])
        claims[eid] = [_edge_row(row) for row in rows]
    out = []
    for s, r, t, q in fresh:
        merged = fold_edges(claims.get(edge_id(s, r, t, q), []), s, t)
        if merged is not None:
            out.append((merged.id, keys[s], keys[t], merged.type, merged.qualifier,
                        stable_json(merged.properties),
                        stable_json([dict(p.__dict__) for p in merged.provenance])))
    db.executemany("INSERT OR REPLACE INTO proj_edges (id, source, target, type, qualifier, "
                   "properties, provenance) VALUES (?,?,?,?,?,?,?)", out)


def fold_edges(claims: list[tuple[int, str, Edge]], source: str, target: str) -> Edge | None:
    """One projected edge from the claims that read as it, folded as :func:`merged_view`."""
    out: Edge | None = None
    for _order, _eid, claim in sorted(claims, key=lambda c: (c[0], c[1])):
        if (claim.source, claim.target) != (source, target) and source == target:
            continue  # a self-loop only the merge made
        if out is None:
            claim.source, claim.target = source, target
            out = claim
        else:
            merge_edge_into(out, claim)
    return out


# -- whole rebuild (a store made before the projection existed) --------------------------

def is_current(db: sqlite3.Connection) -> bool:
    row = db.execute("SELECT value FROM meta WHERE key='projection_version'").fetchone()
    return row is not None and row[0] == PROJECTION_VERSION


def rebuild(db: sqlite3.Connection, view: Any) -> None:
    """Fill the projection from a :class:`MergedView` (inside a write transaction)."""
    for table in _TABLES:
        db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
    write_nodes(db, list(view.nodes.values()))
    _refresh_edges(db, sorted((e.source, e.type, e.target, e.qualifier) for e in view.edges.values()),
                   _inverse(view.resolved))
    db.executemany("INSERT INTO proj_resolved VALUES (?,?)", sorted(view.resolved.items()))
    db.execute("INSERT INTO meta VALUES ('projection_version', ?) ON CONFLICT(key) DO UPDATE "
               "SET value=excluded.value", (PROJECTION_VERSION,))
