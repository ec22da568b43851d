"""A report's life: draft → (prefill, edit) → submitted → accepted, or returned → resubmitted.

Every transition runs on the report's row, locked by its loader for the rest of the request, and
re-checks the state inside the lock: ten concurrent submits make one submission. Each step writes
a history event and an audit entry.

Prefill snapshots what the period's work was when the report was drafted: the activity summary of
the reporter's subtree (the channels summary, not a query of its own) and the progress of the
reporter's assignments. Later progress notes do not change a report; prefilling again does.
Activities carry no agency, so a report of one agency (a schedule of a unit's own agencies) takes
only its assignments, not the unit's activities.
"""

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from app.access.scope import Caller
from app.audit.service import record, snapshot
from app.channels.summary import Dimension, summarise
from app.core.clock import utcnow, vietnam_today
from app.core.db import flush
from app.core.errors import Conflict, ValidationProblem
from app.plans.assignments.models import AssignmentStatus
from app.plans.assignments.service import assignment_read, list_assignments
from app.reference.data import INDICATORS
from app.reports.access import require_receiver, require_reporter
from app.reports.models import Report, ReportStatus
from app.reports.periods import days_late
from app.reports.service import add_event, require_editable

# Assignments read per page when prefilling, and pages at most (a unit's share of its plans).
_PAGE, _MAX_PAGES = 200, 10


def _progress(session: Session, caller: Caller, report: Report) -> list[dict[str, Any]]:
    """The reporter's assignments on plans covering the period, as they stand now."""
    entries: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(_MAX_PAGES):
        rows, cursor = list_assignments(
            session,
            caller,
            mine=False,
            plan_id=None,
            assignee_unit_id=report.unit_id,
            assignee_agency_id=report.agency_id,
            status=None,
            due_before=None,
            limit=_PAGE,
            cursor=cursor,
        )
        for row in rows:
            plan = row[2]
            if plan.period_start > report.period_end or plan.period_end < report.period_start:
                continue
            read = assignment_read(row)
            entries.append(
                {
                    "assignment_id": read.id,
                    "plan_id": read.plan_id,
                    "plan_number": read.plan_number_text,
                    "task_ordinal": read.task_ordinal,
                    "task_title": read.task_title,
                    "status": read.status.value,
                    "progress_note": read.progress_note,
                    "overdue": read.overdue,
                }
            )
        if cursor is None:
            break
    return sorted(entries, key=lambda e: (e["plan_id"], e["assignment_id"]))


def computed_values(
    summary: dict[str, Any] | None, progress: list[dict[str, Any]]
) -> dict[str, int]:
    """The computed indicators' values (`rule` in the reference data) from the snapshots."""
    counted = [e for e in progress if e["status"] != AssignmentStatus.cancelled.value]
    sources: dict[str, int] = {
        "assignments:total": len(counted),
        "assignments:done": sum(e["status"] == AssignmentStatus.done.value for e in counted),
    }
    if summary is not None:
        totals = summary["totals"]
        sources["activities"] = totals["activities"]
        sources["cost"] = totals["cost_vnd"]
        for code, value in totals["quantities"].items():
            sources[f"quantity:{code}"] = value
    values: dict[str, int] = {}
    for indicator in INDICATORS:
        rule = indicator.rule
        if rule is None or rule.startswith("ratio:"):
            continue
        if rule.startswith("quantity:") and summary is not None:
            values[indicator.code] = sources.get(rule, 0)
        elif rule in sources:
            values[indicator.code] = sources[rule]
    return values


def prefill_report(session: Session, caller: Caller, report: Report) -> Report:
    require_reporter(caller, report, "điền sẵn")
    require_editable(report, "điền sẵn")
    before = snapshot(report)
    summary: dict[str, Any] | None = None
    if report.agency_id is None:
        summary = summarise(
            session,
            caller,
            unit_id=report.unit_id,
            date_from=report.period_start,
            date_to=report.period_end,
            channel_type=None,
            topic=None,
            group_by=[Dimension.channel_type],
        ).model_dump(mode="json")
    progress = _progress(session, caller, report)
    report.activity_summary = summary
    report.task_progress = progress
    report.values = {**report.values, **computed_values(summary, progress)}
    report.prefilled_at = report.updated_at = utcnow()
    session.add(report)
    flush(session)
    add_event(session, caller, report, "prefill")
    record(
        session, caller, "prefill", "report", report.id, report.unit_id, before, snapshot(report)
    )
    return report


def _set_number(session: Session, report: Report, number_text: str, year: int) -> None:
    """Decree 30/2020/NĐ-CP: numbers restart each year, per issuer and document type."""
    number, symbol = number_text.split("/", 1)
    taken = session.exec(
        select(Report.id).where(
            Report.unit_id == report.unit_id,
            Report.doc_symbol == symbol,
            Report.doc_year == year,
            Report.doc_number == int(number),
            col(Report.id) != report.id,
        )
    ).first()
    if taken is not None:
        raise Conflict(
            f"Số {number_text} năm {year} đã được dùng cho báo cáo mã {taken} của đơn vị; hãy "
            "chọn số khác.",
            code="report_number_taken",
        )
    report.doc_number, report.doc_symbol, report.doc_year = int(number), symbol, year


def submit_report(
    session: Session,
    caller: Caller,
    report: Report,
    document_number: str | None,
    at: datetime | None = None,
) -> Report:
    """Submit (or resubmit) `report`; `at` backdates the demo data's submissions."""
    require_reporter(caller, report, "gửi")
    require_editable(report, "gửi")
    before = snapshot(report)
    now = at or utcnow()
    if document_number is not None:
        _set_number(session, report, document_number, vietnam_today(now).year)
    action = "submit" if report.status is ReportStatus.draft else "resubmit"
    report.status = ReportStatus.submitted
    report.submitted_at = report.updated_at = now
    # Lateness is judged on the first submission: a report returned for corrections and sent
    # again does not become late for it.
    if report.days_late is None:
        report.days_late = days_late(report.deadline, now)
    session.add(report)
    flush(session)
    add_event(session, caller, report, action)
    record(session, caller, action, "report", report.id, report.unit_id, before, snapshot(report))
    return report


def review_report(
    session: Session,
    caller: Caller,
    report: Report,
    accept: bool,
    comment: str | None,
    at: datetime | None = None,
) -> Report:
    require_receiver(caller, report)
    if report.status is not ReportStatus.submitted:
        raise Conflict(
            f"Chỉ tiếp nhận hoặc trả lại được báo cáo đã gửi; báo cáo đang ở trạng thái "
            f"{report.status.value}.",
            code="report_not_submitted",
        )
    if not accept and not comment:
        raise ValidationProblem.for_field(
            "body.comment", "Trả lại báo cáo cần ghi rõ ý kiến: cần sửa, bổ sung gì."
        )
    before = snapshot(report)
    report.status = ReportStatus.accepted if accept else ReportStatus.returned
    report.reviewed_at = report.updated_at = at or utcnow()
    report.review_comment = comment
    session.add(report)
    flush(session)
    action = "accept" if accept else "return"
    add_event(session, caller, report, action, comment)
    record(session, caller, action, "report", report.id, report.unit_id, before, snapshot(report))
    return report
