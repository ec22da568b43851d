"""API shapes of reports: create, update (all optional), transitions, read, summary."""

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.core.docnumber import parse_doc_number
from app.core.ids import MAX_VND, Code, DbId
from app.core.text import NfcText, Text
from app.reference.data import INDICATORS
from app.reports.models import ReportStatus

# Indicators a report stores: every one but the ratios, which are recomputed from their parts.
STORED_INDICATORS = frozenset(i.code for i in INDICATORS if i.aggregation != "ratio")
Narrative = Annotated[NfcText, Field(max_length=20000)]
_STATUS_TEXT = (
    "`draft` (đang soạn), `submitted` (đã gửi), `accepted` (đã tiếp nhận), `returned` (bị trả "
    "lại để sửa và gửi lại)."
)


def check_value_codes(values: dict[str, Any] | None) -> dict[str, Any] | None:
    for code in values or {}:
        if code not in STORED_INDICATORS:
            raise ValueError(
                f"Mã chỉ tiêu không có trong danh mục hoặc là chỉ tiêu tỷ lệ tự tính: «{code}» "
                "(xem GET /api/v1/indicators)."
            )
    return values


class ReportCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schedule_id: DbId = Field(description="Lịch báo cáo mà báo cáo này thực hiện.")
    period: Text = Field(
        max_length=10,
        description="Mã kỳ báo cáo (GET /api/v1/report-periods): `2024-Q1`, `2024-H1`, `2024`.",
        examples=["2024-Q1"],
    )
    agency_id: DbId | None = Field(
        default=None,
        description="Với lịch của các cơ quan của đơn vị: cơ quan báo cáo (mặc định: cơ quan của "
        "người gọi).",
    )


class TaskProgressEdit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    assignment_id: DbId = Field(description="Phân công trong `task_progress` của báo cáo.")
    progress_note: Narrative | None = Field(
        default=None,
        description="Kết quả thực hiện nhiệm vụ ghi trong báo cáo (không đổi ghi chú của phân "
        "công).",
        examples=["Đã phát 12 chuyên mục CCHC trên Đài truyền thanh xã."],
    )


class ReportUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    values: dict[Code, Annotated[int, Field(ge=0, le=MAX_VND)] | None] | None = Field(
        default=None,
        max_length=100,
        description="Số liệu theo mã chỉ tiêu, gộp vào số liệu đã có; `null` xóa một chỉ tiêu. "
        "Chỉ tiêu tỷ lệ (`ratio`) tự tính, không nhập.",
        examples=[{"feedback_received": 4, "feedback_answered": 4}],
    )
    results: Narrative | None = Field(default=None, description="Kết quả đạt được.")
    shortcomings: Narrative | None = Field(default=None, description="Tồn tại, hạn chế.")
    causes: Narrative | None = Field(default=None, description="Nguyên nhân.")
    proposals: Narrative | None = Field(default=None, description="Đề xuất, kiến nghị.")
    task_progress: list[TaskProgressEdit] | None = Field(
        default=None, max_length=500, description="Kết quả thực hiện từng nhiệm vụ được giao."
    )

    _codes = field_validator("values")(check_value_codes)


