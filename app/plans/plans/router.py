from fastapi import APIRouter, Query, Response

from app.core.db import ReadsDep, SessionDep, flush, read
from app.core.errors import (
    READ_ERRORS,
    WRITE_ERRORS,
)
from app.core.etag import etag_for
from app.core.ids import MAX_ID, PlanId
from app.core.pagination import CursorParam, LimitParam, Page
from app.core.responses import json_response, rows_response
from app.core.text import Text
from app.plans.access import PlanIssuer, PlanReader, PlanWriter
from app.plans.loaders import PlanForAmend, PlanForEdit, PlanForIssue
from app.plans.plans import coverage, flows, service
from app.plans.plans.detail import plan_detail, plan_summaries, written_plan
from app.plans.plans.models import Plan, PlanStatus
from app.plans.plans.schemas import (
    Implementation,
    PlanCreate,
    PlanIssue,
    PlanRead,
    PlanSummary,
    PlanUpdate,
)

router = APIRouter(prefix="/plans", tags=["plans"])


def _detail_response(plan: PlanRead, status_code: int = 200) -> Response:
    headers = {"ETag": etag_for("plan", plan.id, plan.version)}
    return json_response(plan, status_code=status_code, headers=headers)


def _detail(session: SessionDep, plan: Plan, status_code: int = 200) -> Response:
    """A write's answer: the plan as its own transaction holds it."""
    flush(session)  # the statements below read what the write changed
    assert plan.id is not None
    return _detail_response(read(session, written_plan(plan.id)), status_code)


