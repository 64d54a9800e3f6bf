"""A relative clause of denial after a change ("وهو ما نفاه ناشطون", "a claim denied by the
SDF"): the change of the clause right before it stands and is denied too; a change told in an
earlier clause of the sentence is not; sentences written for these tests."""

from .test_control import claims


def test_a_relative_denial_denies_the_change_before_it(extract):
    text = "وقال مصدر عسكري إن قوات النظام سيطرت على بلدة كفرنبودة، وهو ما نفاه ناشطون من المنطقة."
    assert claims(extract, text) == [
        ("syrian-government-forces", "captured", "Kafr Nabutha", "asserted"),
        ("syrian-government-forces", "captured", "Kafr Nabutha", "denied")]


def test_a_relative_denial_leaves_a_change_of_an_earlier_clause(extract):
    text = ("وقال مصدر عسكري إن قوات النظام دخلت بلدة الهبيط صباحاً، وزعم أنها سيطرت على بلدة "
            "كفرنبودة مساءً، وهو ما نفاه ناشطون من المنطقة.")
    denied = [(place, stance) for _, _, place, stance in claims(extract, text) if stance == "denied"]
    assert denied == [("Kafr Nabutha", "denied")]


def test_an_english_claim_denied_by_a_party(extract):
    text = "Government forces captured the town of Saraqib on Tuesday, a claim denied by rebels."
    assert ("syrian-government-forces", "captured", "Saraqab", "denied") in claims(extract, text, "en")
