"""Arabic place names in war reports: an adjective after a head noun that is also a village's
name ("قرى جديدة"), and a village whose name opens with a word of names ("تل", "كفر") before a
namesake the gazetteer knows only elsewhere; sentences written for these tests."""

from .test_control_ar_report_lists import GOV, claims


def place_names(extract, text: str) -> list[str | None]:
    x = extract(text, published="2019-12-23")
    return [p.labels.get("en") or p.labels.get("ar") for p in x.places]


def test_new_after_a_plural_head_noun_is_no_village(extract):
    text = "واستعادت الفصائل ثلاث قرى جديدة بريف حماة الشمالي الغربي، وهي قليدين والزقوم."
    assert claims(extract, text) == [("syrian-opposition-factions", "captured", "Qalidin"),
                                     ("syrian-opposition-factions", "captured", "Al Zaqoum")]


def test_the_village_of_that_name_after_a_singular_head_noun_is_still_named(extract):
    assert claims(extract, "سيطرت قوات النظام على بلدة الجديدة بريف حلب.") == [(GOV, "captured", "Jdideh")]


def test_a_known_name_after_a_head_noun_put_in_another_governorate_keeps_the_word_that_opens_it(extract):
    text = "سيطرت قوات النظام على قرية تل الخنازير بريف إدلب الجنوبي."
    assert claims(extract, text) == [(GOV, "captured", "تل الخنازير")]
    assert "الخنازير" not in place_names(extract, text)


def test_a_known_name_put_in_another_governorate_keeps_the_word_that_opens_it(extract):
    text = "سيطرت قوات النظام على تل الخنازير بريف إدلب الجنوبي."
    assert claims(extract, text) == [(GOV, "captured", "تل الخنازير")]
    assert "الخنازير" not in place_names(extract, text)


def test_a_name_of_a_list_nothing_vouches_for_is_the_namesake_near_its_siblings(extract):
    x = extract("وأعلنت قوات النظام السيطرة على كل من أم جلال والخريبة والربيعة.", published="2019-12-23")
    governorates = {p.labels.get("ar"): p.admin1 for p in x.places}
    assert "الخريبة" in governorates
    assert governorates["الخريبة"] == governorates["ربيعة"]
