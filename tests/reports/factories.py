"""Builders for the reporting tests: units of huyện Tiên Lữ, schedules and reports by API."""

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.units.models import AdminUnit
from tests.helpers import unit_id

API = "/api/v1"
TIENLU = "332"
LEXA = "12352"


def tienlu_id(db: Session) -> int:
    return unit_id(db, "district", TIENLU)


def communes_of(db: Session, district_id: int, n: int) -> list[int]:
    """The first `n` communes of a district (by id), Lệ Xá among Tiên Lữ's."""
    ids = db.exec(
        select(AdminUnit.id).where(AdminUnit.parent_id == district_id).order_by(col(AdminUnit.id))
    ).all()
    return [i for i in ids if i is not None][:n]


def schedule_body(**fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": "Báo cáo công tác thông tin, tuyên truyền CCHC hằng quý",
        "reporter_kind": "child_units",
        "frequency": "quarterly",
        "deadline_rule": "days_after",
        "deadline_days": 5,
    }
    body.update(fields)
    return body


def created(response: Any) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    result["etag"] = response.headers["ETag"]
    return result


def new_schedule(client: TestClient, headers: dict[str, str], **fields: Any) -> dict[str, Any]:
    return created(
        client.post(f"{API}/reporting-schedules", json=schedule_body(**fields), headers=headers)
    )


def person(db: Session, unit: int, role: str) -> dict[str, str]:
    """Headers for a new user of `unit` (communes other than Lệ Xá have no demo user)."""
    from app.core.security import create_access_token, hash_password
    from app.users.models import Role, User

    user = User(
        username=f"report.{unit}.{role}",
        full_name=f"Cán bộ {unit} {role}",
        role=Role(role),
        unit_id=unit,
        password_hash=hash_password("report-password"),
    )
    db.add(user)
    db.flush()
    assert user.id is not None
    token, _ = create_access_token(user.id, {"role": role, "unit_id": unit})
    return {"Authorization": f"Bearer {token}"}


def new_report(
    client: TestClient, headers: dict[str, str], schedule_id: int, period: str = "2024-Q1"
) -> dict[str, Any]:
    body = {"schedule_id": schedule_id, "period": period}
    return created(client.post(f"{API}/reports", json=body, headers=headers))


def step(
    client: TestClient, headers: dict[str, str], report_id: int, action: str, **body: Any
) -> Any:
    return client.post(f"{API}/reports/{report_id}/{action}", json=body or None, headers=headers)
