"""Due dates of recurring tasks and overdue judged on Hanoi's calendar."""

import unicodedata
from datetime import UTC, date, datetime

import pytest

from app.plans.recurrence import (
    Recurrence,
    Schedule,
    due_on_from_text,
    is_overdue,
    recurrence_from_text,
)

YEAR_START, YEAR_END = date(2024, 1, 1), date(2024, 12, 31)


def due_dates(
    recurrence: Recurrence, start: date, end: date, due_on: date | None = None
) -> list[date]:
    return list(Schedule(recurrence, start, end, due_on).dates())


def test_recurrence_values_equal_their_names() -> None:
    assert [(r.name, r.value) for r in Recurrence] == [
        ("once", "once"),
        ("daily", "daily"),
        ("weekly", "weekly"),
        ("monthly", "monthly"),
        ("quarterly", "quarterly"),
        ("semiannual", "semiannual"),
        ("annual", "annual"),
        ("continuous", "continuous"),
    ]


def test_daily_over_2024_falls_due_every_day_of_the_leap_year() -> None:
    dates = due_dates(Recurrence.daily, YEAR_START, YEAR_END)

    assert (len(dates), dates[0], dates[1], dates[-1]) == (
        366,
        date(2024, 1, 1),
        date(2024, 1, 2),
        date(2024, 12, 31),
    )


def test_weekly_over_2024_falls_due_52_times() -> None:
    dates = due_dates(Recurrence.weekly, YEAR_START, YEAR_END)

    assert (len(dates), dates[0], dates[1], dates[-1]) == (
        52,
        date(2024, 1, 7),
        date(2024, 1, 14),
        date(2024, 12, 29),
    )


def test_weekly_ignores_an_unfinished_last_week() -> None:
    assert due_dates(Recurrence.weekly, date(2024, 1, 1), date(2024, 1, 13)) == [date(2024, 1, 7)]


def test_weekly_counts_a_week_that_ends_on_the_last_day() -> None:
    assert due_dates(Recurrence.weekly, date(2024, 1, 1), date(2024, 1, 14)) == [
        date(2024, 1, 7),
        date(2024, 1, 14),
    ]


def test_weekly_range_shorter_than_a_week_has_no_due_date() -> None:
    assert due_dates(Recurrence.weekly, date(2024, 1, 1), date(2024, 1, 6)) == []


def test_monthly_in_a_leap_year_ends_february_on_the_29th() -> None:
    assert due_dates(Recurrence.monthly, YEAR_START, YEAR_END) == [
        date(2024, 1, 31),
        date(2024, 2, 29),
        date(2024, 3, 31),
        date(2024, 4, 30),
        date(2024, 5, 31),
        date(2024, 6, 30),
        date(2024, 7, 31),
        date(2024, 8, 31),
        date(2024, 9, 30),
        date(2024, 10, 31),
        date(2024, 11, 30),
        date(2024, 12, 31),
    ]


def test_monthly_in_a_common_year_ends_february_on_the_28th() -> None:
    dates = due_dates(Recurrence.monthly, date(2023, 1, 1), date(2023, 12, 31))

    assert dates[1] == date(2023, 2, 28)


def test_monthly_over_a_partial_range_keeps_month_ends_inside_it() -> None:
    assert due_dates(Recurrence.monthly, date(2024, 1, 15), date(2024, 3, 15)) == [
        date(2024, 1, 31),
        date(2024, 2, 29),
    ]


def test_quarterly_over_a_calendar_year() -> None:
    assert due_dates(Recurrence.quarterly, YEAR_START, YEAR_END) == [
        date(2024, 3, 31),
        date(2024, 6, 30),
        date(2024, 9, 30),
        date(2024, 12, 31),
    ]


def test_quarterly_over_a_partial_range() -> None:
    assert due_dates(Recurrence.quarterly, date(2024, 2, 1), date(2024, 8, 15)) == [
        date(2024, 3, 31),
        date(2024, 6, 30),
    ]


def test_semiannual_over_a_calendar_year() -> None:
    assert due_dates(Recurrence.semiannual, YEAR_START, YEAR_END) == [
        date(2024, 6, 30),
        date(2024, 12, 31),
    ]


def test_annual_over_the_trabong_period() -> None:
    assert due_dates(Recurrence.annual, date(2022, 1, 1), date(2025, 12, 31)) == [
        date(2022, 12, 31),
        date(2023, 12, 31),
        date(2024, 12, 31),
        date(2025, 12, 31),
    ]


def test_annual_skips_a_year_end_outside_the_range() -> None:
    assert due_dates(Recurrence.annual, date(2022, 8, 1), date(2025, 6, 30)) == [
        date(2022, 12, 31),
        date(2023, 12, 31),
        date(2024, 12, 31),
    ]


