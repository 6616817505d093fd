"""Area boundaries from the CBS/PDOK wijk- en buurtkaart, simplified for the screen.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 14:30:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('areas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('outline', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('areas', schema=None) as batch_op:
        batch_op.drop_column('outline')
