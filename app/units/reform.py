"""The 2025 reform in the workflow: a plan is created and issued only by a unit in force on that
day, and what replaced an abolished unit is named wherever its records are read.

Abolished districts and communes ended on 30/6/2025 (LAST_OLD_DAY); the units of today's tree
exist from 1/7/2025 (REFORM_DATE). Their `unit_succession` links say which new unit took over
each old one's area (and so its records).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import bindparam
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from app.core.clock import vietnam_today, vn_date
from app.core.db import read
from app.core.errors import FieldProblem, ValidationProblem
from app.core.reads import Program
from app.units.models import AdminUnit, UnitSuccession
from app.units.schemas import UnitRef


@dataclass(frozen=True)
class Lineage:
    """Whether a unit still exists today and, when it does not, which units replaced it."""

    abolished_on: date | None = None
    successors: list[UnitRef] = field(default_factory=list)

    def fields(self) -> dict[str, object]:
        """A plan's read-model fields: `unit_abolished_on` and `unit_successors`."""
        return {"unit_abolished_on": self.abolished_on, "unit_successors": self.successors}


IN_FORCE = Lineage()


_SUCCESSOR = aliased(AdminUnit)
# Built once (a statement costs more to build than to run): the units among :unit_ids that ended
# before :today, each with the units that took over its area.
_LINEAGES = (
    sa_select(col(AdminUnit.id), col(AdminUnit.valid_to), col(_SUCCESSOR.id), col(_SUCCESSOR.name))
    .outerjoin(UnitSuccession, col(UnitSuccession.predecessor_id) == AdminUnit.id)
    .outerjoin(_SUCCESSOR, col(_SUCCESSOR.id) == UnitSuccession.successor_id)
    .where(
        col(AdminUnit.id).in_(bindparam("unit_ids", expanding=True)),
        col(AdminUnit.valid_to) < bindparam("today"),
    )
    .order_by(col(AdminUnit.id), col(_SUCCESSOR.path))
)


def lineages(unit_ids: Iterable[int], today: date | None = None) -> Program[dict[int, Lineage]]:
    """The lineage of each unit, in one statement however many units; units still in force
    today (or unknown) get IN_FORCE. A read program (core.reads)."""
    ids = sorted(set(unit_ids))
    if not ids:
        return {}
    values = {"unit_ids": ids, "today": today or vietnam_today()}
    found: dict[int, Lineage] = {}
    for unit_id, valid_to, successor_id, successor_name in (yield _LINEAGES, values):
        lineage = found.setdefault(unit_id, Lineage(valid_to + timedelta(days=1)))
        if successor_id is not None:
            lineage.successors.append(UnitRef(id=successor_id, name=successor_name))
    return found


def lineage(unit_id: int, today: date | None = None) -> Program[Lineage]:
    return (yield from lineages([unit_id], today)).get(unit_id, IN_FORCE)


def _named(units: list[UnitRef]) -> str:
    return ", ".join(f"{u.name} (mã {u.id})" for u in units)


def require_in_force(session: Session, unit_id: int, on: date | None, field_name: str) -> None:
    """422 unless the unit exists on `on` (default: today in Vietnam): an abolished unit's error
    names its successors, a unit of today's tree that did not exist yet the day it began."""
    on = on or vietnam_today()
    unit = session.get(AdminUnit, unit_id)
    if unit is None:
        return  # the caller's own unit: always present; a missing unit is someone else's 422
    if unit.valid_from is not None and on < unit.valid_from:
        message = (
            f"{unit.name} chỉ có từ ngày {vn_date(unit.valid_from)}; ngày {vn_date(on)} thuộc "
            "thời kỳ của các đơn vị tiền thân."
        )
        raise ValidationProblem(
            message,
            code="unit_not_in_force",
            errors=[FieldProblem(field=field_name, message=message, type="unit_not_in_force")],
        )
    if unit.valid_to is None or on <= unit.valid_to:
        return
    successors = read(session, lineage(unit_id, today=on)).successors
    ended = vn_date(unit.valid_to + timedelta(days=1))
    message = f"{unit.name} không còn từ ngày {ended} (sắp xếp đơn vị hành chính năm 2025)"
    message += (
        f"; đơn vị kế thừa: {_named(successors)}. Kế hoạch mới do đơn vị kế thừa ban hành."
        if successors
        else "."
    )
    errors = [FieldProblem(field=field_name, message=message, type="unit_abolished")]
    errors += [  # one entry per successor, so a client can offer them without parsing the text
        FieldProblem(
            field=field_name, message=f"Đơn vị kế thừa: {_named([u])}", type="unit_successor"
        )
        for u in successors
    ]
    raise ValidationProblem(message, code="unit_abolished", errors=errors)
