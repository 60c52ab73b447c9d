"""What every exporter shares: the graph as plain lists, value flattening, output paths.

Exporters take a :class:`GraphData` (nodes, edges, documents), never a store; the thin
adapter :func:`collect` builds one from a :class:`~phakhi.graph.stores.base.Store`, a NetworkX
graph made by :func:`~phakhi.graph.stores.base.to_networkx`, or iterables of nodes and edges.

>>> from phakhi.graph.model import Node
>>> data = collect(([Node("Department:กรมการปกครอง", "Department", "กรมการปกครอง")], []))
>>> len(data.nodes), len(data.edges)
(1, 0)
>>> flat_value(["กรม", "กอง"]), flat_value({"a": 1}), flat_value(None)
('กรม | กอง', '{"a": 1}', None)
"""
from __future__ import annotations

import io
import json
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterable, Iterator

from phakhi.graph.model import DocumentInfo, Edge, Node, Provenance

if TYPE_CHECKING:  # networkx is imported only by whoever builds a graph (start-up time)
    import networkx as nx

LIST_SEPARATOR = " | "


class ExportError(ValueError):
    """An export cannot be written; the message is one line fit for users."""


@dataclass
class GraphData:
    """The merged graph as plain lists: what every exporter reads."""

    nodes: list[Node]
    edges: list[Edge]
    documents: list[DocumentInfo] = field(default_factory=list)
    # Edges whose source or target is not a node: left out so that every format holds the
    # same graph (GraphML and Cypher cannot hold an edge without both ends).
    dropped_edges: int = 0


def collect(source: Any) -> GraphData:
    """Turn a store, a NetworkX graph, a :class:`GraphData` or a ``(nodes, edges[, documents])``
    tuple into a :class:`GraphData` with dangling edges left out."""
    if isinstance(source, GraphData):
        nodes, edges, documents = source.nodes, source.edges, source.documents
    elif _is_networkx(source):
        nodes, edges = _from_networkx(source)
        documents = list(source.graph.get("documents", []))
    elif isinstance(source, tuple):
        nodes, edges = list(source[0]), list(source[1])
        documents = list(source[2]) if len(source) > 2 else []
    elif hasattr(source, "nodes") and hasattr(source, "edges") and hasattr(source, "documents"):
        nodes, edges, documents = list(source.nodes()), list(source.edges()), list(source.documents())
    else:
        raise ExportError(f"cannot export a {type(source).__name__}: expected a store or a graph")
    nodes = sorted(nodes, key=lambda n: n.id)
    ids = {n.id for n in nodes}
    kept = sorted((e for e in edges if e.source in ids and e.target in ids), key=lambda e: e.id)
    dropped = len(edges) - len(kept) + (source.dropped_edges if isinstance(source, GraphData) else 0)
    return GraphData(nodes, kept, sorted(documents, key=lambda d: d.doc_id), dropped)


_NODE_KEYS = {"type", "name", "aliases", "provenance"}
_EDGE_KEYS = {"type", "qualifier", "provenance"}


def _provenance(raw: Any) -> list[Provenance]:
    return [p if isinstance(p, Provenance) else Provenance.from_dict(p) for p in raw or []]


def _is_networkx(source: Any) -> bool:
    """A NetworkX graph can only exist once networkx is imported: no import to check."""
    nx_module = sys.modules.get("networkx")
    return nx_module is not None and isinstance(source, nx_module.Graph)


def _from_networkx(g: nx.Graph) -> tuple[list[Node], list[Edge]]:
    nodes = []
    for nid, attrs in g.nodes(data=True):
        props = {k: v for k, v in attrs.items() if k not in _NODE_KEYS}
        nodes.append(Node(str(nid), attrs.get("type", ""), attrs.get("name", str(nid)),
                          list(attrs.get("aliases") or []), props, _provenance(attrs.get("provenance"))))
    edges = []
    rows = g.edges(data=True, keys=True) if g.is_multigraph() else ((s, t, None, a) for s, t, a in g.edges(data=True))
    for s, t, _key, attrs in rows:
        props = {k: v for k, v in attrs.items() if k not in _EDGE_KEYS}
        edges.append(Edge(str(s), str(t), attrs.get("type", ""), props,
                          _provenance(attrs.get("provenance")), attrs.get("qualifier", "") or ""))
    return nodes, edges


