"""How often a task falls due, its due dates, and overdue judged on Hanoi's calendar.

A schedule is computed, never expanded whole: counting, the first and last dates and any page of
dates cost the same for a weekly task over one year as over ten (the longest plan period).
"""

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from itertools import islice

from app.core.clock import VIETNAM_TZ, vn_date
from app.core.text import fold

# The longest plan period accepted: five-year plans are the longest in the seeds (Hà Nội's
# 145/KH-UBND covers 2021–2025); ten years keeps a weekly task at 521 due dates at most.
MAX_PERIOD_YEARS = 10


class Recurrence(StrEnum):
    once = "once"
    daily = "daily"
    weekly = "weekly"
    monthly = "monthly"
    quarterly = "quarterly"
    semiannual = "semiannual"
    annual = "annual"
    continuous = "continuous"


_PERIOD_END_MONTHS: dict[Recurrence, tuple[int, ...]] = {
    Recurrence.monthly: tuple(range(1, 13)),
    Recurrence.quarterly: (3, 6, 9, 12),
    Recurrence.semiannual: (6, 12),
    Recurrence.annual: (12,),
}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _years_later(day: date, years: int) -> date | None:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year, or beyond year 9999
        return None if day.year + years > date.max.year else date(day.year + years, 2, 28)


def period_problem(start: date, end: date) -> str | None:
    """Why a plan period is not acceptable (in Vietnamese), or None when it is."""
    if end < start:
        return "Ngày kết thúc kỳ kế hoạch phải không trước ngày bắt đầu."
    limit = _years_later(start, MAX_PERIOD_YEARS)
    if limit is not None and end >= limit:
        last = limit - timedelta(days=1)
        return (
            f"Kỳ kế hoạch dài tối đa {MAX_PERIOD_YEARS} năm: với ngày bắt đầu {vn_date(start)}, "
            f"ngày kết thúc muộn nhất là {vn_date(last)}."
        )
    return None


@dataclass(frozen=True)
class Schedule:
    """When a task recurring over [start, end] falls due.

    Weekly: the last day of each full 7-day period counted from `start`. Monthly, quarterly,
    semiannual, annual: the calendar period ends that fall within the range. Once: `due_on`
    (or `end`). Daily: every day of the range (Lệ Xá's radio airs "hàng ngày"). Continuous
    work reports once, at `end`.
    """

    recurrence: Recurrence
    start: date
    end: date
    due_on: date | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("Ngày kết thúc phải không trước ngày bắt đầu")

    @property
    def _months(self) -> tuple[int, ...]:
        return _PERIOD_END_MONTHS[self.recurrence]

    def _weeks(self) -> int:
        return ((self.end - self.start).days + 1) // 7

    def _single(self) -> date | None:
        if self.recurrence is Recurrence.once:
            return self.due_on or self.end
        if self.recurrence is Recurrence.continuous:
            return self.end
        return None

    def dates(self, on_or_after: date | None = None) -> Iterator[date]:
        """The due dates in order, from `on_or_after` (inclusive) when given."""
        floor = max(self.start, on_or_after) if on_or_after else self.start
        single = self._single()
        if single is not None:
            if single >= floor:
                yield single
            return
        if self.recurrence is Recurrence.daily:
            for k in range((floor - self.start).days, (self.end - self.start).days + 1):
                yield self.start + timedelta(days=k)
            return
        if self.recurrence is Recurrence.weekly:
            first = max(0, -(-((floor - self.start).days - 6) // 7))
            for k in range(first, self._weeks()):
                yield self.start + timedelta(days=7 * k + 6)
            return
        for year in range(floor.year, self.end.year + 1):
            for month in self._months:
                day = _month_end(year, month)
                if day > self.end:
                    return
                if day >= floor:
                    yield day

    def _ends_through(self, day: date) -> int:
        """How many calendar period ends fall on or before `day`, counted from year 1."""
        months = self._months
        in_year = sum(1 for m in months if _month_end(day.year, m) <= day)
        return (day.year - 1) * len(months) + in_year

    def count(self, through: date | None = None) -> int:
        """How many due dates fall on or before `through` (all of them when None)."""
        until = min(through, self.end) if through else self.end
        if until < self.start:
            return 0
        single = self._single()
        if single is not None:
            return 1 if single <= until else 0
        if self.recurrence is Recurrence.daily:
            return (until - self.start).days + 1
        if self.recurrence is Recurrence.weekly:
            return min(self._weeks(), ((until - self.start).days + 1) // 7)
        before = 0 if self.start == date.min else self._ends_through(self.start - timedelta(1))
        return self._ends_through(until) - before

    def first(self) -> date | None:
        return next(self.dates(), None)

    def last(self) -> date | None:
        single = self._single()
        if single is not None:
            return single
        if self.recurrence is Recurrence.daily:
            return self.end
        if self.recurrence is Recurrence.weekly:
            weeks = self._weeks()
            return self.start + timedelta(days=7 * weeks - 1) if weeks else None
        for year in (self.end.year, self.end.year - 1):
            for month in reversed(self._months):
                if year >= 1 and (day := _month_end(year, month)) <= self.end:
                    return day if day >= self.start else None
        return None

    def next_due(self, today: date) -> date | None:
        """The first due date on or after `today`."""
        return next(self.dates(on_or_after=today), None)

    def upcoming(self, today: date, limit: int) -> list[date]:
        return list(islice(self.dates(on_or_after=today), limit))


def is_overdue(due: date | None, done: bool, now_utc: datetime) -> bool:
    """Not done and the calendar day in Vietnam is already past the due date."""
    if now_utc.tzinfo is None:
        raise ValueError("now_utc must be timezone-aware")
    if due is None or done:
        return False
    return now_utc.astimezone(VIETNAM_TZ).date() > due


# Timing phrases of the plans ("Thời gian thực hiện"); "hằng" and "hàng" both occur and fold alike.
RECURRENCE_WORDS: dict[str, Recurrence] = {
    "hàng ngày": Recurrence.daily,
    "hàng tuần": Recurrence.weekly,
    "hàng tháng": Recurrence.monthly,
    "hàng quý": Recurrence.quarterly,
    "theo quý": Recurrence.quarterly,
    "6 tháng": Recurrence.semiannual,
    "sáu tháng": Recurrence.semiannual,
    "hàng năm": Recurrence.annual,
    "thường xuyên": Recurrence.continuous,
    "thường xuyên trong năm": Recurrence.continuous,
    "trong năm": Recurrence.once,
}
_FOLDED_WORDS = sorted(
    ((fold(phrase), value) for phrase, value in RECURRENCE_WORDS.items()),
    key=lambda item: len(item[0]),
    reverse=True,
)
_YEAR_RE = re.compile(r"\bnam (\d{4})\b")


def _folded_timing(text: str) -> str:
    return fold(text).strip(" .;:,").removeprefix("dinh ky ").strip()


def recurrence_from_text(text: str) -> Recurrence:
    """Map a timing phrase: "Hàng tuần" → weekly, "Trong năm 2019" → once (tone-insensitive)."""
    folded = _folded_timing(text)
    for phrase, value in _FOLDED_WORDS:
        if folded == phrase or folded.startswith(phrase + " "):
            return value
    raise ValueError(f"Không nhận ra thời gian thực hiện: «{text.strip()}»")


def due_on_from_text(text: str) -> date | None:
    """The last day of the year a timing phrase names ("Trong năm 2019" → 2019-12-31)."""
    match = _YEAR_RE.search(fold(text))
    return date(int(match.group(1)), 12, 31) if match else None
