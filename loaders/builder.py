"""The facts of one document as they are found: nodes, edges and issues, each with its
provenance (document, span, sentence), and the people named in a stretch of text with the
posts they hold. Every extraction rule writes through a :class:`FactBuilder`.
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Issue, Node, Provenance, canonical_text, reference_id
from phakhi.loaders.mentions import Mention, MentionIndex

_NEWLINE = re.compile("\n")
# how far a provenance sentence on a long line may reach out from its span for a space
SENTENCE_REACH = 400

_ONTOLOGY: Any = None
_BODY_TYPES = {"Ministry", "Department", "Office", "IndependentAgency", "ProvincialOffice", "LocalGovernment"}


#: (id(ontology), rel_type, source label, target label) -> Ontology.allows answer.
_ALLOWS: dict[tuple[int, str, str, str], bool] = {}


def _ontology() -> Any:
    global _ONTOLOGY
    if _ONTOLOGY is None:
        from phakhi.ontology import load_ontology

        _ONTOLOGY = load_ontology()
    return _ONTOLOGY


class FactBuilder:
    """Accumulates one document's nodes, edges and issues."""

    def __init__(self, doc_id: str, path: str, clean: str, text: str, gazetteer: Any = None) -> None:
        self.doc_id = doc_id
        self.path = path
        self.clean = clean
        self.text = text
        self.gazetteer = gazetteer
        self.nodes: dict[str, Node] = {}
        self.edges: dict[str, Edge] = {}
        self.issues: list[Issue] = []
        self._prov_seen: dict[str, set[Provenance]] = {}
        self._edge_prov_seen: dict[str, set[Provenance]] = {}
        self._mentioned: set[tuple[str, int, int]] = set()
        # ids of Event nodes in creation order (press releases link the item's events)
        self.event_ids: list[str] = []
        # Agreements known only from a report of their signing (news, a letter's body)
        self.reported_agreements: set[str] = set()
        self._newlines: list[int] | None = None

    def dates(self, start: int, end: int) -> list[Any]:
        """Dates found in ``text[start:end]`` (spans relative to ``start``), found once."""
        key = (start, end)
        cache = self.__dict__.setdefault("_dates", {})
        if key not in cache:
            from phakhi.loaders.dates import find_dates

            cache[key] = find_dates(self.text[start:end])
        return cache[key]

    # -- provenance ---------------------------------------------------------------------
    def sentence(self, start: int, end: int) -> str:
        """The sentence around ``[start:end]``: to the line ends, at most ~300 characters."""
        if start < 0:
            return ""
        # line ends by bisect over the newline offsets, found once (rfind from every
        # mention back to a far line start is quadratic on a long line)
        nl = self._newlines
        if nl is None:
            nl = self._newlines = [m.start() for m in _NEWLINE.finditer(self.clean)]
        i = bisect.bisect_left(nl, start)
        a = nl[i - 1] + 1 if i > 0 else 0
        j = bisect.bisect_left(nl, end) if end >= 0 else len(nl)
        b = nl[j] if j < len(nl) else len(self.clean)
        if b - a <= 300:  # short lines (table rows, headings) repeat: quote each once
            cache = self.__dict__.setdefault("_lines", {})
            line = cache.get((a, b))
            if line is None:
                line = cache[(a, b)] = canonical_text(self.clean[a:b])
            return line
        if b - a > 300:
            # a long line: cut at a space 120+ characters out, looking no further than
            # SENTENCE_REACH (Thai runs words together: a glued line has no space to find,
            # and a quote from the line start per mention grew quadratically)
            lo = max(a, start - SENTENCE_REACH)
            na = self.clean.rfind(" ", lo, max(lo, start - 120))
            a = na + 1 if na >= 0 else max(a, start - 160)
            hi = min(b, end + SENTENCE_REACH)
            nb = self.clean.find(" ", min(hi, end + 120), hi)
            b = nb if nb > 0 else min(b, end + 160)
        return canonical_text(self.clean[a:b])

    def prov(self, span: tuple[int, int] | None) -> Provenance:
        if span is None:
            return Provenance(self.doc_id, path=self.path)
        s, e = span
        return Provenance(self.doc_id, s, e, self.sentence(s, e), self.path)

    # -- nodes and edges ----------------------------------------------------------------
    def node(self, node_id: str, node_type: str, name: str, span: tuple[int, int] | None,
             aliases: list[str] | tuple[str, ...] = (), **props: Any) -> Node:
        _ontology().check_label(node_type)
        cur = self.nodes.get(node_id)
        if cur is not None:  # fold in place, without building a Node to throw away
            cur.add_alias(name, *aliases)
            for k, v in props.items():
                if v not in (None, "", []) and not k.startswith("_") and cur.properties.get(k) in (None, "", []):
                    cur.properties[k] = v
            p = self.prov(span)
            seen = self._prov_seen[node_id]
            if p not in seen:
                seen.add(p)
                cur.provenance.append(p)
            return cur
        n = Node(node_id, node_type, canonical_text(name), [],
                 {k: v for k, v in props.items() if v is not None and not k.startswith("_")},
                 [self.prov(span)])
        n.add_alias(*aliases)
        self.nodes[node_id] = n
        self._prov_seen[node_id] = set(n.provenance)
        if node_type == "Event":
            self.event_ids.append(node_id)
        return n

    def edge(self, source: str, rel_type: str, target: str, span: tuple[int, int] | None,
             qualifier: str = "", **props: Any) -> Edge | None:
        onto = _ontology()
        onto.check_rel_type(rel_type)
        s, t = self.nodes.get(source), self.nodes.get(target)
        if s is None or t is None or source == target:
            return None
        key = (id(onto), rel_type, s.type, t.type)
        ok = _ALLOWS.get(key)
        if ok is None:  # the same few type triples are asked for every table cell
            ok = _ALLOWS[key] = onto.allows(rel_type, s.type, t.type)
        if not ok:
            return None
        e = Edge(source, target, rel_type, {k: v for k, v in props.items() if v is not None},
                 [self.prov(span)], qualifier)
        eid = e.id  # a hash of the ends, type and qualifier: computed on every access
        cur = self.edges.get(eid)
        if cur is None:
            self.edges[eid] = e
            self._edge_prov_seen[eid] = set(e.provenance)
            return e
        for k, v in e.properties.items():
            cur.properties.setdefault(k, v)
        seen = self._edge_prov_seen.get(eid)
        if seen is None or len(seen) != len(cur.provenance):  # provenance edited elsewhere
            seen = self._edge_prov_seen[eid] = set(cur.provenance)
        if e.provenance[0] not in seen:
            seen.add(e.provenance[0])
            cur.provenance.append(e.provenance[0])
        return cur

    def mention(self, m: Mention) -> str:
        """Add the node a mention denotes (and what its name implies); its id."""
        key = (m.id, m.start, m.end)
        if key in self._mentioned and m.id in self.nodes:
            return m.id
        self._mentioned.add(key)
        props = dict(m.props)
        generic = props.pop("_generic", None)
        self.node(m.id, m.type, m.name, (m.start, m.end), [m.surface, *m.aliases], **props)
        for rel, target, eprops in m.implied:
            tid = self.mention(target)
            self.edge(m.id, rel, tid, (m.start, m.end), **eprops)
        if generic is not None:
            self.mention(generic)
            parent = self._entry_parent(generic)
            if parent is not None:
                self.edge(m.id, "PART_OF", parent, (m.start, m.end), relation="sub_organization")
        if m.key:
            self._name_implied_parent(m)
        return m.id

    def _entry_parent(self, m: Mention) -> str | None:
        gaz = self.gazetteer
        if gaz is None or not m.parent_key or m.parent_key not in gaz.entries:
            return None
        pe = gaz.entries[m.parent_key]
        pid = reference_id(pe.key)
        if pid not in self.nodes:
            self.node(pid, pe.type, pe.name_th, (m.start, m.end), list(pe.abbr_th), key=pe.key)
        return pid

    def _name_implied_parent(self, m: Mention) -> None:
        """'สำนักงานปลัดกระทรวงมหาดไทย' names its parent 'กระทรวงมหาดไทย': PART_OF."""
        gaz = self.gazetteer
        if gaz is None or not m.parent_key or m.parent_key not in gaz.entries:
            return
        pe = gaz.entries[m.parent_key]
        core = pe.name_th
        if m.type not in _BODY_TYPES or m.name == "สำนักงาน" + core:
            return  # networks are not units; a commission's secretariat is not "part of" it
        if len(core) >= 4 and core in m.name and core != m.name:
            pid = self._entry_parent(m)
            if pid:
                self.edge(m.id, "PART_OF", pid, (m.start, m.end), relation="sub_organization")

    def fold_into(self, old_id: str, new_id: str) -> None:
        """Make ``old_id`` the same node as ``new_id``: its names become aliases, its edges move."""
        old, new = self.nodes.get(old_id), self.nodes.get(new_id)
        if old is None or new is None or old_id == new_id:
            return
        new.add_alias(old.name, *old.aliases)
        for k, v in old.properties.items():
            new.properties.setdefault(k, v)
        for eid, e in list(self.edges.items()):
            if old_id not in (e.source, e.target):
                continue
            del self.edges[eid]
            self._edge_prov_seen.pop(eid, None)
            src = new_id if e.source == old_id else e.source
            dst = new_id if e.target == old_id else e.target
            for p in e.provenance:
                self.edge(src, e.type, dst, (p.start, p.end) if p.start >= 0 else None, e.qualifier,
                          **e.properties)
        del self.nodes[old_id]
        if old_id in self.event_ids:
            self.event_ids.remove(old_id)

    def issue(self, level: str, code: str, message: str, **details: Any) -> None:
        self.issues.append(Issue(level, code, message, self.doc_id, self.path, details))

    def facts(self, info: DocumentInfo) -> DocumentFacts:
        nodes = list(self.nodes.values())
        edges = [e for e in self.edges.values() if e.source in self.nodes and e.target in self.nodes]
        info.node_count, info.edge_count = len(nodes), len(edges)
        return DocumentFacts(info, nodes, edges, list(self.issues))


