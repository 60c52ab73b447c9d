"""Grouping nodes for the aggregated view, and the Python layout."""
from __future__ import annotations

import networkx as nx

from phakhi.views.aggregate import group_nodes
from phakhi.views.layout import radial_layout


def test_groups_follow_part_of_gazetteer_positions_and_provinces() -> None:
    g = nx.MultiDiGraph()
    g.add_node("ref:moi", type="Ministry", name="กระทรวงมหาดไทย")
    g.add_node("Office:x", type="Office", name="สำนักงานหนึ่ง")
    g.add_node("Department:y", type="Department", name="กรมสอง")
    g.add_node("ref:cdd", type="Department", name="กรมการพัฒนาชุมชน")  # no edge: the gazetteer knows
    g.add_node("Person:a", type="Person", name="นายเอ")
    g.add_node("ref:th-50", type="Province", name="เชียงใหม่")
    g.add_node("ref:th-10", type="Province", name="กรุงเทพมหานคร")
    g.add_node("VolunteerNetwork:v", type="VolunteerNetwork", name="เครือข่ายหนึ่ง")
    g.add_node("Agreement:m", type="Agreement", name="ข้อตกลง")
    g.add_edge("Office:x", "Department:y", type="PART_OF")
    g.add_edge("Department:y", "ref:moi", type="PART_OF")
    g.add_edge("Person:a", "Office:x", type="HOLDS_POSITION")
    g.add_edge("VolunteerNetwork:v", "ref:th-50", type="LOCATED_IN")
    groups = {n: grp.id for n, grp in group_nodes(g).items()}
    assert groups["Office:x"] == groups["Department:y"] == groups["ref:moi"] == "group:ref:moi"
    assert groups["Person:a"] == "group:ref:moi"
    assert groups["ref:cdd"] == "group:ref:moi"
    assert groups["VolunteerNetwork:v"] == groups["ref:th-50"] == "group:ref:th-50"
    assert groups["ref:th-10"] == "group:type:Province"  # nothing in it: grouped with its type
    assert groups["Agreement:m"] == "group:type:Agreement"
    without = {n: grp.id for n, grp in group_nodes(g, gazetteer=None).items()}
    assert without["ref:cdd"] == "group:type:Department"


def test_radial_layout_places_every_node_apart() -> None:
    g = nx.balanced_tree(3, 4)  # 121 nodes
    g.add_nodes_from(range(200, 210))  # isolated ones are packed beside
    pos = radial_layout(g)
    assert set(pos) == set(g)
    assert len(set(pos.values())) == len(pos)
    xs = [x for x, _ in pos.values()]
    assert max(xs) - min(xs) > 500
