"""Issue 13 point 7: answers ready for scripts and Excel, through the real CLI."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl


def test_query_csv_starts_with_a_bom_so_excel_reads_thai(sample_cli_store: Path, phakhi_cli) -> None:
    result = phakhi_cli(sample_cli_store, "query", "partners", "-p", "org=พช.", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    assert rows[0]["partner_name"] == "สำนักงานคณะกรรมการการเลือกตั้ง"
    assert rows[0]["agreements_label"] == "MOU พช.–สนง.กกต. · 3 ปี"  # beside the id, for reading


def test_query_xlsx_holds_the_rows_with_thai_intact(sample_cli_store: Path, phakhi_cli,
                                                    tmp_path: Path) -> None:
    out = tmp_path / "partners.xlsx"
    result = phakhi_cli(sample_cli_store, "query", "partners", "-p", "org=สำนักงาน กกต.",
                        "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    sheet = openpyxl.load_workbook(out)["partners"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["partner", "partner_name", "partner_type"] and "agreements_label" in header
    names = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert {"กรมการพัฒนาชุมชน", "กระทรวงมหาดไทย"} <= names and len(names) >= 7


def test_export_xlsx_has_nodes_and_edges_sheets(sample_cli_store: Path, phakhi_cli, tmp_path: Path) -> None:
    out = tmp_path / "graph.xlsx"
    assert phakhi_cli(sample_cli_store, "export", "--format", "xlsx", "-o", str(out)).exit_code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["nodes", "edges"]
    assert any(r[2] == "กรุงเทพมหานคร" for r in book["nodes"].iter_rows(min_row=2, values_only=True))
    refused = phakhi_cli(sample_cli_store, "export", "--format", "xlsx")
    assert refused.exit_code == 1 and "-o FILE.xlsx" in refused.stderr


def test_ingest_reads_a_document_from_stdin(tmp_path: Path, phakhi_cli) -> None:
    text = (Path(__file__).resolve().parents[1] / "examples" / "corpus").glob("003_*.txt")
    data = next(text).read_bytes()
    store = tmp_path / "store"
    first = phakhi_cli(store, "ingest", "-", input=data)
    assert first.exit_code == 0, first.stderr
    again = phakhi_cli(store, "ingest", "-", "--format", "json", input=data)
    assert json.loads(again.stdout)["report"]["skipped"] == 1  # the same document, unchanged
    docs = json.loads(phakhi_cli(store, "documents", "--format", "json").stdout)
    assert len(docs) == 1 and docs[0]["kind"] == "news"
    empty = phakhi_cli(store, "ingest", "-", input=b"")
    assert empty.exit_code == 1 and "nothing was read from stdin" in empty.stderr


def test_communities_print_short_lines(sample_cli_store: Path, phakhi_cli) -> None:
    result = phakhi_cli(sample_cli_store, "analyze", "communities")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) > 3 and max(len(line) for line in lines) < 400
    assert "more)" in result.stdout
    full = json.loads(phakhi_cli(sample_cli_store, "analyze", "communities", "--format", "json").stdout)
    assert all(len(c["members"]) == c["size"] for c in full)  # json keeps every member


def test_ego_shows_the_relation_types(sample_cli_store: Path, phakhi_cli) -> None:
    rows = json.loads(phakhi_cli(sample_cli_store, "query", "ego", "-p", "entity=พช.",
                                 "--format", "json").stdout)
    by_id = {r["id"]: r for r in rows}
    assert by_id["ref:cdd"]["relations"] == []
    assert by_id["ref:moi"]["relations"] == ["PART_OF"]
    agreement = next(r for r in rows if r["type"] == "Agreement")
    assert {"PARTY_TO", "OBLIGATED_TO"} <= set(agreement["relations"])
    table = phakhi_cli(sample_cli_store, "query", "ego", "-p", "entity=พช.").stdout
    assert "relations" in table.splitlines()[0] and "PART_OF" in table


def test_province_and_type_filters(sample_cli_store: Path, phakhi_cli) -> None:
    rows = json.loads(phakhi_cli(sample_cli_store, "query", "trainer-coverage", "--province", "กทม.",
                                 "--format", "json").stdout)
    assert rows and {r["province_name"] for r in rows} == {"กรุงเทพมหานคร"}
    ministries = json.loads(phakhi_cli(sample_cli_store, "query", "partners", "-p",
                                       "org=สำนักงาน กกต.", "--type", "Ministry", "--format", "json").stdout)
    assert sorted(r["partner_name"] for r in ministries) == ["กระทรวงมหาดไทย", "กระทรวงสาธารณสุข"]
    bodies = json.loads(phakhi_cli(sample_cli_store, "query", "partners", "-p", "org=สำนักงาน กกต.",
                                   "--type", "GovernmentBody", "--format", "json").stdout)
    assert len(bodies) > len(ministries)
    refused = phakhi_cli(sample_cli_store, "query", "partners", "-p", "org=พช.", "--province", "กทม.")
    assert refused.exit_code == 1 and "lists no provinces" in refused.stderr
