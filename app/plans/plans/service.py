"""Plans: reading within scope, listing with filters, and editing drafts."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Row, and_, bindparam, delete, insert, or_
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.access.scope import (
    Caller,
    caller_shape,
    scope_values,
    unit_path_of,
    unit_subtree_filter,
)
from app.audit.service import record, snapshot
from app.core.clock import utcnow
from app.core.db import flush, for_update, table
from app.core.docnumber import format_plan_number
from app.core.errors import Conflict, Forbidden, NotFound, ValidationProblem
from app.core.pagination import Filters, SortKey, shaped_page
from app.core.reads import Program
from app.core.statements import shaped
from app.core.text import fold, like_pattern, matches_folded
from app.plans.access import PUBLISHED, plan_visible
from app.plans.plans.models import Plan, PlanStatus, PlanTopic
from app.plans.plans.schemas import PlanCreate, PlanUpdate
from app.plans.recurrence import period_problem
from app.plans.tasks.models import Task
from app.reference.data import TOPIC_CODES
from app.reference.models import Topic
from app.reference.service import topic_and_below
from app.units.models import AdminUnit
from app.units.reform import lineage, require_in_force

_REQUIRED = ("title", "period_start", "period_end", "symbol", "visibility")
_JSON_LISTS = ("legal_bases", "purposes", "requirements", "recipients")


# What a plan summary shows (PlanSummary): lists select these, never the JSON columns.
SUMMARY_COLUMNS = tuple(
    col(getattr(Plan, name))
    for name in (
        "id",
        "unit_id",
        "number",
        "symbol",
        "title",
        "issued_on",
        "period_start",
        "period_end",
        "status",
        "visibility",
        "parent_plan_id",
        "supersedes_id",
        "task_count",
        "version",
    )
)


# The issuing unit, joined for its name (an alias: the scope filters' subqueries read admin_unit).
# Built once: an alias and its labelled column cost more to make per request than the query.
_ISSUER = aliased(AdminUnit)
_LIST = sa_select(*SUMMARY_COLUMNS, col(_ISSUER.name).label("unit_name")).join(
    _ISSUER,
    _ISSUER.id == Plan.unit_id,  # type: ignore[arg-type]
)


def number_text(plan: Plan | Row[Any] | Mapping[str, Any]) -> str:
    if isinstance(plan, Mapping):
        return format_plan_number(plan["number"], plan["symbol"])
    return format_plan_number(plan.number, plan.symbol)


# --- reading ------------------------------------------------------------------------------


def _visible_by_id(caller: Caller, plan_id: int, kind: str, selected: Any) -> tuple[Any, Any]:
    """`selected` (the entity or the table's columns) of the plan `plan_id` if the caller may
    read it: a statement built once per caller shape, and its values."""
    values = {**scope_values(caller), "plan_id": plan_id}

    def build() -> Any:
        return selected.where(col(Plan.id) == bindparam("plan_id"), plan_visible(caller))

    return shaped((kind, caller_shape(caller)), build, values), values


def _not_found(plan_id: int) -> NotFound:
    return NotFound(f"Không tìm thấy kế hoạch mã {plan_id}.")


def get_plan(session: Session, caller: Caller, plan_id: int) -> Plan:
    """The plan if the caller may read it; 404 alike for a missing and an invisible one."""
    stmt, values = _visible_by_id(caller, plan_id, "plan", select(Plan))
    plan: Plan | None = session.exec(stmt, params=values).first()
    if plan is None:
        raise _not_found(plan_id)
    return plan


def lock_plan(session: Session, caller: Caller, plan_id: int) -> Plan:
    """The visible plan, locked until the request's transaction ends: every write to a plan or
    its tasks, and every transition, takes this lock first and checks the state under it."""
    stmt = for_update(select(Plan).where(Plan.id == plan_id, plan_visible(caller)), Plan)
    plan = session.exec(stmt).first()
    if plan is None:
        raise _not_found(plan_id)
    return plan


_LATER = aliased(Plan)
# Built once: the plan's columns with its unit's name and the published amendment that replaced
# it (one statement), and its topic codes in catalogue order.
_WITH_HEADER = sa_select(
    *table(Plan).c,
    col(_ISSUER.name).label("unit_name"),
    sa_select(col(_LATER.id))
    .where(col(_LATER.supersedes_id) == Plan.id, col(_LATER.status).in_(PUBLISHED))
    .limit(1)
    .scalar_subquery()
    .label("superseded_by_id"),
).join(_ISSUER, col(_ISSUER.id) == Plan.unit_id)
_BY_ID = _WITH_HEADER.where(col(Plan.id) == bindparam("plan_id"))
_TOPICS = (
    sa_select(col(Topic.code))
    .join(PlanTopic, col(PlanTopic.topic_id) == Topic.id)
    .where(col(PlanTopic.plan_id) == bindparam("plan_id"))
    .order_by(col(Topic.id))
)


def visible_plan(caller: Caller, plan_id: int) -> Program[dict[str, Any]]:
    """The plan's columns, unit name and replacing amendment if the caller may read it (404 as
    `get_plan`), as a read program."""
    found = yield _visible_by_id(caller, plan_id, "plan_row", _WITH_HEADER)
    if not found:
        raise _not_found(plan_id)
    return found[0]._asdict()


def plan_row(plan_id: int) -> Program[dict[str, Any]]:
    """The same for a write's answer: the plan its own transaction holds, whoever may read it."""
    found = yield _BY_ID, {"plan_id": plan_id}
    return found[0]._asdict()


