from datetime import date

from fastapi import APIRouter, Query, Response

from app.access.auth import CurrentCaller
from app.core.db import ReadsDep, SessionDep
from app.core.errors import NotFound, Unauthorized, ValidationProblem, responses
from app.core.ids import MAX_ID, UnitId
from app.core.pagination import CursorParam, LimitParam, Page, whole
from app.core.responses import row_dicts, rows_response
from app.core.text import Text
from app.units import service
from app.units.models import AdminUnit, UnitLevel, UnitSuccession
from app.units.schemas import UnitLink, UnitRead

router = APIRouter(prefix="/units", tags=["units"])

ERRORS = responses(Unauthorized, NotFound, ValidationProblem)


@router.get(
    "", response_model=Page[UnitRead], summary="Danh mục đơn vị hành chính", responses=ERRORS
)
async def list_units(
    reads: ReadsDep,
    _caller: CurrentCaller,
    level: UnitLevel | None = Query(None, description="Lọc theo cấp."),
    parent_id: int | None = Query(
        None, ge=1, le=MAX_ID, description="Chỉ các đơn vị trực thuộc đơn vị này."
    ),
    code: Text | None = Query(
        None, max_length=10, description="Mã đơn vị chính thức.", examples=["12352"]
    ),
    q: Text | None = Query(
        None,
        max_length=100,
        description='Tìm theo tên, không phân biệt dấu ("dong hoa" tìm thấy "Đông Hòa").',
        examples=["dong hoa"],
    ),
    as_of: date | None = Query(
        None,
        description="Chỉ các đơn vị còn hiệu lực vào ngày này: 2024-01-15 cho cây ba cấp trước "
        "sắp xếp, 2025-07-01 trở đi cho cây hai cấp. Bỏ trống: cả hai cây.",
        examples=["2024-01-15"],
    ),
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Response:
    rows, next_cursor = await reads.run(
        service.list_units(
            level=level,
            parent_id=parent_id,
            code=code,
            q=q,
            as_of=as_of,
            limit=limit,
            cursor=cursor,
        )
    )
    items = row_dicts(rows)
    return rows_response(Page[UnitRead], {"items": items, "next_cursor": next_cursor})


@router.get(
    "/{unit_id}", response_model=UnitRead, summary="Một đơn vị hành chính", responses=ERRORS
)
def get_unit(unit_id: UnitId, session: SessionDep, _caller: CurrentCaller) -> UnitRead:
    return UnitRead.model_validate(service.get_unit(session, unit_id))


@router.get(
    "/{unit_id}/children",
    response_model=Page[UnitRead],
    summary="Đơn vị trực thuộc",
    description="Theo thứ tự mã chính thức, phân trang như mọi danh sách (một tỉnh có thể có "
    "hàng trăm xã).",
    responses=ERRORS,
)
def list_unit_children(
    unit_id: UnitId,
    session: SessionDep,
    _caller: CurrentCaller,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[UnitRead]:
    units, next_cursor = service.children(session, unit_id, limit=limit, cursor=cursor)
    items = [UnitRead.model_validate(u) for u in units]
    return Page[UnitRead].model_construct(items=items, next_cursor=next_cursor)


@router.get(
    "/{unit_id}/ancestors",
    response_model=Page[UnitRead],
    summary="Các cấp trên, từ tỉnh xuống",
    description="Nhiều nhất hai cấp: trả đủ trong một trang (`next_cursor` luôn `null`).",
    responses=ERRORS,
)
def list_unit_ancestors(
    unit_id: UnitId, session: SessionDep, _caller: CurrentCaller
) -> Page[UnitRead]:
    return whole([UnitRead.model_validate(u) for u in service.ancestors(session, unit_id)])


def _link_models(rows: list[tuple[AdminUnit, str | None, UnitSuccession]]) -> list[UnitLink]:
    return [
        UnitLink(
            unit=UnitRead.model_validate(unit),
            parent_name=parent_name,
            partial=link.partial,
            effective_on=link.effective_on,
        )
        for unit, parent_name, link in rows
    ]


@router.get(
    "/{unit_id}/successors",
    response_model=Page[UnitLink],
    summary="Đơn vị kế thừa sau sắp xếp 1/7/2025",
    description="Vài đơn vị: trả đủ trong một trang (`next_cursor` luôn `null`).",
    responses=ERRORS,
)
def list_unit_successors(
    unit_id: UnitId, session: SessionDep, _caller: CurrentCaller
) -> Page[UnitLink]:
    return whole(_link_models(service.successors(session, unit_id)))


@router.get(
    "/{unit_id}/predecessors",
    response_model=Page[UnitLink],
    summary="Đơn vị tiền thân trước sắp xếp 1/7/2025",
    description="Vài đơn vị: trả đủ trong một trang (`next_cursor` luôn `null`).",
    responses=ERRORS,
)
def list_unit_predecessors(
    unit_id: UnitId, session: SessionDep, _caller: CurrentCaller
) -> Page[UnitLink]:
    return whole(_link_models(service.predecessors(session, unit_id)))
