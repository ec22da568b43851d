"""Assignments: each assignee's share of an issued plan's tasks, and their progress.

Fan-out (when a plan is issued): one `lead` assignment for the lead agency, one `coordinate`
assignment per coordinating agency, and for a task led by "every subordinate unit" one `lead`
assignment per child unit of the issuer as it stood on the issue date.

Overdue (judged on the calendar in Asia/Ho_Chi_Minh): not done or cancelled, and either the last
due date has passed, or work has not started although the first due date has passed.
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, insert, or_, update
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.audit.service import record, snapshot
from app.core.db import flush
from app.core.docnumber import format_plan_number
from app.core.errors import Conflict, Forbidden, NotFound
from app.core.pagination import SortKey, paginate
from app.core.scope import Caller
from app.plans.access import in_hierarchy
from app.plans.models import Assignment, AssignmentRole, AssignmentStatus, Plan, PlanStatus, Task
from app.plans.recurrence import VIETNAM_TZ, Recurrence, due_dates, is_overdue, next_due
from app.plans.task_schemas import AssignmentRead, AssignmentUpdate
from app.units.models import AdminUnit
from app.units.service import valid_on
from app.users.models import Agency, Role, utcnow

_FINISHED = (AssignmentStatus.done, AssignmentStatus.cancelled)


def vietnam_today(now_utc: datetime | None = None) -> date:
    return (now_utc or datetime.now(UTC)).astimezone(VIETNAM_TZ).date()


def task_due_dates(task: Task, period_start: date, period_end: date) -> list[date]:
    start = task.start_on or period_start
    end = task.end_on or period_end
    return due_dates(Recurrence(task.recurrence), start, end, task.due_on)


def fan_out_assignments(session: Session, plan: Plan) -> int:
    """Create every assignment of an issued plan in one bulk insert; returns how many."""
    assert plan.id is not None and plan.issued_on is not None
    tasks = list(session.exec(select(Task).where(Task.plan_id == plan.id)))
    agency_ids = {t.lead_agency_id for t in tasks if t.lead_agency_id is not None}
    agency_ids.update(i for t in tasks for i in t.coordinator_agency_ids)
    agency_unit: dict[int, int] = {}
    if agency_ids:
        rows = session.exec(select(Agency.id, Agency.unit_id).where(col(Agency.id).in_(agency_ids)))
        agency_unit = {agency_id: unit_id for agency_id, unit_id in rows if agency_id is not None}
    children: list[int] = []
    if any(t.lead_all_children for t in tasks):
        children = [
            unit_id
            for unit_id in session.exec(
                select(AdminUnit.id)
                .where(AdminUnit.parent_id == plan.unit_id, valid_on(plan.issued_on))
                .order_by(col(AdminUnit.path))
            )
            if unit_id is not None
        ]
    today, now = vietnam_today(), utcnow()
    rows_out: list[dict[str, Any]] = []

    def add(
        task: Task, agency_id: int | None, unit_id: int, role: AssignmentRole, due: Any
    ) -> None:
        rows_out.append(
            {
                "task_id": task.id,
                "plan_id": plan.id,
                "assignee_agency_id": agency_id,
                "assignee_unit_id": unit_id,
                "role": role,
                "status": AssignmentStatus.not_started,
                "next_due_on": due,
                "version": 1,
                "updated_at": now,
            }
        )

    for task in tasks:
        due = next_due(task_due_dates(task, plan.period_start, plan.period_end), today)
        if task.lead_agency_id in agency_unit:
            assert task.lead_agency_id is not None
            add(
                task,
                task.lead_agency_id,
                agency_unit[task.lead_agency_id],
                AssignmentRole.lead,
                due,
            )
        for agency_id in task.coordinator_agency_ids:
            if agency_id in agency_unit:
                add(task, agency_id, agency_unit[agency_id], AssignmentRole.coordinate, due)
        if task.lead_all_children:
            for unit_id in children:
                add(task, None, unit_id, AssignmentRole.lead, due)
    if rows_out:
        session.execute(insert(Assignment), rows_out)
    return len(rows_out)


# --- reading ------------------------------------------------------------------------------

_Row = tuple[Assignment, Task, Plan, str | None, str]


def _select() -> Any:
    agency = aliased(Agency)
    unit = aliased(AdminUnit)
    return (
        sa_select(Assignment, Task, Plan, col(agency.name), col(unit.name))
        .join(Task, col(Task.id) == Assignment.task_id)
        .join(Plan, col(Plan.id) == Assignment.plan_id)
        .join(agency, col(agency.id) == Assignment.assignee_agency_id, isouter=True)
        .join(unit, col(unit.id) == Assignment.assignee_unit_id)
    )


def assignment_read(row: Sequence[Any], now_utc: datetime | None = None) -> AssignmentRead:
    assignment, task, plan, agency_name, unit_name = row
    now = now_utc or datetime.now(UTC)
    dates = task_due_dates(task, plan.period_start, plan.period_end)
    finished = assignment.status in _FINISHED
    late = bool(dates) and (
        is_overdue(dates[-1], finished, now)
        or (assignment.status == AssignmentStatus.not_started and is_overdue(dates[0], False, now))
    )
    return AssignmentRead(
        id=assignment.id,
        plan_id=plan.id,
        plan_number_text=format_plan_number(plan.number, plan.symbol),
        task_id=task.id,
        task_ordinal=task.ordinal,
        task_title=task.title,
        assignee_agency_id=assignment.assignee_agency_id,
        assignee_agency_name=agency_name,
        assignee_unit_id=assignment.assignee_unit_id,
        assignee_unit_name=unit_name,
        role=assignment.role,
        status=assignment.status,
        progress_note=assignment.progress_note,
        recurrence=Recurrence(task.recurrence),
        due_dates=dates,
        next_due_on=next_due(dates, vietnam_today(now)),
        overdue=late,
        version=assignment.version,
        updated_at=assignment.updated_at,
    )


def get_assignment(session: Session, caller: Caller, assignment_id: int) -> Sequence[Any]:
    row = session.execute(
        _select().where(Assignment.id == assignment_id, in_hierarchy(caller))
    ).first()
    if row is None:
        raise NotFound(f"Không tìm thấy phân công mã {assignment_id}.")
    return row


def _mine(caller: Caller) -> ColumnElement[bool]:
    """The caller's agency's assignments and those given to the caller's unit as a whole."""
    clauses: list[ColumnElement[bool]] = []
    if caller.agency_id is not None:
        clauses.append(col(Assignment.assignee_agency_id) == caller.agency_id)
    if caller.unit_id is not None:
        clauses.append(
            (col(Assignment.assignee_agency_id).is_(None))
            & (col(Assignment.assignee_unit_id) == caller.unit_id)
        )
    return or_(*clauses) if clauses else col(Assignment.id).is_(None)


