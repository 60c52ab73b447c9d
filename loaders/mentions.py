"""Find the organisations, networks, centres, provinces and programmes a text names.

Two sources of mentions:

* reference mentions: any surface form of a gazetteer entry (name, abbreviation, alias,
  misspelling), found with one trie-shaped regex built once per gazetteer;
* pattern mentions: names that start with a head word (กรม…, สำนักงาน…, กอง…, ศูนย์…,
  คณะกรรมการ…, ชมรม…, โครงการ “…” …) and are not in the gazetteer;
* named instances of generic classes: a province's office (สำนักงานXจังหวัดY, สสจ.Y), a
  named local government (อบต.Y, เทศบาลนครY), a numbered regional unit (ศูนย์X เขต 5 Y).

A head word never starts inside a title or a surname ('นายก|องค์การ…', 'นายก ข กองแก้ว'),
and a body the text does not name is never invented from the reference data.

Offsets are into the *analysis* text (length-preserving twin of the clean text).

>>> ms = find_mentions("กองสารนิเทศ สป.มท. รายงาน")
>>> [(m.surface, m.type) for m in ms][:1]
[('กองสารนิเทศ สป.มท.', 'Office')]
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from typing import Any, Iterable

from phakhi.graph.model import canonical_text, node_id, reference_id
from phakhi.loaders.lexicon import alternation, fragments, lexicon, words

_THAI = "\u0e00-\u0e7f"
_THAI_CHAR = re.compile(f"[{_THAI}]")
_MARKS = set(chr(c) for c in list(range(0x0E31, 0x0E32)) + list(range(0x0E34, 0x0E3B))
             + list(range(0x0E47, 0x0E4F)))

ORG_FAMILY = {"Ministry", "Department", "Office", "IndependentAgency", "ProvincialOffice",
              "LocalGovernment", "Organization", "VolunteerNetwork", "Committee", "Center"}
AGENT_TYPES = ORG_FAMILY | {"Person"}


@dataclass
class Mention:
    """One named thing in the text: where, as written, and which node it is."""

    start: int
    end: int
    surface: str
    type: str
    id: str
    name: str
    key: str | None = None  # gazetteer key for reference entities
    parent_key: str | None = None
    aliases: list[str] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)
    # a province named in a list after 'จังหวัด' ('จังหวัดA B และC'): a province although
    # 'จังหวัด' does not precede it
    listed: bool = False
    # extra facts implied by the name itself: (rel_type, target Mention, props)
    implied: list[tuple[str, "Mention", dict[str, Any]]] = field(default_factory=list)

    @property
    def is_org(self) -> bool:
        return self.type in ORG_FAMILY


# -- the gazetteer surface index ----------------------------------------------------------

def _load_gazetteer(gazetteer: Any = None) -> Any:
    if gazetteer is not None:
        return gazetteer
    try:
        from phakhi.ontology.gazetteer import load_gazetteer

        return load_gazetteer()
    except Exception:  # no gazetteer yet / broken file: extraction still runs on patterns
        return None


def _normalise(s: str) -> str:
    try:
        from phakhi.ontology.gazetteer import normalise_surface

        return normalise_surface(s)
    except Exception:
        return canonical_text(s)


@functools.lru_cache(maxsize=65536)
def _compact(s: str) -> str:
    return re.sub(r"\s+", "", _normalise(s)).casefold().rstrip(".")


def _trie_regex(words: Iterable[str]) -> str:
    """One regex alternation shaped as a trie; longer continuations are tried first.

    Inside long Thai words an optional whitespace is allowed before a base character, so
    names broken by a line wrap or an OCR space ('กรมส่งเสริม การปกครองท้องถิ่น') match.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict, depth: int) -> str:
        alts = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            piece = re.escape(ch) if ch != " " else r"\s+"
            if depth >= 6 and ch != " " and ch not in _MARKS and _THAI_CHAR.match(ch):
                piece = r"\s{0,3}" + piece
            alts.append(piece + build(node[ch], depth + 1))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie, 0)


class SurfaceIndex:
    """Every gazetteer surface form, compiled once."""

    def __init__(self, gazetteer: Any) -> None:
        self.gazetteer = gazetteer
        self.by_compact: dict[str, list[Any]] = {}
        surfaces: set[str] = set()
        if gazetteer is not None:
            for surface, entry in gazetteer.surface_forms():
                s = _normalise(surface)
                if len(s) < 2:
                    continue
                bucket = self.by_compact.setdefault(_compact(s), [])
                if entry not in bucket:
                    bucket.append(entry)
                surfaces.add(s)
        # case-insensitive matching is ~4x slower in `re`: match lowercased surfaces
        # against a lowercased copy of the text instead (see :meth:`finditer`)
        self.pattern = re.compile(_trie_regex({s.lower() for s in surfaces})) if surfaces else None
        self._surfaces = surfaces
        self._info: dict[str, tuple[list[Any], bool, int, int]] = {}
        self._fallback: re.Pattern[str] | None = None

    def finditer(self, text: str) -> Iterable[re.Match[str]]:
        """Matches of any surface form in ``text``, ignoring case; spans index ``text``."""
        if self.pattern is None:
            return iter(())
        low = text.lower()
        if len(low) == len(text):
            return self.pattern.finditer(low)
        if self._fallback is None:  # a character whose lowercase is longer ('İ')
            self._fallback = re.compile(_trie_regex(self._surfaces), re.IGNORECASE)
        return self._fallback.finditer(text)

    def entries(self, surface: str) -> list[Any]:
        return self.by_compact.get(_compact(surface), [])

    def info(self, surface: str) -> tuple[list[Any], bool, int, int]:
        """(entries, whether one is a Province, compact length, number of dots) of a form."""
        got = self._info.get(surface)
        if got is None:
            c = _compact(surface)
            entries = self.by_compact.get(c, [])
            got = (entries, any(x.type == "Province" for x in entries), len(c), surface.count("."))
            if len(self._info) < 200000:
                self._info[surface] = got
        return got


_INDEXES: dict[int, SurfaceIndex] = {}


def surface_index(gazetteer: Any = None) -> SurfaceIndex:
    gaz = _load_gazetteer(gazetteer)
    idx = _INDEXES.get(id(gaz))
    if idx is None or idx.gazetteer is not gaz:
        idx = SurfaceIndex(gaz)
        _INDEXES[id(gaz)] = idx
    return idx


@functools.lru_cache(maxsize=65536)
def _canonical_surface(surface: str) -> str:
    """canonical_text of a surface form; the same few forms recur in every document."""
    return canonical_text(surface)


