"""Channels of a unit, activities on them (topics and quantities as rows), idempotency keys,
and what each channel type counts.

Activities are evidence of communication work; their topics and quantities are normalised rows so
the summary and reports aggregate them in SQL. `channel_type.counts` lists the indicator codes an
activity on that type may record (filled by the reference loader). `idempotency_key` keeps the
first answer of a retried write (24 h).

Revision ID: 0d0ea0ca0aa0
Revises: 131f6fcd2ac3
Create Date: 2026-11-23
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0d0ea0ca0aa0'
down_revision: str | None = '131f6fcd2ac3'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('channel_type', schema=None) as batch_op:
        batch_op.add_column(sa.Column('counts', sa.JSON(), server_default=sa.text("'[]'"), nullable=False))

    op.create_table('idempotency_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('caller_id', sa.Integer(), nullable=False),
    sa.Column('route', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('request_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('status_code', sa.Integer(), nullable=True),
    sa.Column('response', sa.JSON(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idempotency_key')),
    sa.UniqueConstraint('caller_id', 'route', 'key', name=op.f('uq_idempotency_key_caller_id_route_key'))
    )
    with op.batch_alter_table('idempotency_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idempotency_key_created_at'), ['created_at'], unique=False)

    op.create_table('channel',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('channel_type', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('name_folded', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('operator_agency_id', sa.Integer(), nullable=True),
    sa.Column('url', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('frequency', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
    sa.Column('schedule', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['channel_type'], ['channel_type.code'], name=op.f('fk_channel_channel_type_channel_type')),
    sa.ForeignKeyConstraint(['created_by'], ['app_user.id'], name=op.f('fk_channel_created_by_app_user')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['channel.id'], name=op.f('fk_channel_merged_into_id_channel')),
    sa.ForeignKeyConstraint(['operator_agency_id'], ['agency.id'], name=op.f('fk_channel_operator_agency_id_agency')),
    sa.ForeignKeyConstraint(['unit_id'], ['admin_unit.id'], name=op.f('fk_channel_unit_id_admin_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_channel'))
    )
    with op.batch_alter_table('channel', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_channel_channel_type'), ['channel_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_channel_merged_into_id'), ['merged_into_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_channel_operator_agency_id'), ['operator_agency_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_channel_unit_id'), ['unit_id'], unique=False)

    op.create_table('activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('channel_id', sa.Integer(), nullable=False),
    sa.Column('channel_type', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('assignment_id', sa.Integer(), nullable=True),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('title_folded', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('url', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.Column('cost_vnd', sa.BigInteger(), nullable=True),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('public', sa.Boolean(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], name=op.f('fk_activity_assignment_id_assignment')),
    sa.ForeignKeyConstraint(['channel_id'], ['channel.id'], name=op.f('fk_activity_channel_id_channel')),
    sa.ForeignKeyConstraint(['channel_type'], ['channel_type.code'], name=op.f('fk_activity_channel_type_channel_type')),
    sa.ForeignKeyConstraint(['created_by'], ['app_user.id'], name=op.f('fk_activity_created_by_app_user')),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], name=op.f('fk_activity_task_id_task')),
    sa.ForeignKeyConstraint(['unit_id'], ['admin_unit.id'], name=op.f('fk_activity_unit_id_admin_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity'))
    )
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_assignment_id'), ['assignment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_channel_id'), ['channel_id'], unique=False)
        batch_op.create_index('ix_activity_listing', [sa.literal_column('occurred_on DESC'), sa.literal_column('id DESC')], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_task_id'), ['task_id'], unique=False)
        batch_op.create_index('ix_activity_unit_date', ['unit_id', 'occurred_on'], unique=False)

    op.create_table('activity_quantity',
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('indicator_code', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_quantity_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['indicator_code'], ['indicator.code'], name=op.f('fk_activity_quantity_indicator_code_indicator')),
    sa.PrimaryKeyConstraint('activity_id', 'indicator_code', name=op.f('pk_activity_quantity'))
    )
    op.create_table('activity_topic',
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_topic_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topic.id'], name=op.f('fk_activity_topic_topic_id_topic')),
    sa.PrimaryKeyConstraint('activity_id', 'topic_id', name=op.f('pk_activity_topic'))
    )
    with op.batch_alter_table('activity_topic', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_topic_topic_id'), ['topic_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('activity_topic', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_topic_topic_id'))

    op.drop_table('activity_topic')
    op.drop_table('activity_quantity')
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index('ix_activity_unit_date')
        batch_op.drop_index(batch_op.f('ix_activity_task_id'))
        batch_op.drop_index('ix_activity_listing')
        batch_op.drop_index(batch_op.f('ix_activity_channel_id'))
        batch_op.drop_index(batch_op.f('ix_activity_assignment_id'))

    op.drop_table('activity')
    with op.batch_alter_table('channel', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_channel_unit_id'))
        batch_op.drop_index(batch_op.f('ix_channel_operator_agency_id'))
        batch_op.drop_index(batch_op.f('ix_channel_merged_into_id'))
        batch_op.drop_index(batch_op.f('ix_channel_channel_type'))

    op.drop_table('channel')
    with op.batch_alter_table('idempotency_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idempotency_key_created_at'))

    op.drop_table('idempotency_key')
    # Last: on SQLite dropping a column rebuilds the table, which must no longer be referenced.
    with op.batch_alter_table('channel_type', schema=None) as batch_op:
        batch_op.drop_column('counts')

