"""Document metadata: one spelling for each field, dates as YYYY-MM-DD, a fixed merge order.

Metadata comes from three places: what a file carries (HTML ``<meta>`` tags, the
fields of a JSON record), the manifest entry for the container file, and the manifest
entry for the document itself. Later ones win: a manifest is written on purpose by
whoever assembles the corpus, while embedded fields are whatever the source emitted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

ALIASES = {"date": "published", "lang": "language", "link": "url"}
_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?=$|[T ])")


def normalise_date(value: Any) -> str | None:
    """YYYY-MM-DD from a date, or from a string that starts with a full year-month-day.

    Accepts '2017-03-25', '2017/3/25' and ISO timestamps such as
    '2017-03-25T10:00:00+03:00' (the date as written: the publisher's local date).
    Returns None for None or ''. Raises ValueError for anything else, including
    partial dates and day-first forms, which are ambiguous.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        match = _DATE.match(value.strip())
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                pass
    raise ValueError(f"'published' is not a date (YYYY-MM-DD): {value!r}")


def normalise_metadata(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Canonical keys (``date`` -> ``published``, ...) and a normalised date.

    Raises ValueError naming the field when ``published`` is not a date.
    """
    meta: dict[str, Any] = {}
    for key, value in raw.items():
        canonical = ALIASES.get(key, key)
        meta[key if canonical in raw else canonical] = value  # both given: alias stays extra
    if "published" in meta:
        meta["published"] = normalise_date(meta["published"])
    return meta


def merge(*layers: Mapping[str, Any] | None) -> dict[str, Any]:
    """Later layers override earlier ones; a None value in a later layer does not erase."""
    merged: dict[str, Any] = {}
    for layer in layers:
        for key, value in (layer or {}).items():
            if value is not None or key not in merged:
                merged[key] = value
    return merged
