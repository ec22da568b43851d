"""One loading dependency per written resource: 404 when missing or out of scope, 403 when
visible but not the caller's to change, then 428/412 for If-Match — with the row locked for the
rest of the request, so the state checked is the state changed."""

from typing import Annotated

from fastapi import Depends

from app.core.db import SessionDep
from app.core.etag import IfMatch, check_if_match
from app.core.ids import path_id
from app.reports import schedules
from app.reports.access import ScheduleWriter, require_schedule_owner
from app.reports.models import ReportingSchedule

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
