"""Name resolution: names, abbreviations, English names, aliases and gazetteer forms find
the same node; ambiguous and unknown names are one-line errors."""
from __future__ import annotations

import pytest

from phakhi.queries.names import AmbiguousName, NameIndex, UnknownName, name_key


@pytest.fixture
def index(sample_like_store) -> NameIndex:
    return NameIndex.from_graph(sample_like_store.graph())


@pytest.mark.parametrize("text", ["พช.", "พช", "กรมพัฒนาชุมชน", "กรมการพัฒนาชุมชน",
                                  "Community Development Department",
                                  "community development department", " กรมการพัฒนาชุมชน ", "ref:cdd"])
def test_every_form_of_cdd_finds_the_same_node(index: NameIndex, text: str) -> None:
    assert index.resolve(text) == "ref:cdd"


def test_abbreviation_of_a_centre_resolves(index: NameIndex) -> None:
    assert index.resolve("ศส.ปชต.") == "ref:ssp"
    assert index.resolve("ศส.ปชต") == "ref:ssp"


def test_unknown_name_says_so_in_one_line(index: NameIndex) -> None:
    with pytest.raises(UnknownName) as err:
        index.resolve("กรมที่ไม่มีอยู่จริง")
    assert "กรมที่ไม่มีอยู่จริง" in str(err.value) and "\n" not in str(err.value)


def test_ambiguous_name_lists_the_candidates() -> None:
    idx = NameIndex([("Office:a", "Office", "สำนักงาน ก", ["สนง."]),
                     ("Office:b", "Office", "สำนักงาน ข", ["สนง."])], gazetteer=None)
    with pytest.raises(AmbiguousName) as err:
        idx.resolve("สนง.")
    message = str(err.value)
    assert "Office:a" in message and "Office:b" in message and "\n" not in message
    assert [c for c, _ in err.value.candidates] == ["Office:a", "Office:b"]


def test_exact_name_beats_an_alias_elsewhere() -> None:
    idx = NameIndex([("Department:x", "Department", "กรมเอ", []),
                     ("Office:y", "Office", "สำนักงานบี", ["กรมเอ"])], gazetteer=None)
    assert idx.resolve("กรมเอ") == "Department:x"


def test_type_filter_narrows_candidates() -> None:
    idx = NameIndex([("Province:กทม", "Province", "กรุงเทพมหานคร", ["กทม."]),
                     ("LocalGovernment:กทม", "LocalGovernment", "กรุงเทพมหานคร (องค์กร)", ["กทม."])],
                    gazetteer=None)
    with pytest.raises(AmbiguousName):
        idx.resolve("กทม.")
    assert idx.resolve("กทม.", types=["Province"]) == "Province:กทม"


def test_gazetteer_names_resolve_to_reference_ids_when_the_graph_lacks_them() -> None:
    from phakhi.ontology.gazetteer import load_gazetteer

    idx = NameIndex([], gazetteer=load_gazetteer())
    assert idx.resolve("เชียงใหม่") == "ref:th-50"
    assert idx.resolve("Chiang Mai") == "ref:th-50"


def test_graph_node_preferred_over_gazetteer_entry_it_does_not_hold() -> None:
    from phakhi.ontology.gazetteer import load_gazetteer

    idx = NameIndex([("Province:เชียงใหม่", "Province", "เชียงใหม่", [])], gazetteer=load_gazetteer())
    assert idx.resolve("Chiang Mai") == "ref:th-50"  # only the gazetteer knows the English name
    assert idx.resolve("เชียงใหม่") == "Province:เชียงใหม่"


def test_name_key_keeps_thai_marks() -> None:
    # NFC, never NFKC: sara am must survive, and must not equal a different word
    assert name_key("กรมการพัฒนาชุมชน") != name_key("กรมการพฒนาชุมชน")
    assert name_key("สำนักงาน") == name_key("ส\u0e4d\u0e32นักงาน")


@pytest.mark.neo4j
def test_neo4j_resolution_matches_the_embedded_one(neo4j_store, sample_like_store, sample_like_batches) -> None:
    from phakhi.queries.answer import Neo4jNames

    for b in sample_like_batches:
        neo4j_store.write(b)
    embedded = NameIndex.from_graph(sample_like_store.graph())
    neo = Neo4jNames(neo4j_store)
    for text in ["พช.", "พช", "กรมพัฒนาชุมชน", "Community Development Department", "ศส.ปชต.",
                 "อสม.", "กระทรวงมหาดไทย", "มท", "ref:moph"]:
        assert neo.resolve(text) == embedded.resolve(text), text
    with pytest.raises(UnknownName):
        neo.resolve("x'}) DETACH DELETE n //")
