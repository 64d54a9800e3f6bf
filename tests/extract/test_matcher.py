"""Gazetteer matching: whole words, proclitics, leftmost-longest, exact original spans."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictkg.extract.matcher import Match, Matcher, Scan, matchers_in
from conflictkg.extract.model import Span
from conflictkg.extract.normalize import normalize_text

ENTRIES = [
    ("الجيش الحر", "fsa"),
    ("الجيش السوري الحر", "fsa"),
    ("الجيش", "army"),
    ("حي القدم", "qadam-quarter"),
    ("القدم", "qadam"),
    ("القدم", "qadam-village"),  # two places share a name: both payloads come back
    ("درعا", "daraa"),
    ("درعا البلد", "daraa-balad"),
    ("دمشق", "damascus"),
    ("هيئة تحرير الشام", "hts"),
    ("أحرار الشام", "ahrar"),
    ("حركة أحرار الشام الإسلامية", "ahrar"),
    ("Daraa", "daraa"),
    ("Hayat Tahrir al-Sham", "hts"),
    ("HTS", "hts"),
    ("Jobar", "jobar"),
    ("حمص", "homs"),
    ("لبنان", "lebanon"),
    ("اللاذقية", "latakia"),
    ("الليرمون", "layramoun"),
]


def texts(matches: list[Match[str]]) -> list[str]:
    return [m.text for m in matches]


def test_match_carries_original_span_key_and_all_payloads() -> None:
    text = "سيطر الجيش الحر على حي القدم."
    m = Matcher(ENTRIES).find(text)
    assert [(x.text, x.key, x.payloads) for x in m] == [
        ("الجيش الحر", "الجيش الحر", ("fsa",)),
        ("حي القدم", "حي القدم", ("qadam-quarter",)),
    ]
    assert all(text[x.start:x.end] == x.text for x in m)
    assert m[0].span == Span(m[0].start, m[0].end, "الجيش الحر")


def test_shared_names_return_every_payload() -> None:
    (m,) = Matcher(ENTRIES).find("في القدم")
    assert m.payloads == ("qadam", "qadam-village")


def test_leftmost_longest_prefers_the_longer_name() -> None:
    m = Matcher(ENTRIES).find("قوات الجيش السوري الحر في درعا البلد وفي درعا")
    assert texts(m) == ["الجيش السوري الحر", "درعا البلد", "درعا"]


def test_proclitics_are_outside_the_span() -> None:
    text = "وبدمشق ولدرعا فحمص كحمص وللجيش الحر بالجيش الحر والجيش"
    m = Matcher(ENTRIES).find(text)
    assert texts(m) == ["دمشق", "درعا", "حمص", "حمص", "لجيش الحر", "الجيش الحر", "الجيش"]
    assert [x.key for x in m][4] == "الجيش الحر"


def test_lam_before_the_article_drops_its_alef() -> None:
    (m,) = Matcher(ENTRIES).find("التابعة للجيش الحر")
    assert m.key == "الجيش الحر" and m.payloads == ("fsa",)
    (m,) = Matcher(ENTRIES).find("وللقدم")
    assert m.key == "القدم"
    (m,) = Matcher(ENTRIES).find("التابعة للاذقية")
    assert (m.text, m.payloads) == ("لاذقية", ("latakia",))
    (m,) = Matcher(ENTRIES).find("وصولاً لليرمون")
    assert m.payloads == ("layramoun",)
    assert texts(Matcher(ENTRIES).find("في اللاذقية وباللاذقية")) == ["اللاذقية", "اللاذقية"]


def test_elided_article_needs_the_lam() -> None:
    # "لجيش" without the preceding lam is not the article form of الجيش
    assert Matcher(ENTRIES).find("جيش الحر") == []
    assert Matcher(ENTRIES).find("بلجيش الحر") == []
    assert Matcher(ENTRIES).find("لاذقية") == []


def test_whole_words_only() -> None:
    matcher = Matcher(ENTRIES)
    assert matcher.find("الدمشقيون") == []
    assert matcher.find("دمشقي") == []
    assert matcher.find("Daraawi Jobari") == []
    assert matcher.find("HTS2 xHTS") == []


def test_a_proclitic_is_only_the_listed_letters() -> None:
    assert Matcher(ENTRIES).find("مدمشق سدمشق") == []
    # a longer word that happens to start with a proclitic letter still wins
    assert texts(Matcher(ENTRIES).find("لبنان")) == ["لبنان"]


def test_a_short_word_may_follow_a_conjunction_but_no_preposition() -> None:
    words = Matcher([("فر", "fled")], words=True)
    assert texts(words.find("ففر المقاتلون")) == ["فر"]  # "and so fled"
    assert words.find("وفر الجيش الغطاء") == []  # mostly "provided"
    assert words.find("بفر") == [] and words.find("وبفر") == []
    assert Matcher([("فر", "fled")]).find("وفر") == []  # a name of two letters stays whole


def test_short_names_match_only_as_whole_words() -> None:
    matcher = Matcher([("تل", "tal"), ("HTS", "hts")])
    assert texts(matcher.find("تل")) == ["تل"]
    assert matcher.find("وتل") == []  # و + a two-letter name is mostly another word


def test_spelling_variants_and_diacritics() -> None:
    text = "هَيْئَةُ تَحْرِيرِ الشّامِ وحركة احرار الشام الاسلامية"
    m = Matcher(ENTRIES).find(text)
    assert texts(m) == ["هَيْئَةُ تَحْرِيرِ الشّامِ", "حركة احرار الشام الاسلامية"]
    assert [x.payloads for x in m] == [("hts",), ("ahrar",)]


def test_english_is_case_insensitive_with_word_boundaries() -> None:
    text = "Fighters of HAYAT TAHRIR AL-SHAM (hts) entered jobar, near Daraa."
    m = Matcher(ENTRIES).find(text)
    assert texts(m) == ["HAYAT TAHRIR AL-SHAM", "hts", "jobar", "Daraa"]


def test_names_across_punctuation_and_line_breaks() -> None:
    assert texts(Matcher(ENTRIES).find("«درعا-البلد»")) == ["درعا-البلد"]
    assert texts(Matcher(ENTRIES).find("حي\nالقدم")) == ["حي\nالقدم"]


def test_find_all_returns_overlapping_candidates() -> None:
    m = Matcher(ENTRIES).find_all("الجيش السوري الحر في حي القدم")
    assert texts(m) == ["الجيش السوري الحر", "الجيش", "حي القدم", "القدم"]


def test_find_accepts_normalized_text() -> None:
    text = "في حي القدم"
    assert texts(Matcher(ENTRIES).find(normalize_text(text))) == ["حي القدم"]


def test_find_refuses_text_normalised_with_punctuation() -> None:
    with pytest.raises(ValueError, match="keep_punctuation"):
        Matcher(ENTRIES).find(normalize_text("في حي القدم", keep_punctuation=True))


def test_empty_gazetteer_and_empty_names() -> None:
    assert Matcher([]).find("دمشق") == []
    matcher = Matcher([("", "x"), ("،", "y"), ("دمشق", "d")])
    assert len(matcher) == 1
    assert "دِمَشق" in matcher and matcher.payloads("دمشق") == ("d",)


def test_non_string_name_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="gazetteer name"):
        Matcher([(None, "x")])  # type: ignore[list-item]


def test_many_names() -> None:
    names = [(f"قرية رقم {i}", i) for i in range(20_000)] + [("دمشق", -1)]
    matcher = Matcher(names)
    m = matcher.find("من قرية رقم 12345 إلى دمشق")
    assert [(x.text, x.payloads) for x in m] == [("قرية رقم 12345", (12345,)), ("دمشق", (-1,))]


WORDS = st.sampled_from(
    ["الجيش", "الحر", "للجيش", "حي", "القدم", "وبدمشق", "درعا", "البلد", "Daraa", "hts",
     "الْجَيْشُ", "حَيّ", "ـ", "،", " ", "\n", "٢٥", "x", "ل", "و"]
)
NOISE = st.text(alphabet="ابتدلمنوي\u064e\u0651\u0640aZ9 ،-", max_size=6)


@given(st.lists(st.one_of(WORDS, NOISE), max_size=25).map("".join))
def test_match_spans_are_slices_of_the_original(text: str) -> None:
    matcher = Matcher(ENTRIES)
    found = matcher.find(text)
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.span.text == m.text
    ends = [m.end for m in found]
    starts = [m.start for m in found]
    assert all(s >= e for s, e in zip(starts[1:], ends, strict=False))  # no overlaps
    for m in matcher.find_all(text):
        assert text[m.start:m.end] == m.text


@given(st.lists(st.sampled_from([name for name, _ in ENTRIES] + ["و", "لل", "في", " ", "، "]),
                max_size=12))
def test_matchers_sharing_one_scan_find_what_each_finds_alone(words: list[str]) -> None:
    text = " ".join(words)
    alone = [Matcher(ENTRIES[:10]), Matcher(ENTRIES[5:]), Matcher([("الشام", "sham")])]
    shared = [Matcher(ENTRIES[:10]), Matcher(ENTRIES[5:]), Matcher([("الشام", "sham")])]
    Scan(shared)
    norm = normalize_text(text)
    for a, b in zip(alone, shared, strict=True):
        assert b.find(norm) == a.find(norm) == b.find(text)
        assert b.find_all(norm) == a.find_all(norm)


def test_the_matchers_an_extractor_holds_are_found_in_its_rules() -> None:
    class Rules:
        def __init__(self) -> None:
            self.cues = Matcher([("قصف", "shelling")])

    class Finder:
        def __init__(self) -> None:
            self._rules = {"ar": Rules()}
            self._names = Matcher(ENTRIES)

    finder = Finder()
    found = matchers_in([finder])
    assert found == [finder._rules["ar"].cues, finder._names]


@pytest.mark.parametrize("text, odd", [
    ("", False), ("   ", False), ("درعا البلد 2011", False), ("Daraa al Balad", False),
    ("درعا_البلد", True), ("درعا. البلد", True), ("درعا\nالبلد", True), ("a\u200cb", True),
    ("١٢ ٣", False), ("x²", False), ("a\u00a0b", True),
])
def test_a_text_holds_an_odd_character_as_the_regex_reads_it(text: str, odd: bool) -> None:
    # the scan reads words and single spaces apart from anything else (matcher._ODD)
    from conflictkg.extract.matcher import _ODD, _holds_odd
    assert _holds_odd(text) is odd
    assert (_ODD.search(text) is not None) is odd
