"""English: a campaign told before and dated by its start in a sentence of its own ("The
offensive began on May 31", "the assault had started on March 2") is an event on that day, at
the place the report tells of, as "since the offensive began on May 31" is. Sentences written
for these tests."""

import pytest


@pytest.mark.parametrize(("text", "day"), [
    ("Kurdish-led forces took Tell Abiad on Friday. The offensive began on June 1.", "2015-06-01"),
    ("Kurdish-led forces took Tell Abiad on Friday. The assault had started on June 2, "
     "when fighters crossed the river.", "2015-06-02"),
])
def test_a_campaign_dated_by_its_start_is_an_event_that_day(extract, text, day):
    found = extract(text, language="en", published="2015-06-20")
    labels = {p.key: p.labels.get("en") for p in found.places}
    assert any(e.start == day and "Tell Abiad" in [labels.get(k) for k in e.places]
               for e in found.events)


def test_a_campaign_with_no_day_after_its_start_dates_nothing(extract):
    found = extract("Kurdish-led forces took Tell Abiad on Friday. The offensive began slowly.",
                    language="en", published="2015-06-20")
    assert all(e.start == "2015-06-19" for e in found.events)
