from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class AuditEntryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="Mã bản ghi nhật ký.")
    at: datetime = Field(description="Thời điểm ghi (UTC).")
    actor_id: int | None = Field(description="Người thực hiện (mã người dùng).")
    actor_username: str | None = Field(
        description="Tên đăng nhập người thực hiện.", examples=["lexa.officer"]
    )
    unit_id: int | None = Field(description="Đơn vị hành chính sở hữu bản ghi bị thay đổi.")
    action: str = Field(description="Hành động.", examples=["create", "update", "issue"])
    entity: str = Field(description="Loại bản ghi.", examples=["plan"])
    entity_id: int | None = Field(description="Mã bản ghi bị thay đổi.")
    before: dict[str, Any] | None = Field(description="Trạng thái trước khi thay đổi.")
    after: dict[str, Any] | None = Field(description="Trạng thái sau khi thay đổi.")
