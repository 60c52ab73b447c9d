"""Entity resolution across the whole store: which nodes are the same real thing.

Decisions are data (:class:`phakhi.graph.stores.base.Merge`): each has a score and a reason;
high scores are accepted automatically, middling ones are proposed for review (the nodes
stay apart), and a rejected decision is never proposed again.

People: two Person nodes holding the same post (same organisation and title) at
compatible dates are candidates; the score adds the name similarity (given name and
surname compared separately with rapidfuzz's ratio on the raw Thai strings — no
``default_process``, which would turn Thai vowel marks into spaces).

Organisations not in the gazetteer whose names differ only by spaces, 'ทุกระดับ' or a
'เครือข่าย' prefix are merged.

>>> name_similarity("จรุงวิทย์ ฤมมา", "จรุงวิทย์ ภูมกา") > 0.7
True
"""
from __future__ import annotations

import datetime
import re
from collections import defaultdict
from typing import Any

from rapidfuzz import fuzz

from phakhi.graph.stores.base import Merge, Store

ACCEPT = 0.80
PROPOSE = 0.65
MAX_YEARS_APART = 4
_ORG_TYPES = {"Ministry", "Department", "Office", "IndependentAgency", "ProvincialOffice", "LocalGovernment",
              "Organization", "VolunteerNetwork", "Committee", "Center", "Program", "Curriculum"}


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def name_similarity(a: str, b: str) -> float:
    """0..1: given names and surnames compared separately (given name weighs more)."""
    ga, _, sa = a.partition(" ")
    gb, _, sb = b.partition(" ")
    given = fuzz.ratio(ga, gb) / 100.0
    sur = fuzz.ratio(sa, sb) / 100.0 if sa and sb else given
    return 0.6 * given + 0.4 * sur


def _years_apart(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 0.0
    try:
        da, db = datetime.date.fromisoformat(a[:10]), datetime.date.fromisoformat(b[:10])
    except ValueError:
        return 0.0
    return abs((da - db).days) / 365.25


def _org_key(name: str) -> str:
    s = re.sub(r"\s+", "", name)
    s = re.sub(r"^เครือข่าย", "", s)
    s = s.replace("ทุกระดับ", "")
    return s.rstrip("ฯ")


def person_candidates(nodes: dict[str, Any], edges: list[Any]) -> list[Merge]:
    posts: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
    for e in edges:
        if e.type == "HOLDS_POSITION" and e.source in nodes:
            title = str(e.properties.get("position") or "")
            posts[e.source].append((e.target, title, e.properties.get("as_of")))
    docs = {nid: {p.doc_id for p in n.provenance} for nid, n in nodes.items()}
    by_post: dict[tuple[str, str], list[tuple[str, str | None]]] = defaultdict(list)
    for pid, held in posts.items():
        for target, title, as_of in held:
            by_post[(target, title)].append((pid, as_of))
    seen: set[tuple[str, str]] = set()
    out: list[Merge] = []
    for (target, title), holders in by_post.items():
        for i, (a, da) in enumerate(holders):
            for b, db in holders[i + 1:]:
                if a == b or (a, b) in seen or (b, a) in seen:
                    continue
                seen.add((a, b))
                if _years_apart(da, db) > MAX_YEARS_APART:
                    continue
                sim = name_similarity(nodes[a].name, nodes[b].name)
                together = bool(docs[a] & docs[b])
                same_given = nodes[a].name.partition(" ")[0] == nodes[b].name.partition(" ")[0]
                if together and sim < 0.9 and not same_given:
                    continue  # two people named apart in one document are two people (unless
                    # the same given name in the same post: an OCR-damaged surname)
                score = 0.5 + 0.5 * sim
                if score < PROPOSE:
                    continue
                keep, drop = sorted((a, b), key=lambda x: (-len(docs[x]), -len(posts[x]), x))
                reason = (f"same post ({title} {nodes[target].name}); name similarity {sim:.2f}"
                          if target in nodes else f"same post {title}; name similarity {sim:.2f}")
                out.append(Merge(drop, keep, round(score, 3), reason,
                                 "accepted" if score >= ACCEPT else "proposed", _now(), "auto"))
    return out


def agreement_candidates(nodes: dict[str, Any], edges: list[Any]) -> list[Merge]:
    """The same MOU reported in a news item and printed in full elsewhere: same title, same
    parties, dates that do not contradict, in *different* documents (one document's two
    agreements with one title are two agreements)."""
    parties: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        if e.type == "PARTY_TO":
            parties[e.target].add(e.source)
    groups: dict[tuple[str, frozenset[str]], list[str]] = defaultdict(list)
    for nid, n in nodes.items():
        if n.type == "Agreement" and parties.get(nid):
            groups[(re.sub(r"\s+", "", n.name), frozenset(parties[nid]))].append(nid)
    out: list[Merge] = []
    for (_, ps), ids in groups.items():
        if len(ids) < 2:
            continue
        ids.sort(key=lambda x: (-len(nodes[x].properties), x))  # the fuller record stays
        keep = ids[0]
        keep_docs = {p.doc_id for p in nodes[keep].provenance}
        keep_date = nodes[keep].properties.get("date")
        for drop in ids[1:]:
            docs = {p.doc_id for p in nodes[drop].provenance}
            date = nodes[drop].properties.get("date")
            if docs & keep_docs or (date and keep_date and date != keep_date):
                continue
            out.append(Merge(drop, keep, 0.9, f"same title and the same {len(ps)} parties in another document",
                             "accepted", _now(), "auto"))
    return out


def org_candidates(nodes: dict[str, Any]) -> list[Merge]:
    by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    for nid, n in nodes.items():
        if n.type not in _ORG_TYPES:
            continue
        for name in {n.name, *n.aliases}:
            key = _org_key(name)
            if len(key) >= 6:
                by_key[(n.type if n.type in ("Program", "Curriculum") else "org", key)].append(nid)
    out: list[Merge] = []
    done: set[str] = set()
    for (_, key), ids in by_key.items():
        ids = sorted(set(ids), key=lambda x: (not x.startswith("ref:"), x))
        if len(ids) < 2:
            continue
        keep = ids[0]
        for drop in ids[1:]:
            if drop.startswith("ref:") or drop in done:
                continue  # two reference entities are never merged by name
            done.add(drop)
            out.append(Merge(drop, keep, 0.95, f"same name apart from spacing/'ทุกระดับ'/'เครือข่าย' ({key})",
                             "accepted", _now(), "auto"))
    return out


def resolve(store: Store) -> list[Merge]:
    """Find merges in the store's merged view, record the new ones; the new decisions."""
    nodes = {n.id: n for n in store.nodes()}
    edges = list(store.edges())
    decided = {m.from_id for m in store.merges()}
    new: list[Merge] = []
    for m in org_candidates(nodes) + person_candidates(nodes, edges) + agreement_candidates(nodes, edges):
        if m.from_id in decided or m.to_id == m.from_id:
            continue
        decided.add(m.from_id)
        store.set_merge(m)
        new.append(m)
    return new
