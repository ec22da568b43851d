"""Assignments: due dates from recurrence, overdue on Vietnam's calendar, progress by assignees."""

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.access.scope import Caller
from app.plans.assignments.models import Assignment, AssignmentStatus
from app.plans.assignments.service import assignment_read, get_assignment
from app.users.models import Role
from tests.helpers import unit_id
from tests.plans.factories import API, add_task, create_draft, seed_plan, seed_tasks, user_headers

# These tests run the workflow of the seeds' (pre-2025) units as it was then.
pytestmark = pytest.mark.usefixtures("before_the_reform")

Auth = Callable[[str], dict[str, str]]
NATIONAL = Caller(
    user_id=0, username="test", role=Role.admin, unit_id=None, unit_path=None, agency_id=None
)


def _assignment(db: Session, task_id: int | None, agency_id: int | None = None) -> Assignment:
    stmt = select(Assignment).where(Assignment.task_id == task_id)
    if agency_id is not None:
        stmt = stmt.where(Assignment.assignee_agency_id == agency_id)
    return db.exec(stmt.order_by(col(Assignment.id))).first()  # type: ignore[return-value]


def test_song_ma_weekly_broadcasts_fall_due_52_times_in_2019(
    client: TestClient, db: Session, auth: Auth
) -> None:
    weekly = seed_tasks(db, "songma-33-2019")[1]
    assignment = _assignment(db, weekly.id)

    body = client.get(f"{API}/assignments/{assignment.id}", headers=auth("songma.officer")).json()

    assert (body["recurrence"], body["due_count"], body["last_due_on"]) == (
        "weekly",
        52,
        "2019-12-30",
    )


def test_weekly_task_of_2024_falls_due_52_times(
    client: TestClient, db: Session, auth: Auth
) -> None:
    radio = seed_tasks(db, "lexa-17-2024")[6].lead_agency_id
    draft = create_draft(client, auth("lexa.officer"), title="Phát thanh CCHC hàng tuần 2024")
    task = add_task(
        client, auth("lexa.officer"), draft["id"], lead_agency_id=radio, recurrence="weekly"
    )
    client.post(
        f"{API}/plans/{draft['id']}/issue",
        json={"number": 30, "issued_on": "2024-01-20"},
        headers=auth("lexa.leader"),
    )

    body = client.get(
        f"{API}/assignments", params={"plan_id": draft["id"]}, headers=auth("lexa.officer")
    ).json()

    assert [(a["task_id"], a["due_count"]) for a in body["items"]] == [(task["id"], 52)]


def test_monthly_song_ma_task_falls_due_at_each_month_end(db: Session) -> None:
    monthly = seed_tasks(db, "songma-33-2019")[2]
    row = get_assignment(db, NATIONAL, _assignment(db, monthly.id).id or 0)

    read = assignment_read(row, datetime(2019, 3, 1, tzinfo=UTC))

    assert (read.due_count, read.last_due_on, read.next_due_dates) == (
        12,
        date(2019, 12, 31),
        [
            date(2019, 3, 31),
            date(2019, 4, 30),
            date(2019, 5, 31),
            date(2019, 6, 30),
            date(2019, 7, 31),
        ],
    )


def test_overdue_is_judged_on_the_vietnamese_calendar(db: Session) -> None:
    once = seed_tasks(db, "songma-33-2019")[4]  # due 31/12/2019
    row = get_assignment(db, NATIONAL, _assignment(db, once.id).id or 0)

    # 17:00 UTC on 31 December is already midnight of 1 January 2020 in Hà Nội.
    assert assignment_read(row, datetime(2019, 12, 31, 16, 59, tzinfo=UTC)).overdue is False
    assert assignment_read(row, datetime(2019, 12, 31, 17, 0, tzinfo=UTC)).overdue is True


def test_work_not_started_after_the_first_due_date_is_overdue(db: Session) -> None:
    weekly = seed_tasks(db, "songma-33-2019")[1]
    row = get_assignment(db, NATIONAL, _assignment(db, weekly.id).id or 0)

    assert assignment_read(row, datetime(2019, 1, 8, 3, tzinfo=UTC)).overdue is True
    row[0].status = AssignmentStatus.in_progress
    assert assignment_read(row, datetime(2019, 1, 8, 3, tzinfo=UTC)).overdue is False


