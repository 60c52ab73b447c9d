"""Official letters (หนังสือราชการ): number, date, issuer, addressee, enclosures, signer.

>>> looks_like_letter("ที่ มท 0818.2/ว 2565\\nเรื่อง ขอเชิญ\\nเรียน ผู้ว่าราชการจังหวัด\\n", 0, 60)
True
"""
from __future__ import annotations

import re
from typing import Any

from phakhi.graph.model import canonical_text, node_id
from phakhi.loaders.mentions import Mention

# 'ที่ มท 0818.2/ว 2565', alone on its line or with the letterhead after a wide gap
_NUMBER = re.compile(r"^[ \t]*ที่[ \t]+([ก-ฮ]{1,4}\.?[ \t]?[\d./ ก-ฮ]{2,30}?)[ \t]*(?:$|[ \t]{3,}(?=\S))", re.M)
# 'หอประชุมกองทัพเรือ': a body named inside a venue's name is not mentioned as a body
_IN_VENUE_NAME = re.compile(r"(?:หอประชุม|ห้องประชุม|อาคาร|ตึก|ศาลาว่าการ|สโมสร)$")
_REFERENCE = re.compile(r"^[ \t]*อ้างถึง[ \t]+([^\n]+)$", re.M)
_SUBJECT = re.compile(r"^[ \t]*เรื่อง[ \t]+([^\n]+)$", re.M)
_TO = re.compile(r"^[ \t]*เรียน[ \t]+([^\n]+)$", re.M)
_ENCL = re.compile(r"^[ \t]*(?:สิ่งที่ส่งมาด้วย)[ \t]*([^\n]*(?:\n[ \t]*\d\.[^\n]*)*)", re.M)
_SIGNER = re.compile(r"^[ \t]*\(([^()\n]{4,60})\)[ \t]*$", re.M)
_CLOSING = re.compile(r"ขอแสดงความนับถือ|ด้วยความเคารพ")


def looks_like_letter(text: str, start: int, end: int) -> bool:
    head = text[start:min(end, start + 1500)]
    return bool(_SUBJECT.search(head) and _TO.search(head))


