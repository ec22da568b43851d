"""Routes for channels (kênh tuyên truyền) of a unit."""

from fastapi import APIRouter, Query, Response

from app.access.scope import Caller
from app.channels import service
from app.channels.access import ChannelReader, ChannelWriter
from app.channels.loaders import ChannelForEdit, ChannelId
from app.channels.schemas import ChannelCreate, ChannelRead, ChannelUpdate
from app.core.db import SessionDep
from app.core.errors import (
    READ_ERRORS,
    WRITE_ERRORS,
)
from app.core.etag import set_etag
from app.core.ids import MAX_ID
from app.core.pagination import CursorParam, LimitParam, Page
from app.core.text import Text

router = APIRouter(prefix="/channels", tags=["channels"])


def _detail(
    session: SessionDep, caller: Caller, channel_id: int | None, response: Response
) -> ChannelRead:
    assert channel_id is not None
    row = service.get_channel(session, caller, channel_id)
    set_etag(response, "channel", channel_id, row[0].version)
    return service.channel_reads(session, [row])[0]


@router.get(
    "",
    response_model=Page[ChannelRead],
    summary="Kênh tuyên truyền trong phạm vi",
    description="Kênh của đơn vị mình và cấp dưới, và kênh của cấp trên (xã ghi tin phát trên "
    "đài huyện). Theo thứ tự đăng ký.",
    responses=READ_ERRORS,
)
def list_channels(
    session: SessionDep,
    caller: ChannelReader,
    unit_id: int | None = Query(
        None, ge=1, le=MAX_ID, description="Chỉ kênh của đơn vị này và các đơn vị cấp dưới."
    ),
    channel_type: Text | None = Query(
        None, max_length=40, description="Mã hình thức tuyên truyền.", examples=["radio"]
    ),
    active: bool | None = Query(None, description="Chỉ kênh còn (true) hoặc đã ngừng (false)."),
    q: Text | None = Query(
        None,
        max_length=200,
        description="Tìm trong tên kênh, không phân biệt dấu.",
        examples=["dai truyen thanh"],
    ),
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[ChannelRead]:
    rows, next_cursor = service.list_channels(
        session,
        caller,
        unit_id=unit_id,
        channel_type=channel_type,
        active=active,
        q=q,
        limit=limit,
        cursor=cursor,
    )
    return Page(items=service.channel_reads(session, rows), next_cursor=next_cursor)


@router.post(
    "",
    response_model=ChannelRead,
    status_code=201,
    summary="Đăng ký kênh của đơn vị",
    description="Cán bộ (officer, leader) của chính đơn vị. `merged_from`: kênh của các đơn vị "
    "cũ đã nhập vào kênh này khi sắp xếp đơn vị hành chính năm 2025.",
    responses=WRITE_ERRORS,
)
def create_channel(
    data: ChannelCreate, session: SessionDep, caller: ChannelWriter, response: Response
) -> ChannelRead:
    channel = service.create_channel(session, caller, data)
    return _detail(session, caller, channel.id, response)


@router.get("/{channel_id}", response_model=ChannelRead, summary="Một kênh", responses=READ_ERRORS)
def get_channel(
    channel_id: ChannelId, session: SessionDep, caller: ChannelReader, response: Response
) -> ChannelRead:
    return _detail(session, caller, channel_id, response)


@router.patch(
    "/{channel_id}",
    response_model=ChannelRead,
    summary="Sửa kênh của đơn vị",
    description="Cần If-Match. Loại kênh không đổi được; `is_active=false` khi kênh ngừng hoạt "
    "động.",
    responses=WRITE_ERRORS,
)
def update_channel(
    channel: ChannelForEdit,
    data: ChannelUpdate,
    session: SessionDep,
    caller: ChannelWriter,
    response: Response,
) -> ChannelRead:
    channel = service.update_channel(session, caller, channel, data)
    return _detail(session, caller, channel.id, response)
