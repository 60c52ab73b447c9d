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
from phakhi.loaders.lexicon import fragments
from phakhi.loaders.mentions import Mention, MentionIndex

# the phrase after the verb names the event; it runs over spaces only through parts that
# belong to a name: '(อสม.)', 'ด้าน…', 'เรื่อง…', 'รุ่นที่ 1/2567', 'ครั้งที่ ๓/๒๕๖๗', 'ประจำปี ๒๕๖๗', a quoted title
_NAME_PART = (r"(?:\s*[“\"][^”\"\n]{2,120}[”\"]"
              # an abbreviation, then the second of two things named: '…เกษตร (ศพก.) และแปลงใหญ่'
              r"|\s?\([^()\n]{1,40}\)\s?และ[^\s“\"()]+"
              r"|\s?\([^()\n]{1,40}\)"
              r"|\s(?:ภายใต้)?(?:ใน)?(?:หัวข้อ|แนวคิด|เรื่อง)\s*[“\"][^”\"\n]{2,120}[”\"]"
              r"|\s(?:ด้าน|หัวข้อ|หลักสูตร)[^\s“\"]+"
              r"|\s?(?:รุ่นที่|ครั้งที่|ประจำปี(?:งบประมาณ|การศึกษา)?)(?:\s*พ\.ศ\.)?\s*\d[\d/]*"
              # where and at which level: 'จังหวัดร้อยเอ็ด', 'ภาค 7', 'ระดับจังหวัด'
              r"|\s(?:จังหวัด[^\s“\"()]+|ภาค\s?\d{1,2}|ระดับ[^\s“\"()]+))")
_EVENT_NAME = re.compile(
    r"(?:จัด(?:กิจกรรม)?|(?:เป็น|ทำหน้าที่)ประธาน(?:ใน)?(?:พิธี)?(?:เปิด)?|เข้าร่วม|ร่วม(?=กิจกรรม)|เปิด)\s*"
    r"((?:โครงการ)?(?:การ)?(?:(?:เสวนา|สัมมนา|ประชุม|อบรม|ฝึกอบรม)[^\s“\"()]*|งาน(?:วัน|มหกรรม|สัปดาห์)[^\s“\"()]+"
    # a ceremony named by what is done at it ('พิธีมอบโล่…', 'พิธีรับพระราชทาน…'); signing
    # ceremonies are named after their agreement (below); an activity by its quoted title
    r"|พิธี(?!เปิด|ลงนาม)[^\s“\"()]{4,}|กิจกรรม(?=\s*[“\"]))"
    r"(?:" + _NAME_PART + r")*)")
_CEREMONY = re.compile(r"(?:พิธี|การ)ลงนาม(?:ใน)?(?:บันทึก(?:ข้อตกลง|ความเข้าใจ|ความร่วมมือ)|ข้อตกลง|MOU)")
_TIME = re.compile(r"เวลา\s*(\d{1,2})[.:](\d{2})(?:\s*(?:-|–|ถึง)\s*(\d{1,2})[.:](\d{2}))?\s*(?:น\.|นาฬิกา)")
_VENUE_START = re.compile(r"(?:\sณ\s|\sณ(?=[ก-ฮ])|\sที่(?=(?:ตึก|อาคาร|ห้อง|โรงแรม|ศาลา|ทำเนียบ|หอประชุม|ลาน|ศูนย์ประชุม)))")
_VENUE_HEAD = re.compile(r"^(?:ห้อง|ศาลากลาง|ลาน|ศาลาว่าการ|ที่ว่าการอำเภอ|ตึก|อาคาร|โรงแรม|ทำเนียบ|หอประชุม|ศูนย์ประชุม"
                         r"|ศูนย์ราชการ|สโมสร|หอ|มหาวิทยาลัย|วิทยาลัย|โรงเรียน)")
_ADDRESS = re.compile(r"^(?:ชั้น|ถนน|ถ\.|เขต|แขวง|อำเภอ|อ\.|ตำบล|ต\.|เลขที่|ซอย)")
_GLUED_ADDRESS = re.compile(r"(?:ตำบล|อำเภอ|แขวง|เขต)(?=[ก-ฮ])")
_PRESIDE = re.compile(fragments("cues.presides"))
_SPEAK = re.compile(r"กล่าว(?:ว่า|เปิด|รายงาน|ต้อนรับ|ในนาม|เพิ่มเติม)?")
_ATTEND = re.compile(fragments("cues.attends"))
# 'พร้อมด้วย A … B …': the people who come with the subject attend
_ACCOMPANIED = re.compile(fragments("cues.accompanies") + r"\s*")
# a body that joins an event as a whole: 'กรมคุมประพฤติได้ร่วมกิจกรรมในครั้งนี้'
_BODY_JOINS = re.compile(r"[ \t]*" + fragments("cues.body_joins"))
_PANEL = re.compile(r"(?:ร่วม)?เป็นวิทยากร|(?:ร่วม|เป็นผู้ร่วม)เสวนา|ร่วมอภิปราย|เป็นผู้อภิปราย")
_MODERATOR = re.compile(r"เป็นผู้ดำเนินรายการ")
_PANEL_INTRO = re.compile(r"ได้รับเกียรติจาก|โดย")
_SIGNERS_INTRO = re.compile(r"โดยมี|โดย")
_LECTURE = re.compile(r"บรรยาย(?:พิเศษ)?\s*(?:ใน)?(?:หัวข้อ|เรื่อง)[^\n]{0,200}?โดย\s*|บรรยายพิเศษ[^\n]{0,200}?โดย\s*")
# a named person who then speaks: 'นาย ก … บรรยายเรื่อง…', '… นำเสนอผลการดำเนินงาน'
_PRESENT = re.compile(r"(?:ได้)?(?:บรรยาย|นำเสนอ|ปาฐกถา)")
# 'โดยมี A … B … เข้าร่วม': the verb closes a list opened by 'โดยมี'
_JOIN = re.compile(r"(?<!ผู้)เข้าร่วม(?!เป็น|กับ|ประชุม|การประชุม|พิธี|กิจกรรม)")
# … or by welcoming the guest: 'โดยมี A … และ B … ให้การต้อนรับ'
_LIST_CLOSES = re.compile(_JOIN.pattern + "|" + fragments("cues.welcomes"))
_GROUP = re.compile(r"(?:^|\s)((?:ผู้แทน|ผู้อำนวยการ|ผู้บริหาร|วิทยากร|สื่อมวลชน|แขกผู้มีเกียรติ|เจ้าหน้าที่|ผู้เข้าร่วม)[^\n]*?)"
                    r"(?:(\d+)\s*จังหวัด\s*ๆ?\s*ละ\s*(\d+)\s*คน|จังหวัดละ\s*(\d+)\s*คน|จำนวน\s*(\d+)\s*คน)")