def extract_letter(fb: Any, text: str, start: int, end: int, mentions: list[Mention]) -> str | None:
    """Facts of the letter in ``text[start:end]``; its date (ISO) when stated."""
    from phakhi.loaders.dates import find_dates
    from phakhi.loaders.builder import add_person
    from phakhi.loaders.people import PersonMention, parse_bare_name, parse_positions

    num = _NUMBER.search(text, start, end)
    subj = _SUBJECT.search(text, start, end)
    to = _TO.search(text, start, end)
    head_start = num.end() if num else start
    head_end = subj.start() if subj else end
    # the letter date: a full date between the number and the subject (not the receipt stamp)
    date = None
    for d in find_dates(text[head_start:head_end]):
        if getattr(d, "precision", "day") == "day":
            date = d.start.isoformat()
            break
    number = canonical_text(fb.clean[num.start(1):num.end(1)]) if num else None
    title = canonical_text(subj.group(1)) if subj else ""
    issuer = next((m for m in mentions if head_start <= m.start < head_end and m.is_org), None)
    name = " ".join(x for x in ("หนังสือ" + (issuer.name if issuer else ""), ("ที่ " + number) if number else title) if x)
    did = node_id("Document", name)
    fb.node(did, "Document", name, (start, subj.end() if subj else start), [number] if number else [],
            kind="letter", number=number, date=date, title=title or None)
    if issuer is not None:
        fb.edge(fb.mention(issuer), "ISSUED", did, (issuer.start, issuer.end), date=date, role="issuer")
        # the letterhead address under the issuer: where the issuer is
        line_end = text.find("\n", issuer.end)
        nxt_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
        addr = next((m for m in mentions if issuer.end < m.start < (nxt_end if nxt_end > 0 else head_end)
                     and m.start < head_end and m.type == "Province"), None)
        if addr is not None:
            line = canonical_text(fb.clean[line_end + 1:nxt_end]) if nxt_end > 0 else None
            fb.edge(fb.mention(issuer), "LOCATED_IN", fb.mention(addr), (addr.start, addr.end), address=line)
    if to is not None:
        _addressee(fb, text, to, did, mentions)
    _reference(fb, text, start, end, did, issuer, mentions)
    body_start = to.end() if to else head_end
    closing = _CLOSING.search(text, body_start, end)
    body_end = closing.start() if closing else end
    from phakhi.loaders.events import extract_letter_event

    # the body reports like news: who signed what with whom ('… โดย นางสาว ก รองอธิบดี… ได้ร่วมลงนาม
    # ในบันทึกข้อตกลง…'), so people and agreements in prose are read as in a news item
    from phakhi.loaders.agreements import extract_news_mou
    from phakhi.loaders.builder import add_people

    body_mentions = [m for m in mentions if body_start <= m.start < body_end]
    body_people = add_people(fb, text, body_start, body_end, body_mentions, date)
    extract_news_mou(fb, text, body_start, body_end, body_mentions, body_people, date)
    eid = extract_letter_event(fb, text, body_start, body_end, mentions, title or None)
    if eid is not None:
        fb.edge(did, "MENTIONS", eid, (body_start, body_end), context="announced event")
    for m in mentions:
        if body_start <= m.start < body_end and m.is_org and (issuer is None or m.id != issuer.id) \
                and not _IN_VENUE_NAME.search(text[max(0, m.start - 12):m.start]):
            fb.edge(did, "MENTIONS", fb.mention(m), (m.start, m.end))
    from phakhi.loaders.mentions import find_program_mentions

    for p in find_program_mentions(text[body_start:body_end], []):
        p.start += body_start
        p.end += body_start
        fb.edge(did, "MENTIONS", fb.mention(p), (p.start, p.end))
    if closing is not None:
        sig = _SIGNER.search(text, closing.end(), end)
        if sig is not None:
            parsed = parse_bare_name(sig.group(1), fb.gazetteer)
            if parsed:
                ps = sig.end()
                while ps < end and text[ps] in " \t\n":
                    ps += 1
                pe = text.find("\n", ps)
                pe = end if pe < 0 else pe
                person = PersonMention(sig.start(1), sig.end(1), sig.group(1), parsed[0], parsed[1])
                person.positions = parse_positions(text, ps, pe, [m for m in mentions if ps <= m.start < pe],
                                                   fb.gazetteer)
                pid = add_person(fb, person, date)
                fb.edge(pid, "ISSUED", did, (sig.start(), pe), date=date, role="signer")
                # the division named under the signature: the issuer's unit handling the matter
                unit = next((m for m in mentions if pe < m.start <= pe + 40 and m.is_org), None)
                if unit is not None and issuer is not None and unit.id != issuer.id and unit.type == "Office":
                    fb.edge(fb.mention(unit), "PART_OF", fb.mention(issuer), (unit.start, unit.end),
                            relation="sub_organization")
                    fb.edge(did, "MENTIONS", unit.id, (unit.start, unit.end), context="responsible unit")
        from phakhi.loaders.builder import add_people

        tail_people = add_people(fb, text, (sig.end() if sig else closing.end()), end, mentions, date)
        for p in tail_people:
            fb.edge(did, "MENTIONS", p.id, (p.start, p.end))
    fb.nodes[did].properties["_letter"] = True
    return date


_ADDRESSEE_SPLIT = re.compile(r"\s+และ\s*|\s*,\s*|\s+(?=และ)")


def _addressee(fb: Any, text: str, to: re.Match[str], did: str, mentions: list[Mention]) -> None:
    """'เรียน นายอำเภอ ทุกอำเภอ และนายกองค์การบริหารส่วนจังหวัดX': one ADDRESSED_TO per addressee;
    a post with its body named ('นายก' + the PAO) is that body's post."""
    pos = to.start(1)
    for part in _ADDRESSEE_SPLIT.split(to.group(1)):
        a = text.find(part, pos, to.end(1))
        if not part.strip() or a < 0:
            continue
        pos = a + len(part)
        if part.startswith("และ"):
            part, a = part[3:], a + 3
        _one_addressee(fb, part, a, a + len(part), did, mentions)


