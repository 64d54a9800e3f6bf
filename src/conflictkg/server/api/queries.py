"""The list queries of the API, assembled from fixed fragments.

Which fragments a query holds depends only on *which* filters a request uses;
the filter values are bound as substitutions or written as escaped VALUES terms
(see :mod:`conflictkg.server.api.graph`). Lists are ordered by a sort key and
paged by cursor: the cursor is the last key seen, so a page costs the same
however deep it is and stays stable while documents are added.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable
from dataclasses import dataclass, field

from conflictkg.server.api.graph import PREFIX, literal_term, values_block
from conflictkg.server.errors import bad_parameter


def encode_cursor(key: str) -> str:
    return base64.urlsafe_b64encode(key.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> str:
    """The sort key inside a cursor; a 422 for anything this API did not hand out."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError):
        raise bad_parameter("cursor", "not a cursor returned by this API") from None
    if "|" not in key:
        raise bad_parameter("cursor", "not a cursor returned by this API")
    return key


@dataclass
class ListQuery:
    """A SELECT of ``?x ?key``: base patterns, optional filter fragments, key, cursor."""

    var: str
    base: str
    key: str
    fragments: list[str] = field(default_factory=list)
    substitutions: dict[str, str] = field(default_factory=dict)
    # Patterns that start from bound IRIs go first: Oxigraph joins in the order written,
    # and starting from one event rather than from every claim is 1000x faster.
    leading: list[str] = field(default_factory=list)

    def add(self, fragment: str, **bound: str) -> ListQuery:
        self.fragments.append(fragment)
        self.substitutions.update(bound)
        return self

    def values(self, var: str, iris: Iterable[str], fragment: str) -> ListQuery:
        """Keep solutions whose ``?var`` is one of ``iris`` (none at all when empty)."""
        iris = list(iris)
        self.leading.append(values_block(var, iris) if iris else "FILTER(false)")
        self.leading.append(fragment)
        return self

    def after(self, cursor: str | None) -> ListQuery:
        if cursor:
            self.substitutions["after"] = literal_term(decode_cursor(cursor))
        return self

    def sparql(self, limit: int) -> str:
        body = "\n  ".join([*self.leading, self.base, *self.fragments])
        # Oxigraph substitutes only variables of the projection, so the bound ones are listed.
        bound = "".join(f" ?{name}" for name in sorted(self.substitutions))
        return (f"{PREFIX}SELECT DISTINCT ?{self.var} ?key{bound} WHERE {{\n  {body}\n"
                f"  BIND({self.key} AS ?key)\n  {self._after_filter()}\n}}\n"
                f"ORDER BY ?key LIMIT {int(limit) + 1}")

    def _after_filter(self) -> str:
        return "FILTER(?key > ?after)" if "after" in self.substitutions else ""


# Graph filters of the event list; each keeps events ?e tied to one of the bound IRIs. An
# incident has the places, actors and dates its reports give; its sources are the publishers
# of its reports (ckg:reportedBy) and those credited with a claim on one of them. The place
# and actor filters are answered by the event index's keys (conflictkg.events_index), which
# follow these two patterns; the tests compare the two.
EVENT_ACTOR = "?a ckg:partOf* ?actor . ?e sem:hasActor ?a ."
EVENT_PLACE = "?pl schema:containedInPlace* ?place . ?e sem:hasPlace ?pl ."
EVENT_GEO = "?e sem:hasPlace ?geoPlace ."
EVENT_SOURCE = ("{ ?sc prov:wasAttributedTo ?source ; ckg:about ?e } UNION "
                "{ ?sd schema:publisher ?source . ?e prov:wasDerivedFrom ?sd } UNION "
                "{ ?e ckg:reportedBy ?source } UNION "
                "{ ?sc prov:wasAttributedTo ?source ; ckg:about/ckg:reportOf ?e }")


def claims_query() -> ListQuery:
    return ListQuery(
        "c",
        "?c a ?cls . VALUES ?cls { ckg:CasualtyClaim ckg:ControlClaim ckg:Claim }\n"
        "  OPTIONAL { ?c ckg:about ?ev }",
        'CONCAT(COALESCE(STR(?ev), "~"), "|", STR(?c))',
    )


# A claim's days: its own range (a change of control is dated), else its event's.
CLAIM_DAYS = ("OPTIONAL { ?c sem:hasEarliestBeginTimeStamp ?ownFirst ; sem:hasLatestEndTimeStamp ?ownLast }\n"
              "  OPTIONAL { ?c ckg:about ?dayEvent . ?dayEvent sem:hasEarliestBeginTimeStamp ?eventFirst ;"
              " sem:hasLatestEndTimeStamp ?eventLast }")
CLAIM_FROM = CLAIM_DAYS + "\n  FILTER(COALESCE(?ownLast, ?eventLast) >= ?start)"
CLAIM_TO = ("OPTIONAL { ?c sem:hasEarliestBeginTimeStamp ?ownBegin }\n"
            "  OPTIONAL { ?c ckg:about ?beginEvent . ?beginEvent sem:hasEarliestBeginTimeStamp ?eventBegin }\n"
            "  FILTER(COALESCE(?ownBegin, ?eventBegin) <= ?end)")


CLAIM_EVENT = "?c ckg:about ?event ."
CLAIM_KIND = "?c a ?claimClass ."
CLAIM_SOURCE = "?c prov:wasAttributedTo ?source ."
CLAIM_PLACE = ("?cp schema:containedInPlace* ?place .\n"
               "  { ?c ckg:controlPlace ?cp } UNION { ?ce sem:hasPlace ?cp . ?c ckg:about ?ce }")
CLAIM_ACTOR = ("?ca ckg:partOf* ?actor .\n"
               "  { ?c ckg:controlActor|ckg:victimActor ?ca } UNION { ?ce sem:hasActor ?ca . ?c ckg:about ?ce }")
CLAIM_CLASSES = {"casualties": "CasualtyClaim", "control": "ControlClaim"}


def entities_query(var: str, cls: str) -> ListQuery:
    return ListQuery(var, f"?{var} a {cls} .", f'CONCAT("|", STR(?{var}))')


ACTOR_KIND = "?a ckg:actorKind ?actorKind ."
ACTOR_SIDE = "?a ckg:side ?side ."
ACTOR_PARENT = "?a ckg:partOf ?parent ."
PLACE_LEVEL = "?p ckg:adminLevel ?level ."
PLACE_WITHIN = "?p schema:containedInPlace+ ?within ."


def documents_query() -> ListQuery:
    return ListQuery(
        "d",
        "?d a ckg:SourceDocument .\n  OPTIONAL { ?d schema:datePublished ?published }",
        'CONCAT(COALESCE(STR(?published), "9999-12-31"), "|", STR(?d))',
    )


DOCUMENT_SOURCE = "?d schema:publisher ?source ."
DOCUMENT_LANGUAGE = "?d dcterms:language ?language ."
