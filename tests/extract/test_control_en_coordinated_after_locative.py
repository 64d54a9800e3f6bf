"""English: what was taken named by a generic noun and the places it is in, coordinated ("seized
checkpoints in Tafas and Jasim", "seized several posts in Tafas, Jasim and Inkhil", "deployed
at four points in the A neighborhood and the B camp"): a claim on each place of the list; a
place where the first is ("in Tafas in Daraa province") is none. Sentences written for these
tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "places"), [
    ("Rebels seized checkpoints in Tafas and Jasim on Monday.", ["Tafas", "Jasim"]),
    ("Rebels seized several posts in Tafas, Jasim and Inkhil in Daraa province.",
     ["Tafas", "Jasim", "Ankhal"]),
    ("Rebels seized checkpoints in Tafas in Daraa province.", ["Tafas"]),
])
def test_each_coordinated_place_after_the_locative_is_taken(extract, text, places):
    assert [place for _party, _change, place, _stance in claims(extract, text, language="en")] == places


def test_an_item_before_the_locative_keeps_its_place_as_where_it_is(extract):
    found = claims(extract, "Government forces captured the town of Tafas in Daraa and the town of Jasim.",
                   language="en")
    assert [place for _party, _change, place, _stance in found] == ["Tafas", "Jasim"]
