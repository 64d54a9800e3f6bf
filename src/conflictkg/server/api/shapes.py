"""Turning what the graph says about a subject into the API's response models."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Literal

from conflictkg.iris import Iris
from conflictkg.server.api import models as m
from conflictkg.server.api.graph import Description, Term, expand, point

_LOCAL = re.compile(r"[/#]([^/#]+)$")


def local(iri: str | None) -> str | None:
    """The last path segment of an IRI: 'battle' for ckgt:battle."""
    if not iri:
        return None
    match = _LOCAL.search(iri)
    return match.group(1) if match else iri


def key_of(iris: Iris, iri: str) -> str:
    found = iris.kind_of(iri)
    return found[1] if found else iri


def labels(found: dict[str, str]) -> m.Labels:
    plain = found.get("")
    return m.Labels(ar=found.get("ar") or (plain if plain and _is_arabic(plain) else None),
                    en=found.get("en") or (plain if plain and not _is_arabic(plain) else None))


def _is_arabic(value: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in value)


def ref(iris: Iris, term: Term | None) -> m.Ref | None:
    if term is None or not term.is_iri:
        return None
    return m.Ref(id=term.text, key=key_of(iris, term.text), labels=labels(term.labels))


def place_ref(iris: Iris, term: Term) -> m.PlaceRef:
    xy = point(term.wkt)
    return m.PlaceRef(id=term.text, key=key_of(iris, term.text), labels=labels(term.labels),
                      lon=xy[0] if xy else None, lat=xy[1] if xy else None)


def refs(iris: Iris, terms: list[Term]) -> list[m.Ref]:
    out = [ref(iris, t) for t in sorted(terms, key=lambda t: t.text)]
    return [r for r in out if r]


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def is_incident(d: Description) -> bool:
    return expand("ckg:Incident") in d.types()


def event_key(iris: Iris, iri: str) -> str:
    """An event's key, or ``incident/{key}`` for an incident: /api/v1/events/{key} finds either."""
    found = iris.kind_of(iri)
    if found and found[0] == "incident":
        return f"incident/{found[1]}"
    return found[1] if found else iri


def event_summary(iris: Iris, d: Description, tolls: dict[str, Description] | None = None,
                  rules: dict[str, str] | None = None) -> m.EventSummary:
    """An event as one document reports it, or an incident with its reports' count, its
    sources and its derived tolls (described in ``tolls``, their rules in ``rules``)."""
    incident = is_incident(d)
    return m.EventSummary(
        id=d.iri, type="Incident" if incident else "Event", key=event_key(iris, d.iri),
        kind=local(d.value("ckg:eventType")), labels=labels(d.labels()),
        start=d.value("sem:hasBeginTimeStamp"), end=d.value("sem:hasEndTimeStamp"),
        earliest_begin=d.value("sem:hasEarliestBeginTimeStamp"),
        latest_end=d.value("sem:hasLatestEndTimeStamp"),
        places=[place_ref(iris, t) for t in sorted(d.all("sem:hasPlace"), key=lambda t: t.text)
                if t.is_iri],
        actors=[m.ActorRef(**r.model_dump()) for r in refs(iris, d.all("sem:hasActor"))],
        parent=d.value("sem:subEventOf"),
        documents=[] if incident else d.iris("prov:wasDerivedFrom"),
        incident=d.value("ckg:reportOf"),
        report_count=_int(d.value("ckg:reportCount")) if incident else None,
        sources=refs(iris, d.all("ckg:reportedBy")),
        derived_tolls=_derived(d, tolls or {}, rules or {}),
    )


ESTIMATE_ORDER = {"low": 0, "best": 1, "high": 2, "conservative": 3}


def _derived(d: Description, tolls: dict[str, Description], rules: dict[str, str]
             ) -> list[m.DerivedToll]:
    found = [derived_toll(tolls[t], rules) for t in d.iris("ckg:derivedToll") if t in tolls]
    return sorted(found, key=lambda t: (t.outcome or "", ESTIMATE_ORDER.get(t.estimate or "", 9)))


def derived_toll(d: Description, rules: dict[str, str]) -> m.DerivedToll:
    return m.DerivedToll(
        outcome=local(d.value("ckg:outcome")), estimate=local(d.value("ckg:estimate")),
        count=_int(d.value("ckg:count")), sources=_int(d.value("ckg:sourceCount")),
        rule=rules.get(d.value("ckg:estimate") or ""), note=d.value("rdfs:comment"),
        claims=d.iris("prov:wasDerivedFrom"))


def claim_kind(d: Description) -> Literal["casualties", "control", "other"]:
    types = d.types()
    if expand("ckg:CasualtyClaim") in types:
        return "casualties"
    if expand("ckg:ControlClaim") in types:
        return "control"
    return "other"


RANKS: dict[str, Literal["preferred", "normal", "deprecated"]] = {
    "PreferredRank": "preferred", "NormalRank": "normal", "DeprecatedRank": "deprecated"}


