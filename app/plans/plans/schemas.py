"""API shapes of plans: create, update (all optional), read (with tasks), summary (for lists)."""

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from app.core.docnumber import parse_doc_number, parse_symbol
from app.core.ids import MAX_ID, MAX_VND, Code
from app.core.text import NfcText, Text, nfc
from app.plans.plans.models import PlanStatus, Visibility
from app.plans.recurrence import period_problem
from app.plans.tasks.schemas import TaskRead
from app.reference.data import TOPIC_CODES
from app.units.schemas import UnitRef


class SigningMode(StrEnum):
    """Thể thức ký (Nghị định 30/2020/NĐ-CP): thay mặt, ký thay, thừa lệnh, thừa ủy quyền."""

    tm = "TM."
    kt = "KT."
    tl = "TL."
    tuq = "TUQ."


# One point of a plan's purposes or requirements: a paragraph (the seeds' longest is 561).
Paragraph = Annotated[Text, Field(max_length=2000)]

UNKNOWN_TOPIC = "Mã chủ đề không có trong danh mục (xem GET /api/v1/topics)"


def _nfc_or_none(value: str | None) -> str | None:
    if value is None:
        return None
    return nfc(value) or None


def _nfc_list(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [text for text in (nfc(v) for v in values) if text]


def check_topic_codes(codes: list[str] | None) -> list[str] | None:
    if codes is None:
        return None
    for code in codes:
        if code not in TOPIC_CODES:
            raise ValueError(f"{UNKNOWN_TOPIC}: «{code}»")
    return list(dict.fromkeys(codes))


class LegalBasis(BaseModel):
    """A document the plan is based on (căn cứ): number, date, issuer and title."""

    reference: NfcText = Field(
        min_length=3,
        max_length=60,
        description="Số hiệu văn bản theo Nghị định 30/2020/NĐ-CP: `145/KH-UBND`, "
        "`108/2020/NĐ-CP`, `01-CTr/TU`, `97/2019/QH14`. Lưu ở dạng chuẩn (bỏ khoảng trắng thừa).",
        examples=["184/KH-UBND"],
    )
    issued_on: date | None = Field(
        default=None, description="Ngày ban hành văn bản.", examples=["2023-12-28"]
    )
    issuer: Text | None = Field(
        default=None,
        max_length=200,
        description="Cơ quan ban hành.",
        examples=["UBND huyện Tiên Lữ"],
    )
    title: Text | None = Field(
        default=None,
        max_length=500,
        description="Trích yếu.",
        examples=["cải cách hành chính nhà nước huyện Tiên Lữ năm 2024"],
    )

    @field_validator("reference")
    @classmethod
    def _parse_reference(cls, value: str) -> str:
        return parse_doc_number(value).text

    @field_validator("issuer", "title")
    @classmethod
    def _nfc(cls, value: str | None) -> str | None:
        return _nfc_or_none(value)


class Budget(BaseModel):
    """Kinh phí: the sources named by the plan and an estimate in VND."""

    sources: list[Annotated[Text, Field(max_length=300)]] = Field(
        default_factory=list,
        max_length=20,
        description="Nguồn kinh phí.",
        examples=[["dự toán ngân sách chi cho hoạt động CCHC"]],
    )
    estimate_vnd: int | None = Field(
        default=None, ge=0, le=MAX_VND, description="Dự toán (đồng).", examples=[20000000]
    )
    note: Text | None = Field(
        default=None,
        max_length=2000,
        description="Ghi chú về kinh phí như văn bản viết.",
        examples=[
            "Các cơ quan, đơn vị; UBND xã, dựn dự toán kinh phí thực hiện tuyên truyền đề nghị"
            " UBND huyện bổ sung vào dự toán ngân sách chi cho hoạt động CCHC."
        ],
    )

    @field_validator("sources")
    @classmethod
    def _nfc_sources(cls, values: list[str]) -> list[str]:
        return _nfc_list(values) or []

    @field_validator("note")
    @classmethod
    def _nfc_note(cls, value: str | None) -> str | None:
        return _nfc_or_none(value)


_TITLE = "Trích yếu của kế hoạch."
_PERIOD_END = (
    "Ngày kết thúc kỳ kế hoạch: không trước ngày bắt đầu, và kỳ dài tối đa 10 năm (kỳ dài nhất "
    "trong các kế hoạch mẫu là 5 năm)."
)
_TITLE_EXAMPLE = "Tuyên truyền cải cách hành chính xã Lệ Xá năm 2024"


class _PlanFields(BaseModel):
    """Fields shared by create and update; every one is optional here."""

    symbol: Text | None = Field(
        default=None,
        max_length=30,
        description="Ký hiệu văn bản (loại văn bản - cơ quan ban hành); mặc định `KH-UBND`.",
        examples=["KH-UBND"],
    )
    place: Text | None = Field(
        default=None, max_length=100, description="Địa danh ghi ở đầu văn bản.", examples=["Lệ Xá"]
    )
    effective_on: date | None = Field(
        default=None, description="Ngày có hiệu lực (nếu khác ngày ban hành)."
    )
    signer_name: Text | None = Field(
        default=None, max_length=120, description="Người ký.", examples=["Nguyễn Bá Tâm"]
    )
    signer_title: Text | None = Field(
        default=None, max_length=120, description="Chức vụ người ký.", examples=["Phó Chủ tịch"]
    )
    signing_mode: SigningMode | None = Field(
        default=None,
        description="Thể thức ký: `TM.` (thay mặt tập thể), `KT.` (ký thay), `TL.` (thừa "
        "lệnh), `TUQ.` (thừa ủy quyền).",
        examples=["TM."],
    )
    visibility: Visibility | None = Field(
        default=None,
        description="`public`: công khai trên cổng thông tin khi đã ban hành; `internal`: nội bộ.",
        examples=["public"],
    )
    parent_plan_id: int | None = Field(
        default=None,
        ge=1,
        le=MAX_ID,
        description="Kế hoạch cấp trên mà kế hoạch này triển khai (của đơn vị cấp trên, hoặc kế "
        "hoạch đã ban hành trước đó của chính đơn vị).",
    )
    legal_bases: list[LegalBasis] | None = Field(
        default=None, max_length=50, description="Căn cứ ban hành."
    )
    purposes: list[Paragraph] | None = Field(
        default=None,
        max_length=50,
        description="Mục đích, mỗi ý một phần tử.",
        examples=[["Nâng cao nhận thức, trách nhiệm của tập thể lãnh đạo, người đứng đầu..."]],
    )
    requirements: list[Paragraph] | None = Field(
        default=None, max_length=50, description="Yêu cầu, mỗi ý một phần tử."
    )
    topics: list[Code] | None = Field(
        default=None,
        max_length=60,
        description="Mã chủ đề (GET /api/v1/topics).",
        examples=[["reform.procedures", "index.par", "index.sipas"]],
    )
    budget: Budget | None = Field(default=None, description="Kinh phí thực hiện.")
    recipients: list[Annotated[Text, Field(max_length=200)]] | None = Field(
        default=None,
        max_length=60,
        description="Nơi nhận.",
        examples=[["Thường trực Đảng ủy", "Thường trực HĐND xã", "Lưu: VT"]],
    )

    @field_validator("symbol")
    @classmethod
    def _symbol(cls, value: str | None) -> str | None:
        if value is None:
            return None
        doc_type, issuer = parse_symbol(value)
        return f"{doc_type}-{issuer}"

    @field_validator("place", "signer_name", "signer_title")
    @classmethod
    def _nfc(cls, value: str | None) -> str | None:
        return _nfc_or_none(value)

    @field_validator("purposes", "requirements", "recipients")
    @classmethod
    def _nfc_items(cls, values: list[str] | None) -> list[str] | None:
        return _nfc_list(values)

    @field_validator("topics")
    @classmethod
    def _topics(cls, values: list[str] | None) -> list[str] | None:
        return check_topic_codes(values)


class PlanCreate(_PlanFields):
    """A new draft plan; number, date and signature are fixed when it is issued."""

    unit_id: int | None = Field(
        default=None,
        ge=1,
        le=MAX_ID,
        description="Đơn vị ban hành; bỏ trống là đơn vị của người đang đăng nhập (chỉ được tạo "
        "kế hoạch của chính đơn vị mình).",
    )
    title: NfcText = Field(
        min_length=3, max_length=500, description=_TITLE, examples=[_TITLE_EXAMPLE]
    )
    period_start: date = Field(description="Ngày bắt đầu kỳ kế hoạch.", examples=["2024-01-01"])
    period_end: date = Field(description=_PERIOD_END, examples=["2024-12-31"])

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        return nfc(value)

    @field_validator("period_end")
    @classmethod
    def _period(cls, value: date, info: ValidationInfo) -> date:
        start = info.data.get("period_start")
        if start is not None and (problem := period_problem(start, value)):
            raise ValueError(problem)
        return value


class PlanUpdate(_PlanFields):
    """Changes to a draft: only the fields sent are changed."""

    title: NfcText | None = Field(
        default=None, min_length=3, max_length=500, description=_TITLE, examples=[_TITLE_EXAMPLE]
    )
    period_start: date | None = Field(default=None, description="Ngày bắt đầu kỳ kế hoạch.")
    period_end: date | None = Field(default=None, description=_PERIOD_END)

    @field_validator("title")
    @classmethod
    def _title(cls, value: str | None) -> str | None:
        return nfc(value) if value is not None else None


class PlanIssue(BaseModel):
    """What issuing fixes: number, date and signature (Decree 30/2020/NĐ-CP)."""

    number: int = Field(
        ge=1, le=99999, description="Số văn bản (đánh lại từ 1 mỗi năm).", examples=[17]
    )
    issued_on: date = Field(description="Ngày ban hành.", examples=["2024-01-15"])
    effective_on: date | None = Field(
        default=None, description="Ngày có hiệu lực; bỏ trống là giữ giá trị của dự thảo."
    )
    signer_name: Text | None = Field(
        default=None,
        max_length=120,
        description="Người ký; bỏ trống là dùng tên đã ghi trong dự thảo (bắt buộc phải có một).",
        examples=["Nguyễn Bá Tâm"],
    )
    signer_title: Text | None = Field(
        default=None, max_length=120, description="Chức vụ người ký.", examples=["Phó Chủ tịch"]
    )
    signing_mode: SigningMode | None = Field(
        default=None, description="Thể thức ký.", examples=["TM."]
    )

    @field_validator("signer_name", "signer_title")
    @classmethod
    def _nfc(cls, value: str | None) -> str | None:
        return _nfc_or_none(value)


class PlanSummary(BaseModel):
    """A plan in a list: its header and how many tasks it has, without the tasks."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="Mã kế hoạch.")
    unit_id: int = Field(description="Đơn vị ban hành.")
    unit_name: str = Field(description="Tên đơn vị ban hành.", examples=["Xã Lệ Xá"])
    number: int | None = Field(description="Số văn bản (null khi còn là dự thảo).", examples=[17])
    symbol: str = Field(description="Ký hiệu văn bản.", examples=["KH-UBND"])
    number_text: str = Field(
        description="Số và ký hiệu như ghi trên văn bản; dự thảo ghi `…/KH-UBND`.",
        examples=["17/KH-UBND"],
    )
    title: str = Field(description=_TITLE, examples=[_TITLE_EXAMPLE])
    issued_on: date | None = Field(description="Ngày ban hành.", examples=["2024-01-15"])
    period_start: date = Field(description="Ngày bắt đầu kỳ kế hoạch.", examples=["2024-01-01"])
    period_end: date = Field(description="Ngày kết thúc kỳ kế hoạch.", examples=["2024-12-31"])
    status: PlanStatus = Field(
        description="`draft` dự thảo, `issued` đã ban hành, `closed` đã kết thúc hoặc đã được "
        "thay thế, `cancelled` đã hủy.",
        examples=["issued"],
    )
    visibility: Visibility = Field(description="Công khai hay nội bộ.", examples=["public"])
    parent_plan_id: int | None = Field(description="Kế hoạch cấp trên mà kế hoạch này triển khai.")
    supersedes_id: int | None = Field(
        description="Kế hoạch đã ban hành mà bản sửa đổi này thay thế khi được ban hành."
    )
    task_count: int = Field(description="Số nhiệm vụ.", examples=[7])
    version: int = Field(description="Phiên bản (tăng sau mỗi thay đổi; dùng cho ETag).")


class PlanRead(PlanSummary):
    """A plan with every field and its tasks, in order."""

    place: str | None = Field(description="Địa danh.", examples=["Lệ Xá"])
    effective_on: date | None = Field(description="Ngày có hiệu lực.")
    signer_name: str | None = Field(description="Người ký.", examples=["Nguyễn Bá Tâm"])
    signer_title: str | None = Field(description="Chức vụ người ký.", examples=["Phó Chủ tịch"])
    signing_mode: SigningMode | None = Field(description="Thể thức ký.", examples=["TM."])
    superseded_by_id: int | None = Field(
        description="Bản sửa đổi đã ban hành thay thế kế hoạch này (khi đó trạng thái là `closed`)."
    )
    legal_bases: list[LegalBasis] = Field(description="Căn cứ ban hành.")
    purposes: list[str] = Field(description="Mục đích.")
    requirements: list[str] = Field(description="Yêu cầu.")
    topics: list[str] = Field(
        description="Mã chủ đề.", examples=[["reform.procedures", "index.par"]]
    )
    budget: Budget | None = Field(description="Kinh phí thực hiện.")
    recipients: list[str] = Field(description="Nơi nhận.")
    unit_abolished_on: date | None = Field(
        description="Ngày đơn vị ban hành không còn tồn tại (sắp xếp đơn vị hành chính, ví dụ "
        "1/7/2025); null khi đơn vị còn hiệu lực.",
        examples=["2025-07-01"],
    )
    unit_successors: list[UnitRef] = Field(
        description="Đơn vị kế thừa đơn vị ban hành đã bị bãi bỏ (đọc được lịch sử kế hoạch "
        "này); rỗng khi đơn vị còn hiệu lực."
    )
    tasks: list[TaskRead] = Field(description="Các nhiệm vụ, theo thứ tự trong văn bản.")
    created_at: datetime = Field(description="Thời điểm tạo (UTC).")
    updated_at: datetime = Field(description="Thời điểm sửa gần nhất (UTC).")


class ImplementingPlan(BaseModel):
    id: int = Field(description="Mã kế hoạch triển khai.")
    number_text: str = Field(description="Số, ký hiệu.", examples=["17/KH-UBND"])
    issued_on: date | None = Field(description="Ngày ban hành.", examples=["2024-01-15"])


class UnitCoverage(BaseModel):
    unit_id: int = Field(description="Đơn vị trực thuộc.")
    unit_name: str = Field(description="Tên đơn vị.", examples=["Xã Lệ Xá"])
    plans: list[ImplementingPlan] = Field(
        description="Kế hoạch đã ban hành của đơn vị triển khai kế hoạch này (chỉ những kế hoạch "
        "người gọi được xem)."
    )


class Implementation(BaseModel):
    """Which direct subordinate units have issued a plan implementing this one."""

    plan_id: int = Field(description="Kế hoạch cấp trên.")
    as_of: date = Field(
        description="Ngày xác định các đơn vị trực thuộc (ngày ban hành, hoặc đầu kỳ với dự thảo).",
        examples=["2023-12-28"],
    )
    total_units: int = Field(description="Số đơn vị trực thuộc trực tiếp.", examples=[11])
    implemented_units: int = Field(
        description="Số đơn vị đã ban hành kế hoạch triển khai.", examples=[1]
    )
    percentage: float = Field(
        description="Tỷ lệ đơn vị đã ban hành kế hoạch triển khai (%, một chữ số thập phân).",
        examples=[9.1],
    )
    implemented: list[UnitCoverage] = Field(description="Đơn vị đã ban hành kế hoạch triển khai.")
    missing: list[UnitCoverage] = Field(description="Đơn vị chưa ban hành kế hoạch triển khai.")
