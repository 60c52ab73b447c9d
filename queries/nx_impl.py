"""NetworkX answers to the canned questions (the embedded store's engine).

Each function takes the merged graph (``store.graph()``: a MultiDiGraph whose nodes carry
``type``, ``name`` and properties, whose edges carry ``type`` and properties) and the bound
parameters, and returns rows with exactly the columns ``canned.yaml`` declares. They mirror
the Cypher texts clause by clause: when one changes, the other must too (the parity tests
compare them on the sample corpus and on generated graphs).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("A", type="Department", name="A"); g.add_node("B", type="Ministry", name="B")
>>> g.add_node("M", type="Agreement", name="MOU")
>>> g.add_edge("A", "M", type="PARTY_TO"); g.add_edge("B", "M", type="PARTY_TO")
0
0
>>> [r["partner"] for r in partners(g, org="A")]
['B']
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from collections import deque
from typing import TYPE_CHECKING, Any, Callable, Iterator

from phakhi.ontology import load_ontology
from phakhi.queries.catalog import networkx_impl

if TYPE_CHECKING:  # networkx is imported only where a graph is built (start-up time)
    import networkx as nx

Row = dict[str, Any]


# -- small helpers over the multigraph --------------------------------------------------

# A graph may offer typed look-ups (the embedded store's projection does, through its
# indexes); on a NetworkX graph the helpers filter what it holds in memory.

def _out(g: nx.MultiDiGraph, node: str, rel: str | tuple[str, ...]) -> Iterator[tuple[str, dict]]:
    """(target, edge attrs) of ``node``'s outgoing edges of type ``rel``."""
    rels = (rel,) if isinstance(rel, str) else rel
    if hasattr(g, "out_edges_typed"):
        yield from g.out_edges_typed(node, rels)
        return
    for _, target, attrs in g.out_edges(node, data=True):
        if attrs.get("type") in rels:
            yield target, attrs


def _in(g: nx.MultiDiGraph, node: str, rel: str | tuple[str, ...]) -> Iterator[tuple[str, dict]]:
    rels = (rel,) if isinstance(rel, str) else rel
    if hasattr(g, "in_edges_typed"):
        yield from g.in_edges_typed(node, rels)
        return
    for source, _, attrs in g.in_edges(node, data=True):
        if attrs.get("type") in rels:
            yield source, attrs


def _nodes_of_type(g: nx.MultiDiGraph, *labels: str) -> Iterator[tuple[str, dict]]:
    """(id, attrs) of the nodes with one of these types."""
    if hasattr(g, "nodes_of_type"):
        yield from g.nodes_of_type(*labels)
        return
    for x, attrs in g.nodes(data=True):
        if attrs.get("type") in labels:
            yield x, attrs


def _edges_of_type(g: nx.MultiDiGraph, rel: str, source: str | None = None,
                   target: str | None = None) -> Iterator[tuple[str, str, dict]]:
    """(u, v, attrs) of the edges of type ``rel``, from ``source`` / to ``target`` when given."""
    if hasattr(g, "edges_of_type"):
        yield from g.edges_of_type(rel, source, target)
        return
    for u, v, attrs in g.edges(data=True):
        if attrs.get("type") == rel and source in (None, u) and target in (None, v):
            yield u, v, attrs


def _edges_with_id(g: nx.MultiDiGraph, fact: str) -> Iterator[tuple[str, str, str, dict]]:
    if hasattr(g, "edge_by_id"):
        yield from g.edge_by_id(fact)
        return
    for u, v, key, attrs in g.edges(keys=True, data=True):
        if key == fact:
            yield u, v, key, attrs


def _neighbours_many(g: nx.MultiDiGraph, nodes: list[str]) -> dict[str, set[str]]:
    """Neighbours ignoring direction of each of ``nodes`` (one read per BFS layer)."""
    if hasattr(g, "neighbours_many"):
        return g.neighbours_many(nodes)
    return {n: set(g.successors(n)) | set(g.predecessors(n)) for n in nodes}


def _typed(g: nx.MultiDiGraph, node: str, *labels: str) -> bool:
    return g.nodes[node].get("type") in labels


def _name(g: nx.MultiDiGraph, node: Any) -> Any:
    return g.nodes[node].get("name") if node is not None and node in g else None


