"""Rows made readable in a terminal table: a group of hundreds of members is one short line.

>>> readable_groups([{"community": 0, "size": 12, "members": [f"m{i}" for i in range(12)],
...                   "member_ids": ["x"] * 12}])
[{'community': 0, 'size': 12, 'members': 'm0, m1, m2, m3, m4, m5, m6, m7 … (+4 more)'}]
"""
from __future__ import annotations

from typing import Any

SHOWN_MEMBERS = 8
NAME_CHARS = 30


def _short(name: str) -> str:
    return name if len(name) <= NAME_CHARS else name[:NAME_CHARS - 1] + "…"


def readable_groups(rows: list[dict[str, Any]], shown: int = SHOWN_MEMBERS) -> list[dict[str, Any]]:
    """Community/component rows with the first ``shown`` member names and a count of the
    rest (``--format json`` keeps every member and id)."""
    out = []
    for r in rows:
        members = list(r.get("members") or [])
        text = ", ".join(_short(str(m)) for m in members[:shown])
        if len(members) > shown:
            text += f" … (+{len(members) - shown} more)"
        out.append({k: v for k, v in r.items() if k not in ("members", "member_ids")} | {"members": text})
    return out
