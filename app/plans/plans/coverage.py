"""Implementation coverage: which subordinate units have issued a plan implementing a plan.

"Subordinate units" are the issuer's direct children as they stood on the plan's issue date (the
start of its period for a draft): a district's communes, a province's districts (before the 2025
reform) or communes (after it). A multi-level issuer such as Hà Nội counts its districts; each
district in turn has its own coverage of its communes. A unit counts once it has issued (or
issued and closed) a plan whose `parent_plan_id` is this plan.
"""

from sqlalchemy import case
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from app.access.scope import Caller
from app.core.docnumber import format_plan_number
from app.plans.access import PUBLISHED, plan_visible
from app.plans.plans.models import Plan
from app.plans.plans.schemas import Implementation, ImplementingPlan, UnitCoverage
from app.units.models import AdminUnit
from app.units.service import valid_on


def implementation(session: Session, caller: Caller, plan: Plan) -> Implementation:
    assert plan.id is not None
    as_of = plan.issued_on or plan.period_start
    children = list(
        session.exec(
            select(AdminUnit.id, AdminUnit.name)
            .where(AdminUnit.parent_id == plan.unit_id, valid_on(as_of))
            .order_by(col(AdminUnit.path))
        )
    )
    child_ids = [unit_id for unit_id, _name in children if unit_id is not None]
    plans_by_unit: dict[int, list[ImplementingPlan]] = {unit_id: [] for unit_id in child_ids}
    done: set[int] = set()
    if child_ids:
        # Whether each implementing plan is one the caller may open: the others only count.
        visible = case((plan_visible(caller), True), else_=False)
        rows = session.execute(
            sa_select(
                col(Plan.id),
                col(Plan.unit_id),
                col(Plan.number),
                col(Plan.symbol),
                col(Plan.issued_on),
                visible,
            )
            .where(
                col(Plan.parent_plan_id) == plan.id,
                col(Plan.status).in_(PUBLISHED),
                col(Plan.unit_id).in_(child_ids),
            )
            .order_by(col(Plan.issued_on), col(Plan.id))
        )
        for plan_id, unit_id, number, symbol, issued_on, can_read in rows:
            done.add(unit_id)
            if can_read and plan_id is not None:
                plans_by_unit[unit_id].append(
                    ImplementingPlan(
                        id=plan_id,
                        number_text=format_plan_number(number, symbol),
                        issued_on=issued_on,
                    )
                )
    entries = [
        UnitCoverage(unit_id=unit_id, unit_name=name, plans=plans_by_unit[unit_id])
        for unit_id, name in children
        if unit_id is not None
    ]
    total = len(entries)
    return Implementation(
        plan_id=plan.id,
        as_of=as_of,
        total_units=total,
        implemented_units=len(done),
        percentage=round(100 * len(done) / total, 1) if total else 0.0,
        implemented=[e for e in entries if e.unit_id in done],
        missing=[e for e in entries if e.unit_id not in done],
    )
