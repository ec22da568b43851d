"""API shapes of assignments (phân công): the read model with evidence, the progress update."""

from datetime import date, datetime

from pydantic import BaseModel, Field, field_validator

from app.channels.evidence import Evidence
from app.core.text import Text, nfc
from app.plans.assignments.models import AssignmentRole, AssignmentStatus
from app.plans.recurrence import Recurrence
from app.units.schemas import UnitRef


class AssignmentUpdate(BaseModel):
    status: AssignmentStatus | None = Field(
        default=None,
        description="`not_started`, `in_progress`, `done` hoặc `cancelled`.",
        examples=["in_progress"],
    )
    progress_note: Text | None = Field(
        default=None,
        max_length=5000,
        description="Ghi chú tiến độ.",
        examples=["Đã phát 12 buổi trên Đài truyền thanh xã trong quý I."],
    )

    @field_validator("progress_note")
    @classmethod
    def _nfc(cls, value: str | None) -> str | None:
        return nfc(value) if value is not None else None


class AssignmentRead(BaseModel):
    id: int = Field(description="Mã phân công.")
    plan_id: int = Field(description="Kế hoạch.")
    plan_number_text: str = Field(description="Số, ký hiệu kế hoạch.", examples=["17/KH-UBND"])
    task_id: int = Field(description="Nhiệm vụ.")
    task_ordinal: str = Field(description="Số thứ tự nhiệm vụ.", examples=["2"])
    task_title: str = Field(description="Tên nhiệm vụ.", examples=["Công chức VP-TK"])
    assignee_agency_id: int | None = Field(
        description="Cơ quan được giao (null khi giao cho cả đơn vị trực thuộc)."
    )
    assignee_agency_name: str | None = Field(
        description="Tên cơ quan được giao.", examples=["Công chức Văn phòng - Thống kê"]
    )
    assignee_unit_id: int = Field(description="Đơn vị hành chính được giao.")
    assignee_unit_name: str = Field(description="Tên đơn vị được giao.", examples=["Xã Lệ Xá"])
    assignee_unit_abolished_on: date | None = Field(
        description="Ngày đơn vị được giao không còn tồn tại (sắp xếp đơn vị hành chính); null "
        "khi đơn vị còn hiệu lực.",
        examples=["2025-07-01"],
    )
    assignee_unit_successors: list[UnitRef] = Field(
        description="Đơn vị kế thừa đơn vị được giao đã bị bãi bỏ; rỗng khi còn hiệu lực."
    )
    role: AssignmentRole = Field(description="`lead` chủ trì, `coordinate` phối hợp.")
    status: AssignmentStatus = Field(description="Tình trạng thực hiện.")
    progress_note: str | None = Field(description="Ghi chú tiến độ.")
    recurrence: Recurrence = Field(description="Thời gian thực hiện của nhiệm vụ.")
    due_count: int = Field(
        description="Số hạn của nhiệm vụ trong kỳ (nhiệm vụ hàng tuần cả năm có 52 hạn); từng "
        "hạn ở GET /api/v1/assignments/{assignment_id}/due-dates.",
        examples=[52],
    )
    next_due_dates: list[date] = Field(
        description="Tối đa 5 hạn sắp tới, kể từ hôm nay (giờ Việt Nam); rỗng khi đã qua mọi hạn.",
        examples=[["2024-04-07", "2024-04-14", "2024-04-21", "2024-04-28", "2024-05-05"]],
    )
    next_due_on: date | None = Field(
        description="Hạn gần nhất từ hôm nay (giờ Việt Nam); null khi đã qua mọi hạn."
    )
    last_due_on: date | None = Field(
        description="Hạn cuối cùng trong kỳ (null khi nhiệm vụ không có hạn nào).",
        examples=["2024-12-29"],
    )
    overdue: bool = Field(
        description="Quá hạn (theo ngày ở Asia/Ho_Chi_Minh): chưa xong và đã qua hạn cuối, hoặc "
        "chưa bắt đầu khi đã qua hạn đầu tiên."
    )
    evidence: Evidence = Field(
        description="Minh chứng: các hoạt động ghi theo phân công này, tổng số lượng và kinh phí."
    )
    version: int = Field(description="Phiên bản (dùng cho ETag).")
    updated_at: datetime = Field(description="Thời điểm cập nhật gần nhất (UTC).")


class DueDate(BaseModel):
    """One due date of an assignment's task, with its place in the schedule."""

    number: int = Field(description="Thứ tự của hạn trong kỳ, từ 1.", examples=[14])
    due_on: date = Field(description="Ngày đến hạn.", examples=["2024-04-07"])