_TOTAL = re.compile(r"(?:รวม(?:ทั้งสิ้น|ทั้งหมด)?|ทั้งสิ้น|ทั้งหมด)(?:จำนวน)?\s*([\d,]+)\s*(?:คน|ราย|ท่าน)")
# a total stated first: 'มีผู้เข้าร่วมทั้งสิ้น 400 คน ประกอบด้วย A จำนวน 320 คน B …'
_PARTS_FOLLOW = re.compile(r"\s*(?:โดย)?(?:ประกอบด้วย|ได้แก่|แบ่งเป็น|จำแนกเป็น)\s*")


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
    found_names = [f for f in _EVENT_NAME.finditer(text, start, end) if not _bare(f.group(1))]
    m = _best_name(found_names, text.find("\n", start, end))
    cer = _CEREMONY.search(text, start, end)
    dated = _DATED_MEETING.search(text, start, end)
    if dated and (m is None or dated.start() < m.start()) and (cer is None or dated.start() < cer.start()):
        # 'การประชุมคณะรัฐมนตรี (ครม.) วันอังคารที่ ๓ ตุลาคม ๒๕๖๐': a meeting with no number is
        # told apart by its date
        name = canonical_text(fb.clean[dated.start(1):dated.end(1)])
        found = _add_event(fb, name, "ประชุม", dated.span(1), text, start, end, date)
        when = canonical_text(fb.clean[dated.start(2):dated.end(2)])
        fb.nodes[found[0]].add_alias(f"{name} {when}", name + when, name[3:])
        return found
    if m and (cer is None or found_names[0].start() < cer.start()):
        name_end = m.end(1)
        if m.group(0).startswith("จัด") and text.endswith("ขึ้น", m.start(1), name_end):
            name_end -= len("ขึ้น")  # 'จัด X ขึ้น': the particle closes the verb, not the name
        m_span = (m.start(1), name_end)
        name = canonical_text(fb.clean[m_span[0]:m_span[1]])
        kind = next((k for k in ("เสวนา", "สัมมนา", "ประชุม", "อบรม", "พิธี", "กิจกรรม", "งาน") if k in name), "event")
        found = _add_event(fb, name, kind, m_span, text, start, end, date)
        # 'การประชุม X' and 'ประชุม X' name the same meeting
        fb.nodes[found[0]].add_alias(name[3:] if name.startswith("การ") else "การ" + name)
        _headline_alias(fb, text, start, end, found[0], name)
        return found
    if cer:
        # the ceremony is named after the agreement it signs
        title_end = re.compile(r"\s+โดย|\s*ใน(?:วัน|ระหว่าง)|\s+ณ\s|\s+เพื่อ|\s+ภายใต้|\s+ระหว่าง|\n").search(
            text, cer.end(), end)
        e = title_end.start() if title_end else min(end, cer.end() + 200)
        written = canonical_text(fb.clean[cer.start():e])
        # canonical name: 'พิธีลงนาม' + the agreement's title ('พิธีลงนามใน…' stays an alias)
        name = re.sub(r"^พิธีลงนามใน", "พิธีลงนาม", written)
        found = _add_event(fb, name, "signing", (cer.start(), e), text, start, end, date)
        # 'การลงนาม…' and 'พิธีลงนาม…' name the same signing
        other = re.sub(r"^การลงนาม", "พิธีลงนาม", name) if name.startswith("การ") else re.sub(r"^พิธี", "การ", name)
        fb.nodes[found[0]].add_alias(written, other)
        return found
    return None


_DATED_MEETING = re.compile(r"(การประชุม(?!ครั้ง|ดังกล่าว|นี้)[^\s“\"()]{4,}(?:\s?\([^()\n]{1,20}\))?)\s?"
                            r"((?:เมื่อ)?วัน[^\s]{0,12}ที่\s*[0-9๐-๙]{1,2}\s*[^\s\d๐-๙]+\s*[0-9๐-๙]{4})")
_SESSION = re.compile(r"ครั้งที่\s*[0-9๐-๙]{1,3}\s*/\s*[0-9๐-๙]{2,4}")
_HEADLINE_MEETING = re.compile(r"(?:การ)?ประชุม[^\n]{4,150}?ครั้งที่\s*[0-9๐-๙]{1,3}\s*/\s*[0-9๐-๙]{2,4}")


def _headline_alias(fb: Any, text: str, start: int, end: int, eid: str, name: str) -> None:
    """A headline names the meeting short ('ประชุมคณะกรรมการเครือข่าย ศพก. … ครั้งที่ 1/2561'), the
    body in full: the same session number makes the headline's phrase another name of it."""
    session = _SESSION.search(name)
    line_end = text.find("\n", start, end)
    first = text.find("\n", line_end + 1, end) if line_end >= 0 and not text[start:line_end].strip() else line_end
    if session is None or first < 0:
        return
    head = _HEADLINE_MEETING.search(text, start, first)
    if head is None or _squash(_SESSION.search(head.group(0)).group(0)) != _squash(session.group(0)):
        return
    short = canonical_text(fb.clean[head.start():head.end()])
    if short != name:
        fb.nodes[eid].add_alias(short, short[3:] if short.startswith("การ") else "การ" + short)


