"""Withdrawals told after the change they go with: a party that went somewhere ("fled south
towards", "التي تراجعت إلى") left the place just taken; the capital as the place left; a
party that lost a place and left it is one claim of its leaving."""

import pytest


def claims(extract, text: str, language: str = "ar") -> list[tuple[str | None, str, str | None]]:
    x = extract(text, language=language)
    places = {p.key: p.labels.get("en") for p in x.places}
    return [(c.actor, c.change, places.get(c.place)) for c in x.control_claims]


@pytest.mark.parametrize(("text", "language", "left"), [
    ("سيطرت فصائل المعارضة على بلدة كفرنبودة بعد اشتباكات مع قوات النظام التي انسحبت باتجاه "
     "بلدة قلعة المضيق.", "ar", ("syrian-government-forces", "withdrew", "Kafr Nabutha")),
    ("Rebels captured the town of Saraqib on Monday after clashes with government forces who "
     "retreated towards Idlib.", "en", ("syrian-government-forces", "withdrew", "Saraqab")),
    ("Government forces captured the town of Dabiq after clashes with IS militants, who fled "
     "east towards al-Bab.", "en", ("islamic-state", "withdrew", "Dabeq")),
])
def test_a_party_that_went_somewhere_in_a_relative_clause_left_the_place_taken(extract, text, language, left):
    assert left in claims(extract, text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("سيطرت فصائل المعارضة على بلدة كفرنبودة بعد اشتباكات مع قوات النظام التي تقصف المنطقة منذ أسابيع.",
     "ar"),  # a relative clause that tells no going
    ("سيطرت فصائل المعارضة على بلدة كفرنبودة، وأسرت عددا من المقاتلين الذين فروا باتجاه بلدة قلعة "
     "المضيق.", "ar"),  # men of no party named
    ("Government forces captured the town of Dabiq, and hundreds of civilians fled north towards al-Bab.",
     "en"),  # people, not a party
])
def test_no_withdrawal_of_a_party_not_named_or_of_people(extract, text, language):
    assert [c for c in claims(extract, text, language) if c[1] == "withdrew"] == []


def test_a_way_before_where_a_party_went_leaves_the_place_taken(extract):
    text = "Rebels captured the town of Dabiq on Monday, while IS militants fled south towards al-Bab."
    assert ("islamic-state", "withdrew", "Dabeq") in claims(extract, text, "en")


@pytest.mark.parametrize(("text", "language"), [
    ("Opposition fighters entered Damascus on Sunday after the army abandoned the capital overnight.", "en"),
    ("دخلت فصائل المعارضة مدينة دمشق فجر اليوم، بعد أن انسحبت قوات النظام من العاصمة.", "ar"),
])
def test_the_capital_left_is_the_city_named_before(extract, text, language):
    assert ("syrian-government-forces", "withdrew", "Damascus") in claims(extract, text, language)


def test_a_place_lost_and_left_is_one_claim_of_leaving(extract):
    text = "Rebels seized the town of Dabiq from IS on Monday, while IS militants fled south towards al-Bab."
    backward = [c for c in claims(extract, text, "en") if c[1] in ("withdrew", "lost")]
    assert len(backward) == 1 and backward[0][0] == "islamic-state" and backward[0][2] == "Dabeq"


def test_a_list_goes_on_past_another_name_in_brackets_and_regular_forces_are_the_state_s(extract):
    text = ("The town of al-Tabqa (al-Thawra) and the Euphrates dam fell to rebel fighters on Monday "
            "after clashes with the regular forces who withdrew towards the military airport.")
    found = claims(extract, text, "en")
    assert ("syrian-opposition-factions", "captured", "Al-Thawrah") in found
    assert ("syrian-government-forces", "withdrew", "Al-Thawrah") in found


