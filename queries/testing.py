"""A deterministic random graph that respects the ontology, for parity tests and benchmarks.

:func:`random_batches` gives documents (``DocumentFacts``) stating ministries, departments,
networks, centres, people, agreements with and without dates, obligations, committee
memberships, positions, trainer counts (some 0, some unknown) and events — every edge
allowed by ``schema.yaml``, every property of the type the schema declares — so each
canned question has something to find. The same seed gives the same graph.

>>> batches = random_batches(seed=1, scale=1)
>>> len(batches) > 1 and all(b.nodes for b in batches)
True
"""
from __future__ import annotations

import datetime as _dt
import random
from typing import Any

from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Node, Provenance
from phakhi.ontology import load_ontology


class _Builder:
    def __init__(self, rnd: random.Random, n_docs: int) -> None:
        self.rnd = rnd
        self.onto = load_ontology()
        self.docs = [f"gen:{i:03d}" for i in range(n_docs)]
        self.nodes: dict[str, tuple[str, Node]] = {}
        self.edges: list[tuple[str, Edge]] = []

    def prov(self, doc: str, what: str) -> Provenance:
        start = self.rnd.randrange(0, 5000)
        return Provenance(doc, start, start + len(what), f"ประโยคที่กล่าวถึง {what}", f"/gen/{doc}.txt")

    def node(self, label: str, name: str, aliases: list[str] | None = None, **props: Any) -> str:
        nid = f"{label}:{name}"
        doc = self.rnd.choice(self.docs)
        self.nodes[nid] = (doc, Node(nid, label, name, list(aliases or []),
                                     {k: v for k, v in props.items() if v is not None},
                                     [self.prov(doc, name)]))
        return nid

    def edge(self, source: str, rel: str, target: str, qualifier: str = "", **props: Any) -> None:
        s_type, t_type = self.nodes[source][1].type, self.nodes[target][1].type
        if not self.onto.allows(rel, s_type, t_type):
            raise AssertionError(f"generator bug: {s_type} -[{rel}]-> {t_type} is not in the ontology")
        doc = self.rnd.choice(self.docs)
        self.edges.append((doc, Edge(source, target, rel, {k: v for k, v in props.items() if v is not None},
                                     [self.prov(doc, rel)], qualifier)))

    def batches(self) -> list[DocumentFacts]:
        out = []
        for doc in self.docs:
            nodes = [n for d, n in self.nodes.values() if d == doc]
            edges = [e for d, e in self.edges if d == doc]
            # an edge's ends are stated by the edge's document too (as loaders do)
            for e in edges:
                for end in (e.source, e.target):
                    if all(n.id != end for n in nodes):
                        n = self.nodes[end][1]
                        nodes.append(Node(n.id, n.type, n.name, [], {}, [self.prov(doc, n.name)]))
            out.append(DocumentFacts(DocumentInfo(doc, f"/gen/{doc}.txt", f"sha-{doc}", title=doc,
                                                  kind="mou"), nodes, edges))
        return out


