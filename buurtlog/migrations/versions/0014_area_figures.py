"""CBS key figures per area and year (Kerncijfers wijken en buurten).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 13:30:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'area_figures',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('area_id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('inhabitants', sa.Integer(), nullable=True),
        sa.Column('age_0_14', sa.Integer(), nullable=True),
        sa.Column('age_15_24', sa.Integer(), nullable=True),
        sa.Column('age_25_44', sa.Integer(), nullable=True),
        sa.Column('age_45_64', sa.Integer(), nullable=True),
        sa.Column('age_65_plus', sa.Integer(), nullable=True),
        sa.Column('households', sa.Integer(), nullable=True),
        sa.Column('single_person_households', sa.Integer(), nullable=True),
        sa.Column('low_income_share', sa.Double(), nullable=True),
        sa.Column('social_rent_share', sa.Double(), nullable=True),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['area_id'], ['areas.id'],
                                name=op.f('fk_area_figures_area_id_areas'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_area_figures')),
        sa.UniqueConstraint('area_id', 'year', name='uq_area_figures_area_id_year'),
    )


def downgrade():
    op.drop_table('area_figures')
