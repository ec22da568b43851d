"""Reporting schedules: reading within scope, setting one for a unit, changing it; and the
reporters a schedule expects for a period."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from app.access.scope import Caller, unit_path_of, unit_subtree_filter
from app.audit.service import record, snapshot
from app.core.clock import utcnow
from app.core.db import flush, for_update
from app.core.errors import NotFound, ValidationProblem
from app.core.pagination import by_id, paginate
from app.plans.plans.models import Plan
from app.reports.access import require_schedule_owner, schedule_visible
from app.reports.models import ReporterKind, ReportingSchedule
from app.reports.period_schemas import deadline_of
from app.reports.periods import Deadline
from app.reports.schedule_schemas import ScheduleCreate, ScheduleUpdate
from app.units.models import AdminUnit, ancestor_paths
from app.users.models import Agency, AgencyKind


@dataclass(frozen=True)
class Reporter:
    unit_id: int
    agency_id: int | None
    name: str


def schedule_deadline(schedule: ReportingSchedule) -> Deadline:
    return Deadline(
        schedule.deadline_rule,
        days=schedule.deadline_days,
        day=schedule.deadline_day,
        month=schedule.deadline_month,
    )


def get_schedule(session: Session, caller: Caller, schedule_id: int, lock: bool = False) -> Any:
    stmt = select(ReportingSchedule).where(
        ReportingSchedule.id == schedule_id, schedule_visible(caller)
    )
    if lock:
        stmt = for_update(stmt)
    schedule = session.exec(stmt).first()
    if schedule is None:
        raise NotFound(f"Không tìm thấy lịch báo cáo mã {schedule_id}.")
    return schedule


def list_schedules(
    session: Session,
    caller: Caller,
    *,
    unit_id: int | None,
    plan_id: int | None,
    active: bool | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[ReportingSchedule], str | None]:
    stmt: Any = select(ReportingSchedule).where(schedule_visible(caller))
    if unit_id is not None:
        path = session.exec(select(AdminUnit.path).where(AdminUnit.id == unit_id)).first()
        if path is None:
            return [], None
        stmt = stmt.where(unit_subtree_filter(path, col(ReportingSchedule.unit_id)))
    if plan_id is not None:
        stmt = stmt.where(ReportingSchedule.plan_id == plan_id)
    if active is not None:
        stmt = stmt.where(col(ReportingSchedule.is_active).is_(active))
    rows: list[ReportingSchedule]
    rows, next_cursor = paginate(session, stmt, by_id(col(ReportingSchedule.id)), limit, cursor)
    return rows, next_cursor


def _check_receiver(session: Session, unit_path: str, receiver_id: int) -> None:
    path = session.exec(select(AdminUnit.path).where(AdminUnit.id == receiver_id)).first()
    if path is None or (path != unit_path and path not in ancestor_paths(unit_path)):
        raise ValidationProblem.for_field(
            "body.receiver_unit_id",
            "Đơn vị nhận báo cáo phải là chính đơn vị đặt lịch hoặc một cấp trên của nó.",
        )


def _check_agency(session: Session, receiver_id: int, agency_id: int | None) -> None:
    if agency_id is None:
        return
    owner = session.exec(select(Agency.unit_id).where(Agency.id == agency_id)).first()
    if owner != receiver_id:
        raise ValidationProblem.for_field(
            "body.receiver_agency_id",
            f"Cơ quan mã {agency_id} không thuộc đơn vị nhận báo cáo.",
        )


def _check_reporters(
    session: Session, unit_path: str, kind: ReporterKind, unit_ids: list[int]
) -> list[int]:
    wanted = list(dict.fromkeys(unit_ids))
    if kind is not ReporterKind.named_units:
        if wanted:
            raise ValidationProblem.for_field(
                "body.reporter_unit_ids", "Chỉ ghi đơn vị báo cáo khi `reporter_kind=named_units`."
            )
        return []
    if not wanted:
        raise ValidationProblem.for_field(
            "body.reporter_unit_ids", "Cần ít nhất một đơn vị báo cáo."
        )
    below = set(
        session.exec(
            select(AdminUnit.id).where(
                col(AdminUnit.id).in_(wanted),
                col(AdminUnit.path).startswith(unit_path),
                col(AdminUnit.path) != unit_path,
            )
        )
    )
    for n, uid in enumerate(wanted):
        if uid not in below:
            raise ValidationProblem.for_field(
                f"body.reporter_unit_ids.{n}",
                f"Đơn vị mã {uid} không phải đơn vị cấp dưới của đơn vị đặt lịch.",
            )
    return wanted


def _check_plan(session: Session, unit_id: int, plan_id: int | None) -> None:
    if plan_id is None:
        return
    owner = session.exec(select(Plan.unit_id).where(Plan.id == plan_id)).first()
    if owner != unit_id:
        raise ValidationProblem.for_field(
            "body.plan_id", f"Kế hoạch mã {plan_id} không phải kế hoạch của đơn vị đặt lịch."
        )


def create_schedule(session: Session, caller: Caller, data: ScheduleCreate) -> ReportingSchedule:
    unit_id = data.unit_id if data.unit_id is not None else caller.unit_id
    if unit_id is None:
        raise ValidationProblem.for_field(
            "body.unit_id", "Tài khoản cấp toàn quốc phải ghi rõ đơn vị đặt lịch báo cáo."
        )
    path = unit_path_of(session, unit_id)
    schedule = ReportingSchedule(
        **data.model_dump(exclude={"unit_id", "receiver_unit_id", "reporter_unit_ids"}),
        unit_id=unit_id,
        receiver_unit_id=data.receiver_unit_id or unit_id,
        created_by=caller.user_id,
    )
    require_schedule_owner(caller, schedule)
    deadline_of(
        data.frequency,
        data.deadline_rule,
        data.deadline_days,
        data.deadline_day,
        data.deadline_month,
    )
    _check_plan(session, unit_id, data.plan_id)
    _check_receiver(session, path, schedule.receiver_unit_id)
    _check_agency(session, schedule.receiver_unit_id, data.receiver_agency_id)
    schedule.reporter_unit_ids = _check_reporters(
        session, path, data.reporter_kind, data.reporter_unit_ids
    )
    session.add(schedule)
    flush(session)
    record(
        session,
        caller,
        "create",
        "reporting_schedule",
        schedule.id,
        unit_id,
        after=snapshot(schedule),
    )
    return schedule


def update_schedule(
    session: Session, caller: Caller, schedule: ReportingSchedule, data: ScheduleUpdate
) -> ReportingSchedule:
    changes = data.model_dump(exclude_unset=True)
    for name in ("title", "deadline_rule", "embedded", "is_active", "reporter_unit_ids"):
        if name in changes and changes[name] is None:
            raise ValidationProblem.for_field(f"body.{name}", "Trường này không được để trống.")
    before = snapshot(schedule)
    path = unit_path_of(session, schedule.unit_id)
    if "reporter_unit_ids" in changes:
        changes["reporter_unit_ids"] = _check_reporters(
            session, path, schedule.reporter_kind, changes["reporter_unit_ids"]
        )
    if "receiver_agency_id" in changes:
        _check_agency(session, schedule.receiver_unit_id, changes["receiver_agency_id"])
    for key, value in changes.items():
        setattr(schedule, key, value)
    deadline_of(
        schedule.frequency,
        schedule.deadline_rule,
        schedule.deadline_days,
        schedule.deadline_day,
        schedule.deadline_month,
    )
    schedule.updated_at = utcnow()
    session.add(schedule)
    flush(session)
    record(
        session,
        caller,
        "update",
        "reporting_schedule",
        schedule.id,
        schedule.unit_id,
        before,
        snapshot(schedule),
    )
    return schedule


def expected_reporters(
    session: Session, schedule: ReportingSchedule, start: date, end: date
) -> list[Reporter]:
    """Who owes a report for the period `start`–`end`: units in force during some of it (a
    commune abolished on 30 June 2025 still owes the period it lived in), or the unit's agencies
    other than the People's Committee itself."""
    if schedule.reporter_kind is ReporterKind.own_agencies:
        agencies = session.exec(
            select(Agency.id, Agency.name)
            .where(
                Agency.unit_id == schedule.unit_id,
                Agency.kind != AgencyKind.people_committee,
            )
            .order_by(col(Agency.id))
        )
        return [Reporter(schedule.unit_id, a_id, name) for a_id, name in agencies]
    stmt = select(AdminUnit.id, AdminUnit.name).where(
        or_(col(AdminUnit.valid_from).is_(None), col(AdminUnit.valid_from) <= end),
        or_(col(AdminUnit.valid_to).is_(None), col(AdminUnit.valid_to) >= start),
    )
    if schedule.reporter_kind is ReporterKind.child_units:
        stmt = stmt.where(AdminUnit.parent_id == schedule.unit_id)
    else:
        stmt = stmt.where(col(AdminUnit.id).in_(schedule.reporter_unit_ids))
    rows = session.exec(stmt.order_by(col(AdminUnit.id)))
    return [Reporter(uid, None, name) for uid, name in rows if uid is not None]
