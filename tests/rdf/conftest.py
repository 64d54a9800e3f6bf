"""Hand-built extractions of four short documents, and a small gazetteer they refer to.

The texts are written for these tests in the styles of the corpus: a monitor's report
with a rising toll, a newspaper's denial, an archive record of a battle, an English
wire story. Place rows are copied from mappings/places/places.tsv (keys, names,
coordinates, Wikidata and GeoNames identifiers as the data files give them).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import pytest
from pyoxigraph import Quad

from conflictkg.extract.model import (
    Actor,
    Attribution,
    CasualtyClaim,
    ControlClaim,
    DocumentInfo,
    Event,
    Extraction,
    Place,
    Span,
)
from conflictkg.iris import Iris, slugify
from conflictkg.rdf.gazetteer import gazetteer_quads
from conflictkg.rdf.mapping import document_quads
from conflictkg.reference.gazetteers import ActorEntry, Gazetteers, PlaceEntry, Places, SourceEntry

INGESTED = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
VERSION = "0.1.0-test"


@dataclass
class Sample:
    extraction: Extraction
    text: str

    def quads(self, iris: Iris, revision_of: str | None = None) -> list[Quad]:
        return document_quads(self.extraction, iris, text=self.text, ingested_at=INGESTED,
                              extractor_version=VERSION, revision_of=revision_of)


def span(text: str, fragment: str, after: str = "") -> Span:
    """The span of ``fragment`` in ``text`` (its first occurrence after ``after``)."""
    start = text.index(fragment, text.index(after) if after else 0)
    return Span(start, start + len(fragment), fragment)


def info(file: str, text: str, **fields: object) -> DocumentInfo:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return DocumentInfo(file=file, sha256=sha, **fields)  # type: ignore[arg-type]


SOHR_TEXT = (
    "علم المرصد السوري لحقوق الإنسان أن قوات النظام استعادت السيطرة على حي جوبر في الأطراف "
    "الشرقية للعاصمة دمشق، بعد معارك عنيفة مع فيلق الرحمن بدأت في 19 آذار 2017. "
    "ووثق المرصد مقتل 36 عنصراً على الأقل من قوات النظام. "
    "وارتفعت الحصيلة إلى 62 عنصراً، ثم إلى أكثر من 80 عنصراً من قوات النظام والمسلحين الموالين لها. "
    "وانسحب فيلق الرحمن من المنطقة الصناعية."
)
SITE = "المنطقة الصناعية"


def sohr_report() -> Sample:
    """A monitor's report: a battle, a capture, a toll revised twice, an asserted capture."""
    t = SOHR_TEXT
    sohr = Attribution("المرصد السوري لحقوق الإنسان", source="sohr")
    battle = span(t, "معارك عنيفة مع فيلق الرحمن بدأت في 19 آذار 2017")
    capture = span(t, "قوات النظام استعادت السيطرة على حي جوبر")
    toll36 = span(t, "مقتل 36 عنصراً على الأقل من قوات النظام")
    toll62 = span(t, "62 عنصراً")
    toll80 = span(t, "أكثر من 80 عنصراً")
    key = lambda s: f"{s.start}-{s.end}"  # noqa: E731
    x = Extraction(
        document=info("001_sohr.txt", t, publisher="Syrian Observatory for Human Rights",
                      publisher_ar="المرصد السوري لحقوق الإنسان", publisher_key="sohr",
                      published="2017-03-25", kind="news-article"),
        actors=[
            Actor("syrian-government-forces", {"ar": "قوات النظام", "en": "Syrian government forces"},
                  kind="state_force", mentions=[span(t, "قوات النظام")]),
            Actor("faylaq-al-rahman", {"ar": "فيلق الرحمن", "en": "Faylaq al-Rahman"},
                  kind="rebel_group", mentions=[span(t, "فيلق الرحمن")]),
        ],
        places=[
            Place("A008", {"ar": "جوبر", "en": "Jowbar"}, admin1="Damascus",
                  mentions=[span(t, "جوبر")]),
            Place("C1001", {"ar": "دمشق", "en": "Damascus"}, admin1="Damascus",
                  mentions=[span(t, "دمشق")]),
            Place(f"A008-{slugify(SITE)}", {"ar": SITE, "en": None}, lat=33.519777,
                  lon=36.330777, level="site", curated=False, parent="A008",
                  mentions=[span(t, SITE)]),
        ],
        events=[
            Event(key(battle), "battle", battle, start="2017-03-19", end="2017-03",
                  places=["A008"], actors=["syrian-government-forces", "faylaq-al-rahman"]),
            Event(key(capture), "capture", capture, start="2017-03", places=["A008"],
                  actors=["syrian-government-forces"], parent=key(battle)),
        ],
        casualty_claims=[
            CasualtyClaim(f"casualties-{key(toll36)}", 36, "at_least", sohr, toll36,
                          victim_actor="syrian-government-forces", victim_category="fighters",
                          event=key(battle)),
            CasualtyClaim(f"casualties-{key(toll62)}", 62, "exact", sohr, toll62,
                          victim_actor="syrian-government-forces", event=key(battle),
                          supersedes=f"casualties-{key(toll36)}"),
            CasualtyClaim(f"casualties-{key(toll80)}", 80, "more_than", sohr, toll80,
                          victim_actor="syrian-government-forces", event=key(battle),
                          supersedes=f"casualties-{key(toll62)}"),
        ],
        control_claims=[
            ControlClaim(f"control-{key(capture)}", "A008", "captured", sohr, capture,
                         actor="syrian-government-forces", start="2017-03", event=key(capture)),
        ],
    )
    return Sample(x, t)


