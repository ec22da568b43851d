"""Routes for reporting: periods, schedules, reports, consolidation and compliance."""

from fastapi import APIRouter, Query

from app.access.auth import CurrentCaller
from app.core.errors import Unauthorized, ValidationProblem, responses
from app.reports.period_schemas import (
    DEADLINE_RULE_TEXT,
    FREQUENCY_TEXT,
    MAX_DEADLINE_DAYS,
    RULE_TEXT,
    ReportPeriodRead,
    deadline_of,
)
from app.reports.periods import (
    MAX_YEAR,
    MIN_YEAR,
    DeadlineRule,
    Frequency,
    PeriodRule,
    periods_of_year,
)

router = APIRouter(tags=["reports"])

PERIOD_ERRORS = responses(Unauthorized, ValidationProblem)


@router.get(
    "/report-periods",
    response_model=list[ReportPeriodRead],
    summary="Các kỳ báo cáo của một năm, với ngày đầu, ngày cuối và hạn gửi",
    description="Tính theo tần suất, cách tính kỳ (Nghị định 09/2019/NĐ-CP hoặc dương lịch) và "
    "quy tắc hạn gửi. Báo cáo năm 2024 theo Nghị định 09: 15/12/2023–14/12/2024.",
    responses=PERIOD_ERRORS,
)
def list_report_periods(
    _caller: CurrentCaller,
    frequency: Frequency = Query(description=FREQUENCY_TEXT, examples=["quarterly"]),
    year: int = Query(ge=MIN_YEAR, le=MAX_YEAR, description="Năm báo cáo.", examples=[2024]),
    rule: PeriodRule = Query(PeriodRule.decree09, description=RULE_TEXT),
    deadline_rule: DeadlineRule = Query(DeadlineRule.days_after, description=DEADLINE_RULE_TEXT),
    deadline_days: int | None = Query(
        None, ge=0, le=MAX_DEADLINE_DAYS, description="Số ngày sau ngày cuối kỳ.", examples=[5]
    ),
    deadline_day: int | None = Query(
        None, ge=1, le=31, description="Ngày của hạn cố định.", examples=[25]
    ),
    deadline_month: int | None = Query(
        None, ge=1, le=12, description="Tháng của hạn cố định (báo cáo năm).", examples=[11]
    ),
) -> list[ReportPeriodRead]:
    deadline = deadline_of(
        frequency, deadline_rule, deadline_days, deadline_day, deadline_month, "query"
    )
    return [ReportPeriodRead.of(p) for p in periods_of_year(frequency, rule, deadline, year)]
