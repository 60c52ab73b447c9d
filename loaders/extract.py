"""Extraction of one document: text -> items -> mentions, people, agreements, events,
letters and trainer tables -> :class:`DocumentFacts` with provenance.

>>> from phakhi.loaders.readers import SourceText
>>> src = SourceText(path="x.txt", text="นายประยูร รัตนเสนีย์ อธิบดีกรมส่งเสริมการปกครองท้องถิ่น กล่าว", format="txt",
...                  encoding="utf-8", fingerprint="0")
>>> facts = extract_document(src, "doc:x")
>>> sorted(n.type for n in facts.nodes)
['Department', 'Person']
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from phakhi.graph.model import (DocumentFacts, DocumentInfo, Edge, Issue, Node, Provenance,
                                canonical_text, node_id, reference_id)
from phakhi.loaders.mentions import Mention, MentionIndex, find_mentions, _load_gazetteer




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

    def issue(self, level: str, code: str, message: str, **details: Any) -> None:
        self.issues.append(Issue(level, code, message, self.doc_id, self.path, details))

    def facts(self, info: DocumentInfo) -> DocumentFacts:
        nodes = list(self.nodes.values())
        edges = [e for e in self.edges.values() if e.source in self.nodes and e.target in self.nodes]
        info.node_count, info.edge_count = len(nodes), len(edges)
        return DocumentFacts(info, nodes, edges, list(self.issues))



# -- the document walk ----------------------------------------------------------------------

_COPYRIGHT = re.compile(r"(?:สงวนลิขสิทธิ์|Copyright|©)[^\n]*")
_NEWLINE = re.compile("\n")
# how far a provenance sentence on a long line may reach out from its span for a space
SENTENCE_REACH = 400
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_PROVINCE_PREFIX = re.compile(r"(?:จังหวัด|จ\.)\s?$")
_POSTCODE = re.compile(r"\s*\d{5}")

# items larger than this are extracted in pieces: every per-item step stays bounded on a
# file that is one giant item (50 MB of prose without headings); real items are far smaller
MAX_ITEM_CHARS = 64 * 1024
_PIECE_MIN, _PIECE_MAX = 16 * 1024, 32 * 1024


def split_oversize(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start:end]`` as one span, or, when longer than :data:`MAX_ITEM_CHARS`, as pieces of
    16–32 K characters cut after a blank line (else a line end, else a space).

    >>> split_oversize("abc", 0, 3)
    [(0, 3)]
    >>> t = ("ก" * 100 + "\\n\\n") * 1000
    >>> pieces = split_oversize(t, 0, len(t))
    >>> pieces[0][0], pieces[-1][1], all(b - a <= 32 * 1024 for a, b in pieces)
    (0, 102000, True)
    """
    if end - start <= MAX_ITEM_CHARS:
        return [(start, end)]
    out = []
    pos = start
    while end - pos > _PIECE_MAX:
        lo, hi = pos + _PIECE_MIN, pos + _PIECE_MAX
        cut = -1
        for m in _BLANK_LINE.finditer(text, lo, hi):
            cut = m.end()
        if cut < 0:
            nl = text.rfind("\n", lo, hi)
            cut = nl + 1 if nl >= 0 else text.rfind(" ", lo, hi) + 1
        if cut <= lo:
            cut = hi
        out.append((pos, cut))
        pos = cut
    out.append((pos, end))
    return out


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


def _segments(clean: str) -> list[Any]:
    try:
        from phakhi.loaders.segment import segment

        return segment(clean)
    except Exception:  # segmentation is an aid; without it the file is one item
        from types import SimpleNamespace

        return [SimpleNamespace(kind="item", start=0, end=len(clean), title="", hint="unknown")]