_BARE_REST = re.compile(r"^(?:ตาม|ดังกล่าว|ครั้งนี้|นี้|ประกอบด้วย|ได้|ให้|ที่|และ|ของ|เพื่อ|ใน|กับ|ร่วมกับ|โดย|จำนวน|ผ่าน)")


def _bare(name: str) -> bool:
    """'ประชุมตามวัน เวลา…', 'อบรมดังกล่าว': the verb's object is no name, only the head word.

    >>> _bare("ประชุมตามวัน"), _bare("ประชุมชี้แจงแนวทาง")
    (True, False)
    """
    rest = re.sub(r"^(?:โครงการ)?(?:การ)?(?:ฝึกอบรม|อบรม|สัมมนา|เสวนา|ประชุม|งาน)", "", name)
    return not rest.strip() or bool(_BARE_REST.match(rest))


def _best_name(found: list[re.Match[str]], headline_end: int = -1) -> re.Match[str] | None:
    """The most specific of the event phrases of an item: a headline says 'จัดสัมมนาเครือข่าย',
    the body 'จัดสัมมนาเชิงปฏิบัติการ "…"'. A quoted title or a number wins, then a phrase of the
    body over one of the headline (``text[:headline_end]``, which abbreviates); among equals the first.

    >>> _best_name(list(_EVENT_NAME.finditer('จัดสัมมนาเครือข่าย x จัดสัมมนา "ชื่อเต็ม"'))).group(1)
    'สัมมนา "ชื่อเต็ม"'
    >>> _best_name(list(_EVENT_NAME.finditer('เปิดอบรมอสม จัดอบรมอาสาสมัคร')), 11).group(1)
    'อบรมอาสาสมัคร'
    """
    found = [m for m in found if not _bare(m.group(1))]
    if not found:
        return None

    def rank(m: re.Match[str]) -> tuple[int, int]:
        specific = bool(re.search(r"[“\"]|ครั้งที่|รุ่นที่|ประจำปี", m.group(1)))
        return int(specific), int(m.start() >= headline_end)

    best = found[0]
    for m in found[1:]:
        if rank(m) > rank(best):
            best = m
    return best


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
            time=f"{int(tm.group(1)):02d}:{tm.group(2)}" if tm else None,
            time_end=f"{int(tm.group(3)):02d}:{tm.group(4)}" if tm and tm.group(3) else None)
    return eid, span


_MEETING_OF = re.compile(r"(?:การ)?ประชุม(?:สามัญ|วิสามัญ|ครั้งแรก(?:ของ)?)?\s?")


def _meeting_host(fb: Any, text: str, espan: tuple[int, int], eid: str, mentions: list[Mention]) -> None:
    """'การประชุมคณะกรรมการ X ครั้งที่ 3/2567': a committee's meeting is held by that committee."""
    m = _MEETING_OF.match(text, espan[0])
    if not m:
        return
    host = next((x for x in mentions if m.end() <= x.start <= m.end() + 1 and x.type == "Committee"), None)
    if host is not None and host.end <= espan[1] + 2:
        fb.edge(fb.mention(host), "ORGANIZES", eid, (host.start, host.end), role="meeting of")


def _named_participants(fb: Any, espan: tuple[int, int], eid: str, mentions: list[Mention]) -> None:
    """'การฝึกอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน (อปพร.) …', 'พิธีมอบโล่เชิดชูเกียรติ อพม. …': the
    network an event is named after is who it is for, so the network takes part in it."""
    for x in mentions:
        if espan[0] <= x.start and x.end <= espan[1] and x.type == "VolunteerNetwork":
            fb.edge(fb.mention(x), "ATTENDS", eid, (x.start, x.end), role="named in the event")


def _joining_bodies(fb: Any, text: str, eid: str, mentions: list[Mention]) -> None:
    """An organisation right before 'ได้ร่วมกิจกรรม' / 'เข้าร่วมงาน' takes part in the event."""
    for x in mentions:
        if x.is_org and x.type not in ("Committee",) and _BODY_JOINS.match(text, x.end) \
                and not _POST_BEFORE.search(text, max(0, x.start - 30), x.start):  # 'อธิบดีกรมX ร่วม…' is a person
            fb.edge(fb.mention(x), "ATTENDS", eid, (x.start, x.end), role="ร่วมกิจกรรม")


def _represented_bodies(fb: Any, text: str, start: int, end: int, eid: str, mentions: list[Mention],
                        people: list[Any]) -> None:
    """'โดยมีผู้แทนจาก A B และ C เข้าร่วมประชุม': the bodies sent representatives, so they attend."""
    posts = [(c.start, c.end) for p in people for c in getattr(p, "positions", None) or []]
    verbs = [m.start() for m in _ATTEND.finditer(text, start, end)] + \
            [m.start() for m in _JOIN.finditer(text, start, end)]
    for v in verbs:
        para_start = max(start, text.rfind("\n", 0, v) + 1)
        rep = None
        for rep in re.finditer(r"ผู้แทน(?:จาก)?(?:หน่วยงาน)?\s*", text[para_start:v]):
            pass
        if rep is None:
            continue
        pos = para_start + rep.end()
        for x in mentions:
            if x.start < pos or x.start >= v or not x.is_org:
                continue
            if x.start - pos > 2 and not re.fullmatch(r"\s*(?:,|และ|รวมทั้ง)?\s*", text[pos:x.start]):
                break
            if any(a <= x.start < b for a, b in posts):
                break
            fb.edge(fb.mention(x), "ATTENDS", eid, (x.start, x.end), role="ผู้แทน")
            pos = x.end


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
    _meeting_host(fb, text, espan, eid, mentions)
    _named_participants(fb, espan, eid, mentions)
    _stated_cooperation(fb, text, start, end, eid, mentions, people)
    _people_roles(fb, text, start, end, eid, people, aid)
    _represented_bodies(fb, text, start, end, eid, mentions, people)
    _joining_bodies(fb, text, eid, mentions)
    _accompanying_networks(fb, text, start, end, eid, mentions)
    _groups(fb, text, start, end, eid, mentions)


