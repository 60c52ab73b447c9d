"""Ground truth for generated documents, in the gold annotation format.

The format is the one of ``seeds.gold.json`` (what ``score_extraction.py`` reads):
``entities`` (id, key, type, name, aliases, attributes, mentions), ``relations``
(source, type, target, attributes, evidence), plus ``documents``, ``tables`` and
``validation`` (totals that do or do not add up).

>>> t = Truth()
>>> a = t.entity("Department", "กรมการปกครอง", doc="d1")
>>> t.entity("Department", "กรมการปกครอง", doc="d2") == a
True
>>> p = t.entity("Province", "น่าน")
>>> t.relation(p, "HAS_TRAINERS", a, "d1", count=0)
>>> t.check()
[]
"""
from __future__ import annotations

from typing import Any, Iterable


class Truth:
    """Collects entities (deduplicated by type and name unless ``unique``) and relations."""

    def __init__(self) -> None:
        self.entities: list[dict[str, Any]] = []
        self._index: dict[tuple[str, str], dict[str, Any]] = {}
        self._by_key: dict[str, dict[str, Any]] = {}
        self.relations: list[dict[str, Any]] = []
        self.documents: list[dict[str, Any]] = []
        self.tables: list[dict[str, Any]] = []
        self.validation: list[dict[str, Any]] = []

    def entity(self, type_: str, name: str, *, key: str | None = None,
               aliases: Iterable[str] = (), doc: str | None = None, unique: bool = False,
               **attributes: Any) -> str:
        """The id of the entity (type, name), created on first use; ``unique`` always creates
        (two agreements with the same title are two agreements)."""
        if unique:
            existing = None
        elif key:
            existing = self._by_key.get(key)
        else:
            existing = self._index.get((type_, name))
        if existing is None:
            existing = {"id": f"e{len(self.entities) + 1}", "key": key or "", "type": type_,
                        "name": name, "aliases": [], "attributes": {}, "mentions": []}
            self.entities.append(existing)
            self._index.setdefault((type_, name), existing)
            if key:
                self._by_key[key] = existing
        for alias in aliases:
            if alias and alias != existing["name"] and alias not in existing["aliases"]:
                existing["aliases"].append(alias)
        for k, v in attributes.items():
            if v is not None and k not in existing["attributes"]:
                existing["attributes"][k] = v
        if doc and doc not in existing["mentions"]:
            existing["mentions"].append(doc)
        return existing["id"]

    def relation(self, source: str, rel_type: str, target: str, doc: str, **attributes: Any) -> None:
        self.relations.append({"source": source, "type": rel_type, "target": target,
                               "attributes": {k: v for k, v in attributes.items()},
                               "evidence": doc})

    def check(self) -> list[str]:
        """Problems with the truth itself: relation ends that are not entities."""
        ids = {e["id"] for e in self.entities}
        return [f"relation {r['type']} {r['source']}->{r['target']} has an unknown end"
                for r in self.relations if r["source"] not in ids or r["target"] not in ids]

    def to_json(self, meta: dict[str, Any]) -> dict[str, Any]:
        by_type: dict[str, int] = {}
        for e in self.entities:
            by_type[e["type"]] = by_type.get(e["type"], 0) + 1
        rel_by_type: dict[str, int] = {}
        for r in self.relations:
            rel_by_type[r["type"]] = rel_by_type.get(r["type"], 0) + 1
        meta = dict(meta)
        meta["counts"] = {"entities_by_type": by_type, "relations_by_type": rel_by_type,
                          "entities": len(self.entities), "relations": len(self.relations),
                          "documents": len(self.documents)}
        return {"meta": meta, "documents": self.documents, "entities": self.entities,
                "relations": self.relations, "tables": self.tables,
                "validation": self.validation, "background_facts": [], "ambiguities": []}


# Types whose equal names are still different things: their ids carry the truth key/id.
_DISTINCT_BY_KEY = {"Agreement", "Event", "Document", "Venue", "Office"}


def truth_node_id(entity: dict[str, Any]) -> str:
    """The store id a truth entity stands for: ``Type:name`` (as the national facts use),
    plus the key for types where equal names are different things."""
    from phakhi.graph.model import node_id

    if entity["type"] in _DISTINCT_BY_KEY:
        return node_id(entity["type"], entity["name"], entity.get("key") or entity["id"])
    return node_id(entity["type"], entity["name"])


def truth_to_facts(truth: dict[str, Any]) -> list[Any]:
    """The ground truth as one :class:`DocumentFacts` batch per document (what a perfect
    extractor would store), for store and query benchmarks on realistic agreements."""
    from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Node, Provenance

    ids = {e["id"]: truth_node_id(e) for e in truth["entities"]}
    by_id = {e["id"]: e for e in truth["entities"]}
    batches: dict[str, DocumentFacts] = {}
    for d in truth["documents"]:
        batches[d["id"]] = DocumentFacts(DocumentInfo(
            doc_id=f"bench:truth:{d['id']}", path=f"generated/{d['file']}.txt",
            fingerprint=d["id"], title=d.get("title", ""), kind=d.get("kind", ""), date=d.get("date")))
    for e in truth["entities"]:
        for doc in e["mentions"]:
            b = batches[doc]
            props = {k: v for k, v in e["attributes"].items()
                     if isinstance(v, (str, int, float, bool)) and k != "parties"}
            b.nodes.append(Node(ids[e["id"]], e["type"], e["name"], list(e["aliases"]), props,
                                [Provenance(b.document.doc_id)]))
    for n, r in enumerate(truth["relations"]):
        b = batches[r["evidence"]]
        props = {k: (ids.get(v, v) if isinstance(v, str) else v) for k, v in r["attributes"].items()
                 if v is not None and not isinstance(v, (dict, list))}
        qualifier = str(r["attributes"].get("clause") or r["attributes"].get("row") or "")
        if r["type"] == "HAS_TRAINERS":
            qualifier = f"{r['attributes'].get('table')}|{r['attributes'].get('row')}"
        b.edges.append(Edge(ids[r["source"]], ids[r["target"]], r["type"], props,
                            [Provenance(b.document.doc_id)], qualifier))
        for end in (r["source"], r["target"]):  # ends a document states only as an end
            e = by_id[end]
            if b.document.doc_id.split(":")[-1] not in e["mentions"]:
                b.nodes.append(Node(ids[end], e["type"], e["name"], list(e["aliases"])))
    return list(batches.values())
