"""``phakhi view`` and ``phakhi report`` on a real embedded (SQLite) store."""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from phakhi.cli import main
from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Issue, Node, Provenance


def facts_of(g: nx.MultiDiGraph, doc_id: str = "d1") -> DocumentFacts:
    """The graph as one document's facts."""
    def prov(items: list[dict]) -> list[Provenance]:
        return [Provenance.from_dict(p) for p in items or []]

    skip = {"type", "name", "aliases", "provenance", "qualifier"}
    nodes = [Node(n, a["type"], a["name"], list(a.get("aliases") or []),
                  {k: v for k, v in a.items() if k not in skip}, prov(a.get("provenance")))
             for n, a in g.nodes(data=True)]
    edges = [Edge(u, v, a["type"], {k: v for k, v in a.items() if k not in skip and v is not None},
                  prov(a.get("provenance")), qualifier=str(k))
             for u, v, k, a in g.edges(keys=True, data=True)]
    issues = [Issue("warning", "total_mismatch", "รวมไม่ตรง <b>", doc_id=doc_id, path="/c/t.txt")]
    return DocumentFacts(DocumentInfo(doc_id, f"/c/{doc_id}.txt", "sha-" + doc_id, title="ทดสอบ"),
                         nodes, edges, issues)


@pytest.fixture
def store_dir(sqlite_store, small_graph, tmp_path: Path) -> str:
    sqlite_store.write(facts_of(small_graph))
    return str(tmp_path / "store")


def run(store_dir: str, *args: str) -> "click.testing.Result":  # noqa: F821
    return CliRunner().invoke(main, ["--store", store_dir, "-q", *args], catch_exceptions=False)


def data_of(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="phakhi-data">(.*?)</script>', page, re.S)
    assert m
    return json.loads(m.group(1))


def test_view_writes_the_whole_graph(store_dir: str, small_graph, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    result = run(store_dir, "view", "-o", str(out), "--layer", "all")
    assert result.exit_code == 0, result.output
    data = data_of(out.read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} == set(small_graph)
    assert len(data["edges"]) == small_graph.number_of_edges()
    # by default the partnership layer only: trainer counts and documents' links are apart
    assert run(store_dir, "view", "-o", str(out)).exit_code == 0
    default = data_of(out.read_text(encoding="utf-8"))
    assert {e["rtype"] for e in default["edges"]} <= {
        t for t in {a["type"] for _, _, a in small_graph.edges(data=True)}
        if t not in ("HAS_TRAINERS", "MENTIONS", "ISSUED", "ADDRESSED_TO", "ENCLOSES", "LOCATED_IN")}
    assert len(default["edges"]) < small_graph.number_of_edges()


def test_view_to_stdout_with_focus_by_alias(store_dir: str) -> None:
    result = run(store_dir, "view", "-o", "-", "--focus", "มท.", "--depth", "1")
    assert result.exit_code == 0, result.output
    data = data_of(result.stdout)
    assert sorted(n["id"] for n in data["nodes"]) == ["ref:cdd", "ref:dopa", "ref:moi"]
    assert data["focus"] == ["ref:moi"]


def test_view_path_types_relations_and_query(store_dir: str) -> None:
    path = data_of(run(store_dir, "view", "-o", "-", "--path", "นายสมชาย ใจดี", "กระทรวงมหาดไทย").stdout)
    assert {n["id"] for n in path["nodes"]} == {"Person:สมชาย", "Agreement:mou1", "ref:dopa", "ref:moi"}
    typed = data_of(run(store_dir, "view", "-o", "-", "--types", "GovernmentBody,Agreement",
                        "--relations", "PARTY_TO").stdout)
    assert {e["rtype"] for e in typed["edges"]} == {"PARTY_TO"}
    assert all(n["ptype"] != "Person" for n in typed["nodes"])
    result = run(store_dir, "view", "-o", "-", "--query", "partners", "--param", "org=พช.")
    assert result.exit_code == 0, result.output
    ids = {n["id"] for n in data_of(result.stdout)["nodes"]}
    assert {"ref:cdd", "ref:ect"} <= ids and "Person:สมชาย" not in ids


@pytest.mark.parametrize("args, message", [
    (["--focus", "ไม่มีหน่วยงานนี้"], "no entity is named"),
    (["--types", "Agency"], "not a node type"),
    (["--relations", "KNOWS"], "not a relationship type"),
    (["--focus", "มท.", "--query", "partners"], "at most one of"),
    (["--query", "no-such-question"], "no-such-question"),
    (["--depth", "2"], "--depth needs"),
    (["--path", "มท.", "ไม่มีหน่วยงานนี้"], "no entity is named"),
])
def test_view_bad_requests_are_one_line_exit_1(store_dir: str, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["--store", store_dir, "view", "-o", "-", *args])
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_view_unwritable_output(store_dir: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--store", store_dir, "view", "-o", str(tmp_path / "no" / "v.html")])
    assert result.exit_code == 1 and "cannot write" in result.stderr


def test_report_command(store_dir: str, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run(store_dir, "report", "-o", str(out), "--view-href", "view.html")
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "total_mismatch" in page and "รวมไม่ตรง &lt;b&gt;" in page
    assert 'href="view.html#node=ref%3Aect"' in page
    assert "<span class='zero'>0</span>" in page
    # paths relative to the folder the documents came from, not this machine's
    assert "เอกสาร (documents): 1" in page and "<td>d1.txt</td>" in page and "/c/d1.txt" not in page


def test_exact_name_fallback_resolver(small_graph) -> None:
    from phakhi.commands.common import PhakhiError
    from phakhi.commands.view import _exact_resolver

    resolve = _exact_resolver(small_graph)
    assert resolve("ปค.") == "ref:dopa" and resolve("กรมการปกครอง") == "ref:dopa"
    assert resolve("ref:moi") == "ref:moi"
    with pytest.raises(PhakhiError, match="no entity is named"):
        resolve("ปค")  # exact only: no dot, no match


def test_report_links_to_the_view_beside_it(store_dir: str, tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    run(store_dir, "report", "-o", str(out / "report.html"))
    assert 'href="graph.html#node=' in (out / "report.html").read_text(encoding="utf-8")
    run(store_dir, "view", "-o", str(out / "view.html"))
    run(store_dir, "report", "-o", str(out / "report.html"))
    assert 'href="view.html#node=' in (out / "report.html").read_text(encoding="utf-8")
