"""The review page reads a team's open statuses and those closed lately, not every status the
team ever closed (`review.signals.current_statuses`): the index on team and status gains the
time of the last change.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 17:00:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('signal_statuses', schema=None) as batch_op:
        batch_op.drop_index('ix_signal_statuses_team_id_status')
        batch_op.create_index('ix_signal_statuses_team_id_status_updated_at',
                              ['team_id', 'status', 'updated_at'], unique=False)


def downgrade():
    with op.batch_alter_table('signal_statuses', schema=None) as batch_op:
        batch_op.drop_index('ix_signal_statuses_team_id_status_updated_at')
        batch_op.create_index('ix_signal_statuses_team_id_status', ['team_id', 'status'],
                              unique=False)
