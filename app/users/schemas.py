from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.core.ids import Code, DbId
from app.core.text import NfcText, Text, nfc
from app.users.models import AgencyKind, Role

# Longest accepted username / secret in a token request (longer ones cannot match an account).
MAX_NAME = 64
MAX_SECRET = 128


class TokenRequest(BaseModel):
    """The OAuth2 token request (RFC 6749 §4.3 and §4.4), sent as a form."""

    grant_type: Literal["password", "client_credentials"] = Field(
        description="`password` cho người dùng, `client_credentials` cho tài khoản dịch vụ."
    )
    username: str | None = Field(
        default=None, max_length=MAX_NAME, description="Tên đăng nhập (grant password)."
    )
    password: str | None = Field(
        default=None, max_length=MAX_SECRET, description="Mật khẩu (grant password)."
    )
    scope: str = Field(default="", max_length=200, description="Không dùng; quyền theo tài khoản.")
    client_id: str | None = Field(
        default=None, max_length=MAX_NAME, description="Mã tài khoản dịch vụ."
    )
    client_secret: str | None = Field(
        default=None, max_length=MAX_SECRET, description="Khóa bí mật tài khoản dịch vụ."
    )


class TokenResponse(BaseModel):
    access_token: str = Field(description="JWT để gửi trong header `Authorization: Bearer …`.")
    token_type: str = Field(default="bearer", description="Luôn là `bearer`.")
    expires_in: int = Field(description="Số giây còn hiệu lực.", examples=[3600])
    role: Role = Field(description="Vai trò của tài khoản.")
    unit_id: int | None = Field(description="Đơn vị hành chính của tài khoản (null: toàn quốc).")


class AgencyBase(BaseModel):
    name: NfcText = Field(
        min_length=2,
        max_length=200,
        description="Tên cơ quan, đơn vị.",
        examples=["Phòng Văn hóa và Thông tin"],
    )
    short_name: Text | None = Field(
        default=None, max_length=40, description="Tên viết tắt.", examples=["Phòng VH-TT"]
    )
    kind: AgencyKind = Field(
        description="Loại: UBND, văn phòng, phòng chuyên môn, trung tâm truyền thông, trung tâm "
        "chính trị, Mặt trận, đoàn thể, bưu điện, công chức cấp xã, khác.",
        examples=["department"],
    )

    @field_validator("name", "short_name")
    @classmethod
    def _nfc(cls, value: str | None) -> str | None:
        return nfc(value) if value is not None else None


class AgencyCreate(AgencyBase):
    unit_id: DbId = Field(description="Đơn vị hành chính của cơ quan.", examples=[566])


class AgencyUpdate(BaseModel):
    name: NfcText | None = Field(default=None, min_length=2, max_length=200, description="Tên mới.")
    short_name: Text | None = Field(default=None, max_length=40, description="Tên viết tắt mới.")
    kind: AgencyKind | None = Field(default=None, description="Loại mới.")

    @field_validator("name", "short_name")
    @classmethod
    def _nfc(cls, value: str | None) -> str | None:
        return nfc(value) if value is not None else None


class AgencyRead(AgencyBase):
    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="Mã cơ quan.")
    unit_id: DbId = Field(description="Đơn vị hành chính của cơ quan.")
    version: int = Field(description="Phiên bản (tăng sau mỗi lần sửa; dùng cho ETag).")


class UserBase(BaseModel):
    full_name: NfcText = Field(
        min_length=2, max_length=120, description="Họ và tên.", examples=["Nguyễn Bá Tâm"]
    )
    role: Role = Field(description="Vai trò.", examples=["officer"])
    agency_id: DbId | None = Field(
        default=None, description="Cơ quan công tác (thuộc đơn vị của người dùng)."
    )

    @field_validator("full_name")
    @classmethod
    def _nfc(cls, value: str) -> str:
        return nfc(value)


class UserCreate(UserBase):
    username: Text = Field(
        min_length=3,
        max_length=64,
        pattern=r"^[a-z0-9][a-z0-9._-]*$",
        description="Tên đăng nhập (chữ thường không dấu, số, `.`, `_`, `-`).",
        examples=["lexa.officer"],
    )
    password: Text = Field(
        min_length=10,
        max_length=128,
        description="Mật khẩu (ít nhất 10 ký tự).",
    )
    unit_id: DbId | None = Field(
        description="Đơn vị hành chính; null chỉ dành cho tài khoản toàn quốc.", examples=[11404]
    )
    scopes: list[Code] = Field(
        default_factory=list,
        max_length=10,
        description="Quyền của tài khoản tích hợp, ví dụ `read`.",
        examples=[["read"]],
    )


class UserUpdate(BaseModel):
    full_name: NfcText | None = Field(
        default=None, min_length=2, max_length=120, description="Họ tên mới."
    )
    role: Role | None = Field(default=None, description="Vai trò mới.")
    agency_id: DbId | None = Field(default=None, description="Cơ quan công tác mới.")
    is_active: bool | None = Field(default=None, description="false để khóa tài khoản.")
    password: Text | None = Field(
        default=None, min_length=10, max_length=128, description="Mật khẩu mới."
    )
    scopes: list[Code] | None = Field(
        default=None, max_length=10, description="Quyền mới (tài khoản tích hợp)."
    )


class UserRead(UserBase):
    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="Mã người dùng.")
    username: str = Field(description="Tên đăng nhập.", examples=["lexa.officer"])
    unit_id: int | None = Field(description="Đơn vị hành chính (null: toàn quốc).")
    scopes: list[str] = Field(description="Quyền của tài khoản tích hợp.")
    is_active: bool = Field(description="Tài khoản còn hoạt động.")
    version: int = Field(description="Phiên bản (dùng cho ETag).")
    created_at: datetime = Field(description="Thời điểm tạo (UTC).")

    @field_validator("scopes", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        return value.split() if isinstance(value, str) else value


class MeRead(UserRead):
    unit_name: str | None = Field(description="Tên đơn vị hành chính.", examples=["Xã Lệ Xá"])
    agency_name: str | None = Field(description="Tên cơ quan công tác.")
