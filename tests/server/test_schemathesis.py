"""Property-based checks of the JSON API against its own OpenAPI schema.

Schemathesis generates requests from the schema the app publishes (valid and
invalid parameters alike) and sends them to a live server; every answer is
checked: never a server error, and status code, content type and body as
documented. Examples per route are few so the suite stays fast; set
SCHEMATHESIS_EXAMPLES for a longer hunt.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from conflictkg.config import Settings
from conflictkg.server.app import create_app

from .live_api import live_client

pytestmark = pytest.mark.slow
EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "12"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
# The schema is the app's own; building the app starts nothing.
SCHEMA = schemathesis.openapi.from_dict(create_app(Settings()).openapi()).include(
    path_regex=r"^/api/v1/", method="GET")
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
# Every other operation the app publishes: the Graph Store Protocol, the dump, the dataset
# description, health, document upload (writes are refused here: no token is set).
EVERY = schemathesis.openapi.from_dict(create_app(Settings()).openapi())
OTHERS = [result.ok() for result in EVERY.get_all_operations()
          if result.ok().label not in {op.label for op in OPERATIONS}]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    with live_client(tmp_path_factory.mktemp("schemathesis")) as client:
        yield str(client.base_url)


@pytest.fixture(scope="module", params=["read-only", "open-updates"])
def any_url(request, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A server with writes refused, and one that takes them (its own store)."""
    options = {"open_updates": True} if request.param == "open-updates" else {}
    with live_client(tmp_path_factory.mktemp("schemathesis-" + request.param), **options) as client:
        yield str(client.base_url)


def test_every_api_route_is_checked() -> None:
    assert {op.path for op in OPERATIONS} >= {"/api/v1/events", "/api/v1/events/{id}",
                                              "/api/v1/claims", "/api/v1/documents/{id}"}


def conforms(operation, base_url: str) -> None:
    """A few generated requests of the operation, each answer checked against the schema
    (a long read timeout: the first document upload loads the gazetteers)."""
    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
              database=None)
    def check(case) -> None:
        case.call_and_validate(base_url=base_url, checks=CHECKS, timeout=120)

    check()


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_route_conforms_to_its_schema(base_url: str, operation) -> None:
    conforms(operation, base_url)


def test_every_operation_is_checked() -> None:
    assert {op.path for op in OTHERS} >= {"/store", "/dump", "/.well-known/void", "/health"}
    assert {op.method.upper() for op in OTHERS if op.path == "/store"} == {"GET", "HEAD", "PUT", "POST", "DELETE"}


@pytest.mark.parametrize("operation", OTHERS, ids=lambda op: op.label)
def test_other_operation_conforms_to_its_schema(any_url: str, operation) -> None:
    conforms(operation, any_url)
