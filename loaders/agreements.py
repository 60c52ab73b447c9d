"""Agreements (MOUs): the text of an MOU, or an MOU reported in a news item.

From an MOU text: title, parties ('จัดทำขึ้นระหว่าง A กับ B และ C …', or a title block
'ระหว่าง' / A / 'กับ' / B), numbered clauses per party or joint ('ความร่วมมือของ X', 'บทบาทของ X',
'X จะดำเนินการ ดังนี้', 'ทั้งสองฝ่ายตกลง… ดังนี้'; '๑.', '(๑)', '๑)', 'ข้อ ๑', '๑.๑') giving
OBLIGATED_TO, SUPPORTS and JOINS_AS_COMMITTEE; general terms (date and place, duration, end
date, notice, amendment) and the signature blocks (SIGNS, WITNESSES, HOLDS_POSITION), also
side by side in a table. From news: the reported signing, its parties, signers and witnesses.
SUPPORTS stated in prose ('X พัฒนาศักยภาพ Y', 'Y ได้รับการสนับสนุนจาก X') for any item.

>>> looks_like_mou("บันทึกข้อตกลงฉบับนี้จัดทำขึ้นระหว่างกรมการปกครองกับกรมที่ดิน", 0, 60)
True
"""
from __future__ import annotations

import re
from typing import Any

from phakhi.graph.model import canonical_text, node_id
from phakhi.loaders.mentions import Mention, lookup_name
from phakhi.loaders.relations import (BODY_TYPES, _LIST_GAP, _SUPPORT, _SUPPORT_TO, listed_after,
                                      relations_in_text, supports_in_text)

_MOU_OPENING = re.compile(r"(?:บันทึกข้อตกลง|บันทึกความเข้าใจ|บันทึกความร่วมมือ)[^\n]{0,40}?(?:ฉบับนี้)?\s*(?:จัดทำขึ้น|ทำขึ้น)\s*(?:(?:เมื่อ|ณ)[^\n]{0,200}?)?ระหว่าง")
# a title block that names the parties: 'บันทึกข้อตกลง…' / 'ระหว่าง' / 'A' / 'กับ' / 'B' / 'ว่าด้วย…'
_TITLE_BETWEEN = re.compile(r"^[ \t]*(?:บันทึกข้อตกลง|บันทึกความเข้าใจ|บันทึกความร่วมมือ)[^\n]*\n(?:[^\n]+\n){0,3}?"
                            r"[ \t]*(ระหว่าง)(?:[ \t]|$)", re.M)
_TITLE_TOPIC = re.compile(r"^[ \t]*(?:ว่าด้วย|เรื่อง|เพื่อ)")
_TITLE_LINE = re.compile(r"^[ \t]*((?:บันทึกข้อตกลง|บันทึกความเข้าใจ|บันทึกความร่วมมือ)[^\n]*)$", re.M)
_SECTION_NO = r"(?:ข้อ\s*\d{1,2}\.?\s*|\d{1,2}\.\s*)?"
_SECTION = re.compile(
    r"^[ \t]*" + _SECTION_NO + r"(?:ความร่วมมือของ|บทบาทหน้าที่ของ|บทบาทของ|หน้าที่และความรับผิดชอบของ|หน้าที่ของ|ภารกิจของ"
    r"|ภาระหน้าที่ของ|ขอบเขตความร่วมมือของ|ความรับผิดชอบของ|พันธกิจของ|การดำเนินงานของ|ข้อผูกพันของ)\s*([^\n]{3,120}?)"
    r"(?:\s*(?:จะดำเนินการ|มีหน้าที่|ตกลง)?\s*(?:ดังนี้|ดังต่อไปนี้))?[ \t:]*$"
    r"|^[ \t]*" + _SECTION_NO + r"([^\n]{3,120}?)\s*(?:มีหน้าที่|มีบทบาท(?:หน้าที่)?|ตกลงที่จะ|ตกลงจะ|จะดำเนินการ|รับผิดชอบ"
    r"|จะให้การสนับสนุน|จะสนับสนุน|ตกลงให้ความร่วมมือ|ให้ความร่วมมือ)(?:ดำเนินการ)?"
    r"\s*(?:ดังนี้|ดังต่อไปนี้)?[ \t:]*$", re.M)
# '๑. …', '(๑) …', '๑) …'
# '๑. …', '(๑) …', '๑) …', 'ข้อ ๑ …', and sub-numbered '๒.๑ …' (the clause is the last number)
# a section every party takes on: 'ทั้งสองฝ่ายตกลงร่วมกันดำเนินการ ดังนี้', 'ขอบเขตความร่วมมือ'
_JOINT_SECTION = re.compile(
    r"^[ \t]*" + _SECTION_NO + r"(?:(?:(?:ทั้ง(?:สอง|สาม|สี่|ห้า)|ทุก)(?:ฝ่าย|หน่วยงาน|ภาคี)|คู่ภาคี|ภาคีทุกฝ่าย)"
    r"[^\n]{0,40}?(?:ตกลง|จะ|ร่วมกัน)[^\n]{0,40}?(?:ดังนี้|ดังต่อไปนี้)"
    r"|(?:ขอบเขตความร่วมมือ|ความร่วมมือร่วมกัน|แนวทางความร่วมมือ)(?:\s*(?:ดังนี้|ดังต่อไปนี้))?)[ \t:]*$", re.M)
_CLAUSE = re.compile(r"^[ \t]*(?:\((\d{1,2})\)|(?:ข้อ\s*)?(\d{1,2})\s?[.)]|ข้อ\s*(\d{1,2})(?=\s)"
                     r"|\d{1,2}\.(\d{1,2})\.?(?=\s))\s*(?!\d)", re.M)
# a line after a clause that starts the general terms or the closing: the clause ends before it
_CLAUSE_STOP = re.compile(r"\n[ \t]*(?:บันทึก(?:ข้อตกลง|ความเข้าใจ|ความร่วมมือ)(?:ฉบับ)?นี้|ระยะเวลา|การแก้ไข|การเปลี่ยนแปลง"
                          r"|การบอกเลิก|การยกเลิก|ผลบังคับ|การมีผล|ภาคี(?:ทั้ง|ฝ่าย)|ทั้ง(?:สอง|สาม|สี่|ห้า)ฝ่าย|คู่ภาคี"
                          r"|ข้อตกลงนี้|หมวด|ความร่วมมือ(?:ร่วมกัน|ทั่วไป)|บททั่วไป|ข้อกำหนดทั่วไป)")