def reference_mention(entry: Any, start: int, end: int, surface: str) -> Mention:
    """The mention of a gazetteer entry: id ``ref:<key>``, name = entry.name_th."""
    aliases = [_canonical_surface(surface)] + list(entry.abbr_th)
    return Mention(start, end, surface, entry.type, reference_id(entry.key), entry.name_th,
                   key=entry.key, parent_key=entry.parent, aliases=aliases,
                   props={"key": entry.key, **({"name_en": entry.name_en} if entry.name_en else {})})


_ADDRESS_BEFORE = re.compile(r"(?:เขต|แขวง|ถนน|อำเภอ|ตำบล|อ\.|ต\.)\S+\s+$")
_POSTCODE_AFTER = re.compile(r"\s*\d{5}(?!\d)")
_PROVINCE_BEFORE = re.compile(r"(?:จังหวัด|จ\.)\s?$")
# the end of a 'ณ <venue> …' phrase: a name there is where it happens, the province
_AT_PLACE_BEFORE = re.compile(r"(?:^|\s)ณ[ \t](?:(?!โดย|ระหว่าง|กับ|และ|\n).){0,110}[ \t]$")


def _province_context_ok(text: str, start: int, end: int) -> bool:
    if _PROVINCE_BEFORE.search(text[max(0, start - 8):start]):
        return True
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    return (not _THAI_CHAR.match(before) or before in "ๆฯ") and (not _THAI_CHAR.match(after) or after in "ๆฯ")


def _pick(entries: list[Any], text: str, start: int, end: int) -> Any | None:
    non_prov = [e for e in entries if e.type != "Province"]
    prov = [e for e in entries if e.type == "Province"]
    if prov and _province_context_ok(text, start, end):
        if (_PROVINCE_BEFORE.search(text[max(0, start - 8):start]) or not non_prov
                or _POSTCODE_AFTER.match(text, end) or _ADDRESS_BEFORE.search(text, max(0, start - 40), start)
                or _AT_PLACE_BEFORE.search(text, max(0, start - 120), start)):
            return prov[0]  # 'จังหวัดX', or an address line ending with a postcode
    if non_prov:
        return non_prov[0]
    return None


def find_reference_mentions(text: str, gazetteer: Any = None) -> list[Mention]:
    idx = surface_index(gazetteer)
    out: list[Mention] = []
    if idx.pattern is None:
        return out
    last_province: Mention | None = None
    for m in idx.finditer(text):
        s, e = m.span()
        if e - s < 2:
            continue
        surface = text[s:e]
        if surface.isascii():  # English forms: whole words only
            if (s and text[s - 1].isalnum()) or (e < len(text) and text[e].isalnum()) or len(surface) < 4:
                continue
        entries, has_prov, clen, dots = idx.info(surface)
        if not entries:
            continue
        # very short forms must stand alone (not inside a longer Thai word)
        before = text[s - 1] if s else " "
        glued = _THAI_CHAR.match(before) is not None
        listed = (has_prov and last_province is not None
                  and _LIST_GAP.fullmatch(text, last_province.end, s) is not None)
        after_changwat = has_prov and (listed or _PROVINCE_BEFORE.search(text, max(0, s - 8), s) is not None)
        if clen <= 3 and not dots and not after_changwat:
            after = text[e] if e < len(text) else " "
            if glued or _THAI_CHAR.match(after):
                continue
        elif clen == 4 and not dots and not after_changwat and glued and before not in "ๆฯ":
            continue  # a short name glued to a word: 'คลัง' inside 'กองคลัง'
        elif clen <= 5 and dots == 1 and glued and not _FUNCTION_BEFORE.search(text, max(0, s - 8), s):
            continue  # an abbreviation glued to a word: 'ทร.' inside 'โทร.' (not 'และอบต.')

        if listed:
            entry = next(x for x in entries if x.type == "Province")
        elif not has_prov:
            entry = entries[0]
        else:
            entry = _pick(entries, text, s, e)
        if entry is None:
            continue
        if glued and entry.type != "Province" and _VENUE_HEAD_BEFORE.search(text, max(0, s - 12), s):
            continue  # 'หอประชุมกองทัพเรือ': part of a venue's name, not the body itself
        if glued and entry.type in ORG_FAMILY and _SECRETARY_BEFORE.search(text, max(0, s - 12), s):
            # 'เลขาธิการคณะกรรมการX' heads the commission's office, which is the body named
            office = idx.info("สำนักงาน" + entry.name_th)[0]
            if office:
                # written as the commission's name, which must not become the office's alias
                men = reference_mention(office[0], s, e, office[0].name_th)
                out.append(men)
                continue
        men = reference_mention(entry, s, e, surface)
        if entry.type == "Province":
            men.listed = listed
            if listed or _PROVINCE_BEFORE.search(text, max(0, s - 8), s):
                last_province = men
        out.append(men)
    return out


# a venue's head word glued before a name: 'หอประชุม|กองทัพเรือ', 'อาคาร|กระทรวง…'
_VENUE_HEAD_BEFORE = re.compile(r"(?:หอประชุม|ห้องประชุม|อาคาร|ตึก|ศาลาว่าการ|สโมสร|โรงแรม)$")

_SECRETARY_BEFORE = re.compile(r"เลขาธิการ$")
# function words a name is often written against: 'และอบต.X', 'จากสสจ.'
_FUNCTION_BEFORE = re.compile(r"(?:และ|กับ|หรือ|จาก|ของ|โดย|แก่|ร่วมกับ)$")

# between two provinces of a list: 'จังหวัดA B, C และD'
_LIST_GAP = re.compile(r"[ \t]*(?:[,、][ \t]*)?(?:(?:และ|หรือ)[ \t]*)?")


# -- pattern organisations ----------------------------------------------------------------

# head noun -> type, the numbered heads, the words that end or never open a name: ontology/lexicon.yaml
_HEADS = [(h["word"], h["type"]) for h in lexicon()["organisation_heads"]]
_HEAD_TYPE = dict(_HEADS)
# unit types whose instances are told apart by number alone
_NUMBERED_HEADS = set(words("numbered_heads"))
_COMMITTEE_STOPS = re.compile(fragments("committee_name_stops"))
# what a committee's name goes on with after a space: its region, level or year
_COMMITTEE_TAIL = re.compile(r"[ \t]?\([^()\n]{1,20}\)[ \t]?และ[^\s()]{2,}"  # '…เกษตร (ศพก.) และแปลงใหญ่'
                             r"|(?<=ภาค|เขต)[ \t]?[0-9๐-๙]{1,2}(?![0-9๐-๙])"  # '…คุมประพฤติภาค 7'
                             r"|[ \t](?:(?:ภาค|เขต)[ \t]?[0-9๐-๙]{1,2}(?![0-9๐-๙])|ระดับ[^\s]+"
                             r"|[ก-ฮ]{1,5}\.(?:[ก-ฮ]{1,5}\.)*(?=[ \t]+(?:ระดับ|ภาค|เขต|ประจำปี))"
                             r"|ประจำปี(?:งบประมาณ)?[ \t]?(?:พ\.ศ\.[ \t]?)?[0-9๐-๙]{4})")
