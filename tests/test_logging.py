"""Structured request logs: one JSON line per request, tied to the X-Request-ID the caller sees."""

import io
import json
import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlmodel import Session, select

from app.core.observability import JsonFormatter, logging_config
from app.core.settings import Settings
from app.main import create_app
from app.users.models import User
from tests.conftest import DEMO_PASSWORD

Logs = Callable[[], list[dict[str, Any]]]


@pytest.fixture
def logs() -> Iterator[Logs]:
    """Every log line the server writes (any logger, INFO and up) as parsed JSON; the test
    client's own lines (httpx) are not the server's and are left out."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(lambda record: not record.name.startswith(("httpx", "httpcore")))
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def _request_lines(
    lines: list[dict[str, Any]], request_id: str | None = None
) -> list[dict[str, Any]]:
    return [
        line
        for line in lines
        if line["logger"] == "cchc.request" and request_id in (None, line["request_id"])
    ]


def _user_id(db: Session, username: str) -> int:
    user_id = db.exec(select(User.id).where(User.username == username)).one()
    assert user_id is not None
    return user_id


def test_request_id_is_generated_when_the_caller_sends_none(client: TestClient) -> None:
    response = client.get("/api/v1/healthz")
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])


def test_two_requests_get_two_request_ids(client: TestClient) -> None:
    first = client.get("/api/v1/healthz").headers["x-request-id"]
    assert client.get("/api/v1/healthz").headers["x-request-id"] != first


def test_callers_request_id_is_echoed(client: TestClient) -> None:
    response = client.get("/api/v1/healthz", headers={"X-Request-ID": "portal-7f3a.42:1"})
    assert response.headers["x-request-id"] == "portal-7f3a.42:1"


@pytest.mark.parametrize(
    "hostile",
    ["a" * 1000, "abc\ninjected=1", "abc def", '"><script>', "-leading-dash", "ý-tế"],
    ids=["1000-chars", "newline", "space", "markup", "leading-dash", "non-ascii"],
)
def test_hostile_request_id_is_replaced(client: TestClient, hostile: str) -> None:
    response = client.get("/api/v1/healthz", headers={"X-Request-ID": hostile.encode("utf-8")})
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])


def test_error_responses_carry_the_request_id(client: TestClient) -> None:
    unauthorized = client.get("/api/v1/units", headers={"X-Request-ID": "r-401"})
    missing = client.get("/api/v1/khong-co", headers={"X-Request-ID": "r-404"})
    assert (unauthorized.status_code, unauthorized.headers["x-request-id"]) == (401, "r-401")
    assert (missing.status_code, missing.headers["x-request-id"]) == (404, "r-404")


def test_one_json_line_per_request_with_route_template_status_and_caller(
    client: TestClient, auth: Callable[[str], dict[str, str]], db: Session, logs: Logs
) -> None:
    headers = auth("hanoi.officer")
    response = client.get(
        "/api/v1/units/1/children", headers={**headers, "X-Request-ID": "req-children"}
    )
    assert response.status_code == 200
    [line] = _request_lines(logs(), "req-children")
    assert {k: v for k, v in line.items() if k not in ("time", "duration_ms")} == {
        "level": "INFO",
        "logger": "cchc.request",
        "message": "request",
        "method": "GET",
        "route": "/api/v1/units/{unit_id}/children",
        "status": 200,
        "user_id": _user_id(db, "hanoi.officer"),
        "request_id": "req-children",
    }
    assert isinstance(line["duration_ms"], float) and 0 <= line["duration_ms"] < 10_000


def test_anonymous_request_is_logged_without_a_caller(client: TestClient, logs: Logs) -> None:
    client.get("/api/v1/units", headers={"X-Request-ID": "anon"})
    [line] = _request_lines(logs())
    assert (line["route"], line["status"], line["user_id"]) == ("/api/v1/units", 401, None)


def test_unmatched_path_is_logged_without_the_raw_path(client: TestClient, logs: Logs) -> None:
    client.get("/api/v1/khong-co/secret-looking-thing")
    [line] = _request_lines(logs())
    assert (line["route"], line["status"]) == (None, 404)
    assert "secret-looking-thing" not in json.dumps(logs())


def test_logs_hold_no_token_or_password(client: TestClient, logs: Logs) -> None:
    login = client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": "admin", "password": DEMO_PASSWORD},
    )
    token = login.json()["access_token"]
    me = client.get(
        "/api/v1/me",
        params={"access_token": token},
        headers={"Authorization": "Bearer " + token},
    )
    assert (login.status_code, me.status_code) == (200, 200)
    written = json.dumps(logs())
    assert [line["route"] for line in _request_lines(logs())] == [
        "/api/v1/auth/token",
        "/api/v1/me",
    ]
    for secret in (DEMO_PASSWORD, token, token.split(".")[2], "Bearer", "access_token"):
        assert secret not in written


def _get_from_a_route_that_raises(headers: dict[str, str]) -> Response:
    app = create_app()

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("kaboom from a test route")

    with TestClient(app, raise_server_exceptions=False) as client:
        return client.get("/boom", headers=headers)


def test_unexpected_error_logs_its_traceback_with_the_request_id(logs: Logs) -> None:
    response = _get_from_a_route_that_raises({"X-Request-ID": "req-boom"})
    assert (response.status_code, response.json()["code"]) == (500, "internal_error")
    assert response.headers["x-request-id"] == "req-boom"
    [error] = [line for line in logs() if line["logger"] == "cchc.error"]
    assert (error["level"], error["request_id"]) == ("ERROR", "req-boom")
    assert "RuntimeError: kaboom from a test route" in error["traceback"]
    [request] = _request_lines(logs())
    assert (request["route"], request["status"], request["request_id"]) == (
        "/boom",
        500,
        "req-boom",
    )
    assert 0 <= request["duration_ms"] < 10_000


def test_unexpected_error_gets_a_fresh_request_id_when_none_is_sent(logs: Logs) -> None:
    response = _get_from_a_route_that_raises({})
    [error] = [line for line in logs() if line["logger"] == "cchc.error"]
    assert response.headers["x-request-id"] == error["request_id"]


def _formatter_of(settings: Settings) -> str:
    config = logging_config(settings)
    return str(config["formatters"]["default"]["()"]).rsplit(".", 1)[1]


def test_logs_are_json_by_default_outside_dev() -> None:
    assert _formatter_of(Settings(CCHC_ENV="production")) == "JsonFormatter"


def test_dev_console_logs_are_text_unless_json_is_asked_for() -> None:
    assert _formatter_of(Settings(CCHC_ENV="dev")) == "TextFormatter"
    assert _formatter_of(Settings(CCHC_ENV="dev", CCHC_LOG_FORMAT="json")) == "JsonFormatter"


def test_log_level_is_read_in_any_case() -> None:
    assert logging_config(Settings(CCHC_LOG_LEVEL="warning"))["root"]["level"] == "WARNING"


def test_odd_asset_path_is_not_copied_into_the_log(client: TestClient, logs: Logs) -> None:
    client.get("/docs/assets/a%0Ainjected=1.css")
    [line] = _request_lines(logs())
    assert (line["route"], line["status"]) == (None, 404)