def test_mine_gives_le_xa_officer_the_work_of_their_civil_servant_post(
    client: TestClient, auth: Auth
) -> None:
    body = client.get(
        f"{API}/assignments", params={"mine": "true"}, headers=auth("lexa.officer")
    ).json()

    assert [(a["task_ordinal"], a["role"], a["assignee_agency_name"]) for a in body["items"]] == [
        ("2", "lead", "Công chức Văn phòng - Thống kê"),
        ("3", "coordinate", "Công chức Văn phòng - Thống kê"),
    ]
    assert {(a["plan_number_text"], a["overdue"]) for a in body["items"]} == {("17/KH-UBND", True)}


def test_mine_includes_work_given_to_the_whole_commune(client: TestClient, auth: Auth) -> None:
    draft = create_draft(
        client, auth("tienlu.officer"), title="Kế hoạch tuyên truyền CCHC huyện Tiên Lữ năm 2024"
    )
    add_task(client, auth("tienlu.officer"), draft["id"], lead_all_children=True, ordinal="9")
    client.post(
        f"{API}/plans/{draft['id']}/issue",
        json={"number": 5, "issued_on": "2024-01-10", "signer_name": "Nguyễn Văn A"},
        headers=auth("tienlu.leader"),
    )

    body = client.get(
        f"{API}/assignments", params={"mine": "true"}, headers=auth("lexa.officer")
    ).json()

    assert [(a["plan_number_text"], a["task_ordinal"]) for a in body["items"]] == [
        ("17/KH-UBND", "2"),
        ("17/KH-UBND", "3"),
        ("5/KH-UBND", "9"),
    ]


def test_assignee_records_progress_with_if_match(
    client: TestClient, db: Session, auth: Auth
) -> None:
    task = seed_tasks(db, "lexa-17-2024")[1]  # led by Công chức VP-TK, lexa.officer's post
    assignment = _assignment(db, task.id, task.lead_agency_id)
    headers = {**auth("lexa.officer"), "If-Match": f'"assignment-{assignment.id}-v1"'}

    response = client.patch(
        f"{API}/assignments/{assignment.id}",
        json={"status": "done", "progress_note": "Đã tổ chức 2 lớp tập huấn CCHC."},
        headers=headers,
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["progress_note"], body["overdue"], body["version"]) == (
        "done",
        "Đã tổ chức 2 lớp tập huấn CCHC.",
        False,
        2,
    )
    assert response.headers["ETag"] == f'"assignment-{assignment.id}-v2"'


def test_assignment_patch_without_if_match_is_428(
    client: TestClient, db: Session, auth: Auth
) -> None:
    task = seed_tasks(db, "lexa-17-2024")[1]
    assignment = _assignment(db, task.id, task.lead_agency_id)

    response = client.patch(
        f"{API}/assignments/{assignment.id}", json={"status": "done"}, headers=auth("lexa.officer")
    )

    assert response.status_code == 428


def test_assignment_patch_with_a_stale_etag_is_412(
    client: TestClient, db: Session, auth: Auth
) -> None:
    task = seed_tasks(db, "lexa-17-2024")[1]
    assignment = _assignment(db, task.id, task.lead_agency_id)
    headers = {**auth("lexa.officer"), "If-Match": f'"assignment-{assignment.id}-v7"'}

    response = client.patch(
        f"{API}/assignments/{assignment.id}", json={"status": "done"}, headers=headers
    )

    assert response.status_code == 412


def test_officer_of_another_post_cannot_update_the_assignment(
    client: TestClient, db: Session, auth: Auth
) -> None:
    task = seed_tasks(db, "lexa-17-2024")[6]  # led by the commune radio station
    assignment = _assignment(db, task.id, task.lead_agency_id)
    headers = {**auth("lexa.officer"), "If-Match": f'"assignment-{assignment.id}-v1"'}

    response = client.patch(
        f"{API}/assignments/{assignment.id}", json={"status": "done"}, headers=headers
    )

    assert response.status_code == 403


def test_commune_leader_updates_any_assignment_of_the_commune(
    client: TestClient, db: Session, auth: Auth
) -> None:
    task = seed_tasks(db, "lexa-17-2024")[6]
    assignment = _assignment(db, task.id, task.lead_agency_id)
    headers = {**auth("lexa.leader"), "If-Match": f'"assignment-{assignment.id}-v1"'}

    response = client.patch(
        f"{API}/assignments/{assignment.id}", json={"status": "in_progress"}, headers=headers
    )

    assert response.status_code == 200


def test_district_sees_but_cannot_update_the_communes_assignment(
    client: TestClient, db: Session, auth: Auth
) -> None:
    task = seed_tasks(db, "lexa-17-2024")[1]
    assignment = _assignment(db, task.id, task.lead_agency_id)
    headers = {**auth("tienlu.leader"), "If-Match": f'"assignment-{assignment.id}-v1"'}

    read = client.get(f"{API}/assignments/{assignment.id}", headers=auth("tienlu.leader"))
    write = client.patch(
        f"{API}/assignments/{assignment.id}", json={"status": "done"}, headers=headers
    )

    assert (read.status_code, write.status_code) == (200, 403)


