"""Events: both sides of one change of hands told in one sentence, the quarters and
villages a capture lists each on their own, and what a quotation tells."""

from __future__ import annotations

import pytest


def told(extraction) -> list[tuple[str, str | None, tuple[str, ...]]]:
    return [(e.kind, e.start, tuple(e.places)) for e in extraction.events]


LATAMNEH, KAFR_ZITA, JARABLUS = "C3458", "C3463", "C2227"


@pytest.mark.parametrize("text, language, first, second, day", [
    ("سيطرت قوات النظام أمس على بلدة اللطامنة بعد انسحاب الفصائل منها.", "ar",
     "capture", "withdrawal", "2021-07-28"),
    ("سيطرت قوات النظام أمس على بلدة اللطامنة إثر انسحاب مقاتلي الفصائل منها.", "ar",
     "capture", "withdrawal", "2021-07-28"),
    ("دخلت قوات النظام أمس بلدة اللطامنة، ثم اضطرت إلى الانسحاب منها تحت ضغط الهجوم.",
     "ar", "capture", "withdrawal", "2021-07-28"),
    ("انسحبت الفصائل فجر اليوم من بلدة اللطامنة، ودخلتها قوات النظام بعد ساعات.", "ar",
     "withdrawal", "capture", "2021-07-29"),
    ("The army captured al-Latamneh on Tuesday after the militants withdrew from the town.",
     "en", "capture", "withdrawal", "2021-07-27"),
    ("Rebels withdrew from al-Latamneh on Tuesday, and government forces took control of "
     "it hours later.", "en", "withdrawal", "capture", "2021-07-27"),
])
def test_the_other_side_of_a_change_of_hands_happens_at_the_place_taken(
        extract, text, language, first, second, day):
    text = text.replace("al-Latamneh", "Jarablus") if language == "en" else text
    place = JARABLUS if language == "en" else LATAMNEH
    assert told(extract(text, language=language)) == [
        (first, day, (place,)), (second, day, (place,))]


@pytest.mark.parametrize("text", [
    # a shelling after a withdrawal: no change of hands is told, one shelling
    "قصفت قوات النظام أمس بلدة اللطامنة، بعد انسحاب الفصائل منها.",
    # the same side twice is one capture
    "سيطرت قوات النظام أمس على بلدة اللطامنة بعد اقتحامها من ثلاثة محاور.",
])
def test_no_other_side_is_read_where_the_sentence_tells_none(extract, text):
    found = told(extract(text))
    assert len(found) == 1 and found[0][2] == (LATAMNEH,)


def test_a_withdrawal_named_with_its_article_is_one(extract):
    text = "أعلنت الفصائل أمس الانسحاب من بلدة كفرزيتا."
    assert told(extract(text)) == [("withdrawal", "2021-07-28", (KAFR_ZITA,))]


def test_quarters_and_villages_a_capture_lists_are_each_a_happening(extract):
    text = "سيطرت قوات سوريا الديمقراطية أمس على حيي البدو والثكنة في مدينة الرقة."
    found = told(extract(text))
    assert [k for k, _, _ in found] == ["capture", "capture"]
    assert len({p for _, _, p in found}) == 2 and all(len(p) == 1 for _, _, p in found)
    text = "سيطرت الفصائل أمس على قريتي الزيتونة والمزيرعة في ريف إدلب."
    assert len(told(extract(text))) == 2
    # a strike on two quarters stays one strike: only towns are struck on their own
    text = "قصفت قوات النظام أمس حيي البدو والثكنة في مدينة الرقة."
    assert len(told(extract(text))) == 1


@pytest.mark.parametrize("text, language", [
    ("أعلنت القيادة العامة اليوم أن قواتها \"أحكمت سيطرتها على بلدة اللطامنة\".", "ar"),
    ("أعلنت القيادة العامة اليوم أن قواتها “أحكمت سيطرتها على بلدة اللطامنة”.", "ar"),
    ("\"We are pulling out of al-Latamneh with our light weapons only,\" a commander "
     "said on Thursday.", "en"),
])
def test_a_party_quoted_saying_what_it_did_at_a_place_tells_it(extract, text, language):
    text = text.replace("al-Latamneh", "Jarablus")
    assert len(told(extract(text, language=language))) == 1


