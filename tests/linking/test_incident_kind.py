"""The kind an incident is given from the kinds its reports tell."""

from conflictkg.linking.graph import _kind
from conflictkg.linking.model import Report
from conflictkg.reference import load_bundle


def report(document: str, kind: str, n: int) -> Report:
    return Report(iri=f"https://example.org/event/{document}-{n}", document=document, kind=kind,
                  first=1, last=1)


def test_one_documents_facets_do_not_outvote_the_other_sources():
    kinds = load_bundle().kinds
    # one document tells the assault twice and the capture once; two others tell the capture
    reports = [report("a", "attack", 1), report("a", "attack", 2), report("a", "capture", 3),
               report("b", "attack", 4), report("b", "capture", 5), report("c", "capture", 6)]
    assert _kind(reports, kinds) == "capture"


def test_each_document_counts_once_for_each_kind_it_tells():
    kinds = load_bundle().kinds
    reports = [report("a", "shelling", 1), report("a", "shelling", 2), report("a", "shelling", 3),
               report("b", "airstrike", 4), report("c", "airstrike", 5)]
    assert _kind(reports, kinds) == "airstrike"


def test_a_tie_goes_to_the_narrower_kind():
    kinds = load_bundle().kinds
    # as many sources tell of the attack as of the capture it ended in
    reports = [report("a", "attack", 1), report("b", "attack", 2), report("c", "capture", 3),
               report("d", "capture", 4), report("d", "battle", 5)]
    assert _kind(reports, kinds) == "capture"
