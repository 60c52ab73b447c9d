"""Find the organisations, networks, centres, provinces and programmes a text names.

Two sources of mentions:

* reference mentions: any surface form of a gazetteer entry (name, abbreviation, alias,
  misspelling), found with one trie-shaped regex built once per gazetteer;
* pattern mentions: names that start with a head word (กรม…, สำนักงาน…, กอง…, ศูนย์…,
  คณะกรรมการ…, ชมรม…, โครงการ “…” …) and are not in the gazetteer.

Offsets are into the *analysis* text (length-preserving twin of the clean text).

>>> ms = find_mentions("กองสารนิเทศ สป.มท. รายงาน")
>>> [(m.surface, m.type) for m in ms][:1]
[('กองสารนิเทศ สป.มท.', 'Office')]
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from phakhi.graph.model import canonical_text, node_id, reference_id

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
        self.pattern = re.compile(_trie_regex(surfaces), re.IGNORECASE) if surfaces else None

    def entries(self, surface: str) -> list[Any]:
        return self.by_compact.get(_compact(surface), [])


_INDEXES: dict[int, SurfaceIndex] = {}


def surface_index(gazetteer: Any = None) -> SurfaceIndex:
    gaz = _load_gazetteer(gazetteer)
    idx = _INDEXES.get(id(gaz))
    if idx is None or idx.gazetteer is not gaz:
        idx = SurfaceIndex(gaz)
        _INDEXES[id(gaz)] = idx
    return idx


def reference_mention(entry: Any, start: int, end: int, surface: str) -> Mention:
    """The mention of a gazetteer entry: id ``ref:<key>``, name = entry.name_th."""
    aliases = [canonical_text(surface)] + list(entry.abbr_th)
    return Mention(start, end, surface, entry.type, reference_id(entry.key), entry.name_th,
                   key=entry.key, parent_key=entry.parent, aliases=aliases,
                   props={"key": entry.key, **({"name_en": entry.name_en} if entry.name_en else {})})


_ADDRESS_BEFORE = re.compile(r"(?:เขต|แขวง|ถนน|อำเภอ|ตำบล|อ\.|ต\.)\S+\s+$")
_POSTCODE_AFTER = re.compile(r"\s*\d{5}(?!\d)")
_PROVINCE_BEFORE = re.compile(r"(?:จังหวัด|จ\.)\s?$")


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
                or _POSTCODE_AFTER.match(text, end) or _ADDRESS_BEFORE.search(text, max(0, start - 40), start)):
            return prov[0]  # 'จังหวัดX', or an address line ending with a postcode
    if non_prov:
        return non_prov[0]
    return None


def find_reference_mentions(text: str, gazetteer: Any = None) -> list[Mention]:
    idx = surface_index(gazetteer)
    out: list[Mention] = []
    if idx.pattern is None:
        return out
    for m in idx.pattern.finditer(text):
        s, e = m.span()
        if e - s < 2:
            continue
        surface = m.group(0)
        if surface.isascii():  # English forms: whole words only
            if (s and text[s - 1].isalnum()) or (e < len(text) and text[e].isalnum()) or len(surface) < 4:
                continue
        entries = idx.entries(surface)
        if not entries:
            continue
        # very short forms must stand alone (not inside a longer Thai word)
        before = text[s - 1] if s else " "
        if len(_compact(surface)) <= 3 and "." not in surface:
            after = text[e] if e < len(text) else " "
            if _THAI_CHAR.match(before) or _THAI_CHAR.match(after):
                continue
        elif len(_compact(surface)) <= 5 and surface.count(".") == 1 and _THAI_CHAR.match(before):
            continue  # an abbreviation glued to a word: 'ทร.' inside 'โทร.'

        entry = _pick(entries, text, s, e)
        if entry is None:
            continue
        out.append(reference_mention(entry, s, e, surface))
    return out


# -- pattern organisations ----------------------------------------------------------------

_HEADS = [
    ("คณะอนุกรรมการ", "Committee"), ("คณะกรรมาธิการ", "Committee"), ("คณะกรรมการ", "Committee"),
    ("คณะทำงาน", "Committee"), ("สำนักงาน", "Office"), ("สำนัก", "Office"), ("กรม", "Department"),
    ("กอง", "Office"), ("ศูนย์", "Center"), ("ชมรม", "Organization"), ("สมาคม", "Organization"),
    ("มูลนิธิ", "Organization"), ("องค์การ", "Organization"), ("เทศบาล", "LocalGovernment"),
    ("โรงเรียน", "Organization"), ("มหาวิทยาลัย", "Organization"), ("อาสาสมัคร", "VolunteerNetwork"),
]
_HEAD_TYPE = dict(_HEADS)
_HEAD_RE = re.compile("(?:" + "|".join(re.escape(h) for h, _ in _HEADS) + ")")
# words that never continue a unit's name after these heads (กองทุน is a fund, ศูนย์กลาง a hub)
_NOT_NAMES = re.compile(r"(?:กองทุน|กองทัพ|ศูนย์กลาง|ศูนย์การเรียนรู้|สำนักงานราชการ|กรมธรรม์|สมาคมฯ|"
                        r"ศูนย์ฯ|กองงาน|สำนักงานฯ|กรมการ(?=\s|$)|กองบ|สำนักข่าว)")
# verbs and function words that end a name written without spaces
_STOPS = re.compile(r"(?:ได้|ลงนาม|ร่วมกับ|ร่วมเป็น|(?<!ความ)(?<!ส่วน)ร่วม|บูรณาการ|โดย|ซึ่ง|เป็น|กับ|ให้|"
                    r"ใน(?=การ|พื้นที่|ระดับ|ฐานะ|นาม|วัน|เขต|จังหวัด|ปี|ส่วน|ตำบล|หมู่บ้าน|สังกัด)|"
                    r"ดำเนิน|ขับเคลื่อน|จำนวน|ประกอบด้วย|อัน|จัด|ทุกจังหวัด|รับผิดชอบ|เพื่อ|ตาม|"
                    r"หรือ|ที่|มี|เข้า|สร้าง|กล่าว|สนับสนุน|ส่งเสริม|ต่อ|แก่|พร้อม|นาย|ปลัด|อธิบดี)")
_VERBS = re.compile(r"ร่วม|ตาม|ที่|ได้|ให้|เป็น|โดย|ซึ่ง|กับ|ใน|และ(?=ส|ก|ค|ศ)")
_ROLE_BEFORE = re.compile(r"(?:เป็น|กรรมการและ|สร้าง|เป็นกรรมการ)\s*$")
_UNIT_HEADS = {"กอง", "สำนัก", "ศูนย์"}
_PARENT_TYPES = {"Department", "Office", "Ministry", "IndependentAgency"}
_NAME_WORDS = {"เพื่อ", "ส่งเสริม", "สนับสนุน", "สร้าง"}
_ABBR_AFTER = re.compile(r"[ \t]([ก-ฮ]{1,5}\.(?:[ก-ฮ]{1,5}\.?)+)")
_PAREN_ABBR = re.compile(r"((?:[ \t]+[^\s()]{1,10}){0,3})[ \t]*\(([ก-ฮ][^()\n]{1,25})\)")
_QUOTED_PROGRAM = re.compile(r"(โครงการ|หลักสูตร)\s*[“\"]([^”\"\n]{2,80})[”\"]")
_UNQUOTED_PROGRAM = re.compile(r"(โครงการ|หลักสูตร)(?=[ก-ฮเแโใไ])")


_GENERIC_PROGRAM = re.compile(r"ประจำ|ด้วย|หรือ|ของ|ที่|และ|ต่าง|นี้|ดังกล่าว|ใน|ให้|เพื่อ|ร่วม|จะ|ได้|ซึ่ง|การดำเนิน|การจัด")


def _run_end(text: str, start: int, limit: int = 90) -> int:
    """End of the run of non-space characters starting at ``start``."""
    m = re.compile(r"[^\s()“”\"/,]+").match(text, start)
    return m.end() if m else start


def _cut_at_stops(text: str, body_start: int, end: int, min_len: int = 2) -> int:
    for m in _STOPS.finditer(text, body_start + min_len, end):
        return m.start()
    return end


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
        end = _run_end(text, body)
        # a reference mention inside the run: a committee of X keeps it, others stop there
        lo = bisect.bisect_left(ref_pos, body)
        inner = [r for st, r in ref_starts[lo:lo + 4] if body <= st < end]
        if head == "อาสาสมัคร" and _ROLE_BEFORE.search(text, max(0, s - 14), s):
            continue  # 'เป็นกรรมการและอาสาสมัคร…ของ C': a role, not a network's name
        first_stop = _STOPS.match(text, body)
        if first_stop and (first_stop.group(0) not in _NAME_WORDS or head == "อาสาสมัคร"):
            continue  # 'คณะทำงานบูรณาการ…', 'มูลนิธิที่เกี่ยวข้อง': a phrase, not a name
        if inner and head.startswith("คณะ") and not _VERBS.search(text, body, inner[0].start):
            end = max(end, inner[0].end)
            end = _cut_at_stops(text, inner[0].end, end, min_len=0)
        else:
            if inner:
                end = inner[0].start
            first_stop = _STOPS.match(text, body)
            if first_stop and first_stop.group(0) not in _NAME_WORDS:
                continue  # 'คณะทำงานบูรณาการ…', 'มูลนิธิที่เกี่ยวข้อง': a phrase, not a name
            end = _cut_at_stops(text, body, end)
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
        if end - body < 2:
            continue
        name = text[s:end]
        parent: Mention | None = None
        surface_end = end
        # 'กองสารนิเทศ สป.มท.': an abbreviated parent continues the name
        am = _ABBR_AFTER.match(text, end) if head in _UNIT_HEADS or head == "สำนักงาน" else None
        if am:
            pr = [r for r in refs if r.start == am.start(1)]
            if pr and pr[0].is_org:
                parent = pr[0]
                surface_end = pr[0].end
        elif head in _UNIT_HEADS and text[end:end + 1] == " ":
            # 'กองความร่วมมือ กรมพัฒนาสังคมและสวัสดิการ': a unit written with its department
            lo2 = bisect.bisect_left(ref_pos, end + 1)
            pr = [r for st, r in ref_starts[lo2:lo2 + 1] if st == end + 1 and r.type in _PARENT_TYPES]
            if pr:
                parent = pr[0]
                surface_end = pr[0].end
        if paren_end:
            surface_end = paren_end
        surface = text[s:surface_end]
        t = _pattern_type(head, name)
        canonical = canonical_text(name + (" " + parent.name if parent else ""))
        men = Mention(s, surface_end, surface, t, node_id(t, canonical), canonical,
                      aliases=[canonical_text(surface), canonical_text(name)] if parent else [])
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


def find_program_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    for m in _QUOTED_PROGRAM.finditer(text):
        head, inner = m.group(1), m.group(2).strip()
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
        head = m.group(1)
        t = "Curriculum" if head == "หลักสูตร" else "Program"
        name = canonical_text(text[s:end])
        out.append(Mention(s, end, text[s:end], t, node_id(t, name), name))
    return out


def _provincial_instances(text: str, mentions: list[Mention]) -> list[Mention]:
    """'สำนักงาน…ประจำจังหวัด' + a province name: that province's own office."""
    by_start = {m.start: m for m in mentions if m.type == "Province"}
    out = []
    for m in mentions:
        if m.type not in ("ProvincialOffice", "LocalGovernment") or not m.surface.rstrip().endswith("จังหวัด"):
            continue
        p = by_start.get(m.end)
        if p is None and m.end < len(text) and text[m.end] == " ":
            p = by_start.get(m.end + 1)
        if p is None:
            continue
        name = canonical_text(m.name + p.name)
        inst = Mention(m.start, p.end, text[m.start:p.end], m.type,
                       node_id(m.type, name), name, props={"province": p.key})
        parent_generic = m
        inst.implied.append(("LOCATED_IN", p, {}))
        inst.props["_generic"] = parent_generic
        out.append(inst)
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
    insts = _provincial_instances(text, refs)
    units = _named_units(text, refs, gazetteer)
    allm = resolve_overlaps(refs + pats + progs + insts + units)
    return _bracketed_abbreviations(text, allm)


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


def lookup_name(surface: str, gazetteer: Any = None) -> Mention | None:
    """The entity a standalone name denotes (table headers, signature lines), or None."""
    idx = surface_index(gazetteer)
    s = _normalise(surface)
    entries = idx.entries(s)
    if entries:
        e = [x for x in entries if x.type != "Province"] or entries
        return reference_mention(e[0], 0, len(surface), surface)
    found = find_mentions(s, gazetteer)
    if len(found) == 1 and found[0].end - found[0].start >= len(s.strip()) - 2:
        return found[0]
    return None
