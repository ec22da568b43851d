"""Agencies and users, managed by admins within their subtree; the token grants."""

import contextlib

import anyio.to_thread
from sqlalchemy import ColumnElement
from sqlmodel import Session, col, select

from app.access.scope import (
    Caller,
    require_owned,
    subtree_filter,
    subtree_or_ancestors_filter,
    unit_path_of,
)
from app.audit.service import record, snapshot
from app.core.clock import utcnow
from app.core.db import flush, for_update
from app.core.errors import (
    Conflict,
    Forbidden,
    NotFound,
    ServiceUnavailable,
    Unauthorized,
    ValidationProblem,
)
from app.core.pagination import by_id, paginate
from app.core.ratelimit import LoginThrottle, login_keys
from app.core.security import (
    dummy_hash,
    hash_password,
    run_when_argon2_free,
    verify_password,
)
from app.core.text import fold, matches_folded
from app.units.models import AdminUnit
from app.users.models import SERVICE_ROLES, Agency, AgencyKind, Role, User
from app.users.passwords import password_problem
from app.users.schemas import AgencyCreate, AgencyUpdate, UserCreate, UserUpdate

# --- tokens -------------------------------------------------------------------------------


def find_account(session: Session, username: str) -> User | None:
    """The account a login names, read in a transaction of its own that ends before the slow
    hash (a write request's transaction would otherwise hold SQLite's lock through it)."""
    user = session.exec(select(User).where(User.username == username)).first()
    session.commit()
    return user


def password_matches(password: str, user: User | None) -> bool:
    """Argon2 verification; an unknown user costs the same, so timing reveals no usernames."""
    return verify_password(password, user.password_hash if user else dummy_hash())


def check_grant(user: User | None, password_ok: bool, *, service: bool) -> User:
    """The user for a password or client_credentials grant; 401 for any mismatch."""
    if user is None or not password_ok or not user.is_active:
        raise Unauthorized("Sai tên đăng nhập hoặc mật khẩu.", code="invalid_grant")
    if service != (user.role in SERVICE_ROLES):
        raise Unauthorized(
            "Tài khoản dịch vụ dùng grant_type=client_credentials; người dùng dùng "
            "grant_type=password.",
            code="unauthorized_client",
        )
    return user


async def sign_in(
    session: Session,
    throttle: LoginThrottle,
    username: str,
    password: str,
    address: str,
    *,
    service: bool,
) -> User:
    """A token grant's account, behind the failed-login limits and the Argon2 bound.

    429 when the username or the address is at its limit (no password checked); 503 when no
    Argon2 turn frees up in time or the counters cannot be reached (the attempt is given back).
    A success gives its attempt back too; a failure stays counted.
    """
    keys = login_keys(username, address)
    await anyio.to_thread.run_sync(throttle.reserve, keys)
    try:
        user = await anyio.to_thread.run_sync(find_account, session, username)
        password_ok = await run_when_argon2_free(password_matches, password, user)
    except ServiceUnavailable:
        await anyio.to_thread.run_sync(throttle.release, keys)
        raise
    user = check_grant(user, password_ok, service=service)
    # The password was right: a counter store too busy to give the attempt back must not
    # refuse the token (the attempt then stays counted until its window ends).
    with contextlib.suppress(ServiceUnavailable):
        await anyio.to_thread.run_sync(throttle.release, keys)
    return user


def check_password(password: str, username: str, full_name: str) -> None:
    """422 on `body.password` when the policy refuses it."""
    if problem := password_problem(password, username, full_name):
        raise ValidationProblem.for_field("body.password", problem, "password_policy")


# --- agencies -----------------------------------------------------------------------------


def _agency_with_path(
    session: Session, caller: Caller, agency_id: int, *, lock: bool = False
) -> tuple[Agency, str]:
    stmt = (
        select(Agency, AdminUnit.path)
        .join(AdminUnit, AdminUnit.id == Agency.unit_id)  # type: ignore[arg-type]
        .where(Agency.id == agency_id)
        .where(subtree_or_ancestors_filter(caller, col(Agency.unit_id)))
    )
    if lock:
        stmt = for_update(stmt, Agency)
    row = session.exec(stmt).first()
    if row is None:
        raise NotFound(f"Không tìm thấy cơ quan mã {agency_id}.")
    return row[0], row[1]


def get_agency(session: Session, caller: Caller, agency_id: int, *, lock: bool = False) -> Agency:
    """The agency if in the caller's scope (404 otherwise); `lock` holds its row for a write."""
    return _agency_with_path(session, caller, agency_id, lock=lock)[0]


def list_agencies(
    session: Session,
    caller: Caller,
    *,
    unit_id: int | None,
    kind: AgencyKind | None,
    q: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Agency], str | None]:
    stmt = select(Agency).where(subtree_or_ancestors_filter(caller, col(Agency.unit_id)))
    if unit_id is not None:
        stmt = stmt.where(Agency.unit_id == unit_id)
    if kind is not None:
        stmt = stmt.where(Agency.kind == kind)
    if q and fold(q):
        stmt = stmt.where(matches_folded(col(Agency.name_folded), q))
    return paginate(session, stmt, by_id(col(Agency.id)), limit, cursor)


