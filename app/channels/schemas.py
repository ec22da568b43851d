"""API shapes of channels: create, update (all optional), read."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.core.ids import Code, DbId
from app.core.text import Text, nfc
from app.plans.recurrence import Recurrence
from app.reference.data import CHANNEL_TYPE_CODES, LANGUAGE_CODES

_NAME_EXAMPLE = "Đài truyền thanh xã Lệ Xá"


def check_languages(codes: list[str] | None) -> list[str] | None:
    if codes is None:
        return None
    for code in codes:
        if code not in LANGUAGE_CODES:
            raise ValueError(
                f"Mã ngôn ngữ không có trong danh mục (GET /api/v1/languages): «{code}»"
            )
    return list(dict.fromkeys(codes))


def _optional_text(value: str | None) -> str | None:
    return (nfc(value) or None) if value is not None else None


class _ChannelFields(BaseModel):
    """Fields shared by create and update; every one is optional here."""

    # An unknown field (a PATCH of `channel_type`) is a 422, not silently ignored.
    model_config = ConfigDict(extra="forbid")

    operator_agency_id: DbId | None = Field(
        default=None,
        description="Cơ quan vận hành kênh: một cơ quan của chính đơn vị (GET /api/v1/agencies).",
    )
    url: Text | None = Field(
        default=None,
        max_length=500,
        pattern=r"^https?://[^\s]+$",
        description="Địa chỉ trang web hoặc trang mạng xã hội (http/https).",
        examples=["https://donghoa.phuyen.gov.vn"],
    )
    languages: list[Code] | None = Field(
        default=None,
        min_length=1,
        max_length=10,
        description="Ngôn ngữ phát, đăng trên kênh (mã GET /api/v1/languages); mặc định tiếng "
        "Việt `vie`.",
        examples=[["vie", "blt", "hmn"]],
    )
    frequency: Recurrence | None = Field(
        default=None,
        description="Lịch phát, đăng định kỳ: `daily` (hàng ngày), `weekly`, `monthly`…",
        examples=["daily"],
    )
    schedule: Text | None = Field(
        default=None,
        max_length=300,
        description="Lịch cụ thể như đơn vị ghi.",
        examples=["Sáng 6h00 và chiều 17h00 hàng ngày"],
    )

    @field_validator("schedule")
    @classmethod
    def _nfc(cls, value: str | None) -> str | None:
        return _optional_text(value)

    @field_validator("languages")
    @classmethod
    def _languages(cls, values: list[str] | None) -> list[str] | None:
        return check_languages(values)


class ChannelCreate(_ChannelFields):
    """A new channel of the caller's unit."""

    unit_id: DbId | None = Field(
        default=None,
        description="Đơn vị sở hữu kênh; bỏ trống là đơn vị của người đăng nhập (chỉ được đăng ký "
        "kênh của chính đơn vị mình).",
    )
    channel_type: Code = Field(
        description="Mã hình thức tuyên truyền (GET /api/v1/channel-types); không đổi được sau "
        "khi tạo vì nó quyết định hoạt động trên kênh đếm gì.",
        examples=["radio"],
    )
    name: Text = Field(
        min_length=3, max_length=200, description="Tên kênh.", examples=[_NAME_EXAMPLE]
    )
    merged_from: list[DbId] = Field(
        default_factory=list,
        max_length=50,
        description="Kênh của các đơn vị cũ (trước sắp xếp 2025) đã nhập vào kênh này; mỗi kênh "
        "phải thuộc một đơn vị mà đơn vị của kênh này kế thừa.",
    )

    @field_validator("channel_type")
    @classmethod
    def _channel_type(cls, value: str) -> str:
        if value not in CHANNEL_TYPE_CODES:
            raise ValueError(
                f"Mã hình thức tuyên truyền không có trong danh mục (GET /api/v1/channel-types): "
                f"«{value}»"
            )
        return value

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return nfc(value)


class ChannelUpdate(_ChannelFields):
    """Changes to a channel: only the fields sent are changed."""

    name: Text | None = Field(default=None, min_length=3, max_length=200, description="Tên kênh.")
    is_active: bool | None = Field(
        default=None, description="`false`: kênh ngừng hoạt động (vẫn đọc được)."
    )
    merged_from: list[DbId] | None = Field(
        default=None,
        max_length=50,
        description="Thay danh sách kênh của đơn vị cũ đã nhập vào kênh này.",
    )

    @field_validator("name")
    @classmethod
    def _name(cls, value: str | None) -> str | None:
        return nfc(value) if value is not None else None


class ChannelRef(BaseModel):
    id: int = Field(description="Mã kênh.")
    name: str = Field(description="Tên kênh.", examples=[_NAME_EXAMPLE])
    unit_id: int = Field(description="Đơn vị sở hữu.")


class ChannelRead(BaseModel):
    id: int = Field(description="Mã kênh.")
    unit_id: int = Field(description="Đơn vị sở hữu kênh.")
    unit_name: str = Field(description="Tên đơn vị.", examples=["Xã Lệ Xá"])
    channel_type: str = Field(description="Mã hình thức tuyên truyền.", examples=["radio"])
    name: str = Field(description="Tên kênh.", examples=[_NAME_EXAMPLE])
    operator_agency_id: int | None = Field(description="Cơ quan vận hành.")
    operator_agency_name: str | None = Field(
        description="Tên cơ quan vận hành.", examples=["Đài Truyền thanh xã Lệ Xá"]
    )
    url: str | None = Field(description="Địa chỉ web.")
    languages: list[str] = Field(description="Mã ngôn ngữ.", examples=[["vie"]])
    frequency: Recurrence | None = Field(description="Lịch phát, đăng định kỳ.")
    schedule: str | None = Field(description="Lịch cụ thể.")
    is_active: bool = Field(description="Kênh còn hoạt động.")
    merged_into: ChannelRef | None = Field(
        description="Kênh của đơn vị kế thừa mà kênh này đã nhập vào (sắp xếp đơn vị 2025)."
    )
    merged_from: list[ChannelRef] = Field(
        description="Kênh của các đơn vị cũ đã nhập vào kênh này."
    )
    version: int = Field(description="Phiên bản (dùng cho ETag).")
    created_at: datetime = Field(description="Thời điểm tạo (UTC).")
    updated_at: datetime = Field(description="Thời điểm sửa gần nhất (UTC).")
