"""The ``conflictkg`` command: thin shells over plain functions that tests call directly.

An option that sets a setting takes its help and shown default from
:class:`conflictkg.config.Settings`, and defaults to None here, so that the environment
and the settings' own default apply when it is not given.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from conflictkg import __version__
from conflictkg.config import Settings, env_var, load_settings, setting, shown_default

if TYPE_CHECKING:
    from conflictkg.ingest import Report

app = typer.Typer(
    help="ConflictKG: Arabic documents about the Syrian war, mapped to a knowledge graph of events, "
    "armed groups, places and claims, served over SPARQL and JSON.",
    no_args_is_help=True, add_completion=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False)


def option(name: str, *decls: str, **options: Any) -> Any:
    """The option of a setting: ``--query-timeout`` for ``query_timeout``."""
    default = f"default: {shown_default(name)}; " if shown_default(name) else ""
    return typer.Option(*(decls or (f"--{name.replace('_', '-')}",)), show_default=False, **options,
                        help=f"{setting(name).description} ({default}environment: {env_var(name)})")


StoreOpt = Annotated[str | None, option("store", metavar="PATH|sparql+URL")]
GraphStoreOpt = Annotated[str | None, option("graph_store", metavar="URL")]
UpdateEndpointOpt = Annotated[str | None, option("update_endpoint", metavar="URL")]
BaseOpt = Annotated[str | None, option("base_iri")]
BundleOpt = Annotated[Path | None, option("bundle")]
PathsArg = Annotated[list[Path], typer.Argument(help="Files and folders (txt, json, jsonl, html).")]
MetadataOpt = Annotated[Path | None, typer.Option(
    "--metadata", "-m", help="JSONL manifest: one object per document with 'file', publisher, published, ...")]
MaxBytesOpt = Annotated[int, typer.Option(help="Skip (with an error) files larger than this.")]
JobsOpt = Annotated[int, typer.Option(
    "--jobs", "-j", help="Worker processes that extract (0: one per core).")]
HostOpt = Annotated[str, typer.Option(help="Interface to listen on.")]
PortOpt = Annotated[int, typer.Option(help="Port to listen on.")]


@contextlib.contextmanager
def failing_with_status_2() -> Iterator[None]:
    """What the user must fix first (no store, a busy store, a full disk, a broken bundle): one
    line, status 2."""
    from conflictkg.backend import USER_ERRORS
    from conflictkg.reference import BundleError
    from conflictkg.remote import StoreSettingError

    try:
        yield
    except (*USER_ERRORS, StoreSettingError, BundleError) as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from None


def _report(store: Path, report: Report) -> None:
    """Each failure on a line of its own, the documents linked, then the summary; status 1
    when any failed."""
    for failure in report.failed:
        err.print(f"error: {failure}", markup=False)
    if report.linked:
        err.print(f"{store}: {len(report.linked):,} documents linked to incidents")
    err.print(f"{store}: {report.summary()}")
    if not report.ok:
        raise typer.Exit(1)


def _progress() -> Progress:
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    return Progress(*columns, console=err, transient=True, disable=not err.is_terminal)


@app.command()
def ingest(paths: PathsArg, metadata: MetadataOpt = None, store: StoreOpt = None,
           graph_store: GraphStoreOpt = None, update_endpoint: UpdateEndpointOpt = None,
           base_iri: BaseOpt = None, bundle: BundleOpt = None,
           max_bytes: MaxBytesOpt = 20_000_000, jobs: JobsOpt = 0) -> None:
    """Extract documents and write each into the store as one named graph (creating the store).

    Each document lands whole or not at all and ends in one line: "added", "replaced" or
    "unchanged" and its name on standard output as it goes in, or, on standard error after
    the run, "error:", its name and the reason (names shown escaped). A bad file never
    stops the others. Exit status: 0 all went in, 1 some failed, 2 the run could not go
    on (no store, a store in use, a full disk, a broken bundle). A document already stored
    is extracted again when its extractor version (code and bundle) differs.
    """
    from conflictkg.documents.model import printable
    from conflictkg.ingest import ingest_paths, new_pipeline
    from conflictkg.reference import load_bundle
    from conflictkg.workers import cores

    settings = load_settings(store=store, graph_store=graph_store, update_endpoint=update_endpoint,
                              base_iri=base_iri, bundle=bundle)
    with failing_with_status_2(), _progress() as progress:
        task = progress.add_task("ingesting", total=None)

        def outcome(status: str, source: str) -> None:
            """One line a document as it ends (a failure's line, with its reason, follows
            the run on standard error)."""
            progress.advance(task)
            if status != "failed":
                out.print(f"{status}: {printable(source)}", markup=False, highlight=False, soft_wrap=True)

        pipeline = new_pipeline(bundle=load_bundle(settings.bundle), freeze=True)
        report = ingest_paths(paths, settings, metadata=metadata, max_bytes=max_bytes,
                              on_document=outcome, pipeline=pipeline, jobs=jobs or cores())
    _report(settings.store, report)


@app.command()
def reextract(store: StoreOpt = None, graph_store: GraphStoreOpt = None,
           update_endpoint: UpdateEndpointOpt = None, base_iri: BaseOpt = None, bundle: BundleOpt = None) -> None:
    """Extract again, from the text the store keeps, every document whose extractor version
    (code and bundle) is not the current one, and reload the reference graphs.

    Brings a store up to date after an upgrade or a change to the bundle, without the
    original files. The exit status is 1 when any document failed.
    """
    from conflictkg.backend import require
    from conflictkg.ingest import new_pipeline
    from conflictkg.reextract import reextract_store
    from conflictkg.reference import load_bundle

    settings = load_settings(store=store, graph_store=graph_store, update_endpoint=update_endpoint,
                              base_iri=base_iri, bundle=bundle)
    with failing_with_status_2(), _progress() as progress:
        require(settings)
        task = progress.add_task("re-extracting", total=None)
        report = reextract_store(
            settings, pipeline=new_pipeline(bundle=load_bundle(settings.bundle), freeze=True),
            on_start=lambda total: progress.update(task, total=total),
            on_document=lambda status, iri: progress.advance(task))
    _report(settings.store, report)


@app.command()
def link(store: StoreOpt = None, graph_store: GraphStoreOpt = None,
           update_endpoint: UpdateEndpointOpt = None, base_iri: BaseOpt = None, bundle: BundleOpt = None) -> None:
    """Link every stored document's events to incidents again, from scratch.

    Ingest and re-extraction link the documents they write; this rebuilds the incidents
    graph and the linking index of a whole store (one built before linking, or after a
    change to the linking rules), documents in order of publication.
    """
    from conflictkg.backend import require, writing
    from conflictkg.iris import Iris
    from conflictkg.linking import relink
    from conflictkg.reference import load_bundle

    settings = load_settings(store=store, graph_store=graph_store, update_endpoint=update_endpoint,
                              base_iri=base_iri, bundle=bundle)
    with failing_with_status_2(), _progress() as progress:
        require(settings)
        kinds = load_bundle(settings.bundle).kinds
        task = progress.add_task("linking", total=None)
        with writing(settings) as writer:
            _, summary = relink(writer, Iris(settings.base_iri), kinds,
                                on_start=lambda total: progress.update(task, total=total),
                                on_document=lambda doc: progress.advance(task))
    err.print(f"{settings.store}: {summary}")


@app.command()
def extract(paths: PathsArg, output_dir: Annotated[Path, typer.Option(
                "--output-dir", "-o", help="Folder for one <file stem>.json per document.")],
            metadata: MetadataOpt = None, base_iri: BaseOpt = None, bundle: BundleOpt = None,
            max_bytes: MaxBytesOpt = 20_000_000, jobs: JobsOpt = 0) -> None:
    """Write the extraction of each document as JSON, without touching the store."""
    from conflictkg.documents import LoadError
    from conflictkg.ingest import extract_paths, new_pipeline
    from conflictkg.iris import Iris
    from conflictkg.reference import load_bundle
    from conflictkg.workers import cores

    settings = load_settings(base_iri=base_iri, bundle=bundle)
    iris = Iris(settings.base_iri)
    with failing_with_status_2():
        pipeline = new_pipeline(bundle=load_bundle(settings.bundle), freeze=True)
    output_dir.mkdir(parents=True, exist_ok=True)
    done = failed = 0
    for item, extraction in extract_paths(paths, metadata=metadata, max_bytes=max_bytes,
                                          pipeline=pipeline, jobs=jobs or cores()):
        if isinstance(item, LoadError) or extraction is None:
            err.print(f"error: {item}", markup=False)
            failed += 1
            continue
        name, _, record = item.file.partition("#")
        stem = Path(name).stem + (f"-{record}" if record else "")
        target = output_dir / f"{stem}.json"
        target.write_text(json.dumps(extraction.to_json(iris), ensure_ascii=False, indent=1) + "\n",
                          encoding="utf-8")
        done += 1
    err.print(f"{output_dir}: {done} extracted, {failed} failed")
    if failed:
        raise typer.Exit(1)


@app.command()
def serve(
    store: StoreOpt = None, graph_store: GraphStoreOpt = None,
           update_endpoint: UpdateEndpointOpt = None, base_iri: BaseOpt = None, bundle: BundleOpt = None,
    host: HostOpt = "127.0.0.1", port: PortOpt = 8000,
    query_timeout: Annotated[float | None, option("query_timeout")] = None,
    query_workers: Annotated[int | None, option("query_workers")] = None,
    web_workers: Annotated[int | None, option("web_workers")] = None,
    reserved_workers: Annotated[int | None, option("reserved_workers")] = None,
    query_memory_mb: Annotated[int | None, option("query_memory_mb")] = None,
    max_concurrent_queries: Annotated[int | None, option("max_concurrent_queries")] = None,
    max_body_bytes: Annotated[int | None, option("max_body_bytes")] = None,
    max_result_bytes: Annotated[int | None, option("max_result_bytes")] = None,
    update_token: Annotated[str | None, option("update_token")] = None,
    open_updates: Annotated[bool | None, option("open_updates", "--open-updates")] = None,
    allow_service: Annotated[list[str] | None, option("allow_service")] = None,
    service_timeout: Annotated[float | None, option("service_timeout")] = None,
    cache_entries: Annotated[int | None, option("cache_entries")] = None,
    data_license: Annotated[str | None, option("data_license")] = None,
    templates: Annotated[Path | None, option("templates")] = None,
) -> None:
    """Serve the store: SPARQL endpoint, JSON API, linked-data pages and the query page.

    The store must exist (``ingest`` creates it). ``--allow-service`` may be repeated.
    """
    given = {k: v for k, v in locals().items() if k not in ("host", "port")}
    from conflictkg.backend import require
    from conflictkg.server.app import run_server

    given["allow_service"] = tuple(allow_service or ())
    with failing_with_status_2():
        settings = load_settings(**given)
        require(settings)
        run_server(settings, host=host, port=port)


@app.command()
def demo(store: StoreOpt = None, graph_store: GraphStoreOpt = None,
           update_endpoint: UpdateEndpointOpt = None, base_iri: BaseOpt = None, bundle: BundleOpt = None,
         host: HostOpt = "127.0.0.1", port: PortOpt = 8000) -> None:
    """Ingest the sample corpus installed with the package, then serve it."""
    from conflictkg.ingest import ingest_paths
    from conflictkg.reference import sample_corpus
    from conflictkg.server.app import run_server

    corpus = sample_corpus()
    settings = load_settings(store=store, graph_store=graph_store, update_endpoint=update_endpoint,
                              base_iri=base_iri, bundle=bundle)
    err.print(f"ingesting the sample corpus in {corpus}")
    with failing_with_status_2():
        report = ingest_paths([corpus], settings, metadata=corpus / "manifest.jsonl")
    for failure in report.failed:
        err.print(f"error: {failure}", markup=False)
    err.print(f"{settings.store}: {report.summary()}")
    err.print(f"serving on http://{host}:{port}/  (SPARQL at /sparql, JSON at /api/v1)")
    run_server(settings, host=host, port=port)


@app.command()
def query(sparql: Annotated[str, typer.Argument(help="A SPARQL query, or @file.rq.")],
          store: StoreOpt = None, graph_store: GraphStoreOpt = None,
           update_endpoint: UpdateEndpointOpt = None,
          format: Annotated[str, typer.Option(help="Result format: json, csv, tsv, xml; "
                                              "turtle or nquads for graphs.")] = "tsv") -> None:
    """Run one SPARQL query over the store's newest snapshot and print the result."""
    from conflictkg.backend import USER_ERRORS
    from conflictkg.reading import run_query

    text = Path(sparql[1:]).read_text(encoding="utf-8") if sparql.startswith("@") else sparql
    with failing_with_status_2():
        try:
            settings = load_settings(store=store, graph_store=graph_store, update_endpoint=update_endpoint)
            sys.stdout.buffer.write(run_query(settings, text, format=format))
        except (SyntaxError, ValueError) as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(2) from None
        except (OSError, RuntimeError) as exc:  # a SERVICE endpoint unreachable, an evaluation error
            if isinstance(exc, USER_ERRORS):
                raise  # the store's own errors: status 2, from failing_with_status_2
            err.print(f"error: the query failed: {' '.join(str(exc).split())}", markup=False)
            raise typer.Exit(1) from None


