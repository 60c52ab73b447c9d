"""Relations stated in prose between the bodies an item names: cooperation ('A ร่วมมือกับ B'),
affiliation ('X สังกัด Y'), support ('X สนับสนุน Y'), succession (renames, transfers).
Used by every genre for the sentences outside its own layout.
"""
from __future__ import annotations

import re
from typing import Any

from phakhi.graph.model import canonical_text
from phakhi.loaders.builder import _BODY_TYPES
from phakhi.loaders.mentions import Mention, MentionIndex
from phakhi.loaders.succession_in_text import stated_successions

# -- support stated in prose ----------------------------------------------------------------

_SUPPORT = re.compile(r"(?:(?:ให้การ)?(?:ส่งเสริม|สนับสนุน)(?:\s*(?:และ|,)?\s*(?:ส่งเสริม|สนับสนุน))?"
                      r"(?:ให้|การดำเนินงานของ|การดำเนินการของ|การทำงานของ)?|ร่วมดำเนินกิจกรรมของ"
                      r"|(?:เสริมสร้าง|ยกระดับ)?พัฒนา(?:ศักยภาพ|ขีดความสามารถ|ความรู้|ทักษะ)?(?:ของ|ให้แก่|แก่|ให้)?)\s*"
                      # 'ส่งเสริมให้ผู้แทน X': the people of a network stand for the network
                      r"(?:(?:ผู้แทน|สมาชิก|แกนนำ|บุคลากร|เจ้าหน้าที่|ตัวแทน)(?:ของ|ใน|จาก)?\s*"
                      # 'สนับสนุนการฝึกอบรม X': training a network's people supports the network
                      r"|การ(?:ฝึกอบรม|อบรม|พัฒนาศักยภาพ|พัฒนา)(?:ให้แก่|แก่|ของ)?\s*)?")
# 'สนับสนุนองค์ความรู้ … แก่บุคลากรของ X': what is given comes first, the one supported after แก่
_SUPPORT_TO = re.compile(r"(?:ส่งเสริม|สนับสนุน|อุดหนุน)[^\n]{0,160}?(?:ให้แก่|แก่|ให้กับ|ผ่าน(?:ทาง)?)\s*"
                         r"(?:(?:ผู้แทน|สมาชิก|แกนนำ|บุคลากร|เจ้าหน้าที่|ตัวแทน)(?:ของ|ใน|จาก)?\s*)?")
# what may stand between the items of a list: 'A B', 'A, B', 'A และ B', 'A (อ.) และ B'
_LIST_GAP = re.compile(r"[ \t,]*(?:\([^()\n]{1,20}\))?[ \t,]*(?:และ|หรือ|รวมทั้ง|ตลอดจน|กับ)?[ \t]*")

def listed_after(text: str, first: Mention, inner: list[Mention], types: tuple[str, ...]) -> list[Mention]:
    """The mentions that continue a list begun by ``first``: 'A และ B', 'A (อ.) B และ C'.

    Only separators may stand between two items; anything else ends the list.
    """
    out: list[Mention] = []
    last = first
    for x in sorted((x for x in inner if x.start >= first.end), key=lambda x: x.start):
        if x.start < last.end:
            continue  # nested inside the previous item
        gap = _LIST_GAP.match(text, last.end)
        if gap is None or gap.end() < x.start:
            break
        if x.type not in types:
            break
        out.append(x)
        last = x
    return out


