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

from phakhi.graph.model import DocumentFacts, DocumentInfo, canonical_text, node_id
from phakhi.loaders.builder import FactBuilder, _Spans, add_people, add_person
from phakhi.loaders.mentions import Mention, find_mentions, _load_gazetteer
from phakhi.loaders.relations import relations_in_text
from phakhi.loaders.rosters import committee_rosters

__all__ = ["FactBuilder", "add_people", "add_person", "extract_document", "relations_in_text", "split_oversize"]




# -- the document walk ----------------------------------------------------------------------

_COPYRIGHT = re.compile(r"(?:สงวนลิขสิทธิ์|Copyright|©)[^\n]*")
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
    reported_agreements_are_the_texts(fb)
    short_programmes_are_the_full_ones(fb)
    agreements_back_what_they_name(fb)
    info = DocumentInfo(doc_id=doc_id, path=path, fingerprint=source.fingerprint,
                        title=canonical_text(title or (items[0].title if items else "")), kind=kind,
                        date=doc_date)
    for w in getattr(source, "warnings", []) or []:
        fb.issue("warning", "read_warning", w)
    return fb.facts(info)


def _squashed(s: str) -> str:
    return re.sub(r"[\s“”\"]+", "", s)


def reported_agreements_are_the_texts(fb: FactBuilder) -> None:
    """An agreement a letter or news item reports ('ได้ร่วมลงนามในบันทึกข้อตกลง X') is the MOU
    text X of the same file when one is there: one node, with both sources."""
    texts = [n for n in fb.nodes.values() if n.type == "Agreement" and n.id not in fb.reported_agreements]
    for aid in list(fb.reported_agreements):
        reported = fb.nodes.get(aid)
        if reported is None:
            continue
        names = {_squashed(x) for x in (reported.name, *reported.aliases)}
        same = next((t for t in texts if any(_same_title(a, _squashed(b)) for a in names
                                             for b in (t.name, *t.aliases))), None)
        if same is not None:
            fb.fold_into(aid, same.id)


def short_programmes_are_the_full_ones(fb: FactBuilder) -> None:
    """A programme named in full once ('"โครงการพัฒนา… ISO/IEC 17025"') and cut short elsewhere (a
    title line ends mid-name) is one programme: the cut name folds into the full one."""
    progs = sorted((n for n in fb.nodes.values() if n.type in ("Program", "Curriculum")),
                   key=lambda n: len(_squashed(n.name)))
    for i, short in enumerate(progs):
        s = _squashed(short.name)
        full = next((p for p in progs[i + 1:] if p.type == short.type and _squashed(p.name).startswith(s)
                     and len(s) >= 0.4 * len(_squashed(p.name))), None)
        if full is not None:
            fb.fold_into(short.id, full.id)


def _same_title(a: str, b: str) -> bool:
    """Equal titles, or one the other's start (a report that ran on past the title)."""
    short, long_ = sorted((a, b), key=len)
    return short == long_ or len(short) >= 30 and long_.startswith(short)


def agreements_back_what_they_name(fb: FactBuilder) -> None:
    """An agreement whose title names a programme or a centre ('บันทึกข้อตกลง…โครงการX…',
    '…การดำเนินงานโรงเรียนผู้สูงอายุตำบลY') is made for it: Agreement SUPPORTS it. Of names
    nested in one another only the longest counts (a title cut at a line end is a prefix)."""
    targets = [n for n in fb.nodes.values() if n.type in ("Program", "Center", "VolunteerNetwork")]
    for a in [n for n in fb.nodes.values() if n.type == "Agreement"]:
        titles = [_squashed(t) for t in (a.name, *a.aliases)]
        named = [t for t in targets if len(_squashed(t.name)) >= 8
                 and any(_squashed(t.name) in title for title in titles)]
        for t in named:
            if any(o is not t and _squashed(t.name) in _squashed(o.name) for o in named):
                continue
            span = (a.provenance[0].start, a.provenance[0].end) if a.provenance and a.provenance[0].start >= 0 \
                else None
            fb.edge(a.id, "SUPPORTS", t.id, span, basis="named in the title")


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
    from phakhi.loaders import events
    from phakhi.loaders.genres import genre_of

    lo = bisect.bisect_left(mention_starts, seg.start)
    hi = bisect.bisect_left(mention_starts, seg.end)
    seg_mentions = mentions[lo:hi]
    date, _, _ = _item_date(fb, seg.start, seg.end)
    hint = seg.hint
    genre = genre_of(text, seg.start, seg.end, hint)
    if genre is not None:
        stated = genre.read(fb, text, seg.start, seg.end, seg_mentions)
        return doc_date or stated, (title or seg.title) if genre.titles_document else title, kind or genre.kind
    people = add_people(fb, text, seg.start, seg.end, seg_mentions, date, table_spans)
    events.extract_news(fb, text, seg.start, seg.end, seg_mentions, people, date)
    committee_rosters(fb, text, seg.start, seg.end, seg_mentions, people)
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

