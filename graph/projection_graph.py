"""The embedded store's merged graph, read from its projection tables on demand.

:class:`ProjectionGraph` offers the part of NetworkX's ``MultiDiGraph`` interface that
the canned questions use (``in``, ``nodes[n]``, ``out_edges``/``in_edges``,
``get_edge_data``, ``successors``/``predecessors``, ``edges``) plus typed look-ups
(``out_edges_typed``, ``nodes_of_type``, ``edges_of_type``, ``edge_by_id``,
``neighbours_many``) that go through the indexes. So the NetworkX implementation of each
question runs unchanged on it and gives the same rows, reading only the neighbourhood it
asks about instead of the whole graph (milliseconds instead of half a minute on the
national graph). Node and edge attributes are the same dicts ``store.graph()`` carries.

:func:`analysis_arrays` reads the whole projection as integer edge lists for the graph
libraries of :mod:`phakhi.queries.analyses`.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterable, Iterator

from phakhi.graph.sqlite_projection import _chunks, _marks

Attrs = dict[str, Any]


def _node_attrs(r: tuple[Any, ...]) -> Attrs:
    # r: key, id, type, name, aliases, properties, provenance
    return {"type": r[2], "name": r[3], "aliases": json.loads(r[4]),
            "provenance": json.loads(r[6]), **json.loads(r[5])}


def _edge_attrs(rel: str, qualifier: str, properties: str, provenance: str) -> Attrs:
    return {"type": rel, "qualifier": qualifier, "provenance": json.loads(provenance),
            **json.loads(properties)}


_NODE_SQL = "SELECT key, id, type, name, aliases, properties, provenance FROM proj_nodes "
_EDGE_SQL = ("SELECT e.id, s.id, t.id, e.type, e.qualifier, e.properties, e.provenance "
             "FROM proj_edges e JOIN proj_nodes s ON s.key = e.source "
             "JOIN proj_nodes t ON t.key = e.target ")


class _NodeView:
    """``g.nodes``: ``g.nodes[n]`` is a node's attributes; ``g.nodes(data=True)`` all nodes."""

    def __init__(self, graph: "ProjectionGraph") -> None:
        self.graph = graph

    def __getitem__(self, node: str) -> Attrs:
        attrs = self.graph._attrs(node)
        if attrs is None:
            raise KeyError(node)
        return attrs

    def __call__(self, data: bool = False) -> Iterator[Any]:
        for r in self.graph.db.execute(_NODE_SQL + "ORDER BY key"):
            yield (r[1], _node_attrs(r)) if data else r[1]

    def __iter__(self) -> Iterator[str]:
        return self(data=False)

    def __len__(self) -> int:
        return self.graph.number_of_nodes()


class ProjectionGraph:
    """Read-only, on-demand view of the projection tables (see the module text)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._keys: dict[str, int | None] = {}
        self._cache: dict[str, Attrs | None] = {}
        self.nodes = _NodeView(self)

    # -- nodes ------------------------------------------------------------------------
    def _load(self, ids: Iterable[str]) -> None:
        missing = sorted({i for i in ids if isinstance(i, str) and i not in self._cache})
        for chunk in _chunks(missing):
            for r in self.db.execute(_NODE_SQL + f"WHERE id IN ({_marks(len(chunk))})", chunk):
                self._keys[r[1]] = r[0]
                self._cache[r[1]] = _node_attrs(r)
        for i in missing:
            self._cache.setdefault(i, None)
            self._keys.setdefault(i, None)

    def _attrs(self, node: Any) -> Attrs | None:
        if not isinstance(node, str):
            return None
        if node not in self._cache:
            self._load([node])
        return self._cache[node]

    def _key(self, node: Any) -> int | None:
        return self._keys.get(node) if self._attrs(node) is not None else None

    def __contains__(self, node: Any) -> bool:
        return self._attrs(node) is not None

    def number_of_nodes(self) -> int:
        return self.db.execute("SELECT count(*) FROM proj_nodes").fetchone()[0]

    def number_of_edges(self) -> int:
        return self.db.execute("SELECT count(*) FROM proj_edges").fetchone()[0]

    def nodes_of_type(self, *types: str) -> Iterator[tuple[str, Attrs]]:
        """(id, attrs) of the nodes of these types (through the type index)."""
        for r in self.db.execute(_NODE_SQL + f"WHERE type IN ({_marks(len(types))}) ORDER BY key",
                                 types):
            yield r[1], _node_attrs(r)

    # -- edges ------------------------------------------------------------------------
    def _edges(self, node: str, column: str, rels: tuple[str, ...] | None) -> list[tuple[Any, ...]]:
        key = self._key(node)
        if key is None:
            return []
        sql = _EDGE_SQL + f"WHERE e.{column} = ?"
        args: list[Any] = [key]
        if rels is not None:
            sql += f" AND e.type IN ({_marks(len(rels))})"
            args += list(rels)
        return self.db.execute(sql + " ORDER BY e.key", args).fetchall()

    def out_edges(self, node: str, data: bool = False, keys: bool = False) -> list[tuple[Any, ...]]:
        return [_shape(r, keys, data) for r in self._edges(node, "source", None)]

    def in_edges(self, node: str, data: bool = False, keys: bool = False) -> list[tuple[Any, ...]]:
        return [_shape(r, keys, data) for r in self._edges(node, "target", None)]

    def out_edges_typed(self, node: str, rels: tuple[str, ...]) -> Iterator[tuple[str, Attrs]]:
        """(target, attrs) of ``node``'s outgoing edges of these types (index on source, type)."""
        for r in self._edges(node, "source", rels):
            yield r[2], _edge_attrs(*r[3:])

    def in_edges_typed(self, node: str, rels: tuple[str, ...]) -> Iterator[tuple[str, Attrs]]:
        for r in self._edges(node, "target", rels):
            yield r[1], _edge_attrs(*r[3:])

    def edges_of_type(self, rel: str, source: str | None = None,
                      target: str | None = None) -> Iterator[tuple[str, str, Attrs]]:
        """(u, v, attrs) of the edges of type ``rel`` (from ``source``, to ``target``)."""
        sql, args = _EDGE_SQL + "WHERE e.type = ?", [rel]
        for column, node in (("source", source), ("target", target)):
            if node is not None:
                key = self._key(node)
                if key is None:
                    return
                sql += f" AND e.{column} = ?"
                args.append(key)
        for r in self.db.execute(sql + " ORDER BY e.key", args):
            yield r[1], r[2], _edge_attrs(*r[3:])

    def edge_by_id(self, eid: str) -> Iterator[tuple[str, str, str, Attrs]]:
        for r in self.db.execute(_EDGE_SQL + "WHERE e.id = ?", (eid,)):
            yield r[1], r[2], r[0], _edge_attrs(*r[3:])

    def edges(self, data: bool = False, keys: bool = False) -> Iterator[tuple[Any, ...]]:
        for r in self.db.execute(_EDGE_SQL + "ORDER BY e.key"):
            yield _shape(r, keys, data)

    def get_edge_data(self, u: str, v: str) -> dict[str, Attrs] | None:
        ku, kv = self._key(u), self._key(v)
        if ku is None or kv is None:
            return None
        rows = self.db.execute(_EDGE_SQL + "WHERE e.source = ? AND e.target = ? ORDER BY e.key",
                               (ku, kv)).fetchall()
        return {r[0]: _edge_attrs(*r[3:]) for r in rows} or None

    def successors(self, node: str) -> Iterator[str]:
        return iter(dict.fromkeys(r[2] for r in self._edges(node, "source", None)))

    def predecessors(self, node: str) -> Iterator[str]:
        return iter(dict.fromkeys(r[1] for r in self._edges(node, "target", None)))

    def neighbours_many(self, nodes: Iterable[str]) -> dict[str, set[str]]:
        """Neighbours of each node ignoring direction, for a whole BFS layer in few reads."""
        self._load(nodes)
        by_key = {self._keys[n]: n for n in nodes if self._keys.get(n) is not None}
        out: dict[str, set[str]] = {n: set() for n in nodes}
        for chunk in _chunks(sorted(by_key)):
            marks = _marks(len(chunk))
            for a, b in self.db.execute(
                    "SELECT e.source, n.id FROM proj_edges e JOIN proj_nodes n ON n.key = e.target "
                    f"WHERE e.source IN ({marks}) UNION ALL "
                    "SELECT e.target, n.id FROM proj_edges e JOIN proj_nodes n ON n.key = e.source "
                    f"WHERE e.target IN ({marks})", [*chunk, *chunk]):
                out[by_key[a]].add(b)
        return out