@router.get(
    "",
    response_model=Page[PlanSummary],
    summary="Danh sách kế hoạch trong phạm vi",
    description="Mới ban hành trước (dự thảo ở cuối); mỗi kế hoạch kèm số nhiệm vụ, không kèm "
    "nhiệm vụ. Một người dùng thấy kế hoạch của đơn vị mình và cấp dưới, kế hoạch đã ban hành "
    "của cấp trên, và mọi kế hoạch công khai đã ban hành.",
    responses=READ_ERRORS,
)
async def list_plans(
    reads: ReadsDep,
    caller: PlanReader,
    unit_id: int | None = Query(
        None, ge=1, le=MAX_ID, description="Chỉ kế hoạch của đơn vị ban hành này."
    ),
    include_subtree: bool = Query(
        False, description="Cùng với `unit_id`: gồm cả kế hoạch của các đơn vị cấp dưới."
    ),
    year: int | None = Query(
        None,
        ge=1945,
        le=2100,
        description="Kỳ kế hoạch có phần nằm trong năm này.",
        examples=[2024],
    ),
    status: PlanStatus | None = Query(None, description="Lọc theo trạng thái."),
    topic: Text | None = Query(
        None,
        max_length=40,
        description="Mã chủ đề; gồm cả các chủ đề con (`index.papi` gồm các nội dung PAPI).",
        examples=["index.papi"],
    ),
    parent_plan_id: int | None = Query(
        None, ge=1, le=MAX_ID, description="Kế hoạch triển khai kế hoạch này."
    ),
    q: Text | None = Query(
        None,
        max_length=200,
        description='Tìm trong trích yếu, không phân biệt dấu ("tuyen truyen" tìm thấy '
        '"Tuyên truyền").',
        examples=["tuyen truyen cai cach"],
    ),
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Response:
    rows, next_cursor = await reads.run(
        service.list_plans(
            caller,
            unit_id=unit_id,
            include_subtree=include_subtree,
            year=year,
            status=status,
            topic=topic,
            parent_plan_id=parent_plan_id,
            q=q,
            limit=limit,
            cursor=cursor,
        )
    )
    page = {"items": plan_summaries(rows), "next_cursor": next_cursor}
    return rows_response(Page[PlanSummary], page)


@router.post(
    "",
    response_model=PlanRead,
    status_code=201,
    summary="Tạo dự thảo kế hoạch",
    description="Cán bộ (officer, leader) của đơn vị ban hành. Số, ngày ban hành và người ký "
    "được chốt khi ban hành (POST /plans/{id}/issue).",
    responses=WRITE_ERRORS,
)
def create_plan(data: PlanCreate, session: SessionDep, caller: PlanWriter) -> Response:
    plan = service.create_plan(session, caller, data)
    return _detail(session, plan, status_code=201)


@router.get(
    "/{plan_id}",
    response_model=PlanRead,
    summary="Một kế hoạch, kèm các nhiệm vụ",
    responses=READ_ERRORS,
)
async def get_plan(plan_id: PlanId, reads: ReadsDep, caller: PlanReader) -> Response:
    return _detail_response(await reads.run(plan_detail(caller, plan_id)))


@router.patch(
    "/{plan_id}",
    response_model=PlanRead,
    summary="Sửa dự thảo kế hoạch",
    description="Chỉ dự thảo (409 với kế hoạch đã ban hành: hãy tạo bản sửa đổi). Cần If-Match.",
    responses=WRITE_ERRORS,
)
def update_plan(
    plan: PlanForEdit, data: PlanUpdate, session: SessionDep, caller: PlanWriter
) -> Response:
    plan = service.update_plan(session, caller, plan, data)
    return _detail(session, plan)


@router.delete(
    "/{plan_id}",
    status_code=204,
    summary="Xóa dự thảo kế hoạch",
    description="Chỉ dự thảo. Cần If-Match.",
    responses=WRITE_ERRORS,
)
def delete_plan(plan: PlanForEdit, session: SessionDep, caller: PlanWriter) -> Response:
    service.delete_plan(session, caller, plan)
    return Response(status_code=204)


@router.post(
    "/{plan_id}/issue",
    response_model=PlanRead,
    summary="Ban hành kế hoạch (lãnh đạo đơn vị ban hành)",
    description="Chốt số (duy nhất theo đơn vị, ký hiệu và năm), ngày ban hành và người ký; "
    "giao việc cho cơ quan chủ trì, phối hợp và các đơn vị trực thuộc. Ban hành bản sửa đổi thì "
    "kế hoạch cũ chuyển sang `closed`.",
    responses=WRITE_ERRORS,
)
def issue_plan(
    plan: PlanForIssue,
    data: PlanIssue,
    session: SessionDep,
    caller: PlanIssuer,
) -> Response:
    plan = flows.issue_plan(session, caller, plan, data)
    return _detail(session, plan)


@router.post(
    "/{plan_id}/close",
    response_model=PlanRead,
    summary="Kết thúc kế hoạch (lãnh đạo đơn vị ban hành)",
    description="If-Match không bắt buộc; nếu gửi thì phải khớp ETag hiện tại (412).",
    responses=WRITE_ERRORS,
)
def close_plan(plan: PlanForIssue, session: SessionDep, caller: PlanIssuer) -> Response:
    plan = flows.close_plan(session, caller, plan)
    return _detail(session, plan)


@router.post(
    "/{plan_id}/amend",
    response_model=PlanRead,
    status_code=201,
    summary="Tạo bản sửa đổi của kế hoạch đã ban hành",
    description="Một dự thảo sao chép kế hoạch (cả nhiệm vụ) với `supersedes_id`; khi bản này "
    "được ban hành, kế hoạch cũ chuyển sang `closed`.",
    responses=WRITE_ERRORS,
)
def amend_plan(plan: PlanForAmend, session: SessionDep, caller: PlanWriter) -> Response:
    draft = flows.amend_plan(session, caller, plan)
    return _detail(session, draft, status_code=201)


@router.get(
    "/{plan_id}/implementation",
    response_model=Implementation,
    summary="Đơn vị trực thuộc đã / chưa ban hành kế hoạch triển khai",
    responses=READ_ERRORS,
)
def get_plan_implementation(
    plan_id: PlanId, session: SessionDep, caller: PlanReader
) -> Implementation:
    plan = service.get_plan(session, caller, plan_id)
    return coverage.implementation(session, caller, plan)
