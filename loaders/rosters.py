"""Committee rosters: a line that names a committee and ends 'ดังนี้' / 'ประกอบด้วย', then one
member a numbered line, each with their seat on it at the end of the line.

Minutes record an election ('เห็นชอบผลการคัดเลือกคณะกรรมการ X ดังนี้' / '(๑) นาย ก  ประธาน'),
news and letters announce a new board the same way. Each member HOLDS_POSITION in the
committee, the seat (ประธาน, รองประธาน คนที่ ๑, กรรมการและเลขานุการ …) as the position.
Appointment orders list their members with a dash and are read by ``orders``.

>>> bool(_SEAT.search("นายอานนท์ เขยฟู  รองประธาน คนที่ ๑"))
True
"""
from __future__ import annotations

import re
from typing import Any

from phakhi.graph.model import canonical_text
from phakhi.loaders.mentions import Mention

_INTRO_END = re.compile(r"(?:ดังนี้|ประกอบด้วย|ได้แก่)[ \t:]*$")
_ITEM = re.compile(r"[ \t]*(?:\(?[0-9๐-๙]{1,3}[.)])[ \t]*([^\n]+)")
# the seat closes the line; what may follow it is a number ('คนที่ ๑') or the network's short name
_SEAT = re.compile(r"(?:^|\s)((?:รอง)?ประธาน(?:กรรมการ)?(?:[ \t]+คนที่[ \t]*[0-9๐-๙]+)?"
                   r"|กรรมการ(?:และ(?:ผู้ช่วย)?เลขานุการ|และเหรัญญิก)?|(?:ผู้ช่วย)?เลขานุการ|เหรัญญิก|ที่ปรึกษา"
                   r"|(?:รอง)?ประธาน[ \t]+[^\n]{1,30})[ \t]*$")


def committee_rosters(fb: Any, text: str, start: int, end: int, mentions: list[Mention],
                      people: list[Any]) -> None:
    """HOLDS_POSITION of every member a roster in ``text[start:end]`` lists."""
    committees = [m for m in mentions if m.type == "Committee" and start <= m.start < end]
    for com in committees:
        line_end = text.find("\n", com.end, end)
        if line_end < 0 or not _INTRO_END.search(text, com.end, line_end):
            continue
        cid = fb.mention(com)
        pos = line_end + 1
        while pos < end:
            item = _ITEM.match(text, pos)
            if item is None:
                break
            a, b = item.span(1)
            seat = _SEAT.search(text, a, b)
            person = next((p for p in people if a <= p.start < b), None)
            if seat is not None and person is not None and person.end <= seat.start(1):
                role = canonical_text(seat.group(1))
                fb.edge(person.id, "HOLDS_POSITION", cid, (a, b), position=role, basis="roster")
            pos = item.end() + 1
