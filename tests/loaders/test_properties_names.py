"""Properties of NAME MATCHING, checked with hypothesis on arbitrary Unicode and on generated Thai names.

Covered here (and not in test_normalize / test_gazetteers / test_resolve, which check examples
and clean_text's properties): the gazetteer's ``normalise_surface`` / ``lookup_key`` and
``Gazetteer.lookup``, the resolver's ``name_similarity``, and the query-side ``NameIndex``:

* they never raise on arbitrary Unicode;
* keys are idempotent, also when a zero-width character or a space sits between two marks;
* zero-width characters, NBSP, doubled spaces, Thai digits, NFD and the decomposed sara am
  (nikhahit + sara aa, a PDF artefact) give the same key as the clean name;
* a name always matches itself with the top score.
"""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from phakhi.loaders.normalize import ZERO_WIDTH, clean_text
from phakhi.loaders.resolve import name_similarity
from phakhi.ontology.gazetteer import load_gazetteer, lookup_key, normalise_surface
from phakhi.queries.names import NameIndex

# --- strategies --------------------------------------------------------------------------

CONSONANTS = "กขคฆงจฉชซญฎฏฐฑฒณดตถทธนบปผพฟภมยรลวศษสหฬอฮ"
LEADING_VOWELS = "เแโใไ"
UPPER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37"  # ั ิ ี ึ ื (combining class 0)
LOWER_VOWELS = "\u0e38\u0e39"  # ุ ู (combining class 103, before tone marks' 107)
TONES = "\u0e48\u0e49\u0e4a\u0e4b"
NOISE = list(ZERO_WIDTH) + ["\u00a0", "  "]


@st.composite
def syllables(draw: st.DrawFn) -> str:
    """A Thai syllable in canonical (NFC, typed) order: [lead] C [vowel] [tone] [final] [sara aa/am]."""
    lead = draw(st.sampled_from(["", *LEADING_VOWELS]))
    vowel = draw(st.sampled_from(["", *UPPER_VOWELS, *LOWER_VOWELS]))
    tone = draw(st.sampled_from(["", *TONES]))
    tail = draw(st.sampled_from(["", "า", "ำ", *CONSONANTS[:10]]))
    return lead + draw(st.sampled_from(CONSONANTS)) + vowel + tone + tail


thai_words = st.lists(syllables(), min_size=1, max_size=5).map("".join)
thai_names = st.lists(thai_words, min_size=1, max_size=3).map(" ".join)  # given name, surname, …


@st.composite
def with_noise(draw: st.DrawFn, name: str, noise: str | list[str] = NOISE) -> str:
    """``name`` with zero-width characters, NBSP or double spaces (``noise``) inserted anywhere."""
    chars = list(name)
    for _ in range(draw(st.integers(1, 4))):
        chars.insert(draw(st.integers(0, len(chars))), draw(st.sampled_from(list(noise))))
    return "".join(chars)


def _decompose_sara_am(s: str) -> str:
    return s.replace("\u0e33", "\u0e4d\u0e32")


# --- never raise ---------------------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(st.text(), st.text())
def test_name_functions_never_raise_on_arbitrary_unicode(a: str, b: str) -> None:
    assert isinstance(normalise_surface(a), str)
    assert isinstance(lookup_key(a), str)
    score = name_similarity(a, b)
    assert 0.0 <= score <= 1.0
    assert isinstance(load_gazetteer().lookup(a), list)


# --- idempotence -------------------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(thai_names)
def test_keys_of_thai_names_are_idempotent_and_nfc(name: str) -> None:
    for f in (normalise_surface, lookup_key):
        once = f(name)
        assert f(once) == once
        assert unicodedata.is_normalized("NFC", once)


@settings(max_examples=100, deadline=None)
@example("\u0e01\u0e48\u200b\u0e38")
@given(st.text())
def test_normalise_surface_is_idempotent_on_arbitrary_unicode(raw: str) -> None:
    once = normalise_surface(raw)
    assert normalise_surface(once) == once and unicodedata.is_normalized("NFC", once)


