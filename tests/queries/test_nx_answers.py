"""NetworkX answers on small inline graphs: the rules each question applies."""
from __future__ import annotations

import networkx as nx

from phakhi.queries.answer import answer, answer_networkx
from phakhi.queries.nx_impl import add_months, agreement_end


def _graph(nodes: dict[str, str], edges: list[tuple[str, str, str, dict]]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for n, t in nodes.items():
        g.add_node(n, type=t, name=n)
    for i, (u, v, rel, props) in enumerate(edges):
        g.add_edge(u, v, key=f"{rel}:{i}", type=rel, **props)
    return g


def test_ministries_reached_uses_the_gazetteer_when_part_of_is_missing() -> None:
    g = _graph({"ect": "IndependentAgency", "ref:cdd": "Department", "Office:x": "Office",
                "ref:moi": "Ministry", "mou": "Agreement", "mou2": "Agreement"},
               [("ect", "mou", "PARTY_TO", {}), ("ref:cdd", "mou", "PARTY_TO", {}),
                ("ect", "mou2", "PARTY_TO", {}), ("Office:x", "mou2", "PARTY_TO", {}),
                ("Office:x", "ref:cdd", "PART_OF", {})])
    rows = answer_networkx(g, "ministries-reached", {"org": "ect"})
    # ref:cdd has no PART_OF edge: the gazetteer's chain (cdd -> moi) gives the ministry;
    # Office:x reaches it through its PART_OF edge to cdd, then the gazetteer.
    assert rows == [{"ministry": "ref:moi", "ministry_name": "ref:moi", "partners": ["Office:x", "ref:cdd"]}]


def test_ministries_reached_names_ministries_absent_from_the_graph() -> None:
    g = _graph({"ect": "IndependentAgency", "ref:cdd": "Department", "mou": "Agreement"},
               [("ect", "mou", "PARTY_TO", {}), ("ref:cdd", "mou", "PARTY_TO", {})])
    rows = answer_networkx(g, "ministries-reached", {"org": "ect"})
    assert [(r["ministry"], r["ministry_name"]) for r in rows] == [("ref:moi", "กระทรวงมหาดไทย")]


def test_end_of_agreement_rounds_like_cypher() -> None:
    assert agreement_end({"date": "2022-06-16", "duration_years": 3}).isoformat() == "2025-06-16"
    assert agreement_end({"date": "2022-01-31", "duration_years": 1 / 12}).isoformat() == "2022-02-28"
    assert agreement_end({"date": "2022-06-16", "duration_years": 2.5}).isoformat() == "2024-12-16"
    assert agreement_end({"end_date": "2023-01-01", "date": "2022-06-16", "duration_years": 3}).isoformat() == "2023-01-01"
    assert agreement_end({"duration_years": 3}) is None
    assert add_months(__import__("datetime").date(2023, 12, 31), 2).isoformat() == "2024-02-29"


def test_expiring_window_is_inclusive_and_excludes_past_agreements() -> None:
    g = _graph({"a": "Agreement", "b": "Agreement", "c": "Agreement"}, [])
    g.nodes["a"].update(date="2020-01-01", duration_years=2)  # ends 2022-01-01
    g.nodes["b"].update(date="2019-01-01", duration_years=1)  # ended 2020
    g.nodes["c"].update(duration_years=3)                     # undated
    rows = answer_networkx(g, "expiring", {"days": 0, "as_of": "2022-01-01"})
    assert [(r["agreement"], r["status"], r["days_left"]) for r in rows] == [
        ("a", "ending", 0), ("c", "undated", None)]


def test_path_prefers_the_smallest_ids_among_equal_paths() -> None:
    g = _graph({"s": "Department", "m1": "Office", "m2": "Office", "t": "Ministry"},
               [("s", "m2", "PART_OF", {}), ("m2", "t", "PART_OF", {}),
                ("s", "m1", "COOPERATES_WITH", {}), ("t", "m1", "SUPPORTS", {})])
    rows = answer_networkx(g, "path", {"a": "s", "b": "t"})
    assert [r["id"] for r in rows] == ["s", "m1", "t"]
    assert rows[1]["via"] == ["COOPERATES_WITH>"] and rows[2]["via"] == ["<SUPPORTS"]
    assert answer_networkx(g, "path", {"a": "s", "b": "t", "max_hops": 1}) == []


def test_ego_distances(sample_like_store) -> None:
    rows = answer(sample_like_store, "ego", {"entity": "อสม.", "depth": 2})
    distance = {r["id"]: r["distance"] for r in rows}
    assert distance["ref:vhv"] == 0 and distance["ref:ssp"] == 1
    assert "ref:hss" not in distance  # obligations name vhv in a property, not an edge
    assert distance["VolunteerNetwork:คณะกรรมการหมู่บ้าน"] == 2
    assert max(distance.values()) == 2


def test_ministries_reached_on_the_sample_like_store(sample_like_store) -> None:
    rows = answer(sample_like_store, "ministries-reached", {"org": "สำนักงาน กกต."})
    by_ministry = {r["ministry"]: r["partners"] for r in rows}
    # กรมการปกครอง has no PART_OF edge in this graph; the gazetteer places it under มท.
    assert by_ministry["ref:moi"] == ["กรมการปกครอง", "กรมการพัฒนาชุมชน", "กระทรวงมหาดไทย"]
    assert by_ministry["ref:moph"] == ["กรมสนับสนุนบริการสุขภาพ"]
