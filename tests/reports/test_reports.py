"""Reports: a district with three communes runs the quarterly loop — prefill, submit, return,
resubmit, accept — with every step in the history."""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from unittest.mock import patch

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.reports.factories import (
    API,
    new_report,
    person,
    step,
    tienlu_id,
)

Auth = Callable[[str], dict[str, str]]


def test_commune_creates_its_report_for_a_period(
    client: TestClient, auth: Auth, loop: dict[str, Any]
) -> None:
    report = new_report(client, auth("lexa.officer"), loop["schedule"]["id"])
    assert (report["period_key"], report["period_start"], report["period_end"]) == (
        "2024-Q1",
        "2023-12-15",
        "2024-03-14",
    )
    assert report["deadline"] == "2024-03-19"
    assert report["status"] == "draft"
    assert [e["action"] for e in report["history"]] == ["create"]


def test_a_second_report_for_the_same_period_is_409(
    client: TestClient, auth: Auth, loop: dict[str, Any]
) -> None:
    new_report(client, auth("lexa.officer"), loop["schedule"]["id"])
    again = client.post(
        f"{API}/reports",
        json={"schedule_id": loop["schedule"]["id"], "period": "2024-Q1"},
        headers=auth("lexa.officer"),
    )
    assert again.status_code == 409
    assert again.json()["code"] == "report_exists"


def test_a_unit_not_named_by_the_schedule_cannot_report(
    client: TestClient, auth: Auth, loop: dict[str, Any]
) -> None:
    response = client.post(
        f"{API}/reports",
        json={"schedule_id": loop["schedule"]["id"], "period": "2024-Q1"},
        headers=auth("tienlu.officer"),
    )
    assert response.status_code == 403


