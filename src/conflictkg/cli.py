"""The ``conflictkg`` command: thin shells over plain functions that tests call directly."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from conflictkg import __version__
from conflictkg.config import SETTINGS, load_settings

app = typer.Typer(
    help="ConflictKG: Arabic documents about the Syrian war, mapped to a knowledge graph of events, "
    "armed groups, places and claims, served over SPARQL and JSON.",
    no_args_is_help=True, add_completion=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False)


def _help(name: str) -> str:
    return next(s.help for s in SETTINGS if s.name == name)


StoreOpt = Annotated[Path | None, typer.Option(
    "--store", envvar="CONFLICTKG_STORE", help=_help("store") + " [default: data/store]")]
BaseOpt = Annotated[str | None, typer.Option(
    "--base-iri", envvar="CONFLICTKG_BASE_IRI", help=_help("base_iri") + " [default: https://conflictkg.org/]")]
PathsArg = Annotated[list[Path], typer.Argument(help="Files and folders (txt, json, jsonl, html).")]
MetadataOpt = Annotated[Path | None, typer.Option(
    "--metadata", "-m", help="JSONL manifest: one object per document with 'file', publisher, published, ...")]
MaxBytesOpt = Annotated[int, typer.Option(help="Skip (with an error) files larger than this.")]


@app.command()
def ingest(paths: PathsArg, metadata: MetadataOpt = None, store: StoreOpt = None,
           base_iri: BaseOpt = None, max_bytes: MaxBytesOpt = 20_000_000) -> None:
    """Extract documents and write each into the store as one named graph.

    Each document lands whole or not at all; a bad file gets a one-line error and
    the rest go on; the exit status is 1 when any failed.
    """
    from conflictkg.ingest import ingest_paths, new_pipeline
    from conflictkg.store import StoreLockedError

    settings = load_settings(store=store, base_iri=base_iri)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("ingesting", total=None)

        def on_document(status: str, source: str) -> None:
            progress.advance(task)

        try:
            report = ingest_paths(paths, settings, metadata=metadata, max_bytes=max_bytes,
                                  on_document=on_document, pipeline=new_pipeline(freeze=True))
        except StoreLockedError as exc:
            err.print(f"error: {exc}")
            raise typer.Exit(2) from None
    for failure in report.failed:
        err.print(f"error: {failure}", markup=False)
    err.print(f"{settings.store}: {report.summary()}")
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def extract(paths: PathsArg, output_dir: Annotated[Path, typer.Option(
                "--output-dir", "-o", help="Folder for one <file stem>.json per document.")],
            metadata: MetadataOpt = None, base_iri: BaseOpt = None,
            max_bytes: MaxBytesOpt = 20_000_000) -> None:
    """Write the extraction of each document as JSON, without touching the store."""
    from conflictkg.documents import LoadError
    from conflictkg.ingest import extract_paths, new_pipeline
    from conflictkg.iris import Iris

    iris = Iris(load_settings(base_iri=base_iri).base_iri)
    output_dir.mkdir(parents=True, exist_ok=True)
    done = failed = 0
    for item, extraction in extract_paths(paths, metadata=metadata, max_bytes=max_bytes,
                                          pipeline=new_pipeline(freeze=True)):
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
    store: StoreOpt = None, base_iri: BaseOpt = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    query_timeout: Annotated[float | None, typer.Option(help=_help("query_timeout") + " [default: 30]")] = None,
    query_workers: Annotated[int | None, typer.Option(help=_help("query_workers") + " [default: 2]")] = None,
    update_token: Annotated[str | None, typer.Option(
        envvar="CONFLICTKG_UPDATE_TOKEN", help=_help("update_token"))] = None,
    open_updates: Annotated[bool, typer.Option(help=_help("open_updates"))] = False,
    allow_service: Annotated[list[str] | None, typer.Option(
        help=_help("allow_service") + " Repeatable.")] = None,
) -> None:
    """Serve the store: SPARQL endpoint, JSON API, linked-data pages and the query page."""
    from conflictkg.server.app import run_server

    settings = load_settings(store=store, base_iri=base_iri, query_timeout=query_timeout,
                         query_workers=query_workers, update_token=update_token,
                         open_updates=open_updates or None,
                         allow_service=tuple(allow_service or ()))
    run_server(settings, host=host, port=port)


@app.command()
def demo(store: StoreOpt = None, base_iri: BaseOpt = None,
         host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
         port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000) -> None:
    """Ingest the bundled sample corpus, then serve it."""
    from conflictkg.ingest import ingest_paths
    from conflictkg.server.app import run_server

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    settings = load_settings(store=store, base_iri=base_iri)
    report = ingest_paths([corpus], settings, metadata=corpus / "manifest.jsonl")
    for failure in report.failed:
        err.print(f"error: {failure}", markup=False)
    err.print(f"{settings.store}: {report.summary()}")
    err.print(f"serving on http://{host}:{port}/  (SPARQL at /sparql, JSON at /api/v1)")
    run_server(settings, host=host, port=port)


@app.command()
def query(sparql: Annotated[str, typer.Argument(help="A SPARQL query, or @file.rq.")],
          store: StoreOpt = None,
          format: Annotated[str, typer.Option(help="Result format: json, csv, tsv, xml; "
                                              "turtle or nquads for graphs.")] = "tsv") -> None:
    """Run one SPARQL query over the store's newest snapshot and print the result."""
    from conflictkg.reading import run_query

    text = Path(sparql[1:]).read_text(encoding="utf-8") if sparql.startswith("@") else sparql
    try:
        sys.stdout.buffer.write(run_query(load_settings(store=store).store, text, format=format))
    except (SyntaxError, ValueError) as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from None


@app.command()
def validate(store: StoreOpt = None) -> None:
    """Check the store's graph against the SHACL shapes in ontology/shapes.ttl."""
    from conflictkg.rdf.validate import validate as shacl_validate
    from conflictkg.store import open_snapshot

    _, snapshot = open_snapshot(load_settings(store=store).store)
    report = shacl_validate(snapshot)
    out.print(str(report), markup=False)
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
def export(output: Annotated[Path, typer.Argument(help="Target file; .gz is gzip-compressed.")],
           store: StoreOpt = None) -> None:
    """Write the whole store as N-Quads (the same dump as the server's /dump)."""
    from conflictkg.reading import dump_nquads

    count = dump_nquads(load_settings(store=store).store, output)
    err.print(f"{output}: {count} quads")


@app.command()
def version() -> None:
    """Print the version."""
    out.print(__version__)
