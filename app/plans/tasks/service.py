"""Tasks (nhiệm vụ) of a plan: read with their agencies' names, edited while the plan is a draft."""

from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import Row, bindparam, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from app.access.scope import Caller, subtree_or_ancestors_filter
from app.audit.service import record, snapshot
from app.core.clock import utcnow, vn_date
from app.core.db import flush, for_update, table
from app.core.errors import NotFound, ValidationProblem
from app.core.pagination import SortKey, by_id, paginate
from app.core.reads import Program, Rows
from app.plans.access import plan_visible, require_issuing_unit
from app.plans.plans.models import Plan
from app.plans.plans.service import require_draft, touch
from app.plans.recurrence import Recurrence
from app.plans.tasks.models import Task
from app.plans.tasks.schemas import AgencyRef, Target, TaskCreate, TaskRead, TaskUpdate
from app.users.models import Agency

_NOT_NULL = ("ordinal", "title", "recurrence", "lead_all_children")
_JSON_LISTS = ("coordinator_agency_ids", "channel_types", "topics", "targets")


def get_task(session: Session, caller: Caller, task_id: int) -> tuple[Task, Plan]:
    """The task and its plan if the caller may read the plan; 404 otherwise."""
    row = session.exec(
        select(Task, Plan)
        .join(Plan, col(Plan.id) == Task.plan_id)
        .where(Task.id == task_id, plan_visible(caller))
    ).first()
    if row is None:
        raise NotFound(f"Không tìm thấy nhiệm vụ mã {task_id}.")
    return row[0], row[1]


def lock_task(session: Session, caller: Caller, task_id: int) -> tuple[Task, Plan]:
    """The task and its plan for a write: the plan's row is locked first (every write to a
    plan's tasks holds it), then the task is read fresh under that lock."""
    plan = session.exec(
        for_update(
            select(Plan)
            .join(Task, col(Task.plan_id) == Plan.id)
            .where(Task.id == task_id, plan_visible(caller)),
            Plan,
        )
    ).first()
    task = session.get(Task, task_id, populate_existing=True) if plan is not None else None
    if plan is None or task is None:
        raise NotFound(f"Không tìm thấy nhiệm vụ mã {task_id}.")
    return task, plan


# Built once: a plan's tasks in their order, as rows (the detail reads them, nothing edits them).
_PLAN_TASKS = (
    sa_select(*table(Task).c)
    .where(table(Task).c.plan_id == bindparam("plan_id"))
    .order_by(table(Task).c.position, table(Task).c.id)
)
_AGENCY_NAMES = sa_select(col(Agency.id), col(Agency.name)).where(
    col(Agency.id).in_(bindparam("ids", expanding=True))
)


def plan_tasks(plan_id: int) -> Program[Rows]:
    """A plan's tasks as rows with the task's columns (what `task_reads` reads)."""
    return (yield _PLAN_TASKS, {"plan_id": plan_id})


def plan_task_page(
    session: Session, plan_id: int, *, limit: int, cursor: str | None
) -> tuple[list[Task], str | None]:
    """One keyset page of a plan's tasks in their order in the plan."""
    stmt = select(Task).where(Task.plan_id == plan_id)
    keys = [SortKey(col(Task.position), lambda t: t.position, parse=int), *by_id(col(Task.id))]
    return paginate(session, stmt, keys, limit, cursor)


def task_reads(tasks: Sequence[Task | Row[Any]]) -> Program[list[TaskRead]]:
    """Tasks (entities or `plan_tasks` rows) as the API shows them, with every agency name
    fetched in one statement (a read program: core.reads)."""
    ids = {t.lead_agency_id for t in tasks if t.lead_agency_id is not None}
    ids.update(i for t in tasks for i in t.coordinator_agency_ids)
    names: dict[int, str] = {}
    if ids:
        found = yield _AGENCY_NAMES, {"ids": sorted(ids)}
        names = {agency_id: name for agency_id, name in found}

    def ref(agency_id: int | None) -> AgencyRef | None:
        if agency_id is None or agency_id not in names:
            return None
        return AgencyRef(id=agency_id, name=names[agency_id])

    return [
        TaskRead(
            id=t.id or 0,
            plan_id=t.plan_id,
            position=t.position,
            ordinal=t.ordinal,
            title=t.title,
            content=t.content,
            lead_agency=ref(t.lead_agency_id),
            lead_all_children=t.lead_all_children,
            lead_text=t.lead_text,
            coordinators=[r for r in map(ref, t.coordinator_agency_ids) if r is not None],
            coordinate_text=t.coordinate_text,
            recurrence=Recurrence(t.recurrence),
            start_on=t.start_on,
            end_on=t.end_on,
            due_on=t.due_on,
            channel_types=t.channel_types,
            topics=t.topics,
            targets=[Target.model_validate(x) for x in t.targets],
            budget_vnd=t.budget_vnd,
            version=t.version,
        )
        for t in tasks
    ]


