"""Minutes of a meeting (รายงานการประชุม …): the meeting, its date and venue, who was present.

Thai minutes follow one layout: a title line 'รายงานการประชุม<what>' (often 'ครั้งที่ n/yyyy' on
the next line), the date and the venue ('ณ …'), then the lists 'ผู้มาประชุม' (members present),
'ผู้ไม่มาประชุม' (absent) and 'ผู้เข้าร่วมประชุม' (others attending), one person a numbered line,
before the agenda ('ระเบียบวาระที่ ๑'). Members and attendees ATTEND the meeting; the absent do not.

>>> looks_like_minutes("รายงานการประชุมคณะกรรมการ ก\\nครั้งที่ ๑/๒๕๖๗\\nผู้มาประชุม\\n", 0, 60)
True
"""
from __future__ import annotations

import re
from typing import Any

from phakhi.graph.model import canonical_text
from phakhi.loaders.mentions import Mention
from phakhi.loaders.rosters import committee_rosters

_TITLE = re.compile(r"^[ \t]*รายงานการ(ประชุม[^\n]{3,200}?)[ \t]*$", re.M)
_SESSION = re.compile(r"\A\s*(ครั้งที่\s*[0-9๐-๙]{1,3}\s*/\s*[0-9๐-๙]{4})")
_LIST_HEAD = re.compile(r"^[ \t]*(ผู้มาประชุม|ผู้ไม่มาประชุม|ผู้เข้าร่วมประชุม|ผู้ลาประชุม|ผู้ขาดประชุม)[ \t:]*$", re.M)
_LISTS_END = re.compile(r"^[ \t]*(?:เริ่มประชุม|ระเบียบวาระ|เปิดประชุม)", re.M)
_ITEM = re.compile(r"^[ \t]*[0-9๐-๙]{1,3}[.)][ \t]*([^\n]+)$", re.M)
_PRESENT = ("ผู้มาประชุม", "ผู้เข้าร่วมประชุม")


def looks_like_minutes(text: str, start: int, end: int) -> bool:
    """A 'รายงานการประชุม…' title near the top and a list of who came."""
    return _TITLE.search(text, start, min(end, start + 300)) is not None and \
        _LIST_HEAD.search(text, start, end) is not None


def extract_minutes(fb: Any, text: str, start: int, end: int, mentions: list[Mention]) -> str | None:
    """The meeting the minutes record and who attended it; the Event's id."""
    from phakhi.loaders.events import _add_event, _venues
    from phakhi.loaders.builder import add_people, add_person
    from phakhi.loaders.people import PersonMention, parse_bare_name, parse_positions

    title = _TITLE.search(text, start, min(end, start + 300))
    if title is None:
        return None
    name = "การ" + canonical_text(fb.clean[title.start(1):title.end(1)])
    session = _SESSION.match(text, title.end())
    lists_end_m = _LISTS_END.search(text, title.end(), end)
    lists_end = lists_end_m.start() if lists_end_m else end
    date = None
    for d in fb.dates(title.end(), lists_end):
        if getattr(d, "precision", "day") == "day":
            date = d.start.isoformat()
            break
    eid, _ = _add_event(fb, name, "ประชุม", title.span(1), text, title.end(), lists_end, date)
    fb.nodes[eid].add_alias(name[3:])
    if session:
        fb.nodes[eid].add_alias(f"{name} {canonical_text(session.group(1))}")
        fb.nodes[eid].properties.setdefault("session", canonical_text(session.group(1)))
    heads = list(_LIST_HEAD.finditer(text, title.end(), lists_end))
    _venues(fb, text, title.end(), heads[0].start() if heads else lists_end, eid, mentions)
    for i, head in enumerate(heads):
        if head.group(1) not in _PRESENT:
            continue
        stop = heads[i + 1].start() if i + 1 < len(heads) else lists_end
        people = add_people(fb, text, head.end(), stop, mentions, date)
        for item in _ITEM.finditer(text, head.end(), stop):
            a, b = item.span(1)
            person = next((p for p in people if a <= p.start < b), None)
            if person is None:  # minutes list names without a title: 'เด่น ปัญญานันท์  เภสัชกร…'
                words = re.match(r"(\S+[ \t]\S+)(?:[ \t]{2,}|$)", text[a:b])
                parsed = parse_bare_name(words.group(1), fb.gazetteer) if words else None
                if parsed is None:
                    continue
                person = PersonMention(a, a + words.end(1), words.group(1), parsed[0], parsed[1])
                person.positions = parse_positions(text, a + words.end(), b,
                                                   [m for m in mentions if a + words.end() <= m.start < b],
                                                   fb.gazetteer)
                add_person(fb, person, date)
            fb.edge(person.id, "ATTENDS", eid, (a, b), role=head.group(1))
    # the agenda names people with their posts too ('นพ.ก ข นายแพทย์สาธารณสุขจังหวัดแพร่ ได้มอบหมาย…')
    agenda_mentions = [m for m in mentions if m.start >= lists_end]
    people = add_people(fb, text, lists_end, end, agenda_mentions, date)
    committee_rosters(fb, text, lists_end, end, agenda_mentions, people)
    return eid
