"""The indexes that keep extraction linear give exactly the answers of the scans they replace,
and a file that is one giant item is extracted in bounded pieces."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from phakhi.graph.model import canonical_text
from phakhi.loaders.dates import _overlap_test, find_dates
from phakhi.loaders.extract import FactBuilder, MAX_ITEM_CHARS, _Spans, extract_document, split_oversize
from phakhi.loaders.mentions import Mention, MentionIndex
from phakhi.loaders.readers import SourceText

_SPANS = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 40)).map(lambda t: (t[0], t[0] + t[1])),
                  max_size=25)


def _mention(a: int, b: int, org: bool = True) -> Mention:
    return Mention(a, b, "x" * (b - a), "Department" if org else "Province", f"d:{a}", "x")


@st.composite
def _mention_lists(draw: st.DrawFn) -> list[Mention]:
    """Text-ordered, non-overlapping mentions (what find_mentions gives), or any list at all."""
    spans = draw(_SPANS)
    if draw(st.booleans()):
        spans = sorted(spans)
        kept: list[tuple[int, int]] = []
        for a, b in spans:
            if b > a and (not kept or a >= kept[-1][1]):
                kept.append((a, b))
        spans = kept
    return [_mention(a, max(b, a + 1), draw(st.booleans())) for a, b in spans]


@settings(max_examples=200, deadline=None)
@given(_mention_lists(), st.integers(-5, 250), st.integers(-5, 250))
def test_mention_index_answers_what_a_scan_of_the_list_answers(ms: list[Mention], a: int, b: int) -> None:
    idx = MentionIndex(ms)
    assert idx.starting_in(a, b) == [m for m in ms if a <= m.start < b]
    assert idx.ending_in(a, b) == [m for m in ms if a <= m.end < b]
    assert idx.within(a, b) == [m for m in ms if a <= m.start and m.end <= b]
    assert idx.ending_by(b) == [m for m in ms if m.end <= b]
    assert idx.inside(a) == any(m.start < a < m.end for m in ms)


@settings(max_examples=200, deadline=None)
@given(_SPANS, st.integers(-5, 250), st.integers(0, 30))
def test_span_tests_answer_what_a_scan_answers(spans: list[tuple[int, int]], pos: int, width: int) -> None:
    assert _Spans(spans).has(pos) == any(a <= pos < b for a, b in spans)
    assert _overlap_test(spans)(pos, pos + width) == any(s < pos + width and pos < e for s, e in spans)


def test_dates_that_overlap_a_full_date_are_not_read_twice() -> None:
    found = find_dates("ลงนามเมื่อ 5 มกราคม 2566 และอีกครั้งในเดือนมีนาคม 2566")
    assert [d.as_written for d in found] == ["5 มกราคม 2566", "มีนาคม 2566"]


def _reference_sentence(clean: str, start: int, end: int) -> str:
    """The sentence lookup written plainly: the line, or a bounded window on a long line."""
    a = clean.rfind("\n", 0, start) + 1
    b = clean.find("\n", end)
    b = len(clean) if b < 0 else b
    if b - a > 300:  # a space 120-400 characters out, else 160 characters
        before = [i for i in range(max(a, start - 400), max(a, start - 120)) if clean[i] == " "]
        a = before[-1] + 1 if before else max(a, start - 160)
        after = [i for i in range(min(b, end + 120), min(b, end + 400)) if clean[i] == " "]
        b = after[0] if after and after[0] > 0 else min(b, end + 160)
    return canonical_text(clean[a:b])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["กรม", " ", "\n", "ข" * 50, "ค" * 200]), max_size=30), st.data())
def test_provenance_sentence_is_the_line_around_the_span(parts: list[str], data: st.DataObject) -> None:
    clean = "".join(parts)
    start = data.draw(st.integers(0, len(clean)))
    end = data.draw(st.integers(start, len(clean)))
    fb = FactBuilder("doc:x", "x.txt", clean, clean)
    assert fb.sentence(start, end) == _reference_sentence(clean, start, end)


def test_small_items_are_not_split() -> None:
    assert split_oversize("ก" * 100, 10, 90) == [(10, 90)]


def test_oversize_item_is_cut_after_blank_lines_into_bounded_pieces() -> None:
    para = "ย่อหน้า " * 60 + "\n\n"
    text = para * (3 * MAX_ITEM_CHARS // len(para))
    pieces = split_oversize(text, 0, len(text))
    assert len(pieces) > 3
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a == b0 for (_, a), (b0, _) in zip(pieces, pieces[1:]))  # they tile the item
    assert all(b - a <= 32 * 1024 for a, b in pieces)
    assert all(text[b - 2:b] == "\n\n" for _, b in pieces[:-1])


def test_oversize_item_without_blank_lines_is_cut_at_line_ends_else_spaces() -> None:
    lines = ("บรรทัด " * 30 + "\n") * (3 * MAX_ITEM_CHARS // 211)
    assert all(lines[b - 1] == "\n" for _, b in split_oversize(lines, 0, len(lines))[:-1])
    prose = "คำ " * MAX_ITEM_CHARS
    assert all(prose[b - 1] == " " for _, b in split_oversize(prose, 0, len(prose))[:-1])
    solid = "ก" * (3 * MAX_ITEM_CHARS)
    pieces = split_oversize(solid, 0, len(solid))
    assert pieces[-1][1] == len(solid) and all(b - a <= 32 * 1024 for a, b in pieces)


def test_one_giant_item_is_extracted_all_through() -> None:
    """A file that is one item far over the piece size: the facts near its end are still found."""
    filler = "ข้อความทั่วไปในรายงานฉบับนี้ " * 40 + "\n"
    head = "นายสมศักดิ์ สุขใจ อธิบดีกรมอนามัย กล่าวว่า กรมอนามัยร่วมมือกับกรมการปกครอง\n"
    tail = "นายสมชาย ใจดี อธิบดีกรมการปกครอง กล่าวเปิดงาน\n"
    text = head + filler * (3 * MAX_ITEM_CHARS // len(filler)) + tail
    src = SourceText(path="big.txt", text=text, format="txt", encoding="utf-8", fingerprint="0")
    facts = extract_document(src, "doc:big")
    people = {n.name for n in facts.nodes if n.type == "Person"}
    assert {"สมศักดิ์ สุขใจ", "สมชาย ใจดี"} <= people
    holds = {(e.source, e.target) for e in facts.edges if e.type == "HOLDS_POSITION"}
    tail_person = next(n.id for n in facts.nodes if n.name == "สมชาย ใจดี")
    assert any(s == tail_person for s, _ in holds)
