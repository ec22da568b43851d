import base64
from typing import Annotated

from fastapi import APIRouter, Form, Header, Query, Request, Response

from app.access.auth import Admin, CurrentCaller
from app.core.db import SessionDep
from app.core.errors import (
    BadRequest,
    Conflict,
    Forbidden,
    NotFound,
    PayloadTooLarge,
    PreconditionFailed,
    PreconditionRequired,
    ServiceUnavailable,
    Unauthorized,
    ValidationProblem,
    responses,
)
from app.core.etag import IfMatch, check_if_match, set_etag
from app.core.ids import MAX_ID, AgencyId, UserId
from app.core.pagination import CursorParam, LimitParam, Page
from app.core.ratelimit import LoginThrottleDep, TooManyRequests
from app.core.security import create_access_token
from app.core.text import Text
from app.users import service
from app.users.models import AgencyKind, Role
from app.users.schemas import (
    MAX_NAME,
    MAX_SECRET,
    AgencyCreate,
    AgencyRead,
    AgencyUpdate,
    MeRead,
    TokenRequest,
    TokenResponse,
    UserCreate,
    UserRead,
    UserUpdate,
)

auth_router = APIRouter(tags=["auth"])
agencies_router = APIRouter(prefix="/agencies", tags=["agencies"])
users_router = APIRouter(prefix="/users", tags=["users"])

READ_ERRORS = responses(Unauthorized, NotFound, ValidationProblem)
ADMIN_READ_ERRORS = responses(Unauthorized, Forbidden, NotFound, ValidationProblem)
WRITE_ERRORS = responses(
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    PreconditionFailed,
    PayloadTooLarge,
    PreconditionRequired,
    ValidationProblem,
)


def _basic_credentials(authorization: str | None) -> tuple[str, str] | None:
    if not authorization or not authorization.lower().startswith("basic "):
        return None
    if len(authorization) > 4 * (MAX_NAME + MAX_SECRET):
        raise BadRequest("Header Authorization quá dài.", code="invalid_request")
    try:
        decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    client_id, sep, secret = decoded.partition(":")
    return (client_id, secret) if sep else None


