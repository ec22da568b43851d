"""Activities: reading within scope and listing with filters, newest first."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.access.scope import Caller, unit_subtree_filter
from app.channels.access import activity_visible
from app.channels.activity_schemas import ActivityRead
from app.channels.models import Activity, ActivityQuantity, ActivityTopic, Channel
from app.core.db import for_update
from app.core.errors import NotFound, ValidationProblem
from app.core.pagination import SortKey, paginate
from app.core.text import fold, like_pattern
from app.reference.data import COUNTS_BY_CHANNEL_TYPE, TOPIC_CODES
from app.reference.models import Topic
from app.reference.service import topic_and_below
from app.units.models import AdminUnit

_Row = tuple[Activity, str, str]


def _select() -> Any:
    unit = aliased(AdminUnit)
    channel = aliased(Channel)
    return (
        sa_select(Activity, col(unit.name), col(channel.name))
        .join(unit, col(unit.id) == Activity.unit_id)
        .join(channel, col(channel.id) == Activity.channel_id)
    )


def get_activity(session: Session, caller: Caller, activity_id: int) -> _Row:
    row = session.execute(
        _select().where(Activity.id == activity_id, activity_visible(caller))
    ).first()
    if row is None:
        raise NotFound(f"Không tìm thấy hoạt động mã {activity_id}.")
    return (row[0], row[1], row[2])


def lock_activity(session: Session, caller: Caller, activity_id: int) -> Activity:
    """The visible activity, locked until the request's transaction ends."""
    stmt = for_update(select(Activity).where(Activity.id == activity_id, activity_visible(caller)))
    activity = session.exec(stmt).first()
    if activity is None:
        raise NotFound(f"Không tìm thấy hoạt động mã {activity_id}.")
    return activity


def topics_and_quantities(
    session: Session, ids: Sequence[int]
) -> tuple[dict[int, list[str]], dict[int, dict[str, int]]]:
    """Topic codes and quantities of the activities `ids`, in two statements."""
    topics: dict[int, list[str]] = {}
    quantities: dict[int, dict[str, int]] = {}
    if not ids:
        return topics, quantities
    stmt = (
        select(ActivityTopic.activity_id, Topic.code)
        .join(Topic, col(Topic.id) == ActivityTopic.topic_id)
        .where(col(ActivityTopic.activity_id).in_(ids))
        .order_by(col(Topic.id))
    )
    for activity_id, code in session.exec(stmt):
        topics.setdefault(activity_id, []).append(code)
    stmt_q = select(
        ActivityQuantity.activity_id, ActivityQuantity.indicator_code, ActivityQuantity.value
    ).where(col(ActivityQuantity.activity_id).in_(ids))
    for activity_id, code, value in session.exec(stmt_q):
        quantities.setdefault(activity_id, {})[code] = value
    return topics, quantities


def _in_counted_order(channel_type: str, quantities: dict[str, int]) -> dict[str, int]:
    order = COUNTS_BY_CHANNEL_TYPE.get(channel_type, ())
    return dict(
        sorted(quantities.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
    )


def activity_reads(session: Session, rows: Sequence[_Row]) -> list[ActivityRead]:
    ids = [row[0].id for row in rows if row[0].id is not None]
    topics, quantities = topics_and_quantities(session, ids)
    reads = []
    for activity, unit_name, channel_name in rows:
        assert activity.id is not None
        reads.append(
            ActivityRead(
                **activity.model_dump(exclude={"title_folded", "created_by"}),
                unit_name=unit_name,
                channel_name=channel_name,
                topics=topics.get(activity.id, []),
                quantities=_in_counted_order(
                    activity.channel_type, quantities.get(activity.id, {})
                ),
            )
        )
    return reads


def check_topic_filter(topic: str | None) -> None:
    if topic is not None and topic not in TOPIC_CODES:
        raise ValidationProblem.for_field(
            "query.topic", f"Mã chủ đề không có trong danh mục (GET /api/v1/topics): «{topic}»"
        )


def with_topic(topic: str) -> Any:
    """Activities on `topic` or on a topic below it."""
    return col(Activity.id).in_(
        select(ActivityTopic.activity_id).where(
            col(ActivityTopic.topic_id).in_(topic_and_below(topic))
        )
    )


def list_activities(
    session: Session,
    caller: Caller,
    *,
    unit_id: int | None,
    channel_type: str | None,
    channel_id: int | None,
    topic: str | None,
    task_id: int | None,
    assignment_id: int | None,
    date_from: date | None,
    date_to: date | None,
    public: bool | None,
    q: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[_Row], str | None]:
    """One page of visible activities, newest first."""
    check_topic_filter(topic)
    stmt = _select().where(activity_visible(caller))
    if unit_id is not None:
        path = session.exec(select(AdminUnit.path).where(AdminUnit.id == unit_id)).first()
        if path is None:
            return [], None
        stmt = stmt.where(unit_subtree_filter(path, col(Activity.unit_id)))
    filters: list[tuple[Any, object]] = [
        (col(Activity.channel_type), channel_type),
        (col(Activity.channel_id), channel_id),
        (col(Activity.task_id), task_id),
        (col(Activity.assignment_id), assignment_id),
        (col(Activity.public), public),
    ]
    for column, value in filters:
        if value is not None:
            stmt = stmt.where(column == value)
    if topic is not None:
        stmt = stmt.where(with_topic(topic))
    if date_from is not None:
        stmt = stmt.where(col(Activity.occurred_on) >= date_from)
    if date_to is not None:
        stmt = stmt.where(col(Activity.occurred_on) <= date_to)
    if q and fold(q):
        stmt = stmt.where(col(Activity.title_folded).like(like_pattern(q), escape="\\"))
    keys = [
        SortKey(
            col(Activity.occurred_on),
            lambda row: row[0].occurred_on,
            descending=True,
            parse=date.fromisoformat,
        ),
        SortKey(col(Activity.id), lambda row: row[0].id, descending=True, parse=int),
    ]
    rows: list[Any]
    rows, next_cursor = paginate(session, stmt, keys, limit, cursor)
    return [(r[0], r[1], r[2]) for r in rows], next_cursor
