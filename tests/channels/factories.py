"""Builders for the channels tests: the demo's channels, seed assignments, request bodies."""

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.channels.models import Channel
from app.plans.assignments.models import Assignment
from app.units.models import AdminUnit
from tests.plans.factories import API, seed_tasks

__all__ = ["API", "activity_body", "assignment_of", "channel_id", "log", "new_unit_id", "register"]


def new_unit_id(db: Session, code: str) -> int:
    """A unit of today's tree (after the 2025 reform) by its official code."""
    found = db.exec(
        select(AdminUnit.id).where(AdminUnit.code == code, col(AdminUnit.path).startswith("new/"))
    ).one()
    assert found is not None
    return found


def channel_id(db: Session, name: str) -> int:
    """A demo channel by its name ("Đài truyền thanh xã Lệ Xá")."""
    found = db.exec(select(Channel.id).where(Channel.name == name)).one()
    assert found is not None
    return found


LEXA_RADIO = "Đài truyền thanh xã Lệ Xá"
LEXA_PORTAL = "Cổng thông tin điện tử xã Lệ Xá"
SONGMA_STATION = "Đài Truyền thanh - Truyền hình huyện Sông Mã"
TIENHOA_RADIO = "Đài truyền thanh xã Tiên Hoa"


def assignment_of(
    db: Session, plan_key: str, ordinal: str, agency_id: int | None = None
) -> Assignment:
    """The lead assignment of a seed task (or the one of `agency_id`)."""
    task = next(t for t in seed_tasks(db, plan_key) if t.ordinal == ordinal)
    wanted = agency_id if agency_id is not None else task.lead_agency_id
    return db.exec(
        select(Assignment).where(
            Assignment.task_id == task.id, Assignment.assignee_agency_id == wanted
        )
    ).one()


def activity_body(channel: int, **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "channel_id": channel,
        "occurred_on": "2024-03-05",
        "title": "Phát tin về cơ chế một cửa, một cửa liên thông trên sóng truyền thanh xã",
        "quantities": {"broadcasts": 1, "minutes": 5},
        "topics": ["reform.procedures"],
    }
    body.update(fields)
    return body


def log(client: TestClient, headers: dict[str, str], body: dict[str, Any]) -> dict[str, Any]:
    response = client.post(f"{API}/activities", json=body, headers=headers)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    result["etag"] = response.headers["ETag"]
    return result


def register(client: TestClient, headers: dict[str, str], **fields: Any) -> dict[str, Any]:
    body = {"channel_type": "radio", "name": "Loa truyền thanh thôn Đông", **fields}
    response = client.post(f"{API}/channels", json=body, headers=headers)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    result["etag"] = response.headers["ETag"]
    return result
