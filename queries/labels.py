"""Short, readable labels: agreements by their parties and date, agencies by abbreviation.

An agreement's id is its ~150-character title plus a document hash, and the two MOUs
enclosed by one letter share a title, so tables and the graph showed them identically. Its
label is the parties' short names and the signing date (else the stated duration):
``MOU พช.–สนง.กกต. · 3 ปี``, ``MOU มท.–สนง.กกต. · 16 มิ.ย. 2565``. Labels are unique within a
graph (a repeated one gets ``#2``, ``#3`` by id order).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("ref:cdd", type="Department", name="กรมการพัฒนาชุมชน")
>>> g.add_node("ref:ect_office", type="IndependentAgency", name="สำนักงานคณะกรรมการการเลือกตั้ง")
>>> g.add_node("A", type="Agreement", name="บันทึกข้อตกลง", duration_years=3.0)
>>> _ = g.add_edge("ref:ect_office", "A", type="PARTY_TO"); _ = g.add_edge("ref:cdd", "A", type="PARTY_TO")
>>> agreement_labels(g)["A"]
'MOU พช.–สนง.กกต. · 3 ปี'
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Iterable

import networkx as nx

THAI_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",
               "พ.ย.", "ธ.ค.")
MAX_PARTIES = 4  # named in a label; more are "+N"
MAX_SHORT = 24


def thai_date(iso: Any) -> str:
    """``2022-06-16`` -> ``16 มิ.ย. 2565`` (Buddhist era, as Thai documents write it);
    anything else is returned as it is.

    >>> thai_date("2022-06-16"), thai_date("2565")
    ('16 มิ.ย. 2565', '2565')
    """
    try:
        d = _dt.date.fromisoformat(str(iso)[:10])
    except ValueError:
        return str(iso)
    return f"{d.day} {THAI_MONTHS[d.month - 1]} {d.year + 543}"


def _gazetteer() -> Any:
    from phakhi.queries.names import default_gazetteer

    return default_gazetteer()


def short_name(node: str, attrs: dict[str, Any], gazetteer: Any = None) -> str:
    """The shortest abbreviation a reader knows the body by (gazetteer, then the node's
    own), else its name cut to a readable length."""
    forms: list[str] = []
    if gazetteer is not None and node.startswith("ref:") and node[4:] in gazetteer.entries:
        forms += list(gazetteer.entries[node[4:]].abbr_th)
    if isinstance(attrs.get("abbreviation"), str):
        forms.append(attrs["abbreviation"])
    forms += [a for a in attrs.get("aliases") or [] if isinstance(a, str) and "." in a and len(a) <= 14]
    if forms:
        return min(forms, key=lambda f: (len(f), f))
    name = str(attrs.get("name") or node)
    return name if len(name) <= MAX_SHORT else name[:MAX_SHORT - 1] + "…"


def agreement_label(g: nx.MultiDiGraph, agreement: str, gazetteer: Any = None) -> str:
    """``MOU A–B–C · date`` (or ``· N ปี`` when only the duration is stated)."""
    attrs = g.nodes[agreement]
    parties = sorted({u for u, _, d in g.in_edges(agreement, data=True) if d.get("type") == "PARTY_TO"})
    shorts = sorted(short_name(p, g.nodes[p], gazetteer) for p in parties)
    named = "–".join(shorts[:MAX_PARTIES]) + (f" +{len(shorts) - MAX_PARTIES}" if len(shorts) > MAX_PARTIES else "")
    label = f"MOU {named}" if named else "MOU " + short_name(agreement, {"name": attrs.get("title") or attrs.get("name")})
    if attrs.get("date"):
        label += f" · {thai_date(attrs['date'])}"
    elif attrs.get("duration_years"):
        label += f" · {float(attrs['duration_years']):g} ปี"
    return label


def agreement_labels(g: nx.MultiDiGraph, ids: Iterable[str] | None = None) -> dict[str, str]:
    """``{agreement id: unique short label}`` for every agreement of ``g`` (or ``ids``)."""
    gaz = _gazetteer()
    every = sorted(n for n, a in g.nodes(data=True) if a.get("type") == "Agreement")
    labels = {a: agreement_label(g, a, gaz) for a in every}
    seen: dict[str, int] = {}
    for a in every:  # the same label twice: number the later ones
        seen[labels[a]] = seen.get(labels[a], 0) + 1
        if seen[labels[a]] > 1:
            labels[a] += f" #{seen[labels[a]]}"
    wanted = set(ids) if ids is not None else None
    return {a: lab for a, lab in labels.items() if wanted is None or a in wanted}


def labelled_rows(rows: list[dict[str, Any]], labels: dict[str, str],
                  replace: bool) -> list[dict[str, Any]]:
    """Rows with agreement ids readable: ``replace`` (terminal tables) puts the label in
    place of the id; otherwise (json, csv, xlsx) a ``<column>_label`` column follows each
    column holding agreement ids, and the ids stay for scripts.

    >>> labelled_rows([{"agreement": "A", "n": 1}], {"A": "MOU x"}, replace=False)
    [{'agreement': 'A', 'agreement_label': 'MOU x', 'n': 1}]
    """
    def relabel(v: Any) -> Any:
        if isinstance(v, str):
            return labels.get(v, v)
        if isinstance(v, list):
            return [relabel(x) for x in v]
        return v

    def has_label(v: Any) -> bool:
        return (isinstance(v, str) and v in labels) or (isinstance(v, list) and any(has_label(x) for x in v))

    columns = [c for c in (rows[0] if rows else {}) if any(has_label(r.get(c)) for r in rows)]
    out = []
    for r in rows:
        row: dict[str, Any] = {}
        for k, v in r.items():
            if k in columns and replace:
                row[k] = relabel(v)
                continue
            row[k] = v
            if k in columns:
                row[f"{k}_label"] = relabel(v)
        out.append(row)
    return out


def label_columns(columns: Iterable[str], rows: list[dict[str, Any]]) -> list[str]:
    """``columns`` with the ``_label`` columns :func:`labelled_rows` added, in place."""
    present = set(rows[0]) if rows else set()
    out: list[str] = []
    for c in columns:
        out.append(c)
        if f"{c}_label" in present:
            out.append(f"{c}_label")
    return out
