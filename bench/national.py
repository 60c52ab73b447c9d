"""The national graph as facts (no text): for the store, query, analysis and view benchmarks.

77 provinces, 878 districts, 7,255 sub-districts each with a local government and a
ศส.ปชต. centre (with its chair), ~75,000 village committees each linked to its local
government, province, centre and the volunteer networks that work in it: about 100,000
nodes and 1,000,000 edges at ``fraction=1``. One :class:`DocumentFacts` batch per
district (a district registry), after one reference batch (provinces, ministries,
departments, networks). District, sub-district, village and person names are generated.

``fraction`` keeps the first part of the country (sub-districts in a fixed order), so a
smaller graph is a prefix of the larger one.

>>> batches = list(national_facts(fraction=0.002, seed=1))
>>> batches[0].document.doc_id
'bench:national:reference'
>>> sum(len(b.edges) for b in batches) > sum(len(b.nodes) for b in batches)
True
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Iterator

from phakhi.bench import admin_names as A
from phakhi.bench.world import make_person, place_name, rng_for
from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Node, node_id

DISTRICTS = 878
SUBDISTRICTS = 7255
VILLAGES = 75086
BANGKOK_DISTRICTS = 50  # khet: no villages or sub-district administrations
DOC_PREFIX = "bench:national:"


@dataclass(frozen=True)
class District:
    province: str
    name: str
    subdistricts: tuple[tuple[str, int], ...]  # (name, villages)


def _split(rng: random.Random, total: int, parts: int, low: int) -> list[int]:
    """``parts`` positive integers >= ``low`` summing to ``total``, randomly weighted."""
    weights = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    rest = total - low * parts
    raw = [rest * w / sum(weights) for w in weights]
    out = [low + int(x) for x in raw]
    for i in sorted(range(parts), key=lambda i: raw[i] - int(raw[i]), reverse=True)[: total - sum(out)]:
        out[i] += 1
    return out


def country(seed: int) -> list[District]:
    """The whole (generated) country, same for a seed: districts with sub-districts."""
    rng = rng_for(seed, "country")
    provinces = [p for p, _ in A.PROVINCES if p != A.BANGKOK]
    per_province = _split(rng, DISTRICTS - BANGKOK_DISTRICTS, len(provinces), 3)
    n_districts = sum(per_province)
    subs = _split(rng, SUBDISTRICTS - BANGKOK_DISTRICTS * 3, n_districts, 3)
    villages_per_sub = VILLAGES / sum(subs)
    out: list[District] = []
    k = 0
    for prov, n in zip(provinces, per_province):
        used: set[str] = set()
        for j in range(n):
            name = f"เมือง{prov}" if j == 0 else _fresh(rng, used)
            sub_used: set[str] = set()
            subdistricts = tuple((_fresh(rng, sub_used), max(1, round(rng.gauss(villages_per_sub, 3))))
                                 for _ in range(subs[k]))
            k += 1
            out.append(District(prov, name, subdistricts))
    for j in range(BANGKOK_DISTRICTS):  # Bangkok: khet and khwaeng, no villages
        used = set()
        out.append(District(A.BANGKOK, f"เขต{_fresh(rng, used)}{j + 1}",
                            tuple((_fresh(rng, set()), 0) for _ in range(3))))
    return out


def _fresh(rng: random.Random, used: set[str]) -> str:
    while True:
        name = place_name(rng)
        if name not in used:
            used.add(name)
            return name


def _doc(doc_id: str, title: str) -> DocumentInfo:
    return DocumentInfo(doc_id=doc_id, path=f"generated/{doc_id}", fingerprint=doc_id,
                        title=title, kind="registry")


def reference_ids() -> dict[str, str]:
    """Node ids of the national reference entities by key (provinces as ``province:<name>``)."""
    ids = {k: node_id(b.type, b.name) for k, b in A.ALL_BODIES.items()}
    ids.update({f"net:{k}": node_id(n.type, n.name) for k, n in A.NETWORKS.items()})
    ids.update({f"centre:{k}": node_id("Center", c.name) for k, c in A.CENTRES.items()})
    ids.update({f"province:{p}": node_id("Province", p) for p, _ in A.PROVINCES})
    return ids


def reference_batch() -> DocumentFacts:
    ids = reference_ids()
    nodes = [Node(ids[f"province:{p}"], "Province", p, properties={"region": r}) for p, r in A.PROVINCES]
    edges: list[Edge] = []
    for k, b in A.ALL_BODIES.items():
        nodes.append(Node(ids[k], b.type, b.name, [b.abbr] if b.abbr else [],
                          {"abbreviation": b.abbr, "name_en": b.name_en}))
        if b.parent:
            edges.append(Edge(ids[k], ids[b.parent], "PART_OF", {"relation": "sub_organization"}))
    for k, n in A.NETWORKS.items():
        nodes.append(Node(ids[f"net:{k}"], n.type, n.name, [n.abbr], {"abbreviation": n.abbr}))
        edges.append(Edge(ids[f"net:{k}"], ids[n.owner], "PART_OF", {"relation": "network_of"}))
    for k, c in A.CENTRES.items():
        nodes.append(Node(ids[f"centre:{k}"], "Center", c.name, [c.abbr], {"level": c.level}))
        edges.append(Edge(ids[c.owner], ids[f"centre:{k}"], "SUPPORTS"))
    return DocumentFacts(_doc(f"{DOC_PREFIX}reference", "ทะเบียนหน่วยงานอ้างอิง"), nodes, edges)


def district_batch(d: District, seed: int, keep_subdistricts: int | None = None) -> DocumentFacts:
    """One district's registry: its office, sub-districts (LAO, centre, chair), villages."""
    ids = reference_ids()
    rng = rng_for(seed, "district", d.province, d.name)
    prov = ids[f"province:{d.province}"]
    office_name = f"ที่ทำการปกครองอำเภอ{d.name}" if d.province != A.BANGKOK else f"สำนักงาน{d.name}"
    office = node_id("ProvincialOffice", office_name, d.province)
    nodes = [Node(office, "ProvincialOffice", office_name,
                  properties={"province": d.province, "generated": True})]
    edges = [Edge(office, prov, "LOCATED_IN"), Edge(office, ids["dopa"], "PART_OF",
                                                     {"relation": "sub_organization"})]
    networks = [ids[f"net:{k}"] for k in sorted(A.NETWORKS)]
    for s_name, n_villages in d.subdistricts[:keep_subdistricts]:
        lao_name = f"องค์การบริหารส่วนตำบล{s_name}"
        lao = node_id("LocalGovernment", lao_name, d.name, d.province)
        centre_name = f"ศูนย์ส่งเสริมพัฒนาประชาธิปไตยตำบล{s_name}"
        centre = node_id("Center", centre_name, d.name, d.province)
        chair = make_person(rng)
        chair_id = node_id("Person", chair.name, s_name, d.name)
        nodes += [Node(lao, "LocalGovernment", lao_name, [f"อบต.{s_name}"],
                       {"generated": True, "province": d.province}),
                  Node(centre, "Center", centre_name, [f"ศส.ปชต.ตำบล{s_name}"],
                       {"level": "ตำบล", "generated": True}),
                  Node(chair_id, "Person", chair.name, [chair.written],
                       {"honorific": chair.honorific, "generated": True})]
        edges += [Edge(lao, office, "PART_OF", {"relation": "sub_organization"}),
                  Edge(lao, prov, "LOCATED_IN"),
                  Edge(centre, ids["centre:ssp"], "PART_OF", {"relation": "instance_of"}),
                  Edge(centre, prov, "LOCATED_IN"),
                  Edge(lao, centre, "SUPPORTS"),
                  Edge(chair_id, centre, "HOLDS_POSITION", {"position": "ประธาน ศส.ปชต."})]
        for v in range(1, n_villages + 1):
            vname = f"คณะกรรมการหมู่บ้าน{place_name(rng)} หมู่ที่ {v} ตำบล{s_name}"
            village = node_id("Committee", vname, d.name, d.province)
            nodes.append(Node(village, "Committee", vname, properties={"generated": True}))
            edges += [Edge(village, lao, "PART_OF", {"relation": "part"}),
                      Edge(village, prov, "LOCATED_IN"),
                      Edge(village, centre, "JOINS_AS_COMMITTEE", {"roles": ["กรรมการ"]}),
                      Edge(village, ids["net:vcom"], "PART_OF", {"relation": "network_of"})]
            for net in rng.sample(networks, rng.randint(7, 11)):
                edges.append(Edge(net, village, "SUPPORTS"))
    return DocumentFacts(_doc(f"{DOC_PREFIX}{d.province}:{d.name}", f"ทะเบียนอำเภอ{d.name}"),
                         nodes, edges)


def national_facts(fraction: float = 1.0, seed: int = 8) -> Iterator[DocumentFacts]:
    """The reference batch, then one batch per district, up to ``fraction`` of the
    sub-districts (at least one)."""
    yield reference_batch()
    districts = country(seed)
    budget = max(1, round(SUBDISTRICTS * fraction))
    for d in districts:
        if budget <= 0:
            break
        keep = min(budget, len(d.subdistricts))
        budget -= keep
        yield district_batch(d, seed, keep)