def _item_date(fb: FactBuilder, start: int, end: int) -> tuple[str | None, tuple[int, int] | None, str]:
    """The first plausible date of an item: (ISO date, span, as written)."""
    for d in fb.dates(start, end):
        if getattr(d, "precision", "day") != "day":
            continue
        s, e = d.span
        return d.start.isoformat(), (start + s, start + e), d.as_written
    return None, None, ""


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls in one of ``spans`` (few spans: tables, furniture)."""
    for a, b in spans:
        if a <= pos < b:
            return True
    return False


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
        add_person(fb, p, as_of)
    return people


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


def extract_document(source: Any, doc_id: str, gazetteer: Any = None) -> DocumentFacts:
    """All facts one source file states, with provenance into its clean text."""
    from phakhi.loaders.normalize import analysis_text, clean_text
    from phakhi.loaders import letters
    from phakhi.loaders.trainers import extract_trainer_tables

    gaz = _load_gazetteer(gazetteer)
    clean = clean_text(source.text)
    text = analysis_text(clean)
    path = str(source.path)
    fb = FactBuilder(doc_id, path, clean, text, gaz)
    segments = _segments(clean)
    items = [s for s in segments if s.kind == "item"]
    table_spans = extract_trainer_tables(fb, text, gaz)
    in_table = _Spans(table_spans)
    mentions = [m for m in find_mentions(text, gaz) if not in_table.has(m.start)]
    furniture = _Spans([(s.start, s.end) for s in segments if s.kind != "item"])
    # the copyright line of a web page names the site's owner: keep those mentions
    owner_spans = _Spans([m.span() for m in _COPYRIGHT.finditer(text)])
    for m in mentions:
        if m.type == "Province" and not m.listed and not _PROVINCE_PREFIX.search(text[max(0, m.start - 8):m.start]) \
                and not _POSTCODE.match(text[m.end:m.end + 7]):
            continue  # provinces outside tables only as จังหวัดX or in an address
        if furniture.has(m.start) and not owner_spans.has(m.start):
            continue
        fb.mention(m)
    mention_starts = [m.start for m in mentions]  # mentions come sorted by start
    doc_date: str | None = None
    title = ""
    kind = ""
    last_table_end = max((b for _, b in table_spans), default=-1)
    for whole in items:
        if whole.hint == "table" or in_table.has(whole.start) and whole.end <= last_table_end:
            kind = kind or "table"
            continue
        for piece_start, piece_end in split_oversize(text, whole.start, whole.end):
            seg = whole if (piece_start, piece_end) == (whole.start, whole.end) else \
                _Piece(whole.kind, piece_start, piece_end, whole.title, whole.hint)
            doc_date, title, kind = _extract_item(fb, text, seg, mentions, mention_starts, in_table,
                                                  doc_date, title, kind)
    letters.link_enclosures(fb)
    info = DocumentInfo(doc_id=doc_id, path=path, fingerprint=source.fingerprint,
                        title=canonical_text(title or (items[0].title if items else "")), kind=kind,
                        date=doc_date)
    for w in getattr(source, "warnings", []) or []:
        fb.issue("warning", "read_warning", w)
    return fb.facts(info)


@dataclass
class _Piece:
    """A piece of an oversize item (see :func:`split_oversize`), shaped like a segment."""

    kind: str
    start: int
    end: int
    title: str
    hint: str


def _extract_item(fb: FactBuilder, text: str, seg: Any, mentions: list[Mention], mention_starts: list[int],
                  table_spans: _Spans, doc_date: str | None, title: str,
                  kind: str) -> tuple[str | None, str, str]:
    """The facts of one item (or piece of one); the document's date, title and kind so far."""
    from phakhi.loaders import agreements, events, letters

    lo = bisect.bisect_left(mention_starts, seg.start)
    hi = bisect.bisect_left(mention_starts, seg.end)
    seg_mentions = mentions[lo:hi]
    date, _, _ = _item_date(fb, seg.start, seg.end)
    hint = seg.hint
    if hint == "mou" or agreements.looks_like_mou(text, seg.start, seg.end):
        agreements.extract_mou(fb, text, seg.start, seg.end, seg_mentions)
        return doc_date, title, kind or "mou"
    if hint == "letter" or letters.looks_like_letter(text, seg.start, seg.end):
        ldate = letters.extract_letter(fb, text, seg.start, seg.end, seg_mentions)
        return doc_date or ldate, title or seg.title, kind or "letter"
    people = add_people(fb, text, seg.start, seg.end, seg_mentions, date, table_spans)
    events.extract_news(fb, text, seg.start, seg.end, seg_mentions, people, date)
    press_release(fb, text, seg.start, seg.end, seg_mentions, date)
    relations_in_text(fb, text, seg.start, seg.end, seg_mentions)
    return doc_date or date, title or seg.title, kind or (hint if hint != "unknown" else "news")


# -- press releases -------------------------------------------------------------------------

_RELEASE_NO = re.compile(r"ครั้งที่\s*(\d{1,4}/\d{4})(?=[ \t]*(?:\n|$|ณ\s*วันที่|วันที่))")


