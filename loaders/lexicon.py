"""The word lists of ``ontology/lexicon.yaml``: read once, handed to the rules as words or as
one regular-expression alternation.

>>> "กรม" in [h["word"] for h in lexicon()["organisation_heads"]]
True
>>> re.fullmatch(alternation("weekdays"), "อังคาร") is not None
True
"""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

from phakhi.ontology import read_yaml

#: the default file; ``PHAKHI_LEXICON`` names another (a test, or a site's own additions)
LEXICON_PATH = Path(__file__).resolve().parent.parent / "ontology" / "lexicon.yaml"


@functools.lru_cache(maxsize=2)
def _load(path: str) -> dict[str, Any]:
    data = read_yaml(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: the lexicon must be a mapping of list names to lists")
    return data


def lexicon() -> dict[str, Any]:
    """The whole lexicon (lists by name)."""
    return _load(os.environ.get("PHAKHI_LEXICON") or str(LEXICON_PATH))


def words(name: str) -> list[str]:
    """A plain list, or a list under ``cues`` written 'cues.presides'."""
    node: Any = lexicon()
    for part in name.split("."):
        node = node[part]
    return [str(w) for w in node]


def alternation(name: str) -> str:
    """The list's words as one alternation, escaped, longest first (plain-word lists)."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words(name), key=len, reverse=True)) + ")"


def fragments(name: str) -> str:
    """The list's regular-expression fragments joined into one alternation, in their order."""
    return "(?:" + "|".join(words(name)) + ")"
