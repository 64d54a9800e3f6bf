"""Arabic: a dual noun of sites ("المطارين", "الكليتين") as the object of a change stands for
the last two sites named with its singular before it; with only one named, for none;
sentences written for these tests."""

from .test_control import claims


def test_a_dual_of_sites_stands_for_the_two_named_last(extract):
    text = ("وسيطرت الفصائل على مطار كويرس العسكري ومطار منغ العسكري. "
            "لكن قوات النظام استعادت المطارين بعد أسبوع.")
    retaken = [c[2] for c in claims(extract, text) if c[0] == "syrian-government-forces"]
    assert retaken == ["Kweires Military Airport", "Menagh Military Airbase"]


def test_a_dual_of_sites_with_one_named_stands_for_none(extract):
    text = "وسيطرت الفصائل على مطار كويرس العسكري. لكن قوات النظام استعادت المطارين بعد أسبوع."
    assert [c for c in claims(extract, text) if c[0] == "syrian-government-forces"] == []
