"""The activity summary: counts and sums by channel type, topic and month for a unit subtree and
a date range, aggregated by the database from the normalised rows in four constant statements."""

from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from app.access.scope import Caller, unit_subtree_filter
from app.channels.activities import check_topic_filter, with_topic
from app.channels.activity_schemas import ActivitySummary, Figures, SummaryRow
from app.channels.models import Activity, ActivityQuantity, ActivityTopic
from app.core.errors import NotFound, ValidationProblem
from app.core.sqlexpr import total, year_month
from app.reference.models import Topic
from app.reference.service import topic_and_below
from app.units.models import AdminUnit


class Dimension(StrEnum):
    channel_type = "channel_type"
    topic = "topic"
    month = "month"


def _scope(
    session: Session, caller: Caller, unit_id: int | None
) -> tuple[int | None, str | None, str | None]:
    """The subtree summarised: (unit id, name, path), or the whole country for a national caller."""
    unit_id = unit_id if unit_id is not None else caller.unit_id
    if unit_id is None:
        return None, None, None
    unit = session.exec(
        select(AdminUnit.name, AdminUnit.path).where(AdminUnit.id == unit_id)
    ).first()
    if unit is None or not caller.owns_path(unit[1]):
        raise NotFound(f"Không tìm thấy đơn vị mã {unit_id} trong phạm vi của tài khoản.")
    return unit_id, unit[0], unit[1]


def _dimensions(dims: list[Dimension], topic: str | None) -> tuple[list[Any], list[Any]]:
    """The grouped expressions (labelled) and the joins they need."""
    columns: list[Any] = []
    joins: list[Any] = []
    for dim in dims:
        if dim is Dimension.channel_type:
            columns.append(col(Activity.channel_type).label("channel_type"))
        elif dim is Dimension.month:
            columns.append(year_month(col(Activity.occurred_on)).label("month"))
        else:
            on = col(ActivityTopic.activity_id) == Activity.id
            if topic is not None:  # only the filtered topics make topic rows
                on = and_(on, col(ActivityTopic.topic_id).in_(topic_and_below(topic)))
            joins += [(ActivityTopic, on), (Topic, col(Topic.id) == ActivityTopic.topic_id)]
            columns.append(col(Topic.code).label("topic"))
    return columns, joins


_CODE: Any = col(ActivityQuantity.indicator_code).label("indicator_code")
_COUNTED = (
    func.count(col(Activity.id)).label("n"),
    total(Activity.cost_vnd).label("cost"),
)
_SUMMED = (_CODE, total(ActivityQuantity.value).label("total"))


def _aggregate(
    session: Session, where: list[Any], columns: list[Any], joins: list[Any], quantities: bool
) -> list[Any]:
    """Activities (or, with `quantities`, their quantity rows) in `where`, grouped by `columns`."""
    measures = _SUMMED if quantities else _COUNTED
    stmt = sa_select(*columns, *measures).select_from(Activity)
    if quantities:
        stmt = stmt.join(ActivityQuantity, col(ActivityQuantity.activity_id) == Activity.id)
    for target, on in joins:
        stmt = stmt.join(target, on, isouter=True)
    group = [*columns, _CODE] if quantities else columns
    stmt = stmt.where(*where)
    if group:
        stmt = stmt.group_by(*group)
    return list(session.execute(stmt))


def summarise(
    session: Session,
    caller: Caller,
    *,
    unit_id: int | None,
    date_from: date,
    date_to: date,
    channel_type: str | None,
    topic: str | None,
    group_by: list[Dimension],
) -> ActivitySummary:
    if date_to < date_from:
        raise ValidationProblem.for_field("query.date_to", "Đến ngày phải không trước từ ngày.")
    check_topic_filter(topic)
    root_id, root_name, path = _scope(session, caller, unit_id)
    where: list[ColumnElement[bool]] = [
        col(Activity.occurred_on) >= date_from,
        col(Activity.occurred_on) <= date_to,
    ]
    if path is not None:
        where.append(unit_subtree_filter(path, col(Activity.unit_id)))
    if channel_type is not None:
        where.append(col(Activity.channel_type) == channel_type)
    if topic is not None:
        where.append(with_topic(topic))
    dims = list(dict.fromkeys(group_by))
    (total,) = _aggregate(session, where, [], [], quantities=False)
    summed = _aggregate(session, where, [], [], quantities=True)
    totals = Figures(
        activities=total.n,
        cost_vnd=total.cost,
        quantities={r.indicator_code: r.total for r in summed},
    )
    rows: dict[tuple[Any, ...], SummaryRow] = {}
    if dims:
        columns, joins = _dimensions(dims, topic)
        names = [c.name for c in columns]
        for r in _aggregate(session, where, columns, joins, quantities=False):
            rows[tuple(getattr(r, n) for n in names)] = SummaryRow(
                channel_type=getattr(r, "channel_type", None),
                topic=getattr(r, "topic", None),
                month=getattr(r, "month", None),
                activities=r.n,
                cost_vnd=r.cost,
                quantities={},
            )
        for r in _aggregate(session, where, columns, joins, quantities=True):
            rows[tuple(getattr(r, n) for n in names)].quantities[r.indicator_code] = r.total
    ordered = sorted(rows.items(), key=lambda kv: tuple((v is None, v or "") for v in kv[0]))
    return ActivitySummary(
        unit_id=root_id,
        unit_name=root_name,
        date_from=date_from,
        date_to=date_to,
        group_by=[d.value for d in dims],
        totals=totals,
        rows=[row for _, row in ordered],
    )