_SOME_BODIES = re.compile(r"(?:หลาย|ต่าง\s?ๆ\s?)?(?:หน่วยงาน|ส่วนราชการ|ภาคส่วน)(?:\s?ต่าง\s?ๆ)?[ \t]*(?:อาทิ|ได้แก่|เช่น|ประกอบด้วย)[ \t]*")
_ESTABLISH = re.compile(r"(?:จัด|ก่อ)ตั้ง(?:ขึ้น)?\s*")
_PASSIVE_SUPPORT = re.compile(r"ได้รับ(?:การ)?(?:สนับสนุน|ส่งเสริม)[^\n]{0,40}?จาก\s*")
_EVENT_HERE = re.compile(r"(?:การ(?:ฝึก)?อบรม|การประชุม|การสัมมนา|โครงการ|กิจกรรม|การแข่งขัน|งาน)[^\s]{0,12}?(?:ครั้งนี้|ดังกล่าว)")
_SUBJECT_GAP = re.compile(r"[ \t]*(?:จะ|ได้|ยัง|ก็|พร้อม)?[ \t]*(?:ให้การ|ร่วม)?[ \t]*$")
# the bodies that act in prose (support, sign, take part): every organisation type but networks
BODY_TYPES = ("Ministry", "Department", "Office", "IndependentAgency", "ProvincialOffice", "LocalGovernment",
              "Organization")
# 'กรมฯ จะสนับสนุน…': the short form stands for the body of that kind the text named last
_SHORT_REF = re.compile(r"(กรม|กระทรวง|สำนักงาน|จังหวัด)ฯ[ \t]*(?:จะ|ได้|ยัง|ก็)?[ \t]*(?:ให้การ|ร่วม)?[ \t]*$")


def supports_in_text(fb: Any, text: str, start: int, end: int, mentions: list[Mention],
                     aid: str | None = None) -> None:
    """SUPPORTS stated in prose: 'X สนับสนุน Y', 'X พัฒนาศักยภาพ Y และ Z', 'กรมฯ จะสนับสนุนการฝึกอบรม Y'.

    The supporter is the body named right before the verb (or a 'กรมฯ' short form for the
    last such body); the supported are the networks, centres and programmes right after it.
    """
    targets = ("VolunteerNetwork", "Center", "Program", "Curriculum", "LocalGovernment", "Committee")
    inner = [x for x in mentions if start <= x.start < end]
    found = MentionIndex(inner)
    for m in _SUPPORT.finditer(text, start, end):
        if found.inside(m.start()):
            continue  # 'กรมส่งเสริม…', 'ศูนย์ส่งเสริมพัฒนา…': the verb is part of a name
        nxt = next((x for x in found.starting_in(m.end(), m.end() + 3) if x.type in targets), None)
        if nxt is None:
            continue
        if m.group(0).startswith(("พัฒนา", "เสริมสร้าง", "ยกระดับ")) and nxt.type not in ("VolunteerNetwork", "Committee"):
            continue
        line_start = max(start, text.rfind("\n", 0, m.start()) + 1)
        subj = next((x for x in reversed(found.within(line_start, m.start()))
                     if x.type in BODY_TYPES and _SUBJECT_GAP.fullmatch(text, x.end, m.start())), None)
        if subj is None:
            short = _SHORT_REF.search(text, max(line_start, m.start() - 30), m.start())
            if short:
                subj = next((x for x in reversed(mentions) if x.end <= short.start() and x.type in BODY_TYPES
                             and x.name.startswith(short.group(1))), None)
        if subj is None or subj.id == nxt.id:
            continue
        for x in [nxt] + listed_after(text, nxt, inner, targets):
            fb.edge(fb.mention(subj), "SUPPORTS", fb.mention(x), (subj.start, x.end), agreement=aid)
    # 'กรม X ได้จัดตั้งศูนย์ Y ขึ้น': the body that sets a centre or network up supports it
    for m in _ESTABLISH.finditer(text, start, end):
        if found.inside(m.start()):
            continue
        made = next((x for x in found.starting_in(m.end(), m.end() + 2)
                     if x.type in ("Center", "VolunteerNetwork")), None)
        line_start = max(start, text.rfind("\n", 0, m.start()) + 1)
        subj = next((x for x in reversed(found.within(line_start, m.start()))
                     if x.type in BODY_TYPES and _SUBJECT_GAP.fullmatch(text, x.end, m.start())), None)
        if made is not None and subj is not None and subj.id != made.id:
            fb.edge(fb.mention(subj), "SUPPORTS", fb.mention(made), (subj.start, made.end), kind="establishes",
                    agreement=aid)
    # 'อสม. ได้รับการสนับสนุนวิทยากรจาก X': the passive names the supporter after จาก
    events = [n for n in fb.nodes.values() if n.type == "Event" and n.provenance
              and start <= n.provenance[0].start < end]
    for m in _PASSIVE_SUPPORT.finditer(text, start, end):
        at = m.end()
        some = _SOME_BODIES.match(text, at)  # 'จากหลายหน่วยงาน อาทิ A B และ C'
        if some:
            at = some.end()
        giver = next((x for x in found.starting_in(at, at + 3) if x.type in BODY_TYPES + ("Center",)), None)
        got = next((x for x in reversed(found.ending_by(m.start())) if x.type in targets
                    and re.fullmatch(r"[ \t]*(?:\([^()\n]{1,20}\))?[ \t]*(?:ซึ่ง|ที่|จะ|ยัง|ก็)?[ \t]*",
                                     text[x.end:m.start()])), None)
        if giver is None:
            continue
        givers = [giver] + listed_after(text, giver, inner, BODY_TYPES + ("Center",))
        if got is not None:
            # the organiser of the item's one event gets support for that event
            hosted = [e for e in events if any(x.type == "ORGANIZES" and x.source == got.id and x.target == e.id
                                               for x in fb.edges.values())] if len(events) == 1 else []
            target = hosted[0].id if hosted else fb.mention(got)
            for g in givers:
                fb.edge(fb.mention(g), "SUPPORTS", target, (got.start, g.end), agreement=aid)
            continue
        # 'การอบรมครั้งนี้ … โดยได้รับการสนับสนุน…จาก X': the event the item reports is what X supports
        line_start = max(start, text.rfind("\n", 0, m.start()) + 1)
        if re.search(r"โดย\s*$", text[max(line_start, m.start() - 6):m.start()]) and _EVENT_HERE.search(
                text, line_start, m.start()):
            if len(events) == 1:
                for g in givers:
                    fb.edge(fb.mention(g), "SUPPORTS", events[0].id, (m.start(), g.end), agreement=aid)


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


