"""Reporting periods and deadlines: pure date arithmetic, no database.

Decree 09/2019/NĐ-CP, art. 12 (data cut-off of periodic reports) — DESIGN §7:
- monthly: 15th of the previous month to the 14th of the reporting month;
- quarterly: 15th of the month before the quarter to the 14th of the quarter's last month;
- 6-month: 15 December of the previous year to 14 June;
- annual: 15 December of the previous year to 14 December.
The decree defines only the first half-year; the second half (H2) here continues the same cut-off,
15 June to 14 December, so the two halves tile the annual period.
Calendar periods are the plain months, quarters, halves and years. The rule is a field of the
schedule (`PeriodRule`), and both rules go through the same code: a period is the calendar period
shifted back by the rule's cut-off.

Period keys name the period by its reporting year: "2024-M01", "2024-Q1", "2024-H1", "2024".
Deadlines are calendar dates judged in Asia/Ho_Chi_Minh (a submission on the deadline day, at any
hour Vietnam time, is on time).
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from app.core.clock import vietnam_today

MIN_YEAR, MAX_YEAR = 2000, 2100


class Frequency(StrEnum):
    monthly = "monthly"
    quarterly = "quarterly"
    semiannual = "semiannual"
    annual = "annual"
    on_request = "on_request"


class PeriodRule(StrEnum):
    decree09 = "decree09"
    calendar = "calendar"


class DeadlineRule(StrEnum):
    days_after = "days_after"
    fixed_day = "fixed_day"


# Months each period spans, by frequency; the period's index runs from 1.
_MONTHS = {
    Frequency.monthly: 1,
    Frequency.quarterly: 3,
    Frequency.semiannual: 6,
    Frequency.annual: 12,
}
_PREFIX = {Frequency.monthly: "M", Frequency.quarterly: "Q", Frequency.semiannual: "H"}
_KEY_RE = re.compile(r"^(?P<year>\d{4})(?:-(?P<kind>[MQH])(?P<index>\d{1,2}))?$")
_KIND = {"M": Frequency.monthly, "Q": Frequency.quarterly, "H": Frequency.semiannual}
# Decree 09 cut-off: a period ends on the 14th of its last month and starts on the 15th of the
# month before its first.
CUTOFF_DAY = 14


@dataclass(frozen=True)
class Deadline:
    """When a period's report is due: `days` after the period ends, or a fixed day (and month,
    for annual reports: 25/11) of the period's last month or year."""

    rule: DeadlineRule
    days: int | None = None
    day: int | None = None
    month: int | None = None

    def due(self, frequency: Frequency, year: int, end: date) -> date:
        if self.rule is DeadlineRule.days_after:
            return end + timedelta(days=self.days or 0)
        assert self.day is not None
        if frequency is Frequency.annual:
            month = self.month or 12
            return _clamped(year, month, self.day)
        return _clamped(end.year, end.month, self.day)


@dataclass(frozen=True)
class Period:
    key: str
    frequency: Frequency
    year: int
    index: int
    start: date
    end: date
    deadline: date

    def is_late(self, submitted_at: datetime) -> bool:
        return days_late(self.deadline, submitted_at) > 0


def _clamped(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + n
    return total // 12, total % 12 + 1


def period_key(frequency: Frequency, year: int, index: int) -> str:
    if frequency is Frequency.annual:
        return f"{year:04d}"
    width = 2 if frequency is Frequency.monthly else 1
    return f"{year:04d}-{_PREFIX[frequency]}{index:0{width}d}"


def period_count(frequency: Frequency) -> int:
    return 12 // _MONTHS[frequency] if frequency in _MONTHS else 0


def make_period(
    frequency: Frequency, rule: PeriodRule, deadline: Deadline, year: int, index: int
) -> Period:
    """The `index`-th period (from 1) of `frequency` in reporting year `year`."""
    span = _MONTHS[frequency]
    first_month = (index - 1) * span + 1
    last_year, last_month = _add_months(year, first_month, span - 1)
    if rule is PeriodRule.calendar:
        start = date(year, first_month, 1)
        end = _clamped(last_year, last_month, 31)
    else:
        prev_year, prev_month = _add_months(year, first_month, -1)
        start = date(prev_year, prev_month, CUTOFF_DAY + 1)
        end = date(last_year, last_month, CUTOFF_DAY)
    return Period(
        key=period_key(frequency, year, index),
        frequency=frequency,
        year=year,
        index=index,
        start=start,
        end=end,
        deadline=deadline.due(frequency, year, end),
    )


def periods_of_year(
    frequency: Frequency, rule: PeriodRule, deadline: Deadline, year: int
) -> list[Period]:
    """Every period of `frequency` in reporting year `year` (none for reports on request)."""
    return [
        make_period(frequency, rule, deadline, year, i)
        for i in range(1, period_count(frequency) + 1)
    ]


def parse_period_key(key: str) -> tuple[Frequency, int, int] | None:
    """("2024-Q1") → (quarterly, 2024, 1); None when the key is not a period key."""
    m = _KEY_RE.match(key)
    if m is None:
        return None
    year = int(m["year"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if m["kind"] is None:
        return Frequency.annual, year, 1
    frequency = _KIND[m["kind"]]
    index = int(m["index"])
    if not 1 <= index <= period_count(frequency):
        return None
    if frequency is Frequency.monthly and len(m["index"]) != 2:
        return None
    return frequency, year, index


def days_late(deadline: date, submitted_at: datetime) -> int:
    """Calendar days after `deadline` that `submitted_at` fell on, in Vietnam (0 when on time)."""
    return max(0, (vietnam_today(submitted_at) - deadline).days)
