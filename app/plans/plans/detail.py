"""Plans as the API shows them: summaries for lists, the full detail with tasks."""

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Row

from app.access.scope import Caller
from app.core.reads import Program
from app.core.responses import row_dicts
from app.plans.plans.schemas import PlanRead
from app.plans.plans.service import number_text, plan_header, plan_row, visible_plan
from app.plans.tasks.service import plan_tasks, task_reads


def plan_summaries(rows: Sequence[Row[Any]]) -> list[dict[str, Any]]:
    """Summaries (PlanSummary's fields) from list rows (SUMMARY_COLUMNS + unit_name)."""
    return row_dicts(rows, number_text=number_text)


def plan_read(plan: Mapping[str, Any]) -> Program[PlanRead]:
    """The detail of a plan (its row as `visible_plan` or `plan_row` gives it) in a fixed
    number of statements, however many tasks the plan has."""
    header = yield from plan_header(plan)
    tasks = yield from task_reads((yield from plan_tasks(plan["id"])))
    return PlanRead.model_validate(
        {**plan, **header, "number_text": number_text(plan), "tasks": tasks}
    )


def plan_detail(caller: Caller, plan_id: int) -> Program[PlanRead]:
    """The detail of a plan the caller may read (404 otherwise)."""
    return (yield from plan_read((yield from visible_plan(caller, plan_id))))


def written_plan(plan_id: int) -> Program[PlanRead]:
    """The detail a write answers with, as its own transaction holds the plan."""
    return (yield from plan_read((yield from plan_row(plan_id))))