def test_period_of_another_frequency_is_422(
    client: TestClient, auth: Auth, loop: dict[str, Any]
) -> None:
    response = client.post(
        f"{API}/reports",
        json={"schedule_id": loop["schedule"]["id"], "period": "2024-H1"},
        headers=auth("lexa.officer"),
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.period"


def test_prefill_snapshots_the_activity_summary(
    client: TestClient, auth: Auth, loop: dict[str, Any]
) -> None:
    report = new_report(client, auth("lexa.officer"), loop["schedule"]["id"])
    response = step(client, auth("lexa.officer"), report["id"], "prefill")
    assert response.status_code == 200, response.text
    filled = response.json()
    summary = client.get(
        f"{API}/activities/summary",
        params={"unit_id": loop["lexa"], "date_from": "2023-12-15", "date_to": "2024-03-14"},
        headers=auth("lexa.officer"),
    ).json()
    assert filled["activity_summary"]["totals"] == summary["totals"]
    assert filled["values"]["activities"] == summary["totals"]["activities"]
    for code, total in summary["totals"]["quantities"].items():
        assert filled["values"][code] == total
    assert filled["values"]["tasks_assigned"] == len(
        [t for t in filled["task_progress"] if t["status"] != "cancelled"]
    )
    assert [e["action"] for e in filled["history"]] == ["create", "prefill"]


def test_manual_values_survive_a_new_prefill(
    client: TestClient, auth: Auth, loop: dict[str, Any]
) -> None:
    officer = auth("lexa.officer")
    report = new_report(client, officer, loop["schedule"]["id"])
    edited = client.patch(
        f"{API}/reports/{report['id']}",
        json={
            "values": {"feedback_received": 4, "feedback_answered": 3},
            "results": "Đã tuyên truyền CCHC trên Đài truyền thanh xã.",
        },
        headers={**officer, "If-Match": report["etag"]},
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["ratios"]["feedback_answered_rate"] == 75.0
    filled = step(client, officer, report["id"], "prefill").json()
    assert (filled["values"]["feedback_received"], filled["values"]["feedback_answered"]) == (4, 3)
    assert filled["results"] == "Đã tuyên truyền CCHC trên Đài truyền thanh xã."


def test_ratio_indicators_are_not_typed_in(
    client: TestClient, auth: Auth, loop: dict[str, Any]
) -> None:
    report = new_report(client, auth("lexa.officer"), loop["schedule"]["id"])
    response = client.patch(
        f"{API}/reports/{report['id']}",
        json={"values": {"tasks_done_rate": 90}},
        headers={**auth("lexa.officer"), "If-Match": report["etag"]},
    )
    assert response.status_code == 422


def test_full_loop_submit_return_resubmit_accept(
    client: TestClient, auth: Auth, loop: dict[str, Any]
) -> None:
    officer, district = auth("lexa.officer"), auth("tienlu.leader")
    report = new_report(client, officer, loop["schedule"]["id"])
    rid = report["id"]
    assert step(client, officer, rid, "prefill").status_code == 200
    submitted = step(client, officer, rid, "submit", document_number="12/BC-UBND")
    assert submitted.status_code == 200, submitted.text
    assert submitted.json()["status"] == "submitted"
    assert submitted.json()["document_number"] == "12/BC-UBND"
    no_comment = step(client, district, rid, "return")
    assert no_comment.status_code == 422
    returned = step(client, district, rid, "return", comment="Bổ sung số liệu phản ánh.")
    assert returned.status_code == 200, returned.text
    assert returned.json()["status"] == "returned"
    assert returned.json()["review_comment"] == "Bổ sung số liệu phản ánh."
    etag = client.get(f"{API}/reports/{rid}", headers=officer).headers["ETag"]
    fixed = client.patch(
        f"{API}/reports/{rid}",
        json={"values": {"feedback_received": 2}},
        headers={**officer, "If-Match": etag},
    )
    assert fixed.status_code == 200, fixed.text
    assert step(client, officer, rid, "submit").json()["status"] == "submitted"
    accepted = step(client, district, rid, "accept")
    assert accepted.status_code == 200, accepted.text
    body = accepted.json()
    assert body["status"] == "accepted"
    assert [(e["action"], e["status"]) for e in body["history"]] == [
        ("create", "draft"),
        ("prefill", "draft"),
        ("submit", "submitted"),
        ("return", "returned"),
        ("update", "returned"),
        ("resubmit", "submitted"),
        ("accept", "accepted"),
    ]


def test_commune_cannot_accept_its_own_report(
    client: TestClient, auth: Auth, loop: dict[str, Any]
) -> None:
    report = new_report(client, auth("lexa.officer"), loop["schedule"]["id"])
    step(client, auth("lexa.officer"), report["id"], "submit")
    response = step(client, auth("lexa.leader"), report["id"], "accept")
    assert response.status_code == 403


def test_sibling_commune_cannot_read_the_report(
    client: TestClient, auth: Auth, db: Session, loop: dict[str, Any]
) -> None:
    report = new_report(client, auth("lexa.officer"), loop["schedule"]["id"])
    sibling = person(db, loop["others"][0], "leader")
    assert client.get(f"{API}/reports/{report['id']}", headers=sibling).status_code == 404
    assert (
        client.get(f"{API}/reports/{report['id']}", headers=auth("tienlu.leader")).status_code
        == 200
    )


def test_accepted_report_is_no_longer_edited(
    client: TestClient, auth: Auth, loop: dict[str, Any]
) -> None:
    officer = auth("lexa.officer")
    report = new_report(client, officer, loop["schedule"]["id"])
    step(client, officer, report["id"], "submit")
    accepted = step(client, auth("tienlu.leader"), report["id"], "accept")
    response = client.patch(
        f"{API}/reports/{report['id']}",
        json={"results": "Sửa sau khi tiếp nhận"},
        headers={**officer, "If-Match": accepted.headers["ETag"]},
    )
    assert response.status_code == 409
    assert step(client, officer, report["id"], "submit").status_code == 409


def test_report_number_is_unique_per_unit_and_year(
    client: TestClient, auth: Auth, loop: dict[str, Any]
) -> None:
    officer = auth("lexa.officer")
    first = new_report(client, officer, loop["schedule"]["id"], "2024-Q1")
    second = new_report(client, officer, loop["schedule"]["id"], "2024-Q2")
    assert (
        step(client, officer, first["id"], "submit", document_number="12/BC-UBND").status_code
        == 200
    )
    taken = step(client, officer, second["id"], "submit", document_number="12 / BC-UBND")
    assert taken.status_code == 409
    assert taken.json()["code"] == "report_number_taken"


def test_report_number_must_be_a_report(
    client: TestClient, auth: Auth, loop: dict[str, Any]
) -> None:
    report = new_report(client, auth("lexa.officer"), loop["schedule"]["id"])
    response = step(
        client, auth("lexa.officer"), report["id"], "submit", document_number="12/KH-UBND"
    )
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("utc_instant", "days_late"),
    [
        (datetime(2024, 3, 19, 16, 30, tzinfo=UTC), 0),  # 23:30 in Vietnam, the deadline day
        (datetime(2024, 3, 19, 17, 0, tzinfo=UTC), 1),  # 00:00 the next day in Vietnam
    ],
)
def test_lateness_is_judged_by_vietnam_calendar_day(
    client: TestClient, auth: Auth, loop: dict[str, Any], utc_instant: datetime, days_late: int
) -> None:
    report = new_report(client, auth("lexa.officer"), loop["schedule"]["id"])
    with patch("app.reports.workflow.utcnow", return_value=utc_instant):
        response = step(client, auth("lexa.officer"), report["id"], "submit")
    assert response.status_code == 200, response.text
    assert response.json()["days_late"] == days_late


def test_submit_retried_with_one_key_submits_once(
    client: TestClient, auth: Auth, loop: dict[str, Any]
) -> None:
    officer = auth("lexa.officer")
    report = new_report(client, officer, loop["schedule"]["id"])
    headers = {**officer, "Idempotency-Key": "bc-lexa-2024-q1"}
    first = step(client, headers, report["id"], "submit")
    again = step(client, headers, report["id"], "submit")
    assert (first.status_code, again.status_code) == (200, 200)
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    history = client.get(f"{API}/reports/{report['id']}", headers=officer).json()["history"]
    assert [e["action"] for e in history] == ["create", "submit"]


def test_report_keeps_the_progress_it_was_prefilled_with(
    client: TestClient, auth: Auth, loop: dict[str, Any]
) -> None:
    """Progress notes change later; the report keeps what it was sent with."""
    officer = auth("lexa.officer")
    report = new_report(client, officer, loop["schedule"]["id"])
    filled = step(client, officer, report["id"], "prefill").json()
    entries = {e["assignment_id"]: e for e in filled["task_progress"]}
    assert len(entries) == filled["values"]["tasks_assigned"] > 0
    mine = client.get(f"{API}/assignments", params={"mine": "true"}, headers=officer).json()
    target = next(a for a in mine["items"] if a["id"] in entries)
    changed = client.patch(
        f"{API}/assignments/{target['id']}",
        json={"status": "done", "progress_note": "Ghi chú mới sau khi lập báo cáo."},
        headers={**officer, "If-Match": f'"assignment-{target["id"]}-v{target["version"]}"'},
    )
    assert changed.status_code == 200, changed.text
    again = client.get(f"{API}/reports/{report['id']}", headers=officer).json()
    kept = next(e for e in again["task_progress"] if e["assignment_id"] == target["id"])
    assert kept == entries[target["id"]]
    assert again["values"]["tasks_done"] == filled["values"]["tasks_done"]


def test_receiving_district_lists_the_period_reports_sent_to_it(
    client: TestClient, auth: Auth, db: Session, loop: dict[str, Any]
) -> None:
    lexa = new_report(client, auth("lexa.officer"), loop["schedule"]["id"])
    other = new_report(client, person(db, loop["others"][0], "officer"), loop["schedule"]["id"])
    step(client, auth("lexa.officer"), lexa["id"], "submit")
    params = {"receiver_unit_id": tienlu_id(db), "period": "2024-Q1", "limit": 1}
    first = client.get(f"{API}/reports", params=params, headers=auth("tienlu.leader")).json()
    assert [r["id"] for r in first["items"]] == [lexa["id"]]
    rest = client.get(
        f"{API}/reports",
        params={**params, "cursor": first["next_cursor"]},
        headers=auth("tienlu.leader"),
    ).json()
    assert ([r["id"] for r in rest["items"]], rest["next_cursor"]) == ([other["id"]], None)
    submitted = client.get(
        f"{API}/reports",
        params={"status": "submitted", "schedule_id": loop["schedule"]["id"]},
        headers=auth("tienlu.leader"),
    ).json()
    assert [r["id"] for r in submitted["items"]] == [lexa["id"]]


def test_a_stale_etag_on_a_report_is_412(
    client: TestClient, auth: Auth, loop: dict[str, Any]
) -> None:
    officer = auth("lexa.officer")
    report = new_report(client, officer, loop["schedule"]["id"])
    url = f"{API}/reports/{report['id']}"
    headers = {**officer, "If-Match": report["etag"]}
    assert client.patch(url, json={"causes": "Thiếu kinh phí."}, headers=headers).status_code == 200
    assert client.patch(url, json={"causes": "Thiếu người."}, headers=headers).status_code == 412