_TERMS = re.compile(r"ระยะเวลา|การเปลี่ยนแปลง|การแก้ไข|การบอกเลิก|การยกเลิก|ผลบังคับ")
_SIGN_END = re.compile(r"(?:จึงได้ลงนาม|ได้ลงนาม(?:ไว้)?(?:เป็นสำคัญ)?ร่วมกัน|ลงนามไว้เป็นหลักฐาน|ต่อหน้าพยาน"
                       r"|(?:จึง)?(?:ได้)?ลงลายมือชื่อ(?:ไว้)?(?:เป็นสำคัญ|เป็นหลักฐาน|ร่วมกัน|ต่อหน้าพยาน))[^\n]*")
_SIGN_LINE = re.compile(r"^[ \t]*ลงชื่อ", re.M)
_DRIVE = re.compile(r"ขับเคลื่อน\s*")
_PARTNER = re.compile(r"(?:ความร่วมมือ|ร่วมมือ)กับ\s*")
_BUDGET = re.compile(r"(?:สนับสนุน)?(?:และ)?จัดสรรงบประมาณให้\s*")
# 'เข้าร่วมเป็นกรรมการของ C', 'ร่วมเป็นกรรมการใน C', 'เป็นอนุกรรมการ C', 'ร่วมเป็นคณะทำงาน C'
_JOIN = re.compile(r"(?:เข้าร่วม|ร่วม)?เป็น((?:อนุ)?กรรมการ\S*?|คณะทำงาน\S*?)(?:ของ|\s|$)\s*")


def looks_like_mou(text: str, start: int, end: int) -> bool:
    stop = min(end, start + 2500)
    return bool(_MOU_OPENING.search(text, start, stop) or _TITLE_BETWEEN.match(text, start, stop)
                or _TITLE_BETWEEN.search(text, start, min(end, start + 300)))


_RULE_LINE = re.compile(r"^[-_=*~.·•]{3,}$")
_MOU_TAG = re.compile(r"\s*\((?:MOU|MoU|M\.O\.U\.)\)")


