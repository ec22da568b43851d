"""Routes for reporting periods and reporting schedules."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from app.access.auth import CurrentCaller
from app.core.db import SessionDep
from app.core.errors import ValidationProblem
from app.core.etag import set_etag
from app.core.ids import MAX_ID, UnitId
from app.core.pagination import CursorParam, LimitParam, Page, whole
from app.core.text import Text
from app.reports import schedules
from app.reports.access import ReportReader, ScheduleReader, ScheduleWriter
from app.reports.consolidation import compliance_of, consolidate_period
from app.reports.consolidation_schemas import COUNTED_TEXT, Compliance, Consolidation, Counted
from app.reports.errors import READ_ERRORS, WRITE_ERRORS
from app.reports.exports import XLSX_MEDIA_TYPE, consolidation_workbook
from app.reports.loaders import ScheduleForEdit, ScheduleId
from app.reports.models import ReportingSchedule
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
from app.reports.schedule_schemas import ScheduleCreate, ScheduleRead, ScheduleUpdate

router = APIRouter(tags=["reports"])


@router.get(
    "/report-periods",
    response_model=Page[ReportPeriodRead],
    summary="Các kỳ báo cáo của một năm, với ngày đầu, ngày cuối và hạn gửi",
    description="Theo một lịch báo cáo (`schedule_id`), hoặc theo tần suất, cách tính kỳ (Nghị "
    "định 09/2019/NĐ-CP hoặc dương lịch) và quy tắc hạn gửi. Báo cáo năm 2024 theo Nghị định "
    "09: 15/12/2023–14/12/2024.",
    responses=READ_ERRORS,
)
def list_report_periods(
    session: SessionDep,
    caller: CurrentCaller,
    year: int = Query(ge=MIN_YEAR, le=MAX_YEAR, description="Năm báo cáo.", examples=[2024]),
    schedule_id: int | None = Query(
        None, ge=1, le=MAX_ID, description="Lấy tần suất, cách tính kỳ và hạn từ lịch báo cáo này."
    ),
    frequency: Frequency | None = Query(
        None, description=FREQUENCY_TEXT + " Bắt buộc khi không có `schedule_id`."
    ),
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
) -> Page[ReportPeriodRead]:
    if schedule_id is not None:
        schedule = schedules.get_schedule(session, caller, schedule_id)
        frequency, rule = schedule.frequency, schedule.period_rule
        deadline = schedules.schedule_deadline(schedule)
    elif frequency is None:
        raise ValidationProblem.for_field(
            "query.frequency", "Cần tần suất báo cáo (`frequency`) hoặc một lịch (`schedule_id`)."
        )
    else:
        deadline = deadline_of(
            frequency, deadline_rule, deadline_days, deadline_day, deadline_month, "query"
        )
    # At most twelve periods a year: all of them in one page of the common envelope.
    return whole([ReportPeriodRead.of(p) for p in periods_of_year(frequency, rule, deadline, year)])


def _schedule_read(schedule: ReportingSchedule, response: Response) -> ScheduleRead:
    assert schedule.id is not None
    set_etag(response, "reporting_schedule", schedule.id, schedule.version)
    return ScheduleRead.model_validate(schedule)


@router.get(
    "/reporting-schedules",
    response_model=Page[ScheduleRead],
    summary="Lịch báo cáo trong phạm vi",
    description="Lịch của đơn vị mình và cấp dưới, và lịch của cấp trên mà đơn vị mình phải báo "
    "cáo theo. Theo thứ tự tạo.",
    responses=READ_ERRORS,
)
def list_reporting_schedules(
    session: SessionDep,
    caller: ScheduleReader,
    unit_id: int | None = Query(
        None, ge=1, le=MAX_ID, description="Chỉ lịch do đơn vị này và cấp dưới đặt."
    ),
    plan_id: int | None = Query(None, ge=1, le=MAX_ID, description="Chỉ lịch của kế hoạch này."),
    active: bool | None = Query(None, description="Chỉ lịch còn (true) hoặc đã ngừng (false)."),
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[ScheduleRead]:
    rows, next_cursor = schedules.list_schedules(
        session,
        caller,
        unit_id=unit_id,
        plan_id=plan_id,
        active=active,
        limit=limit,
        cursor=cursor,
    )
    return Page(items=[ScheduleRead.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.post(
    "/reporting-schedules",
    response_model=ScheduleRead,
    status_code=201,
    summary="Đặt lịch báo cáo cho đơn vị",
    description="Cán bộ (officer, leader) của chính đơn vị: ai báo cáo (các cơ quan của đơn vị, "
    "mọi đơn vị cấp dưới, hoặc các đơn vị được chỉ định), gửi ai, bao lâu một lần, hạn gửi.",
    responses=WRITE_ERRORS,
)
def create_reporting_schedule(
    data: ScheduleCreate, session: SessionDep, caller: ScheduleWriter, response: Response
) -> ScheduleRead:
    return _schedule_read(schedules.create_schedule(session, caller, data), response)


@router.get(
    "/reporting-schedules/{schedule_id}",
    response_model=ScheduleRead,
    summary="Một lịch báo cáo",
    responses=READ_ERRORS,
)
def get_reporting_schedule(
    schedule_id: ScheduleId, session: SessionDep, caller: ScheduleReader, response: Response
) -> ScheduleRead:
    return _schedule_read(schedules.get_schedule(session, caller, schedule_id), response)


@router.patch(
    "/reporting-schedules/{schedule_id}",
    response_model=ScheduleRead,
    summary="Sửa lịch báo cáo",
    description="Cần If-Match. Tần suất và cách tính kỳ không đổi được (các báo cáo đã lập "
    "mang mã kỳ của chúng); hạn mới áp dụng cho báo cáo lập sau.",
    responses=WRITE_ERRORS,
)
def update_reporting_schedule(
    schedule: ScheduleForEdit,
    data: ScheduleUpdate,
    session: SessionDep,
    caller: ScheduleWriter,
    response: Response,
) -> ScheduleRead:
    return _schedule_read(schedules.update_schedule(session, caller, schedule, data), response)


PeriodParam = Annotated[
    Text,
    Query(
        max_length=10,
        description="Mã kỳ báo cáo: `2024-Q1`, `2024-H1`, `2024`, `2024-M03` (GET "
        "/api/v1/report-periods).",
        examples=["2024-Q1"],
    ),
]


@router.get(
    "/units/{unit_id}/consolidation",
    response_model=Consolidation,
    summary="Tổng hợp số liệu báo cáo của một kỳ tại đơn vị nhận",
    description="Tổng theo từng chỉ tiêu qua các đơn vị báo cáo cho đơn vị này, số liệu từng đơn "
    "vị, và các báo cáo đã được cộng (mỗi đơn vị một lần; đơn vị chưa báo cáo vẫn có mặt). Tỷ lệ "
    "tính lại từ tổng tử số và mẫu số. Đơn vị nhận và cấp trên của nó xem được.",
    responses=READ_ERRORS,
)
def get_consolidation(
    unit_id: UnitId,
    session: SessionDep,
    caller: ReportReader,
    period: PeriodParam,
    counted: Counted = Query(Counted.accepted, description=COUNTED_TEXT),
) -> Consolidation:
    return consolidate_period(session, caller, unit_id, period, counted)


@router.get(
    "/units/{unit_id}/compliance",
    response_model=Compliance,
    summary="Tình hình chấp hành chế độ báo cáo của một kỳ",
    description="Số đơn vị phải báo cáo, đã gửi đúng hạn, trễ hạn, bị trả lại, chưa đến hạn và "
    "chưa gửi khi đã quá hạn (hạn tính theo ngày lịch giờ Việt Nam), và từng đơn vị.",
    responses=READ_ERRORS,
)
def get_compliance(
    unit_id: UnitId, session: SessionDep, caller: ReportReader, period: PeriodParam
) -> Compliance:
    return compliance_of(session, caller, unit_id, period)


@router.get(
    "/units/{unit_id}/consolidation.xlsx",
    response_class=Response,
    summary="Bảng tổng hợp số liệu báo cáo dạng Excel",
    description="Mỗi đơn vị báo cáo một dòng, mỗi chỉ tiêu một cột, dòng tổng cộng, dòng tiêu đề "
    "cố định; trang «Chấp hành» có biểu đồ đúng hạn, trễ hạn, chưa gửi.",
    responses={
        200: {"content": {XLSX_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}}},
        **READ_ERRORS,
    },
)
def get_consolidation_workbook(
    unit_id: UnitId,
    session: SessionDep,
    caller: ReportReader,
    period: PeriodParam,
    counted: Counted = Query(Counted.accepted, description=COUNTED_TEXT),
) -> Response:
    consolidation = consolidate_period(session, caller, unit_id, period, counted)
    compliance = compliance_of(session, caller, unit_id, period)
    return Response(
        consolidation_workbook(consolidation, compliance),
        media_type=XLSX_MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="tong-hop-{unit_id}-{period}.xlsx"'},
    )
