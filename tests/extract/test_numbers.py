"""Count reading: digits, number words, duals, qualifiers, and numbers that are not counts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictkg.extract.numbers import NumberMention, dual_value, find_numbers, is_quantity
from conflictkg.reference import sample_corpus

CORPUS = sample_corpus()


def read(text: str) -> list[tuple[str, int, str]]:
    found = find_numbers(text)
    for n in found:
        assert text[n.span.start:n.span.end] == n.span.text
    return [(n.span.text, n.value, n.qualifier) for n in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل 62 عنصراً", ("62", 62, "exact")),
    ("وثق المرصد 82 عنصراً على الأقل من قوات النظام", ("82 عنصراً على الأقل", 82, "at_least")),
    ("بينهم 9 ضباط على الأقل", ("9 ضباط على الأقل", 9, "at_least")),
    ("115 مقاتلاً على الأقل من فيلق الرحمن", ("115 مقاتلاً على الأقل", 115, "at_least")),
    ("وأكثر من 200 قتلوا", ("أكثر من 200", 200, "more_than")),
    ("أكثر من 50 عنصر جاؤوا", ("أكثر من 50", 50, "more_than")),
    ("ما لا يقل عن 35 قتيلاً", ("ما لا يقل عن 35", 35, "at_least")),
    ("ما يزيد عن 40 شخصاً", ("ما يزيد عن 40", 40, "more_than")),
    ("أزيد من 12 مدنياً", ("أزيد من 12", 12, "more_than")),
    ("بنحو 5 آلاف مقاتل", ("نحو 5 آلاف", 5000, "about")),
    ("حوالي 30 عنصراً", ("حوالي 30", 30, "about")),
    ("قرابة عشرين ألفاً", ("قرابة عشرين ألفاً", 20000, "about")),
    ("ما يقارب 100 شخص", ("ما يقارب 100", 100, "about")),
    ("زهاء 300 مقاتل", ("زهاء 300", 300, "about")),
    ("أقل من 10 أشخاص", ("أقل من 10", 10, "at_most")),
    ("50 أو أكثر", ("50 أو أكثر", 50, "at_least")),
    ("قتل ٣٥ شخصاً", ("٣٥", 35, "exact")),
    ("إخراج 3500 سجين", ("3500", 3500, "exact")),
    ("نزوح 12,500 شخص", ("12,500", 12500, "exact")),
    ("نزوح ١٢٬٥٠٠ شخص", ("١٢٬٥٠٠", 12500, "exact")),
    ("نزوح 2.5 مليون شخص", ("2.5 مليون", 2500000, "exact")),
    ("عثروا على ست جثث", ("ست", 6, "exact")),
    ("قتل سبعة قناصين", ("سبعة", 7, "exact")),
    ("قتلوا تسعة جنود", ("تسعة", 9, "exact")),
    ("مقتل أحد المدنيين", ("أحد", 1, "exact")),
    ("مقتل إحدى النساء", ("إحدى", 1, "exact")),
    ("اثنان وثمانون عنصراً", ("اثنان وثمانون", 82, "exact")),
    ("خمسة و عشرون مقاتلا", ("خمسة و عشرون", 25, "exact")),
    ("ثلاثة عشر مدنياً", ("ثلاثة عشر", 13, "exact")),
    ("أحد عشر عنصراً", ("أحد عشر", 11, "exact")),
    ("اثنا عشر جندياً", ("اثنا عشر", 12, "exact")),
    ("خمس عشرة امرأة", ("خمس عشرة", 15, "exact")),
    ("مئة وخمسون قتيلاً", ("مئة وخمسون", 150, "exact")),
    ("مائتان وعشرة", ("مائتان وعشرة", 210, "exact")),
    ("ثلاثمئة مقاتل", ("ثلاثمئة", 300, "exact")),
    ("ثلاث مئة وخمسون", ("ثلاث مئة وخمسون", 350, "exact")),
    ("خمسمئة وخمسة وخمسون", ("خمسمئة وخمسة وخمسون", 555, "exact")),
    ("ثلاثة آلاف وخمسمئة", ("ثلاثة آلاف وخمسمئة", 3500, "exact")),
    ("ألفين وخمسمئة نازح", ("ألفين وخمسمئة", 2500, "exact")),
    ("ألف مقاتل", ("ألف", 1000, "exact")),
    ("20 ألف مقاتل", ("20 ألف", 20000, "exact")),
    ("وثلاثة مدنيين", ("ثلاثة", 3, "exact")),
    ("seven people were killed", ("seven", 7, "exact")),
    ("twenty-three fighters", ("twenty-three", 23, "exact")),
    ("two hundred and fifty civilians", ("two hundred and fifty", 250, "exact")),
    ("at least 82 soldiers", ("at least 82", 82, "at_least")),
    ("killed 36 soldiers at least", ("36 soldiers at least", 36, "at_least")),
    ("more than 1,200 people", ("more than 1,200", 1200, "more_than")),
    ("over 50 fighters", ("over 50", 50, "more_than")),
    ("about 30 fighters", ("about 30", 30, "about")),
    ("nearly three thousand", ("nearly three thousand", 3000, "about")),
    ("some 400 families", ("some 400", 400, "about")),
    ("up to 15 people", ("up to 15", 15, "at_most")),
    ("no more than 20 people", ("no more than 20", 20, "at_most")),
])
def test_counts(text: str, expected: tuple[str, int, str]) -> None:
    assert read(text) == [expected]


@pytest.mark.parametrize("text", [
    "كود الذاكرة السورية: SMI/A900/243",
    "بتاريخ 27 كانون الثاني/يناير عام 2013",
    "بتاريخ 04، 06، 08 شباط",
    "2013/01/27",
    "عام 2018",
    "منذ العام 2014",
    "الفرقة 25",
    "دخلت الفصائل الفرقة 26",
    "بالفرقة 17",
    "اللواء 93",
    "الفرقة الرابعة",
    "الساعة 10",
    "10:30",
    "في الساعة 10 صباحاً",
    "أكثر من 80 في المئة من مساحتها",
    "80% of the area",
    "عشرات القتلى",
    "مئات العناصر",
    "آلاف المقاتلين",
    "dozens of people",
    "hundreds of fighters",
    "لم يصب أحد",
    "لا أحد",
    "no one was hurt",
    "Resolution 2254",
    "road M5",
    "A900",
    "1. الملك سلمان",
    "عدد التعليقات 0",
    "وحتى اليوم الـ 25 من الشهر ذاته",
    "في الـ 19 من الشهر",
    "القرار الـ 2254",
    "بعد غياب سبع سنوات",
    "طفل عمره 12 عاماً",
    "على بعد 10 كم",
    "ثلاثة أيام",
    "for 3 days",
    "الساعة الثانية إلا عشر دقائق",
])
def test_not_counts(text: str) -> None:
    assert read(text) == []


def test_two_counts_keep_their_own_qualifiers() -> None:
    text = "قتل 5 مدنيين و10 عناصر على الأقل"
    assert read(text) == [("5", 5, "exact"), ("10 عناصر على الأقل", 10, "at_least")]


def test_separate_counts_are_not_added() -> None:
    assert [v for _, v, _ in read("خمسة وثلاثة")] == [5, 3]
    assert [v for _, v, _ in read("خمسة بعشرين")] == [5, 20]


@pytest.mark.parametrize(("word", "value"), [
    ("دبابتين", 2), ("دبابتان", 2), ("جنديين", 2), ("عنصرين", 2), ("وعنصرين", 2),
    ("ضابطين", 2), ("حاجزين", 2), ("طفلين", 2), ("امرأتين", 2), ("قتيلين", 2),
    ("مقاتلين", None),  # the sound plural reads the same: not a dual
    ("مدنيين", None), ("القريتين", None), ("عنصر", None), ("الحرمين", None),
])
def test_dual_value(word: str, value: int | None) -> None:
    assert dual_value(word) == value


def test_duals_are_counts_unless_asked_not_to() -> None:
    text = "ودمروا دبابتين وآليات"
    assert read(text) == [("دبابتين", 2, "exact")]
    assert find_numbers(text, duals=False) == []


def test_is_quantity() -> None:
    text = "الفرقة 25 خسرت 30 عنصراً عام 2013"
    assert not is_quantity(text, 7, 9)
    assert is_quantity(text, 15, 17)
    assert not is_quantity(text, text.index("2013"), text.index("2013") + 4)


def test_dates_read_already_are_not_counts() -> None:
    text = "قتل 12 مدنياً يوم 14 آذار 2018 وأصيب 30 آخرون"
    day = (text.index("14"), text.index("2018") + 4)
    assert [m.value for m in find_numbers(text)] == [12, 30]
    assert [m.value for m in find_numbers(text, dates=[day])] == [12, 30]
    # told that nothing here is a date, the reader takes the day for a count
    assert [m.value for m in find_numbers(text, dates=[])] == [12, 14, 2018, 30]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="sample corpus not present")
def test_seed_counts() -> None:
    text = (CORPUS / "001_2de9ca7cda8d2466.txt").read_text(encoding="utf-8")
    found = {(n.value, n.qualifier) for n in find_numbers(text)}
    assert {(200, "more_than"), (82, "at_least"), (9, "at_least"), (115, "at_least"),
            (5000, "about")} <= found
    assert not {n.value for n in find_numbers(text)} & {19, 2017, 2014}


PIECES = st.sampled_from([
    "82", "٨٢", "1,200", "2013", "عنصراً", "على الأقل", "أكثر من", "نحو", "ثلاثة", "وعشرون",
    "آلاف", "ألف", "مئة", "الفرقة", "شباط", "عام", "/", ":", "،", "%", "دبابتين", "at least",
    "twenty", "-", "three", "ـ", "\u064b", " ", "\n", "x", "و",
])


@given(st.lists(PIECES, max_size=20).map(" ".join))
def test_spans_are_slices_of_the_original(text: str) -> None:
    found: list[NumberMention] = find_numbers(text)
    for n in found:
        assert text[n.span.start:n.span.end] == n.span.text
        assert n.value > 0
    assert [n.span.start for n in found] == sorted(n.span.start for n in found)


@given(st.text(alphabet="ابتثلمنوي ٠١٢٣٤٥٦٧٨٩0123456789,٬.٫/-\u064e\u0640a", max_size=60))
def test_random_text_gives_valid_spans(text: str) -> None:
    for n in find_numbers(text):
        assert text[n.span.start:n.span.end] == n.span.text
