"""RDF export (Turtle, JSON-LD): W3C ORG for organisations and posts, PROV-O for where each
fact comes from, SKOS for names.

Two layers in one graph:

* a lossless *phakhi layer*: every node is ``phakhi:<Label>`` (sub-class of the class the
  ontology names in its ``rdf`` field, e.g. ``phakhi:Office ⊑ org:OrganizationalUnit``),
  carries ``dcterms:identifier`` (its phakhi id) and ``phakhi:<property>`` values; every
  edge is an ``rdf:Statement`` of class ``phakhi:<Type>Statement`` with its properties;
* a *standard layer* on top: the direct triple with the ontology's predicate
  (``org:subOrganizationOf``, ``org:holds`` …), ``org:Membership`` for a post held,
  a qualified signature (``prov:agent``, ``prov:hadRole``, ``phakhi:onBehalfOf``) for each
  signatory or witness, a clause resource for each obligation, ``skos:prefLabel`` /
  ``skos:altLabel`` with ``@th`` or ``@en`` by script, dates as ``xsd:date``, and
  ``prov:wasDerivedFrom`` + ``prov:qualifiedDerivation`` (quote, start, end) to the
  source document.

IRIs are ``<base><kind>/<percent-encoded id>``: ASCII-safe for any Thai id and reversible
(:func:`id_from_iri`).

>>> iri = resource_iri("node", "Department:กรมการปกครอง")
>>> str(iri)[:45]
'https://w3id.org/phakhi/id/node/Department%3A'
>>> id_from_iri(iri)
'Department:กรมการปกครอง'
>>> lang_of("กรมการปกครอง"), lang_of("Ministry of Interior")
('th', 'en')
"""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Iterable
from urllib.parse import quote, unquote

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from phakhi.graph.exports.common import ExportError, GraphData, collect, open_output
from phakhi.graph.model import DocumentInfo, Edge, Node, Provenance
from phakhi.ontology import IDENTIFIER, Ontology, PropertySpec, load_ontology

DEFAULT_BASE = "https://w3id.org/phakhi/id/"
_THAI = re.compile(r"[\u0E00-\u0E7F]")
_LATIN = re.compile(r"[A-Za-z]")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
XSD_OF = {"int": XSD.integer, "float": XSD.double, "bool": XSD.boolean, "date": XSD.date}


def phakhi_ns(onto: Ontology) -> Namespace:
    return Namespace(onto.prefixes.get("phakhi", "https://w3id.org/phakhi/ontology#"))


def resource_iri(kind: str, ident: str, base: str = DEFAULT_BASE) -> URIRef:
    """``<base><kind>/<id percent-encoded as UTF-8>``; nothing in ``ident`` stays unescaped,
    so ``/``, ``#``, ``:`` and Thai letters all round-trip."""
    return URIRef(f"{base}{kind}/{quote(ident, safe='')}")


def id_from_iri(iri: str, base: str = DEFAULT_BASE) -> str:
    """The phakhi id inside an IRI made by :func:`resource_iri`."""
    rest = str(iri)[len(base):] if str(iri).startswith(base) else str(iri)
    return unquote(rest.split("/", 1)[1] if "/" in rest else rest)


def lang_of(text: str) -> str:
    """``th`` when the text has Thai letters, ``en`` when it has Latin ones only."""
    if _THAI.search(text):
        return "th"
    return "en" if _LATIN.search(text) else "th"


def class_iri(onto: Ontology, label: str) -> URIRef:
    """The phakhi class of a node type (``phakhi:Department``)."""
    return phakhi_ns(onto)[label]


def statement_class(onto: Ontology, rel_type: str) -> URIRef:
    """``HOLDS_POSITION`` -> ``phakhi:HoldsPositionStatement``."""
    return phakhi_ns(onto)["".join(p.capitalize() for p in rel_type.split("_")) + "Statement"]


def property_iri(onto: Ontology, name: str) -> URIRef:
    return phakhi_ns(onto)[name if IDENTIFIER.match(name) else "p_" + quote(name, safe="")]


