"""API shapes of reporting schedules: create, update (all optional), read."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from app.core.ids import DbId
from app.core.text import NfcText
from app.reports.models import ReporterKind
from app.reports.period_schemas import (
    DEADLINE_RULE_TEXT,
    FREQUENCY_TEXT,
    MAX_DEADLINE_DAYS,
    RULE_TEXT,
)
from app.reports.periods import DeadlineRule, Frequency, PeriodRule

REPORTERS_TEXT = (
    "Ai báo cáo: `own_agencies` — các cơ quan của chính đơn vị; `child_units` — mọi đơn vị "
    "hành chính cấp dưới trực tiếp; `named_units` — các đơn vị cấp dưới ghi trong "
    "`reporter_unit_ids`."
)
_TITLE_EXAMPLE = "Báo cáo công tác thông tin, tuyên truyền CCHC hằng quý"


class _Timing(BaseModel):
    deadline_days: int | None = Field(
        default=None,
        ge=0,
        le=MAX_DEADLINE_DAYS,
        description="Với `deadline_rule=days_after`: số ngày sau ngày cuối kỳ.",
        examples=[5],
    )
    deadline_day: int | None = Field(
        default=None, ge=1, le=31, description="Với `fixed_day`: ngày của hạn.", examples=[25]
    )
    deadline_month: int | None = Field(
        default=None,
        ge=1,
        le=12,
        description="Với `fixed_day` và báo cáo năm: tháng của hạn (25/11 → 11).",
        examples=[11],
    )


class ScheduleCreate(_Timing):
    model_config = ConfigDict(extra="forbid")

    unit_id: DbId | None = Field(
        default=None,
        description="Đơn vị đặt lịch báo cáo (mặc định: đơn vị của người gọi).",
    )
    plan_id: DbId | None = Field(
        default=None, description="Kế hoạch của chính đơn vị mà lịch báo cáo này thuộc về."
    )
    title: NfcText = Field(
        min_length=3, max_length=300, description="Tên lịch báo cáo.", examples=[_TITLE_EXAMPLE]
    )
    reporter_kind: ReporterKind = Field(description=REPORTERS_TEXT, examples=["child_units"])
    reporter_unit_ids: list[DbId] = Field(
        default_factory=list,
        max_length=500,
        description="Với `named_units`: các đơn vị cấp dưới phải báo cáo.",
    )
    receiver_unit_id: DbId | None = Field(
        default=None,
        description="Đơn vị nhận báo cáo: chính đơn vị đặt lịch (mặc định) hoặc một cấp trên của "
        "nó.",
    )
    receiver_agency_id: DbId | None = Field(
        default=None,
        description="Cơ quan đầu mối nhận, tổng hợp (Phòng Nội vụ, Phòng Văn hóa và Thông tin…): "
        "một cơ quan của đơn vị nhận.",
    )
    frequency: Frequency = Field(description=FREQUENCY_TEXT, examples=["quarterly"])
    period_rule: PeriodRule = Field(default=PeriodRule.decree09, description=RULE_TEXT)
    deadline_rule: DeadlineRule = Field(
        default=DeadlineRule.days_after, description=DEADLINE_RULE_TEXT
    )
    embedded: bool = Field(
        default=False,
        description="Báo cáo lồng ghép trong báo cáo CCHC chung (không phải một báo cáo riêng).",
    )


class ScheduleUpdate(_Timing):
    """Frequency and period rule are fixed once set: reports already made name their periods."""

    model_config = ConfigDict(extra="forbid")

    title: NfcText | None = Field(
        default=None, min_length=3, max_length=300, description="Tên lịch báo cáo."
    )
    reporter_unit_ids: list[DbId] | None = Field(
        default=None, max_length=500, description="Với `named_units`: các đơn vị phải báo cáo."
    )
    receiver_agency_id: DbId | None = Field(
        default=None, description="Cơ quan đầu mối nhận báo cáo, của đơn vị nhận."
    )
    deadline_rule: DeadlineRule | None = Field(default=None, description=DEADLINE_RULE_TEXT)
    embedded: bool | None = Field(default=None, description="Báo cáo lồng ghép.")
    is_active: bool | None = Field(
        default=None, description="`false` khi lịch báo cáo không còn áp dụng."
    )


class ScheduleRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="Mã lịch báo cáo.")
    unit_id: int = Field(description="Đơn vị đặt lịch.")
    plan_id: int | None = Field(description="Kế hoạch mà lịch thuộc về.")
    title: str = Field(description="Tên lịch báo cáo.", examples=[_TITLE_EXAMPLE])
    reporter_kind: ReporterKind = Field(description=REPORTERS_TEXT)
    reporter_unit_ids: list[int] = Field(description="Các đơn vị được chỉ định báo cáo.")
    receiver_unit_id: int = Field(description="Đơn vị nhận báo cáo.")
    receiver_agency_id: int | None = Field(description="Cơ quan đầu mối nhận báo cáo.")
    frequency: Frequency = Field(description=FREQUENCY_TEXT)
    period_rule: PeriodRule = Field(description=RULE_TEXT)
    deadline_rule: DeadlineRule = Field(description=DEADLINE_RULE_TEXT)
    deadline_days: int | None = Field(description="Số ngày sau ngày cuối kỳ.")
    deadline_day: int | None = Field(description="Ngày của hạn cố định.")
    deadline_month: int | None = Field(description="Tháng của hạn cố định (báo cáo năm).")
    embedded: bool = Field(description="Báo cáo lồng ghép trong báo cáo CCHC chung.")
    is_active: bool = Field(description="Lịch còn áp dụng.")
    version: int = Field(description="Phiên bản, tăng mỗi lần sửa (ETag).")
    created_at: datetime = Field(description="Thời điểm tạo (UTC).")
    updated_at: datetime = Field(description="Thời điểm sửa gần nhất (UTC).")
