"""Arabic constructions of war reports around lists of places: a relative clause whose noun of
places is elaborated later ("عدد المناطق التي سيطرت عليها ... وهي A وB"), a count of villages
named after it ("وتلك القرى هي"), the greater part of a place in a list, an aside between a
verb and its verbal noun ("استعادت الفصائل، الجمعة، السيطرة على"), and a place lost to a
party ("خسرت X القرية لصالح Y"); sentences written for these tests."""

import pytest


def claims(extract, text: str) -> list[tuple[str | None, str, str | None]]:
    x = extract(text, published="2019-12-23")
    places = {p.key: p.labels.get("en") or p.labels.get("ar") for p in x.places}
    return [(c.actor, c.change, places.get(c.place)) for c in x.control_claims]


GOV = "syrian-government-forces"


@pytest.mark.parametrize(("text", "expected"), [
    ("وتقدمت قوات النظام في ريف إدلب الجنوبي، ليرتفع عدد المناطق التي سيطرت عليها منذ الصباح "
     "إلى ثلاث مناطق، وهي جرجناز وتلمنس ومعرشمارين.",
     [(GOV, "captured", "Jarjnaz"), (GOV, "captured", "Telamnas"), (GOV, "captured", "Maar Shamarin")]),
    ("وارتفع عدد القرى التي سيطرت عليها قوات النظام منذ بدء الهجوم إلى ثلاث قرى، هي جرجناز "
     "وتلمنس ومعرشمارين بريف إدلب.",
     [(GOV, "captured", "Jarjnaz"), (GOV, "captured", "Telamnas"), (GOV, "captured", "Maar Shamarin")]),
    ("وبذلك يرتفع إلى اثنتين عدد القرى التي انسحبت منها قوات سوريا الديمقراطية، وهي جرجناز "
     "وتلمنس بريف إدلب.",
     [("sdf", "withdrew", "Jarjnaz"), ("sdf", "withdrew", "Telamnas")]),
])
def test_a_relative_clause_on_a_noun_of_places_takes_the_list_that_elaborates_it(extract, text, expected):
    assert claims(extract, text) == expected


def test_a_relative_clause_on_a_noun_of_places_with_no_list_is_no_claim(extract):
    assert claims(extract, "وكانت المناطق التي سيطرت عليها الفصائل في ريف إدلب تتعرض للقصف.") == []


@pytest.mark.parametrize("text", [
    "واستعادت فصائل المعارضة، الجمعة، السيطرة على بلدة سراقب.",
    "واستعادت فصائل المعارضة، بعد معارك عنيفة، السيطرة على بلدة سراقب.",
])
def test_a_verbal_noun_after_an_aside_is_the_object_of_the_verb_before_it(extract, text):
    assert claims(extract, text) == [("syrian-opposition-factions", "captured", "Saraqab")]


def test_a_verbal_noun_after_an_aside_after_no_verb_of_change_is_no_claim(extract):
    assert claims(extract, "وقالت مصادر محلية، الجمعة، إن السيطرة على بلدة سراقب مهمة.") == []


def test_a_count_of_villages_named_after_those_villages_is(extract):
    text = "واستعادت قوات النظام السيطرة على ثلاث قرى بريف إدلب، وتلك القرى هي جرجناز وتلمنس ومعرشمارين."
    assert claims(extract, text) == [
        (GOV, "captured", "Jarjnaz"), (GOV, "captured", "Telamnas"), (GOV, "captured", "Maar Shamarin")]


def test_the_greater_part_of_a_place_in_a_list_is_a_claim_on_it(extract):
    text = "سيطرت قوات النظام على جرجناز وتلمنس والقسم الأكبر من معرشمارين بريف إدلب."
    assert claims(extract, text) == [
        (GOV, "captured", "Jarjnaz"), (GOV, "captured", "Telamnas"), (GOV, "captured", "Maar Shamarin")]


@pytest.mark.parametrize("text", [
    "وخسرت الفصائل قرية كفرنبودة لصالح قوات النظام بعد معارك استمرت أياماً.",
    "وخسرت الفصائل قرية كفرنبودة أمام تقدم قوات النظام.",
])
def test_a_place_lost_to_a_party_is_taken_by_it(extract, text):
    assert claims(extract, text) == [("syrian-opposition-factions", "lost", "Kafr Nabutha"),
                                     (GOV, "captured", "Kafr Nabutha")]


