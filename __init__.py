"""phakhi (ภาคี, "partners"): a knowledge graph of Thai government agencies, the
agreements they sign and the volunteer networks they mobilise, built from the documents
they publish.

The public surface is small; everything else may move:

>>> from phakhi import load_ontology
>>> load_ontology().node_type("Department").parent
'GovernmentBody'
"""
from __future__ import annotations

__version__ = "0.1.0"

from phakhi.ontology import load_ontology  # noqa: E402

__all__ = ["__version__", "load_ontology"]