def _check_agencies(session: Session, caller: Caller, plan: Plan, task: dict[str, Any]) -> None:
    lead_agency_id = task.get("lead_agency_id")
    if lead_agency_id is not None and task.get("lead_all_children"):
        raise ValidationProblem.for_field(
            "body.lead_all_children",
            'Chọn một cơ quan chủ trì hoặc "mọi đơn vị trực thuộc", không chọn cả hai.',
        )
    if lead_agency_id is not None:
        unit = session.exec(select(Agency.unit_id).where(Agency.id == lead_agency_id)).first()
        if unit != plan.unit_id:
            raise ValidationProblem.for_field(
                "body.lead_agency_id", "Cơ quan chủ trì phải là cơ quan của đơn vị ban hành."
            )
    wanted: list[int] = task.get("coordinator_agency_ids") or []
    if not wanted:
        return
    if lead_agency_id in wanted:
        index = wanted.index(lead_agency_id)
        raise ValidationProblem.for_field(
            f"body.coordinator_agency_ids.{index}",
            "Cơ quan chủ trì không đồng thời là cơ quan phối hợp.",
        )
    # The caller works in the issuing unit, so the caller's scope is the issuer's.
    known = set(
        session.exec(
            select(Agency.id).where(
                col(Agency.id).in_(wanted),
                subtree_or_ancestors_filter(caller, col(Agency.unit_id)),
            )
        )
    )
    for index, agency_id in enumerate(wanted):
        if agency_id not in known:
            raise ValidationProblem.for_field(
                f"body.coordinator_agency_ids.{index}",
                "Cơ quan phối hợp phải thuộc đơn vị ban hành, cấp trên hoặc đơn vị trực thuộc.",
            )


def _check_dates(plan: Plan, task: dict[str, Any], sent: Collection[str]) -> None:
    """Start, end and due dates inside the plan's period, the end not before the start; each
    error names the field the caller sent."""
    for name in ("start_on", "end_on", "due_on"):
        value = task.get(name)
        if value is not None and not plan.period_start <= value <= plan.period_end:
            raise ValidationProblem.for_field(
                f"body.{name}",
                f"Ngày phải nằm trong kỳ kế hoạch ({vn_date(plan.period_start)} – "
                f"{vn_date(plan.period_end)}).",
            )
    start, end = task.get("start_on"), task.get("end_on")
    if start is not None and end is not None and end < start:
        field = "start_on" if "end_on" not in sent else "end_on"
        raise ValidationProblem.for_field(
            f"body.{field}", "Ngày kết thúc phải không trước ngày bắt đầu."
        )


def _dump(data: TaskCreate | TaskUpdate, *, partial: bool) -> dict[str, Any]:
    values = data.model_dump(exclude_unset=partial, mode="json", exclude={"targets"})
    if "targets" in data.model_fields_set or not partial:
        values["targets"] = [t.model_dump() for t in data.targets or []]
    for name in ("start_on", "end_on", "due_on"):
        if values.get(name) is not None:
            values[name] = getattr(data, name)
    return values


def create_task(session: Session, caller: Caller, plan: Plan, data: TaskCreate) -> Task:
    require_issuing_unit(caller, plan)
    require_draft(plan, "thêm nhiệm vụ vào")
    values = {k: v for k, v in _dump(data, partial=False).items() if v is not None}
    if "position" not in values:
        last = session.exec(select(func.max(Task.position)).where(Task.plan_id == plan.id)).one()
        values["position"] = 0 if last is None else last + 1
    _check_agencies(session, caller, plan, values)
    _check_dates(plan, values, values.keys())
    assert plan.id is not None
    task = Task(**values, plan_id=plan.id)
    session.add(task)
    plan.task_count += 1
    touch(plan)
    session.add(plan)
    flush(session)
    record(session, caller, "create", "task", task.id, plan.unit_id, after=snapshot(task))
    return task


def update_task(session: Session, caller: Caller, task: Task, plan: Plan, data: TaskUpdate) -> Task:
    require_issuing_unit(caller, plan)
    require_draft(plan, "sửa nhiệm vụ của")
    changes = _dump(data, partial=True)
    for name in _NOT_NULL:
        if name in changes and changes[name] is None:
            raise ValidationProblem.for_field(f"body.{name}", "Trường này không được để trống.")
    for name in _JSON_LISTS:
        if name in changes and changes[name] is None:
            changes[name] = []
    if "position" in changes and changes["position"] is None:
        changes.pop("position")
    merged = {**task.model_dump(), **changes}
    _check_agencies(session, caller, plan, merged)
    _check_dates(plan, merged, changes.keys())
    before = snapshot(task)
    for key, value in changes.items():
        setattr(task, key, value)
    task.updated_at = utcnow()
    touch(plan)
    session.add_all([task, plan])
    flush(session)
    record(session, caller, "update", "task", task.id, plan.unit_id, before, snapshot(task))
    return task


def delete_task(session: Session, caller: Caller, task: Task, plan: Plan) -> None:
    require_issuing_unit(caller, plan)
    require_draft(plan, "xóa nhiệm vụ của")
    before = snapshot(task)
    session.delete(task)
    plan.task_count -= 1
    touch(plan)
    session.add(plan)
    flush(session)
    record(session, caller, "delete", "task", task.id, plan.unit_id, before=before)
