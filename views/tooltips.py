"""Plain-text tooltips for nodes and edges: type, key properties, provenance.

Tooltips are plain text: vis-network shows a string title with ``innerText``, so a name
like ``<img onerror=…>`` is shown, never parsed.

>>> print(node_tooltip({"type": "Department", "name": "กรมการปกครอง", "aliases": ["ปค."],
...     "provenance": [{"doc_id": "d1", "path": "/corpus/mou.txt", "sentence": "กรมการปกครองลงนาม"}]}))
กรมการปกครอง
กรม · Department
ชื่ออื่น (aliases): ปค.
แหล่งที่มา (sources):
• mou.txt: กรมการปกครองลงนาม
"""
from __future__ import annotations

from pathlib import PurePath
from typing import Any

from phakhi.views.styles import type_names

MAX_VALUE_CHARS = 160
MAX_SENTENCE_CHARS = 220
MAX_SOURCES = 3
MAX_PROPERTIES = 8
# Attributes every node/edge has, shown elsewhere in the tooltip or not meant for users.
_NOT_PROPERTIES = {"type", "name", "aliases", "provenance", "qualifier", "label"}


def short(text: Any, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    s = " ".join(str(text).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _value(v: Any) -> str:
    if isinstance(v, (list, tuple)):
        return ", ".join(str(x) for x in v)
    return str(v)


def properties_lines(attrs: dict[str, Any]) -> list[str]:
    lines = []
    for key in sorted(k for k in attrs if k not in _NOT_PROPERTIES):
        v = attrs[key]
        if v is None or v == "" or v == [] or v == {}:
            continue
        lines.append(f"{key}: {short(_value(v), MAX_VALUE_CHARS)}")
    if len(lines) > MAX_PROPERTIES:
        lines = lines[:MAX_PROPERTIES] + [f"… +{len(lines) - MAX_PROPERTIES}"]
    return lines


def provenance_lines(provenance: Any) -> list[str]:
    items = [p for p in (provenance or []) if isinstance(p, dict)]
    if not items:
        return []
    lines = ["แหล่งที่มา (sources):"]
    for p in items[:MAX_SOURCES]:
        # the file name says more to a reader than the internal document id
        doc = PurePath(str(p["path"])).name if p.get("path") else (p.get("doc_id") or "?")
        sentence = short(p.get("sentence") or "", MAX_SENTENCE_CHARS)
        lines.append(f"• {doc}: {sentence}" if sentence else f"• {doc}")
    if len(items) > MAX_SOURCES:
        lines.append(f"… +{len(items) - MAX_SOURCES}")
    return lines


def node_tooltip(attrs: dict[str, Any]) -> str:
    label = str(attrs.get("type", ""))
    th, en = type_names(label)
    lines = [str(attrs.get("name", "")), f"{th} · {en}"]
    aliases = [a for a in attrs.get("aliases") or [] if a]
    if aliases:
        lines.append("ชื่ออื่น (aliases): " + short(", ".join(aliases), MAX_VALUE_CHARS))
    lines += properties_lines(attrs)
    lines += provenance_lines(attrs.get("provenance"))
    return "\n".join(lines)


def edge_tooltip(attrs: dict[str, Any], source_name: str, target_name: str) -> str:
    rel = str(attrs.get("type", ""))
    th, en = type_names(rel)
    lines = [f"{source_name} → {target_name}", f"{th} · {en} ({rel})"]
    lines += properties_lines(attrs)
    lines += provenance_lines(attrs.get("provenance"))
    return "\n".join(lines)
