"""The README's "Questions policy staff ask" run as written (doctest style): every
``$ phakhi …`` command on the sample corpus, and every output line shown under it."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Questions policy staff ask", 1)[1].split("\n## ", 1)[0]
EXAMPLES = re.findall(r"```sh\n\$ (phakhi [^\n]+)\n```\n```text\n(.*?)```", SECTION, re.S)


def _plain(line: str) -> str:
    return " ".join(line.split())


def test_the_section_asks_all_eight_questions() -> None:
    asked = re.findall(r"\*\*\(([a-h])\)", SECTION)
    assert asked == list("abcdefgh") and len(EXAMPLES) == 8


@pytest.mark.parametrize("command, expected", EXAMPLES, ids=[c.split()[3] for c, _ in EXAMPLES])
def test_readme_question(command: str, expected: str, sample_cli_store: Path, phakhi_cli) -> None:
    args = shlex.split(command)[1:]
    assert args[:2] == ["--store", "out/store"]
    result = phakhi_cli(sample_cli_store, *args[2:])
    assert result.exit_code == 0, result.stderr
    got = [_plain(line) for line in (result.stdout + result.stderr).splitlines()]
    for line in filter(None, map(_plain, expected.splitlines())):
        if line.endswith("…"):
            assert any(g.startswith(line[:-1]) for g in got), f"{command}: no line starts {line!r}"
        else:
            assert line in got, f"{command}: no line {line!r}"
