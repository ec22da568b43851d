"""Demo reporting loop (app/demo/data/reports.json): Tiên Lữ's quarterly schedule with a
year of Lệ Xá's reports in every state, Trà Bồng's annual schedule due before 25/11, and the same
loop on today's tree (a commune reporting to Tỉnh Hưng Yên).

Entered through the reporting services, with the demo administrator acting as a leader of each
unit (as app/demo/channels.py does), so the same checks, history and audit apply; submissions
and reviews carry the dates of the data. A schedule already present (same unit and title) is left
as it is, with its reports. `load_demo_reports` is meant to run at the end of app.demo's loader.
"""

import json
from datetime import datetime
from importlib.resources import files
from typing import Any

from sqlmodel import Session, col, select

from app.access.scope import Caller
from app.reports.models import ReportingSchedule
from app.reports.report_schemas import ReportCreate, ReportUpdate
from app.reports.schedule_schemas import ScheduleCreate
from app.reports.schedules import create_schedule
from app.reports.service import create_report, update_report
from app.reports.workflow import prefill_report, review_report, submit_report
from app.units.models import AdminUnit
from app.users.models import Agency, Role, User


def _data() -> dict[str, Any]:
    raw = files("app.demo").joinpath("data", "reports.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(raw)
    return loaded


def _unit(session: Session, key: dict[str, str]) -> AdminUnit:
    unit = session.exec(
        select(AdminUnit).where(
            AdminUnit.level == key["level"],
            AdminUnit.code == key["code"],
            col(AdminUnit.path).startswith(f"{key['tree']}/"),
        )
    ).first()
    if unit is None:
        raise LookupError(f"unit {key} is not loaded: run `python -m app load-units`")
    return unit


def _acting_leader(admin: User, unit: AdminUnit) -> Caller:
    assert admin.id is not None and unit.id is not None
    return Caller(admin.id, admin.username, Role.leader, unit.id, unit.path, None)


def _schedule(session: Session, admin: User, spec: dict[str, Any]) -> ReportingSchedule | None:
    """The schedule of `spec`, created; None when it is already there."""
    unit = _unit(session, spec["unit"])
    exists = session.exec(
        select(ReportingSchedule.id).where(
            ReportingSchedule.unit_id == unit.id, ReportingSchedule.title == spec["body"]["title"]
        )
    ).first()
    if exists is not None:
        return None
    agency_id = None
    if spec["receiver_agency"]:
        agency_id = session.exec(
            select(Agency.id).where(
                Agency.unit_id == unit.id, Agency.name == spec["receiver_agency"]
            )
        ).first()
    data = ScheduleCreate.model_validate({**spec["body"], "receiver_agency_id": agency_id})
    return create_schedule(session, _acting_leader(admin, unit), data)


def _report(
    session: Session,
    admin: User,
    schedule: ReportingSchedule,
    receiver: Caller,
    spec: dict[str, Any],
) -> None:
    assert schedule.id is not None
    reporter = _acting_leader(admin, _unit(session, spec["reporter"]))
    report = create_report(
        session, reporter, ReportCreate(schedule_id=schedule.id, period=spec["period"])
    )
    report = prefill_report(session, reporter, report)
    edit = ReportUpdate.model_validate({"values": spec["values"], "results": spec["results"]})
    report = update_report(session, reporter, report, edit)
    for action, at, *rest in spec["steps"]:
        when = datetime.fromisoformat(at)
        if action == "submit":
            report = submit_report(session, reporter, report, rest[0] if rest else None, when)
        else:
            comment = rest[0] if rest else None
            report = review_report(session, receiver, report, action == "accept", comment, when)


def load_demo_reports(session: Session) -> tuple[int, int]:
    """Create the missing demo schedules with their reports; returns (schedules, reports)."""
    admin = session.exec(select(User).where(User.username == "admin")).one()
    schedules = reports = 0
    for spec in _data()["schedules"]:
        schedule = _schedule(session, admin, spec)
        if schedule is None:
            continue
        schedules += 1
        receiver = session.get(AdminUnit, schedule.receiver_unit_id)
        assert receiver is not None
        for report in spec["reports"]:
            _report(session, admin, schedule, _acting_leader(admin, receiver), report)
            reports += 1
    return schedules, reports
