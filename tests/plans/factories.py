"""Small builders for the plans tests: seed plans by key, request bodies taken from the seeds."""

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.demo.lookup import unit_of
from app.demo.seeds import PlanSeed, plan_seed
from app.plans.plans.models import Plan
from app.plans.tasks.models import Task

API = "/api/v1"
# The seeds' plans (issued by units of the pre-2025 tree), parents first.
HISTORIC_KEYS = (
    "tienlu-167-2021",
    "tienlu-184-2023",
    "donghoa-24-2022",
    "hanoi-145-2021",
    "songma-33-2019",
    "donghoa-2022",
    "trabong-2022-2025",
    "lexa-17-2024",
)


def seed(key: str) -> PlanSeed:
    return plan_seed(key)


def seed_plan(db: Session, key: str) -> Plan:
    """The demo row of a seed plan (loaded by the session fixture)."""
    s = seed(key)
    plan = db.exec(
        select(Plan).where(Plan.unit_id == unit_of(db, s.unit).id, Plan.title == s.title)
    ).one()
    return plan


def seed_tasks(db: Session, key: str) -> list[Task]:
    plan = seed_plan(db, key)
    return list(db.exec(select(Task).where(Task.plan_id == plan.id).order_by(col(Task.position))))


def plan_body(key: str, **overrides: Any) -> dict[str, Any]:
    """A POST /plans body with a seed plan's header fields (number and date come at issue)."""
    body: dict[str, Any] = dict(seed(key).plan)
    body.update(overrides)
    return body


def create_draft(
    client: TestClient, headers: dict[str, str], key: str = "lexa-17-2024", **overrides: Any
) -> dict[str, Any]:
    response = client.post(f"{API}/plans", json=plan_body(key, **overrides), headers=headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    body["etag"] = response.headers["ETag"]
    return body


def add_task(
    client: TestClient, headers: dict[str, str], plan_id: int, **fields: Any
) -> dict[str, Any]:
    body = {"ordinal": "1", "title": "Tuyên truyền trên sóng Truyền thanh", **fields}
    response = client.post(f"{API}/plans/{plan_id}/tasks", json=body, headers=headers)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def etag(client: TestClient, headers: dict[str, str], path: str) -> str:
    response = client.get(f"{API}{path}", headers=headers)
    assert response.status_code == 200, response.text
    return response.headers["ETag"]


def user_headers(db: Session, unit: int, role: str, agency_id: int | None = None) -> dict[str, str]:
    """A user of any unit (the demo has users in six units only), with a signed token."""
    from app.core.security import create_access_token, hash_password
    from app.users.models import Role, User

    user = User(
        username=f"plans.{unit}.{role}.{agency_id}",
        full_name="Người dùng thử",
        role=Role(role),
        unit_id=unit,
        agency_id=agency_id,
        password_hash=hash_password("plans-test-password"),
    )
    db.add(user)
    db.flush()
    assert user.id is not None
    token, _ = create_access_token(user.id, {"role": role, "unit_id": unit})
    return {"Authorization": f"Bearer {token}"}
