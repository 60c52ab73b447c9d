"""Turtle and JSON-LD: parse back with rdflib, same counts, Thai unchanged, the ORG/PROV/SKOS
layer present, IRIs safe and reversible."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rdfns

from phakhi.graph.exports import export_graph
from phakhi.graph.exports.rdf import DEFAULT_BASE, id_from_iri, lang_of, read_rdf_graph, resource_iri, to_rdf
from phakhi.graph.model import Node

sys.path.insert(0, str(Path(__file__).parent))  # the shared sample graph lives beside this file
from test_exports_common import DLA, TRICKY, nfc, sample_graph  # noqa: E402

PHAKHI = "https://w3id.org/phakhi/ontology#"


def parsed(fmt: str, **opts) -> Graph:
    buf = io.BytesIO()
    export_graph(sample_graph(), fmt, buf, **opts)
    return Graph().parse(data=buf.getvalue().decode("utf-8"), format="turtle" if fmt == "ttl" else "json-ld")


@pytest.mark.parametrize("fmt", ["ttl", "jsonld"])
def test_round_trip_counts_and_thai(fmt):
    back = read_rdf_graph(parsed(fmt))
    assert len(back.nodes) == 11
    assert len(back.edges) == 16
    names = {n.name for n in back.nodes}
    assert nfc(TRICKY) in names and nfc(DLA) in names and "กรมการปกครอง" in names
    types = {n.id: n.type for n in back.nodes}
    assert types["ref:dla"] == "Department" and types["Province:น่าน"] == "Province"
    expected = {e.id for e in sample_graph().edges if e.target != "ref:missing"}
    assert {e.properties["id"] for e in back.edges} == expected


def test_ttl_and_jsonld_hold_the_same_graph():
    from rdflib.compare import isomorphic

    assert isomorphic(parsed("ttl"), parsed("jsonld"))


def test_organisations_and_sub_organisations():
    g = parsed("ttl")
    dla = resource_iri("node", "ref:dla")
    moi = resource_iri("node", "ref:moi")
    assert (dla, rdfns.RDF.type, rdfns.ORG.FormalOrganization) in g
    assert (dla, rdfns.RDF.type, URIRef(PHAKHI + "Department")) in g
    assert (dla, rdfns.ORG.subOrganizationOf, moi) in g
    assert (dla, rdfns.SKOS.prefLabel, Literal(DLA, lang="th")) in g
    assert (moi, rdfns.SKOS.prefLabel, Literal("Ministry of Interior", lang="en")) in g
    assert (moi, rdfns.SKOS.altLabel, Literal("มท.", lang="th")) in g
    dopa = resource_iri("node", "ref:dopa")
    assert (dopa, rdfns.SKOS.altLabel, Literal("ปค.", lang="th")) in g


def test_membership_signature_clause_and_dates():
    g = parsed("ttl")
    person = resource_iri("node", "Person:อนุพงษ์ เผ่าจินดา")
    post = resource_iri("node", "Position:รัฐมนตรีว่าการกระทรวงมหาดไทย")
    moi = resource_iri("node", "ref:moi")
    assert (person, rdfns.ORG.holds, post) in g
    assert (post, rdfns.ORG.postIn, moi) in g
    membership = next(g.subjects(rdfns.RDF.type, rdfns.ORG.Membership))
    assert g.value(membership, rdfns.ORG.member) == person
    assert g.value(membership, rdfns.ORG.organization) == moi
    role = g.value(membership, rdfns.ORG.role)
    assert g.value(role, rdfns.SKOS.prefLabel) == Literal("รัฐมนตรีว่าการ", lang="th")
    assert g.value(membership, rdfns.DCTERMS.date) == Literal("2022-06-16", datatype=rdfns.XSD.date)

    signatures = list(g.subjects(rdfns.RDF.type, URIRef(PHAKHI + "Signature")))
    assert len(signatures) == 2  # one signatory, one witness
    roles = {str(g.value(s, rdfns.PROV.hadRole)).rsplit("#", 1)[1] for s in signatures}
    assert roles == {"signatory", "witness"}
    assert all(g.value(s, URIRef(PHAKHI + "onBehalfOf")) == moi for s in signatures)
    assert all(g.value(s, rdfns.PROV.agent) == person for s in signatures)

    clauses = sorted(int(g.value(c, URIRef(PHAKHI + "clauseNumber")))
                     for c in g.subjects(rdfns.RDF.type, URIRef(PHAKHI + "Clause")))
    assert clauses == [1, 2]
    mou = next(g.subjects(rdfns.RDF.type, URIRef(PHAKHI + "Agreement")))
    assert g.value(mou, URIRef(PHAKHI + "date")) == Literal("2022-06-16", datatype=rdfns.XSD.date)


def test_every_node_and_edge_is_derived_from_its_document_with_a_quote():
    g = parsed("ttl")
    doc = resource_iri("doc", "000_doc")
    resources = set(g.subjects(rdfns.DCTERMS.identifier, None)) - {doc}
    assert len(resources) == 11 + 16
    for r in resources:
        assert (r, rdfns.PROV.wasDerivedFrom, doc) in g, r
        q = g.value(r, rdfns.PROV.qualifiedDerivation)
        assert g.value(q, rdfns.PROV.entity) == doc
        assert str(g.value(q, URIRef(PHAKHI + "quote"))).startswith("กระทรวงมหาดไทย")
        assert int(g.value(q, URIRef(PHAKHI + "start"))) == 10


def test_base_iri_is_configurable():
    g = parsed("ttl", base="https://example.org/phakhi/")
    subjects = {str(s) for s in g.subjects(rdfns.DCTERMS.identifier, None)}
    assert subjects and all(s.startswith("https://example.org/phakhi/") for s in subjects)


@pytest.mark.parametrize("ident", ["Department:กรมการปกครอง", "a/b#c?d e%20", 'x"<script>', "ผู้ใหญ่บ้าน|น้ำ"])
def test_iris_are_ascii_and_round_trip(ident):
    iri = resource_iri("node", ident)
    assert str(iri).isascii() and " " not in str(iri)
    assert id_from_iri(iri) == ident
    assert id_from_iri(resource_iri("node", ident, "https://e.org/x/"), "https://e.org/x/") == ident


def test_language_tags_by_script():
    assert lang_of("กรมการปกครอง") == "th"
    assert lang_of("DOPA") == "en"
    assert lang_of("ศูนย์ OTOP") == "th"


def test_a_bad_date_is_text_not_an_xsd_date():
    g = to_rdf(([Node("Agreement:x", "Agreement", "x", [], {"date": "16 มิ.ย. 2565"})], []))
    value = g.value(resource_iri("node", "Agreement:x"), URIRef(PHAKHI + "date"))
    assert value.datatype is None and str(value) == "16 มิ.ย. 2565"


def test_default_base():
    assert DEFAULT_BASE == "https://w3id.org/phakhi/id/"


@pytest.mark.parametrize("base", ["not an iri", "example.org/x", "https://e.org/<x>"])
def test_a_bad_base_is_a_clear_error(base):
    from phakhi.graph.exports import ExportError

    with pytest.raises(ExportError, match="not an absolute IRI"):
        to_rdf(sample_graph(), base)
