"""Matrix cases for reporting of huyện Tiên Lữ (see matrix.py).

Schedules: set by Tiên Lữ for its communes; read by its line (the province above, the communes
below that report under it); changed only by Tiên Lữ's own officers and leaders.

Reports: Tiên Lữ's report to tỉnh Hưng Yên under the province's schedule for its districts. Read
by Tiên Lữ and the province (its receiver); not by Lệ Xá below it, nor by the sibling district.
Written by Tiên Lữ; accepted or returned only by the province — Tiên Lữ cannot accept its own.
"""

from datetime import date

from app.reports.models import Report, ReporterKind, ReportingSchedule, ReportStatus
from app.reports.periods import DeadlineRule, Frequency, PeriodRule
from app.users.models import Role
from tests.authz.matrix import Case, Ctx, Prepared, everyone, statuses

TITLE = "Báo cáo công tác thông tin, tuyên truyền CCHC hằng quý"


def _periods(_ctx: Ctx) -> Prepared:
    return Prepared(params={"frequency": "quarterly", "year": 2024, "deadline_days": 5})


def _schedule(ctx: Ctx, relation: str = "same") -> ReportingSchedule:
    schedule = ReportingSchedule(
        unit_id=ctx.unit(relation),
        title=TITLE,
        reporter_kind=ReporterKind.child_units,
        receiver_unit_id=ctx.unit(relation),
        frequency=Frequency.quarterly,
        period_rule=PeriodRule.decree09,
        deadline_rule=DeadlineRule.days_after,
        deadline_days=5,
    )
    ctx.db.add(schedule)
    ctx.db.flush()
    return schedule


def _schedule_params(ctx: Ctx) -> Prepared:
    return Prepared(path_params={"schedule_id": _schedule(ctx).id})


def _schedule_patch(ctx: Ctx) -> Prepared:
    schedule = _schedule(ctx)
    return Prepared(
        path_params={"schedule_id": schedule.id},
        json={"embedded": True},
        headers={"If-Match": f'"reporting_schedule-{schedule.id}-v1"'},
    )


def _new_schedule(ctx: Ctx) -> Prepared:
    return Prepared(
        json={
            "unit_id": ctx.owner_unit,
            "title": TITLE,
            "reporter_kind": "child_units",
            "frequency": "quarterly",
            "deadline_days": 5,
        }
    )


def _report(ctx: Ctx, status: ReportStatus = ReportStatus.draft) -> Report:
    schedule = _schedule(ctx, "parent")
    assert schedule.id is not None
    report = Report(
        schedule_id=schedule.id,
        period_key="2024-Q1",
        period_start=date(2023, 12, 15),
        period_end=date(2024, 3, 14),
        deadline=date(2024, 3, 19),
        unit_id=ctx.owner_unit,
        receiver_unit_id=ctx.unit("parent"),
        status=status,
    )
    ctx.db.add(report)
    ctx.db.flush()
    return report


def _new_report(ctx: Ctx) -> Prepared:
    return Prepared(json={"schedule_id": _schedule(ctx, "parent").id, "period": "2024-Q1"})


def _report_params(ctx: Ctx) -> Prepared:
    return Prepared(path_params={"report_id": _report(ctx).id})


def _report_patch(ctx: Ctx) -> Prepared:
    report = _report(ctx)
    return Prepared(
        path_params={"report_id": report.id},
        json={"results": "Đã tuyên truyền CCHC trên Đài truyền thanh huyện."},
        headers={"If-Match": f'"report-{report.id}-v1"'},
    )


def _submitted(ctx: Ctx) -> Prepared:
    report = _report(ctx, ReportStatus.submitted)
    return Prepared(path_params={"report_id": report.id}, json={"comment": "Bổ sung số liệu."})


def _unit_period(ctx: Ctx) -> Prepared:
    _report(ctx, ReportStatus.submitted)
    return Prepared(path_params={"unit_id": ctx.owner_unit}, params={"period": "2024-Q1"})


# Only the reporter's own line sees its report: the rest get 404, but the successor (xã Tiên Hoa,
# which took part of Tiên Lữ's area) reads it as history and may not write it.
_REPORTER_ONLY = statuses(200, 403, 404, 404, 404, successor=403)

CASES: dict[str, Case] = {
    "GET /api/v1/report-periods": Case(role=Role.viewer, expect=everyone(200), setup=_periods),
    "GET /api/v1/reporting-schedules": Case(role=Role.viewer, expect=everyone(200)),
    "POST /api/v1/reporting-schedules": Case(
        role=Role.officer, expect=statuses(201, 403, 403, 403, 403), setup=_new_schedule
    ),
    "GET /api/v1/reporting-schedules/{schedule_id}": Case(
        role=Role.viewer,
        expect=statuses(200, 200, 200, 404, 404, successor=200),
        setup=_schedule_params,
    ),
    "PATCH /api/v1/reporting-schedules/{schedule_id}": Case(
        role=Role.officer,
        expect=statuses(200, 403, 403, 404, 404, successor=403),
        setup=_schedule_patch,
    ),
    "GET /api/v1/reports": Case(role=Role.viewer, expect=everyone(200)),
    "POST /api/v1/reports": Case(
        role=Role.officer, expect=statuses(201, 403, 403, 201, 404), setup=_new_report
    ),
    "GET /api/v1/reports/{report_id}": Case(
        role=Role.viewer,
        expect=statuses(200, 200, 404, 404, 404, successor=200),
        setup=_report_params,
    ),
    "PATCH /api/v1/reports/{report_id}": Case(
        role=Role.officer, expect=_REPORTER_ONLY, setup=_report_patch
    ),
    "POST /api/v1/reports/{report_id}/prefill": Case(
        role=Role.officer, expect=_REPORTER_ONLY, setup=_report_params
    ),
    "POST /api/v1/reports/{report_id}/submit": Case(
        role=Role.officer, expect=_REPORTER_ONLY, setup=_report_params
    ),
    "POST /api/v1/reports/{report_id}/accept": Case(
        role=Role.leader, expect=statuses(403, 200, 404, 404, 404, successor=403), setup=_submitted
    ),
    "POST /api/v1/reports/{report_id}/return": Case(
        role=Role.leader, expect=statuses(403, 200, 404, 404, 404, successor=403), setup=_submitted
    ),
    "GET /api/v1/reports/{report_id}/document.docx": Case(
        role=Role.viewer,
        expect=statuses(200, 200, 404, 404, 404, successor=200),
        setup=_report_params,
    ),
    # A unit's consolidation and compliance: the unit and the units above it.
    "GET /api/v1/units/{unit_id}/consolidation.xlsx": Case(
        role=Role.viewer, expect=statuses(200, 200, 404, 404, 404), setup=_unit_period
    ),
    "GET /api/v1/units/{unit_id}/consolidation": Case(
        role=Role.viewer, expect=statuses(200, 200, 404, 404, 404), setup=_unit_period
    ),
    "GET /api/v1/units/{unit_id}/compliance": Case(
        role=Role.viewer, expect=statuses(200, 200, 404, 404, 404), setup=_unit_period
    ),
}
