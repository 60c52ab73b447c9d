"""Document paths as readers should see them: relative to where they were ingested from.

The store keeps each document's absolute path (its identity); pages and cards show it
relative to the folder all documents share, so a report made on one machine does not
show that machine's folders.

>>> root = documents_root(["/home/a/corpus/x.txt", "/home/a/corpus/sub/y.txt"])
>>> str(root), shown_path("/home/a/corpus/sub/y.txt", root), shown_path("/elsewhere/z.txt", root)
('/home/a/corpus', 'sub/y.txt', 'z.txt')
"""
from __future__ import annotations

import os
from pathlib import PurePath
from typing import Any, Iterable


def documents_root(paths: Iterable[str]) -> PurePath | None:
    """The deepest folder holding every path (None when there are none or no common one)."""
    folders = [str(PurePath(p).parent) for p in paths if p]
    if not folders:
        return None
    try:
        common = os.path.commonpath(folders)
    except ValueError:  # relative mixed with absolute, or different drives
        return None
    return PurePath(common) if common not in ("", "/") else None


def shown_path(path: str, root: Any = None) -> str:
    """``path`` relative to ``root`` when inside it, else its file name alone."""
    if not path:
        return ""
    p = PurePath(path)
    if root is not None:
        try:
            return p.relative_to(PurePath(root)).as_posix()
        except ValueError:
            pass
    return p.name or str(path)
