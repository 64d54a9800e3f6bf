"""Namespaces: a term is one node, made once."""

from __future__ import annotations

from pyoxigraph import NamedNode

from conflictkg.rdf.vocabulary import CKG, Namespace


def test_a_term_of_a_namespace_is_its_iri_and_made_once():
    ns = Namespace(CKG)
    first = ns.Incident
    assert first == NamedNode(CKG + "Incident") == ns["Incident"]
    assert ns.Incident is first  # kept, not made again at each use
    assert ns.reportCount == NamedNode(CKG + "reportCount") != first