def _accompanying_networks(fb: Any, text: str, start: int, end: int, eid: str, mentions: list[Mention]) -> None:
    """'… พร้อมด้วยอาสาสมัครคุมประพฤติ ให้การต้อนรับ': a network that comes along attends."""
    found = MentionIndex(mentions)
    for am in _ACCOMPANIED.finditer(text, start, end):
        net = next((x for x in found.starting_in(am.end(), am.end() + 2) if x.type == "VolunteerNetwork"), None)
        if net is not None:
            fb.edge(fb.mention(net), "ATTENDS", eid, (am.start(), net.end), role="พร้อมด้วย")


# a letter's subject that invites to an event: 'ขอเชิญประชุมชี้แจง…', 'ขอเชิญเข้าร่วมสัมมนา…'
_INVITE = re.compile(r"^(?:ขอ)?(?:เรียน)?เชิญ(?:เข้า)?(?:ร่วม)?\s*(?=(?:การ)?(?:ประชุม|สัมมนา|อบรม|ฝึกอบรม|เสวนา|งาน|พิธี|กิจกรรม))")


def extract_letter_event(fb: Any, text: str, start: int, end: int, mentions: list[Mention],
                         subject: str | None) -> str | None:
    """The event a letter announces in its body ``text[start:end]`` (planned: 'กำหนดจัด…'); its id.
    An invitation subject ('เรื่อง ขอเชิญประชุม X') names it in full; else the phrase after the verb.

    >>> bool(_INVITE.match("ขอเชิญประชุมชี้แจงแนวทาง"))
    True
    """
    found = list(_EVENT_NAME.finditer(text, start, end))
    m = _best_name(found)
    inv = _INVITE.match(subject or "")
    if inv:
        name = canonical_text(subject[inv.end():])
        span = (m.start(1), m.end(1)) if m else (start, start)
    elif m:
        name = canonical_text(fb.clean[m.start(1):m.end(1)])
        span = (m.start(1), m.end(1))
    else:
        return None
    if len(name) < 6:
        return None
    kind = next((k for k in ("เสวนา", "สัมมนา", "ประชุม", "อบรม", "งาน", "พิธี") if k in name), "event")
    # the event's date: the first full date after its name (not the letter's date)
    date = None
    for d in fb.dates(span[0], end):
        if getattr(d, "precision", "day") == "day":
            date = d.start.isoformat()
            break
    eid, _ = _add_event(fb, name, kind, span, text, span[0], end, date)
    fb.nodes[eid].properties["planned"] = True
    if re.match(r"(?:ประชุม|สัมมนา|อบรม|ฝึกอบรม|เสวนา)", name):
        fb.nodes[eid].add_alias("การ" + name)  # 'ประชุม X' and 'การประชุม X' name the same meeting
    _venues(fb, text, span[0], end, eid, mentions)
    _organisers(fb, text, start, end, eid, mentions)
    _meeting_host(fb, text, span, eid, mentions)
    _groups(fb, text, start, end, eid, mentions)
    return eid


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


_ROOM_OF = re.compile(r"(?:ห้องประชุม|ห้อง|อาคาร|หอประชุม)\S{0,30}?[ \t]?(?:ชั้น[ \t]?\d+[ \t])?")


def _room_owner(text: str, vs: int, ve: int, gazetteer: Any) -> Mention | None:
    """'ห้องประชุมสำนักงานสาธารณสุขจังหวัดอำนาจเจริญ': the body a room is named after (the mention
    finder leaves a body glued to a room's head word alone, as most rooms are named, not owned)."""
    from phakhi.loaders.mentions import find_mentions

    room = _ROOM_HEAD.match(text, vs, ve)
    if room is None:
        return None
    tail_end = text.find(" ", room.end(), ve)
    tail_end = ve if tail_end < 0 else tail_end
    piece = text[room.end():tail_end]
    found = [m for m in find_mentions(piece, gazetteer) if m.is_org and m.start == 0 and m.end >= len(piece) - 1]
    if not found:
        return None
    owner = found[0]
    owner.start, owner.end = owner.start + room.end(), owner.end + room.end()
    owner.implied = [(rel, Mention(t.start + room.end(), t.end + room.end(), t.surface, t.type, t.id, t.name,
                                   key=t.key), props) for rel, t, props in owner.implied]
    return owner


_ROOM_HEAD = re.compile(r"(?:ห้องประชุม|หอประชุม|อาคาร)(?=สำนักงาน|กรม|กระทรวง|องค์การ|เทศบาล|ศูนย์|สถาบัน)")


