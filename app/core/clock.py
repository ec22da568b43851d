"""Time: instants are stored in UTC; calendar days (deadlines, due dates, "today") are judged on
Vietnam's clock (DESIGN §6); instants callers filter by are read on it when they carry no offset."""

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

try:
    VIETNAM_TZ: timezone | ZoneInfo = ZoneInfo("Asia/Ho_Chi_Minh")
except ZoneInfoNotFoundError:  # pragma: no cover - only where the OS has no tz database
    # Vietnam has kept UTC+7 without daylight saving since 1975, so the fixed offset is exact.
    VIETNAM_TZ = timezone(timedelta(hours=7), "ICT")


def utcnow() -> datetime:
    return datetime.now(UTC)


def vietnam_today(now_utc: datetime | None = None) -> date:
    """The calendar day in Vietnam at `now_utc` (default: now)."""
    return (now_utc or utcnow()).astimezone(VIETNAM_TZ).date()


def vn_date(day: date) -> str:
    """A date as Vietnamese documents write it: 31/12/2024 (four-digit years, even year 1)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def _as_utc(value: datetime) -> datetime:
    """A time without an offset is Vietnamese local time; every instant is compared in UTC."""
    local = value if value.tzinfo is not None else value.replace(tzinfo=VIETNAM_TZ)
    try:
        return local.astimezone(UTC)
    except (OverflowError, ValueError) as exc:
        raise PydanticCustomError(
            "datetime_out_of_range",
            "Thời điểm nằm ngoài khoảng biểu diễn được (năm 1–9999 theo giờ UTC).",
        ) from exc


# A query filter on an instant: ISO 8601, with or without an offset (without one it is read as
# Asia/Ho_Chi_Minh), always handed on in UTC; one that leaves years 1–9999 in UTC is a 422.
InstantFilter = Annotated[datetime, AfterValidator(_as_utc)]