WATAN_TEXT = (
    "نفت صحيفة الوطن أن تكون كتيبة شهداء القابون قد سيطرت على حواجز حي القابون خلال شباط 2013، "
    "وقالت إن الجيش ما زال يسيطر على المنطقة."
)
UNIT = "كتيبة شهداء القابون"


def watan_denial() -> Sample:
    """A newspaper denies a capture by a unit found by pattern; the source is not curated."""
    t = WATAN_TEXT
    claim = span(t, "كتيبة شهداء القابون قد سيطرت على حواجز حي القابون خلال شباط 2013")
    unit = slugify(UNIT)
    x = Extraction(
        document=info("002_watan.txt", t, publisher="Al-Watan", publisher_ar="الوطن",
                      title="الوطن تنفي سيطرة المسلحين على القابون"),
        actors=[Actor(unit, {"ar": UNIT, "en": None}, kind="rebel_group",
                      parent="free-syrian-army", curated=False, aliases=["شهداء القابون"],
                      mentions=[span(t, UNIT)])],
        places=[Place("A004", {"ar": "القابون", "en": "Qaboun"}, mentions=[span(t, "القابون", "حواجز")])],
        control_claims=[
            ControlClaim(f"control-{claim.start}-{claim.end}", "A004", "captured",
                         Attribution("صحيفة الوطن"), claim, actor=unit, stance="denied",
                         start="2013-02"),
        ],
    )
    return Sample(x, t)


RECORD_TEXT = (
    "الرمز: SMI/A900/243\n"
    "اسم المعركة: نصرة داريا\n"
    "تاريخ البداية: 2013-01-27\n"
    "تاريخ النهاية: 2013-02-25\n"
    "نوع المعركة: معركة ضد النظام\n"
    "الأطراف: لواء مجاهدي الشام، الجيش الحر، قوات النظام\n"
    "المنطقة الجغرافية: داريا، دمشق"
)
BRIGADE = "لواء مجاهدي الشام"


