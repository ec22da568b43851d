"""Every table, imported once so SQLModel.metadata is complete (Alembic, tests, loaders)."""

from app.audit.models import AuditEntry
from app.core.db import metadata
from app.plans.models import Assignment, Plan, PlanTopic, Task
from app.reference.models import ChannelType, Indicator, Topic
from app.units.models import AdminUnit, UnitSuccession
from app.users.models import Agency, User

__all__ = [
    "AdminUnit",
    "Agency",
    "Assignment",
    "AuditEntry",
    "ChannelType",
    "Indicator",
    "Plan",
    "PlanTopic",
    "Task",
    "Topic",
    "UnitSuccession",
    "User",
    "metadata",
]