@app.command()
def validate(store: StoreOpt = None, graph_store: GraphStoreOpt = None,
           update_endpoint: UpdateEndpointOpt = None, bundle: BundleOpt = None) -> None:
    """Check the store's graph against the SHACL shapes of the bundle (ontology/shapes.ttl)."""
    from conflictkg.backend import open_reader, require
    from conflictkg.rdf.validate import validate as shacl_validate
    from conflictkg.reference import load_bundle

    settings = load_settings(store=store, graph_store=graph_store, update_endpoint=update_endpoint,
                              bundle=bundle)
    with failing_with_status_2():
        _, snapshot = open_reader(require(settings))
        report = shacl_validate(snapshot, bundle=load_bundle(settings.bundle))
    out.print(str(report), markup=False)
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
def export(output: Annotated[Path, typer.Argument(help="Target file; .gz is gzip-compressed (N-Quads).")],
           store: StoreOpt = None, graph_store: GraphStoreOpt = None,
           update_endpoint: UpdateEndpointOpt = None, base_iri: BaseOpt = None,
           format: Annotated[str, typer.Option(help="nquads: every quad, like GET /dump; csv: the "
                                               "events table, like GET /api/v1/events?format=csv.")] = "nquads",
           kind: Annotated[str | None, typer.Option(help="csv: events of this kind only.")] = None,
           from_: Annotated[str | None, typer.Option("--from", help="csv: from this day, month or year "
                                                     "(YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
           to: Annotated[str | None, typer.Option(help="csv: up to this day, month or year.")] = None) -> None:
    """Write the whole store as N-Quads, or its events as a CSV table with ACLED-like columns."""
    settings = load_settings(store=store, graph_store=graph_store, update_endpoint=update_endpoint,
                              base_iri=base_iri)
    if format == "nquads":
        from conflictkg.reading import dump_nquads

        with failing_with_status_2():
            count = dump_nquads(settings, output)
        err.print(f"{output}: {count} quads")
        return
    if format != "csv":
        err.print(f"error: --format must be nquads or csv, not {format!r}", markup=False)
        raise typer.Exit(2)
    import asyncio

    from conflictkg.backend import require
    from conflictkg.rdf.terms import first_day, last_day
    from conflictkg.server.api.table import export_csv

    try:
        start = first_day(from_).isoformat() if from_ else None
        end = last_day(to).isoformat() if to else None
    except ValueError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from None
    with failing_with_status_2():
        require(settings)
        text = asyncio.run(export_csv(settings, kind=kind, start=start, end=end))
    output.write_text(text, encoding="utf-8", newline="")
    err.print(f"{output}: {text.count(chr(10)) - 1} events")


@app.command()
def version() -> None:
    """Print the version of the code and the hash of the reference bundle in use."""
    from conflictkg.ingest import extractor_version
    from conflictkg.reference import load_bundle

    settings = Settings()
    with failing_with_status_2():
        out.print(f"{__version__} (extractor {extractor_version(load_bundle(settings.bundle))})")
