"""One settings object, read once at start-up from defaults, environment and CLI options.

Every setting is declared once in ``SETTINGS`` with its name, default and help; the
CLI options, the environment variables and docs/settings.md are all derived from it,
and a test fails when a setting is undocumented.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "CONFLICTKG_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("store", "data/store", "Path of the on-disk Oxigraph store."),
    Setting("base_iri", "https://conflictkg.org/", "Base under which every IRI of the graph is minted."),
    Setting("query_timeout", 30.0, "Seconds after which a SPARQL query is stopped (its worker is killed)."),
    Setting("query_workers", 2, "Worker processes that evaluate SPARQL queries."),
    Setting("query_memory_mb", 4096,
            "Address space a query worker may use (MiB; 0 for no limit); past it the query fails."),
    Setting("max_concurrent_queries", 16, "Queries evaluated or waiting at once; more get 503."),
    Setting("max_body_bytes", 1_048_576, "Largest request body accepted (bytes); larger gets 413."),
    Setting("max_result_bytes", 268_435_456, "Largest serialised query result (bytes); larger gets 500."),
    Setting("update_token", None, "Bearer token that enables SPARQL Update, Graph Store and POST /documents."),
    Setting("open_updates", False, "Enable updates without a token (private local stores only)."),
    Setting("allow_service", (), "Endpoint URLs that SERVICE may call (space-separated in the environment)."),
    Setting("service_timeout", 10.0, "Seconds a SERVICE call to an allowlisted endpoint may take."),
    Setting("cache_entries", 512, "Query results kept in memory, keyed by the store's state."),
    Setting("data_license", "https://creativecommons.org/licenses/by/4.0/",
            "Licence IRI the VoID/DCAT description announces for the graph."),
)


@dataclass(frozen=True)
class Settings:
    store: Path = Path("data/store")
    base_iri: str = "https://conflictkg.org/"
    query_timeout: float = 30.0
    query_workers: int = 2
    query_memory_mb: int = 4096
    max_concurrent_queries: int = 16
    max_body_bytes: int = 1_048_576
    max_result_bytes: int = 268_435_456
    update_token: str | None = None
    open_updates: bool = False
    allow_service: tuple[str, ...] = ()
    service_timeout: float = 10.0
    cache_entries: int = 512
    data_license: str = "https://creativecommons.org/licenses/by/4.0/"
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def updates_enabled(self) -> bool:
        return self.open_updates or bool(self.update_token)


def _coerce(setting: Setting, raw: str) -> Any:
    default = setting.default
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    if isinstance(default, tuple):
        return tuple(raw.split())
    return raw


def load_settings(environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then environment variables, then explicit overrides (CLI options)."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        if setting.env in environ and environ[setting.env] != "":
            values[setting.name] = _coerce(setting, environ[setting.env])
    values.update({k: v for k, v in overrides.items() if v is not None and v != ()})
    if "store" in values:
        values["store"] = Path(values["store"])
    if "allow_service" in values:
        values["allow_service"] = tuple(values["allow_service"])
    base = values.get("base_iri")
    if base is not None and not base.endswith(("/", "#")):
        values["base_iri"] = base + "/"
    return Settings(**values)


def settings_names() -> set[str]:
    return {f.name for f in fields(Settings)} - {"extra"}
