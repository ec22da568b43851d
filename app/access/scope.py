"""The caller's unit scope (DESIGN §4), turned into SQL filters every service applies."""

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, bindparam, or_, true
from sqlalchemy.orm import Mapped
from sqlmodel import Session, col, select

from app.core.errors import Forbidden, ValidationProblem
from app.units.models import AdminUnit, UnitSuccession, ancestor_paths
from app.users.models import SERVICE_ROLES, Role

# A column holding a unit id, as `col(Model.unit_id)` gives it (nullable or not).
UnitColumn = Mapped[int] | Mapped[int | None]


@dataclass(frozen=True)
class Caller:
    user_id: int
    username: str
    role: Role
    unit_id: int | None
    unit_path: str | None
    agency_id: int | None
    scopes: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_national(self) -> bool:
        return self.unit_id is None

    @property
    def is_service(self) -> bool:
        return self.role in SERVICE_ROLES

    def ancestor_paths(self) -> list[str]:
        """Paths of the caller's unit's ancestors: "old/33/332/12352/" → old/33/, old/33/332/."""
        return [] if self.unit_path is None else ancestor_paths(self.unit_path)

    def owns_path(self, path: str) -> bool:
        """Whether a unit with this path lies in the caller's subtree (their unit included)."""
        return self.unit_path is None or path.startswith(self.unit_path)


# The caller's values in a scope filter are named parameters, so a statement built once for a
# shape of caller (`caller_shape`) serves every caller of that shape, each binding its own values
# (`scope_values`); a statement built for one request carries them as the parameters' values.
CALLER_PATH = "caller_path"
CALLER_ANCESTORS = "caller_ancestors"


def caller_shape(caller: Caller) -> str:
    """What the scope filters' SQL depends on (not their values): portal, national or unit."""
    if caller.role == Role.portal:
        return "portal"
    return "national" if caller.unit_path is None else "unit"


def scope_values(caller: Caller) -> dict[str, Any]:
    """The values of the scope filters' named parameters for this caller."""
    return {CALLER_PATH: caller.unit_path, CALLER_ANCESTORS: caller.ancestor_paths()}


def _caller_path(caller: Caller) -> BindParameter[str]:
    return bindparam(CALLER_PATH, caller.unit_path)


def subtree_filter(caller: Caller, unit_column: UnitColumn) -> ColumnElement[bool]:
    """Rows whose unit is the caller's unit or below it."""
    if caller.unit_path is None:
        return true()
    units = select(AdminUnit.id).where(col(AdminUnit.path).startswith(_caller_path(caller)))
    return unit_column.in_(units)


def unit_subtree_filter(
    unit_path: str | BindParameter[str], unit_column: UnitColumn
) -> ColumnElement[bool]:
    """Rows whose unit is the unit at `unit_path` or below it (a filter, not a permission)."""
    units = select(AdminUnit.id).where(col(AdminUnit.path).startswith(unit_path))
    return unit_column.in_(units)


def subtree_or_ancestors_filter(caller: Caller, unit_column: UnitColumn) -> ColumnElement[bool]:
    """Rows of the caller's subtree or of one of the caller's ancestors (their plans)."""
    if caller.unit_path is None:
        return true()
    ancestors: BindParameter[list[str]] = bindparam(
        CALLER_ANCESTORS, caller.ancestor_paths(), expanding=True
    )
    units = select(AdminUnit.id).where(
        or_(
            col(AdminUnit.path).startswith(_caller_path(caller)), col(AdminUnit.path).in_(ancestors)
        )
    )
    return unit_column.in_(units)


def predecessors_filter(caller: Caller, unit_column: UnitColumn) -> ColumnElement[bool]:
    """Rows of the units that a unit of the caller's subtree replaced in the 2025 reform: the
    history a successor inherits (xã Tiên Hoa reads xã Lệ Xá's records, and those of huyện
    Tiên Lữ, part of whose area it took). A read filter only: writing stays with the issuing
    unit, and an abolished unit issues nothing new."""
    if caller.unit_path is None:
        return true()
    mine = select(AdminUnit.id).where(col(AdminUnit.path).startswith(_caller_path(caller)))
    replaced = select(UnitSuccession.predecessor_id).where(
        col(UnitSuccession.successor_id).in_(mine)
    )
    return unit_column.in_(replaced)


def require_owned(caller: Caller, unit_path: str, what: str = "bản ghi này") -> None:
    """403 when a visible resource belongs to a unit outside the caller's own subtree."""
    if not caller.owns_path(unit_path):
        raise Forbidden(f"Chỉ đơn vị sở hữu (hoặc cấp trên của nó) mới được thay đổi {what}.")


def unit_path_of(session: Session, unit_id: int) -> str:
    path = session.exec(select(AdminUnit.path).where(AdminUnit.id == unit_id)).first()
    if path is None:
        raise ValidationProblem.for_field(
            "body.unit_id", f"Không có đơn vị hành chính mã {unit_id}."
        )
    return path