def _venues(fb: Any, text: str, start: int, end: int, eid: str, mentions: list[Mention]) -> None:
    m = _VENUE_START.search(text, start, end)
    if not m:
        return
    vs = m.end()
    stop = re.compile(r"\n|\s(?:โดย|เพื่อ|ซึ่ง|พร้อม)|\s(?=(?:พล|นาย|นาง|ดร)[^\s]*\s)|ได้ร่วม|ในวัน").search(text, vs, end)
    ve = stop.start() if stop else min(end, vs + 200)
    tokens = [(t.start(), t.end()) for t in re.finditer(r"\S+", text[vs:ve])]
    # a body's premises: 'ณ เรือนจำ…', 'ที่สำนักงานเทศบาล…', 'ห้องประชุมสำนักงานสาธารณสุขจังหวัดX'
    host = next((x for x in mentions if x.is_org and (x.start == vs or (
        x.start < ve and _ROOM_OF.fullmatch(text, vs, x.start)))), None)
    if host is None:
        host = _room_owner(text, vs, ve, fb.gazetteer)
    if host is not None:
        fb.edge(eid, "LOCATED_IN", fb.mention(host), (host.start, host.end), basis="premises")
    parts: list[list[tuple[int, int]]] = []
    address: list[str] = []
    in_address = False
    province: Mention | None = None
    for a, b in tokens:
        a, b = a + vs, b + vs
        if host is not None and host.start <= a and b <= host.end:
            continue  # the host's own name; its address may follow
        tok = text[a:b]
        pm = _province_token(fb, tok, a, b)
        if pm is None and tok.startswith(("จังหวัด", "จ.")):
            k = 7 if tok.startswith("จังหวัด") else 2
            pm = _province_token(fb, tok[k:], a + k, b)
        if pm is not None:
            province = pm
            break
        headless = not parts and not address and host is None \
            and not any(x.start == a and x.is_org for x in mentions)
        if _VENUE_HEAD.match(tok) or headless:
            # 'ณ ไร่ศรีวรรณ ตำบล…', 'ณ บริเวณสนามหน้าศาลากลาง…': whatever 'ณ' opens is the place
            glued = _GLUED_ADDRESS.search(tok, 3)
            if glued:  # 'ไร่ศรีวรรณตำบลนายม': the address starts inside the token
                b = a + glued.start()
                address.append(tok[glued.start():])
                in_address = True
            parts.append([(a, b)])
            in_address = bool(glued)
            k = tok.find("จังหวัด", 3)
            if k > 0:  # 'ศาลากลางจังหวัดตาก': the venue names its province, and ends there
                pm = _province_token(fb, tok[k + 7:], a + k + 7, a + len(tok))
                if pm is not None:
                    province = pm
                    break
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
    if province is not None and prev == eid and host is not None and host.start == vs:
        # 'ณ เรือนจำ… อำเภอ… จังหวัดX': the host's premises are in the province (the event is at the host)
        fb.edge(fb.mention(host), "LOCATED_IN", fb.mention(province), (host.start, province.end),
                address=" ".join(address) or None)
    elif province is not None:
        # the last venue is in the province; with no venue named ('ณ จังหวัดน่าน') the event itself is
        fb.edge(prev, "LOCATED_IN", fb.mention(province), (province.start, province.end),
                address=" ".join(address) or None)
        if prev != eid:  # the event took place in that province too (what users filter by)
            fb.edge(eid, "LOCATED_IN", province.id, (province.start, province.end))


def _listed_provinces(fb: Any, text: str, start: int, end: int) -> list[str]:
    """'อปพร. จาก 3 จังหวัด ได้แก่ จังหวัดแพร่ น่าน และพะเยา': the provinces a group comes from.

    Only names after 'ได้แก่' count; each word is looked up in the gazetteer's provinces."""
    lm = re.compile(r"ได้แก่\s*").search(text, start, end)
    if lm is None:
        return []
    out: list[str] = []
    for t in re.finditer(r"\S+", text[lm.end():end]):
        tok = re.sub(r"^(?:และ|จังหวัด|จ\.)+", "", t.group(0)).rstrip(",")
        pm = _province_token(fb, tok, 0, len(tok)) if tok else None
        if pm is None:
            if out:
                break
            continue
        if pm.name not in out:
            out.append(pm.name)
    return out


def _province_token(fb: Any, tok: str, a: int, b: int) -> Mention | None:
    """A token that is a province name (กรุงเทพมหานคร is also the BMA: here the place)."""
    from phakhi.loaders.mentions import reference_mention, surface_index

    entries = [e for e in surface_index(fb.gazetteer).entries(tok) if e.type == "Province"]
    return reference_mention(entries[0], a, b, tok) if entries else None


def _organisers(fb: Any, text: str, start: int, end: int, eid: str, mentions: list[Mention]) -> None:
    # 'ซึ่ง X เป็นผู้จัด' / 'X เป็นเจ้าของงาน': the body right before; 'จัดโดย X': right after
    for m in re.finditer(r"\s?เป็นผู้จัด(?:งาน|การ)?|จัดโดย\s*", text[start:end]):
        s, e = start + m.start(), start + m.end()
        if m.group(0).startswith("จัดโดย"):
            org = next((x for x in mentions if e <= x.start <= e + 2 and x.is_org), None)
        else:
            org = next((x for x in reversed(mentions) if s - 2 <= x.end <= s and x.is_org), None)
        if org is not None:
            fb.edge(fb.mention(org), "ORGANIZES", eid, (min(s, org.start), max(e, org.end)), role="ผู้จัด")
    for m in re.finditer(r"(?:ได้)?จัด(?:กิจกรรม|โครงการ)?(?:การ)?(?:เสวนา|สัมมนา|ประชุม|ฝึกอบรม|อบรม|งาน|พิธี)"
                         r"|(?:ได้)?จัดกิจกรรม(?=\s*[“\"])|เป็นเจ้าภาพ|จัดขึ้น"
                         # a body that opens its own training: 'อบจ.เชียงใหม่ เปิดการฝึกอบรม…'
                         r"|(?:ได้)?เปิด(?:การ)?(?:ฝึกอบรม|อบรม|ประชุม|สัมมนา|โครงการ)", text[start:end]):
        s = start + m.start()
        line_start = max(start, text.rfind("\n", 0, s) + 1)
        # a class of bodies ('อบต.', 'เทศบาล') organises nothing itself: its members named do
        before = [x for x in mentions if line_start <= x.start and x.end <= s and x.is_org
                  and not _is_class(fb, x)]
        if not before:
            continue
        if "เปิด" in m.group(0):
            # only a body right before 'เปิด…' opens its own event; 'รองอธิบดีกรมX เป็นประธานเปิด…' is a person
            last = before[-1]
            if not re.fullmatch(r"[ \t]*(?:\([^()\n]{1,20}\))?[ \t]*(?:ได้)?[ \t]*", text[last.end:s]) \
                    or _POST_BEFORE.search(text, max(0, last.start - 30), last.start):
                continue
            before = [last]
        if m.group(0) == "จัดขึ้น":
            # '… ซึ่ง X ร่วมกับ Y จัดขึ้น': both organise
            clause = max(text.rfind("ซึ่ง", line_start, s), text.rfind("โดย", line_start, s), line_start)
            before = [x for x in before if x.start >= clause]
            if not before:
                continue
        # the bodies right before the verb, joined by 'ร่วมกับ' / 'โดย' / 'และ' ('A ร่วมกับ B และ C จัด…',
        # 'A โดย B ได้จัด…'); a body named earlier in the line (a chair's department) is not an organiser
        chain = [before[-1]]
        for x in reversed(before[:-1]):
            if x.id == chain[0].id or _CHAIN_JOINER.fullmatch(text[x.end:chain[0].start]):
                chain.insert(0, x)
            elif chain[0].type == "Ministry" and x.type != "Ministry" and text[x.end:chain[0].start].isspace():
                # 'กรมคุมประพฤติ กระทรวงยุติธรรม โดย…': the ministry only says whose the department is
                fb.edge(fb.mention(x), "PART_OF", fb.mention(chain[0]), (x.start, chain[0].end),
                        relation="sub_organization")
                chain[0] = x
            else:
                break
        first = chain[0]
        fb.edge(fb.mention(first), "ORGANIZES", eid, (first.start, s), role="เจ้าภาพ" if "เจ้าภาพ" in m.group(0) else None)
        for prev, x in zip(chain, chain[1:]):
            if x.id == first.id:
                continue
            if re.search(r"โดย\s*$", text[prev.end:x.start]):
                fb.edge(fb.mention(x), "ORGANIZES", eid, (x.start, s), role="organising unit")
                fb.edge(fb.mention(x), "PART_OF", prev.id, (prev.start, x.end), relation="sub_organization")
                continue
            fb.edge(fb.mention(x), "ORGANIZES", eid, (x.start, s), role="co-organiser")
            if "ร่วมกับ" in text[first.end:x.start]:
                fb.edge(first.id, "COOPERATES_WITH", x.id, (first.start, x.end), basis="co-organisers")
        if "เจ้าภาพ" in m.group(0):
            co = re.compile(r"ร่วมกับ").search(text, m.end() + start, min(end, m.end() + start + 200))
            if co:
                other = next((x for x in mentions if co.end() <= x.start <= co.end() + 2 and x.is_org), None)
                if other is not None:
                    fb.edge(fb.mention(other), "ORGANIZES", eid, (other.start, other.end), role="co-host")


