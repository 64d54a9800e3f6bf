"""The party a place was taken from, named after the words that say how fully or when
("حررت X بالكامل من تنظيم داعش", "تحرير X بشكل كامل من مرتزقة داعش", "took X completely
from IS"), lost it; sentences written for these tests."""

import pytest

from .test_control_subjects import claims


@pytest.mark.parametrize(("text", "language"), [
    ("حررت وحدات حماية الشعب مدينة تل أبيض بالكامل من تنظيم داعش.", "ar"),
    ("أعلنت القيادة العامة لوحدات حماية الشعب تحرير مدينة تل أبيض بشكل كامل من مرتزقة داعش.", "ar"),
    ("استعادت وحدات حماية الشعب مدينة تل أبيض صباح اليوم من تنظيم داعش.", "ar"),
    ("Kurdish fighters took Tal Abyad completely from IS on Monday.", "en"),
    ("Kurdish fighters recaptured Tal Abyad on Monday from IS mercenaries.", "en"),
])
def test_the_party_a_place_was_taken_from_lost_it(extract, text, language):
    assert ("islamic-state", "lost", "Tell Abiad") in claims(extract, text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("حررت وحدات حماية الشعب مدينة تل أبيض بالكامل من جهة الشرق.", "ar"),   # a direction
    ("Kurdish fighters took Tal Abyad completely from the east on Monday.", "en"),
])
def test_a_direction_after_from_is_no_party_losing_it(extract, text, language):
    assert all(change != "lost" for _, change, _ in claims(extract, text, language))
