from fastapi import APIRouter, Query

from app.access.auth import Admin
from app.audit import service
from app.audit.schemas import AuditEntryRead
from app.core.clock import InstantFilter
from app.core.db import SessionDep
from app.core.errors import Forbidden, Unauthorized, ValidationProblem, responses
from app.core.ids import MAX_ID, Code
from app.core.pagination import CursorParam, LimitParam, Page

router = APIRouter(prefix="/audit", tags=["audit"])

_INSTANT = (
    "ISO 8601 (`2024-01-15`, `2024-01-15T08:00:00+07:00`); không ghi múi giờ thì hiểu là giờ "
    "Việt Nam (Asia/Ho_Chi_Minh)."
)


@router.get(
    "",
    response_model=Page[AuditEntryRead],
    summary="Nhật ký thay đổi trong phạm vi đơn vị của quản trị viên",
    responses=responses(Unauthorized, Forbidden, ValidationProblem),
)
def list_audit_entries(
    session: SessionDep,
    caller: Admin,
    entity: Code | None = Query(None, description="Loại bản ghi.", examples=["plan"]),
    entity_id: int | None = Query(None, ge=1, le=MAX_ID, description="Mã bản ghi."),
    actor_id: int | None = Query(None, ge=1, le=MAX_ID, description="Mã người thực hiện."),
    since: InstantFilter | None = Query(None, description="Chỉ lấy từ thời điểm này. " + _INSTANT),
    until: InstantFilter | None = Query(
        None, description="Chỉ lấy trước thời điểm này. " + _INSTANT, examples=["2024-02-01"]
    ),
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[AuditEntryRead]:
    rows, next_cursor = service.list_entries(
        session,
        caller,
        entity=entity,
        entity_id=entity_id,
        actor_id=actor_id,
        since=since,
        until=until,
        limit=limit,
        cursor=cursor,
    )
    return Page(items=[AuditEntryRead.model_validate(r) for r in rows], next_cursor=next_cursor)
