"""One loading dependency per written resource: 404 when missing or out of scope, 403 when
visible but not the caller's to change, then 428/412 for If-Match — with the row locked for the
rest of the request, so the state checked is the state changed."""

from typing import Annotated

from fastapi import Depends

from app.access.scope import Caller
from app.core.db import SessionDep
from app.core.etag import IfMatch, OptionalIfMatch, check_if_match
from app.core.ids import path_id
from app.reports import schedules, service
from app.reports.access import (
    ReportReviewer,
    ReportWriter,
    ScheduleWriter,
    require_receiver,
    require_reporter,
    require_schedule_owner,
)
from app.reports.models import Report, ReportingSchedule

ScheduleId = Annotated[int, path_id("Mã lịch báo cáo.")]
ReportId = Annotated[int, path_id("Mã báo cáo.")]


def schedule_for_edit(
    schedule_id: ScheduleId, session: SessionDep, caller: ScheduleWriter, if_match: IfMatch
) -> ReportingSchedule:
    schedule: ReportingSchedule = schedules.get_schedule(session, caller, schedule_id, lock=True)
    require_schedule_owner(caller, schedule)
    check_if_match(if_match, "reporting_schedule", schedule_id, schedule.version)
    return schedule


ScheduleForEdit = Annotated[ReportingSchedule, Depends(schedule_for_edit)]


def _locked_report(
    session: SessionDep, caller: Caller, report_id: int, if_match: str | None, action: str
) -> Report:
    report = service.get_report(session, caller, report_id, lock=True)
    require_reporter(caller, report, action)
    check_if_match(if_match, "report", report_id, report.version)
    return report


def report_for_edit(
    report_id: ReportId, session: SessionDep, caller: ReportWriter, if_match: IfMatch
) -> Report:
    return _locked_report(session, caller, report_id, if_match, "sửa")


def report_for_sending(
    report_id: ReportId,
    session: SessionDep,
    caller: ReportWriter,
    if_match: OptionalIfMatch = None,
) -> Report:
    return _locked_report(session, caller, report_id, if_match, "điền sẵn hoặc gửi")


def report_for_review(
    report_id: ReportId,
    session: SessionDep,
    caller: ReportReviewer,
    if_match: OptionalIfMatch = None,
) -> Report:
    report = service.get_report(session, caller, report_id, lock=True)
    require_receiver(caller, report)
    check_if_match(if_match, "report", report_id, report.version)
    return report


ReportForEdit = Annotated[Report, Depends(report_for_edit)]
ReportForSending = Annotated[Report, Depends(report_for_sending)]
ReportForReview = Annotated[Report, Depends(report_for_review)]