_VERB_AFTER_NAME = re.compile(r"ตรวจ|พิจารณา|อนุมัติ|เห็นชอบ|มอบหมาย|มีมติ|รับทราบ|กำหนด|ดำเนิน")
_BODY_OPENER = re.compile(fragments("name_never_opens_with"))
# a public organisation's legal form written after its name belongs to it: 'ศูนย์คุณธรรม (องค์การมหาชน)'
_PUBLIC_ORG_AFTER = re.compile(r"[ \t]?\(องค์การมหาชน\)")
# a regional office's number: 'สำนักงานส่งเสริมและสนับสนุนวิชาการ 9' (not a count: '3 แห่ง', '50 คน')
_NUMBERED_AFTER = re.compile(r"[ \t][0-9๐-๙]{1,2}(?=[ \t\n]|$)(?![ \t]*(?:แห่ง|คน|ราย|ปี|ครั้ง|หน่วย|ศูนย์|ฉบับ|เดือน|วัน))")
_ORDINAL_AFTER = re.compile(r"[ \t]?ที่[ \t]?[0-9๐-๙]{1,3}(?![0-9๐-๙/])")
_HEAD_RE = re.compile("(?:" + "|".join(re.escape(h) for h, _ in _HEADS) + ")")


def head_type(name: str) -> str | None:
    """The type a name's head noun gives it ('สมาคมผู้สูงอายุ…' -> Organization), or None.

    >>> head_type("สมาคมผู้สูงอายุอำเภอสามพราน"), head_type("ผู้สูงอายุ")
    ('Organization', None)
    """
    m = _HEAD_RE.match(name)
    return _HEAD_TYPE[m.group(0)] if m else None
# words that never continue a unit's name after these heads (กองทุน is a fund, ศูนย์กลาง a hub)
_NOT_NAMES = re.compile(fragments("not_names"))
# verbs and function words that end a name written without spaces
_STOPS = re.compile(fragments("name_stops"))
_VERBS = re.compile(r"ร่วม|ตาม|ที่|ได้|ให้|เป็น|โดย|ซึ่ง|กับ|ใน|และ(?=ส|ก|ค|ศ)")
_ROLE_BEFORE = re.compile(r"(?:เป็น|กรรมการและ|สร้าง|เป็นกรรมการ)\s*$")
# bodies named after the people they gather: 'ชมรมอาสาสมัครสาธารณสุขประจำหมู่บ้าน…'
_GROUP_HEADS = {"ชมรม", "สมาคม", "มูลนิธิ"}
_UNIT_HEADS = {"กอง", "กองบัญชาการ", "สำนัก", "ศูนย์", "กลุ่มงาน", "กลุ่ม"}
# heads too common as plain words to start a name alone: only '<head>X <its parent body>'
_PARENT_ONLY_HEADS = {"กลุ่ม"}

_PARENT_TYPES = {"Department", "Office", "Ministry", "IndependentAgency", "ProvincialOffice", "LocalGovernment"}
_NAME_WORDS = {"เพื่อ", "ส่งเสริม", "สนับสนุน", "สร้าง"}
_ABBR_AFTER = re.compile(r"[ \t]([ก-ฮ]{1,5}\.(?:[ก-ฮ]{1,5}\.?)+)")
_PAREN_ABBR = re.compile(r"((?:[ \t]+[^\s()]{1,10}){0,3})[ \t]*\(([ก-ฮ][^()\n]{1,25})\)")
_QUOTED_PROGRAM = re.compile(r"(โครงการ|หลักสูตร)\s*[“\"]([^”\"\n]{2,80})[”\"]"
                            # the head inside the quotes: '"โครงการพัฒนา… ISO/IEC 17025"'
                            r"|[“\"](โครงการ|หลักสูตร)([^”\"\n]{4,160})[”\"]")
_UNQUOTED_PROGRAM = re.compile(r"(โครงการ|หลักสูตร)(?=[ก-ฮเแโใไ])")


_GENERIC_PROGRAM = re.compile(r"ประจำ|ด้วย|หรือ|ของ|ที่|และ|ต่าง|นี้|ดังกล่าว|ใน|ให้|เพื่อ|ร่วม|จะ|ได้|ซึ่ง|การดำเนิน|การจัด"
                              r"|ต่อ|กำหนด|มี|เป็น|นั้น")
# what a programme's name goes on with after a space: its year ('ประจำปีการศึกษา 2565') or the
# occasion it marks ('เนื่องในโอกาส…')
_PROGRAM_TAIL = re.compile(r"[ \t](?:ประจำปี(?:การศึกษา|งบประมาณ)?[ \t]?(?:พ\.ศ\.[ \t]?)?[0-9๐-๙]{4}|เนื่องในโอกาส[^\s]+)")


_RUN = re.compile(r"[^\s()“”\"/,]+")


def _run_end(text: str, start: int, limit: int = 90) -> int:
    """End of the run of non-space characters starting at ``start``."""
    m = _RUN.match(text, start)
    return m.end() if m else start


# words that hold a stop word inside them and go on naming things ('โรคติดต่อ', 'พื้นที่')
_COMPOUNDS = re.compile(alternation("name_compounds"))


def _in_compound(text: str, start: int, end: int) -> bool:
    for j in range(max(0, start - 4), start + 1):
        c = _COMPOUNDS.match(text, j)
        if c and c.end() >= end:
            return True
    return False


def _cut_at_stops(text: str, body_start: int, end: int, min_len: int = 2) -> int:
    for m in _STOPS.finditer(text, body_start + min_len, end):
        if _in_compound(text, m.start(), m.end()) or (
                _NOUN_VERBS.fullmatch(m.group(0)) and _NOMINALISED.search(text, max(0, m.start() - 9), m.start())):
            continue
        return m.start()
    return end


