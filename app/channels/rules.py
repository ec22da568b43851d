"""The rules an activity meets, checked for a whole batch in a fixed number of statements.

Every row's problems are collected (each under its own field path, `body.3.quantities.minutes`),
so a batch answers once with all of them. A row naming a unit the caller does not write for makes
the whole request a 403 before anything else is looked at.

- The unit: the caller's own (a national importer names any existing unit).
- The channel: visible to the caller and in the unit's line (its own, an ancestor's or a
  subordinate unit's); quantities only for what its type counts; the language one of its own.
- The date: not after today (Vietnam's calendar); with a task or assignment, inside the plan's
  period.
- An assignment: its plan issued, and the activity by the assignee itself (its agency, or its
  unit's leader; an importer: the assignee unit).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from app.access.scope import Caller
from app.channels.access import can_write_for, channel_visible
from app.channels.activity_schemas import ActivityCreate
from app.channels.models import Channel
from app.core.clock import vietnam_today
from app.core.errors import FieldProblem, Forbidden, ValidationProblem
from app.plans.access import in_hierarchy, plan_visible
from app.plans.assignments.models import Assignment
from app.plans.assignments.service import is_assignee
from app.plans.plans.models import Plan, PlanStatus
from app.plans.tasks.models import Task
from app.reference.data import COUNTS_BY_CHANNEL_TYPE, VIETNAMESE
from app.units.models import AdminUnit
from app.users.models import Role


@dataclass(frozen=True)
class Checked:
    """A row that meets every rule, with what the insert needs."""

    data: ActivityCreate
    unit_id: int
    channel: Channel
    task_id: int | None
    language: str


def _fmt(day: date) -> str:
    return day.strftime("%d/%m/%Y")


class _Problems:
    def __init__(self) -> None:
        self.items: list[FieldProblem] = []

    def add(self, field: str, message: str, type_: str = "value_error") -> None:
        self.items.append(FieldProblem(field=field, message=message, type=type_))


@dataclass(frozen=True)
class _Lookups:
    unit_paths: dict[int, str]
    channels: dict[int, tuple[Channel, str]]
    assignments: dict[int, tuple[Assignment, Task, Plan]]
    tasks: dict[int, tuple[Task, Plan]]


def _lookups(
    session: Session, caller: Caller, rows: Sequence[ActivityCreate], units: set[int]
) -> _Lookups:
    paths = {}
    if units:
        stmt = select(AdminUnit.id, AdminUnit.path).where(col(AdminUnit.id).in_(units))
        paths = {uid: path for uid, path in session.exec(stmt) if uid is not None}
    channel_ids = {r.channel_id for r in rows}
    channels: dict[int, tuple[Channel, str]] = {}
    if channel_ids:
        stmt_c = (
            sa_select(Channel, col(AdminUnit.path))
            .join(AdminUnit, col(AdminUnit.id) == Channel.unit_id)
            .where(col(Channel.id).in_(channel_ids), channel_visible(caller))
        )
        channels = {c.id: (c, path) for c, path in session.execute(stmt_c) if c.id is not None}
    assignment_ids = {r.assignment_id for r in rows if r.assignment_id is not None}
    assignments: dict[int, tuple[Assignment, Task, Plan]] = {}
    if assignment_ids:
        stmt_a = (
            sa_select(Assignment, Task, Plan)
            .join(Task, col(Task.id) == Assignment.task_id)
            .join(Plan, col(Plan.id) == Assignment.plan_id)
            .where(col(Assignment.id).in_(assignment_ids), in_hierarchy(caller))
        )
        assignments = {a.id: (a, t, p) for a, t, p in session.execute(stmt_a) if a.id is not None}
    task_ids = {r.task_id for r in rows if r.task_id is not None and r.assignment_id is None}
    tasks: dict[int, tuple[Task, Plan]] = {}
    if task_ids:
        stmt_t = (
            sa_select(Task, Plan)
            .join(Plan, col(Plan.id) == Task.plan_id)
            .where(col(Task.id).in_(task_ids), plan_visible(caller))
        )
        tasks = {t.id: (t, p) for t, p in session.execute(stmt_t) if t.id is not None}
    return _Lookups(paths, channels, assignments, tasks)


def _same_line(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _check_period(problems: _Problems, at: str, row: ActivityCreate, plan: Plan) -> None:
    if not plan.period_start <= row.occurred_on <= plan.period_end:
        problems.add(
            f"{at}occurred_on",
            f"Ngày thực hiện phải nằm trong kỳ kế hoạch ({_fmt(plan.period_start)} – "
            f"{_fmt(plan.period_end)}).",
        )


def _check_assignment(
    problems: _Problems, caller: Caller, at: str, row: ActivityCreate, unit_id: int, found: Any
) -> int | None:
    if found is None:
        problems.add(f"{at}assignment_id", f"Không tìm thấy phân công mã {row.assignment_id}.")
        return row.task_id
    assignment, task, plan = found
    if plan.status != PlanStatus.issued:
        problems.add(
            f"{at}assignment_id",
            "Kế hoạch của phân công này chưa ban hành hoặc đã kết thúc; chỉ ghi hoạt động theo "
            "kế hoạch đang có hiệu lực.",
        )
    mine = (
        assignment.assignee_unit_id == unit_id
        if caller.role == Role.integration
        else is_assignee(caller, assignment) and assignment.assignee_unit_id == unit_id
    )
    if not mine:
        problems.add(
            f"{at}assignment_id",
            "Phân công này giao cho cơ quan, đơn vị khác; chỉ cơ quan, đơn vị được giao mới ghi "
            "hoạt động theo phân công.",
        )
    if row.task_id is not None and row.task_id != task.id:
        problems.add(f"{at}task_id", f"Phân công mã {assignment.id} thuộc nhiệm vụ mã {task.id}.")
    _check_period(problems, at, row, plan)
    task_id: int | None = task.id
    return task_id


def _check_task(problems: _Problems, at: str, row: ActivityCreate, found: Any) -> None:
    if found is None:
        problems.add(f"{at}task_id", f"Không tìm thấy nhiệm vụ mã {row.task_id}.")
        return
    _task, plan = found
    if plan.status not in (PlanStatus.issued, PlanStatus.closed):
        problems.add(f"{at}task_id", "Nhiệm vụ thuộc một kế hoạch chưa ban hành.")
    _check_period(problems, at, row, plan)


def _check_channel(
    problems: _Problems, at: str, row: ActivityCreate, unit_path: str, found: Any
) -> str:
    language = row.language or VIETNAMESE
    if found is None:
        problems.add(f"{at}channel_id", f"Không tìm thấy kênh mã {row.channel_id}.")
        return language
    channel, channel_path = found
    if not _same_line(unit_path, channel_path):
        problems.add(
            f"{at}channel_id",
            f"Kênh «{channel.name}» thuộc đơn vị khác tuyến; dùng kênh của chính đơn vị, của cấp "
            "trên hoặc của đơn vị cấp dưới.",
        )
    counted = COUNTS_BY_CHANNEL_TYPE.get(channel.channel_type, ())
    for code in row.quantities:
        if code not in counted:
            problems.add(
                f"{at}quantities.{code}",
                f"Kênh loại `{channel.channel_type}` không đếm «{code}»; chỉ đếm: "
                f"{', '.join(counted)}.",
            )
    if language not in channel.languages:
        problems.add(
            f"{at}language",
            f"Kênh «{channel.name}» không phát, đăng bằng ngôn ngữ «{language}» (ngôn ngữ của "
            f"kênh: {', '.join(channel.languages)}).",
        )
    return language


def find_problems(
    session: Session, caller: Caller, rows: Sequence[ActivityCreate], prefixes: Sequence[str]
) -> tuple[list[Checked], list[FieldProblem]]:
    """The rows that meet every rule, and the problems of those that do not; a row of a unit the
    caller does not write for is a 403 at once."""
    units = [r.unit_id if r.unit_id is not None else caller.unit_id for r in rows]
    known = {u for u in units if u is not None}
    found = _lookups(session, caller, rows, known)
    foreign = [
        n for n, u in enumerate(units) if u in found.unit_paths and not can_write_for(caller, u)
    ]
    if foreign:
        shown = ", ".join(prefixes[n].rstrip(".") for n in foreign[:20])
        raise Forbidden(
            f"Chỉ cán bộ của chính đơn vị mới được ghi hoạt động của đơn vị ({shown}).",
            code="not_owning_unit",
        )
    problems = _Problems()
    today = vietnam_today()
    checked = []
    for row, unit_id, at in zip(rows, units, prefixes, strict=True):
        if unit_id is None or unit_id not in found.unit_paths:
            message = (
                "Tài khoản cấp toàn quốc phải ghi rõ đơn vị thực hiện."
                if unit_id is None
                else f"Không có đơn vị hành chính mã {unit_id}."
            )
            problems.add(f"{at}unit_id", message)
            continue
        before = len(problems.items)
        if row.occurred_on > today:
            problems.add(
                f"{at}occurred_on", f"Ngày thực hiện không được sau hôm nay ({_fmt(today)})."
            )
        channel = found.channels.get(row.channel_id)
        language = _check_channel(problems, at, row, found.unit_paths[unit_id], channel)
        task_id = row.task_id
        if row.assignment_id is not None:
            task_id = _check_assignment(
                problems, caller, at, row, unit_id, found.assignments.get(row.assignment_id)
            )
        elif row.task_id is not None:
            _check_task(problems, at, row, found.tasks.get(row.task_id))
        if channel is not None and len(problems.items) == before:
            checked.append(Checked(row, unit_id, channel[0], task_id, language))
    return checked, problems.items


def problem(problems: list[FieldProblem]) -> ValidationProblem:
    fields = ", ".join(dict.fromkeys(p.field for p in problems[:20]))
    more = f" (và {len(problems) - 20} lỗi khác)" if len(problems) > 20 else ""
    return ValidationProblem(f"Kiểm tra lại các trường: {fields}{more}.", errors=problems)


def check_rows(
    session: Session, caller: Caller, rows: Sequence[ActivityCreate], prefixes: Sequence[str]
) -> list[Checked]:
    """The rows, checked; 403 for a row of another unit, else 422 listing every problem."""
    checked, problems = find_problems(session, caller, rows, prefixes)
    if problems:
        raise problem(problems)
    return checked
