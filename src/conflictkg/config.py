"""Every setting, declared once: its type, default, environment variable and description.

:class:`Settings` is the one place that reads the environment (``CONFLICTKG_<NAME>``).
The commands' options take their help and shown defaults from it and win over the
environment; ``docs/settings.md`` is generated from it (``python -m conflictkg.config``)
and a test fails when the two differ.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

ENV_PREFIX = "CONFLICTKG_"


class Settings(BaseSettings):
    """The settings of one process: defaults, then the environment, then explicit values."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_ignore_empty=True, frozen=True,
                                      extra="forbid")

    store: Path | str = Field(
        default=Path("data/store"), description="Path of the on-disk Oxigraph store, or `sparql+URL` for a "
        "SPARQL 1.1 server, URL being its query endpoint (see docs/scaling.md).")
    graph_store: str | None = Field(
        default=None, description="With a `sparql+URL` store: the server's Graph Store Protocol endpoint "
        "(default: the query URL with /query replaced by /store, as the Oxigraph server has it).")
    update_endpoint: str | None = Field(
        default=None, description="With a `sparql+URL` store: where SPARQL updates go (default: the query "
        "URL with /query replaced by /update, else the query URL itself).")
    store_user: str | None = Field(
        default=None, description="With a `sparql+URL` store: the user name its updates and graph writes "
        "authenticate with (never an option: the environment or a settings file only).")
    store_password: str | None = Field(
        default=None, description="With a `sparql+URL` store: the password of store_user.")
    store_token: str | None = Field(
        default=None, description="With a `sparql+URL` store: a bearer token sent with every request "
        "(instead of a user and password).")
    store_auth: str = Field(
        default="basic", description="With a `sparql+URL` store and a store_user: `basic` or `digest` "
        "HTTP authentication (Virtuoso's /sparql-graph-crud-auth asks for digest).")
    store_wkt_crs: bool = Field(
        default=True, description="With a `sparql+URL` store: write geo:wktLiteral values with their CRS84 IRI, "
        "as the embedded store keeps them; false for a server that refuses it (Virtuoso 7), which then gets "
        "the same geometry without it (CRS84 is WKT's default).")
    store_state: Path | None = Field(
        default=None, description="With a `sparql+URL` store: the local folder of what ingest keeps beside "
        "the graph (the linking index); default data/remote/HOST-PORT.")
    base_iri: str = Field(default="https://conflictkg.org/",
                          description="Base under which every IRI of the graph is minted.")
    bundle: Path | None = Field(
        default=None, description="Folder of the reference bundle (mappings/, ontology/, queries/) to use "
        "instead of the one installed with the package.")
    templates: Path | None = Field(
        default=None, description="Folder of HTML templates that override the package's, by file name.")
    ingest_batch_documents: int = Field(
        default=500, description="Documents that ingest commits together as one transaction (a crash "
        "loses the uncommitted batch, never part of a document).")
    ingest_bulk_load: bool = Field(
        default=True, description="Write new documents with Oxigraph's bulk loader (less CPU, far fewer "
        "bytes written) rather than as transactions: they are gathered in a compressed spool in the "
        "store's folder and loaded together, and readers see them after their load.")
    ingest_spool_megabytes: float = Field(
        default=256.0, description="With `ingest_bulk_load`: megabytes of N-Quads (some 1,000 news "
        "articles) gathered before the first bulk load of a run into a small store.")
    ingest_spool_growth: float = Field(
        default=2.0, description="With `ingest_bulk_load`: a bulk load also waits until the spool's "
        "N-Quads reach this many times the database's size on disk, so loads grow with the store and "
        "its compaction rewrites a small multiple of it, not the square of the run (0: loads at "
        "`ingest_spool_megabytes`).")
    publish_seconds: float = Field(
        default=30.0, description="During an ingest, seconds between publications of the documents "
        "committed so far to readers (the end of a run always publishes).")
    publish_documents: int = Field(
        default=0, description="During an ingest, also publish after this many new documents (0: by "
        "time only).")
    query_timeout: float = Field(
        default=30.0, description="Seconds after which a SPARQL query is stopped (its worker is killed).")
    query_workers: int = Field(
        default=0, description="Worker processes that evaluate SPARQL endpoint queries, for the whole "
        "server (shared out among its web processes). 0: from this machine, three per core while the "
        "query memory (query_memory_total_mb) gives each at least 1 GiB, and at least two.")
    web_workers: int = Field(
        default=0, description="Web processes that serve HTTP on the one port (uvicorn workers), so the "
        "API and the pages use every core; they share the store's event index, and the query workers, "
        "reserved workers and query memory are shared out among them. 0: one per core.")
    reserved_workers: int = Field(
        default=1, description="Query workers beside query_workers kept for the JSON API and the pages "
        "(at least one in each web process): "
        "requests to the SPARQL endpoint never take them, so runaway queries there cannot starve the "
        "rest of the site.")
    queue_wait: float = Field(
        default=5.0, description="Seconds a SPARQL endpoint request may wait for a free worker in its "
        "lane (cheap, medium or heavy, by the query's guessed cost) before a 503 with Retry-After.")
    heavy_queue: int = Field(
        default=-1, description="Heavy SPARQL endpoint queries that may wait in each web process for "
        "a worker up to query_timeout rather than queue_wait, so that bursts of them are answered late "
        "instead of refused; past them a heavy query waits queue_wait. -1: twice the process's query "
        "workers; 0: none.")
    heavy_borrow: bool = Field(
        default=True, description="Let heavy SPARQL endpoint queries take the workers of the medium "
        "lane beyond their third while no medium query waits (never the worker kept for cheap ones).")
    query_memory_mb: int = Field(
        default=4096, description="Address space a query worker may use (MiB; 0 for no limit); past it "
        "the query fails.")
    query_memory_total_mb: int = Field(
        default=0, description="Address space all query workers together may use (MiB): each worker gets "
        "an equal share, at most query_memory_mb. 0: half of this machine's memory (or of the "
        "container's memory limit).")
    worker_sandbox: bool = Field(
        default=True, description="Keep the query workers, which also apply updates, from opening any "
        "network socket (a seccomp filter, and a network namespace of their own where the system allows). "
        "Off only to test the SERVICE and LOAD checks alone.")
    max_query_length: int = Field(
        default=1_048_576, description="Longest query or update text read (characters); longer gets 400.")
    max_query_depth: int = Field(
        default=1000, description="Deepest query or update accepted: nesting of brackets plus the chains "
        "of patterns and operators at each level; deeper gets 400.")
    max_concurrent_queries: int = Field(
        default=256, description="Queries evaluated or waiting at once in one web process; more get a "
        "503 at once (a guard against floods: below it, a query waits up to queue_wait for a worker).")
    max_body_bytes: int = Field(
        default=1_048_576, description="Largest request body accepted (bytes); larger gets 413.")
    max_result_bytes: int = Field(
        default=268_435_456, description="Largest serialised query result (bytes); larger gets 500.")
    update_token: str | None = Field(
        default=None, description="Bearer token that enables SPARQL Update, Graph Store and POST /documents.")
    open_updates: bool = Field(
        default=False, description="Enable updates without a token (private local stores only).")
    allow_service: Annotated[tuple[str, ...], NoDecode] = Field(
        default=(), description="Endpoint URLs that SERVICE may call (space-separated in the environment).")
    service_timeout: float = Field(
        default=10.0, description="Seconds a SERVICE call to an allowlisted endpoint may take.")
    max_service_calls: int = Field(
        default=16, description="SERVICE clauses one query or update may have (each is one call to its "
        "endpoint); more gets 400.")
    cache_entries: int = Field(
        default=512, description="Query results kept in memory, keyed by the store's state.")
    data_license: str = Field(
        default="https://creativecommons.org/licenses/by/4.0/",
        description="Licence IRI the VoID/DCAT description announces for the graph.")

    @field_validator("base_iri")
    @classmethod
    def _ends_with_a_separator(cls, value: str) -> str:
        return value if value.endswith(("/", "#")) else value + "/"

    @field_validator("store", mode="before")
    @classmethod
    def _path_or_endpoint(cls, value: Any) -> Any:
        """A path, unless it names a SPARQL server (``sparql+http://…``): a Path would fold its ``//``."""
        if isinstance(value, str) and not value.startswith("sparql+"):
            return Path(value)
        return value

    @field_validator("store_auth")
    @classmethod
    def _auth_scheme(cls, value: str) -> str:
        if value not in ("basic", "digest"):
            raise ValueError(f"store_auth must be basic or digest, not {value!r}")
        return value

    @field_validator("allow_service", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        return tuple(value.split()) if isinstance(value, str) else value

    @property
    def remote(self) -> bool:
        """The store is a SPARQL server, not a folder."""
        return isinstance(self.store, str)

    @property
    def updates_enabled(self) -> bool:
        return self.open_updates or bool(self.update_token)


def load_settings(**overrides: Any) -> Settings:
    """Defaults, then environment variables, then ``overrides`` (the CLI's options; a
    None, or an empty list, is an option not given)."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None and v != ()})


def env_var(name: str) -> str:
    return ENV_PREFIX + name.upper()


def setting(name: str) -> FieldInfo:
    return Settings.model_fields[name]


def shown_default(name: str) -> str:
    """A setting's default as the docs and ``--help`` show it ("" when there is none)."""
    default = setting(name).default
    if default is None or default == ():
        return ""
    if isinstance(default, bool):
        return str(default).lower()
    return str(default)


DOC_HEADER = """# Settings

Every setting has a default and an environment variable; the commands that use it also take
it as an option of the same name (`query_timeout` → `--query-timeout`, see [cli.md](cli.md)).
Options win over the environment, the environment over defaults. This page is generated from
`src/conflictkg/config.py` (`python -m conflictkg.config > docs/settings.md`), and
`tests/test_config.py` fails when they differ.

| setting | environment | default | what it does |
|---|---|---|---|
"""


def settings_markdown() -> str:
    """docs/settings.md: every setting, its environment variable, default and description."""
    rows = []
    for name, field in Settings.model_fields.items():
        default = f"`{shown_default(name)}`" if shown_default(name) else ""
        rows.append(f"| `{name}` | `{env_var(name)}` | {default} | {field.description} |\n")
    return DOC_HEADER + "".join(rows)


if __name__ == "__main__":
    print(settings_markdown(), end="")
