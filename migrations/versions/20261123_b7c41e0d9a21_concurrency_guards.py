"""Concurrency guards: one open amendment per plan, one whole-unit assignment per task.

The workflow checks both under the plan's row lock; these partial unique indexes are the
database's own guarantee, so a race can only ever lose with 409, never duplicate.

Revision ID: b7c41e0d9a21
Revises: a878fb8af738
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b7c41e0d9a21"
down_revision: str | None = "a878fb8af738"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "uq_plan_open_amendment",
        "plan",
        ["supersedes_id"],
        unique=True,
        postgresql_where=sa.text("status = 'draft'"),
        sqlite_where=sa.text("status = 'draft'"),
    )
    op.create_index(
        "uq_assignment_task_whole_unit",
        "assignment",
        ["task_id", "assignee_unit_id"],
        unique=True,
        postgresql_where=sa.text("assignee_agency_id IS NULL"),
        sqlite_where=sa.text("assignee_agency_id IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("uq_assignment_task_whole_unit", table_name="assignment")
    op.drop_index("uq_plan_open_amendment", table_name="plan")
