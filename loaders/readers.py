"""Read source files (txt, html, pdf, docx) into decoded text, or fail with a one-line reason.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = p.write_bytes("กรมการปกครอง".encode("tis-620"))
>>> src = read_source(p)
>>> src.text, src.encoding, src.format
('กรมการปกครอง', 'tis-620', 'txt')

The text is decoded but not normalised: :func:`phakhi.loaders.normalize.clean_text` makes the
text provenance spans point into. Nothing in a file is ever executed.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")


class ReadError(Exception):
    """A file that cannot be read; the message is a one-line reason (no path)."""


@dataclass
class SourceText:
    """Decoded text of one file and how it was obtained."""

    path: Path
    text: str
    format: str  # txt | html | pdf | docx
    encoding: str | None
    fingerprint: str  # sha256 hex of the file's bytes
    warnings: list[str] = field(default_factory=list)


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Supported files under ``paths`` (folders recursively, hidden entries skipped), sorted.

    Returns the files and one-line errors for paths that do not exist or are unsupported.
    """
    files: set[Path] = set()
    errors: list[str] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            errors.append(f"{p}: no such file or directory")
        elif p.is_dir():
            def unreadable(exc: OSError) -> None:  # a folder we cannot list is reported, not skipped
                errors.append(f"{exc.filename}: cannot read folder: {exc.strerror or exc}")

            for folder, subfolders, names in os.walk(p, onerror=unreadable):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                for name in names:
                    child = Path(folder) / name
                    if (not name.startswith(".") and child.suffix.lower() in SUPPORTED_SUFFIXES
                            and child.is_file()):
                        files.add(child)
        elif p.suffix.lower() in SUPPORTED_SUFFIXES:
            files.add(p)
        else:
            errors.append(f"{p}: unsupported file type {p.suffix or '(no suffix)'!r} "
                          f"(supported: {', '.join(SUPPORTED_SUFFIXES)})")
    return sorted(files), errors


def text_path(path: str | Path) -> str:
    """A path as text that can be stored and encoded: bytes of a file name that are not
    UTF-8 (a Latin-1 name) become ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def quoted_path(path: str | Path) -> str:
    """A path fit for a one-line message: quoted with escapes when it holds a newline, an
    ANSI escape or another non-printable character, as is otherwise."""
    text = text_path(path)
    return text if text.isprintable() else repr(text)


def read_source(path: Path, max_bytes: int = 200 * 2**20) -> SourceText:
    """Read one file; raises :class:`ReadError` with a one-line reason."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"cannot open: {exc.strerror or exc}") from None
    if path.is_dir():
        raise ReadError("is a directory")
    if size == 0:
        raise ReadError("empty file")
    if size > max_bytes:
        raise ReadError(f"file too large ({size:,} bytes > limit {max_bytes:,})")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(f"unsupported file type {suffix or '(no suffix)'!r}")
    warnings: list[str] = []
    try:
        fingerprint = _fingerprint(path)
        if suffix == ".txt":
            # streamed: a 50 MB file must not be held as bytes and as text at once
            text, encoding = _read_text_file(path, warnings)
            if not re.search(r"\S", text):
                raise ReadError("no text found (only whitespace)")
            return SourceText(path, text, "txt", encoding, fingerprint, warnings)
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    try:
        if suffix in (".html", ".htm"):
            text, encoding = _read_html(data, warnings)
            fmt = "html"
        elif suffix == ".pdf":
            text, encoding = _read_pdf(data, warnings), None
            fmt = "pdf"
        else:
            text, encoding = _read_docx(data, warnings), None
            fmt = "docx"
    except ReadError:
        raise
    except MemoryError:
        raise ReadError("too large to read in memory") from None
    except RecursionError:
        raise ReadError(f"{suffix[1:]} structure nested too deeply to read") from None
    except Exception as exc:  # noqa: BLE001 - the last guard: one odd file must never stop a batch
        raise ReadError(f"cannot read this {suffix[1:]} file ({type(exc).__name__}: {_one_line(exc)})") from None
    del data
    if not re.search(r"\S", text):
        raise ReadError("no text found")
    return SourceText(path, text, fmt, encoding, fingerprint, warnings)


# --- plain text -------------------------------------------------------------------------

_CHUNK = 1 << 20


