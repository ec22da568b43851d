"""API shapes of reporting periods and of the timing a schedule gives them."""

from datetime import date

from pydantic import BaseModel, Field

from app.core.errors import ValidationProblem
from app.reports.periods import Deadline, DeadlineRule, Frequency, Period

MAX_DEADLINE_DAYS = 120

FREQUENCY_TEXT = (
    "Tần suất: `monthly` (tháng), `quarterly` (quý), `semiannual` (6 tháng), `annual` (năm), "
    "`on_request` (đột xuất, theo yêu cầu: không có kỳ định sẵn)."
)
RULE_TEXT = (
    "Cách tính kỳ: `decree09` — chốt số liệu theo Nghị định 09/2019/NĐ-CP (từ ngày 15 tháng "
    "trước đến ngày 14 tháng cuối kỳ; báo cáo năm từ 15/12 năm trước đến 14/12); `calendar` — "
    "tháng, quý, năm dương lịch."
)
DEADLINE_RULE_TEXT = (
    "Hạn gửi: `days_after` — một số ngày sau ngày cuối kỳ (`deadline_days`); `fixed_day` — một "
    "ngày cố định (`deadline_day`) của tháng cuối kỳ, hoặc với báo cáo năm một ngày/tháng trong "
    "năm (`deadline_day`/`deadline_month`, ví dụ trước 25/11 — có thể trước ngày chốt 14/12)."
)


class ReportPeriodRead(BaseModel):
    key: str = Field(
        description="Mã kỳ, dùng trong `period=`: `2024` (năm), `2024-H1`, `2024-Q1`, `2024-M01`.",
        examples=["2024-Q1"],
    )
    frequency: Frequency = Field(description=FREQUENCY_TEXT, examples=["quarterly"])
    year: int = Field(description="Năm báo cáo.", examples=[2024])
    index: int = Field(description="Thứ tự kỳ trong năm, từ 1.", examples=[1])
    start: date = Field(description="Ngày đầu kỳ (ngày bắt đầu lấy số liệu).")
    end: date = Field(description="Ngày cuối kỳ (ngày chốt số liệu).")
    deadline: date = Field(
        description="Hạn gửi báo cáo; gửi trong ngày này (giờ Việt Nam) là đúng hạn."
    )

    @classmethod
    def of(cls, period: Period) -> "ReportPeriodRead":
        return cls(
            key=period.key,
            frequency=period.frequency,
            year=period.year,
            index=period.index,
            start=period.start,
            end=period.end,
            deadline=period.deadline,
        )


def deadline_of(
    frequency: Frequency,
    rule: DeadlineRule,
    days: int | None,
    day: int | None,
    month: int | None,
    where: str = "body",
) -> Deadline:
    """The deadline a schedule (or a query) describes, or a 422 naming the missing field."""
    if rule is DeadlineRule.days_after:
        if days is None:
            raise ValidationProblem.for_field(
                f"{where}.deadline_days", "Cần số ngày sau kỳ báo cáo (`deadline_days`)."
            )
        return Deadline(rule, days=days)
    if day is None:
        raise ValidationProblem.for_field(
            f"{where}.deadline_day", "Cần ngày cố định của hạn gửi (`deadline_day`)."
        )
    if frequency is Frequency.annual:
        if month is None:
            raise ValidationProblem.for_field(
                f"{where}.deadline_month",
                "Báo cáo năm có hạn cố định cần tháng (`deadline_month`), ví dụ 25/11.",
            )
        try:
            date(2024, month, day)  # a leap year admits 29/2
        except ValueError as exc:
            raise ValidationProblem.for_field(
                f"{where}.deadline_day", f"Ngày {day}/{month} không có trong lịch."
            ) from exc
    elif month is not None:
        raise ValidationProblem.for_field(
            f"{where}.deadline_month",
            "Chỉ báo cáo năm mới ghi tháng của hạn cố định; kỳ ngắn hơn dùng ngày của tháng "
            "cuối kỳ.",
        )
    return Deadline(rule, day=day, month=month)