def test_a_place_lost_with_no_party_after_it_is_only_lost(extract):
    text = "وخسرت الفصائل قرية كفرنبودة بعد معارك مع قوات النظام."
    assert claims(extract, text) == [("syrian-opposition-factions", "lost", "Kafr Nabutha")]


def test_a_verb_joined_to_lam_after_a_change_and_a_comma_tells_what_followed(extract):
    text = "وانسحب الجيش الحر من بلدة الفقيع صباح اليوم، لتدخلها قوات الأسد مباشرة."
    assert claims(extract, text) == [("free-syrian-army", "withdrew", "Faqie"),
                                     (GOV, "entered", "Faqie")]


@pytest.mark.parametrize("text", [
    "وحشدت قوات النظام تعزيزات عسكرية، لتسيطر على بلدة كفرنبودة.",
    "وشنت قوات النظام هجوما لتسيطر على بلدة كفرنبودة.",
])
def test_a_verb_joined_to_lam_after_no_change_is_a_purpose(extract, text):
    assert claims(extract, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("وسحبت روسيا قواتها من مطار القامشلي.", [("russia", "withdrew", "Qamishli Airport")]),
    ("وسحبت قوات النظام قواتها من مدينة القامشلي.", [(GOV, "withdrew", "Quamishli")]),
])
def test_a_party_that_takes_its_forces_out_of_a_place_leaves_it(extract, text, expected):
    assert claims(extract, text) == expected


def test_taking_the_dead_out_of_the_rubble_is_no_withdrawal(extract):
    assert claims(extract, "وسحبت فرق الدفاع المدني جثث الضحايا من تحت الأنقاض في مدينة أريحا.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("وسيطرت قوات النظام على تسع قرى بريف حماة، ومن بين القرى التي سيطرت عليها كفرنبودة وقلعة المضيق.",
     [(GOV, "captured", "Kafr Nabutha"), (GOV, "captured", "Madiq Castle")]),
    ("ومن بين المناطق التي انسحبت منها الفصائل كفرنبودة والهبيط بريف إدلب.",
     [("syrian-opposition-factions", "withdrew", "Kafr Nabutha"),
      ("syrian-opposition-factions", "withdrew", "Hbit")]),
])
def test_among_the_places_a_relative_clause_tells_are_the_names_after_it(extract, text, expected):
    assert claims(extract, text) == expected


def test_a_relative_clause_on_a_noun_of_places_after_no_word_of_among_names_nothing_after_it(extract):
    text = "وقصفت الطائرات المناطق التي سيطرت عليها الفصائل كفرنبودة بريف حماة."
    assert [c for c in claims(extract, text) if c[1] == "captured"] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("وباتت مدينة سراقب خالية من عناصر تنظيم الدولة الإسلامية بشكل كامل.",
     [("islamic-state", "withdrew", "Saraqab")]),
    ("وأعلنت الفصائل أن مدينة سراقب باتت خالية من قوات النظام.", [(GOV, "withdrew", "Saraqab")]),
])
def test_a_place_said_empty_of_a_party_was_left_by_it(extract, text, expected):
    assert claims(extract, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("وباتت قرية الهبيط خالية من السكان بعد القصف.", []),
    ("وكانت قرية الهبيط خالية من المدنيين حين دخلتها قوات النظام.", [(GOV, "entered", "Hbit")]),
])
def test_a_place_empty_of_people_was_left_by_no_party(extract, text, expected):
    assert claims(extract, text) == expected


def test_a_place_empty_of_arms_and_gunmen_was_left_by_no_party_named(extract):
    assert claims(extract, "وأصبحت مدينة سراقب خالية من السلاح والمسلحين بشكل كامل.") == []


@pytest.mark.parametrize("text", [
    "وتقدمت الفصائل داخل أحياء مدينة سراقب وسيطرت على معظمها.",
    "وتقدمت الفصائل داخل أحياء مدينة سراقب وسيطرت على أغلبها.",
])
def test_most_of_the_place_a_pronoun_stands_for_is_a_claim_on_it(extract, text):
    assert claims(extract, text) == [("syrian-opposition-factions", "captured", "Saraqab")]
