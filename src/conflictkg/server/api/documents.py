"""GET and POST /documents: the source documents, each with its extraction rebuilt from the graph."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Response
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from conflictkg.config import Settings
from conflictkg.documents import Document
from conflictkg.server.api import models as m
from conflictkg.server.api import queries as q
from conflictkg.server.api import shapes
from conflictkg.server.api.extraction import extraction
from conflictkg.server.api.graph import describe, expand, literal_term
from conflictkg.server.api.params import ID_DOC, Cursor, Limit
from conflictkg.server.api.reader import ApiRoute, Reader, ReaderDep
from conflictkg.server.deps import BundleDep, ExtractorDep, SettingsDep
from conflictkg.server.errors import HttpError, bad_parameter, not_found
from conflictkg.server.sparql import check_update_rights, read_body

router = APIRouter(route_class=ApiRoute)


@router.get("/documents", response_model=m.Page[m.DocumentSummary],
            summary="Source documents, by publication date")
async def list_documents(reader: ReaderDep,
                         source: Annotated[str | None, Query(max_length=300, description=
                                           "Publisher: IRI, key or name")] = None,
                         language: Annotated[Literal["ar", "en"] | None, Query()] = None,
                         limit: Limit = 25, cursor: Cursor = None) -> m.Page[m.DocumentSummary]:
    query = q.documents_query()
    if source is not None:
        query.values("source", await reader.named("source", source, "source"), q.DOCUMENT_SOURCE)
    if language is not None:
        query.add(q.DOCUMENT_LANGUAGE, language=literal_term(language))
    found, after = await reader.page(query.after(cursor), limit)
    described = await describe(reader.engine, found)
    return m.Page[m.DocumentSummary](
        items=[shapes.document_summary(reader.iris, described[d]) for d in found], next=after,
        links=reader.links(after))


@router.get("/documents/{id:path}", response_model=m.Extraction, responses=m.NOT_FOUND,
            summary="One document: its text and its extraction, every span with offsets")
async def get_document(reader: ReaderDep,
                       id: Annotated[str, Path(description=ID_DOC + " (the SHA-256 of the text)")]
                       ) -> m.Extraction:
    iri = await reader.resolve_id("document", id)
    described = await describe(reader.engine, [iri]) if iri else {}
    if not iri or expand("ckg:SourceDocument") not in described[iri].types():
        raise not_found("document", id)
    return m.Extraction(**await extraction(reader.engine, reader.iris, described[iri]))


NEW_DOCUMENT_SCHEMA = m.NewDocument.model_json_schema()
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "No bearer token"},
    403: {"description": "Updates are off, or the token is wrong"},
    413: {"description": "Body too large"},
    422: {"description": "The document could not be read or extracted (the reason in detail)"}}


async def _new_document(reader: Reader, settings: Settings) -> Document:
    """The posted document, or a 4xx naming what is wrong with it; checks rights first.

    The body is read here rather than declared, so that a request without the right to
    write is refused before its body is read or validated.
    """
    request = reader.request
    check_update_rights(request, settings)
    body = await read_body(request, settings.max_body_bytes)
    try:
        posted = m.NewDocument.model_validate_json(body or b"null")
    except ValidationError as err:  # answered as FastAPI answers a body it validated itself
        detail = [{"loc": ["body", *e["loc"]], "msg": e["msg"], "type": e["type"]}
                  for e in err.errors(include_url=False, include_context=False)]
        raise RequestValidationError(detail) from None
    if not posted.text.strip():
        raise bad_parameter("text", "the text is empty", where="body")
    meta = posted.model_dump(exclude={"text", "file"}, exclude_none=True)
    draft = Document.from_text(posted.text, file=posted.file or "posted.txt", metadata=meta)
    return Document.from_text(posted.text, file=posted.file or f"{draft.sha256[:16]}.txt",
                              metadata=meta)


@router.post("/documents", response_model=m.Extraction, status_code=201,
             responses={**WRITE_ERRORS, 200: {"description": "Already stored, unchanged or "
                                              "re-extracted", "model": m.Extraction}},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": NEW_DOCUMENT_SCHEMA}}}},
             summary="Ingest one document (needs the update token)")
async def post_document(reader: ReaderDep, settings: SettingsDep, bundle: BundleDep,
                        extractor: ExtractorDep, response: Response) -> m.Extraction:
    """Extracts the document, stores its graph in one transaction, links the events it
    reports to their incidents and answers its extraction.

    Authorised like SPARQL Update: ``Authorization: Bearer <update_token>``.
    """
    document = await _new_document(reader, settings)
    engine, iris = reader.engine, reader.iris
    from conflictkg.ingest import ensure_reference_graphs, extractor_version, write_document
    from conflictkg.linking import linking
    from conflictkg.rdf.mapping import MappingError

    version = extractor_version(bundle)
    extracted = await extractor.extract(document)  # in a process of its own

    def work(writer: Any) -> str:
        ensure_reference_graphs(writer, iris, bundle)
        status, _ = write_document(writer, document, iris, version, lambda: extracted)
        with linking(writer, iris, bundle.kinds) as linker:  # the incidents it reports
            doc = iris.document(document.sha256)
            if status != "unchanged" or not linker.knows(doc, version):
                linker.link_written([doc])
        return status

    try:
        status = await engine.write(work)
    except MappingError as exc:  # what the text yields does not fit the graph model
        raise HttpError(422, f"the document could not be processed: {exc}",
                        code="unprocessable_document") from None
    iri = iris.document(document.sha256)
    described = await describe(engine, [iri])
    response.status_code = 201 if status == "added" else 200
    response.headers["Location"] = f"/api/v1/documents/{document.sha256}"
    response.headers["X-Ingest-Status"] = status
    return m.Extraction(**await extraction(engine, iris, described[iri]))
