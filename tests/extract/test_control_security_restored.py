"""Arabic: "أعاد الأمن والاستقرار إلى X" is a capture of X by its subject though the words that
say when stand between the restoring and "إلى" ("أعادت الأمن والاستقرار في آذار الماضي إلى"),
and "الأمن" inside it is a word of the phrase, not the security services as a party;
sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "expected"), [
    ("وكانت قوات النظام قد أعادت الأمن والاستقرار في آذار الماضي إلى بلدة كفرنبودة.",
     ("syrian-government-forces", "captured", "Kafr Nabutha", "asserted")),
    ("وقال المصدر إن وحدات الجيش أعادت الأمن والاستقرار إلى مدينة تدمر.",
     ("syrian-arab-army", "captured", "Tadmor", "asserted")),
    ("وأعلنت القيادة العامة للجيش إعادة الأمن والاستقرار إلى مدينة تدمر.",
     ("syrian-arab-army", "captured", "Tadmor", "asserted")),
])
def test_security_restored_to_a_place_is_its_capture(extract, text, expected):
    assert claims(extract, text) == [expected]


def test_security_restored_to_no_place_is_no_claim(extract):
    assert claims(extract, "وأعادت الحكومة الأمن والاستقرار للبلاد بعد سنوات.") == []
