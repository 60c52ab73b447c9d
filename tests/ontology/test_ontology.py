"""The ontology (ontology/schema.yaml) loads, is consistent, and rejects broken schemas
with a message that says what is wrong and where."""
from __future__ import annotations

import copy
import re

import pytest
import yaml

from phakhi.ontology import SCHEMA_PATH, OntologyError, load_ontology, parse_ontology

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def test_ontology_loads_with_the_core_types(onto):
    for label in ("Ministry", "Department", "Office", "IndependentAgency", "ProvincialOffice",
                  "LocalGovernment", "VolunteerNetwork", "Center", "Person", "Agreement", "Province"):
        assert label in onto.labels
    assert "GovernmentBody" not in onto.labels  # abstract: a grouping, never a node label
    assert onto.is_a("Department", "GovernmentBody")
    assert not onto.is_a("VolunteerNetwork", "GovernmentBody")


def test_every_relationship_end_is_a_node_type(onto):
    for rel in onto.relationship_types.values():
        assert rel.sources and rel.targets, rel.type
        for end in rel.sources + rel.targets:
            assert end in onto.node_types, f"{rel.type}: {end}"


def test_every_type_has_an_rdf_term_with_a_declared_prefix_and_a_style(onto):
    types = list(onto.node_types.values()) + list(onto.relationship_types.values())
    for t in types:
        prefix, _, local = t.rdf.partition(":")
        assert prefix in onto.prefixes and local, t
        assert onto.expand(t.rdf).startswith("http"), t
        assert HEX.match(t.style["color"]), t
    for nt in onto.node_types.values():
        assert nt.style.get("shape"), nt.label


def test_allows_respects_super_types_and_symmetry(onto):
    assert onto.allows("PART_OF", "Department", "Ministry")
    assert onto.allows("SIGNS", "Person", "Agreement")
    assert not onto.allows("SIGNS", "Agreement", "Person")
    assert onto.allows("COOPERATES_WITH", "Ministry", "VolunteerNetwork")


def test_check_label_refuses_abstract_and_unknown_labels(onto):
    assert onto.check_label("Ministry") == "Ministry"
    with pytest.raises(OntologyError, match="GovernmentBody"):
        onto.check_label("GovernmentBody")
    with pytest.raises(OntologyError):
        onto.check_label("Ministry) DETACH DELETE (n")
    with pytest.raises(OntologyError):
        onto.check_rel_type("NOT_A_REL")


# -- broken schemas ----------------------------------------------------------------------

MINI = """
prefixes: {ex: "http://example.org/"}
node_types:
  Agent: {name_th: ผู้กระทำ, name_en: Agent, abstract: true, rdf: ex:Agent,
          style: {color: "#000000", shape: dot}}
  Body: {name_th: หน่วยงาน, name_en: Body, parent: Agent, rdf: ex:Body,
         style: {color: "#112233", shape: dot}}
relationship_types:
  KNOWS: {from: [Agent], to: [Body], name_th: รู้จัก, name_en: knows, rdf: ex:knows,
          style: {color: "#445566"}}
"""


def _mini() -> dict:
    return copy.deepcopy(yaml.safe_load(MINI))


def test_a_small_valid_schema_parses():
    onto = parse_ontology(_mini(), source="mini")
    assert onto.labels == ["Body"]
    assert onto.allows("KNOWS", "Body", "Body")


def test_unknown_parent_is_reported():
    data = _mini()
    data["node_types"]["Body"]["parent"] = "Nobody"
    with pytest.raises(OntologyError, match=r"mini: node type Body: parent 'Nobody' is not a node type"):
        parse_ontology(data, source="mini")


def test_relationship_end_that_is_not_a_node_type_is_reported():
    data = _mini()
    data["relationship_types"]["KNOWS"]["to"] = ["Ghost"]
    with pytest.raises(OntologyError, match=r"relationship type KNOWS: end 'Ghost' is not a node type"):
        parse_ontology(data, source="mini")


def test_bad_colour_is_reported():
    data = _mini()
    data["node_types"]["Body"]["style"]["color"] = "blue"
    with pytest.raises(OntologyError, match=r"node type Body: colour 'blue' is not #rrggbb"):
        parse_ontology(data, source="mini")


def test_undeclared_prefix_is_reported():
    data = _mini()
    data["relationship_types"]["KNOWS"]["rdf"] = "nope:knows"
    with pytest.raises(OntologyError, match=r"relationship type KNOWS: RDF term 'nope:knows' has no declared prefix"):
        parse_ontology(data, source="mini")


def test_parent_cycle_and_non_identifier_label_are_reported():
    data = _mini()
    data["node_types"]["Agent"]["parent"] = "Body"
    with pytest.raises(OntologyError, match="parent cycle"):
        parse_ontology(data, source="mini")
    data = _mini()
    data["node_types"]["Bad Label"] = data["node_types"].pop("Body")
    with pytest.raises(OntologyError, match="not an identifier"):
        parse_ontology(data, source="mini")


def test_unreadable_schema_file_names_the_file(tmp_path):
    bad = tmp_path / "schema.yaml"
    bad.write_text("node_types: [unclosed", encoding="utf-8")
    with pytest.raises(OntologyError, match=re.escape(str(bad))):
        load_ontology(bad)


def test_shipped_schema_is_the_default_path():
    assert SCHEMA_PATH.name == "schema.yaml" and SCHEMA_PATH.is_file()
