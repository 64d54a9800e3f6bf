"""Places named only as landmarks of another: after a word of proximity or adjacency and a
head noun with a preposition joined to it ("المجاور لحي", "بمدينة"), a place is where the
object is, not an item of it, nor what a later "البلدة" / "the town" stands for; sentences
written for these tests."""

import pytest

from .test_control import places_of

# --- a head noun with a preposition joined to it ------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("دخلت وحدات حماية الشعب حي الشيخ فارس المجاور لحي الشيخ مقصود مساء أمس.",
     ["Sheikh Fares"]),
    ("سيطرت الفصائل على قرية الهبيط المحاذية لبلدة كفرنبودة بعد اشتباكات عنيفة.", ["Hbit"]),
    ("تقدمت قوات النظام وسيطرت على قرية الهبيط الملاصقة لبلدة كفرنبودة في ريف حماة.", ["Hbit"]),
])
def test_a_place_after_a_word_of_adjacency_and_its_head_is_a_landmark(extract, text, expected):
    assert places_of(extract, text) == expected


@pytest.mark.parametrize("text", [
    "دخلت قوات النظام لحي الشيخ مقصود مساء أمس.",
    "دخلت قوات النظام لحي الشيخ مقصود بعد انسحاب المقاتلين.",
])
def test_the_verbs_own_preposition_on_the_head_still_names_its_object(extract, text):
    assert "Ash-Sheikh Maqsoud" in places_of(extract, text)


# --- an anaphor never stands for a landmark ----------------------------------------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    ("تعرضت بلدة جديدة الفضل، الملاصقة لبلدة جديدة عرطوز في ريف دمشق الغربي، لقصف عنيف. "
     "وفي اليوم التالي طوقت القوات الحكومية البلدة.", "ar", "Jdeidet al-Fadl"),
    ("Rebels shelled the town of Saraqib, near the village of Afis, for a week. "
     "Government forces then entered the town.", "en", "Saraqab"),
    ("Fighting raged in the town of Saraqib, adjacent to the village of Afis. "
     "On Monday government forces entered the town.", "en", "Saraqab"),
])
def test_the_town_is_the_place_named_not_its_landmark(extract, text, language, expected):
    assert places_of(extract, text, language)[-1:] == [expected]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("اندلعت اشتباكات في بلدة جديدة الفضل ثم في بلدة جديدة عرطوز. "
     "وفي اليوم التالي طوقت القوات الحكومية البلدة.", "ar", "Jdidet Artuz"),
    ("Rebels shelled the village of Afis and then the town of Saraqib. "
     "Government forces then entered the town.", "en", "Saraqab"),
])
def test_the_town_is_still_the_last_place_named_when_none_is_a_landmark(extract, text, language, expected):
    assert places_of(extract, text, language)[-1:] == [expected]
