"""Routes for tasks (nhiệm vụ): a plan's list, create, read, edit, delete."""

from fastapi import APIRouter, Response

from app.core.db import SessionDep, read
from app.core.errors import READ_ERRORS, WRITE_ERRORS
from app.core.etag import set_etag
from app.core.ids import PlanId, TaskId
from app.core.pagination import CursorParam, LimitParam, Page
from app.plans.access import PlanReader, PlanWriter
from app.plans.loaders import PlanForNewTask, TaskForEdit
from app.plans.plans import service
from app.plans.tasks import service as tasks
from app.plans.tasks.models import Task
from app.plans.tasks.schemas import TaskCreate, TaskRead, TaskUpdate

router = APIRouter(tags=["tasks"])


def _task_read(session: SessionDep, task: Task, response: Response) -> TaskRead:
    assert task.id is not None
    set_etag(response, "task", task.id, task.version)
    return read(session, tasks.task_reads([task]))[0]


@router.get(
    "/plans/{plan_id}/tasks",
    response_model=Page[TaskRead],
    summary="Các nhiệm vụ của một kế hoạch, theo thứ tự",
    responses=READ_ERRORS,
)
def list_plan_tasks(
    plan_id: PlanId,
    session: SessionDep,
    caller: PlanReader,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[TaskRead]:
    service.get_plan(session, caller, plan_id)
    rows, next_cursor = tasks.plan_task_page(session, plan_id, limit=limit, cursor=cursor)
    items = read(session, tasks.task_reads(rows))
    return Page[TaskRead].model_construct(items=items, next_cursor=next_cursor)


@router.post(
    "/plans/{plan_id}/tasks",
    response_model=TaskRead,
    status_code=201,
    summary="Thêm nhiệm vụ vào dự thảo kế hoạch",
    description="Cơ quan chủ trì là cơ quan của đơn vị ban hành, hoặc `lead_all_children=true` "
    '("UBND các xã, thị trấn"). Chỉ khi kế hoạch còn là dự thảo.',
    responses=WRITE_ERRORS,
)
def create_task(
    plan: PlanForNewTask,
    data: TaskCreate,
    session: SessionDep,
    caller: PlanWriter,
    response: Response,
) -> TaskRead:
    task = tasks.create_task(session, caller, plan, data)
    return _task_read(session, task, response)


@router.get(
    "/tasks/{task_id}", response_model=TaskRead, summary="Một nhiệm vụ", responses=READ_ERRORS
)
def get_task(
    task_id: TaskId, session: SessionDep, caller: PlanReader, response: Response
) -> TaskRead:
    task, _plan = tasks.get_task(session, caller, task_id)
    return _task_read(session, task, response)


@router.patch(
    "/tasks/{task_id}",
    response_model=TaskRead,
    summary="Sửa nhiệm vụ của dự thảo kế hoạch",
    description="Cần If-Match. Chỉ khi kế hoạch còn là dự thảo.",
    responses=WRITE_ERRORS,
)
def update_task(
    loaded: TaskForEdit,
    data: TaskUpdate,
    session: SessionDep,
    caller: PlanWriter,
    response: Response,
) -> TaskRead:
    task, plan = loaded
    task = tasks.update_task(session, caller, task, plan, data)
    return _task_read(session, task, response)


@router.delete(
    "/tasks/{task_id}",
    status_code=204,
    summary="Xóa nhiệm vụ của dự thảo kế hoạch",
    description="Cần If-Match. Chỉ khi kế hoạch còn là dự thảo.",
    responses=WRITE_ERRORS,
)
def delete_task(loaded: TaskForEdit, session: SessionDep, caller: PlanWriter) -> Response:
    task, plan = loaded
    tasks.delete_task(session, caller, task, plan)
    return Response(status_code=204)
