"""An assignee's share of a task (phân công): an agency of the issuing unit or a subordinate
unit as a whole, with its status and progress."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel, col

from app.core.clock import utcnow
from app.core.db import Versioned, enum_type


class AssignmentRole(StrEnum):
    lead = "lead"
    coordinate = "coordinate"


class AssignmentStatus(StrEnum):
    not_started = "not_started"
    in_progress = "in_progress"
    done = "done"
    cancelled = "cancelled"


class Assignment(Versioned, SQLModel, table=True):
    __table_args__ = (UniqueConstraint("task_id", "assignee_agency_id", "assignee_unit_id"),)

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", index=True, ondelete="CASCADE")
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    # An agency of the issuing unit, or (agency empty) a subordinate unit as a whole.
    assignee_agency_id: int | None = Field(default=None, foreign_key="agency.id", index=True)
    assignee_unit_id: int = Field(foreign_key="admin_unit.id", index=True)
    role: AssignmentRole = Field(sa_type=enum_type(AssignmentRole))
    status: AssignmentStatus = Field(
        default=AssignmentStatus.not_started, sa_type=enum_type(AssignmentStatus)
    )
    progress_note: str | None = Field(default=None)
    next_due_on: date | None = Field(default=None, index=True)
    version: int = Field(default=1)
    updated_at: datetime = Field(default_factory=utcnow)


# A subordinate unit as a whole (agency empty) is assigned a task once: the unique constraint
# above cannot see it, since NULL agencies never compare equal. Fan-out cannot duplicate.
Index(
    "uq_assignment_task_whole_unit",
    col(Assignment.task_id),
    col(Assignment.assignee_unit_id),
    unique=True,
    postgresql_where=col(Assignment.assignee_agency_id).is_(None),
    sqlite_where=col(Assignment.assignee_agency_id).is_(None),
)
