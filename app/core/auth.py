"""Who is calling: the bearer token resolved to a Caller, and role checks built by one factory."""

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends
from fastapi.security import OAuth2PasswordBearer
from sqlmodel import select

from app.core.db import SessionDep
from app.core.errors import Forbidden, Unauthorized
from app.core.scope import Caller
from app.core.security import decode_access_token
from app.units.models import AdminUnit
from app.users.models import Role, User

oauth2_scheme = OAuth2PasswordBearer(
    tokenUrl="/api/v1/auth/token",
    auto_error=False,
    description="Đăng nhập bằng tài khoản người dùng (grant_type=password).",
)


def get_caller(session: SessionDep, token: Annotated[str | None, Depends(oauth2_scheme)]) -> Caller:
    if not token:
        raise Unauthorized("Cần đăng nhập: gửi header Authorization: Bearer <mã truy cập>.")
    claims = decode_access_token(token)
    try:
        user_id = int(claims["sub"])
    except (KeyError, TypeError, ValueError) as exc:
        raise Unauthorized("Mã truy cập không hợp lệ; hãy đăng nhập lại.") from exc
    row = session.exec(
        select(User, AdminUnit.path)
        .join(AdminUnit, AdminUnit.id == User.unit_id, isouter=True)  # type: ignore[arg-type]
        .where(User.id == user_id)
    ).first()
    if row is None or not row[0].is_active:
        raise Unauthorized("Tài khoản không còn hiệu lực; hãy đăng nhập lại.")
    user, path = row
    assert user.id is not None
    return Caller(
        user_id=user.id,
        username=user.username,
        role=user.role,
        unit_id=user.unit_id,
        unit_path=path,
        agency_id=user.agency_id,
        scopes=frozenset(user.scopes.split()),
    )


CurrentCaller = Annotated[Caller, Depends(get_caller)]


def require(*roles: Role, scope: str | None = None) -> Callable[[Caller], Caller]:
    """A dependency admitting the given roles; an integration account needs `scope` instead."""

    def check(caller: CurrentCaller) -> Caller:
        if caller.role in roles:
            return caller
        if caller.role == Role.integration and scope and scope in caller.scopes:
            return caller
        raise Forbidden("Vai trò của tài khoản không được phép thực hiện thao tác này.")

    return check


PEOPLE = (Role.admin, Role.leader, Role.officer, Role.viewer)
Admin = Annotated[Caller, Depends(require(Role.admin))]
