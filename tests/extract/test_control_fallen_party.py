"""Arabic: a verbal noun of a fall whose complement is a party ("سقوط نظام الأسد في دمشق")
says the party fell, and takes no place; a denied fall with the party it fell to ("نفت
الفصائل سقوط البلدة بيد قوات النظام") is a denied capture by that party; sentences written
for these tests."""

from .test_control import claims


def test_the_fall_of_a_party_takes_no_place(extract):
    text = "وجاء البيان في أعقاب سقوط نظام الأسد في دمشق، ودخول فصائل المعارضة إلى العاصمة."
    assert [c for c in claims(extract, text) if c[1] == "captured"] == []
    assert [c[1] for c in claims(extract, text)] == ["entered"]


def test_a_denied_fall_to_a_party_is_that_partys_denied_capture(extract):
    text = "ونفت الفصائل سقوط بلدة كفرنبودة بيد قوات النظام."
    assert claims(extract, text) == [("syrian-government-forces", "captured", "Kafr Nabutha", "denied")]
