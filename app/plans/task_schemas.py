"""API shapes of tasks (nhiệm vụ) and assignments (phân công)."""

from datetime import date, datetime

from pydantic import BaseModel, Field, field_validator

from app.channels.evidence import Evidence
from app.core.ids import MAX_ID, MAX_VND, Code, DbId
from app.core.text import NfcText, Text, nfc
from app.plans.models import AssignmentRole, AssignmentStatus
from app.plans.recurrence import Recurrence
from app.reference.data import CHANNEL_TYPE_CODES, INDICATOR_CODES, TOPIC_CODES
from app.units.schemas import UnitRef

_TASK_TITLE_EXAMPLE = "Tuyên truyền trên sóng Truyền thanh, Truyền hình huyện"


def _known(codes: list[str] | None, known: frozenset[str], what: str) -> list[str] | None:
    if codes is None:
        return None
    for code in codes:
        if code not in known:
            raise ValueError(f"Mã {what} không có trong danh mục: «{code}»")
    return list(dict.fromkeys(codes))


class Target(BaseModel):
    """A number the task aims at: "52 buổi phát thanh"."""

    indicator: Code = Field(
        description="Mã chỉ tiêu (GET /api/v1/indicators).", examples=["broadcasts"]
    )
    value: int = Field(ge=0, le=10**12, description="Giá trị mục tiêu.", examples=[52])

    @field_validator("indicator")
    @classmethod
    def _indicator(cls, value: str) -> str:
        if value not in INDICATOR_CODES:
            raise ValueError(f"Mã chỉ tiêu không có trong danh mục: «{value}»")
        return value


class _TaskFields(BaseModel):
    """Fields shared by create and update; every one is optional here."""

    position: int | None = Field(
        default=None,
        ge=0,
        le=10000,
        description="Thứ tự hiển thị; bỏ trống khi tạo là thêm vào cuối.",
    )
    content: Text | None = Field(
        default=None,
        max_length=20000,
        description="Nội dung chi tiết.",
        examples=[
            "Thông tin tình hình và kết quả thực hiện công tác CCHC; thực hiện kỷ luật, kỷ cương"
            " hành chính..."
        ],
    )
    lead_agency_id: int | None = Field(
        default=None,
        ge=1,
        le=MAX_ID,
        description="Cơ quan chủ trì: một cơ quan của đơn vị ban hành kế hoạch.",
    )
    lead_all_children: bool | None = Field(
        default=None,
        description='`true` khi chủ trì là "UBND các xã, thị trấn": khi ban hành, mỗi đơn vị '
        "trực thuộc (tại ngày ban hành) nhận một phân công.",
        examples=[False],
    )
    lead_text: Text | None = Field(
        default=None,
        max_length=300,
        description="Cơ quan chủ trì như văn bản ghi.",
        examples=["Trung tâm Truyền thông - Văn hóa huyện"],
    )
    coordinator_agency_ids: list[DbId] | None = Field(
        default=None,
        max_length=50,
        description="Cơ quan phối hợp: cơ quan của đơn vị ban hành, của cấp trên hoặc của đơn vị "
        "trực thuộc.",
    )
    coordinate_text: Text | None = Field(
        default=None,
        max_length=500,
        description="Cơ quan phối hợp như văn bản ghi.",
        examples=["Các cơ quan, đơn vị, UBND các xã, thị trấn"],
    )
    recurrence: Recurrence | None = Field(
        default=None,
        description="Thời gian thực hiện: `once` (một lần), `daily` (hàng ngày), `weekly` (hàng "
        "tuần), `monthly`, "
        "`quarterly`, `semiannual`, `annual`, `continuous` (thường xuyên). Mặc định `once`.",
        examples=["weekly"],
    )
    start_on: date | None = Field(
        default=None,
        description="Ngày bắt đầu, trong kỳ kế hoạch; bỏ trống là đầu kỳ kế hoạch.",
        examples=["2019-01-01"],
    )
    end_on: date | None = Field(
        default=None,
        description="Ngày kết thúc, trong kỳ kế hoạch và không trước ngày bắt đầu; bỏ trống là "
        "cuối kỳ kế hoạch.",
        examples=["2019-12-31"],
    )
    due_on: date | None = Field(
        default=None,
        description="Hạn hoàn thành (nhiệm vụ một lần), trong kỳ kế hoạch.",
        examples=["2019-12-31"],
    )
    channel_types: list[Code] | None = Field(
        default=None,
        max_length=30,
        description="Mã hình thức tuyên truyền (GET /api/v1/channel-types).",
        examples=[["radio", "television"]],
    )
    topics: list[Code] | None = Field(
        default=None,
        max_length=60,
        description="Mã chủ đề (GET /api/v1/topics).",
        examples=[["reform.procedures"]],
    )
    targets: list[Target] | None = Field(
        default=None, max_length=30, description="Chỉ tiêu: mã chỉ tiêu và giá trị."
    )
    budget_vnd: int | None = Field(
        default=None,
        ge=0,
        le=MAX_VND,
        description="Dự toán kinh phí (đồng).",
        examples=[5000000],
    )

    @field_validator("content", "lead_text", "coordinate_text")
    @classmethod
    def _nfc(cls, value: str | None) -> str | None:
        return (nfc(value) or None) if value is not None else None

    @field_validator("channel_types")
    @classmethod
    def _channel_types(cls, values: list[str] | None) -> list[str] | None:
        return _known(values, CHANNEL_TYPE_CODES, "hình thức tuyên truyền")

    @field_validator("topics")
    @classmethod
    def _topics(cls, values: list[str] | None) -> list[str] | None:
        return _known(values, TOPIC_CODES, "chủ đề")

    @field_validator("coordinator_agency_ids")
    @classmethod
    def _unique(cls, values: list[int] | None) -> list[int] | None:
        return list(dict.fromkeys(values)) if values is not None else None


