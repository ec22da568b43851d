"""Consolidation and compliance at huyện Tiên Lữ for 2024-Q1: Lệ Xá on time and accepted, a
second commune late and only submitted, the third missing."""

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any
from unittest.mock import patch

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.reports.models import Report, ReporterKind, ReportingSchedule, ReportStatus
from app.reports.periods import DeadlineRule, Frequency, PeriodRule
from app.units.models import AdminUnit, UnitSuccession
from tests.reports.factories import API, new_report, new_schedule, person, step, tienlu_id

Auth = Callable[[str], dict[str, str]]
ON_TIME = datetime(2024, 3, 18, 9, 0, tzinfo=UTC)


def _filed(
    client: TestClient,
    headers: dict[str, str],
    schedule_id: int,
    values: dict[str, int],
    at: datetime | None = None,
) -> int:
    report = new_report(client, headers, schedule_id)
    edited = client.patch(
        f"{API}/reports/{report['id']}",
        json={"values": values},
        headers={**headers, "If-Match": report["etag"]},
    )
    assert edited.status_code == 200, edited.text
    if at is None:
        sent = step(client, headers, report["id"], "submit")
    else:
        with patch("app.reports.workflow.utcnow", return_value=at):
            sent = step(client, headers, report["id"], "submit")
    assert sent.status_code == 200, sent.text
    return int(report["id"])


@pytest.fixture
def quarter(client: TestClient, auth: Auth, db: Session, loop: dict[str, Any]) -> dict[str, Any]:
    sid = loop["schedule"]["id"]
    lexa = _filed(
        client,
        auth("lexa.officer"),
        sid,
        {"broadcasts": 12, "feedback_received": 4, "feedback_answered": 3},
        ON_TIME,
    )
    assert step(client, auth("tienlu.leader"), lexa, "accept").status_code == 200
    second = person(db, loop["others"][0], "officer")
    late = _filed(
        client, second, sid, {"broadcasts": 5, "feedback_received": 2, "feedback_answered": 2}
    )
    return {**loop, "lexa_report": lexa, "late_report": late, "second": second}


def _consolidation(client: TestClient, auth: Auth, db: Session, **params: str) -> Any:
    response = client.get(
        f"{API}/units/{tienlu_id(db)}/consolidation",
        params={"period": "2024-Q1", **params},
        headers=auth("tienlu.leader"),
    )
    assert response.status_code == 200, response.text
    return response.json()


def _totals(body: Any) -> dict[str, Any]:
    return {i["code"]: i["total"] for i in body["indicators"]}


def test_accepted_only_counts_lexa(
    client: TestClient, auth: Auth, db: Session, quarter: dict[str, Any]
) -> None:
    body = _consolidation(client, auth, db)
    assert body["counted_report_ids"] == [quarter["lexa_report"]]
    totals = _totals(body)
    assert (totals["broadcasts"], totals["feedback_answered_rate"]) == (12, 75.0)
    assert totals["articles"] is None


def test_submitted_too_sums_both_and_recomputes_the_ratio(
    client: TestClient, auth: Auth, db: Session, quarter: dict[str, Any]
) -> None:
    body = _consolidation(client, auth, db, counted="submitted")
    assert body["counted_report_ids"] == sorted([quarter["lexa_report"], quarter["late_report"]])
    totals = _totals(body)
    assert (
        totals["broadcasts"]
        == 17
        == sum(r["values"].get("broadcasts", 0) for r in body["reporters"])
    )
    assert totals["feedback_answered_rate"] == round(100 * 5 / 6, 1)


def test_missing_commune_is_shown_not_dropped(
    client: TestClient, auth: Auth, db: Session, quarter: dict[str, Any]
) -> None:
    body = _consolidation(client, auth, db)
    rows = {r["unit_id"]: r for r in body["reporters"]}
    assert set(rows) == {quarter["lexa"], *quarter["others"]}
    missing = rows[quarter["others"][1]]
    assert (missing["report_id"], missing["state"], missing["counted"]) == (None, "missing", False)


