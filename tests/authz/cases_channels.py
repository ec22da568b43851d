"""Matrix cases for channels and activities of huyện Tiên Lữ (see matrix.py).

Channels: the owner and its parent read them (subtree), and so do its child communes (an
ancestor's channel: a commune logs its news on the district station); a sibling district and
another province get 404. Activities: internal ones are read by the owner and its parent only.
Writing, for both: only the owner's officers and leaders; visible but another unit's is a 403.
"""

from datetime import date

from app.channels.models import Activity, ActivityQuantity, Channel
from app.core.text import fold
from app.users.models import Role
from tests.authz.matrix import Case, Ctx, Prepared, everyone, statuses

STATION = "Đài Truyền thanh huyện Tiên Lữ"
TITLE = "Chuyên mục cải cách hành chính trên sóng truyền thanh huyện"


def _channel(ctx: Ctx) -> Channel:
    channel = Channel(
        unit_id=ctx.owner_unit,
        channel_type="radio",
        name=STATION,
        name_folded=fold(STATION),
        languages=["vie"],
    )
    ctx.db.add(channel)
    ctx.db.flush()
    return channel


def _activity(ctx: Ctx) -> Activity:
    channel = _channel(ctx)
    assert channel.id is not None
    activity = Activity(
        unit_id=ctx.owner_unit,
        channel_id=channel.id,
        channel_type="radio",
        occurred_on=date(2024, 3, 5),
        title=TITLE,
        title_folded=fold(TITLE),
    )
    ctx.db.add(activity)
    ctx.db.flush()
    assert activity.id is not None
    ctx.db.add(ActivityQuantity(activity_id=activity.id, indicator_code="broadcasts", value=1))
    ctx.db.flush()
    return activity


def _channel_params(ctx: Ctx) -> Prepared:
    return Prepared(path_params={"channel_id": _channel(ctx).id})


def _channel_patch(ctx: Ctx) -> Prepared:
    channel = _channel(ctx)
    return Prepared(
        path_params={"channel_id": channel.id},
        json={"schedule": "Thứ Hai hàng tuần"},
        headers={"If-Match": f'"channel-{channel.id}-v1"'},
    )


def _new_channel(ctx: Ctx) -> Prepared:
    return Prepared(json={"unit_id": ctx.owner_unit, "channel_type": "radio", "name": STATION})


def _row(ctx: Ctx) -> dict[str, object]:
    return {
        "unit_id": ctx.owner_unit,
        "channel_id": _channel(ctx).id,
        "occurred_on": "2024-03-05",
        "title": TITLE,
        "quantities": {"broadcasts": 1},
    }


def _new_activity(ctx: Ctx) -> Prepared:
    return Prepared(json=_row(ctx))


def _batch(ctx: Ctx) -> Prepared:
    return Prepared(json=[_row(ctx)], headers={"Idempotency-Key": "matrix-batch"})


def _summary(ctx: Ctx) -> Prepared:
    _activity(ctx)
    return Prepared(
        params={"unit_id": ctx.owner_unit, "date_from": "2024-01-01", "date_to": "2024-12-31"}
    )


def _activity_params(ctx: Ctx) -> Prepared:
    return Prepared(path_params={"activity_id": _activity(ctx).id})


def _activity_patch(ctx: Ctx) -> Prepared:
    activity = _activity(ctx)
    return Prepared(
        path_params={"activity_id": activity.id},
        json={"quantities": {"broadcasts": 2}},
        headers={"If-Match": f'"activity-{activity.id}-v1"'},
    )


def _activity_delete(ctx: Ctx) -> Prepared:
    activity = _activity(ctx)
    return Prepared(
        path_params={"activity_id": activity.id},
        headers={"If-Match": f'"activity-{activity.id}-v1"'},
    )


OWNER_ONLY = statuses(201, 403, 403, 403, 403)
READ_LINE = statuses(200, 200, 200, 404, 404)
READ_SUBTREE = statuses(200, 200, 404, 404, 404)

CASES: dict[str, Case] = {
    "GET /api/v1/languages": Case(role=Role.viewer, expect=everyone(200)),
    "GET /api/v1/channels": Case(role=Role.viewer, expect=everyone(200)),
    "POST /api/v1/channels": Case(role=Role.officer, expect=OWNER_ONLY, setup=_new_channel),
    "GET /api/v1/channels/{channel_id}": Case(
        role=Role.viewer, expect=READ_LINE, setup=_channel_params
    ),
    "PATCH /api/v1/channels/{channel_id}": Case(
        role=Role.officer, expect=statuses(200, 403, 403, 404, 404), setup=_channel_patch
    ),
    "GET /api/v1/activities": Case(role=Role.viewer, expect=everyone(200)),
    "POST /api/v1/activities": Case(role=Role.officer, expect=OWNER_ONLY, setup=_new_activity),
    "POST /api/v1/activities:batch": Case(role=Role.officer, expect=OWNER_ONLY, setup=_batch),
    "GET /api/v1/activities/summary": Case(role=Role.viewer, expect=READ_SUBTREE, setup=_summary),
    "GET /api/v1/activities/{activity_id}": Case(
        role=Role.viewer, expect=READ_SUBTREE, setup=_activity_params
    ),
    "PATCH /api/v1/activities/{activity_id}": Case(
        role=Role.officer, expect=statuses(200, 403, 404, 404, 404), setup=_activity_patch
    ),
    "DELETE /api/v1/activities/{activity_id}": Case(
        role=Role.officer, expect=statuses(204, 403, 404, 404, 404), setup=_activity_delete
    ),
}