@pytest.mark.parametrize("text, language", [
    # a label set apart, which the report does not vouch for
    ("وقال القيادي إن قوات النظام “هربت” من بلدة اللطامنة.", "ar"),
    # quoted words that name no place
    ("ونقلت الصحيفة عن مصادر ميدانية اليوم أن \"ما يجري هو معارك كر وفر\".", "ar"),
    ("A commander said on Thursday that \"what is going on is hit-and-run fighting\".", "en"),
])
def test_a_quoted_label_or_placeless_quotation_is_no_episode(extract, text, language):
    assert told(extract(text, language=language)) == []


def test_what_an_undated_report_came_after_has_no_date_of_its_own(extract):
    # "بعدما" opens what came before: the infiltration is not of the lead's day
    text = ("أكدت الصحيفة اليوم أن \"الجيش أرسل تعزيزات إلى المنطقة\" بعدما \"تسلل "
            "التنظيم إلى أبنية في حي القدم\".")
    assert [(k, d) for k, d, _ in told(extract(text))] == [("attack", None)]
    # with a day of its own, it keeps it
    text = "أكدت الصحيفة اليوم أن الجيش أرسل تعزيزات بعدما تسلل التنظيم أمس إلى حي القدم."
    assert [(k, d) for k, d, _ in told(extract(text))] == [("attack", "2021-07-28")]


@pytest.mark.parametrize("text, language", [
    ("فر آلاف من المدنيين أمس من بلدة اللطامنة.", "ar"),
    ("ونزحت العائلات أمس من بلدة اللطامنة بعد أن فر الأهالي منها.", "ar"),
    ("Hundreds of families fled Jarablus on Tuesday.", "en"),
    ("Tens of thousands of civilians have fled Jarablus since Tuesday.", "en"),
])
def test_civilians_fleeing_is_no_withdrawal(extract, text, language):
    assert [k for k, _, _ in told(extract(text, language=language))] == []


@pytest.mark.parametrize("text, language", [
    ("فر عناصر قوات النظام أمس من بلدة اللطامنة.", "ar"),
    ("Government troops fled Jarablus on Tuesday, leaving civilians behind.", "en"),
])
def test_a_force_fleeing_is_a_withdrawal(extract, text, language):
    assert [k for k, _, _ in told(extract(text, language=language))] == ["withdrawal"]


@pytest.mark.parametrize("text, language, day", [
    ("أعادت وحدات من الجيش أمس الأمن والاستقرار إلى بلدة اللطامنة.", "ar", "2021-07-28"),
    ("أعادت وحدات الجيش الأمن والاستقرار إلى بلدة اللطامنة اليوم.", "ar", "2021-07-29"),
    ("Army units on Monday restored security and stability to Jarablus.", "en", "2021-07-26"),
])
def test_security_restored_to_a_place_is_its_capture(extract, text, language, day):
    place = JARABLUS if language == "en" else LATAMNEH
    assert told(extract(text, language=language)) == [("capture", day, (place,))]


def test_security_kept_in_a_place_is_no_capture(extract):
    assert told(extract("وتعمل الوحدات على حفظ الأمن والاستقرار في بلدة اللطامنة.")) == []


@pytest.mark.parametrize("text, language", [
    ("سيطرت الفصائل أمس على مطار كويرس العسكري والمحطة الحرارية في ريف حلب.", "ar"),
    ("استعاد الجيش اليوم مطار تدمر العسكري وصوامع الحبوب شرق مدينة تدمر.", "ar"),
])
def test_each_facility_a_capture_names_is_taken_on_its_own(extract, text, language):
    found = told(extract(text, language=language))
    assert [k for k, _, _ in found] == ["capture", "capture"]
    assert len({p for _, _, p in found}) == 2 and all(len(p) == 1 for _, _, p in found)


def test_facilities_a_strike_hits_are_one_strike(extract):
    text = "قصفت قوات النظام أمس مطار كويرس العسكري والمحطة الحرارية في ريف حلب."
    assert len(told(extract(text))) == 1


@pytest.mark.parametrize("text, language", [
    ("وأكد ناشطون أن الطيران المروحي حلق فوق بلدة اللطامنة طوال ساعات النهار.", "ar"),
    ("ورصد مراسلنا اليوم تحليقا مكثفا للطيران الحربي في أجواء بلدة اللطامنة.", "ar"),
    ("Coalition warplanes circled over Jarablus on Tuesday.", "en"),
])
def test_aircraft_flying_over_is_no_airstrike(extract, text, language):
    assert told(extract(text, language=language)) == []


