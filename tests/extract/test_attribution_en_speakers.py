"""English speakers the crediting verb must reach past what stands between: a title's
short form with its stop ("Dr."), the agency of the dateline before the lead's subject,
a speaker's name in an apposition after his title, and a title after a quoted speaker's
name."""

from __future__ import annotations

import pytest


def credited(extraction) -> list[tuple[int, str]]:
    return [(c.count, c.attributed_to.label) for c in extraction.casualty_claims]


@pytest.mark.parametrize("text", [
    "Head of the Hama Health Directorate Dr. Samer Khalil told SANA that 9 people were wounded.",
    "Director of Latakia Health Directorate Dr. Hassan Ali told the agency that 9 people were wounded.",
])
def test_a_title_s_stop_ends_no_sentence(extract, text):
    [(count, label)] = credited(extract(text, language="en", publisher="Syria Times",
                                        publisher_ar=None))
    assert count == 9 and "Health Directorate" in label


@pytest.mark.parametrize("text", [
    "BEIRUT (Reuters) - The Syrian Democratic Forces said on Sunday their fighters had "
    "killed 23 Islamic State militants near Hajin.",
    "AMMAN, Jordan (AP) — The Syrian Democratic Forces said on Sunday their fighters had "
    "killed 23 Islamic State militants near Hajin.",
])
def test_the_dateline_s_agency_is_not_the_lead_s_subject(extract, text):
    [(count, label)] = credited(extract(text, language="en", publisher="Local Weekly",
                                        publisher_ar=None))
    assert count == 23 and "Syrian Democratic Forces" in label


def test_the_dateline_s_agency_keeps_what_no_one_is_credited_with(extract):
    text = "BEIRUT (Reuters) - Air strikes killed 41 people in Idlib on Saturday."
    [(count, label)] = credited(extract(text, language="en", publisher="Local Weekly",
                                        publisher_ar=None))
    assert count == 41 and label == "Reuters"


@pytest.mark.parametrize("text", [
    "A spokesman for the Free Syrian Army, Abu Omar al-Halabi, told Syria Direct that at "
    "least 35 regime soldiers were killed in the assault.",
    "A commander with Ahrar al-Sham, Abu Khaled, said 35 regime soldiers were killed in the assault.",
])
def test_a_speaker_s_name_between_his_title_and_the_verb(extract, text):
    [(count, label)] = credited(extract(text, language="en", publisher="Syria Direct",
                                        publisher_ar=None))
    assert count == 35 and label in ("Free Syrian Army", "Ahrar al-Sham")


@pytest.mark.parametrize("text", [
    '"Six of our fighters were killed today," said Abu Hamza, a field commander with Ahrar al-Sham.',
    '"Six of our fighters were killed today," said Abu Hamza al-Hourani, a senior commander '
    'with Ahrar al-Sham.',
])
def test_a_title_after_a_quoted_speaker_s_name(extract, text):
    [(count, label)] = credited(extract(text, language="en", publisher="Syria Direct",
                                        publisher_ar=None))
    assert (count, label) == (6, "Ahrar al-Sham")


def test_an_inverted_verb_credits_the_quote_before_a_long_subject(extract):
    text = ('"Nine of our fighters were killed today," said Abu Khaled, a commander with Ahrar '
            'al-Sham, which has fought in the area since 2013.')
    assert credited(extract(text, language="en", publisher="Syria Direct",
                            publisher_ar=None)) == [(9, "Ahrar al-Sham")]
