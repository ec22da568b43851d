"""Seed plans → plan rows, with their topics, tasks, parent links and (when issued) assignments.

Idempotent: a plan already present with the same issuer, symbol, number and title is left as it
is (a draft has no number, so drafts match on issuer, symbol and title).
"""

from datetime import date
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from app.core.db import flush
from app.core.text import fold
from app.demo.seed_plans import PLANS, PlanSeed, TaskSeed
from app.plans.assignments.service import fan_out_assignments
from app.plans.plans.models import Plan, PlanStatus, PlanTopic, Visibility
from app.plans.tasks.models import Task
from app.reference.models import Topic
from app.units.service import old_unit_id
from app.users.models import Agency


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _existing(session: Session, unit_id: int, seed: PlanSeed) -> int | None:
    number = col(Plan.number)
    stmt = select(Plan.id).where(
        Plan.unit_id == unit_id,
        Plan.symbol == seed["symbol"],
        Plan.title == seed["title"],
        number.is_(None) if seed["number"] is None else number == seed["number"],
    )
    return session.exec(stmt).first()


def _task_row(plan_id: int, position: int, task: TaskSeed, agencies: dict[str, Agency]) -> Any:
    lead = task["lead"]
    lead_agency = agencies[lead["agency"]].id if lead is not None and "agency" in lead else None
    return {
        "plan_id": plan_id,
        "position": position,
        "ordinal": task["ordinal"],
        "title": task["title"],
        "content": task["content"],
        "lead_agency_id": lead_agency,
        "lead_all_children": lead is not None and "all_children" in lead,
        "lead_text": task["lead_text"],
        "coordinator_agency_ids": [agencies[key].id for key in task["coordinators"]],
        "coordinate_text": task["coordinate_text"],
        "recurrence": task["recurrence"],
        "start_on": _day(task["start_on"]),
        "end_on": _day(task["end_on"]),
        "due_on": _day(task["due_on"]),
        "channel_types": task["channel_types"],
        "topics": task["topics"],
        "targets": [dict(t) for t in task["targets"]],
        "budget_vnd": task["budget_vnd"],
        "version": 1,
    }


def _insert_plan(
    session: Session,
    seed: PlanSeed,
    unit_id: int,
    parent_id: int | None,
    agencies: dict[str, Agency],
    topic_ids: dict[str, int],
) -> Plan:
    issued_on = _day(seed["issued_on"])
    plan = Plan(
        unit_id=unit_id,
        number=seed["number"],
        symbol=seed["symbol"],
        number_year=issued_on.year if issued_on and seed["number"] is not None else None,
        title=seed["title"],
        title_folded=fold(seed["title"]),
        place=seed["place"],
        issued_on=issued_on,
        effective_on=_day(seed["effective_on"]),
        period_start=date.fromisoformat(seed["period_start"]),
        period_end=date.fromisoformat(seed["period_end"]),
        signer_name=seed["signer_name"],
        signer_title=seed["signer_title"],
        signing_mode=seed["signing_mode"],
        status=PlanStatus(seed["status"]),
        visibility=Visibility(seed["visibility"]),
        parent_plan_id=parent_id,
        legal_bases=[dict(b) for b in seed["legal_bases"]],
        purposes=seed["purposes"],
        requirements=seed["requirements"],
        budget=dict(seed["budget"]),
        recipients=seed["recipients"],
        task_count=len(seed["tasks"]),
    )
    session.add(plan)
    flush(session)
    assert plan.id is not None
    tasks = [_task_row(plan.id, n, t, agencies) for n, t in enumerate(seed["tasks"])]
    if tasks:
        session.execute(insert(Task), tasks)
    topics = [{"plan_id": plan.id, "topic_id": topic_ids[code]} for code in seed["topics"]]
    if topics:
        session.execute(insert(PlanTopic), topics)
    if plan.status == PlanStatus.issued:
        fan_out_assignments(session, plan)
    return plan


def load_seed_plans(session: Session, agencies: dict[str, Agency]) -> int:
    """Insert the seed plans that are missing; returns how many were inserted."""
    topic_ids = {code: i for code, i in session.exec(select(Topic.code, Topic.id)) if i is not None}
    ids: dict[str, int] = {}
    inserted = 0
    for seed in PLANS:  # parents come before the plans implementing them
        unit_id = old_unit_id(session, seed["unit_level"], seed["unit_code"])
        existing = _existing(session, unit_id, seed)
        if existing is None:
            parent_key = seed["parent_plan_key"]
            parent_id = ids[parent_key] if parent_key else None
            plan = _insert_plan(session, seed, unit_id, parent_id, agencies, topic_ids)
            assert plan.id is not None
            existing = plan.id
            inserted += 1
        ids[seed["key"]] = existing
    flush(session)
    return inserted