@pytest.mark.parametrize("text, language", [
    ("شن الطيران الحربي اليوم غارات على بلدة اللطامنة بعد تحليق استمر ساعات.", "ar"),
    ("Warplanes struck Jarablus on Tuesday.", "en"),
])
def test_aircraft_striking_is_an_airstrike(extract, text, language):
    assert [k for k, _, _ in told(extract(text, language=language))] == ["airstrike"]


def test_places_taken_after_an_assault_told_first_are_each_a_happening(extract):
    text = ("استأنفت قوات النظام أمس هجوماً واسعاً على الأحياء الشرقية، وسيطرت على أحياء "
            "مساكن هنانو وجبل بدرو والصاخور.")
    found = told(extract(text, published="2016-11-16"))
    assert len(found) == 3 and all(len(p) == 1 for _, _, p in found)
    assert {d for _, d, _ in found} == {"2016-11-15"}
    # an assault on quarters with nothing taken stays one event
    text = "شنت قوات النظام أمس هجوماً واسعاً على أحياء مساكن هنانو وجبل بدرو والصاخور."
    assert len(told(extract(text, published="2016-11-16"))) == 1


@pytest.mark.parametrize("text, language", [
    ("لم تسجل أي غارة جوية على بلدة اللطامنة منذ صباح اليوم.", "ar"),
    ("لم يشهد ريف إدلب أي اشتباكات اليوم في بلدة اللطامنة.", "ar"),
    ("Monitors have not observed any Russian airstrikes on Jarablus since Tuesday.", "en"),
])
def test_a_negation_carried_by_any_tells_nothing_happened(extract, text, language):
    assert told(extract(text, language=language)) == []


@pytest.mark.parametrize("text, language", [
    ("شن الطيران الحربي اليوم غارات على بلدة اللطامنة دون أي رد من الفصائل.", "ar"),
    ("Warplanes struck Jarablus on Tuesday, and any fighters left behind fled.", "en"),
])
def test_any_without_a_negation_before_the_cue_denies_nothing(extract, text, language):
    assert [k for k, _, _ in told(extract(text, language=language))][:1] == ["airstrike"]


BUSAYRAH, KHABUR, EUPHRATES = "C5110", "khabur", "euphrates"


@pytest.mark.parametrize("text, language", [
    ("وصلت اليوم أنباء عن بلدة البصيرة، عند ملتقى نهري الخابور والفرات، التي سقطت بيد "
     "مقاتلي العشائر.", "ar"),
    ("سيطر مقاتلو العشائر اليوم على بلدة البصيرة ونهر الفرات.", "ar"),
    ("The town of al-Busayrah, at the confluence of the Khabur and Euphrates rivers, fell "
     "to tribal fighters on Thursday.", "en"),
])
def test_a_river_named_with_a_town_taken_is_where_the_town_lies(extract, text, language):
    found = told(extract(text, language=language, published="2021-07-29"))
    assert len(found) == 1 and found[0][0] == "capture" and found[0][2][0] == BUSAYRAH
    assert set(found[0][2][1:]) <= {KHABUR, EUPHRATES}


def test_a_base_named_with_a_town_taken_is_taken_on_its_own(extract):
    text = "سيطرت الفصائل اليوم على بلدة دير حافر ومطار كويرس العسكري."
    found = told(extract(text))
    assert [k for k, _, _ in found] == ["capture", "capture"]
    assert found[1][2] == ("kweires-airbase",)


@pytest.mark.parametrize("text", [
    "Government forces take control of Jarablus after the withdrawal of the rebels",
    "The army takes full control of Jarablus after the rebels withdraw",
])
def test_a_headline_in_the_present_tells_a_place_taken(extract, text):
    found = told(extract(text, language="en"))
    assert ("capture", None, (JARABLUS,)) in found


@pytest.mark.parametrize("text", [
    "The army captured Jarablus on Tuesday after the last militants left the town.",
    "The army captured Jarablus on Tuesday as the last rebel unit pulls out of the town.",
])
def test_fighters_leaving_the_town_taken_are_its_other_side(extract, text):
    assert told(extract(text, language="en")) == [
        ("capture", "2021-07-27", (JARABLUS,)), ("withdrawal", "2021-07-27", (JARABLUS,))]


def test_a_demand_that_fighters_withdraw_tells_no_withdrawal(extract):
    text = "The army captured Jarablus on Tuesday and demanded that the rebels withdraw east."
    assert [k for k, _, _ in told(extract(text, language="en"))] == ["capture"]