def typed_literal(value: Any, spec: PropertySpec | None) -> Literal:
    """A literal typed by the ontology's property type (dates as ``xsd:date``)."""
    ptype = spec.type if spec else None
    if isinstance(value, bool) or ptype == "bool":
        return Literal(bool(value), datatype=XSD.boolean)
    if ptype == "date" or (isinstance(value, str) and ptype is None and _ISO_DATE.match(value)):
        text = value.isoformat()[:10] if isinstance(value, (dt.date, dt.datetime)) else str(value)
        if _ISO_DATE.match(text):
            return Literal(text, datatype=XSD.date)
        # not a date: kept as text, so SHACL reports it (an xsd:date literal that does not
        # parse would only make rdflib log a traceback)
        return Literal(text, lang=lang_of(text)) if _THAI.search(text) else Literal(text)
    if ptype == "int" and isinstance(value, (int, float)) and float(value).is_integer():
        return Literal(int(value), datatype=XSD.integer)
    if ptype == "float" and isinstance(value, (int, float)):
        return Literal(float(value), datatype=XSD.double)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(value, datatype=XSD.double)
    if isinstance(value, str):
        return Literal(value, lang=lang_of(value)) if _THAI.search(value) else Literal(value)
    return Literal(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str), datatype=RDF.JSON)