class _Spans:
    """Whether a position falls in one of many (possibly overlapping) spans, by bisect.

    >>> _Spans([(5, 9), (0, 3)]).has(7), _Spans([(5, 9)]).has(9)
    (True, False)
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.max_end: list[int] = []
        top = -1
        for _, b in spans:
            top = max(top, b)
            self.max_end.append(top)

    def has(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos)
        return i > 0 and self.max_end[i - 1] > pos


_COORDINATED = re.compile(r"[ \t]*(?:,|และ|กับ)[ \t]*")


def add_people(fb: FactBuilder, text: str, start: int, end: int, mentions: list[Mention],
               as_of: str | None, skip: "list[tuple[int, int]] | _Spans" = ()) -> list[Any]:
    """People with honorifics in ``text[start:end]``, their nodes and HOLDS_POSITION edges."""
    from phakhi.loaders.people import find_people, parse_positions, position_phrase_end

    skip_set = skip if isinstance(skip, _Spans) else _Spans(list(skip))
    people = [p for p in find_people(text, fb.gazetteer, start, end) if not skip_set.has(p.start)]
    found = MentionIndex(mentions)
    for i, p in enumerate(people):
        nxt = people[i + 1].start if i + 1 < len(people) else None
        pend = position_phrase_end(text, p.end, end, nxt)
        # only the mentions near the phrase: parse_positions looks no further than 40 past it
        p.positions = parse_positions(text, p.end, pend, found.starting_in(p.end, pend + 40), fb.gazetteer)
    # 'นายก … และนายข … รองผู้ว่าราชการจังหวัดตาก': a title after coordinated names is each one's
    for i in range(len(people) - 2, -1, -1):
        p, q = people[i], people[i + 1]
        if not p.positions and q.positions and _COORDINATED.fullmatch(text, p.end, q.start):
            p.positions = list(q.positions)
    for p in people:
        for c in p.positions:
            if c.org is not None:
                c.org = _instance_named_here(fb, c.org, mentions)
        add_person(fb, p, as_of)
    return people


def _instance_named_here(fb: FactBuilder, org: Mention, mentions: list[Mention]) -> Mention:
    """'รองนายแพทย์ สสจ.' in an item that names one 'สำนักงานสาธารณสุขจังหวัดอำนาจเจริญ': the
    generic class written short stands for the one office of that class the item names."""
    gaz = fb.gazetteer
    entry = gaz.entries.get(org.key) if gaz is not None and org.key else None
    if entry is None or not entry.extra.get("generic") or org.type != "ProvincialOffice":
        return org
    named = {m.id: m for m in mentions if m.type == org.type and m.id != org.id and m.name.startswith(org.name)}
    if len(named) != 1:
        return org
    inst = next(iter(named.values()))
    return Mention(org.start, org.end, org.surface, inst.type, inst.id, inst.name)


def add_person(fb: FactBuilder, p: Any, as_of: str | None) -> str:
    aliases = [p.surface, f"{p.honorific}{p.name}" if p.honorific else ""]
    fb.node(p.id, "Person", p.name, (p.start, p.end), [a for a in aliases if a],
            honorific=p.honorific or None)
    for c in p.positions:
        if c.org is not None:
            tid = fb.mention(c.org)
        elif c.position_id:
            tid = c.position_id
            fb.node(tid, "Position", getattr(c, "position_name", None) or c.title, (c.start, c.end))
        else:
            continue
        fb.edge(p.id, "HOLDS_POSITION", tid, (p.start, c.end), qualifier=c.title,
                position=c.title, position_full=c.full, as_of=as_of,
                acting=True if c.acting else None, former=True if c.former else None)
    return p.id
