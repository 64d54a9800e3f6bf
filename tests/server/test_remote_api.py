"""The JSON API's tests again, with the store on a real SPARQL server (the Oxigraph server;
Virtuoso where installed): the same data as ``live_api``'s store, written through the
remote backend, and the same assertions."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from pyoxigraph import RdfFormat
from sparql_servers import SERVERS

from conflictkg import backend
from conflictkg.config import Settings

from .conftest import serve
from .live_api import EXTRA, SAMPLE
from .test_api import (  # noqa: F401  (collected here: each runs against every server)
    test_actor_by_iri_key_or_name_in_either_language,
    test_actor_includes_its_sub_units,
    test_actors,
    test_answers_are_json_ld_with_the_graphs_meaning,
    test_bad_parameters_get_422_naming_them,
    test_bbox_and_radius,
    test_claims_list_puts_disagreeing_tolls_together,
    test_cursor_pages_cover_every_event_once,
    test_document_extraction_points_into_its_text,
    test_event_detail_shows_every_claim_with_source_rank_and_span,
    test_events_are_sorted_by_date_and_carry_their_iri,
    test_filters_by_kind_and_dates,
    test_geojson_by_parameter_and_by_accept,
    test_geojson_only_when_accept_prefers_it,
    test_json_ld_context,
    test_place_includes_the_places_inside_it,
    test_places,
    test_source_counts_claims_and_publications,
    test_sources_and_documents,
    test_unknown_or_wrong_kind_is_404,
)

pytestmark = pytest.mark.slow
# The API's tests Virtuoso 7.2.5 fails, and why (docs/scaling.md): zero-length property paths.
_PATHS = ("Virtuoso 7.2.5 answers fewer rows for a `*` path whose ends are both variables "
          "(the API's {} `{}`)")
VIRTUOSO_DIFFERS = {
    "test_actors": _PATHS.format("claims of an actor's units,", "?ca ckg:partOf* ?actor"),
    "test_claims_list_puts_disagreeing_tolls_together": _PATHS.format("claims at a place,",
                                                                      "?cp schema:containedInPlace* ?place"),
    "test_document_extraction_points_into_its_text": _PATHS.format(
        "governorate of a place,", "?p schema:containedInPlace* ?g"),
}


@pytest.fixture(autouse=True)
def _known_differences(request: pytest.FixtureRequest) -> None:
    params = getattr(request.node, "callspec", None)
    name = request.node.originalname
    if params is not None and params.params.get("client") == "virtuoso" and name in VIRTUOSO_DIFFERS:
        # whether Virtuoso's `*` paths answer depends on the data the corpus is read into
        request.applymarker(pytest.mark.xfail(reason=VIRTUOSO_DIFFERS[name], strict=False))


@pytest.fixture(scope="module", params=sorted(SERVERS))
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    folder = tmp_path_factory.mktemp(f"api-{request.param}")
    with SERVERS[request.param](folder) as overrides:
        settings = Settings(**overrides, query_workers=1)
        with backend.writing(settings) as writer:
            writer.load(SAMPLE.read_bytes(), format=RdfFormat.TRIG)
            writer.load(EXTRA.encode(), format=RdfFormat.TRIG)
        with serve(settings) as server, server.client() as c:
            yield c
