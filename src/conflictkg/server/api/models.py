"""The shapes the JSON API answers with, so the OpenAPI schema documents every field.

Every object carries its IRI in ``id`` and every page names its JSON-LD context,
which maps ``id`` to ``@id``: the JSON is JSON-LD as it stands.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")
CONTEXT = "/api/v1/context.jsonld"
EXAMPLE_PLACE = "https://conflictkg.org/id/place/C1001"
EXAMPLE_EVENT = "https://conflictkg.org/id/event/2de9ca7cda8d2466-120-163"


class Contextual(BaseModel):
    """A top-level answer: names its JSON-LD context in the body too."""

    context: str = Field(default=CONTEXT, alias="@context")

    model_config = ConfigDict(populate_by_name=True)


class Labels(BaseModel):
    """A name in Arabic and English; either may be missing."""

    ar: str | None = None
    en: str | None = None

    model_config = ConfigDict(json_schema_extra={"example": {"ar": "جوبر", "en": "Jobar"}})


class Ref(BaseModel):
    """A link to another entity, with its names so a client need not look it up."""

    id: str
    key: str | None = Field(default=None, description="Local key: /api/v1/{kind}/{key} finds it.")
    labels: Labels = Labels()


class PlaceRef(Ref):
    lat: float | None = None
    lon: float | None = None


class ActorRef(Ref):
    kind: str | None = Field(default=None, description="The group's kind", examples=["rebel_group"])

    model_config = ConfigDict(from_attributes=True)  # a plain Ref is one without its kind


class Fatalities(BaseModel):
    """Deaths claimed for an event, summed over the groups of victims the claims name."""

    low: int = Field(description="The lowest toll ever claimed per group, superseded ones too")
    best: int = Field(description="Per group the preferred (newest) claim, else the median current one")
    high: int = Field(description="The highest toll ever claimed per group")
    conservative: int = Field(description="Per group the lowest current toll (ACLED's rule)")
    claims: int = Field(description="How many casualty claims the figures rest on")


class Span(BaseModel):
    """A slice of a document's text: ``text[start:end]`` (code points)."""

    id: str | None = Field(default=None, description="IRI of the Web Annotation")
    document: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None


class DerivedToll(BaseModel):
    """One figure of an incident's summary, derived from its reports' claims by a stated rule."""

    outcome: str | None = Field(default=None, examples=["killed"])
    estimate: str | None = Field(default=None, examples=["best"],
                                 description="low, best or high (UCDP), or conservative (ACLED)")
    count: int | None = None
    sources: int | None = Field(default=None, description="Sources with a current figure for the outcome")
    rule: str | None = Field(default=None, description="The rule that derives it (the definition of "
                             "its ckg:EstimateScheme concept)")
    note: str | None = Field(default=None, description="How the rule applied: each source's figure")
    claims: list[str] = Field(default=[], description="The claims it came from (prov:wasDerivedFrom)")


class EventSummary(BaseModel):
    id: str = Field(examples=[EXAMPLE_EVENT])
    type: Literal["Event", "Incident"] = Field(
        default="Event", description="Incident: one happening across documents; Event: as one document reports it")
    key: str
    kind: str | None = Field(default=None, examples=["battle"])
    labels: Labels = Labels()
    start: str | None = Field(default=None, description="YYYY-MM-DD, YYYY-MM or YYYY: the precision known")
    end: str | None = None
    earliest_begin: str | None = None
    latest_end: str | None = None
    places: list[PlaceRef] = []
    actors: list[ActorRef] = []
    parent: str | None = Field(default=None, description="The event this one is an episode of")
    documents: list[str] = []
    incident: str | None = Field(default=None, description="For a reported event: the incident it "
                                 "reports (ckg:reportOf)")
    report_count: int | None = Field(default=None, description="For an incident: how many reported "
                                     "events are linked to it")
    derived_tolls: list[DerivedToll] = Field(default=[], description="For an incident: UCDP's low, best "
                                             "and high per outcome and ACLED's conservative figure")
    date_precision: Literal["day", "month", "year"] | None = Field(
        default=None, description="How much of `start` the sources give")
    location_precision: str | None = Field(
        default=None, description="The admin level of the first place (community, district...)")
    admin1: Ref | None = Field(default=None, description="The governorate (key: its P-code)")
    admin2: Ref | None = Field(default=None, description="The district")
    admin3: Ref | None = Field(default=None, description="The sub-district")
    fatalities: Fatalities | None = Field(default=None, description="From its casualty claims; null without any")
    acled_event_type: str | None = Field(default=None, examples=["Battles"])
    acled_sub_event_type: str | None = Field(default=None, examples=["Armed clash"])
    sources: list[Ref] = Field(default=[], description="Who reported it or made a claim "
                               "about it (for an incident: about any of its reports)")
    quote: str | None = Field(default=None, description="The text the event was read from")


