"""Answer a canned question on a store: bind and resolve parameters, pick the engine, finish.

``answer(store, "partners", {"org": "พช."})`` resolves the name to a node id, then runs
the Cypher text when the store is Neo4j and the NetworkX function otherwise, and returns
canonical rows (:func:`phakhi.queries.catalog.finish_rows`). The two engines can also be
called directly (:func:`answer_networkx`, :func:`answer_cypher`) — the parity tests do.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(); g.add_node("X", type="Department", name="X")
>>> answer_networkx(g, "ego", {"entity": "X"})
[{'distance': 0, 'id': 'X', 'name': 'X', 'type': 'Department', 'relations': []}]
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from phakhi.graph.model import reference_id
from phakhi.ontology import OntologyError, load_ontology
from phakhi.queries.catalog import (CannedQuery, ParamError, cypher_post, cypher_post_of,
                                    finish_rows, load_catalog, nx_impl_of)
from phakhi.queries.cypher_runner import node_type, run_read
from phakhi.queries.names import NameIndex, default_gazetteer

Row = dict[str, Any]
_NAME_FIELDS = "n.name_en AS name_en, n.abbreviation AS abbreviation, n.abbreviation_en AS abbreviation_en"


def speaks_cypher(store: Any) -> bool:
    """True when ``store`` answers with Cypher (it declares the capability)."""
    from phakhi.graph.stores import CYPHER

    return CYPHER in getattr(store, "capabilities", ())


# -- parameters ---------------------------------------------------------------------------

def bind(query: CannedQuery, given: dict[str, Any], index: Any) -> dict[str, Any]:
    """Typed parameters with entity names resolved to node ids (``index`` None: ids as given),
    plus the extra inputs some questions take from reference data."""
    params = query.bind(given)
    for p in query.params:
        if p.type == "entity" and params[p.name] is not None and index is not None:
            params[p.name] = index.resolve(params[p.name])
    if query.id == "expiring" and params.get("as_of") is None:
        params["as_of"] = _dt.date.today().isoformat()
    if query.id == "ministries-reached":
        params.update(gazetteer_ministries())
    if query.id == "evidence" and (params.get("source") is None) != (params.get("target") is None):
        raise ParamError("question 'evidence' needs both --param source=… and --param target=…")
    if query.id in ("signatories", "positions", "evidence") and all(
            params.get(p.name) is None for p in query.params):
        raise ParamError(f"question {query.id!r} needs one of: "
                         + ", ".join(f"--param {p.name}=…" for p in query.params))
    return params


def gazetteer_ministries(gazetteer: Any = "default") -> dict[str, Any]:
    """``ancestors`` (node id -> ids of the ministries above it in the gazetteer) and
    ``ministry_names`` (ministry id -> Thai name), for ministries-reached."""
    gaz = default_gazetteer() if gazetteer == "default" else gazetteer
    ancestors: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    if gaz is None:
        return {"ancestors": ancestors, "ministry_names": names}
    for entry in gaz.entries.values():
        chain = [e for e in gaz.parents(entry.key) if e.type == "Ministry"]
        if chain:
            ancestors[reference_id(entry.key)] = [reference_id(e.key) for e in chain]
        for e in chain:
            names[reference_id(e.key)] = e.name_th
    return {"ancestors": ancestors, "ministry_names": names}


# -- engines ------------------------------------------------------------------------------

def answer_networkx(g: Any, query_id: str, params: dict[str, Any]) -> list[Row]:
    """Rows of the NetworkX implementation on graph ``g`` (params already bound)."""
    query = load_catalog()[query_id]
    full = _complete(query, params)
    rows = nx_impl_of(query_id)(g, **full)
    return finish_rows(rows, query.columns, query.sort)


def answer_cypher(store_or_driver: Any, query_id: str, params: dict[str, Any]) -> list[Row]:
    """Rows of the Cypher text on Neo4j (params already bound)."""
    query = load_catalog()[query_id]
    full = _complete(query, params)
    cypher = query.cypher
    if query_id == "evidence":
        cypher, full["fact"] = _typed_fact_match(cypher, full.get("fact"))
    raw = run_read(store_or_driver, cypher, full)
    post = cypher_post_of(query_id)
    rows = post(raw, full) if post else raw
    return finish_rows(rows, query.columns, query.sort)


def _is_param(query: CannedQuery, name: str) -> bool:
    return any(p.name == name for p in query.params)


def _complete(query: CannedQuery, params: dict[str, Any]) -> dict[str, Any]:
    """Every declared parameter (defaults filled in) plus the reference-data inputs, so both
    engines get exactly the same values."""
    full = query.bind({k: v for k, v in params.items() if _is_param(query, k)})
    full.update({k: v for k, v in params.items() if not _is_param(query, k)})
    if query.id == "expiring" and full.get("as_of") is None:
        full["as_of"] = _dt.date.today().isoformat()
    if query.id == "ministries-reached" and "ancestors" not in full:
        full.update(gazetteer_ministries())
    return full


def _typed_fact_match(cypher: str, fact: str | None) -> tuple[str, str | None]:
    """Edge ids start with their type (``SIGNS:…``): match only relationships of that type,
    checked against the ontology, through the store's index on their id. An id without a
    known type names no edge, so it is dropped instead of scanning every relationship."""
    if not fact:
        return cypher, fact
    try:
        rel_type = load_ontology().check_rel_type(fact.split(":", 1)[0])
    except OntologyError:
        return cypher, None
    return cypher.replace("MATCH ()-[r]->()", f"MATCH ()-[r:{rel_type}]->()", 1), fact


def answer(store: Any, query_id: str, given: dict[str, Any]) -> list[Row]:
    """Resolve names, run the question on ``store`` with the fitting engine, finish rows."""
    catalog = load_catalog()
    if query_id not in catalog:
        raise ParamError(f"no question {query_id!r}; `phakhi queries` lists them")
    query = catalog[query_id]
    if speaks_cypher(store):
        params = bind(query, given, Neo4jNames(store) if _has_entity(query, given) else None)
        return answer_cypher(store, query_id, params)
    if hasattr(store, "projection_graph"):  # the embedded store: read what the question needs
        from phakhi.queries.projection_names import ProjectionNames

        g = store.projection_graph()
        params = bind(query, given, ProjectionNames(g) if _has_entity(query, given) else None)
        return answer_networkx(g, query_id, params)
    g = store.graph()
    params = bind(query, given, NameIndex.from_graph(g) if _has_entity(query, given) else None)
    return answer_networkx(g, query_id, params)


def _has_entity(query: CannedQuery, given: dict[str, Any]) -> bool:
    return any(p.type == "entity" and (given.get(p.name) or p.default) for p in query.params)


_NAME_RECORD = ("RETURN n.id AS id, labels(n) AS labels, n.name AS name, n.aliases AS aliases, "
                + _NAME_FIELDS)


def _records(rows: list[Row]) -> list[tuple[str, str, str, list[str]]]:
    records = []
    for r in rows:
        ntype = node_type({"_labels": r.get("labels") or []}) or ""
        others = list(r.get("aliases") or [])
        others += [r[k] for k in ("name_en", "abbreviation", "abbreviation_en") if isinstance(r.get(k), str)]
        records.append((r["id"], ntype, r.get("name") or "", others))
    return records


def neo4j_name_index(store_or_driver: Any) -> NameIndex:
    """Name index of a whole Neo4j graph (one read of every node's names)."""
    rows = run_read(store_or_driver, "MATCH (n:Entity) WHERE n.claims IS NOT NULL " + _NAME_RECORD)
    return NameIndex(_records(rows), default_gazetteer())


class Neo4jNames:
    """Resolves names on Neo4j without reading every node: the candidates are the exact
    id, exact names/aliases (one server-side scan), the gazetteer's ids and full-text
    hits; the whole-graph index is the fallback when none of those fits."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.gazetteer = default_gazetteer()

    def resolve(self, text: str) -> str:
        from phakhi.queries.names import UnknownName

        ref_ids = [reference_id(e.key) for e in self.gazetteer.lookup(text)] if self.gazetteer else []
        ids = {r["id"] for r in run_read(
            self.store,
            "MATCH (n:Entity) WHERE n.claims IS NOT NULL AND (n.id = $text OR n.id IN $refs "
            "OR n.name = $text OR $text IN coalesce(n.aliases, []) OR n.name_en = $text "
            "OR n.abbreviation = $text) RETURN n.id AS id",
            {"text": text.strip(), "refs": ref_ids})}
        search = getattr(self.store, "search_names", None)
        if search is not None:
            try:
                ids.update(r["id"] for r in search(text, limit=50))
            except Exception:  # noqa: BLE001 - full-text search is only a shortcut
                pass
        rows = run_read(self.store, "MATCH (n:Entity) WHERE n.id IN $ids " + _NAME_RECORD,
                        {"ids": sorted(ids)})
        try:
            return NameIndex(_records(rows), self.gazetteer).resolve(text)
        except UnknownName:
            return neo4j_name_index(self.store).resolve(text)


# -- reshaping Cypher records -------------------------------------------------------------

@cypher_post("evidence")
def _evidence_rows(raw: list[Row], params: dict[str, Any]) -> list[Row]:
    from phakhi.queries.nx_impl import provenance_rows

    return [row for r in raw for row in provenance_rows(r["subject"], r["provenance"])]


@cypher_post("path")
def _path_rows(raw: list[Row], params: dict[str, Any]) -> list[Row]:
    """Of all shortest paths, the one whose node ids sort first; ``via`` lists every
    relationship between consecutive nodes seen in any shortest path along it."""
    paths = [r["p"] for r in raw if r.get("p")]
    if not paths:
        return []
    seqs = {tuple(n.get("id") for n in p["nodes"]): p for p in paths}
    best = min(seqs)
    if len(best) - 1 > params.get("max_hops", 6):
        return []
    nodes = {n.get("id"): n for p in paths for n in p["nodes"]}
    rels: set[tuple[str, str, str]] = set()
    for p in paths:
        if tuple(n.get("id") for n in p["nodes"]) == best:
            rels.update((r["_type"], r["_start"], r["_end"], r.get("id")) for r in p["rels"])
    rows = []
    for i, nid in enumerate(best):
        via: list[str] = []
        if i:
            prev = best[i - 1]
            via = [f"{t}>" if s == prev else f"<{t}" for t, s, e, _ in sorted(rels, key=str)
                   if {s, e} == {prev, nid} and (s, e) in ((prev, nid), (nid, prev))]
        rows.append({"step": i, "id": nid, "name": nodes[nid].get("name"),
                     "type": node_type(nodes[nid]), "via": via})
    return rows
