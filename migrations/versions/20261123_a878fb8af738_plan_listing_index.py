"""plan listing index

Revision ID: a878fb8af738
Revises: 8780941a4abe
Create Date: 2026-11-23 01:35:02.526814
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = "a878fb8af738"
down_revision: str | None = "8780941a4abe"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # GET /plans orders by issued_on DESC NULLS LAST, id DESC. SQLite has no NULLS clause in
    # CREATE INDEX, but its DESC already puts NULLs last.
    nulls = " NULLS LAST" if op.get_bind().dialect.name == "postgresql" else ""
    op.create_index(
        "ix_plan_listing",
        "plan",
        [sa.literal_column(f"issued_on DESC{nulls}"), sa.literal_column("id DESC")],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_plan_listing", table_name="plan")