def press_release(fb: FactBuilder, text: str, start: int, end: int, mentions: list[Mention],
                  date: str | None) -> str | None:
    """'ครั้งที่ 36/2564' closing a news item: the press release (a Document), issued by the
    unit named on the line above it when there is one."""
    found = [m for m in _RELEASE_NO.finditer(text, start, end)
             if m.start() > start + (end - start) // 2 or text[max(start, m.start() - 2):m.start()].strip() == ""]
    found = [m for m in found if text.rfind("\n", start, m.start()) >= text.rfind("ครั้งที่", start, m.start())]
    if not found:
        return None
    m = found[-1]
    name = f"ข่าวประชาสัมพันธ์ ครั้งที่ {m.group(1)}"
    did = node_id("Document", name)
    fb.node(did, "Document", name, m.span(), [canonical_text(fb.clean[m.start():m.end()])],
            kind="press_release", number=m.group(1), date=date)
    line_end = text.rfind("\n", start, m.start())
    above = text.rfind("\n", start, max(start, line_end - 1))
    while line_end > start and not text[above + 1:line_end].strip():
        line_end = above
        above = text.rfind("\n", start, max(start, line_end - 1))
    line = text[above + 1:line_end].strip()
    unit = next((x for x in mentions if above < x.start and x.end <= line_end and x.is_org), None)
    if unit is not None and len(line) <= len(unit.surface) + 2:
        fb.edge(fb.mention(unit), "ISSUED", did, (unit.start, unit.end), date=date)
    for eid in list(fb.event_ids):  # newest provenance first: an item's events were just added
        n = fb.nodes.get(eid)
        if n is not None and n.type == "Event" and any(p.doc_id == fb.doc_id and start <= p.start < end
                                                       for p in reversed(n.provenance)):
            fb.edge(did, "MENTIONS", n.id, m.span())
    return did


# -- relations stated between organisations ------------------------------------------------

_COOP = re.compile(r"(?:ร่วมมือกับ|โดยความร่วมมือกับ|ความร่วมมือกับ|บูรณาการความร่วมมือกับ|ร่วมกับ)")
_COOP_BETWEEN = re.compile(r"(?:ความร่วมมือ(?:กัน)?ระหว่าง)")
_AND_WITH = re.compile(r"\s*(?:กับ|และ)\s*")
_CONSISTING_OF = re.compile(r"\s*(?:อันประกอบด้วย|ประกอบด้วย|ได้แก่|คือ)\s*")
_AFFIL = re.compile(r"(?:ในสังกัด(?:ของ)?|ภายใต้สังกัด(?:ของ)?|(?<=\s)สังกัด(?:ของ)?)\s*")


def _next_org(mentions: MentionIndex, pos: int, limit: int) -> Mention | None:
    """The first organisation starting in ``[pos, limit]``."""
    return next((m for m in mentions.starting_in(pos, limit + 1) if m.is_org), None)


def _prev_org(mentions: MentionIndex, pos: int, floor: int) -> Mention | None:
    """The last organisation lying within ``[floor, pos]``."""
    return next((m for m in reversed(mentions.within(floor, pos)) if m.is_org), None)


def relations_in_text(fb: FactBuilder, text: str, start: int, end: int, mentions: list[Mention],
                      subject: Mention | None = None) -> None:
    """COOPERATES_WITH and PART_OF stated in prose (news items, MOU preambles)."""
    from phakhi.loaders.agreements import supports_in_text

    supports_in_text(fb, text, start, end, mentions)  # 'X สนับสนุน Y' in prose
    found = MentionIndex(mentions)
    for m in _COOP.finditer(text, start, end):
        other = _next_org(found, m.end(), m.end() + 3)
        if other is None:
            continue
        line_start = max(text.rfind("\n", 0, m.start()) + 1, start)
        subj = subject or _prev_org(found, m.start(), max(line_start, m.start() - 250))
        if m.group(0) == "ร่วมกับ" and "เจ้าภาพ" not in text[max(start, m.start() - 120):m.start()]:
            continue
        if subj is None or subj.id == other.id:
            continue
        fb.edge(fb.mention(subj), "COOPERATES_WITH", fb.mention(other), (subj.start, other.end))
    for m in _COOP_BETWEEN.finditer(text, start, end):
        a = _next_org(found, m.end(), m.end() + 3)
        if a is None:
            continue
        rest = text[a.end:a.end + 12]
        km = _AND_WITH.match(rest)
        if not km:
            continue
        b = _next_org(found, a.end + km.end(), a.end + km.end() + 2)
        if b is not None and a.id != b.id:
            fb.edge(fb.mention(a), "COOPERATES_WITH", fb.mention(b), (a.start, b.end))
    # 'หน่วยงานในสังกัดY อันประกอบด้วย A B …': departments PART_OF Y, networks listed
    # before a department are that department's networks
    for m in _AFFIL.finditer(text, start, end):
        parent = _next_org(found, m.end(), m.end() + 2)
        if parent is None:
            continue
        child = next((x for x in found.ending_in(m.start() - 3, m.start() + 1) if x.is_org), None)
        if child is not None and child.id != parent.id and child.type in _BODY_TYPES | {"Center"}:
            # 'X ในสังกัด Y' / 'X สังกัด Y'
            fb.edge(fb.mention(child), "PART_OF", fb.mention(parent), (child.start, parent.end),
                    relation="sub_organization")
        lm = _CONSISTING_OF.match(text, parent.end)
        if not lm:
            continue
        stop = text.find(" ซึ่ง", lm.end(), end)
        stop = min(x for x in (stop if stop > 0 else end, end, lm.end() + 400))
        listed = [x for x in found.starting_in(lm.end(), stop) if x.is_org]
        pending: list[Mention] = []
        for x in listed:
            if x.type == "Department":
                fb.edge(fb.mention(x), "PART_OF", fb.mention(parent), (x.start, x.end),
                        relation="sub_organization")
                for n in pending:
                    fb.edge(fb.mention(n), "PART_OF", fb.mention(x), (n.start, x.end), relation="network_of")
                pending = []
            elif x.type in ("VolunteerNetwork", "Committee"):
                pending.append(x)
            else:
                pending = []