def _title(g: nx.MultiDiGraph, node: Any) -> Any:
    if node is None or node not in g:
        return None
    attrs = g.nodes[node]
    return attrs.get("title") if attrs.get("title") is not None else attrs.get("name")


def _government_labels() -> tuple[str, ...]:
    return tuple(load_ontology().subtypes("GovernmentBody"))


def same_body(g: nx.MultiDiGraph, org: str, follow_succession: bool = True) -> list[str]:
    """``org`` and, following succession, every body within 4 SUCCEEDED_BY steps of it
    (either direction): the ``same`` list of the Cypher texts."""
    same = [org]
    if not follow_succession:
        return same
    frontier = [org]
    for _ in range(4):
        frontier = [m for n in frontier for m, _ in [*_out(g, n, "SUCCEEDED_BY"), *_in(g, n, "SUCCEEDED_BY")]
                    if m not in same]
        frontier = list(dict.fromkeys(frontier))
        same += frontier
        if not frontier:
            break
    return same


def _partner_pairs(g: nx.MultiDiGraph, org: str,
                   same: list[str] | None = None) -> Iterator[tuple[str, str | None, bool, str]]:
    """(partner, agreement or None, via cooperation, body of ``same`` it came through) —
    the CALL {…} of partners."""
    for o in same or [org]:
        excluded = set(same or [org])
        for agreement, _ in _out(g, o, "PARTY_TO"):
            if not _typed(g, agreement, "Agreement"):
                continue
            for p, _ in _in(g, agreement, "PARTY_TO"):
                if p not in excluded:
                    yield p, agreement, False, o
        for p, _ in [*_out(g, o, "COOPERATES_WITH"), *_in(g, o, "COOPERATES_WITH")]:
            if p not in excluded:
                yield p, None, True, o


# -- the questions ------------------------------------------------------------------------

@networkx_impl("partners")
def partners(g: nx.MultiDiGraph, org: str, follow_succession: bool = True) -> list[Row]:
    """Co-parties to the organisation's agreements and those it cooperates with (also of
    the bodies it was renamed from or to, named in ``through``)."""
    if org not in g:
        return []
    found: dict[str, Row] = {}
    for p, agreement, coop, via in _partner_pairs(g, org, same_body(g, org, follow_succession)):
        row = found.setdefault(p, {"partner": p, "partner_name": _name(g, p),
                                   "partner_type": g.nodes[p].get("type"),
                                   "agreements": [], "cooperates": False, "through": []})
        if agreement is not None:
            row["agreements"].append(agreement)
        if via != org:
            row["through"].append(_name(g, via))
        row["cooperates"] = row["cooperates"] or coop
    return list(found.values())


@networkx_impl("agreements")
def agreements(g: nx.MultiDiGraph, org: str, follow_succession: bool = True) -> list[Row]:
    """The organisation's agreements (and its predecessors' or successors') with dates,
    co-parties and who signed."""
    if org not in g:
        return []
    same = same_body(g, org, follow_succession)
    found: dict[str, Row] = {}
    for o in same:
        for a, _ in _out(g, o, "PARTY_TO"):
            if not _typed(g, a, "Agreement"):
                continue
            attrs = g.nodes[a]
            row = found.setdefault(a, {
                "agreement": a, "title": _title(g, a), "date": attrs.get("date"),
                "duration_years": attrs.get("duration_years"), "end_date": attrs.get("end_date"),
                "co_parties": [_name(g, p) for p, _ in _in(g, a, "PARTY_TO") if p not in same],
                "signed_by": [_name(g, s) for s, _ in _in(g, a, "SIGNS")], "through": []})
            if o != org:
                row["through"].append(_name(g, o))
    return list(found.values())


@networkx_impl("signatories")
def signatories(g: nx.MultiDiGraph, agreement: str | None = None, org: str | None = None) -> list[Row]:
    """Signatories and witnesses of one agreement, or of every agreement of ``org``."""
    chosen: set[str] = set()
    if agreement in g and _typed(g, agreement, "Agreement"):
        chosen.add(agreement)
    if org in g:
        chosen.update(a for a, _ in _out(g, org, "PARTY_TO") if _typed(g, a, "Agreement"))
    rows = []
    for a in chosen:
        for p, attrs in _in(g, a, ("SIGNS", "WITNESSES")):
            party = attrs.get("on_behalf_of")
            if party is None:
                party = attrs.get("side")
            rows.append({"agreement": a, "title": _title(g, a), "person": p,
                         "person_name": _name(g, p), "role": attrs["type"],
                         "as_position": attrs.get("as_position"), "for_party": party,
                         "for_party_name": _name(g, party), "date": attrs.get("date")})
    return rows


