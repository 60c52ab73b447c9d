"""``phakhi export``: every format from a real embedded store, stdout, and one-line errors."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Graph

from phakhi.cli import main
from phakhi.graph.model import DocumentFacts
from phakhi.graph.stores.sqlite_store import SQLiteStore

sys.path.insert(0, str(Path(__file__).parent))  # the shared sample graph lives beside this file
from test_exports_common import DLA, sample_graph  # noqa: E402


@pytest.fixture
def store_dir(tmp_path: Path) -> str:
    g = sample_graph()
    location = str(tmp_path / "store")
    with SQLiteStore(location) as store:
        store.write(DocumentFacts(g.documents[0], g.nodes, g.edges))
    return location


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_json_to_stdout(store_dir):
    result = run("--store", store_dir, "export", "--format", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["meta"]["counts"]["nodes"] == 11 and len(doc["edges"]) == 16
    assert "exported 11 nodes and 16 edges" in result.stderr


def test_json_is_the_default_format(store_dir, tmp_path):
    out = tmp_path / "g.json"
    assert run("--store", store_dir, "export", "-o", str(out)).exit_code == 0
    assert any(n["name"] == DLA for n in json.loads(out.read_text(encoding="utf-8"))["nodes"])


@pytest.mark.parametrize("fmt,reader", [
    ("ttl", lambda p: len(set(Graph().parse(p, format="turtle").subjects()))),
    ("jsonld", lambda p: len(set(Graph().parse(p, format="json-ld").subjects()))),
    ("graphml", lambda p: nx.read_graphml(p).number_of_nodes()),
    ("gexf", lambda p: nx.read_gexf(p).number_of_nodes()),
    ("cypher", lambda p: Path(p).read_text(encoding="utf-8").count(";\n")),
])
def test_every_file_format(store_dir, tmp_path, fmt, reader):
    out = tmp_path / f"g.{fmt}"
    result = run("-q", "--store", store_dir, "export", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # -q: no summary
    assert reader(str(out)) > 10


def test_ttl_to_stdout_with_base(store_dir):
    result = run("--store", store_dir, "export", "--format", "ttl", "--base", "https://example.org/p/")
    assert result.exit_code == 0
    g = Graph().parse(data=result.stdout, format="turtle")
    assert any(str(s).startswith("https://example.org/p/node/") for s in g.subjects())


def test_csv_writes_two_files(store_dir, tmp_path):
    result = run("--store", store_dir, "export", "--format", "csv", "-o", str(tmp_path / "x" / "graph"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x" / "graph.nodes.csv").exists() and (tmp_path / "x" / "graph.edges.csv").exists()


def test_csv_to_stdout_is_a_one_line_error(store_dir):
    result = run("--store", store_dir, "export", "--format", "csv", "-o", "-")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "several files" in result.stderr
    assert "Traceback" not in result.output


def test_unwritable_output_is_a_one_line_error(store_dir, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("--store", store_dir, "export", "--format", "json", "-o", str(blocker / "g.json"))
    assert result.exit_code == 1
    assert result.stderr.startswith("phakhi: error: ") and str(blocker) in result.stderr
    assert result.stderr.count("\n") == 1


def test_unknown_format_is_a_usage_error(store_dir):
    assert run("--store", store_dir, "export", "--format", "docx").exit_code == 2


def test_shapes_export(store_dir):
    result = run("--store", store_dir, "export", "--format", "shacl")
    assert result.exit_code == 0
    g = Graph().parse(data=result.stdout, format="turtle")
    assert len(g) > 100


def test_bad_base_is_a_one_line_error(store_dir):
    result = run("--store", store_dir, "export", "--format", "ttl", "--base", "no base")
    assert result.exit_code == 1 and "not an absolute IRI" in result.stderr