class Claim(BaseModel):
    """One source's statement: a toll or a change of control, with its rank and span."""

    id: str
    type: Literal["Claim"] = "Claim"
    kind: Literal["casualties", "control", "other"]
    event: str | None = None
    source: Ref | None = Field(default=None, description="Who asserted it (prov:wasAttributedTo)")
    attributed_label: str | None = Field(default=None, description="The name the text gives the source")
    rank: Literal["preferred", "normal", "deprecated"] = "normal"
    count: int | None = None
    qualifier: str | None = Field(default=None, examples=["at_least"])
    outcome: str | None = Field(default=None, examples=["killed"])
    victim_actor: Ref | None = None
    victim_category: str | None = None
    actor: Ref | None = None
    place: PlaceRef | None = None
    change: str | None = None
    stance: str | None = None
    start: str | None = None
    supersedes: list[str] = []
    part_of: str | None = Field(default=None, description="The total this count is a part of, in a "
                                "breakdown of a toll (ckg:partOfToll); parts are not compared with tolls")
    documents: list[str] = []
    evidence: list[Span] = []


class Toll(BaseModel):
    """The counts claimed for one outcome among one group of victims: where sources disagree."""

    outcome: str | None = None
    victim_actor: str | None = None
    victim_category: str | None = None
    low: int
    high: int
    disputed: bool = Field(description="Current (not deprecated) claims give different counts")
    claims: list[str] = Field(description="The claims, highest count first")


class LinkReason(BaseModel):
    """One piece of evidence that a report tells of the incident, with its share of the score."""

    kind: str | None = Field(default=None, examples=["same_place"])
    score: float | None = None
    note: str | None = None


class Report(BaseModel):
    """One document's telling of an incident: its event, its document, and why it was linked."""

    event: EventSummary
    document: DocumentSummary | None = None
    score: float | None = Field(default=None, description="How strongly the evidence ties it to the "
                                "incident (1 for the report that opened it)")
    compared_with: str | None = Field(default=None, description="The report it matched best")
    reasons: list[LinkReason] = []
    evidence: list[Span] = Field(default=[], description="The sentences it was read from")


class EventDetail(Contextual, EventSummary):
    sub_events: list[Ref] = []
    evidence: list[Span] = []
    reports: list[Report] = Field(default=[], description="For an incident: every report of it, with "
                                  "its document, source and quotes")
    claims: list[Claim] = Field(default=[], description="Every claim about the event, or about any report "
                                "of the incident; tolls may disagree")
    tolls: list[Toll] = Field(default=[], description="Casualty claims grouped by outcome and victims")


class Entity(BaseModel):
    """What every gazetteer entity answers with first: its IRI, kind, key and names."""

    id: str
    type: str
    key: str
    labels: Labels = Labels()
    aliases: list[str] = []


class Actor(Entity):
    type: Literal["ArmedGroup"] = "ArmedGroup"
    kind: str | None = Field(default=None, examples=["rebel_group"])
    side: str | None = None
    parent: Ref | None = None
    active_from: str | None = None
    active_to: str | None = None
    renamed_to: Ref | None = None
    same_as: list[str] = []


class ActorDetail(Contextual, Actor):
    sub_units: list[Ref] = []
    events: list[EventSummary] = []
    claims: list[Claim] = []


class Place(Entity):
    id: str = Field(examples=[EXAMPLE_PLACE])
    type: Literal["Place"] = "Place"
    level: str | None = Field(default=None, examples=["community"])
    pcode: str | None = None
    lat: float | None = None
    lon: float | None = None
    wkt: str | None = None
    parent: Ref | None = None
    same_as: list[str] = []


class PlaceDetail(Contextual, Place):
    admin_chain: list[Ref] = Field(default=[], description="From the place's parent up to the governorate")
    events: list[EventSummary] = Field(default=[], description="Events here or inside (first 100 by date)")


class Source(Entity):
    type: Literal["ReportingSource"] = "ReportingSource"
    source_type: str | None = None
    stance: str | None = None


class SourceDetail(Contextual, Source):
    pass


class DocumentSummary(BaseModel):
    id: str
    type: Literal["SourceDocument"] = "SourceDocument"
    sha256: str | None = None
    title: str | None = None
    file: str | None = None
    publisher: Ref | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None