@networkx_impl("obligations")
def obligations(g: nx.MultiDiGraph, org: str, agreement: str | None = None) -> list[Row]:
    """The organisation's numbered obligations and the entities each one concerns."""
    if org not in g:
        return []
    rows = []
    for a, attrs in _out(g, org, "OBLIGATED_TO"):
        if not _typed(g, a, "Agreement") or (agreement is not None and a != agreement):
            continue
        concerns = attrs.get("concerns")
        rows.append({"agreement": a, "title": _title(g, a), "clause": attrs.get("clause"),
                     "text": attrs.get("text"), "concerns": concerns,
                     "concerns_names": [_name(g, c) for c in (concerns or []) if c in g]})
    return rows


@networkx_impl("networks")
def networks(g: nx.MultiDiGraph, center: str) -> list[Row]:
    """Networks joining ``center`` as committee members, with departments and agreement."""
    if center not in g:
        return []
    gov = _government_labels()
    rows = []
    for n, j in _in(g, center, "JOINS_AS_COMMITTEE"):
        departments = [_name(g, j.get("party"))]
        departments += [_name(g, up) for up, _ in _out(g, n, "PART_OF") if _typed(g, up, *gov)]
        departments += [_name(g, s) for s, _ in _in(g, n, "SUPPORTS") if _typed(g, s, *gov)]
        rows.append({"network": n, "network_name": _name(g, n), "network_type": g.nodes[n].get("type"),
                     "roles": j.get("roles"), "agreement": j.get("agreement"),
                     "agreement_title": _title(g, j.get("agreement")), "clause": j.get("clause"),
                     "departments": departments})
    return rows


def _reachable(g: nx.MultiDiGraph, start: str, rel: str, max_hops: int) -> set[str]:
    """Nodes reachable from ``start`` over outgoing ``rel`` edges in 0..max_hops steps."""
    seen, frontier = {start}, [start]
    for _ in range(max_hops):
        frontier = [t for n in frontier for t, _ in _out(g, n, rel) if t not in seen]
        seen.update(frontier)
        if not frontier:
            break
    return seen


@networkx_impl("ministries-reached")
def ministries_reached(g: nx.MultiDiGraph, org: str, ancestors: dict[str, list[str]],
                       ministry_names: dict[str, str]) -> list[Row]:
    """Ministries above the organisation's partners, by PART_OF edges (up to 6 hops) and
    by the gazetteer's parent chain of each body on the way (``ancestors``)."""
    if org not in g:
        return []
    reached: dict[str, Row] = {}
    for p in {p for p, _, _, _ in _partner_pairs(g, org)}:
        ups = _reachable(g, p, "PART_OF", 6)
        mins = [x for x in ups if _typed(g, x, "Ministry")]
        mins += [m for x in ups for m in ancestors.get(x, [])]
        for m in mins:
            name = _name(g, m) if m in g else ministry_names.get(m)
            row = reached.setdefault(m, {"ministry": m, "ministry_name": name, "partners": []})
            row["partners"].append(_name(g, p))
    return list(reached.values())


@networkx_impl("positions")
def positions(g: nx.MultiDiGraph, person: str | None = None, org: str | None = None) -> list[Row]:
    """Positions a person held, or the people holding posts at an organisation."""
    edges: dict[Any, tuple[str, str, dict]] = {}
    if person in g:
        for _, x, key, attrs in g.out_edges(person, keys=True, data=True):
            if attrs.get("type") == "HOLDS_POSITION":
                edges[key] = (person, x, attrs)
    if org is not None:
        if org in g:
            for p, _, key, attrs in g.in_edges(org, keys=True, data=True):
                if attrs.get("type") == "HOLDS_POSITION":
                    edges[key] = (p, org, attrs)
        for x, xattrs in _nodes_of_type(g, "Position"):
            if xattrs.get("organization") == org:
                for p, _, key, attrs in g.in_edges(x, keys=True, data=True):
                    if attrs.get("type") == "HOLDS_POSITION":
                        edges[key] = (p, x, attrs)
    rows = []
    for p, x, h in edges.values():
        position = h.get("position")
        rows.append({"person": p, "person_name": _name(g, p),
                     "position": position if position is not None else _name(g, x),
                     "position_full": h.get("position_full"), "held_at": x,
                     "held_at_name": _name(g, x), "as_of": h.get("as_of"),
                     "acting": h.get("acting"), "former": h.get("former")})
    return rows


