"""The example queries' ``# Expect on the linking corpus:`` lines, checked on tests/linking/corpus
ingested and linked by the real pipeline (the sample corpus tells no happening twice)."""

from __future__ import annotations

import pytest
from pyoxigraph import Store
from test_queries import answer, check_line, run

from conflictkg.reference import load_bundle

CASES = [pytest.param(e, spec, id=f"{e.name}: {spec}") for e in load_bundle().examples
         for spec in e.expect_linking]


def test_some_examples_are_checked_on_the_linking_corpus():
    assert len(CASES) >= 2


@pytest.mark.parametrize(("example", "spec"), CASES)
def test_example_answers_on_the_linked_corpus(example, spec: str, corpus_snapshot: Store):
    check_line(example.name, answer(run(corpus_snapshot, example.query)), spec)