class Extraction(BaseModel):
    """The project's extraction format rebuilt from the graph, plus the text it points into."""

    context: str = Field(default=CONTEXT, alias="@context")
    document: dict[str, Any]
    text: str | None = None
    actors: list[dict[str, Any]] = []
    places: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []

    model_config = ConfigDict(populate_by_name=True)


class NewDocument(BaseModel):
    """A document to ingest: its text and what is known about it."""

    text: str = Field(min_length=1, examples=["سيطرت فصائل المعارضة على بلدة جوبر."])
    file: str | None = Field(default=None, max_length=300, description="A name for it; default from its hash")
    title: str | None = Field(default=None, max_length=1000)
    publisher: str | None = Field(default=None, max_length=300, examples=["Syrian Observatory for Human Rights"])
    publisher_ar: str | None = Field(default=None, max_length=300)
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$", examples=["2017-03-25"])
    language: Literal["ar", "en"] | None = None
    url: str | None = Field(default=None, max_length=2000)
    kind: str | None = Field(default=None, max_length=100, examples=["news-article"])

    model_config = ConfigDict(extra="forbid")


class Figures(BaseModel):
    """Events and the deaths claimed in them (sums of each event's figures)."""

    events: int
    events_with_fatalities: int = Field(description="Events with at least one casualty claim of deaths")
    fatalities: int = Field(description="The conservative figures, summed")
    fatalities_low: int
    fatalities_best: int
    fatalities_high: int


class Count(Figures):
    key: str = Field(description="YYYY-MM, the governorate's, group's or source's IRI, or the kind; "
                     "'unknown' for events without one")
    ref: Ref | None = Field(default=None, description="The governorate, group or source, named")


class Stats(Contextual, Figures):
    """Counts over the events a list's filters keep."""

    by_month: list[Count] = Field(description="By the month the event began (day or month precision)")
    by_governorate: list[Count] = []
    by_kind: list[Count] = []
    by_group: list[Count] = Field(default=[], description="An event counts for each of its groups")
    by_source: list[Count] = Field(default=[], description="An event counts for each source of it")


class Links(BaseModel):
    next: str | None = Field(default=None, description="URL of the next page")


class Page(BaseModel, Generic[T]):
    """One page of a list; follow ``links.next`` (or pass ``cursor=next``) for the rest."""

    context: str = Field(default=CONTEXT, alias="@context")
    items: list[T]
    next: str | None = Field(default=None, description="Opaque cursor of the next page; null on the last")
    links: Links = Links()

    model_config = ConfigDict(populate_by_name=True)


class Geometry(BaseModel):
    type: Literal["Point"]
    coordinates: list[float] = Field(description="[longitude, latitude] (RFC 7946)")


class Feature(BaseModel):
    type: Literal["Feature"] = "Feature"
    id: str
    geometry: Geometry | None
    properties: dict[str, Any]


class FeatureCollection(BaseModel):
    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[Feature]
    next: str | None = None
    links: Links = Links()


def _point_schema() -> dict[str, Any]:
    return {"anyOf": [{"type": "null"}, {
        "type": "object", "required": ["type", "coordinates"],
        "properties": {"type": {"const": "Point"},
                       "coordinates": {"type": "array", "items": {"type": "number"},
                                       "minItems": 2, "maxItems": 2}}}]}


FEATURE_SCHEMA: dict[str, Any] = {
    "type": "object", "required": ["type", "id", "geometry", "properties"],
    "properties": {"type": {"const": "Feature"}, "id": {"type": "string"},
                   "geometry": _point_schema(), "properties": {"type": "object"}},
}
FEATURE_COLLECTION_SCHEMA: dict[str, Any] = {
    "type": "object", "required": ["type", "features"],
    "properties": {"type": {"const": "FeatureCollection"},
                   "features": {"type": "array", "items": FEATURE_SCHEMA},
                   "next": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                   "links": {"type": "object"}},
}

# What routes declare of their other answers, for the OpenAPI schema.
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {
    "description": "Not in the graph", "content": {"application/json": {"schema": {
        "type": "object", "properties": {"detail": {"type": "string"}, "code": {"type": "string"}}}}}}}
EVENT_LIST: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/geo+json": {"schema": FEATURE_COLLECTION_SCHEMA},
                      "text/csv": {"schema": {"type": "string"}}}}}
GEOJSON_LIST: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/geo+json": {"schema": FEATURE_COLLECTION_SCHEMA}}}}
GEOJSON_FEATURE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/geo+json": {"schema": FEATURE_SCHEMA}}}}
