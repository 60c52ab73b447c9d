"""The one store interface; the embedded SQLite store and Neo4j implement it.

Domain code (loaders, queries, views, exports) talks to :class:`Store` only.

Semantics every implementation keeps:

* ``write(batch)`` replaces *all* facts of ``batch.document`` in one transaction: after a
  crash either the old facts or the new ones are there, never a mix.
* A node or edge exists while at least one document states it. ``remove_document`` takes
  a document's claims away; facts other documents also state stay.
* Writing the same batch twice changes nothing (idempotent).
* ``merges`` are entity-resolution decisions (``from_id`` is read as ``to_id``). They are
  data: listed, accepted or undone, and applied when the merged view is read.
"""
from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Iterable, Iterator

from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Issue, Node, stable_json


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def facts_hash(batch: DocumentFacts) -> str:
    """A digest of everything a batch states (push uses it to skip unchanged documents)."""
    facts = batch.merged()
    body = {"document": vars(facts.document), "nodes": sorted((n.to_dict() for n in facts.nodes),
                                                              key=lambda d: d["id"]),
            "edges": sorted((e.to_dict() for e in facts.edges), key=lambda d: d["id"]),
            "issues": [i.to_dict() for i in facts.issues]}
    return hashlib.sha256(stable_json(body).encode("utf-8")).hexdigest()

if TYPE_CHECKING:  # networkx is imported only where a graph is built (start-up time)
    import networkx as nx


class StoreError(RuntimeError):
    """A store cannot do what was asked; the message is one line fit for users."""


@dataclass
class Merge:
    from_id: str
    to_id: str
    score: float
    reason: str
    status: str = "accepted"  # accepted | proposed (uncertain: listed for review) | rejected
    created_at: str = ""
    decided_by: str = "auto"  # auto | user


# What a backend can do beyond the interface; callers ask ``CYPHER in store.capabilities``
# instead of looking at class names.
CYPHER = "cypher"  # read-only Cypher (canned questions run their Cypher text; `phakhi cypher`)
NAME_SEARCH = "name_search"  # full-text search of names (``search_names``)
DOCUMENT_FACTS = "document_facts"  # gives back each document's claims (``document_facts``): a push source
BULK_LOAD = "bulk_load"  # loads a whole store's projection into an empty database (``bulk_load``)


class Store(ABC):
    """Facts with provenance, per document, and the merged graph they make."""

    capabilities: frozenset[str] = frozenset()

    # -- writing ----------------------------------------------------------------------
    @abstractmethod
    def write(self, batch: DocumentFacts) -> None:
        """Atomically replace the facts of ``batch.document`` with ``batch``'s."""

    def write_many(self, batches: Iterable[DocumentFacts]) -> None:
        for batch in batches:
            self.write(batch)

    @abstractmethod
    def remove_document(self, doc_id: str) -> bool:
        """Remove one document's claims; True if it was there."""

    # -- documents --------------------------------------------------------------------
    @abstractmethod
    def documents(self) -> list[DocumentInfo]:
        """Every document stored, with its fingerprint."""

    def fingerprint(self, doc_id: str) -> str | None:
        for d in self.documents():
            if d.doc_id == doc_id:
                return d.fingerprint
        return None

    @abstractmethod
    def issues(self) -> list[Issue]:
        """Warnings and errors recorded with the stored documents (validation results)."""

    # -- reading the merged view ------------------------------------------------------
    @abstractmethod
    def nodes(self) -> Iterator[Node]:
        """Merged nodes (merges applied; aliases and provenance unioned)."""

    @abstractmethod
    def edges(self) -> Iterator[Edge]:
        """Merged edges, ends rewritten through the merges."""

    def graph(self) -> nx.MultiDiGraph:
        """The merged view as a NetworkX multigraph for analyses.

        Node attributes: ``type``, ``name``, ``aliases``, ``provenance`` and the properties;
        edge key is the edge id, attributes ``type``, ``provenance`` and the properties.
        """
        return to_networkx(self.nodes(), self.edges())

    # -- entity resolution decisions --------------------------------------------------
    @abstractmethod
    def merges(self, status: str | None = None) -> list[Merge]:
        ...

    @abstractmethod
    def set_merge(self, merge: Merge) -> None:
        """Add or update the decision for ``merge.from_id``."""

    @abstractmethod
    def delete_merge(self, from_id: str) -> bool:
        ...

    # -- life cycle -------------------------------------------------------------------
    def close(self) -> None:  # pragma: no cover - trivial
        pass

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def to_networkx(nodes: Iterable[Node], edges: Iterable[Edge]) -> nx.MultiDiGraph:
    import networkx as nx

    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(n.id, type=n.type, name=n.name, aliases=list(n.aliases),
                   provenance=[p.to_dict() for p in n.provenance], **n.properties)
    for e in edges:
        if e.source in g and e.target in g:
            g.add_edge(e.source, e.target, key=e.id, type=e.type, qualifier=e.qualifier,
                       provenance=[p.to_dict() for p in e.provenance], **e.properties)
    return g
