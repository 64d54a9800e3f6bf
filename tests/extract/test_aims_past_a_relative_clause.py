"""Control and events, Arabic: a change after the preposition of an aim, past a relative
clause on the aim's subject ("وتهدف العملية التي أطلقها الجيش إلى تطهير منطقة X", also set
between commas), is aimed, not done: no claim and no event; a consequence ("وأدت المعارك
التي اندلعت أمس إلى سيطرة الفصائل على X") still is one."""

from __future__ import annotations

SARAQIB = "C3916"


def read(text: str, extract):
    return extract(text, published="2019-10-20")


def test_an_aim_past_a_relative_clause_claims_nothing(extract):
    found = read("وتهدف العملية التي أطلقها الجيش التركي إلى تطهير مدينة سراقب من المسلحين.",
                 extract)
    assert not found.control_claims, found.control_claims
    assert not [e for e in found.events if e.kind == "capture"], found.events


def test_an_aim_past_a_relative_clause_between_commas_is_no_event(extract):
    found = read("وتهدف العملية، التي أطلقها الجيش التركي بمشاركة فصائل المعارضة، إلى تطهير "
                 "مدينة سراقب من المسلحين.", extract)
    assert not [e for e in found.events if e.kind == "capture"], found.events


def test_a_consequence_past_a_relative_clause_is_a_claim(extract):
    found = read("وأدت المعارك التي اندلعت أمس إلى سيطرة الفصائل على مدينة سراقب.", extract)
    assert [c.place for c in found.control_claims] == [SARAQIB], found.control_claims
