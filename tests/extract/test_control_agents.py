"""Who makes a change of control: demonstratives, collectives, commands, relative clauses
and subjects of their own, in Arabic and English; sentences written for these tests."""

import pytest


def claims(extract, text: str, language: str = "ar") -> list[tuple[str | None, str, str | None]]:
    x = extract(text, language=language)
    places = {p.key: p.labels.get("en") for p in x.places}
    return [(c.actor, c.change, places.get(c.place)) for c in x.control_claims]


def actors(extract, text: str, language: str = "ar") -> list[str | None]:
    return [actor for actor, _, _ in claims(extract, text, language)]


# --- a demonstrative or a collective stands for a party named before ---------------------

@pytest.mark.parametrize("text", [
    # the party whose words hold the demonstrative's noun, not the last one named
    "دخلت وحدات من الجيش العربي السوري مدينة جسر الشغور بعد فرار التنظيمات المسلحة، "
    "وأعادت هذه الوحدات الأمن والاستقرار إلى بلدة اشتبرق.",
    "تقدمت قوات من الجيش إلى بلدة مورك بعد انسحاب فصائل المعارضة، ثم سيطرت هذه القوات "
    "على بلدة اللطامنة.",
])
def test_a_demonstrative_stands_for_the_party_it_names_again(extract, text):
    assert actors(extract, text)[-1] == "syrian-arab-army"


def test_a_collective_noun_stands_for_the_party_named_with_it(extract):
    text = ("قال ناطق باسم قوات سوريا الديمقراطية إن معارك دارت مع تنظيم داعش في الأحياء "
            "الشرقية، وسيطرت القوات على حي السرب.")
    assert claims(extract, text) == [("sdf", "captured", "Al Sarb")]


def test_a_collective_word_of_another_clause_is_not_the_subject(extract):
    text = "انسحبت فصائل المعارضة من بلدة مورك، ثم سيطرت القوات على بلدة اللطامنة."
    assert claims(extract, text)[-1] == (None, "captured", "Latmana")


def test_a_party_written_apart_from_its_preposition_is_a_complement(extract):
    text = ('تواصل وحدات من الجيش مدعومة بعناصر الأمن وما يعرف بـ"الشبيحة" حملتها على بلدة '
            "كفرنبودة، بعد أن دخلتها الدبابات صباح السبت.")
    assert actors(extract, text) == ["syrian-arab-army"]


# --- parties that are not the subject -----------------------------------------------------

@pytest.mark.parametrize(("text", "language", "actor"), [
    ("وكانت قوات سوريا الديمقراطية، التي تشكل وحدات حماية الشعب عمودها الفقري، قد طوقت "
     "مدينة منبج في حزيران.", "ar", "sdf"),
    ("The Syrian Democratic Forces, which the People's Protection Units lead, encircled "
     "Manbij in June.", "en", "sdf"),
])
def test_a_party_inside_a_relative_clause_describes_another(extract, text, language, actor):
    assert actors(extract, text, language) == [actor]


def test_a_command_of_a_party_is_that_party(extract):
    text = "أعلنت القيادة العامة لوحدات حماية الشعب، في بيان، تحرير مدينة تل أبيض بالكامل."
    assert claims(extract, text) == [("ypg", "captured", "Tell Abiad")]


@pytest.mark.parametrize("text", [
    "أعلن مجلس منبج العسكري، المنضوي في قوات سوريا الديمقراطية، اليوم الجمعة، السيطرة "
    "الكاملة على مدينة منبج.",
    "وأكد مجلس منبج العسكري، في بيان نشره مساء أمس، السيطرة على مدينة منبج.",
])
def test_a_verbal_noun_announced_by_a_party_is_its_change(extract, text):
    assert claims(extract, text) == [("manbij-military-council", "captured", "Menbij")]


def test_a_verb_and_its_noun_split_by_the_subject(extract):
    text = "استعادت فصائل المعارضة، الخميس، السيطرة على مدينة سراقب بعد معارك مع قوات النظام."
    assert claims(extract, text) == [("syrian-opposition-factions", "captured", "Saraqab")]


# --- a subject of its own ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    ("سيطرت الفصائل على بلدة بسيدا، فيما فرت عناصر النظام باتجاه مدينة خان شيخون.", "ar",
     [("syrian-opposition-factions", "captured", "Bsida"),
      ("syrian-government-forces", "withdrew", "Bsida")]),
    ("Rebels captured Saraqib on Monday, while government troops fled toward Maarat al-Numan.",
     "en", [("syrian-opposition-factions", "captured", "Saraqab"),
            ("syrian-government-forces", "withdrew", "Saraqab")]),
])
def test_who_leaves_a_place_another_took(extract, text, language, expected):
    assert claims(extract, text, language) == expected


def test_the_same_party_may_leave_one_place_and_hold_another(extract):
    text = "انسحبت حركة أحرار الشام من بلدة سرمدا، وتحصنت في مدينتي سلقين وحارم، اللتين لا تزالان بيدها."
    assert actors(extract, text) == ["ahrar-al-sham"] * 3


@pytest.mark.parametrize(("text", "language", "expected"), [
    ('وقال المتحدث باسم "لواء شهداء سوريا" إن مقاتلي اللواء، إلى جانب "ألوية صقور الشام" و"جبهة النصرة"، '
     "سيطروا على قرية تلمنس.", "ar", "لواء شهداء سوريا"),
    ("سيطرت قوات النظام، بمساندة حزب الله والميليشيات الإيرانية، على بلدة كفرنبودة.", "ar",
     "syrian-government-forces"),
    ("Government forces, backed by Hezbollah and Iranian militias, captured Kafr Zita.", "en",
     "syrian-government-forces"),
])
def test_a_party_coordinated_with_a_helper_is_a_helper_too(extract, text, language, expected):
    x = extract(text, language=language)
    names = {a.key: a.labels.get("ar") for a in x.actors}
    assert {names.get(c.actor) if expected not in names else c.actor for c in x.control_claims} == {expected}


def test_groups_a_collective_is_made_of_are_still_its_subject(extract):
    text = "أن الفصائل المؤلفة من هيئة تحرير الشام وفيلق الرحمن انسحبت من حي جوبر."
    assert [c.actor for c in extract(text).control_claims] == ["hts"]
