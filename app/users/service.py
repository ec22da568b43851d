"""Agencies and users, managed by admins within their subtree; the token grants."""

from sqlalchemy import ColumnElement
from sqlmodel import Session, col, select

from app.audit.service import record, snapshot
from app.core.db import flush
from app.core.errors import Conflict, Forbidden, NotFound, Unauthorized, ValidationProblem
from app.core.pagination import by_id, paginate
from app.core.scope import (
    Caller,
    require_owned,
    subtree_filter,
    subtree_or_ancestors_filter,
    unit_path_of,
)
from app.core.security import dummy_hash, hash_password, verify_password
from app.core.text import fold, like_pattern
from app.units.models import AdminUnit
from app.users.models import SERVICE_ROLES, Agency, AgencyKind, Role, User, utcnow
from app.users.schemas import AgencyCreate, AgencyUpdate, UserCreate, UserUpdate

# --- tokens -------------------------------------------------------------------------------


def authenticate(session: Session, username: str, password: str, *, service: bool) -> User:
    """The user for a password or client_credentials grant; 401 for any mismatch."""
    user = session.exec(select(User).where(User.username == username)).first()
    if user is None:
        verify_password(password, dummy_hash())  # same cost whether or not the user exists
        raise Unauthorized("Sai tên đăng nhập hoặc mật khẩu.", code="invalid_grant")
    if not verify_password(password, user.password_hash) or not user.is_active:
        raise Unauthorized("Sai tên đăng nhập hoặc mật khẩu.", code="invalid_grant")
    if service != (user.role in SERVICE_ROLES):
        raise Unauthorized(
            "Tài khoản dịch vụ dùng grant_type=client_credentials; người dùng dùng "
            "grant_type=password.",
            code="unauthorized_client",
        )
    return user


# --- agencies -----------------------------------------------------------------------------


def _agency_with_path(session: Session, caller: Caller, agency_id: int) -> tuple[Agency, str]:
    row = session.exec(
        select(Agency, AdminUnit.path)
        .join(AdminUnit, AdminUnit.id == Agency.unit_id)  # type: ignore[arg-type]
        .where(Agency.id == agency_id)
        .where(subtree_or_ancestors_filter(caller, col(Agency.unit_id)))  # type: ignore[arg-type]
    ).first()
    if row is None:
        raise NotFound(f"Không tìm thấy cơ quan mã {agency_id}.")
    return row[0], row[1]


def get_agency(session: Session, caller: Caller, agency_id: int) -> Agency:
    return _agency_with_path(session, caller, agency_id)[0]


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
    stmt = select(Agency).where(
        subtree_or_ancestors_filter(caller, col(Agency.unit_id))  # type: ignore[arg-type]
    )
    if unit_id is not None:
        stmt = stmt.where(Agency.unit_id == unit_id)
    if kind is not None:
        stmt = stmt.where(Agency.kind == kind)
    if q and fold(q):
        stmt = stmt.where(col(Agency.name_folded).like(like_pattern(q), escape="\\"))
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
    agency.version += 1
    agency.updated_at = utcnow()
    session.add(agency)
    flush(session)
    record(session, caller, "update", "agency", agency.id, agency.unit_id, before, snapshot(agency))
    return agency


# --- users --------------------------------------------------------------------------------


def _user_scope(caller: Caller) -> ColumnElement[bool]:
    return subtree_filter(caller, col(User.unit_id))  # type: ignore[arg-type]


def get_user(session: Session, caller: Caller, user_id: int) -> User:
    stmt = select(User).where(User.id == user_id)
    if not caller.is_national:
        stmt = stmt.where(_user_scope(caller))
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
    if q:
        stmt = stmt.where(col(User.username).contains(q.strip().lower()))
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
        user.password_hash = hash_password(password)
    if (scopes := changes.pop("scopes", None)) is not None:
        user.scopes = " ".join(sorted(set(scopes)))
    for key, value in changes.items():
        if value is not None or key == "agency_id":
            setattr(user, key, value)
    user.version += 1
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
