"""Normalisation keys and the offset map back to the original text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictkg.extract.normalize import normalize_key, normalize_text

# Arabic letters (with every hamza carrier), harakat, shadda, sukun, superscript alef,
# tatweel, digits of three scripts, Latin with accents, punctuation and spaces.
ALPHABET = (
    "ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآٱؤئةى"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
    "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
    "abcXYZéÉİ"
    " \n\t،,.:/-()«»\u200f\ufefb"
)
texts = st.text(alphabet=ALPHABET, max_size=80)


@pytest.mark.parametrize(("name", "key"), [
    ("أحمد", "احمد"),
    ("إدلب", "ادلب"),
    ("آذار", "اذار"),
    ("ٱلقدس", "القدس"),
    ("مدينة", "مدينه"),
    ("مصطفى", "مصطفي"),
    ("مؤتمر", "موتمر"),
    ("رئيس", "رييس"),
    ("الْجَيْشُ الحُرّ", "الجيش الحر"),
    ("الـقـدم", "القدم"),
    ("حَيّ  القَدَم", "حي القدم"),
    ("درعا-البلد", "درعا البلد"),
    ("«هيئة تحرير الشام»", "هييه تحرير الشام"),
    ("الفرقة ٢٥", "الفرقه 25"),
    ("۱۲۳", "123"),
    ("Ḥomṣ", "homs"),
    ("HAYAT Tahrir al-Sham", "hayat tahrir al sham"),
    ("  Jobar\n", "jobar"),
    ("ﻻ", "لا"),
    ("\u200fدمشق\u200f", "دمشق"),
    ("", ""),
    ("،،،", ""),
])
def test_normalize_key(name: str, key: str) -> None:
    assert normalize_key(name) == key


def test_key_agrees_with_lenient_comparison_of_variants() -> None:
    variants = ["إِدْلِب", "ادلب", "أدلب", "إدلـــب"]
    assert len({normalize_key(v) for v in variants}) == 1


def test_normalised_text_keeps_one_space_for_runs_of_space_and_punctuation() -> None:
    n = normalize_text("دمشق،   حمص\n\nحلب")
    assert n.text == "دمشق حمص حلب"


def test_keep_punctuation_keeps_slashes_and_commas() -> None:
    n = normalize_text("27 كانون الثاني/يناير، ٢٠١٣", keep_punctuation=True)
    assert n.text == "27 كانون الثاني/يناير، 2013"


def test_original_span_covers_trailing_diacritics() -> None:
    original = "أطلق الْجَيْشُ الحُرُّ معركة"
    n = normalize_text(original)
    start = n.text.index("الجيش الحر")
    s, e = n.original_span(start, start + len("الجيش الحر"))
    assert original[s:e] == "الْجَيْشُ الحُرُّ"


def test_original_span_of_a_word_after_tatweel() -> None:
    original = "الـ 19 من آذار"
    n = normalize_text(original)
    assert n.text == "ال 19 من اذار"
    assert n.original_slice(0, 2) == "الـ"
    assert n.original_slice(3, 5) == "19"


def test_format_marks_are_not_part_of_a_word() -> None:
    original = "\u200fحمص\u200f، دمشق"
    n = normalize_text(original)
    assert n.text == "حمص دمشق"
    assert n.original_slice(0, 3) == "حمص"


def test_original_span_of_a_ligature_covers_the_whole_ligature() -> None:
    n = normalize_text("ﻻ بد")
    assert n.text.startswith("لا")
    assert n.original_span(0, 1) == (0, 1)
    assert n.original_span(0, 2) == (0, 1)


def test_empty_span_and_bounds() -> None:
    n = normalize_text("abc")
    assert n.original_span(3, 3) == (3, 3)
    with pytest.raises(ValueError, match="outside"):
        n.original_span(2, 5)


@given(texts)
def test_key_is_idempotent(s: str) -> None:
    assert normalize_key(normalize_key(s)) == normalize_key(s)


@given(texts, st.booleans())
def test_offset_map_is_monotonic_and_within_bounds(s: str, keep: bool) -> None:
    n = normalize_text(s, keep_punctuation=keep)
    assert len(n.starts) == len(n.ends) == len(n.text)
    previous_start = previous_end = 0
    for start, end in zip(n.starts, n.ends, strict=True):
        assert 0 <= start < end <= len(s)
        assert previous_start <= start and previous_end <= end
        previous_start, previous_end = start, end


@given(texts, st.data())
def test_every_slice_maps_to_a_slice_that_normalises_back(s: str, data: st.DataObject) -> None:
    n = normalize_text(s)
    start = data.draw(st.integers(0, len(n.text)))
    end = data.draw(st.integers(start, len(n.text)))
    os_, oe = n.original_span(start, end)
    assert 0 <= os_ <= oe <= len(s)
    whole = normalize_key(s[os_:oe])
    piece = n.text[start:end].strip()
    splits_a_character = (0 < start < len(n.text) and n.starts[start] == n.starts[start - 1]) or (
        0 < end < len(n.text) and n.starts[end] == n.starts[end - 1])
    if splits_a_character:  # half of a ligature such as ﻻ maps to the whole ligature
        assert piece in whole
    else:
        assert whole == piece


@given(texts)
def test_key_is_the_normalised_text_stripped(s: str) -> None:
    assert normalize_key(s) == normalize_text(s).text.strip()
    assert "  " not in normalize_text(s).text


def _one_by_one(s: str, keep: bool) -> tuple[str, list[int], list[int]]:
    """The offset map built the plain way, a character at a time, to check the fast one."""
    import unicodedata

    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, char in enumerate(s):
        folded = normalize_text(char, keep_punctuation=keep).text if char != " " else " "
        if not folded:
            if ends and unicodedata.category(char) != "Cf":
                ends[-1] = i + 1
            continue
        for c in folded:
            if c == " " and chars and chars[-1] == " ":
                ends[-1] = i + 1
                continue
            chars.append(c)
            starts.append(i)
            ends.append(i + 1)
    return "".join(chars), starts, ends


@given(st.text(alphabet=ALPHABET + "\ufdfa\ufdfd\u200d\u00ad", max_size=80), st.booleans())
def test_offset_map_is_the_one_built_a_character_at_a_time(s: str, keep: bool) -> None:
    n = normalize_text(s, keep_punctuation=keep)
    assert (n.text, list(n.starts), list(n.ends)) == _one_by_one(s, keep)


@given(st.text(alphabet=" \n\t،.,-ـًٌأةىabc حلب", max_size=300), st.booleans())
def test_a_long_text_rebuilds_the_offset_maps_as_a_short_one_cuts_them(text: str, keep: bool) -> None:
    # past a size the maps of collapsed spaces are rebuilt rather than cut in place; the two
    # ways must agree on every text
    import conflictkg.extract.normalize as normalize
    cut = normalize_text(text, keep_punctuation=keep)
    saved = normalize._CUT_IN_PLACE
    normalize._CUT_IN_PLACE = -1  # every text rebuilt
    try:
        rebuilt = normalize_text(text, keep_punctuation=keep)
    finally:
        normalize._CUT_IN_PLACE = saved
    assert (rebuilt.text, list(rebuilt.starts), list(rebuilt.ends)) == \
        (cut.text, list(cut.starts), list(cut.ends))
