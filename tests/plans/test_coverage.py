"""GET /plans/{id}/implementation: which subordinate units have issued a plan implementing it."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.plans.plans.models import Visibility
from tests.helpers import unit_id
from tests.plans.factories import API, create_draft, seed_plan, user_headers

# These tests run the workflow of the seeds' (pre-2025) units as it was then.
pytestmark = pytest.mark.usefixtures("before_the_reform")

Auth = Callable[[str], dict[str, str]]


def test_tien_lu_184_is_implemented_by_le_xa_one_of_its_11_communes(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan = seed_plan(db, "tienlu-184-2023")
    lexa = seed_plan(db, "lexa-17-2024")

    body = client.get(f"{API}/plans/{plan.id}/implementation", headers=auth("tienlu.officer"))

    result = body.json()
    assert (result["total_units"], result["implemented_units"], result["percentage"]) == (
        11,
        1,
        9.1,
    )
    assert [
        (u["unit_name"], [p["number_text"] for p in u["plans"]]) for u in result["implemented"]
    ] == [("Xã Lệ Xá", ["17/KH-UBND"])]
    assert result["implemented"][0]["plans"][0]["id"] == lexa.id
    assert len(result["missing"]) == 10
    assert "Xã Lệ Xá" not in [u["unit_name"] for u in result["missing"]]


def test_ha_noi_145_counts_the_citys_30_districts(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan = seed_plan(db, "hanoi-145-2021")

    result = client.get(
        f"{API}/plans/{plan.id}/implementation", headers=auth("hanoi.officer")
    ).json()

    assert (result["as_of"], result["total_units"], result["percentage"]) == ("2021-06-14", 30, 0.0)


def test_a_draft_implementing_plan_does_not_count(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan = seed_plan(db, "tienlu-184-2023")
    lexa = seed_plan(db, "lexa-17-2024")
    lexa.parent_plan_id = None
    db.add(lexa)
    db.flush()
    create_draft(client, auth("lexa.officer"), parent_plan_id=plan.id, title="Dự thảo 2024")

    result = client.get(
        f"{API}/plans/{plan.id}/implementation", headers=auth("tienlu.officer")
    ).json()

    assert (result["implemented_units"], result["percentage"]) == (0, 0.0)


def test_implementing_plan_the_caller_cannot_read_counts_but_is_not_shown(
    client: TestClient, db: Session
) -> None:
    plan = seed_plan(db, "tienlu-184-2023")
    lexa = seed_plan(db, "lexa-17-2024")
    lexa.visibility = Visibility.internal
    db.add(lexa)
    db.flush()
    phu_cu = user_headers(db, unit_id(db, "district", "333"), "officer")

    result = client.get(f"{API}/plans/{plan.id}/implementation", headers=phu_cu).json()

    assert result["implemented_units"] == 1
    assert [(u["unit_name"], u["plans"]) for u in result["implemented"]] == [("Xã Lệ Xá", [])]
