"""The API answers what /openapi.json promises: schemathesis over every GET, a few examples each."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from peacetrack.web.app import create_app

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


# The schema comes from an app on an empty in-memory database (building it reads no data);
# each example is sent to the app of the parametrised, loaded test database.
# (schemathesis.pytest.from_fixture would load it from a fixture, but fails on pytest 9.)
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app("sqlite://")).include(method="GET")


@pytest.fixture
def app(make_client: Callable[..., TestClient]) -> FastAPI:
    application: FastAPI = make_client().app  # type: ignore[assignment]
    return application


@schema.parametrize()
@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_get_endpoints_match_the_schema(case: schemathesis.Case[Any], app: FastAPI) -> None:
    case.call_and_validate(app=app, checks=CHECKS)


def test_schema_is_precise(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/scores",
        "/api/scores/series",
        "/api/agreements",
        "/api/agreements/{agreement_id}",
        "/api/provisions/{provision_id}",
        "/api/events",
        "/api/events/{event_id}",
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/statements",
        "/api/statements/{statement_id}",
        "/api/gatherings",
        "/api/gatherings/{gathering_id}",
        "/api/search",
        "/api/health",
    ):
        ok = paths[path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert ok, path  # every endpoint declares its response model
        if path != "/api/health":
            assert paths[path]["get"]["responses"]["404"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/ErrorBody"
            }
    for method, path in (
        ("post", "/api/assessments"),
        ("post", "/api/events"),
        ("patch", "/api/events/{event_id}"),
        ("delete", "/api/events/{event_id}"),
        ("post", "/api/bundles"),
        ("post", "/api/documents"),
    ):
        operation = paths[path][method]
        assert operation["security"] == [{"HTTPBearer": []}], (method, path)
        assert {"401", "403", "422"} <= set(operation["responses"]), (method, path)
    assert "HTTPValidationError" not in spec["components"]["schemas"]  # our error body instead
