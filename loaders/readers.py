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
import logging
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
            for child in p.rglob("*"):
                rel = child.relative_to(p).parts
                if any(part.startswith(".") for part in rel):
                    continue
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    files.add(child)
        elif p.suffix.lower() in SUPPORTED_SUFFIXES:
            files.add(p)
        else:
            errors.append(f"{p}: unsupported file type {p.suffix or '(no suffix)'!r} "
                          f"(supported: {', '.join(SUPPORTED_SUFFIXES)})")
    return sorted(files), errors


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
    if suffix in (".html", ".htm"):
        text, encoding = _read_html(data, warnings)
        fmt = "html"
    elif suffix == ".pdf":
        text, encoding = _read_pdf(data, warnings), None
        fmt = "pdf"
    else:
        text, encoding = _read_docx(data), None
        fmt = "docx"
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
        bad = text.count("\ufffd")
        if bad <= max(3, len(text) // 10_000) and _sample_check(text):
            warnings.append(f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD")
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
            text = ""
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
            warnings.append(f"declared charset {declared!r} does not fit the bytes; guessed instead")
    return decode_text(data, warnings)


def _is_junk(el) -> bool:  # noqa: ANN001 - lxml element
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
    if el.find(".//h1") is not None or el.find(".//article") is not None:
        return False
    root = el.getroottree().getroot()
    page_len = _text_len(root)
    return page_len == 0 or _text_len(el) < 0.5 * page_len


def _holds_story(el) -> bool:  # noqa: ANN001
    """An element with a paragraph of body text (a sentence, not a link caption)."""
    return any(len("".join(p.itertext()).strip()) >= 120 for p in el.iter("p"))


def _text_len(el) -> int:  # noqa: ANN001
    """Visible characters under ``el`` (scripts and styles do not count)."""
    texts = el.xpath(".//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]")
    return sum(len(t.strip()) for t in texts)


def _inline_text(el) -> str:  # noqa: ANN001
    parts: list[str] = []

    def walk(node) -> None:  # noqa: ANN001
        if not isinstance(node.tag, str) or _is_junk(node):
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


_LAYOUT_CHILDREN = ".//p | .//div | .//table | .//ul | .//ol | .//h1 | .//h2 | .//h3 | .//h4 | .//br"


def _is_layout_row(tr) -> bool:  # noqa: ANN001
    """A row of a layout table (old sites put the whole page in one): long or structured cells."""
    for cell in tr:
        if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
            continue
        if cell.find(".//table") is not None or _text_len(cell) > 300:
            return True
        if len(cell.xpath(_LAYOUT_CHILDREN)) >= 3 and _text_len(cell) > 100:
            return True
    return False


def _html_blocks(root) -> str:  # noqa: ANN001
    out: list[str] = []

    def ws(s: str | None) -> str:
        # source line breaks are plain spaces in HTML; only the structure makes lines
        return re.sub(r"[ \t\r\n\f\v]+", " ", s) if s else ""

    def walk(node) -> None:  # noqa: ANN001
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if not tag or _is_junk(node):
            out.append(ws(node.tail))
            return
        if tag == "tr" and not _is_layout_row(node):
            cells = [_inline_text(c) for c in node if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
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


def _read_html(data: bytes, warnings: list[str]) -> tuple[str, str]:
    import lxml.html
    from lxml import etree

    text, encoding = _decode_html(data, warnings)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    try:
        root = lxml.html.document_fromstring(text) if text.strip() else None
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"not readable HTML: {exc}") from None
    if root is None:
        raise ReadError("empty HTML document")
    for comment in root.xpath("//comment() | //processing-instruction()"):
        parent = comment.getparent()
        if parent is not None:
            tail = comment.tail
            prev = comment.getprevious()
            if tail:
                if prev is not None:
                    prev.tail = (prev.tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail
            parent.remove(comment)
    body = root.find("body")
    return _html_blocks(body if body is not None else root), encoding


# --- pdf --------------------------------------------------------------------------------

def _read_pdf(data: bytes, warnings: list[str]) -> str:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf logs every odd object
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ReadError("not a readable PDF: no %PDF header")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (NotImplementedError, DependencyError) as exc:
                raise ReadError(f"encrypted PDF (cannot decrypt: {exc})") from None
            if not ok:
                raise ReadError("encrypted PDF (password required)")
            warnings.append("encrypted PDF opened with an empty password")
        pages: list[str] = []
        for number, page in enumerate(reader.pages, start=1):
            try:
                page_text = page.extract_text() or ""
            except Exception as exc:  # noqa: BLE001 - one bad page must not lose the others
                warnings.append(f"page {number}: text not extractable ({type(exc).__name__})")
                page_text = ""
            if not page_text.strip():
                warnings.append(f"page {number} has no text layer (scanned image?)")
            pages.append(page_text)
    except ReadError:
        raise
    except FileNotDecryptedError:
        raise ReadError("encrypted PDF (password required)") from None
    except (PdfReadError, Exception) as exc:  # noqa: BLE001 - pypdf raises many types on junk
        raise ReadError(f"not a readable PDF: {_one_line(exc)}") from None
    if any(p.strip() for p in pages):
        return "\f".join(pages)
    fallback = _pdfminer_text(data)
    if fallback.strip():
        warnings[:] = [w for w in warnings if "no text layer" not in w]
        warnings.append("text read with pdfminer (pypdf found none)")
        return fallback
    raise ReadError("no text layer (scanned PDF? run OCR first)")


def _pdfminer_text(data: bytes) -> str:
    try:
        from pdfminer.high_level import extract_text
        logging.getLogger("pdfminer").setLevel(logging.ERROR)
        return extract_text(io.BytesIO(data)) or ""
    except Exception:  # noqa: BLE001 - a fallback only
        return ""


def _one_line(exc: BaseException) -> str:
    msg = " ".join(str(exc).split()) or type(exc).__name__
    return msg[:200]


# --- docx -------------------------------------------------------------------------------

def _read_docx(data: bytes) -> str:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - declared dependency
        raise ReadError("python-docx is not installed") from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReadError("not a valid .docx (not a zip package)")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - zip/xml/package errors of many kinds
        raise ReadError(f"not a valid .docx: {_one_line(exc)}") from None
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            table = Table(child, document)
            lines.append("")
            for row in table.rows:
                seen: list[object] = []
                cells: list[str] = []
                for cell in row.cells:
                    # python-docx repeats a merged cell once per grid column; keep it once
                    repeated = any(cell._tc is tc for tc in seen)
                    cells.append("" if repeated else " ".join(cell.text.split()))
                    seen.append(cell._tc)
                lines.append("\t".join(cells))
            lines.append("")
    return "\n".join(lines)
