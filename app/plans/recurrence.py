"""How often a task falls due, its due dates, and overdue judged on Hanoi's calendar."""

import calendar
import re
from datetime import date, datetime, timedelta, timezone
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.core.text import fold


class Recurrence(StrEnum):
    once = "once"
    weekly = "weekly"
    monthly = "monthly"
    quarterly = "quarterly"
    semiannual = "semiannual"
    annual = "annual"
    continuous = "continuous"


try:
    VIETNAM_TZ: timezone | ZoneInfo = ZoneInfo("Asia/Ho_Chi_Minh")
except ZoneInfoNotFoundError:  # pragma: no cover - only where the OS has no tz database
    # Vietnam has kept UTC+7 without daylight saving since 1975, so the fixed offset is exact.
    VIETNAM_TZ = timezone(timedelta(hours=7), "ICT")

_PERIOD_END_MONTHS: dict[Recurrence, tuple[int, ...]] = {
    Recurrence.monthly: tuple(range(1, 13)),
    Recurrence.quarterly: (3, 6, 9, 12),
    Recurrence.semiannual: (6, 12),
    Recurrence.annual: (12,),
}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def due_dates(
    recurrence: Recurrence, start: date, end: date, due_on: date | None = None
) -> list[date]:
    """Every date a task recurring over [start, end] falls due, in order.

    Weekly: the last day of each full 7-day period counted from `start`. Monthly, quarterly,
    semiannual, annual: the calendar period ends that fall within the range. Once: `due_on`
    (or `end`). Continuous work reports once, at `end`.
    """
    if end < start:
        raise ValueError("Ngày kết thúc phải không trước ngày bắt đầu")
    if recurrence is Recurrence.once:
        return [due_on or end]
    if recurrence is Recurrence.continuous:
        return [end]
    if recurrence is Recurrence.weekly:
        weeks = ((end - start).days + 1) // 7
        return [start + timedelta(days=7 * k + 6) for k in range(weeks)]
    months = _PERIOD_END_MONTHS[recurrence]
    ends = (_month_end(year, month) for year in range(start.year, end.year + 1) for month in months)
    return [d for d in ends if start <= d <= end]


def next_due(dates: list[date], today: date) -> date | None:
    """The first due date on or after `today`."""
    upcoming = [d for d in dates if d >= today]
    return min(upcoming) if upcoming else None


def is_overdue(due: date | None, done: bool, now_utc: datetime) -> bool:
    """Not done and the calendar day in Vietnam is already past the due date."""
    if now_utc.tzinfo is None:
        raise ValueError("now_utc must be timezone-aware")
    if due is None or done:
        return False
    return now_utc.astimezone(VIETNAM_TZ).date() > due


# Timing phrases of the plans ("Thời gian thực hiện"); "hằng" and "hàng" both occur and fold alike.
RECURRENCE_WORDS: dict[str, Recurrence] = {
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