@settings(max_examples=100, deadline=None)
@example("\u0e1b\u0e48 \u0e38")
@given(st.text())
def test_lookup_key_is_idempotent_on_arbitrary_unicode(raw: str) -> None:
    once = lookup_key(raw)
    assert lookup_key(once) == once and unicodedata.is_normalized("NFC", once)


# --- variants of the same name -------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(st.data(), thai_names)
def test_zero_width_spacing_and_decomposed_sara_am_give_the_same_key(data: st.DataObject, name: str) -> None:
    noisy = data.draw(with_noise(name))
    assert lookup_key(noisy) == lookup_key(name)
    assert lookup_key(_decompose_sara_am(name)) == lookup_key(name)
    assert normalise_surface(_decompose_sara_am(name)) == normalise_surface(name)


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_nfc_and_nfd_forms_give_the_same_key(raw: str) -> None:
    nfc, nfd = unicodedata.normalize("NFC", raw), unicodedata.normalize("NFD", raw)
    assert lookup_key(nfd) == lookup_key(nfc) == lookup_key(raw)
    assert normalise_surface(nfd) == normalise_surface(nfc)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(CONSONANTS), st.sampled_from(LOWER_VOWELS), st.sampled_from(TONES), thai_words)
def test_tone_typed_before_the_lower_vowel_gives_the_same_key(c: str, vowel: str, tone: str, rest: str) -> None:
    typed_in_order, typed_tone_first = c + vowel + tone + rest, c + tone + vowel + rest
    assert lookup_key(typed_tone_first) == lookup_key(typed_in_order)


# --- a name matches itself with the top score ------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(st.text(), st.text())
def test_name_similarity_self_is_top_and_symmetric(a: str, b: str) -> None:
    assert name_similarity(a, a) == 1.0
    assert name_similarity(a, b) <= name_similarity(a, a)
    assert name_similarity(a, b) == pytest.approx(name_similarity(b, a))


@settings(max_examples=100, deadline=None)
@given(st.data(), thai_names)
def test_clean_variants_of_a_person_name_score_one(data: st.DataObject, name: str) -> None:
    """The resolver compares stored names, which come out of clean_text: a damaged copy of a
    name (zero-width characters, NFD) must score as the same name there."""
    noisy = data.draw(with_noise(name, ZERO_WIDTH))  # spacing is the extractor's job, not clean_text's
    clean = clean_text(name)
    assert name_similarity(clean_text(noisy), clean) == 1.0
    assert name_similarity(clean_text(unicodedata.normalize("NFD", name)), clean) == 1.0


_GAZ = load_gazetteer()
_SURFACES = sorted({(s, e.key) for s, e in _GAZ.surface_forms() if s})


@settings(max_examples=150, deadline=None)
@given(st.data(), st.sampled_from(_SURFACES))
def test_gazetteer_finds_every_surface_form_and_its_damaged_copies(data: st.DataObject,
                                                                   surface_key: tuple[str, str]) -> None:
    surface, key = surface_key
    found = _GAZ.lookup(surface)
    assert key in [e.key for e in found], surface
    noisy = data.draw(with_noise(surface))
    assert [e.key for e in _GAZ.lookup(noisy)] == [e.key for e in found], ascii(noisy)
    assert [e.key for e in _GAZ.lookup(_decompose_sara_am(surface))] == [e.key for e in found]


@settings(max_examples=50, deadline=None)
@given(st.data(), st.lists(thai_names, min_size=1, max_size=4, unique_by=lookup_key))
def test_name_index_resolves_damaged_copies_to_the_same_node(data: st.DataObject, names: list[str]) -> None:
    index = NameIndex([(f"Person:{n}", "Person", n, []) for n in names], gazetteer=None)
    for n in names:
        assert index.resolve(n) == f"Person:{n}"
        assert index.resolve(data.draw(with_noise(n))) == f"Person:{n}"
