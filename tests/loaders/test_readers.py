"""read_source / discover on real files of every supported kind, good and bad.

All fixtures are generated in tmp_path: PDFs written by hand or with pypdf, .docx with
python-docx, TIS-620 text with Python's codec.
"""
from __future__ import annotations

import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from phakhi.loaders.normalize import clean_text
from phakhi.loaders.readers import SUPPORTED_SUFFIXES, ReadError, discover, read_source

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
THAI = "กรมการปกครองลงนามบันทึกข้อตกลงความร่วมมือกับสำนักงานคณะกรรมการการเลือกตั้ง"


# --- fixture builders --------------------------------------------------------------------

def minimal_pdf(pages: list[str]) -> bytes:
    """A valid PDF whose pages show ``pages`` (Latin text) in Helvetica, with a correct xref."""
    objects: list[bytes] = []
    n = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    font_obj = 3 + 2 * n
    for i, text in enumerate(pages):
        content = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
                       f"/Resources << /Font << /F1 {font_obj} 0 R >> >> >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def blank_pdf(pages: int = 1) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def encrypted_pdf(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(minimal_pdf(["Secret MOU text"]))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def make_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("บันทึกข้อตกลงว่าด้วยความร่วมมือ")
    document.add_paragraph(THAI)
    table = document.add_table(rows=3, cols=3)
    merged = table.cell(0, 1).merge(table.cell(0, 2))
    table.cell(0, 0).text = "ที่"
    merged.text = "หน่วยงาน 2 หน่วยงาน"
    for c, v in enumerate(["1", "กระบี่", "3"]):
        table.cell(1, c).text = v
    for c, v in enumerate(["2", "ตรัง", "-"]):
        table.cell(2, c).text = v
    document.add_paragraph("ลงชื่อ")
    document.save(path)
    return path


# --- plain text --------------------------------------------------------------------------

def test_reads_utf8_corpus_file() -> None:
    src = read_source(CORPUS / "003_21520f6ff54556ba.txt")
    assert src.format == "txt" and src.encoding == "utf-8" and not src.warnings
    assert "รวมพลคน ศส.ปชต." in src.text
    assert len(src.fingerprint) == 64


def test_utf8_bom(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + THAI.encode())
    src = read_source(p)
    assert src.text == THAI and src.encoding == "utf-8-sig"


def test_tis620_file(tmp_path: Path) -> None:
    p = tmp_path / "legacy.txt"
    p.write_bytes((THAI + "\nวันที่ ๑ กุมภาพันธ์ ๒๕๖๕\n").encode("tis-620"))
    src = read_source(p)
    assert src.encoding in ("tis-620", "cp874")
    assert src.text.startswith(THAI)


def test_cp874_only_characters(tmp_path: Path) -> None:
    # cp874 has curly quotes / bullets that TIS-620 lacks
    p = tmp_path / "win.txt"
    p.write_bytes("“พลเมืองคุณภาพ” • ข้อ".encode("cp874"))
    src = read_source(p)
    assert src.text == "“พลเมืองคุณภาพ” • ข้อ" and src.encoding == "cp874"


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    with pytest.raises(ReadError, match="empty file"):
        read_source(p)


def test_whitespace_only_file(tmp_path: Path) -> None:
    p = tmp_path / "blank.txt"
    p.write_text("  \n\n \t\n")
    with pytest.raises(ReadError, match="no text"):
        read_source(p)


def test_binary_named_txt(tmp_path: Path) -> None:
    p = tmp_path / "image.txt"
    p.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ReadError, match="binary"):
        read_source(p)


