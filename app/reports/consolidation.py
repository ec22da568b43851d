"""Consolidation and compliance of one period at a receiving unit.

The reporters are those every schedule received by the unit expects for the period (children,
named units or agencies in force during some of it), plus anyone who filed a report under those
schedules without being expected any more: a reporter is never dropped. A reporter expected by
two schedules counts once (its latest counted report). Totals are over the unit's direct
reporters only: a district's report already covers its communes' work (the prefilled summary is
of its subtree), so a province adding its districts' figures and their communes' again would
count twice. Across the 2025 reform the unit also gathers what the units it succeeded received
(a new province: the old provinces' district reports of a period straddling 1 July 2025).
"""

from datetime import date
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from app.access.scope import Caller
from app.core.clock import vietnam_today
from app.core.errors import NotFound, ValidationProblem
from app.reference.data import INDICATORS
from app.reports.consolidation_schemas import (
    Compliance,
    Consolidation,
    ConsolidationRow,
    Counted,
    IndicatorTotal,
    ReporterRow,
    ReporterState,
)
from app.reports.models import Report, ReportingSchedule, ReportStatus
from app.reports.periods import Frequency, make_period, parse_period_key
from app.reports.schedules import expected_reporters, schedule_deadline
from app.reports.service import ratio
from app.units.models import AdminUnit, UnitSuccession
from app.users.models import Agency

_Key = tuple[int, int | None]
_COLUMNS = (
    col(Report.id),
    col(Report.schedule_id),
    col(Report.unit_id),
    col(Report.agency_id),
    col(Report.status),
    col(Report.deadline),
    col(Report.submitted_at),
    col(Report.days_late),
    col(Report.created_at),
    col(Report.values),
)


def _unit(session: Session, caller: Caller, unit_id: int) -> AdminUnit:
    unit = session.get(AdminUnit, unit_id)
    if unit is None or not caller.owns_path(unit.path):
        raise NotFound(f"Không tìm thấy đơn vị mã {unit_id} trong phạm vi của tài khoản.")
    return unit


def _period(key: str) -> tuple[Frequency, int, int]:
    parsed = parse_period_key(key)
    if parsed is None:
        raise ValidationProblem.for_field(
            "query.period", f"Mã kỳ «{key}» không hợp lệ (ví dụ 2024-Q1, 2024-H1, 2024, 2024-M03)."
        )
    return parsed


def _state(report: Any, deadline: date, today: date) -> ReporterState:
    if report is None or report.status is ReportStatus.draft:
        return ReporterState.missing if today > deadline else ReporterState.pending
    if report.status is ReportStatus.returned:
        return ReporterState.returned
    return ReporterState.late if report.days_late else ReporterState.on_time


def _names(session: Session, keys: list[_Key]) -> dict[_Key, str]:
    unit_ids = {k[0] for k in keys}
    agency_ids = {k[1] for k in keys if k[1] is not None}
    units = dict(
        session.exec(
            select(AdminUnit.id, AdminUnit.name).where(col(AdminUnit.id).in_(unit_ids))
        ).all()
    )
    agencies = (
        dict(
            session.exec(select(Agency.id, Agency.name).where(col(Agency.id).in_(agency_ids))).all()
        )
        if agency_ids
        else {}
    )
    return {k: agencies.get(k[1], "") if k[1] is not None else units.get(k[0], "") for k in keys}


def _receivers(session: Session, unit_id: int) -> list[int]:
    """The unit and the units it succeeded (2025 reform): a period that straddles 1 July 2025
    gathers what the old units received before and what the new one receives after — each
    reporter is a distinct unit, so nothing is counted twice."""
    old = session.exec(
        select(UnitSuccession.predecessor_id).where(UnitSuccession.successor_id == unit_id)
    ).all()
    return [unit_id, *old]


