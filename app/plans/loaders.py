"""One loading dependency per resource a route writes: 404 when missing or out of scope, 403
when visible but not the caller's to change, then 428/412 for If-Match — and the row locked
for the rest of the request, so the state a service checks is the state it changes.
"""

from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import Depends
from sqlmodel import Session

from app.access.scope import Caller
from app.core.db import SessionDep
from app.core.etag import IfMatch, OptionalIfMatch, check_if_match
from app.core.ids import AssignmentId, PlanId, TaskId
from app.plans.access import PlanIssuer, PlanWriter, require_issuing_unit
from app.plans.assignments import service as assignments
from app.plans.plans import service
from app.plans.plans.models import Plan
from app.plans.tasks import service as tasks
from app.plans.tasks.models import Task


def _locked_plan(
    session: Session, caller: Caller, plan_id: int, if_match: str | None, action: str
) -> Plan:
    plan = service.lock_plan(session, caller, plan_id)
    require_issuing_unit(caller, plan, action)
    check_if_match(if_match, "plan", plan_id, plan.version)
    return plan


def plan_for_edit(
    plan_id: PlanId, session: SessionDep, caller: PlanWriter, if_match: IfMatch
) -> Plan:
    return _locked_plan(session, caller, plan_id, if_match, "thay đổi")


def plan_for_new_task(plan_id: PlanId, session: SessionDep, caller: PlanWriter) -> Plan:
    return _locked_plan(session, caller, plan_id, None, "thêm nhiệm vụ vào")


def plan_for_issue(
    plan_id: PlanId, session: SessionDep, caller: PlanIssuer, if_match: OptionalIfMatch = None
) -> Plan:
    return _locked_plan(session, caller, plan_id, if_match, "ban hành hoặc kết thúc")


def plan_for_amend(
    plan_id: PlanId, session: SessionDep, caller: PlanWriter, if_match: OptionalIfMatch = None
) -> Plan:
    return _locked_plan(session, caller, plan_id, if_match, "sửa đổi")


def task_for_edit(
    task_id: TaskId, session: SessionDep, caller: PlanWriter, if_match: IfMatch
) -> tuple[Task, Plan]:
    task, plan = tasks.lock_task(session, caller, task_id)
    require_issuing_unit(caller, plan)
    check_if_match(if_match, "task", task_id, task.version)
    return task, plan


def assignment_for_update(
    assignment_id: AssignmentId, session: SessionDep, caller: PlanWriter, if_match: IfMatch
) -> Sequence[Any]:
    row = assignments.get_assignment(session, caller, assignment_id, lock=True)
    assignments.require_assignee(caller, row[0])
    check_if_match(if_match, "assignment", assignment_id, row[0].version)
    return row


PlanForEdit = Annotated[Plan, Depends(plan_for_edit)]
PlanForNewTask = Annotated[Plan, Depends(plan_for_new_task)]
PlanForIssue = Annotated[Plan, Depends(plan_for_issue)]
PlanForAmend = Annotated[Plan, Depends(plan_for_amend)]
TaskForEdit = Annotated[tuple[Task, Plan], Depends(task_for_edit)]
AssignmentForUpdate = Annotated[Sequence[Any], Depends(assignment_for_update)]
