"""Stores: the interface (:mod:`.base`), the merged view every backend shows
(:mod:`.merged_view`), the backends (:mod:`.sqlite_store`, :mod:`.neo4j_store`), the copy
from one to another (:mod:`.push`), and the registry that opens a store from ``--store``.

The registry maps a location's URI scheme to the backend that opens it; a plain path (no
``scheme://``) is the embedded store. Backends are imported only when used.

>>> sorted(SCHEMES)[:3]
['bolt', 'bolt+s', 'bolt+ssc']
"""
from __future__ import annotations

import os
from typing import Any, Callable

from phakhi.graph.stores.base import (BULK_LOAD, CYPHER, DOCUMENT_FACTS, NAME_SEARCH, Merge, Store,
                                      StoreError, to_networkx)

__all__ = ["BULK_LOAD", "CYPHER", "DOCUMENT_FACTS", "NAME_SEARCH", "Merge", "SCHEMES", "Store",
           "StoreError", "open_store", "register", "to_networkx"]

Opener = Callable[..., Store]


def _open_embedded(location: str, **_: Any) -> Store:
    from phakhi.graph.stores.sqlite_store import SQLiteStore

    return SQLiteStore(location)


def _open_neo4j(location: str, database: str | None = None, **options: Any) -> Store:
    from phakhi.graph.stores.neo4j_store import Neo4jStore

    return Neo4jStore.from_env(location, database=database, **options)


# scheme -> opener; "" is a directory (the embedded store)
SCHEMES: dict[str, Opener] = {"": _open_embedded}
for _scheme in ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"):
    SCHEMES[_scheme] = _open_neo4j


def register(scheme: str, opener: Opener) -> None:
    """Make ``scheme://…`` locations open with ``opener(location, database=…, **options)``."""
    SCHEMES[scheme.lower()] = opener


def scheme_of(location: str) -> str:
    return location.split("://", 1)[0].lower() if "://" in location else ""


def open_store(location: str | None, *, database: str | None = None, **options: Any) -> Store:
    """Open the store named by ``--store``: a directory (embedded, the default) or a
    ``neo4j://``, ``neo4j+s://``, ``bolt://`` URI (credentials from NEO4J_USER and
    NEO4J_PASSWORD, database from NEO4J_DATABASE)."""
    location = location or os.environ.get("PHAKHI_STORE") or ".phakhi"
    scheme = scheme_of(location)
    opener = SCHEMES.get(scheme)
    if opener is None:
        known = ", ".join(f"{s}://" for s in sorted(SCHEMES) if s)
        raise StoreError(f"{location}: no store for the scheme {scheme}:// (known: {known}, "
                         "or a directory for the embedded store)")
    return opener(location, database=database, **options)
