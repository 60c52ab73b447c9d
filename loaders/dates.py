"""Thai dates, times and durations as written in government documents.

Years are Buddhist Era (พ.ศ. = CE + 543) unless marked ค.ศ. or plainly CE (1900-2150).
Digits may be Thai (๐-๙) or Arabic; months full (มีนาคม) or abbreviated with or without
dots (มี.ค., มีค). A year that is not plausible (an OCR-damaged '๕๖๕') makes no date: it is
skipped, never guessed.

>>> d = parse_thai_date("วันพฤหัสบดีที่ ๒๘ เมษายน ๒๕๖๕")
>>> d.start, d.weekday
(datetime.date(2022, 4, 28), 'พฤหัสบดี')
>>> r = parse_thai_date("ระหว่างวันที่ 24 – 25 สิงหาคม 2565")
>>> r.start, r.end
(datetime.date(2022, 8, 24), datetime.date(2022, 8, 25))
"""
from __future__ import annotations

import datetime
import re
from typing import Callable
from dataclasses import dataclass

from .lexicon import lexicon, words
from .normalize import analysis_text

# (full names incl. common misspellings, abbreviation letters) per month, January first:
# ontology/lexicon.yaml
_MONTHS: list[tuple[tuple[str, ...], str]] = [(tuple(m["full"]), m["abbr"]) for m in lexicon()["months"]]

WEEKDAYS = tuple(words("weekdays"))


def _abbr_pattern(letters: str, dots_required: bool) -> str:
    """'มีค' -> 'มี.ค.' with optional dots/spaces: first letter group = up to the 2nd consonant."""
    # Thai abbreviations put a dot after each syllable initial: มี.ค., เม.ย., มิ.ย.
    groups = re.findall(r"[เแโใไ]?[\u0e01-\u0e2e][\u0e31-\u0e3a\u0e47-\u0e4e]*", letters)
    sep = r"\.\s?" if dots_required else r"\.?\s?"
    return sep.join(re.escape(g) for g in groups) + r"\.?"


_MONTH_RE = "|".join(
    f"(?P<m{n}_{i}>{p})"
    for n, (fulls, abbr) in enumerate(_MONTHS, start=1)
    for i, p in enumerate(sorted([re.escape(f) for f in fulls] + [_abbr_pattern(abbr, False)], key=len, reverse=True))
)


def _month_pattern(tag: str) -> str:
    """A named-group month alternation (group names made unique by ``tag``)."""
    return "(?:" + _MONTH_RE.replace("(?P<m", f"(?P<{tag}m") + ")"


_WEEKDAY_RE = r"(?:วัน\s?)?(?P<weekday>" + "|".join(sorted(WEEKDAYS + ("พฤหัส",), key=len, reverse=True)) + r")(?:\s?ที่)?\s*"
_YEAR_RE = r"(?:(?P<era>พ\.?\s?ศ\.?|ค\.?\s?ศ\.?|พุทธศักราช|คริสต์ศักราช)\s*)?(?P<year>\d{4}|\d{2})(?!\d)"
_DASH = r"\s*(?:[-–—]|(?:จน)?ถึง(?:\s?วันที่)?)\s*"

# First characters a match can start with, as a lookahead: a necessary condition that lets the
# engine skip most positions quickly (2-3x faster scans; the matches are the same).
_WEEKDAY_FIRSTS = "".join(sorted({"ว"} | {w[0] for w in WEEKDAYS + ("พฤหัส",)}))
_MONTH_FIRSTS = "".join(sorted({f[0] for fulls, abbr in _MONTHS for f in (*fulls, abbr)}))

_DATE = re.compile(
    r"(?=[\d" + _WEEKDAY_FIRSTS + r"])"
    r"(?<!\d)(?:" + _WEEKDAY_RE + r")?"
    r"(?P<day>\d{1,2})(?!\d)\s*"
    r"(?:(?P<m1>" + _month_pattern("a") + r")\s*)?"
    r"(?:" + _DASH + r"(?P<day2>\d{1,2})(?!\d)\s*)?"
    r"(?:เดือน\s*)?(?P<m2>" + _month_pattern("b") + r")\s*"
    + _YEAR_RE
)
# '16/06/2565', '1-2-2565': numeric dates, accepted only with a four-digit plausible year.
_NUMERIC = re.compile(r"(?<![\d/.-])(?P<day>\d{1,2})(?P<sep>[/.-])(?P<mo>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d/.-])")
# Month and year without a day ('มี.ค. 64', 'มีนาคม 2564'): precision 'month'.
_MONTH_YEAR = re.compile(r"(?=[" + _MONTH_FIRSTS + r"])(?:(?<=เดือน)|(?<![\u0e00-\u0e7f.]))(?P<m2>" + _month_pattern("b") + r")\s*" + _YEAR_RE)