def _is_class(fb: Any, m: Mention) -> bool:
    """A generic class of the gazetteer written bare ('องค์การบริหารส่วนตำบล'), not one body."""
    entry = fb.gazetteer.entries.get(m.key) if fb.gazetteer is not None and m.key else None
    return entry is not None and bool(entry.extra.get("generic"))


_WITH = re.compile(r"ร่วมกับ")
_CHAIN_JOINER = re.compile(r"\s*(?:\([^()\n]*\))?\s*(?:ร่วมกับ|โดย|และ|,)\s*")
_ORGANISED = re.compile(r"จัด|เป็นเจ้าภาพ")
_CLAUSE_START = re.compile(r"\n|ทั้งนี้|พร้อมทั้ง|นอกจากนี้|และให้|ซึ่ง|โดย")
_POST_BEFORE = re.compile(r"(?:รัฐมนตรี(?:ช่วย)?ว่าการ|อธิบดี|ผู้อำนวยการ|ปลัด|นายก|เลขาธิการ|ผู้ว่าราชการ|หัวหน้า|ประธาน"
                          r"|ผู้บัญชาการ|ผู้ตรวจราชการ|ผู้แทน|เจ้าหน้าที่)$")
_BODY_TYPES = ("Ministry", "Department", "Office", "IndependentAgency", "ProvincialOffice", "LocalGovernment",
               "Organization")


def _stated_cooperation(fb: Any, text: str, start: int, end: int, eid: str, mentions: list[Mention],
                        people: list[Any]) -> None:
    """'… มอบหมายให้ X ประสาน … ร่วมกับ Y สำรวจ…', 'พร้อมทั้งฝึกปฏิบัติ… ร่วมกับ Y': X (the body acting in
    the clause, not one named in a post such as 'อธิบดีกรม…') cooperates with Y; with no such body in
    the clause, the event's organiser does. Co-organisers ('X ร่วมกับ Y จัด…') are done with them."""
    posts = [(c.start, c.end) for p in people for c in getattr(p, "positions", None) or []]
    organiser = next((e.source for e in fb.edges.values()
                      if e.type == "ORGANIZES" and e.target == eid and e.properties.get("role") != "co-organiser"), None)
    found = MentionIndex(mentions)
    for m in _WITH.finditer(text, start, end):
        s, e = m.start(), m.end()
        other = next((x for x in found.starting_in(e, e + 2) if x.type in _BODY_TYPES), None)
        if other is None or _ORGANISED.search(text[other.end:other.end + 40]):
            continue
        clause = max([start] + [c.end() for c in _CLAUSE_START.finditer(text, max(start, s - 300), s)])
        actors = [x for x in found.within(clause, s) if x.type in _BODY_TYPES
                  and not any(a <= x.start < b for a, b in posts)
                  and not _POST_BEFORE.search(text[max(0, x.start - 20):x.start])]
        subj = actors[-1].id if actors else organiser
        if subj is not None and subj != other.id:
            fb.edge(subj, "COOPERATES_WITH", fb.mention(other), (clause, other.end), basis="ร่วมกับ")


