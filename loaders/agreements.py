"""Agreements (MOUs): the text of an MOU, or an MOU reported in a news item.

From an MOU text: title, parties ('จัดทำขึ้นระหว่าง X กับ Y …'), per-party numbered clauses
(OBLIGATED_TO, SUPPORTS, JOINS_AS_COMMITTEE), general terms (duration, notice, amendment)
and the signature blocks (SIGNS, WITNESSES, HOLDS_POSITION).

>>> looks_like_mou("บันทึกข้อตกลงฉบับนี้จัดทำขึ้นระหว่างกรมการปกครองกับกรมที่ดิน", 0, 60)
True
"""
from __future__ import annotations

import re
from typing import Any

from phakhi.graph.model import canonical_text, node_id
from phakhi.loaders.mentions import Mention, lookup_name

_MOU_OPENING = re.compile(r"(?:บันทึกข้อตกลง|บันทึกความเข้าใจ|บันทึกความร่วมมือ)[^\n]{0,40}?(?:ฉบับนี้)?\s*(?:จัดทำขึ้น|ทำขึ้น)\s*(?:ณ[^\n]{0,80}?)?ระหว่าง")
_TITLE_LINE = re.compile(r"^[ \t]*((?:บันทึกข้อตกลง|บันทึกความเข้าใจ|บันทึกความร่วมมือ)[^\n]*)$", re.M)
_SECTION_NO = r"(?:ข้อ\s*\d{1,2}\.?\s*|\d{1,2}\.\s*)?"
_SECTION = re.compile(
    r"^[ \t]*" + _SECTION_NO + r"(?:ความร่วมมือของ|บทบาทหน้าที่ของ|หน้าที่และความรับผิดชอบของ|หน้าที่ของ|ภารกิจของ"
    r"|ขอบเขตความร่วมมือของ|ความรับผิดชอบของ)\s*([^\n]{3,120}?)(?:\s*(?:ดังนี้|ดังต่อไปนี้))?[ \t:]*$"
    r"|^[ \t]*" + _SECTION_NO + r"([^\n]{3,120}?)\s*(?:มีหน้าที่|ตกลงที่จะ|ตกลงจะ|จะดำเนินการ)(?:ดำเนินการ)?"
    r"\s*(?:ดังนี้|ดังต่อไปนี้)?[ \t:]*$", re.M)
# '๑. …', '(๑) …', '๑) …'
_CLAUSE = re.compile(r"^[ \t]*(?:\((\d{1,2})\)|(\d{1,2})\s?[.)])\s*(?!\d)", re.M)
_TERMS = re.compile(r"ระยะเวลา|การเปลี่ยนแปลง|การแก้ไข|การบอกเลิก|การยกเลิก|ผลบังคับ")
_SIGN_END = re.compile(r"(?:จึงได้ลงนาม|ได้ลงนาม(?:ไว้)?(?:เป็นสำคัญ)?ร่วมกัน|ลงนามไว้เป็นหลักฐาน|ต่อหน้าพยาน)[^\n]*")
_SIG_NAME = re.compile(r"^[ \t]*(?:ลงชื่อ)?[ \t]*\(([^()\n]{4,60})\)[ \t]*$", re.M)
_SUPPORT = re.compile(r"(?:(?:ให้การ)?(?:ส่งเสริม|สนับสนุน)(?:\s*(?:และ|,)?\s*(?:ส่งเสริม|สนับสนุน))?"
                      r"(?:ให้|การดำเนินงานของ|การดำเนินการของ|การทำงานของ)?|ร่วมดำเนินกิจกรรมของ)\s*")
_DRIVE = re.compile(r"ขับเคลื่อน\s*")
_PARTNER = re.compile(r"(?:ความร่วมมือ|ร่วมมือ)กับ\s*")
_BUDGET = re.compile(r"(?:สนับสนุน)?(?:และ)?จัดสรรงบประมาณให้\s*")
_JOIN = re.compile(r"เข้าร่วมเป็น(กรรมการ\S*?)(?:ของ|\s|$)\s*")


def looks_like_mou(text: str, start: int, end: int) -> bool:
    return bool(_MOU_OPENING.search(text, start, min(end, start + 2500)))


