"""Who reads and who writes a plan (DESIGN §4), as SQL filters and checks every plan service uses.

Reading: a caller reads every plan of its own subtree, the plans of its ancestors once they are
no longer drafts (an ancestor's draft is still the ancestor's internal work), and every published
plan (public and issued or closed). Assignments (who does what, progress notes) are read only
within the caller's own line: publishing a plan publishes its text, not its internal follow-up.
A unit that replaced others in the 2025 reform reads their plans and assignments as its own
history (`predecessors_filter`), and writes none of them.
The portal reads published plans only; national accounts (admin, integration with the `read`
scope) read everything. Anything else is a 404.

Writing: only an officer or leader of the issuing unit itself (not of a parent unit) changes a
plan and its tasks, and only a leader of that unit issues or closes it. A visible plan the caller
may not change is a 403.
"""

from typing import Annotated

from fastapi import Depends
from sqlalchemy import ColumnElement, and_, false, or_, true
from sqlmodel import col

from app.access.auth import PEOPLE, require
from app.access.scope import (
    Caller,
    predecessors_filter,
    subtree_filter,
    subtree_or_ancestors_filter,
)
from app.core.errors import Forbidden
from app.plans.plans.models import Plan, PlanStatus, Visibility
from app.users.models import Role

PUBLISHED = (PlanStatus.issued, PlanStatus.closed)

PlanReader = Annotated[Caller, Depends(require(*PEOPLE, Role.portal, scope="read"))]
PlanWriter = Annotated[Caller, Depends(require(Role.officer, Role.leader))]
PlanIssuer = Annotated[Caller, Depends(require(Role.leader))]
# Assignments are internal work: people and integration accounts, not the portal.
AssignmentReader = Annotated[Caller, Depends(require(*PEOPLE, scope="read"))]


def published() -> ColumnElement[bool]:
    return and_(col(Plan.visibility) == Visibility.public, col(Plan.status).in_(PUBLISHED))


def in_hierarchy(caller: Caller) -> ColumnElement[bool]:
    """Plans of the caller's own line: its subtree, its ancestors' once no longer drafts, and
    the history of the units its subtree replaced in the 2025 reform (read only).

    This is also who reads a plan's assignments: the work and progress notes of the units
    involved, which publishing the plan does not publish.
    """
    if caller.role == Role.portal:
        return false()
    if caller.is_national:
        return true()
    unit = col(Plan.unit_id)
    return or_(
        subtree_filter(caller, unit),
        predecessors_filter(caller, unit),
        and_(
            col(Plan.status) != PlanStatus.draft,
            subtree_or_ancestors_filter(caller, unit),
        ),
    )


def plan_visible(caller: Caller) -> ColumnElement[bool]:
    """The plans `caller` may read, as a filter on `Plan`: its own line plus published ones."""
    if caller.role == Role.portal:
        return published()
    return or_(in_hierarchy(caller), published())


def require_issuing_unit(caller: Caller, plan: Plan, action: str = "thay đổi") -> None:
    """403 unless the caller works in the unit that issues `plan` (a parent unit does not)."""
    if caller.unit_id is None or caller.unit_id != plan.unit_id:
        raise Forbidden(
            f"Chỉ cán bộ của đơn vị ban hành kế hoạch mới được {action} kế hoạch này.",
            code="not_issuing_unit",
        )
