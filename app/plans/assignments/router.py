"""Routes for assignments (phân công): lists in scope, one with its evidence, due dates,
progress updates."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from fastapi import APIRouter, Query, Response

from app.core.db import SessionDep
from app.core.errors import READ_ERRORS, WRITE_ERRORS
from app.core.etag import set_etag
from app.core.ids import MAX_ID, AssignmentId
from app.core.pagination import CursorParam, LimitParam, Page
from app.plans.access import AssignmentReader, PlanWriter
from app.plans.assignments import service as assignments
from app.plans.assignments.models import AssignmentStatus
from app.plans.assignments.schemas import AssignmentRead, AssignmentUpdate, DueDate
from app.plans.loaders import AssignmentForUpdate

router = APIRouter(prefix="/assignments", tags=["assignments"])


def _with_evidence(session: SessionDep, row: Sequence[Any]) -> AssignmentRead:
    return assignments.assignment_reads(session, [row])[0]


@router.get(
    "",
    response_model=Page[AssignmentRead],
    summary="Phân công trong phạm vi, hạn gần nhất trước",
    description="`mine=true`: việc giao cho cơ quan của người dùng và cho cả đơn vị của người "
    "dùng, thuộc các kế hoạch đang có hiệu lực.",
    responses=READ_ERRORS,
)
def list_assignments(
    session: SessionDep,
    caller: AssignmentReader,
    mine: bool = Query(False, description="Chỉ việc của cơ quan và đơn vị của người dùng."),
    plan_id: int | None = Query(
        None, ge=1, le=MAX_ID, description="Chỉ phân công của kế hoạch này."
    ),
    assignee_unit_id: int | None = Query(None, ge=1, le=MAX_ID, description="Đơn vị được giao."),
    assignee_agency_id: int | None = Query(None, ge=1, le=MAX_ID, description="Cơ quan được giao."),
    status: AssignmentStatus | None = Query(None, description="Lọc theo tình trạng."),
    due_before: date | None = Query(
        None, description="Hạn tiếp theo trước ngày này.", examples=["2024-04-01"]
    ),
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[AssignmentRead]:
    rows, next_cursor = assignments.list_assignments(
        session,
        caller,
        mine=mine,
        plan_id=plan_id,
        assignee_unit_id=assignee_unit_id,
        assignee_agency_id=assignee_agency_id,
        status=status,
        due_before=due_before,
        limit=limit,
        cursor=cursor,
    )
    return Page(items=assignments.assignment_reads(session, rows), next_cursor=next_cursor)


@router.get(
    "/{assignment_id}",
    response_model=AssignmentRead,
    summary="Một phân công",
    responses=READ_ERRORS,
)
def get_assignment(
    assignment_id: AssignmentId, session: SessionDep, caller: AssignmentReader, response: Response
) -> AssignmentRead:
    row = assignments.get_assignment(session, caller, assignment_id)
    set_etag(response, "assignment", assignment_id, row[0].version)
    return _with_evidence(session, row)


@router.get(
    "/{assignment_id}/due-dates",
    response_model=Page[DueDate],
    summary="Mọi hạn của một phân công, theo thứ tự",
    description="Lịch hạn đầy đủ của nhiệm vụ được giao (nhiệm vụ hàng tuần trong kỳ 5 năm có "
    "260 hạn), từng trang; cùng phạm vi đọc với phân công.",
    responses=READ_ERRORS,
)
def list_assignment_due_dates(
    assignment_id: AssignmentId,
    session: SessionDep,
    caller: AssignmentReader,
    on_or_after: date | None = Query(
        None, description="Chỉ các hạn từ ngày này trở đi.", examples=["2024-04-01"]
    ),
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[DueDate]:
    row = assignments.get_assignment(session, caller, assignment_id)
    items, next_cursor = assignments.due_date_page(
        row, on_or_after=on_or_after, limit=limit, cursor=cursor
    )
    return Page(items=items, next_cursor=next_cursor)


@router.patch(
    "/{assignment_id}",
    response_model=AssignmentRead,
    summary="Cập nhật tình trạng, tiến độ (cơ quan, đơn vị được giao)",
    description="Cần If-Match.",
    responses=WRITE_ERRORS,
)
def update_assignment(
    row: AssignmentForUpdate,
    data: AssignmentUpdate,
    session: SessionDep,
    caller: PlanWriter,
    response: Response,
) -> AssignmentRead:
    assignment = assignments.update_assignment(session, caller, row, data)
    assert assignment.id is not None
    set_etag(response, "assignment", assignment.id, assignment.version)
    return _with_evidence(session, row)