class ReportSubmit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    document_number: Text | None = Field(
        default=None,
        max_length=40,
        description="Số, ký hiệu báo cáo khi đơn vị ban hành văn bản (Nghị định 30/2020/NĐ-CP): "
        "số/BC-cơ quan; số đánh lại từ 1 mỗi năm, không trùng trong năm của đơn vị.",
        examples=["12/BC-UBND"],
    )

    @field_validator("document_number")
    @classmethod
    def _report_number(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parsed = parse_doc_number(value)
        if parsed.doc_type != "BC" or parsed.party or parsed.year is not None:
            raise ValueError("Số báo cáo có dạng số/BC-cơ quan ban hành, ví dụ 12/BC-UBND.")
        return parsed.text


class ReportReview(BaseModel):
    model_config = ConfigDict(extra="forbid")

    comment: Narrative | None = Field(
        default=None,
        description="Ý kiến của đơn vị nhận (bắt buộc khi trả lại: cần sửa gì).",
        examples=["Bổ sung số liệu phản ánh, kiến nghị quý I."],
    )


class ReportEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    action: str = Field(
        description="Bước: `create`, `prefill`, `update`, `submit`, `accept`, `return`.",
        examples=["submit"],
    )
    status: ReportStatus = Field(description="Trạng thái sau bước này: " + _STATUS_TEXT)
    user_id: int | None = Field(description="Người thực hiện.")
    comment: str | None = Field(description="Ý kiến kèm theo (trả lại, tiếp nhận).")
    at: datetime = Field(description="Thời điểm (UTC).")


class ReportSummary(BaseModel):
    id: int = Field(description="Mã báo cáo.")
    schedule_id: int = Field(description="Lịch báo cáo.")
    period_key: str = Field(description="Mã kỳ báo cáo.", examples=["2024-Q1"])
    period_start: date = Field(description="Ngày đầu kỳ.")
    period_end: date = Field(description="Ngày cuối kỳ (chốt số liệu).")
    deadline: date = Field(description="Hạn gửi (giờ Việt Nam).")
    unit_id: int = Field(description="Đơn vị báo cáo.")
    unit_name: str = Field(description="Tên đơn vị báo cáo.", examples=["Xã Lệ Xá"])
    agency_id: int | None = Field(description="Cơ quan báo cáo (lịch của các cơ quan).")
    receiver_unit_id: int = Field(description="Đơn vị nhận báo cáo.")
    status: ReportStatus = Field(description=_STATUS_TEXT)
    document_number: str | None = Field(description="Số, ký hiệu báo cáo.", examples=["12/BC-UBND"])
    submitted_at: datetime | None = Field(description="Thời điểm gửi gần nhất (UTC).")
    days_late: int | None = Field(
        description="Số ngày trễ hạn của lần gửi đầu, theo ngày lịch giờ Việt Nam (0: đúng hạn; "
        "null: chưa gửi)."
    )
    version: int = Field(description="Phiên bản (ETag).")
    updated_at: datetime = Field(description="Thời điểm sửa gần nhất (UTC).")


class ReportRead(ReportSummary):
    values: dict[str, int] = Field(
        description="Số liệu theo mã chỉ tiêu (điền sẵn từ hoạt động và nhiệm vụ, rồi sửa).",
        examples=[{"broadcasts": 52, "articles": 12}],
    )
    ratios: dict[str, float | None] = Field(
        description="Chỉ tiêu tỷ lệ (%), tính từ số liệu; null khi mẫu số bằng 0.",
        examples=[{"tasks_done_rate": 75.0}],
    )
    activity_summary: dict[str, Any] | None = Field(
        description="Tổng hợp hoạt động của kỳ lúc điền sẵn (theo hình thức tuyên truyền), giữ "
        "nguyên như khi gửi."
    )
    task_progress: list[dict[str, Any]] = Field(
        description="Tiến độ các nhiệm vụ được giao lúc điền sẵn: mã phân công, số kế hoạch, "
        "nhiệm vụ, trạng thái, ghi chú."
    )
    results: str | None = Field(description="Kết quả đạt được.")
    shortcomings: str | None = Field(description="Tồn tại, hạn chế.")
    causes: str | None = Field(description="Nguyên nhân.")
    proposals: str | None = Field(description="Đề xuất, kiến nghị.")
    prefilled_at: datetime | None = Field(description="Thời điểm điền sẵn gần nhất (UTC).")
    reviewed_at: datetime | None = Field(description="Thời điểm tiếp nhận hoặc trả lại (UTC).")
    review_comment: str | None = Field(description="Ý kiến của đơn vị nhận.")
    history: list[ReportEventRead] = Field(description="Mọi bước của báo cáo, theo thứ tự.")
    created_at: datetime = Field(description="Thời điểm tạo (UTC).")
