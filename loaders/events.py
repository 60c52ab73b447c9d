"""Events reported in news items: signing ceremonies, seminars, meetings, trainings.

Name, kind, date(s), time, venue chain (LOCATED_IN), who presides, organises, speaks and
attends (people and participant groups with counts; a stated total is checked).

>>> parse_count_phrase("ผู้แทนศูนย์ 77 จังหวัด ๆ ละ 4 คน")
308
"""
from __future__ import annotations

import re
from typing import Any

from phakhi.graph.model import canonical_text, node_id
from phakhi.loaders.mentions import Mention

_EVENT_NAME = re.compile(
    r"(?:จัด(?:กิจกรรม)?|เป็นประธาน(?:ในพิธีเปิด)?|เข้าร่วม)\s*((?:การ)?(?:เสวนา|สัมมนา|ประชุม|อบรม|ฝึกอบรม)[^\s“\"]*"
    r"(?:\s*[“\"][^”\"\n]{2,120}[”\"]|(?:\s(?:ครั้งที่\s*\d+/\d{4})))?)")
_CEREMONY = re.compile(r"พิธีลงนาม(?:ใน)?บันทึกข้อตกลง")
_TIME = re.compile(r"เวลา\s*(\d{1,2})[.:](\d{2})\s*(?:น\.|นาฬิกา)")
_VENUE_START = re.compile(r"(?:\sณ\s|\sณ(?=[ก-ฮ])|\sที่(?=(?:ตึก|อาคาร|ห้อง|โรงแรม|ศาลา|ทำเนียบ|หอประชุม|ลาน|ศูนย์ประชุม)))")
_VENUE_HEAD = re.compile(r"^(?:ห้อง|ศาลากลาง|ลาน|ศาลาว่าการ|ตึก|อาคาร|โรงแรม|ทำเนียบ|หอประชุม|ศูนย์ประชุม|สโมสร|หอ)")
_ADDRESS = re.compile(r"^(?:ชั้น|ถนน|ถ\.|เขต|แขวง|อำเภอ|อ\.|ตำบล|ต\.|เลขที่|ซอย)")
_PRESIDE = re.compile(r"(?:ได้ให้เกียรติ)?เป็นประธาน")
_SPEAK = re.compile(r"กล่าว(?:ว่า|เปิด|รายงาน|ต้อนรับ|ในนาม|เพิ่มเติม)?")
_ATTEND = re.compile(r"ร่วมการประชุม|ร่วมประชุม|ร่วมเป็นเกียรติ|เข้าร่วม(?:พิธี|การประชุม|กิจกรรม)")
_PANEL = re.compile(r"(?:ร่วม)?เป็นวิทยากร|(?:ร่วม|เป็นผู้ร่วม)เสวนา|ร่วมอภิปราย|เป็นผู้อภิปราย")
_MODERATOR = re.compile(r"เป็นผู้ดำเนินรายการ")
_LECTURE = re.compile(r"บรรยายพิเศษ[^\n]{0,200}?โดย\s*")
_GROUP = re.compile(r"(?:^|\s)((?:ผู้แทน|ผู้อำนวยการ|ผู้บริหาร|วิทยากร|สื่อมวลชน|แขกผู้มีเกียรติ|เจ้าหน้าที่|ผู้เข้าร่วม)[^\n]*?)"
                    r"(?:(\d+)\s*จังหวัด\s*ๆ?\s*ละ\s*(\d+)\s*คน|จังหวัดละ\s*(\d+)\s*คน|จำนวน\s*(\d+)\s*คน)")
_TOTAL = re.compile(r"รวม(?:ทั้งสิ้น)?(?:จำนวน)?\s*([\d,]+)\s*คน")


def parse_count_phrase(s: str) -> int | None:
    from phakhi.loaders.normalize import to_arabic_digits

    s = to_arabic_digits(s)
    m = re.search(r"(\d+)\s*จังหวัด\s*ๆ?\s*ละ\s*(\d+)\s*คน", s)
    if m:
        return int(m.group(1)) * int(m.group(2))
    m = re.search(r"จังหวัดละ\s*(\d+)\s*คน", s)
    if m:
        return 77 * int(m.group(1))
    m = re.search(r"จำนวน\s*(\d+)\s*คน", s)
    return int(m.group(1)) if m else None


