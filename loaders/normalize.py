"""Text normalisation: the clean text provenance spans point into, and its analysis twin.

Two forms of a document's text exist:

* :func:`clean_text` — length-CHANGING clean-up of the decoded text (NFC, no zero-width
  characters, no stray combining marks, LF line ends). Provenance spans are offsets in it.
* :func:`analysis_text` — length-PRESERVING view of the clean text (Thai digits as Arabic,
  exotic spaces as ``' '``), so a regex match at ``[s:e]`` in the analysis text quotes as
  ``clean[s:e]``.

>>> clean = clean_text("วันที่ ๑๖\\u200b มิถุนายน\\r\\n")
>>> clean
'วันที่ ๑๖ มิถุนายน\\n'
>>> analysis_text(clean)
'วันที่ 16 มิถุนายน\\n'

Never NFKC: it decomposes ำ (SARA AM) into ํ + า and breaks matching.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

#: Invisible characters removed by :func:`clean_text` (ZWSP, ZWNJ, ZWJ, WORD JOINER, BOM, SOFT HYPHEN).
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH_TABLE = {ord(c): None for c in ZERO_WIDTH}

_THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_DIGIT_TABLE = str.maketrans(_THAI_DIGITS, "0123456789")

# Thai combining marks (all category Mn): MAI HAN-AKAT, vowels above/below, PHINTHU,
# MAITAIKHU, tone marks, THANTHAKHAT, NIKHAHIT, YAMAKKAN.
_THAI_TONES = frozenset("\u0e48\u0e49\u0e4a\u0e4b")
_SARA_AM = "\u0e33"

# Thai PDF fonts often map shifted glyphs (a tone mark lowered, a vowel moved left) to the
# Private Use Area; text extracted from such PDFs carries U+F700..U+F71A instead of the marks.
_THAI_PUA = dict(zip(range(0xF700, 0xF71B), (
    "\u0e10\u0e34\u0e35\u0e36\u0e37\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
    "\u0e0d\u0e31\u0e4d\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e38\u0e39\u0e3a")))
_PUA_CHAR = re.compile("[\uf700-\uf71a]")
_ABOVE_VOWELS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47")
_NIKHAHIT_AA = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")

# Spaces other than ' ', '\t', '\n', '\f' that analysis_text maps to ' ' (one char each).
_ODD_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
              "\u202f\u205f\u3000\u000b\u0085\u2028\u2029"
_SPACE_TABLE = {ord(c): " " for c in _ODD_SPACES}
_ANALYSIS_TABLE = {**_SPACE_TABLE, **{ord(t): ord(a) for t, a in zip(_THAI_DIGITS, "0123456789")}}
# The same maps as (old, new) pairs: str.translate with a dict looks every character up
# (slow on Thai text); a `in` test plus str.replace per mapped character is ~10x faster.
_DIGIT_PAIRS = tuple(zip(_THAI_DIGITS, "0123456789"))
_ANALYSIS_PAIRS = tuple((c, " ") for c in _ODD_SPACES) + _DIGIT_PAIRS
_ZERO_WIDTH_PAIRS = tuple((c, "") for c in ZERO_WIDTH)


def _replace_each(s: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """``s`` with every single-character ``old`` replaced by ``new`` (targets never map again).

    >>> _replace_each("a-b", (("-", " "),))
    'a b'
    """
    for old, new in pairs:
        if old in s:
            s = s.replace(old, new)
    return s


def _is_thai_base(ch: str) -> bool:
    """A character a Thai combining mark may sit on: a consonant (ก..ฮ) or a dotted circle."""
    return "\u0e01" <= ch <= "\u0e2e" or ch == "\u25cc"


def _is_thai_mark(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f" and unicodedata.category(ch) == "Mn"


_M = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # Thai combining marks
_T = "\u0e48-\u0e4b"  # Thai tone marks
# Everything _fix_marks_in_line would change; lines without a match are left alone (fast path).
_THAI_MARK_TROUBLE = re.compile(
    f"(?<![\u0e01-\u0e2e\u25cc{_M}])[{_M}]|([{_M}])\\1|[{_T}][{_T}\u0e31\u0e34-\u0e37\u0e47]|\u0e33[{_T}]")
# Ranges without any non-Thai combining mark: text made only of these needs no generic check.
_NO_FOREIGN_MARKS = re.compile("[\x00-\u02ff\u0e00-\u0e7f\u2000-\u20cf\u2100-\u2bff]*")


def _drop_stray_marks(text: str) -> str:
    """Drop combining marks with no base; fix the PDF-typical order 'นำ้' -> 'น้ำ'."""
    if not _THAI_MARK_TROUBLE.search(text) and _NO_FOREIGN_MARKS.fullmatch(text):
        return text
    return "\n".join(
        _fix_marks_in_line(line) if _THAI_MARK_TROUBLE.search(line) or not _NO_FOREIGN_MARKS.fullmatch(line)
        else line
        for line in text.split("\n"))


def _fix_marks_in_line(text: str) -> str:
    out: list[str] = []
    for ch in text:
        if unicodedata.category(ch) not in ("Mn", "Me"):
            out.append(ch)
            continue
        prev = out[-1] if out else ""
        if _is_thai_mark(ch):
            if ch in _THAI_TONES and prev == _SARA_AM and len(out) >= 2 and _is_thai_base(out[-2]):
                # tone typed after SARA AM: put it where it belongs (before ำ).
                out.insert(len(out) - 1, ch)
                continue
            if prev == ch or (ch in _THAI_TONES and prev in _THAI_TONES):
                continue  # doubled mark / two tone marks: keep the first
            if ch in _ABOVE_VOWELS and prev in _THAI_TONES and len(out) >= 2 and _is_thai_base(out[-2]):
                # tone typed before the upper vowel (PDFs: 'ท่ี'): the vowel sits first
                out.insert(len(out) - 1, ch)
                continue
            if _is_thai_base(prev) or _is_thai_mark(prev):
                out.append(ch)
            continue  # no consonant to sit on: stray
        # Other scripts: a mark needs some non-space character before it.
        if prev and not prev.isspace() and unicodedata.category(prev)[0] != "C":
            out.append(ch)
    return "".join(out)


def clean_text(raw: str) -> str:
    """Length-changing clean-up: the text provenance spans point into.

    NFC; zero-width characters removed; PDF repairs: Thai glyphs from the Private Use Area
    mapped back, ``ํา`` (NIKHAHIT + SARA AA) joined to ``ำ``, a tone mark typed before an
    upper vowel or after ``ำ`` put in its place; stray combining marks (no base, doubled
    tone marks) dropped; CRLF/CR -> LF; form feeds kept (page breaks).

    >>> clean_text("\\u0e48กรม\\r\\nน้\\u0e49ำ")
    'กรม\\nน้ำ'
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _replace_each(text, _ZERO_WIDTH_PAIRS)
    if _PUA_CHAR.search(text):
        text = text.translate(_THAI_PUA)
    text = _NIKHAHIT_AA.sub(lambda m: m.group(1) + _SARA_AM, text)
    # Two passes reach the fixed point: dropping a mark can bring two equal marks together
    # only within the same pass (checked against the output), NFC may reorder marks once.
    for _ in range(3):
        before = text
        text = _drop_stray_marks(unicodedata.normalize("NFC", text))
        text = unicodedata.normalize("NFC", text)
        if text == before:
            break
    return text


