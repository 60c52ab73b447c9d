"""The README documents every command and gives exactly the two set-up commands."""
from __future__ import annotations

import re
from pathlib import Path

from phakhi.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented_in_the_readme() -> None:
    missing = [name for name in main.list_commands(None)  # type: ignore[arg-type]
               if not re.search(rf"phakhi[^\n`]*\b{re.escape(name)}\b", README)]
    assert not missing, f"commands missing from README usage: {missing}"


def test_ci_runs_the_readme_test_command() -> None:
    root = Path(__file__).resolve().parents[1]
    ci = (root / ".ci" / "run").read_text()
    assert "scripts/test-all" in README and "scripts/test-all" in ci
    assert "scripts/run-sample" in README
    for script in ("scripts/test-all", "scripts/run-sample"):
        assert (root / script).stat().st_mode & 0o111, f"{script} is not executable"
