"""Cards: everything the graph knows about one entity, arranged for reading.

An *agreement card* gives the title and short label, the parties, who signed for whom (and
in which position), the witnesses, the signing date, duration, end date (stated or
inferred, and from what), the notice period, each party's obligations clause by clause,
the covering letter and the sources with their sentences. Any other entity gets its
names, type, properties, relationships by type and sources. ``phakhi show`` prints a card
(table or json) and the graph view shows it in its click panel. Field names carry Thai
beside English (:data:`FIELD_NAMES`).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("ref:cdd", type="Department", name="กรมการพัฒนาชุมชน")
>>> g.add_node("A", type="Agreement", name="บันทึกข้อตกลง", date="2022-06-16", duration_years=3.0)
>>> _ = g.add_edge("ref:cdd", "A", type="PARTY_TO")
>>> c = entity_card(g, "A")
>>> c["label"], c["end_date"], c["end_basis"]
('MOU พช. · 16 มิ.ย. 2565', '2025-06-16', 'inferred: signing date + duration')
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import networkx as nx

# What each field is called, Thai then English, wherever users read a card.
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "id": ("รหัส", "id"), "type": ("ประเภท", "type"), "name": ("ชื่อ", "name"),
    "label": ("ชื่อย่อ", "short label"), "title": ("ชื่อเรื่อง", "title"),
    "aliases": ("ชื่ออื่น", "other names"), "parties": ("คู่ภาคี", "parties"),
    "signers": ("ผู้ลงนาม", "signed by"), "witnesses": ("พยาน", "witnesses"),
    "date": ("วันที่ลงนาม", "signing date"), "duration": ("ระยะเวลา", "duration"),
    "end_date": ("วันสิ้นสุด", "end date"), "end_basis": ("ที่มาของวันสิ้นสุด", "end date from"),
    "notice": ("การบอกเลิก", "notice to end"), "amendment": ("การแก้ไข", "amendment"),
    "obligations": ("พันธะของแต่ละฝ่าย", "each party's obligations"),
    "covering_letters": ("หนังสือนำส่ง", "covering letter"),
    "properties": ("คุณสมบัติ", "properties"), "relationships": ("ความสัมพันธ์", "relationships"),
    "sources": ("แหล่งที่มา", "sources"),
}
_INTERNAL = {"type", "name", "aliases", "provenance", "claims", "docs", "label", "title", "document",
             "ordinal"}
MAX_SOURCES = 10


def field_name(key: str) -> str:
    """``ชื่อเรื่อง (title)``."""
    th, en = FIELD_NAMES.get(key, (key, key))
    return f"{th} ({en})" if th != en else en


def _name(g: nx.MultiDiGraph, node: Any) -> str | None:
    return str(g.nodes[node].get("name") or node) if node is not None and node in g else node


def _in(g: nx.MultiDiGraph, node: str, rel: str) -> list[tuple[str, dict]]:
    return sorted(((u, d) for u, _, d in g.in_edges(node, data=True) if d.get("type") == rel),
                  key=lambda x: (str(x[0]), json.dumps(x[1], sort_keys=True, default=str)))


def _provenance(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    out = []
    for p in value or []:
        if isinstance(p, str):
            try:
                p = json.loads(p)
            except ValueError:
                continue
        if isinstance(p, dict):
            out.append(p)
    return out


def sources(g: nx.MultiDiGraph, node: str, relative_to: Any = None) -> list[dict[str, Any]]:
    """Documents and sentences stating the entity (its own provenance), deduplicated."""
    from phakhi.queries.paths import shown_path

    seen, out = set(), []
    for p in _provenance(g.nodes[node].get("provenance")):
        key = (p.get("path") or p.get("doc_id"), p.get("sentence"))
        if key in seen:
            continue
        seen.add(key)
        out.append({"document": shown_path(p.get("path") or p.get("doc_id") or "", relative_to),
                    "sentence": p.get("sentence") or ""})
    return out[:MAX_SOURCES]


def _person(g: nx.MultiDiGraph, person: str, attrs: dict, side_key: str) -> dict[str, Any]:
    party = attrs.get(side_key)
    return {"person": person, "name": _name(g, person), "position": attrs.get("as_position"),
            "for": party, "for_name": _name(g, party), "date": attrs.get("date")}


def agreement_card(g: nx.MultiDiGraph, a: str, relative_to: Any = None,
                   labels: dict[str, str] | None = None) -> dict[str, Any]:
    """The card of agreement ``a`` (``labels``: the graph's agreement labels, when the
    caller has them already — many cards of one graph)."""
    from phakhi.queries.labels import agreement_labels
    from phakhi.queries.nx_impl import agreement_end_basis, covering_letter_date

    attrs = g.nodes[a]
    end, basis = agreement_end_basis(attrs, covering_letter_date(g, a))
    obligations: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for party, e in _in(g, a, "OBLIGATED_TO"):
        obligations[party].append({"clause": e.get("clause"), "text": e.get("text"),
                                   "concerns": [_name(g, c) for c in e.get("concerns") or [] if c in g]})
    notice = attrs.get("termination_notice_days")
    duration = attrs.get("duration_text") or (f"{attrs['duration_years']:g} ปี (years)"
                                               if attrs.get("duration_years") else None)
    if attrs.get("duration_years") and attrs.get("duration_text"):
        duration = f"{attrs['duration_years']:g} ปี (years), as written {attrs['duration_text']}"
    return {
        "id": a, "type": "Agreement",
        "label": (labels if labels is not None else agreement_labels(g, [a])).get(a),
        "title": attrs.get("title") or attrs.get("name"),
        "parties": [{"id": p, "name": _name(g, p)} for p, _ in _in(g, a, "PARTY_TO")],
        "signers": [_person(g, p, e, "on_behalf_of") for p, e in _in(g, a, "SIGNS")],
        "witnesses": [_person(g, p, e, "side") for p, e in _in(g, a, "WITNESSES")],
        "date": attrs.get("date"), "date_as_written": attrs.get("date_as_written"),
        "duration": duration, "duration_years": attrs.get("duration_years"),
        "end_date": end.isoformat() if end else None,
        "end_basis": basis or ("not stated, and no duration to infer it from" if not end else None),
        "notice": f"{notice} วัน (days)" if notice else None,
        "amendment": attrs.get("amendment"),
        "obligations": [{"party": p, "party_name": _name(g, p),
                         "clauses": sorted(cl, key=lambda c: (c["clause"] is None, c["clause"] or 0))}
                        for p, cl in sorted(obligations.items())],
        "covering_letters": [{"id": d, "name": _name(g, d), "date": g.nodes[d].get("date")}
                             for d, _ in _in(g, a, "ENCLOSES")],
        "sources": sources(g, a, relative_to),
    }


def entity_card(g: nx.MultiDiGraph, node: str, relative_to: Any = None,
                labels: dict[str, str] | None = None) -> dict[str, Any]:
    """The card of any entity (agreements get :func:`agreement_card`)."""
    attrs = g.nodes[node]
    if attrs.get("type") == "Agreement":
        return agreement_card(g, node, relative_to, labels)
    rels: dict[tuple[str, str], list[str]] = defaultdict(list)
    for _, v, d in g.out_edges(node, data=True):
        rels[(str(d.get("type")), "→")].append(str(_name(g, v)))
    for u, _, d in g.in_edges(node, data=True):
        rels[(str(d.get("type")), "←")].append(str(_name(g, u)))
    return {
        "id": node, "type": attrs.get("type"), "name": attrs.get("name"),
        "aliases": list(attrs.get("aliases") or []),
        "properties": {k: v for k, v in sorted(attrs.items()) if k not in _INTERNAL and v not in (None, "", [])},
        "relationships": [{"relation": t, "direction": arrow, "count": len(names),
                           "with": sorted(set(names))} for (t, arrow), names in sorted(rels.items())],
        "sources": sources(g, node, relative_to),
    }


def card_text(c: dict[str, Any]) -> str:
    """A card as lines for a terminal: ``ชื่อเรื่อง (title): …``, lists indented."""
    lines: list[str] = []

    def put(key: str, value: Any) -> None:
        if value in (None, "", [], {}):
            return
        if key in ("parties", "covering_letters"):
            lines.append(f"{field_name(key)}:")
            lines.extend(f"  - {x['name']}" + (f" ({x['date']})" if x.get("date") else "") for x in value)
        elif key in ("signers", "witnesses"):
            lines.append(f"{field_name(key)}:")
            for x in value:
                where = ", ".join(s for s in (x.get("position"), f"for {x['for_name']}" if x.get("for_name") else None,
                                              x.get("date")) if s)
                lines.append(f"  - {x['name']}" + (f" — {where}" if where else ""))
        elif key == "obligations":
            lines.append(f"{field_name(key)}:")
            for party in value:
                lines.append(f"  {party['party_name']}:")
                for cl in party["clauses"]:
                    concerns = f" [{', '.join(cl['concerns'])}]" if cl["concerns"] else ""
                    lines.append(f"    {cl['clause']}. {cl['text'] or ''}{concerns}")
        elif key == "relationships":
            lines.append(f"{field_name(key)}:")
            for r in value:
                shown = ", ".join(r["with"][:8]) + (f" … (+{len(r['with']) - 8})" if len(r["with"]) > 8 else "")
                lines.append(f"  {r['direction']} {r['relation']} ({r['count']}): {shown}")
        elif key == "properties":
            lines.append(f"{field_name(key)}:")
            lines.extend(f"  {k}: {v}" for k, v in value.items())
        elif key == "sources":
            lines.append(f"{field_name(key)}:")
            lines.extend(f"  - {s['document']}: {s['sentence']}" for s in value)
        elif isinstance(value, list):
            lines.append(f"{field_name(key)}: {'; '.join(map(str, value))}")
        else:
            lines.append(f"{field_name(key)}: {value}")

    for key, value in c.items():
        if key in FIELD_NAMES:
            put(key, value)
    return "\n".join(lines) + "\n"
