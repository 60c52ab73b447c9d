"""``export --format neo4j-admin``: typed CSV files in the Neo4j store's layout, every
relationship end a node, and the exact import command."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from phakhi.bench.national import national_facts
from phakhi.cli import main
from phakhi.graph.stores import Merge
from phakhi.graph.stores.sqlite_store import SQLiteStore


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.reader(fh))


def test_neo4j_admin_files_hold_the_store_layout(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    with SQLiteStore(store_dir) as store:
        batches = list(national_facts(fraction=0.0002, seed=8))
        for b in batches:
            store.write(b)
        first = batches[1].nodes[0].id
        store.set_merge(Merge("Person:ไม่มีใคร", first, 1.0, "test"))
        expected_nodes = {n.id for n in store.nodes()}
    out = tmp_path / "import"
    result = CliRunner().invoke(main, ["--store", str(store_dir), "export", "--format", "neo4j-admin",
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    ids: set[str] = set()
    for p in sorted(out.glob("nodes-*.csv")):
        rows = _rows(p)
        if rows[0][0] == "id:ID(Entity)":
            assert rows[0][1] == ":LABEL" and all(r[1].startswith("Entity") for r in rows[1:])
            ids |= {r[0] for r in rows[1:]}
    typed = {p.name: _rows(p) for p in out.glob("nodes-*.csv")}
    assert expected_nodes <= ids
    header = typed["nodes-Province.csv"][0]
    assert {"claims:string", "docs:string[]", "provenance:string"} <= set(header)
    docs = typed["nodes-PhakhiDocument.csv"]
    assert len(docs) - 1 == len(batches) and "facts_hash:string" in docs[0]
    [lock_header, lock] = typed["nodes-PhakhiLock.csv"]
    assert json.loads(dict(zip(lock_header, lock))["resolved:string"]) == {}  # the merge's end is not stated
    assert len(typed["nodes-PhakhiMerge.csv"]) == 2
    ends = 0
    for p in out.glob("rels-*.csv"):
        rows = _rows(p)
        assert rows[0][:3] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
        assert "claims:string" in rows[0]
        for r in rows[1:]:
            assert r[0] in ids and r[1] in ids
            ends += 1
    assert ends > 0
    script = (out / "neo4j-admin-import.sh").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in script and "'--array-delimiter=;'" in script
    assert script.count("--nodes=") == len(list(out.glob("nodes-*.csv")))