# 'ให้สำนักงานสาธารณสุขอำเภอเป็นเลขานุการของคณะกรรมการ', 'กรม X ทำหน้าที่กรรมการและเลขานุการของคณะกรรมการ Y'
_SECRETARY = re.compile(r"[ \t]*(?:\([^()\n]{1,20}\))?[ \t]*(?:เป็น|ทำหน้าที่|ร่วมเป็น)[ \t]*((?:กรรมการ(?:และ|ร่วม)?)?(?:ผู้ช่วย)?เลขานุการ)"
                        r"(?:ร่วม)?[ \t]*(?:ของ|ใน)?[ \t]*")


def secretaries(fb: Any, text: str, start: int, end: int, found: MentionIndex) -> None:
    """A body that serves as a committee's secretary joins the committee: the committee named
    after the words, else the one the paragraph named last before them."""
    for x in found.within(start, end):
        if x.type not in BODY_TYPES + ("Center",):
            continue
        m = _SECRETARY.match(text, x.end)
        if m is None or m.end() > end:
            continue
        com = next((c for c in found.starting_in(m.end(), m.end() + 2) if c.type == "Committee"), None)
        if com is None:
            para = max(start, text.rfind("\n", 0, x.start) + 1)
            com = next((c for c in reversed(found.within(para, x.start)) if c.type == "Committee"), None)
        if com is not None:
            fb.edge(fb.mention(x), "JOINS_AS_COMMITTEE", fb.mention(com), (x.start, m.end()),
                    role=canonical_text(m.group(1)))


def relations_in_text(fb: Any, text: str, start: int, end: int, mentions: list[Mention],
                      subject: Mention | None = None) -> None:
    """COOPERATES_WITH and PART_OF stated in prose (news items, MOU preambles)."""

    supports_in_text(fb, text, start, end, mentions)  # 'X สนับสนุน Y' in prose
    for old, new in stated_successions(text, start, end, mentions):
        fb.edge(fb.mention(old), "SUCCEEDED_BY", fb.mention(new), (old.start, new.end), basis="stated")
    found = MentionIndex(mentions)
    secretaries(fb, text, start, end, found)
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