def _event(fb: Any, text: str, start: int, end: int, date: str | None) -> tuple[str, tuple[int, int]] | None:
    m = _EVENT_NAME.search(text, start, end)
    cer = _CEREMONY.search(text, start, end)
    if m and (cer is None or m.start() < cer.start()):
        name = canonical_text(fb.clean[m.start(1):m.end(1)])
        kind = next((k for k in ("เสวนา", "สัมมนา", "ประชุม", "อบรม") if k in name), "event")
        found = _add_event(fb, name, kind, (m.start(1), m.end(1)), text, start, end, date)
        # 'การประชุม X' and 'ประชุม X' name the same meeting
        fb.nodes[found[0]].add_alias(name[3:] if name.startswith("การ") else "การ" + name)
        return found
    if cer:
        # the ceremony is named after the agreement it signs
        title_end = re.compile(r"\s+โดย|\s*ใน(?:วัน|ระหว่าง)|\s+ณ\s|\s+เพื่อ|\n").search(text, cer.end(), end)
        e = title_end.start() if title_end else min(end, cer.end() + 200)
        written = canonical_text(fb.clean[cer.start():e])
        # canonical name: 'พิธีลงนาม' + the agreement's title ('พิธีลงนามใน…' stays an alias)
        name = re.sub(r"^พิธีลงนามใน", "พิธีลงนาม", written)
        found = _add_event(fb, name, "signing", (cer.start(), e), text, start, end, date)
        fb.nodes[found[0]].add_alias(written)
        return found
    return None


def _add_event(fb: Any, name: str, kind: str, span: tuple[int, int], text: str, start: int, end: int,
               date: str | None) -> tuple[str, tuple[int, int]]:
    date_end = None
    for d in fb.dates(start, end):
        if d.end is not None:
            date, date_end = d.start.isoformat(), d.end.isoformat()
            break
    tm = _TIME.search(text, start, end)
    eid = node_id("Event", name, date)
    fb.node(eid, "Event", name, span, kind=kind, date=date, date_end=date_end,
            time=f"{int(tm.group(1)):02d}:{tm.group(2)}" if tm else None)
    return eid, span


def extract_news(fb: Any, text: str, start: int, end: int, mentions: list[Mention], people: list[Any],
                 date: str | None) -> None:
    """Agreements and events of one news item."""
    from phakhi.loaders import agreements

    aid = agreements.extract_news_mou(fb, text, start, end, mentions, people, date)
    if aid:
        _policy_relations(fb, text, start, end, mentions, aid)
    found = _event(fb, text, start, end, date)
    if found is None:
        return
    eid, espan = found
    _venues(fb, text, start, end, eid, mentions)
    _organisers(fb, text, start, end, eid, mentions)
    _people_roles(fb, text, start, end, eid, people, aid)
    _groups(fb, text, start, end, eid, mentions)


def _policy_relations(fb: Any, text: str, start: int, end: int, mentions: list[Mention], aid: str) -> None:
    """'ส่งเสริมสนับสนุนให้เครือข่าย … เข้าร่วมเป็นกรรมการ C' in a news item: without clause."""
    from phakhi.loaders.agreements import clause_relations

    parties = [e.source for e in fb.edges.values() if e.type == "PARTY_TO" and e.target == aid]
    # 'เสนอคณะรัฐมนตรี': a proposal to the cabinet is part of what the agreement says
    for m in re.finditer(r"เสนอ(?:ต่อ)?\s*", text[start:end]):
        c = next((x for x in mentions if start + m.end() <= x.start <= start + m.end() + 1 and x.type == "Committee"), None)
        if c is not None:
            fb.edge(aid, "MENTIONS", fb.mention(c), (c.start, c.end), context="proposal")
    for m in re.finditer(r"ส่งเสริม\s*สนับสนุนให้", text[start:end]):
        s = start + m.start()
        e = text.find("\n", s)
        e = end if e < 0 else min(e, end)
        inner = [x for x in mentions if s <= x.start < e]
        # the party that promotes: the ministry whose network it is, else the first party
        giver = parties[0] if parties else None
        owners = [x for x in mentions if x.type in ("Ministry", "Department") and x.start < s and x.id in parties]
        if owners:
            giver = owners[-1].id
        if giver is None:
            continue
        clause_relations(fb, text, s, e, inner, giver, aid, None, giver)
        # 'ให้เครือข่ายภายใต้สังกัดของ Y เข้าร่วมเป็นกรรมการ C': the networks listed for Y earlier
        net = re.compile(r"เครือข่าย(?:ภายใต้|ใน)สังกัด(?:ของ)?\s*").search(text, s, e)
        join = re.compile(r"เข้าร่วมเป็น(กรรมการ)\S*?").search(text, s, e)
        if net and join:
            owner = next((x for x in inner if net.end() <= x.start <= net.end() + 2 and x.is_org), None)
            centre = next((x for x in inner if join.start(1) + 6 <= x.start <= join.end() + 40
                           and x.type in ("Center", "Committee")), None)
            if owner is not None and centre is not None:
                for x in _listed_under(text, start, s, owner, mentions):
                    fb.edge(fb.mention(x), "JOINS_AS_COMMITTEE", fb.mention(centre), (s, e),
                            qualifier=f"{aid}|None", roles=["กรรมการ"], agreement=aid, party=giver)