def _people_roles(fb: Any, text: str, start: int, end: int, eid: str, people: list[Any], aid: str | None) -> None:
    signed = {e.source for e in fb.edges.values() if e.type == "SIGNS" and e.target == aid} if aid else set()
    presided = set()
    for i, p in enumerate(people):
        nxt = people[i + 1].start if i + 1 < len(people) else end
        para_end = text.find("\n", p.end, nxt)
        after = text[p.end:nxt if para_end < 0 else para_end]  # what a person does: in the same paragraph
        if _PRESIDE.search(after[:200]) and p.id not in presided:
            presided.add(p.id)
            fb.edge(p.id, "PRESIDES", eid, (p.start, p.end), role="ประธาน")
            continue
        if p.id in signed:
            fb.edge(p.id, "ATTENDS", eid, (p.start, p.end), role="signatory")
        sm = _SPEAK.search(after[:250])
        if sm and not _ATTEND.search(after[:sm.start()]):
            fb.edge(p.id, "SPEAKS_AT", eid, (p.start, p.end), role="กล่าว")
        pm = _PRESENT.search(after[:150])
        # not the object of another's act: 'มอบของที่ระลึกแด่ P พร้อมนำเสนอ…' (the giver presents)
        receiver = re.search(r"(?:แด่|แก่|ให้|ต่อ|กับ)\s*$", text[max(start, p.start - 12):p.start])
        if pm and not receiver and not _ATTEND.search(after[:pm.start()]) \
                and not re.search(r"โดย|และ", after[:pm.start()][-40:]):
            fb.edge(p.id, "SPEAKS_AT", eid, (p.start, p.end), role=canonical_text(pm.group(0)))
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
    for jm in _LIST_CLOSES.finditer(text, start, end):
        para_start = max(start, text.rfind("\n", 0, jm.start()) + 1)
        intro = None
        for intro in re.finditer(r"โดยมี", text[para_start:jm.start()]):
            pass
        if intro is None:
            continue
        for p in people:
            if para_start + intro.end() <= p.start < jm.start() and p.id not in presided:
                fb.edge(p.id, "ATTENDS", eid, (p.start, p.end), role="เข้าร่วม")
    _listed_attendees(fb, text, start, end, eid, people, presided)
    for am in _ACCOMPANIED.finditer(text, start, end):
        for p in _people_in_sequence(text, am.end(), end, people):
            if p.id not in presided:
                fb.edge(p.id, "ATTENDS", eid, (p.start, p.end), role="พร้อมด้วย")
    _signatories(fb, text, start, end, eid, people, presided)
    _titled_speakers(fb, text, start, end, eid, people)
    # panels: 'โดย A … B … และ C เป็นผู้ดำเนินรายการ'
    for mm in _MODERATOR.finditer(text, start, end):
        para_start = max(start, text.rfind("\n", 0, mm.start()) + 1)
        panel = [p for p in people if para_start <= p.start < mm.start()]
        for k, p in enumerate(panel):
            role = "ผู้ดำเนินรายการ" if k == len(panel) - 1 else "ผู้ร่วมเสวนา"
            fb.edge(p.id, "SPEAKS_AT", eid, (p.start, p.end), role=role)
    # speakers: 'ได้รับเกียรติจาก A … B … ร่วมเป็นวิทยากร(เสวนา)'
    for pm in _PANEL.finditer(text, start, end):
        for p in _listed_before(text, start, pm.start(), _PANEL_INTRO, people, presided):
            fb.edge(p.id, "SPEAKS_AT", eid, (p.start, p.end), role="วิทยากร")
    for sm in _SESSION_BY.finditer(text, start, end):
        role = "บรรยาย" if sm.group(1).startswith("บรรยาย") else "ผู้ร่วมเสวนา"
        for p in _people_in_sequence(text, sm.end(), end, people):
            if p.id not in presided:
                fb.edge(p.id, "SPEAKS_AT", eid, (p.start, p.end), role=role)
    for lm in _LECTURE.finditer(text, start, end):
        first = next((p for p in people if lm.end() - 2 <= p.start <= lm.end() + 2), None)
        if first is None:
            continue
        for p in _people_in_sequence(text, first.start, end, people, step=60):
            fb.edge(p.id, "SPEAKS_AT", eid, (p.start, p.end), role="บรรยายพิเศษ" if "พิเศษ" in lm.group(0) else "บรรยาย")


# a session and its speakers: 'มีการเสวนา เรื่อง "…" โดย A … และ B …', 'บรรยายหัวข้อ "…" โดย P'
_SESSION_BY = re.compile(r"(บรรยาย(?:พิเศษ)?|(?:การ)?เสวนา\S*|(?:การ)?อภิปราย\S*)\s*(?:เรื่อง|หัวข้อ|ในหัวข้อ)?\s*"
                         r"[“\"][^”\"\n]{2,200}[”\"]\s*โดย(?:มี)?\s*")


def _people_in_sequence(text: str, pos: int, end: int, people: list[Any], step: int = 150) -> list[Any]:
    """People listed from ``pos`` on: each within ``step`` characters of the previous one (after its
    posts), in the same paragraph."""
    para_end = text.find("\n", pos, end)
    para_end = end if para_end < 0 else para_end
    out: list[Any] = []
    prev_end = pos
    for p in people:
        if p.start < pos or p.start >= para_end:
            continue
        if p.start - prev_end > step:
            break
        out.append(p)
        prev_end = max([p.end] + [c.end for c in getattr(p, "positions", None) or []])
    return out


_LIST_AFTER = re.compile(r"(?:เข้า)?ร่วม(?:การ)?(?:ประชุม|พิธี|กิจกรรม|งาน)?\s*(?:ได้แก่|ประกอบด้วย)\s*")
_SIGN_VERB = re.compile(r"เป็นผู้ลงนาม|ร่วม(?:กัน)?ลงนาม|ลงนามร่วมกัน")


def _listed_attendees(fb: Any, text: str, start: int, end: int, eid: str, people: list[Any],
                      presided: set[str]) -> None:
    """'โดยมีผู้บริหารเข้าร่วมประชุม ได้แก่ A … B … และ C …': the people listed after the verb,
    one after another (each within a short step of the previous one, in the same paragraph)."""
    for lm in _LIST_AFTER.finditer(text, start, end):
        for p in _people_in_sequence(text, lm.end(), end, people):
            if p.id not in presided:
                fb.edge(p.id, "ATTENDS", eid, (p.start, p.end), role=canonical_text(lm.group(0)))


def _signatories(fb: Any, text: str, start: int, end: int, eid: str, people: list[Any],
                 presided: set[str]) -> None:
    """'โดยมี A … B … และ C … เป็นผู้ลงนาม': the signers attend the ceremony as signatories."""
    for sm in _SIGN_VERB.finditer(text, start, end):
        for p in _listed_before(text, start, sm.start(), _SIGNERS_INTRO, people, presided):
            fb.edge(p.id, "ATTENDS", eid, (p.start, p.end), role="signatory")


