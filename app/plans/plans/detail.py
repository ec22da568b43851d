"""Plans as the API shows them: summaries for lists, the full detail with tasks."""

from typing import Any

from sqlalchemy import Row
from sqlmodel import Session

from app.core.docnumber import format_plan_number
from app.plans.plans.models import Plan
from app.plans.plans.schemas import PlanRead, PlanSummary
from app.plans.plans.service import number_text, plan_header
from app.plans.tasks.service import plan_tasks, task_reads


def plan_summary(row: Row[Any]) -> PlanSummary:
    """A summary from a list row (SUMMARY_COLUMNS + unit_name): the values come typed from the
    database, so the model is constructed, not validated a second time."""
    return PlanSummary.model_construct(
        **row._mapping, number_text=format_plan_number(row.number, row.symbol)
    )


def plan_read(session: Session, plan: Plan) -> PlanRead:
    """The detail in a fixed number of statements, however many tasks the plan has."""
    assert plan.id is not None
    header = plan_header(session, plan)
    tasks = task_reads(session, plan_tasks(session, plan.id))
    return PlanRead.model_validate(
        {**plan.model_dump(), **header, "number_text": number_text(plan), "tasks": tasks}
    )
