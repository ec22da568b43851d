from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from app.units.models import UnitLevel


class UnitRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int = Field(
        description="Mã nội bộ của đơn vị (ổn định giữa các lần nạp).", examples=[11404]
    )
    code: str = Field(
        description="Mã đơn vị hành chính chính thức (Tổng cục Thống kê).", examples=["12352"]
    )
    name: str = Field(description="Tên đầy đủ.", examples=["Xã Lệ Xá"])
    level: UnitLevel = Field(
        description="Cấp: `province`, `district` (đến 30/6/2025) hoặc `commune`."
    )
    kind: str = Field(
        description="Loại đơn vị: tỉnh, thành phố, thị xã, huyện, quận, xã, phường, thị trấn, "
        "đặc khu.",
        examples=["xã"],
    )
    parent_id: int | None = Field(description="Đơn vị cấp trên trực tiếp (huyện hoặc tỉnh).")
    valid_from: date | None = Field(
        description="Có hiệu lực từ ngày (null: từ trước khi có dữ liệu).", examples=["2025-07-01"]
    )
    valid_to: date | None = Field(
        description="Hết hiệu lực sau ngày này (null: còn hiệu lực).", examples=["2025-06-30"]
    )


class UnitLink(BaseModel):
    unit: UnitRead = Field(description="Đơn vị kế thừa hoặc tiền thân.")
    parent_name: str | None = Field(
        description="Tên đơn vị cấp trên của `unit`, để hiển thị (ví dụ tỉnh mới).",
        examples=["Tỉnh Hưng Yên"],
    )
    partial: bool = Field(description="Chỉ một phần địa bàn chuyển sang (đơn vị bị chia).")
    effective_on: date = Field(description="Ngày sắp xếp có hiệu lực.", examples=["2025-07-01"])


class UnitRef(BaseModel):
    """A unit named in another payload: its id and name."""

    id: int = Field(description="Mã nội bộ của đơn vị.", examples=[12013])
    name: str = Field(description="Tên đầy đủ.", examples=["Xã Tiên Hoa"])
