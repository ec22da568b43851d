"""API shapes of consolidation (totals over a unit's reporters) and compliance (who reported)."""

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, Field

from app.reports.models import ReportStatus


class Counted(StrEnum):
    accepted = "accepted"
    submitted = "submitted"


class ReporterState(StrEnum):
    on_time = "on_time"
    late = "late"
    returned = "returned"
    pending = "pending"
    missing = "missing"


COUNTED_TEXT = (
    "Báo cáo được cộng: `accepted` — chỉ báo cáo đã tiếp nhận (mặc định); `submitted` — cả báo "
    "cáo đã gửi chưa tiếp nhận."
)
STATE_TEXT = (
    "`on_time` (đã gửi đúng hạn), `late` (gửi trễ hạn), `returned` (bị trả lại, chưa gửi lại), "
    "`pending` (chưa gửi, chưa đến hạn), `missing` (chưa gửi, đã quá hạn)."
)


class IndicatorTotal(BaseModel):
    code: str = Field(description="Mã chỉ tiêu.", examples=["broadcasts"])
    name: str = Field(description="Tên chỉ tiêu.", examples=["Buổi phát thanh, truyền hình"])
    unit: str = Field(description="Đơn vị tính.", examples=["buổi"])
    aggregation: str = Field(description="Cách tổng hợp: `sum`, `max`, `latest`, `ratio`.")
    total: float | None = Field(
        description="Tổng hợp qua các báo cáo được cộng (tỷ lệ: tính lại từ tổng tử số và tổng "
        "mẫu số); null khi không báo cáo nào có số liệu.",
        examples=[52],
    )


class ReporterRow(BaseModel):
    unit_id: int = Field(description="Đơn vị báo cáo.")
    unit_name: str = Field(description="Tên đơn vị (hoặc cơ quan) báo cáo.", examples=["Xã Lệ Xá"])
    agency_id: int | None = Field(description="Cơ quan báo cáo (lịch của các cơ quan).")
    schedule_id: int = Field(description="Lịch báo cáo.")
    deadline: date = Field(description="Hạn gửi của kỳ theo lịch.")
    report_id: int | None = Field(description="Báo cáo của kỳ (null: chưa lập).")
    status: ReportStatus | None = Field(description="Trạng thái báo cáo (null: chưa lập).")
    state: ReporterState = Field(description=STATE_TEXT)
    submitted_at: datetime | None = Field(description="Thời điểm gửi gần nhất (UTC).")
    days_late: int | None = Field(description="Số ngày trễ của lần gửi đầu.")
    counted: bool = Field(description="Báo cáo này được cộng vào tổng.")


class ConsolidationRow(ReporterRow):
    values: dict[str, int] = Field(description="Số liệu của báo cáo (rỗng khi không được cộng).")


class Consolidation(BaseModel):
    unit_id: int = Field(description="Đơn vị tổng hợp (đơn vị nhận báo cáo).")
    unit_name: str = Field(description="Tên đơn vị.", examples=["Huyện Tiên Lữ"])
    period: str = Field(description="Mã kỳ.", examples=["2024-Q1"])
    counted: Counted = Field(description=COUNTED_TEXT)
    indicators: list[IndicatorTotal] = Field(description="Tổng theo từng chỉ tiêu.")
    reporters: list[ConsolidationRow] = Field(
        description="Mọi đơn vị phải báo cáo (kể cả chưa báo cáo), với số liệu của từng đơn vị."
    )
    counted_report_ids: list[int] = Field(
        description="Các báo cáo đã được cộng, mỗi báo cáo một lần."
    )


class Compliance(BaseModel):
    unit_id: int = Field(description="Đơn vị nhận báo cáo.")
    unit_name: str = Field(description="Tên đơn vị.", examples=["Huyện Tiên Lữ"])
    period: str = Field(description="Mã kỳ.", examples=["2024-Q1"])
    expected: int = Field(description="Số đơn vị (cơ quan) phải báo cáo.", examples=[3])
    on_time: int = Field(description="Đã gửi đúng hạn.", examples=[1])
    late: int = Field(description="Đã gửi trễ hạn.", examples=[1])
    returned: int = Field(description="Bị trả lại, chưa gửi lại.", examples=[0])
    pending: int = Field(description="Chưa gửi, chưa đến hạn.", examples=[0])
    missing: int = Field(description="Chưa gửi, đã quá hạn.", examples=[1])
    reporters: list[ReporterRow] = Field(description="Từng đơn vị phải báo cáo và tình trạng.")