def archive_record() -> Sample:
    """A structured archive record: a named battle and a brigade of the Free Syrian Army."""
    t = RECORD_TEXT
    battle = span(t, "اسم المعركة: نصرة داريا")
    x = Extraction(
        document=info("000_record.txt", t, publisher="Syrian Memory", publisher_ar="الذاكرة السورية",
                      kind="archive-record"),
        actors=[
            Actor(slugify(BRIGADE), {"ar": BRIGADE, "en": None}, kind="rebel_group",
                  parent="free-syrian-army", curated=False, mentions=[span(t, BRIGADE)]),
            Actor("free-syrian-army", {"ar": "الجيش الحر", "en": "Free Syrian Army"},
                  kind="rebel_group", mentions=[span(t, "الجيش الحر")]),
            Actor("syrian-government-forces", {"ar": "قوات النظام", "en": None},
                  kind="state_force", mentions=[span(t, "قوات النظام")]),
        ],
        places=[Place("C2498", {"ar": "داريا", "en": "Darayya"},
                      mentions=[span(t, "داريا", "المنطقة")])],
        events=[Event(f"{battle.start}-{battle.end}", "battle", battle, name="نصرة داريا",
                      start="2013-01-27", end="2013-02-25", places=["C2498"],
                      actors=[slugify(BRIGADE), "free-syrian-army", "syrian-government-forces"])],
        record={"code": "SMI/A900/243", "name": "نصرة داريا", "start": "2013-01-27",
                "end": "2013-02-25", "type": "معركة ضد النظام"},
    )
    return Sample(x, t)


WIRE_TEXT = (
    "BEIRUT (AFP) - At least 35 civilians were killed on Monday in air strikes on the town of "
    "Duma, the Syrian Observatory for Human Rights said. The monitor later raised the toll to 44. "
    "An explosion also hit the Al Qadam district of Damascus earlier in 2018."
)


def english_wire() -> Sample:
    """An English wire story: a toll quoted from the monitor, an event dated to the year only."""
    t = WIRE_TEXT
    sohr = Attribution("the Syrian Observatory for Human Rights", source="sohr")
    strike = span(t, "At least 35 civilians were killed on Monday in air strikes")
    blast = span(t, "An explosion also hit the Al Qadam district of Damascus earlier in 2018")
    toll35, toll44 = span(t, "At least 35 civilians"), span(t, "raised the toll to 44")
    x = Extraction(
        document=info("004_wire.txt", t, language="en", publisher="Elaph", publisher_ar="إيلاف",
                      published="2018-03-21", url="https://example.org/wire/2018/03/21/duma",
                      title="Air strikes on Duma"),
        places=[Place("C2338", {"ar": "دوما", "en": "Duma"}, mentions=[span(t, "Duma")]),
                Place("N0094", {"ar": "القدم", "en": "Al Qadam"}, mentions=[span(t, "Al Qadam")])],
        events=[
            Event(f"{strike.start}-{strike.end}", "airstrike", strike, start="2018-03-19",
                  places=["C2338"]),
            Event(f"{blast.start}-{blast.end}", "explosion", blast, start="2018", places=["N0094"]),
        ],
        casualty_claims=[
            CasualtyClaim("casualties-35", 35, "at_least", sohr, toll35,
                          victim_category="civilians", event=f"{strike.start}-{strike.end}"),
            CasualtyClaim("casualties-44", 44, "exact", sohr, toll44, victim_category="civilians",
                          event=f"{strike.start}-{strike.end}", supersedes="casualties-35"),
        ],
    )
    return Sample(x, t)


def _place(key: str, level: str, name_ar: str, name_en: str, parent: str | None,
           lat: float, lon: float, wikidata: str | None = None,
           geonames: str | None = None) -> PlaceEntry:
    return PlaceEntry(key=key, level=level, name_ar=name_ar, name_en=name_en, parent=parent,
                      lat=lat, lon=lon, wikidata=wikidata, geonames=geonames)