class RDFBuilder:
    """Builds the rdflib :class:`Graph` for one :class:`GraphData`."""

    def __init__(self, data: GraphData, base: str = DEFAULT_BASE, onto: Ontology | None = None) -> None:
        self.data = data
        if not _ABSOLUTE_IRI.match(base):
            raise ExportError(f"base IRI {base!r} is not an absolute IRI like https://example.org/phakhi/")
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.onto = onto or load_ontology()
        self.P = phakhi_ns(self.onto)
        # no Graph(base=…): serialisers would write relative IRIs that JSON-LD readers
        # resolve against their own location
        self.g = Graph()
        self.node_types = {n.id: n.type for n in data.nodes}
        self.doc_ids = {d.doc_id for d in data.documents}
        self.post_organization = {n.id: n.properties.get("organization") for n in data.nodes
                                  if n.type == "Position"}

    # -- IRIs -----------------------------------------------------------------------
    def _date(self, r: URIRef, value: object) -> None:
        """``r dcterms:date value`` when ``value`` is an ISO date (undated stays undated)."""
        if value and _ISO_DATE.match(str(value)):
            self.g.add((r, DCTERMS.date, Literal(str(value), datatype=XSD.date)))

    def node(self, node_id: str) -> URIRef:
        return resource_iri("node", node_id, self.base)

    def edge(self, edge: Edge) -> URIRef:
        return resource_iri("edge", edge.id, self.base)

    def doc(self, doc_id: str) -> URIRef:
        return resource_iri("doc", doc_id, self.base)

    def role(self, title: str) -> URIRef:
        return resource_iri("role", title, self.base)

    # -- building -------------------------------------------------------------------
    def build(self) -> Graph:
        g = self.g
        for prefix, ns in self.onto.prefixes.items():
            g.bind(prefix, ns)
        for prefix, ns in (("rdfs", RDFS), ("xsd", XSD), ("owl", OWL)):
            g.bind(prefix, ns)
        g.bind("node", self.base + "node/")
        g.bind("edge", self.base + "edge/")
        g.bind("doc", self.base + "doc/")
        self.add_classes()
        for d in self.data.documents:
            self.add_document(d)
        for n in self.data.nodes:
            self.add_node(n)
        for e in self.data.edges:
            self.add_edge(e)
        return g

    def add_classes(self) -> None:
        """The class tree of the ontology, so ``sh:class`` and reasoners see sub-types."""
        g, onto = self.g, self.onto
        for nt in onto.node_types.values():
            c = class_iri(onto, nt.label)
            g.add((c, RDF.type, OWL.Class))
            g.add((c, RDFS.label, Literal(nt.name_en, lang="en")))
            g.add((c, RDFS.label, Literal(nt.name_th, lang="th")))
            outer = URIRef(onto.expand(nt.rdf))
            if outer != c:
                g.add((c, RDFS.subClassOf, outer))
            if nt.parent:
                g.add((c, RDFS.subClassOf, class_iri(onto, nt.parent)))
        for rt in onto.relationship_types.values():
            c = statement_class(onto, rt.type)
            g.add((c, RDF.type, OWL.Class))
            g.add((c, RDFS.subClassOf, RDF.Statement))
            g.add((c, RDFS.label, Literal(rt.name_en, lang="en")))
            g.add((c, RDFS.label, Literal(rt.name_th, lang="th")))

    def add_document(self, d: DocumentInfo) -> None:
        g, r = self.g, self.doc(d.doc_id)
        g.add((r, RDF.type, PROV.Entity))
        g.add((r, RDF.type, FOAF.Document))
        g.add((r, DCTERMS.identifier, Literal(d.doc_id)))
        if d.title:
            g.add((r, DCTERMS.title, Literal(d.title, lang=lang_of(d.title))))
        self._date(r, d.date)
        if d.kind:
            g.add((r, self.P.kind, Literal(d.kind)))
        if d.path:
            g.add((r, self.P.path, Literal(d.path)))
        if d.fingerprint:
            g.add((r, self.P.fingerprint, Literal(d.fingerprint)))

    def add_provenance(self, subject: URIRef, provenance: Iterable[Provenance]) -> None:
        g = self.g
        for p in provenance:
            if not p.doc_id:
                continue
            doc = self.doc(p.doc_id)
            if p.doc_id not in self.doc_ids:  # a document the store does not list: still an entity
                self.doc_ids.add(p.doc_id)
                g.add((doc, RDF.type, PROV.Entity))
                g.add((doc, DCTERMS.identifier, Literal(p.doc_id)))
            g.add((subject, PROV.wasDerivedFrom, doc))
            q = BNode()
            g.add((subject, PROV.qualifiedDerivation, q))
            g.add((q, RDF.type, PROV.Derivation))
            g.add((q, PROV.entity, doc))
            if p.sentence:
                g.add((q, self.P.quote, Literal(p.sentence, lang=lang_of(p.sentence))))
            if p.start >= 0:
                g.add((q, self.P.start, Literal(p.start, datatype=XSD.integer)))
            if p.end >= 0:
                g.add((q, self.P.end, Literal(p.end, datatype=XSD.integer)))

    def value(self, value: Any, spec: PropertySpec | None) -> URIRef | Literal:
        """A node id becomes a link to the node; anything else a typed literal."""
        if isinstance(value, str) and value in self.node_types:
            return self.node(value)
        return typed_literal(value, spec)

    def add_properties(self, subject: URIRef, props: dict[str, Any], specs: dict[str, PropertySpec]) -> None:
        g = self.g
        for name, value in props.items():
            if value is None or value == "" or value == []:
                continue
            spec = specs.get(name)
            pred = property_iri(self.onto, name)
            values = value if isinstance(value, list) and (spec is None or spec.type == "list") else [value]
            for v in values:
                if v is None or v == "":
                    continue
                g.add((subject, pred, self.value(v, spec)))

    def add_names(self, subject: URIRef, name: str, aliases: Iterable[str], name_en: Any) -> None:
        g = self.g
        if name:
            g.add((subject, SKOS.prefLabel, Literal(name, lang=lang_of(name))))
        if isinstance(name_en, str) and name_en and lang_of(name) != "en":
            g.add((subject, SKOS.prefLabel, Literal(name_en, lang="en")))
        for alias in aliases:
            if alias and alias != name_en:
                g.add((subject, SKOS.altLabel, Literal(alias, lang=lang_of(alias))))

    def add_node(self, n: Node) -> None:
        g, onto, r = self.g, self.onto, self.node(n.id)
        g.add((r, DCTERMS.identifier, Literal(n.id)))
        if n.type in onto.node_types:
            for label in onto.ancestors(n.type):
                g.add((r, RDF.type, URIRef(onto.expand(onto.node_types[label].rdf))))
            g.add((r, RDF.type, class_iri(onto, n.type)))
            if onto.is_a(n.type, "Agent") and not onto.is_a(n.type, "Person"):
                g.add((r, RDF.type, ORG.Organization))
            specs = {**onto.common_properties, **onto.node_types[n.type].properties}
        else:  # a type the ontology does not know: kept, and SHACL has nothing to say
            g.add((r, RDF.type, self.P[n.type] if IDENTIFIER.match(n.type) else PROV.Entity))
            specs = dict(onto.common_properties)
        self.add_names(r, n.name, n.aliases, n.properties.get("name_en"))
        if n.type == "Position" and isinstance(n.properties.get("organization"), str) \
                and n.properties["organization"] in self.node_types:
            g.add((r, ORG.postIn, self.node(n.properties["organization"])))
        self.add_properties(r, n.properties, specs)
        self.add_provenance(r, n.provenance)

    def add_edge(self, e: Edge) -> None:
        g, onto, P = self.g, self.onto, self.P
        s, o, r = self.node(e.source), self.node(e.target), self.edge(e)
        known = e.type in onto.relationship_types
        rt = onto.relationship_types.get(e.type)
        predicate = URIRef(onto.expand(rt.rdf)) if rt else P[e.type if IDENTIFIER.match(e.type) else "related"]
        if e.type == "PART_OF" and not (self._is(e.source, "Agent") and self._is(e.target, "Agent")):
            predicate = DCTERMS.isPartOf  # org:subOrganizationOf is for organisations only
        g.add((s, predicate, o))
        # the statement: what carries the edge's properties and provenance
        g.add((r, RDF.type, RDF.Statement))
        if known:
            g.add((r, RDF.type, statement_class(onto, e.type)))
        g.add((r, RDF.subject, s))
        g.add((r, RDF.predicate, predicate))
        g.add((r, RDF.object, o))
        g.add((r, P.relationshipType, Literal(e.type)))
        g.add((r, DCTERMS.identifier, Literal(e.id)))
        specs = dict(rt.properties) if rt else {}
        self.add_properties(r, e.properties, specs)
        self.add_provenance(r, e.provenance)
        extra = {"HOLDS_POSITION": self._membership, "SIGNS": self._signature,
                 "WITNESSES": self._signature, "OBLIGATED_TO": self._clause}.get(e.type)
        if extra:
            extra(e, r, s, o)

    def _is(self, node_id: str, super_type: str) -> bool:
        return self.onto.is_a(self.node_types.get(node_id, ""), super_type)

    # -- the standard layer for n-ary facts ----------------------------------------
    def _membership(self, e: Edge, r: URIRef, person: URIRef, target: URIRef) -> None:
        """A post held: ``org:Membership`` (member, organisation, role, date)."""
        g = self.g
        g.add((r, RDF.type, ORG.Membership))
        g.add((r, ORG.member, person))
        org_id = e.target if self._is(e.target, "Agent") else None
        if self.node_types.get(e.target) == "Position":
            g.add((target, RDF.type, ORG.Post))
            g.add((person, ORG.holds, target))
            org = self.post_organization.get(e.target)
            org_id = org if org in self.node_types else None
        if org_id:
            g.add((r, ORG.organization, self.node(org_id)))
        title = e.properties.get("position") or e.properties.get("position_full")
        if isinstance(title, str) and title:
            role = self.role(title)
            g.add((role, RDF.type, ORG.Role))
            g.add((role, RDF.type, SKOS.Concept))
            g.add((role, SKOS.prefLabel, Literal(title, lang=lang_of(title))))
            g.add((r, ORG.role, role))
        self._date(r, e.properties.get("as_of"))

    def _signature(self, e: Edge, r: URIRef, person: URIRef, agreement: URIRef) -> None:
        """A signature or a witnessing: who, in which role, for which party."""
        g, P = self.g, self.P
        g.add((r, RDF.type, P.Signature))
        g.add((r, PROV.agent, person))
        g.add((r, PROV.hadRole, P.signatory if e.type == "SIGNS" else P.witness))
        g.add((agreement, PROV.qualifiedAttribution, r))
        party = e.properties.get("on_behalf_of") or e.properties.get("side")
        if isinstance(party, str) and party in self.node_types:
            g.add((r, P.onBehalfOf, self.node(party)))
        self._date(r, e.properties.get("date"))

    def _clause(self, e: Edge, r: URIRef, party: URIRef, agreement: URIRef) -> None:
        """An obligation: a clause of the agreement binding one party."""
        g, P = self.g, self.P
        g.add((r, RDF.type, P.Clause))
        g.add((r, DCTERMS.isPartOf, agreement))
        g.add((agreement, P.hasClause, r))
        g.add((r, P.obligedParty, party))
        clause = e.properties.get("clause")
        if isinstance(clause, int):
            g.add((r, P.clauseNumber, Literal(clause, datatype=XSD.integer)))
        text = e.properties.get("text")
        if isinstance(text, str) and text:
            g.add((r, DCTERMS.description, Literal(text, lang=lang_of(text))))


