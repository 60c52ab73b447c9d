"""Readers under the faults of issue 15 (F01–F10): each odd file is read or refused with a
one-line :class:`ReadError`, never an exception that stops the batch, and none of them
costs time or memory out of proportion to its size.

Every file is built here from bytes (zipfile for .docx). Scaling tests compare the time at
two sizes against a floor, so a quadratic algorithm fails while machine noise does not.
"""
from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Callable

import pytest

from phakhi.loaders.extract import extract_document
from phakhi.loaders.readers import DOCX_MAX_XML, ReadError, SourceText, read_source

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REPO = Path(__file__).resolve().parents[2]
# ../shared/dev beside the project (a worktree sits one level deeper): read in place, never copied
SHARED_DEV = next((p / "shared" / "dev" for p in (REPO.parent, REPO.parent.parent)
                   if (p / "shared" / "dev").is_dir()), REPO.parent / "shared" / "dev")
MOU = "กรมการปกครองลงนามบันทึกข้อตกลงความร่วมมือกับกรมอนามัย เมื่อวันที่ 5 มกราคม 2566"

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def docx_bytes(body: str, root: str = "w:document") -> bytes:
    """A minimal .docx whose document.xml body is ``body`` (WordprocessingML markup)."""
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<{root} xmlns:w="{W_NS}"><w:body>{body}</w:body></{root}>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
    return buf.getvalue()


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def cell(text: str, props: str = "") -> str:
    return f"<w:tc>{'<w:tcPr>' + props + '</w:tcPr>' if props else ''}{para(text)}</w:tc>"


def table(*rows: str) -> str:
    return "<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _best_time(fn: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def assert_not_quadratic(small: float, big: float, factor: int, floor: float = 0.05) -> None:
    """``big`` is the time at ``factor`` times the size of ``small``: linear growth gives
    about ``factor``, quadratic ``factor**2``; the floor keeps tiny timings out of it."""
    assert big < 1.5 * factor * max(small, floor), (
        f"{factor}x the input took {big:.2f}s vs {small:.2f}s: growth looks quadratic")


# --- .docx tables (F01–F05) ---------------------------------------------------------------

def test_f01_vertical_merge_continuation_in_the_first_row_is_read(tmp_path: Path) -> None:
    body = para(MOU) + table(cell("ก", "<w:vMerge/>") + cell("ข"), cell("ค") + cell("ง"))
    src = read_source(_write(tmp_path, "vmerge.docx", docx_bytes(body)))
    assert MOU in src.text
    assert "ก\tข" in src.text and "ค\tง" in src.text


def test_f01_vertical_merge_repeats_the_cell_it_continues(tmp_path: Path) -> None:
    body = table(cell("จังหวัด", '<w:vMerge w:val="restart"/>') + cell("1"),
                 cell("", "<w:vMerge/>") + cell("2"))
    assert read_source(_write(tmp_path, "v.docx", docx_bytes(body))).text.splitlines()[1:3] == \
        ["จังหวัด\t1", "จังหวัด\t2"]  # what python-docx's row.cells gives


def test_f02_non_numeric_grid_span_is_read_with_a_warning(tmp_path: Path) -> None:
    body = para(MOU) + table(cell("ก", '<w:gridSpan w:val="two"/>') + cell("ข"))
    src = read_source(_write(tmp_path, "span.docx", docx_bytes(body)))
    assert "ก\tข" in src.text and MOU in src.text
    assert any("gridSpan" in w and "not a number" in w for w in src.warnings)


def test_f03_main_part_that_is_not_a_document_is_refused_in_one_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "root.docx", docx_bytes(para(MOU), root="w:settings"))
    with pytest.raises(ReadError, match=r"not a valid \.docx: the main part is <settings>") as info:
        read_source(path)
    assert "\n" not in str(info.value)


def test_f04_merged_cells_cost_linear_time_in_their_span(tmp_path: Path) -> None:
    def build(span: int) -> Path:
        row = "".join(cell(t, f'<w:gridSpan w:val="{span}"/>') for t in "กขค")
        return _write(tmp_path, f"wide{span}.docx", docx_bytes(para(MOU) + table(row)))

    small, big = build(1_000), build(4_000)
    t_small = _best_time(lambda: read_source(small))
    t_big = _best_time(lambda: read_source(big))
    assert_not_quadratic(t_small, t_big, 4)
    assert read_source(big).text.splitlines()[-1].startswith("ก\t")


def test_f05_a_huge_grid_span_is_bounded_before_memory_is_spent(tmp_path: Path) -> None:
    path = _write(tmp_path, "huge.docx",
                  docx_bytes(para(MOU) + table(cell("ก", '<w:gridSpan w:val="400000000"/>') + cell("ข"))))
    # in a child limited to 1 GiB of address space: a 4e8-entry tuple cannot be built there
    code = ("import sys; from phakhi.loaders.readers import read_source; "
            "s = read_source(sys.argv[1]); print(len(s.text)); print(s.warnings)")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          preexec_fn=limit, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    length, warnings = proc.stdout.splitlines()
    assert int(length) < 10_000
    assert "larger than a table can be" in warnings


# --- .docx decompression bombs (F06) ------------------------------------------------------

