"""Channels: reading within scope, registering a unit's channels and changing them.

A channel of a unit abolished by the 2025 reform stays readable; the successor unit's channel it
was merged into names it in `merged_from`, and it points back with `merged_into`.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select as sa_select
from sqlalchemy import update
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.access.scope import Caller, unit_path_of, unit_subtree_filter
from app.audit.service import record, snapshot
from app.channels.access import channel_visible, require_unit_writer
from app.channels.models import Channel
from app.channels.schemas import ChannelCreate, ChannelRead, ChannelRef, ChannelUpdate
from app.core.clock import utcnow
from app.core.db import flush, for_update
from app.core.errors import NotFound, ValidationProblem
from app.core.pagination import by_id, paginate
from app.core.text import fold, like_pattern
from app.reference.data import VIETNAMESE
from app.units.models import AdminUnit, UnitSuccession
from app.users.models import Agency

_Row = tuple[Channel, str, str | None]


def _select() -> Any:
    unit = aliased(AdminUnit)
    agency = aliased(Agency)
    return (
        sa_select(Channel, col(unit.name), col(agency.name))
        .join(unit, col(unit.id) == Channel.unit_id)
        .join(agency, col(agency.id) == Channel.operator_agency_id, isouter=True)
    )


def get_channel(session: Session, caller: Caller, channel_id: int) -> _Row:
    row = session.execute(
        _select().where(Channel.id == channel_id, channel_visible(caller))
    ).first()
    if row is None:
        raise NotFound(f"Không tìm thấy kênh mã {channel_id}.")
    return (row[0], row[1], row[2])


def lock_channel(session: Session, caller: Caller, channel_id: int) -> Channel:
    """The visible channel, locked until the request's transaction ends."""
    stmt = for_update(select(Channel).where(Channel.id == channel_id, channel_visible(caller)))
    channel = session.exec(stmt).first()
    if channel is None:
        raise NotFound(f"Không tìm thấy kênh mã {channel_id}.")
    return channel


def channel_reads(session: Session, rows: Sequence[_Row]) -> list[ChannelRead]:
    """Read models for `rows`, with merge links in two statements whatever the page size."""
    ids = [row[0].id for row in rows]
    targets = {row[0].merged_into_id for row in rows if row[0].merged_into_id is not None}
    into: dict[int, ChannelRef] = {}
    if targets:
        for c in session.exec(select(Channel).where(col(Channel.id).in_(targets))):
            assert c.id is not None
            into[c.id] = ChannelRef(id=c.id, name=c.name, unit_id=c.unit_id)
    merged_from: dict[int, list[ChannelRef]] = {}
    if ids:
        stmt = select(Channel).where(col(Channel.merged_into_id).in_(ids)).order_by(col(Channel.id))
        for c in session.exec(stmt):
            assert c.id is not None and c.merged_into_id is not None
            ref = ChannelRef(id=c.id, name=c.name, unit_id=c.unit_id)
            merged_from.setdefault(c.merged_into_id, []).append(ref)
    reads = []
    for channel, unit_name, agency_name in rows:
        assert channel.id is not None
        reads.append(
            ChannelRead(
                **channel.model_dump(exclude={"merged_into_id", "name_folded", "created_by"}),
                unit_name=unit_name,
                operator_agency_name=agency_name,
                merged_into=into.get(channel.merged_into_id or 0),
                merged_from=merged_from.get(channel.id, []),
            )
        )
    return reads


def list_channels(
    session: Session,
    caller: Caller,
    *,
    unit_id: int | None,
    channel_type: str | None,
    active: bool | None,
    q: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[_Row], str | None]:
    """Visible channels, in the order they were registered."""
    stmt = _select().where(channel_visible(caller))
    if unit_id is not None:
        path = session.exec(select(AdminUnit.path).where(AdminUnit.id == unit_id)).first()
        if path is None:
            return [], None
        stmt = stmt.where(unit_subtree_filter(path, col(Channel.unit_id)))
    if channel_type is not None:
        stmt = stmt.where(Channel.channel_type == channel_type)
    if active is not None:
        stmt = stmt.where(col(Channel.is_active).is_(active))
    if q and fold(q):
        stmt = stmt.where(col(Channel.name_folded).like(like_pattern(q), escape="\\"))
    rows: list[Any]
    rows, next_cursor = paginate(session, stmt, by_id(col(Channel.id)), limit, cursor)
    return [(r[0], r[1], r[2]) for r in rows], next_cursor


