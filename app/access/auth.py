"""Who is calling: the bearer token resolved to a Caller, and role checks built by one factory."""

from collections.abc import Callable, Coroutine
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Depends
from fastapi.security import OAuth2PasswordBearer

from app.access.scope import Caller
from app.core.db import ReadsDep
from app.core.errors import Forbidden, Unauthorized
from app.core.observability import note_caller
from app.core.reads import Program
from app.core.security import decode_access_token
from app.units.models import AdminUnit
from app.users.models import Role, User

oauth2_scheme = OAuth2PasswordBearer(
    tokenUrl="/api/v1/auth/token",
    auto_error=False,
    description="Đăng nhập bằng tài khoản người dùng (grant_type=password).",
)


async def get_caller(
    reads: ReadsDep, token: Annotated[str | None, Depends(oauth2_scheme)]
) -> Caller:
    if not token:
        raise Unauthorized("Cần đăng nhập: gửi header Authorization: Bearer <mã truy cập>.")
    claims = decode_access_token(token)
    try:
        user_id = int(claims["sub"])
    except (KeyError, TypeError, ValueError) as exc:
        raise Unauthorized("Mã truy cập không hợp lệ; hãy đăng nhập lại.") from exc
    row = await reads.run(_caller_row(user_id))
    if row is None or not row.is_active:
        raise Unauthorized("Tài khoản không còn hiệu lực; hãy đăng nhập lại.")
    note_caller(row.id)
    return Caller(
        user_id=row.id,
        username=row.username,
        role=row.role,
        unit_id=row.unit_id,
        unit_path=row.path,
        agency_id=row.agency_id,
        scopes=frozenset(row.scopes.split()),
    )


# Every request reads its caller afresh (DESIGN §9: no in-process cache that could keep a
# deactivated user or an old role alive): one small statement by primary key, rows not entities.
_users = User.__table__  # type: ignore[attr-defined]
_units = AdminUnit.__table__  # type: ignore[attr-defined]
_CALLER = (
    sa.select(
        _users.c.id,
        _users.c.username,
        _users.c.role,
        _users.c.unit_id,
        _users.c.agency_id,
        _users.c.scopes,
        _users.c.is_active,
        _units.c.path,
    )
    .select_from(_users.outerjoin(_units, _units.c.id == _users.c.unit_id))
    .where(_users.c.id == sa.bindparam("user_id"))
)


def _caller_row(user_id: int) -> Program[Any]:
    found = yield _CALLER, {"user_id": user_id}
    return found[0] if found else None


CurrentCaller = Annotated[Caller, Depends(get_caller)]


def require(
    *roles: Role, scope: str | None = None
) -> Callable[[Caller], Coroutine[Any, Any, Caller]]:
    """A dependency admitting the given roles; an integration account needs `scope` instead."""

    # async: a check of values in hand, run on the event loop (a sync one would cost a hop to
    # the thread pool on every request).
    async def check(caller: CurrentCaller) -> Caller:
        if caller.role in roles:
            return caller
        if caller.role == Role.integration and scope and scope in caller.scopes:
            return caller
        raise Forbidden("Vai trò của tài khoản không được phép thực hiện thao tác này.")

    return check


PEOPLE = (Role.admin, Role.leader, Role.officer, Role.viewer)
Admin = Annotated[Caller, Depends(require(Role.admin))]
