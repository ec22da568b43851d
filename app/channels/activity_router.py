"""Routes for activities (hoạt động): list, summary, log one or a batch, change, delete."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Response
from fastapi.responses import JSONResponse

from app.access.scope import Caller
from app.channels import activities, summary, writes
from app.channels.access import ActivityReader, ActivityWriter, SummaryReader
from app.channels.activity_schemas import (
    MAX_BATCH,
    ActivityBatchResult,
    ActivityCreate,
    ActivityRead,
    ActivitySummary,
    ActivityUpdate,
)
from app.channels.loaders import ActivityForEdit, ActivityId
from app.channels.summary import Dimension
from app.core import idempotency
from app.core.db import SessionDep
from app.core.errors import READ_ERRORS, WRITE_ERRORS
from app.core.etag import set_etag
from app.core.idempotency import IdempotencyKeyHeader
from app.core.ids import MAX_ID
from app.core.pagination import CursorParam, LimitParam, Page
from app.core.responses import json_response
from app.core.text import Text

router = APIRouter(tags=["activities"])

BATCH_ROUTE = "POST /api/v1/activities:batch"
Id = Annotated[int | None, Query(ge=1, le=MAX_ID)]
TopicParam = Annotated[
    Text | None,
    Query(
        max_length=40,
        description="Mã chủ đề; gồm cả các chủ đề con (`index.papi` gồm các nội dung PAPI).",
        examples=["reform.procedures"],
    ),
]
ChannelTypeParam = Annotated[
    Text | None, Query(max_length=40, description="Mã hình thức tuyên truyền.", examples=["radio"])
]


def _detail(
    session: SessionDep, caller: Caller, activity_id: int, response: Response
) -> ActivityRead:
    row = activities.get_activity(session, caller, activity_id)
    set_etag(response, "activity", activity_id, row[0].version)
    return activities.activity_reads(session, [row])[0]


@router.get(
    "/activities",
    response_model=Page[ActivityRead],
    summary="Hoạt động tuyên truyền trong phạm vi, mới nhất trước",
    description="Hoạt động của đơn vị mình và cấp dưới, và mọi hoạt động công khai (`public`); "
    "tài khoản cổng thông tin chỉ thấy hoạt động công khai.",
    responses=READ_ERRORS,
)
def list_activities(
    session: SessionDep,
    caller: ActivityReader,
    unit_id: Annotated[
        int | None,
        Query(ge=1, le=MAX_ID, description="Đơn vị thực hiện; gồm cả các đơn vị cấp dưới."),
    ] = None,
    channel_type: ChannelTypeParam = None,
    channel_id: Id = None,
    topic: TopicParam = None,
    task_id: Id = None,
    assignment_id: Id = None,
    date_from: Annotated[
        date | None, Query(description="Từ ngày.", examples=["2019-01-01"])
    ] = None,
    date_to: Annotated[date | None, Query(description="Đến ngày.", examples=["2019-12-31"])] = None,
    public: Annotated[bool | None, Query(description="Chỉ hoạt động công khai (true).")] = None,
    q: Annotated[
        Text | None,
        Query(
            max_length=200,
            description="Tìm trong tiêu đề, không phân biệt dấu.",
            examples=["mot cua"],
        ),
    ] = None,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Response:
    rows, next_cursor = activities.list_activities(
        session,
        caller,
        unit_id=unit_id,
        channel_type=channel_type,
        channel_id=channel_id,
        topic=topic,
        task_id=task_id,
        assignment_id=assignment_id,
        date_from=date_from,
        date_to=date_to,
        public=public,
        q=q,
        limit=limit,
        cursor=cursor,
    )
    page = Page[ActivityRead].model_construct(
        items=activities.activity_reads(session, rows), next_cursor=next_cursor
    )
    return json_response(page)


@router.post(
    "/activities",
    response_model=ActivityRead,
    status_code=201,
    summary="Ghi một hoạt động của đơn vị",
    description="Cán bộ của chính đơn vị (hoặc tài khoản tích hợp có quyền `write`). Số lượng "
    "chỉ theo các chỉ tiêu mà loại kênh đếm; hoạt động theo một phân công phải do chính cơ quan, "
    "đơn vị được giao ghi, trong kỳ của kế hoạch đã ban hành.",
    responses=WRITE_ERRORS,
)
def create_activity(
    data: ActivityCreate, session: SessionDep, caller: ActivityWriter, response: Response
) -> ActivityRead:
    activity_id = writes.create_activity(session, caller, data)
    return _detail(session, caller, activity_id, response)


@router.post(
    "/activities:batch",
    response_model=ActivityBatchResult,
    status_code=201,
    summary=f"Ghi một lô hoạt động (tối đa {MAX_BATCH:,} dòng), tất cả hoặc không dòng nào".replace(
        ",", "."
    ),
    description="Cho các hệ thống tích hợp. Mọi dòng được kiểm tra trước khi ghi: một dòng sai "
    "thì không dòng nào được ghi, và lỗi 422 liệt kê lỗi của mọi dòng theo vị trí "
    "(`body.3.quantities.minutes`). Gửi `Idempotency-Key` để gửi lại an toàn khi mất kết nối.",
    responses=WRITE_ERRORS,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": MAX_BATCH,
                        "items": {"$ref": "#/components/schemas/ActivityCreate"},
                    }
                }
            },
        }
    },
)
def import_activities(
    rows: Annotated[list[Any], Body(description="Các hoạt động, mỗi phần tử một dòng.")],
    session: SessionDep,
    caller: ActivityWriter,
    idempotency_key: IdempotencyKeyHeader = None,
) -> JSONResponse:
    held = idempotency.claim(
        session, caller_id=caller.user_id, route=BATCH_ROUTE, key=idempotency_key, payload=rows
    )
    if held.replay is not None:
        return idempotency.respond(held.replay, replayed=True)
    ids = writes.import_activities(session, caller, rows)
    result = ActivityBatchResult(created=len(ids), ids=ids)
    answer = idempotency.Answer(201, result.model_dump(mode="json"))
    idempotency.store(session, held, answer)
    return idempotency.respond(answer)


@router.get(
    "/activities/summary",
    response_model=ActivitySummary,
    summary="Tổng hợp hoạt động theo hình thức, chủ đề và tháng",
    description="Đếm hoạt động, cộng số lượng và kinh phí của một đơn vị và mọi đơn vị cấp dưới "
    "trong một khoảng ngày, do cơ sở dữ liệu tính từ từng dòng (báo cáo dùng lại được). "
    "`group_by` chọn các chiều nhóm; bỏ `topic` thì tổng các dòng bằng `totals`.",
    responses=READ_ERRORS,
)
def summarise_activities(
    session: SessionDep,
    caller: SummaryReader,
    date_from: Annotated[date, Query(description="Từ ngày.", examples=["2019-01-01"])],
    date_to: Annotated[date, Query(description="Đến ngày.", examples=["2019-12-31"])],
    unit_id: Annotated[
        int | None,
        Query(
            ge=1,
            le=MAX_ID,
            description="Đơn vị gốc (thuộc phạm vi của tài khoản); bỏ trống là đơn vị của người "
            "đăng nhập, hoặc cả nước với tài khoản toàn quốc.",
        ),
    ] = None,
    channel_type: ChannelTypeParam = None,
    topic: TopicParam = None,
    group_by: Annotated[
        list[Dimension],
        Query(max_length=3, description="Chiều nhóm (lặp lại tham số); mặc định cả ba."),
    ] = [Dimension.channel_type, Dimension.topic, Dimension.month],  # noqa: B006
) -> Response:
    result = summary.summarise(
        session,
        caller,
        unit_id=unit_id,
        date_from=date_from,
        date_to=date_to,
        channel_type=channel_type,
        topic=topic,
        group_by=group_by,
    )
    return json_response(result)


@router.get(
    "/activities/{activity_id:int}",
    response_model=ActivityRead,
    summary="Một hoạt động",
    responses=READ_ERRORS,
)
def get_activity(
    activity_id: ActivityId, session: SessionDep, caller: ActivityReader, response: Response
) -> ActivityRead:
    return _detail(session, caller, activity_id, response)


@router.patch(
    "/activities/{activity_id:int}",
    response_model=ActivityRead,
    summary="Sửa hoạt động của đơn vị",
    description="Cần If-Match. Hoạt động sau khi sửa được kiểm tra lại như khi ghi mới.",
    responses=WRITE_ERRORS,
)
def update_activity(
    activity: ActivityForEdit,
    data: ActivityUpdate,
    session: SessionDep,
    caller: ActivityWriter,
    response: Response,
) -> ActivityRead:
    activity = writes.update_activity(session, caller, activity, data)
    assert activity.id is not None
    return _detail(session, caller, activity.id, response)


@router.delete(
    "/activities/{activity_id:int}",
    status_code=204,
    summary="Xóa hoạt động của đơn vị",
    description="Cần If-Match.",
    responses=WRITE_ERRORS,
)
def delete_activity(
    activity: ActivityForEdit, session: SessionDep, caller: ActivityWriter
) -> Response:
    writes.delete_activity(session, caller, activity)
    return Response(status_code=204)