def _check_operator(session: Session, unit_id: int, agency_id: int | None) -> None:
    if agency_id is None:
        return
    owner = session.exec(select(Agency.unit_id).where(Agency.id == agency_id)).first()
    if owner != unit_id:
        raise ValidationProblem.for_field(
            "body.operator_agency_id",
            f"Cơ quan mã {agency_id} không thuộc đơn vị sở hữu kênh; chọn một cơ quan của chính "
            "đơn vị (GET /api/v1/agencies).",
        )


def _set_merged_from(session: Session, channel: Channel, ids: list[int]) -> None:
    """Link the old units' channels merged into `channel`; each must belong to a unit that
    `channel`'s unit succeeded, and not already be merged into another channel."""
    wanted = list(dict.fromkeys(ids))
    found: dict[int, Channel] = {}
    if wanted:
        stmt = for_update(
            select(Channel)
            .join(UnitSuccession, col(UnitSuccession.predecessor_id) == Channel.unit_id)
            .where(col(Channel.id).in_(wanted), UnitSuccession.successor_id == channel.unit_id),
            Channel,
        )
        found = {c.id: c for c in session.exec(stmt) if c.id is not None}
    for n, old_id in enumerate(wanted):
        old = found.get(old_id)
        if old is None or old_id == channel.id:
            raise ValidationProblem.for_field(
                f"body.merged_from.{n}",
                f"Kênh mã {old_id} không phải kênh của một đơn vị cũ mà đơn vị này kế thừa.",
            )
        if old.merged_into_id not in (None, channel.id):
            raise ValidationProblem.for_field(
                f"body.merged_from.{n}",
                f"Kênh «{old.name}» đã được nhập vào kênh mã {old.merged_into_id}.",
            )
    table = Channel.__table__  # type: ignore[attr-defined]
    released = update(table).where(table.c.merged_into_id == channel.id)
    if wanted:
        released = released.where(table.c.id.not_in(wanted))
    session.execute(released.values(merged_into_id=None, version=table.c.version + 1))
    for old in found.values():
        if old.merged_into_id != channel.id:
            old.merged_into_id, old.is_active, old.updated_at = channel.id, False, utcnow()
            session.add(old)
    flush(session)


def create_channel(session: Session, caller: Caller, data: ChannelCreate) -> Channel:
    unit_id = data.unit_id if data.unit_id is not None else caller.unit_id
    if unit_id is None:
        raise ValidationProblem.for_field(
            "body.unit_id", "Tài khoản cấp toàn quốc phải ghi rõ đơn vị sở hữu kênh."
        )
    unit_path_of(session, unit_id)  # 422 for a unit that does not exist
    require_unit_writer(caller, unit_id, "đăng ký kênh của đơn vị")
    _check_operator(session, unit_id, data.operator_agency_id)
    fields = data.model_dump(exclude={"unit_id", "merged_from", "languages"}, exclude_none=True)
    channel = Channel(
        **fields,
        unit_id=unit_id,
        name_folded=fold(data.name),
        languages=data.languages or [VIETNAMESE],
        created_by=caller.user_id,
    )
    session.add(channel)
    flush(session)
    if data.merged_from:
        _set_merged_from(session, channel, data.merged_from)
    record(session, caller, "create", "channel", channel.id, unit_id, after=snapshot(channel))
    return channel


def update_channel(
    session: Session, caller: Caller, channel: Channel, data: ChannelUpdate
) -> Channel:
    changes = data.model_dump(exclude_unset=True)
    for name in ("name", "languages", "is_active"):
        if name in changes and changes[name] is None:
            raise ValidationProblem.for_field(f"body.{name}", "Trường này không được để trống.")
    before = snapshot(channel)
    merged_from = changes.pop("merged_from", None)
    if "operator_agency_id" in changes:
        _check_operator(session, channel.unit_id, changes["operator_agency_id"])
    for key, value in changes.items():
        setattr(channel, key, value)
    channel.name_folded = fold(channel.name)
    channel.updated_at = utcnow()
    session.add(channel)
    flush(session)
    if merged_from is not None:
        _set_merged_from(session, channel, merged_from)
    record(
        session, caller, "update", "channel", channel.id, channel.unit_id, before, snapshot(channel)
    )
    return channel
