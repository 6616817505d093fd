"""Indexes telling whether entries changed: the review page keeps the period's signals, and the
opportunities their counts, until an entry of the team or of the wijken changes
(`entries.services.entries_stamp`).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 11:00:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.create_index('ix_entries_team_id_updated_at', ['team_id', 'updated_at'],
                              unique=False)
        batch_op.create_index('ix_entries_area_id_updated_at', ['area_id', 'updated_at'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.drop_index('ix_entries_area_id_updated_at')
        batch_op.drop_index('ix_entries_team_id_updated_at')
