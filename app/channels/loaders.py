"""One loading dependency per written resource: 404 when missing or out of scope, 403 when
visible but not the caller's unit's, then 428/412 for If-Match — with the row locked for the rest
of the request, so the version checked is the version changed."""

from typing import Annotated

from fastapi import Depends

from app.channels import activities, service
from app.channels.access import ActivityWriter, ChannelWriter, require_unit_writer
from app.channels.models import Activity, Channel
from app.core.db import SessionDep
from app.core.etag import IfMatch, check_if_match
from app.core.ids import path_id

ChannelId = Annotated[int, path_id("Mã kênh.")]
ActivityId = Annotated[int, path_id("Mã hoạt động.")]


def channel_for_edit(
    channel_id: ChannelId, session: SessionDep, caller: ChannelWriter, if_match: IfMatch
) -> Channel:
    channel = service.lock_channel(session, caller, channel_id)
    require_unit_writer(caller, channel.unit_id, "sửa kênh của đơn vị")
    check_if_match(if_match, "channel", channel_id, channel.version)
    return channel


def activity_for_edit(
    activity_id: ActivityId, session: SessionDep, caller: ActivityWriter, if_match: IfMatch
) -> Activity:
    activity = activities.lock_activity(session, caller, activity_id)
    require_unit_writer(caller, activity.unit_id, "sửa, xóa hoạt động của đơn vị")
    check_if_match(if_match, "activity", activity_id, activity.version)
    return activity


ChannelForEdit = Annotated[Channel, Depends(channel_for_edit)]
ActivityForEdit = Annotated[Activity, Depends(activity_for_edit)]
