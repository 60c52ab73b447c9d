"""Benchmarks on generated data: realistic Thai documents with ground truth, a national graph.

* :func:`generate_corpus` (``generator``): news items, letters, MOU texts and trainer tables
  with ``truth.json`` in the gold format, same bytes for the same seed and scale.
* :func:`national_facts` (``national``): ~100k nodes / ~1M edges of provinces, districts,
  sub-districts, centres and village committees as :class:`DocumentFacts` batches.
* :func:`run_bench` (``runner``): what ``phakhi bench`` runs.

>>> from phakhi.bench import generate_corpus, national_facts
"""
from phakhi.bench.generator import generate_corpus
from phakhi.bench.national import national_facts

__all__ = ["generate_corpus", "national_facts"]
