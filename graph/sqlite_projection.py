"""The resolved projection of the embedded store: the merged graph kept in indexed tables.

Why: reading every claim and folding it on each question costs half a minute on the
national graph; local questions need a handful of rows. So the store keeps the merged
view (:func:`phakhi.graph.sqlite_store.merged_view`: accepted merges applied, claims
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
from phakhi.graph.store import Merge

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
    return PendingChange(old_map, touched, _ids_with_claims(db, touched), old_edges, doc_id)


def after_change(db: sqlite3.Connection, change: PendingChange) -> None:
    """Bring the projection up to date with the claims and merges now in ``db`` (inside the
    same transaction as the change)."""
    from phakhi.graph.sqlite_store import resolve_merges

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
    members_old = _inverse(old_map)
    affected = change.touched | changed | flipped
    targets = {old_map.get(x, x) for x in affected} | {new_map.get(x, x) for x in affected}
    for t in sorted(targets):
        _refresh_node(db, t, new_map, members_new.get(t, set()))

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
    for s, rel, t, q in sorted(fresh):
        _refresh_edge(db, s, rel, t, q, new_map, members_new)


def _inverse(mapping: dict[str, str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for k, v in mapping.items():
        out.setdefault(v, set()).add(k)
    return out


def _node_key(db: sqlite3.Connection, node: str) -> int | None:
    row = db.execute("SELECT key FROM proj_nodes WHERE id=?", (node,)).fetchone()
    return row[0] if row else None


def _refresh_node(db: sqlite3.Connection, target: str, resolved: dict[str, str],
                  absorbed: set[str]) -> None:
    """Recompute one merged node from the claims of itself and the ids merged into it."""
    claims = [] if target in resolved else _node_claims(db, [target, *sorted(absorbed)])
    merged = fold_nodes(claims, target)
    if merged is None:
        key = _node_key(db, target)
        if key is not None:
            db.execute("DELETE FROM proj_nodes WHERE key=?", (key,))
            db.execute("DELETE FROM proj_names WHERE node=?", (key,))
        return
    write_node(db, merged)


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


def write_node(db: sqlite3.Connection, n: Node) -> int:
    """Insert or update one projected node (its key stays) and its names; its key."""
    row = (n.id, n.type, n.name, stable_json(n.aliases), stable_json(n.properties),
           stable_json([dict(p.__dict__) for p in n.provenance]))
    db.execute("INSERT INTO proj_nodes (id, type, name, aliases, properties, provenance) "
               "VALUES (?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET type=excluded.type, "
               "name=excluded.name, aliases=excluded.aliases, properties=excluded.properties, "
               "provenance=excluded.provenance", row)
    key = _node_key(db, n.id)
    assert key is not None
    db.execute("DELETE FROM proj_names WHERE node=?", (key,))
    db.executemany("INSERT INTO proj_names VALUES (?,?,?)",
                   [(k, key, exact) for k, exact in name_rows(n)])
    return key


def _refresh_edge(db: sqlite3.Connection, source: str, rel: str, target: str, qualifier: str,
                  resolved: dict[str, str], members: dict[str, set[str]]) -> None:
    """Recompute one projected edge from every claim that reads as it."""
    keys = [_node_key(db, source), _node_key(db, target)]
    if keys[0] is None or keys[1] is None:
        return
    sources = {source} | members.get(source, set())
    targets = {target} | members.get(target, set())
    if len(sources) == 1 and len(targets) == 1:
        rows = db.execute(_EDGE_COLUMNS + "WHERE c.edge_id=?",
                          (edge_id(source, rel, target, qualifier),)).fetchall()
    else:
        rows = db.execute(
            _EDGE_COLUMNS + f"WHERE c.source IN ({_marks(len(sources))}) AND c.target IN "
            f"({_marks(len(targets))}) AND c.type=? AND c.qualifier=?",
            [*sorted(sources), *sorted(targets), rel, qualifier]).fetchall()
    claims = [_edge_row(r) for r in rows]
    merged = fold_edges(claims, source, target)
    if merged is not None:
        write_edge(db, merged, keys[0], keys[1])


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


def write_edge(db: sqlite3.Connection, e: Edge, source_key: int, target_key: int) -> None:
    db.execute("INSERT OR REPLACE INTO proj_edges (id, source, target, type, qualifier, properties, "
               "provenance) VALUES (?,?,?,?,?,?,?)",
               (e.id, source_key, target_key, e.type, e.qualifier, stable_json(e.properties),
                stable_json([dict(p.__dict__) for p in e.provenance])))


# -- whole rebuild (a store made before the projection existed) --------------------------

def is_current(db: sqlite3.Connection) -> bool:
    row = db.execute("SELECT value FROM meta WHERE key='projection_version'").fetchone()
    return row is not None and row[0] == PROJECTION_VERSION


def rebuild(db: sqlite3.Connection, view: Any) -> None:
    """Fill the projection from a :class:`MergedView` (inside a write transaction)."""
    for table in _TABLES:
        db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
    keys = {n.id: write_node(db, n) for n in view.nodes.values()}
    for e in view.edges.values():
        write_edge(db, e, keys[e.source], keys[e.target])
    db.executemany("INSERT INTO proj_resolved VALUES (?,?)", sorted(view.resolved.items()))
    db.execute("INSERT INTO meta VALUES ('projection_version', ?) ON CONFLICT(key) DO UPDATE "
               "SET value=excluded.value", (PROJECTION_VERSION,))
