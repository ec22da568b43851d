from datetime import datetime

from fastapi import APIRouter, Query

from app.audit import service
from app.audit.schemas import AuditEntryRead
from app.core.auth import Admin
from app.core.db import SessionDep
from app.core.errors import Forbidden, Unauthorized, ValidationProblem, responses
from app.core.ids import MAX_ID
from app.core.pagination import CursorParam, LimitParam, Page

router = APIRouter(prefix="/audit", tags=["audit"])


@router.get(
    "",
    response_model=Page[AuditEntryRead],
    summary="Nhật ký thay đổi trong phạm vi đơn vị của quản trị viên",
    responses=responses(Unauthorized, Forbidden, ValidationProblem),
)
def list_audit_entries(
    session: SessionDep,
    caller: Admin,
    entity: str | None = Query(None, description="Loại bản ghi.", examples=["plan"]),
    entity_id: int | None = Query(None, ge=1, le=MAX_ID, description="Mã bản ghi."),
    actor_id: int | None = Query(None, ge=1, le=MAX_ID, description="Mã người thực hiện."),
    since: datetime | None = Query(None, description="Chỉ lấy từ thời điểm này (ISO 8601)."),
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
        limit=limit,
        cursor=cursor,
    )
    return Page(items=[AuditEntryRead.model_validate(r) for r in rows], next_cursor=next_cursor)
