"""People and the posts they hold, as written in Thai news, letters and signature blocks.

A person is an honorific or rank (from the gazetteer, longest first, glued or spaced),
a given name, a space and a surname. The node name drops the honorific; the alias keeps it.

>>> ps = find_people("โดยนายอิทธิพร บุญประคอง ประธานกรรมการการเลือกตั้ง กล่าว")
>>> ps[0].name, ps[0].honorific
('อิทธิพร บุญประคอง', 'นาย')
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from phakhi.graph.model import canonical_text, node_id
from phakhi.loaders.lexicon import alternation, fragments, words
from phakhi.loaders.mentions import Mention, _load_gazetteer, lookup_name

# honorifics, ranks and post titles come from the gazetteers (ontology/gazetteers/honorifics.yaml,
# positions.yaml); nothing here repeats them
_NAME_CHARS = "ก-ฮะ-ฺเ-ๅ็-๎"
# surnames 'ณ <place>' granted to descendants of royal and princely houses (ณ อยุธยา, ณ นคร …);
# other 'ณ X' after a name is 'at X'
_NA_SURNAMES = "|".join(words("na_surnames"))
_BAD_NAME_PARTS = re.compile(r"กระทรวง|กรม|จังหวัด|อำเภอ|สำนัก|ประธาน|รัฐมนตรี|ผู้อำนวย|อธิบดี|ปลัด|"
                             r"ตำบล|หมู่บ้าน|ราชการ|กรรมการ|บันทึก|ข้อตกลง|ประชุม|ของ|และ|โดย|ได้")
_PHRASE_STOP = re.compile(r"\n|(?:\s*(?:ได้|ร่วมเป็น|ร่วมการ|ร่วมประชุม|ร่วมพิธี|ร่วมกัน|กล่าว|ลงนาม|เป็นประธาน|"
                          r"เป็นผู้|ทำหน้าที่|มอบ|พร้อมด้วย|ตลอดจน|รวมทั้ง|(?<=\s)(?:ร่วม|เข้าร่วม|ตรวจ|เดินทาง|เปิด|นำ)|พร้อมนำ|พร้อมทั้ง|ร่วมกับ|ในฐานะ|ให้เกียรติ|ซึ่ง|โดยมี|ณ\s))|\s(?:และ|โดย)\s")
# words that start with an honorific but are not names (คุณภาพ "quality", พระมหากษัตริย์ "the King")
_NOT_PERSON = re.compile(fragments("not_person"))
# what a bare 'นายก' (president) heads; otherwise 'นายก…' is นาย + a name (กิตติ, กมล …)
_NAYOK_OF = re.compile(r"\s?(?:สมาคม|องค์การ|องค์กร|ชมรม|สภา|สโมสร|มูลนิธิ|เทศ|รัฐ|อบ|ฯ)")
# a post prefix glued to an honorific makes a title: 'รองนายแพทย์', 'ผู้ช่วยนายทะเบียน'
_POST_PREFIX_BEFORE = re.compile(alternation("post_prefixes") + "$")
_VENUE_BEFORE = re.compile(alternation("venue_words") + "$")
_SPLIT = re.compile(r"อดีต|ปฏิบัติหน้าที่|รักษาราชการแทน|รักษาการ")


@dataclass
class PositionClaim:
    title: str
    full: str
    start: int
    end: int
    org: Mention | None = None
    position_id: str | None = None  # Position node when the post has no organisation
    position_name: str | None = None  # that node's name when it is not the bare title
    acting: bool = False
    former: bool = False


@dataclass
class PersonMention:
    start: int
    end: int
    surface: str
    name: str
    honorific: str
    positions: list[PositionClaim] = field(default_factory=list)

    @property
    def id(self) -> str:
        return node_id("Person", self.name)


@functools.lru_cache(maxsize=4)
def _tables(gaz_id: int) -> tuple[re.Pattern[str], dict[str, bool]]:
    gaz = _GAZ.get(gaz_id)
    hons: set[str] = set()
    positions: dict[str, bool] = {}
    if gaz is not None:
        for h in getattr(gaz, "honorifics", []) or []:
            hons.add(h.text)
            if h.full:
                hons.add(h.full)
        for p in getattr(gaz, "positions", []) or []:
            for s in p.surfaces():
                positions.setdefault(s, bool(p.standalone))
    alt = "|".join(re.escape(h) for h in sorted(hons, key=len, reverse=True))
    dotted = "|".join(re.escape(h) for h in sorted(hons, key=len, reverse=True) if h.endswith("."))
    # stacked titles ('รศ.นพ.', 'นายแพทย์ ดร.', 'พ.ต.อ.หญิง'): a further title follows a space
    # or is an abbreviation, so 'นายคุณชัย' stays นาย + คุณชัย
    fem = r"(?:หญิง(?=[ \t]))?"  # female ranks: 'ว่าที่ร้อยตรีหญิง สุดา'
    hon = rf"(?:{alt}){fem}(?:(?:[ \t]+(?:{alt})|(?:{dotted})){fem})*"
    pat = re.compile(rf"(?P<hon>{hon})[ \t]?(?P<given>[ก-ฮเ-ไ][{_NAME_CHARS}]{{1,18}})[ \t]+"
                     rf"(?P<sur>(?:ณ[ \t](?:{_NA_SURNAMES})(?![ก-๎]))|[ก-ฮเ-ไ][{_NAME_CHARS}]{{1,24}})")
    return pat, positions


_GAZ: dict[int, Any] = {}


def _is_honorific(word: str) -> bool:
    """A 'surname' that is itself a rank ('… พลเอก') belongs to the next name."""
    return word in _honorific_words(tuple(id(g) for g in _GAZ.values()))


@functools.lru_cache(maxsize=8)
def _honorific_words(gaz_ids: tuple[int, ...]) -> frozenset[str]:
    found: set[str] = set()
    for g in _GAZ.values():
        for h in getattr(g, "honorifics", []) or []:
            found.update(x for x in (h.text, h.full) if x)
    return frozenset(found)


def _setup(gazetteer: Any) -> tuple[Any, re.Pattern[str], dict[str, bool], re.Pattern[str]]:
    gaz = _load_gazetteer(gazetteer)
    _GAZ[id(gaz)] = gaz
    pat, positions = _tables(id(gaz))
    return gaz, pat, positions, _title_regex(id(gaz))


@functools.lru_cache(maxsize=4)
def _title_regex(gaz_id: int) -> re.Pattern[str]:
    _, positions = _tables(gaz_id)
    return re.compile("|".join(re.escape(t) for t in sorted(positions, key=len, reverse=True)))


def _valid_name(given: str, sur: str) -> bool:
    return not (_BAD_NAME_PARTS.search(given) or _BAD_NAME_PARTS.search(sur))


def find_people(text: str, gazetteer: Any = None, start: int = 0, end: int | None = None) -> list[PersonMention]:
    """People with an honorific in ``text[start:end]`` (positions not yet attached)."""
    gaz, pat, positions, title_re = _setup(gazetteer)
    end = len(text) if end is None else end
    out: list[PersonMention] = []
    pos = start
    while True:
        m = pat.search(text, pos, end)
        if not m:
            break
        hs = m.start()
        if _NOT_PERSON.match(text, hs):
            pos = m.end("hon")
            continue
        t = title_re.match(text, hs)
        if t and t.end() > m.end("hon") and not t.group(0) in ("นาย", "นาง") \
                and (t.group(0) != "นายก" or _NAYOK_OF.match(text, t.end())):
            pos = t.end()  # a post title (นายกรัฐมนตรี, นายอำเภอ), not a name ('นายกิตติ' is)
            continue
        if _POST_PREFIX_BEFORE.search(text, max(start, hs - 8), hs) or _VENUE_BEFORE.search(text, max(start, hs - 12), hs):
            # 'ห้องประชุมพระมหาเจดีย์…': a room's name, not a monk's
            pos = m.end("hon")  # 'รองนายแพทย์ สสจ.': a deputy's post title, not a doctor's name
            continue
        given, sur = m.group("given"), m.group("sur")
        if text.startswith(".", m.end("sur")):
            pos = m.end("hon")  # 'สสจ.': an abbreviation is no surname
            continue
        # a title glued after the surname ends it
        tm = title_re.search(sur)
        if tm and tm.start() >= 2:
            sur = sur[:tm.start()]
        if not _valid_name(given, sur) or _is_honorific(sur):
            pos = m.end("hon")
            continue
        hon = m.group("hon")
        name = canonical_text(f"{given} {sur}")
        pend = m.start("sur") + len(sur)
        out.append(PersonMention(hs, pend, text[hs:pend], name, hon))
        pos = pend
    return out


_SIGNATURE_NAME = re.compile(r"^[ \t]*\(([^()\n]{4,60})\)[ \t]*$", re.M)


def parse_bare_name(inner: str, gazetteer: Any = None) -> tuple[str, str] | None:
    """'นายประยูร รัตนเสนีย์' or 'จรุงวิทย์ ฤมมา' -> (name, honorific)."""
    gaz, pat, positions, _ = _setup(gazetteer)
    inner = canonical_text(inner)
    m = pat.fullmatch(inner)
    if m and _valid_name(m.group("given"), m.group("sur")):
        return canonical_text(f"{m.group('given')} {m.group('sur')}"), m.group("hon")
    m2 = re.fullmatch(rf"([ก-ฮเ-ไ][{_NAME_CHARS}]{{1,18}}) ([ก-ฮเ-ไ][{_NAME_CHARS}]{{1,24}})", inner)
    if m2 and _valid_name(m2.group(1), m2.group(2)):
        return inner, ""
    return None


def position_phrase_end(text: str, start: int, limit: int, next_person: int | None) -> int:
    end = min(limit, start + 220)
    if next_person is not None:
        end = min(end, next_person)
    m = _PHRASE_STOP.search(text, start, end)
    if m and m.start() > start:
        end = m.start()
    return end


def parse_positions(text: str, start: int, end: int, mentions: list[Mention],
                    gazetteer: Any = None) -> list[PositionClaim]:
    """The posts named in ``text[start:end]`` (the words after a person's name)."""
    gaz, _, positions, title_re = _setup(gazetteer)
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    phrase = text[start:end]
    if phrase.endswith("และ"):
        end -= 3
    if end - start < 2:
        return []
    orgs = [m for m in mentions if m.is_org and start <= m.start < end + 40]
    behalf = _ON_BEHALF.search(text, start, end)
    if behalf is not None and behalf.start() > start:
        return _on_behalf_claims(text, start, behalf, end, orgs, title_re)
    # pieces: split where a new status starts (อดีต…, ปฏิบัติหน้าที่…)
    cuts = [start] + [m.start() for m in _SPLIT.finditer(text, start, end) if m.start() > start] + [end]
    claims: list[PositionClaim] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        former = piece.startswith("อดีต")
        acting = piece.startswith(("ปฏิบัติหน้าที่", "รักษาราชการแทน", "รักษาการ"))
        body = re.sub(r"^(?:อดีต|ปฏิบัติหน้าที่|รักษาราชการแทน|รักษาการ(?:ใน)?ตำแหน่ง|รักษาการ)", "", piece)
        bstart = a + (len(piece) - len(body))
        found = _claims_in_piece(text, bstart, b, orgs, positions, title_re, gaz, acting, former)
        if acting and found and found[0].org is not None and a > start:
            # 'รองอธิบดี รักษาราชการแทนอธิบดีกรมX': the bare post before the acting one is
            # held in the same body
            own = canonical_text(text[cuts[cuts.index(a) - 1]:a])
            tm = title_re.fullmatch(own)
            if tm and not claims and not positions.get(own):
                claims.append(PositionClaim(own, canonical_text(own + found[0].org.name), start, a,
                                            found[0].org))
        claims.extend(found)
        if claims and claims[-1].org is None and claims[-1].position_id is None:
            claims.pop()
    return claims


# 'รองอธิบดี ปฏิบัติราชการแทน อธิบดีกรมX': signing for the head; the signer's own post is
# the one before, in the body named after
_ON_BEHALF = re.compile(r"ปฏิบัติราชการแทน|ปฏิบัติการแทน")


def _on_behalf_claims(text: str, start: int, behalf: re.Match[str], end: int, orgs: list[Mention],
                      title_re: re.Pattern[str]) -> list[PositionClaim]:
    own = canonical_text(text[start:behalf.start()])
    body = next((o for o in orgs if behalf.end() <= o.start < end), None)
    if not own or body is None:
        return []
    own_org = next((o for o in orgs if start <= o.start < behalf.start()), None)
    if own_org is not None:  # 'ผู้อำนวยการกองคลัง ปฏิบัติราชการแทน …': the post has its own body
        title = canonical_text(text[start:own_org.start])
        return [PositionClaim(title, canonical_text(text[start:own_org.end]), start, own_org.end, own_org)]
    if not title_re.fullmatch(own):
        return []
    return [PositionClaim(own, canonical_text(own + body.name), start, body.end, body)]


def _is_place(s: str, gaz: Any) -> bool:
    """'กาญจนบุรี' / 'จังหวัดน่าน' / 'ทุกจังหวัด': the scope of a post, not part of its title."""
    if re.fullmatch(r"ทุก\S+", s):
        return True
    org = lookup_name(re.sub(r"^(?:จังหวัด|จ\.)", "", s), gaz)
    return org is not None and org.type == "Province"


def _commission_org(title: str, gaz: Any) -> tuple[str, Mention | None]:
    """'ประธานกรรมการการเลือกตั้ง' names the commission 'คณะกรรมการการเลือกตั้ง'."""
    m = re.match(r"(รองประธานกรรมการ|ประธานกรรมการ|กรรมการ)\s?(.+)", title)
    if not m or m.group(2).startswith("คณะ"):
        return title, None
    org = lookup_name("คณะกรรมการ" + m.group(2).strip(), gaz)
    if org is not None and org.is_org:
        return m.group(1), org
    return title, None


def _secretariat(title: str, org: Mention, gaz: Any) -> Mention:
    """The secretary-general of a commission heads its office (สำนักงานคณะกรรมการX)."""
    if re.match(r"(?:รอง|ผู้ช่วย)?เลขาธิการ", title) and not org.name.startswith("สำนักงาน"):
        office = lookup_name("สำนักงาน" + org.name, gaz)
        if office is not None and office.is_org:
            office.start, office.end = org.start, org.end
            return office
    return org


_PLACE_WORD = re.compile(r"[ \t]([ก-ฮเ-ไ][ก-๎]{1,20})(?=[ \t\n]|$)")


def _local_instance(text: str, org: Mention, limit: int) -> Mention | None:
    """'ศส.ปชต. พิมลราช': a centre's abbreviation followed by a place name is that
    place's own centre, PART_OF (instance_of) the generic one."""
    if org.type != "Center" or "." not in org.surface:
        return None
    m = _PLACE_WORD.match(text, org.end, min(len(text), limit + 1))
    if not m or m.end() > limit:
        return None
    place = m.group(1)
    if _BAD_NAME_PARTS.search(place) or re.match(r"เป็น|และ|ใน|ได้|ให้|ร่วม|ดี|เพื่อ|ของ|ที่", place):
        return None
    name = canonical_text(f"{org.name} {place}")
    inst = Mention(org.start, m.end(), text[org.start:m.end()], "Center", node_id("Center", name), name,
                   aliases=[canonical_text(f"{org.surface} {place}")])
    inst.implied.append(("PART_OF", org, {"relation": "instance_of"}))
    return inst


def _claims_in_piece(text: str, a: int, b: int, orgs: list[Mention], positions: dict[str, bool],
                     title_re: re.Pattern[str], gaz: Any, acting: bool, former: bool) -> list[PositionClaim]:
    out: list[PositionClaim] = []
    cur = a
    for org in [o for o in orgs if a <= o.start < b]:
        title = canonical_text(text[cur:org.start])
        if not title or len(title) > 60:
            cur = max(cur, org.end)
            continue
        if title.endswith("ของ"):
            title = title[:-3]
        title = re.sub(r"^ตำแหน่ง\s*", "", title)  # 'ตำแหน่งผู้อำนวยการ…'
        if title not in positions:
            # 'ปลัด|กระทรวงแรงงาน': the post's title runs into the body's name (ปลัดกระทรวง)
            tm = title_re.match(text, cur)
            if tm and org.start < tm.end() <= org.end:
                title = tm.group(0)
        if out and not title_re.match(re.sub(r"^(?:และ|กับ|,)\s*", "", title)):
            break  # words after the first post that are no post title: the sentence goes on
        target = _secretariat(title, org, gaz)
        inst = _local_instance(text, org, b)
        if inst is not None:
            target = inst
        full = canonical_text(text[cur:target.end])
        out.append(PositionClaim(title, full, cur, org.end, target, acting=acting, former=former))
        cur = org.end
        while cur < b and text[cur] in " \t":
            cur += 1
    rest = canonical_text(text[cur:b])
    if rest and not out:
        mayor = _MAYOR.match(rest)
        if mayor:  # 'นายกเทศมนตรีตำบลบ้านใหม่' heads 'เทศบาลตำบลบ้านใหม่'
            name = canonical_text("เทศบาล" + mayor.group(1) + mayor.group(2))
            town = Mention(cur, b, rest, "LocalGovernment", node_id("LocalGovernment", name), name)
            out.append(PositionClaim("นายกเทศมนตรี", rest, cur, b, town, acting=acting, former=former))
            return out
        t2, org = _commission_org(rest, gaz)
        if org is not None:
            out.append(PositionClaim(t2, rest, cur, b, org, acting=acting, former=former))
            return out
        tm = title_re.match(rest)
        tail = rest[tm.end():].strip() if tm else ""
        if tail and " " in tail and not _is_place(tail, gaz) and _is_place(tail.split()[0], gaz):
            tail = tail.split()[0]  # 'จังหวัดตาก ตลอดจนหัวหน้าส่วนราชการ…': the post ends with its place
        district = tm is not None and tm.group(0).endswith("อำเภอ") and _DISTRICT.fullmatch(tail) is not None
        if tm and positions.get(tm.group(0)) and (len(tail) <= 2 or district or _is_place(tail, gaz)):
            title = tm.group(0)
            province = None if district else _named_province(tail, gaz)
            if province is not None or district:
                place = re.sub(r"^อำเภอ\s?", "", tail) if district else province.name
                out.append(_provincial_post(title, rest, cur, b, place, province, gaz, acting, former))
            else:
                out.append(PositionClaim(title, rest, cur, b, None, node_id("Position", title),
                                         acting=acting, former=former))
    return out


# a district's name after a district-level title: 'นายอำเภอเมืองแพร่', 'สาธารณสุขอำเภอ บ้านไผ่'
_DISTRICT = re.compile(r"(?:อำเภอ\s?)?(?!ทุก)[ก-ฮเ-ไ][ก-๎]{1,25}")
_MAYOR = re.compile(r"นายกเทศมนตรี[ \t]?(ตำบล|เมือง|นคร)([ก-ฮเ-ไ][ก-๎]{1,30})$")


def _named_province(tail: str, gaz: Any) -> Mention | None:
    """'ขอนแก่น' / 'จังหวัดน่าน' after a title: that province ('ทุกจังหวัด' is none)."""
    if not tail or tail.startswith("ทุก"):
        return None
    org = lookup_name(re.sub(r"^(?:จังหวัด|จ\.)\s?", "", tail), gaz)
    return org if org is not None and org.type == "Province" else None


def _provincial_post(title: str, full: str, start: int, end: int, place: str, province: Mention | None,
                     gaz: Any, acting: bool, former: bool) -> PositionClaim:
    """'นายแพทย์สาธารณสุขจังหวัดน่าน' heads that province's office of its class
    (สำนักงานสาธารณสุขจังหวัดน่าน); a post no office class goes with
    ('ผู้ว่าราชการจังหวัดน่าน') is the Position of that province."""
    office = _office_class(title, id(gaz)) if gaz is not None else None
    if office is not None:
        name = canonical_text(office.name_th + place)
        inst = Mention(start, end, "", "ProvincialOffice", node_id("ProvincialOffice", name), name)
        if province is not None:
            inst.props["province"] = province.key
            province.start, province.end = start, end
            inst.implied.append(("LOCATED_IN", province, {}))
        return PositionClaim(title, full, start, end, inst, acting=acting, former=former)
    if province is not None and not title.endswith("อำเภอ"):
        # the province's own administration: no office is named, so the post is the
        # province's ('ผู้ว่าราชการจังหวัดน่าน', 'ปลัดจังหวัดนนทบุรี' -> น่าน, นนทบุรี)
        province.start, province.end = start, end
        return PositionClaim(title, full, start, end, province, acting=acting, former=former)
    scope = "" if title.endswith(("จังหวัด", "จ.", "อำเภอ")) else "จังหวัด"
    name = canonical_text(title + scope + place)
    return PositionClaim(title, full, start, end, None, node_id("Position", name), position_name=name,
                         acting=acting, former=former)


_OFFICE_SCOPE = re.compile(r"(?:ประจำ)?(?:จังหวัด|อำเภอ)$")


@functools.lru_cache(maxsize=256)
def _office_class(title: str, gaz_id: int) -> Any | None:
    """The provincial-office class a head-of-office title names: the title's words before
    'จังหวัด'/'อำเภอ' end the office's, or the other way round: 'ท้องถิ่นจังหวัด' ->
    สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด. None for posts of other kinds
    (ผู้ว่าราชการจังหวัด, พัฒนาการอำเภอ)."""
    gaz = _GAZ.get(gaz_id)
    scope = _OFFICE_SCOPE.search(title)
    if gaz is None or scope is None:
        return None
    kinds = {p.title_th: p for p in getattr(gaz, "positions", []) or []}
    post = kinds.get(title)
    if post is None or "ProvincialOffice" not in post.org_types:
        return None
    core = title[:scope.start()]
    best, best_len, tie = None, 0, False
    for e in gaz.entries.values():
        if e.type != "ProvincialOffice" or not e.extra.get("generic") or not e.name_th.endswith(scope.group(0)):
            continue
        office_core = re.sub(r"^สำนักงาน", "", e.name_th[:len(e.name_th) - len(scope.group(0))])
        # one whole core ends the other: 'นายแพทย์|สาธารณสุข' ~ 'สาธารณสุข',
        # 'ท้องถิ่น' ~ 'ส่งเสริมการปกครอง|ท้องถิ่น'; 'พัฒนาการ' is not 'ที่ว่าการ'
        n = min(len(core), len(office_core))
        if n < 4 or not (core.endswith(office_core) or office_core.endswith(core)):
            continue
        if n > best_len:
            best, best_len, tie = e, n, False
        elif n == best_len:
            tie = True
    return None if tie else best
