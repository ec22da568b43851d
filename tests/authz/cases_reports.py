"""Matrix cases for reporting of huyện Tiên Lữ (see matrix.py).

Schedules: set by Tiên Lữ for its communes; read by its line (the province above, the communes
below that report under it); changed only by Tiên Lữ's own officers and leaders.
"""

from app.reports.models import ReporterKind, ReportingSchedule
from app.reports.periods import DeadlineRule, Frequency, PeriodRule
from app.users.models import Role
from tests.authz.matrix import Case, Ctx, Prepared, everyone, statuses

TITLE = "Báo cáo công tác thông tin, tuyên truyền CCHC hằng quý"


def _periods(_ctx: Ctx) -> Prepared:
    return Prepared(params={"frequency": "quarterly", "year": 2024, "deadline_days": 5})


def _schedule(ctx: Ctx) -> ReportingSchedule:
    schedule = ReportingSchedule(
        unit_id=ctx.owner_unit,
        title=TITLE,
        reporter_kind=ReporterKind.child_units,
        receiver_unit_id=ctx.owner_unit,
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


CASES: dict[str, Case] = {
    "GET /api/v1/report-periods": Case(role=Role.viewer, expect=everyone(200), setup=_periods),
    "GET /api/v1/reporting-schedules": Case(role=Role.viewer, expect=everyone(200)),
    "POST /api/v1/reporting-schedules": Case(
        role=Role.officer, expect=statuses(201, 403, 403, 403, 403), setup=_new_schedule
    ),
    "GET /api/v1/reporting-schedules/{schedule_id}": Case(
        role=Role.viewer, expect=statuses(200, 200, 200, 404, 404), setup=_schedule_params
    ),
    "PATCH /api/v1/reporting-schedules/{schedule_id}": Case(
        role=Role.officer, expect=statuses(200, 403, 403, 404, 404), setup=_schedule_patch
    ),
}
