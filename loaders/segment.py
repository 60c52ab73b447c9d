"""Split one file's text into items (news, letter, MOU text, table) and page furniture.

A crawled file can start with the tail of the previous page (menus, a calendar), hold a
letter followed by MOU texts and tables, or a news item followed by related news. Segments
tile the text: every character belongs to exactly one segment, in order.

>>> text = "หน้าแรก | ข่าว |\\nfacebook line\\n\\nกรมการปกครองลงนามบันทึกข้อตกลง\\nวันนี้ 16 มิถุนายน 2565 เวลา 09.30 น. มีการประชุม\\n\\nสงวนลิขสิทธิ์ 2565\\n"
>>> [(s.kind, s.hint, s.title) for s in segment(text)]
[('furniture', 'unknown', ''), ('item', 'news', 'กรมการปกครองลงนามบันทึกข้อตกลง'), ('furniture', 'unknown', '')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import WEEKDAYS, find_dates
from .lexicon import lexicon
from .normalize import to_arabic_digits


@dataclass
class Segment:
    kind: str  # 'item' | 'furniture'
    start: int
    end: int
    title: str
    hint: str  # 'news' | 'letter' | 'mou' | 'table' | 'related' | 'unknown'


# --- furniture lines ----------------------------------------------------------------------

_MONTH_WORDS = "|".join([f for m in lexicon()["months"] for f in m["full"]]
                        + ["January", "February", "March", "April", "May", "June", "July", "August",
                           "September", "October", "November", "December"])
_CALENDAR_HEADER = re.compile(r"^[«‹<\[]\s*(?:" + _MONTH_WORDS + r")\s*\d{4}\s*[»›>\]]?$|^[«‹<\[]?\s*(?:"
                              + _MONTH_WORDS + r")\s*\d{4}\s*[»›>\]]$", re.I)
_WEEKDAY_ABBR = {"อา", "จ", "อ", "พ", "พฤ", "ศ", "ส", "sun", "mon", "tue", "wed", "thu", "fri", "sat",
                 "su", "mo", "tu", "we", "th", "fr", "sa"} | set(WEEKDAYS) | {"อาทิตย์"}
_SOCIAL = {"facebook", "line", "twitter", "x", "email", "e-mail", "print", "share", "tweet", "instagram",
           "youtube", "tiktok", "messenger", "linkedin", "pinterest", "แชร์", "พิมพ์", "copy", "link",
           "url", "คัดลอก", "คัดลอกลิงก์", "แล้ว", "icon", "news", "rss", "line@", "fb", "ig", "shares",
           "on", "via", "to", "ผ่าน", "ทาง"}
_COUNTER = re.compile(r"ผู้เข้าชม|ผู้เยี่ยมชม|ผู้ชม\s*[:：]?\s*\d|เข้าชม\s*[:：]?\s*\d|ขณะนี้มีผู้|ออนไลน์\s*\d|"
                      r"\bonline\s*[:：]?\s*\d|\d+\s*(?:users?\s*)?online\b|users? online|มีผู้\s*online|"
                      r"\bviews?\s*[:：]?\s*\d|\d+\s*views?\b|อ่าน\s*\d+\s*ครั้ง|จำนวนการอ่าน|"
                      r"visitors?\s*[:：]?\s*\d|hits?\s*[:：]\s*\d|สถิติผู้เข้าชม|ผู้ชมทั้งหมด", re.I)
_COPYRIGHT = re.compile(r"สงวนลิขสิทธิ์|ลิขสิทธิ์\s*©|©|\(c\)\s*\d{4}|copyright|all rights reserved", re.I)
_NAV_PHRASES = re.compile(
    r"^(?:ดูปฏิทินทั้งหมด|ดูทั้งหมด|อ่านต่อ|อ่านเพิ่มเติม|อ่านทั้งหมด|ดูเพิ่มเติม|ย้อนกลับ|กลับหน้าแรก|หน้าแรก|"
    r"กลับสู่ด้านบน|กลับด้านบน|ขึ้นด้านบน|ถัดไป|ก่อนหน้า|หน้าถัดไป|หน้าก่อนหน้า|read more|more|back|next|"
    r"previous|home|top|ข่าวที่เกี่ยวข้อง|ข่าวอื่น\s?ๆ|ข่าวล่าสุด|ข่าวยอดนิยม|ข่าวแนะนำ|แท็ก|tags?|"
    r"ดาวน์โหลด(?:เอกสาร)?|เอกสารแนบ|ไฟล์แนบ|ภาพกิจกรรม|แกลเลอรี่|แกลลอรี่|skip to (?:main )?content)\s*[:：»>]*$",
    re.I)
_RELATED = re.compile(r"^(?:ข่าวที่เกี่ยวข้อง|ข่าวอื่น\s?ๆ|ข่าวล่าสุด|ข่าวยอดนิยม|ข่าวแนะนำ|related(?: news| posts?)?)"
                      r"\s*[:：»>]*$", re.I)
_URL_LINE = re.compile(r"^\S{0,30}\s*(?:https?://|www\.)\S+$", re.I)
_HTML_DEBRIS = re.compile(r'"\s*/?>|</?[a-z]+[^>]*>|\bicon\d*\b|&[a-z]+;|\{\{|\}\}', re.I)
_MENU_BAR = re.compile(r"(?:^|\s)[|»›>]\s*$|^[|»›]|\s[|»›]\s.*\s[|»›]\s")
_BREADCRUMB = re.compile(r"^(?:หน้าแรก|home|หน้าหลัก)\s*[>»/|›]", re.I)


_TOKEN_SEP = re.compile(r"[\s/|,·•]+")
_WORD_CHAR = re.compile(r"[0-9A-Za-z\u0e01-\u0e4e]")
_SMALL_NUMBERS = re.compile(r"(?:\d{1,2}[ \u00a0\t]+)+\d{1,2}|\d{1,2}")
_PAGE_NUMBER = re.compile(r"(?:หน้า|page)\s*\d+\s*(?:/|จาก|of)\s*\d+|[-–(]\s*\d{1,3}\s*[-–)]", re.I)


def _tokens(line: str) -> list[str]:
    return [t for t in _TOKEN_SEP.split(line.lower()) if t]


def is_furniture_line(line: str) -> bool:
    """True for page furniture: menus, calendars, counters, share buttons, copyright …

    >>> [is_furniture_line(x) for x in ("« มิถุนายน 2565 »", "อา. จ. อ. พ. พฤ. ศ. ส.", "5 6 7 8 9 10 11",
    ...  "จำนวนผู้เข้าชม 137", "facebook facebook", "สงวนลิขสิทธิ์ 2559 - สำนักงาน", ".", "1  2")]
    [True, True, True, True, True, True, True, True]
    >>> is_furniture_line("กรมการปกครองลงนามบันทึกข้อตกลงความร่วมมือ")
    False
    """
    s = line.strip()
    if not s:
        return False
    if "\t" in s and sum(1 for c in s.split("\t") if c.strip()) >= 2:
        return False  # a table row
    if len(s) > 250:
        return False  # furniture is short; a long line is body text
    a = to_arabic_digits(s)
    if not _WORD_CHAR.search(a):
        return True  # punctuation only: '.', '.....', '|', '»'
    if _SMALL_NUMBERS.fullmatch(a):
        nums = [int(n) for n in a.split()]
        return len(nums) >= 2 and all(n <= 31 for n in nums)  # calendar weeks, pagination
    if _CALENDAR_HEADER.match(a):
        return True
    tokens = _tokens(s)
    bare = [t.strip(".") for t in tokens]
    if len(bare) >= 3 and all(t in _WEEKDAY_ABBR for t in bare):
        return True
    if all(t.strip(".:!") in _SOCIAL for t in tokens):
        return True
    if len(s) < 80 and _COUNTER.search(s):  # length first: the case-blind searches are slow
        return True
    if len(s) < 200 and _COPYRIGHT.search(s):
        return True
    if _NAV_PHRASES.match(s) or _URL_LINE.match(s) or _BREADCRUMB.match(s):
        return True
    if len(s) < 80 and (_HTML_DEBRIS.search(s) or _MENU_BAR.search(s)):
        return True
    if _PAGE_NUMBER.fullmatch(a):
        return True  # page numbers: 'หน้า 2/5', '- ๒ -'
    return False


# --- items ------------------------------------------------------------------------------

_MOU_TITLE = re.compile(r"^(?:บันทึก(?:ข้อตกลง|ความเข้าใจ|ความร่วมมือ)|ข้อตกลงความร่วมมือ|memorandum of understanding"
                        r"|MOU\b)", re.I)
_MOU_NOT_TITLE = re.compile(r"^\S*(?:ฉบับนี้|นี้)|ฉบับนี้|จัดทำขึ้น|กำหนดระยะเวลา")
_TABLE_TITLE = re.compile(r"^(?:ทะเบียน|ตาราง|บัญชี|สรุปจำนวน|สรุปผล|รายชื่อ|รายงานจำนวน|จำนวน\S*จำแนก)")
_AGENCY_HEAD = re.compile(r"^(?:กรม|กระทรวง|สำนักงาน|สำนัก|องค์การ|องค์กร|มหาวิทยาลัย|สถาบัน|ศูนย์|จังหวัด|"
                          r"คณะกรรมการ|การไฟฟ้า|การประปา|ธนาคาร|บริษัท|สมาคม|มูลนิธิ|เทศบาล|กองทุน|สภา)")
_LATIN_LINE = re.compile(r"^[A-Za-z][A-Za-z .,&()'’-]*$")
_LETTER_CUES = (re.compile(r"^ที่\s+\S"), re.compile(r"^เรื่อง\s"), re.compile(r"^เรียน\s"),
                re.compile(r"ขอแสดงความนับถือ|จึงเรียนมาเพื่อ"))
_NEWS_CUES = re.compile(r"วันนี้\s*\(|เวลา\s*[0-9๐-๙]{1,2}[.:][0-9๐-๙]{2}\s*น|ข่าว|ผู้สื่อข่าว|\(\s*[0-9๐-๙]{1,2}\s+\S+\s+[0-9๐-๙]{2,4}\s*\)")


@dataclass
class _Line:
    start: int
    end: int  # without the newline
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for m in re.finditer(r"[^\n]*\n|[^\n]+$", text):
        body = m.group(0).rstrip("\n")
        out.append(_Line(m.start(), m.start() + len(body), body))
        pos = m.end()
    if pos < len(text):  # pragma: no cover - regex covers all
        out.append(_Line(pos, len(text), text[pos:]))
    return out


def _is_table_row(line: str) -> bool:
    return "\t" in line and sum(1 for c in line.split("\t") if c.strip()) >= 2


def _is_short_nav(line: str) -> bool:
    """A short line that can be a menu entry when surrounded by furniture."""
    s = line.strip()
    if not s or len(s) > 45 or _is_table_row(line):
        return False
    if re.search(r"[0-9๐-๙]{1,2}\s+\S+\s+[0-9๐-๙]{2,4}", s):
        return False  # a date line belongs to an item
    if any(cue.search(s) for cue in _LETTER_CUES):
        return False  # 'ที่ มท ๐๘๑๘.๒/ว ๒๕๖๕', 'เรื่อง …', 'เรียน …': the head of a letter
    return not re.search(r"[.!?]$", s) or len(s) < 20


_SECTION_LABEL = re.compile(r"^(?:ข่าว|ประกาศ|กิจกรรม|ภาพ|วีดิทัศน์|วิดีโอ|มัลติมีเดีย|ปฏิทิน|บทความ|เมนู)\S{0,22}$")


def _next_nonblank(lines: list[_Line], k: int) -> int | None:
    for m in range(k + 1, len(lines)):
        if not lines[m].blank:
            return m
    return None


def _furniture_flags(lines: list[_Line]) -> list[bool]:
    """Per line: furniture? Short menu-like lines inside a furniture run count as furniture.

    The last short line of a run, right before body text, is the item's title unless it is
    a one-word section label ('ข่าวประชาสัมพันธ์').
    """
    flags = [is_furniture_line(ln.text) for ln in lines]
    i = 0
    n = len(lines)
    while i < n:
        if not (flags[i] or lines[i].blank or _is_short_nav(lines[i].text)):
            i += 1
            continue
        j = i
        while j < n and (flags[j] or lines[j].blank or _is_short_nav(lines[j].text)):
            j += 1
        run = range(i, j)
        hard = sum(1 for k in run if flags[k])
        soft = sum(1 for k in run if not flags[k] and not lines[k].blank)
        if hard >= 2 and hard >= soft / 2:
            first_hard = next(k for k in run if flags[k])
            after_body = any(not lines[k].blank for k in range(i - 1, -1, -1))
            for k in run:
                if lines[k].blank or flags[k]:
                    continue
                label = bool(_SECTION_LABEL.match(lines[k].text.strip()))
                nxt = _next_nonblank(lines, k)
                if nxt is not None and nxt >= j and not label:
                    continue  # right before body text: the item's title
                if after_body and k < first_hard and not label:
                    continue  # right after body text: the end of its last paragraph
                flags[k] = True
        i = j
    return flags


def _mou_title_at(lines: list[_Line], i: int) -> bool:
    s = lines[i].text.strip()
    return bool(_MOU_TITLE.match(s)) and len(s) <= 150 and not _MOU_NOT_TITLE.search(s)


# a bulleted headline over a paragraph of its own: the next story of a 'related news' block
# ('» 17 มิ.ย. 65 – พม. มอบโล่…' then its body); a run of bulleted lines is a link list
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_STORY_BULLET = re.compile(r"^[ \t]*[»►▶•][ \t]*\S")


_STORY_NUMBER = re.compile(r"^(?:ข่าวที่|เรื่องที่|ข่าว)\s*[0-9๐-๙]{1,2}\s*[:.]?$")


def _story_start_at(lines: list[_Line], i: int, related: bool = False) -> bool:
    """A bulleted headline over its own paragraph; in a related-news block also a plain
    short headline line over a long paragraph (each related story has its own)."""
    nxt = _next_nonblank(lines, i)
    if nxt is None or _STORY_BULLET.match(lines[nxt].text):
        return False
    body = len(lines[nxt].text.strip())
    if _STORY_BULLET.match(lines[i].text):
        return body >= 80
    head = lines[i].text.strip()
    if _STORY_NUMBER.match(head):
        return True  # 'ข่าวที่ 2': a page that collects several stories numbers them
    return related and 0 < len(head) <= 150 and body >= 200 and nxt > i + 1 and lines[i - 1].blank


# a digest page numbers its stories: '1) เชียงใหม่ลงนาม MOU …' over a paragraph, '2) …' over the next
# ('เรื่องที่ ๑  ร่างระเบียบ…' in a digest of cabinet resolutions)
_NUMBERED_HEADLINE = re.compile(r"^[ \t]*(?:(?:เรื่องที่|ข่าวที่)[ \t]*([0-9๐-๙]{1,2})[ \t.:]|([0-9๐-๙]{1,2})[).])"
                                r"[ \t]*(?!ข้อ)\S")


def _numbered_stories(lines: list[_Line], a: int, b: int) -> set[int]:
    """Lines of ``[a, b)`` that start the numbered stories of a digest: short headlines after a
    blank line, each over a long paragraph (a dateline may come between), numbered 1, 2, … in
    order (two at least)."""
    heads: list[tuple[int, int]] = []
    for k in range(a, b):
        m = _NUMBERED_HEADLINE.match(lines[k].text)
        if m is None or len(lines[k].text.strip()) > 150 or (k > a and not lines[k - 1].blank):
            continue
        nxt = _next_nonblank(lines, k)
        if nxt is not None and nxt < b and len(lines[nxt].text.strip()) < 60:
            nxt = _next_nonblank(lines, nxt)  # a dateline under the headline
        if nxt is None or nxt >= b:
            continue
        para = 0  # the paragraph under it: its lines until a blank one
        for q in range(nxt, b):
            if lines[q].blank:
                break
            para += len(lines[q].text.strip())
        if para < (120 if m.group(1) else 200):  # 'เรื่องที่ n' says it is a story; a bare number less so
            continue
        heads.append((k, int((m.group(1) or m.group(2)).translate(_THAI_DIGITS))))
    numbers = [n for _, n in heads]
    if len(heads) < 2 or numbers != list(range(numbers[0], numbers[0] + len(numbers))) or numbers[0] > 1:
        return set()
    return {k for k, _ in heads}


def _table_title_at(lines: list[_Line], i: int) -> bool:
    s = lines[i].text.strip()
    if not s or _is_table_row(lines[i].text) or len(s) > 200:
        return False
    if not _TABLE_TITLE.match(s):
        return False
    seen = 0
    for k in range(i + 1, min(len(lines), i + 12)):
        if _is_table_row(lines[k].text):
            return True
        if not lines[k].blank:
            seen += 1
            if seen > 3:
                break
    return False


def _logo_start(lines: list[_Line], i: int, floor: int) -> int:
    """Walk back over logo lines (agency names, their English names) above an MOU title."""
    start = i
    k = i - 1
    while k >= floor:
        if lines[k].blank:
            k -= 1
            continue
        s = lines[k].text.strip()
        if len(s) <= 80 and (_AGENCY_HEAD.match(s) or _LATIN_LINE.match(s)):
            start = k
            k -= 1
            continue
        break
    return start


def _meaningful(line: str) -> bool:
    """At least a few letters and not just a date or a number (a stamp, a page number)."""
    s = line.strip()
    if len(re.findall(r"[A-Za-z\u0e01-\u0e2e]", s)) < 4:
        return False
    return not re.fullmatch(r"[\s0-9๐-๙.,/:()\-–]*(?:\S{1,12}[\s0-9๐-๙.,/:()\-–]*)?", to_arabic_digits(s))


_SUBJECT = re.compile(r"^เรื่อง\s+(.+)$")


def _title_of(lines: list[_Line], a: int, b: int, flags: list[bool], hint: str) -> str:
    if hint == "letter":
        for k in range(a, b):
            m = _SUBJECT.match(lines[k].text.strip())
            if m:
                return re.sub(r"\s+", " ", m.group(1))[:300]
    for k in range(a, b):
        if lines[k].blank or flags[k] or not _meaningful(lines[k].text):
            continue
        if hint == "mou" and not _MOU_TITLE.match(lines[k].text.strip()):
            continue
        parts = [lines[k].text.strip()]
        if hint == "mou":  # an MOU title wraps over the following lines up to a blank line
            for m in range(k + 1, min(b, k + 4)):
                if lines[m].blank:
                    break
                parts.append(lines[m].text.strip())
        return re.sub(r"\s+", " ", " ".join(parts))[:300]
    if hint == "mou":
        return _title_of(lines, a, b, flags, "unknown")
    return ""


def _hint_for(lines: list[_Line], a: int, b: int, flags: list[bool], related: bool) -> str:
    body = [lines[k].text.strip() for k in range(a, b) if not lines[k].blank and not flags[k]]
    if not body:
        return "unknown"
    if related:
        return "related"
    if any(_MOU_TITLE.match(s) and len(s) <= 150 and not _MOU_NOT_TITLE.search(s) for s in body[:8]):
        return "mou"
    if _TABLE_TITLE.match(body[0]) or sum(1 for s in body if "\t" in s) > len(body) / 2:
        return "table"
    head = body[:25]
    if sum(1 for cue in _LETTER_CUES if any(cue.search(s) for s in head)) >= 2:
        return "letter"
    if any(_NEWS_CUES.search(s) for s in body[:10]) or find_dates("\n".join(body[:10])[:3000]):
        return "news"
    return "unknown"


def segment(text: str) -> list[Segment]:
    """Items and furniture, tiling ``text`` in order.

    A furniture run becomes its own segment when it has two or more lines or touches the
    start or end of the file; a lone furniture line inside an item stays in the item.
    """
    if not text:
        return []
    lines = _lines(text)
    flags = _furniture_flags(lines)
    n = len(lines)

    non_blank = [k for k, ln in enumerate(lines) if not ln.blank]
    first_text = non_blank[0] if non_blank else 0
    last_text = non_blank[-1] if non_blank else n - 1

    # 1. furniture runs (blank lines between furniture lines join the run)
    furniture_runs: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if not flags[i]:
            i += 1
            continue
        j = i
        last = i
        while j < n and (flags[j] or lines[j].blank):
            if flags[j]:
                last = j
            j += 1
        count = sum(1 for k in range(i, last + 1) if flags[k])
        at_edge = i <= first_text or last >= last_text
        marks_related = any(_RELATED.match(lines[k].text.strip()) for k in range(i, last + 1))
        if count >= 2 or at_edge or marks_related:
            furniture_runs.append((i, last + 1))
        i = last + 1

    # 2. item boundaries between furniture runs
    cuts: list[tuple[int, str]] = []  # (line index, 'item'|'furniture')
    pos = 0
    related_after: set[int] = set()
    for a, b in furniture_runs:
        if pos < a:
            cuts.append((pos, "item"))
        cuts.append((a, "furniture"))
        if any(_RELATED.match(lines[k].text.strip()) for k in range(a, b)):
            related_after.add(b)
        pos = b
    if pos < n:
        cuts.append((pos, "item"))

    raw: list[tuple[int, int, str, bool]] = []  # line ranges (a, b, kind, related)
    related = False
    for idx, (a, kind) in enumerate(cuts):
        b = cuts[idx + 1][0] if idx + 1 < len(cuts) else n
        if kind == "furniture":
            # 'ข่าวที่เกี่ยวข้อง' makes what follows related news, up to the next furniture run
            related = b in related_after
            raw.append((a, b, kind, False))
            continue
        starts = [a]
        digest = _numbered_stories(lines, a, b)
        for k in range(a + 1, b):
            if k in digest or _mou_title_at(lines, k) or _table_title_at(lines, k) or _story_start_at(lines, k, related):
                s = _logo_start(lines, k, starts[-1] + 1) if _mou_title_at(lines, k) else k
                if any(not lines[m].blank for m in range(starts[-1], s)):
                    starts.append(s)
        for si, s in enumerate(starts):
            e = starts[si + 1] if si + 1 < len(starts) else b
            raw.append((s, e, "item", related))

    # 3. offsets: leading blank lines go with the segment that follows (segments tile the text)
    out: list[Segment] = []
    for a, b, kind, rel in raw:
        if all(lines[k].blank for k in range(a, b)):
            continue  # blank-only piece: absorbed below by the neighbouring segments
        start = lines[a].start
        end = lines[b].start if b < n else len(text)
        if kind == "furniture":
            out.append(Segment("furniture", start, end, "", "unknown"))
        else:
            hint = _hint_for(lines, a, b, flags, rel)
            out.append(Segment("item", start, end, _title_of(lines, a, b, flags, hint), hint))
    # close gaps left by skipped blank pieces
    for k in range(len(out) - 1):
        out[k].end = out[k + 1].start
    if not out:  # whitespace only: nothing to extract
        return [Segment("furniture", 0, len(text), "", "unknown")]
    out[0].start = 0
    out[-1].end = len(text)
    return out
