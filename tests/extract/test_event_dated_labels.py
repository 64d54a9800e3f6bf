"""Events: a chronicle's entry labelled by its day ("10 آذار: تلبيسة") happened that day."""

from __future__ import annotations


def days(extraction) -> list[tuple[str, str | None]]:
    return [(e.kind, e.start) for e in extraction.events]


def test_the_paragraph_after_a_dated_label_happened_on_its_day(extract):
    text = ("يرصد هذا التسلسل أبرز محطات المعركة.\n\n10 آذار: تلبيسة\nسيطرت الفصائل على "
            "مدينة تلبيسة بعد انسحاب قوات النظام منها.\n\n14 آذار: الرستن\nدخلت الفصائل "
            "مدينة الرستن من محورها الشمالي.")
    assert days(extract(text, published="2022-04-20", kind="chronicle")) == [
        ("capture", "2022-03-10"), ("withdrawal", "2022-03-10"), ("capture", "2022-03-14")]
    text = ("This timeline follows the battle.\n\nMarch 10: Talbiseh\nRebels seized the town "
            "of Talbiseh.\n\nMarch 14: Rastan\nRebels entered the town of Rastan.")
    assert days(extract(text, language="en", published="2022-04-20", kind="chronicle")) == [
        ("capture", "2022-03-10"), ("capture", "2022-03-14")]


def test_a_date_that_opens_a_sentence_of_its_own_labels_nothing(extract):
    # a full sentence about that day is no label: the next paragraph tells another time
    text = ("يرصد هذا التسلسل أبرز محطات المعركة.\n\n10 آذار: أعلنت الفصائل في بيان طويل "
            "صدر مساء ذلك اليوم بدء معركة جديدة في ريف حمص الشمالي.\nسيطرت الفصائل على "
            "مدينة تلبيسة.")
    assert ("capture", "2022-03-10") not in days(extract(text, published="2022-04-20",
                                                         kind="chronicle"))