def plan_header(plan: Mapping[str, Any]) -> Program[dict[str, Any]]:
    """What the detail adds to the plan's row (`visible_plan`, `plan_row`): its topic codes and
    what replaced an abolished issuing unit."""
    topics = yield _TOPICS, {"plan_id": plan["id"]}
    unit_lineage = yield from lineage(plan["unit_id"])
    return {"topics": [code for (code,) in topics], **unit_lineage.fields()}


# Newest issue date first, drafts (no date) last; the index ix_plan_listing serves this order.
_LIST_KEYS = (
    SortKey(
        col(Plan.issued_on),
        lambda row: row.issued_on,
        descending=True,
        parse=date.fromisoformat,
        nullable=True,
    ),
    SortKey(col(Plan.id), lambda row: row.id, descending=True, parse=int),
)
# The list's filters, keyed by the parameter a request binds for each (see shaped_page).
_LIST_FILTERS: Filters = {
    "unit_id": lambda: col(Plan.unit_id) == bindparam("unit_id"),
    "unit_path": lambda: unit_subtree_filter(bindparam("unit_path"), col(Plan.unit_id)),
    "year_start": lambda: and_(
        col(Plan.period_start) <= bindparam("year_end"),
        col(Plan.period_end) >= bindparam("year_start"),
    ),
    "status": lambda: col(Plan.status) == bindparam("status"),
    "topic": lambda: col(Plan.id).in_(
        select(PlanTopic.plan_id).where(
            col(PlanTopic.topic_id).in_(topic_and_below(bindparam("topic")))
        )
    ),
    "parent_plan_id": lambda: col(Plan.parent_plan_id) == bindparam("parent_plan_id"),
    "q_pattern": lambda: matches_folded(col(Plan.title_folded), bindparam("q_pattern")),
}


_UNIT_PATH = sa_select(col(AdminUnit.path)).where(col(AdminUnit.id) == bindparam("unit_id"))