def claim(iris: Iris, d: Description, found_spans: dict[str, dict[str, Any]]) -> m.Claim:
    place = d.first("ckg:controlPlace")
    return m.Claim(
        id=d.iri, kind=claim_kind(d), event=d.value("ckg:about"),
        source=ref(iris, d.first("prov:wasAttributedTo")),
        attributed_label=d.value("ckg:attributedLabel"),
        rank=RANKS.get(local(d.value("wikibase:rank")) or "", "normal"),
        count=_int(d.value("ckg:count")), qualifier=local(d.value("ckg:qualifier")),
        outcome=local(d.value("ckg:outcome")), victim_actor=ref(iris, d.first("ckg:victimActor")),
        victim_category=d.value("ckg:victimCategory"), actor=ref(iris, d.first("ckg:controlActor")),
        place=place_ref(iris, place) if place and place.is_iri else None,
        change=local(d.value("ckg:change")), stance=local(d.value("ckg:stance")),
        start=d.value("sem:hasBeginTimeStamp"), supersedes=d.iris("ckg:supersedes"),
        part_of=d.value("ckg:partOfToll"),
        documents=d.iris("prov:wasDerivedFrom"),
        evidence=[m.Span(**found_spans[a]) for a in d.iris("ckg:evidence") if a in found_spans],
    )


def aliases(d: Description) -> list[str]:
    return sorted({t.text for t in d.all("skos:altLabel")})


def actor(iris: Iris, d: Description) -> m.Actor:
    return m.Actor(
        id=d.iri, key=key_of(iris, d.iri), labels=labels(d.labels()), aliases=aliases(d),
        kind=local(d.value("ckg:actorKind")), side=d.value("ckg:side"),
        parent=ref(iris, d.first("ckg:partOf")), active_from=d.value("ckg:activeFrom"),
        active_to=d.value("ckg:activeTo"), renamed_to=ref(iris, d.first("ckg:renamedTo")),
        same_as=d.iris("owl:sameAs"),
    )


def place(iris: Iris, d: Description) -> m.Place:
    geometry = d.geometry()
    wkt = geometry.wkt if geometry else None
    xy = point(wkt)
    return m.Place(
        id=d.iri, key=key_of(iris, d.iri), labels=labels(d.labels()), aliases=aliases(d),
        level=local(d.value("ckg:adminLevel")), pcode=d.value("ckg:pcode"),
        lon=xy[0] if xy else None, lat=xy[1] if xy else None, wkt=wkt,
        parent=ref(iris, d.first("schema:containedInPlace")), same_as=d.iris("owl:sameAs"),
    )


def source(iris: Iris, d: Description) -> m.Source:
    return m.Source(id=d.iri, key=key_of(iris, d.iri), labels=labels(d.labels()),
                    aliases=aliases(d), source_type=d.value("ckg:sourceType"),
                    stance=d.value("ckg:stance"))


def document_summary(iris: Iris, d: Description) -> m.DocumentSummary:
    return m.DocumentSummary(
        id=d.iri, sha256=d.value("ckg:sha256"), title=d.value("dcterms:title"),
        file=d.value("ckg:fileName"), publisher=ref(iris, d.first("schema:publisher")),
        published=d.value("schema:datePublished"), language=d.value("dcterms:language"),
        url=d.value("schema:url"),
    )


def feature(item: m.EventSummary | m.Place) -> m.Feature:
    """A GeoJSON Feature: the event's first located place, or the place itself."""
    if isinstance(item, m.Place):
        lon, lat = item.lon, item.lat
    else:
        located = [p for p in item.places if p.lon is not None and p.lat is not None]
        lon, lat = (located[0].lon, located[0].lat) if located else (None, None)
    located_at = [lon, lat] if lon is not None and lat is not None else None
    geometry = m.Geometry(type="Point", coordinates=located_at) if located_at else None
    return m.Feature(id=item.id, geometry=geometry, properties=item.model_dump(mode="json"))


def victim_groups(tolls: list[m.Claim]) -> list[list[m.Claim]]:
    """Tolls of the same victims, and tolls of one revision chain (``supersedes``) even when
    the revision names the victims more precisely, fall in one group. A toll naming no
    victims is compared with none naming some: it may be about others."""
    root = {c.id: c.id for c in tolls}

    def find(x: str) -> str:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    first_of: dict[tuple, str] = {}
    for c in tolls:
        key = (c.victim_actor.id if c.victim_actor else None, c.victim_category)
        root[find(c.id)] = find(first_of.setdefault(key, c.id))
        for earlier in c.supersedes:
            if earlier in root:
                root[find(earlier)] = find(c.id)
    groups: dict[str, list[m.Claim]] = defaultdict(list)
    for c in tolls:
        groups[find(c.id)].append(c)
    return list(groups.values())


def tolls(claims: list[m.Claim]) -> list[m.Toll]:
    """Casualty claims side by side per outcome and group of victims (a revision and the
    tolls it supersedes in one group); deprecated ones do not dispute, and the parts of a
    breakdown are not tolls of their own."""
    counted = [c for c in claims if c.kind == "casualties" and c.count is not None and c.part_of is None]
    by_outcome: dict[str | None, list[m.Claim]] = defaultdict(list)
    for c in counted:
        by_outcome[c.outcome].append(c)
    out = []
    for outcome, same in by_outcome.items():
        for group in victim_groups(same):
            counts = [c.count for c in group if c.count is not None]
            current = {c.count for c in group if c.rank != "deprecated"}
            named = next((c for c in group if c.victim_actor), group[0])
            out.append(m.Toll(outcome=outcome, victim_actor=named.victim_actor.id if named.victim_actor else None,
                              victim_category=named.victim_category, low=min(counts), high=max(counts),
                              disputed=len(current) > 1,
                              claims=[c.id for c in sorted(group, key=lambda c: -(c.count or 0))]))
    return sorted(out, key=lambda t: (str(t.outcome), str(t.victim_actor), str(t.victim_category)))
