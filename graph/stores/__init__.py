"""Stores: the interface (:mod:`.base`) and its backends (embedded SQLite, Neo4j)."""