def list_plans(
    caller: Caller,
    *,
    unit_id: int | None,
    include_subtree: bool,
    year: int | None,
    status: PlanStatus | None,
    topic: str | None,
    parent_plan_id: int | None,
    q: str | None,
    limit: int,
    cursor: str | None,
) -> Program[tuple[list[Row[Any]], str | None]]:
    """One page of visible plans — the summary's columns and the unit's name, not whole rows —
    newest issue date first, drafts last (a read program: core.reads)."""
    values: dict[str, Any] = scope_values(caller)
    if unit_id is not None and include_subtree:
        found = yield _UNIT_PATH, {"unit_id": unit_id}
        if not found:
            return [], None
        values["unit_path"] = found[0].path
    elif unit_id is not None:
        values["unit_id"] = unit_id
    if year is not None:
        values.update(year_start=date(year, 1, 1), year_end=date(year, 12, 31))
    if status is not None:
        values["status"] = status
    if topic:
        if topic not in TOPIC_CODES:
            raise ValidationProblem.for_field(
                "query.topic", f"Mã chủ đề không có trong danh mục (GET /api/v1/topics): «{topic}»"
            )
        values["topic"] = topic
    if parent_plan_id is not None:
        values["parent_plan_id"] = parent_plan_id
    if q and fold(q):
        values["q_pattern"] = like_pattern(q)
    return (
        yield from shaped_page(
            ("plans", caller_shape(caller)),
            lambda: _LIST.where(plan_visible(caller)),
            _LIST_FILTERS,
            values,
            _LIST_KEYS,
            limit,
            cursor,
        )
    )


# --- drafts -------------------------------------------------------------------------------


def _check_period(start: date, end: date) -> None:
    if problem := period_problem(start, end):
        raise ValidationProblem.for_field("body.period_end", problem)


def _check_tasks_inside(session: Session, plan: Plan, start: date, end: date, field: str) -> None:
    """A draft's period does not move past the dates of its tasks."""
    dates = (col(Task.start_on), col(Task.end_on), col(Task.due_on))
    outside = session.exec(
        select(Task.ordinal).where(
            Task.plan_id == plan.id, or_(*(or_(d < start, d > end) for d in dates))
        )
    ).first()
    if outside is not None:
        raise ValidationProblem.for_field(
            f"body.{field}",
            f"Nhiệm vụ {outside} có ngày nằm ngoài kỳ mới; sửa ngày của nhiệm vụ trước.",
        )


def _check_parent(session: Session, caller: Caller, plan: Plan, parent_id: int | None) -> None:
    """A plan implements a plan of an ancestor unit, or an earlier plan of its own unit.

    A parent the caller cannot read gets the same 422 as a missing one: existence stays hidden.
    """
    if parent_id is None:
        return
    invalid = ValidationProblem.for_field(
        "body.parent_plan_id",
        "Kế hoạch cấp trên phải là kế hoạch đã ban hành của đơn vị cấp trên, hoặc kế hoạch đã "
        "ban hành trước đó của chính đơn vị.",
    )
    unit = aliased(AdminUnit)  # not the table the scope subqueries read
    row = session.exec(
        select(Plan.status, unit.path)
        .join(unit, unit.id == Plan.unit_id)  # type: ignore[arg-type]
        .where(Plan.id == parent_id, plan_visible(caller))
    ).first()
    if row is None or parent_id == plan.id or row[0] not in PUBLISHED:
        raise invalid
    issuer_path = unit_path_of(session, plan.unit_id)
    own_or_ancestor = issuer_path.startswith(row[1])
    if not own_or_ancestor:
        raise invalid


def _set_topics(session: Session, plan_id: int, codes: list[str]) -> None:
    session.exec(delete(PlanTopic).where(col(PlanTopic.plan_id) == plan_id))
    if not codes:
        return
    ids = dict(session.exec(select(Topic.code, Topic.id).where(col(Topic.code).in_(codes))).all())
    rows = [{"plan_id": plan_id, "topic_id": ids[c]} for c in codes if c in ids]
    if rows:
        session.execute(insert(PlanTopic), rows)


