"""English: a demonstrative plural of places ("these towns", "these areas") as a change's object
stands for the list of places named last before it; sentences written for these tests."""

from .test_control_subjects import claims


def test_these_towns_stand_for_the_list_named_before(extract):
    text = "The army took the towns of Tadef and Safira on Monday. Rebels had held these towns since 2013."
    assert claims(extract, text, "en")[2:] == [
        ("syrian-opposition-factions", "captured", "Tadaf"),
        ("syrian-opposition-factions", "captured", "As-Safira")]


def test_these_areas_handed_over_are_the_places_named_before(extract):
    text = ("The SDF took the towns of Tadef and Safira on Monday. Officials said IS handed these "
            "areas over to the SDF without a fight.")
    assert ("islamic-state", "lost", "Tadaf") in claims(extract, text, "en")
