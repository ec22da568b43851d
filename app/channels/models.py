"""Channels (kênh) of a unit and the activities (hoạt động) logged on them, with their topics and
quantities as normalised rows, so summaries are GROUP BY queries rather than JSON walks."""

from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Column, Index
from sqlmodel import Field, SQLModel, col

from app.core.clock import utcnow
from app.core.db import Versioned


class Channel(Versioned, SQLModel, table=True):
    """An outlet of a unit: "Đài truyền thanh xã Lệ Xá", "Cổng TTĐT thị xã Đông Hòa"."""

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="admin_unit.id", index=True)
    # Fixed at creation: the type decides what the channel's activities count.
    channel_type: str = Field(foreign_key="channel_type.code", max_length=40, index=True)
    name: str = Field(max_length=200)
    name_folded: str = Field(max_length=200)
    operator_agency_id: int | None = Field(default=None, foreign_key="agency.id", index=True)
    url: str | None = Field(default=None, max_length=500)
    languages: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # The regular schedule: how often (a recurrence code) and when, as the station says it.
    frequency: str | None = Field(default=None, max_length=12)
    schedule: str | None = Field(default=None, max_length=300)
    is_active: bool = Field(default=True)
    # The successor unit's channel this one was merged into (2025 reform).
    merged_into_id: int | None = Field(default=None, foreign_key="channel.id", index=True)
    created_by: int | None = Field(default=None, foreign_key="app_user.id")
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Activity(Versioned, SQLModel, table=True):
    """One piece of evidence: an article published, a broadcast aired, a training held…"""

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="admin_unit.id")
    channel_id: int = Field(foreign_key="channel.id", index=True)
    # The channel's type, copied (a channel's type never changes): summaries group on it.
    channel_type: str = Field(foreign_key="channel_type.code", max_length=40)
    occurred_on: date
    task_id: int | None = Field(default=None, foreign_key="task.id", index=True)
    assignment_id: int | None = Field(default=None, foreign_key="assignment.id", index=True)
    title: str = Field(max_length=500)
    title_folded: str = Field(max_length=500)
    url: str | None = Field(default=None, max_length=500)
    cost_vnd: int | None = Field(default=None, sa_type=BigInteger)
    language: str = Field(default="vie", max_length=8)
    public: bool = Field(default=False)
    created_by: int | None = Field(default=None, foreign_key="app_user.id")
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


# Summaries and lists read a unit subtree over a date range: one index serves both, and on
# Postgres the summary's counts and costs come from the index alone (2.2 million rows nationally).
Index(
    "ix_activity_unit_date",
    col(Activity.unit_id),
    col(Activity.occurred_on),
    postgresql_include=["id", "channel_type", "cost_vnd"],
)
# The list order (newest first), so a national page is an index scan that stops early.
Index("ix_activity_listing", col(Activity.occurred_on).desc(), col(Activity.id).desc())


class ActivityTopic(SQLModel, table=True):
    __tablename__ = "activity_topic"

    activity_id: int = Field(foreign_key="activity.id", primary_key=True, ondelete="CASCADE")
    topic_id: int = Field(foreign_key="topic.id", primary_key=True, index=True)


class ActivityQuantity(SQLModel, table=True):
    """What an activity counted, one row per indicator: 1 broadcast, 15 minutes."""

    __tablename__ = "activity_quantity"

    activity_id: int = Field(foreign_key="activity.id", primary_key=True, ondelete="CASCADE")
    indicator_code: str = Field(foreign_key="indicator.code", primary_key=True, max_length=40)
    value: int = Field(sa_type=BigInteger)
