"""An entry is sensitive when one of its themes is, read from the themes every time.

The copied `entries.sensitive` flag went stale when an admin marked a theme sensitive later:
its old entries stayed open to every colleague. The flag is dropped; `Entry.sensitive` asks
the themes (`models.has_sensitive_theme`). A downgrade copies the flag back from the themes.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 14:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.drop_column('sensitive')


def downgrade():
    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sensitive', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    entries = sa.table('entries', sa.column('id', sa.Uuid()), sa.column('sensitive', sa.Boolean()))
    links = sa.table('entry_themes', sa.column('entry_id', sa.Uuid()),
                     sa.column('theme_id', sa.Integer()))
    themes = sa.table('themes', sa.column('id', sa.Integer()), sa.column('sensitive', sa.Boolean()))
    op.execute(entries.update().values(sensitive=sa.exists().where(
        links.c.entry_id == entries.c.id, links.c.theme_id == themes.c.id, themes.c.sensitive)))
    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.alter_column('sensitive', server_default=None)