_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def parse_date(value: Any) -> _dt.date | None:
    """An ISO date, ``YYYY-MM`` or ``YYYY`` (read as the first day, as Cypher's ``date()``);
    anything else is None, as the Cypher texts treat it.

    >>> parse_date("2022-06"), parse_date(None), parse_date("16 มิ.ย. 2565")
    (datetime.date(2022, 6, 1), None, None)
    """
    if value is None or value == "":
        return None
    if isinstance(value, _dt.date):
        return value
    if hasattr(value, "to_native"):
        return value.to_native()
    if not _ISO_DATE.fullmatch(str(value)):
        return None
    parts = [int(x) for x in str(value).split("-")]
    try:
        return _dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None


def add_months(day: _dt.date, months: int) -> _dt.date:
    """``day`` plus whole months, clamped to the month's last day (as Cypher's durations).

    >>> add_months(_dt.date(2024, 1, 31), 1)
    datetime.date(2024, 2, 29)
    """
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    last = (_dt.date(year + month // 12, month % 12 + 1, 1) - _dt.timedelta(days=1)).day
    return _dt.date(year, month, min(day.day, last))


def covering_letter_date(g: nx.MultiDiGraph, agreement: str) -> _dt.date | None:
    """The earliest date of a document that ENCLOSES the agreement (its covering letter)."""
    dates = [parse_date(g.nodes[d].get("date")) for d, _ in _in(g, agreement, "ENCLOSES")
             if _typed(g, d, "Document")]
    return min((d for d in dates if d is not None), default=None)


def agreement_end(attrs: dict[str, Any], letter: _dt.date | None = None) -> _dt.date | None:
    """End of an agreement (see :func:`agreement_end_basis`)."""
    return agreement_end_basis(attrs, letter)[0]


def agreement_end_basis(attrs: dict[str, Any],
                        letter: _dt.date | None = None) -> tuple[_dt.date | None, str | None]:
    """(end, basis) of an agreement, first that applies: the stated ``end_date``; the
    signing date + duration; the covering ``letter``'s date + duration (signed on or before
    the letter, so the end is at the latest that). Durations are rounded to months.

    >>> agreement_end_basis({"duration_years": 3.0}, _dt.date(2022, 2, 1))
    (datetime.date(2025, 2, 1), 'inferred: covering letter of 2022-02-01 + duration (at the latest)')
    """
    stated_end, signed = parse_date(attrs.get("end_date")), parse_date(attrs.get("date"))
    if stated_end is not None:
        return stated_end, "stated end date"
    if attrs.get("duration_years") is None:
        return None, None
    # Cypher's round() rounds halves up; Python's round() does not.
    months = math.floor(float(attrs["duration_years"]) * 12 + 0.5)
    if signed is not None:
        return add_months(signed, months), "inferred: signing date + duration"
    if letter is not None:
        return (add_months(letter, months),
                f"inferred: covering letter of {letter.isoformat()} + duration (at the latest)")
    return None, None


@networkx_impl("expiring")
def expiring(g: nx.MultiDiGraph, days: int, as_of: str) -> list[Row]:
    """Agreements ending within ``days`` of ``as_of`` (each end stated or inferred, with its
    basis), and those whose end is unknown: open-ended (signed, no duration) or undated."""
    today = parse_date(as_of)
    rows = []
    for a, attrs in _nodes_of_type(g, "Agreement"):
        ends, basis = agreement_end_basis(attrs, covering_letter_date(g, a))
        if ends is not None and not today <= ends <= today + _dt.timedelta(days=days):
            continue
        signed = parse_date(attrs.get("date"))
        reason = None
        if ends is None:
            reason = ("signed, but no duration or end date stated" if signed is not None
                      else "signing date not stated" if attrs.get("date") is None
                      else "signing date not understood")
        status = "ending" if ends is not None else "open-ended" if signed is not None else "undated"
        rows.append({"status": status, "agreement": a,
                     "title": _title(g, a), "date": attrs.get("date"),
                     "duration_years": attrs.get("duration_years"),
                     "end_date": ends.isoformat() if ends else None, "end_basis": basis,
                     "days_left": (ends - today).days if ends else None, "reason": reason})
    return rows


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, _dt.date) else str(value)


@networkx_impl("timeline")
def timeline(g: nx.MultiDiGraph, **params: Any) -> list[Row]:
    """Dated agreements and events between ``from`` and ``to`` (inclusive); with ``org``
    only its agreements and the events it organises or attends (following its renames
    unless ``follow_succession`` is false)."""
    start, end = params.get("from"), params.get("to")
    org = params.get("org")
    if org is None:
        chosen = [x for x, _ in _nodes_of_type(g, "Agreement", "Event")]
    elif org in g:
        chosen = list(dict.fromkeys(
            x for o in same_body(g, org, params.get("follow_succession", True))
            for x, _ in _out(g, o, ("PARTY_TO", "ORGANIZES", "ATTENDS"))
            if _typed(g, x, "Agreement", "Event")))
    else:
        chosen = []
    rows = []
    for x in chosen:
        attrs = g.nodes[x]
        if attrs.get("date") is None:
            continue
        d = _iso(attrs["date"])
        if (start is not None and d < start) or (end is not None and d > end):
            continue
        rows.append({"date": d, "date_end": _iso(attrs.get("date_end")), "type": attrs["type"],
                     "id": x, "name": _title(g, x), "kind": attrs.get("kind")})
    return rows


@networkx_impl("trainer-coverage")
def trainer_coverage(g: nx.MultiDiGraph, province: str | None = None, department: str | None = None,
                     table: str | None = None) -> list[Row]:
    """Trainer counts per (province, department) cell; 0 is 'none', blank is 'unknown'."""
    rows = []
    for p, d, t in _edges_of_type(g, "HAS_TRAINERS", province, department):
        if not _typed(g, p, "Province"):
            continue
        if (province is not None and p != province) or (department is not None and d != department) \
                or (table is not None and t.get("table") != table):
            continue
        count = t.get("count")
        status = "unknown" if count is None else "none" if count == 0 else "some"
        rows.append({"table": t.get("table"), "province": p, "province_name": _name(g, p),
                     "department": d, "department_name": _name(g, d), "count": count,
                     "status": status, "year": t.get("year")})
    return rows


def provenance_rows(subject: str, provenance: Any) -> list[Row]:
    """One row per provenance record (a list of dicts, or its JSON text as Neo4j keeps it)."""
    import json

    if isinstance(provenance, str):
        try:
            provenance = json.loads(provenance)
        except ValueError:
            provenance = []
    rows = []
    for p in provenance or []:
        if isinstance(p, str):  # a list of JSON texts
            try:
                p = json.loads(p)
            except ValueError:
                continue
        if isinstance(p, dict):
            rows.append({"subject": subject, "doc_id": p.get("doc_id"), "path": p.get("path"),
                         "start": p.get("start"), "end": p.get("end"), "sentence": p.get("sentence")})
    return rows


@networkx_impl("evidence")
def evidence(g: nx.MultiDiGraph, entity: str | None = None, fact: str | None = None,
             source: str | None = None, target: str | None = None, rel: str | None = None) -> list[Row]:
    """Where an entity, a relationship (by id) or the relationships from ``source`` to
    ``target`` (optionally of type ``rel``) are stated: document, span, sentence."""
    rows: list[Row] = []
    if entity in g:
        rows += provenance_rows(entity, g.nodes[entity].get("provenance"))
    if fact is not None:
        for _, _, key, attrs in _edges_with_id(g, fact):
            rows += provenance_rows(key, attrs.get("provenance"))
    if source in g and target in g:
        for key, attrs in (g.get_edge_data(source, target) or {}).items():
            if rel is None or attrs.get("type") == rel:
                rows += provenance_rows(key, attrs.get("provenance"))
    return rows


def _step_rows(g: nx.MultiDiGraph, nodes: list[str]) -> list[Row]:
    """Rows of a path: each node with the relationships from the previous one (``A>``
    leaves the previous node, ``<A`` arrives at it)."""
    rows = []
    for i, n in enumerate(nodes):
        via: list[str] = []
        if i:
            prev = nodes[i - 1]
            via += [f"{a['type']}>" for a in (g.get_edge_data(prev, n) or {}).values()]
            via += [f"<{a['type']}" for a in (g.get_edge_data(n, prev) or {}).values()]
        rows.append({"step": i, "id": n, "name": _name(g, n), "type": g.nodes[n].get("type"),
                     "via": via})
    return rows


@networkx_impl("path")
def path(g: nx.MultiDiGraph, a: str, b: str, max_hops: int = 6) -> list[Row]:
    """A shortest path between ``a`` and ``b`` ignoring direction, at most ``max_hops`` long;
    of several, the one whose node ids sort first."""
    if a not in g or b not in g or a == b:
        return []
    found = first_shortest_path(lambda layer: _neighbours_many(g, layer), a, b, max_hops)
    return _step_rows(g, found) if found else []


def first_shortest_path(neighbours: Callable[[list[str]], dict[str, set[str]]], a: str, b: str,
                        max_hops: int) -> list[str] | None:
    """Of the shortest paths from ``a`` to ``b`` (at most ``max_hops`` long), the one whose
    node ids sort first — ``min(nx.all_shortest_paths(...))`` without listing every path.

    A bidirectional search grows the smaller side one whole layer at a time (reading the
    neighbours of a layer at once) until the sides meet; the nodes on shortest paths are
    then walked from ``a``, always taking the smallest id.

    >>> adj = {"a": {"x", "y"}, "x": {"a", "b"}, "y": {"a", "b"}, "b": {"x", "y"}}
    >>> first_shortest_path(lambda ns: {n: adj[n] for n in ns}, "a", "b", 6)
    ['a', 'x', 'b']
    """
    dist = ({a: 0}, {b: 0})
    parents: tuple[dict[str, list[str]], dict[str, list[str]]] = ({a: []}, {b: []})
    frontier = ([a], [b])
    meet: list[str] = []
    while not meet:
        if not frontier[0] or not frontier[1]:
            return None
        if dist[0][frontier[0][0]] + dist[1][frontier[1][0]] >= max_hops:
            return None  # the next layer would make every path longer than max_hops
        side = 0 if len(frontier[0]) <= len(frontier[1]) else 1
        d, par = dist[side], parents[side]
        layer: list[str] = []
        for n, around in neighbours(frontier[side]).items():
            for m in around:
                if m not in d:
                    d[m] = d[n] + 1
                    par[m] = [n]
                    layer.append(m)
                elif d[m] == d[n] + 1:
                    par[m].append(n)
        frontier = (layer, frontier[1]) if side == 0 else (frontier[0], layer)
        meet = [m for m in layer if m in dist[1 - side]]
    length = min(dist[0][m] + dist[1][m] for m in meet)
    on_path = {m for m in meet if dist[0][m] + dist[1][m] == length}
    # next steps towards b: a-side children of each node, then the b-side parents
    ahead: dict[str, set[str]] = {}
    for side in (0, 1):  # a side: from the meeting nodes back to a; b side: on to b
        stack, seen = list(on_path), set(on_path)
        while stack:
            m = stack.pop()
            for p in parents[side].get(m, []):
                before, after = (p, m) if side == 0 else (m, p)
                ahead.setdefault(before, set()).add(after)
                if p not in seen:
                    seen.add(p)
                    stack.append(p)
    walk = [a]
    while walk[-1] != b:
        walk.append(min(ahead[walk[-1]]))
    return walk


@networkx_impl("ego")
def ego(g: nx.MultiDiGraph, entity: str, depth: int = 1) -> list[Row]:
    """The entity and everything within ``depth`` steps, ignoring direction, each with the
    types of the relationships that reach it from one step nearer."""
    if entity not in g:
        return []
    dist = {entity: 0}
    queue = deque([entity])
    while queue:
        n = queue.popleft()
        if dist[n] >= depth:
            continue
        for m in set(g.successors(n)) | set(g.predecessors(n)):
            if m not in dist:
                dist[m] = dist[n] + 1
                queue.append(m)
    rows = []
    for n, d in dist.items():
        # the relationships that reach n from the ring inside it
        inner = [m for m in set(g.successors(n)) | set(g.predecessors(n)) if dist.get(m) == d - 1]
        relations = [a["type"] for m in inner for data in (g.get_edge_data(n, m) or {},
                                                            g.get_edge_data(m, n) or {})
                     for a in data.values()]
        rows.append({"distance": d, "id": n, "name": _name(g, n), "type": g.nodes[n].get("type"),
                     "relations": relations})
    return rows