def _fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _stream_decode(path: Path, codec: str, skip: int, errors: str = "strict") -> tuple[str, bool]:
    """Decode a file chunk by chunk; returns (text, last character truncated)."""
    decoder = codecs.getincrementaldecoder(codec)(errors)
    pieces: list[str] = []
    with path.open("rb") as fh:
        fh.seek(skip)
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            if b"\x00" in chunk:
                raise ReadError("contains NUL bytes (binary data, not text)")
            pieces.append(decoder.decode(chunk))
        try:
            pieces.append(decoder.decode(b"", final=True))
        except UnicodeDecodeError as exc:
            if codec != "utf-8" or exc.reason != "unexpected end of data":
                raise
            pieces.append("\ufffd")
            return "".join(pieces), True
    return "".join(pieces), False


def _read_text_file(path: Path, warnings: list[str]) -> tuple[str, str]:
    with path.open("rb") as fh:
        head = fh.read(4)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return decode_text(path.read_bytes(), warnings)  # UTF-16: rare, small
    encoding, skip = ("utf-8-sig", 3) if head.startswith(b"\xef\xbb\xbf") else ("utf-8", 0)
    try:
        text, truncated = _stream_decode(path, "utf-8", skip)
    except UnicodeDecodeError:
        for legacy in ("tis-620", "cp874"):
            try:
                candidate, _ = _stream_decode(path, legacy, 0)
            except UnicodeDecodeError:
                continue
            if _sample_check(candidate):
                return candidate, legacy
            del candidate
        # UTF-8 with a few damaged bytes (a crawl cut mid-character somewhere): keep it
        text, _ = _stream_decode(path, "utf-8", skip, errors="replace")
        if _few_replacements(text, warnings):
            return text, encoding
        raise ReadError("not UTF-8 or TIS-620 text (binary data?)") from None
    if truncated:
        warnings.append("truncated UTF-8: last character incomplete (replaced with U+FFFD)")
    if not _sample_check(text) and _control_ratio(text) > 0.05:
        raise ReadError("not text: too many control characters (binary data?)")
    return text, encoding

def _looks_like_text(text: str) -> bool:
    """Mostly Thai, ASCII printable or whitespace (a wrong decoding yields odd symbols)."""
    if not text:
        return False
    good = sum(1 for c in text if c in "\t\n\r\f" or " " <= c <= "~" or "\u0e01" <= c <= "\u0e5b"
               or "\u2000" <= c <= "\u206f" or ("\u00a0" <= c <= "\u024f" and c.isprintable()))
    return good / len(text) >= 0.95


def _sample_check(text: str) -> bool:
    # checking a few slices keeps a 50 MB file cheap
    if len(text) <= 300_000:
        return _looks_like_text(text)
    step = len(text) // 10
    return all(_looks_like_text(text[i:i + 20_000]) for i in range(0, len(text), step))


def decode_text(data: bytes, warnings: list[str] | None = None) -> tuple[str, str]:
    """Decode text bytes: UTF-8 (BOM or not), UTF-16 with BOM, else TIS-620/cp874.

    Raises :class:`ReadError` for binary data. A UTF-8 file cut in the middle of its last
    character decodes with a replacement character and a warning.
    """
    warnings = warnings if warnings is not None else []
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, body = "utf-8-sig", data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise ReadError("not valid UTF-16 text despite its byte-order mark") from None
    else:
        encoding, body = "utf-8", data
    if b"\x00" in body:
        raise ReadError("contains NUL bytes (binary data, not text)")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(body) and len(body) - exc.start < 4:
            text = body.decode("utf-8", errors="replace")
            warnings.append("truncated UTF-8: last character incomplete (replaced with U+FFFD)")
        else:
            # damaged UTF-8 first: legacy Thai read as UTF-8 is mostly replacement characters,
            # while damaged UTF-8 may happen to decode (as nonsense) in TIS-620
            text = body.decode("utf-8", errors="replace")
            if not _few_replacements(text, warnings):
                for legacy in ("tis-620", "cp874"):
                    try:
                        candidate = body.decode(legacy)
                    except UnicodeDecodeError:
                        continue
                    if _sample_check(candidate):
                        return candidate, legacy
                raise ReadError("not UTF-8 or TIS-620 text (binary data?)") from None
    if not _sample_check(text) and _control_ratio(text) > 0.05:
        raise ReadError("not text: too many control characters (binary data?)")
    return text, encoding


