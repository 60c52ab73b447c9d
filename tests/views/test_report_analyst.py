"""Issue 13 point 8: the report shows paths relative to where the documents were ingested
from, and draws the agreements on a time axis as inline SVG (real CLI, real Chromium)."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def _report(store: Path, cli, folder: Path) -> Path:  # noqa: ANN001
    out = folder / "report.html"
    result = cli(store, "report", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out


def test_report_shows_relative_paths_only(sample_cli_store: Path, phakhi_cli, tmp_path: Path) -> None:
    page = _report(sample_cli_store, phakhi_cli, tmp_path).read_text(encoding="utf-8")
    corpus = str((Path(__file__).resolve().parents[2] / "examples" / "corpus"))
    assert corpus not in page and str(Path.home()) + "/" not in page
    assert "000_a6986c764d5995c0.txt" in page and "corpus/" in page  # the folder's name, once


def test_report_timeline_is_an_inline_svg_chart(browser, sample_cli_store: Path, phakhi_cli,
                                                tmp_path: Path) -> None:
    loaded = browser.open(_report(sample_cli_store, phakhi_cli, tmp_path), wait_stable=False)
    assert loaded.errors == []
    assert [u for u in loaded.requests if not u.startswith(("file:", "data:"))] == []
    bars = loaded.js("""() => [...document.querySelectorAll('svg.timeline-chart g.bar')].map(g => ({
        kind: g.getAttribute('class'), tip: g.querySelector('title').textContent,
        width: g.querySelector('rect').getBoundingClientRect().width}))""")
    assert len(bars) == 4  # the four sample MOUs: two signed, two dated by their covering letter
    inferred = [b for b in bars if "inferred" in b["kind"]]
    assert len(inferred) == 1 and "2025-02-01" in inferred[0]["tip"]
    assert "covering letter" in inferred[0]["tip"]
    assert sum("open" in b["kind"] for b in bars) == 3
    assert all(b["width"] > 2 for b in bars)
    labels = loaded.js("[...document.querySelectorAll('svg.timeline-chart text')].map(t => t.textContent)")
    assert "MOU พช.–สนง.กกต. · 3 ปี" in labels and "2022 (2565)" in labels
    text = loaded.js("document.body.innerText")
    assert "/work/" not in text and "examples/corpus" not in text
    loaded.page.close()