# 'การ'/'ความ' + verb is a noun ('ส่งเสริมการมีงานทำ'): no stop; not words that merely end
# in การ (บริการ, กรรมการ, โครงการ, ราชการ …)
_NOMINALISED = re.compile(r"(?:(?<!บริ)(?<!กรรม)(?<!โครง)(?<!ราช)(?<!วิชา)(?<!ปฏิบัติ)(?<!อา)(?<!บูรณา)(?<!ประ)"
                          r"(?<!หลัก)การ|ความ)$")
_NOUN_VERBS = re.compile(r"มี|เป็น|ให้|จัด|สร้าง|ดำเนิน|เข้า|ส่งเสริม|สนับสนุน|ขับเคลื่อน|ร่วม|บูรณาการ")


def _pattern_type(head: str, name: str) -> str:
    t = _HEAD_TYPE[head]
    if t == "Office" and "ประจำจังหวัด" in name:
        return "ProvincialOffice"
    if t == "Committee" and re.search(r"ทุกระดับ|หมู่บ้าน|สตรี|ชุมชน", name) and head != "คณะกรรมาธิการ":
        return "VolunteerNetwork"
    return t


def find_pattern_mentions(text: str, taken: list[tuple[int, int]],
                          refs: list[Mention] | None = None, gazetteer: Any = None) -> list[Mention]:
    """Organisations named by a head word, outside the spans already ``taken``."""
    import bisect

    refs = refs or []
    ref_starts = sorted(((r.start, r) for r in refs), key=lambda x: x[0])
    ref_pos = [s for s, _ in ref_starts]
    out: list[Mention] = []
    spans = sorted(taken)
    span_starts = [s for s, _ in spans]

    def inside(pos: int) -> bool:
        i = bisect.bisect_right(span_starts, pos) - 1
        return i >= 0 and spans[i][0] <= pos < spans[i][1]

    pos = 0
    for m in _HEAD_RE.finditer(text):
        s = m.start()
        if s < pos or inside(s):
            continue
        if _NOT_NAMES.match(text, s):
            continue
        head = m.group(0)
        body = m.end()
        if _glued_head(text, s, body, ref_pos, gazetteer) or _VENUE_HEAD_BEFORE.search(text, max(0, s - 12), s):
            continue
        end = _run_end(text, body)
        # a reference mention inside the run: a committee of X keeps it, others stop there
        lo = bisect.bisect_left(ref_pos, body)
        inner = [r for st, r in ref_starts[lo:lo + 4] if body <= st < end]
        if head == "อาสาสมัคร" and _ROLE_BEFORE.search(text, max(0, s - 14), s):
            continue  # 'เป็นกรรมการและอาสาสมัคร…ของ C': a role, not a network's name
        numbered = _ORDINAL_AFTER.match(text, body) if head in _NUMBERED_HEADS else None
        if numbered:  # 'มณฑลทหารบกที่ ๒๗': the unit type and its number are the whole name
            name = canonical_text(text[s:numbered.end()])
            t = _HEAD_TYPE[head]
            out.append(Mention(s, numbered.end(), text[s:numbered.end()], t, node_id(t, name), name))
            pos = numbered.end()
            continue
        quoted = _QUOTED_NAME.match(text, body) if head not in _NUMBERED_HEADS else None
        if quoted:  # 'ชมรม “กตัญญูคลับสาเกตนคร”': the quoted words are the body's own name
            name = canonical_text(head + quoted.group(1))
            t = _pattern_type(head, name)
            out.append(Mention(s, quoted.end(), text[s:quoted.end()], t, node_id(t, name), name))
            pos = quoted.end()
            continue
        if _BODY_OPENER.match(text, body):
            continue  # 'มหาวิทยาลัยและ…', 'มหาวิทยาลัยเสริม…': the head word alone, then the sentence
        first_stop = _STOPS.match(text, body)
        if first_stop and _in_compound(text, first_stop.start(), first_stop.end()):
            first_stop = None  # 'สำนักงานจัดหางาน…': a compound, not a verb
        if first_stop and (first_stop.group(0) not in _NAME_WORDS or head == "อาสาสมัคร"):
            continue  # 'คณะทำงานบูรณาการ…', 'มูลนิธิที่เกี่ยวข้อง': a phrase, not a name
        # a centre of a network is named after it: 'ศูนย์อาสาสมัครป้องกันภัยฝ่ายพลเรือนจังหวัดกระบี่'
        network_centre = head == "ศูนย์" and bool(inner) and inner[0].start == body \
            and inner[0].type == "VolunteerNetwork"
        if head.startswith("คณะ"):
            # a committee is named by its purpose, a clause of its own ('…ให้แก่องค์กรปกครอง
            # ส่วนท้องถิ่น', '…ที่เสนอคณะรัฐมนตรี'): only a verb of the sentence ends it
            first_stop = _COMMITTEE_STOPS.match(text, body)
            if first_stop:
                continue
            cut = _COMMITTEE_STOPS.search(text, body + 2, end)
            end = cut.start() if cut else end
            # a known body named inside ends the name when a verb follows it: '…ที่เสนอคณะรัฐมนตรี|ตรวจพิจารณา'
            known = [r for r in inner if r.end < end and r.type != "Province" and r.is_org]
            if known and _VERB_AFTER_NAME.match(text, known[-1].end):
                end = known[-1].end
            tail = _COMMITTEE_TAIL.match(text, end)
            while tail:
                end = tail.end()
                tail = _COMMITTEE_TAIL.match(text, end)
        elif inner and ((head in _GROUP_HEADS and inner[0].type != "Province") or network_centre) \
                and not _VERBS.search(text, body, inner[0].start):
            end = max(end, inner[0].end)
            end = _cut_at_stops(text, inner[0].end, end, min_len=0)
        else:
            if inner:
                end = inner[0].start
            first_stop = _STOPS.match(text, body)
            if first_stop and _in_compound(text, first_stop.start(), first_stop.end()):
                first_stop = None
            if first_stop and first_stop.group(0) not in _NAME_WORDS:
                continue  # 'คณะทำงานบูรณาการ…', 'มูลนิธิที่เกี่ยวข้อง': a phrase, not a name
            end = _cut_at_stops(text, body, end)
        om = _ORDINAL_AFTER.match(text, end) or (_NUMBERED_AFTER.match(text, end) if head in ("สำนักงาน", "ศูนย์", "สถาบัน") else None)
        if om:  # 'มณฑลทหารบกที่ ๒๗', 'สำนักงาน…วิชาการ 9': the number is part of the name
            end = om.end()
        if end - body < 2:
            continue
        # 'ศูนย์… 2019 ส่วนหน้า (ศบค.มท. ส่วนหน้า)': an abbreviation in brackets closes the name
        pm = _PAREN_ABBR.match(text, end)
        abbr = None
        paren_end = None
        if pm and "." in pm.group(2):
            paren_end = pm.end()
            end = pm.start(2) - 1
            while text[end - 1].isspace():
                end -= 1
            abbr = canonical_text(pm.group(2))
        if text.endswith("ของ", s, end):
            end -= 3  # '…ของ C' belongs to the phrase, not the name
        po = _PUBLIC_ORG_AFTER.match(text, end)
        if po:
            end = po.end()
        if end - body < 2:
            continue
        name = text[s:end]
        parent: Mention | None = None
        surface_end = end
        # 'กองสารนิเทศ สป.มท.': an abbreviated parent continues the name
        am = _ABBR_AFTER.match(text, end) if head in _UNIT_HEADS or head == "สำนักงาน" else None
        if am:
            lo2 = bisect.bisect_left(ref_pos, am.start(1))
            pr = [r for st, r in ref_starts[lo2:lo2 + 1] if st == am.start(1)]
            if pr and pr[0].is_org:
                parent = pr[0]
                surface_end = pr[0].end
        elif head in _UNIT_HEADS and text[end:end + 1] in (" ", "\t"):
            # 'กองความร่วมมือ กรมพัฒนาสังคมและสวัสดิการ': a unit written with its department
            lo2 = bisect.bisect_left(ref_pos, end + 1)
            pr = [r for st, r in ref_starts[lo2:lo2 + 2] if st == end + 1 and r.type in _PARENT_TYPES]
            if pr:
                # 'กองช่าง เทศบาลนครX', 'กลุ่มงานY สำนักงานZจังหวัดX': the parent is the
                # named instance of a generic class
                nearby = [pr[0]] + [r for _, r in ref_starts[lo2 + 1:lo2 + 3] if r.type == "Province"]
                named = [x for x in _provincial_instances(text, nearby, gazetteer)
                         + _local_instances(text, [pr[0]], gazetteer) if x.start == pr[0].start]
                parent = named[0] if named else pr[0]
                surface_end = parent.end
        if head in _PARENT_ONLY_HEADS and parent is None:
            continue
        if paren_end:
            surface_end = paren_end
        surface = text[s:surface_end]
        if head.startswith("คณะ") and parent is None and _SECRETARY_BEFORE.search(text, max(0, s - 12), s):
            # 'เลขาธิการคณะกรรมการX' heads the commission's office, when it is a known body
            office = surface_index(gazetteer).info("สำนักงาน" + name)[0]
            if office:
                out.append(reference_mention(office[0], s, end, office[0].name_th))
                pos = end
                continue
        t = _pattern_type(head, name)
        canonical = canonical_text(name + (" " + parent.name if parent else ""))
        men = Mention(s, surface_end, surface, t, node_id(t, canonical), canonical,
                      # not the bare unit name: every department has a 'กลุ่มประชาสัมพันธ์'
                      aliases=[canonical_text(surface)] if parent else [])
        if abbr:
            men.aliases.append(abbr)
            men.props["abbreviation"] = abbr
            # an organisation abbreviated inside the brackets (ศปภ.มท.: มท.) is the owner
            owner = [o for o in find_reference_mentions(abbr, gazetteer) if o.is_org and o.start > 0]
            if owner and parent is None and head in _UNIT_HEADS | {"สำนักงาน"}:
                owner[0].start, owner[0].end = s, surface_end
                men.implied.append(("PART_OF", owner[0], {"relation": "sub_organization"}))
        if parent is not None:
            men.implied.append(("PART_OF", parent, {"relation": "sub_organization"}))
        out.append(men)
        pos = surface_end
    return out


