"""Name resolution for question parameters: what a user types -> one node id.

A user writes 'พช.', 'กรมพัฒนาชุมชน', 'กรมการพัฒนาชุมชน' or 'Community Development
Department'; all four must find the node of the Community Development Department. Looked
up, in order (the first tier that finds something decides):

1. a node id as it is (``ref:cdd``);
2. a node whose canonical name is exactly the text;
3. any surface form: node names, aliases, English names and abbreviations in the graph,
   and the gazetteer's names, abbreviations and aliases (giving ``ref:<key>``) — compared
   with the gazetteer's ``lookup_key`` (NFC, case-folded, spaces and final dots ignored);
   nodes of the graph first, gazetteer entities the graph lacks only when nothing matched.

Two or more candidates in the deciding tier is :class:`AmbiguousName` (listing them);
nothing at all is :class:`UnknownName`. Both are one line for users.

>>> idx = NameIndex([("Department:กรมที่ดิน", "Department", "กรมที่ดิน", ["ทด."])], gazetteer=None)
>>> idx.resolve("ทด")
'Department:กรมที่ดิน'
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from phakhi.graph.model import reference_id

NameRecord = tuple[str, str, str, Sequence[str]]  # id, type, name, other surface forms
# Node properties that are also names of the thing (besides name and aliases).
NAME_PROPERTIES = ("name_en", "abbreviation", "abbreviation_en", "title")


class NameError_(LookupError):
    """Base of name-resolution errors (one line for users)."""


class UnknownName(NameError_):
    def __init__(self, text: str) -> None:
        super().__init__(f"no entity is named {text!r} (not in the graph nor the gazetteer)")
        self.text = text


class AmbiguousName(NameError_):
    def __init__(self, text: str, candidates: Sequence[tuple[str, str]]) -> None:
        listed = "; ".join(f"{cid} ({name})" for cid, name in candidates)
        super().__init__(f"{text!r} is ambiguous: {listed} — pass one of these ids instead")
        self.text = text
        self.candidates = list(candidates)


def name_key(text: str) -> str:
    """The comparison key of a surface form (the gazetteer's when it is installed).

    >>> name_key(" พช ") == name_key("พช.")
    True
    """
    try:
        from phakhi.ontology.gazetteer import lookup_key
    except ImportError:  # pragma: no cover - the gazetteer ships with the package
        return unicodedata.normalize("NFC", text).casefold().replace(" ", "").rstrip(".")
    return lookup_key(text)


@dataclass
class Candidate:
    id: str
    type: str
    name: str


class NameIndex:
    """Surface forms of the graph's nodes and of the gazetteer, ready for :meth:`resolve`."""

    def __init__(self, records: Iterable[NameRecord], gazetteer: Any = None) -> None:
        self.nodes: dict[str, Candidate] = {}
        self.by_name: dict[str, set[str]] = {}
        self.by_key: dict[str, set[str]] = {}
        for node, ntype, name, others in records:
            self.nodes[node] = Candidate(node, ntype, name)
            if name:
                self.by_name.setdefault(unicodedata.normalize("NFC", name).strip(), set()).add(node)
            for form in [name, *others]:
                if form:
                    self.by_key.setdefault(name_key(str(form)), set()).add(node)
        self.gazetteer = gazetteer

    @classmethod
    def from_graph(cls, g: Any, gazetteer: Any = "default") -> "NameIndex":
        """Index a NetworkX graph (``store.graph()``)."""
        return cls(graph_records(g), default_gazetteer() if gazetteer == "default" else gazetteer)

    def resolve(self, text: str, types: Iterable[str] | None = None) -> str:
        """The one node id ``text`` names; raises UnknownName or AmbiguousName."""
        wanted = set(types) if types else None
        text = unicodedata.normalize("NFC", str(text)).strip()
        if not text:
            raise UnknownName(text)
        if text in self.nodes:
            return text
        by_form = self._any_form(text)
        # Gazetteer entities absent from the graph count only when the graph has no match.
        tiers = [self.by_name.get(text, set()), {c for c in by_form if c in self.nodes},
                 by_form]
        for tier in tiers:
            found = sorted(c for c in tier if wanted is None or self._type(c) in wanted)
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise AmbiguousName(text, [(c, self._label(c)) for c in found])
        raise UnknownName(text)

    def _any_form(self, text: str) -> set[str]:
        found = set(self.by_key.get(name_key(text), set()))
        if self.gazetteer is not None:
            for entry in self.gazetteer.lookup(text):
                found.add(reference_id(entry.key))
        return found

    def _type(self, node: str) -> str | None:
        if node in self.nodes:
            return self.nodes[node].type
        entry = self._entry(node)
        return entry.type if entry else None

    def _label(self, node: str) -> str:
        if node in self.nodes:
            return self.nodes[node].name
        entry = self._entry(node)
        return entry.name_th if entry else node

    def _entry(self, node: str) -> Any:
        if self.gazetteer is None or not node.startswith("ref:"):
            return None
        return self.gazetteer.entries.get(node[4:])


def graph_records(g: Any) -> Iterable[NameRecord]:
    """(id, type, name, other forms) of every node of a NetworkX graph."""
    for node, attrs in g.nodes(data=True):
        yield node_record(node, attrs)


def node_record(node: str, attrs: dict[str, Any]) -> NameRecord:
    """(id, type, name, other forms) of one node from its attributes."""
    others = list(attrs.get("aliases") or [])
    others += [attrs[p] for p in NAME_PROPERTIES if isinstance(attrs.get(p), str)]
    return node, attrs.get("type") or "", attrs.get("name") or "", others


def default_gazetteer() -> Any:
    """The shipped gazetteer, or None when it cannot be loaded (names then come from the
    graph alone)."""
    try:
        from phakhi.ontology.gazetteer import load_gazetteer

        return load_gazetteer()
    except Exception:  # noqa: BLE001 - a broken gazetteer must not break graph look-ups
        return None
