"""API shapes of activities: create (one or a batch), update (all optional), read, batch result."""

from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.core.ids import Code, DbId, Vnd
from app.core.text import Text, nfc
from app.reference.data import LANGUAGE_CODES, TOPIC_CODES, VIETNAMESE

MAX_BATCH = 5000
MAX_QUANTITY = 10**9
EARLIEST = date(2000, 1, 1)
_TITLE_EXAMPLE = "Phát tin về thực hiện cơ chế một cửa, một cửa liên thông trên sóng truyền thanh"

Quantity = Annotated[int, Field(ge=0, le=MAX_QUANTITY)]


def _topics(codes: list[str] | None) -> list[str] | None:
    if codes is None:
        return None
    for code in codes:
        if code not in TOPIC_CODES:
            raise ValueError(f"Mã chủ đề không có trong danh mục (GET /api/v1/topics): «{code}»")
    return list(dict.fromkeys(codes))


def _language(code: str | None) -> str | None:
    if code is not None and code not in LANGUAGE_CODES:
        raise ValueError(f"Mã ngôn ngữ không có trong danh mục (GET /api/v1/languages): «{code}»")
    return code


class _ActivityFields(BaseModel):
    """Fields shared by create and update; every one is optional here."""

    # A misspelt field of an imported row is a 422 naming it, not silently dropped.
    model_config = ConfigDict(extra="forbid")

    task_id: DbId | None = Field(
        default=None,
        description="Nhiệm vụ (của kế hoạch đã ban hành) mà hoạt động thực hiện; có "
        "`assignment_id` thì suy ra từ phân công.",
    )
    assignment_id: DbId | None = Field(
        default=None,
        description="Phân công mà hoạt động là minh chứng: phải là phân công của chính cơ quan, "
        "đơn vị ghi hoạt động, kế hoạch đã ban hành và ngày hoạt động nằm trong kỳ kế hoạch.",
    )
    topics: list[Code] | None = Field(
        default=None,
        max_length=20,
        description="Mã chủ đề (GET /api/v1/topics).",
        examples=[["reform.procedures"]],
    )
    url: Text | None = Field(
        default=None,
        max_length=500,
        pattern=r"^https?://[^\s]+$",
        description="Đường dẫn tới tin, bài, bản ghi (http/https).",
        examples=["https://lexa.tienlu.hungyen.gov.vn/tin-tuc/cai-cach-hanh-chinh"],
    )
    cost_vnd: Vnd | None = Field(
        default=None, description="Kinh phí đã chi (đồng).", examples=[500000]
    )
    language: Code | None = Field(
        default=None,
        description="Ngôn ngữ (GET /api/v1/languages); mặc định `vie`. Phải là một ngôn ngữ của "
        "kênh.",
        examples=["blt"],
    )
    public: bool | None = Field(
        default=None,
        description="`true`: công khai (tin, bài công khai sẽ đưa lên mục CCHC của cổng thông "
        "tin); mặc định `false`.",
        examples=[True],
    )

    @field_validator("topics")
    @classmethod
    def _check_topics(cls, values: list[str] | None) -> list[str] | None:
        return _topics(values)

    @field_validator("language")
    @classmethod
    def _check_language(cls, value: str | None) -> str | None:
        return _language(value)


class ActivityCreate(_ActivityFields):
    """One activity; in a batch, one row of the array."""

    unit_id: DbId | None = Field(
        default=None,
        description="Đơn vị thực hiện; bỏ trống là đơn vị của người đăng nhập (tài khoản tích hợp "
        "toàn quốc phải ghi rõ).",
    )
    channel_id: DbId = Field(
        description="Kênh: của đơn vị, của cấp trên hoặc của đơn vị cấp dưới "
        "(GET /api/v1/channels)."
    )
    occurred_on: date = Field(
        ge=EARLIEST, description="Ngày thực hiện (không sau hôm nay).", examples=["2024-03-05"]
    )
    title: Text = Field(
        min_length=3,
        max_length=500,
        description="Tiêu đề, nội dung ngắn.",
        examples=[_TITLE_EXAMPLE],
    )
    quantities: dict[Code, Quantity] = Field(
        min_length=1,
        max_length=10,
        description="Số lượng theo chỉ tiêu: chỉ các mã mà loại kênh đếm (`counts` của GET "
        "/api/v1/channel-types), số nguyên không âm.",
        examples=[{"broadcasts": 1, "minutes": 15}],
    )

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        return nfc(value)