def small_gazetteer() -> Gazetteers:
    places = [
        _place("SY01", "governorate", "دمشق", "Damascus", None, 33.51667, 36.28333,
               "Q2007044", "167541"),
        _place("SY0100", "district", "دمشق", "Damascus", "SY01", 33.51563, 36.28032,
               "Q21587079", "170653"),
        _place("SY010000", "subdistrict", "دمشق", "Damascus", "SY0100", 33.51563, 36.28032,
               geonames="13415084"),
        _place("C1001", "community", "دمشق", "Damascus", "SY010000", 33.517175, 36.27671),
        _place("A004", "neighbourhood", "القابون", "Qaboun", "C1001", 33.545865, 36.338834),
        _place("A008", "neighbourhood", "جوبر", "Jowbar", "C1001", 33.519777, 36.330777),
        _place("A015", "neighbourhood", "القدم", "Al Qadam", "C1001", 33.472789, 36.287825),
        _place("N0094", "neighbourhood", "القدم", "Al Qadam", "A015", 33.474339, 36.284183),
        _place("SY03", "governorate", "ريف دمشق", "Rural Damascus", None, 33.5, 37.38333,
               "Q232399", "170652"),
        _place("SY0309", "district", "داريا", "Darayya", "SY03", 33.4991, 36.19116,
               "Q4118372", "8276862"),
        _place("SY030900", "subdistrict", "مركز داريا", "Markaz Darayya", "SY0309", 33.46599,
               36.20284, "Q12247329", "8609419"),
        _place("C2498", "community", "داريا", "Darayya", "SY030900", 33.457041, 36.239669),
        _place("SY0302", "district", "دوما", "Duma", "SY03", 33.43262, 37.63855,
               "Q986780", "170590"),
        _place("SY030200", "subdistrict", "دوما", "Duma", "SY0302", 33.57, 36.40),
        _place("C2338", "community", "دوما", "Duma", "SY030200", 33.570572, 36.404592),
    ]
    places[4] = replace(places[4], aliases_ar=("حي القابون",), aliases_en=("Qabun",))
    actors = [
        ActorEntry("syrian-government-forces", "قوات النظام", "Syrian government forces",
                   "state_force", side="government", aliases_ar=("جيش النظام",),
                   weak_aliases_ar=("النظام",), active_from=2011, active_to=2024),
        ActorEntry("free-syrian-army", "الجيش الحر", "Free Syrian Army", "rebel_group",
                   side="opposition", aliases_en=("FSA",), active_from=2011),
        ActorEntry("faylaq-al-rahman", "فيلق الرحمن", "Faylaq al-Rahman", "rebel_group",
                   side="opposition", parent="free-syrian-army"),
        ActorEntry("jabhat-al-nusra", "جبهة النصرة", "Jabhat al-Nusra", "jihadist_group",
                   side="jihadist", active_from=2012, active_to=2016,
                   renamed_to="jabhat-fatah-al-sham"),
        ActorEntry("jabhat-fatah-al-sham", "جبهة فتح الشام", "Jabhat Fatah al-Sham",
                   "jihadist_group", side="jihadist", active_from=2016, active_to=2017),
        ActorEntry("opposition-factions", "فصائل المعارضة", "opposition factions",
                   "rebel_group", side="opposition", generic=True),
    ]
    sources = [
        SourceEntry("sohr", "المرصد السوري لحقوق الإنسان", "Syrian Observatory for Human Rights",
                    "monitor", stance="opposition-leaning monitor", country="United Kingdom",
                    aliases_ar=("المرصد السوري",), aliases_en=("SOHR",)),
        SourceEntry("faylaq-al-rahman-media", "المكتب الإعلامي لفيلق الرحمن",
                    "Faylaq al-Rahman media office", "military", actor="faylaq-al-rahman"),
    ]
    return Gazetteers(
        places=Places({p.key: p for p in places}), actors={a.key: a for a in actors},
        sources={s.key: s for s in sources}, stopnames=frozenset(),
    )


SAMPLES = {"sohr": sohr_report, "watan": watan_denial, "record": archive_record,
           "wire": english_wire}


@pytest.fixture
def iris() -> Iris:
    return Iris()


@pytest.fixture(params=sorted(SAMPLES))
def sample(request: pytest.FixtureRequest) -> Sample:
    return SAMPLES[request.param]()


@pytest.fixture
def gazetteer() -> Gazetteers:
    return small_gazetteer()


@pytest.fixture(scope="session")
def all_quads() -> list[Quad]:
    """Every sample document's graph and the small gazetteer's, as the store would hold them."""
    iris = Iris()
    quads = list(gazetteer_quads(small_gazetteer(), iris))
    for make in SAMPLES.values():
        quads += make().quads(iris)
    return quads
