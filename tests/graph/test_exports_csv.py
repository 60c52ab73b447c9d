"""CSV: two files, UTF-8 with a BOM, read back with the csv module."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

from phakhi.graph.exports import ExportError, export_graph
from phakhi.graph.exports.csv_export import csv_paths

sys.path.insert(0, str(Path(__file__).parent))  # the shared sample graph lives beside this file
from test_exports_common import DLA, TRICKY, nfc, sample_graph  # noqa: E402


def rows(path: str) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_base_path_gives_two_files_with_bom(tmp_path):
    result = export_graph(sample_graph(), "csv", str(tmp_path / "out" / "graph"))
    nodes_file, edges_file = result["files"]
    assert nodes_file.endswith("graph.nodes.csv") and edges_file.endswith("graph.edges.csv")
    for f in (nodes_file, edges_file):
        assert Path(f).read_bytes().startswith(b"\xef\xbb\xbf")
    nodes, edges = rows(nodes_file), rows(edges_file)
    assert len(nodes) == 11 and len(edges) == 16
    names = {r["name"] for r in nodes}
    assert nfc(TRICKY) in names and nfc(DLA) in names
    dopa = next(r for r in nodes if r["id"] == "ref:dopa")
    assert dopa["aliases"] == "ปค. | Department of Provincial Administration"
    assert json.loads(dopa["provenance"])[0]["sentence"].startswith("กระทรวงมหาดไทย")
    assert dopa["documents"] == "000_doc"
    trainers = {r["target"]: r["count"] for r in edges if r["type"] == "HAS_TRAINERS"}
    assert trainers == {"ref:dla": "0", "ref:dopa": ""}  # 0 and unknown stay apart
    part_of = next(r for r in edges if r["type"] == "PART_OF" and r["source"] == "ref:dla")
    assert part_of["source_name"] == DLA and part_of["target_name"] == "กระทรวงมหาดไทย"


def test_directory_output(tmp_path):
    result = export_graph(sample_graph(), "csv", str(tmp_path))
    assert [Path(f).name for f in result["files"]] == ["nodes.csv", "edges.csv"]


def test_csv_suffix_is_dropped():
    assert [p.name for p in csv_paths("x/g.csv")] == ["g.nodes.csv", "g.edges.csv"]


def test_stdout_is_refused():
    with pytest.raises(ExportError, match="two files"):
        export_graph(sample_graph(), "csv", "-")
