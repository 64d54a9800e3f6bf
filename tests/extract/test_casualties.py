"""Casualty counts on constructions of real reports that the general readers must hold."""

from __future__ import annotations

import pytest


def counts(extraction) -> list[tuple[int, str]]:
    return [(c.count, c.qualifier) for c in extraction.casualty_claims]


@pytest.mark.parametrize(("text", "expected"), [
    ("The toll of the offensive has risen to 2,418, including 760 civilians.",
     [(2418, "exact"), (760, "exact")]),
    ("Government shelling has killed at least 1,205, among them 300 children.",
     [(1205, "at_least"), (300, "exact")]),
])
def test_a_count_with_thousands_separators_followed_by_a_comma(extract, text, expected):
    assert counts(extract(text, language="en")) == expected