class TaskCreate(_TaskFields):
    ordinal: NfcText = Field(
        min_length=1, max_length=20, description="Số thứ tự trong văn bản.", examples=["10.a"]
    )
    title: NfcText = Field(
        min_length=2, max_length=500, description="Tên nhiệm vụ.", examples=[_TASK_TITLE_EXAMPLE]
    )

    @field_validator("ordinal", "title")
    @classmethod
    def _nfc_required(cls, value: str) -> str:
        return nfc(value)


class TaskUpdate(_TaskFields):
    ordinal: NfcText | None = Field(
        default=None, min_length=1, max_length=20, description="Số thứ tự trong văn bản."
    )
    title: NfcText | None = Field(
        default=None, min_length=2, max_length=500, description="Tên nhiệm vụ."
    )

    @field_validator("ordinal", "title")
    @classmethod
    def _nfc_required(cls, value: str | None) -> str | None:
        return nfc(value) if value is not None else None


class AgencyRef(BaseModel):
    id: int = Field(description="Mã cơ quan.")
    name: str = Field(description="Tên cơ quan.", examples=["Phòng Văn hóa và Thông tin"])


class TaskRead(BaseModel):
    id: int = Field(description="Mã nhiệm vụ.")
    plan_id: int = Field(description="Kế hoạch chứa nhiệm vụ.")
    position: int = Field(description="Thứ tự hiển thị.", examples=[0])
    ordinal: str = Field(description="Số thứ tự trong văn bản.", examples=["10.a"])
    title: str = Field(description="Tên nhiệm vụ.", examples=[_TASK_TITLE_EXAMPLE])
    content: str | None = Field(description="Nội dung chi tiết.")
    lead_agency: AgencyRef | None = Field(description="Cơ quan chủ trì.")
    lead_all_children: bool = Field(description="Chủ trì là mọi đơn vị trực thuộc.")
    lead_text: str | None = Field(
        description="Cơ quan chủ trì như văn bản ghi.",
        examples=["Trung tâm Truyền thông - Văn hoá - Thể thao huyện"],
    )
    coordinators: list[AgencyRef] = Field(description="Cơ quan phối hợp.")
    coordinate_text: str | None = Field(description="Cơ quan phối hợp như văn bản ghi.")
    recurrence: Recurrence = Field(description="Thời gian thực hiện.", examples=["weekly"])
    start_on: date | None = Field(description="Ngày bắt đầu.")
    end_on: date | None = Field(description="Ngày kết thúc.")
    due_on: date | None = Field(description="Hạn hoàn thành.")
    channel_types: list[str] = Field(description="Mã hình thức tuyên truyền.")
    topics: list[str] = Field(description="Mã chủ đề.")
    targets: list[Target] = Field(description="Chỉ tiêu.")
    budget_vnd: int | None = Field(description="Dự toán kinh phí (đồng).")
    version: int = Field(description="Phiên bản (dùng cho ETag).")


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
