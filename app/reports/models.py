"""Reporting schedules (who reports to whom, how often, by when), the reports made under them
and each report's history."""

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel, col

from app.core.clock import utcnow
from app.core.db import Versioned, enum_type
from app.reports.periods import DeadlineRule, Frequency, PeriodRule


class ReporterKind(StrEnum):
    own_agencies = "own_agencies"
    child_units = "child_units"
    named_units = "named_units"


class ReportStatus(StrEnum):
    draft = "draft"
    submitted = "submitted"
    accepted = "accepted"
    returned = "returned"


class ReportingSchedule(Versioned, SQLModel, table=True):
    __tablename__ = "reporting_schedule"

    id: int | None = Field(default=None, primary_key=True)
    # The unit that sets the duty (and whose agencies or children report under it).
    unit_id: int = Field(foreign_key="admin_unit.id", index=True)
    plan_id: int | None = Field(default=None, foreign_key="plan.id", index=True)
    title: str = Field(max_length=300)
    reporter_kind: ReporterKind = Field(sa_type=enum_type(ReporterKind))
    reporter_unit_ids: list[int] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    receiver_unit_id: int = Field(foreign_key="admin_unit.id", index=True)
    receiver_agency_id: int | None = Field(default=None, foreign_key="agency.id")
    frequency: Frequency = Field(sa_type=enum_type(Frequency))
    period_rule: PeriodRule = Field(sa_type=enum_type(PeriodRule))
    deadline_rule: DeadlineRule = Field(sa_type=enum_type(DeadlineRule))
    deadline_days: int | None = Field(default=None)
    deadline_day: int | None = Field(default=None)
    deadline_month: int | None = Field(default=None)
    # Reported inside the general CCHC report ("lồng ghép"): a flag, not a second report.
    embedded: bool = Field(default=False)
    is_active: bool = Field(default=True)
    created_by: int | None = Field(default=None, foreign_key="app_user.id")
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Report(Versioned, SQLModel, table=True):
    """One reporter's submission for one period of one schedule."""

    __table_args__ = (UniqueConstraint("unit_id", "doc_symbol", "doc_year", "doc_number"),)

    id: int | None = Field(default=None, primary_key=True)
    schedule_id: int = Field(foreign_key="reporting_schedule.id", index=True)
    period_key: str = Field(max_length=10)
    period_start: date
    period_end: date
    deadline: date
    # The reporter: a unit, or one of its agencies (schedules of a unit's own agencies).
    unit_id: int = Field(foreign_key="admin_unit.id", index=True)
    agency_id: int | None = Field(default=None, foreign_key="agency.id", index=True)
    receiver_unit_id: int = Field(foreign_key="admin_unit.id", index=True)
    status: ReportStatus = Field(
        default=ReportStatus.draft, sa_type=enum_type(ReportStatus), index=True
    )
    values: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # What prefill found: the activity summary and the assignments' progress as they were then.
    activity_summary: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    task_progress: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    results: str | None = Field(default=None)
    shortcomings: str | None = Field(default=None)
    causes: str | None = Field(default=None)
    proposals: str | None = Field(default=None)
    doc_number: int | None = Field(default=None)
    doc_symbol: str | None = Field(default=None, max_length=30)
    doc_year: int | None = Field(default=None)
    prefilled_at: datetime | None = Field(default=None)
    submitted_at: datetime | None = Field(default=None)
    days_late: int | None = Field(default=None)
    reviewed_at: datetime | None = Field(default=None)
    review_comment: str | None = Field(default=None)
    created_by: int | None = Field(default=None, foreign_key="app_user.id")
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


# One report per reporter and period of a schedule; a unit as a whole (agency empty) needs its
# own partial index, since NULL agencies never compare equal.
Index(
    "uq_report_agency_period",
    col(Report.schedule_id),
    col(Report.period_key),
    col(Report.unit_id),
    col(Report.agency_id),
    unique=True,
)
Index(
    "uq_report_unit_period",
    col(Report.schedule_id),
    col(Report.period_key),
    col(Report.unit_id),
    unique=True,
    postgresql_where=col(Report.agency_id).is_(None),
    sqlite_where=col(Report.agency_id).is_(None),
)
# Consolidation and compliance read one receiver's reports for one period.
Index("ix_report_receiver_period", col(Report.receiver_unit_id), col(Report.period_key))


class ReportEvent(SQLModel, table=True):
    """One step of a report's life: created, prefilled, edited, submitted, accepted, returned."""

    __tablename__ = "report_event"

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="report.id", index=True, ondelete="CASCADE")
    action: str = Field(max_length=20)
    status: ReportStatus = Field(sa_type=enum_type(ReportStatus))
    user_id: int | None = Field(default=None, foreign_key="app_user.id")
    comment: str | None = Field(default=None)
    at: datetime = Field(default_factory=utcnow)
