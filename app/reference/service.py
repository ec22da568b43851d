"""Reading the reference lists (topics, channel types, indicators) in their reference order."""

from typing import Any

from sqlalchemy import BindParameter, or_
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


def topic_and_below(code: str | BindParameter[str]) -> Any:
    """A subquery of the ids of topic `code` and of every topic below it: "index" and
    "index.papi" take in the PAPI dimensions (the tree is three levels deep)."""
    topic = aliased(Topic)
    parent = aliased(Topic)
    grandparent = aliased(Topic)
    return (
        select(topic.id)
        .join(parent, parent.id == topic.parent_id, isouter=True)  # type: ignore[arg-type]
        .join(grandparent, grandparent.id == parent.parent_id, isouter=True)  # type: ignore[arg-type]
        .where(
            or_(
                col(topic.code) == code,
                col(parent.code) == code,
                col(grandparent.code) == code,
            )
        )
    )


def topic_ids(session: Session, codes: set[str]) -> dict[str, int]:
    if not codes:
        return {}
    stmt = select(Topic.code, Topic.id).where(col(Topic.code).in_(codes))
    return {code: topic_id for code, topic_id in session.exec(stmt) if topic_id is not None}
