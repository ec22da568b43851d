"""ETags from a row's version counter; If-Match checks for PATCH and DELETE."""

from typing import Annotated

from fastapi import Header, Response

from app.core.errors import PreconditionFailed, PreconditionRequired


def etag_for(kind: str, resource_id: int, version: int) -> str:
    return f'"{kind}-{resource_id}-v{version}"'


def set_etag(response: Response, kind: str, resource_id: int, version: int) -> None:
    response.headers["ETag"] = etag_for(kind, resource_id, version)


IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description="ETag nhận được từ lần đọc gần nhất; bắt buộc với PATCH/DELETE.",
        examples=['"plan-12-v3"'],
    ),
]


def require_if_match(if_match: str | None, kind: str, resource_id: int, version: int) -> None:
    """428 when the header is missing, 412 when it names another version."""
    if not if_match:
        raise PreconditionRequired(
            "Gửi kèm header If-Match với ETag của lần đọc gần nhất "
            "để tránh ghi đè thay đổi của người khác."
        )
    current = etag_for(kind, resource_id, version)
    candidates = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if "*" not in candidates and current not in candidates:
        raise PreconditionFailed(
            f"Bản ghi đã được người khác sửa (phiên bản hiện tại {current}); "
            "hãy tải lại rồi sửa tiếp."
        )