def reporter_rows(
    session: Session, unit_id: int, key: str, counted: Counted
) -> list[tuple[ReporterRow, Any]]:
    """Every reporter of the period at `unit_id`, with its report (None when it has none)."""
    frequency, year, index = _period(key)
    receivers = _receivers(session, unit_id)
    schedules = session.exec(
        select(ReportingSchedule)
        .where(
            col(ReportingSchedule.receiver_unit_id).in_(receivers),
            ReportingSchedule.frequency == frequency,
        )
        .order_by(col(ReportingSchedule.id))
    ).all()
    counts = (
        (ReportStatus.accepted,)
        if counted is Counted.accepted
        else (ReportStatus.accepted, ReportStatus.submitted)
    )
    today = vietnam_today()
    slots: dict[_Key, tuple[int, date]] = {}
    for schedule in schedules:
        period = make_period(
            frequency, schedule.period_rule, schedule_deadline(schedule), year, index
        )
        for r in expected_reporters(session, schedule, period.start, period.end):
            assert schedule.id is not None
            slots.setdefault((r.unit_id, r.agency_id), (schedule.id, period.deadline))
    ids = [s.id for s in schedules]
    # Rows, not entities: the columns the answer shows (a province reads a few hundred).
    reports = (
        session.execute(
            sa_select(*_COLUMNS)
            .where(
                col(Report.receiver_unit_id).in_(receivers),  # ix_report_receiver_period
                col(Report.period_key) == key,
                col(Report.schedule_id).in_(ids),
            )
            .order_by(col(Report.id))
        ).all()
        if ids
        else []
    )
    chosen: dict[_Key, Any] = {}
    for report in reports:
        k = (report.unit_id, report.agency_id)
        slots.setdefault(k, (report.schedule_id, report.deadline))
        best = chosen.get(k)
        if best is None or _rank(report, counts) > _rank(best, counts):
            chosen[k] = report
    names = _names(session, list(slots))
    return [
        (_row(k, names[k], schedule_id, deadline, chosen.get(k), counts, today), chosen.get(k))
        for k, (schedule_id, deadline) in slots.items()
    ]


def _row(
    key: _Key,
    name: str,
    schedule_id: int,
    deadline: date,
    report: Any,
    counts: tuple[ReportStatus, ...],
    today: date,
) -> ReporterRow:
    if report is None:
        return ReporterRow(
            unit_id=key[0],
            unit_name=name,
            agency_id=key[1],
            schedule_id=schedule_id,
            deadline=deadline,
            report_id=None,
            status=None,
            state=_state(None, deadline, today),
            submitted_at=None,
            days_late=None,
            counted=False,
        )
    return ReporterRow(
        unit_id=key[0],
        unit_name=name,
        agency_id=key[1],
        schedule_id=report.schedule_id,
        deadline=report.deadline,
        report_id=report.id,
        status=report.status,
        state=_state(report, report.deadline, today),
        submitted_at=report.submitted_at,
        days_late=report.days_late,
        counted=report.status in counts,
    )


def _rank(report: Any, counts: tuple[ReportStatus, ...]) -> tuple[bool, Any, int]:
    """Which of a reporter's reports stands for it: a counted one, the latest sent, the newest."""
    return (report.status in counts, report.submitted_at or report.created_at, report.id or 0)


def _totals(values: list[dict[str, int]]) -> list[IndicatorTotal]:
    sums: dict[str, int | None] = {}
    for indicator in INDICATORS:
        present = [v[indicator.code] for v in values if indicator.code in v]
        if indicator.aggregation == "ratio" or not present:
            sums[indicator.code] = None
        elif indicator.aggregation == "max":
            sums[indicator.code] = max(present)
        else:  # sum; latest: a figure standing at the period's end, added over reporters
            sums[indicator.code] = sum(present)
    totals = []
    for indicator in INDICATORS:
        total: float | None = sums[indicator.code]
        if indicator.aggregation == "ratio" and indicator.rule:
            num, den = indicator.rule.removeprefix("ratio:").split("/")
            total = ratio(sums.get(num), sums.get(den))
        totals.append(
            IndicatorTotal(
                code=indicator.code,
                name=indicator.name,
                unit=indicator.unit,
                aggregation=indicator.aggregation,
                total=total,
            )
        )
    return totals


def consolidate_period(
    session: Session, caller: Caller, unit_id: int, key: str, counted: Counted
) -> Consolidation:
    unit = _unit(session, caller, unit_id)
    rows = reporter_rows(session, unit_id, key, counted)
    counted_values = [r.values for row, r in rows if row.counted and r is not None]
    return Consolidation(
        unit_id=unit_id,
        unit_name=unit.name,
        period=key,
        counted=counted,
        indicators=_totals(counted_values),
        reporters=[
            ConsolidationRow(**row.model_dump(), values=r.values if row.counted and r else {})
            for row, r in rows
        ],
        counted_report_ids=sorted(r.id for row, r in rows if row.counted and r and r.id),
    )


def compliance_of(session: Session, caller: Caller, unit_id: int, key: str) -> Compliance:
    unit = _unit(session, caller, unit_id)
    rows = [row for row, _ in reporter_rows(session, unit_id, key, Counted.submitted)]
    count = {state: sum(r.state is state for r in rows) for state in ReporterState}
    return Compliance(
        unit_id=unit_id,
        unit_name=unit.name,
        period=key,
        expected=len(rows),
        on_time=count[ReporterState.on_time],
        late=count[ReporterState.late],
        returned=count[ReporterState.returned],
        pending=count[ReporterState.pending],
        missing=count[ReporterState.missing],
        reporters=rows,
    )