def _glued_head(text: str, s: int, body: int, ref_pos: list[int], gazetteer: Any) -> bool:
    """Whether the head word at ``s`` is not a name's start: the letters belong to the word
    before it ('นายก|องค์การบริหาร…': a known name or another head starts inside it), or
    it begins a surname ('นายธีรวัฒน์ กองแก้ว', '(สมชาย กองทอง)')."""
    import bisect

    if s > 0 and _THAI_CHAR.match(text[s - 1]):
        # another head starting inside this one and running past it ('นายก|องค์การ'); one that is
        # only this head's own ending ('มหา|วิทยาลัย') says nothing
        if any((h := _HEAD_RE.match(text, k)) and h.end() > body for k in range(s + 1, body)):
            return True
        i = bisect.bisect_right(ref_pos, s)
        if i < len(ref_pos) and ref_pos[i] < body:
            return True
    before = text[max(0, s - 48):s]
    if not before.endswith((" ", "\t")):
        return False
    return _surname_context(gazetteer).search(before) is not None


@functools.lru_cache(maxsize=8)
def _surname_regex(hons: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(h) for h in sorted(set(hons), key=len, reverse=True))
    return re.compile(rf"(?:(?:{alt})[ \t]?|\(\s*)[ก-ฮเ-ไ][ก-๎]{{1,18}}[ \t]+$")


_SURNAME_CONTEXT: dict[int, tuple[Any, re.Pattern[str]]] = {}


def _surname_context(gazetteer: Any) -> re.Pattern[str]:
    """'<honorific>given ' (or '(given ') ending a string: what comes next is a surname."""
    gaz = _load_gazetteer(gazetteer)
    cached = _SURNAME_CONTEXT.get(id(gaz))
    if cached is not None and cached[0] is gaz:
        return cached[1]
    hons: list[str] = []
    for h in getattr(gaz, "honorifics", []) or []:
        hons.extend(x for x in (h.text, h.full) if x)
    pat = _surname_regex(tuple(hons))
    _SURNAME_CONTEXT[id(gaz)] = (gaz, pat)
    return pat


def find_program_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    for m in _QUOTED_PROGRAM.finditer(text):
        if m.group(1):
            head, inner = m.group(1), m.group(2).strip()
        else:
            head, inner = m.group(3), m.group(3) + m.group(4).strip()
        t = "Curriculum" if head == "หลักสูตร" else "Program"
        name = canonical_text(inner if inner.startswith(head) else head + inner)
        out.append(Mention(m.start(), m.end(), m.group(0), t, node_id(t, name), name,
                           aliases=[canonical_text(m.group(0)), canonical_text(inner)]))
    import bisect

    spans = sorted([(o.start, o.end) for o in out] + list(taken))
    starts = [a for a, _ in spans]
    for m in _UNQUOTED_PROGRAM.finditer(text):
        s = m.start()
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and spans[i][0] <= s < spans[i][1]:
            continue
        if _GENERIC_PROGRAM.match(text, m.end()):
            continue
        end = _cut_at_stops(text, m.end(), _run_end(text, m.end()), min_len=4)
        if end - m.end() < 8:
            continue
        tail = _PROGRAM_TAIL.match(text, end)
        while tail:
            end = tail.end()
            tail = _PROGRAM_TAIL.match(text, end)
        head = m.group(1)
        t = "Curriculum" if head == "หลักสูตร" else "Program"
        name = canonical_text(text[s:end])
        out.append(Mention(s, end, text[s:end], t, node_id(t, name), name))
    return out


