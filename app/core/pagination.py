"""Keyset pagination with an opaque cursor, shared by every list route."""

import base64
import json
from typing import Annotated, Any

from fastapi import Query
from pydantic import BaseModel, Field

from app.core.errors import ValidationProblem

LimitParam = Annotated[
    int, Query(ge=1, le=200, description="Số bản ghi tối đa mỗi trang (1–200).", examples=[50])
]
CursorParam = Annotated[
    str | None,
    Query(description="Con trỏ trang tiếp theo lấy từ `next_cursor` của trang trước."),
]


class Page[T](BaseModel):
    items: list[T] = Field(description="Các bản ghi của trang này.")
    next_cursor: str | None = Field(
        description="Truyền vào `cursor` để lấy trang tiếp; `null` khi đã hết."
    )


def encode_cursor(values: list[Any]) -> str:
    raw = json.dumps(values, ensure_ascii=False, default=str, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, arity: int) -> list[Any] | None:
    """The key values of the last row of the previous page, or 422 for a tampered cursor."""
    if cursor is None:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationProblem.for_field(
            "query.cursor", "Con trỏ trang không hợp lệ; hãy dùng đúng `next_cursor` đã nhận."
        ) from exc
    if not isinstance(values, list) or len(values) != arity:
        raise ValidationProblem.for_field(
            "query.cursor", "Con trỏ trang không hợp lệ; hãy dùng đúng `next_cursor` đã nhận."
        )
    return values
