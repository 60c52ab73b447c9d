"""The facts that flow from loaders to stores: nodes, edges and where each came from.

A loader turns one source file into one :class:`DocumentFacts` batch. Stores keep facts
*per document* (a claim), so that re-ingesting a changed file replaces exactly its claims
and removing a file keeps whatever other files also state. What users see is the merged
view: one :class:`Node` per id with the union of aliases and provenance.

Ids are stable strings built from what identifies a thing (see :func:`node_id`), so the
same agency mentioned in two files is the same node without any look-up.

>>> n = Node(id=node_id("Department", "กรมการปกครอง"), type="Department", name="กรมการปกครอง")
>>> n.id
'Department:กรมการปกครอง'
>>> e = Edge(source=n.id, target="Ministry:กระทรวงมหาดไทย", type="PART_OF")
>>> e.id == Edge(source=n.id, target="Ministry:กระทรวงมหาดไทย", type="PART_OF").id
True
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

_SPACES = re.compile(r"\s+")


def canonical_text(text: str) -> str:
    """NFC, single spaces, stripped: the form ids are built from (never NFKC: it breaks ำ)."""
    # split()/join == \s+ -> ' ' plus strip() (both use str.isspace), ~3x faster
    return " ".join(unicodedata.normalize("NFC", text).split())


def node_id(node_type: str, *parts: Any) -> str:
    """A stable, readable id: ``Type:part[|part…]``.

    Gazetteer entities use their key (``node_id("Department", "dla")`` is not what the
    loaders do: they call :func:`reference_id`); other nodes use their canonical name, and
    things that must stay apart even with equal names (two agreements with the same title)
    add the document and an ordinal.
    """
    key = "|".join(canonical_text(str(p)) for p in parts if p is not None and str(p) != "")
    if not key:
        raise ValueError(f"node_id({node_type!r}) needs at least one non-empty part")
    return f"{node_type}:{key}"


def reference_id(key: str) -> str:
    """Id of a gazetteer entity: ``ref:<key>`` (type-independent, so a type fix keeps it)."""
    return f"ref:{key}"


@dataclass(frozen=True)
class Provenance:
    """Where a fact was stated: document, character span in its normalised text, sentence."""

    doc_id: str
    start: int = -1
    end: int = -1
    sentence: str = ""
    path: str = ""

    def to_dict(self) -> dict[str, Any]:
        # the fields are plain values: a shallow copy is what asdict's deep copy gives
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Provenance":
        return cls(**{k: d.get(k, v.default) for k, v in cls.__dataclass_fields__.items()})  # type: ignore[attr-defined]


@dataclass
class Node:
    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)
    provenance: list[Provenance] = field(default_factory=list)

    def add_alias(self, *names: str) -> None:
        for name in names:
            name = canonical_text(name) if name else ""
            if name and name != self.name and name not in self.aliases:
                self.aliases.append(name)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "name": self.name, "aliases": list(self.aliases),
                "properties": dict(self.properties),
                "provenance": [p.to_dict() for p in self.provenance]}


@dataclass
class Edge:
    source: str
    target: str
    type: str
    properties: dict[str, Any] = field(default_factory=dict)
    provenance: list[Provenance] = field(default_factory=list)
    # Tells apart edges with the same ends and type: the clause number of an obligation,
    # the table and row of a trainer count. Part of the id.
    qualifier: str = ""

    @property
    def id(self) -> str:
        # cached with the fields it is made of (a SHA-1 per access was ~10% of a load);
        # the cache sits outside the dataclass fields, so equality and asdict ignore it
        key = (self.source, self.type, self.target, self.qualifier)
        cached = self.__dict__.get("_id_cache")
        if cached is None or cached[0] != key:
            cached = self.__dict__["_id_cache"] = (key, edge_id(*key))
        return cached[1]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "target": self.target, "type": self.type,
                "qualifier": self.qualifier, "properties": dict(self.properties),
                "provenance": [p.to_dict() for p in self.provenance]}


def edge_id(source: str, rel_type: str, target: str, qualifier: str = "") -> str:
    raw = "\x1f".join((source, rel_type, target, qualifier))
    return f"{rel_type}:{hashlib.sha1(raw.encode('utf-8')).hexdigest()[:16]}"


@dataclass
class Issue:
    """A warning or error about one document (bad input, a total that does not add up)."""

    level: str  # "error" | "warning"
    code: str  # short machine code: unreadable, no_text_layer, total_mismatch, ...
    message: str
    doc_id: str = ""
    path: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    def line(self) -> str:
        """The one-line form shown to users: ``path: reason``."""
        return f"{self.path or self.doc_id}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DocumentInfo:
    doc_id: str
    path: str
    fingerprint: str  # sha256 of the file's bytes
    title: str = ""
    kind: str = ""
    date: str | None = None
    ingested_at: str = ""
    node_count: int = 0
    edge_count: int = 0


@dataclass
class DocumentFacts:
    """Everything one source file states: the unit a store writes atomically."""

    document: DocumentInfo
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    def merged(self) -> "DocumentFacts":
        """Same facts with duplicate node ids and edge ids folded together."""
        nodes: dict[str, Node] = {}
        for n in self.nodes:
            if n.id in nodes:
                merge_node_into(nodes[n.id], n)
            else:
                nodes[n.id] = Node(n.id, n.type, n.name, list(n.aliases), dict(n.properties),
                                   list(n.provenance))
        edges: dict[str, Edge] = {}
        for e in self.edges:
            if e.id in edges:
                merge_edge_into(edges[e.id], e)
            else:
                edges[e.id] = Edge(e.source, e.target, e.type, dict(e.properties),
                                   list(e.provenance), e.qualifier)
        return DocumentFacts(self.document, list(nodes.values()), list(edges.values()),
                             list(self.issues))


def _merge_props(into: dict[str, Any], other: dict[str, Any]) -> None:
    for k, v in other.items():
        if v is None or v == "" or v == []:
            continue
        cur = into.get(k)
        if cur is None or cur == "" or cur == []:
            into[k] = v
        elif isinstance(cur, list) and isinstance(v, list):
            into[k] = cur + [x for x in v if x not in cur]


def _merge_provenance(into: list[Provenance], other: Iterable[Provenance]) -> None:
    seen = set(into)
    for p in other:
        if p not in seen:
            into.append(p)
            seen.add(p)


def merge_node_into(into: Node, other: Node) -> None:
    """Fold ``other`` into ``into``: aliases and provenance are unions; a property keeps
    its first non-empty value (lists are unions)."""
    into.add_alias(other.name, *other.aliases)
    _merge_props(into.properties, other.properties)
    _merge_provenance(into.provenance, other.provenance)


def merge_edge_into(into: Edge, other: Edge) -> None:
    _merge_props(into.properties, other.properties)
    _merge_provenance(into.provenance, other.provenance)


def stable_json(value: Any) -> str:
    """JSON with sorted keys and Thai kept readable: what stores persist."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
