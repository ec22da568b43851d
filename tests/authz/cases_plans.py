"""Matrix cases for the plans routes: a plan, task or assignment of huyện Tiên Lữ (see matrix.py).

Reading: the owner, its parent (subtree) and its child communes (an ancestor's issued plan) read
an internal plan; a sibling district and another province get 404. Writing: only the owner's
officers and leaders; a visible plan of another unit is a 403. An ancestor's draft stays hidden
from the communes below it (404).
"""

from datetime import date

from app.core.text import fold
from app.plans.assignments.models import Assignment, AssignmentRole
from app.plans.plans.models import Plan, PlanStatus, Visibility
from app.plans.tasks.models import Task
from app.users.models import Agency, AgencyKind, Role
from tests.authz.matrix import Case, Ctx, Prepared, everyone, statuses

TITLE = "Tuyên truyền cải cách hành chính huyện Tiên Lữ năm 2024"


def _plan(ctx: Ctx, status: PlanStatus) -> Plan:
    issued = status != PlanStatus.draft
    plan = Plan(
        unit_id=ctx.owner_unit,
        number=901 if issued else None,
        number_year=2024 if issued else None,
        issued_on=date(2024, 1, 5) if issued else None,
        signer_name="Nguyễn Văn Tiến",
        title=TITLE,
        title_folded=fold(TITLE),
        period_start=date(2024, 1, 1),
        period_end=date(2024, 12, 31),
        status=status,
        visibility=Visibility.internal,
    )
    ctx.db.add(plan)
    ctx.db.flush()
    return plan


def _agency(ctx: Ctx) -> Agency:
    agency = Agency(
        unit_id=ctx.owner_unit,
        name="Phòng Văn hóa và Thông tin",
        name_folded=fold("Phòng Văn hóa và Thông tin"),
        kind=AgencyKind.department,
    )
    ctx.db.add(agency)
    ctx.db.flush()
    return agency


def _task(ctx: Ctx, plan: Plan, agency: Agency | None = None) -> Task:
    assert plan.id is not None
    task = Task(
        plan_id=plan.id,
        ordinal="1",
        title="Tuyên truyền trên sóng truyền thanh huyện",
        lead_agency_id=agency.id if agency else None,
        recurrence="weekly",
    )
    plan.task_count += 1
    ctx.db.add_all([task, plan])
    ctx.db.flush()
    return task


def _draft(ctx: Ctx) -> Prepared:
    return Prepared(path_params={"plan_id": _plan(ctx, PlanStatus.draft).id})


def _issued(ctx: Ctx) -> Prepared:
    return Prepared(path_params={"plan_id": _plan(ctx, PlanStatus.issued).id})


def _draft_patch(ctx: Ctx) -> Prepared:
    plan = _plan(ctx, PlanStatus.draft)
    return Prepared(
        path_params={"plan_id": plan.id},
        json={"place": "Tiên Lữ"},
        headers={"If-Match": f'"plan-{plan.id}-v1"'},
    )


def _draft_delete(ctx: Ctx) -> Prepared:
    plan = _plan(ctx, PlanStatus.draft)
    return Prepared(path_params={"plan_id": plan.id}, headers={"If-Match": f'"plan-{plan.id}-v1"'})


def _draft_issue(ctx: Ctx) -> Prepared:
    plan = _plan(ctx, PlanStatus.draft)
    return Prepared(
        path_params={"plan_id": plan.id}, json={"number": 902, "issued_on": "2024-01-08"}
    )


def _new_plan(ctx: Ctx) -> Prepared:
    return Prepared(
        json={
            "unit_id": ctx.owner_unit,
            "title": TITLE,
            "period_start": "2024-01-01",
            "period_end": "2024-12-31",
        }
    )


def _new_task(ctx: Ctx) -> Prepared:
    plan = _plan(ctx, PlanStatus.draft)
    return Prepared(
        path_params={"plan_id": plan.id},
        json={"ordinal": "1", "title": "Tuyên truyền trên Cổng thông tin điện tử huyện"},
    )


def _issued_task(ctx: Ctx) -> Prepared:
    return Prepared(path_params={"task_id": _task(ctx, _plan(ctx, PlanStatus.issued)).id})


def _draft_task_patch(ctx: Ctx) -> Prepared:
    task = _task(ctx, _plan(ctx, PlanStatus.draft))
    return Prepared(
        path_params={"task_id": task.id},
        json={"recurrence": "monthly"},
        headers={"If-Match": f'"task-{task.id}-v1"'},
    )


def _draft_task_delete(ctx: Ctx) -> Prepared:
    task = _task(ctx, _plan(ctx, PlanStatus.draft))
    return Prepared(path_params={"task_id": task.id}, headers={"If-Match": f'"task-{task.id}-v1"'})


