"""clean_text / analysis_text / helpers: examples plus properties on arbitrary text."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from phakhi.loaders.normalize import (
    ZERO_WIDTH,
    analysis_text,
    clean_text,
    join_broken_name,
    parse_int,
    rejoin_wrapped,
    sentences,
    to_arabic_digits,
)

# Thai block, Latin, spaces of all kinds, zero-width chars, combining marks: the mix real crawls have.
_TEXTS = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F),
        st.sampled_from(list("ab Z09 \t\n\r\f.,()-–") + list(ZERO_WIDTH) + ["\u00a0", "\u2009", "\u0301", "\u25cc"]),
        st.characters(),
    ),
    max_size=80,
)


def test_clean_text_removes_zero_width_and_crlf() -> None:
    raw = "กรม\u200bการ\u00adปกครอง\r\nบรรทัด\rสอง\f"
    assert clean_text(raw) == "กรมการปกครอง\nบรรทัด\nสอง\f"


def test_clean_text_is_nfc_and_never_splits_sara_am() -> None:
    assert clean_text("น้ำ") == "น้ำ"
    assert "\u0e33" in clean_text("กำหนด")
    assert clean_text("e\u0301") == "\u00e9"  # NFC composes


def test_clean_text_joins_nikhahit_sara_aa_into_sara_am() -> None:
    # PDFs often store ำ as NIKHAHIT + SARA AA
    assert clean_text("ก\u0e4d\u0e32หนด") == "กำหนด"


def test_clean_text_drops_stray_marks() -> None:
    assert clean_text("\u0e48กรม") == "กรม"  # tone mark at the start of the text
    assert clean_text("บรรทัด\n\u0e49ใหม่") == "บรรทัด\nใหม่"  # at the start of a line
    assert clean_text("ก\u0e48\u0e48า") == "ก\u0e48า"  # doubled tone mark
    assert clean_text("ก\u0e48\u0e49า") == "ก\u0e48า"  # two tone marks
    assert clean_text(" \u0301x") == " x"  # Latin mark on a space


def test_clean_text_reorders_tone_typed_after_sara_am() -> None:
    assert clean_text("น\u0e33\u0e49") == "น\u0e49\u0e33"


def test_to_arabic_digits_and_analysis_text_keep_length() -> None:
    assert to_arabic_digits("๐๑๒๓๔๕๖๗๘๙") == "0123456789"
    clean = clean_text("๑๕\u00a0มิ.ย.\u2009๒๕๖๕\tก")
    assert analysis_text(clean) == "15 มิ.ย. 2565\tก"
    assert len(analysis_text(clean)) == len(clean)


def test_join_broken_name() -> None:
    cands = ["กรมการปกครอง", "กรมส่งเสริมการปกครองท้องถิ่น"]
    assert join_broken_name("กรมส่งเสริม การปกครองท้องถิ่น", cands) == "กรมส่งเสริมการปกครองท้องถิ่น"
    assert join_broken_name("กรมส่งเสริม\nการปกครอง ท้องถิ่น", cands) == "กรมส่งเสริมการปกครองท้องถิ่น"
    assert join_broken_name("กรมอื่น", cands) is None
    assert join_broken_name("   ", cands) is None


def test_rejoin_wrapped_only_touches_known_words() -> None:
    text = "ความร่วมมือของกรมส่งเสริม\nการปกครองท้องถิ่น และ กรม การ"
    out = rejoin_wrapped(text, ["กรมส่งเสริมการปกครองท้องถิ่น", "กรม"])
    assert out == "ความร่วมมือของกรมส่งเสริมการปกครองท้องถิ่น และ กรม การ"


def test_sentences_split_lines_gaps_and_long_runs() -> None:
    text = "หัวเรื่อง\n\nประโยคแรก  ประโยคที่สอง\n" + "ก" * 200 + " ทั้งนี้" + "ข" * 150
    spans = sentences(text)
    pieces = [text[s:e] for s, e in spans]
    assert pieces[:3] == ["หัวเรื่อง", "ประโยคแรก", "ประโยคที่สอง"]
    assert pieces[3] == "ก" * 200 and pieces[4].startswith("ทั้งนี้")
    assert all(text[s:e] == text[s:e].strip() and s < e for s, e in spans)


def test_sentences_on_corpus_cover_provenance_quotes() -> None:
    from pathlib import Path

    text = clean_text((Path(__file__).resolve().parents[2] / "examples/corpus/003_21520f6ff54556ba.txt").read_text())
    spans = sentences(text)
    assert spans == sorted(spans)
    # every sentence is a real slice; the date sentence is found
    assert any("24 – 25 สิงหาคม 2565" in text[s:e] for s, e in spans)
    assert max(e - s for s, e in spans) < 1200


def test_parse_int() -> None:
    assert parse_int("1,497") == 1497
    assert parse_int("๑,๔๙๗") == 1497
    assert parse_int("427") == 427
    assert parse_int(" 12 ") == 12
    for bad in ("-", "", "12a", "1,49", "ก"):
        assert parse_int(bad) is None


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_clean_text_properties(raw: str) -> None:
    clean = clean_text(raw)
    assert clean_text(clean) == clean  # idempotent
    assert unicodedata.is_normalized("NFC", clean)
    assert not any(c in clean for c in ZERO_WIDTH) and "\r" not in clean
    analysis = analysis_text(clean)
    assert len(analysis) == len(clean)
    assert analysis_text(analysis) == analysis
    for s, e in sentences(clean):
        assert 0 <= s < e <= len(clean)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_helpers_never_raise(raw: str) -> None:
    parse_int(raw)
    join_broken_name(raw, ["กรมการปกครอง", raw])
    rejoin_wrapped(raw, ["กรมการปกครอง"])
    assert len(to_arabic_digits(raw)) == len(raw)


def test_pdf_repairs() -> None:
    assert clean_text("ท\u0e48\u0e35") == "ท\u0e35\u0e48"  # 'ที่' typed tone-first
    assert clean_text("น\u0e4d\u0e49\u0e32") == "น\u0e49\u0e33"  # NIKHAHIT, tone, SARA AA -> tone + ำ
    assert clean_text("ผู\uf70b") == "ผู้"  # a lowered tone glyph from the Private Use Area
    assert clean_text("ท\uf702\uf70a") == "ที่"


def test_sentences_keep_lists_and_parties_together() -> None:
    head = "กระทรวงมหาดไทยจัดการประชุมเพื่อขับเคลื่อนภารกิจการสร้างพลเมืองคุณภาพร่วมกับหน่วยงานภาคีเครือข่ายในพื้นที่ " * 3
    members = "อันประกอบด้วย คณะกรรมการหมู่บ้าน และ องค์กรปกครองส่วนท้องถิ่น ซึ่งเป็นเครือข่ายที่เข้มแข็ง"
    speech = " นายอนุทิน ชาญวีรกูล รัฐมนตรีว่าการกระทรวงสาธารณสุข กล่าวว่า ขอบคุณทุกฝ่ายที่ร่วมมือกันเป็นอย่างดีในครั้งนี้"
    text = head + members + speech
    pieces = [text[s:e] for s, e in sentences(text)]
    assert any(members in p for p in pieces)  # not cut at 'ด้วย', 'และ' or 'ซึ่ง'
    assert pieces[-1].startswith("นายอนุทิน ชาญวีรกูล") and pieces[-1].endswith("ในครั้งนี้")
    signing = "โดยมี นายอนุทิน ชาญวีรกูล รัฐมนตรีว่าการกระทรวงสาธารณสุข และ นายอิทธิพร บุญประคอง กล่าวว่า"
    text = head + signing
    assert any(signing in text[s:e] for s, e in sentences(text))


def test_docstring_examples() -> None:
    import doctest

    import phakhi.loaders.normalize as module

    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
