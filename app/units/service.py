"""Reading the unit tree: lists, as-of filters, ancestors, children and succession links."""

from datetime import date
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Row, and_, bindparam, or_
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.core.errors import NotFound
from app.core.pagination import Filters, SortKey, paginate, shaped_page
from app.core.reads import Program
from app.core.text import fold, like_pattern, matches_folded
from app.units.models import LAST_OLD_DAY, AdminUnit, UnitLevel, UnitSuccession, ancestor_paths

# What UnitRead shows: lists select these columns, not whole rows.
READ_COLUMNS = tuple(
    col(getattr(AdminUnit, name))
    for name in ("id", "code", "name", "level", "kind", "parent_id", "valid_from", "valid_to")
)


def valid_on(as_of: date | BindParameter[date]) -> ColumnElement[bool]:
    return and_(
        or_(col(AdminUnit.valid_from).is_(None), col(AdminUnit.valid_from) <= as_of),
        or_(col(AdminUnit.valid_to).is_(None), col(AdminUnit.valid_to) >= as_of),
    )


def get_unit(session: Session, unit_id: int) -> AdminUnit:
    unit = session.get(AdminUnit, unit_id)
    if unit is None:
        raise NotFound(f"Không có đơn vị hành chính mã nội bộ {unit_id}.")
    return unit


# The list's filters, keyed by the parameter a request binds for each (see shaped_page).
_UNIT_FILTERS: Filters = {
    "as_of": lambda: valid_on(bindparam("as_of")),
    "level": lambda: col(AdminUnit.level) == bindparam("level"),
    "parent_id": lambda: col(AdminUnit.parent_id) == bindparam("parent_id"),
    "code": lambda: col(AdminUnit.code) == bindparam("code"),
    "q_pattern": lambda: matches_folded(col(AdminUnit.name_folded), bindparam("q_pattern")),
}
_LIST = sa_select(*READ_COLUMNS, col(AdminUnit.path))
# Path order is the official listing order: province, its districts, their communes.
_UNIT_KEYS = (SortKey(col(AdminUnit.path), lambda unit: unit.path, parse=str),)


def list_units(
    *,
    level: UnitLevel | None,
    parent_id: int | None,
    code: str | None,
    q: str | None,
    as_of: date | None,
    limit: int,
    cursor: str | None,
) -> Program[tuple[list[Row[Any]], str | None]]:
    """One page of units: the columns UnitRead shows (and the path the cursor needs), as a read
    program (core.reads)."""
    given = {"as_of": as_of, "level": level, "parent_id": parent_id, "code": code}
    values: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    if q and fold(q):
        values["q_pattern"] = like_pattern(q)
    return (
        yield from shaped_page(
            "units", lambda: _LIST, _UNIT_FILTERS, values, _UNIT_KEYS, limit, cursor
        )
    )


def children(
    session: Session, unit_id: int, *, limit: int, cursor: str | None
) -> tuple[list[AdminUnit], str | None]:
    """The unit's direct children in official code order, one keyset page."""
    get_unit(session, unit_id)
    stmt = select(AdminUnit).where(AdminUnit.parent_id == unit_id)
    keys = [SortKey(col(AdminUnit.path), lambda unit: unit.path)]
    return paginate(session, stmt, keys, limit, cursor)


def ancestors(session: Session, unit_id: int) -> list[AdminUnit]:
    """From the province down to the unit's parent."""
    prefixes = ancestor_paths(get_unit(session, unit_id).path)
    if not prefixes:
        return []
    stmt = select(AdminUnit).where(col(AdminUnit.path).in_(prefixes))
    return sorted(session.exec(stmt), key=lambda u: len(u.path))


def _links(
    session: Session, unit_id: int, *, forward: bool
) -> list[tuple[AdminUnit, str | None, UnitSuccession]]:
    get_unit(session, unit_id)
    parent = aliased(AdminUnit)
    mine, other = (
        (col(UnitSuccession.predecessor_id), col(UnitSuccession.successor_id))
        if forward
        else (col(UnitSuccession.successor_id), col(UnitSuccession.predecessor_id))
    )
    stmt = (
        select(AdminUnit, parent.name, UnitSuccession)
        .join(UnitSuccession, other == col(AdminUnit.id))
        .join(parent, parent.id == AdminUnit.parent_id, isouter=True)  # type: ignore[arg-type]
        .where(mine == unit_id)
        .order_by(col(AdminUnit.path))
    )
    return [(u, p, s) for u, p, s in session.exec(stmt)]


def successors(
    session: Session, unit_id: int
) -> list[tuple[AdminUnit, str | None, UnitSuccession]]:
    return _links(session, unit_id, forward=True)


def predecessors(
    session: Session, unit_id: int
) -> list[tuple[AdminUnit, str | None, UnitSuccession]]:
    return _links(session, unit_id, forward=False)


def old_unit_id(session: Session, level: UnitLevel | str, code: str) -> int:
    """Id of a unit of the pre-2025 tree, where every seed plan was issued."""
    unit_id = session.exec(
        select(AdminUnit.id).where(
            AdminUnit.level == level, AdminUnit.code == code, AdminUnit.valid_to == LAST_OLD_DAY
        )
    ).first()
    if unit_id is None:
        raise LookupError(f"unit {level} {code} is not loaded: run `python -m app load-units`")
    return unit_id
