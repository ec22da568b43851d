"""Report transitions under real concurrency (see tests/test_concurrency.py): ten submits with
one Idempotency-Key submit once; ten without a key submit once and the rest are 409; ten
accepts accept once."""

from collections.abc import Iterator

import httpx
import pytest
from sqlmodel import Session, col, func, select

from app.reports.models import ReportEvent
from app.units.models import AdminUnit
from app.users.models import Role
from tests.test_concurrency import Stage, _user, race, staged, statuses


@pytest.fixture(scope="module")
def stage() -> Iterator[Stage]:
    with staged("race_reports") as s:
        yield s


@pytest.fixture(scope="module")
def commune(stage: Stage) -> dict[str, str]:
    with Session(stage.engine) as session:
        unit = session.exec(
            select(AdminUnit.id)
            .where(AdminUnit.parent_id == stage.province_id, col(AdminUnit.valid_to).is_(None))
            .order_by(col(AdminUnit.id))
        ).first()
        assert unit is not None
        headers = _user(session, "race.commune", Role.officer, unit, None)  # type: ignore[arg-type]
        session.commit()
    return headers


@pytest.fixture(scope="module")
def schedule_id(stage: Stage) -> int:
    body = {
        "title": "Báo cáo công tác thông tin, tuyên truyền CCHC hằng quý",
        "reporter_kind": "child_units",
        "frequency": "quarterly",
        "deadline_days": 5,
    }
    response = httpx.post(f"{stage.url}/reporting-schedules", json=body, headers=stage.officer)
    assert response.status_code == 201, response.text
    found: int = response.json()["id"]
    return found


def _report(stage: Stage, headers: dict[str, str], schedule_id: int, period: str) -> int:
    body = {"schedule_id": schedule_id, "period": period}
    response = httpx.post(f"{stage.url}/reports", json=body, headers=headers)
    assert response.status_code == 201, response.text
    found: int = response.json()["id"]
    return found


def _events(stage: Stage, report_id: int, action: str) -> int:
    with Session(stage.engine) as session:
        count: int = session.exec(
            select(func.count())
            .select_from(ReportEvent)
            .where(ReportEvent.report_id == report_id, ReportEvent.action == action)
        ).one()
        return count


def test_ten_submits_with_one_key_submit_once(
    stage: Stage, commune: dict[str, str], schedule_id: int
) -> None:
    report_id = _report(stage, commune, schedule_id, "2026-Q1")
    headers = {**commune, "Idempotency-Key": "bc-2026-q1"}

    def submit(client: httpx.Client, _i: int) -> httpx.Response:
        return client.post(f"{stage.url}/reports/{report_id}/submit", headers=headers)

    responses = race(10, submit)
    assert statuses(responses) == {200: 10}
    replayed = [r.headers.get("Idempotent-Replayed") == "true" for r in responses]
    assert replayed.count(False) == 1
    assert len({r.json()["submitted_at"] for r in responses}) == 1
    assert _events(stage, report_id, "submit") == 1


def test_ten_submits_without_a_key_submit_once(
    stage: Stage, commune: dict[str, str], schedule_id: int
) -> None:
    report_id = _report(stage, commune, schedule_id, "2026-Q2")

    def submit(client: httpx.Client, _i: int) -> httpx.Response:
        return client.post(f"{stage.url}/reports/{report_id}/submit", headers=commune)

    assert statuses(race(10, submit)) == {200: 1, 409: 9}
    assert _events(stage, report_id, "submit") == 1


def test_ten_accepts_accept_once(stage: Stage, commune: dict[str, str], schedule_id: int) -> None:
    report_id = _report(stage, commune, schedule_id, "2026-Q3")
    sent = httpx.post(f"{stage.url}/reports/{report_id}/submit", headers=commune)
    assert sent.status_code == 200, sent.text

    def accept(client: httpx.Client, _i: int) -> httpx.Response:
        return client.post(f"{stage.url}/reports/{report_id}/accept", headers=stage.leader)

    assert statuses(race(10, accept)) == {200: 1, 409: 9}
    assert _events(stage, report_id, "accept") == 1
