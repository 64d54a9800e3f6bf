"""A redeployment ("أعادت تموضعها في محيط X", "إعادة انتشار وتموضع في X", "redeployed from
X") is the word of the side that leaves for a withdrawal; a change told after a denier
opens a statement of its own ("نفى ...، مؤكدا أن ...", "denied ..., saying ...") is
asserted, not denied, while a state told there stays part of the denial; a party that
reaches a place ("وصلت الهيئة إلى بلدة X") enters it; sentences
written for these tests."""

import pytest

from .test_control_subjects import claims


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("وقال مصدر عسكري إن وحدات الجيش العربي السوري أعادت تموضعها في محيط مدينة سراقب بعد معارك عنيفة.",
     "ar", ("syrian-arab-army", "withdrew", "Saraqab")),
    ("وقالت قوات سوريا الديمقراطية إنها نفذت إعادة انتشار في بلدة الباغوز حفاظاً على حياة المدنيين.",
     "ar", ("sdf", "withdrew", "Al Bagouz")),
    ("State media said government forces redeployed from the town of Saraqeb on Monday.",
     "en", ("syrian-government-forces", "withdrew", "Saraqab")),
    ("Government troops redeployed to the outskirts of Saraqeb after heavy fighting.",
     "en", ("syrian-government-forces", "withdrew", "Saraqab")),
])
def test_a_redeployment_is_a_withdrawal_from_the_place(extract, text, language, expected):
    assert claims(extract, text, language)[-1:] == [expected]


def test_a_deployment_reinforced_is_no_withdrawal(extract):
    text = "وعززت قوات سوريا الديمقراطية انتشارها في محيط بلدة الباغوز."
    assert [c for c in claims(extract, text) if c[1] == "withdrew"] == []


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("ونفى مصدر عسكري الأنباء عن سقوط مدينة سراقب، مؤكداً أن وحدات الجيش العربي السوري "
     "أعادت تموضعها في محيط مدينة سراقب.",
     "ar", ("syrian-arab-army", "withdrew", "asserted")),
    ("The Third Legion denied that its fighters had left Afrin, saying the Hamza Division had "
     "withdrawn from Jindires.", "en", ("hamza-division", "withdrew", "asserted")),
])
def test_a_change_the_denier_asserts_after_its_denial_is_asserted(extract, text, language, expected):
    x = extract(text, language=language)
    assert [(c.actor, c.change, c.stance) for c in x.control_claims][-1:] == [expected]


def test_the_change_before_the_statement_stays_denied(extract):
    text = ("The Third Legion denied that its fighters had withdrawn from Afrin, saying the Hamza "
            "Division had withdrawn from Jindires.")
    stances = [(c.actor, c.stance) for c in extract(text, language="en").control_claims]
    assert ("sna-third-legion", "denied") in stances


def test_a_state_after_the_statement_stays_part_of_the_denial(extract):
    text = "ونفت صحيفة الوطن سقوط مطار تدمر العسكري، مؤكدة أنه لا يزال بيد الجيش العربي السوري."
    assert all(c.stance == "denied" for c in extract(text).control_claims)


def test_a_single_druze_faction_names_the_druze_factions(extract):
    text = "A Druze faction said its fighters had retaken the village of al-Mazraa on Tuesday."
    assert claims(extract, text, "en") == [("druze-armed-factions", "captured", "Al Mazra'a")]


def test_a_party_that_reaches_a_place_enters_it(extract):
    text = "في حين وصلت هيئة تحرير الشام إلى بلدة كفرشيل جنوب عفرين."
    assert claims(extract, text)[:1] == [("hts", "entered", "Kafrshil")]


@pytest.mark.parametrize("text", [
    "ووصلت حصيلة القتلى في بلدة كفرشيل إلى 20 قتيلا.",
    "ووصل وفد من الأمم المتحدة إلى بلدة كفرشيل.",
])
def test_what_reaches_a_place_and_is_no_party_enters_nothing(extract, text):
    assert claims(extract, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("IS fighters were driven from Saraqeb on Monday.", [("islamic-state", "withdrew", "Saraqab")]),
    ("Rebels were pushed back from the town of Saraqeb after heavy fighting.",
     [("syrian-opposition-factions", "withdrew", "Saraqab")]),
])
def test_a_party_driven_from_a_place_leaves_it(extract, text, expected):
    assert claims(extract, text, "en") == expected


def test_fighting_that_reaches_a_place_enters_nothing(extract):
    text = "وتقدمت قوات النظام في حي جوبر، ووصلت الاشتباكات إلى كراجات العباسيين."
    assert [c for c in claims(extract, text) if c[1] == "entered"] == []
