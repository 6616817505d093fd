"""Keep a tombstone (id, author, when) for every deleted entry.

`GET /api/v1/entries?since=` reported changed entries but not deleted ones, so an API client
kept an entry deleted on the server. Entries deleted before this migration left no trace and
cannot be reported.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 04:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('entry_tombstones',
    sa.Column('entry_id', sa.Uuid(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'],
                            name=op.f('fk_entry_tombstones_author_id_users')),
    sa.PrimaryKeyConstraint('entry_id', name=op.f('pk_entry_tombstones'))
    )
    with op.batch_alter_table('entry_tombstones', schema=None) as batch_op:
        batch_op.create_index('ix_entry_tombstones_author_id_deleted_at',
                              ['author_id', 'deleted_at'], unique=False)


def downgrade():
    with op.batch_alter_table('entry_tombstones', schema=None) as batch_op:
        batch_op.drop_index('ix_entry_tombstones_author_id_deleted_at')
    op.drop_table('entry_tombstones')