# area offices named by class + province ('สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง เขต 1')
_AREA_CLASS = re.compile(r"เขตพื้นที่")


def _provincial_instances(text: str, mentions: list[Mention], gazetteer: Any = None) -> list[Mention]:
    """'สำนักงาน…ประจำจังหวัด' + a province name: that province's own office.

    It is PART_OF the body its class belongs to only when the text names that body (or the
    name contains it); a parent known only from the gazetteer is not invented.
    """
    todo = [m for m in mentions if m.type in ("ProvincialOffice", "LocalGovernment")
            and (m.surface.rstrip().endswith("จังหวัด")  # or 'สสจ.ลำปาง', 'อบจ. น่าน'
                 or ("." in m.surface and m.name.endswith("จังหวัด"))
                 or (m.type == "ProvincialOffice" and _AREA_CLASS.search(m.name)))]
    if not todo:
        return []
    by_start = {m.start: m for m in mentions if m.type == "Province"}
    named = {m.key: m for m in mentions if m.key and m.is_org}
    gaz = _load_gazetteer(gazetteer)
    out = []
    for m in todo:
        p = by_start.get(m.end)
        if p is None and m.end < len(text) and text[m.end] == " ":
            p = by_start.get(m.end + 1)
        if p is None and gaz is not None:  # a province's name glued to the class name
            idx = surface_index(gaz)
            known = idx.pattern.match(text, m.end) if idx.pattern is not None else None
            prov = [e for e in idx.entries(known.group(0)) if e.type == "Province"] if known else []
            if prov:
                p = reference_mention(prov[0], m.end, known.end(), text[m.end:known.end()])
        if p is None:
            continue
        name = canonical_text(m.name + p.name)
        inst = Mention(m.start, p.end, text[m.start:p.end], m.type,
                       node_id(m.type, name), name, props={"province": p.key})
        inst.implied.append(("LOCATED_IN", p, {}))
        parent = named.get(m.parent_key) if m.parent_key else None
        if parent is None and m.parent_key and gaz is not None and m.parent_key in gaz.entries:
            pe = gaz.entries[m.parent_key]
            if len(pe.name_th) >= 4 and pe.name_th in m.name:
                parent = reference_mention(pe, m.start, p.end, pe.name_th)
        if parent is not None and parent.key != m.key:
            inst.implied.append(("PART_OF", parent, {"relation": "sub_organization"}))
        out.append(inst)
    return out


# a place name glued to a generic local-government class: 'เทศบาลตำบลบ้านใหม่'
_LOCAL_CLASS_END = re.compile(r"(?:ตำบล|เมือง|นคร)$")
# a district's name glued to a district-level office class: 'สำนักงานพัฒนาชุมชนอำเภอเชียงคำ'
_DISTRICT_CLASS_END = re.compile(r"อำเภอ$")
_PLACE_RUN = re.compile(r"[ก-ฮเ-ไ][ก-๎]{1,30}")
# 'อบต.สามแห่ง', 'เทศบาลทุกแห่ง': a count of local governments, not a place's name
_COUNTED = re.compile(r"(?:หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ทุก|หลาย|บาง)\s*แห่ง")
_QUOTED_NAME = re.compile(r"[ \t]?[“\"]([^”\"\n]{2,60})[”\"]")
_JOINT_BEFORE = re.compile(r"(?:ร่วมกับ|และ|กับ|หรือ)$")


