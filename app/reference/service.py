"""Reading the reference lists (topics, channel types, indicators) in their reference order."""

from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.reference.models import ChannelType, Indicator, Topic


def list_topics(session: Session) -> list[tuple[Topic, str | None]]:
    """Every topic with its parent's code; parents come before their children."""
    parent = aliased(Topic)
    stmt = (
        select(Topic, parent.code)
        .join(parent, parent.id == Topic.parent_id, isouter=True)  # type: ignore[arg-type]
        .order_by(col(Topic.id))
    )
    return [(topic, parent_code) for topic, parent_code in session.exec(stmt)]


def list_channel_types(session: Session) -> list[ChannelType]:
    return list(session.exec(select(ChannelType).order_by(col(ChannelType.id))))


def list_indicators(session: Session) -> list[Indicator]:
    return list(session.exec(select(Indicator).order_by(col(Indicator.id))))