def _listed_under(text: str, start: int, end: int, owner: Mention, mentions: list[Mention]) -> list[Mention]:
    """Networks listed after 'สังกัด(ของ) OWNER อันประกอบด้วย' earlier in the item."""
    out: list[Mention] = []
    for m in re.finditer(r"สังกัด(?:ของ)?\s*", text[start:end]):
        o = next((x for x in mentions if start + m.end() <= x.start <= start + m.end() + 1 and x.id == owner.id), None)
        if o is None:
            continue
        lm = re.compile(r"\s*(?:อันประกอบด้วย|ประกอบด้วย)\s*").match(text, o.end)
        if not lm:
            continue
        stop = text.find(" ซึ่ง", lm.end(), end)
        stop = stop if stop > 0 else min(end, lm.end() + 400)
        for x in mentions:
            if lm.end() <= x.start < stop and x.type in ("VolunteerNetwork", "Committee", "LocalGovernment") \
                    and x.id not in {y.id for y in out}:
                out.append(x)
        if out:
            break
    return out


def _venues(fb: Any, text: str, start: int, end: int, eid: str, mentions: list[Mention]) -> None:
    m = _VENUE_START.search(text, start, end)
    if not m:
        return
    vs = m.end()
    stop = re.compile(r"\n|\s(?:โดย|เพื่อ|ซึ่ง|พร้อม)|\s(?=(?:พล|นาย|นาง|ดร)[^\s]*\s)|ได้ร่วม|ในวัน").search(text, vs, end)
    ve = stop.start() if stop else min(end, vs + 200)
    tokens = [(t.start(), t.end()) for t in re.finditer(r"\S+", text[vs:ve])]
    parts: list[list[tuple[int, int]]] = []
    address: list[str] = []
    in_address = False
    province: Mention | None = None
    for a, b in tokens:
        a, b = a + vs, b + vs
        tok = text[a:b]
        pm = _province_token(fb, tok, a, b)
        if pm is None and tok.startswith(("จังหวัด", "จ.")):
            k = 7 if tok.startswith("จังหวัด") else 2
            pm = _province_token(fb, tok[k:], a + k, b)
        if pm is not None:
            province = pm
            break
        if _VENUE_HEAD.match(tok):
            parts.append([(a, b)])
            in_address = False
        elif _ADDRESS.match(tok) or (in_address and re.match(r"^\d", tok)):
            address.append(tok)
            in_address = True
        elif parts and not in_address:
            if any(x.start == a and x.is_org for x in mentions):
                break
            parts[-1].append((a, b))
        else:
            break
    prev = eid
    for part in parts:
        name = canonical_text(fb.clean[part[0][0]:part[-1][1]])
        from phakhi.loaders.mentions import reference_mention, surface_index

        known = [e for e in surface_index(fb.gazetteer).entries(name) if e.type == "Venue"]
        if known:  # a venue of the gazetteer (ทำเนียบรัฐบาล): its reference node
            vid = fb.mention(reference_mention(known[0], part[0][0], part[-1][1], name))
        else:
            vid = node_id("Venue", name)
            fb.node(vid, "Venue", name, (part[0][0], part[-1][1]))
        fb.edge(prev, "LOCATED_IN", vid, (part[0][0], part[-1][1]))
        prev = vid
    if province is not None and prev != eid:
        fb.edge(prev, "LOCATED_IN", fb.mention(province), (province.start, province.end),
                address=" ".join(address) or None)


def _province_token(fb: Any, tok: str, a: int, b: int) -> Mention | None:
    """A token that is a province name (กรุงเทพมหานคร is also the BMA: here the place)."""
    from phakhi.loaders.mentions import reference_mention, surface_index

    entries = [e for e in surface_index(fb.gazetteer).entries(tok) if e.type == "Province"]
    return reference_mention(entries[0], a, b, tok) if entries else None