def _title(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    m = _TITLE_LINE.search(text, start, end)
    if not m:
        return "บันทึกข้อตกลง", (start, start)
    lines = [m.group(1).strip()]
    pos = m.end() + 1
    # continuation lines until a blank line or the opening sentence
    while pos < end:
        nl = text.find("\n", pos)
        nl = end if nl < 0 else nl
        line = text[pos:nl].strip()
        if not line or _MOU_OPENING.match(line) or line.startswith(("บันทึกข้อตกลงฉบับนี้", "ระหว่าง")):
            break
        lines.append(line)
        pos = nl + 1
        if len(lines) > 4:
            break
    return canonical_text("".join(lines)), (m.start(1), pos)


def _parties(text: str, start: int, end: int, mentions: list[Mention]) -> list[Mention]:
    m = _MOU_OPENING.search(text, start, end)
    if not m:
        return []
    stop = re.compile(r"ด้วย(?:มี|เห็น|ความ)|โดยมีวัตถุประสงค์|เพื่อ|\n").search(text, m.end(), end)
    stop_at = stop.start() if stop else min(end, m.end() + 400)
    out: list[Mention] = []
    for x in mentions:
        if m.end() <= x.start < stop_at and x.is_org and x.id not in {o.id for o in out}:
            out.append(x)
    return out


def extract_mou(fb: Any, text: str, start: int, end: int, mentions: list[Mention]) -> str | None:
    """Facts of one MOU text in ``text[start:end]``; the Agreement node id."""
    title, tspan = _title(text, start, end)
    ordinal = sum(1 for n in fb.nodes.values() if n.type == "Agreement") + 1
    aid = node_id("Agreement", title, fb.doc_id, ordinal)
    parties = _parties(text, start, end, mentions)
    props: dict[str, Any] = {"title": title, "document": fb.doc_id, "ordinal": ordinal}
    sig = _SIGN_END.search(text, start, end)
    body_end = sig.start() if sig else end
    props.update(_terms(fb, text, start, body_end))
    props.update(_signing_date(fb, text, start, end))
    if props.get("date") and props.get("duration_years"):
        props["end_date"] = add_years(props["date"], props["duration_years"])
    fb.node(aid, "Agreement", title, tspan, **props)
    party_ids = []
    for p in parties:
        pid = fb.mention(p)
        party_ids.append(pid)
        fb.edge(pid, "PARTY_TO", aid, (p.start, p.end))
    _preamble_mentions(fb, text, start, body_end, mentions, aid, parties)
    from phakhi.loaders.extract import relations_in_text

    first_sec = _SECTION.search(text, start, body_end)
    pre_end = first_sec.start() if first_sec else body_end
    owner = parties[0] if parties else None
    relations_in_text(fb, text, start, pre_end, mentions, subject=owner)
    _clauses(fb, text, start, body_end, mentions, aid, parties)
    _signatures(fb, text, sig.end() if sig else body_end, end, mentions, aid, parties)
    return aid


_LAWS = re.compile(r"(รัฐธรรมนูญแห่งราชอาณาจักรไทย(?:\s*พุทธศักราช\s*\d{4})?|แผนยุทธศาสตร์ชาติ|"
                   r"แผนปฏิรูปประเทศด้าน[^\s]+?(?=\s|$)|พระราชบัญญัติ[^\s]+?(?=\s|$)|ยุทธศาสตร์ชาติ)")


def _preamble_mentions(fb: Any, text: str, start: int, end: int, mentions: list[Mention], aid: str,
                       parties: list[Mention]) -> None:
    sec = _SECTION.search(text, start, end)
    pre_end = sec.start() if sec else end
    seen = set()
    for m in _LAWS.finditer(text, start, pre_end):
        name = canonical_text(fb.clean[m.start():m.end()])
        if name in seen:
            continue
        seen.add(name)
        did = node_id("Document", name)
        kind = "law" if "รัฐธรรมนูญ" in name or "พระราชบัญญัติ" in name else "plan"
        fb.node(did, "Document", name, m.span(), kind=kind)
        fb.edge(aid, "MENTIONS", did, m.span())
    party_ids = {p.id for p in parties}
    for x in mentions:
        if re.search(r"(?:ทำ|จัดทำ)ขึ้น\s*ณ\s*$", text[max(start, x.start - 20):x.start]):
            fb.nodes[aid].properties.setdefault("place", x.name)  # where it was made, not a body it names
            continue
        if start <= x.start < pre_end and x.is_org and x.id not in party_ids and x.type not in (
                "Center", "VolunteerNetwork", "LocalGovernment"):
            fb.edge(aid, "MENTIONS", fb.mention(x), (x.start, x.end))


_SIGNED_ON = re.compile(r"(?:ทำ|ลงนาม|จัดทำ)[^\n]{0,60}?(?:เมื่อ|ณ)\s*วันที่\s*")


def _signing_date(fb: Any, text: str, start: int, end: int) -> dict[str, Any]:
    """'… ลงนาม ณ วันที่ 5 มกราคม 2566': the date the MOU text itself states (never guessed)."""
    from phakhi.loaders.dates import find_dates

    m = _SIGNED_ON.search(text, start, end)
    if not m:
        return {}
    for d in find_dates(text[m.end():m.end() + 40]):
        if d.span[0] <= 2 and getattr(d, "precision", "day") == "day":
            ws, we = m.end() + d.span[0], m.end() + d.span[1]
            return {"date": d.start.isoformat(), "date_as_written": canonical_text(fb.clean[ws:we])}
    return {}


def add_years(iso: str, years: float) -> str:
    """'2022-02-01' + 3 years -> '2025-02-01' (months for fractions; day clipped to the month)."""
    import calendar
    import datetime

    d = datetime.date.fromisoformat(iso)
    months = d.month - 1 + round(years * 12)
    y, mo = d.year + months // 12, months % 12 + 1
    return datetime.date(y, mo, min(d.day, calendar.monthrange(y, mo)[1])).isoformat()


def _terms(fb: Any, text: str, start: int, end: int) -> dict[str, Any]:
    from phakhi.loaders.dates import parse_duration

    out: dict[str, Any] = {}
    m = re.search(r"ระยะเวลา[^\n]{0,80}?(\(?\s*\d+\s*(?:ปี|เดือน)\s*\)?)", text[start:end])
    if m:
        d = parse_duration(m.group(1))
        if d:
            out["duration_years"] = d[0]
            out["duration_text"] = canonical_text(fb.clean[start + m.start(1):start + m.end(1)])
    n = re.search(r"(?:บอกเลิก|ยกเลิก)[^\n]{0,200}?(?:ล่วงหน้า)[^\n]{0,30}?(\d+)\s*(?:\([^)]*\))?\s*วัน", text[start:end])
    if n:
        out["termination_notice_days"] = int(n.group(1))
    for line in text[start:end].split("\n"):
        if "ความเห็นชอบ" in line and ("แก้ไข" in line or "เปลี่ยนแปลง" in line):
            out["amendment"] = canonical_text(line)[:300]
            break
    return out


def _sections(text: str, start: int, end: int, mentions: list[Mention]) -> list[tuple[Mention, int, int]]:
    heads = []
    for m in _SECTION.finditer(text, start, end):
        g = 1 if m.group(1) else 2
        hs, he = m.start(g), m.end(g)
        org = next((x for x in mentions if hs <= x.start < he and x.is_org), None)
        if org is None:
            org = lookup_name(m.group(g))
            if org is not None:
                org.start, org.end = hs, he
        if org is not None:
            heads.append((org, m.start(), m.end()))
    out = []
    for i, (org, hs, he) in enumerate(heads):
        nxt = heads[i + 1][1] if i + 1 < len(heads) else end
        out.append((org, he, nxt))
    return out


def _clauses(fb: Any, text: str, start: int, end: int, mentions: list[Mention], aid: str,
             parties: list[Mention]) -> None:
    for party, s, e in _sections(text, start, end, mentions):
        pid = fb.mention(party)
        fb.edge(pid, "PARTY_TO", aid, (party.start, party.end))
        nums = list(_CLAUSE.finditer(text, s, e))
        for i, cm in enumerate(nums):
            cs, ce = cm.end(), nums[i + 1].start() if i + 1 < len(nums) else e
            head = text[cs:min(ce, cs + 40)]
            if _TERMS.match(head.strip()):
                break  # general terms follow: agreement properties, not obligations
            clause = int(cm.group(1) or cm.group(2))
            inner = [x for x in mentions if cs <= x.start < ce]
            concerns = []
            for x in inner:
                if x.type in ("VolunteerNetwork", "Center", "Program", "Curriculum", "Committee") and x.id not in concerns:
                    concerns.append(x.id)
            positions = _clause_positions(fb, text, cs, ce, inner)
            concerns += [p for p in positions if p not in concerns]
            for x in inner:
                if x.id in concerns:
                    fb.mention(x)
            short = canonical_text(fb.clean[cs:ce])[:200]
            fb.edge(pid, "OBLIGATED_TO", aid, (cm.start(), ce), qualifier=f"{party.id}|{clause}",
                    clause=clause, text=short, concerns=concerns)
            clause_relations(fb, text, cs, ce, inner, pid, aid, clause, party.id)


def _clause_positions(fb: Any, text: str, s: int, e: int, inner: list[Mention]) -> list[str]:
    from phakhi.loaders.people import _FALLBACK_POSITIONS

    out = []
    titles = [t for t, standalone in _FALLBACK_POSITIONS.items() if standalone]
    gaz = fb.gazetteer
    if gaz is not None:
        titles += [p.title_th for p in getattr(gaz, "positions", []) if p.standalone]
    alt = re.compile("|".join(re.escape(t) for t in sorted(set(titles), key=len, reverse=True)))
    for m in alt.finditer(text, s, e):
        if any(x.start <= m.start() < x.end for x in inner):
            continue  # inside an organisation's name (…คณะกรรมการการเลือกตั้ง)
        pid = node_id("Position", m.group(0))
        fb.node(pid, "Position", m.group(0), m.span())
        if pid not in out:
            out.append(pid)
    return out


def clause_relations(fb: Any, text: str, s: int, e: int, inner: list[Mention], pid: str, aid: str | None,
                     clause: int | None, party_id: str | None) -> None:
    """SUPPORTS and JOINS_AS_COMMITTEE stated in one clause (or one policy sentence)."""
    targets = ("VolunteerNetwork", "Center", "Program", "Curriculum", "LocalGovernment", "Committee")
    for m in _SUPPORT.finditer(text, s, e):
        nxt = next((x for x in inner if m.end() <= x.start <= m.end() + 2 and x.type in targets), None)
        if nxt is None:
            continue
        # 'ส่งเสริมความร่วมมือกับ X ในการสนับสนุน C': the party supports X, X supports C
        pm = None
        for pm in _PARTNER.finditer(text, s, m.start()):
            pass
        partner = next((x for x in inner if pm and pm.end() <= x.start <= pm.end() + 2 and x.is_org), None)
        if partner is not None:
            fb.edge(pid, "SUPPORTS", fb.mention(partner), (pm.start(), partner.end), qualifier=f"{aid}|{clause}",
                    agreement=aid, clause=clause)
            fb.edge(fb.mention(partner), "SUPPORTS", fb.mention(nxt), (partner.start, nxt.end),
                    qualifier=f"{aid}|{clause}", agreement=aid, clause=clause)
            continue
        fb.edge(pid, "SUPPORTS", fb.mention(nxt), (m.start(), nxt.end), qualifier=f"{aid}|{clause}",
                agreement=aid, clause=clause)
        # 'ส่งเสริมให้ N / M / K เข้าร่วมเป็นกรรมการ …': every network in the list
        j = _JOIN.search(text, nxt.end, e)
        listed = [x for x in inner if m.end() <= x.start < (j.start() if j else nxt.end + 1)
                  and not re.search(r"\s(?:วางแผน|ดำเนินการ|เข้าร่วมประชุม)", text[m.end():x.start])
                  and x.type in ("VolunteerNetwork", "Committee", "LocalGovernment")]
        for x in listed:
            fb.edge(pid, "SUPPORTS", fb.mention(x), (m.start(), x.end), qualifier=f"{aid}|{clause}",
                    agreement=aid, clause=clause)
    for m in _DRIVE.finditer(text, s, e):
        nxt = next((x for x in inner if m.end() <= x.start <= m.end() + 2 and x.type in ("Program", "Curriculum")), None)
        if nxt is not None:  # 'ขับเคลื่อนโครงการ X': drives (supports) the programme
            fb.edge(pid, "SUPPORTS", fb.mention(nxt), (m.start(), nxt.end), qualifier=f"{aid}|{clause}",
                    agreement=aid, clause=clause)
    for m in _BUDGET.finditer(text, s, e):
        nxt = next((x for x in inner if m.end() <= x.start <= m.end() + 2 and x.is_org), None)
        giver = next((x for x in reversed(inner) if x.end <= m.start() and x.is_org), None)
        if nxt is not None and giver is not None:
            fb.edge(fb.mention(giver), "SUPPORTS", fb.mention(nxt), (giver.start, nxt.end),
                    qualifier=f"{aid}|{clause}", agreement=aid, clause=clause)
    for j in _JOIN.finditer(text, s, e):
        centre = next((x for x in inner if j.start(1) + 6 <= x.start <= j.end() + 3
                       and x.type in ("Center", "Committee")), None)
        if centre is None:
            continue
        back = max(s, text.rfind("\n", 0, j.start()) + 1)
        members = [x for x in inner if back <= x.start < j.start()
                   and x.type in ("VolunteerNetwork", "Committee", "LocalGovernment") and x.id != centre.id]
        if not members:
            continue
        # the members are the list right before 'เข้าร่วมเป็นกรรมการ' (after the last verb)
        cut = max((mm.end() for mm in re.finditer(r"ให้|โดยการให้|โดยให้", text[back:j.start()])), default=0) + back
        members = [x for x in members if x.start >= cut] or members[-1:]
        roles = ["กรรมการ"] + (["อาสาสมัคร"] if "อาสาสมัคร" in j.group(1) else [])
        for x in members:
            fb.edge(fb.mention(x), "JOINS_AS_COMMITTEE", fb.mention(centre), (x.start, centre.end),
                    qualifier=f"{aid}|{clause}", roles=roles, agreement=aid, clause=clause, party=party_id)


def _signatures(fb: Any, text: str, start: int, end: int, mentions: list[Mention], aid: str,
                parties: list[Mention]) -> None:
    """Signature blocks: '(name)' lines, a rank above, the post below, 'พยาน' after."""
    from phakhi.loaders.extract import add_person
    from phakhi.loaders.people import PersonMention, _is_honorific, parse_bare_name, parse_positions

    blocks = list(_SIG_NAME.finditer(text, start, end))
    party_ids = {p.id for p in parties}
    for i, b in enumerate(blocks):
        parsed = parse_bare_name(b.group(1), fb.gazetteer)
        if parsed is None:
            continue
        name, hon = parsed
        if not hon:
            # a rank on a line of its own above the bracketed name ('พันตำรวจเอก')
            above = [ln.strip() for ln in text[max(start, b.start() - 200):b.start()].split("\n") if ln.strip()]
            if above and (_is_honorific(above[-1]) or (len(above[-1]) < 25 and re.match(
                    r"^(?:พล|พัน|ร้อย|ว่าที่)", above[-1]))):
                hon = above[-1]
        nxt = blocks[i + 1].start() if i + 1 < len(blocks) else end
        # the post: the next non-empty line(s) after the name
        ps = b.end()
        while ps < nxt and text[ps] in " \t\n":
            ps += 1
        pe = text.find("\n", ps)
        pe = nxt if pe < 0 or pe > nxt else pe
        pms = [m for m in mentions if ps <= m.start < pe + 5]
        person = PersonMention(b.start(1), b.end(1), b.group(1), name, hon)
        person.positions = parse_positions(text, ps, pe, pms, fb.gazetteer)
        pid = add_person(fb, person, None)
        after = text[pe:nxt]
        before = text[blocks[i - 1].end() if i else start:b.start()]
        # 'พยาน' after the block (before the next 'ลงชื่อ'), or on the 'ลงชื่อ …… พยาน' line above it
        prev_lines = [ln for ln in before.split("\n") if ln.strip()]
        prev_line = prev_lines[-1] if prev_lines else ""
        witness = ("พยาน" in after.split("ลงชื่อ")[0]) or ("ลงชื่อ" in prev_line and "พยาน" in prev_line)
        org = next((c.org for c in person.positions if c.org is not None), None)
        as_pos = person.positions[0].full if person.positions else None
        behalf = None
        if org is not None:
            behalf = org.id if org.id in party_ids or not party_ids else _party_for(org, parties)
        if witness:
            fb.edge(pid, "WITNESSES", aid, (b.start(), pe), side=behalf, as_position=as_pos)
        else:
            fb.edge(pid, "SIGNS", aid, (b.start(), pe), on_behalf_of=behalf, as_position=as_pos)
            if behalf and behalf in fb.nodes:
                fb.edge(behalf, "PARTY_TO", aid, (b.start(), pe))


def _party_for(org: Mention, parties: list[Mention]) -> str:
    for p in parties:
        if p.name.endswith(org.name) or org.name.endswith(p.name):
            return p.id
    return org.id


# -- MOUs reported in news -------------------------------------------------------------------

_NEWS_TITLE = re.compile(r"(บันทึกข้อตกลง(?:ว่าด้วย|ความร่วมมือ)[^\n]*?)(?=\s+โดย|\s*ใน(?:วัน|ระหว่าง)|\s+ณ\s|\s+เมื่อ|\s+ระหว่าง|\s+เพื่อ|\s+ทั้งนี้|\s*$|\n)", re.M)
_NEWS_ROLE = re.compile(r"ร่วมเป็นเกียรติ|กล่าว|โดยมี|เป็นประธาน|เป็นสักขีพยาน|ร่วมเป็นสักขี|ลงนาม")
_SIGNING = re.compile(r"ลงนาม(?:ใน)?(?:บันทึก|ข้อตกลง|MOU)|พิธีลงนาม")


def extract_news_mou(fb: Any, text: str, start: int, end: int, mentions: list[Mention], people: list[Any],
                     date: str | None) -> str | None:
    """One Agreement for an MOU signing reported in a news item."""
    if not _SIGNING.search(text, start, end):
        return None
    titles = [m for m in _NEWS_TITLE.finditer(text, start, end) if m.group(1).startswith("บันทึกข้อตกลงว่าด้วย")]
    if not titles:
        titles = list(_NEWS_TITLE.finditer(text, start, end))
    if not titles:
        return None
    best = max(titles, key=lambda m: len(m.group(1)))
    title = canonical_text(best.group(1))
    ordinal = sum(1 for n in fb.nodes.values() if n.type == "Agreement") + 1
    aid = node_id("Agreement", title, fb.doc_id, ordinal)
    fb.node(aid, "Agreement", title, best.span(1), title=title, document=fb.doc_id, ordinal=ordinal)
    offices = {m.name: m for m in mentions if m.is_org}
    signers: list[tuple[Any, Mention]] = []
    for p in people:
        # a signer's name is followed, in the same sentence, by the signing verb before any
        # other role ('ร่วมเป็นเกียรติ', 'กล่าว', 'โดยมี …')
        nl = text.find("\n", p.end, end)
        marker = _NEWS_ROLE.search(text, p.end, nl if nl > 0 else end)
        if marker is None or not marker.group(0).endswith("ลงนาม"):
            continue
        org = next((c.org for c in p.positions if c.org is not None and not c.former), None)
        if org is None:
            continue
        # the office of a commission or post ('สำนักงาน' + its name) signs for it when the item names it
        office = offices.get("สำนักงาน" + org.name)
        signers.append((p, office or org))
    # 'X ลงนามบันทึกข้อตกลงความร่วมมือกับ Y'
    parties: list[Mention] = [o for _, o in signers]
    for m in re.finditer(r"ลงนาม(?:ใน)?บันทึกข้อตกลง\S*กับ", text[start:end]):
        ms, me = start + m.start(), start + m.end()
        y = next((x for x in mentions if me <= x.start <= me + 2 and x.is_org), None)
        x0 = next((x for x in reversed(mentions) if x.end <= ms and ms - x.end <= 3 and x.is_org), None)
        parties += [o for o in (x0, y) if o is not None]
    # the signing is only reported when at least two parties are known
    seen = set()
    for p in parties:
        if p.id in seen:
            continue
        seen.add(p.id)
        fb.edge(fb.mention(p), "PARTY_TO", aid, (p.start, p.end))
    for p, org in signers:
        pos = next((c.full for c in p.positions), None)
        fb.edge(p.id, "SIGNS", aid, (p.start, p.end), on_behalf_of=org.id, as_position=pos, date=date)
    props = fb.nodes[aid].properties
    if date and signers:
        props["date"] = date
    return aid
