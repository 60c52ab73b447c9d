"""The sample graph every export test uses, and tests of the shared export helpers.

The sample is small but touches every shape the exporters must handle: a ministry tree,
a person holding a post, an agreement with parties, a signatory and a witness, clauses,
trainer counts (0 and unknown), an event with a date, and names that are hard to escape.
"""
from __future__ import annotations

import io
import unicodedata

import pytest

from phakhi.graph.exports import FORMATS, ExportError, collect, export_graph
from phakhi.graph.exports.common import GraphData, flat_value, open_output
from phakhi.graph.model import DocumentInfo, Edge, Node, Provenance, node_id
from phakhi.graph.stores.base import to_networkx

TRICKY = 'ชมรม "ผู้ใหญ่บ้าน" \\ น้ำ <script>alert(1)</script> \'quote\''
DLA = "กรมส่งเสริมการปกครองท้องถิ่น"


# a titled agreement: the shared scorer never matches a bare generic 'บันทึกข้อตกลงความร่วมมือ'
MOU_TITLE = "บันทึกข้อตกลงความร่วมมือการส่งเสริมการปกครองระบอบประชาธิปไตย"


def sample_graph() -> GraphData:
    """A small graph in the shape the loaders produce."""
    doc = "000_doc"
    p = Provenance(doc, 10, 42, "กระทรวงมหาดไทยลงนามบันทึกข้อตกลง", "examples/corpus/000.txt")
    moi = Node("ref:moi", "Ministry", "กระทรวงมหาดไทย", ["มท."], {"name_en": "Ministry of Interior",
                                                                 "abbreviation": "มท."}, [p])
    dopa = Node("ref:dopa", "Department", "กรมการปกครอง", ["ปค.", "Department of Provincial Administration"],
                {"name_en": "Department of Provincial Administration"}, [p])
    dla = Node("ref:dla", "Department", DLA, ["สถ."], {}, [p])
    ect = Node("ref:ect", "IndependentAgency", "สำนักงานคณะกรรมการการเลือกตั้ง", ["กกต."], {}, [p])
    net = Node(node_id("VolunteerNetwork", TRICKY), "VolunteerNetwork", TRICKY, ["ผู้ใหญ่บ้าน"],
               {"org_form": None}, [p])
    person = Node(node_id("Person", "อนุพงษ์ เผ่าจินดา"), "Person", "อนุพงษ์ เผ่าจินดา", [],
                  {"honorific": "พลเอก"}, [p])
    post = Node(node_id("Position", "รัฐมนตรีว่าการกระทรวงมหาดไทย"), "Position",
                "รัฐมนตรีว่าการกระทรวงมหาดไทย", [], {"organization": "ref:moi"}, [p])
    mou = Node(node_id("Agreement", MOU_TITLE, doc, 1), "Agreement",
               MOU_TITLE, [], {"date": "2022-06-16", "duration_years": 3.0,
                                               "end_date": "2025-06-16", "document": doc, "ordinal": 1}, [p])
    nan = Node("Province:น่าน", "Province", "น่าน", [], {"iso_code": "TH-55"}, [p])
    event = Node(node_id("Event", "พิธีลงนาม", "2022-06-16"), "Event", "พิธีลงนาม", [],
                 {"date": "2022-06-16", "participants": {"total": 40, "groups": ["กรม"]}}, [p])
    document = Node(node_id("Document", doc), "Document", "ข่าว มท. 73/2565", [],
                    {"kind": "news", "date": "2022-06-16"}, [p])
    nodes = [moi, dopa, dla, ect, net, person, post, mou, nan, event, document]
    edges = [
        Edge(dopa.id, moi.id, "PART_OF", {"relation": "sub_organization"}, [p]),
        Edge(dla.id, moi.id, "PART_OF", {"relation": "sub_organization"}, [p]),
        Edge(net.id, dopa.id, "PART_OF", {"relation": "network_of"}, [p]),
        Edge(person.id, post.id, "HOLDS_POSITION", {"position": "รัฐมนตรีว่าการ", "as_of": "2022-06-16",
                                                   "position_full": "รัฐมนตรีว่าการกระทรวงมหาดไทย"}, [p]),
        Edge(moi.id, mou.id, "PARTY_TO", {}, [p]),
        Edge(ect.id, mou.id, "PARTY_TO", {}, [p]),
        Edge(person.id, mou.id, "SIGNS", {"on_behalf_of": moi.id, "as_position": "รัฐมนตรีว่าการ",
                                          "date": "2022-06-16"}, [p]),
        Edge(person.id, mou.id, "WITNESSES", {"side": moi.id}, [p]),
        Edge(moi.id, mou.id, "OBLIGATED_TO", {"clause": 1, "text": "สนับสนุน \"อาสา\"",
                                               "concerns": [net.id]}, [p], qualifier="1"),
        Edge(moi.id, mou.id, "OBLIGATED_TO", {"clause": 2, "text": "ประชาสัมพันธ์"}, [p], qualifier="2"),
        Edge(moi.id, ect.id, "COOPERATES_WITH", {}, [p]),
        Edge(nan.id, dla.id, "HAS_TRAINERS", {"count": 0, "raw": "-", "row": 3}, [p], qualifier="t1|3"),
        Edge(nan.id, dopa.id, "HAS_TRAINERS", {"count": None, "raw": "", "row": 3}, [p], qualifier="t1|3"),
        Edge(moi.id, event.id, "ORGANIZES", {}, [p]),
        Edge(moi.id, document.id, "ISSUED", {"date": "2022-06-16"}, [p]),
        Edge(document.id, mou.id, "MENTIONS", {}, [p]),
        Edge(moi.id, "ref:missing", "SUPPORTS", {}, [p]),  # dangling: left out by every format
    ]
    docs = [DocumentInfo(doc, "examples/corpus/000.txt", "ab" * 32, "ข่าว มท.", "news", "2022-06-16")]
    return GraphData(nodes, edges, docs)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def test_collect_drops_dangling_edges_and_sorts():
    data = collect(sample_graph())
    assert len(data.nodes) == 11
    assert len(data.edges) == 16
    assert data.dropped_edges == 1
    assert [n.id for n in data.nodes] == sorted(n.id for n in data.nodes)


