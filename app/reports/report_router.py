"""Routes for reports: create for a period, read, edit, prefill, submit, accept, return."""

from fastapi import APIRouter, Query, Response
from fastapi.responses import JSONResponse

from app.core import idempotency
from app.core.db import SessionDep
from app.core.decree30 import DOCX_MEDIA_TYPE
from app.core.etag import etag_for, set_etag
from app.core.idempotency import IdempotencyKeyHeader
from app.core.ids import MAX_ID
from app.core.pagination import CursorParam, LimitParam, Page
from app.core.text import Text
from app.reports import exports, service, workflow
from app.reports.access import ReportReader, ReportReviewer, ReportWriter
from app.reports.errors import READ_ERRORS, WRITE_ERRORS
from app.reports.loaders import ReportForEdit, ReportForReview, ReportForSending, ReportId
from app.reports.models import Report, ReportStatus
from app.reports.report_schemas import (
    ReportCreate,
    ReportRead,
    ReportReview,
    ReportSubmit,
    ReportSummary,
    ReportUpdate,
)

router = APIRouter(prefix="/reports", tags=["reports"])


def _detail(session: SessionDep, report: Report, response: Response) -> ReportRead:
    assert report.id is not None
    set_etag(response, "report", report.id, report.version)
    return service.report_read(session, report)


