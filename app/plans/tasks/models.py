"""A task (nhiệm vụ) of a plan: what is to be done, by whom, when, through which channels."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column
from sqlmodel import Field, SQLModel

from app.core.clock import utcnow
from app.core.db import Versioned


class Task(Versioned, SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    position: int = Field(default=0)
    ordinal: str = Field(max_length=20)
    title: str = Field(max_length=500)
    content: str | None = Field(default=None)
    lead_agency_id: int | None = Field(default=None, foreign_key="agency.id", index=True)
    lead_all_children: bool = Field(default=False)
    lead_text: str | None = Field(default=None, max_length=300)
    coordinator_agency_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON))
    coordinate_text: str | None = Field(default=None, max_length=500)
    recurrence: str = Field(default="once", max_length=12)
    start_on: date | None = Field(default=None)
    end_on: date | None = Field(default=None)
    due_on: date | None = Field(default=None)
    channel_types: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    topics: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    targets: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    budget_vnd: int | None = Field(default=None, sa_type=BigInteger)
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