def _title(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """The title lines; a 'ระหว่าง A กับ B' block inside them is left out, a 'ว่าด้วย…' line after it kept.

    >>> _title("บันทึกข้อตกลงความร่วมมือ\\nระหว่าง\\nกรมก\\nกับ\\nกรมข\\nว่าด้วยการป้องกันโรค\\n\\nด้วย…", 0, 60)[0]
    'บันทึกข้อตกลงความร่วมมือว่าด้วยการป้องกันโรค'
    """
    m = _TITLE_LINE.search(text, start, end)
    if not m:
        return "บันทึกข้อตกลง", (start, start)
    title, span, _ = _title_forms(text, start, end, m)
    return title, span


def _title_forms(text: str, start: int, end: int, m: re.Match[str]) -> tuple[str, tuple[int, int], list[str]]:
    """The title, its span, and the forms it is also cited by: as written (with '(MOU)') and
    with its 'ระหว่าง A กับ B' block, as news and letters quote it."""
    lines = [m.group(1).strip()]
    whole = [lines[0]]
    pos = m.end() + 1
    in_parties = False
    # continuation lines until a blank line or the opening sentence
    while pos < end:
        nl = text.find("\n", pos)
        nl = end if nl < 0 else nl
        line = text[pos:nl].strip()
        if not line or _MOU_OPENING.match(line) or line.startswith("บันทึกข้อตกลงฉบับนี้") or _RULE_LINE.match(line):
            break
        whole.append(line)
        if line.startswith("ระหว่าง"):
            in_parties = True  # the parties' names are not part of the title
        elif in_parties and _TITLE_TOPIC.match(line):
            in_parties = False
            lines.append(line)
        elif not in_parties:
            lines.append(line)
        pos = nl + 1
        if len(lines) > 4 or len(whole) > 12:
            break
    title = _MOU_TAG.sub("", "".join(lines))  # '(MOU)' says what it is, not which one
    forms = [canonical_text(" ".join(lines)), canonical_text(" ".join(whole))]
    return canonical_text(title), (m.start(1), pos), [f for f in forms if f != canonical_text(title)]


def title_aliases(text: str, start: int, end: int) -> list[str]:
    """Other forms of the title of the MOU text in ``text[start:end]`` (see :func:`_title_forms`)."""
    m = _TITLE_LINE.search(text, start, end)
    return _title_forms(text, start, end, m)[2] if m else []


def _title_parties(text: str, start: int, end: int, mentions: list[Mention]) -> list[Mention]:
    """Parties named in the title block, between its 'ระหว่าง' line and a 'ว่าด้วย…' or blank line."""
    m = _TITLE_BETWEEN.search(text, start, min(end, start + 600))
    if not m:
        return []
    stop = re.compile(r"\n[ \t]*\n|\n[ \t]*(?:ว่าด้วย|เรื่อง|บันทึกข้อตกลง|ด้วย|โดยที่)").search(text, m.end(1), end)
    return _party_list(mentions, m.end(1), stop.start() if stop else min(end, m.end(1) + 400))


# 'A โดย นายX อธิบดีกรมA (ซึ่งต่อไปนี้เรียกว่า "กรมฯ") กับ B …': who acts for a party is not a party
_REPRESENTED_BY = re.compile(r"(?:^|\s)(?:โดย|ซึ่ง)(?!ความ|มี|ทั้ง|การ|ที่)[^\n]*?(?=\s*(?:กับ|ฝ่ายหนึ่ง|และ(?=\s|[ก-ฮ]))|$)")


_PROVINCE_AS_PARTY = re.compile(r"(?:^|[\s,]|ระหว่าง|กับ|และ)จังหวัด[ \t]?$")


def _party_list(mentions: list[Mention], a: int, b: int, text: str | None = None) -> list[Mention]:
    """The organisations named in text[a:b]; a ministry right after a department only says whose it is."""
    out: list[Mention] = []
    prev: Mention | None = None
    skip = [m.span() for m in _REPRESENTED_BY.finditer(text, a, b)] if text is not None else []
    for x in mentions:
        if not (a <= x.start < b) or x.type in ("VolunteerNetwork", "Committee"):
            continue
        if not x.is_org and not (x.type == "Province" and text is not None and _PROVINCE_AS_PARTY.search(
                text, max(0, x.start - 16), x.start)):
            continue  # a province is a party only as 'จังหวัดX' (its administration), not as a place
        if any(s0 <= x.start < s1 for s0, s1 in skip) and out:
            continue
        if prev is not None and x.type == "Ministry" and prev.type != "Ministry" and x.start - prev.end <= 2:
            prev = x
            continue  # 'กรมควบคุมโรค กระทรวงสาธารณสุข': the ministry qualifies the department
        prev = x
        if x.id not in {o.id for o in out}:
            out.append(x)
    return out


_PARTIES_END = re.compile(r"ด้วย(?:มี|เห็น|ความ)|โดยมีวัตถุประสงค์|เพื่อ|\n")


# an opening that lists its parties below it: '… ระหว่างองค์กรปกครองส่วนท้องถิ่นสี่แห่ง ดังนี้',
# '… โดยคู่ความร่วมมือ ได้แก่' and then one numbered line per party
_LIST_FOLLOWS = re.compile(r"(?:ดังนี้|ได้แก่|ดังต่อไปนี้|ประกอบด้วย)\s*:?[ \t]*\n")
_ENUMERATED = re.compile(r"^[ \t]*(?:\(\s*[0-9๐-๙]{1,2}\s*\)|[0-9๐-๙]{1,2}\s*[.)])[ \t]*", re.M)


def _enumerated_parties(text: str, pos: int, end: int, mentions: list[Mention]) -> list[Mention]:
    """The first organisation of each numbered line right after ``pos`` (one party a line)."""
    out: list[Mention] = []
    for m in _ENUMERATED.finditer(text, pos, end):
        if text[pos:m.start()].strip():
            break  # the numbered list ended
        line_end = text.find("\n", m.end(), end)
        line_end = end if line_end < 0 else line_end
        first = next((x for x in mentions if m.end() <= x.start < min(line_end, m.end() + 3) and x.is_org), None)
        if first is None:
            break
        if first.id not in {o.id for o in out}:
            out.append(first)
        pos = line_end + 1
    return out


def _parties(text: str, start: int, end: int, mentions: list[Mention]) -> list[Mention]:
    """The parties: the title's 'ระหว่าง A กับ B' block when it names them, else the opening
    sentence's list (or the numbered lines it announces)."""
    titled = _title_parties(text, start, end, mentions)
    if len(titled) >= 2:
        return titled
    m = _MOU_OPENING.search(text, start, end)
    if not m:
        return titled
    # the list ends at the purpose ('เพื่อ…') unless the word is inside a name ('…ที่ดินเพื่อเกษตรกรรม')
    stop = next((x for x in _PARTIES_END.finditer(text, m.end(), end) if not _inside_name(x.start(), mentions)), None)
    stop_at = stop.start() if stop else min(end, m.end() + 400)
    listed = _LIST_FOLLOWS.search(text, m.end(), min(end, stop_at + 2))
    if listed:
        numbered = _enumerated_parties(text, listed.end(), end, mentions)
        if numbered:
            return numbered
    return _party_list(mentions, m.end(), stop_at, text) or titled


def extract_mou(fb: Any, text: str, start: int, end: int, mentions: list[Mention]) -> str | None:
    """Facts of one MOU text in ``text[start:end]``; the Agreement node id."""
    title, tspan = _title(text, start, end)
    ordinal = sum(1 for n in fb.nodes.values() if n.type == "Agreement") + 1
    aid = node_id("Agreement", title, fb.doc_id, ordinal)
    parties = _parties(text, start, end, mentions)
    props: dict[str, Any] = {"title": title, "document": fb.doc_id, "ordinal": ordinal}
    sig = _SIGN_END.search(text, start, end)
    first_sign = _SIGN_LINE.search(text, start, end)
    body_end = sig.start() if sig else (first_sign.start() if first_sign else end)
    sig_start = sig.end() if sig else body_end
    props.update(_terms(fb, text, start, body_end))
    props.update(_signing_date(fb, text, start, end))
    if props.get("date") and props.get("duration_years") and not props.get("end_date"):
        props["end_date"] = add_years(props["date"], props["duration_years"])
    fb.node(aid, "Agreement", title, tspan, title_aliases(text, start, end), **props)
    party_ids = []
    for p in parties:
        pid = fb.mention(p)
        party_ids.append(pid)
        fb.edge(pid, "PARTY_TO", aid, (p.start, p.end))
    _preamble_mentions(fb, text, start, body_end, mentions, aid, parties)

    pre_end = _first_section(text, start, body_end)
    owner = parties[0] if parties else None
    relations_in_text(fb, text, start, pre_end, mentions, subject=owner)
    # people the text names before its clauses (the parties' representatives, a background
    # section's former signers) hold the posts written after their names
    from phakhi.loaders.builder import add_people

    add_people(fb, text, start, pre_end, [m for m in mentions if start <= m.start < pre_end], props.get("date"))
    _clauses(fb, text, start, body_end, mentions, aid, parties)
    _signatures(fb, text, sig_start, end, mentions, aid, parties)
    return aid


_LAWS = re.compile(r"(รัฐธรรมนูญแห่งราชอาณาจักรไทย(?:\s*พุทธศักราช\s*\d{4})?|แผนยุทธศาสตร์ชาติ|"
                   r"แผนปฏิรูปประเทศด้าน[^\s]+?(?=\s|$)|พระราชบัญญัติ[^\s]+?(?=\s|$)|ยุทธศาสตร์ชาติ)")


def _preamble_mentions(fb: Any, text: str, start: int, end: int, mentions: list[Mention], aid: str,
                       parties: list[Mention]) -> None:
    pre_end = _first_section(text, start, end)
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


_SIGNED_ON = re.compile(r"(?:ทำ|ลงนาม|ลงลายมือชื่อ|ให้ไว้)[^\n]{0,60}?(?:เมื่อ|ณ)\s*วันที่\s*")
# 'ทำขึ้น ณ ห้องประชุม…', 'ลงนาม ณ ศาลากลาง…' (but 'ณ วันที่…' is a date)
_MADE_AT = re.compile(r"(?:ทำ(?:ขึ้น)?|จัดทำขึ้น|ลงนาม)[^\n]{0,80}?(?:^|\s)ณ\s*(?!วันที่)"
                      r"([^\n]{3,160}?)(?=\s+(?:ระหว่าง|เมื่อ|โดย|เพื่อ|ทั้งนี้)|\s*$)", re.M)


def _signing_date(fb: Any, text: str, start: int, end: int) -> dict[str, Any]:
    """'… ลงนาม ณ วันที่ 5 มกราคม 2566': the date (and place) the MOU text itself states (never guessed)."""
    from phakhi.loaders.dates import find_dates

    out: dict[str, Any] = {}
    p = _MADE_AT.search(text, start, end)
    if p and not find_dates(p.group(1)[:25]):
        out["place"] = canonical_text(fb.clean[p.start(1):p.end(1)])
    m = _SIGNED_ON.search(text, start, end)
    if not m:
        return out
    for d in find_dates(text[m.end():m.end() + 40]):
        if d.span[0] <= 2 and getattr(d, "precision", "day") == "day":
            ws, we = m.end() + d.span[0], m.end() + d.span[1]
            out.update({"date": d.start.isoformat(), "date_as_written": canonical_text(fb.clean[ws:we])})
            break
    return out


def add_years(iso: str, years: float) -> str:
    """'2022-02-01' + 3 years -> '2025-02-01' (months for fractions; day clipped to the month)."""
    import calendar
    import datetime

    d = datetime.date.fromisoformat(iso)
    months = d.month - 1 + round(years * 12)
    y, mo = d.year + months // 12, months % 12 + 1
    return datetime.date(y, mo, min(d.day, calendar.monthrange(y, mo)[1])).isoformat()


_DURATION_AT = re.compile(r"(?:ระยะเวลา|มีกำหนด|เป็นเวลา)[^\n]{0,80}?(\(?\s*\d+\s*(?:ปี|เดือน)\s*\)?)")
_END_AT = re.compile(r"(?:สิ้นสุด(?:ใน|ลง|เมื่อ)?|จนถึง|ถึง)\s*วันที่\s*")
_NOTICE = re.compile(r"(?:บอกเลิก|ยกเลิก|สิ้นสุด)[^\n]{0,200}?(?:ล่วงหน้า|ไม่น้อยกว่า|อย่างน้อย)[^\n]{0,30}?(\d+)\s*(?:\([^)]*\))?\s*วัน")
_AMEND = re.compile(r"(?:(?:หาก|กรณี)[^\n\s]{0,30})?(?:การ)?(?:แก้ไข|เปลี่ยนแปลง)[^\n]*")
_AMEND_HOW = re.compile(r"ความเห็นชอบ|ความยินยอม|ตกลงร่วมกัน|ร่วมกันพิจารณา|เป็นหนังสือ|เป็นลายลักษณ์อักษร|บันทึกข้อตกลงเพิ่มเติม")


def _terms(fb: Any, text: str, start: int, end: int) -> dict[str, Any]:
    """Duration ('ระยะเวลา ๓ ปี', 'มีกำหนด ๔ ปี'), end date ('จนถึงวันที่ …', 'สิ้นสุดวันที่ …'),
    termination notice ('ล่วงหน้าไม่น้อยกว่า ๙๐ วัน') and how it is amended."""
    from phakhi.loaders.dates import find_dates, parse_duration

    out: dict[str, Any] = {}
    m = _DURATION_AT.search(text, start, end)
    if m:
        d = parse_duration(m.group(1))
        if d:
            out["duration_years"] = d[0]
            out["duration_text"] = canonical_text(fb.clean[m.start(1):m.end(1)])
    for e in _END_AT.finditer(text, start, end):
        ls = text.rfind("\n", start, e.start()) + 1
        if not re.search(r"บันทึก|มีผล|บังคับ|ระยะเวลา|สิ้นสุด", text[max(ls, start):e.start()] + e.group(0)):
            continue  # a date range of some activity, not the agreement's term
        d = next((d for d in find_dates(text[e.end():e.end() + 40]) if d.span[0] <= 2), None)
        if d is not None:
            out["end_date"] = d.start.isoformat()
            out.setdefault("duration_text", canonical_text(fb.clean[e.start():e.end() + d.span[1]]))
            break
    n = _NOTICE.search(text, start, end)
    if n:
        out["termination_notice_days"] = int(n.group(1))
    for am in _AMEND.finditer(text, start, end):
        if len(am.group(0)) > 30 and _AMEND_HOW.search(am.group(0)):
            out["amendment"] = canonical_text(fb.clean[am.start():am.end()])[:300]
            break
    return out


_DEFINED_AS = re.compile(r"ซึ่งต่อไป(?:ใน[^\n\"“”]{0,30}?)?(?:นี้)?\s*(?:จะ)?เรียกว่า\s*[\"“]([^\"”\n]{1,30})[\"”]")


def defined_terms(text: str, start: int, end: int, parties: list[Mention],
                  mentions: list[Mention] | None = None) -> dict[str, Mention]:
    """'A โดย … ซึ่งต่อไปในบันทึกข้อตกลงนี้เรียกว่า "ฝ่ายที่หนึ่ง"': the short names the text gives its parties.

    A short name belongs to the last party named before it (any mention of that party, so
    parties taken from the title block are found again in the opening sentence).
    """
    ids = {p.id for p in parties}
    named = sorted([m for m in mentions or [] if m.id in ids] + list(parties), key=lambda m: m.start)
    out: dict[str, Mention] = {}
    for m in _DEFINED_AS.finditer(text, start, end):
        owner = next((p for p in reversed(named) if p.end <= m.start()), None)
        if owner is not None:
            out[canonical_text(m.group(1)).strip()] = owner
    return out


_PARTY_HEADING = re.compile(r"^[ \t]*(?:\d{1,2}\.\d{1,2}\.?|\(\d{1,2}\)|\d{1,2}\))[ \t]+([^\n]{2,80}?)[ \t:]*$", re.M)


def _sections(text: str, start: int, end: int, mentions: list[Mention],
              terms: dict[str, Mention] | None = None) -> list[tuple[Mention | None, int, int]]:
    """Clause sections: (the party they bind, start, end); None for a joint section binding every party."""
    heads: list[tuple[Mention | None, int, int]] = []
    for m in _SECTION.finditer(text, start, end):
        g = 1 if m.group(1) else 2
        hs, he = m.start(g), m.end(g)
        org = next((x for x in mentions if hs <= x.start < he and x.is_org), None)
        if org is None and terms:
            org = terms.get(canonical_text(m.group(g)).strip())  # 'ฝ่ายที่หนึ่ง มีหน้าที่ ดังนี้'
        if org is None:
            org = lookup_name(m.group(g))
            if org is not None:
                org.start, org.end = hs, he
        if org is not None:
            heads.append((org, m.start(), m.end()))
    for m in _JOINT_SECTION.finditer(text, start, end):
        heads.append((None, m.start(), m.end()))
    # '๒.๑ เทศบาล' / '(๒) สสว.9' alone on a line: a sub-heading naming one party (by its short name)
    taken = {h[1] for h in heads}
    for m in _PARTY_HEADING.finditer(text, start, end):
        label = canonical_text(m.group(1)).strip()
        org = (terms or {}).get(label)
        if org is None:
            whole = [x for x in mentions if x.start == m.start(1) and x.end >= m.end(1) - 1 and x.is_org]
            org = whole[0] if whole else None
        if org is not None and m.start() not in taken:
            heads.append((org, m.start(), m.end()))
    heads.sort(key=lambda h: h[1])
    out = []
    for i, (org, hs, he) in enumerate(heads):
        nxt = heads[i + 1][1] if i + 1 < len(heads) else end
        out.append((org, he, nxt))
    return out


def _first_section(text: str, start: int, end: int) -> int:
    """Where the clause sections begin (the end of the preamble)."""
    found = [m.start() for m in (_SECTION.search(text, start, end), _JOINT_SECTION.search(text, start, end)) if m]
    return min(found) if found else end


def _clauses(fb: Any, text: str, start: int, end: int, mentions: list[Mention], aid: str,
             parties: list[Mention]) -> None:
    terms = defined_terms(text, start, end, parties, mentions)
    for section_party, s, e in _sections(text, start, end, mentions, terms):
        bound = [section_party] if section_party is not None else parties
        for party in bound:
            _section_clauses(fb, text, s, e, mentions, aid, party, joint=section_party is None)


def _section_clauses(fb: Any, text: str, s: int, e: int, mentions: list[Mention], aid: str, party: Mention,
                     joint: bool) -> None:
    """The numbered clauses of one section as the party's obligations (and what they state)."""
    pid = fb.mention(party)
    fb.edge(pid, "PARTY_TO", aid, (party.start, party.end))
    nums = list(_CLAUSE.finditer(text, s, e))
    for i, cm in enumerate(nums):
        cs, ce = cm.end(), nums[i + 1].start() if i + 1 < len(nums) else e
        head = text[cs:min(ce, cs + 40)]
        if _TERMS.match(head.strip()) or _CLAUSE_STOP.match("\n" + head.strip()):
            break  # general terms follow: agreement properties, not obligations
        if i and cm.group(4) is None and nums[i - 1].group(4) is not None:
            break  # 'ข้อ ๓' after '๒.๑': a new top-level item, not a clause of this section
        stop = _CLAUSE_STOP.search(text, cs, ce)
        if stop:
            ce = stop.start()
        clause = int(next(g for g in cm.groups() if g))
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
        fb.edge(pid, "OBLIGATED_TO", aid, (cm.start(), ce), qualifier=f"{party.id}|{'j' if joint else ''}{clause}",
                clause=clause, text=short, concerns=concerns, joint=True if joint else None)
        clause_relations(fb, text, cs, ce, inner, pid, aid, clause, party.id)


_POSITION_RES: dict[int, tuple[Any, re.Pattern[str]]] = {}


def _standalone_positions(gaz: Any) -> re.Pattern[str]:
    """One alternation of the posts named without a body ('นายอำเภอ', 'กำนัน'), built once per gazetteer."""
    cached = _POSITION_RES.get(id(gaz))
    if cached is not None and cached[0] is gaz:
        return cached[1]
    titles = [s for p in getattr(gaz, "positions", []) or [] if p.standalone for s in p.surfaces()]
    alt = re.compile("|".join(re.escape(t) for t in sorted(set(titles), key=len, reverse=True)))
    _POSITION_RES[id(gaz)] = (gaz, alt)  # the gazetteer is kept so its id is not reused
    return alt


def _clause_positions(fb: Any, text: str, s: int, e: int, inner: list[Mention]) -> list[str]:
    out = []
    for m in _standalone_positions(fb.gazetteer).finditer(text, s, e):
        if any(x.start <= m.start() < x.end for x in inner):
            continue  # inside an organisation's name (…คณะกรรมการการเลือกตั้ง)
        pid = node_id("Position", m.group(0))
        fb.node(pid, "Position", m.group(0), m.span())
        if pid not in out:
            out.append(pid)
    return out


def _inside_name(pos: int, mentions: list[Mention]) -> bool:
    return any(x.start < pos < x.end for x in mentions)


def clause_relations(fb: Any, text: str, s: int, e: int, inner: list[Mention], pid: str, aid: str | None,
                     clause: int | None, party_id: str | None) -> None:
    """SUPPORTS and JOINS_AS_COMMITTEE stated in one clause (or one policy sentence)."""
    targets = ("VolunteerNetwork", "Center", "Program", "Curriculum", "LocalGovernment", "Committee")
    for m in _SUPPORT_TO.finditer(text, s, e):
        if _inside_name(m.start(), inner):
            continue  # 'กรมส่งเสริม…', 'ศูนย์ส่งเสริมพัฒนา…': the verb is part of a name
        nxt = next((x for x in inner if m.end() <= x.start <= m.end() + 2 and x.type in targets), None)
        if nxt is not None:
            for x in [nxt] + listed_after(text, nxt, inner, targets):
                fb.edge(pid, "SUPPORTS", fb.mention(x), (m.start(), x.end), qualifier=f"{aid}|{clause}",
                        agreement=aid, clause=clause)
    for m in _SUPPORT.finditer(text, s, e):
        if _inside_name(m.start(), inner):
            continue  # 'กรมส่งเสริม…', 'ศูนย์ส่งเสริมพัฒนา…': the verb is part of a name
        nxt = next((x for x in inner if m.end() <= x.start <= m.end() + 2 and x.type in targets), None)
        if nxt is None:
            continue
        if m.group(0).startswith(("พัฒนา", "เสริมสร้าง", "ยกระดับ")) and nxt.type not in ("VolunteerNetwork", "Committee"):
            continue  # 'พัฒนาหลักสูตร…' makes a thing; only developing a network's people supports it
        for x in listed_after(text, nxt, inner, targets):
            fb.edge(pid, "SUPPORTS", fb.mention(x), (m.start(), x.end), qualifier=f"{aid}|{clause}",
                    agreement=aid, clause=clause)
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


_SIG_BLOCK_NAME = re.compile(r"^(?:ลงชื่อ)?[ \t.…_]*\(([^()\n]{4,60})\)[ \t.…_]*(ผู้ลงนาม|(?:สักขี)?พยาน)?[ \t]*$")
_SIG_INLINE = re.compile(r"^(?:ลงชื่อ)?[ \t.…_]*(?:(ผู้ลงนาม|(?:สักขี)?พยาน)[ \t.…_]*)?\(([^()\n]{4,60})\)[ \t]*"
                         r"([^\s(].*?)[ \t]*(?:\(?(ผู้ลงนาม|(?:สักขี)?พยาน)\)?)?$")
_ROLE_LABEL = re.compile(r"^[(\[]?\s*(?:ผู้ลงนาม|(?:สักขี)?พยาน)\s*[)\]]?\s*:?$")
_SIG_LABEL = re.compile(r"^(?:[(\[]?\s*(?:ผู้ลงนาม|(?:สักขี)?พยาน)\s*[)\]]?\s*:?"
                        r"|ลงชื่อ[ \t.…_]*(?:\(?\s*(?:ผู้ลงนาม|(?:สักขี)?พยาน)\s*\)?)?[ \t.…_]*)$")
_ACTING_START = re.compile(r"(?:ปฏิบัติราชการแทน|รักษาราชการแทน|รักษาการแทน|ปฏิบัติหน้าที่แทน)")
_RANK_ABOVE = re.compile(r"^(?:พล|พัน|ร้อย|ว่าที่|นาวา|เรือ|จ่า|สิบ|ดาบ)")


# columns side by side: a tab (a .docx table as read) or a wide run of spaces (a typed layout
# with the two parties' blocks on one line)
_COLUMN_GAP = re.compile(r"\t|[ \u00a0]{4,}")


def signature_streams(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """The lines of a signature area as (start, end) spans, one stream per column.

    Plain lines form one stream; a run of tab-separated lines (a table of signature blocks side by
    side, as a .docx table reads) gives one stream per column, so each block reads top to bottom.

    >>> t = "ลงชื่อ\\tลงชื่อ\\n(ก ข)\\t(ค ง)\\n"
    >>> [[t[a:b] for a, b in s] for s in signature_streams(t, 0, len(t))]
    [['ลงชื่อ', '(ก ข)'], ['ลงชื่อ', '(ค ง)']]
    """
    lines: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        nl = end if nl < 0 else nl
        lines.append((pos, nl))
        pos = nl + 1
    streams: list[list[tuple[int, int]]] = [[]]
    i = 0

    def columnar(span: tuple[int, int]) -> bool:
        return _COLUMN_GAP.search(text[span[0]:span[1]].strip()) is not None

    while i < len(lines):
        if not columnar(lines[i]):
            streams[0].append(lines[i])
            i += 1
            continue
        columns: list[list[tuple[int, int]]] = []
        while i < len(lines) and columnar(lines[i]):
            ls, le = lines[i]
            cells, cs = [], ls
            for gap in _COLUMN_GAP.finditer(text, ls, le):
                cells.append((cs, gap.start()))
                cs = gap.end()
            cells.append((cs, le))
            cells = [c for c in cells if text[c[0]:c[1]].strip()] if len(cells) > 2 else cells
            if cells and not text[cells[0][0]:cells[0][1]].strip() and len(cells) == 2:
                cells = cells[1:]  # indentation before the first column
            for k, cell in enumerate(cells):
                while len(columns) <= k:
                    columns.append([])
                columns[k].append(cell)
            i += 1
        streams.extend(columns)
    return [s for s in streams if s]


def _signatures(fb: Any, text: str, start: int, end: int, mentions: list[Mention], aid: str,
                parties: list[Mention]) -> None:
    """Signature blocks: '(name)' lines, a rank above, the post below, 'พยาน' on the 'ลงชื่อ' line or after."""
    from phakhi.loaders.builder import add_person
    from phakhi.loaders.people import PersonMention, _is_honorific, parse_bare_name, parse_positions

    party_ids = {p.id for p in parties}
    date = fb.nodes[aid].properties.get("date") if aid in fb.nodes else None
    for stream in signature_streams(text, start, end):
        lines = [(a, b, text[a:b].strip()) for a, b in stream]
        names: list[int] = []
        found: dict[int, tuple[str, str, str, tuple[str, str]]] = {}  # line -> inner, label, as written, name
        inline: dict[int, tuple[int, int]] = {}  # line -> span of a post written on the name's line
        after_sign = False  # the previous non-empty line was a 'ลงชื่อ …' line
        for k, (_, _, ln) in enumerate(lines):
            if not ln:
                continue
            nm = _SIG_BLOCK_NAME.match(ln)
            if nm:
                parsed = parse_bare_name(nm.group(1), fb.gazetteer)
                if parsed is not None:
                    names.append(k)
                    found[k] = (nm.group(1), nm.group(2) or "", "(" + nm.group(1), parsed)
            elif _SIG_INLINE.match(ln):
                # one table cell read as one line: 'ลงชื่อ …… (name) post [พยาน]'
                im = _SIG_INLINE.match(ln)
                parsed = parse_bare_name(im.group(2), fb.gazetteer)
                if parsed is not None:
                    names.append(k)
                    found[k] = (im.group(2), (im.group(1) or "") + (im.group(4) or ""), "(" + im.group(2), parsed)
                    off = lines[k][0] + (len(text[lines[k][0]:lines[k][1]]) - len(text[lines[k][0]:lines[k][1]].lstrip()))
                    inline[k] = (off + im.start(3), off + im.end(3))
            elif after_sign and "ลงชื่อ" not in ln:
                # 'ลงชื่อ ……' then the name without brackets: only with an honorific, to be sure
                parsed = parse_bare_name(ln, fb.gazetteer)
                if parsed is not None and parsed[1]:
                    names.append(k)
                    found[k] = (ln, "", ln, parsed)
            after_sign = "ลงชื่อ" in ln[:12] and not nm
        # 'ผู้ลงนาม' / 'พยาน' as a line of its own above the first block: labels head their blocks
        labels_before = bool(names) and any(_ROLE_LABEL.match(x) for _, _, x in lines[:names[0]])
        heading_witness = False
        for n, k in enumerate(names):
            a, b, ln = lines[k]
            inner, label, written, (name, hon) = found[k]
            lo = names[n - 1] + 1 if n else 0
            hi = names[n + 1] if n + 1 < len(names) else len(lines)
            before = [ln2 for _, _, ln2 in lines[lo:k] if ln2]
            # the post: the next non-empty line after the name (not a label)
            post = next((j for j in range(k + 1, hi) if lines[j][2] and not _SIG_LABEL.match(lines[j][2])), None)
            if k in inline:
                post = None
            after = [ln2 for _, _, ln2 in lines[(post if post is not None else k) + 1:hi] if ln2]
            if not hon:
                # a rank on a line of its own above the bracketed name ('พันตำรวจเอก')
                ranks = [x for x in before if not x.startswith("ลงชื่อ") and not _SIG_LABEL.match(x)]
                if ranks and (_is_honorific(ranks[-1]) or (len(ranks[-1]) < 25 and _RANK_ABOVE.match(ranks[-1]))):
                    hon = ranks[-1]
            istart = a + text[a:b].index(written) + (1 if written.startswith("(") else 0)
            person = PersonMention(istart, istart + len(inner), inner, name, hon)
            if post is not None:
                ps, pe = lines[post][0], lines[post][1]
                # 'รองอธิบดี ปฏิบัติราชการแทน' / 'อธิบดีกรม…': an acting post goes on over the next line
                nxt_post = next((j for j in range(post + 1, hi) if lines[j][2]), None)
                if nxt_post is not None and not _SIG_LABEL.match(lines[nxt_post][2]) and "ลงชื่อ" not in lines[nxt_post][2] \
                        and (re.search(r"แทน$", lines[post][2]) or _ACTING_START.match(lines[nxt_post][2])
                             or (nxt_post == post + 1 and _post_goes_on(lines[post], lines[nxt_post], mentions))):
                    pe = lines[nxt_post][1]
                pms = [m for m in mentions if ps <= m.start < pe]
                person.positions = parse_positions(text, ps, pe, pms, fb.gazetteer)
                post_text = canonical_text(text[ps:pe])
            elif k in inline:
                ps, pe = inline[k]
                pms = [m for m in mentions if ps <= m.start < pe]
                person.positions = parse_positions(text, ps, pe, pms, fb.gazetteer)
                post_text = canonical_text(text[ps:pe])
            else:
                pe, post_text = b, ""
            pid = add_person(fb, person, None)
            # 'พยาน' on the 'ลงชื่อ' line or the name line, or after the block before the next 'ลงชื่อ'
            sign_line = next((x for x in reversed(before) if "ลงชื่อ" in x), "")
            tail = []
            for x in after:
                if x.startswith("ลงชื่อ"):
                    break
                tail.append(x)
            if labels_before:
                heads = [x for x in before if _ROLE_LABEL.match(x)]
                if heads:
                    heading_witness = "พยาน" in heads[-1]  # a heading holds for the blocks under it
                witness = heading_witness or "พยาน" in label or "พยาน" in sign_line
            else:
                witness = "พยาน" in label or "พยาน" in sign_line or any(
                    _SIG_LABEL.match(x) and "พยาน" in x for x in tail)
            org = next((c.org for c in person.positions if c.org is not None), None)
            as_pos = person.positions[0].full if person.positions else (post_text or None)
            behalf = None
            if org is not None:
                behalf = org.id if org.id in party_ids or not party_ids else _party_for(org, parties)
            elif post_text:
                by_title = party_by_title(post_text, parties)
                behalf = by_title.id if by_title is not None else None
                if by_title is not None:
                    fb.mention(by_title)
            if witness:
                fb.edge(pid, "WITNESSES", aid, (a, pe), side=behalf, as_position=as_pos)
            else:
                fb.edge(pid, "SIGNS", aid, (a, pe), on_behalf_of=behalf, as_position=as_pos, date=date)
                if behalf and behalf in fb.nodes:
                    fb.edge(behalf, "PARTY_TO", aid, (a, pe))


_POST_TAIL = re.compile(r"(?:เขต|จังหวัด|อำเภอ|สาขา|ภาค|ประจำ|แห่ง)")


def _post_goes_on(line: tuple[int, int, str], nxt: tuple[int, int, str], mentions: list[Mention]) -> bool:
    """A post wrapped onto the very next line: 'ผู้อำนวยการสำนักงาน…' / 'เขต ๑ เชียงใหม่', or a bare
    title ('ผู้อำนวยการ') whose body is named on the next line."""
    if _RANK_ABOVE.match(nxt[2]) or _SIG_BLOCK_NAME.match(nxt[2]) or len(nxt[2]) > 80:
        return False
    if _POST_TAIL.match(nxt[2]):
        return True
    org_here = any(line[0] <= m.start < line[1] and m.is_org for m in mentions)
    org_next = any(nxt[0] <= m.start < nxt[1] and m.is_org for m in mentions)
    return not org_here and org_next


def party_by_title(post: str, parties: list[Any]) -> Any:
    """The party a post heads when the post names no organisation: 'นายแพทย์สาธารณสุขจังหวัดน่าน'
    heads 'สำนักงานสาธารณสุขจังหวัดน่าน' (the office's name without 'สำนักงาน' ends the post).

    >>> class P: name = "สำนักงานสาธารณสุขจังหวัดตาก"
    >>> party_by_title("นายแพทย์สาธารณสุขจังหวัดตาก", [P]) is P
    True
    """
    compact = re.sub(r"\s+", "", post)
    for p in parties:
        core = re.sub(r"\s+", "", re.sub(r"^สำนักงาน", "", p.name))
        if len(core) >= 6 and (compact.endswith(core) or compact == core):
            return p
    return None


def _party_for(org: Mention, parties: list[Mention]) -> str:
    for p in parties:
        if p.name.endswith(org.name) or org.name.endswith(p.name):
            return p.id
    return org.id


# -- MOUs reported in news -------------------------------------------------------------------

# the agreement's title as a news item writes it: a head noun, an optional '(MOU)' tag that is
# part of the written title ('บันทึกข้อตกลง (MOU) โครงการ…'), the topic up to a clause boundary
_NEWS_TITLE = re.compile(r"((?:บันทึก(?:ข้อตกลง|ความเข้าใจ|ความร่วมมือ)|(?<!บันทึก)ข้อตกลงความร่วมมือ)"
                         # 'บันทึกข้อตกลงดังกล่าว…', '…ความร่วมมือฉบับที่ลงนามแล้ว' refer back
                         r"(?![ \t]*(?:ความร่วมมือ|ความเข้าใจ)?[ \t]*(?:ดังกล่าว|นี้|ฉบับ|ฯ|ที่))"
                         r"(?:[ \t]*\((?:MOU|MoU|เอ็มโอยู)\)(?=[ \t]*\S))?[^\n]*?)(?=\s*\((?:MOU|MoU|ม\.? โอ\.?ยู\.?)\)|\s+(?:ร่วมกับ|กับ)|\s+โดย|\s*ใน(?:วัน|ระหว่าง)|\s+ณ\s|\s+เมื่อ|\s+ระหว่าง|\s+เพื่อ|\s+ทั้งนี้|\s*$|\n)", re.M)
_NEWS_ROLE = re.compile(r"ร่วมเป็นเกียรติ|กล่าว|โดยมี|เป็นประธาน|เป็นสักขีพยาน|ร่วมเป็นสักขี|ลงนาม")
_SIGNING = re.compile(r"ลงนาม(?:ใน)?(?:บันทึก|ข้อตกลง|MOU)|พิธีลงนาม|จัดทำ(?:บันทึก|ข้อตกลง|MOU)|ทำ\s?MOU|เป็นผู้ลงนาม")


# 'A ลงนามบันทึกข้อตกลงความร่วมมือ (MOU) กับ B', 'A ร่วมลงนาม MOU ร่วมกับ B และ C'
_NEWS_WITH = re.compile(r"ลงนาม(?:ใน)?(?:บันทึก(?:ข้อตกลง|ความเข้าใจ|ความร่วมมือ)|MOU|ข้อตกลง)[^\n]{0,80}?(?:ร่วมกับ|กับ)\s*")
_SIGNER_GAP = re.compile(r"[ \t]*(?:ได้|จะ)?[ \t]*(?:ร่วม(?:กัน)?|ร่วมพิธี|ร่วมกันจัดพิธี)?[ \t]*")


def _is_body(x: Mention) -> bool:
    return x.type in BODY_TYPES


_SIGNED_TITLE = re.compile(r"(?:ลงนาม|จัดทำ)(?:ใน|ร่วมกัน)?\s*$")
# 'ระหว่าง A กับ B' after a title, up to the next clause: the title as it is also quoted
_BETWEEN = re.compile(r"\s*(?:\((?:MOU|MoU|เอ็มโอยู)\)\s*)?ระหว่าง\s*")
_BETWEEN_CLAUSE = re.compile(r"\s*(?:\((?:MOU|MoU|เอ็มโอยู)\)\s*)?ระหว่าง\s*[^\n]*?(?=\s(?:โดย|เพื่อ|ณ|เมื่อ|ซึ่ง|ทั้งนี้|ครั้งนี้)|\n|$)")


def extract_news_mou(fb: Any, text: str, start: int, end: int, mentions: list[Mention], people: list[Any],
                     date: str | None) -> str | None:
    """One Agreement for an MOU signing reported in a news item."""
    if not _SIGNING.search(text, start, end):
        return None
    titles = [m for m in _NEWS_TITLE.finditer(text, start, end) if "ว่าด้วย" in m.group(1)[:20]]
    if not titles:
        titles = list(_NEWS_TITLE.finditer(text, start, end))
    if not titles:
        return None
    # the title the signing verb takes ('ลงนามในบันทึกข้อตกลง X'), else the longest one
    signed = [m for m in titles if _SIGNED_TITLE.search(text, max(start, m.start() - 14), m.start())]
    best = max(signed or titles, key=lambda m: len(m.group(1)))
    title = canonical_text(best.group(1))
    ordinal = sum(1 for n in fb.nodes.values() if n.type == "Agreement") + 1
    aid = node_id("Agreement", title, fb.doc_id, ordinal)
    between_end = _BETWEEN_CLAUSE.match(text, best.end(1))
    forms = [canonical_text(fb.clean[best.start(1):between_end.end()])] if between_end else []
    fb.node(aid, "Agreement", title, best.span(1), forms, title=title, document=fb.doc_id, ordinal=ordinal)
    fb.reported_agreements.add(aid)
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
    # 'ลงนามบันทึกข้อตกลง … ระหว่าง A B และ C': the parties in the order the item names them
    named: list[Mention] = []
    between = _BETWEEN.match(text, best.end(1))
    if between:
        stop = re.compile(r"\s(?:โดย|เพื่อ|ณ|เมื่อ|ซึ่ง|ทั้งนี้)|\n").search(text, between.end(), end)
        b_end = stop.start() if stop else min(end, between.end() + 300)
        named = _party_list(mentions, between.end(), b_end, text)
        # 'ลงนามบันทึกข้อตกลง… ระหว่าง นายA อธิบดีกรมX กับ นายB อธิบดีกรมY': the people named are the signers
        for p in people:
            org = next((c.org for c in p.positions if c.org is not None and not c.former), None)
            if between.end() <= p.start < b_end and org is not None and not any(p is q for q, _ in signers):
                signers.append((p, org))
    for p in people:
        if any(p is q for q, _ in signers):
            continue
        nl = text.find("\n", p.end, end)
        marker = _NEWS_ROLE.search(text, p.end, nl if nl > 0 else end)
        if marker is None:
            continue
        # 'P ผู้ว่าราชการจังหวัดX เป็นประธานและสักขีพยานในพิธีลงนาม': a witness, not a signer
        sign_at = text.find("ลงนาม", marker.start(), nl if nl > 0 else end)
        role = text[marker.start():sign_at if sign_at > 0 else marker.end()]
        if "สักขีพยาน" in role or "สักขีพยาน" in marker.group(0):
            pos = next((c.full for c in p.positions), None)
            fb.edge(p.id, "WITNESSES", aid, (p.start, p.end), as_position=pos, date=date)
            continue
        if not marker.group(0).endswith("ลงนาม") or not named:
            continue
        # the post names no body ('นายแพทย์สาธารณสุขจังหวัดX'): the party whose office it heads
        post = canonical_text(text[p.end:marker.start()]).strip()
        party = party_by_title(post, named)
        if party is not None:
            signers.append((p, party))
    # 'X ลงนามบันทึกข้อตกลงความร่วมมือกับ Y'
    parties: list[Mention] = [o for _, o in signers] + named
    for m in _NEWS_WITH.finditer(text, start, end):
        ms, me = m.start(), m.end()
        y = next((x for x in mentions if me <= x.start <= me + 2 and _is_body(x)), None)
        if y is None:
            continue
        # the bodies right before the verb: 'A ลงนาม…', 'A และ B ร่วมลงนาม…'
        before = [x for x in mentions if x.end <= ms and _is_body(x)]
        x0 = next((x for x in reversed(before) if _SIGNER_GAP.fullmatch(text, x.end, ms)), None)
        firsts = []
        if x0 is not None:
            firsts = [x0]
            for x in reversed([b for b in before if b.end <= x0.start]):
                if not _LIST_GAP.fullmatch(text, x.end, firsts[0].start) or x.end == firsts[0].start:
                    break
                firsts.insert(0, x)
        parties += firsts + [y] + listed_after(text, y, [x for x in mentions if _is_body(x)], BODY_TYPES)
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
    supports_in_text(fb, text, start, end, mentions, aid)
    props = fb.nodes[aid].properties
    if date and signers:
        props["date"] = date
    return aid