def to_arabic_digits(s: str) -> str:
    """Thai digits ๐-๙ to 0-9, length-preserving.

    >>> to_arabic_digits("๒๕๖๕")
    '2565'
    """
    return _replace_each(s, _DIGIT_PAIRS)


def analysis_text(clean: str) -> str:
    """Length-preserving view of clean text for regexes: Arabic digits, odd spaces as ' '.

    >>> analysis_text("๑\\u00a0ชุด")
    '1 ชุด'
    """
    return _replace_each(clean, _ANALYSIS_PAIRS)


def _spaced_pattern(word: str) -> re.Pattern[str]:
    """A regex matching ``word`` with spaces or line breaks between its characters."""
    chars = [re.escape(c) for c in word if not c.isspace()]
    return re.compile(r"[ \t\n]?".join(chars))


def rejoin_wrapped(text: str, known_words: Iterable[str] = ()) -> str:
    """Rejoin known words broken by a line wrap or a stray space (length-changing).

    >>> rejoin_wrapped("กรมส่งเสริม การปกครองท้องถิ่น", ["กรมส่งเสริมการปกครองท้องถิ่น"])
    'กรมส่งเสริมการปกครองท้องถิ่น'
    """
    for word in sorted({w for w in known_words if w and not any(c.isspace() for c in w)}, key=len, reverse=True):
        if len(word) < 4:
            continue  # too short: would glue unrelated words
        text = _spaced_pattern(word).sub(word, text)
    return text


def join_broken_name(fragment: str, candidates: Iterable[str]) -> str | None:
    """The candidate that ``fragment`` spells once spaces and line breaks are removed.

    >>> join_broken_name("กรมส่งเสริม การปกครองท้องถิ่น", ["กรมการปกครอง", "กรมส่งเสริมการปกครองท้องถิ่น"])
    'กรมส่งเสริมการปกครองท้องถิ่น'
    >>> join_broken_name("กรมอื่น", ["กรมการปกครอง"]) is None
    True
    """
    key = "".join(unicodedata.normalize("NFC", fragment).split())
    if not key:
        return None
    for cand in candidates:
        if "".join(unicodedata.normalize("NFC", cand).split()) == key:
            return cand
    return None