def _local_instances(text: str, mentions: list[Mention], gazetteer: Any = None) -> list[Mention]:
    """'องค์การบริหารส่วนตำบลวังทอง', 'เทศบาลนครขอนแก่น': one named local government
    (its class name + the place), LocalGovernment."""
    todo = [m for m in mentions if m.key and (
        (m.type == "LocalGovernment" and _LOCAL_CLASS_END.search(m.name))
        or (m.type == "ProvincialOffice" and _DISTRICT_CLASS_END.search(m.name)))]
    if not todo:
        return []
    gaz = _load_gazetteer(gazetteer)
    idx = surface_index(gaz)
    by_start = {m.start: m for m in mentions}
    out = []
    for m in todo:
        entry = gaz.entries.get(m.key) if gaz is not None else None
        abbreviated = "." in m.surface  # 'อบต.หนองบัว', 'ทต. บ้านใหม่'
        if entry is None or not entry.extra.get("generic") or (
                _compact(m.surface) != _compact(m.name) and not abbreviated):
            continue
        at = m.end + 1 if abbreviated and text[m.end:m.end + 1] == " " else m.end
        nxt = by_start.get(at)
        known = idx.pattern.match(text, at) if idx.pattern is not None else None
        if known and any(e.type == "Province" for e in idx.entries(known.group(0))):
            end = known.end()  # 'เทศบาลนครขอนแก่น': the place is a province's name
        else:
            pm = _PLACE_RUN.match(text, at)
            if pm is None or _COUNTED.match(text, at):
                continue
            end = _cut_at_stops(text, at, pm.end(), min_len=0)
            if nxt is not None and nxt.start < end:
                continue
            # the place ends where the next body's name begins: 'อบต.บ้านหวายและอบต.บ้านโศก'
            later = [x.start for x in mentions if at < x.start < end]
            if later:
                end = min(later)
                joint = _JOINT_BEFORE.search(text, at, end)
                end = joint.start() if joint else end
        if end - at < 2:
            continue
        name = canonical_text(m.name + text[at:end])
        out.append(Mention(m.start, end, text[m.start:end], m.type, node_id(m.type, name), name))
    return out


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions (leftmost first)."""
    mentions = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    last_end = -1
    for m in mentions:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
        elif out and m.end > out[-1].end and m.start == out[-1].start:
            out[-1] = m
            last_end = m.end
    return out


def find_mentions(text: str, gazetteer: Any = None) -> list[Mention]:
    """All mentions in ``text``, non-overlapping, in text order."""
    refs = find_reference_mentions(text, gazetteer)
    taken = [(r.start, r.end) for r in refs]
    pats = find_pattern_mentions(text, taken, refs, gazetteer)
    taken += [(p.start, p.end) for p in pats]
    progs = find_program_mentions(text, taken)
    insts = _provincial_instances(text, refs, gazetteer) + _local_instances(text, refs, gazetteer)
    insts += _regional_units(text, [i for i in insts if i.type == "ProvincialOffice"])
    units = _named_units(text, refs, gazetteer)
    regions = _regional_units(text, refs + pats)
    branches = _province_branches(text, refs + pats)
    scoped = _scoped_collectives(text, refs, gazetteer)
    faculties = _faculties(text, refs + pats)
    allm = resolve_overlaps(refs + pats + progs + insts + units + regions + branches + scoped + faculties)
    _parent_after(text, allm)
    return _bracketed_abbreviations(text, allm)


_IN_PROVINCE = re.compile(r"[ \t]?ใน(?:พื้นที่|เขต)?[ \t]?จังหวัด[ \t]?")


def _scoped_collectives(text: str, refs: list[Mention], gazetteer: Any = None) -> list[Mention]:
    """'องค์กรปกครองส่วนท้องถิ่นในพื้นที่จังหวัดลำพูน': a class of local bodies bounded to one
    province is a party of its own (all of them there), not the nationwide class."""
    gaz = _load_gazetteer(gazetteer)
    provinces = {r.start: r for r in refs if r.type == "Province"}
    out: list[Mention] = []
    for r in refs:
        entry = gaz.entries.get(r.key) if r.key else None
        if r.type != "LocalGovernment" or entry is None or not entry.extra.get("generic"):
            continue
        m = _IN_PROVINCE.match(text, r.end)
        prov = provinces.get(m.end()) if m else None
        if prov is None:
            continue
        name = canonical_text(text[r.start:prov.end])
        inst = Mention(r.start, prov.end, text[r.start:prov.end], "LocalGovernment",
                       node_id("LocalGovernment", name), name)
        inst.implied.append(("LOCATED_IN", prov, {}))
        out.append(inst)
    return out


_REGION = re.compile(r"[ \t]*เขต[ \t]*([0-9๐-๙]{1,3})(?![0-9๐-๙])")


def _regional_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """'ศูนย์ป้องกันและบรรเทาสาธารณภัย เขต 11 พิษณุโลก': a numbered regional unit of a
    body (and the province it sits in, when written next), its own Center/Office."""
    provinces = {m.start: m for m in mentions if m.type == "Province"}
    out = []
    for m in mentions:
        if m.type not in ("Center", "Office", "ProvincialOffice") or (m.implied and m.type != "ProvincialOffice"):
            continue
        rm = _REGION.match(text, m.end)
        if rm is None:
            continue
        end = rm.end()
        gap = re.compile(r"[ \t]+").match(text, end)
        if gap and gap.end() in provinces:
            end = provinces[gap.end()].end
        tail = re.sub(r"[ \t]+", " ", text[rm.start():end]).strip()
        name = canonical_text(f"{m.name} {tail}")
        out.append(Mention(m.start, end, text[m.start:end], m.type, node_id(m.type, name), name,
                           aliases=[canonical_text(text[m.start:end])], props=dict(m.props),
                           implied=list(m.implied)))
    return out


# a university's faculty: 'คณะ' + a discipline ('…ศาสตร์', '…ศาสตร์และ…ศาสตร์'), never a committee
_FACULTY = re.compile(r"คณะ(?!กรรม|ทำงาน|อนุ|รัฐมนตรี|ผู้)[ก-๙]{2,30}?ศาสตร์(?:และ(?!คณะ)[ก-๙]{2,30}?(?:ศาสตร์|โลยี))?")


def _faculties(text: str, mentions: list[Mention]) -> list[Mention]:
    """'คณะพยาบาลศาสตร์ มหาวิทยาลัยราชภัฏลำปาง': a faculty (Office), PART_OF the university
    written after it; alone ('คณบดีคณะพยาบาลศาสตร์') it keeps its bare name."""
    orgs = {m.start: m for m in mentions if m.type == "Organization"}
    out = []
    for fm in _FACULTY.finditer(text):
        end = fm.end()
        gap = re.compile(r"[ \t]?").match(text, end)
        uni = orgs.get(gap.end()) if gap else None
        if uni is not None and uni.name.startswith(("มหาวิทยาลัย", "สถาบัน", "วิทยาลัย")):
            end = uni.end
        name = canonical_text(fm.group(0) + (" " + uni.name if end != fm.end() else ""))
        men = Mention(fm.start(), end, text[fm.start():end], "Office", node_id("Office", name), name,
                      aliases=[fm.group(0)] if end != fm.end() else [])
        if end != fm.end():
            men.implied.append(("PART_OF", uni, {"relation": "sub_organization"}))
        out.append(men)
    return out


_CHANGWAT_AFTER = re.compile(r"[ \t]?(?:จังหวัด|จ\.)[ \t]?")


_ENDS_IN_NUMBER = re.compile(r"[0-9๐-๙]$")


def _province_branches(text: str, mentions: list[Mention]) -> list[Mention]:
    """'สำนักงานประกันสังคมจังหวัดเชียงราย', 'สำนักงานจัดหางานจังหวัดX': a body's office in
    one province (ProvincialOffice; a centre stays a Center), LOCATED_IN it, and PART_OF the
    body when that is a known one written in full before 'จังหวัด'."""
    provinces = {m.start: m for m in mentions if m.type == "Province"}
    if not provinces:
        return []
    out = []
    for m in mentions:
        if m.implied or not (m.type in ("Office", "Center")
                             or (m.type == "Organization" and not m.key and m.name.endswith("จังหวัด"))):
            continue
        if m.name.endswith("จังหวัด"):
            p, base, parent = provinces.get(m.end), m.name, None
        else:
            cm = _CHANGWAT_AFTER.match(text, m.end)
            if cm is None:
                continue
            p, base, parent = provinces.get(cm.end()), m.name + "จังหวัด", (m if m.key else None)
        if p is None:
            continue
        if _ENDS_IN_NUMBER.search(m.name):
            # 'สำนักงานส่งเสริมและสนับสนุนวิชาการ 9 จังหวัดเชียงใหม่': a numbered regional office
            # sits in the province; it is not that province's branch
            m.implied.append(("LOCATED_IN", p, {"basis": "address"}))
            continue
        t = "ProvincialOffice" if m.type == "Office" else m.type
        name = canonical_text(base + p.name)
        inst = Mention(m.start, p.end, text[m.start:p.end], t, node_id(t, name), name, props={"province": p.key})
        inst.implied.append(("LOCATED_IN", p, {}))
        if parent is not None:
            inst.implied.append(("PART_OF", parent, {"relation": "sub_organization"}))
        out.append(inst)
    return out


_JUXTAPOSED = re.compile(r"[ \t]{1,3}")


def _parent_after(text: str, mentions: list[Mention]) -> None:
    """'กรมควบคุมโรค กระทรวงสาธารณสุข': a body followed by the body it belongs to (by the
    reference data) states that it is part of it."""
    for a, b in zip(mentions, mentions[1:]):
        if (a.key and b.key and a.parent_key == b.key and a.is_org and b.is_org
                and _JUXTAPOSED.fullmatch(text, a.end, b.start)
                and not any(rel == "PART_OF" for rel, _, _ in a.implied)):
            a.implied.append(("PART_OF", b, {"relation": "sub_organization"}))


def _named_units(text: str, refs: list[Mention], gazetteer: Any) -> list[Mention]:
    """'ศูนย์…2019 ส่วนหน้า (ศบค.มท. ส่วนหน้า)': a known name plus words, closed by its own
    bracketed abbreviation, names another unit; an organisation abbreviated inside the
    brackets (มท.) is the one it belongs to."""
    out = []
    for r in refs:
        if not r.is_org:
            continue
        pm = _PAREN_ABBR.match(text, r.end)
        if not pm or not pm.group(1).strip() or "." not in pm.group(2):
            continue
        abbr = canonical_text(pm.group(2))
        if _compact(abbr) in {_compact(a) for a in r.aliases}:
            continue
        name = canonical_text(text[r.start:pm.start(2) - 1])
        unit = Mention(r.start, pm.end(), text[r.start:pm.end()], r.type, node_id(r.type, name), name,
                       aliases=[abbr], props={"abbreviation": abbr})
        owner = [o for o in find_reference_mentions(abbr, gazetteer) if o.is_org and o.key != r.key and o.start > 0]
        if owner:
            owner[0].start, owner[0].end = pm.start(2), pm.end(2)
            unit.implied.append(("PART_OF", owner[0], {"relation": "sub_organization"}))
        out.append(unit)
    return out


_BRACKET = re.compile(r"\s*\(\s*$")


def _bracketed_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """'X (ABBR)': the bracketed abbreviation is another name of X, not a second mention."""
    out: list[Mention] = []
    for m in mentions:
        if out and "." in m.surface and len(m.surface) <= 20 and m.start - out[-1].end <= 3 \
                and _BRACKET.match(text, out[-1].end, m.start) and text[m.end:m.end + 1] == ")":
            prev = out[-1]
            if prev.is_org and m.is_org:
                if m.id != prev.id:
                    prev.aliases.append(canonical_text(m.surface))
                continue
        out.append(m)
    return out


_LOOKUPS: dict[tuple[int, str], Mention | None] = {}


def lookup_name(surface: str, gazetteer: Any = None) -> Mention | None:
    """The entity a standalone name denotes (table headers, signature lines), or None.

    Answers are cached per gazetteer (table headers repeat on every row); each call gets its
    own copy, as callers move the span.
    """
    idx = surface_index(gazetteer)
    key = (id(idx), surface)
    if key not in _LOOKUPS:
        if len(_LOOKUPS) > 50000:
            _LOOKUPS.clear()
        _LOOKUPS[key] = _lookup_name(surface, idx, gazetteer)
    m = _LOOKUPS[key]
    if m is None:
        return None
    return replace(m, aliases=list(m.aliases), props=dict(m.props), implied=list(m.implied))


def _lookup_name(surface: str, idx: SurfaceIndex, gazetteer: Any) -> Mention | None:
    s = _normalise(surface)
    entries = idx.entries(s)
    if entries:
        e = [x for x in entries if x.type != "Province"] or entries
        return reference_mention(e[0], 0, len(surface), surface)
    found = find_mentions(s, gazetteer)
    if len(found) == 1 and found[0].end - found[0].start >= len(s.strip()) - 2:
        return found[0]
    return None


class MentionIndex:
    """Mentions in text order, for window queries by bisect instead of a scan of the list.

    Answers are exactly what the matching list comprehension over ``mentions`` gives (in list
    order); a list not sorted by start, or with overlapping mentions, is scanned instead.

    >>> ms = [Mention(0, 4, "กรมก", "Department", "d:1", "กรมก"), Mention(10, 14, "กรมข", "Department", "d:2", "กรมข")]
    >>> idx = MentionIndex(ms)
    >>> [m.id for m in idx.starting_in(5, 11)], [m.id for m in idx.within(0, 9)], idx.inside(2), idx.inside(4)
    (['d:2'], ['d:1'], True, False)
    """

    def __init__(self, mentions: list[Mention]) -> None:
        import bisect

        self._bisect = bisect
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.ends = [m.end for m in mentions]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:])) and \
            all(a <= b for a, b in zip(self.ends, self.ends[1:]))

    def __len__(self) -> int:
        return len(self.mentions)

    def _from(self, a: int) -> int:
        return self._bisect.bisect_left(self.starts, a)

    def starting_in(self, a: int, b: int) -> list[Mention]:
        """Mentions with ``a <= start < b``."""
        if not self.ordered:
            return [m for m in self.mentions if a <= m.start < b]
        return self.mentions[self._from(a):self._from(b)]

    def ending_in(self, a: int, b: int) -> list[Mention]:
        """Mentions with ``a <= end < b``."""
        if not self.ordered:
            return [m for m in self.mentions if a <= m.end < b]
        return self.mentions[self._bisect.bisect_left(self.ends, a):self._bisect.bisect_left(self.ends, b)]

    def within(self, a: int, b: int) -> list[Mention]:
        """Mentions with ``a <= start`` and ``end <= b``."""
        if not self.ordered:
            return [m for m in self.mentions if a <= m.start and m.end <= b]
        lo, hi = self._from(a), self._bisect.bisect_right(self.ends, b)
        return self.mentions[lo:hi] if lo < hi else []

    def ending_by(self, b: int) -> list[Mention]:
        """Mentions with ``end <= b``."""
        if not self.ordered:
            return [m for m in self.mentions if m.end <= b]
        return self.mentions[:self._bisect.bisect_right(self.ends, b)]

    def inside(self, pos: int) -> bool:
        """Whether ``pos`` falls strictly inside a mention (``start < pos < end``)."""
        if not self.ordered:
            return any(x.start < pos < x.end for x in self.mentions)
        i = self._bisect.bisect_left(self.starts, pos) - 1
        return i >= 0 and self.ends[i] > pos  # ends are ordered: the last one reaches furthest
