"""An assignment's full schedule, page by page, and the bound on how long a plan period may be."""

from collections.abc import Callable
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.plans.assignments.models import Assignment
from app.plans.recurrence import Recurrence, Schedule, period_problem
from tests.plans.factories import API, create_draft, seed_tasks

# These tests run the workflow of the seeds' (pre-2025) units as it was then.
pytestmark = pytest.mark.usefixtures("before_the_reform")

Auth = Callable[[str], dict[str, str]]


def _song_ma_weekly_assignment(db: Session) -> int:
    weekly = seed_tasks(db, "songma-33-2019")[1]
    assignment_id = db.exec(
        select(Assignment.id).where(Assignment.task_id == weekly.id).order_by(col(Assignment.id))
    ).first()
    assert assignment_id is not None
    return assignment_id


def test_weekly_schedule_of_2019_comes_in_pages_without_overlap(
    client: TestClient, db: Session, auth: Auth
) -> None:
    path = f"{API}/assignments/{_song_ma_weekly_assignment(db)}/due-dates"
    headers = auth("songma.officer")
    pages, cursor = [], None
    while True:
        params: dict[str, str | int] = {"limit": 20, **({"cursor": cursor} if cursor else {})}
        page = client.get(path, params=params, headers=headers).json()
        pages.append(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break

    items = [item for page in pages for item in page]
    assert [len(page) for page in pages] == [20, 20, 12]
    assert [item["number"] for item in items] == list(range(1, 53))
    assert (items[0]["due_on"], items[-1]["due_on"]) == ("2019-01-07", "2019-12-30")


def test_schedule_from_a_day_starts_at_the_next_due_date_with_its_number(
    client: TestClient, db: Session, auth: Auth
) -> None:
    response = client.get(
        f"{API}/assignments/{_song_ma_weekly_assignment(db)}/due-dates",
        params={"on_or_after": "2019-06-01", "limit": 2},
        headers=auth("songma.officer"),
    )

    assert response.json()["items"] == [
        {"number": 22, "due_on": "2019-06-03"},
        {"number": 23, "due_on": "2019-06-10"},
    ]


def test_schedule_is_hidden_where_the_assignment_is(
    client: TestClient, db: Session, auth: Auth
) -> None:
    path = f"{API}/assignments/{_song_ma_weekly_assignment(db)}/due-dates"

    response = client.get(path, headers=auth("hanoi.officer"))

    assert (response.status_code, response.json()["code"]) == (404, "not_found")


def test_schedule_with_a_tampered_cursor_is_422_naming_the_cursor(
    client: TestClient, db: Session, auth: Auth
) -> None:
    path = f"{API}/assignments/{_song_ma_weekly_assignment(db)}/due-dates"
    forged = "WyJub3QtYS1kYXRlIl0"  # ["not-a-date"]

    response = client.get(path, params={"cursor": forged}, headers=auth("songma.officer"))

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["query.cursor"]


def test_weekly_task_over_ten_years_counts_521_due_dates() -> None:
    schedule = Schedule(Recurrence.weekly, date(2021, 1, 1), date(2030, 12, 31))

    assert (schedule.count(), schedule.first(), schedule.last()) == (
        521,
        date(2021, 1, 7),
        date(2030, 12, 26),
    )


def test_monthly_count_through_a_day_is_that_day_s_number() -> None:
    schedule = Schedule(Recurrence.monthly, date(2021, 1, 1), date(2025, 12, 31))

    assert (schedule.count(), schedule.count(through=date(2023, 3, 31))) == (60, 27)


def test_quarterly_last_due_date_is_the_last_quarter_end_inside_the_range() -> None:
    schedule = Schedule(Recurrence.quarterly, date(2024, 2, 1), date(2025, 8, 15))

    assert (schedule.count(), schedule.last()) == (6, date(2025, 6, 30))


def test_schedule_of_the_longest_representable_range_is_read_at_once() -> None:
    # Plans created before the period bound may span anything; reading them stays cheap.
    schedule = Schedule(Recurrence.weekly, date(1, 1, 1), date(9999, 12, 31))

    assert (schedule.count(), schedule.next_due(date(2024, 1, 1))) == (521722, date(2024, 1, 7))


def test_ten_year_period_is_accepted() -> None:
    assert period_problem(date(2021, 1, 1), date(2030, 12, 31)) is None


def test_period_one_day_longer_than_ten_years_is_refused() -> None:
    assert period_problem(date(2021, 1, 1), date(2031, 1, 1)) == (
        "Kỳ kế hoạch dài tối đa 10 năm: với ngày bắt đầu 01/01/2021, ngày kết thúc muộn nhất là "
        "31/12/2030."
    )


def test_plan_from_year_1_to_9999_is_422_naming_the_period_end(
    client: TestClient, auth: Auth
) -> None:
    response = client.post(
        f"{API}/plans",
        json={"title": "Kế hoạch vô hạn", "period_start": "0001-01-01", "period_end": "9999-12-31"},
        headers=auth("lexa.officer"),
    )

    assert response.status_code == 422
    assert [(e["field"], e["type"]) for e in response.json()["errors"]] == [
        ("body.period_end", "value_error")
    ]


def test_draft_period_stretched_beyond_ten_years_is_422(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"))

    response = client.patch(
        f"{API}/plans/{draft['id']}",
        json={"period_end": "2040-12-31"},
        headers={**auth("lexa.officer"), "If-Match": draft["etag"]},
    )

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.period_end"]
