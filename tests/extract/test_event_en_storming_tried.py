"""Events (English): storming a place or moving on it, done or only tried ("tried and failed
to storm X", "attempted to advance on X", "pushed toward X"), is an attack on it, dated by
its clause; what a party says it will do is none."""

from __future__ import annotations

import pytest


def _events(extract, text):
    found = extract(text, language="en", published="2021-08-01")
    labels = {p.key: p.labels.get("en") for p in found.places}
    return [(e.kind, e.start, [labels[k] for k in e.places]) for e in found.events]


@pytest.mark.parametrize("text", [
    "On Thursday, government forces tried and failed to storm Jasim from two directions.",
    "Government forces attempted to advance on Jasim on Thursday.",
    "Government forces pushed toward Jasim on Thursday under heavy shelling cover.",
    "Turkish-backed factions attempted to storm Ain Issa on Thursday.",
])
def test_storming_or_moving_on_a_place_tried_is_an_attack(extract, text):
    place = "Ein Issa" if "Ain Issa" in text else "Jasim"
    assert _events(extract, text)[:1] == [("attack", "2021-07-29", [place])]


@pytest.mark.parametrize("text", [
    "Rebels said on Thursday they would storm Jasim.",
    "Rebels threatened on Thursday to storm Jasim if the siege was not lifted.",
])
def test_a_storming_threatened_is_no_attack(extract, text):
    assert _events(extract, text) == []


@pytest.mark.parametrize("text", [
    "Army units destroyed terrorist hideouts in Jasim on Thursday, a military source told SANA.",
    "On Thursday an army unit destroyed dens of terrorists in Jasim and killed many of them.",
])
def test_hideouts_destroyed_in_a_place_are_an_attack_there(extract, text):
    assert _events(extract, text)[:1] == [("attack", "2021-07-29", ["Jasim"])]


def test_a_bridge_destroyed_is_no_attack_on_hideouts(extract):
    assert [e for e in _events(extract, "Floods destroyed a bridge in Jasim on Thursday.") if e[0] == "attack"] == []
