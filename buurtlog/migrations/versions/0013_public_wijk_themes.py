"""Let a coordinator show a wijk theme by name on the wijk's public page.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 08:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('wijk_themes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('public', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade():
    with op.batch_alter_table('wijk_themes', schema=None) as batch_op:
        batch_op.drop_column('public')
