"""Issuing, closing and amending: who may, and what each step does."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from app.plans.assignments.models import Assignment
from tests.plans.factories import API, add_task, create_draft, etag, seed_plan

# These tests run the workflow of the seeds' (pre-2025) units as it was then.
pytestmark = pytest.mark.usefixtures("before_the_reform")

Auth = Callable[[str], dict[str, str]]
ISSUE_17 = {"number": 17, "issued_on": "2024-01-15", "signer_name": "Nguyễn Bá Tâm"}


def test_officer_cannot_issue_a_plan(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"))

    response = client.post(
        f"{API}/plans/{draft['id']}/issue", json=ISSUE_17, headers=auth("lexa.officer")
    )

    assert response.status_code == 403


def test_leader_issues_a_draft_with_number_date_and_signer(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"), title="Kế hoạch tuyên truyền CCHC quý II")

    response = client.post(
        f"{API}/plans/{draft['id']}/issue",
        json={"number": 18, "issued_on": "2024-04-02"},
        headers=auth("lexa.leader"),
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["number_text"], body["issued_on"], body["signer_name"]) == (
        "issued",
        "18/KH-UBND",
        "2024-04-02",
        "Nguyễn Bá Tâm",
    )
    assert response.headers["ETag"] == f'"plan-{draft["id"]}-v2"'


def test_number_already_used_that_year_is_409(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"))

    response = client.post(
        f"{API}/plans/{draft['id']}/issue", json=ISSUE_17, headers=auth("lexa.leader")
    )

    assert response.status_code == 409
    problem = response.json()
    assert problem["code"] == "plan_number_taken"
    assert problem["detail"].startswith("Số 17/KH-UBND năm 2024 đã được dùng cho kế hoạch")


def test_same_number_in_another_year_is_accepted(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"))

    response = client.post(
        f"{API}/plans/{draft['id']}/issue",
        json={**ISSUE_17, "issued_on": "2025-01-10"},
        headers=auth("lexa.leader"),
    )

    assert response.status_code == 200


def test_issuing_without_a_signer_is_422(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"), signer_name=None)

    response = client.post(
        f"{API}/plans/{draft['id']}/issue",
        json={"number": 18, "issued_on": "2024-04-02"},
        headers=auth("lexa.leader"),
    )

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.signer_name"]


def test_district_leader_cannot_issue_a_commune_plan(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"))

    response = client.post(
        f"{API}/plans/{draft['id']}/issue", json=ISSUE_17, headers=auth("tienlu.leader")
    )

    assert response.status_code == 403


def test_issued_plan_is_not_issued_again(client: TestClient, db: Session, auth: Auth) -> None:
    plan = seed_plan(db, "lexa-17-2024")

    response = client.post(
        f"{API}/plans/{plan.id}/issue", json=ISSUE_17, headers=auth("lexa.leader")
    )

    assert response.status_code == 409


def test_issue_with_a_stale_if_match_is_412(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"))
    headers = {**auth("lexa.leader"), "If-Match": '"plan-1-v99"'}

    response = client.post(f"{API}/plans/{draft['id']}/issue", json=ISSUE_17, headers=headers)

    assert response.status_code == 412


def test_issuing_fans_out_lead_and_coordinating_assignments(
    client: TestClient, db: Session, auth: Auth
) -> None:
    le_xa = seed_plan(db, "lexa-17-2024")
    tasks = client.get(f"{API}/plans/{le_xa.id}/tasks", headers=auth("lexa.officer")).json()[
        "items"
    ]
    radio, vp_tk = tasks[6]["lead_agency"]["id"], tasks[1]["lead_agency"]["id"]
    draft = create_draft(client, auth("lexa.officer"), title="Kế hoạch tuyên truyền quý II")
    add_task(
        client,
        auth("lexa.officer"),
        draft["id"],
        lead_agency_id=radio,
        coordinator_agency_ids=[vp_tk],
        recurrence="weekly",
    )

    client.post(
        f"{API}/plans/{draft['id']}/issue",
        json={"number": 18, "issued_on": "2024-04-02"},
        headers=auth("lexa.leader"),
    )

    rows = db.exec(
        select(Assignment.assignee_agency_id, Assignment.role).where(
            Assignment.plan_id == draft["id"]
        )
    ).all()
    assert sorted((a, r.value) for a, r in rows) == sorted([(radio, "lead"), (vp_tk, "coordinate")])


def test_leader_closes_an_issued_plan(client: TestClient, db: Session, auth: Auth) -> None:
    plan = seed_plan(db, "lexa-17-2024")

    response = client.post(f"{API}/plans/{plan.id}/close", headers=auth("lexa.leader"))

    assert response.status_code == 200
    assert response.json()["status"] == "closed"


def test_draft_cannot_be_closed(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"))

    response = client.post(f"{API}/plans/{draft['id']}/close", headers=auth("lexa.leader"))

    assert response.status_code == 409


def test_amending_copies_the_plan_and_its_tasks_into_a_draft(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan = seed_plan(db, "lexa-17-2024")

    response = client.post(f"{API}/plans/{plan.id}/amend", headers=auth("lexa.officer"))

    assert response.status_code == 201
    amendment = response.json()
    assert (amendment["status"], amendment["supersedes_id"], amendment["number"]) == (
        "draft",
        plan.id,
        None,
    )
    assert amendment["title"] == "Tuyên truyền cải cách hành chính xã Lệ Xá năm 2024"
    assert [t["ordinal"] for t in amendment["tasks"]] == ["1", "2", "3", "4", "5", "6", "7"]


def test_second_open_amendment_is_409(client: TestClient, db: Session, auth: Auth) -> None:
    plan = seed_plan(db, "lexa-17-2024")
    client.post(f"{API}/plans/{plan.id}/amend", headers=auth("lexa.officer"))

    again = client.post(f"{API}/plans/{plan.id}/amend", headers=auth("lexa.officer"))

    assert again.status_code == 409
    assert again.json()["code"] == "amendment_exists"


def test_issuing_an_amendment_closes_the_plan_it_supersedes(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan = seed_plan(db, "lexa-17-2024")
    amendment = client.post(f"{API}/plans/{plan.id}/amend", headers=auth("lexa.officer")).json()

    client.post(
        f"{API}/plans/{amendment['id']}/issue",
        json={"number": 42, "issued_on": "2024-06-20"},
        headers=auth("lexa.leader"),
    )

    old = client.get(f"{API}/plans/{plan.id}", headers=auth("lexa.officer")).json()
    assert (old["status"], old["superseded_by_id"]) == ("closed", amendment["id"])
    fanned = db.exec(
        select(func.count()).select_from(Assignment).where(Assignment.plan_id == amendment["id"])
    ).one()
    assert fanned == 10  # 7 leads and 3 coordinators, as for the original


def test_issued_plan_etag_changes_when_it_is_closed(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan = seed_plan(db, "lexa-17-2024")
    before = etag(client, auth("lexa.officer"), f"/plans/{plan.id}")

    client.post(f"{API}/plans/{plan.id}/close", headers=auth("lexa.leader"))

    assert etag(client, auth("lexa.officer"), f"/plans/{plan.id}") != before