def _organisers(fb: Any, text: str, start: int, end: int, eid: str, mentions: list[Mention]) -> None:
    for m in re.finditer(r"(?:ได้)?จัด(?:กิจกรรม)?(?:เสวนา|สัมมนา|ประชุม|อบรม|งาน|พิธี)|เป็นเจ้าภาพ|จัดขึ้น", text[start:end]):
        s = start + m.start()
        line_start = max(start, text.rfind("\n", 0, s) + 1)
        before = [x for x in mentions if line_start <= x.start and x.end <= s and x.is_org]
        if not before:
            continue
        if m.group(0) == "จัดขึ้น":
            # '… ซึ่ง X ร่วมกับ Y จัดขึ้น': both organise
            clause = max(text.rfind("ซึ่ง", line_start, s), text.rfind("โดย", line_start, s), line_start)
            before = [x for x in before if x.start >= clause]
            if not before:
                continue
        first = before[0]
        fb.edge(fb.mention(first), "ORGANIZES", eid, (first.start, s), role="เจ้าภาพ" if "เจ้าภาพ" in m.group(0) else None)
        if len(before) > 1 and re.match(r"\s*ร่วมกับ\s*$", text[first.end:before[1].start]):
            fb.edge(fb.mention(before[1]), "ORGANIZES", eid, (before[1].start, s), role="co-organiser")
        via = re.search(r"โดย\s*$", text[first.end:before[-1].start])
        if len(before) > 1 and via:
            unit = before[-1]
            fb.edge(fb.mention(unit), "ORGANIZES", eid, (unit.start, s), role="organising unit")
            fb.edge(fb.mention(unit), "PART_OF", first.id, (first.start, unit.end), relation="sub_organization")
        if "เจ้าภาพ" in m.group(0):
            co = re.compile(r"ร่วมกับ").search(text, m.end() + start, min(end, m.end() + start + 200))
            if co:
                other = next((x for x in mentions if co.end() <= x.start <= co.end() + 2 and x.is_org), None)
                if other is not None:
                    fb.edge(fb.mention(other), "ORGANIZES", eid, (other.start, other.end), role="co-host")


def _people_roles(fb: Any, text: str, start: int, end: int, eid: str, people: list[Any], aid: str | None) -> None:
    signed = {e.source for e in fb.edges.values() if e.type == "SIGNS" and e.target == aid} if aid else set()
    presided = set()
    for i, p in enumerate(people):
        nxt = people[i + 1].start if i + 1 < len(people) else end
        after = text[p.end:nxt]
        if _PRESIDE.search(after[:200]) and p.id not in presided:
            presided.add(p.id)
            fb.edge(p.id, "PRESIDES", eid, (p.start, p.end), role="ประธาน")
            continue
        if p.id in signed:
            fb.edge(p.id, "ATTENDS", eid, (p.start, p.end), role="signatory")
        sm = _SPEAK.search(after[:250])
        if sm and not _ATTEND.search(after[:sm.start()]):
            fb.edge(p.id, "SPEAKS_AT", eid, (p.start, p.end), role="กล่าว")
    # people listed before 'ร่วมการประชุม' / 'ร่วมเป็นเกียรติ'
    for am in _ATTEND.finditer(text, start, end):
        para_start = max(start, text.rfind("\n", 0, am.start()) + 1)
        window_start = max(para_start, am.start() - 900)
        for p in people:
            if window_start <= p.start < am.start() and p.id not in presided:
                between = text[p.end:am.start()]
                if _PRESIDE.search(between[:60]):
                    continue
                fb.edge(p.id, "ATTENDS", eid, (p.start, p.end), role=canonical_text(am.group(0)))
        _unnamed_posts(fb, text, window_start, am.start(), eid, am.group(0))
    # panels: 'โดย A … B … และ C เป็นผู้ดำเนินรายการ'
    for mm in _MODERATOR.finditer(text, start, end):
        para_start = max(start, text.rfind("\n", 0, mm.start()) + 1)
        panel = [p for p in people if para_start <= p.start < mm.start()]
        for k, p in enumerate(panel):
            role = "ผู้ดำเนินรายการ" if k == len(panel) - 1 else "ผู้ร่วมเสวนา"
            fb.edge(p.id, "SPEAKS_AT", eid, (p.start, p.end), role=role)
    # speakers: 'ได้รับเกียรติจาก A … B … ร่วมเป็นวิทยากร(เสวนา)'
    for pm in _PANEL.finditer(text, start, end):
        para_start = max(start, text.rfind("\n", 0, pm.start()) + 1)
        intro = None
        for intro in re.finditer(r"ได้รับเกียรติจาก|โดย", text[para_start:pm.start()]):
            pass
        floor = para_start + (intro.end() if intro else 0)
        for p in people:
            if floor <= p.start < pm.start() and p.id not in presided:
                fb.edge(p.id, "SPEAKS_AT", eid, (p.start, p.end), role="วิทยากร")
    for lm in _LECTURE.finditer(text, start, end):
        p = next((p for p in people if lm.end() - 2 <= p.start <= lm.end() + 2), None)
        if p is not None:
            fb.edge(p.id, "SPEAKS_AT", eid, (p.start, p.end), role="บรรยายพิเศษ")


