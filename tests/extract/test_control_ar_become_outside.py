"""Arabic: a place that became outside a party's control, named right after a verb of
becoming and before "خارج سيطرة" ("وباتت مدينة سراقب خارج سيطرة قوات النظام"), was lost
by that party; what "still" is outside it ("لا تزال ... خارج سيطرة") changed nothing;
sentences written for these tests."""

import pytest

from .test_control_agents import claims


@pytest.mark.parametrize(("text", "party", "place"), [
    ("وباتت مدينة سراقب خارج سيطرة قوات النظام بعد معارك استمرت يومين.",
     "syrian-government-forces", "Saraqab"),
    ("وأصبحت بلدة الشدادي خارج سيطرة تنظيم الدولة مساء أمس.", "islamic-state", "Shaddadah"),
])
def test_a_place_become_outside_a_partys_control_was_lost_by_it(extract, text, party, place):
    assert (party, "lost", place) in claims(extract, text)


@pytest.mark.parametrize("text", [
    "لا تزال بلدة مورك خارج سيطرة قوات النظام.",
    "وأصبحت أجزاء من بلدة مورك خارج سيطرة قوات النظام.",
])
def test_a_place_still_outside_or_only_in_part_is_no_loss(extract, text):
    assert not [c for c in claims(extract, text) if c[1] == "lost"]
