"""Finding what the demo's data files name: units by tree, level and code; callers by username."""

from sqlmodel import Session, col, select

from app.access.scope import Caller
from app.demo.seeds import UnitKey
from app.units.models import AdminUnit
from app.users.models import User


def unit_of(session: Session, key: UnitKey) -> AdminUnit:
    unit = session.exec(
        select(AdminUnit).where(
            AdminUnit.level == key.level,
            AdminUnit.code == key.code,
            col(AdminUnit.path).startswith(f"{key.tree}/"),
        )
    ).first()
    if unit is None:
        raise LookupError(f"unit {key} is not loaded: run `python -m app load-units`")
    return unit


def caller_of(session: Session, user: User) -> Caller:
    """The caller a request by `user` would be (as access.auth builds it from the token)."""
    assert user.id is not None
    path = None
    if user.unit_id is not None:
        path = session.exec(select(AdminUnit.path).where(AdminUnit.id == user.unit_id)).one()
    return Caller(
        user_id=user.id,
        username=user.username,
        role=user.role,
        unit_id=user.unit_id,
        unit_path=path,
        agency_id=user.agency_id,
        scopes=frozenset(user.scopes.split()),
    )
