"""ETags from a row's version counter; If-Match checks for PATCH, DELETE and transitions."""

from typing import Annotated

from fastapi import Header, Response

from app.core.errors import PreconditionFailed

IF_MATCH = "If-Match"


def etag_for(kind: str, resource_id: int, version: int) -> str:
    return f'"{kind}-{resource_id}-v{version}"'


def set_etag(response: Response, kind: str, resource_id: int, version: int) -> None:
    response.headers["ETag"] = etag_for(kind, resource_id, version)


# Required in the contract; a request without it answers 428 (the validation handler turns the
# missing header into PreconditionRequired), never a silent last-write-wins.
IfMatch = Annotated[
    str,
    Header(
        alias=IF_MATCH,
        max_length=200,
        description="ETag nhận được từ lần đọc gần nhất (bắt buộc; thiếu thì 428, "
        "không khớp thì 412).",
        examples=['"plan-12-v3"'],
    ),
]
OptionalIfMatch = Annotated[
    str | None,
    Header(
        alias=IF_MATCH,
        max_length=200,
        description="Không bắt buộc; nếu gửi thì phải khớp ETag hiện tại (412).",
        examples=['"plan-12-v3"'],
    ),
]


def check_if_match(if_match: str | None, kind: str, resource_id: int, version: int) -> None:
    """412 when a given If-Match names another version; nothing when it is absent."""
    if not if_match:
        return
    current = etag_for(kind, resource_id, version)
    candidates = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if "*" in candidates or current in candidates:
        return
    if not any(tag.startswith('"') and tag.endswith('"') for tag in candidates):
        raise PreconditionFailed(
            f"If-Match phải là ETag trong dấu ngoặc kép, ví dụ {current}; "
            f"đã nhận «{if_match[:60]}».",
            code="if_match_malformed",
        )
    raise PreconditionFailed(
        f"Bản ghi đã được người khác sửa (phiên bản hiện tại {current}); hãy tải lại rồi sửa tiếp."
    )
