"""Who reads and who writes reporting schedules and reports (DESIGN §4), as filters and checks.

Schedules: a person reads the schedules of their subtree and of their ancestors (a commune reads
the district's schedule it reports under); national accounts read every one. Officers and leaders
of the unit that sets a schedule change it.

Reports: the reporter's own line reads a report (the reporter and the units above it), and so
does the receiving unit named by the schedule; a sibling or a unit below the reporter gets 404.
The reporter's officers and leaders draft, prefill and submit it; only a leader of the receiving
unit accepts or returns it — never the reporter itself (a commune cannot accept its own report).
Across the 2025 reform a successor reads, never writes, its predecessors' schedules and reports
(xã Tiên Hoa reads xã Lệ Xá's quarterly reports), as it reads their plans.
The portal reads neither: reports are internal work.
"""

from typing import Annotated

from fastapi import Depends
from sqlalchemy import ColumnElement, or_, true
from sqlmodel import col

from app.access.auth import PEOPLE, require
from app.access.scope import (
    Caller,
    predecessors_filter,
    subtree_filter,
    subtree_or_ancestors_filter,
)
from app.core.errors import Forbidden
from app.reports.models import Report, ReportingSchedule
from app.users.models import Role

ScheduleReader = Annotated[Caller, Depends(require(*PEOPLE, scope="read"))]
ScheduleWriter = Annotated[Caller, Depends(require(Role.officer, Role.leader))]
ReportReader = Annotated[Caller, Depends(require(*PEOPLE, scope="read"))]
ReportWriter = Annotated[Caller, Depends(require(Role.officer, Role.leader))]
ReportReviewer = Annotated[Caller, Depends(require(Role.leader))]


def schedule_visible(caller: Caller) -> ColumnElement[bool]:
    if caller.is_national:
        return true()
    unit = col(ReportingSchedule.unit_id)
    return or_(subtree_or_ancestors_filter(caller, unit), predecessors_filter(caller, unit))


def report_visible(caller: Caller) -> ColumnElement[bool]:
    if caller.is_national:
        return true()
    return or_(
        subtree_filter(caller, col(Report.unit_id)),
        predecessors_filter(caller, col(Report.unit_id)),
        col(Report.receiver_unit_id) == caller.unit_id,
    )


def require_schedule_owner(caller: Caller, schedule: ReportingSchedule) -> None:
    if caller.unit_id != schedule.unit_id:
        raise Forbidden(
            "Chỉ cán bộ của đơn vị đặt lịch báo cáo mới được thay đổi lịch này.",
            code="not_schedule_owner",
        )


def require_reporter(caller: Caller, report: Report, action: str) -> None:
    if caller.unit_id != report.unit_id:
        raise Forbidden(
            f"Chỉ cán bộ của đơn vị báo cáo mới được {action} báo cáo này.",
            code="not_reporting_unit",
        )


def require_receiver(caller: Caller, report: Report) -> None:
    """A leader of the receiving unit, and not the reporter reviewing itself."""
    own = report.unit_id == caller.unit_id and (
        report.unit_id != report.receiver_unit_id or report.agency_id == caller.agency_id
    )
    if caller.unit_id != report.receiver_unit_id or own:
        raise Forbidden(
            "Chỉ lãnh đạo đơn vị nhận báo cáo mới được tiếp nhận hoặc trả lại báo cáo; đơn vị "
            "báo cáo không tự tiếp nhận báo cáo của mình.",
            code="not_receiving_unit",
        )
