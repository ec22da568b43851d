"""The activity summary reads a subtree's activities from the index alone (Postgres INCLUDE).

Revision ID: 5e1f0c2b7a90
Revises: 0d0ea0ca0aa0
Create Date: 2026-11-23
"""
from collections.abc import Sequence

from alembic import op


revision: str = "5e1f0c2b7a90"
down_revision: str | None = "0d0ea0ca0aa0"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_index("ix_activity_unit_date")
        batch_op.create_index(
            "ix_activity_unit_date",
            ["unit_id", "occurred_on"],
            unique=False,
            postgresql_include=["id", "channel_type", "cost_vnd"],
        )


def downgrade() -> None:
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_index("ix_activity_unit_date")
        batch_op.create_index("ix_activity_unit_date", ["unit_id", "occurred_on"], unique=False)
