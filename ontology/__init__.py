"""The ontology as data: node and relationship types read from ``schema.yaml``.

Everything that needs a label, a relationship type, an RDF term or a colour asks the
:class:`Ontology` returned by :func:`load_ontology`; a mistake in the YAML is an
:class:`OntologyError` at load time, not a surprise later.

>>> onto = load_ontology()
>>> onto.is_a("Department", "GovernmentBody")
True
>>> onto.relationship_type("COOPERATES_WITH").symmetric
True
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SCHEMA_PATH = Path(__file__).with_name("schema.yaml")
PROPERTY_TYPES = {"str", "int", "float", "date", "bool", "list", "json"}
VIS_SHAPES = {"dot", "diamond", "square", "triangle", "triangleDown", "star", "hexagon",
              "box", "ellipse", "circle", "text", "database"}
# Labels and relationship types go into Cypher text (they cannot be parameters), so the
# ontology only admits plain identifiers: this is what makes that safe.
IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class OntologyError(ValueError):
    """The ontology file is malformed or inconsistent."""


@dataclass(frozen=True)
class PropertySpec:
    name: str
    type: str = "str"
    doc: str = ""


@dataclass(frozen=True)
class NodeType:
    label: str
    name_th: str
    name_en: str
    parent: str | None
    abstract: bool
    identify: tuple[str, ...]
    properties: dict[str, PropertySpec]
    rdf: str
    style: dict[str, Any]


@dataclass(frozen=True)
class RelationshipType:
    type: str
    name_th: str
    name_en: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    symmetric: bool
    properties: dict[str, PropertySpec]
    rdf: str
    style: dict[str, Any]
    layer: str = "partnership"


# What a relationship is about: rankings, "most connected" and the default view use the
# partnership layer; the trainer tables (coverage), documents' own links and places are
# layers of their own, shown and queried apart.
LAYERS = ("partnership", "coverage", "documents", "places")


@dataclass
class Ontology:
    prefixes: dict[str, str]
    common_properties: dict[str, PropertySpec]
    node_types: dict[str, NodeType]
    relationship_types: dict[str, RelationshipType]
    _ancestors: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    # -- look-ups ---------------------------------------------------------------------
    def node_type(self, label: str) -> NodeType:
        try:
            return self.node_types[label]
        except KeyError:
            raise OntologyError(f"unknown node type {label!r}") from None

    def relationship_type(self, rel_type: str) -> RelationshipType:
        try:
            return self.relationship_types[rel_type]
        except KeyError:
            raise OntologyError(f"unknown relationship type {rel_type!r}") from None

    @property
    def labels(self) -> list[str]:
        """Concrete node labels (the ones nodes carry)."""
        return [t.label for t in self.node_types.values() if not t.abstract]

    @property
    def rel_types(self) -> list[str]:
        return list(self.relationship_types)

    def ancestors(self, label: str) -> tuple[str, ...]:
        """The label and its super-types, nearest first."""
        return self._ancestors[label]

    def is_a(self, label: str, super_type: str) -> bool:
        return label in self.node_types and super_type in self._ancestors[label]

    def subtypes(self, super_type: str) -> list[str]:
        """Concrete labels that are ``super_type`` or below it."""
        return [lab for lab in self.labels if self.is_a(lab, super_type)]

    def allows(self, rel_type: str, source_label: str, target_label: str) -> bool:
        """Whether the ontology admits ``source -[rel_type]-> target``."""
        rel = self.relationship_type(rel_type)
        ok = any(self.is_a(source_label, s) for s in rel.sources) and any(
            self.is_a(target_label, t) for t in rel.targets)
        if not ok and rel.symmetric:
            ok = any(self.is_a(target_label, s) for s in rel.sources) and any(
                self.is_a(source_label, t) for t in rel.targets)
        return ok

    def expand(self, curie: str) -> str:
        """``org:Post`` -> ``http://www.w3.org/ns/org#Post``."""
        prefix, _, local = curie.partition(":")
        return self.prefixes[prefix] + local

    def check_label(self, label: str) -> str:
        """Return ``label`` if it is a concrete node label, else raise (Cypher safety)."""
        if label not in self.node_types or self.node_types[label].abstract:
            raise OntologyError(f"not a node label of the ontology: {label!r}")
        return label

    def check_rel_type(self, rel_type: str) -> str:
        if rel_type not in self.relationship_types:
            raise OntologyError(f"not a relationship type of the ontology: {rel_type!r}")
        return rel_type


def _properties(raw: Any, where: str) -> dict[str, PropertySpec]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise OntologyError(f"{where}: 'properties' must be a mapping")
    out = {}
    for name, spec in raw.items():
        spec = spec or {}
        ptype = spec.get("type", "str")
        if ptype not in PROPERTY_TYPES:
            raise OntologyError(f"{where}: property {name!r} has unknown type {ptype!r}")
        if not IDENTIFIER.match(str(name)):
            raise OntologyError(f"{where}: property name {name!r} is not an identifier")
        out[name] = PropertySpec(name, ptype, spec.get("doc", ""))
    return out