def _few_replacements(text: str, warnings: list[str]) -> bool:
    """UTF-8 with a few damaged bytes (a crawl cut mid-character, a flipped byte) is kept,
    with a warning; text in another encoding read as UTF-8 is mostly replacement characters."""
    bad = text.count("\ufffd")
    if bad <= max(8, len(text) // 100) and _sample_check(text):
        warnings.append(f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD")
        return True
    return False


def _control_ratio(text: str) -> float:
    sample = text[:200_000]
    bad = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f") or "\x7f" <= c < "\xa0")
    return bad / max(1, len(sample))


# --- html -------------------------------------------------------------------------------

_DROP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template",
              "svg", "iframe", "object", "embed", "button", "select", "input", "textarea", "head",
              "canvas", "audio", "video", "map", "dialog"}
_JUNK_CLASS = re.compile(r"(?:^|[\s_-])(?:menu|menus|nav|navbar|navigation|sidebar|side-bar|breadcrumbs?|share|sharing"
                         r"|social|footer|cookie|cookies|banner-ad|advert)(?:$|[\s_-])", re.I)
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
               "li", "dl", "dt", "dd", "blockquote", "pre", "table", "figure", "figcaption", "address",
               "hr", "center", "body", "html", "caption", "tbody", "thead", "tfoot"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _decode_html(data: bytes, warnings: list[str]) -> tuple[str, str]:
    m = _META_CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii", "replace").lower() if m else None
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        alias = {"windows-874": "cp874", "x-windows-874": "cp874", "tis620": "tis-620", "iso-8859-11": "cp874"}
        declared = alias.get(declared, declared)
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            if declared not in ("utf-8", "utf8"):  # damaged UTF-8 is kept by decode_text, with its own warning
                warnings.append(f"declared charset {declared!r} does not fit the bytes; guessed instead")
    return decode_text(data, warnings)


class _PageStats:
    """What the junk and layout tests ask about every element, measured in one pass from the
    leaves up: asking the tree again for each element (its text length, the page's) made a
    page of 8,000 menu items take minutes."""

    def __init__(self, root) -> None:  # noqa: ANN001 - lxml element
        self.text_len: dict[object, int] = {}  # visible characters (not in script/style)
        self.has_heading: set[object] = set()  # an h1 or article below
        self.has_table: set[object] = set()  # a table below
        self.layout_below: dict[object, int] = {}  # p/div/table/list/heading/br elements below
        for el in reversed(list(root.iter())):
            tag = el.tag.lower() if isinstance(el.tag, str) else ""
            n = 0 if tag in ("", "script", "style", "noscript") else len((el.text or "").strip())
            layout = 0
            for child in el:
                ctag = child.tag.lower() if isinstance(child.tag, str) else ""
                n += self.text_len.get(child, 0) + len((child.tail or "").strip())
                layout += self.layout_below.get(child, 0) + (ctag in _LAYOUT_TAGS)
                if ctag in ("h1", "article") or child in self.has_heading:
                    self.has_heading.add(el)
                if ctag == "table" or child in self.has_table:
                    self.has_table.add(el)
            self.text_len[el] = n
            if layout:
                self.layout_below[el] = layout
        self.page_len = self.text_len.get(root, 0)


def _is_junk(el, page: _PageStats) -> bool:  # noqa: ANN001 - lxml element
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() == "aside" and _holds_story(el):
        return False  # 'related news' with paragraphs of their own: stories, not furniture
    if tag.lower() in _DROP_TAGS:
        return True
    if tag.lower() in ("html", "body", "main"):
        return False
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    attrs = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("role"))))
    if not (attrs and _JUNK_CLASS.search(attrs)):
        return False
    # a wrapper named 'with-sidebar' / 'has-nav' may hold the whole page: never drop the article
    if el in page.has_heading:
        return False
    return page.page_len == 0 or page.text_len.get(el, 0) < 0.5 * page.page_len


def _holds_story(el) -> bool:  # noqa: ANN001
    """An element with a paragraph of body text (a sentence, not a link caption)."""
    return any(len("".join(p.itertext()).strip()) >= 120 for p in el.iter("p"))


def _inline_text(el, page: _PageStats) -> str:  # noqa: ANN001
    parts: list[str] = []

    def walk(node) -> None:  # noqa: ANN001
        if not isinstance(node.tag, str) or _is_junk(node, page):
            if node.tail:
                parts.append(node.tail)
            return
        spaced = node.tag.lower() in _BLOCK_TAGS or node.tag.lower() in ("br", "td", "th", "tr")
        if spaced:
            parts.append(" ")  # '<p>a</p><p>b</p>' in a cell reads 'a b', not 'ab'
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if spaced:
            parts.append(" ")
        if node.tail:
            parts.append(node.tail)

    if el.text:
        parts.append(el.text)
    for child in el:
        walk(child)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


