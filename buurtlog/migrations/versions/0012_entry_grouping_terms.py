"""Store each entry's grouping terms with its texts.

The weekly review split every signal's text into stems on each page view, and kept the result
per worker process to stay fast. The stems are now written when an entry is saved (the log
form, the walk-in's full entry and the sync alike) and cleared with the texts by retention,
so every process reads them from the database. Existing entries get theirs here.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 04:30:00.000000

"""
import sqlalchemy as sa
from alembic import op

from buurtlog.entries.terms import stored_terms

# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

BATCH = 1000


def upgrade():
    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('grouping_terms', sa.Text(), nullable=True))
    entries = sa.table('entries', sa.column('id', sa.Uuid()),
                       sa.column('underlying_question', sa.String()),
                       sa.column('note', sa.String()), sa.column('grouping_terms', sa.Text()))
    connection = op.get_bind()
    rows = connection.execute(sa.select(entries.c.id, entries.c.underlying_question,
                                        entries.c.note).where(
        sa.or_(entries.c.underlying_question.is_not(None), entries.c.note.is_not(None)))).all()
    update = entries.update().where(entries.c.id == sa.bindparam('entry_id')).values(
        grouping_terms=sa.bindparam('terms'))
    for start in range(0, len(rows), BATCH):
        connection.execute(update, [
            {'entry_id': entry_id, 'terms': stored_terms(question, note)}
            for entry_id, question, note in rows[start:start + BATCH]])


def downgrade():
    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.drop_column('grouping_terms')
