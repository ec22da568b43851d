"""The demo's plans (data/plans/*.json), entered through the plan services as the people of each
issuing unit: an officer creates the draft and its tasks, a leader issues it. The same checks,
normalisation, audit entries and assignment fan-out apply as to anyone.

A plan is created "as of" its file's `as_of` day (a historic unit was in force then) and issued
on its own issue date. Idempotent: a plan already present with the same issuer, symbol, title
(and number, once issued) is left as it is.
"""

from sqlmodel import Session, col, select

from app.access.scope import Caller
from app.demo.lookup import caller_of, unit_of
from app.demo.seeds import PlanSeed, plan_create, plan_issue, plan_seeds, task_create
from app.plans.plans.flows import issue_plan
from app.plans.plans.models import Plan
from app.plans.plans.service import create_plan
from app.plans.tasks.service import create_task
from app.users.models import Agency, Role, User


def _existing(session: Session, unit_id: int, seed: PlanSeed) -> int | None:
    number = col(Plan.number)
    wanted = seed.issue["number"] if seed.issue else None
    stmt = select(Plan.id).where(
        Plan.unit_id == unit_id,
        Plan.symbol == seed.plan.get("symbol", "KH-UBND"),
        Plan.title == seed.title,
        number.is_(None) if wanted is None else number == wanted,
    )
    return session.exec(stmt).first()


def _person(session: Session, unit_id: int, role: Role) -> Caller:
    """A demo user of the unit with that role (the demo creates a leader and an officer)."""
    user = session.exec(
        select(User)
        .where(User.unit_id == unit_id, User.role == role, col(User.is_active))
        .order_by(col(User.id))
    ).first()
    if user is None:
        raise LookupError(f"no demo {role.value} in unit {unit_id}: load the demo users first")
    return caller_of(session, user)


def _load(
    session: Session, seed: PlanSeed, unit_id: int, parent_id: int | None, agencies: dict[str, int]
) -> Plan:
    officer = _person(session, unit_id, Role.officer)
    plan = create_plan(session, officer, plan_create(seed, unit_id, parent_id), today=seed.as_of)
    for index in range(len(seed.tasks)):
        create_task(session, officer, plan, task_create(seed, index, agencies))
    if seed.issued:
        issue_plan(session, _person(session, unit_id, Role.leader), plan, plan_issue(seed))
    return plan


def load_seed_plans(session: Session, agencies: dict[str, Agency]) -> int:
    """Enter the plans that are missing; returns how many were entered."""
    agency_ids = {key: a.id for key, a in agencies.items() if a.id is not None}
    ids: dict[str, int] = {}
    inserted = 0
    for seed in plan_seeds():  # parents come before the plans implementing them
        unit = unit_of(session, seed.unit)
        assert unit.id is not None
        existing = _existing(session, unit.id, seed)
        if existing is None:
            parent_id = ids[seed.parent] if seed.parent else None
            existing = _load(session, seed, unit.id, parent_id, agency_ids).id
            inserted += 1
        assert existing is not None
        ids[seed.key] = existing
    return inserted