@dataclass(frozen=True)
class ThaiDate:
    """A date (or range) found in text; ``span`` are offsets in the text searched."""

    start: datetime.date
    end: datetime.date | None
    as_written: str
    span: tuple[int, int]
    weekday: str | None = None
    precision: str = "day"  # 'day' | 'month' (no day written: start is the 1st)


def be_to_ce(year: int) -> int | None:
    """CE year for a written Buddhist-Era year; None when implausible.

    >>> be_to_ce(2565), be_to_ce(64), be_to_ce(565), be_to_ce(3000)
    (2022, 2021, None, None)
    """
    if 0 <= year <= 99:
        return 2500 + year - 543
    if 2400 <= year <= 2700:
        return year - 543
    return None


def _year_ce(year_text: str, era: str | None) -> int | None:
    year = int(year_text)
    is_ce_marked = bool(era) and era.startswith("ค")
    if is_ce_marked:
        if len(year_text) == 2:
            return 2000 + year
        return year if 1900 <= year <= 2150 else None
    if len(year_text) == 4 and 1900 <= year <= 2150 and not era:
        return year  # plainly CE ('16 มิถุนายน 2022')
    return be_to_ce(year)


def _month_number(m: re.Match[str], tag: str) -> int | None:
    for name, value in m.groupdict().items():
        if value is not None and name.startswith(tag + "m") and "_" in name:
            return int(name[len(tag) + 1:].split("_")[0])
    return None


def _make(y: int, mo: int, d: int) -> datetime.date | None:
    try:
        return datetime.date(y, mo, d)
    except ValueError:
        return None


def _from_match(m: re.Match[str], source: str) -> ThaiDate | None:
    year = _year_ce(m.group("year"), m.group("era"))
    if year is None:
        return None
    month2 = _month_number(m, "b")
    if month2 is None:
        return None
    day_text = m.groupdict().get("day")
    if day_text is None:
        start = _make(year, month2, 1)
        if start is None:
            return None
        return ThaiDate(start, None, source[m.start():m.end()], (m.start(), m.end()), None, "month")
    day2_text = m.group("day2")
    month1 = _month_number(m, "a") if m.group("m1") else None
    if day2_text is None:
        if month1 is not None:
            return None  # '5 มีนาคม เมษายน 2565' is not a date
        start, end = _make(year, month2, int(day_text)), None
        if start is None:
            return None
    else:
        first_month = month1 or month2
        # '30 ธ.ค. - 2 ม.ค. 2565': the first part belongs to the previous year
        first_year = year - 1 if first_month > month2 else year
        start = _make(first_year, first_month, int(day_text))
        end = _make(year, month2, int(day2_text))
        if start is None or end is None or end < start:
            return None
    weekday = m.group("weekday")
    if weekday == "พฤหัส":
        weekday = "พฤหัสบดี"
    return ThaiDate(start, end, source[m.start():m.end()], (m.start(), m.end()), weekday)




