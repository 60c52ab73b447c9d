"""The generated world the documents talk about: people in office, MOUs ("deals").

Everything is derived from the seed with string-seeded ``random.Random`` instances (string
seeds hash with SHA-512, so results do not depend on PYTHONHASHSEED), one per item: item
*i* is the same whatever the scale, and a larger scale only adds items.

>>> w = World(seed=1)
>>> w.head("dopa").written == World(seed=1).head("dopa").written
True
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from phakhi.bench import admin_names as A

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thai_digits(text: object) -> str:
    """``thai_digits(2565) == '๒๕๖๕'``."""
    return str(text).translate(THAI_DIGITS)


def rng_for(seed: int, *parts: object) -> random.Random:
    return random.Random(":".join([str(seed), *map(str, parts)]))


@dataclass(frozen=True)
class Person:
    honorific: str
    given: str
    surname: str

    @property
    def name(self) -> str:
        """The name without honorific: what the truth's ``name`` holds."""
        return f"{self.given} {self.surname}"

    @property
    def written(self) -> str:
        """As printed: ranks stand apart ('พลเอก สมชาย …'), นาย/นาง attach ('นายสมชาย …')."""
        sep = " " if self.honorific in A.SPACED_HONORIFICS else ""
        return f"{self.honorific}{sep}{self.given} {self.surname}"


def make_person(rng: random.Random) -> Person:
    female = rng.random() < 0.4
    given = rng.choice(A.GIVEN_FIRST) + rng.choice(A.GIVEN_LAST_FEMALE if female else A.GIVEN_LAST_MALE)
    surname = rng.choice(A.SURNAME_A) + rng.choice(A.SURNAME_B) + rng.choice(A.SURNAME_C)
    honorific = rng.choice(A.HONORIFIC_FEMALE if female else A.HONORIFIC_MALE)
    return Person(honorific, given, surname)


def place_name(rng: random.Random) -> str:
    return rng.choice(A.PLACE_FIRST) + rng.choice(A.PLACE_LAST)


@dataclass
class Clause:
    """One numbered obligation of one party, and what it names."""

    number: int
    text: str
    supports: list[tuple[str, str]] = field(default_factory=list)  # (entity kind, key/name)
    committee: tuple[str, str] | None = None  # (network key, centre key)
    posts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Venue:
    """A meeting room, its floor, and the building (or the body whose premises it is)."""

    room: str
    floor: int | None
    building: str
    building_is_body: bool = False

    @property
    def text(self) -> str:
        floor = f" ชั้น {self.floor}" if self.floor else ""
        return f"{self.room}{floor} {self.building}"


@dataclass
class Deal:
    """One MOU: parties, title, date, signatories, witnesses and clauses."""

    index: int
    topic: str
    parties: list[str]  # body keys
    date: dt.date | None
    venue: "Venue | None"
    duration_years: int | None
    notice_days: int | None
    witnesses: dict[str, Person]  # party key -> witness (the deputy head)
    clauses: dict[str, list[Clause]]
    centre: str
    thai_clause_digits: bool
    policy_level: bool = False  # between ministries (or a ministry and an agency), signed by ministers

    @property
    def title(self) -> str:
        level = "ระดับนโยบาย" if self.policy_level else ""
        return f"บันทึกข้อตกลงว่าด้วยความร่วมมือ{level}{self.topic}"


