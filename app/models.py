"""Every table, imported once so SQLModel.metadata is complete (Alembic, tests, loaders)."""

from app.audit.models import AuditEntry
from app.channels.models import Activity, ActivityQuantity, ActivityTopic, Channel
from app.core.db import metadata
from app.core.idempotency import IdempotencyRecord
from app.core.ratelimit import LoginCounter
from app.plans.assignments.models import Assignment
from app.plans.plans.models import Plan, PlanTopic
from app.plans.tasks.models import Task
from app.reference.models import ChannelType, Indicator, Topic
from app.reports.models import Report, ReportEvent, ReportingSchedule
from app.units.models import AdminUnit, UnitSuccession
from app.users.models import Agency, User

__all__ = [
    "Activity",
    "ActivityQuantity",
    "ActivityTopic",
    "AdminUnit",
    "Agency",
    "Assignment",
    "AuditEntry",
    "Channel",
    "ChannelType",
    "IdempotencyRecord",
    "Indicator",
    "LoginCounter",
    "Plan",
    "PlanTopic",
    "Report",
    "ReportEvent",
    "ReportingSchedule",
    "Task",
    "Topic",
    "UnitSuccession",
    "User",
    "metadata",
]
