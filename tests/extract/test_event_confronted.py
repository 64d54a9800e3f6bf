"""Events: an attack a force met ("تصدت القوات لهجوم شنه التنظيم") happened; its "ل" is
the object of the verb of confronting, not a purpose."""

from __future__ import annotations


def test_an_attack_that_was_confronted_happened(extract):
    text = "تصدت وحدات الجيش مساء أمس لهجوم شنه مسلحو التنظيم على بلدة تلبيسة."
    found = extract(text, published="2022-03-03").events
    assert [(e.kind, e.start, e.places) for e in found] == [("attack", "2022-03-02", ["C2882"])]


def test_a_purpose_joined_to_its_cue_is_still_no_attack(extract):
    text = "أرسل الجيش تعزيزات إلى بلدة تلبيسة لهجوم على مواقع التنظيم."
    assert extract(text, published="2022-03-03").events == []
