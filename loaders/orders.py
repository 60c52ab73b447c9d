"""Appointment orders (คำสั่ง … เรื่อง แต่งตั้งคณะกรรมการ…): the committee, its members and their roles.

An order names the committee in its subject line and lists the members one a line, each with
the role after a dash: '๒. นางพัชรี … รองผู้อำนวยการโรงพยาบาลสามพราน (ผู้แทนสถานพยาบาล) – กรรมการ'.
A member is a person (who holds their post), a post ('นายอำเภอสามพราน'), or a body that sends a
representative ('ผู้แทนสมาคมผู้สูงอายุอำเภอสามพราน'); the body or post joins the committee.

>>> looks_like_order("คำสั่งจังหวัดนครปฐม\\nที่ ๑/๒๕๖๓\\nเรื่อง แต่งตั้งคณะกรรมการพัฒนา\\n", 0, 60)
True
"""
from __future__ import annotations

import re
from typing import Any

from phakhi.graph.model import canonical_text, node_id
from phakhi.loaders.mentions import Mention, head_type

_ORDER_HEAD = re.compile(r"^[ \t]*คำสั่ง\S*", re.M)
_APPOINTS = re.compile(r"^[ \t]*เรื่อง[ \t]+แต่งตั้ง[ \t]*((?:คณะ(?:อนุ)?กรรมการ|คณะทำงาน)[^\n]*)$", re.M)
_MEMBER_LINE = re.compile(r"^[ \t]*[0-9๐-๙]{1,3}[.)][ \t]*(?P<who>[^\n]*?)[ \t]*[–—-][ \t]*(?P<role>[^\n–—-]{2,40})$", re.M)
_REPRESENTING = re.compile(r"^(?:ผู้แทน|ผู้สื่อข่าว|หัวหน้า)\s*")
_NOTE = re.compile(r"\s*\([^()\n]*\)\s*$")
_SIGNER = re.compile(r"^[ \t]*\(([^()\n]{4,60})\)[ \t]*\n[ \t]*([^\n]+)$", re.M)


def looks_like_order(text: str, start: int, end: int) -> bool:
    head = _ORDER_HEAD.search(text, start, min(end, start + 400))
    return head is not None and _APPOINTS.search(text, head.end(), min(end, head.end() + 400)) is not None


def extract_order(fb: Any, text: str, start: int, end: int, mentions: list[Mention]) -> str | None:
    """The committee an order appoints and its members; the committee's node id."""
    from phakhi.loaders.builder import add_people, add_person
    from phakhi.loaders.people import PersonMention, parse_bare_name, parse_positions

    subject = _APPOINTS.search(text, start, end)
    if subject is None:
        return None
    name = canonical_text(fb.clean[subject.start(1):subject.end(1)])
    cid = node_id("Committee", name)
    fb.node(cid, "Committee", name, subject.span(1))
    people = add_people(fb, text, subject.end(), end, mentions, None)
    for line in _MEMBER_LINE.finditer(text, subject.end(), end):
        role = canonical_text(line.group("role"))
        if "กรรมการ" not in role and "เลขานุการ" not in role and "ประธาน" not in role:
            continue
        a, b = line.span("who")
        person = next((p for p in people if a <= p.start < b), None)
        if person is not None:
            bodies = [c.org for c in person.positions if c.org is not None]
            for org in bodies:  # the member represents their body: the body joins
                fb.edge(fb.mention(org), "JOINS_AS_COMMITTEE", cid, (a, b), role=role)
            posts = [c.position_id for c in person.positions if c.org is None and c.position_id]
            for post in posts:
                fb.edge(post, "JOINS_AS_COMMITTEE", cid, (a, b), role=role)
            if not bodies and not posts:
                fb.edge(person.id, "HOLDS_POSITION", cid, (a, b), qualifier=role, position=role)
            continue
        member = _member(fb, text, a, b, mentions)
        if member is not None:
            fb.edge(member, "JOINS_AS_COMMITTEE", cid, (a, b), role=role)
    sig = None
    for sig in _SIGNER.finditer(text, subject.end(), end):
        pass
    if sig is not None:
        parsed = parse_bare_name(sig.group(1), fb.gazetteer)
        if parsed:
            p = PersonMention(sig.start(1), sig.end(1), sig.group(1), parsed[0], parsed[1])
            ps, pe = sig.span(2)
            p.positions = parse_positions(text, ps, pe, [m for m in mentions if ps <= m.start < pe], fb.gazetteer)
            add_person(fb, p, None)
    return cid


def _member(fb: Any, text: str, a: int, b: int, mentions: list[Mention]) -> str | None:
    """The body or post a member line names (no person on it)."""
    who = _NOTE.sub("", text[a:b])
    rep = _REPRESENTING.match(who)
    body_start = a + (rep.end() if rep else 0)
    org = next((m for m in mentions if body_start <= m.start <= body_start + 1 and m.end <= b and m.is_org), None)
    if org is not None:
        return fb.mention(org)
    words = canonical_text(who[rep.end():] if rep else who)
    if not words:
        return None
    kind = head_type(words)
    if kind is not None and rep is not None:  # 'ผู้แทนสมาคมผู้สูงอายุอำเภอ…': the body sends someone
        if kind == "Office" and words.startswith("กลุ่ม"):
            kind = "VolunteerNetwork"  # a group of people (กลุ่มสตรี), not an office's section
        nid = node_id(kind, words)
        fb.node(nid, kind, words, (body_start, a + len(who)))
        return nid
    if rep is None and fb.gazetteer is not None and _is_post(words, fb.gazetteer):
        nid = node_id("Position", words)  # 'นายอำเภอสามพราน': the post, whoever holds it
        fb.node(nid, "Position", words, (a, a + len(who)))
        return nid
    return None


def _is_post(words: str, gaz: Any) -> bool:
    return any(words.startswith(s) for p in getattr(gaz, "positions", []) or [] for s in p.surfaces())