def _one_addressee(fb: Any, part: str, a: int, b: int, did: str, mentions: list[Mention]) -> None:
    raw = canonical_text(part)
    org = next((m for m in mentions if a <= m.start < b and m.is_org), None)
    scope = None
    sm = re.search(r"\s(ทุก\S+)$", raw)
    if sm:
        scope = sm.group(1)
        raw = raw[:sm.start()].strip()
    if org is not None and org.start == a:
        fb.edge(did, "ADDRESSED_TO", fb.mention(org), (a, b), scope=scope)
        return
    from phakhi.loaders.people import _setup, _title_regex

    gaz, _, positions, _ = _setup(fb.gazetteer)
    tm = _title_regex(id(gaz)).match(raw)
    if tm and org is not None and org.start > a and org.end >= a + len(raw) and org.type != "Province":
        # 'นายกองค์การบริหารส่วนจังหวัดสุรินทร์': the post of that body, named in full
        name = raw
        pid = node_id("Position", name)
        fb.node(pid, "Position", name, (a, b), organization=fb.mention(org))
        fb.edge(did, "ADDRESSED_TO", pid, (a, b), scope=scope)
        return
    if tm and positions.get(tm.group(0)) and len(tm.group(0)) < len(raw):
        scope = scope or raw[tm.end():].strip() or None  # 'ผู้ว่าราชการจังหวัดน่าน': the post, for Nan
        raw = tm.group(0)
    pid = node_id("Position", raw)
    fb.node(pid, "Position", raw, (a, b))
    fb.edge(did, "ADDRESSED_TO", pid, (a, b), scope=scope)


_REF_LETTER = re.compile(r"หนังสือ\s*(.*?)\s*ที่\s+([ก-ฮ]{1,4}\.?\s?[\d./ ก-ฮ]{2,30}?)\s*(?:ลงวันที่\s*(.+))?$")


_REF_AGREEMENT = re.compile(r"((?:บันทึก(?:ข้อตกลง|ความเข้าใจ|ความร่วมมือ)|ข้อตกลงความร่วมมือ)\S.*?)\s*(?:ลงวันที่\s*(.+))?$")


def _reference(fb: Any, text: str, start: int, end: int, did: str, issuer: Mention | None,
               mentions: list[Mention]) -> None:
    """'อ้างถึง หนังสือกรม X ที่ พม 0604/ว 215 ลงวันที่ 3 กรกฎาคม 2566': the earlier letter, a Document
    the letter MENTIONS (context 'อ้างถึง'); named like letters are ('หนังสือX ที่ N')."""
    from phakhi.loaders.dates import find_dates

    ref = _REFERENCE.search(text, start, end)
    if ref is None:
        return
    am = _REF_AGREEMENT.match(ref.group(1))
    if am is not None:  # 'อ้างถึง บันทึกข้อตกลง… ลงวันที่ 25 พ.ค. 2565': the agreement referred to
        title = canonical_text(am.group(1))
        dates = find_dates(am.group(2) or "")
        aid = node_id("Agreement", title)
        fb.node(aid, "Agreement", title, (ref.start(1), ref.start(1) + am.end(1)), title=title,
                date=dates[0].start.isoformat() if dates else None)
        fb.reported_agreements.add(aid)
        fb.edge(did, "MENTIONS", aid, ref.span(1), context="อ้างถึง")
        return
    rm = _REF_LETTER.search(ref.group(1))
    if rm is None:
        return
    a = ref.start(1)
    org = next((m for m in mentions if a <= m.start < ref.end(1) and m.is_org), None)
    if org is None and rm.group(1).strip():
        return  # written by a body we do not know: leave it
    who = org or issuer
    number = canonical_text(fb.clean[a + rm.start(2):a + rm.end(2)])
    name = "หนังสือ" + (who.name if who else "") + " ที่ " + number
    dates = find_dates(rm.group(3) or "")
    rid = node_id("Document", name)
    fb.node(rid, "Document", name, ref.span(1), [], kind="letter", number=number,
            date=dates[0].start.isoformat() if dates else None)
    fb.edge(did, "MENTIONS", rid, ref.span(1), context="อ้างถึง")
    if who is not None:
        fb.edge(fb.mention(who), "ISSUED", rid, (who.start, who.end), role="issuer")


def link_enclosures(fb: Any) -> None:
    """A letter encloses the MOU texts and registries that follow it in the same file."""
    letters = [n for n in fb.nodes.values() if n.properties.pop("_letter", False)]
    if not letters:
        return
    letter = letters[0]
    n = 0
    for node in list(fb.nodes.values()):
        if node.type == "Agreement" or (node.type == "Document" and node.properties.get("kind") == "table"):
            n += 1
            fb.edge(letter.id, "ENCLOSES", node.id, None, qualifier=str(n))
