"""Renames carried into the graph: SUCCEEDED_BY edges from the gazetteer's dated renames.

The gazetteer records that a body was renamed or replaced (``extra.succeeded_by: {key,
date}``, e.g. กศน. -> สกร. on 2023-05-18). When a document names either body, its facts
get the SUCCEEDED_BY edge between them (and the other body's node, from the gazetteer), so
questions can follow succession (``partners``, ``agreements``, ``timeline``). The edge is
stated by the gazetteer, not the text: its provenance sentence cites the gazetteer entry
and its source. Renames told in documents are the extractor's job.

>>> from phakhi.graph.model import DocumentFacts, DocumentInfo, Node
>>> facts = DocumentFacts(DocumentInfo("d", "/d.txt", "x"), [Node("ref:onie", "Office", "กศน.")], [])
>>> add_renames(facts)
>>> [(e.source, e.type, e.target, e.properties["date"]) for e in facts.edges]
[('ref:onie', 'SUCCEEDED_BY', 'ref:dole', '2023-05-18')]
>>> sorted(n.id for n in facts.nodes)
['ref:dole', 'ref:onie']
"""
from __future__ import annotations

from typing import Any, Iterator

from phakhi.graph.model import DocumentFacts, Edge, Node, Provenance, reference_id

RENAME_SOURCE = "gazetteer"


def _gazetteer(gazetteer: Any) -> Any:
    if gazetteer is not None:
        return gazetteer
    from phakhi.ontology.gazetteer import load_gazetteer

    return load_gazetteer()


def renames(gazetteer: Any, key: str) -> Iterator[tuple[str, str, str | None]]:
    """(old key, new key, date) of every rename in ``key``'s chain, both directions."""
    seen: set[str] = set()
    todo = [key]
    while todo:
        cur = todo.pop()
        if cur in seen or cur not in gazetteer.entries:
            continue
        seen.add(cur)
        succ = gazetteer.entries[cur].extra.get("succeeded_by")
        if isinstance(succ, dict) and succ.get("key") in gazetteer.entries:
            yield cur, succ["key"], succ.get("date")
            todo.append(succ["key"])
        for other in gazetteer.entries.values():  # who was renamed into cur
            prior = other.extra.get("succeeded_by")
            if isinstance(prior, dict) and prior.get("key") == cur:
                todo.append(other.key)


def _node(entry: Any, provenance: Provenance) -> Node:
    props = {"key": entry.key, **({"name_en": entry.name_en} if entry.name_en else {})}
    return Node(reference_id(entry.key), entry.type, entry.name_th, list(entry.abbr_th), props, [provenance])


def add_renames(facts: DocumentFacts, gazetteer: Any = None) -> None:
    """Add to ``facts`` the SUCCEEDED_BY edges (and bodies) of the renames of every
    gazetteer body the document names."""
    gaz = _gazetteer(gazetteer)
    present = {n.id for n in facts.nodes}
    have = {e.id for e in facts.edges}
    keys = sorted(n[4:] for n in present if n.startswith("ref:") and n[4:] in gaz.entries)
    done: set[tuple[str, str]] = set()
    for key in keys:
        for old, new, date in renames(gaz, key):
            if (old, new) in done:
                continue
            done.add((old, new))
            entry = gaz.entries[new]
            sentence = (f"{RENAME_SOURCE}: {gaz.entries[old].name_th} → {entry.name_th}"
                        + (f" ({date})" if date else "") + f"; {gaz.entries[old].source or entry.source}")
            prov = Provenance(facts.document.doc_id, -1, -1, sentence, facts.document.path)
            for k in (old, new):
                if reference_id(k) not in present:
                    facts.nodes.append(_node(gaz.entries[k], prov))
                    present.add(reference_id(k))
            edge = Edge(reference_id(old), reference_id(new), "SUCCEEDED_BY",
                        {"date": date, "source": RENAME_SOURCE}, [prov])
            if edge.id not in have:
                facts.edges.append(edge)
                have.add(edge.id)
