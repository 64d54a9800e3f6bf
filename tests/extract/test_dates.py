"""Date reading: Levantine and Gregorian months, numeric forms, ranges, lists, relative days."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictkg.extract.dates import DateMention, _lexicon, _regions, find_dates
from conflictkg.extract.normalize import normalize_text
from conflictkg.reference import sample_corpus

SATURDAY = date(2017, 3, 25)
CORPUS = sample_corpus()


def one(text: str, **kwargs: object) -> DateMention:
    found = find_dates(text, **kwargs)  # type: ignore[arg-type]
    assert len(found) == 1, found
    d = found[0]
    assert text[d.span.start:d.span.end] == d.span.text
    return d


@pytest.mark.parametrize(("text", "span", "value"), [
    ("أطلق بتاريخ 27 كانون الثاني/يناير عام 2013 معركة", "27 كانون الثاني/يناير عام 2013",
     "2013-01-27"),
    ("فجر الـ 19 من آذار / مارس الجاري من العام 2017، ترافقت", "الـ 19 من آذار / مارس الجاري من العام 2017",
     "2017-03-19"),
    ("في 15 من نيسان عام 2011", "15 من نيسان عام 2011", "2011-04-15"),
    ("من يوم 19 من نيسان 2011", "يوم 19 من نيسان 2011", "2011-04-19"),
    ("في ٢٧ كانون الثاني ٢٠١٣", "٢٧ كانون الثاني ٢٠١٣", "2013-01-27"),
    ("في 3 تشرين الأول 2015", "3 تشرين الأول 2015", "2015-10-03"),
    ("في 3 تشرين الثاني 2015", "3 تشرين الثاني 2015", "2015-11-03"),
    ("في 3 تشرين أول 2015", "3 تشرين أول 2015", "2015-10-03"),
    ("في 12 آب 2013", "12 آب 2013", "2013-08-12"),
    ("في 12 أغسطس 2013", "12 أغسطس 2013", "2013-08-12"),
    ("في 9 إبريل 2003", "9 إبريل 2003", "2003-04-09"),
    ("في 9 أبريل 2003", "9 أبريل 2003", "2003-04-09"),
    ("في 30 يونيه 2013", "30 يونيه 2013", "2013-06-30"),
    ("في 5 يوليه 2013", "5 يوليه 2013", "2013-07-05"),
    ("يوم 21 آب/أغسطس 2013", "يوم 21 آب/أغسطس 2013", "2013-08-21"),
    ("يوم 21 أغسطس (آب) 2013", "يوم 21 أغسطس (آب) 2013", "2013-08-21"),
    ("في 2 شباط،فبراير 2013", "2 شباط،فبراير 2013", "2013-02-02"),
    ("الثاني من آذار / مارس من العام الجاري 2017،", "الثاني من آذار / مارس من العام الجاري 2017",
     "2017-03-02"),
    ("الحادي والعشرين من أيلول 2015", "الحادي والعشرين من أيلول 2015", "2015-09-21"),
    ("في الأول من كانون الثاني 2014", "الأول من كانون الثاني 2014", "2014-01-01"),
    ("2013/01/27", "2013/01/27", "2013-01-27"),
    ("27/01/2013", "27/01/2013", "2013-01-27"),
    ("2013-01-27", "2013-01-27", "2013-01-27"),
    ("27.1.2013", "27.1.2013", "2013-01-27"),
    ("01/27/2013", "01/27/2013", "2013-01-27"),  # month first when the day cannot be a month
    ("٢٠١٣/٠١/٢٧", "٢٠١٣/٠١/٢٧", "2013-01-27"),
    ("on 27 January 2013.", "27 January 2013", "2013-01-27"),
    ("on January 27, 2013.", "January 27, 2013", "2013-01-27"),
    ("the 27th of January 2013", "27th of January 2013", "2013-01-27"),
    ("Sunday, 8 December 2024", "Sunday, 8 December 2024", "2024-12-08"),
    ("في 27 كانون الثاني 2013م،", "27 كانون الثاني 2013م", "2013-01-27"),
    ("في 3 ك2 2014", "3 ك2 2014", "2014-01-03"),
    ("في 3 ت1 2014", "3 ت1 2014", "2014-10-03"),
    ("فجر الأحد 8 من كانون الأول 2024", "الأحد 8 من كانون الأول 2024", "2024-12-08"),
])
def test_day_dates(text: str, span: str, value: str) -> None:
    d = one(text)
    assert (d.span.text, d.value, d.precision, d.relative) == (span, value, "day", False)


@pytest.mark.parametrize(("text", "span", "value", "precision"), [
    ("حتى نهاية شهر شباط/فبراير عام 2013.", "شهر شباط/فبراير عام 2013", "2013-02", "month"),
    ("كانون الأول 2024 (مراسل)", "كانون الأول 2024", "2024-12", "month"),
    ("في أيار 2014، والثانية", "أيار 2014", "2014-05", "month"),
    ("كانون الثاني من العام 2014", "كانون الثاني من العام 2014", "2014-01", "month"),
    ("كانون الثاني (يناير) 2013", "كانون الثاني (يناير) 2013", "2013-01", "month"),
    ("in March 2011", "March 2011", "2011-03", "month"),
    ("عام 2018، حيث", "عام 2018", "2018", "year"),
    ("منذ العام 2014", "العام 2014", "2014", "year"),
    ("في سنة 2012", "سنة 2012", "2012", "year"),
    ("in 2013 the", "in 2013", "2013", "year"),
    ("عام 2013 م", "عام 2013 م", "2013", "year"),
    ("أواخر تشرين الثاني 2015", "تشرين الثاني 2015", "2015-11", "month"),
])
def test_month_and_year_dates(text: str, span: str, value: str, precision: str) -> None:
    d = one(text)
    assert (d.span.text, d.value, d.precision) == (span, value, precision)


@pytest.mark.parametrize(("text", "value", "end"), [
    ("من 4 إلى 8 شباط 2013", "2013-02-04", "2013-02-08"),
    ("بين 4 و8 شباط 2013", "2013-02-04", "2013-02-08"),
    ("4-8 February 2013", "2013-02-04", "2013-02-08"),
    ("between 4 and 8 February 2013", "2013-02-04", "2013-02-08"),
    ("February 4-8, 2013", "2013-02-04", "2013-02-08"),
    ("من 27 كانون الثاني إلى 25 شباط 2013", "2013-01-27", "2013-02-25"),
    ("من 20 كانون الأول إلى 5 كانون الثاني 2013", "2012-12-20", "2013-01-05"),
    ("بين العامين 2012 و2014", "2012", "2014"),
    ("between 2012 and 2014", "2012", "2014"),
    ("من عام 2012 إلى عام 2014", "2012", "2014"),
])
def test_ranges(text: str, value: str, end: str) -> None:
    d = one(text)
    assert (d.value, d.end, d.days) == (value, end, ())


def test_range_of_the_same_month_with_a_relative_end() -> None:
    text = "رصد المعركة منذ انطلاقها في الـ 19 من آذار الجاري وحتى اليوم الـ 25 من الشهر ذاته"
    d = one(text, reference=SATURDAY)
    assert (d.value, d.end) == ("2017-03-19", "2017-03-25")
    assert d.span.text == "الـ 19 من آذار الجاري وحتى اليوم الـ 25 من الشهر ذاته"


def test_list_of_days() -> None:
    text = "بتاريخ 04، 06، 08، 10، 11 شباط،فبراير، تصدى"
    d = one(text, default_year=2013)
    assert d.span.text == "04، 06، 08، 10، 11 شباط،فبراير"
    assert d.value == "2013-02-04" and d.end is None
    assert d.days == ("2013-02-04", "2013-02-06", "2013-02-08", "2013-02-10", "2013-02-11")
    assert one("أيام 4 و5 آذار 2012").days == ("2012-03-04", "2012-03-05")


def test_missing_year_takes_the_latest_year_written_before() -> None:
    text = ("بدأت المعركة بتاريخ 27 كانون الثاني/يناير عام 2013 ثم بتاريخ 02 شباط/فبراير "
            "وفي العام 2014 بتاريخ 3 آذار")
    values = [d.value for d in find_dates(text, reference=date(2020, 1, 1), default_year=1999)]
    assert values == ["2013-01-27", "2013-02-02", "2014", "2014-03-03"]


def test_missing_year_without_context() -> None:
    text = "بتاريخ 28 كانون الثاني/يناير، استهدف"
    assert one(text, default_year=2013).value == "2013-01-28"
    assert one(text, reference=date(2017, 3, 25)).value == "2017-01-28"
    # the reference year would put the date after the reference: the year before
    assert one("في 8 من كانون الأول", reference=SATURDAY).value == "2016-12-08"
    assert find_dates(text) == []


@pytest.mark.parametrize(("text", "span", "value"), [
    ("اليوم", "اليوم", "2017-03-25"),
    ("حتى اليوم.", "اليوم", "2017-03-25"),
    ("أمس", "أمس", "2017-03-24"),
    ("يوم أمس", "يوم أمس", "2017-03-24"),
    ("بالأمس", "الأمس", "2017-03-24"),
    ("البارحة", "البارحة", "2017-03-24"),
    ("أول أمس", "أول أمس", "2017-03-23"),
    ("أول من أمس", "أول من أمس", "2017-03-23"),
    ("yesterday", "yesterday", "2017-03-24"),
    ("فجر الأحد", "الأحد", "2017-03-19"),
    ("مساء الاثنين", "الاثنين", "2017-03-20"),
    ("منذ الإثنين", "الإثنين", "2017-03-20"),
    ("يوم الاثنين", "يوم الاثنين", "2017-03-20"),
    ("والخميس", "الخميس", "2017-03-23"),
    ("السبت", "السبت", "2017-03-25"),  # the reference's own weekday is the reference
    ("صباح اليوم السبت", "اليوم السبت", "2017-03-25"),
    ("الأحد الماضي", "الأحد الماضي", "2017-03-19"),
    ("السبت الماضي", "السبت الماضي", "2017-03-18"),
    ("الأحد المقبل", "الأحد المقبل", "2017-03-26"),
    ("on Monday", "Monday", "2017-03-20"),
    ("last Saturday", "last Saturday", "2017-03-18"),
    ("next Monday", "next Monday", "2017-03-27"),
])
def test_relative_days(text: str, span: str, value: str) -> None:
    d = one(text, reference=SATURDAY)
    assert (d.span.text, d.value, d.precision, d.relative) == (span, value, "day", True)


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("الشهر الجاري", "2017-03", "month"),
    ("الشهر الماضي", "2017-02", "month"),
    ("العام الماضي", "2016", "year"),
    ("last year", "2016", "year"),
    ("شباط الماضي", "2017-02", "month"),
    ("آذار الماضي", "2016-03", "month"),
    ("آذار المقبل", "2018-03", "month"),
    ("في الـ 19 من آذار الجاري", "2017-03-19", "day"),
    ("الـ 3 من الشهر الجاري", "2017-03-03", "day"),
])
def test_relative_months_and_years(text: str, value: str, precision: str) -> None:
    d = one(text, reference=SATURDAY)
    assert (d.value, d.precision, d.relative) == (value, precision, True)


def test_reference_may_be_a_datetime_and_bad_arguments_are_named() -> None:
    assert one("أمس", reference=datetime(2017, 3, 25, 14, 30)).value == "2017-03-24"
    with pytest.raises(TypeError, match=r"reference must be a datetime\.date"):
        find_dates("أمس", reference="2017-03-25")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="default_year"):
        find_dates("أمس", default_year=17)


def test_relative_words_need_a_reference() -> None:
    assert find_dates("قتل اليوم الخميس ثلاثة مدنيين") == []
    assert find_dates("on Monday", default_year=2017) == []


@pytest.mark.parametrize("text", [
    "في اليوم التالي للهجوم",  # the next day, not today
    "اليوم الأول من المعركة",
    "الساعة الثانية إلا عشر دقائق",
    "لا أب له",  # آب (August) and أب (father) normalise alike
    "may be the case",
    "he will march on",
    "مارس الضغط",
    "30 شباط 2013",  # no such day
    "3500 سجين",
    "منذ 25 عاماً",
    "الشهر",
    "كود SMI/A900/243",
    "12/2013",
    "العام 1850",
    "كانون الثاني 27 إلى 27",  # month first is an English order only
])
def test_not_dates(text: str) -> None:
    assert find_dates(text, reference=SATURDAY) == []


def test_month_alone_needs_a_cue() -> None:
    assert one("وقعت في شباط", reference=SATURDAY).value == "2017-02"
    assert find_dates("شباط", reference=SATURDAY) == []
    assert one("in May", reference=SATURDAY).value == "2016-05"


def test_a_count_after_a_month_is_not_its_day() -> None:
    d = one("قتل في شهر آذار 15 مدنياً", reference=SATURDAY)
    assert (d.span.text, d.value, d.precision) == ("شهر آذار", "2017-03", "month")


def test_english_month_names_must_be_capitalised() -> None:
    assert find_dates("27 january 2013") == []
    assert one("27 January 2013").value == "2013-01-27"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="sample corpus not present")
def test_archive_record_dates() -> None:
    text = (CORPUS / "000_b315353a4c1e0524.txt").read_text(encoding="utf-8")
    values = [d.value for d in find_dates(text)]
    assert values[:4] == ["2013-01-27", "2013-02-25", "2013-01-27", "2013-02"]
    assert "2013-01-30" in values and "2013-02-22" in values
    (days,) = [d for d in find_dates(text) if d.days]
    assert len(days.days) == 5


TOKENS = st.sampled_from([
    "27", "٢٧", "8", "2013", "٢٠١٣", "كانون الثاني", "شباط", "آذار", "/", "يناير", "من", "عام",
    "العام", "الجاري", "الـ", "اليوم", "أمس", "الأحد", "الماضي", "إلى", "و", "،", " ", "\n",
    "January", "Monday", "between", "and", "-", "ً", "ـ", "x", "الشهر", "ذاته",
])


@given(st.lists(TOKENS, max_size=20).map(" ".join), st.booleans())
def test_spans_are_slices_of_the_original(text: str, with_reference: bool) -> None:
    reference = SATURDAY if with_reference else None
    found = find_dates(text, reference=reference)
    for d in found:
        assert text[d.span.start:d.span.end] == d.span.text
        assert len(d.value) == {"day": 10, "month": 7, "year": 4}[d.precision]
        if d.end is not None:
            assert d.end > d.value
    assert [d.span.start for d in found] == sorted(d.span.start for d in found)


@given(st.text(alphabet="ابتكنوشرمل ٠١٢٣٤٥٦٧٨٩0123456789/-.،\u064e\u0640aJ", max_size=60))
def test_random_text_gives_valid_spans(text: str) -> None:
    for d in find_dates(text, reference=SATURDAY):
        assert text[d.span.start:d.span.end] == d.span.text


def _assert_regions_cover_every_match(text: str) -> None:
    lex = _lexicon()
    norm = normalize_text(text, keep_punctuation=True).text
    regions = _regions(norm, lex)
    for kind, pattern in lex.patterns:
        for m in pattern.finditer(norm):
            assert any(a <= m.start() and m.end() <= b for a, b in regions.get(kind, ())), kind


FILLER = "قالت مصادر محلية إن الأوضاع ما زالت متوترة في المنطقة"


@given(st.lists(st.one_of(TOKENS, st.just(FILLER)), max_size=30).map(" ".join))
def test_each_pattern_reads_every_place_it_can_match(text: str) -> None:
    """Reading only around the words a pattern needs loses no match of the whole text."""
    _assert_regions_cover_every_match(text)


JOINED = st.lists(st.tuples(st.sampled_from([
    "آب", "أغسطس", "تموز", "شهر", "عام", "الأول", "من", "8", "2013", "و", "ب", "ال", "الشب",
    "كت", "الأحد", "أمس", "/", "،", "x",
]), st.sampled_from(["", " "])), max_size=20).map(lambda parts: "".join(a + b for a, b in parts))


@given(JOINED)
def test_a_needed_word_inside_another_loses_no_match(text: str) -> None:
    """Month names written inside other words ("الشباب", "كتاب") make no region, and no
    match is lost for it, however the words are run together."""
    _assert_regions_cover_every_match(text)


def test_a_month_name_at_the_end_of_a_word_makes_no_region() -> None:
    norm = normalize_text("وقال أحد الشباب إن الكتاب صدر", keep_punctuation=True).text
    assert "month" not in _regions(norm, _lexicon())


@pytest.mark.parametrize(("text", "value", "end"), [
    ("قصفت الطائرات البلدة خلال الأسبوع الماضي.", "2019-03-04", "2019-03-10"),
    ("Rebels took the village last week.", "2019-03-04", "2019-03-10"),
    ("وسيطرت خلال الـ48 ساعة الفائتة على 11 قرية.", "2019-03-12", "2019-03-14"),
    ("Jets struck the town in the past 24 hours.", "2019-03-13", "2019-03-14"),
    ("سيطرت القوات خلال الساعات الماضية على مزارع.", "2019-03-13", "2019-03-14"),
    ("وتدور معارك منذ بداية الأسبوع الجاري.", "2019-03-11", "2019-03-14"),
])
def test_weeks_and_hours_are_the_days_they_span(text: str, value: str, end: str) -> None:
    (found,) = find_dates(text, reference=date(2019, 3, 14))
    assert (found.value, found.end, found.relative) == (value, end, True)


@pytest.mark.parametrize("text", [
    "Heavy shelling overnight hit the town.", "وقصفت الطائرات البلدة الليلة الماضية."])
def test_overnight_is_the_night_before_the_report(text: str) -> None:
    assert [d.value for d in find_dates(text, reference=date(2019, 3, 14))] == ["2019-03-13"]


@pytest.mark.parametrize("text", [
    "hours of shelling", "الساعات الطويلة", "خلال 48 ساعة من القصف", "a week"])
def test_hours_and_weeks_without_a_past_are_no_date(text: str) -> None:
    assert find_dates(text, reference=date(2019, 3, 14)) == []


def test_a_year_after_since_does_not_date_the_days_after_it() -> None:
    text = "المدينة المحاصرة منذ تشرين الثاني 2012، ثم في 15 تشرين الثاني قصفت."
    assert [d.value for d in find_dates(text, reference=date(2016, 12, 20))] == [
        "2012-11", "2016-11-15"]
    text = "في تشرين الثاني 2012، ثم في 15 تشرين الثاني قصفت."
    assert [d.value for d in find_dates(text, reference=date(2016, 12, 20))] == [
        "2012-11", "2012-11-15"]


@pytest.mark.parametrize(("text", "values"), [
    ("سيطرت الفصائل على المعبر في نيسان 2015. وقتل 150 منذ بدء الحملة في 19 حزيران.",
     ["2015-04", "2018-06-19"]),
    ("The rebels seized the crossing in April 2015. The offensive began on June 19.",
     ["2015-04", "2018-06-19"]),
    ("Manbij fell in December 2024. A strike on January 16 killed six.",
     ["2024-12", "2019-01-16"]),
])
def test_in_news_a_year_written_in_another_sentence_dates_no_day(text: str,
                                                                    values: list[str]) -> None:
    reference = date(2018, 7, 6) if "2015" in text else date(2019, 10, 7)
    assert [d.value for d in find_dates(text, reference=reference)] == values


def test_without_a_reference_the_year_last_written_holds_across_sentences() -> None:
    text = "سيطرت الفصائل على المعبر في نيسان 2015. وانسحبت منه في 19 حزيران."
    assert [d.value for d in find_dates(text)] == ["2015-04", "2015-06-19"]
    text = "سيطرت الفصائل على المعبر في 3 نيسان 2015 ثم انسحبت منه في 19 حزيران."
    assert [d.value for d in find_dates(text, reference=date(2018, 7, 6))] == [
        "2015-04-03", "2015-06-19"]


@pytest.mark.parametrize(("text", "value"), [
    ("سيطر التنظيم على المدينة في أيار من العام الماضي.", "2015-05"),
    ("سيطر التنظيم على المدينة في أيار من العام الجاري.", "2016-05"),
])
def test_a_month_of_the_last_or_this_year(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, reference=date(2016, 3, 27))] == [value]


@pytest.mark.parametrize(("text", "values"), [
    ("بتاريخ 28 كانون الثاني 2013 هاجم الجيش الحر الحي. وفي اليوم التالي اندلعت اشتباكات.",
     ["2013-01-28", "2013-01-29"]),
    ("بتاريخ 28 كانون الثاني 2013 هاجم الجيش الحر الحي، وبعد يومين انسحب منه.",
     ["2013-01-28", "2013-01-30"]),
    ("The SDF attacked on March 10, 2019. Two days later it stormed the camp.",
     ["2019-03-10", "2019-03-12"]),
    ("The SDF attacked on March 10, 2019, and took the camp the following day.",
     ["2019-03-10", "2019-03-11"]),
])
def test_days_after_the_day_last_named(text: str, values: list[str]) -> None:
    assert [d.value for d in find_dates(text)] == values


@pytest.mark.parametrize("text", [
    "وفي اليوم التالي اندلعت اشتباكات.",  # no day named before
    "بتاريخ 28 كانون الثاني 2013 قتل شاب، بعد يومين من تشييع الشهداء.",
])
def test_days_after_need_the_day_they_follow(text: str) -> None:
    assert all(d.value == "2013-01-28" for d in find_dates(text))


@pytest.mark.parametrize("text", [
    "سيطرت الفصائل خلال الأيام الماضية على ثلاثة حواجز.",
    "وحررت الوحدات خلال الأيام الثلاثة الماضية قرى عدة.",
    "قتل 30 عنصرا في معارك اليومين الماضيين.",
    "Rebels took several villages over the past few days.",
    "Warplanes struck the town in recent days.",
])
def test_the_last_days_before_the_report_are_its_month(text: str) -> None:
    (found,) = find_dates(text, reference=date(2015, 6, 16))
    assert (found.value, found.precision) == ("2015-06", "month")


@pytest.mark.parametrize("text", [
    "وقتل في الساعات الأخيرة من الحصار عشرات المدنيين.",
    "Dozens were killed in the last hours of the siege.",
])
def test_the_last_hours_of_something_are_no_date(text: str) -> None:
    assert find_dates(text, reference=date(2015, 6, 16)) == []


@pytest.mark.parametrize(("text", "values"), [
    ("ارتكبت القوات مجزرة مساء الجمعة 25 أيار 2012.\n\nوبدأ القصف بعد ظهر الجمعة.",
     ["2012-05-25", "2012-05-25"]),
    ("The massacre began on Friday, May 25, 2012.\n\nThe shelling had started on Friday "
     "afternoon.", ["2012-05-25", "2012-05-25"]),
    ("بدأ القصف بعد ظهر الجمعة.", ["2012-06-08"]),
    ("ارتكبت القوات مجزرة مساء الجمعة 25 أيار 2012.\n\nوبدأ القصف يوم الجمعة الماضي.",
     ["2012-05-25", "2012-06-01"]),
])
def test_a_weekday_alone_is_the_day_of_that_weekday_the_text_named(
        text: str, values: list[str]) -> None:
    assert [d.value for d in find_dates(text, reference=date(2012, 6, 8))] == values


@pytest.mark.parametrize(("text", "values"), [
    ("The rebels had taken Idlib on March 28. The assault on the town began on April 22, "
     "and its last checkpoints fell on Saturday.", ["2015-03-28", "2015-04-22", "2015-04-25"]),
    ("سيطرت الفصائل على إدلب في 28 آذار، وبدأ الهجوم على المدينة في 22 نيسان، "
     "وسقطت آخر حواجزها يوم السبت.", ["2015-03-28", "2015-04-22", "2015-04-25"]),
])
def test_a_weekday_alone_is_not_a_day_named_weeks_before_the_story_s_last_day(
        text: str, values: list[str]) -> None:
    assert [d.value for d in find_dates(text, reference=date(2015, 4, 28))] == values


def test_days_earlier_count_back_from_the_day_last_named() -> None:
    text = "On Monday, July 29, the army said it had taken the mosque two days earlier."
    assert [d.value for d in find_dates(text, reference=date(2013, 7, 29))] == [
        "2013-07-29", "2013-07-27"]


def test_a_day_word_before_a_weekday_and_its_date_is_one_date() -> None:
    (found,) = find_dates("وقعت المجزرة يوم الأربعاء 6 حزيران 2012.", reference=date(2012, 6, 8))
    assert (found.value, found.relative, found.span.text) == (
        "2012-06-06", False, "يوم الأربعاء 6 حزيران 2012")


@pytest.mark.parametrize(("text", "value"), [
    # SATURDAY is 2017-03-25: the night named by the two days it joins began on the first
    ("انسحب المقاتلون من البلدة ليل الخميس-الجمعة.", "2017-03-23"),
    ("دارت اشتباكات في محيط القرية ليلة الأربعاء – الخميس.", "2017-03-22"),
    ("The fighters pulled out on the night of Thursday to Friday.", "2017-03-23"),
    ("Rockets hit the town in the night of Wednesday to Thursday.", "2017-03-22"),
    # told from midnight, it is the second day
    ("تدور منذ منتصف ليل الخميس – الجمعة اشتباكات عنيفة.", "2017-03-24"),
    ("Clashes have raged since midnight Thursday to Friday.", "2017-03-24"),
])
def test_a_night_named_by_two_days_is_one_day(text: str, value: str) -> None:
    d = one(text, reference=SATURDAY)
    assert (d.value, d.end) == (value, None)


@pytest.mark.parametrize("text", [
    "The offensive went on from Thursday to Friday.",
    "استمرت الاشتباكات من الخميس إلى الجمعة.",
])
def test_two_days_with_no_night_stay_a_range(text: str) -> None:
    d = one(text, reference=SATURDAY)
    assert (d.value, d.end) == ("2017-03-23", "2017-03-24")


@pytest.mark.parametrize("text", [
    "قصف الطيران منذ ساعات الصباح الأولى 12 موقعا في ريف حلب",
    "شنت الطائرات منذ ساعات الصباح الأولى غارات على القرى",
])
def test_the_early_morning_hours_with_no_day_are_the_report_s_day(text: str) -> None:
    # a number after a phrase of several words does not make it a day of a month
    found = find_dates(text, reference=date(2021, 3, 4))
    assert [(d.value, d.precision) for d in found] == [("2021-03-04", "day")]