def _overlap_test(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test whether ``[a, b)`` overlaps one of ``spans`` (by bisect: a long text has many dates).

    >>> t = _overlap_test([(10, 20), (0, 3)])
    >>> t(2, 5), t(3, 10), t(19, 30)
    (True, False, True)
    """
    import bisect

    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    reach: list[int] = []  # the furthest end among the spans starting so far
    for _, e in ordered:
        reach.append(max(e, reach[-1]) if reach else e)

    def overlaps(a: int, b: int) -> bool:
        i = bisect.bisect_left(starts, b)  # the spans starting before b
        return i > 0 and reach[i - 1] > a

    return overlaps


def find_dates(text: str) -> list[ThaiDate]:
    """All dates in ``text``, in order; spans are offsets in ``text``.

    >>> [(d.start.isoformat(), d.as_written) for d in find_dates("วันนี้ (4 มี.ค. 64) และ ๑ กุมภาพันธ์ ๒๕๖๕")]
    [('2021-03-04', '4 มี.ค. 64'), ('2022-02-01', '๑ กุมภาพันธ์ ๒๕๖๕')]
    """
    if not text:
        return []
    work = analysis_text(text)
    found: list[ThaiDate] = []
    taken: list[tuple[int, int]] = []
    for m in _DATE.finditer(work):
        d = _from_match(m, text)
        if d is not None:
            found.append(d)
            taken.append(d.span)
    overlaps = _overlap_test(taken)
    for m in _MONTH_YEAR.finditer(work):
        if overlaps(m.start(), m.end()):
            continue
        if re.search(r"\d\s*$", work[max(0, m.start() - 4):m.start()]):
            continue  # '31 กุมภาพันธ์ 2565': a day was written but the date is invalid
        if not re.search(r"\.", m.group("m2")) and not _is_full_month(m.group("m2")):
            continue  # a dotless abbreviation without a day is too ambiguous ('มค 64')
        d = _from_match(m, text)
        if d is not None:
            found.append(d)
    for m in _NUMERIC.finditer(work):
        if overlaps(m.start(), m.end()):
            continue
        year = _year_ce(m.group("year"), None)
        start = _make(year, int(m.group("mo")), int(m.group("day"))) if year else None
        if start is not None:
            found.append(ThaiDate(start, None, text[m.start():m.end()], (m.start(), m.end())))
    found.sort(key=lambda d: d.span)
    return _join_ranges(found, text)


def _is_full_month(s: str) -> bool:
    return any(s.strip() in fulls for fulls, _ in _MONTHS)


def _join_ranges(found: list[ThaiDate], text: str) -> list[ThaiDate]:
    """'30 ธ.ค. 2564 - 2 ม.ค. 2565' -> one range."""
    out: list[ThaiDate] = []
    for d in found:
        if out and out[-1].end is None and d.end is None and out[-1].precision == d.precision == "day":
            prev = out[-1]
            between = text[prev.span[1]:d.span[0]]
            if re.fullmatch(_DASH, between) and d.start > prev.start:
                out[-1] = ThaiDate(prev.start, d.start, text[prev.span[0]:d.span[1]],
                                   (prev.span[0], d.span[1]), prev.weekday)
                continue
        out.append(d)
    return out


def parse_thai_date(s: str) -> ThaiDate | None:
    """The first date in ``s`` or None.

    >>> parse_thai_date("๑๕ มิ.ย. ๕๖๕") is None  # OCR-damaged year
    True
    """
    dates = find_dates(s)
    return dates[0] if dates else None


_CLOCK = r"\d{1,2}\s?[.:]\s?\d{2}(?!\d)"
_O_CLOCK = r"\s*(?:น\.|นาฬิกา|น(?![\u0e00-\u0e7f]))"
# A time needs น./นาฬิกา after it, or after the second time of a range ('09.00 - 12.00 น.').
_TIME = re.compile(r"(?<![\d.:])(?P<h>\d{1,2})\s?[.:]\s?(?P<m>\d{2})(?!\d)(?:" + _O_CLOCK
                   + r"|(?=\s*[-–—]\s*" + _CLOCK + _O_CLOCK + r"))")


def find_times(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Clock times written with น. / นาฬิกา, as ('HH:MM', span).

    >>> find_times("เวลา ๐๙.๓๐ นาฬิกา และ 13:00 น.")
    [('09:30', (5, 17)), ('13:00', (22, 30))]
    """
    out: list[tuple[str, tuple[int, int]]] = []
    for m in _TIME.finditer(analysis_text(text)):
        h, mi = int(m.group("h")), int(m.group("m"))
        if h < 24 and mi < 60:
            out.append((f"{h:02d}:{mi:02d}", (m.start(), m.end())))
    return out


_THAI_NUMBER_WORDS = {"หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "ห้า": 5, "หก": 6, "เจ็ด": 7,
                      "แปด": 8, "เก้า": 9, "สิบ": 10}
_NUM = r"(?:\d+(?:\.\d+)?|" + "|".join(_THAI_NUMBER_WORDS) + ")"
_DURATION = re.compile(
    r"\(?\s*(?:(?P<y>" + _NUM + r")\s*(?:ปี|years?\b)(?:\s*(?:และ\s*)?(?P<ym>" + _NUM + r")\s*(?:เดือน|months?\b))?"
    r"|(?P<mo>" + _NUM + r")\s*(?:เดือน|months?\b))\s*\)?",
    re.IGNORECASE,
)


def _num(s: str) -> float:
    return float(_THAI_NUMBER_WORDS.get(s, s) if s in _THAI_NUMBER_WORDS else s)


def parse_duration(s: str) -> tuple[float, str] | None:
    """A duration in years and its text: '(๓ปี)' -> (3.0, '(๓ปี)').

    >>> parse_duration("(๓ปี)"), parse_duration("๒ ปี ๖ เดือน"), parse_duration("18 months")
    ((3.0, '(๓ปี)'), (2.5, '๒ ปี ๖ เดือน'), (1.5, '18 months'))
    """
    if not s:
        return None
    m = _DURATION.search(analysis_text(s))
    if not m:
        return None
    if m.group("y") is not None:
        years = _num(m.group("y")) + (_num(m.group("ym")) / 12 if m.group("ym") else 0.0)
    else:
        years = _num(m.group("mo")) / 12
    written = s[m.start():m.end()].strip()
    if written.startswith("(") and not written.endswith(")"):
        written = written[1:].strip()
    elif written.endswith(")") and not written.startswith("("):
        written = written[:-1].strip()
    return years, written
