"""Reporting: schedules (who reports to whom, how often, by when), reports for a period with
their prefilled snapshot, values and narrative, each report's history, and the rule that derives
a computed indicator.

One report per reporter and period of a schedule (a partial unique index covers a unit reporting
as a whole, whose agency is NULL); report numbers are unique per issuer, symbol and year (Decree
30/2020/NĐ-CP); consolidation reads a receiver's reports of one period through one index.

Revision ID: 0600f96a8c07
Revises: 0d0ea0ca0aa0
Create Date: 2026-11-23
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0600f96a8c07'
down_revision: str | None = '5e1f0c2b7a90'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('reporting_schedule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('reporter_kind', sa.Enum('own_agencies', 'child_units', 'named_units', name='reporterkind', native_enum=False), nullable=False),
    sa.Column('reporter_unit_ids', sa.JSON(), nullable=False),
    sa.Column('receiver_unit_id', sa.Integer(), nullable=False),
    sa.Column('receiver_agency_id', sa.Integer(), nullable=True),
    sa.Column('frequency', sa.Enum('monthly', 'quarterly', 'semiannual', 'annual', 'on_request', name='frequency', native_enum=False), nullable=False),
    sa.Column('period_rule', sa.Enum('decree09', 'calendar', name='periodrule', native_enum=False), nullable=False),
    sa.Column('deadline_rule', sa.Enum('days_after', 'fixed_day', name='deadlinerule', native_enum=False), nullable=False),
    sa.Column('deadline_days', sa.Integer(), nullable=True),
    sa.Column('deadline_day', sa.Integer(), nullable=True),
    sa.Column('deadline_month', sa.Integer(), nullable=True),
    sa.Column('embedded', sa.Boolean(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['app_user.id'], name=op.f('fk_reporting_schedule_created_by_app_user')),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_reporting_schedule_plan_id_plan')),
    sa.ForeignKeyConstraint(['receiver_agency_id'], ['agency.id'], name=op.f('fk_reporting_schedule_receiver_agency_id_agency')),
    sa.ForeignKeyConstraint(['receiver_unit_id'], ['admin_unit.id'], name=op.f('fk_reporting_schedule_receiver_unit_id_admin_unit')),
    sa.ForeignKeyConstraint(['unit_id'], ['admin_unit.id'], name=op.f('fk_reporting_schedule_unit_id_admin_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reporting_schedule'))
    )
    with op.batch_alter_table('reporting_schedule', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reporting_schedule_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reporting_schedule_receiver_unit_id'), ['receiver_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reporting_schedule_unit_id'), ['unit_id'], unique=False)

    op.create_table('report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('schedule_id', sa.Integer(), nullable=False),
    sa.Column('period_key', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=True),
    sa.Column('receiver_unit_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'submitted', 'accepted', 'returned', name='reportstatus', native_enum=False), nullable=False),
    sa.Column('values', sa.JSON(), nullable=False),
    sa.Column('activity_summary', sa.JSON(), nullable=True),
    sa.Column('task_progress', sa.JSON(), nullable=False),
    sa.Column('results', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('shortcomings', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('causes', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('proposals', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('doc_number', sa.Integer(), nullable=True),
    sa.Column('doc_symbol', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True),
    sa.Column('doc_year', sa.Integer(), nullable=True),
    sa.Column('prefilled_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('submitted_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('days_late', sa.Integer(), nullable=True),
    sa.Column('reviewed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('review_comment', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agency.id'], name=op.f('fk_report_agency_id_agency')),
    sa.ForeignKeyConstraint(['created_by'], ['app_user.id'], name=op.f('fk_report_created_by_app_user')),
    sa.ForeignKeyConstraint(['receiver_unit_id'], ['admin_unit.id'], name=op.f('fk_report_receiver_unit_id_admin_unit')),
    sa.ForeignKeyConstraint(['schedule_id'], ['reporting_schedule.id'], name=op.f('fk_report_schedule_id_reporting_schedule')),
    sa.ForeignKeyConstraint(['unit_id'], ['admin_unit.id'], name=op.f('fk_report_unit_id_admin_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report')),
    sa.UniqueConstraint('unit_id', 'doc_symbol', 'doc_year', 'doc_number', name=op.f('uq_report_unit_id_doc_symbol_doc_year_doc_number'))
    )
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_agency_id'), ['agency_id'], unique=False)
        batch_op.create_index('ix_report_receiver_period', ['receiver_unit_id', 'period_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_receiver_unit_id'), ['receiver_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_schedule_id'), ['schedule_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index('uq_report_agency_period', ['schedule_id', 'period_key', 'unit_id', 'agency_id'], unique=True)
        batch_op.create_index('uq_report_unit_period', ['schedule_id', 'period_key', 'unit_id'], unique=True, postgresql_where=sa.text('agency_id IS NULL'), sqlite_where=sa.text('agency_id IS NULL'))

    op.create_table('report_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('status', sa.Enum('draft', 'submitted', 'accepted', 'returned', name='reportstatus', native_enum=False), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('comment', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_report_event_report_id_report'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_report_event_user_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_event'))
    )
    with op.batch_alter_table('report_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_event_report_id'), ['report_id'], unique=False)

    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rule', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True))



def downgrade() -> None:
    # Not a batch rebuild: activity_quantity references indicator, and SQLite (3.35+) drops a
    # column in place, as Postgres does.
    op.execute('ALTER TABLE indicator DROP COLUMN rule')

    with op.batch_alter_table('report_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_event_report_id'))

    op.drop_table('report_event')
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_index('uq_report_unit_period', postgresql_where=sa.text('agency_id IS NULL'), sqlite_where=sa.text('agency_id IS NULL'))
        batch_op.drop_index('uq_report_agency_period')
        batch_op.drop_index(batch_op.f('ix_report_unit_id'))
        batch_op.drop_index(batch_op.f('ix_report_status'))
        batch_op.drop_index(batch_op.f('ix_report_schedule_id'))
        batch_op.drop_index(batch_op.f('ix_report_receiver_unit_id'))
        batch_op.drop_index('ix_report_receiver_period')
        batch_op.drop_index(batch_op.f('ix_report_agency_id'))

    op.drop_table('report')
    with op.batch_alter_table('reporting_schedule', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reporting_schedule_unit_id'))
        batch_op.drop_index(batch_op.f('ix_reporting_schedule_receiver_unit_id'))
        batch_op.drop_index(batch_op.f('ix_reporting_schedule_plan_id'))

    op.drop_table('reporting_schedule')
