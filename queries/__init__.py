"""Canned questions and graph analyses over the knowledge graph.

The public surface (the rest is free to change behind it):

* :func:`answer` — run a canned question on a store, names resolved:
  ``answer(store, "partners", {"org": "พช."})``; :func:`load_catalog` lists them
  (declared once in ``canned.yaml``: Cypher for Neo4j, a NetworkX function for the
  embedded store; both give the same rows).
* :class:`NameIndex` — what a user types -> one node id (or a one-line error).
* :data:`ANALYSES` — brokers, most-connected, pagerank, communities, components, k-core.
"""
from phakhi.queries.analyses import ANALYSES
from phakhi.queries.answer import answer, answer_cypher, answer_networkx
from phakhi.queries.catalog import CannedQuery, CatalogError, ParamError, load_catalog
from phakhi.queries.cypher_runner import CypherError, run_read
from phakhi.queries.names import AmbiguousName, NameIndex, UnknownName

__all__ = ["ANALYSES", "AmbiguousName", "CannedQuery", "CatalogError", "CypherError", "NameIndex",
           "ParamError", "UnknownName", "answer", "answer_cypher", "answer_networkx", "load_catalog",
           "run_read"]