class ActivityUpdate(_ActivityFields):
    """Changes to an activity: only the fields sent are changed; its unit stays."""

    channel_id: DbId | None = Field(default=None, description="Kênh.")
    occurred_on: date | None = Field(default=None, ge=EARLIEST, description="Ngày thực hiện.")
    title: Text | None = Field(default=None, min_length=3, max_length=500, description="Tiêu đề.")
    quantities: dict[Code, Quantity] | None = Field(
        default=None, min_length=1, max_length=10, description="Thay toàn bộ số lượng."
    )

    @field_validator("title")
    @classmethod
    def _title(cls, value: str | None) -> str | None:
        return nfc(value) if value is not None else None


class ActivityRead(BaseModel):
    id: int = Field(description="Mã hoạt động.")
    unit_id: int = Field(description="Đơn vị thực hiện.")
    unit_name: str = Field(description="Tên đơn vị.", examples=["Xã Lệ Xá"])
    channel_id: int = Field(description="Kênh.")
    channel_name: str = Field(description="Tên kênh.", examples=["Đài truyền thanh xã Lệ Xá"])
    channel_type: str = Field(description="Mã hình thức tuyên truyền.", examples=["radio"])
    occurred_on: date = Field(description="Ngày thực hiện.", examples=["2024-03-05"])
    task_id: int | None = Field(description="Nhiệm vụ.")
    assignment_id: int | None = Field(description="Phân công.")
    topics: list[str] = Field(description="Mã chủ đề.", examples=[["reform.procedures"]])
    title: str = Field(description="Tiêu đề.", examples=[_TITLE_EXAMPLE])
    url: str | None = Field(description="Đường dẫn.")
    quantities: dict[str, int] = Field(
        description="Số lượng theo chỉ tiêu.", examples=[{"broadcasts": 1, "minutes": 15}]
    )
    cost_vnd: int | None = Field(description="Kinh phí đã chi (đồng).")
    language: str = Field(description="Mã ngôn ngữ.", examples=[VIETNAMESE])
    public: bool = Field(description="Công khai.")
    version: int = Field(description="Phiên bản (dùng cho ETag).")
    created_at: datetime = Field(description="Thời điểm ghi (UTC).")
    updated_at: datetime = Field(description="Thời điểm sửa gần nhất (UTC).")


class ActivityBatchResult(BaseModel):
    """What a batch wrote: every row, in the order sent."""

    created: int = Field(description="Số hoạt động đã ghi.", examples=[52])
    ids: list[int] = Field(description="Mã các hoạt động đã ghi, theo thứ tự các dòng gửi lên.")


class Figures(BaseModel):
    activities: int = Field(description="Số hoạt động.", examples=[52])
    cost_vnd: int = Field(description="Tổng kinh phí đã chi (đồng).", examples=[2600000])
    quantities: dict[str, int] = Field(
        description="Tổng số lượng theo mã chỉ tiêu.", examples=[{"broadcasts": 52, "minutes": 780}]
    )


class SummaryRow(Figures):
    channel_type: str | None = Field(
        description="Mã hình thức tuyên truyền (null khi không nhóm theo hình thức).",
        examples=["radio"],
    )
    topic: str | None = Field(
        description="Mã chủ đề khi nhóm theo chủ đề (null: hoạt động không gắn chủ đề, hoặc không "
        "nhóm theo chủ đề). Hoạt động gắn nhiều chủ đề được tính ở dòng của mỗi chủ đề.",
        examples=["reform.procedures"],
    )
    month: str | None = Field(
        description="Tháng `YYYY-MM` (null khi không nhóm theo tháng).", examples=["2019-03"]
    )


class ActivitySummary(BaseModel):
    """Counts and sums of a unit subtree's activities over a date range, computed in SQL."""

    unit_id: int | None = Field(description="Đơn vị gốc của cây (null: cả nước).")
    unit_name: str | None = Field(description="Tên đơn vị gốc.", examples=["Huyện Sông Mã"])
    date_from: date = Field(description="Từ ngày.", examples=["2019-01-01"])
    date_to: date = Field(description="Đến ngày.", examples=["2019-12-31"])
    group_by: list[str] = Field(
        description="Các chiều nhóm của `rows`.", examples=[["channel_type", "topic", "month"]]
    )
    totals: Figures = Field(description="Tổng của mọi hoạt động (mỗi hoạt động tính một lần).")
    rows: list[SummaryRow] = Field(
        description="Các nhóm, theo thứ tự mã hình thức, mã chủ đề, tháng. Không nhóm theo chủ "
        "đề thì tổng các dòng bằng `totals`."
    )