@auth_router.post(
    "/auth/token",
    response_model=TokenResponse,
    summary="Cấp mã truy cập (OAuth2 password / client_credentials)",
    description="Đăng nhập sai bị giới hạn theo tên đăng nhập (mặc định 5 lần trong 15 phút) "
    "và theo địa chỉ máy gửi (20 lần trong 15 phút): vượt giới hạn thì trả 429 kèm `Retry-After` "
    "(số giây phải chờ), kể cả khi lần sau nhập đúng mật khẩu.",
    responses=responses(
        BadRequest, Unauthorized, ValidationProblem, TooManyRequests, ServiceUnavailable
    ),
)
async def issue_token(
    request: Request,
    session: SessionDep,
    throttle: LoginThrottleDep,
    form: Annotated[TokenRequest, Form()],
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> TokenResponse:
    if form.grant_type == "password":
        if not form.username or not form.password:
            raise BadRequest("Cần username và password.", code="invalid_request")
        name, secret = form.username, form.password
    else:
        basic = _basic_credentials(authorization)
        cid, client_key = basic if basic else (form.client_id, form.client_secret)
        if not cid or not client_key or len(cid) > MAX_NAME or len(client_key) > MAX_SECRET:
            raise BadRequest("Cần client_id và client_secret.", code="invalid_request")
        name, secret = cid, client_key
    address = request.client.host if request.client else "unknown"
    user = await service.sign_in(
        session, throttle, name, secret, address, service=form.grant_type == "client_credentials"
    )
    assert user.id is not None
    token, expires_in = create_access_token(
        user.id, {"role": user.role.value, "unit_id": user.unit_id}
    )
    return TokenResponse(
        access_token=token, expires_in=expires_in, role=user.role, unit_id=user.unit_id
    )


@auth_router.get(
    "/me",
    response_model=MeRead,
    summary="Tài khoản đang đăng nhập",
    responses=responses(Unauthorized),
)
def read_me(session: SessionDep, caller: CurrentCaller) -> MeRead:
    user, unit_name, agency_name = service.describe_me(session, caller)
    return MeRead.model_validate(
        {
            **UserRead.model_validate(user).model_dump(),
            "unit_name": unit_name,
            "agency_name": agency_name,
        }
    )


@agencies_router.get(
    "",
    response_model=Page[AgencyRead],
    summary="Cơ quan, đơn vị trong phạm vi",
    responses=READ_ERRORS,
)
def list_agencies(
    session: SessionDep,
    caller: CurrentCaller,
    unit_id: int | None = Query(
        None, ge=1, le=MAX_ID, description="Chỉ cơ quan của đơn vị hành chính này."
    ),
    kind: AgencyKind | None = Query(None, description="Lọc theo loại cơ quan."),
    q: Text | None = Query(None, max_length=100, description="Tìm theo tên, không phân biệt dấu."),
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[AgencyRead]:
    rows, next_cursor = service.list_agencies(
        session, caller, unit_id=unit_id, kind=kind, q=q, limit=limit, cursor=cursor
    )
    return Page(items=[AgencyRead.model_validate(a) for a in rows], next_cursor=next_cursor)


@agencies_router.post(
    "",
    response_model=AgencyRead,
    status_code=201,
    summary="Thêm cơ quan (quản trị viên)",
    responses=WRITE_ERRORS,
)
def create_agency(
    data: AgencyCreate, session: SessionDep, caller: Admin, response: Response
) -> AgencyRead:
    agency = service.create_agency(session, caller, data)
    assert agency.id is not None
    set_etag(response, "agency", agency.id, agency.version)
    return AgencyRead.model_validate(agency)


@agencies_router.get(
    "/{agency_id}", response_model=AgencyRead, summary="Một cơ quan", responses=READ_ERRORS
)
def get_agency(
    agency_id: AgencyId, session: SessionDep, caller: CurrentCaller, response: Response
) -> AgencyRead:
    agency = service.get_agency(session, caller, agency_id)
    set_etag(response, "agency", agency_id, agency.version)
    return AgencyRead.model_validate(agency)


@agencies_router.patch(
    "/{agency_id}",
    response_model=AgencyRead,
    summary="Sửa cơ quan (quản trị viên)",
    responses=WRITE_ERRORS,
)
def update_agency(
    agency_id: AgencyId,
    data: AgencyUpdate,
    session: SessionDep,
    caller: Admin,
    response: Response,
    if_match: IfMatch,
) -> AgencyRead:
    agency = service.get_agency(session, caller, agency_id, lock=True)
    check_if_match(if_match, "agency", agency_id, agency.version)
    agency = service.update_agency(session, caller, agency, data)
    set_etag(response, "agency", agency_id, agency.version)
    return AgencyRead.model_validate(agency)


@users_router.get(
    "",
    response_model=Page[UserRead],
    summary="Người dùng trong phạm vi (quản trị viên)",
    responses=ADMIN_READ_ERRORS,
)
def list_users(
    session: SessionDep,
    caller: Admin,
    unit_id: int | None = Query(
        None, ge=1, le=MAX_ID, description="Chỉ người dùng của đơn vị này."
    ),
    role: Role | None = Query(None, description="Lọc theo vai trò."),
    q: Text | None = Query(None, max_length=64, description="Một phần tên đăng nhập."),
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> Page[UserRead]:
    rows, next_cursor = service.list_users(
        session, caller, unit_id=unit_id, role=role, q=q, limit=limit, cursor=cursor
    )
    return Page(items=[UserRead.model_validate(u) for u in rows], next_cursor=next_cursor)


@users_router.post(
    "",
    response_model=UserRead,
    status_code=201,
    summary="Tạo người dùng (quản trị viên)",
    responses=WRITE_ERRORS,
)
def create_user(
    data: UserCreate, session: SessionDep, caller: Admin, response: Response
) -> UserRead:
    user = service.create_user(session, caller, data)
    assert user.id is not None
    set_etag(response, "user", user.id, user.version)
    return UserRead.model_validate(user)


@users_router.get(
    "/{user_id}",
    response_model=UserRead,
    summary="Một người dùng (quản trị viên)",
    responses=ADMIN_READ_ERRORS,
)
def get_user(user_id: UserId, session: SessionDep, caller: Admin, response: Response) -> UserRead:
    user = service.get_user(session, caller, user_id)
    set_etag(response, "user", user_id, user.version)
    return UserRead.model_validate(user)


@users_router.patch(
    "/{user_id}",
    response_model=UserRead,
    summary="Sửa người dùng (quản trị viên)",
    responses=WRITE_ERRORS,
)
def update_user(
    user_id: UserId,
    data: UserUpdate,
    session: SessionDep,
    caller: Admin,
    response: Response,
    if_match: IfMatch,
) -> UserRead:
    user = service.get_user(session, caller, user_id, lock=True)
    check_if_match(if_match, "user", user_id, user.version)
    user = service.update_user(session, caller, user, data)
    set_etag(response, "user", user_id, user.version)
    return UserRead.model_validate(user)