def _listed_before(text: str, start: int, verb: int, intro: re.Pattern[str], people: list[Any],
                   presided: set[str]) -> list[Any]:
    """The people named between the last ``intro`` word ('โดยมี', 'ได้รับเกียรติจาก' …) and
    ``verb`` in the verb's paragraph, except those who preside: the list the verb closes."""
    para_start = max(start, text.rfind("\n", 0, verb) + 1)
    last = None
    for last in intro.finditer(text, para_start, verb):
        pass
    floor = last.end() if last else para_start
    return [p for p in people if floor <= p.start < verb and p.id not in presided]


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _titled_speakers(fb: Any, text: str, start: int, end: int, eid: str, people: list[Any]) -> None:
    """'ผู้ว่าราชการจังหวัดน่านกล่าวว่า …': a post named without its holder speaks; the holder is
    the person named with that post earlier in the item. Likewise a person named again by the
    first name only ('นายแพทย์สมชายฯ กล่าวว่า')."""
    for sm in re.finditer(r"(?:ได้)?(?:กล่าว(?:ว่า|เพิ่มเติม|ย้ำ|ถึง)|เน้นย้ำ|ย้ำว่า)", text[start:end]):
        s = start + sm.start()
        clause = max(start, text.rfind("\n", start, s) + 1, s - 120)
        subject = _squash(text[clause:s])
        if any(clause <= p.start < s for p in people):
            continue  # a named speaker is handled with the people
        for p in people:
            if p.start >= s:
                break
            posts = [_squash(c.full) for c in getattr(p, "positions", []) or [] if getattr(c, "full", None)]
            first = p.name.split()[0] if p.name.split() else ""
            honor = _squash(getattr(p, "honorific", "") or "")
            by_first_name = len(first) >= 3 and honor and subject.rstrip("ฯ").endswith(honor + first)
            if by_first_name or any(len(post) >= 4 and subject.endswith(post) for post in posts):
                fb.edge(p.id, "SPEAKS_AT", eid, (clause, s + len(sm.group(0))), role="กล่าว")
                break


_COUNT = re.compile(r"(?:(\d+)\s*จังหวัด\s*ๆ?\s*ละ\s*(\d+)\s*คน|จังหวัดละ\s*(\d+)\s*คน|(?:จำนวน\s*)?(\d[\d,]*)\s*(?:คน|ราย|ท่าน)"
                    r"|(?:แห่ง|หน่วยงาน|หน่วย|อำเภอ|ตำบล|ศูนย์|โรงเรียน)ละ\s*(\d+)\s*คน)")
_PARTICIPANTS = re.compile(r"ผู้เข้า(?:ร่วม|รับการ)\S*?\s*(?:ประกอบด้วย|ได้แก่)\s*")
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
    listed = _PARTICIPANTS.search(text, start, end) if total_m is None else None
    if total_m is None and listed is None:
        return
    follow = _PARTS_FOLLOW.match(text, total_m.end()) if total_m else listed
    if follow:  # the parts follow the total (or 'ผู้เข้าร่วม…ประกอบด้วย'), to the end of the paragraph
        pos = follow.end()
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop
    else:  # the parts come first, the total closes the list
        line_start = text.rfind("\n", 0, total_m.start()) + 1
        lm = None
        for lm in _LIST_START.finditer(text, max(start, line_start, total_m.start() - 1500), total_m.start()):
            break
        pos = lm.end() if lm else max(start, line_start)
        stop = total_m.start()
    groups: list[dict[str, Any]] = []
    provinces = 77
    for m in _COUNT.finditer(text, pos, stop):
        desc_start = pos
        while desc_start < m.start() and text[desc_start] in " \t":
            desc_start += 1
        if text.startswith("และ", desc_start):
            desc_start += 3
        desc = canonical_text(fb.clean[desc_start:m.end()])
        pos = m.end()
        per_unit = None
        if m.group(5):  # 'แห่งละ 1 คน': per unit, the number of units is not stated
            per_unit = int(m.group(5))
            count = None
        elif m.group(1):
            provinces = int(m.group(1))
            count = provinces * int(m.group(2))
        elif m.group(3):
            count = provinces * int(m.group(3))
        else:
            count = int(m.group(4).replace(",", ""))
        if not desc or len(desc) > 200:
            continue
        groups.append({"group": desc, "count": count} if per_unit is None else {"group": desc, "per_unit": per_unit})
        who = next((x for x in mentions if desc_start <= x.start < m.start() and x.is_org), None)
        if who is not None:
            fb.edge(fb.mention(who), "ATTENDS", eid, (desc_start, m.end()), qualifier=desc, role=desc, count=count,
                    per_unit=per_unit, provinces=_listed_provinces(fb, text, desc_start, m.start()) or None)
            continue
        gaz, _, positions, _ = _setup(fb.gazetteer)
        tm = _title_regex(id(gaz)).search(text, desc_start, m.start())
        if tm and positions.get(tm.group(0)):
            pid = node_id("Position", tm.group(0))
            fb.node(pid, "Position", tm.group(0), tm.span())
            fb.edge(pid, "ATTENDS", eid, (desc_start, m.end()), qualifier=desc, role=desc, count=count)
    node = fb.nodes[eid]
    if not groups:  # a total alone ('ผู้เข้าร่วมรวมทั้งสิ้น 90 ท่าน'): nothing to check
        if total_m is not None:
            node.properties["participants_total"] = int(total_m.group(1).replace(",", ""))
        return
    node.properties["participants"] = groups
    if total_m is None:
        return
    stated = int(total_m.group(1).replace(",", ""))
    node.properties["participants_total"] = stated
    if any(g.get("count") is None for g in groups):
        return  # a part without a number: the sum cannot be checked
    computed = sum(g["count"] for g in groups)
    if stated != computed:
        fb.issue("warning", "total_mismatch",
                 f"event '{node.name}': participant groups add up to {computed}, the text states {stated}",
                 stated=stated, computed=computed)
