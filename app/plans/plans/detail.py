"""Plans as the API shows them: summaries for lists, the full detail with tasks."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row
from sqlmodel import Session

from app.core.responses import row_dict
from app.plans.plans.models import Plan
from app.plans.plans.schemas import PlanRead
from app.plans.plans.service import number_text, plan_header
from app.plans.tasks.service import plan_tasks, task_reads


def plan_summaries(rows: Sequence[Row[Any]]) -> list[dict[str, Any]]:
    """Summaries (PlanSummary's fields) from list rows (SUMMARY_COLUMNS + unit_name)."""
    return [row_dict(row, number_text=number_text(row)) for row in rows]


def plan_read(session: Session, plan: Plan) -> PlanRead:
    """The detail in a fixed number of statements, however many tasks the plan has."""
    assert plan.id is not None
    header = plan_header(session, plan)
    tasks = task_reads(session, plan_tasks(session, plan.id))
    return PlanRead.model_validate(
        {**plan.model_dump(), **header, "number_text": number_text(plan), "tasks": tasks}
    )
