"""Plans as the API shows them: summaries for lists, the full detail with tasks."""

from sqlmodel import Session

from app.plans.models import Plan
from app.plans.schemas import PlanRead, PlanSummary
from app.plans.service import number_text, plan_header
from app.plans.tasks import plan_tasks, task_reads


def plan_summary(plan: Plan, unit_name: str) -> PlanSummary:
    return PlanSummary.model_validate(
        {**plan.model_dump(), "unit_name": unit_name, "number_text": number_text(plan)}
    )


def plan_read(session: Session, plan: Plan) -> PlanRead:
    """The detail in a fixed number of statements, however many tasks the plan has."""
    assert plan.id is not None
    header = plan_header(session, plan)
    tasks = task_reads(session, plan_tasks(session, plan.id))
    return PlanRead.model_validate(
        {**plan.model_dump(), **header, "number_text": number_text(plan), "tasks": tasks}
    )
