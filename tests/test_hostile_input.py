"""Hostile and odd input: each case answers a documented 4xx problem in Vietnamese (never a 500)
and changes nothing."""

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from app.audit.models import AuditEntry
from app.plans.plans.models import Plan
from tests.plans.factories import API, add_task, create_draft, etag, plan_body, seed_plan

# These tests run the workflow of the seeds' (pre-2025) units as it was then.
pytestmark = pytest.mark.usefixtures("before_the_reform")

Auth = Callable[[str], dict[str, str]]
MB = 1024 * 1024
NUL_MESSAGE = "Không được chứa ký tự NUL (\\u0000)."


def _problem(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["code"] == code
    return body


def _fields(body: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["field"], e["message"]) for e in body["errors"]]


def _plan_count(db: Session) -> int:
    return db.exec(select(func.count()).select_from(Plan)).one()


# --- body size ----------------------------------------------------------------------------


def test_body_over_one_megabyte_is_413_and_stores_nothing(
    client: TestClient, db: Session, auth: Auth
) -> None:
    before = _plan_count(db)
    two_megabytes = plan_body("lexa-17-2024", purposes=["x" * MB] * 2)

    response = client.post(f"{API}/plans", json=two_megabytes, headers=auth("lexa.officer"))

    body = _problem(response, 413, "payload_too_large")
    assert body["detail"] == "Nội dung yêu cầu dài quá giới hạn 1048576 byte."
    assert _plan_count(db) == before


def test_body_streamed_without_a_length_is_cut_at_one_megabyte(
    client: TestClient, auth: Auth
) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"title": "'
        for _ in range(20):
            yield b"x" * 65536
        yield b'"}'

    response = client.post(
        f"{API}/plans",
        content=chunks(),
        headers={**auth("lexa.officer"), "Content-Type": "application/json"},
    )

    _problem(response, 413, "payload_too_large")


def test_large_body_on_a_route_without_one_is_refused_before_the_route_runs(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan = seed_plan(db, "lexa-17-2024")

    response = client.post(
        f"{API}/plans/{plan.id}/close", content=b"x" * (MB + 1), headers=auth("lexa.leader")
    )

    _problem(response, 413, "payload_too_large")
    db.refresh(plan)
    assert plan.status == "issued"


# --- string and list lengths --------------------------------------------------------------


def test_list_longer_than_its_limit_is_422_naming_the_list(client: TestClient, auth: Auth) -> None:
    body = plan_body("lexa-17-2024", purposes=["Nâng cao nhận thức"] * 51)

    response = client.post(f"{API}/plans", json=body, headers=auth("lexa.officer"))

    assert _fields(_problem(response, 422, "validation_error")) == [
        ("body.purposes", "Tối đa 50 phần tử.")
    ]


def test_list_item_longer_than_its_limit_is_422_naming_the_item(
    client: TestClient, auth: Auth
) -> None:
    body = plan_body("lexa-17-2024", recipients=["Lưu: VT", "x" * 201])

    response = client.post(f"{API}/plans", json=body, headers=auth("lexa.officer"))

    assert _fields(_problem(response, 422, "validation_error")) == [
        ("body.recipients.1", "Tối đa 200 ký tự.")
    ]


# --- NUL characters -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"title": "Kế hoạch\x00"}, "body.title"),
        ({"purposes": ["một", "hai", "ba\x00"]}, "body.purposes.2"),
        ({"budget": {"sources": ["ngân sách\x00"]}}, "body.budget.sources.0"),
        (
            {"legal_bases": [{"reference": "184/KH-UBND", "title": "cải cách\x00"}]},
            "body.legal_bases.0.title",
        ),
    ],
)
def test_nul_in_any_string_of_a_plan_is_422_naming_it(
    client: TestClient, db: Session, auth: Auth, override: dict[str, Any], field: str
) -> None:
    before = _plan_count(db)

    response = client.post(
        f"{API}/plans", json=plan_body("lexa-17-2024", **override), headers=auth("lexa.officer")
    )

    assert _fields(_problem(response, 422, "validation_error")) == [(field, NUL_MESSAGE)]
    assert _plan_count(db) == before


