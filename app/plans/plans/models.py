"""Plans (kế hoạch): the document, its status and visibility, and its topics."""

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel, col

from app.core.clock import utcnow
from app.core.db import Versioned, enum_type


class PlanStatus(StrEnum):
    draft = "draft"
    issued = "issued"
    closed = "closed"
    cancelled = "cancelled"


class Visibility(StrEnum):
    internal = "internal"
    public = "public"


class Plan(Versioned, SQLModel, table=True):
    # Decree 30/2020/NĐ-CP: numbers restart every year, per issuer and document type.
    __table_args__ = (UniqueConstraint("unit_id", "symbol", "number_year", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="admin_unit.id", index=True)
    number: int | None = Field(default=None)
    symbol: str = Field(default="KH-UBND", max_length=30)
    number_year: int | None = Field(default=None)
    title: str = Field(max_length=500)
    title_folded: str = Field(max_length=500)
    place: str | None = Field(default=None, max_length=100)
    issued_on: date | None = Field(default=None, index=True)
    effective_on: date | None = Field(default=None)
    period_start: date
    period_end: date
    signer_name: str | None = Field(default=None, max_length=120)
    signer_title: str | None = Field(default=None, max_length=120)
    signing_mode: str | None = Field(default=None, max_length=5)
    status: PlanStatus = Field(default=PlanStatus.draft, sa_type=enum_type(PlanStatus), index=True)
    visibility: Visibility = Field(default=Visibility.internal, sa_type=enum_type(Visibility))
    parent_plan_id: int | None = Field(default=None, foreign_key="plan.id", index=True)
    # Amendment: the issued plan this draft replaces once issued.
    supersedes_id: int | None = Field(default=None, foreign_key="plan.id", index=True)
    legal_bases: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    purposes: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    requirements: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    budget: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    recipients: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    task_count: int = Field(default=0)
    created_by: int | None = Field(default=None, foreign_key="app_user.id")
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


# The list order (newest issue date first, drafts last): an index PG can read in that order,
# so a page is an index scan that stops after `limit` rows, not a sort of every plan.
Index(
    "ix_plan_listing",
    col(Plan.issued_on).desc().nulls_last(),
    col(Plan.id).desc(),
)
# At most one open amendment draft per issued plan (the workflow checks it under the plan's lock;
# this is the database's word on it).
Index(
    "uq_plan_open_amendment",
    col(Plan.supersedes_id),
    unique=True,
    postgresql_where=col(Plan.status) == PlanStatus.draft.value,
    sqlite_where=col(Plan.status) == PlanStatus.draft.value,
)


class PlanTopic(SQLModel, table=True):
    __tablename__ = "plan_topic"

    plan_id: int = Field(foreign_key="plan.id", primary_key=True, ondelete="CASCADE")
    topic_id: int = Field(foreign_key="topic.id", primary_key=True, index=True)