# Words that typically open a new Thai sentence inside a long run-on line, and particles
# that typically close one (a space after them is a sentence break).
_SENTENCE_OPENERS = (
    "ทั้งนี้", "นอกจากนี้", "ดังนั้น", "สำหรับ", "ในการนี้", "อย่างไรก็ตาม", "ต่อมา", "ขณะที่",
    "พร้อมกันนี้", "ในโอกาสนี้", "สืบเนื่องจาก", "จากนั้น", "โอกาสนี้",
)
# not bare 'ด้วย': 'ประกอบด้วย' / 'พร้อมด้วย' introduce a list that belongs to the sentence
_SENTENCE_ENDS = ("อีกด้วย", "ต่อไป", "แล้ว", "ครับ", "ค่ะ", "เป็นต้น", "นั่นเอง", "อย่างยิ่ง")
# Only very long pieces are cut at clause openers; never at 'และ' / 'ซึ่ง' (they join the
# parties of one statement: 'A และ B ได้ร่วมลงนาม').
_CLAUSE_OPENERS = ("โดยมี", "โดยได้", "รวมทั้ง", "ตลอดจน", "อันจะ", "พร้อมทั้ง", "อีกทั้ง")
_LONG_PIECE = 300
_VERY_LONG_PIECE = 600
# Thai news reports speech as '<title> <name> <position> กล่าวว่า …': a new sentence starts at
# the speaker unless a conjunction ('และ', 'กับ', 'โดยมี') links it to the previous words.
_SPEAKER = ("(?<!และ)(?<!กับ)(?<!มี)(?<!ระหว่าง)(?<!ด้วย)[ \u00a0]+"
            r"(?=(?:พลเอก|พลตำรวจเอก|พลโท|พลตรี|นาย|นางสาว|นาง|ดร\.|ศาสตราจารย์|รองศาสตราจารย์)[^\n]{0,120}?กล่าว)")
_OPENER_SPLIT = re.compile(
    "(?:" + "|".join(f"(?<={re.escape(w)})" for w in _SENTENCE_ENDS) + ")[ \u00a0]+"
    "|[ \u00a0]+(?=(?:" + "|".join(_SENTENCE_OPENERS) + "))|" + _SPEAKER)
_CLAUSE_SPLIT = re.compile("[ \u00a0]+(?=(?:" + "|".join(_CLAUSE_OPENERS) + "))")
_GAP_SPLIT = re.compile(r"[ \u00a0\t]{2,}")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) for quoting provenance.

    Thai has no full stop: lines are sentences; a line is further split at runs of two or
    more spaces, and a long piece at a space before a typical sentence opener (ทั้งนี้, โดยมี …).

    >>> t = "หัวข้อ\\nข้อความหนึ่ง  ข้อความสอง"
    >>> [t[s:e] for s, e in sentences(t)]
    ['หัวข้อ', 'ข้อความหนึ่ง', 'ข้อความสอง']
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n\f]+", text):
        cuts = [line.start()]
        for gap in _GAP_SPLIT.finditer(text, line.start(), line.end()):
            cuts += [gap.start(), gap.end()]
        cuts.append(line.end())
        for i in range(0, len(cuts), 2):
            piece = _trimmed(text, cuts[i], cuts[i + 1])
            if piece is None:
                continue
            spans.extend(_split_long(text, *piece))
    return spans


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if end - start <= _LONG_PIECE:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    for s, e in _split_at(text, start, end, _OPENER_SPLIT):
        out.extend(_split_at(text, s, e, _CLAUSE_SPLIT) if e - s > _VERY_LONG_PIECE else [(s, e)])
    return out


def _split_at(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    cur = start
    for m in pattern.finditer(text, start, end):
        if m.start() - cur >= 80 and end - m.end() >= 40:  # no slivers: a sentence is a clause long
            piece = _trimmed(text, cur, m.start())
            if piece:
                out.append(piece)
            cur = m.end()
    piece = _trimmed(text, cur, end)
    if piece:
        out.append(piece)
    return out


_INT = re.compile(r"[+-]?\d{1,3}(?:[,\u00a0 ]\d{3})+|[+-]?\d+")


def parse_int(s: str) -> int | None:
    """An integer written with Arabic or Thai digits and optional thousands separators.

    >>> parse_int("1,497"), parse_int("๑,๔๙๗"), parse_int(" 427 "), parse_int("-"), parse_int("12a")
    (1497, 1497, 427, None, None)
    """
    if not s:
        return None
    t = to_arabic_digits(s).strip()
    if not _INT.fullmatch(t):
        return None
    return int(t.replace(",", "").replace("\u00a0", "").replace(" ", ""))
