"""The genres an item can be, in the order they are tried: one list, one place.

Each genre says how to recognise an item of its kind (the segmenter's hint, or a look at the
text) and how to read it. An item no genre claims is read as news (see ``extract``). To add a
genre: write a module with ``looks_like_<genre>(text, start, end)`` and
``extract_<genre>(fb, text, start, end, mentions)``, and register it here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from phakhi.loaders import agreements, letters, minutes, orders
from phakhi.loaders.mentions import Mention


@dataclass(frozen=True)
class Genre:
    kind: str  # DocumentInfo.kind of a document whose first item is of this genre
    hint: str | None  # the segmenter's hint that selects it without a look at the text
    detects: Callable[[str, int, int], bool]
    # reads the item; returns the document's date when the genre states one (a letter's date)
    read: Callable[[Any, str, int, int, list[Mention]], str | None]
    titles_document: bool  # whether the item's title stands for the document's


def _read_mou(fb: Any, text: str, start: int, end: int, mentions: list[Mention]) -> None:
    agreements.extract_mou(fb, text, start, end, mentions)


def _read_minutes(fb: Any, text: str, start: int, end: int, mentions: list[Mention]) -> None:
    minutes.extract_minutes(fb, text, start, end, mentions)


def _read_order(fb: Any, text: str, start: int, end: int, mentions: list[Mention]) -> None:
    orders.extract_order(fb, text, start, end, mentions)


GENRES: list[Genre] = [
    Genre("mou", "mou", agreements.looks_like_mou, _read_mou, titles_document=False),
    Genre("minutes", None, minutes.looks_like_minutes, _read_minutes, titles_document=True),
    Genre("order", None, orders.looks_like_order, _read_order, titles_document=True),
    Genre("letter", "letter", letters.looks_like_letter, letters.extract_letter, titles_document=True),
]


def genre_of(text: str, start: int, end: int, hint: str) -> Genre | None:
    """The first genre that claims ``text[start:end]``; None for news and other prose."""
    return next((g for g in GENRES if (g.hint is not None and hint == g.hint) or g.detects(text, start, end)), None)
