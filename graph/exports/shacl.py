"""SHACL shapes generated from the ontology, and the check of an RDF export against them.

One ``sh:NodeShape`` per concrete node type (target: its class ``phakhi:<Label>``): a name
(``skos:prefLabel``, at least one), exactly one ``dcterms:identifier``, and a datatype for
each typed property (dates ``xsd:date``, counts ``xsd:integer`` …). One shape per
relationship type (target: its statement class): exactly one subject and one object, each
of a class the ontology allows at that end (sub-types included through ``rdfs:subClassOf``).

>>> shapes = build_shapes()
>>> from rdflib.namespace import SH
>>> len(set(shapes.subjects(SH.targetClass, None))) > 30
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, RDF, SH, SKOS

from phakhi.graph.exports.common import GraphData, collect, open_output
from phakhi.graph.exports.rdf import (DEFAULT_BASE, XSD_OF, class_iri, id_from_iri, phakhi_ns, property_iri,
                                      statement_class, to_rdf)
from phakhi.ontology import Ontology, PropertySpec, load_ontology

SHAPES = Namespace("https://w3id.org/phakhi/shapes#")
PHAKHI_TERMS = phakhi_ns(load_ontology())


def _datatype_property(g: Graph, shape: URIRef, path: URIRef, spec: PropertySpec) -> None:
    datatype = XSD_OF.get(spec.type)
    if datatype is None:  # str, list, json: values may be links to nodes or plain text
        return
    prop = BNode()
    g.add((shape, SH.property, prop))
    g.add((prop, SH.path, path))
    g.add((prop, SH.datatype, datatype))
    g.add((prop, SH.name, Literal(spec.name)))
    if spec.type != "list":
        g.add((prop, SH.maxCount, Literal(1)))


def _class_choice(g: Graph, shape: URIRef, path: URIRef, onto: Ontology, labels: tuple[str, ...],
                  end: str) -> None:
    prop = BNode()
    g.add((shape, SH.property, prop))
    g.add((prop, SH.path, path))
    g.add((prop, SH.minCount, Literal(1)))
    g.add((prop, SH.maxCount, Literal(1)))
    g.add((prop, SH.name, Literal(end)))
    alternatives = []
    for label in labels:
        alt = BNode()
        g.add((alt, SH["class"], class_iri(onto, label)))
        alternatives.append(alt)
    if len(alternatives) == 1:
        g.add((prop, SH["class"], class_iri(onto, labels[0])))
        return
    head = BNode()
    Collection(g, head, alternatives)
    g.add((prop, SH["or"], head))
    g.add((prop, SH.message, Literal(f"{end} must be one of: {', '.join(labels)}")))


def build_shapes(onto: Ontology | None = None) -> Graph:
    """The shapes graph for ``onto`` (default: the project ontology)."""
    onto = onto or load_ontology()
    g = Graph()
    g.bind("sh", SH)
    g.bind("shape", SHAPES)
    for prefix, ns in onto.prefixes.items():
        g.bind(prefix, ns)
    for nt in onto.node_types.values():
        if nt.abstract:
            continue
        shape = SHAPES[nt.label + "Shape"]
        g.add((shape, RDF.type, SH.NodeShape))
        g.add((shape, SH.targetClass, class_iri(onto, nt.label)))
        name = BNode()
        g.add((shape, SH.property, name))
        g.add((name, SH.path, SKOS.prefLabel))
        g.add((name, SH.minCount, Literal(1)))
        g.add((name, SH.name, Literal("name")))
        ident = BNode()
        g.add((shape, SH.property, ident))
        g.add((ident, SH.path, DCTERMS.identifier))
        g.add((ident, SH.minCount, Literal(1)))
        g.add((ident, SH.maxCount, Literal(1)))
        for spec in {**onto.common_properties, **nt.properties}.values():
            _datatype_property(g, shape, property_iri(onto, spec.name), spec)
    for rt in onto.relationship_types.values():
        shape = SHAPES[rt.type + "Shape"]
        g.add((shape, RDF.type, SH.NodeShape))
        g.add((shape, SH.targetClass, statement_class(onto, rt.type)))
        sources, targets = rt.sources, rt.targets
        if rt.symmetric:
            sources = targets = tuple(dict.fromkeys(rt.sources + rt.targets))
        _class_choice(g, shape, RDF.subject, onto, sources, f"source of {rt.type}")
        _class_choice(g, shape, RDF.object, onto, targets, f"target of {rt.type}")
        for spec in rt.properties.values():
            _datatype_property(g, shape, property_iri(onto, spec.name), spec)
    return g


def write_shapes(data: GraphData | None, out: Any, **_: Any) -> None:
    """Write the shapes as Turtle (the graph itself is not needed)."""
    text = build_shapes().serialize(format="turtle", encoding="utf-8")
    with open_output(out, binary=True) as fh:
        fh.write(text)


@dataclass
class Finding:
    """One SHACL result, with node and edge ids instead of IRIs."""

    severity: str  # Violation | Warning | Info
    constraint: str  # e.g. DatatypeConstraintComponent
    focus: str
    path: str
    message: str
    value: str = ""


@dataclass
class ValidationReport:
    conforms: bool
    results: list[Finding] = field(default_factory=list)

    @property
    def violations(self) -> int:
        return sum(1 for r in self.results if r.severity == "Violation")


def _local(term: Any) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]


def check_rdf(data_graph: Graph, shapes: Graph | None = None, base: str = DEFAULT_BASE) -> ValidationReport:
    """Run pyshacl on an RDF graph; results name phakhi ids where the focus is one."""
    import pyshacl

    shapes = shapes if shapes is not None else build_shapes()
    conforms, results_graph, _text = pyshacl.validate(data_graph, shacl_graph=shapes, inference="none",
                                                      advanced=False, allow_warnings=True)
    findings = []
    for res in results_graph.subjects(RDF.type, SH.ValidationResult):
        focus = results_graph.value(res, SH.focusNode)
        ident = data_graph.value(focus, DCTERMS.identifier) if focus is not None else None
        message = str(results_graph.value(res, SH.resultMessage) or "")
        rel_type = data_graph.value(focus, PHAKHI_TERMS.relationshipType) if focus is not None else None
        if rel_type is not None:  # an edge: say which one, by its ends
            ends = [data_graph.value(data_graph.value(focus, p), DCTERMS.identifier)
                    for p in (RDF.subject, RDF.object)]
            message = f"{ends[0]} -[{rel_type}]-> {ends[1]}: {message}"
        path = results_graph.value(res, SH.resultPath)
        value = results_graph.value(res, SH.value)
        findings.append(Finding(
            severity=_local(results_graph.value(res, SH.resultSeverity) or "Violation"),
            constraint=_local(results_graph.value(res, SH.sourceConstraintComponent) or ""),
            focus=str(ident) if ident is not None else id_from_iri(str(focus), base),
            path=_local(path) if path is not None else "",
            message=message,
            value=str(value) if value is not None else ""))
    findings.sort(key=lambda f: (f.focus, f.path, f.constraint))
    return ValidationReport(bool(conforms), findings)


def validate_graph(source: Any, base: str = DEFAULT_BASE) -> ValidationReport:
    """Export ``source`` (store, graph or ``(nodes, edges)``) to RDF and check it against the
    shapes generated from the ontology.

    >>> from phakhi.graph.model import Node
    >>> validate_graph(([Node("Ministry:กระทรวงมหาดไทย", "Ministry", "กระทรวงมหาดไทย")], [])).conforms
    True
    """
    return check_rdf(to_rdf(collect(source), base), base=base)


__all__ = ["Finding", "ValidationReport", "build_shapes", "check_rdf", "validate_graph", "write_shapes"]