def test_a_reporter_under_two_schedules_counts_once(
    client: TestClient, auth: Auth, db: Session, quarter: dict[str, Any]
) -> None:
    extra = new_schedule(client, auth("tienlu.officer"), title="Báo cáo quý của các xã")
    _filed(client, auth("lexa.officer"), extra["id"], {"broadcasts": 12}, ON_TIME)
    body = _consolidation(client, auth, db, counted="submitted")
    assert _totals(body)["broadcasts"] == 17
    lexa_rows = [r for r in body["reporters"] if r["unit_id"] == quarter["lexa"]]
    assert len(lexa_rows) == 1


def test_compliance_counts_on_time_late_returned_missing(
    client: TestClient, auth: Auth, db: Session, quarter: dict[str, Any]
) -> None:
    url = f"{API}/units/{tienlu_id(db)}/compliance"
    body = client.get(url, params={"period": "2024-Q1"}, headers=auth("tienlu.leader")).json()
    assert (body["expected"], body["on_time"], body["late"], body["returned"], body["missing"]) == (
        3,
        1,
        1,
        0,
        1,
    )
    returned = step(
        client, auth("tienlu.leader"), quarter["late_report"], "return", comment="Bổ sung số liệu."
    )
    assert returned.status_code == 200
    body = client.get(url, params={"period": "2024-Q1"}, headers=auth("tienlu.leader")).json()
    assert (body["on_time"], body["late"], body["returned"], body["missing"]) == (1, 0, 1, 1)


def test_commune_and_sibling_district_cannot_read_the_consolidation(
    client: TestClient, auth: Auth, db: Session, quarter: dict[str, Any]
) -> None:
    url = f"{API}/units/{tienlu_id(db)}/consolidation"
    for user in ("lexa.leader", "donghoa.leader"):
        response = client.get(url, params={"period": "2024-Q1"}, headers=auth(user))
        assert response.status_code == 404


def test_bad_period_key_is_422(client: TestClient, auth: Auth, db: Session) -> None:
    response = client.get(
        f"{API}/units/{tienlu_id(db)}/compliance",
        params={"period": "2024-Q5"},
        headers=auth("tienlu.leader"),
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "query.period"


def test_a_period_straddling_the_reform_follows_the_successor_links(
    client: TestClient, db: Session
) -> None:
    """2025-Q3 (15/6–14/9/2025) at today's Tỉnh Hưng Yên: Tiên Lữ reported to the old province
    before 1 July, a commune of the new province reported after; both count, once each."""
    new_province = db.exec(select(AdminUnit).where(AdminUnit.path == "new/33/")).one()
    old_ids = db.exec(
        select(UnitSuccession.predecessor_id).where(UnitSuccession.successor_id == new_province.id)
    ).all()
    old_province = db.exec(select(AdminUnit).where(AdminUnit.path == "old/33/")).one()
    assert old_province.id in old_ids
    commune = db.exec(
        select(AdminUnit.id)
        .where(AdminUnit.parent_id == new_province.id)
        .order_by(col(AdminUnit.id))
    ).first()
    assert commune is not None and new_province.id is not None and old_province.id is not None

    def schedule(receiver: int) -> int:
        row = ReportingSchedule(
            unit_id=receiver,
            title="Báo cáo quý",
            reporter_kind=ReporterKind.child_units,
            receiver_unit_id=receiver,
            frequency=Frequency.quarterly,
            period_rule=PeriodRule.decree09,
            deadline_rule=DeadlineRule.days_after,
            deadline_days=5,
        )
        db.add(row)
        db.flush()
        assert row.id is not None
        return row.id

    for receiver, reporter, broadcasts in (
        (old_province.id, tienlu_id(db), 30),
        (new_province.id, commune, 12),
    ):
        db.add(
            Report(
                schedule_id=schedule(receiver),
                period_key="2025-Q3",
                period_start=date(2025, 6, 15),
                period_end=date(2025, 9, 14),
                deadline=date(2025, 9, 19),
                unit_id=reporter,
                receiver_unit_id=receiver,
                status=ReportStatus.accepted,
                values={"broadcasts": broadcasts},
                days_late=0,
            )
        )
    db.flush()
    leader = person(db, new_province.id, "leader")
    body = client.get(
        f"{API}/units/{new_province.id}/consolidation",
        params={"period": "2025-Q3"},
        headers=leader,
    ).json()
    assert {i["code"]: i["total"] for i in body["indicators"]}["broadcasts"] == 42
    counted = {r["unit_id"] for r in body["reporters"] if r["counted"]}
    assert counted == {tienlu_id(db), commune}
