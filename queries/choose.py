"""Asking a canned question with a name that may mean several entities.

"กกต." is the abbreviation of the Election Commission, but the MOUs are signed by its
Office ("สำนักงาน กกต."), whose names contain it. An exact look-up alone answered for the
Commission and printed ``(no rows)``. Here a name's candidates are the entity it resolves
to plus the agencies whose names or abbreviations contain it (Latin text as a whole word);
then:

- the resolved entity answers (rows) -> its rows; candidates that would also answer are
  named in a note;
- it does not, and exactly one other candidate does -> that one's rows, with a note saying
  which entity was picked and why;
- several others do -> :class:`Ambiguous` (exit 1) listing each candidate's name, type
  and degree, so the user passes an id;
- none does -> no rows, with a note listing the candidates (never a silent empty answer).

A name resolving to several entities at once (the index's own ambiguity) is listed the
same way, with types and degrees.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from phakhi.queries.names import AmbiguousName, NameError_, NameIndex, name_key

Row = dict[str, Any]
MAX_RELATED = 8  # candidates tried besides the resolved entity


@dataclass
class Candidate:
    id: str
    name: str
    type: str
    degree: int

    def describe(self) -> str:
        return f"{self.id} ({self.name}, {self.type}, degree {self.degree})"


class Ambiguous(NameError_):
    """A name fits several entities that each answer: the user must pick one (exit 1)."""

    def __init__(self, text: str, candidates: list[Candidate]) -> None:
        listed = "; ".join(c.describe() for c in candidates)
        super().__init__(f"{text!r} is ambiguous, it names {len(candidates)} entities: {listed} "
                         f"— pass one of these ids instead")
        self.text = text
        self.candidates = candidates


@dataclass
class Answer:
    rows: list[Row]
    notes: list[str] = field(default_factory=list)
    chosen: dict[str, str] = field(default_factory=dict)  # parameter -> node id used
    graph: Any = None  # the embedded store's graph the answer came from (None on Neo4j)


def contains_name(form: str, text: str) -> bool:
    """Whether ``form`` contains the name ``text``: Thai by comparison key (spaces and dots
    ignored), Latin as a whole word (ECT is in "Office of the ECT", not in "Election").

    >>> contains_name("สำนักงาน กกต.", "กกต."), contains_name("Office of the ECT", "ECT")
    (True, True)
    >>> contains_name("Election Commission", "ECT"), contains_name("กกต.", "กกต.")
    (False, False)
    """
    if text.isascii():
        found = re.search(rf"(?<![A-Za-z0-9]){re.escape(text.strip().rstrip('.'))}(?![A-Za-z0-9])",
                          form, re.I)
        return found is not None and form.strip().casefold() != text.strip().casefold()
    key, whole = name_key(text), name_key(form)
    return bool(key) and key in whole and key != whole


def _agency_types() -> set[str]:
    from phakhi.queries.layers import agency_types

    return set(agency_types())


def related_agencies(records: Iterable[Any], text: str, primary: str, primary_type: str,
                     gazetteer: Any = None) -> list[str]:
    """Agencies among ``records`` (id, type, name, other forms) with a name, alias or
    abbreviation (theirs or their gazetteer entry's) containing ``text`` — asked only when
    the resolved entity ``primary`` is an agency itself."""
    agencies = _agency_types()
    if primary_type not in agencies:
        return []
    found: set[str] = set()
    for node, ntype, name, others in records:
        if node == primary or ntype not in agencies:
            continue
        forms = [name, *others, *_gazetteer_forms(gazetteer, node)]
        if any(contains_name(str(f), text) for f in forms if f):
            found.add(node)
    return sorted(found)[:MAX_RELATED]


def _gazetteer_forms(gazetteer: Any, node: str) -> tuple[str, ...]:
    if gazetteer is None or not node.startswith("ref:") or node[4:] not in gazetteer.entries:
        return ()
    e = gazetteer.entries[node[4:]]
    return tuple(f for f in (e.name_th, e.name_en, *e.abbr_th, *e.abbr_en, *e.aliases_th,
                             *e.aliases_en) if f)


def choose(text: str, primary: str, related: Callable[[], list[str]], run: Callable[[str], list[Row]],
           describe: Callable[[list[str]], list[Candidate]]) -> tuple[str, list[Row], list[str]]:
    """(node id used, rows, notes) for a name resolved to ``primary``; ``related()`` gives
    the other candidates, asked only when ``primary`` has no rows."""
    rows = run(primary)
    if rows:
        return primary, rows, []
    others = related()
    if not others:
        return primary, rows, []
    answering = [c for c in others if run(c)]
    everyone = describe([primary, *others])
    listed = "; ".join(c.describe() for c in everyone)
    if len(answering) == 1:
        chosen = next(c for c in everyone if c.id == answering[0])
        note = (f"{text!r} names {primary}, which has no facts for this question; answered for "
                f"{chosen.describe()}, the only candidate with facts. Candidates: {listed}")
        return chosen.id, run(chosen.id), [note]
    if answering:
        raise Ambiguous(text, describe([primary, *answering]))
    return primary, [], [f"no rows for {text!r} under any of its candidates: {listed}"]


def _entity_texts(query: Any, given: dict[str, Any]) -> dict[str, str]:
    return {p.name: str(given.get(p.name) or p.default) for p in query.params
            if p.type == "entity" and (given.get(p.name) or p.default) is not None}


def _ask(query: Any, given: dict[str, Any], resolve: Callable[[str], str],
         related: Callable[[str, str], list[str]], run: Callable[[dict[str, Any]], list[Row]],
         describe: Callable[[list[str]], list[Candidate]]) -> Answer:
    """The engine-independent part: resolve every name, then settle each in turn."""
    texts = _entity_texts(query, given)
    ids = dict(given)
    for name, text in texts.items():
        try:
            ids[name] = resolve(text)
        except AmbiguousName as exc:
            raise Ambiguous(text, describe([c for c, _ in exc.candidates])) from None
    out = Answer([])
    for name, text in texts.items():
        ids[name], out.rows, notes = choose(
            text, ids[name], lambda n=name, t=text: related(t, ids[n]) if ids[n] != t else [],
            lambda node, n=name: run({**ids, n: node}), describe)
        out.notes += notes
        out.chosen[name] = ids[name]
    if not texts:
        out.rows = run(ids)
    return out


def ask_networkx(g: Any, query_id: str, given: dict[str, Any]) -> Answer:
    """:class:`Answer` of a canned question on the embedded store's graph ``g``."""
    from phakhi.queries.answer import answer_networkx, bind
    from phakhi.queries.catalog import load_catalog
    from phakhi.queries.names import graph_records

    query = load_catalog()[query_id]
    index = NameIndex.from_graph(g)

    def related(text: str, primary: str) -> list[str]:
        ptype = g.nodes[primary].get("type", "") if primary in g else ""
        return related_agencies(graph_records(g), text, primary, ptype, index.gazetteer)

    out = _ask(query, given, index.resolve, related,
               lambda ids: answer_networkx(g, query_id, bind(query, ids, None)), _describer(g))
    out.graph = g
    return out


def ask_neo4j(store: Any, query_id: str, given: dict[str, Any]) -> Answer:
    """:class:`Answer` on Neo4j; the other candidates are read only when needed."""
    from phakhi.queries.answer import Neo4jNames, _records, answer_cypher, bind, _NAME_RECORD
    from phakhi.queries.catalog import load_catalog
    from phakhi.queries.cypher_runner import run_read

    query = load_catalog()[query_id]
    names = Neo4jNames(store)

    def related(text: str, primary: str) -> list[str]:
        records = _records(run_read(store, "MATCH (n:Entity) WHERE n.claims IS NOT NULL "
                                    + _NAME_RECORD))
        ptype = next((t for i, t, _, _ in records if i == primary), "")
        return related_agencies(records, text, primary, ptype, names.gazetteer)

    def describe(ids: list[str]) -> list[Candidate]:
        rows = run_read(store, "UNWIND $ids AS i MATCH (n:Entity {id: i}) "
                        "RETURN n.id AS id, n.name AS name, labels(n) AS labels, "
                        "size(COLLECT { MATCH (n)-[r]-(m) WHERE m <> n AND NOT type(r) IN $other "
                        "RETURN DISTINCT m.id }) AS degree",
                        {"ids": ids, "other": sorted(_non_partnership())})
        found = {r["id"]: r for r in rows}
        out = []
        for i in ids:
            r = found.get(i, {})
            label = next((x for x in r.get("labels") or [] if x != "Entity"), "?")
            out.append(Candidate(i, str(r.get("name") or i), label, int(r.get("degree") or 0)))
        return out

    return _ask(query, given, names.resolve, related,
                lambda ids: answer_cypher(store, query_id, bind(query, ids, None)), describe)


def _non_partnership() -> set[str]:
    from phakhi.ontology import load_ontology
    from phakhi.queries.layers import layer_relations

    return set(load_ontology().relationship_types) - set(layer_relations("partnership"))


def ask(store: Any, query_id: str, given: dict[str, Any]) -> Answer:
    """Ask ``query_id`` on ``store`` (either engine), settling names that fit several
    entities as the module describes."""
    from phakhi.queries.answer import speaks_cypher
    from phakhi.queries.catalog import ParamError, load_catalog

    if query_id not in load_catalog():
        raise ParamError(f"no question {query_id!r}; `phakhi queries` lists them")
    if speaks_cypher(store):
        return ask_neo4j(store, query_id, given)
    return ask_networkx(store.graph(), query_id, given)


def _describer(g: Any) -> Callable[[list[str]], list[Candidate]]:
    """Candidates with name, type and degree on the partnership layer (the ranking degree)."""
    def describe(ids: list[str]) -> list[Candidate]:
        import networkx as nx

        from phakhi.queries.layers import layer_graph

        # the ranking degree: neighbours on the partnership layer, direction and repeats aside
        und = nx.Graph()
        part = layer_graph(g)
        und.add_nodes_from(part.nodes)
        und.add_edges_from((u, v) for u, v in part.edges() if u != v)
        out = []
        for node in ids:
            attrs = g.nodes[node] if node in g else {}
            out.append(Candidate(node, str(attrs.get("name") or node), str(attrs.get("type") or "?"),
                                 und.degree(node) if node in und else 0))
        return out
    return describe
