"""API shapes of tasks (nhiệm vụ): create, update (all optional), read."""

from datetime import date

from pydantic import BaseModel, Field, field_validator

from app.core.ids import MAX_ID, MAX_VND, Code, DbId
from app.core.text import NfcText, Text, nfc
from app.plans.recurrence import Recurrence
from app.reference.data import CHANNEL_TYPE_CODES, INDICATOR_CODES, TOPIC_CODES

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
