"""Claims compared across documents: revision chains, one rank per claim, derived tolls.

The documents are the corpus's own texts; their events and claims are read by hand (what
the gold says of them), written through the real mapping into an on-disk store and
linked by the real linker, so these tests hold the linking rules to account whatever the
extraction finds today.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Store, Variable

from conflictkg.iris import Iris
from conflictkg.linking import linking, relink
from conflictkg.rdf.vocabulary import sparql_prefixes
from conflictkg.reference import load_bundle
from conflictkg.store import open_snapshot, writing

from .conftest import Told, write_and_link

IRIS = Iris()
QADAM, SOHR = "A015", "sohr"
GOV = "syrian-government-forces"
ATAREB = "C1022"
L01 = Told("en-l01-qadam-2018.txt",
           events=[{"kind": "attack", "date": "2018-03-19", "places": [QADAM], "actors": ["islamic-state"],
                    "quote": "Islamic State group fighters stormed the Qadam district"}],
           tolls=[{"count": 36, "qualifier": "at_least", "source": SOHR, "victims": GOV, "event": 0,
                   "label": "a war monitor", "quote": "killing at least 36 government troops"}])
L02 = Told("ar-l02-qadam-2018.txt",
           events=[{"kind": "attack", "date": "2018-03-19", "places": [QADAM], "actors": ["islamic-state"],
                    "quote": "الهجوم الذي شنه تنظيم «داعش» ليل الاثنين على حي القدم"}],
           tolls=[{"count": 62, "source": SOHR, "victims": GOV, "event": 0,
                   "label": "المرصد السوري لحقوق الإنسان", "quote": "ارتفع إلى 62 عدد عناصر قوات النظام"}])
MARKET = "سوق بلدة الأتارب"
L05 = Told("ar-l05-atarib-2017.txt",
           events=[{"kind": "airstrike", "date": "2017-11-13", "places": [ATAREB], "quote": MARKET}],
           tolls=[{"count": 29, "qualifier": "at_least", "source": SOHR, "category": "civilians", "event": 0,
                   "quote": "مقتل 29 شخصاً على الأقل"},
                  {"count": 5, "source": SOHR, "category": "children", "event": 0, "quote": "5 أطفال",
                   "part_of": "مقتل 29 شخصاً على الأقل"}])
L07 = Told("en-l07-atarib-2017.txt",
           events=[{"kind": "airstrike", "date": "2017-11-13", "places": [ATAREB],
                    "quote": "three strikes hit the market in Atareb"}],
           tolls=[{"count": 43, "qualifier": "at_least", "source": SOHR, "category": "civilians", "event": 0,
                   "quote": "at least 43 people had died"}])
L06 = Told("ar-l06-atarib-2017.txt",
           events=[{"kind": "airstrike", "date": "2017-11-13", "places": [ATAREB],
                    "quote": "المجزرة التي ارتكبتها الطائرات الحربية يوم أمس الاثنين في سوق بلدة الأتارب"}],
           tolls=[{"count": 61, "source": SOHR, "category": "civilians", "event": 0,
                   "quote": "ارتفع إلى 61 عدد الأشخاص"}])
L08 = Told("ar-l08-atarib-2017.txt",
           events=[{"kind": "airstrike", "date": "2017-11", "places": [ATAREB],
                    "quote": "حين استهدفته طائرات حربية مطلع الأسبوع الجاري"}],
           tolls=[{"count": 53, "source": "white-helmets", "category": "civilians", "event": 0,
                   "quote": "انتشلت 53 جثة"}])
CLAIMS = sparql_prefixes() + """
SELECT ?claim ?count ?rank ?quote ?incident WHERE {
  ?claim ckg:count ?count ; wikibase:rank ?rank ; ckg:about ?event ;
         ckg:evidence/oa:hasTarget/oa:hasSelector/oa:exact ?quote .
  OPTIONAL { ?event ckg:reportOf ?incident }
}"""


def claims(store: Store) -> dict[int, dict]:
    found: dict[int, dict] = {}
    for row in store.query(CLAIMS, use_default_graph_as_union=True):
        entry = found.setdefault(int(row["count"].value), {"ranks": set(), "quotes": set(), "incident": None})
        entry["ranks"].add(row["rank"].value.rsplit("#", 1)[-1])
        entry["quotes"].add(row["quote"].value)
        entry["incident"] = row["incident"].value if row["incident"] else None
        entry["iri"] = row["claim"].value
    return found


def supersedes(store: Store) -> set[tuple[int, int]]:
    rows = store.query(sparql_prefixes() + "SELECT ?new ?old WHERE { ?a ckg:supersedes ?b . "
                       "?a ckg:count ?new . ?b ckg:count ?old }", use_default_graph_as_union=True)
    return {(int(r["new"].value), int(r["old"].value)) for r in rows}


def derived(store: Store, incident: str) -> dict[tuple[str, str], tuple[int, set[str]]]:
    """(outcome, estimate) -> (figure, the claims it came from) of one incident."""
    rows = store.query(sparql_prefixes() + """
        SELECT ?i ?outcome ?estimate ?count ?claim WHERE { ?i ckg:derivedToll ?t .
          ?t ckg:outcome ?outcome ; ckg:estimate ?estimate ; ckg:count ?count ; prov:wasDerivedFrom ?claim }""",
                       use_default_graph_as_union=True, substitutions={Variable("i"): NamedNode(incident)})
    out: dict[tuple[str, str], tuple[int, set[str]]] = {}
    for r in rows:
        key = (r["outcome"].value.rsplit("/", 1)[-1], r["estimate"].value.rsplit("/", 1)[-1])
        count, came_from = out.get(key, (int(r["count"].value), set()))
        came_from.add(r["claim"].value)
        out[key] = (count, came_from)
    return out


@pytest.fixture(scope="module")
def qadam(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("qadam") / "store"
    write_and_link(store, [L01, L02])
    return store


def test_the_later_toll_of_the_same_source_supersedes_the_earlier_across_documents(qadam: Path):
    """SOHR's 36 (Tuesday's wire) and 62 (Wednesday's paper): one incident, the 62 preferred,
    the 36 deprecated and kept, each tied to its own sentence."""
    found = claims(open_snapshot(qadam)[1])
    assert found[36]["incident"] == found[62]["incident"] is not None
    assert found[62]["ranks"] == {"PreferredRank"}
    assert found[36]["ranks"] == {"DeprecatedRank"}
    assert found[36]["quotes"] == {"killing at least 36 government troops"}
    assert found[62]["quotes"] == {"ارتفع إلى 62 عدد عناصر قوات النظام"}
    assert supersedes(open_snapshot(qadam)[1]) == {(62, 36)}


def test_the_derived_toll_leaves_the_superseded_claim_out(qadam: Path):
    snapshot = open_snapshot(qadam)[1]
    found = claims(snapshot)
    figures = derived(snapshot, found[62]["incident"])
    for estimate in ("low", "best", "high", "conservative"):
        assert figures[("killed", estimate)] == (62, {found[62]["iri"]})


def test_relinking_keeps_one_rank_per_claim_and_forgetting_a_document_restores_the_other(tmp_path: Path):
    store = tmp_path / "store"
    _, l02 = write_and_link(store, [L01, L02])
    with writing(store) as writer:
        relink(writer, IRIS, load_bundle().kinds)
    found = claims(open_snapshot(store)[1])
    assert (found[36]["ranks"], found[62]["ranks"]) == ({"DeprecatedRank"}, {"PreferredRank"})
    with writing(store) as writer:  # the later document leaves the store: the 36 is current again
        writer.remove_graph(l02)
        with linking(writer, IRIS, load_bundle().kinds) as linker:
            linker.link_document(l02)
    snapshot = open_snapshot(store)[1]
    found = claims(snapshot)
    assert found[36]["ranks"] == {"NormalRank"} and 62 not in found
    assert supersedes(snapshot) == set()
    reports = snapshot.query(sparql_prefixes() + "SELECT ?e WHERE { ?e ckg:reportOf ?i }",
                             use_default_graph_as_union=True)
    assert len(list(reports)) == 1


@pytest.fixture(scope="module")
def atarib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("atarib") / "store"
    write_and_link(store, [L05, L07, L06, L08])
    return store


def test_a_chain_of_three_tolls_through_a_wire_and_a_corrected_page(atarib: Path):
    """SOHR 29 (its page) -> 43 (a wire the same day, a higher toll) -> 61 (the corrected
    page): each supersedes the one before; the Civil Defence's 53 is another source's."""
    snapshot = open_snapshot(atarib)[1]
    found = claims(snapshot)
    assert len({found[n]["incident"] for n in (29, 43, 61, 53, 5)}) == 1
    assert supersedes(snapshot) == {(43, 29), (61, 43)}
    assert [found[n]["ranks"] for n in (29, 43, 61, 53, 5)] == [
        {"DeprecatedRank"}, {"DeprecatedRank"}, {"PreferredRank"}, {"NormalRank"}, {"NormalRank"}]


def test_parts_of_a_breakdown_stay_out_of_the_figures_and_each_figure_names_its_claims(atarib: Path):
    snapshot = open_snapshot(atarib)[1]
    found = claims(snapshot)
    figures = derived(snapshot, found[61]["incident"])
    assert figures[("killed", "low")] == (53, {found[53]["iri"]})
    assert figures[("killed", "best")] == (53, {found[53]["iri"]})  # the lower middle of two
    assert figures[("killed", "high")] == (61, {found[61]["iri"]})
    assert figures[("killed", "conservative")] == (53, {found[53]["iri"]})
    assert all(found[5]["iri"] not in came_from for _, came_from in figures.values())


def test_the_revised_page_is_linked_as_a_revision(atarib: Path):
    snapshot = open_snapshot(atarib)[1]
    rows = snapshot.query(sparql_prefixes() + """
        SELECT ?score WHERE { ?link prov:entity ?e ; ckg:reason ?r .
          ?r ckg:reasonKind ckgv:revision ; ckg:score ?score .
          ?e prov:wasDerivedFrom ?d . ?d prov:wasRevisionOf ?earlier }""", use_default_graph_as_union=True)
    assert [float(r["score"].value) for r in rows] == [0.25]