def _shape(r: tuple[Any, ...], keys: bool, data: bool) -> tuple[Any, ...]:
    """An edge row as NetworkX gives it: (u, v[, key][, attrs])."""
    out: tuple[Any, ...] = (r[1], r[2])
    if keys:
        out += (r[0],)
    if data:
        out += (_edge_attrs(*r[3:]),)
    return out


def analysis_arrays(db: sqlite3.Connection) -> tuple[list[str], list[str], list[str],
                                                      list[tuple[int, int]]]:
    """(ids, names, types, undirected edge list by position) of the whole projection:
    what the graph libraries need, without building a Python object per edge attribute."""
    ids: list[str] = []
    names: list[str] = []
    types: list[str] = []
    position: dict[int, int] = {}
    for key, nid, name, ntype in db.execute("SELECT key, id, name, type FROM proj_nodes ORDER BY key"):
        position[key] = len(ids)
        ids.append(nid)
        names.append(name)
        types.append(ntype)
    edges = [(position[s], position[t]) for s, t in db.execute(
        "SELECT source, target FROM proj_edges WHERE source <> target")]
    return ids, names, types, edges


def projected_view(db: sqlite3.Connection) -> Any:
    """The merged view (:class:`MergedView`) read straight from the projection tables: the
    same nodes and edges as folding every claim, without the folding."""
    from phakhi.graph.model import Edge, Node
    from phakhi.graph.stores.sqlite_store import MergedView, _json_column, _provenance

    db.execute("BEGIN")  # one consistent snapshot for the reads
    try:
        node_rows = db.execute("SELECT key, id, type, name, aliases, properties, provenance "
                               "FROM proj_nodes ORDER BY key").fetchall()
        edge_rows = db.execute("SELECT e.id, e.source, e.target, e.type, e.qualifier, e.properties, "
                               "e.provenance FROM proj_edges e ORDER BY e.key").fetchall()
        resolved = dict(db.execute("SELECT from_id, to_id FROM proj_resolved"))
    finally:
        db.execute("COMMIT")
    aliases, props, prov = (_json_column(node_rows, c) for c in (4, 5, 6))
    nodes: dict[str, Node] = {}
    id_of: dict[int, str] = {}
    for i, r in enumerate(node_rows):
        nodes[r[1]] = Node(r[1], r[2], r[3], aliases[i], props[i], _provenance(prov[i]))
        id_of[r[0]] = r[1]
    del node_rows, aliases, props, prov
    props, prov = (_json_column(edge_rows, c) for c in (5, 6))
    edges = {r[0]: Edge(id_of[r[1]], id_of[r[2]], r[3], props[i], _provenance(prov[i]), r[4])
             for i, r in enumerate(edge_rows)}
    return MergedView(nodes, edges, resolved)