@router.get(
    "",
    response_model=Page[ReportSummary],
    summary="Báo cáo trong phạm vi",
    description="Báo cáo của đơn vị mình và cấp dưới, và báo cáo gửi đến đơn vị mình. Theo thứ "
    "tự tạo.",
    responses=READ_ERRORS,
)
def list_reports(
    session: SessionDep,
    caller: ReportReader,
    schedule_id: int | None = Query(
        None, ge=1, le=MAX_ID, description="Chỉ báo cáo theo lịch này."
    ),
    period: Text | None = Query(None, max_length=10, description="Mã kỳ.", examples=["2024-Q1"]),
    unit_id: int | None = Query(None, ge=1, le=MAX_ID, description="Chỉ báo cáo của đơn vị này."),
    receiver_unit_id: int | None = Query(
        None, ge=1, le=MAX_ID, description="Chỉ báo cáo gửi đến đơn vị này."
    ),
    status: ReportStatus | None = Query(None, description="Chỉ báo cáo ở trạng thái này."),
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[ReportSummary]:
    items, next_cursor = service.list_reports(
        session,
        caller,
        schedule_id=schedule_id,
        period=period,
        unit_id=unit_id,
        receiver_unit_id=receiver_unit_id,
        status=status,
        limit=limit,
        cursor=cursor,
    )
    return Page(items=items, next_cursor=next_cursor)


@router.post(
    "",
    response_model=ReportRead,
    status_code=201,
    summary="Lập báo cáo cho một kỳ",
    description="Cán bộ của đơn vị phải báo cáo theo lịch (đơn vị cấp dưới, đơn vị được chỉ "
    "định, hoặc cơ quan của đơn vị). Mỗi đơn vị một báo cáo cho mỗi kỳ của một lịch (409 khi đã "
    "có).",
    responses=WRITE_ERRORS,
)
def create_report(
    data: ReportCreate, session: SessionDep, caller: ReportWriter, response: Response
) -> ReportRead:
    return _detail(session, service.create_report(session, caller, data), response)


@router.get("/{report_id}", response_model=ReportRead, summary="Một báo cáo", responses=READ_ERRORS)
def get_report(
    report_id: ReportId, session: SessionDep, caller: ReportReader, response: Response
) -> ReportRead:
    return _detail(session, service.get_report(session, caller, report_id), response)


@router.patch(
    "/{report_id}",
    response_model=ReportRead,
    summary="Sửa số liệu, nội dung báo cáo",
    description="Cần If-Match. Chỉ báo cáo đang soạn hoặc bị trả lại; `values` gộp vào số liệu "
    "đã có.",
    responses=WRITE_ERRORS,
)
def update_report(
    report: ReportForEdit,
    data: ReportUpdate,
    session: SessionDep,
    caller: ReportWriter,
    response: Response,
) -> ReportRead:
    return _detail(session, service.update_report(session, caller, report, data), response)


@router.post(
    "/{report_id}/prefill",
    response_model=ReportRead,
    summary="Điền sẵn số liệu từ hoạt động và nhiệm vụ của kỳ",
    description="Chụp lại tổng hợp hoạt động của kỳ và tiến độ các nhiệm vụ được giao; báo cáo "
    "giữ nguyên số liệu này dù sau đó hoạt động, tiến độ thay đổi. Chỉ tiêu nhập tay giữ nguyên.",
    responses=WRITE_ERRORS,
)
def prefill_report(
    report: ReportForSending, session: SessionDep, caller: ReportWriter, response: Response
) -> ReportRead:
    return _detail(session, workflow.prefill_report(session, caller, report), response)


@router.post(
    "/{report_id}/submit",
    response_model=ReportRead,
    summary="Gửi báo cáo (hoặc gửi lại báo cáo bị trả lại)",
    description="Nhận `Idempotency-Key`: gửi lại cùng khóa không gửi thêm lần nào. Trễ hạn tính "
    "theo ngày lịch giờ Việt Nam: gửi lúc 23:30 ngày hạn là đúng hạn.",
    responses=WRITE_ERRORS,
)
def submit_report(
    report: ReportForSending,
    session: SessionDep,
    caller: ReportWriter,
    data: ReportSubmit | None = None,
    idempotency_key: IdempotencyKeyHeader = None,
) -> JSONResponse:
    body = data.model_dump() if data is not None else {}
    held = idempotency.claim(
        session,
        caller_id=caller.user_id,
        route=f"report-submit:{report.id}",
        key=idempotency_key,
        payload=body,
    )
    if held.replay is None:
        number = data.document_number if data is not None else None
        report = workflow.submit_report(session, caller, report, number)
        answer = idempotency.Answer(
            200, service.report_read(session, report).model_dump(mode="json")
        )
        idempotency.store(session, held, answer)
    else:
        answer = held.replay
    result = idempotency.respond(answer, replayed=held.replay is not None)
    result.headers["ETag"] = etag_for("report", answer.body["id"], answer.body["version"])
    return result


def _review(
    session: SessionDep,
    caller: ReportReviewer,
    report: Report,
    accept: bool,
    data: ReportReview | None,
    response: Response,
) -> ReportRead:
    comment = data.comment if data is not None else None
    return _detail(
        session, workflow.review_report(session, caller, report, accept, comment), response
    )


@router.post(
    "/{report_id}/accept",
    response_model=ReportRead,
    summary="Tiếp nhận báo cáo",
    description="Lãnh đạo đơn vị nhận báo cáo; đơn vị báo cáo không tự tiếp nhận.",
    responses=WRITE_ERRORS,
)
def accept_report(
    report: ReportForReview,
    session: SessionDep,
    caller: ReportReviewer,
    response: Response,
    data: ReportReview | None = None,
) -> ReportRead:
    return _review(session, caller, report, True, data, response)


@router.post(
    "/{report_id}/return",
    response_model=ReportRead,
    summary="Trả lại báo cáo để sửa, bổ sung",
    description="Lãnh đạo đơn vị nhận báo cáo, kèm ý kiến (`comment`) cần sửa gì; đơn vị báo "
    "cáo sửa rồi gửi lại.",
    responses=WRITE_ERRORS,
)
def return_report(
    report: ReportForReview,
    session: SessionDep,
    caller: ReportReviewer,
    response: Response,
    data: ReportReview | None = None,
) -> ReportRead:
    return _review(session, caller, report, False, data, response)


@router.get(
    "/{report_id}/document.docx",
    response_class=Response,
    summary="Báo cáo dạng Word theo thể thức Nghị định 30/2020/NĐ-CP",
    description="Tên cơ quan, quốc hiệu, tiêu ngữ, số ký hiệu, địa danh và ngày, tên loại và trích "
    "yếu, nội dung (kết quả, số liệu, tiến độ nhiệm vụ, tồn tại, nguyên nhân, kiến nghị), nơi "
    "nhận và khối chữ ký.",
    responses={
        200: {"content": {DOCX_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}}},
        **READ_ERRORS,
    },
)
def get_report_document(report_id: ReportId, session: SessionDep, caller: ReportReader) -> Response:
    report = service.get_report(session, caller, report_id)
    return Response(
        exports.report_document(session, report),
        media_type=DOCX_MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="bao-cao-{report_id}.docx"'},
    )
