"""Seeded fuzz of every reader (.txt, .html, .docx, .pdf) and of the extractor (issue 15).

Each input is a mutation of a small valid file: bytes flipped, inserted, cut or repeated;
for .docx the XML inside the zip is mutated (merge marks, spans, odd attribute values,
another root) and zipped again; for HTML, unclosed and deeply nested tags and stray bytes;
for the extractor, Thai text glued, split, doubled and sprinkled with marks and
zero-width characters. What must hold for every input: the reader returns text or raises
:class:`ReadError` (nothing else), extraction of what was read raises nothing, and no input
takes more than 5 s.

The normal run is bounded to about a minute; ``-m slow`` runs ten times as many inputs.
"""
from __future__ import annotations

import io
import random
import time
import traceback
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from phakhi.loaders.extract import extract_document
from phakhi.loaders.readers import ReadError, SourceText, read_source

from .test_readers_faults import SHARED_DEV, cell, docx_bytes, para, table

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
MAX_SECONDS = 5.0
SEED = 15

THAI = ("วันนี้ (5 มกราคม 2566) นายสมศักดิ์ สุขใจ อธิบดีกรมอนามัย ลงนามบันทึกข้อตกลงความร่วมมือกับ"
        "กรมการปกครอง กระทรวงมหาดไทย ณ ศาลากลางจังหวัดน่าน มีระยะเวลา 3 ปี\n")


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF with text in Helvetica, written by hand (offsets and all)."""
    content = "BT /F1 12 Tf 72 720 Td " + " ".join(f"({line}) Tj 0 -14 Td" for line in lines) + " ET"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
               "/Contents 5 0 R >>", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               f"<< /Length {len(content)} >>\nstream\n{content}\nendstream"]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def _html() -> str:
    return ('<html><head><meta charset="utf-8"><title>ข่าว</title><script>var a = 1;</script></head><body>'
            '<nav class="menu"><a href="/">หน้าแรก</a></nav><div class="content"><h2>ข่าว</h2>'
            f"<p>{THAI}</p><table><tr><td>จังหวัด</td><td>กรมการปกครอง</td></tr>"
            '<tr><td>น่าน</td><td>3</td></tr></table></div><footer class="footer">©</footer></body></html>')


def _docx_body() -> str:
    return (para("บันทึกข้อตกลงความร่วมมือ") + para(THAI.strip())
            + table(cell("ที่") + cell("จังหวัด", '<w:gridSpan w:val="2"/>'),
                    cell("1", '<w:vMerge w:val="restart"/>') + cell("น่าน") + cell("3"),
                    cell("", "<w:vMerge/>") + cell("แพร่") + cell("4")))


# --- mutators -------------------------------------------------------------------------------

def mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        if not out:
            break
        at = rng.randrange(len(out))
        kind = rng.randrange(6)
        if kind == 0:
            out[at] = rng.randrange(256)
        elif kind == 1:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif kind == 2:
            del out[at:at + rng.randint(1, 64)]
        elif kind == 3:
            piece = out[at:at + rng.randint(1, 200)]
            out[at:at] = piece * rng.randint(1, 30)
        elif kind == 4:
            del out[at:]
        else:
            out[at:at] = rng.choice([b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\r", b"\xe0\xb8", b"\x1b[2J"])
    return bytes(out)


_HTML_SNIPPETS = ["<font>", "<div>", '<div class="nav-item">', '<span class="menu">', "<table>", "<tr>",
                  "<td>", "</td>", "<pre>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "<?xml ?>",
                  "<br>", '<p style="display:none">', "<h1>", "<article>", "&nbsp;", "&#0;", "&#x110000;",
                  '<meta charset="tis-620">', '<meta charset="bogus">', "<svg><foreignObject>"]


def mutate_html(rng: random.Random, page: str) -> bytes:
    kind = rng.randrange(4)
    if kind == 0:  # snippets at random places
        for _ in range(rng.randint(1, 20)):
            at = rng.randrange(len(page) + 1)
            page = page[:at] + rng.choice(_HTML_SNIPPETS) + page[at:]
    elif kind == 1:  # deep nesting
        at = page.find("<p>")
        page = page[:at] + rng.choice(["<font>", "<div>", "<b>", "<td>"]) * rng.randint(200, 4000) + page[at:]
    elif kind == 2:  # many junk-classed siblings
        at = page.find("<p>")
        page = page[:at] + '<span class="nav-item">x</span>' * rng.randint(100, 3000) + page[at:]
    data = page.encode("utf-8")
    return mutate_bytes(rng, data) if kind == 3 or rng.random() < 0.3 else data


_DOCX_SNIPPETS = ["<w:vMerge/>", '<w:vMerge w:val="restart"/>', '<w:gridSpan w:val="{n}"/>', "<w:tc/>",
                  "<w:tr/>", "<w:tbl/>", "<w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc>", "<w:p/>", "<w:r/>",
                  '<w:br w:type="{n}"/>', "<w:tab/>", "<w:t/>", "<w:hyperlink><w:r><w:t>x</w:t></w:r></w:hyperlink>",
                  '<w:trPr><w:gridBefore w:val="{n}"/></w:trPr>', "<w:unknown/>", "<w:sdt><w:p/></w:sdt>"]
_NUMBERS = ["", "x", "-1", "0", "1", "2", "63", "64", "65", "20000", "400000000", "99999999999999999999", "1e9",
            "２", " 3", "nan"]


def mutate_docx(rng: random.Random, body: str) -> bytes:
    kind = rng.randrange(5)
    root = "w:document"
    if kind == 4:
        return mutate_bytes(rng, docx_bytes(body))
    for _ in range(rng.randint(1, 12)):
        at = rng.randrange(len(body) + 1)
        # insert at a tag boundary so the XML mostly stays well-formed
        at = body.find("<", at) if body.find("<", at) >= 0 else len(body)
        if kind in (0, 1):
            body = body[:at] + rng.choice(_DOCX_SNIPPETS).replace("{n}", rng.choice(_NUMBERS)) + body[at:]
        elif kind == 2:
            body = body.replace('w:val="2"', f'w:val="{rng.choice(_NUMBERS)}"', 1)
        else:
            end = body.find(">", at)
            body = body[:at] + body[end + 1:] if end > 0 else body
    if rng.random() < 0.1:
        root = rng.choice(["w:settings", "w:body", "w:p"])
    return docx_bytes(body, root=root)


def mutate_text(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(text) + 1)
        kind = rng.randrange(7)
        if kind == 0:
            text = text.replace(" ", "", rng.randint(1, 400))  # glue words
        elif kind == 1:
            text = text[:at] + rng.choice(["\u200b", "\u0e4c\u0e4c", "\u0e49", "\ufffd", "\x00", "\u202e", "\t",
                                           "\n" * 5, "\u0e33", "\u0e4d\u0e32"]) * rng.randint(1, 50) + text[at:]
        elif kind == 2:
            text = text[:at] + text[at:at + 2000] * rng.randint(2, 20) + text[at:]
        elif kind == 3:
            text = text[:at]
        elif kind == 4:
            text = text[:at] + "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randint(1, 300))) + text[at:]
        elif kind == 5:
            text = text[:at] + "ลงนามบันทึกข้อตกลง" * rng.randint(1, 200) + text[at:]
        else:
            text = text[:at] + "1\t2\t3\n" * rng.randint(1, 300) + text[at:]
    return text


# --- the run --------------------------------------------------------------------------------

@dataclass
class FuzzResult:
    inputs: int = 0
    refused: int = 0
    crashes: list[str] = field(default_factory=list)
    slow: list[str] = field(default_factory=list)


def _timed(result: FuzzResult, label: str, action: Callable[[], object]) -> object:
    t0 = time.perf_counter()
    try:
        return action()
    finally:
        took = time.perf_counter() - t0
        if took > MAX_SECONDS:
            result.slow.append(f"{label}: {took:.1f}s")


def _fuzz_file(result: FuzzResult, path: Path, data: bytes, label: str, extract: bool) -> None:
    path.write_bytes(data)
    result.inputs += 1
    try:
        source = _timed(result, label, lambda: read_source(path))
    except ReadError as exc:
        result.refused += 1
        assert "\n" not in str(exc), (label, str(exc))
        return
    except Exception:  # noqa: BLE001 - what the fuzz looks for
        result.crashes.append(f"{label}: read: {traceback.format_exc(limit=-3)}")
        return
    if extract:
        _fuzz_extract(result, source, label)  # type: ignore[arg-type]


def _fuzz_extract(result: FuzzResult, source: SourceText, label: str) -> None:
    try:
        _timed(result, label + " (extract)", lambda: extract_document(source, "doc:fuzz"))
    except Exception:  # noqa: BLE001
        result.crashes.append(f"{label}: extract: {traceback.format_exc(limit=-3)}")


def run_fuzz(tmp_path: Path, per_format: int, texts: int, seed: int = SEED) -> FuzzResult:
    rng = random.Random(seed)
    result = FuzzResult()
    bases: dict[str, Callable[[random.Random], bytes]] = {
        ".txt": lambda r: mutate_bytes(r, THAI.encode(r.choice(["utf-8", "tis-620", "utf-16"]))),
        ".html": lambda r: mutate_html(r, _html()),
        ".docx": lambda r: mutate_docx(r, _docx_body()),
        ".pdf": lambda r: mutate_bytes(r, _pdf(["MOU between the Department of Provincial Administration",
                                                "and the Department of Health, 5 January 2023"])),
    }
    if (SHARED_DEV / "devC06.pdf").exists():  # a real Thai PDF printed by Chromium, read in place
        real_pdf = (SHARED_DEV / "devC06.pdf").read_bytes()
        bases[".pdf "] = lambda r: mutate_bytes(r, real_pdf)
    for suffix, make in bases.items():
        for i in range(per_format):
            data = make(rng)
            _fuzz_file(result, tmp_path / f"in{suffix.strip()}", data, f"{suffix.strip()} #{i}",
                       extract=rng.random() < 0.2)
    corpus = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    small = [t for t in corpus if len(t) < 6_000] or corpus
    for i in range(texts):
        text = mutate_text(rng, rng.choice(small))
        result.inputs += 1
        _fuzz_extract(result, SourceText(Path("fuzz.txt"), text, "txt", "utf-8", "0"), f"text #{i}")
    return result


def _check(result: FuzzResult) -> None:
    assert not result.crashes, f"{len(result.crashes)} uncaught exception(s):\n" + "\n".join(result.crashes[:5])
    assert not result.slow, f"inputs over {MAX_SECONDS}s: {result.slow}"
    assert result.refused < result.inputs  # the fuzz reaches past the first check


def test_fuzz_readers_and_extractor(tmp_path: Path) -> None:
    _check(run_fuzz(tmp_path, per_format=100, texts=60))


@pytest.mark.slow
def test_fuzz_readers_and_extractor_long(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("the long fuzz run (about 10 minutes): select it with -m slow")
    for seed in range(SEED, SEED + 10):
        _check(run_fuzz(tmp_path, per_format=100, texts=60, seed=seed))
