"""Spellings the gazetteer does not list: Arabic variants and English transliterations."""

from __future__ import annotations

import pytest

from conflictkg.extract.spelling import LatinIndex, arabic_variants, latin_key


def keys(extraction) -> set[str]:
    return {p.key for p in extraction.places}


@pytest.mark.parametrize(("text", "key"), [
    ("تقدمت القوات نحو معرشمشة جنوب شرقي معرة النعمان.", "C3981"),  # معر شمشة run together
    ("سيطرت الفصائل على قرية تلذهب في سهل الحولة.", "C2547"),  # تل ذهب
    ("قصف الطيران بلدة الشيخ إدريس شرقي معرة النعمان.", "C3924"),  # OCHA: شيخ إدريس
    ("قصفت قوات النظام مدينة تل بيسة بريف حمص الشمالي.", "C2882"),  # OCHA: تلبيسة
    ("سيطرت الفصائل على معرة حرمة وحيش جنوب إدلب.", "C4071"),  # OCHA: معرتحرمة
    ("سيطرت قوات النظام على مطار أبو الضهور العسكري في ريف إدلب الشرقي.",
     "abu-al-duhur-airbase"),  # ظ written ض
])
def test_arabic_spellings_the_gazetteer_lacks(extract, text, key):
    assert key in keys(extract(text))


def test_arabic_variants_are_generated_from_the_names():
    joined = frozenset({"معر", "تل"})
    assert "معرشمشه" in set(arabic_variants("معر شمشه", joined))
    assert "معره حرمه" in set(arabic_variants("معرتحرمه", frozenset({"معره"})))  # ة joined as ت
    assert "تل بيسه" in set(arabic_variants("تلبيسه", joined))
    assert not any(" " in v for v in arabic_variants("تلف", joined))  # too short to split
    assert "الشيخ ادريس" in set(arabic_variants("شيخ ادريس", joined))
    assert "كفرنبوده الصغيره" in set(arabic_variants("كفرنبوده الصغير", joined))
    assert "السمرا" in set(arabic_variants("السمره", joined))
    assert not set(arabic_variants("دوما", joined))  # one short word: nothing to vary


@pytest.mark.parametrize(("text", "key"), [
    ("Rebels took full control of Khan Shaykhun on Tuesday.", "C3987"),
    ("Turkish-backed fighters entered Jarabulus at dawn.", "C2227"),
    ("Government forces shelled Maaret al-Numan and Saraqib overnight.", "C3985"),
    ("Clashes continued in Deir al-Zour city.", "C5086"),
    ("Army units targeted gatherings in Talbiseh, al-Rastan and Ter Maaleh.", "C2513"),
    ("Turkish-backed factions advanced on Ain Issa in Raqqa province.", "C5905"),  # Ein Issa
    ("Loyalist troops were closing in on Khan Sheikhoun in Idlib province.", "C3987"),
    ("The army denied that Saraqeb had fallen.", "C3916"),  # the subject of a fall
    ("Saraqeb in Idlib province fell to rebels on Monday.", "C3916"),  # a place in a place
])
def test_english_transliterations_the_gazetteer_spells_otherwise(extract, text, key):
    assert key in keys(extract(text, language="en"))


@pytest.mark.parametrize(("text", "wanted", "prefix"), [
    ("Rebels shelled Kafr Takhareem on Monday.", "C4157", "Kafr"),
    ("Troops advanced on Jisr al-Shughour at dawn.", "C4199", "Jisr"),
    ("The army reached Dweir Rislan overnight.", "C5610", "Dweir"),
])
def test_a_longer_spelling_wins_over_the_place_its_first_word_names(run, text, wanted, prefix):
    doc = run(text, language="en")
    assert wanted in {m.key for m in doc.place_mentions}
    assert prefix not in {m.text for m in doc.place_mentions}


@pytest.mark.parametrize("text", [
    "The regime has lost ground, and the strike hit a school.",  # has, hit: villages
    "A Russian officer and Kurdish fighters were seen near the front.",
    "US President Joe Biden met the Iraqi delegation.",
    "By RAMI AL-HAMAWI and KAREEM SAYED",
])
def test_english_words_and_names_that_fold_like_villages_are_no_places(extract, text):
    assert not [p for p in extract(text, language="en").places if p.admin1 != "Damascus"]


def test_a_long_latin_name_may_differ_by_one_letter_and_a_short_one_may_not():
    index = LatinIndex([("Jarablus", "J"), ("Hass", "H")])
    assert index.find("Jarabulus") == (["J"], True)
    assert index.find("Hasst") == ([], False)


@pytest.mark.parametrize(("one", "other"), [
    ("Marj al-Sultan", "Marj elsultan"),  # the article joined to a later word
    ("Cheikh Maqsoud", "Sheikh Maksoud"),  # ch/sh, q/k
    ("Dhahr al-Maghayer", "Thahr elmaghayer"),  # dh/th, gh
    ("Deir Ezzor", "Dayr al-Zawr"),  # ei/ay, o/aw, the article joined
    ("Djebel", "Jabal"),
])
def test_latin_spellings_of_one_arabic_name_fold_alike(one, other):
    assert latin_key(one) == latin_key(other)


def test_a_word_with_a_gazetteer_name_s_consonants_in_a_list_beside_a_place(run):
    doc = run("Gunmen in Nawa, Tafas and Musayfra took over the checkpoints.", language="en")
    assert "C6044" in {m.key for m in doc.place_mentions}  # Mseifra, in Daraa with Tafas


@pytest.mark.parametrize("text", [
    "Gunmen led by Musayfra took over the checkpoints near Tafas.",  # in no list
    "Gunmen in Afrin, Jandairis and Musayfra took over the checkpoints.",  # not in Daraa
])
def test_a_word_with_a_gazetteer_name_s_consonants_elsewhere_is_no_place(run, text):
    assert "C6044" not in {m.key for m in run(text, language="en").place_mentions}