def _style(raw: Any, where: str, node: bool) -> dict[str, Any]:
    if not isinstance(raw, dict) or "color" not in raw:
        raise OntologyError(f"{where}: needs a style with a colour")
    if not HEX_COLOUR.match(str(raw["color"])):
        raise OntologyError(f"{where}: colour {raw['color']!r} is not #rrggbb")
    if node and raw.get("shape") not in VIS_SHAPES:
        raise OntologyError(f"{where}: shape {raw.get('shape')!r} is not one of {sorted(VIS_SHAPES)}")
    return dict(raw)


def parse_ontology(data: dict[str, Any], source: str = "schema") -> Ontology:
    """Build and validate an :class:`Ontology` from already-parsed YAML."""
    if not isinstance(data, dict):
        raise OntologyError(f"{source}: top level must be a mapping")
    prefixes = data.get("prefixes") or {}
    node_types: dict[str, NodeType] = {}
    for label, raw in (data.get("node_types") or {}).items():
        where = f"{source}: node type {label}"
        if not IDENTIFIER.match(str(label)):
            raise OntologyError(f"{where}: label is not an identifier")
        raw = raw or {}
        for required in ("name_th", "name_en", "rdf", "style"):
            if required not in raw:
                raise OntologyError(f"{where}: missing {required!r}")
        node_types[label] = NodeType(
            label=label, name_th=raw["name_th"], name_en=raw["name_en"],
            parent=raw.get("parent"), abstract=bool(raw.get("abstract", False)),
            identify=tuple(raw.get("identify") or ()),
            properties=_properties(raw.get("properties"), where),
            rdf=raw["rdf"], style=_style(raw["style"], where, node=True))
    rel_types: dict[str, RelationshipType] = {}
    for name, raw in (data.get("relationship_types") or {}).items():
        where = f"{source}: relationship type {name}"
        if not IDENTIFIER.match(str(name)):
            raise OntologyError(f"{where}: type is not an identifier")
        raw = raw or {}
        for required in ("from", "to", "name_th", "name_en", "rdf", "style"):
            if required not in raw:
                raise OntologyError(f"{where}: missing {required!r}")
        rel_types[name] = RelationshipType(
            type=name, name_th=raw["name_th"], name_en=raw["name_en"],
            sources=tuple(raw["from"]), targets=tuple(raw["to"]),
            symmetric=bool(raw.get("symmetric", False)),
            properties=_properties(raw.get("properties"), where),
            rdf=raw["rdf"], style=_style(raw["style"], where, node=False),
            layer=str(raw.get("layer", "partnership")))
        if rel_types[name].layer not in LAYERS:
            raise OntologyError(f"{where}: layer {rel_types[name].layer!r} is not one of {LAYERS}")

    # consistency: parents exist and form no cycle; ends are node types; CURIEs resolve
    ancestors: dict[str, tuple[str, ...]] = {}
    for label, nt in node_types.items():
        chain, cur = [label], nt.parent
        while cur is not None:
            if cur not in node_types:
                raise OntologyError(f"{source}: node type {label}: parent {cur!r} is not a node type")
            if cur in chain:
                raise OntologyError(f"{source}: node type {label}: parent cycle {chain + [cur]}")
            chain.append(cur)
            cur = node_types[cur].parent
        ancestors[label] = tuple(chain)
    for rt in rel_types.values():
        for end in rt.sources + rt.targets:
            if end not in node_types:
                raise OntologyError(f"{source}: relationship type {rt.type}: end {end!r} is not a node type")
    terms = [(f"node type {n.label}", n.rdf) for n in node_types.values()]
    terms += [(f"relationship type {r.type}", r.rdf) for r in rel_types.values()]
    for where, curie in terms:
        prefix, sep, _ = str(curie).partition(":")
        if not sep or prefix not in prefixes:
            raise OntologyError(f"{source}: {where}: RDF term {curie!r} has no declared prefix")
    return Ontology(prefixes=prefixes,
                    common_properties=_properties(data.get("common_properties"), source),
                    node_types=node_types, relationship_types=rel_types, _ancestors=ancestors)


def read_yaml(text: str) -> Any:
    """YAML with libyaml's safe loader when installed (the pure-Python one takes most of a
    question's start-up time on the ontology and the catalogue)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader


@functools.lru_cache(maxsize=4)
def load_ontology(path: str | Path = SCHEMA_PATH) -> Ontology:
    """Load and validate the ontology (cached: it is read once per process)."""
    path = Path(path)
    try:
        data = read_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise OntologyError(f"{path}: cannot read ontology: {exc}") from exc
    return parse_ontology(data, source=str(path))