def test_once_falls_due_on_its_due_date() -> None:
    assert due_dates(Recurrence.once, YEAR_START, YEAR_END, date(2024, 5, 19)) == [
        date(2024, 5, 19)
    ]


def test_once_without_due_date_falls_due_at_the_end() -> None:
    assert due_dates(Recurrence.once, date(2019, 1, 1), date(2019, 12, 31)) == [date(2019, 12, 31)]


def test_continuous_reports_at_the_end() -> None:
    assert due_dates(Recurrence.continuous, YEAR_START, YEAR_END) == [YEAR_END]


def test_end_before_start_is_rejected() -> None:
    with pytest.raises(ValueError):
        due_dates(Recurrence.monthly, date(2024, 2, 1), date(2024, 1, 31))


def test_next_due_is_today_when_due_today() -> None:
    schedule = Schedule(Recurrence.monthly, YEAR_START, YEAR_END)

    assert schedule.next_due(date(2024, 2, 29)) == date(2024, 2, 29)


def test_next_due_is_the_following_date() -> None:
    schedule = Schedule(Recurrence.monthly, YEAR_START, YEAR_END)

    assert schedule.next_due(date(2024, 3, 1)) == date(2024, 3, 31)


def test_a_daily_schedule_counts_and_pages_without_expanding() -> None:
    # Lệ Xá's radio airs every day: 366 due dates in 2024, never a list of them.
    schedule = Schedule(Recurrence.daily, YEAR_START, YEAR_END)

    assert (schedule.count(), schedule.count(date(2024, 3, 5)), schedule.last()) == (
        366,
        65,
        YEAR_END,
    )
    assert schedule.upcoming(date(2024, 12, 30), 5) == [date(2024, 12, 30), YEAR_END]


def test_next_due_after_the_last_date_is_none() -> None:
    schedule = Schedule(Recurrence.quarterly, YEAR_START, YEAR_END)

    assert schedule.next_due(date(2025, 1, 1)) is None


def test_overdue_once_hanoi_has_passed_midnight() -> None:
    # 17:30 UTC on 31 March is 00:30 on 1 April in Hanoi (UTC+7).
    assert is_overdue(date(2024, 3, 31), False, datetime(2024, 3, 31, 17, 30, tzinfo=UTC))


def test_not_overdue_in_the_last_minute_of_the_day_in_hanoi() -> None:
    assert not is_overdue(date(2024, 3, 31), False, datetime(2024, 3, 31, 16, 59, tzinfo=UTC))


def test_done_task_is_never_overdue() -> None:
    assert not is_overdue(date(2024, 3, 31), True, datetime(2024, 6, 1, tzinfo=UTC))


def test_task_without_due_date_is_never_overdue() -> None:
    assert not is_overdue(None, False, datetime(2024, 6, 1, tzinfo=UTC))


def test_naive_instant_is_rejected() -> None:
    with pytest.raises(ValueError):
        is_overdue(date(2024, 3, 31), False, datetime(2024, 4, 2))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hàng tuần", Recurrence.weekly),
        ("Hàng tuần.", Recurrence.weekly),
        ("Hàng tháng.", Recurrence.monthly),
        ("Hàng quý", Recurrence.quarterly),
        ("định kỳ hàng quý", Recurrence.quarterly),
        ("Định kỳ theo quý", Recurrence.quarterly),
        ("Định kỳ 6 tháng", Recurrence.semiannual),
        ("Hàng năm.", Recurrence.annual),
        ("Hằng năm", Recurrence.annual),
        ("Hàng ngày", Recurrence.daily),
        ("Hằng ngày.", Recurrence.daily),
        ("Thường xuyên.", Recurrence.continuous),
        ("Thường xuyên trong năm.", Recurrence.continuous),
        ("Thường xuyên trong năm 2019.", Recurrence.continuous),
        ("Trong năm 2019.", Recurrence.once),
        ("HÀNG TUẦN", Recurrence.weekly),
        ("hang thang", Recurrence.monthly),
    ],
)
def test_timing_phrases_of_the_seeds(text: str, expected: Recurrence) -> None:
    assert recurrence_from_text(text) == expected


def test_timing_phrase_in_nfd_is_recognised() -> None:
    assert recurrence_from_text(unicodedata.normalize("NFD", "Hàng quý")) == Recurrence.quarterly


@pytest.mark.parametrize("text", ["", "Ngay lập tức", "Hàng"])
def test_unknown_timing_phrase_is_rejected(text: str) -> None:
    with pytest.raises(ValueError, match="Không nhận ra thời gian thực hiện"):
        recurrence_from_text(text)


def test_in_the_year_falls_due_on_its_last_day() -> None:
    assert due_on_from_text("Trong năm 2019.") == date(2019, 12, 31)


def test_phrase_without_year_has_no_due_date() -> None:
    assert due_on_from_text("Hàng tuần") is None
