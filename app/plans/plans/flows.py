"""A plan's life: draft → issued → closed; an issued plan changes only through an amendment.

Amendment rule: `amend` copies an issued plan (with its tasks and topics) into a new draft whose
`supersedes_id` names the original; only one such draft may be open at a time. When the
amendment is issued (with its own number), the original is closed (`status = closed`, its detail
shows `superseded_by_id`), and the amendment's tasks are fanned out afresh. The original's
assignments stay as they were, for the record.
"""

from sqlalchemy import insert
from sqlmodel import Session, col, select

from app.access.scope import Caller
from app.audit.service import record, snapshot
from app.core.clock import utcnow
from app.core.db import flush
from app.core.errors import Conflict, ValidationProblem
from app.plans.access import require_issuing_unit
from app.plans.assignments.service import fan_out_assignments
from app.plans.plans.models import Plan, PlanStatus, PlanTopic
from app.plans.plans.schemas import PlanIssue
from app.plans.plans.service import number_text, require_draft, touch
from app.plans.tasks.models import Task
from app.units.reform import require_in_force


def _check_number_free(session: Session, plan: Plan, number: int, year: int) -> None:
    """Decree 30/2020/NĐ-CP: numbers restart each year, per issuer and document type."""
    taken = session.exec(
        select(Plan.id, Plan.title).where(
            Plan.unit_id == plan.unit_id,
            Plan.symbol == plan.symbol,
            Plan.number_year == year,
            Plan.number == number,
        )
    ).first()
    if taken is not None:
        raise Conflict(
            f"Số {number}/{plan.symbol} năm {year} đã được dùng cho kế hoạch «{taken[1]}» "
            f"(mã {taken[0]}) của đơn vị; hãy chọn số khác.",
            code="plan_number_taken",
        )


def issue_plan(session: Session, caller: Caller, plan: Plan, data: PlanIssue) -> Plan:
    require_issuing_unit(caller, plan, "ban hành")
    require_draft(plan, "ban hành lại")
    require_in_force(session, plan.unit_id, data.issued_on, "body.issued_on")
    signer = data.signer_name or plan.signer_name
    if not signer:
        raise ValidationProblem.for_field(
            "body.signer_name", "Cần tên người ký để ban hành kế hoạch."
        )
    _check_number_free(session, plan, data.number, data.issued_on.year)
    before = snapshot(plan)
    plan.number = data.number
    plan.number_year = data.issued_on.year
    plan.issued_on = data.issued_on
    plan.signer_name = signer
    plan.signer_title = data.signer_title or plan.signer_title
    plan.signing_mode = data.signing_mode or plan.signing_mode
    plan.effective_on = data.effective_on or plan.effective_on
    plan.status = PlanStatus.issued
    touch(plan)
    session.add(plan)
    flush(session)
    if plan.supersedes_id is not None:
        _close_superseded(session, caller, plan.supersedes_id)
    fan_out_assignments(session, plan)
    record(session, caller, "issue", "plan", plan.id, plan.unit_id, before, snapshot(plan))
    return plan


def _close_superseded(session: Session, caller: Caller, old_id: int) -> None:
    old = session.get(Plan, old_id, with_for_update=True, populate_existing=True)
    if old is None or old.status != PlanStatus.issued:
        return
    before = snapshot(old)
    old.status = PlanStatus.closed
    touch(old)
    session.add(old)
    flush(session)
    record(session, caller, "supersede", "plan", old.id, old.unit_id, before, snapshot(old))


def close_plan(session: Session, caller: Caller, plan: Plan) -> Plan:
    require_issuing_unit(caller, plan, "kết thúc")
    if plan.status != PlanStatus.issued:
        raise Conflict(
            f"Chỉ kết thúc được kế hoạch đang có hiệu lực; kế hoạch {number_text(plan)} đang ở "
            f"trạng thái {plan.status.value}.",
            code="plan_not_issued",
        )
    before = snapshot(plan)
    plan.status = PlanStatus.closed
    touch(plan)
    session.add(plan)
    flush(session)
    record(session, caller, "close", "plan", plan.id, plan.unit_id, before, snapshot(plan))
    return plan


_NOT_COPIED = {"id", "number", "number_year", "issued_on", "status", "supersedes_id", "version"}


def amend_plan(session: Session, caller: Caller, plan: Plan) -> Plan:
    """A new draft copying the issued plan, to be issued in its place."""
    require_issuing_unit(caller, plan, "sửa đổi")
    if plan.status != PlanStatus.issued:
        raise Conflict(
            "Chỉ kế hoạch đang có hiệu lực mới được sửa đổi; dự thảo thì sửa trực tiếp.",
            code="plan_not_issued",
        )
    require_in_force(session, plan.unit_id, None, "path.plan_id")  # an amendment is a new plan
    open_draft = session.exec(
        select(Plan.id).where(Plan.supersedes_id == plan.id, Plan.status == PlanStatus.draft)
    ).first()
    if open_draft is not None:
        raise Conflict(
            f"Kế hoạch đã có bản sửa đổi đang soạn (mã {open_draft}); hãy hoàn thiện bản đó.",
            code="amendment_exists",
        )
    now = utcnow()
    fields = plan.model_dump(exclude=_NOT_COPIED | {"created_at", "updated_at", "created_by"})
    draft = Plan(
        **fields,
        status=PlanStatus.draft,
        supersedes_id=plan.id,
        created_by=caller.user_id,
        created_at=now,
        updated_at=now,
    )
    session.add(draft)
    flush(session)
    assert draft.id is not None and plan.id is not None
    tasks = session.exec(select(Task).where(Task.plan_id == plan.id).order_by(col(Task.position)))
    rows = [
        {**t.model_dump(exclude={"id", "plan_id", "version"}), "plan_id": draft.id, "version": 1}
        for t in tasks
    ]
    if rows:
        session.execute(insert(Task), rows)
    topics = [
        {"plan_id": draft.id, "topic_id": topic_id}
        for topic_id in session.exec(select(PlanTopic.topic_id).where(PlanTopic.plan_id == plan.id))
    ]
    if topics:
        session.execute(insert(PlanTopic), topics)
    record(session, caller, "amend", "plan", draft.id, draft.unit_id, after=snapshot(draft))
    return draft
