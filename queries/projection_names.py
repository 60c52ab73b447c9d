"""Name resolution on the embedded store's projection: indexed look-ups, not a scan.

:class:`ProjectionNames` answers exactly as :class:`NameIndex` over the whole graph
would: the candidates for a text are the node with that id, the nodes whose name is the
text, the nodes with a surface form of the same ``name_key`` (all through the
``proj_names`` index) and the gazetteer's entities for it; a :class:`NameIndex` of just
those candidates then applies the same tiers and the same ambiguity rule.
"""
from __future__ import annotations

import unicodedata
from typing import Any, Iterable

from phakhi.graph.model import reference_id
from phakhi.queries.names import NameIndex, default_gazetteer, name_key, node_record


class ProjectionNames:
    def __init__(self, graph: Any, gazetteer: Any = "default") -> None:
        self.graph = graph  # a phakhi.graph.projection_graph.ProjectionGraph
        self.gazetteer = default_gazetteer() if gazetteer == "default" else gazetteer

    def candidates(self, text: str) -> list[str]:
        text = unicodedata.normalize("NFC", str(text)).strip()
        ids = {text}
        if self.gazetteer is not None:
            ids.update(reference_id(e.key) for e in self.gazetteer.lookup(text))
        ids.update(r[0] for r in self.graph.db.execute(
            "SELECT n.id FROM proj_names k JOIN proj_nodes n ON n.key = k.node "
            "WHERE (k.key = ? AND k.exact = 1) OR (k.key = ? AND k.exact = 0)",
            (text, name_key(text) if text else "")))
        return sorted(ids)

    def resolve(self, text: str, types: Iterable[str] | None = None) -> str:
        found = self.candidates(text)
        self.graph._load(found)
        records = [node_record(i, self.graph.nodes[i]) for i in found if i in self.graph]
        return NameIndex(records, self.gazetteer).resolve(text, types)
