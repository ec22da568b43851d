"""The demo reporting loop loads through the services, with a year of Lệ Xá's reports in every
state, Trà Bồng's annual reports against 25/11 and a commune of today's Hưng Yên."""

from collections.abc import Callable
from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.demo.reports import load_demo_reports
from app.reports.models import Report
from tests.helpers import unit_id
from tests.reports.factories import API, tienlu_id

Auth = Callable[[str], dict[str, str]]


def test_demo_reports_load_once_in_every_state(db: Session) -> None:
    # `load-demo` (the session fixture) loaded them; loading again adds nothing.
    assert len(db.exec(select(Report)).all()) == 7
    assert load_demo_reports(db) == (0, 0)
    lexa = unit_id(db, "commune", "12352")
    reports = db.exec(select(Report).where(Report.unit_id == lexa).order_by(col(Report.id))).all()
    assert [(r.period_key, r.status.value, r.days_late) for r in reports] == [
        ("2024-Q1", "accepted", 0),
        ("2024-Q2", "accepted", 5),
        ("2024-Q3", "returned", 0),
        ("2024-Q4", "submitted", 0),
    ]
    trabong = db.exec(
        select(Report.deadline, Report.days_late).where(Report.period_key == "2023")
    ).all()
    assert sorted(trabong) == [(date(2023, 11, 25), 0), (date(2023, 11, 25), 4)]


def test_demo_compliance_at_tien_lu(client: TestClient, auth: Auth, db: Session) -> None:
    body = client.get(
        f"{API}/units/{tienlu_id(db)}/compliance",
        params={"period": "2024-Q3"},
        headers=auth("tienlu.leader"),
    ).json()
    assert (body["returned"], body["on_time"], body["late"]) == (1, 0, 0)
    assert body["missing"] == body["expected"] - 1


def test_xa_tien_hoa_reads_le_xas_reports_as_history_and_cannot_send_them(
    client: TestClient, auth: Auth, db: Session
) -> None:
    lexa = unit_id(db, "commune", "12352")
    q4 = db.exec(select(Report).where(Report.unit_id == lexa, Report.period_key == "2024-Q4")).one()
    headers = auth("tienhoa.officer")

    read = client.get(f"{API}/reports/{q4.id}", headers=headers)
    sent = client.post(
        f"{API}/reports/{q4.id}/prefill", headers={**headers, "If-Match": read.headers["ETag"]}
    )

    assert (read.status_code, read.json()["period_key"]) == (200, "2024-Q4")
    assert sent.status_code == 403
    hidden = client.get(f"{API}/reports/{q4.id}", headers=auth("songma.officer"))
    assert hidden.status_code == 404
