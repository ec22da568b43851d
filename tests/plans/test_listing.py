"""GET /plans: filters, tone-insensitive search, keyset pages, and a fixed number of statements."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.conftest import StatementCounter
from tests.helpers import unit_id
from tests.plans.factories import API, create_draft, seed_plan

# These tests run the workflow of the seeds' (pre-2025) units as it was then.
pytestmark = pytest.mark.usefixtures("before_the_reform")

Auth = Callable[[str], dict[str, str]]
ALL_SEED_TITLES = 9  # the seeds' eight and the demo's 2026 plan of Hưng Yên


def _numbers(client: TestClient, auth: Auth, user: str = "admin", **params: object) -> list[str]:
    response = client.get(f"{API}/plans", params={"limit": 200, **params}, headers=auth(user))
    assert response.status_code == 200, response.text
    return [p["number_text"] for p in response.json()["items"]]


def test_newest_issue_date_comes_first_and_drafts_last(client: TestClient, auth: Auth) -> None:
    assert _numbers(client, auth) == [
        "12/KH-UBND",  # 2026-01-15, Hưng Yên (today's tree)
        "17/KH-UBND",  # 2024-01-15
        "184/KH-UBND",  # 2023-12-28
        "24/KH-UBND",  # 2022-01-27
        "167/KH-UBND",  # 2021-12-30
        "145/KH-UBND",  # 2021-06-14
        "33/KH-UBND",  # 2019-01-11
        "…/KH-UBND",  # Trà Bồng's draft
        "…/KH-UBND",  # Đông Hòa's draft
    ]


def test_summary_carries_task_count_and_unit_name_but_no_tasks(
    client: TestClient, db: Session, auth: Auth
) -> None:
    trabong = seed_plan(db, "trabong-2022-2025")

    items = client.get(f"{API}/plans", params={"limit": 200}, headers=auth("admin")).json()
    summary = next(p for p in items["items"] if p["id"] == trabong.id)

    assert (summary["unit_name"], summary["task_count"]) == ("Huyện Trà Bồng", 12)
    assert "tasks" not in summary


def test_q_ignores_tone_marks(client: TestClient, auth: Auth) -> None:
    assert _numbers(client, auth, q="tuyen truyen cai cach hanh chinh xa le xa") == ["17/KH-UBND"]


def test_q_tuyen_truyen_finds_the_le_xa_plan(client: TestClient, db: Session, auth: Auth) -> None:
    lexa = seed_plan(db, "lexa-17-2024")

    response = client.get(
        f"{API}/plans", params={"q": "tuyen truyen", "limit": 200}, headers=auth("lexa.officer")
    )

    assert lexa.id in [p["id"] for p in response.json()["items"]]


def test_year_keeps_plans_whose_period_overlaps_it(client: TestClient, auth: Auth) -> None:
    # 2024: Lệ Xá's year, Tiên Lữ's 2024 plan, the 2021–2025 plans of Tiên Lữ and Hà Nội,
    # Trà Bồng's 2022–2025 draft.
    assert _numbers(client, auth, year=2024) == [
        "17/KH-UBND",
        "184/KH-UBND",
        "167/KH-UBND",
        "145/KH-UBND",
        "…/KH-UBND",
    ]


def test_status_filter(client: TestClient, auth: Auth) -> None:
    assert _numbers(client, auth, status="draft") == ["…/KH-UBND", "…/KH-UBND"]


def test_topic_filter_includes_the_topics_below_it(
    client: TestClient, db: Session, auth: Auth
) -> None:
    # Only Trà Bồng's plan names the PAPI dimensions; Sông Mã's names "index.papi" itself.
    trabong = seed_plan(db, "trabong-2022-2025")
    songma = seed_plan(db, "songma-33-2019")

    response = client.get(
        f"{API}/plans", params={"topic": "index.papi", "limit": 200}, headers=auth("admin")
    )

    assert [p["id"] for p in response.json()["items"]] == [songma.id, trabong.id]


def test_parent_plan_filter(client: TestClient, db: Session, auth: Auth) -> None:
    parent = seed_plan(db, "tienlu-184-2023")

    assert _numbers(client, auth, parent_plan_id=parent.id) == ["17/KH-UBND"]


def test_unit_filter_with_and_without_subtree(client: TestClient, db: Session, auth: Auth) -> None:
    tien_lu = unit_id(db, "district", "332")

    assert _numbers(client, auth, unit_id=tien_lu) == ["184/KH-UBND", "167/KH-UBND"]
    assert _numbers(client, auth, unit_id=tien_lu, include_subtree=True) == [
        "17/KH-UBND",
        "184/KH-UBND",
        "167/KH-UBND",
    ]


def test_commune_lists_its_own_and_its_districts_plans_and_public_ones(
    client: TestClient, auth: Auth
) -> None:
    create_draft(client, auth("tienlu.officer"), title="Dự thảo kế hoạch CCHC 2025")

    numbers = _numbers(client, auth, "lexa.officer")

    assert numbers == [
        "12/KH-UBND",  # public: Hưng Yên's 2026 plan
        "17/KH-UBND",
        "184/KH-UBND",
        "24/KH-UBND",
        "167/KH-UBND",
        "145/KH-UBND",
        "33/KH-UBND",
    ]


def test_keyset_pages_cover_every_plan_once(client: TestClient, auth: Auth) -> None:
    seen: list[int] = []
    cursor = None
    while True:
        params: dict[str, object] = {"limit": 3}
        if cursor:
            params["cursor"] = cursor
        page = client.get(f"{API}/plans", params=params, headers=auth("admin")).json()
        seen += [p["id"] for p in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert len(seen) == ALL_SEED_TITLES
    assert len(set(seen)) == ALL_SEED_TITLES


def test_tampered_cursor_is_422(client: TestClient, auth: Auth) -> None:
    response = client.get(
        f"{API}/plans", params={"cursor": "bm90LWEtY3Vyc29y"}, headers=auth("admin")
    )

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["query.cursor"]


def _count(
    client: TestClient,
    counter: StatementCounter,
    path: str,
    headers: dict[str, str],
    **params: object,
) -> int:
    before = counter.count
    response = client.get(f"{API}{path}", params=params, headers=headers)
    assert response.status_code == 200
    return counter.count - before


def test_list_costs_the_same_statements_for_5_and_200_plans(
    client: TestClient, auth: Auth, count_statements: StatementCounter
) -> None:
    for user in ("admin", "lexa.officer"):
        headers = auth(user)
        _count(client, count_statements, "/plans", headers, limit=1)  # the session's savepoint
        small = _count(client, count_statements, "/plans", headers, limit=5)
        large = _count(client, count_statements, "/plans", headers, limit=200)
        assert small == large, user


def test_detail_costs_the_same_statements_with_12_tasks_as_with_7(
    client: TestClient, db: Session, auth: Auth, count_statements: StatementCounter
) -> None:
    headers = auth("admin")
    trabong = seed_plan(db, "trabong-2022-2025")  # 12 tasks
    lexa = seed_plan(db, "lexa-17-2024")  # 7 tasks
    _count(client, count_statements, "/plans", headers, limit=1)  # the session's savepoint

    many = _count(client, count_statements, f"/plans/{trabong.id}", headers)
    fewer = _count(client, count_statements, f"/plans/{lexa.id}", headers)

    assert many == fewer


def test_unknown_topic_filter_is_422(client: TestClient, auth: Auth) -> None:
    response = client.get(f"{API}/plans", params={"topic": "index.xyz"}, headers=auth("admin"))

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["query.topic"]


def test_two_communes_of_one_shape_each_list_their_own_scope(
    client: TestClient, auth: Auth
) -> None:
    """The list statement is built once per shape of caller and filters and bound per request:
    a commune's draft stays its own whichever commune listed first."""
    lexa_draft = create_draft(client, auth("lexa.officer"), title="Dự thảo riêng của xã Lệ Xá")
    trabong_draft = create_draft(
        client, auth("trabong.officer"), title="Dự thảo riêng của huyện Trà Bồng"
    )

    def ids(user: str) -> set[int]:
        response = client.get(f"{API}/plans", params={"limit": 200}, headers=auth(user))
        assert response.status_code == 200, response.text
        return {p["id"] for p in response.json()["items"]}

    for _ in range(2):  # first request of the shape, then the shared statement
        lexa, trabong = ids("lexa.officer"), ids("trabong.officer")
        assert lexa_draft["id"] in lexa and trabong_draft["id"] not in lexa
        assert trabong_draft["id"] in trabong and lexa_draft["id"] not in trabong


def test_a_shared_statement_must_bind_every_named_parameter() -> None:
    from sqlalchemy import bindparam, select

    from app.core.statements import shaped
    from app.plans.plans.models import Plan

    def build() -> object:
        return select(Plan.id).where(Plan.unit_id == bindparam("unit_id"))

    with pytest.raises(RuntimeError, match="unit_id"):
        shaped(("test", "unbound"), build, {})  # type: ignore[arg-type]
