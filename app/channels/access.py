"""Who reads and who writes channels and activities (DESIGN §4), as filters and checks.

Channels: a person reads the channels of their subtree and of their ancestors (a commune logs its
news on the district's station); the portal and national accounts read every channel.

Activities: a person reads the activities of their subtree and every public one (public articles
feed the e-portal); the portal reads public activities only; national accounts (admin, integration
with the `read` scope) read everything. The summary counts internal work too: people and
integration accounts only, for a unit in their own subtree.

Writing: officers and leaders of the unit itself (not of a parent unit) register its channels and
log its activities; an integration account whose grant includes the `write` scope imports
activities for its own unit (a national one: for any unit). Out of scope is a 404; visible but not
the caller's to change is a 403.
"""

from typing import Annotated

from fastapi import Depends
from sqlalchemy import ColumnElement, or_, true
from sqlmodel import col

from app.access.auth import PEOPLE, require
from app.access.scope import Caller, subtree_filter, subtree_or_ancestors_filter
from app.channels.models import Activity, Channel
from app.core.errors import Forbidden
from app.users.models import Role

WRITE_SCOPE = "write"

ChannelReader = Annotated[Caller, Depends(require(*PEOPLE, Role.portal, scope="read"))]
ChannelWriter = Annotated[Caller, Depends(require(Role.officer, Role.leader))]
ActivityReader = Annotated[Caller, Depends(require(*PEOPLE, Role.portal, scope="read"))]
ActivityWriter = Annotated[Caller, Depends(require(Role.officer, Role.leader, scope=WRITE_SCOPE))]
SummaryReader = Annotated[Caller, Depends(require(*PEOPLE, scope="read"))]


def channel_visible(caller: Caller) -> ColumnElement[bool]:
    if caller.is_national or caller.role == Role.portal:
        return true()
    return subtree_or_ancestors_filter(caller, col(Channel.unit_id))


def activity_visible(caller: Caller) -> ColumnElement[bool]:
    public = col(Activity.public).is_(True)
    if caller.role == Role.portal:
        return public
    if caller.is_national:
        return true()
    return or_(subtree_filter(caller, col(Activity.unit_id)), public)


def can_write_for(caller: Caller, unit_id: int) -> bool:
    """Whether the caller logs work for `unit_id`: its own unit, or any (national importer)."""
    if caller.unit_id is None:
        return caller.role == Role.integration
    return caller.unit_id == unit_id


def require_unit_writer(caller: Caller, unit_id: int, what: str) -> None:
    if not can_write_for(caller, unit_id):
        raise Forbidden(f"Chỉ cán bộ của chính đơn vị mới được {what}.", code="not_owning_unit")