def flat_value(value: Any) -> str | int | float | bool | None:
    """A value fit for formats with scalar attributes only (GraphML, GEXF, CSV).

    Lists are joined with `` | ``, dicts become JSON, None stays None (callers omit it).
    """
    if value is None:
        return None
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, (list, tuple, set)):
        return LIST_SEPARATOR.join(
            v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str) for v in value)
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def provenance_docs(provenance: Iterable[Provenance]) -> list[str]:
    """The distinct document ids a fact was stated in, in order."""
    out: list[str] = []
    for p in provenance:
        if p.doc_id and p.doc_id not in out:
            out.append(p.doc_id)
    return out


@contextmanager
def open_output(out: Any, *, binary: bool = False, encoding: str = "utf-8") -> Iterator[IO[Any]]:
    """Open ``out`` for writing: ``-`` or None is stdout, a str/Path a file (parents made),
    anything else is taken as an open file and left open."""
    if out is None or out == "-":
        if binary:
            yield sys.stdout.buffer
            sys.stdout.buffer.flush()
        else:
            yield sys.stdout
            sys.stdout.flush()
        return
    if isinstance(out, (str, Path)):
        yield from _write_file(Path(out), binary, encoding)
        return
    if binary and isinstance(out, io.TextIOBase):
        yield out.buffer  # type: ignore[attr-defined]
        return
    yield out


class _WriteGuard:
    """The output file, whose first write error (a full disk) is kept and raised after the
    writer is done: raised inside lxml's incremental writer (GraphML, GEXF) it corrupts
    lxml's state and the process later crashes."""

    def __init__(self, fh: IO[Any]) -> None:
        self._fh = fh
        self.error: OSError | None = None

    def write(self, data: Any) -> int:
        if self.error is None:
            try:
                return self._fh.write(data)
            except OSError as exc:
                self.error = exc
        return len(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fh, name)


def _open(path: Path, binary: bool, encoding: str) -> IO[Any]:
    return open(path, "wb") if binary else open(path, "w", encoding=encoding, newline="")


def _write_file(path: Path, binary: bool, encoding: str) -> Iterator[IO[Any]]:
    """Write to ``path``: a regular file (or a new one) through a partial file renamed at the
    end, so a failed export never leaves a half-written file where the last good one was;
    anything else (a device such as /dev/null, a FIFO) in place, never replaced. A symlink is
    followed: its target is written, the link stays. Errors (a full disk) are one line."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    special = target.exists() and not target.is_file() and not target.is_dir()
    partial = target if special else target.with_name(f".{target.name}.partial")
    try:
        if not special:
            target.parent.mkdir(parents=True, exist_ok=True)
        fh = _open(partial, binary, encoding)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from None
    guard = _WriteGuard(fh)
    try:
        with fh:
            yield guard  # type: ignore[misc]
        if guard.error is not None:
            raise guard.error
        if not special:
            os.replace(partial, target)
    except OSError as exc:
        if not special:
            partial.unlink(missing_ok=True)
        raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        if not special:
            partial.unlink(missing_ok=True)
        raise


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """A CSV cell Excel or LibreOffice will not run as a formula: text that starts like one
    (``=HYPERLINK(…)``, ``+``, ``-``, ``@``) gets a leading apostrophe (OWASP's advice).

    >>> spreadsheet_safe("=cmd|' /C calc'!A0"), spreadsheet_safe("กรม")
    ("'=cmd|' /C calc'!A0", 'กรม')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text
