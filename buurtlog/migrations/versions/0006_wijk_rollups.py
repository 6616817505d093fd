"""Indexes for the wijk picture at scale: a covering index on entries by area and time

No rollup table: the covering index keeps the wijk page within its target (BENCHMARKS.md,
"Wijk picture"), so no write path has to keep counts in step.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 05:15:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

COVERING = ['area_id', 'occurred_at', 'kind', 'initiated_by', 'first_contact', 'people',
            'contact_type', 'setting', 'place_id', 'id']


def upgrade():
    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.create_index('ix_entries_area_id_occurred_at_covering', COVERING, unique=False)
        batch_op.drop_index('ix_entries_area_id_occurred_at')


def downgrade():
    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.create_index('ix_entries_area_id_occurred_at', ['area_id', 'occurred_at'],
                              unique=False)
        batch_op.drop_index('ix_entries_area_id_occurred_at_covering')