def test_nul_in_a_task_is_422_naming_the_field(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"))

    response = client.post(
        f"{API}/plans/{draft['id']}/tasks",
        json={"ordinal": "1", "title": "Phát thanh", "channel_types": ["radio\x00"]},
        headers=auth("lexa.officer"),
    )

    assert _fields(_problem(response, 422, "validation_error")) == [
        ("body.channel_types.0", NUL_MESSAGE)
    ]


def test_nul_in_a_search_is_422_naming_the_parameter(client: TestClient, auth: Auth) -> None:
    response = client.get(f"{API}/units", params={"q": "dong\x00hoa"}, headers=auth("admin"))

    assert _fields(_problem(response, 422, "validation_error")) == [("query.q", NUL_MESSAGE)]


# --- malformed bodies ---------------------------------------------------------------------


def test_broken_json_is_422_saying_the_body_is_not_json(client: TestClient, auth: Auth) -> None:
    response = client.post(
        f"{API}/agencies",
        content='{"name": "Phòng'.encode(),
        headers={**auth("admin"), "Content-Type": "application/json"},
    )

    body = _problem(response, 422, "invalid_json")
    assert body["detail"] == "Nội dung gửi lên không phải JSON hợp lệ."
    assert [e["field"] for e in body["errors"]] == ["body"]


def test_body_that_is_not_utf8_is_422_in_vietnamese(client: TestClient, auth: Auth) -> None:
    response = client.post(
        f"{API}/agencies",
        content='{"name": "Phòng Thông tin"}'.encode("latin-1"),
        headers={**auth("admin"), "Content-Type": "application/json"},
    )

    body = _problem(response, 422, "invalid_json")
    assert _fields(body) == [("body", "Nội dung JSON phải được mã hóa UTF-8.")]


# --- instants in filters ------------------------------------------------------------------


@pytest.fixture
def midnight_entry(db: Session) -> AuditEntry:
    """An audit entry written at 00:30 on 2 March 2024 in Hà Nội (17:30 UTC on 1 March)."""
    entry = AuditEntry(
        action="update", entity="hostile.test", at=datetime(2024, 3, 1, 17, 30, tzinfo=UTC)
    )
    db.add(entry)
    db.flush()
    return entry


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"since": "2024-03-02"}, True),  # midnight in Hà Nội, not in UTC
        ({"since": "2024-03-02T01:00:00"}, False),
        ({"since": "2024-03-01T17:00:00Z"}, True),
        ({"until": "2024-03-02T00:30:01"}, True),
        ({"until": "2024-03-02"}, False),
    ],
)
def test_instants_without_an_offset_are_read_as_hanoi_time(
    client: TestClient, auth: Auth, midnight_entry: AuditEntry, params: dict[str, str], found: bool
) -> None:
    response = client.get(
        f"{API}/audit", params={"entity": "hostile.test", **params}, headers=auth("admin")
    )

    assert response.status_code == 200
    assert [e["id"] for e in response.json()["items"]] == ([midnight_entry.id] if found else [])


@pytest.mark.parametrize(
    "instant", ["0001-01-01T00:00:00+14:00", "0001-01-01", "9999-12-31T23:59:59-12:00"]
)
def test_instant_beyond_the_representable_years_is_422(
    client: TestClient, auth: Auth, instant: str
) -> None:
    response = client.get(f"{API}/audit", params={"since": instant}, headers=auth("admin"))

    assert [e["field"] for e in _problem(response, 422, "validation_error")["errors"]] == [
        "query.since"
    ]


# --- searches, cursors, methods -----------------------------------------------------------


@pytest.mark.parametrize("wildcard", ["%", "_", "\\"])
def test_like_wildcards_in_a_user_search_match_literally(
    client: TestClient, auth: Auth, wildcard: str
) -> None:
    response = client.get(f"{API}/users", params={"q": wildcard}, headers=auth("admin"))

    assert (response.status_code, response.json()["items"]) == (200, [])


def test_user_search_finds_the_usernames_containing_the_text(
    client: TestClient, auth: Auth
) -> None:
    response = client.get(f"{API}/users", params={"q": "lexa."}, headers=auth("admin"))

    assert sorted(u["username"] for u in response.json()["items"]) == [
        "lexa.leader",
        "lexa.officer",
    ]