def to_rdf(source: Any, base: str = DEFAULT_BASE) -> Graph:
    """The RDF graph of a store, networkx graph or ``(nodes, edges[, documents])``."""
    return RDFBuilder(collect(source), base).build()


def _write(data: GraphData, out: Any, rdf_format: str, base: str | None) -> None:
    g = to_rdf(data, base or DEFAULT_BASE)
    if rdf_format == "json-ld":
        context = {prefix: str(ns) for prefix, ns in g.namespaces() if prefix}
        text = g.serialize(format="json-ld", context=context, auto_compact=True, encoding="utf-8")
    else:
        text = g.serialize(format=rdf_format, encoding="utf-8")
    with open_output(out, binary=True) as fh:
        fh.write(text)


def write_turtle(data: GraphData, out: Any, base: str | None = None) -> None:
    _write(data, out, "turtle", base)


def write_jsonld(data: GraphData, out: Any, base: str | None = None) -> None:
    _write(data, out, "json-ld", base)


def read_rdf_graph(g: Graph, onto: Ontology | None = None) -> GraphData:
    """Nodes and edges back from the phakhi layer of an exported graph (round-trip checks,
    scripts that receive RDF). Properties come back as strings or numbers."""
    onto = onto or load_ontology()
    P = phakhi_ns(onto)
    classes = {class_iri(onto, lab): lab for lab in onto.node_types}
    nodes = []
    for subject, ident in g.subject_objects(DCTERMS.identifier):
        types = [classes[c] for c in g.objects(subject, RDF.type) if c in classes]
        if not types or (subject, RDF.type, RDF.Statement) in g:
            continue
        label = next(t for t in types if not any(onto.is_a(o, t) and o != t for o in types))
        names = list(g.objects(subject, SKOS.prefLabel))
        name = next((str(x) for x in names if getattr(x, "language", None) != "en"), str(names[0]) if names else "")
        aliases = sorted(str(x) for x in g.objects(subject, SKOS.altLabel))
        nodes.append(Node(str(ident), label, name, aliases))
    edges = []
    for st in g.subjects(RDF.type, RDF.Statement):
        rel = g.value(st, P.relationshipType)
        if rel is None:
            continue
        src = g.value(g.value(st, RDF.subject), DCTERMS.identifier)
        dst = g.value(g.value(st, RDF.object), DCTERMS.identifier)
        edges.append(Edge(str(src), str(dst), str(rel), {"id": str(g.value(st, DCTERMS.identifier))}))
    return GraphData(nodes, edges)


__all__ = ["DEFAULT_BASE", "RDFBuilder", "class_iri", "id_from_iri", "lang_of", "read_rdf_graph",
           "resource_iri", "statement_class", "to_rdf", "write_jsonld", "write_turtle"]
