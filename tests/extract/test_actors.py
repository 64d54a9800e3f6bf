"""Armed groups: curated names, units found by their shape, parents, kinds, keys."""

from __future__ import annotations

import pytest

from conflictkg.iris import slugify


def actors(extraction) -> dict[str, object]:
    return {a.labels.get("ar") or a.labels.get("en"): a for a in extraction.actors}


def test_curated_groups_carry_their_gazetteer_kind(extract):
    found = actors(extract("اشتبكت هيئة تحرير الشام مع قوات النظام قرب حلب."))
    assert found["هيئة تحرير الشام"].kind == "jihadist_group"
    assert found["قوات النظام"].kind == "state_force"
    assert found["قوات النظام"].curated


@pytest.mark.parametrize("text", [
    "قصف “لواء نسور الوادي الأخضر” حاجزاً للنظام.",   # quoted, with the unit word
    "قصف لواء “نسور الوادي الأخضر” حاجزاً للنظام.",   # quoted name after the unit word
    "قصف لواء نسور الوادي الأخضر حاجزاً للنظام.",     # not quoted: ends before the object
    "وقصف لواء نسور الوادي الأخضر مواقع للنظام.",     # ... and before a word of a place kind
])
def test_an_unknown_unit_is_found_by_its_unit_word(extract, text):
    unit = actors(extract(text)).get("لواء نسور الوادي الأخضر")
    assert unit is not None and not unit.curated
    assert unit.key == slugify("لواء نسور الوادي الاخضر")  # the normalised name, everywhere
    assert unit.kind == "rebel_group"


def test_a_unit_names_the_group_it_belongs_to(extract):
    found = actors(extract("استهدفت “كتيبة أحفاد الوادي الأخضر” من “لواء نسور البادية” "
                           "مبنى للنظام، وكتيبة الشيخ حمد التابعة لجيش الإسلام."))
    battalion, brigade = found["كتيبة أحفاد الوادي الأخضر"], found["لواء نسور البادية"]
    assert battalion.parent == brigade.key
    assert found["كتيبة الشيخ حمد"].parent == "jaysh-al-islam"
    assert found["كتيبة الشيخ حمد"].kind == "rebel_group"


def test_a_unit_of_a_state_force_is_a_state_force(extract):
    found = actors(extract("بمعاونة كتيبة حماية النظام المتمركزة ضمن المخفر."))
    assert found["كتيبة حماية النظام"].kind == "state_force"
    numbered = actors(extract("وصلت تعزيزات من الفوج 46 إلى المنطقة."))
    assert numbered["الفوج 46"].kind == "state_force"


@pytest.mark.parametrize("text", [
    "والكتائب العاملة في منطقة القدم أعلنت النفير.",   # plural with the article: generic
    "أكدت المصادر أن لواءاً مقاتلاً ينشط في حي برزة.",  # indefinite, with an adjective
    "دارت اشتباكات على جبهة أوتوستراد درعا الدولي.",   # "جبهة" as a front line
    "وصلت فرقة عسكرية إلى الحاجز.",                    # "فرقة" as a detachment
])
def test_common_nouns_are_not_units(extract, text):
    assert [a for a in extract(text).actors if not a.curated] == []


@pytest.mark.parametrize(("text", "name"), [
    ("أعلنت غرفة عمليات الفتح المبين صد هجوم على ريف حماة.", "غرفة عمليات الفتح المبين"),
    ("وقالت كتائب الفاروق الأنباء عن انسحاب غير صحيحة.", "كتائب الفاروق"),
])
def test_a_curated_name_that_begins_a_unit_shape_is_the_group(extract, text, name):
    """The words a unit's shape runs on into ("صد", "الأنباء") are not part of the name."""
    found = actors(extract(text))
    assert name in found and found[name].curated
    assert [a for a in extract(text).actors if not a.curated] == []


def test_mentions_of_one_group_under_several_names_make_one_actor(extract):
    text = "سيطر الجيش الحر على الحاجز، وأعلن الجيش السوري الحر مقتل عنصرين من النظام."
    fsa = [a for a in extract(text).actors if a.key == "free-syrian-army"]
    assert [m.text for m in fsa[0].mentions] == ["الجيش الحر", "الجيش السوري الحر"]


def test_a_former_name_in_brackets_is_the_same_group(extract):
    text = "أجلي مئات المقاتلين من هيئة تحرير الشام (النصرة سابقا) من الحي."
    found = extract(text).actors
    assert [a.key for a in found] == ["hts"]
    assert len(found[0].mentions) == 2


def test_a_collective_party_is_an_actor_like_a_named_group(extract):
    took = "سيطرت فصائل المعارضة بشكل كامل على مدينة حمص."
    assert "syrian-opposition-factions" in [a.key for a in extract(took).actors]
    shelled = "قصفت قوات النظام مواقع فصائل المعارضة في ريف إدلب الجنوبي."
    assert "syrian-opposition-factions" in [a.key for a in extract(shelled).actors]


def test_a_collective_that_stands_for_groups_named_in_the_text_is_no_party_of_its_own(extract):
    told = "هاجمت الفصائل الإسلامية المؤلفة من هيئة تحرير الشام وفيلق الرحمن أطراف دمشق."
    assert "islamist-factions" not in [a.key for a in extract(told).actors]
    headline = "وشنّ مقاتلو الفصائل هجوماً على حاجز للنظام تبناه جيش الإسلام."
    assert "syrian-opposition-factions" not in [a.key for a in extract(headline).actors]


def test_a_collective_whose_member_is_named_is_no_party_of_its_own(extract):
    text = ("قتل 62 عنصراً من قوات النظام والمسلحين الموالين لها، غالبيتهم من اللجان "
            "الشعبية الموالية للنظام.")
    found = [a.key for a in extract(text).actors]
    assert "popular-committees" in found and "pro-government-militias" not in found
    alone = "قتل 12 عنصراً من قوات النظام والمسلحين الموالين لها في الهجوم."
    assert "pro-government-militias" in [a.key for a in extract(alone).actors]


def test_english_units_and_groups(extract):
    text = ("Fighters of the Sultan Murad Division and Hayat Tahrir al-Sham clashed with "
            "government forces near Tadif.")
    found = {a.key: a for a in extract(text, language="en", published="2019-01-02").actors}
    assert "hts" in found and "syrian-government-forces" in found
    assert any("Sultan Murad" in (a.labels.get("en") or "") for a in found.values())


def test_a_page_footer_lends_no_group_to_the_report(extract):
    text = ("قتل 3 عناصر من قوات النظام في قصف على حي القدم.\n\nعدد التعليقات 0\n"
            "1. قوات سوريا الديمقراطية: الحرب ضد داعش مستمرة\n2. خبر آخر\n3. خبر ثالث\n")
    assert [a.key for a in extract(text).actors] == ["syrian-government-forces"]


def test_a_record_with_no_date_line_takes_its_year_from_its_dates(extract):
    text = "بتاريخ 3 آب/أغسطس 2012، دخل الجيش السوري حي صلاح الدين في حلب."
    x = extract(text, published=None, kind="archive-record")
    assert [a.key for a in x.actors] == ["syrian-arab-army"]  # not the army of 2025
