"""English: a noun phrase that names no party ("the terror group", "the jihadist group") stands
for the party the text named before with those words right after its name ("the YPG terror
group"); a handover's recipient may stand after an aside on its object ("handed over A and B,
as well as C, to Y"); sentences written for these tests."""

from .test_control_subjects import claims


def test_a_group_noun_as_subject_is_the_party_named_with_it(extract):
    text = ("Turkish drones struck the YPG terror group near Manbij. Hours later the rebels took "
            "Tadef. On Friday the terror group retook the town of Deir Hafer.")
    assert ("ypg", "captured", "Dayr Hafir") in claims(extract, text, "en")


def test_a_group_noun_as_recipient_is_the_party_named_with_it(extract):
    text = ("Clashes pitted Syrian troops against the YPG terror group. Retreating soldiers handed "
            "over the town of Tadef to the terror group on Friday.")
    assert ("ypg", "captured", "Tadaf") in claims(extract, text, "en")


def test_a_group_noun_named_with_no_party_before_takes_none_of_them(extract):
    text = ("Fighting raged near Manbij. Retreating soldiers handed over the town of Tadef to "
            "the terror group on Friday.")
    assert all(actor != "ypg" for actor, _, _ in claims(extract, text, "en"))


def test_the_recipient_of_a_handover_stands_after_an_aside_on_its_object(extract):
    text = ("Retreating soldiers handed over the town of Tadef, as well as several positions "
            "east of the city, to the YPG on Friday.")
    assert ("ypg", "captured", "Tadaf") in claims(extract, text, "en")