def _assignment(ctx: Ctx) -> Assignment:
    """The lead assignment of a Tiên Lữ agency in an issued internal plan of Tiên Lữ."""
    agency = _agency(ctx)
    plan = _plan(ctx, PlanStatus.issued)
    task = _task(ctx, plan, agency)
    assert plan.id is not None and task.id is not None and agency.id is not None
    assignment = Assignment(
        task_id=task.id,
        plan_id=plan.id,
        assignee_agency_id=agency.id,
        assignee_unit_id=ctx.owner_unit,
        role=AssignmentRole.lead,
    )
    ctx.db.add(assignment)
    ctx.db.flush()
    return assignment


def _assignment_read(ctx: Ctx) -> Prepared:
    return Prepared(path_params={"assignment_id": _assignment(ctx).id})


def _assignment_patch(ctx: Ctx) -> Prepared:
    assignment = _assignment(ctx)
    return Prepared(
        path_params={"assignment_id": assignment.id},
        json={"status": "in_progress", "progress_note": "Đã phát 4 buổi trong tháng 1."},
        headers={"If-Match": f'"assignment-{assignment.id}-v1"'},
    )


# The successor (xã Tiên Hoa) reads Tiên Lữ's plans, drafts included (its history), and never
# writes them: a visible plan it may not change is a 403.
READ_ISSUED = statuses(200, 200, 200, 404, 404, successor=200)
WRITE_DRAFT = statuses(200, 403, 404, 404, 404, successor=403)
WRITE_ISSUED = statuses(200, 403, 403, 404, 404, successor=403)

CASES: dict[str, Case] = {
    "GET /api/v1/topics": Case(role=Role.viewer, expect=everyone(200)),
    "GET /api/v1/channel-types": Case(role=Role.viewer, expect=everyone(200)),
    "GET /api/v1/indicators": Case(role=Role.viewer, expect=everyone(200)),
    "GET /api/v1/plans": Case(role=Role.viewer, expect=everyone(200)),
    "POST /api/v1/plans": Case(
        role=Role.officer,
        expect=statuses(201, 403, 403, 403, 403, successor=403),
        setup=_new_plan,
    ),
    "GET /api/v1/plans/{plan_id}": Case(role=Role.viewer, expect=READ_ISSUED, setup=_issued),
    "PATCH /api/v1/plans/{plan_id}": Case(
        role=Role.officer, expect=WRITE_DRAFT, setup=_draft_patch
    ),
    "DELETE /api/v1/plans/{plan_id}": Case(
        role=Role.officer,
        expect=statuses(204, 403, 404, 404, 404, successor=403),
        setup=_draft_delete,
    ),
    "POST /api/v1/plans/{plan_id}/issue": Case(
        role=Role.leader, expect=WRITE_DRAFT, setup=_draft_issue
    ),
    "POST /api/v1/plans/{plan_id}/close": Case(
        role=Role.leader, expect=WRITE_ISSUED, setup=_issued
    ),
    "POST /api/v1/plans/{plan_id}/amend": Case(
        role=Role.officer, expect=statuses(201, 403, 403, 404, 404, successor=403), setup=_issued
    ),
    "GET /api/v1/plans/{plan_id}/implementation": Case(
        role=Role.viewer, expect=READ_ISSUED, setup=_issued
    ),
    "GET /api/v1/plans/{plan_id}/tasks": Case(role=Role.viewer, expect=READ_ISSUED, setup=_issued),
    "POST /api/v1/plans/{plan_id}/tasks": Case(
        role=Role.officer,
        expect=statuses(201, 403, 404, 404, 404, successor=403),
        setup=_new_task,
    ),
    "GET /api/v1/tasks/{task_id}": Case(role=Role.viewer, expect=READ_ISSUED, setup=_issued_task),
    "PATCH /api/v1/tasks/{task_id}": Case(
        role=Role.officer, expect=WRITE_DRAFT, setup=_draft_task_patch
    ),
    "DELETE /api/v1/tasks/{task_id}": Case(
        role=Role.officer,
        expect=statuses(204, 403, 404, 404, 404, successor=403),
        setup=_draft_task_delete,
    ),
    "GET /api/v1/assignments": Case(role=Role.viewer, expect=everyone(200)),
    "GET /api/v1/assignments/{assignment_id}": Case(
        role=Role.viewer, expect=READ_ISSUED, setup=_assignment_read
    ),
    # The full schedule is read exactly where the assignment is.
    "GET /api/v1/assignments/{assignment_id}/due-dates": Case(
        role=Role.viewer, expect=READ_ISSUED, setup=_assignment_read
    ),
    # The leader of Tiên Lữ answers for the assignments of Tiên Lữ's agencies.
    "PATCH /api/v1/assignments/{assignment_id}": Case(
        role=Role.leader, expect=WRITE_ISSUED, setup=_assignment_patch
    ),
}
