"""Run Cypher on Neo4j in READ transactions and turn records into plain rows.

Everything here is read-only: sessions open with ``default_access_mode=READ`` and work runs
through ``session.execute_read``, so a ``CREATE`` or ``DELETE`` (typed by a user into
``phakhi cypher``, or smuggled into a parameter) is refused by the server. Values only ever
travel as parameters.

>>> plain({"a": [1, 2]})
{'a': [1, 2]}
"""
from __future__ import annotations

from typing import Any

from phakhi.queries.catalog import canonical_value

STORE_LABELS = ("Entity",)


class CypherError(RuntimeError):
    """Neo4j refused or failed a query; the message is one line for users."""


def plain(value: Any) -> Any:
    """A Neo4j value as plain Python: nodes and relationships as dicts of their
    properties (plus ``_labels`` / ``_type``), paths as ``{"nodes": […], "rels": […]}``,
    temporal values as ISO text."""
    try:
        from neo4j.graph import Node, Path, Relationship
    except ImportError:  # pragma: no cover - the driver is a dependency
        Node = Path = Relationship = ()  # type: ignore[assignment,misc]
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes],
                "rels": [plain(r) for r in value.relationships]}
    if isinstance(value, Node):
        out = {k: plain(v) for k, v in value.items()}
        out["_labels"] = sorted(value.labels)
        return out
    if isinstance(value, Relationship):
        out = {k: plain(v) for k, v in value.items()}
        out["_type"] = value.type
        out["_start"] = value.start_node.get("id") if value.start_node is not None else None
        out["_end"] = value.end_node.get("id") if value.end_node is not None else None
        return out
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "iso_format") or hasattr(value, "isoformat"):
        return canonical_value(value)
    return value


def node_type(node: dict[str, Any]) -> str | None:
    """The ontology label of a node returned by :func:`plain`."""
    if node.get("type"):
        return node["type"]
    labels = [label for label in node.get("_labels", []) if label not in STORE_LABELS]
    return labels[0] if labels else None


def driver_of(store_or_driver: Any) -> tuple[Any, str | None]:
    """(driver, database) of a Neo4j store, or of a driver given directly."""
    for attr in ("driver", "_driver"):
        driver = getattr(store_or_driver, attr, None)
        if driver is not None and hasattr(driver, "session"):
            database = getattr(store_or_driver, "database", None) or getattr(
                store_or_driver, "_database", None)
            return driver, database
    if hasattr(store_or_driver, "session"):
        return store_or_driver, None
    raise CypherError("Cypher needs a Neo4j store: pass --store bolt://… (or neo4j://…)")


def run_read(store_or_driver: Any, cypher: str, params: dict[str, Any] | None = None,
             database: str | None = None) -> list[dict[str, Any]]:
    """Run ``cypher`` with ``params`` in a READ transaction; rows as plain dicts.

    A write attempt, a syntax error or an unreachable server is a :class:`CypherError`.
    """
    import neo4j
    from neo4j.exceptions import Neo4jError, DriverError

    driver, db = driver_of(store_or_driver)
    database = database or db

    def work(tx: Any) -> list[dict[str, Any]]:
        result = tx.run(cypher, params or {})
        return [{k: plain(v) for k, v in record.items()} for record in result]

    try:
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
            return session.execute_read(work)
    except Neo4jError as exc:
        code = getattr(exc, "code", "") or ""
        message = (getattr(exc, "message", None) or str(exc)).splitlines()[0]
        if "AccessMode" in code or "read access mode" in message.lower() or "write" in code.lower():
            raise CypherError(f"refused: the query writes, and Cypher here is read-only ({message})") from None
        raise CypherError(f"Neo4j: {message}") from None
    except (DriverError, OSError) as exc:
        raise CypherError(f"Neo4j: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
