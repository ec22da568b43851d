"""Reports: creating one for a period, reading within scope, editing a draft."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from app.access.scope import Caller
from app.audit.service import record, snapshot
from app.core.clock import utcnow
from app.core.db import flush, for_update
from app.core.errors import Conflict, Forbidden, NotFound, ValidationProblem
from app.core.pagination import SortKey, paginate
from app.reference.data import INDICATORS
from app.reports.access import report_visible, require_reporter
from app.reports.models import (
    Report,
    ReporterKind,
    ReportEvent,
    ReportingSchedule,
    ReportStatus,
)
from app.reports.periods import Frequency, make_period, parse_period_key
from app.reports.report_schemas import (
    ReportCreate,
    ReportEventRead,
    ReportRead,
    ReportSummary,
    ReportUpdate,
)
from app.reports.schedules import expected_reporters, get_schedule, schedule_deadline
from app.units.models import AdminUnit

EDITABLE = (ReportStatus.draft, ReportStatus.returned)
_RATIOS = {
    i.code: tuple(i.rule.removeprefix("ratio:").split("/"))
    for i in INDICATORS
    if i.aggregation == "ratio" and i.rule
}


def ratio(numerator: int | None, denominator: int | None) -> float | None:
    if not denominator:
        return None
    return round(100 * (numerator or 0) / denominator, 1)


def ratios_of(values: dict[str, int]) -> dict[str, float | None]:
    return {code: ratio(values.get(num), values.get(den)) for code, (num, den) in _RATIOS.items()}


def add_event(
    session: Session, caller: Caller, report: Report, action: str, comment: str | None = None
) -> None:
    assert report.id is not None
    session.add(
        ReportEvent(
            report_id=report.id,
            action=action,
            status=report.status,
            user_id=caller.user_id,
            comment=comment,
            at=report.updated_at,  # the step's own time (backdated for the demo's history)
        )
    )


def document_number(report: Report) -> str | None:
    if report.doc_number is None or report.doc_symbol is None:
        return None
    return f"{report.doc_number}/{report.doc_symbol}"


def _summary_fields(report: Report, unit_name: str) -> dict[str, Any]:
    return {
        **report.model_dump(
            include={
                "id",
                "schedule_id",
                "period_key",
                "period_start",
                "period_end",
                "deadline",
                "unit_id",
                "agency_id",
                "receiver_unit_id",
                "status",
                "submitted_at",
                "days_late",
                "version",
                "updated_at",
            }
        ),
        "unit_name": unit_name,
        "document_number": document_number(report),
    }


def report_summary(report: Report, unit_name: str) -> ReportSummary:
    return ReportSummary(**_summary_fields(report, unit_name))


def report_read(session: Session, report: Report) -> ReportRead:
    unit_name = session.exec(select(AdminUnit.name).where(AdminUnit.id == report.unit_id)).one()
    events = session.exec(
        select(ReportEvent).where(ReportEvent.report_id == report.id).order_by(col(ReportEvent.id))
    )
    return ReportRead(
        **_summary_fields(report, unit_name),
        **report.model_dump(
            include={
                "values",
                "activity_summary",
                "task_progress",
                "results",
                "shortcomings",
                "causes",
                "proposals",
                "prefilled_at",
                "reviewed_at",
                "review_comment",
                "created_at",
            }
        ),
        ratios=ratios_of(report.values),
        history=[ReportEventRead.model_validate(e) for e in events],
    )


def get_report(session: Session, caller: Caller, report_id: int, lock: bool = False) -> Report:
    stmt = select(Report).where(Report.id == report_id, report_visible(caller))
    if lock:
        stmt = for_update(stmt)
    report = session.exec(stmt).first()
    if report is None:
        raise NotFound(f"Không tìm thấy báo cáo mã {report_id}.")
    return report


def list_reports(
    session: Session,
    caller: Caller,
    *,
    schedule_id: int | None,
    period: str | None,
    unit_id: int | None,
    receiver_unit_id: int | None,
    status: ReportStatus | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[ReportSummary], str | None]:
    stmt: Any = (
        sa_select(Report, col(AdminUnit.name))
        .join(AdminUnit, col(AdminUnit.id) == Report.unit_id)
        .where(report_visible(caller))
    )
    for column, value in (
        (Report.schedule_id, schedule_id),
        (Report.period_key, period),
        (Report.unit_id, unit_id),
        (Report.receiver_unit_id, receiver_unit_id),
        (Report.status, status),
    ):
        if value is not None:
            stmt = stmt.where(col(column) == value)
    rows: list[Sequence[Any]]
    keys = [SortKey(col(Report.id), lambda row: row[0].id, parse=int)]
    rows, next_cursor = paginate(session, stmt, keys, limit, cursor)
    return [report_summary(r[0], r[1]) for r in rows], next_cursor


def _reporter_agency(
    session: Session, caller: Caller, schedule: ReportingSchedule, data: ReportCreate
) -> int | None:
    if schedule.reporter_kind is not ReporterKind.own_agencies:
        if data.agency_id is not None:
            raise ValidationProblem.for_field(
                "body.agency_id", "Lịch này do đơn vị báo cáo, không ghi cơ quan."
            )
        return None
    return data.agency_id if data.agency_id is not None else caller.agency_id


def create_report(session: Session, caller: Caller, data: ReportCreate) -> Report:
    schedule: ReportingSchedule = get_schedule(session, caller, data.schedule_id)
    parsed = parse_period_key(data.period)
    if schedule.frequency is Frequency.on_request or parsed is None:
        raise ValidationProblem.for_field(
            "body.period", f"Kỳ «{data.period}» không phải một kỳ của lịch báo cáo này."
        )
    frequency, year, index = parsed
    if frequency is not schedule.frequency:
        raise ValidationProblem.for_field(
            "body.period", f"Kỳ «{data.period}» không phải một kỳ của lịch báo cáo này."
        )
    if not schedule.is_active:
        raise Conflict("Lịch báo cáo này đã ngừng áp dụng.", code="schedule_inactive")
    period = make_period(frequency, schedule.period_rule, schedule_deadline(schedule), year, index)
    agency_id = _reporter_agency(session, caller, schedule, data)
    reporters = expected_reporters(session, schedule, period.start, period.end)
    if not any(r.unit_id == caller.unit_id and r.agency_id == agency_id for r in reporters):
        raise Forbidden(
            "Đơn vị (cơ quan) của tài khoản không phải đơn vị phải báo cáo theo lịch này trong "
            "kỳ này.",
            code="not_expected_reporter",
        )
    assert caller.unit_id is not None
    existing = session.exec(
        select(Report.id).where(
            Report.schedule_id == schedule.id,
            Report.period_key == period.key,
            Report.unit_id == caller.unit_id,
            Report.agency_id == agency_id
            if agency_id is not None
            else col(Report.agency_id).is_(None),
        )
    ).first()
    if existing is not None:
        raise Conflict(
            f"Đơn vị đã có báo cáo kỳ {period.key} theo lịch này (mã {existing}); hãy sửa báo "
            "cáo đó.",
            code="report_exists",
        )
    report = Report(
        schedule_id=data.schedule_id,
        period_key=period.key,
        period_start=period.start,
        period_end=period.end,
        deadline=period.deadline,
        unit_id=caller.unit_id,
        agency_id=agency_id,
        receiver_unit_id=schedule.receiver_unit_id,
        created_by=caller.user_id,
    )
    session.add(report)
    flush(session)
    add_event(session, caller, report, "create")
    record(session, caller, "create", "report", report.id, report.unit_id, after=snapshot(report))
    return report


def require_editable(report: Report, action: str) -> None:
    if report.status not in EDITABLE:
        raise Conflict(
            f"Chỉ {action} được báo cáo đang soạn hoặc bị trả lại; báo cáo đang ở trạng thái "
            f"{report.status.value}.",
            code="report_not_editable",
        )


def _edit_progress(report: Report, edits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id = {entry["assignment_id"]: dict(entry) for entry in report.task_progress}
    for n, edit in enumerate(edits):
        entry = by_id.get(edit["assignment_id"])
        if entry is None:
            raise ValidationProblem.for_field(
                f"body.task_progress.{n}.assignment_id",
                f"Phân công mã {edit['assignment_id']} không có trong báo cáo; hãy điền sẵn lại.",
            )
        entry["progress_note"] = edit.get("progress_note")
    return list(by_id.values())


def update_report(session: Session, caller: Caller, report: Report, data: ReportUpdate) -> Report:
    require_reporter(caller, report, "sửa")
    require_editable(report, "sửa")
    before = snapshot(report)
    changes = data.model_dump(exclude_unset=True)
    values = changes.pop("values", None)
    if values is not None:
        merged = dict(report.values)
        for code, value in values.items():
            if value is None:
                merged.pop(code, None)
            else:
                merged[code] = value
        report.values = merged
    progress = changes.pop("task_progress", None)
    if progress is not None:
        report.task_progress = _edit_progress(report, progress)
    for key, value in changes.items():
        setattr(report, key, value)
    report.updated_at = utcnow()
    session.add(report)
    flush(session)
    add_event(session, caller, report, "update")
    record(session, caller, "update", "report", report.id, report.unit_id, before, snapshot(report))
    return report
