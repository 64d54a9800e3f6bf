"""Events, Arabic: the place of the locals a capture's subject is ("سيطر مقاتلون من أبناء
ريف درعا الغربي، صباح اليوم، على عدد من الحواجز، أبرزها حاجز A ...") is where they are
from, not the object: the list of what they took, after its opener, is read whole."""

from __future__ import annotations

TAFAS = "C6034"


def test_a_subject_of_locals_leaves_the_object_list_whole(extract):
    text = ("سيطر مقاتلون من أبناء ريف درعا الغربي، صباح اليوم الخميس، على عدد من الحواجز "
            "العسكرية، أبرزها حاجز الري قرب بلدة المزيريب، ومفرزة الأمن العسكري في مدينة طفس.")
    found = extract(text, published="2021-07-29")
    sites = {p.key: p.labels.get("ar") for p in found.places}
    taken = [[sites.get(k) or k for k in e.places] for e in found.events if e.kind == "capture"]
    assert any(any(n and n.startswith("حاجز الري") for n in group) for group in taken), taken
    assert any(TAFAS in e.places for e in found.events), taken