def test_empty_cursor_is_the_first_page(client: TestClient, auth: Auth) -> None:
    params = {"level": "province", "as_of": "2025-07-01", "limit": 5}
    first = client.get(f"{API}/units", params=params, headers=auth("admin")).json()

    empty = client.get(f"{API}/units", params={**params, "cursor": ""}, headers=auth("admin"))

    assert (empty.status_code, empty.json()) == (200, first)


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("OPTIONS", "/plans", "GET, POST"),
        ("DELETE", "/plans", "GET, POST"),
        ("PUT", "/plans/1", "DELETE, GET, PATCH"),
        ("POST", "/tasks/1", "DELETE, GET, PATCH"),
    ],
)
def test_405_lists_every_method_of_the_path(
    client: TestClient, auth: Auth, method: str, path: str, allow: str
) -> None:
    response = client.request(method, f"{API}{path}", headers=auth("lexa.officer"))

    _problem(response, 405, "method_not_allowed")
    assert response.headers["allow"] == allow


# --- task dates inside the plan's period --------------------------------------------------


@pytest.mark.parametrize(
    ("dates", "field"),
    [
        ({"due_on": "2025-01-15"}, "body.due_on"),
        ({"start_on": "2025-02-01"}, "body.start_on"),
        ({"start_on": "2024-06-01", "end_on": "2024-05-31"}, "body.end_on"),
    ],
)
def test_task_dates_outside_the_plan_or_reversed_are_422_naming_the_field_sent(
    client: TestClient, auth: Auth, dates: dict[str, str], field: str
) -> None:
    draft = create_draft(client, auth("lexa.officer"))

    response = client.post(
        f"{API}/plans/{draft['id']}/tasks",
        json={"ordinal": "1", "title": "Phát thanh", **dates},
        headers=auth("lexa.officer"),
    )

    assert [e["field"] for e in _problem(response, 422, "validation_error")["errors"]] == [field]


def test_task_start_moved_past_its_end_is_422_naming_the_start(
    client: TestClient, auth: Auth
) -> None:
    draft = create_draft(client, auth("lexa.officer"))
    task = add_task(client, auth("lexa.officer"), draft["id"], end_on="2024-03-31")

    response = client.patch(
        f"{API}/tasks/{task['id']}",
        json={"start_on": "2024-04-01"},
        headers={**auth("lexa.officer"), "If-Match": f'"task-{task["id"]}-v1"'},
    )

    assert [e["field"] for e in _problem(response, 422, "validation_error")["errors"]] == [
        "body.start_on"
    ]


def test_plan_period_shrunk_past_a_task_is_422_naming_the_period(
    client: TestClient, auth: Auth
) -> None:
    draft = create_draft(client, auth("lexa.officer"))
    add_task(client, auth("lexa.officer"), draft["id"], ordinal="3", due_on="2024-11-30")

    response = client.patch(
        f"{API}/plans/{draft['id']}",
        json={"period_end": "2024-06-30"},
        headers={
            **auth("lexa.officer"),
            "If-Match": etag(client, auth("lexa.officer"), f"/plans/{draft['id']}"),
        },
    )

    assert _fields(_problem(response, 422, "validation_error")) == [
        ("body.period_end", "Nhiệm vụ 3 có ngày nằm ngoài kỳ mới; sửa ngày của nhiệm vụ trước.")
    ]


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/agencies", {"name": "; ", "kind": "post", "unit_id": 1}, "body.name"),
        (
            "/plans",
            {"title": "   ", "period_start": "2024-01-01", "period_end": "2024-12-31"},
            "body.title",
        ),
    ],
)
def test_length_is_checked_on_the_trimmed_text_that_would_be_stored(
    client: TestClient, auth: Auth, path: str, body: dict[str, Any], field: str
) -> None:
    user = "admin" if path == "/agencies" else "lexa.officer"

    response = client.post(f"{API}{path}", json=body, headers=auth(user))

    assert [e["field"] for e in _problem(response, 422, "validation_error")["errors"]] == [field]