def test_binary_without_nul_bytes(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    p = tmp_path / "noise.txt"
    p.write_bytes(bytes(rng.choice(range(1, 256)) for _ in range(5000)))
    with pytest.raises(ReadError, match="binary"):
        read_source(p)


def test_nul_bytes(tmp_path: Path) -> None:
    p = tmp_path / "nul.txt"
    p.write_bytes(THAI.encode() + b"\x00\x00" + THAI.encode())
    with pytest.raises(ReadError, match="NUL"):
        read_source(p)


def test_truncated_utf8_last_char(tmp_path: Path) -> None:
    p = tmp_path / "cut.txt"
    p.write_bytes(THAI.encode()[:-1])
    src = read_source(p)
    assert src.text.endswith("\ufffd") and src.text[:-1] == THAI[:-1]
    assert any("truncated" in w for w in src.warnings)


def test_unsupported_suffix(tmp_path: Path) -> None:
    p = tmp_path / "a.xlsx"
    p.write_bytes(b"x")
    with pytest.raises(ReadError, match="unsupported"):
        read_source(p)


def test_too_large(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 2000)
    with pytest.raises(ReadError, match="too large"):
        read_source(p, max_bytes=1000)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot open"):
        read_source(tmp_path / "nope.txt")


def test_50_mb_text_reads_without_blowup(tmp_path: Path) -> None:
    line = (THAI + " 1,497 คน\n").encode()
    p = tmp_path / "big.txt"
    with p.open("wb") as fh:
        chunk = line * 2000
        while fh.tell() < 50 * 2**20:
            fh.write(chunk)
    size = p.stat().st_size
    tracemalloc.start()
    try:
        src = read_source(p)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert src.text.startswith(THAI) and src.encoding == "utf-8"
    # the bytes plus one decoded str (Thai: 2 bytes/char in memory) — not several copies
    assert peak < 3 * size, f"peak {peak:,} for a {size:,}-byte file"


def test_zero_width_and_stray_marks_survive_reading_and_clean_up(tmp_path: Path) -> None:
    p = tmp_path / "zw.txt"
    p.write_text("\u0e48กรม\u200bการ\u00adปกครอง\u0e49\u0e49\r\n", encoding="utf-8")
    src = read_source(p)
    assert "\u200b" in src.text  # the reader decodes only ...
    assert clean_text(src.text) == "กรมการปกครอง\u0e49\n"  # ... normalisation is clean_text's job


# --- html --------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>ข่าว</title>
<style>body { color: red }</style><script>var x = "<p>ไม่ใช่ข่าว</p>"; document.write(x);</script></head>
<body>
<nav><ul><li>หน้าแรก</li><li>ข่าวประชาสัมพันธ์</li></ul></nav>
<div class="top-menu">เมนูหลัก</div>
<div id="breadcrumb">หน้าแรก &gt; ข่าว</div>
<main>
<h1>กระทรวงมหาดไทยลงนาม MOU</h1>
<p>วันนี้ (16 มิถุนายน 2565)   เวลา 09.30 น.<br>ณ ห้องประชุม</p>
<!-- a comment that must vanish -->
<p>ย่อหน้า<b>ที่สอง</b> &amp; ต่อ</p>
<table><tr><th>ที่</th><th>จังหวัด</th><th>จำนวน</th></tr>
<tr><td>1</td><td>กระบี่</td><td>1,497</td></tr></table>
<div style="display:none">ซ่อนอยู่</div>
<div class="social-share">facebook line</div>
<noscript>เปิด JavaScript</noscript>
<script>alert("x")</script>
</main>
<aside>ข่าวยอดนิยม</aside>
<footer>สงวนลิขสิทธิ์</footer>
</body></html>
"""


def test_html_main_text(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(HTML_PAGE, encoding="utf-8")
    src = read_source(p)
    text = src.text
    assert src.format == "html" and src.encoding == "utf-8"
    assert "กระทรวงมหาดไทยลงนาม MOU" in text
    assert "วันนี้ (16 มิถุนายน 2565) เวลา 09.30 น.\nณ ห้องประชุม" in text
    assert "ย่อหน้าที่สอง & ต่อ" in text
    assert "ที่\tจังหวัด\tจำนวน\n1\tกระบี่\t1,497" in text
    assert "\n\nย่อหน้า" in text  # paragraph break kept as a blank line
    for junk in ("ไม่ใช่ข่าว", "color", "เมนูหลัก", "หน้าแรก", "ซ่อนอยู่", "facebook", "JavaScript",
                 "alert", "ข่าวยอดนิยม", "สงวนลิขสิทธิ์", "comment"):
        assert junk not in text, junk


def test_html_full_of_scripts_still_yields_text(tmp_path: Path) -> None:
    scripts = "".join(f"<script>var a{i} = '{'x' * 500}';</script>" for i in range(200))
    p = tmp_path / "scripts.htm"
    p.write_text(f"<html><head>{scripts}</head><body>{scripts}<p>{THAI}</p>{scripts}</body></html>")
    assert read_source(p).text.strip() == THAI


def test_html_tis620_declared(tmp_path: Path) -> None:
    p = tmp_path / "legacy.html"
    p.write_bytes(f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874">'
                  f"</head><body><p>{THAI}</p></body></html>".encode("cp874"))
    src = read_source(p)
    assert THAI in src.text and src.encoding == "cp874"


def test_html_xml_declaration(tmp_path: Path) -> None:
    p = tmp_path / "x.html"
    p.write_text(f'<?xml version="1.0" encoding="utf-8"?><html><body><p>{THAI}</p></body></html>')
    assert THAI in read_source(p).text


# --- pdf ---------------------------------------------------------------------------------

def test_pdf_text_layer_pages_separated_by_form_feed(tmp_path: Path) -> None:
    p = tmp_path / "mou.pdf"
    p.write_bytes(minimal_pdf(["Memorandum of Understanding", "Signed in Bangkok"]))
    src = read_source(p)
    assert src.format == "pdf" and src.encoding is None
    pages = src.text.split("\f")
    assert len(pages) == 2
    assert "Memorandum of Understanding" in pages[0] and "Signed in Bangkok" in pages[1]
    assert not src.warnings


def test_pdf_page_without_text_warns(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(minimal_pdf(["Page one text"]))))
    writer.add_blank_page(width=200, height=200)
    p = tmp_path / "mixed.pdf"
    with p.open("wb") as fh:
        writer.write(fh)
    src = read_source(p)
    assert "Page one text" in src.text
    assert src.warnings == ["page 2 has no text layer (scanned image?)"]


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    p = tmp_path / "scan.pdf"
    p.write_bytes(blank_pdf(2))
    with pytest.raises(ReadError, match=r"no text layer \(scanned PDF\? run OCR first\)"):
        read_source(p)


@pytest.mark.parametrize("data", [b"%PDF-1.4\nthis is not a pdf at all", b"not even a header", b"%PDF-"])
def test_corrupt_pdf(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "bad.pdf"
    p.write_bytes(data)
    with pytest.raises(ReadError, match="not a readable PDF|no text layer") as info:
        read_source(p)
    assert "\n" not in str(info.value)


def test_truncated_pdf(tmp_path: Path) -> None:
    p = tmp_path / "cut.pdf"
    p.write_bytes(minimal_pdf(["Hello"])[:120])
    with pytest.raises(ReadError, match="not a readable PDF|no text layer"):
        read_source(p)


def test_encrypted_pdf(tmp_path: Path) -> None:
    p = tmp_path / "locked.pdf"
    p.write_bytes(encrypted_pdf("secret"))
    with pytest.raises(ReadError, match="encrypted PDF"):
        read_source(p)


def test_encrypted_pdf_with_empty_user_password_is_read(tmp_path: Path) -> None:
    p = tmp_path / "restricted.pdf"
    p.write_bytes(encrypted_pdf(""))
    src = read_source(p)
    assert "Secret MOU text" in src.text
    assert any("encrypted" in w for w in src.warnings)


# --- docx --------------------------------------------------------------------------------

def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    src = read_source(make_docx(tmp_path / "mou.docx"))
    assert src.format == "docx"
    lines = src.text.split("\n")
    assert lines[0] == "บันทึกข้อตกลงว่าด้วยความร่วมมือ" and lines[1] == THAI
    assert "ที่\tหน่วยงาน 2 หน่วยงาน\t" in lines  # merged cell once, then an empty cell
    assert "1\tกระบี่\t3" in lines and "2\tตรัง\t-" in lines
    assert lines.index("ลงชื่อ") > lines.index("2\tตรัง\t-")  # document order kept


def test_junk_docx(tmp_path: Path) -> None:
    p = tmp_path / "junk.docx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("hello.txt", "not a word document")
    with pytest.raises(ReadError, match="not a valid .docx"):
        read_source(p)


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    p = tmp_path / "fake.docx"
    p.write_text("plain text pretending")
    with pytest.raises(ReadError, match="not a valid .docx"):
        read_source(p)


# --- discover ----------------------------------------------------------------------------

def test_discover(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ("b/2.txt", "a.html", "c.PDF", "b/x.docx", ".hidden/h.txt", "b/.h.txt", "skip.xlsx", "n.htm"):
        (tmp_path / rel).write_bytes(b"x")
    files, errors = discover([tmp_path, tmp_path / "missing.txt"])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.html", "b/2.txt", "b/x.docx", "c.PDF", "n.htm"]
    assert errors == [f"{tmp_path / 'missing.txt'}: no such file or directory"]


def test_discover_explicit_files_and_dedup(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("x")
    other = tmp_path / "notes.md"
    other.write_text("x")
    files, errors = discover([a, str(a), tmp_path, other])
    assert files == [a]
    assert len(errors) == 1 and "unsupported" in errors[0] and "notes.md" in errors[0]
    assert ".txt" in SUPPORTED_SUFFIXES


def test_corpus_all_readable() -> None:
    files, errors = discover([CORPUS])
    assert not errors and len(files) == 5
    for f in files:
        src = read_source(f)
        assert src.text and src.encoding == "utf-8"


def test_html_wrapper_with_menu_like_class_keeps_the_article(tmp_path: Path) -> None:
    p = tmp_path / "wrapped.html"
    p.write_text(f'<html><body><div class="page with-sidebar"><div class="sidebar">เมนูข้าง</div>'
                 f"<h1>หัวข่าว</h1><p>{THAI}</p></div></body></html>")
    text = read_source(p).text
    assert "หัวข่าว" in text and THAI in text and "เมนูข้าง" not in text


def test_utf8_with_one_damaged_byte_is_kept_with_a_warning(tmp_path: Path) -> None:
    p = tmp_path / "damaged.txt"
    p.write_bytes((THAI * 20).encode() + b"\xff" + (THAI * 20).encode())
    src = read_source(p)
    assert src.encoding == "utf-8" and src.text.count("\ufffd") == 1
    assert src.warnings == ["1 invalid UTF-8 byte sequence(s) replaced with U+FFFD"]


def test_html_layout_table_keeps_paragraphs(tmp_path: Path) -> None:
    body = "".join(f"<p>{THAI} ย่อหน้า {i}</p>" for i in range(4))
    p = tmp_path / "layout.html"
    p.write_text(f"<html><body><table><tr><td class='left-menu'>เมนู</td><td>{body}"
                 f"<table><tr><th>ที่</th><th>จังหวัด</th></tr><tr><td>1</td><td><p>กระบี่</p><p>ตรัง</p></td></tr></table>"
                 f"</td></tr></table></body></html>")
    text = read_source(p).text
    assert f"{THAI} ย่อหน้า 0\n\n{THAI} ย่อหน้า 1" in text  # paragraphs stay paragraphs
    assert "ที่\tจังหวัด\n1\tกระบี่ ตรัง" in text  # the data table inside is still a table


def test_docstring_examples() -> None:
    import doctest

    import phakhi.loaders.readers as module

    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


# --- PDF lines: wrapped lines and floating duplicate glyphs (no Thai font needed) ------------

def _pdf_chars(lines: list[tuple[str, float, float]], floating: dict[int, str] | None = None):
    """Characters as PDFium reports them: each line's text laid out from ``left`` to ``right``
    at its own height, '\\r\\n' between lines; ``floating`` inserts, after the character at an
    index of the line, a glyph run drawn above the line (a stacked mark's duplicate)."""
    from phakhi.loaders.readers import _PdfChar

    out = []
    y = 800.0
    for n, (text, left, right) in enumerate(lines):
        step = (right - left) / max(len(text), 1)
        for k, ch in enumerate(text):
            x = left + k * step
            out.append(_PdfChar(ch, (x, y, x + step, y + 8.4), False))
            for extra in (floating or {}).get((n, k), ""):
                out.append(_PdfChar(extra, (x, y + 13.0, x + 1.0, y + 16.4), False))
        out += [_PdfChar("\r", (0, 0, 0, 0), True), _PdfChar("\n", (0, 0, 0, 0), True)]
        y -= 25
    return out


def test_pdf_line_that_reaches_the_margin_joins_the_next_without_a_space() -> None:
    from phakhi.loaders.readers import _pdf_lines_text

    chars = _pdf_chars([
        ("องค์การบริหารส่วนตำบลหนองหล่มร่วมกับองค์การบริหารส่วนตำบลห้วย", 85, 520),
        ("แก้ว จัดอบรมจิตอาสา", 85, 230),
        ("๒. ระยะเวลา", 85, 170),
    ])
    assert _pdf_lines_text(chars) == (
        "องค์การบริหารส่วนตำบลหนองหล่มร่วมกับองค์การบริหารส่วนตำบลห้วยแก้ว จัดอบรมจิตอาสา\n๒. ระยะเวลา")


def test_pdf_short_line_or_numbered_item_is_not_joined() -> None:
    from phakhi.loaders.readers import _pdf_lines_text

    chars = _pdf_chars([("รายงานผลการดำเนินงาน", 190, 420), ("หน่วยงานผู้รายงาน", 85, 520),
                        ("๑. ความเป็นมา", 85, 170)])
    assert _pdf_lines_text(chars) == "รายงานผลการดำเนินงาน\nหน่วยงานผู้รายงาน\n๑. ความเป็นมา"


def test_pdf_table_cell_tail_joins_its_line() -> None:
    from phakhi.loaders.readers import _pdf_lines_text

    chars = _pdf_chars([("จิตอาสาภัยพิบัติองค์การบริหารส่วนตำบลหนอง", 93, 340), ("หล่ม", 93, 116),
                        ("๕๐", 380, 395)])
    assert _pdf_lines_text(chars).split("\n")[0] == "จิตอาสาภัยพิบัติองค์การบริหารส่วนตำบลหนองหล่ม"


def test_pdf_floating_duplicate_of_a_stacked_cluster_is_dropped() -> None:
    from phakhi.loaders.readers import _pdf_lines_text

    # 'ทั้งสิ้น' whose stacked marks' glyphs carry the cluster again: 'ทั้งทั้สิ้นสิ้'
    chars = _pdf_chars([("รวมทั้งสิ้น ๑๕๐ คน", 85, 300)], floating={(0, 6): "ทั้", (0, 10): "สิ้"})
    assert _pdf_lines_text(chars) == "รวมทั้งสิ้น ๑๕๐ คน"
    # a lone tone mark drawn above the line is the text's own mark: kept
    chars = _pdf_chars([("ผูใหญ่", 85, 150)], floating={(0, 1): "\u0e49"})
    assert "\u0e49" in _pdf_lines_text(chars)
