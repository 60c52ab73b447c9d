"""The store registry opens ``--store`` by URI scheme; callers ask for capabilities."""
from __future__ import annotations

from pathlib import Path

import pytest

from phakhi.graph.stores import CYPHER, DOCUMENT_FACTS, SCHEMES, StoreError, open_store, register
from phakhi.graph.stores.sqlite_store import SQLiteStore
from phakhi.queries.answer import speaks_cypher


def test_a_directory_opens_the_embedded_store(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s")) as store:
        assert isinstance(store, SQLiteStore)
        assert DOCUMENT_FACTS in store.capabilities and not speaks_cypher(store)


def test_an_unknown_scheme_is_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no store for the scheme ftp:// \(known: bolt://"):
        open_store("ftp://example.org/graph")


def test_a_registered_scheme_opens_with_its_opener(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(SCHEMES, "test", SCHEMES[""])
    opened: list[str] = []

    def opener(location: str, **options: object) -> SQLiteStore:
        opened.append(location)
        return SQLiteStore(tmp_path / "t")
    register("test", opener)
    with open_store("test://anything") as store:
        assert opened == ["test://anything"] and CYPHER not in store.capabilities