class World:
    """People in office and the MOUs, reproducible from ``seed``."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._people: dict[str, Person] = {}
        used: set[str] = set()
        rng = rng_for(seed, "people")
        # Fixed order (sorted keys) so the same seed gives the same holders at any scale.
        for role in ["head", "deputy", "deputy2"]:
            for key in sorted(A.ALL_BODIES):
                self._people[f"{role}:{key}"] = self._unique(rng, used)
        for prov, _ in A.PROVINCES:
            self._people[f"governor:{prov}"] = self._unique(rng, used)
        self.pool = [self._unique(rng, used) for _ in range(1500)]

    @staticmethod
    def _unique(rng: random.Random, used: set[str]) -> Person:
        while True:
            p = make_person(rng)
            if p.name not in used:
                used.add(p.name)
                return p

    def head(self, key: str) -> Person:
        return self._people[f"head:{key}"]

    def deputy(self, key: str, n: int = 1) -> Person:
        return self._people[f"deputy:{key}" if n == 1 else f"deputy2:{key}"]

    def governor(self, province: str) -> Person:
        return self._people[f"governor:{province}"]

    # -- MOUs -------------------------------------------------------------------------
    def deal(self, index: int) -> Deal:
        rng = rng_for(self.seed, "deal", index)
        n_parties = rng.choices([2, 3, 4, 5], weights=[60, 20, 12, 8])[0]
        parties = rng.sample(A.PARTY_KEYS, n_parties)
        if rng.random() < 0.4 and "ect_office" not in parties:
            parties[0] = "ect_office"
        policy = rng.random() < 0.15
        if policy:  # a ministry with an independent agency or another ministry
            parties = [rng.choice(sorted(A.MINISTRIES)),
                       rng.choice(sorted(A.INDEPENDENT) + sorted(A.MINISTRIES))]
            if parties[0] == parties[1]:
                parties[1] = "ect_office"
        centres_owned = [c for c in A.CENTRES.values() if c.owner in parties]
        centre = (centres_owned[0].key if centres_owned and rng.random() < 0.7
                  else rng.choice(sorted(A.CENTRES)))
        dated = rng.random() < 0.75
        date = random_date(rng) if dated else None
        room, floor = f"ห้องประชุม{rng.choice(A.ROOM_NAMES)}", rng.randint(2, 9)
        at_moi = any(p == "moi" or A.ALL_BODIES[p].parent == "moi" for p in parties)
        venue = (Venue("ห้องประชุมราชสีห์", None, "ศาลาว่าการกระทรวงมหาดไทย") if at_moi and rng.random() < 0.4
                 else Venue(room, floor, A.ALL_BODIES[parties[0]].name, building_is_body=True))
        duration = rng.choice([None, 1, 2, 3, 3, 5])
        notice = rng.choice([None, 30, 30, 60, 90]) if duration else None
        witnesses = {p: self.deputy(p) for p in parties} if rng.random() < 0.5 else {}
        thai = rng.random() < 0.7
        clauses = {p: self._clauses(rng, p, parties, centre) for p in parties}
        return Deal(index, rng.choice(A.MOU_TOPICS), parties, date, venue if dated else None, duration, notice,
                    witnesses, clauses, centre, thai, policy)

    def _clauses(self, rng: random.Random, party: str, parties: list[str], centre: str) -> list[Clause]:
        body = A.ALL_BODIES[party]
        owned = [n for n in A.NETWORKS.values()
                 if n.owner in (party, body.parent) or A.ALL_BODIES[n.owner].parent == party]
        nets = owned or [A.NETWORKS[k] for k in rng.sample(sorted(A.NETWORKS), 2)]
        c = A.CENTRES[centre]
        posts = A.FIELD_POSTS.get(party, [])
        other = A.ALL_BODIES[rng.choice([p for p in parties if p != party])]
        out: list[Clause] = []
        templates = list(range(6))
        rng.shuffle(templates)
        if not posts:
            templates.remove(1)
        for t in templates[: rng.randint(2, 5)]:
            n = len(out) + 1
            if t == 0:
                net = rng.choice(nets)
                out.append(Clause(n, f"ส่งเสริมและสนับสนุนให้{net.name} ({net.abbr}) เข้าร่วมเป็นกรรมการ"
                                     f"{c.name} ({c.abbr}) ในพื้นที่ เพื่อเป็นแกนนำขับเคลื่อนกิจกรรม",
                                  supports=[("network", net.key)], committee=(net.key, c.key)))
            elif t == 1:
                post = rng.choice(posts)
                out.append(Clause(n, f"มอบหมาย{post}อำนวยความสะดวกและสนับสนุนการดำเนินงานของ"
                                     f"{c.name} ({c.abbr}) ในพื้นที่รับผิดชอบ",
                                  supports=[("centre", c.key)], posts=[post]))
            elif t == 2:
                prog = rng.choice(A.PROGRAMS)
                out.append(Clause(n, f"ส่งเสริม สนับสนุน และประสานความร่วมมือขับเคลื่อน{prog} "
                                     f"ให้ครอบคลุมทุกจังหวัด", supports=[("program", prog)]))
            elif t == 3:
                cur = rng.choice(A.CURRICULA)
                out.append(Clause(n, f"จัดทำหลักสูตร สื่อ และองค์ความรู้ตาม{cur} และจัดกิจกรรม"
                                     f"เผยแพร่แก่เครือข่ายในพื้นที่", supports=[("curriculum", cur)]))
            elif t == 4:
                net = rng.choice(nets)
                out.append(Clause(n, f"สนับสนุนให้{net.name} ({net.abbr}) เข้าร่วมประชุม ฝึกอบรม สัมมนา "
                                     f"และกิจกรรมของ{other.name}", supports=[("network", net.key)]))
            else:
                out.append(Clause(n, "ประสานงาน ติดตาม และรายงานผลการดำเนินงานตามบันทึกข้อตกลงนี้"
                                     "ต่อคณะทำงานร่วมเป็นประจำทุกปี"))
        return out


def random_date(rng: random.Random) -> dt.date:
    start = dt.date(2020, 10, 1)
    return start + dt.timedelta(days=rng.randint(0, 5 * 365))