def list_assignments(
    session: Session,
    caller: Caller,
    *,
    mine: bool,
    plan_id: int | None,
    assignee_unit_id: int | None,
    assignee_agency_id: int | None,
    status: AssignmentStatus | None,
    due_before: date | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Sequence[Any]], str | None]:
    """Visible assignments, what is due next first (then those with nothing left due)."""
    stmt = _select().where(in_hierarchy(caller))
    if mine:
        stmt = stmt.where(_mine(caller), Plan.status == PlanStatus.issued)
    if plan_id is not None:
        stmt = stmt.where(Assignment.plan_id == plan_id)
    if assignee_unit_id is not None:
        stmt = stmt.where(Assignment.assignee_unit_id == assignee_unit_id)
    if assignee_agency_id is not None:
        stmt = stmt.where(Assignment.assignee_agency_id == assignee_agency_id)
    if status is not None:
        stmt = stmt.where(Assignment.status == status)
    if due_before is not None:
        stmt = stmt.where(col(Assignment.next_due_on) < due_before)
    keys = [
        SortKey(
            col(Assignment.next_due_on),
            lambda row: row[0].next_due_on,
            parse=date.fromisoformat,
            nullable=True,
        ),
        SortKey(col(Assignment.id), lambda row: row[0].id, parse=int),
    ]
    rows: list[Sequence[Any]]
    rows, next_cursor = paginate(session, stmt, keys, limit, cursor)
    return rows, next_cursor


def refresh_next_due(session: Session, today: date | None = None) -> int:
    """Move every stored `next_due_on` that has passed to the task's next due date.

    The column only orders and filters lists (responses compute the live value), and it changes
    when a due date passes, not when a row is written: `python -m app refresh-due-dates` runs
    this once a day (cron) so `mine=true` keeps what is due next first. Returns rows updated.
    """
    today = today or vietnam_today()
    stale = session.execute(
        sa_select(col(Assignment.id), Task, col(Plan.period_start), col(Plan.period_end))
        .join(Task, col(Task.id) == Assignment.task_id)
        .join(Plan, col(Plan.id) == Assignment.plan_id)
        .where(col(Assignment.next_due_on) < today, col(Plan.status) == PlanStatus.issued)
    ).all()
    changes = [
        {"id": assignment_id, "next_due_on": next_due(task_due_dates(task, start, end), today)}
        for assignment_id, task, start, end in stale
    ]
    if changes:
        session.execute(update(Assignment), changes)
    return len(changes)


# --- progress -----------------------------------------------------------------------------


def require_assignee(caller: Caller, assignment: Assignment) -> None:
    """Officers and leaders of the assignee agency (or, for a unit assignment, of the unit);
    the leader of the agency's unit answers for its agencies too."""
    allowed = caller.role in (Role.officer, Role.leader) and (
        (assignment.assignee_agency_id is None and caller.unit_id == assignment.assignee_unit_id)
        or (
            assignment.assignee_agency_id is not None
            and (
                caller.agency_id == assignment.assignee_agency_id
                or (caller.role == Role.leader and caller.unit_id == assignment.assignee_unit_id)
            )
        )
    )
    if not allowed:
        raise Forbidden(
            "Chỉ cán bộ của cơ quan, đơn vị được giao mới cập nhật được phân công này.",
            code="not_assignee",
        )


def update_assignment(
    session: Session, caller: Caller, row: Sequence[Any], data: AssignmentUpdate
) -> Assignment:
    assignment: Assignment = row[0]
    task: Task = row[1]
    plan: Plan = row[2]
    require_assignee(caller, assignment)
    if plan.status != PlanStatus.issued:
        raise Conflict(
            "Kế hoạch không còn hiệu lực (đã kết thúc hoặc bị thay thế); không cập nhật phân công.",
            code="plan_not_issued",
        )
    before = snapshot(assignment)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("status") is not None:
        assignment.status = changes["status"]
    if "progress_note" in changes:
        assignment.progress_note = changes["progress_note"] or None
    dates = task_due_dates(task, plan.period_start, plan.period_end)
    assignment.next_due_on = next_due(dates, vietnam_today())
    assignment.version += 1
    assignment.updated_at = utcnow()
    session.add(assignment)
    flush(session)
    record(
        session,
        caller,
        "update",
        "assignment",
        assignment.id,
        assignment.assignee_unit_id,
        before,
        snapshot(assignment),
    )
    return assignment
