"""Assignments: each assignee's share of an issued plan's tasks, and their progress.

Fan-out (when a plan is issued): one `lead` assignment for the lead agency, one `coordinate`
assignment per coordinating agency, and for a task led by "every subordinate unit" one `lead`
assignment per child unit of the issuer as it stood on the issue date.

Overdue (judged on the calendar in Asia/Ho_Chi_Minh): not done or cancelled, and either the last
due date has passed, or work has not started although the first due date has passed.
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from typing import Any

from sqlalchemy import ColumnElement, bindparam, insert, or_, update
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.access.scope import Caller
from app.audit.service import record, snapshot
from app.channels.evidence import NO_EVIDENCE, Evidence, evidence_for
from app.core.clock import utcnow, vietnam_today
from app.core.db import flush, for_update, read
from app.core.docnumber import format_plan_number
from app.core.errors import Conflict, Forbidden, NotFound
from app.core.pagination import SortKey, decode_cursor, encode_cursor, invalid_cursor, paginate
from app.plans.access import in_hierarchy
from app.plans.assignments.models import Assignment, AssignmentRole, AssignmentStatus
from app.plans.assignments.schemas import AssignmentRead, AssignmentUpdate, DueDate
from app.plans.plans.models import Plan, PlanStatus
from app.plans.recurrence import Recurrence, Schedule, is_overdue
from app.plans.tasks.models import Task
from app.units.models import AdminUnit
from app.units.reform import IN_FORCE, Lineage, lineages
from app.units.service import valid_on
from app.users.models import Agency, Role

_FINISHED = (AssignmentStatus.done, AssignmentStatus.cancelled)


# How many upcoming due dates an assignment carries; the rest are behind its due-dates route.
UPCOMING_DUE_DATES = 5


def task_schedule(task: Task, period_start: date, period_end: date) -> Schedule:
    start = task.start_on or period_start
    end = task.end_on or period_end
    return Schedule(Recurrence(task.recurrence), start, end, task.due_on)


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
        due = task_schedule(task, plan.period_start, plan.period_end).next_due(today)
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


def assignment_read(
    row: Sequence[Any],
    now_utc: datetime | None = None,
    *,
    evidence: Evidence = NO_EVIDENCE,
    lineage: Lineage = IN_FORCE,
) -> AssignmentRead:
    assignment, task, plan, agency_name, unit_name = row
    now = now_utc or datetime.now(UTC)
    schedule = task_schedule(task, plan.period_start, plan.period_end)
    first, last = schedule.first(), schedule.last()
    finished = assignment.status in _FINISHED
    late = is_overdue(last, finished, now) or (
        assignment.status == AssignmentStatus.not_started and is_overdue(first, False, now)
    )
    upcoming = schedule.upcoming(vietnam_today(now), UPCOMING_DUE_DATES)
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
        assignee_unit_abolished_on=lineage.abolished_on,
        assignee_unit_successors=lineage.successors,
        role=assignment.role,
        status=assignment.status,
        progress_note=assignment.progress_note,
        recurrence=Recurrence(task.recurrence),
        due_count=schedule.count(),
        next_due_dates=upcoming,
        next_due_on=upcoming[0] if upcoming else None,
        last_due_on=last,
        overdue=late,
        evidence=evidence,
        version=assignment.version,
        updated_at=assignment.updated_at,
    )


def assignment_reads(session: Session, rows: Sequence[Sequence[Any]]) -> list[AssignmentRead]:
    """A page of assignments as the API shows them: their evidence and what replaced an
    abolished assignee unit, in a fixed number of statements however long the page."""
    found = evidence_for(session, [r[0].id for r in rows])
    units = read(session, lineages(r[0].assignee_unit_id for r in rows))
    return [
        assignment_read(
            r,
            evidence=found.get(r[0].id, NO_EVIDENCE),
            lineage=units.get(r[0].assignee_unit_id, IN_FORCE),
        )
        for r in rows
    ]


def get_assignment(
    session: Session, caller: Caller, assignment_id: int, *, lock: bool = False
) -> Sequence[Any]:
    """The assignment with its task and plan; `lock` holds its row for a write."""
    stmt = _select().where(Assignment.id == assignment_id, in_hierarchy(caller))
    if lock:
        stmt = for_update(stmt, Assignment)
    row = session.execute(stmt).first()
    if row is None:
        raise NotFound(f"Không tìm thấy phân công mã {assignment_id}.")
    return row


def due_date_page(
    row: Sequence[Any], *, on_or_after: date | None, limit: int, cursor: str | None
) -> tuple[list[DueDate], str | None]:
    """One page of an assignment's due dates in order (keyset: the last date of the page)."""
    _assignment, task, plan = row[0], row[1], row[2]
    schedule = task_schedule(task, plan.period_start, plan.period_end)
    after = decode_cursor(cursor, 1)
    floor = on_or_after
    if after is not None:
        try:
            floor = date.fromisoformat(str(after[0])) + timedelta(days=1)
        except (ValueError, OverflowError) as exc:
            raise invalid_cursor() from exc
    dates = list(islice(schedule.dates(on_or_after=floor), limit + 1))
    first_number = schedule.count(through=dates[0]) if dates else 1
    items = [DueDate(number=first_number + i, due_on=d) for i, d in enumerate(dates[:limit])]
    more = len(dates) > limit
    return items, encode_cursor([items[-1].due_on.isoformat()]) if more else None


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
        {"row_id": assignment_id, "due": task_schedule(task, start, end).next_due(today)}
        for assignment_id, task, start, end in stale
    ]
    if changes:
        # A derived column, not an edit: a plain table update that leaves the version (and so
        # every client's ETag) as it is.
        table = Assignment.__table__  # type: ignore[attr-defined]
        session.execute(
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values(next_due_on=bindparam("due")),
            changes,
        )
    return len(changes)


# --- progress -----------------------------------------------------------------------------


def is_assignee(caller: Caller, assignment: Assignment) -> bool:
    """Officers and leaders of the assignee agency (or, for a unit assignment, of the unit);
    the leader of the agency's unit answers for its agencies too."""
    return caller.role in (Role.officer, Role.leader) and (
        (assignment.assignee_agency_id is None and caller.unit_id == assignment.assignee_unit_id)
        or (
            assignment.assignee_agency_id is not None
            and (
                caller.agency_id == assignment.assignee_agency_id
                or (caller.role == Role.leader and caller.unit_id == assignment.assignee_unit_id)
            )
        )
    )


def require_assignee(caller: Caller, assignment: Assignment) -> None:
    if not is_assignee(caller, assignment):
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
    schedule = task_schedule(task, plan.period_start, plan.period_end)
    assignment.next_due_on = schedule.next_due(vietnam_today())
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
