"""One row per write: who, when, what, and the state before and after."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from app.core.clock import utcnow


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    actor_username: str | None = Field(default=None, max_length=64)
    # The unit that owns the changed resource: audit reads are scoped by it.
    unit_id: int | None = Field(default=None, foreign_key="admin_unit.id", index=True)
    action: str = Field(max_length=40)
    entity: str = Field(max_length=40, index=True)
    entity_id: int | None = Field(default=None)
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