_LAYOUT_TAGS = {"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "br"}


def _is_layout_row(tr, page: _PageStats) -> bool:  # noqa: ANN001
    """A row of a layout table (old sites put the whole page in one): long or structured cells."""
    for cell in tr:
        if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
            continue
        length = page.text_len.get(cell, 0)
        if cell in page.has_table or length > 300:
            return True
        if page.layout_below.get(cell, 0) >= 3 and length > 100:
            return True
    return False


def _html_blocks(root, page: _PageStats) -> str:  # noqa: ANN001
    out: list[str] = []

    def ws(s: str | None) -> str:
        # source line breaks are plain spaces in HTML; only the structure makes lines
        return re.sub(r"[ \t\r\n\f\v]+", " ", s) if s else ""

    def walk(node) -> None:  # noqa: ANN001
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if not tag or _is_junk(node, page):
            out.append(ws(node.tail))
            return
        if tag == "tr" and not _is_layout_row(node, page):
            cells = [_inline_text(c, page) for c in node if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
            out.append("\n" + "\t".join(cells))  # the next row or the table's end closes the line
        elif tag in ("tr", "td", "th"):  # a layout table: its cells are page regions
            out.append("\n\n")
            out.append(ws(node.text))
            for child in node:
                walk(child)
            out.append("\n\n")
        elif tag == "pre":
            out.append("\n\n\x00PRE" + node.text_content() + "\x00\n\n")
        else:
            block = tag in _BLOCK_TAGS
            if tag == "br":
                out.append("\n")
            if block:
                out.append("\n\n")
            out.append(ws(node.text))
            for child in node:
                walk(child)
            if block:
                out.append("\n\n")
        out.append(ws(node.tail))

    walk(root)
    raw = "".join(out)
    pieces = re.split(r"\x00PRE(.*?)\x00", raw, flags=re.S)
    text_parts: list[str] = []
    for i, piece in enumerate(pieces):
        if i % 2:
            text_parts.append(piece)
            continue
        lines = []
        for line in piece.split("\n"):
            if "\t" in line:
                lines.append("\t".join(re.sub(r"[ \u00a0\r\f\v]+", " ", c).strip() for c in line.split("\t")))
            else:
                lines.append(re.sub(r"[ \t\u00a0\r\f\v]+", " ", line).strip())
        text_parts.append("\n".join(lines))
    text = "".join(text_parts)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"


# libxml2 stops at 2,048 levels even with huge_tree (and at 256 without it), dropping the
# rest of the page; the walkers above recurse once per level. Deeper pages are read flat.
MAX_HTML_DEPTH = 500


def _read_html(data: bytes, warnings: list[str]) -> tuple[str, str]:
    import lxml.html
    from lxml import etree

    text, encoding = _decode_html(data, warnings)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser) if text.strip() else None
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"not readable HTML: {_one_line(exc)}") from None
    if root is None:
        raise ReadError("empty HTML document")
    depth = _max_depth(root)
    if depth > MAX_HTML_DEPTH:
        warnings.append(f"HTML nested {depth:,} elements deep: read as flat text (layout and tables not kept)")
        return _flat_html_text(text), encoding
    body = root.find("body")
    return _html_blocks(body if body is not None else root, _PageStats(root)), encoding


def _max_depth(root) -> int:  # noqa: ANN001 - lxml element
    depth: dict[object, int] = {}
    deepest = 0
    for el in root.iter():
        d = depth[el] = depth.get(el.getparent(), -1) + 1
        deepest = max(deepest, d)
    return deepest


_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
              "source", "track", "wbr"}


