"""``neo4j-admin database import full`` for the benchmark: running the tool.

The files are ``phakhi export --format neo4j-admin`` of the embedded store
(:mod:`phakhi.graph.exports.neo4j_admin`): exactly what the Neo4j store would hold.

The tool runs from the jars ``scripts/neo4j-local`` assembled in ``.cache/neo4j/lib-*``
(``org.neo4j.cli.AdminTool``), offline, into a throw-away NEO4J_HOME for timing.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from phakhi.graph.exports.neo4j_admin import ARRAY_DELIMITER


def neo4j_lib(repo: Path) -> Path | None:
    """The assembled Neo4j jar folder, newest version first (None when never assembled)."""
    cache = Path(os.environ.get("NEO4J_LOCAL_CACHE", repo / ".cache" / "neo4j"))
    libs = sorted(p for p in cache.glob("lib-*") if (p / ".complete").exists())
    return libs[-1] if libs else None


def run_import(lib: Path, home: Path, conf_dir: Path, node_files: list[Path], rel_files: list[Path],
               timeout: float = 3600) -> tuple[bool, str]:
    """Run ``database import full`` into database ``neo4j`` of ``home`` (overwriting it).
    Returns (ok, last line of the tool's output)."""
    if shutil.which("java") is None:
        return False, "java not found"
    cmd = ["java", "-Xmx1g", "-cp", f"{lib}/*", "org.neo4j.cli.AdminTool", "database", "import", "full",
           *[f"--nodes={p}" for p in node_files], *[f"--relationships={p}" for p in rel_files],
           f"--array-delimiter={ARRAY_DELIMITER}", "--overwrite-destination=true", "--threads=2",
           # the tool writes import.report into the working directory unless told otherwise
           f"--report-file={home / 'import.report'}", "neo4j"]
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(conf_dir))
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    lines = [ln for ln in (proc.stdout + proc.stderr).splitlines() if ln.strip()]
    return proc.returncode == 0, (lines[-1] if lines else f"exit status {proc.returncode}")


def counts_json(n_nodes: int, n_rels: int) -> str:
    return json.dumps({"nodes": n_nodes, "relationships": n_rels})
