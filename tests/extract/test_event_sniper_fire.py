"""Events: a death by a sniper's bullets ("برصاص قناص") tells fire on the place, as "قنص" and
"sniper fire" do."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("phrase", ["برصاص قناص", "برصاص القناصة", "بنيران قناص"])
def test_a_death_by_sniper_bullets_is_fire_on_the_place(extract, phrase):
    text = f"بتاريخ 4 آذار/مارس، قتل شاب {phrase} في حي بابا عمرو بمدينة حمص."
    found = extract(text, published="2012-03-06").events
    assert [(e.kind, e.start) for e in found] == [("shelling", "2012-03-04")]
    assert "N0268" in found[0].places


def test_english_sniper_fire_is_the_same_kind(extract):
    text = "A young man was killed by sniper fire in the Khaldiyeh district of Homs on Sunday."
    found = extract(text, language="en", published="2012-03-06").events
    assert [e.kind for e in found] == ["shelling"]