def create_plan(
    session: Session, caller: Caller, data: PlanCreate, *, today: date | None = None
) -> Plan:
    """A new draft; `today` (Vietnam's, by default) is the day its unit must be in force on."""
    if caller.unit_id is None:
        raise Forbidden("Tài khoản cấp toàn quốc không ban hành kế hoạch của đơn vị.")
    unit_id = data.unit_id if data.unit_id is not None else caller.unit_id
    if unit_id != caller.unit_id:
        unit_path_of(session, unit_id)  # 422 for a unit that does not exist
        raise Forbidden("Chỉ được tạo kế hoạch của chính đơn vị mình.", code="not_issuing_unit")
    require_in_force(session, unit_id, today, "body.unit_id")
    _check_period(data.period_start, data.period_end)
    fields = data.model_dump(exclude={"unit_id", "topics", "legal_bases", "budget"})
    fields = {k: v for k, v in fields.items() if v is not None}
    plan = Plan(
        **fields,
        unit_id=unit_id,
        title_folded=fold(data.title),
        legal_bases=[b.model_dump(mode="json") for b in data.legal_bases or []],
        budget=data.budget.model_dump(mode="json") if data.budget else None,
        status=PlanStatus.draft,
        created_by=caller.user_id,
    )
    _check_parent(session, caller, plan, data.parent_plan_id)
    session.add(plan)
    flush(session)
    assert plan.id is not None
    _set_topics(session, plan.id, data.topics or [])
    record(session, caller, "create", "plan", plan.id, plan.unit_id, after=snapshot(plan))
    return plan


def require_draft(plan: Plan, action: str = "sửa") -> None:
    if plan.status != PlanStatus.draft:
        raise Conflict(
            f"Kế hoạch đã ban hành (trạng thái {plan.status.value}) không được {action} trực "
            "tiếp; hãy tạo bản sửa đổi (POST /plans/{id}/amend).",
            code="plan_not_draft",
        )


def update_plan(session: Session, caller: Caller, plan: Plan, data: PlanUpdate) -> Plan:
    require_draft(plan)
    changes = data.model_dump(exclude_unset=True)
    for name in _REQUIRED:
        if name in changes and changes[name] is None:
            raise ValidationProblem.for_field(f"body.{name}", "Trường này không được để trống.")
    before = snapshot(plan)
    topics = changes.pop("topics", None)
    if "legal_bases" in changes:
        changes["legal_bases"] = [b.model_dump(mode="json") for b in data.legal_bases or []]
    if "budget" in changes:
        changes["budget"] = data.budget.model_dump(mode="json") if data.budget else None
    for name in _JSON_LISTS:
        if name in changes and changes[name] is None:
            changes[name] = []
    start = changes.get("period_start", plan.period_start)
    end = changes.get("period_end", plan.period_end)
    _check_period(start, end)
    if (start, end) != (plan.period_start, plan.period_end):
        field = "period_start" if start != plan.period_start else "period_end"
        _check_tasks_inside(session, plan, start, end, field)
    if "parent_plan_id" in changes:
        _check_parent(session, caller, plan, changes["parent_plan_id"])
    for key, value in changes.items():
        setattr(plan, key, value)
    plan.title_folded = fold(plan.title)
    touch(plan)
    session.add(plan)
    flush(session)
    if topics is not None or "topics" in data.model_fields_set:
        assert plan.id is not None
        _set_topics(session, plan.id, topics or [])
    record(session, caller, "update", "plan", plan.id, plan.unit_id, before, snapshot(plan))
    return plan


def touch(plan: Plan) -> None:
    """Every change to a plan or its tasks updates the plan row, which gives it a new version
    (and ETag): the version column is bumped by the database update itself (`Versioned`)."""
    plan.updated_at = utcnow()


def delete_plan(session: Session, caller: Caller, plan: Plan) -> None:
    require_draft(plan, "xóa")
    before = snapshot(plan)
    session.delete(plan)
    flush(session)
    record(session, caller, "delete", "plan", plan.id, plan.unit_id, before=before)