def test_collect_reads_networkx_graph_made_by_to_networkx():
    g = sample_graph()
    back = collect(to_networkx(g.nodes, g.edges))
    assert {n.id for n in back.nodes} == {n.id for n in g.nodes}
    assert {e.id for e in back.edges} == {e.id for e in g.edges if e.target != "ref:missing"}
    net = next(n for n in back.nodes if n.type == "VolunteerNetwork")
    assert net.name == TRICKY and net.provenance[0].doc_id == "000_doc"


def test_collect_rejects_unknown_source():
    with pytest.raises(ExportError):
        collect(42)


def test_flat_value():
    assert flat_value(["ก", "ข"]) == "ก | ข"
    assert flat_value({"b": 1, "a": "น้ำ"}) == '{"a": "น้ำ", "b": 1}'
    assert flat_value(None) is None
    assert flat_value(3) == 3 and flat_value(True) is True


def test_open_output_makes_parent_dirs(tmp_path):
    target = tmp_path / "a" / "b" / "x.txt"
    with open_output(target) as fh:
        fh.write("น้ำ")
    assert target.read_text(encoding="utf-8") == "น้ำ"


def test_unknown_format_is_a_clear_error():
    with pytest.raises(ExportError, match="unknown export format"):
        export_graph(sample_graph(), "docx", io.StringIO())


def test_every_format_is_listed_with_a_writer():
    assert set(FORMATS) == {"json", "ttl", "jsonld", "graphml", "gexf", "csv", "cypher", "shacl", "xlsx",
                            "neo4j-admin"}


def test_failed_export_leaves_the_previous_file(tmp_path):
    target = tmp_path / "g.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with open_output(target) as fh:
            fh.write("half")
            raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_a_directory_gets_a_standard_file_name(tmp_path):
    result = export_graph(sample_graph(), "graphml", str(tmp_path))
    assert result["files"] == [str(tmp_path / "graph.graphml")]
    assert (tmp_path / "graph.graphml").stat().st_size > 0