_COUNT = re.compile(r"(?:(\d+)\s*จังหวัด\s*ๆ?\s*ละ\s*(\d+)\s*คน|จังหวัดละ\s*(\d+)\s*คน|(?:จำนวน\s*)?(\d[\d,]*)\s*คน)")
_LIST_START = re.compile(r"(?:ประกอบด้วย|ได้แก่|ผู้เข้าร่วม[^\s]*|ผู้เข้ารับการ[^\s]*)\s*")


def _unnamed_posts(fb: Any, text: str, start: int, end: int, eid: str, role: str) -> None:
    """'โดยมีปลัดกระทรวงมหาดไทยและผู้บริหาร… ร่วมเป็นเกียรติ': a post named without its
    holder attends as a Position node (title + organisation)."""
    from phakhi.loaders.mentions import find_mentions
    from phakhi.loaders.people import _setup, _title_regex

    gaz, _, _, _ = _setup(fb.gazetteer)
    titles = _title_regex(id(gaz))
    for m in re.finditer(r"โดยมี\s*", text[start:end]):
        s = start + m.end()
        tm = titles.match(text, s)
        if not tm:
            continue
        orgs = [o for o in find_mentions(text[tm.end():tm.end() + 60], gaz) if o.start == 0 and o.is_org]
        if not orgs:
            continue
        name = canonical_text(text[s:tm.end() + orgs[0].end])
        pid = node_id("Position", name)
        fb.node(pid, "Position", name, (s, tm.end() + orgs[0].end), organization=orgs[0].id)
        fb.edge(pid, "ATTENDS", eid, (s, end), role=canonical_text(role))


def _groups(fb: Any, text: str, start: int, end: int, eid: str, mentions: list[Mention]) -> None:
    """Participant groups with counts ('ผู้แทน C 77 จังหวัด ๆ ละ 4 คน', 'X จำนวน 15 คน'),
    the stated total ('รวมทั้งสิ้น 427 คน') and a warning when they do not add up."""
    from phakhi.loaders.people import _setup, _title_regex

    total_m = _TOTAL.search(text, start, end)
    if total_m is None:
        return
    line_start = text.rfind("\n", 0, total_m.start()) + 1
    lm = None
    for lm in _LIST_START.finditer(text, max(start, line_start, total_m.start() - 1500), total_m.start()):
        break
    pos = lm.end() if lm else max(start, line_start)
    groups: list[dict[str, Any]] = []
    provinces = 77
    for m in _COUNT.finditer(text, pos, total_m.start()):
        desc_start = pos
        desc = canonical_text(fb.clean[desc_start:m.end()])
        pos = m.end()
        if m.group(1):
            provinces = int(m.group(1))
            count = provinces * int(m.group(2))
        elif m.group(3):
            count = provinces * int(m.group(3))
        else:
            count = int(m.group(4).replace(",", ""))
        if not desc or len(desc) > 200:
            continue
        groups.append({"group": desc, "count": count})
        who = next((x for x in mentions if desc_start <= x.start < m.start() and x.is_org), None)
        if who is not None:
            fb.edge(fb.mention(who), "ATTENDS", eid, (desc_start, m.end()), qualifier=desc, role=desc, count=count)
            continue
        gaz, _, positions, _ = _setup(fb.gazetteer)
        tm = _title_regex(id(gaz)).search(text, desc_start, m.start())
        if tm and positions.get(tm.group(0)):
            pid = node_id("Position", tm.group(0))
            fb.node(pid, "Position", tm.group(0), tm.span())
            fb.edge(pid, "ATTENDS", eid, (desc_start, m.end()), qualifier=desc, role=desc, count=count)
    if not groups:
        return
    node = fb.nodes[eid]
    computed = sum(g["count"] for g in groups)
    stated = int(total_m.group(1).replace(",", ""))
    node.properties["participants"] = groups
    node.properties["participants_total"] = stated
    if stated != computed:
        fb.issue("warning", "total_mismatch",
                 f"event '{node.name}': participant groups add up to {computed}, the text states {stated}",
                 stated=stated, computed=computed)