def test_commune_officer_updates_the_task_given_to_the_whole_commune(
    client: TestClient, db: Session
) -> None:
    for_every_commune = seed_tasks(db, "songma-33-2019")[0]
    commune = db.exec(select(Assignment).where(Assignment.task_id == for_every_commune.id)).first()
    assert commune is not None
    headers = {
        **user_headers(db, commune.assignee_unit_id, "officer"),
        "If-Match": f'"assignment-{commune.id}-v1"',
    }

    response = client.patch(
        f"{API}/assignments/{commune.id}", json={"status": "done"}, headers=headers
    )

    assert response.status_code == 200


def test_assignment_of_a_closed_plan_is_not_updated(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan = seed_plan(db, "lexa-17-2024")
    task = seed_tasks(db, "lexa-17-2024")[1]
    assignment = _assignment(db, task.id, task.lead_agency_id)
    client.post(f"{API}/plans/{plan.id}/close", headers=auth("lexa.leader"))
    headers = {**auth("lexa.officer"), "If-Match": f'"assignment-{assignment.id}-v1"'}

    response = client.patch(
        f"{API}/assignments/{assignment.id}", json={"status": "done"}, headers=headers
    )

    assert response.status_code == 409


def test_portal_does_not_read_assignments(client: TestClient, auth: Auth) -> None:
    assert client.get(f"{API}/assignments", headers=auth("portal")).status_code == 403


def test_filters_by_assignee_unit_and_status(client: TestClient, db: Session, auth: Auth) -> None:
    le_xa = unit_id(db, "commune", "12352")

    body = client.get(
        f"{API}/assignments",
        params={"assignee_unit_id": le_xa, "status": "not_started", "limit": 200},
        headers=auth("lexa.officer"),
    ).json()

    assert len(body["items"]) == 10  # Lệ Xá's 7 leads and 3 coordinators


def test_daily_refresh_moves_a_passed_due_date_to_the_next_one(
    client: TestClient, db: Session, auth: Auth
) -> None:
    from app.plans.assignments.service import refresh_next_due

    radio = seed_tasks(db, "lexa-17-2024")[6].lead_agency_id
    draft = create_draft(
        client,
        auth("lexa.officer"),
        title="Phát thanh CCHC hàng tuần 2030",
        period_start="2030-01-01",
        period_end="2030-12-31",
    )
    task = add_task(
        client, auth("lexa.officer"), draft["id"], lead_agency_id=radio, recurrence="weekly"
    )
    # Lệ Xá issues only while it exists (until 30/6/2025): a long-range plan, issued early.
    issued = client.post(
        f"{API}/plans/{draft['id']}/issue",
        json={"number": 31, "issued_on": "2025-06-20"},
        headers=auth("lexa.leader"),
    )
    assert issued.status_code == 200, issued.text
    assignment = _assignment(db, task["id"])
    assert assignment.next_due_on == date(2030, 1, 7)

    # On 1 Dec 2030 the weeks end on 7 Jan + 7k: the next end on or after 1 Dec is 2 Dec.
    # (Other plans' stale rows move too, e.g. the demo's 2026 plan: its dates have all passed.)
    assert refresh_next_due(db, today=date(2030, 12, 1)) >= 1
    db.refresh(assignment)
    assert assignment.next_due_on == date(2030, 12, 2)
    assert refresh_next_due(db, today=date(2030, 12, 1)) == 0


def test_assignments_of_a_public_plan_stay_within_its_line(
    client: TestClient, db: Session, auth: Auth
) -> None:
    # Lệ Xá's 17/KH-UBND is public: Hà Nội reads the plan, not who does what in Lệ Xá.
    plan = seed_plan(db, "lexa-17-2024")
    assignment = _assignment(db, seed_tasks(db, "lexa-17-2024")[1].id)

    assert client.get(f"{API}/plans/{plan.id}", headers=auth("hanoi.officer")).status_code == 200
    hidden = client.get(f"{API}/assignments/{assignment.id}", headers=auth("hanoi.officer"))
    assert hidden.status_code == 404
    listed = client.get(
        f"{API}/assignments", params={"plan_id": plan.id}, headers=auth("hanoi.officer")
    ).json()
    assert listed["items"] == []
    district = client.get(f"{API}/assignments/{assignment.id}", headers=auth("tienlu.officer"))
    assert district.status_code == 200
