"""Routes for tasks (nhiệm vụ) and assignments (phân công)."""

from datetime import date

from fastapi import APIRouter, Query, Response

from app.core.db import SessionDep, commit
from app.core.etag import IfMatch, require_if_match, set_etag
from app.core.ids import MAX_ID, AssignmentId, PlanId, TaskId
from app.core.pagination import CursorParam, LimitParam, Page
from app.plans import assignments, service, tasks
from app.plans.access import AssignmentReader, PlanReader, PlanWriter, require_issuing_unit
from app.plans.models import AssignmentStatus, Task
from app.plans.router import READ_ERRORS, WRITE_ERRORS
from app.plans.task_schemas import (
    AssignmentRead,
    AssignmentUpdate,
    TaskCreate,
    TaskRead,
    TaskUpdate,
)

tasks_router = APIRouter(tags=["tasks"])
assignments_router = APIRouter(prefix="/assignments", tags=["assignments"])


def _task_read(session: SessionDep, task: Task, response: Response) -> TaskRead:
    assert task.id is not None
    set_etag(response, "task", task.id, task.version)
    return tasks.task_reads(session, [task])[0]


@tasks_router.get(
    "/plans/{plan_id}/tasks",
    response_model=list[TaskRead],
    summary="Các nhiệm vụ của một kế hoạch, theo thứ tự",
    responses=READ_ERRORS,
)
def list_plan_tasks(plan_id: PlanId, session: SessionDep, caller: PlanReader) -> list[TaskRead]:
    service.get_plan(session, caller, plan_id)
    return tasks.task_reads(session, tasks.plan_tasks(session, plan_id))


@tasks_router.post(
    "/plans/{plan_id}/tasks",
    response_model=TaskRead,
    status_code=201,
    summary="Thêm nhiệm vụ vào dự thảo kế hoạch",
    description="Cơ quan chủ trì là cơ quan của đơn vị ban hành, hoặc `lead_all_children=true` "
    '("UBND các xã, thị trấn"). Chỉ khi kế hoạch còn là dự thảo.',
    responses=WRITE_ERRORS,
)
def create_task(
    plan_id: PlanId, data: TaskCreate, session: SessionDep, caller: PlanWriter, response: Response
) -> TaskRead:
    plan = service.get_plan(session, caller, plan_id)
    task = tasks.create_task(session, caller, plan, data)
    commit(session)
    return _task_read(session, task, response)


@tasks_router.get(
    "/tasks/{task_id}", response_model=TaskRead, summary="Một nhiệm vụ", responses=READ_ERRORS
)
def get_task(
    task_id: TaskId, session: SessionDep, caller: PlanReader, response: Response
) -> TaskRead:
    task, _plan = tasks.get_task(session, caller, task_id)
    return _task_read(session, task, response)


@tasks_router.patch(
    "/tasks/{task_id}",
    response_model=TaskRead,
    summary="Sửa nhiệm vụ của dự thảo kế hoạch",
    description="Cần If-Match. Chỉ khi kế hoạch còn là dự thảo.",
    responses=WRITE_ERRORS,
)
def update_task(
    task_id: TaskId,
    data: TaskUpdate,
    session: SessionDep,
    caller: PlanWriter,
    response: Response,
    if_match: IfMatch = None,
) -> TaskRead:
    task, plan = tasks.get_task(session, caller, task_id)
    require_issuing_unit(caller, plan)
    require_if_match(if_match, "task", task_id, task.version)
    task = tasks.update_task(session, caller, task, plan, data)
    commit(session)
    return _task_read(session, task, response)


@tasks_router.delete(
    "/tasks/{task_id}",
    status_code=204,
    summary="Xóa nhiệm vụ của dự thảo kế hoạch",
    description="Cần If-Match. Chỉ khi kế hoạch còn là dự thảo.",
    responses=WRITE_ERRORS,
)
def delete_task(
    task_id: TaskId, session: SessionDep, caller: PlanWriter, if_match: IfMatch = None
) -> Response:
    task, plan = tasks.get_task(session, caller, task_id)
    require_issuing_unit(caller, plan)
    require_if_match(if_match, "task", task_id, task.version)
    tasks.delete_task(session, caller, task, plan)
    commit(session)
    return Response(status_code=204)


@assignments_router.get(
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
    return Page(items=[assignments.assignment_read(r) for r in rows], next_cursor=next_cursor)


@assignments_router.get(
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
    return assignments.assignment_read(row)


@assignments_router.patch(
    "/{assignment_id}",
    response_model=AssignmentRead,
    summary="Cập nhật tình trạng, tiến độ (cơ quan, đơn vị được giao)",
    description="Cần If-Match.",
    responses=WRITE_ERRORS,
)
def update_assignment(
    assignment_id: AssignmentId,
    data: AssignmentUpdate,
    session: SessionDep,
    caller: PlanWriter,
    response: Response,
    if_match: IfMatch = None,
) -> AssignmentRead:
    row = assignments.get_assignment(session, caller, assignment_id)
    assignments.require_assignee(caller, row[0])
    require_if_match(if_match, "assignment", assignment_id, row[0].version)
    assignments.update_assignment(session, caller, row, data)
    commit(session)
    set_etag(response, "assignment", assignment_id, row[0].version)
    return assignments.assignment_read(row)
