"""Logging activities: one, a batch (all rows or none), changes and deletion.

A batch is checked as a whole before anything is written (every row's problems in one 422), then
written with one bulk insert per table; a single activity takes the same path with one row.
"""

from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, insert
from sqlmodel import Session, col

from app.access.scope import Caller
from app.audit.service import record, record_many, snapshot
from app.channels.activities import topics_and_quantities
from app.channels.activity_schemas import MAX_BATCH, ActivityCreate, ActivityUpdate
from app.channels.models import Activity, ActivityQuantity, ActivityTopic
from app.channels.rules import Checked, check_rows, find_problems, problem
from app.core.clock import utcnow
from app.core.db import flush, table
from app.core.errors import FieldProblem, ValidationProblem, field_problems
from app.core.text import fold
from app.reference.service import topic_ids


def _row_values(caller: Caller, c: Checked, now: Any) -> dict[str, Any]:
    assert c.channel.id is not None
    return {
        "unit_id": c.unit_id,
        "channel_id": c.channel.id,
        "channel_type": c.channel.channel_type,
        "occurred_on": c.data.occurred_on,
        "task_id": c.task_id,
        "assignment_id": c.data.assignment_id,
        "title": c.data.title,
        "title_folded": fold(c.data.title),
        "url": c.data.url,
        "cost_vnd": c.data.cost_vnd,
        "language": c.language,
        "public": bool(c.data.public),
        "created_by": caller.user_id,
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }


def _write_details(session: Session, rows: list[tuple[int, ActivityCreate]]) -> None:
    """Topic and quantity rows of freshly written activities."""
    ids = topic_ids(session, {code for _, data in rows for code in data.topics or []})
    topics = [
        {"activity_id": activity_id, "topic_id": ids[code]}
        for activity_id, data in rows
        for code in data.topics or []
    ]
    if topics:
        session.execute(insert(table(ActivityTopic)), topics)
    quantities = [
        {"activity_id": activity_id, "indicator_code": code, "value": value}
        for activity_id, data in rows
        for code, value in data.quantities.items()
    ]
    if quantities:
        session.execute(insert(table(ActivityQuantity)), quantities)


def _audited(values: dict[str, Any], data: ActivityCreate) -> dict[str, Any]:
    kept = {
        k: v for k, v in values.items() if k not in ("title_folded", "created_at", "updated_at")
    }
    kept["occurred_on"] = data.occurred_on.isoformat()
    return {**kept, "topics": data.topics or [], "quantities": data.quantities}


def write_activities(session: Session, caller: Caller, checked: list[Checked]) -> list[int]:
    """Insert checked rows with their topics, quantities and audit entries; ids in row order."""
    now = utcnow()
    values = [_row_values(caller, c, now) for c in checked]
    activity = table(Activity)
    stmt = insert(activity).returning(activity.c.id, sort_by_parameter_order=True)
    ids: list[int] = list(session.scalars(stmt, values))
    _write_details(session, [(i, c.data) for i, c in zip(ids, checked, strict=True)])
    record_many(
        session,
        caller,
        "create",
        "activity",
        [
            (i, c.unit_id, {"id": i, **_audited(v, c.data)})
            for i, c, v in zip(ids, checked, values, strict=True)
        ],
    )
    return ids


def create_activity(session: Session, caller: Caller, data: ActivityCreate) -> int:
    checked = check_rows(session, caller, [data], ["body."])
    return write_activities(session, caller, checked)[0]


def _row_index(problem: FieldProblem) -> int:
    return int(problem.field.split(".")[1])


def import_activities(session: Session, caller: Caller, rows: list[Any]) -> list[int]:
    """A batch: every row valid and written, or none (one 422 listing each row's problems,
    both the malformed fields and the broken rules, under `body.<row>.`)."""
    if len(rows) > MAX_BATCH:
        raise ValidationProblem.for_field(
            "body", f"Mỗi lô tối đa {MAX_BATCH} dòng; đã nhận {len(rows)} dòng."
        )
    if not rows:
        raise ValidationProblem.for_field("body", "Lô rỗng: gửi ít nhất một dòng.")
    parsed: list[ActivityCreate] = []
    prefixes: list[str] = []
    problems: list[FieldProblem] = []
    for n, row in enumerate(rows):
        try:
            parsed.append(
                row if isinstance(row, ActivityCreate) else ActivityCreate.model_validate(row)
            )
            prefixes.append(f"body.{n}.")
        except ValidationError as exc:
            problems += field_problems(exc.errors(), ("body", n))
    checked, broken = find_problems(session, caller, parsed, prefixes)
    if problems or broken:
        raise problem(sorted(problems + broken, key=_row_index))
    return write_activities(session, caller, checked)


def update_activity(
    session: Session, caller: Caller, activity: Activity, data: ActivityUpdate
) -> Activity:
    """Apply the changes sent, then check the activity as a whole, as if logged anew."""
    assert activity.id is not None
    changes = data.model_dump(exclude_unset=True)
    for name in ("channel_id", "occurred_on", "title", "quantities", "language", "public"):
        if name in changes and changes[name] is None:
            raise ValidationProblem.for_field(f"body.{name}", "Trường này không được để trống.")
    topics, quantities = topics_and_quantities(session, [activity.id])
    current = {
        **activity.model_dump(
            include={"unit_id", "channel_id", "occurred_on", "task_id", "assignment_id", "title"}
            | {"url", "cost_vnd", "language", "public"}
        ),
        "topics": topics.get(activity.id, []),
        "quantities": quantities.get(activity.id, {}),
    }
    merged = ActivityCreate.model_validate({**current, **changes})
    if "assignment_id" in changes and "task_id" not in changes:
        merged.task_id = None  # taken from the new assignment
    (checked,) = check_rows(session, caller, [merged], ["body."])
    before = snapshot(activity)
    values = _row_values(caller, checked, utcnow())
    for key in ("created_by", "created_at", "version"):
        values.pop(key)
    for key, value in values.items():
        setattr(activity, key, value)
    session.add(activity)
    flush(session)
    session.execute(delete(ActivityTopic).where(col(ActivityTopic.activity_id) == activity.id))
    session.execute(
        delete(ActivityQuantity).where(col(ActivityQuantity.activity_id) == activity.id)
    )
    _write_details(session, [(activity.id, merged)])
    after = {
        **(snapshot(activity) or {}),
        "topics": merged.topics or [],
        "quantities": merged.quantities,
    }
    record(session, caller, "update", "activity", activity.id, activity.unit_id, before, after)
    return activity


def delete_activity(session: Session, caller: Caller, activity: Activity) -> None:
    before = snapshot(activity)
    session.delete(activity)
    flush(session)
    record(session, caller, "delete", "activity", activity.id, activity.unit_id, before=before)
