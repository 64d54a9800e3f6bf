"""English: locals in arms as a subject ("Armed locals in A, B and C seized checkpoints") are
the local fighters, and what they take that is no place is a claim on each place of the list
they are of; locals who only say what happened make no claim of their own; sentences written
for these tests."""

from .test_control_subjects import claims


def test_armed_locals_of_a_list_of_places_take_each_of_them(extract):
    text = "Armed locals in Saraqib, Binnish and Taftanaz seized at least five checkpoints on Thursday."
    assert claims(extract, text, "en") == [
        ("local-armed-groups", "captured", "Saraqab"),
        ("local-armed-groups", "captured", "Bennsh"),
        ("local-armed-groups", "captured", "Teftnaz")]


def test_armed_locals_who_report_a_change_are_not_its_party(extract):
    text = "Armed locals in Saraqib said Islamic State fighters had seized the checkpoint."
    assert all(actor == "islamic-state" for actor, _, _ in claims(extract, text, "en"))
