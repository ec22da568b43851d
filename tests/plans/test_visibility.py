"""Who reads and who changes a plan (DESIGN §4): 404 out of scope, 403 visible but not theirs."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.plans.plans.models import PlanStatus, Visibility
from tests.plans.factories import API, create_draft, etag, seed_plan

# These tests run the workflow of the seeds' (pre-2025) units as it was then.
pytestmark = pytest.mark.usefixtures("before_the_reform")

Auth = Callable[[str], dict[str, str]]


def _internal(db: Session, key: str) -> int:
    """Make a seed plan internal, so only the tree around its issuer sees it."""
    plan = seed_plan(db, key)
    plan.visibility = Visibility.internal
    db.add(plan)
    db.flush()
    assert plan.id is not None
    return plan.id


def test_commune_sees_the_district_plan_it_implements(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan_id = _internal(db, "tienlu-184-2023")

    response = client.get(f"{API}/plans/{plan_id}", headers=auth("lexa.officer"))

    assert response.status_code == 200
    assert response.json()["number_text"] == "184/KH-UBND"


def test_commune_cannot_edit_the_district_plan(client: TestClient, db: Session, auth: Auth) -> None:
    plan_id = _internal(db, "tienlu-184-2023")
    headers = {
        **auth("lexa.officer"),
        "If-Match": etag(client, auth("lexa.officer"), f"/plans/{plan_id}"),
    }

    response = client.patch(f"{API}/plans/{plan_id}", json={"place": "Lệ Xá"}, headers=headers)

    assert response.status_code == 403


def test_district_cannot_edit_its_communes_draft(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"))
    headers = {**auth("tienlu.officer"), "If-Match": draft["etag"]}

    response = client.patch(f"{API}/plans/{draft['id']}", json={"place": "Lệ Xá"}, headers=headers)

    assert response.status_code == 403


def test_district_reads_its_communes_draft(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"))

    response = client.get(f"{API}/plans/{draft['id']}", headers=auth("tienlu.officer"))

    assert response.status_code == 200


def test_commune_does_not_see_the_districts_draft(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("tienlu.officer"), title="Dự thảo kế hoạch CCHC 2025")

    response = client.get(f"{API}/plans/{draft['id']}", headers=auth("lexa.officer"))

    assert response.status_code == 404


def test_another_district_gets_404_for_an_internal_plan(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan_id = _internal(db, "lexa-17-2024")

    response = client.get(f"{API}/plans/{plan_id}", headers=auth("songma.officer"))

    assert response.status_code == 404


def test_another_district_reads_a_public_issued_plan(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan = seed_plan(db, "lexa-17-2024")

    response = client.get(f"{API}/plans/{plan.id}", headers=auth("songma.officer"))

    assert response.status_code == 200


def test_portal_reads_public_issued_plans_only(client: TestClient, db: Session, auth: Auth) -> None:
    public = seed_plan(db, "lexa-17-2024")
    draft = seed_plan(db, "trabong-2022-2025")

    assert client.get(f"{API}/plans/{public.id}", headers=auth("portal")).status_code == 200
    assert client.get(f"{API}/plans/{draft.id}", headers=auth("portal")).status_code == 404


def test_portal_list_holds_no_draft_and_no_internal_plan(client: TestClient, auth: Auth) -> None:
    items = client.get(f"{API}/plans", params={"limit": 200}, headers=auth("portal")).json()

    assert {(p["status"], p["visibility"]) for p in items["items"]} == {("issued", "public")}


def test_integration_account_reads_drafts_like_a_national_viewer(
    client: TestClient, db: Session, auth: Auth
) -> None:
    draft = seed_plan(db, "trabong-2022-2025")

    response = client.get(f"{API}/plans/{draft.id}", headers=auth("integration"))

    assert response.status_code == 200
    assert response.json()["status"] == PlanStatus.draft


def test_viewer_role_cannot_create_plans(client: TestClient, db: Session) -> None:
    from tests.authz.matrix import Ctx

    ctx = Ctx(db=db, client=client)
    body = {"title": "Kế hoạch thử", "period_start": "2024-01-01", "period_end": "2024-12-31"}

    response = client.post(f"{API}/plans", json=body, headers=ctx.headers("same", "viewer"))

    assert response.status_code == 403