def create_agency(session: Session, caller: Caller, data: AgencyCreate) -> Agency:
    require_owned(caller, unit_path_of(session, data.unit_id), "cơ quan của đơn vị này")
    agency = Agency(**data.model_dump(), name_folded=fold(data.name))
    session.add(agency)
    flush(session)
    record(session, caller, "create", "agency", agency.id, agency.unit_id, after=snapshot(agency))
    return agency


def update_agency(session: Session, caller: Caller, agency: Agency, data: AgencyUpdate) -> Agency:
    require_owned(caller, unit_path_of(session, agency.unit_id), "cơ quan này")
    before = snapshot(agency)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("name") is None:
        changes.pop("name", None)
    if changes.get("kind") is None:
        changes.pop("kind", None)
    for key, value in changes.items():
        setattr(agency, key, value)
    agency.name_folded = fold(agency.name)
    agency.updated_at = utcnow()
    session.add(agency)
    flush(session)
    record(session, caller, "update", "agency", agency.id, agency.unit_id, before, snapshot(agency))
    return agency


# --- users --------------------------------------------------------------------------------


def _user_scope(caller: Caller) -> ColumnElement[bool]:
    return subtree_filter(caller, col(User.unit_id))


def get_user(session: Session, caller: Caller, user_id: int, *, lock: bool = False) -> User:
    """The user if in the caller's scope (404 otherwise); `lock` holds its row for a write."""
    stmt = select(User).where(User.id == user_id)
    if not caller.is_national:
        stmt = stmt.where(_user_scope(caller))
    if lock:
        stmt = for_update(stmt, User)
    user = session.exec(stmt).first()
    if user is None:
        raise NotFound(f"Không tìm thấy người dùng mã {user_id}.")
    return user


def list_users(
    session: Session,
    caller: Caller,
    *,
    unit_id: int | None,
    role: Role | None,
    q: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[User], str | None]:
    stmt = select(User)
    if not caller.is_national:
        stmt = stmt.where(_user_scope(caller))
    if unit_id is not None:
        stmt = stmt.where(User.unit_id == unit_id)
    if role is not None:
        stmt = stmt.where(User.role == role)
    if q and fold(q):
        # Usernames are lower-case ASCII already, so they are their own folded form.
        stmt = stmt.where(matches_folded(col(User.username), q))
    return paginate(session, stmt, by_id(col(User.id)), limit, cursor)


def _check_assignment(
    session: Session, caller: Caller, unit_id: int | None, agency_id: int | None, role: Role
) -> None:
    if unit_id is None:
        if not caller.is_national:
            raise Forbidden("Chỉ quản trị viên toàn quốc tạo được tài khoản cấp toàn quốc.")
    else:
        require_owned(caller, unit_path_of(session, unit_id), "tài khoản của đơn vị này")
    if role in SERVICE_ROLES and not caller.is_national:
        raise Forbidden("Chỉ quản trị viên toàn quốc tạo được tài khoản dịch vụ.")
    if agency_id is not None:
        agency = session.get(Agency, agency_id)
        if agency is None or agency.unit_id != unit_id:
            raise ValidationProblem.for_field(
                "body.agency_id", "Cơ quan phải thuộc đơn vị hành chính của người dùng."
            )


def create_user(session: Session, caller: Caller, data: UserCreate) -> User:
    _check_assignment(session, caller, data.unit_id, data.agency_id, data.role)
    if session.exec(select(User.id).where(User.username == data.username)).first() is not None:
        raise Conflict(f"Tên đăng nhập {data.username} đã được dùng.", code="username_taken")
    check_password(data.password, data.username, data.full_name)
    user = User(
        username=data.username,
        full_name=data.full_name,
        role=data.role,
        unit_id=data.unit_id,
        agency_id=data.agency_id,
        scopes=" ".join(sorted(set(data.scopes))),
        password_hash=hash_password(data.password),
    )
    session.add(user)
    flush(session)
    record(session, caller, "create", "user", user.id, user.unit_id, after=snapshot(user))
    return user


def update_user(session: Session, caller: Caller, user: User, data: UserUpdate) -> User:
    before = snapshot(user)
    changes = data.model_dump(exclude_unset=True)
    role = changes.get("role") or user.role
    agency_id = changes.get("agency_id", user.agency_id)
    _check_assignment(session, caller, user.unit_id, agency_id, role)
    if user.id == caller.user_id and (changes.get("is_active") is False or "role" in changes):
        raise Forbidden("Không thể tự khóa hoặc tự đổi vai trò của chính mình.")
    if password := changes.pop("password", None):
        check_password(password, user.username, changes.get("full_name") or user.full_name)
        user.password_hash = hash_password(password)
    if (scopes := changes.pop("scopes", None)) is not None:
        user.scopes = " ".join(sorted(set(scopes)))
    for key, value in changes.items():
        if value is not None or key == "agency_id":
            setattr(user, key, value)
    user.updated_at = utcnow()
    session.add(user)
    flush(session)
    record(session, caller, "update", "user", user.id, user.unit_id, before, snapshot(user))
    return user


def describe_me(session: Session, caller: Caller) -> tuple[User, str | None, str | None]:
    row = session.exec(
        select(User, AdminUnit.name, Agency.name)
        .join(AdminUnit, AdminUnit.id == User.unit_id, isouter=True)  # type: ignore[arg-type]
        .join(Agency, Agency.id == User.agency_id, isouter=True)  # type: ignore[arg-type]
        .where(User.id == caller.user_id)
    ).one()
    return row[0], row[1], row[2]
