"""Succession stated in prose: renames, transfers of a body's duties, mergers into a new body.

Thai histories of an agency say it three ways, each giving SUCCEEDED_BY from the old body to the
new one:

- a rename: 'A เปลี่ยนชื่อเป็น B', 'A ได้รับการเปลี่ยนชื่อเป็น B';
- a transfer: '… ภารกิจของ A … (และ B) … จึงโอนมารวมไว้ที่ C' — the bodies named in the same
  paragraph before the verb, other than C, pass their duties to C;
- a merger: 'ภารกิจของ A ก็ถูกยุบรวมเข้ามา(ด้วย)' — A goes into the body last named as receiving.

>>> from phakhi.loaders.mentions import find_mentions
>>> t = "ภารกิจของกรมการเร่งรัดพัฒนาชนบทโอนมารวมไว้ที่กรมป้องกันและบรรเทาสาธารณภัย"
>>> [(a.name, b.name) for a, b in stated_successions(t, 0, len(t), find_mentions(t))]
[('กรมการเร่งรัดพัฒนาชนบท', 'กรมป้องกันและบรรเทาสาธารณภัย')]
"""
from __future__ import annotations

import re

from phakhi.loaders.mentions import Mention

_RENAMED = re.compile(r"(?:ได้รับการ|ได้|ถูก)?เปลี่ยนชื่อ(?:หน่วยงาน)?เป็น\s*")
_TRANSFERRED = re.compile(r"(?:จึง|ได้|ก็)?(?:ถูก)?(?:โอน|ยุบ)(?:มา|ไป)?(?:รวม)?(?:ไว้)?(?:ที่|กับ|เข้ากับ|ไปยัง|เป็น)\s*")
_MERGED_IN = re.compile(r"(?:ก็)?(?:ถูก)?ยุบรวมเข้า(?:มา|ไป)")
_QUALIFIER_GAP = re.compile(r"[ \t]*")


def _paragraph_start(text: str, pos: int, floor: int) -> int:
    return max(floor, text.rfind("\n", 0, pos) + 1)


def stated_successions(text: str, start: int, end: int, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """(old, new) pairs the text states in ``text[start:end]``."""
    bodies = [m for m in mentions if start <= m.start < end and m.is_org]
    out: list[tuple[Mention, Mention]] = []
    receivers: list[Mention] = []

    def after(pos: int) -> Mention | None:
        return next((m for m in bodies if pos <= m.start <= pos + 2), None)

    for m in _RENAMED.finditer(text, start, end):
        new = after(m.end())
        old = next((x for x in reversed(bodies) if m.start() - 3 <= x.end <= m.start()), None)
        if new is not None and old is not None and old.id != new.id:
            out.append((old, new))
    for m in _TRANSFERRED.finditer(text, start, end):
        new = after(m.end())
        if new is None:
            continue
        receivers.append(new)
        para = _paragraph_start(text, m.start(), start)
        before = [x for x in bodies if para <= x.start and x.end <= m.start() and x.id != new.id]
        for k, x in enumerate(before):
            qualifies = k > 0 and x.type == "Ministry" and _QUALIFIER_GAP.fullmatch(text[before[k - 1].end:x.start])
            if not qualifies:  # 'กองป้องกันภัยฝ่ายพลเรือน กระทรวงมหาดไทย': the ministry says whose unit
                out.append((x, new))
    for m in _MERGED_IN.finditer(text, start, end):
        old = next((x for x in reversed(bodies) if x.end <= m.start() and m.start() - x.end <= 6), None)
        new = next((r for r in reversed(receivers) if r.start < m.start()), None)
        if old is not None and new is not None and old.id != new.id:
            out.append((old, new))
    seen: set[tuple[str, str]] = set()
    return [(a, b) for a, b in out if (a.id, b.id) not in seen and not seen.add((a.id, b.id))]