def _bomb(kind: str) -> bytes:
    size = DOCX_MAX_XML + 2**20
    if kind == "one text run":
        body = "<w:p><w:r><w:t>" + "ก" * (size // 3) + "</w:t></w:r></w:p>"
    else:  # ordinary paragraphs
        body = para("กรมการปกครอง" * 10) * (size // 300)
    return docx_bytes(body)


@pytest.mark.parametrize("kind", ["one text run", "many paragraphs"])
def test_f06_a_decompression_bomb_is_refused_before_it_is_inflated(tmp_path: Path, kind: str) -> None:
    data = _bomb(kind)
    assert len(data) < 2 * 2**20  # small on disk
    path = _write(tmp_path, "bomb.docx", data)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ReadError, match=rf"more than {DOCX_MAX_XML:,} bytes \(limit; decompression bomb"):
        read_source(path)
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 64 * 1024, f"peak memory grew {grown_kib} KiB while refusing"


# --- HTML (F07–F09) -----------------------------------------------------------------------

def _menu_page(items: int) -> bytes:
    menu = "".join(f'<span class="nav-item">เมนู {i}</span>' for i in range(items))
    return (f'<html><head><meta charset="utf-8"></head><body><div>{menu}</div>'
            f"<p>{MOU}</p></body></html>").encode("utf-8")


def test_f07_junk_detection_is_linear_in_the_number_of_menu_items(tmp_path: Path) -> None:
    small = _write(tmp_path, "menu500.html", _menu_page(500))
    big = _write(tmp_path, "menu2000.html", _menu_page(2_000))
    t_small = _best_time(lambda: read_source(small))
    t_big = _best_time(lambda: read_source(big))
    assert_not_quadratic(t_small, t_big, 4)
    assert MOU in read_source(big).text


def test_f08_text_past_the_parser_depth_limit_is_kept(tmp_path: Path) -> None:
    lines = "".join(f"<font>บรรทัด {i}<br>" for i in range(300))
    path = _write(tmp_path, "deep.html", f"<html><body>{lines}{MOU}</body></html>".encode("utf-8"))
    src = read_source(path)
    assert MOU in src.text
    assert all(f"บรรทัด {i}" in src.text for i in range(300))


def test_f08_a_page_deeper_than_the_tree_walk_is_read_flat_with_a_warning(tmp_path: Path) -> None:
    divs = "".join(f"<div>ส่วน {i}" for i in range(3_000))
    page = f"<html><body>{divs}<script>var x = 1;</script><p>{MOU}</p></body></html>"
    src = read_source(_write(tmp_path, "deeper.html", page.encode("utf-8")))
    assert MOU in src.text and "ส่วน 2999" in src.text
    assert "var x" not in src.text
    assert any("read as flat text" in w for w in src.warnings)


def test_f09_utf8_html_with_a_stray_byte_is_read_with_a_warning(tmp_path: Path) -> None:
    page = f'<html><head><meta charset="utf-8"></head><body><p>{MOU}</p><p>ข่าว</p></body></html>'
    data = page.encode("utf-8").replace("ข่าว".encode("utf-8"), b"\xff" + "ข่าว".encode("utf-8"))
    src = read_source(_write(tmp_path, "stray.html", data))
    assert MOU in src.text
    assert any("replaced with U+FFFD" in w for w in src.warnings)


def test_html_in_a_legacy_encoding_is_still_not_taken_for_damaged_utf8(tmp_path: Path) -> None:
    data = f"<html><body><p>{MOU}</p></body></html>".encode("tis-620")
    src = read_source(_write(tmp_path, "legacy.html", data))
    assert MOU in src.text and src.encoding == "tis-620"


# --- glued text (F10) ---------------------------------------------------------------------

def _provenance_chars(text: str) -> int:
    src = SourceText(Path("glued.txt"), text, "txt", "utf-8", "0")
    facts = extract_document(src, "doc:glued")
    return sum(len(p.sentence) for item in (*facts.nodes, *facts.edges) for p in item.provenance)


def test_f10_provenance_on_a_line_without_spaces_grows_linearly() -> None:
    glued = "กรมการปกครองลงนามบันทึกข้อตกลงกับกรมอนามัยและกรมการพัฒนาชุมชน"
    small = _provenance_chars(glued * 100)
    big = _provenance_chars(glued * 400)
    assert small > 0
    assert big < 1.5 * 4 * small, f"4x the text quoted {big:,} vs {small:,} characters: quadratic"


# --- PDF text that keeps Thai marks (issue 12, reader level) --------------------------------

@pytest.mark.skipif(not (SHARED_DEV / "devC06.pdf").exists(),
                    reason="../shared/dev/devC06.pdf (a PDF printed by Chromium) is not on this machine")
def test_pdf_printed_by_chromium_keeps_tone_marks_thanthakhat_and_sara_am() -> None:
    src = read_source(SHARED_DEV / "devC06.pdf")
    assert "องค์การบริหารส่วนตำบล" in src.text
    assert "ดำเนินการ" in src.text
    assert "ตํา" not in src.text and "ตำ บล" not in src.text  # no split SARA AM, no stray space
    assert "\r" not in src.text
