"""loaders/ is a straight stack: text (readers, normalize, segment, tables, dates) -> mentions ->
facts (builder) -> rules (relations, events, agreements) -> genres -> extract. No module imports
one that imports it back, in-function imports included (they hid cycles before)."""
from __future__ import annotations

import ast
from pathlib import Path

LOADERS = Path(__file__).resolve().parents[2] / "loaders"


def _imports(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            if node.level == 1:
                mod = "phakhi.loaders." + mod if mod else "phakhi.loaders"
            if mod == "phakhi.loaders":
                out.update(a.name for a in node.names)
            elif mod.startswith("phakhi.loaders."):
                out.add(mod.split(".")[2])
    return out


def test_loaders_import_graph_has_no_cycle() -> None:
    graph = {p.stem: _imports(p) & {q.stem for q in LOADERS.glob("*.py")} - {p.stem} for p in LOADERS.glob("*.py")}
    state: dict[str, int] = {}

    def visit(n: str, path: list[str]) -> None:
        state[n] = 1
        for m in sorted(graph.get(n, ())):
            assert state.get(m) != 1, " -> ".join(path + [n, m])
            if m not in state:
                visit(m, path + [n])
        state[n] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n, [])


def test_rules_and_genres_never_import_the_document_walk() -> None:
    for name in ("builder", "relations", "agreements", "events", "letters", "orders", "minutes", "genres",
                 "mentions", "people", "succession_in_text"):
        assert "extract" not in _imports(LOADERS / f"{name}.py"), name
