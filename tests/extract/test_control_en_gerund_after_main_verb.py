"""English: a change told by a gerund after "after"/"before" ("Troops regrouped after
evacuating X") is done by the main verb's subject (an army noun: the state's forces), and
evacuating a place is a withdrawal from it."""


def test_a_gerund_after_the_main_verb_has_its_subject(english_claims, extract):
    text = "Troops regrouped after evacuating the Tabqa air base on Sunday."
    assert [c[:2] for c in english_claims(text)] == [("syrian-government-forces", "withdrew")]
    found = extract(text, language="en", published="2014-08-25")
    assert [(e.kind, e.start) for e in found.events] == [("withdrawal", "2014-08-24")]


def test_the_army_noun_after_a_speaker_is_the_subject_not_the_speaker(english_claims):
    # "Rebels said troops regrouped after evacuating X": the troops left, not the rebels
    assert [c[:2] for c in english_claims("Rebels said troops regrouped after evacuating the Tabqa air base.")] == [
        ("syrian-government-forces", "withdrew")]