def random_batches(seed: int = 0, scale: int = 1) -> list[DocumentFacts]:
    """Documents of a random, ontology-valid graph; ``scale`` multiplies every count."""
    rnd = random.Random(seed)
    b = _Builder(rnd, n_docs=4 * scale)
    pick = rnd.choice
    ministries = [b.node("Ministry", f"กระทรวงทดสอบ {i}", [f"กท{i}."]) for i in range(3 * scale)]
    departments = [b.node("Department", f"กรมทดสอบ {i}", [f"ทส{i}."], name_en=f"Test Department {i}")
                   for i in range(8 * scale)]
    offices = [b.node("Office", f"สำนักงานทดสอบ {i}") for i in range(4 * scale)]
    agencies = [b.node("IndependentAgency", f"องค์กรอิสระทดสอบ {i}") for i in range(2 * scale)]
    networks = [b.node("VolunteerNetwork", f"เครือข่ายทดสอบ {i}", [f"คข{i}."]) for i in range(6 * scale)]
    centers = [b.node("Center", f"ศูนย์ทดสอบ {i}", [f"ศท{i}."]) for i in range(2 * scale)]
    people = [b.node("Person", f"บุคคลทดสอบ {i}", honorific=pick(["นาย", "นาง", "พลเอก"]))
              for i in range(12 * scale)]
    provinces = [b.node("Province", f"จังหวัดทดสอบ {i}") for i in range(5 * scale)]
    orgs = departments + offices + agencies + ministries
    posts = [b.node("Position", f"ตำแหน่งทดสอบ {i}", organization=pick(departments)) for i in range(3 * scale)]

    for i, d in enumerate(departments):
        if i % 4:  # some departments lack the PART_OF edge
            b.edge(d, "PART_OF", pick(ministries), relation="sub_organization")
    for o in offices:
        b.edge(o, "PART_OF", pick(departments + agencies), relation="sub_organization")
    for n in networks:
        if rnd.random() < 0.6:
            b.edge(n, "PART_OF", pick(departments), relation="network_of")
        if rnd.random() < 0.6:
            b.edge(pick(departments), "SUPPORTS", n)

    base = _dt.date(2020, 1, 1)
    agreements = []
    for i in range(6 * scale):
        dated = rnd.random() < 0.7
        date = base + _dt.timedelta(days=rnd.randrange(0, 1500)) if dated else None
        years = pick([1, 2, 3, 4, 2.5, None])
        a = b.node("Agreement", f"บันทึกข้อตกลงทดสอบ {i}", title=f"บันทึกข้อตกลงว่าด้วยความร่วมมือ {i}",
                   date=date.isoformat() if date else None, duration_years=years,
                   document=f"gen:{i}", ordinal=1)
        agreements.append(a)
        parties = rnd.sample(orgs, rnd.choice([2, 2, 3]))
        for k, party in enumerate(parties):
            b.edge(party, "PARTY_TO", a)
            signer = pick(people)
            b.edge(signer, "SIGNS", a, on_behalf_of=party, as_position=f"หัวหน้า {k}",
                   date=date.isoformat() if date else None)
            for clause in range(1, rnd.choice([1, 2, 3]) + 1):
                concerns = rnd.sample(networks + centers, rnd.choice([0, 1, 2]))
                b.edge(party, "OBLIGATED_TO", a, qualifier=str(clause), clause=clause,
                       text=f"ข้อ {clause} ของ {party}", concerns=concerns or None)
        if rnd.random() < 0.5:
            b.edge(pick(people), "WITNESSES", a, side=parties[0], as_position="พยาน")
        for n in rnd.sample(networks, 2):
            b.edge(n, "JOINS_AS_COMMITTEE", pick(centers), qualifier=a, roles=["กรรมการ"],
                   agreement=a, clause=rnd.choice([1, 2]), party=pick(parties))

    for _ in range(6 * scale):
        x, y = rnd.sample(orgs, 2)
        b.edge(x, "COOPERATES_WITH", y)
    for p in people:
        target = pick(orgs + posts)
        b.edge(p, "HOLDS_POSITION", target, position=pick(["อธิบดี", "ปลัด", "ผู้อำนวยการ"]),
               position_full="ตำแหน่งเต็ม", as_of=(base + _dt.timedelta(days=rnd.randrange(0, 900))).isoformat(),
               acting=rnd.random() < 0.2)
    for row, prov_id in enumerate(provinces):
        for d in rnd.sample(departments, 2):
            b.edge(prov_id, "HAS_TRAINERS", d, qualifier=f"t1|{row}", count=pick([0, None, 3, 12]),
                   table="ตารางทดสอบ 1", row=row, year=2022)
    for i in range(4 * scale):
        day = base + _dt.timedelta(days=rnd.randrange(0, 1500))
        e = b.node("Event", f"กิจกรรมทดสอบ {i}", date=day.isoformat(), kind=pick(["meeting", "seminar"]))
        b.edge(pick(orgs), "ORGANIZES", e)
        b.edge(pick(people), "ATTENDS", e, role="ผู้เข้าร่วม")
    return b.batches()


def question_params(g: Any) -> dict[str, list[dict[str, Any]]]:
    """Parameter choices that hit real data in ``g`` (the first few nodes of each kind)."""
    def of(*types: str, n: int = 3) -> list[str]:
        return sorted(x for x, a in g.nodes(data=True) if a.get("type") in types)[:n]

    orgs = of("Department", "Ministry", "IndependentAgency", "Office", n=4)
    agreements = of("Agreement")
    people = of("Person")
    centers = of("Center")
    provinces = of("Province", n=2)
    departments = of("Department", n=2)
    edge = sorted(k for _, _, k in g.edges(keys=True))[:2]
    everything = sorted(g.nodes)
    return {
        "partners": [{"org": o} for o in orgs],
        "agreements": [{"org": o} for o in orgs],
        "signatories": [{"agreement": a} for a in agreements] + [{"org": o} for o in orgs[:2]],
        "obligations": [{"org": o} for o in orgs] + [{"org": orgs[0], "agreement": agreements[0]}],
        "networks": [{"center": c} for c in centers],
        "ministries-reached": [{"org": o} for o in orgs],
        "positions": [{"person": p} for p in people] + [{"org": o} for o in orgs],
        "expiring": [{"days": 3650, "as_of": "2021-01-01"}, {"days": 30, "as_of": "2023-06-01"}],
        "timeline": [{}, {"from": "2021-01-01", "to": "2022-12-31"}],
        "trainer-coverage": [{}] + [{"province": p} for p in provinces] + [{"department": d} for d in departments],
        "evidence": [{"entity": x} for x in everything[:3]] + [{"fact": e} for e in edge]
        + [{"source": u, "target": v} for u, v, _ in sorted(g.edges(keys=True))[:2]]
        + [{"source": u, "target": v, "rel": "PARTY_TO"} for u, v, _ in sorted(g.edges(keys=True))[:3]],
        "path": [{"a": everything[0], "b": everything[-1]}, {"a": orgs[0], "b": people[0]}],
        "ego": [{"entity": orgs[0], "depth": 1}, {"entity": orgs[0], "depth": 2},
                {"entity": people[0], "depth": 3}],
    }
