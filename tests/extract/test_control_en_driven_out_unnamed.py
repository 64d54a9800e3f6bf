"""English: a party driven out of a place that is named by an army noun ("drove the army out
of X") is the state's forces; men in arms of no party named ("drove the militants out of X")
leave the place to the subject all the same, no party said to leave it; people driven out
("drove the protesters out") are no change of control. Sentences written for these tests."""

from .test_control import claims


def test_the_army_driven_out(extract):
    assert claims(extract, "Rebels drove the army out of Saraqib on Monday.", language="en") == [
        ("syrian-opposition-factions", "captured", "Saraqab", "asserted"),
        ("syrian-government-forces", "withdrew", "Saraqab", "asserted")]


def test_militants_driven_out(extract):
    assert claims(extract, "The army drove the militants out of Saraqib.", language="en") == [
        ("syrian-government-forces", "captured", "Saraqab", "asserted")]


def test_people_driven_out_and_driving_out(extract):
    assert claims(extract, "Police drove the protesters out of Saraqib.", language="en") == []
    assert claims(extract, "The convoy drove out of Saraqib at dawn.", language="en") == []
