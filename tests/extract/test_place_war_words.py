"""Places: words of war reporting that are also village names ("المطلة" overlooking,
"معزولة" isolated, "خريطة" map, "العدوان" aggression) are no place on their own, only with a head noun."""

from __future__ import annotations

import pytest


def labels(extraction) -> list[str]:
    return [p.labels["ar"] for p in extraction.places]


@pytest.mark.parametrize("text", [
    # each with a place of its village's district, which keeps a village close by
    "سيطرت الفصائل صباح اليوم على التلال المطلة على بلدة دركوش وقرية زرزور.",
    "باتت قرى دركوش وزرزور جيوبا معزولة بعد تقدم قوات النظام.",
    "لم يطرأ أي تغيير على خريطة السيطرة في محيط مدينة القامشلي.",
])
def test_a_word_of_war_reporting_is_no_place(extract, text):
    found = labels(extract(text))
    assert not {"المطلة", "المعزولة", "معزولة", "الخريطة"} & set(found), found


def test_the_village_with_its_head_noun_is_a_place(extract):
    assert "المطلة" in labels(extract("قصفت قوات النظام قرية المطلة قرب بلدة دركوش."))


def test_aggression_is_no_village(run):
    # "العدوان" is also a name of the village of Ora Qabli in Idlib
    text = "أعلنت الفصائل بدء معركة ردع العدوان في ريف إدلب الجنوبي وسيطرت على بلدة عرى القبلي."
    assert [m.text for m in run(text).place_mentions] == ["ريف إدلب الجنوبي", "عرى القبلي"]


def test_the_encirclement_is_no_village(run):
    # "الطوق" is also a village of Aleppo
    text = "تمكنت قوات النظام اليوم من فك الطوق عن مطار كويرس العسكري في ريف حلب الشرقي."
    assert "الطوق" not in [m.text for m in run(text).place_mentions]