def test_the_men_taken_out_after_from_are_who_left_not_where_from(extract):
    text = ("دخلت قوات النظام مدينتي الرستن وتلبيسة، بعد إخراج آخر دفعة من المسلحين وعائلاتهم "
            "باتجاه الشمال السوري.")
    found = claims(extract, text)
    assert ("syrian-opposition-factions", "withdrew", "Ar-Rastan") in found
    assert ("syrian-opposition-factions", "withdrew", "Talbiseh") in found


@pytest.mark.parametrize("text", [
    "سيطرت قوات النظام على حي القدم بعد أن انسحب مئات المقاتلين من هيئة تحرير الشام من الحي.",
    "سيطرت قوات النظام على حي القدم، فيما فر المقاتلون من هيئة تحرير الشام باتجاه حي التضامن.",
])
def test_men_of_a_party_after_a_noun_with_the_article_are_the_subject(extract, text):
    found = claims(extract, text)
    assert ("hts", "withdrew", "Al Qadam") in found
    assert ("syrian-government-forces", "withdrew", "Al Qadam") not in found


@pytest.mark.parametrize(("text", "actor"), [
    ("The regime-backed militias which had entered Afrin last month to support the rebels also "
     "withdrew from the town.", "pro-government-militias"),
    ("The rebels who said that government troops had captured Tadif withdrew from the town.",
     "syrian-government-forces"),  # a clause of saying: the party named in it, as before
])
def test_a_relative_clause_with_a_change_of_its_own_leaves_the_party_before_it_the_subject(
        extract, text, actor):
    assert actor in [a for a, change, _ in claims(extract, text, "en") if change == "withdrew"]


@pytest.mark.parametrize(("text", "language", "left"), [
    ("غادرت أرتال من القوات الأمريكية قواعدها قرب عين عيسى وصرين، متجهة نحو الحدود العراقية.", "ar",
     ["Ein Issa", "Sarin"]),
    ("انسحبت القوات الأمريكية من قواعدها قرب بلدة عين عيسى.", "ar", ["Ein Issa"]),
    ("US troops left their bases near Ain Issa on Sunday.", "en", ["Ein Issa"]),
    ("US troops left their bases towards Ain Issa on Sunday.", "en", []),  # where they went
    ("US troops left the bases near Ain Issa on Sunday.", "en", []),  # bases not said to be theirs
])
def test_a_party_that_left_its_own_positions_near_a_place_left_it(extract, text, language, left):
    assert [p for _, change, p in claims(extract, text, language) if change == "withdrew"] == left


@pytest.mark.parametrize(("text", "lost"), [
    ("أعلنت قوات سوريا الديمقراطية السيطرة الكاملة على مدينة الطبقة، بعد شهر على إطلاق حملة لطرد "
     "تنظيم داعش منها.", [("islamic-state", "Al-Thawrah")]),
    ("أعلنت قوات سوريا الديمقراطية السيطرة الكاملة على مدينة الطبقة، وتواصل حملة لطرد تنظيم داعش من "
     "الرقة.", []),  # another place
    ("تحاول قوات سوريا الديمقراطية السيطرة على مدينة الطبقة ضمن حملة لطرد تنظيم داعش منها.", []),  # no taking
])
def test_the_party_a_campaign_set_out_to_expel_lost_the_place_taken(extract, text, lost):
    assert [(a, p) for a, change, p in claims(extract, text) if change in ("lost", "withdrew")] == lost


def test_a_withdrawal_two_sources_tell_is_one_claim(extract):
    text = ("سيطرت قوات النظام على بلدة كفرنبودة. وقال المرصد السوري لحقوق الإنسان إن عناصر الفصائل "
            "انسحبوا من كفرنبودة. وذكرت وكالة سانا أن عناصر الفصائل انسحبوا من كفرنبودة فجر اليوم.")
    assert [c for c in claims(extract, text) if c[1] == "withdrew"] == [
        ("syrian-opposition-factions", "withdrew", "Kafr Nabutha")]
