"""Decree 09 and calendar periods at year boundaries, deadlines by both rules, lateness in
Vietnam's calendar day."""

from collections.abc import Callable
from datetime import UTC, date, datetime
from itertools import pairwise

import pytest
from fastapi.testclient import TestClient

from app.reports.periods import (
    Deadline,
    DeadlineRule,
    Frequency,
    PeriodRule,
    days_late,
    make_period,
    parse_period_key,
    periods_of_year,
)

FIVE_DAYS = Deadline(DeadlineRule.days_after, days=5)
D09, CAL = PeriodRule.decree09, PeriodRule.calendar


@pytest.mark.parametrize(
    ("frequency", "rule", "index", "key", "start", "end"),
    [
        (Frequency.monthly, D09, 1, "2024-M01", date(2023, 12, 15), date(2024, 1, 14)),
        (Frequency.monthly, D09, 12, "2024-M12", date(2024, 11, 15), date(2024, 12, 14)),
        (Frequency.monthly, CAL, 1, "2024-M01", date(2024, 1, 1), date(2024, 1, 31)),
        (Frequency.monthly, CAL, 2, "2024-M02", date(2024, 2, 1), date(2024, 2, 29)),
        (Frequency.monthly, CAL, 12, "2024-M12", date(2024, 12, 1), date(2024, 12, 31)),
        (Frequency.quarterly, D09, 1, "2024-Q1", date(2023, 12, 15), date(2024, 3, 14)),
        (Frequency.quarterly, D09, 4, "2024-Q4", date(2024, 9, 15), date(2024, 12, 14)),
        (Frequency.quarterly, CAL, 1, "2024-Q1", date(2024, 1, 1), date(2024, 3, 31)),
        (Frequency.quarterly, CAL, 4, "2024-Q4", date(2024, 10, 1), date(2024, 12, 31)),
        (Frequency.semiannual, D09, 1, "2024-H1", date(2023, 12, 15), date(2024, 6, 14)),
        (Frequency.semiannual, D09, 2, "2024-H2", date(2024, 6, 15), date(2024, 12, 14)),
        (Frequency.semiannual, CAL, 1, "2024-H1", date(2024, 1, 1), date(2024, 6, 30)),
        (Frequency.semiannual, CAL, 2, "2024-H2", date(2024, 7, 1), date(2024, 12, 31)),
        (Frequency.annual, D09, 1, "2024", date(2023, 12, 15), date(2024, 12, 14)),
        (Frequency.annual, CAL, 1, "2024", date(2024, 1, 1), date(2024, 12, 31)),
    ],
)
def test_period_bounds_at_year_boundaries(
    frequency: Frequency, rule: PeriodRule, index: int, key: str, start: date, end: date
) -> None:
    period = make_period(frequency, rule, FIVE_DAYS, 2024, index)
    assert (period.key, period.start, period.end) == (key, start, end)


@pytest.mark.parametrize(
    "frequency", [Frequency.monthly, Frequency.quarterly, Frequency.semiannual]
)
@pytest.mark.parametrize("rule", [D09, CAL])
def test_periods_of_a_year_tile_it_without_gap_or_overlap(
    frequency: Frequency, rule: PeriodRule
) -> None:
    periods = periods_of_year(frequency, rule, FIVE_DAYS, 2025)
    annual = make_period(Frequency.annual, rule, FIVE_DAYS, 2025, 1)
    assert periods[0].start == annual.start and periods[-1].end == annual.end
    for before, after in pairwise(periods):
        assert (after.start - before.end).days == 1
    following = periods_of_year(frequency, rule, FIVE_DAYS, 2026)[0]
    assert (following.start - periods[-1].end).days == 1


def test_days_after_deadline_crosses_into_the_next_year() -> None:
    q4 = make_period(Frequency.quarterly, CAL, Deadline(DeadlineRule.days_after, days=10), 2024, 4)
    assert q4.deadline == date(2025, 1, 10)
    d09 = make_period(Frequency.annual, D09, Deadline(DeadlineRule.days_after, days=20), 2024, 1)
    assert d09.deadline == date(2025, 1, 3)


def test_fixed_annual_deadline_may_fall_before_the_decree09_cutoff() -> None:
    """Trà Bồng's annual report: before 25/11, three weeks before the 14/12 cut-off."""
    deadline = Deadline(DeadlineRule.fixed_day, day=25, month=11)
    annual = make_period(Frequency.annual, D09, deadline, 2024, 1)
    assert (annual.end, annual.deadline) == (date(2024, 12, 14), date(2024, 11, 25))


def test_fixed_day_of_the_last_month_for_shorter_periods() -> None:
    deadline = Deadline(DeadlineRule.fixed_day, day=31)
    q1 = make_period(Frequency.quarterly, D09, deadline, 2024, 1)
    assert q1.deadline == date(2024, 3, 31)
    feb = make_period(Frequency.monthly, CAL, deadline, 2023, 2)
    assert feb.deadline == date(2023, 2, 28)


def test_reports_on_request_have_no_periods() -> None:
    assert periods_of_year(Frequency.on_request, D09, FIVE_DAYS, 2024) == []


@pytest.mark.parametrize(
    ("key", "parsed"),
    [
        ("2024", (Frequency.annual, 2024, 1)),
        ("2024-H2", (Frequency.semiannual, 2024, 2)),
        ("2024-Q4", (Frequency.quarterly, 2024, 4)),
        ("2024-M12", (Frequency.monthly, 2024, 12)),
        ("2024-Q5", None),
        ("2024-M1", None),
        ("2024-M13", None),
        ("1999", None),
        ("2024-X1", None),
    ],
)
def test_period_keys_parse(key: str, parsed: tuple[Frequency, int, int] | None) -> None:
    assert parse_period_key(key) == parsed


def test_submission_at_2330_vietnam_time_on_the_deadline_day_is_on_time() -> None:
    deadline = date(2024, 3, 19)
    at_2330_vn = datetime(2024, 3, 19, 16, 30, tzinfo=UTC)
    assert days_late(deadline, at_2330_vn) == 0
    just_after_midnight_vn = datetime(2024, 3, 19, 17, 0, tzinfo=UTC)
    assert days_late(deadline, just_after_midnight_vn) == 1


def test_period_list_route(client: TestClient, auth: Callable[[str], dict[str, str]]) -> None:
    response = client.get(
        "/api/v1/report-periods",
        params={
            "frequency": "annual",
            "year": 2024,
            "deadline_rule": "fixed_day",
            "deadline_day": 25,
            "deadline_month": 11,
        },
        headers=auth("lexa.officer"),
    )
    assert response.status_code == 200, response.text
    assert response.json()["items"] == [
        {
            "key": "2024",
            "frequency": "annual",
            "year": 2024,
            "index": 1,
            "start": "2023-12-15",
            "end": "2024-12-14",
            "deadline": "2024-11-25",
        }
    ]


def test_period_list_names_the_missing_deadline_field(
    client: TestClient, auth: Callable[[str], dict[str, str]]
) -> None:
    response = client.get(
        "/api/v1/report-periods",
        params={"frequency": "quarterly", "year": 2024},
        headers=auth("lexa.officer"),
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "query.deadline_days"
