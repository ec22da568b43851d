"""Reporting schedules: set by a unit for its children, agencies or named units; read by the
units that report under them; periods listed from a schedule."""

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.users.models import Agency
from tests.helpers import unit_id
from tests.reports.factories import API, LEXA, communes_of, new_schedule, tienlu_id

Auth = Callable[[str], dict[str, str]]


def test_district_sets_a_quarterly_schedule_for_its_communes(
    client: TestClient, auth: Auth, db: Session
) -> None:
    schedule = new_schedule(client, auth("tienlu.officer"))
    assert schedule["unit_id"] == tienlu_id(db)
    assert schedule["receiver_unit_id"] == tienlu_id(db)
    assert (schedule["frequency"], schedule["period_rule"]) == ("quarterly", "decree09")
    assert schedule["etag"] == f'"reporting_schedule-{schedule["id"]}-v1"'


def test_commune_reads_the_schedule_it_reports_under(client: TestClient, auth: Auth) -> None:
    schedule = new_schedule(client, auth("tienlu.officer"))
    response = client.get(
        f"{API}/reporting-schedules/{schedule['id']}", headers=auth("lexa.officer")
    )
    assert response.status_code == 200
    listed = client.get(f"{API}/reporting-schedules", headers=auth("lexa.officer")).json()
    assert schedule["id"] in [s["id"] for s in listed["items"]]


def test_another_district_does_not_see_the_schedule(client: TestClient, auth: Auth) -> None:
    schedule = new_schedule(client, auth("tienlu.officer"))
    response = client.get(
        f"{API}/reporting-schedules/{schedule['id']}", headers=auth("donghoa.officer")
    )
    assert response.status_code == 404


def test_commune_cannot_change_the_district_schedule(client: TestClient, auth: Auth) -> None:
    schedule = new_schedule(client, auth("tienlu.officer"))
    response = client.patch(
        f"{API}/reporting-schedules/{schedule['id']}",
        json={"embedded": True},
        headers={**auth("lexa.officer"), "If-Match": schedule["etag"]},
    )
    assert response.status_code == 403


def test_owner_edits_with_if_match_and_a_stale_etag_is_412(client: TestClient, auth: Auth) -> None:
    schedule = new_schedule(client, auth("tienlu.officer"))
    url = f"{API}/reporting-schedules/{schedule['id']}"
    headers = {**auth("tienlu.officer"), "If-Match": schedule["etag"]}
    first = client.patch(url, json={"embedded": True}, headers=headers)
    assert first.status_code == 200, first.text
    assert first.json()["embedded"] is True
    second = client.patch(url, json={"embedded": False}, headers=headers)
    assert second.status_code == 412


def test_named_units_must_lie_below_the_schedule_unit(
    client: TestClient, auth: Auth, db: Session
) -> None:
    hanoi = unit_id(db, "province", "01")
    response = client.post(
        f"{API}/reporting-schedules",
        json={
            "title": "Báo cáo chuyên đề",
            "reporter_kind": "named_units",
            "reporter_unit_ids": [unit_id(db, "commune", LEXA), hanoi],
            "frequency": "on_request",
            "deadline_days": 10,
        },
        headers=auth("tienlu.officer"),
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.reporter_unit_ids.1"


def test_receiver_agency_belongs_to_the_receiving_unit(
    client: TestClient, auth: Auth, db: Session
) -> None:
    lexa_agency = Agency(
        unit_id=unit_id(db, "commune", LEXA),
        name="Công chức Văn hóa - Xã hội",
        name_folded="cong chuc van hoa - xa hoi",
        kind="civil_servant",
    )
    db.add(lexa_agency)
    db.flush()
    response = client.post(
        f"{API}/reporting-schedules",
        json={
            "title": "Báo cáo quý",
            "reporter_kind": "child_units",
            "frequency": "quarterly",
            "deadline_days": 5,
            "receiver_agency_id": lexa_agency.id,
        },
        headers=auth("tienlu.officer"),
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.receiver_agency_id"


def test_annual_fixed_deadline_needs_a_month(client: TestClient, auth: Auth) -> None:
    response = client.post(
        f"{API}/reporting-schedules",
        json={
            "title": "Báo cáo năm",
            "reporter_kind": "child_units",
            "frequency": "annual",
            "deadline_rule": "fixed_day",
            "deadline_day": 25,
        },
        headers=auth("trabong.officer"),
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.deadline_month"


def test_periods_of_a_schedule(client: TestClient, auth: Auth) -> None:
    """Trà Bồng: annual, before 25/11."""
    schedule = new_schedule(
        client,
        auth("trabong.officer"),
        frequency="annual",
        deadline_rule="fixed_day",
        deadline_day=25,
        deadline_month=11,
        deadline_days=None,
    )
    response = client.get(
        f"{API}/report-periods",
        params={"schedule_id": schedule["id"], "year": 2023},
        headers=auth("trabong.officer"),
    )
    assert response.status_code == 200, response.text
    assert [(p["key"], p["start"], p["end"], p["deadline"]) for p in response.json()["items"]] == [
        ("2023", "2022-12-15", "2023-12-14", "2023-11-25")
    ]


def test_expected_reporters_are_the_district_communes(
    client: TestClient, auth: Auth, db: Session
) -> None:
    from datetime import date

    from app.reports.models import ReportingSchedule
    from app.reports.schedules import expected_reporters

    schedule = new_schedule(client, auth("tienlu.officer"))
    row = db.get(ReportingSchedule, schedule["id"])
    assert row is not None
    reporters = expected_reporters(db, row, date(2023, 12, 15), date(2024, 3, 14))
    communes = communes_of(db, tienlu_id(db), 1000)
    assert [r.unit_id for r in reporters] == communes
    assert unit_id(db, "commune", LEXA) in communes


def test_schedules_page_with_a_cursor(client: TestClient, auth: Auth, db: Session) -> None:
    first = new_schedule(client, auth("tienlu.officer"))
    second = new_schedule(
        client, auth("tienlu.officer"), title="Báo cáo 6 tháng", frequency="semiannual"
    )
    params = {"unit_id": tienlu_id(db), "limit": 1}
    page = client.get(f"{API}/reporting-schedules", params=params, headers=auth("tienlu.officer"))
    assert page.status_code == 200, page.text
    rest = client.get(
        f"{API}/reporting-schedules",
        params={**params, "cursor": page.json()["next_cursor"]},
        headers=auth("tienlu.officer"),
    ).json()
    ids = [s["id"] for s in page.json()["items"] + rest["items"]]
    assert ids == [first["id"], second["id"]] and rest["next_cursor"] is None