def _flat_html_text(markup: str) -> str:
    """The visible text of a page too deep for the tree walk: a streaming parser (no depth
    limit) that drops script/style/navigation content and breaks lines at block elements."""
    from html.parser import HTMLParser

    out: list[str] = []
    skipping = [0]

    class _Flat(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag in _DROP_TAGS and tag not in _VOID_TAGS:
                skipping[0] += 1
            elif tag in _BLOCK_TAGS or tag in ("br", "tr"):
                out.append("\n")
            elif tag in ("td", "th"):
                out.append("\t")

        def handle_endtag(self, tag: str) -> None:
            if tag in _DROP_TAGS and tag not in _VOID_TAGS:
                skipping[0] = max(0, skipping[0] - 1)
            elif tag in _BLOCK_TAGS:
                out.append("\n")

        def handle_data(self, data: str) -> None:
            if not skipping[0]:
                out.append(data)

    flat = _Flat(convert_charrefs=True)
    flat.feed(markup)
    flat.close()
    lines = (re.sub(r"[ \t\u00a0\r\f\v]+", " ", line).strip() for line in "".join(out).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


# --- pdf --------------------------------------------------------------------------------

_SARA_AM = "\u0e33"


def _read_pdf(data: bytes, warnings: list[str]) -> str:
    """Text of every page, pages separated by form feeds, read with PDFium (pypdfium2).

    PDFium keeps Thai tone marks, THANTHAKHAT and SARA AM where pypdf loses them on PDFs
    printed by Chromium; the one thing it adds is a space after SARA AM that is not in
    the file (it guesses a word break from the glyph's width): those generated spaces
    are dropped.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ReadError("not a readable PDF: no %PDF header")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ReadError("encrypted PDF (password required)") from None
        raise ReadError(f"not a readable PDF: {_one_line(exc)}") from None
    try:
        if pdfium_c.FPDF_GetSecurityHandlerRevision(document.raw) != -1:
            warnings.append("encrypted PDF opened with an empty password")
        pages: list[str] = []
        for number in range(1, len(document) + 1):
            try:
                page_text = _pdf_page_text(document[number - 1], pdfium_c)
            except pdfium.PdfiumError as exc:  # one bad page must not lose the others
                warnings.append(f"page {number}: text not extractable ({_one_line(exc)})")
                page_text = ""
            if not page_text.strip():
                warnings.append(f"page {number} has no text layer (scanned image?)")
            pages.append(page_text)
    finally:
        document.close()
    if any(p.strip() for p in pages):
        return "\f".join(pages)
    raise ReadError("no text layer (scanned PDF? run OCR first)")


def _pdf_page_text(page, pdfium_c) -> str:  # noqa: ANN001 - pypdfium2 objects
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        if len(text) != textpage.count_chars():  # no one box per character: take the text as is
            return _pdf_newlines(text)
        chars = [_PdfChar(ch, textpage.get_charbox(k, loose=False),
                          pdfium_c.FPDFText_IsGenerated(textpage.raw, k) == 1)
                 for k, ch in enumerate(text)]
    finally:
        textpage.close()
        page.close()
    return _pdf_lines_text(chars)


def _pdf_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class _PdfChar:
    ch: str
    box: tuple[float, float, float, float]  # left, bottom, right, top
    generated: bool  # PDFium's guess (a space or line break), not in the file


@dataclass
class _PdfLine:
    text: str
    left: float
    right: float


# A Thai consonant drawn wholly above its line is the stacked-mark glyph of a cluster
# (consonant + upper vowel + tone) whose ToUnicode repeats the whole cluster: Chromium's
# PDFs of Thai text carry these, and the text reads 'ทั้งทั้สิ้นสิ้' for 'ทั้งสิ้น'.
_THAI_CONSONANT = re.compile("[\u0e01-\u0e2e]")
_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
# the next line opens a new item (a number, a bullet, a bracket), never a wrapped word
_ITEM_OPENER = re.compile(r"[\d\u0e50-\u0e59(\[\-•*\u2022\u25cf\u25aa]")
_FULL_LINE = 0.08  # a line ending this close (share of the text width) to the right margin is full
_WIDE_LINE = 0.6  # ... and it must span this share of the text width (not a right-aligned date)


def _pdf_lines_text(chars: list[_PdfChar]) -> str:
    """The page's text with floating duplicate glyphs dropped and wrapped lines rejoined.

    PDFs keep no paragraphs: every line ends with a break, and a Thai name cut at the
    margin ('องค์การบริหารส่วนตำบลสัก' / 'หลง') becomes two words. A line that runs to the
    right margin (or, in a table cell, one followed by a short last word under it) was
    wrapped there; Thai sets no space between words, so the lines join without one.
    """
    lines: list[list[_PdfChar]] = [[]]
    prev_cr = False
    for c in chars:  # PDFium ends a line with '\r\n'; a lone '\r' ends one too
        if c.ch == "\n" and prev_cr:
            pass
        elif c.ch in "\r\n":
            lines.append([])
        else:
            lines[-1].append(c)
        prev_cr = c.ch == "\r"
    return _join_wrapped([_pdf_line(line) for line in lines if line])


def _pdf_line(chars: list[_PdfChar]) -> _PdfLine:
    boxes = [c.box for c in chars if not c.ch.isspace()]
    if not boxes:
        return _PdfLine("", 0.0, 0.0)
    tops = sorted(b[3] for b in boxes)
    body_top = tops[len(tops) // 2]
    keep = [True] * len(chars)
    k = 0
    while k < len(chars):  # runs of glyphs wholly above the line's body
        j = k
        while j < len(chars) and not chars[j].ch.isspace() and chars[j].box[1] >= body_top - 0.5:
            j += 1
        if j > k and any(_THAI_CONSONANT.match(c.ch) for c in chars[k:j]):
            keep[k:j] = [False] * (j - k)
        k = max(j, k + 1)
    text = []
    for i, c in enumerate(chars):
        if not keep[i]:
            continue
        if c.ch == " " and c.generated and text and text[-1] == _SARA_AM:
            continue  # PDFium guesses a word break after SARA AM from the glyph's width
        text.append(c.ch)
    kept = [c.box for i, c in enumerate(chars) if keep[i] and not c.ch.isspace()] or boxes
    return _PdfLine("".join(text).strip(), min(b[0] for b in kept), max(b[2] for b in kept))


def _join_wrapped(lines: list[_PdfLine]) -> str:
    lines = [line for line in lines if line.text]
    if not lines:
        return ""
    margin_left = min(line.left for line in lines)
    margin_right = max(line.right for line in lines)
    width = max(margin_right - margin_left, 1.0)
    out = [lines[0].text]
    for prev, line in zip(lines, lines[1:]):
        out.append("" if _wraps_into(prev, line, margin_left, margin_right, width) else "\n")
        out.append(line.text)
    return "".join(out)


def _wraps_into(prev: _PdfLine, line: _PdfLine, margin_left: float, margin_right: float,
                width: float) -> bool:
    if not (_THAI_LETTER.match(prev.text[-1]) or prev.text[-1] in "/-"):
        return False
    if not _THAI_LETTER.match(line.text[0]) or _ITEM_OPENER.match(line.text):
        return False
    full = (margin_right - prev.right <= _FULL_LINE * width
            and prev.right - prev.left >= _WIDE_LINE * width)
    # a table cell: the cell's last word under a long line that starts where it does
    cell_tail = (" " not in line.text and abs(line.left - prev.left) < 3
                 and line.right - line.left < 0.35 * (prev.right - prev.left))
    return full or cell_tail


def _one_line(exc: BaseException) -> str:
    msg = " ".join(str(exc).split()) or type(exc).__name__
    return msg[:200]


# --- docx -------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A .docx is a zip: its size on disk says little about what it unpacks to (a 1 MB file can
# hold a 1 GiB run of text). The parts are checked before python-docx inflates them.
DOCX_MAX_UNPACKED = 512 * 2**20  # all members
DOCX_MAX_XML = 64 * 2**20  # the XML parts python-docx parses
# Word tables have at most 63 columns; a larger span is damage, and python-docx would build
# one tuple entry per spanned column (gridSpan 400,000,000 is 2.8 GB)
MAX_GRID_SPAN = 64
MAX_ROW_COLUMNS = 1024


def _check_docx_sizes(data: bytes) -> None:
    """Refuse a package whose members unpack past the caps: the declared sizes first, then
    the XML parts inflated and counted (a declared size can lie)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
            total = sum(m.file_size for m in members)
            if total > DOCX_MAX_UNPACKED:
                raise ReadError(f"members unpack to {total:,} bytes > limit {DOCX_MAX_UNPACKED:,} "
                                f"(decompression bomb?)")
            xml_total = 0
            for member in members:
                if not member.filename.lower().endswith((".xml", ".rels")):
                    continue
                with package.open(member) as fh:
                    for chunk in iter(lambda: fh.read(_CHUNK), b""):
                        xml_total += len(chunk)
                        if xml_total > DOCX_MAX_XML:
                            raise ReadError(f"XML parts unpack to more than {DOCX_MAX_XML:,} bytes "
                                            f"(limit; decompression bomb?)")
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - zipfile raises many kinds on damage
        raise ReadError(f"not a valid .docx: {_one_line(exc)}") from None


def _read_docx(data: bytes, warnings: list[str]) -> str:
    try:
        import docx
    except ImportError:  # pragma: no cover - declared dependency
        raise ReadError("python-docx is not installed") from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReadError("not a valid .docx (not a zip package)")
    _check_docx_sizes(data)
    try:
        root = docx.Document(io.BytesIO(data)).element
    except Exception as exc:  # noqa: BLE001 - zip/xml/package errors of many kinds
        raise ReadError(f"not a valid .docx: {_one_line(exc)}") from None
    if root.tag != _W + "document":
        raise ReadError(f"not a valid .docx: the main part is <{_local(root.tag)}>, not <w:document>")
    body = root.find(_W + "body")
    if body is None:
        raise ReadError("not a valid .docx: the document has no <w:body>")
    lines: list[str] = []
    for child in body.iterchildren():
        if child.tag == _W + "p":
            lines.append(_paragraph_text(child))
        elif child.tag == _W + "tbl":
            lines.extend(_table_lines(child, warnings))
    return "\n".join(lines)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _paragraph_text(p) -> str:  # noqa: ANN001 - lxml element
    """What python-docx's ``Paragraph.text`` gives (runs and hyperlinks' runs), read from
    the XML so that an odd attribute value cannot raise."""
    parts: list[str] = []
    for child in p.iterchildren(_W + "r", _W + "hyperlink"):
        runs = [child] if child.tag == _W + "r" else child.iterchildren(_W + "r")
        for run in runs:
            for e in run.iterchildren():
                tag = _local(e.tag)
                if tag == "t":
                    parts.append(e.text or "")
                elif tag in ("tab", "ptab"):
                    parts.append("\t")
                elif tag == "cr" or (tag == "br" and e.get(_W + "type") in (None, "textWrapping")):
                    parts.append("\n")
                elif tag == "noBreakHyphen":
                    parts.append("-")
    return "".join(parts)


def _grid_value(el, child: str, warnings: list[str], limit: int) -> int:  # noqa: ANN001
    """A w:gridSpan / w:gridBefore value: 1 (0 for gridBefore) when absent, damaged values
    read as the default or the limit, with a warning."""
    default = 0 if child == "gridBefore" else 1
    props = el.find(_W + ("trPr" if child == "gridBefore" else "tcPr"))
    node = props.find(_W + child) if props is not None else None
    if node is None:
        return default
    raw = node.get(_W + "val")
    try:
        value = int(raw or "")
    except ValueError:
        warnings.append(f"table: w:{child} {raw!r} is not a number (read as {default})")
        return default
    if value > limit:
        warnings.append(f"table: w:{child} {value:,} is larger than a table can be (read as {limit})")
        return limit
    return max(default, value)


def _table_lines(tbl, warnings: list[str]) -> list[str]:  # noqa: ANN001 - lxml element
    """One tab-separated line per row, as python-docx's ``row.cells`` lays them out: a merged
    cell once, then an empty cell per further grid column it spans; a vertically merged
    cell repeats the text of the cell it continues. Done on the XML, with spans bounded:
    a continuation with nothing above it (python-docx raises) is read as a cell."""
    lines = [""]
    above: dict[int, tuple[str, int]] = {}  # grid offset -> (text, span) in the row above
    for tr in tbl.iterchildren(_W + "tr"):
        offset = _grid_value(tr, "gridBefore", warnings, MAX_ROW_COLUMNS)
        row: dict[int, tuple[str, int]] = {}
        cells: list[str] = []
        for tc in tr.iterchildren(_W + "tc"):
            span = _grid_value(tc, "gridSpan", warnings, MAX_GRID_SPAN)
            merge = tc.find(f"{_W}tcPr/{_W}vMerge")
            if merge is not None and merge.get(_W + "val", "continue") == "continue" and offset in above:
                text, span = above[offset]
            else:
                text = " ".join("\n".join(_paragraph_text(p) for p in tc.iterchildren(_W + "p")).split())
            cells.append(text)
            pad = min(span - 1, max(0, MAX_ROW_COLUMNS - len(cells)))
            cells.extend([""] * pad)  # a merged cell is kept once
            row[offset] = (text, span)
            offset += span
        above = row
        lines.append("\t".join(cells))
    lines.append("")
    return lines
