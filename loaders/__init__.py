"""Loaders: read documents, normalise their text, extract facts, resolve entities.

The public entry points (imported lazily, so ``import phakhi.loaders`` stays cheap):

* :func:`extract_document` (``loaders.extract``): one source text -> DocumentFacts;
* :func:`ingest` (``loaders.pipeline``): files -> store, then entity resolution;
* :func:`resolve` (``loaders.resolve``): merge decisions over the whole store.

>>> from phakhi.loaders import ingest  # doctest: +SKIP
"""
from __future__ import annotations

from typing import Any

_EXPORTS = {"extract_document": "extract", "ingest": "pipeline", "IngestReport": "pipeline",
            "resolve": "resolve"}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'phakhi.loaders' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"phakhi.loaders.{module}"), name)


__all__ = sorted(_EXPORTS)
