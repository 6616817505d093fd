"""The wijk picture: presence, wijkschets versions and the public page's switch

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 03:50:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('presences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('place_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_presences_place_id_places')),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_presences_team_id_teams'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_presences_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_presences'))
    )
    with op.batch_alter_table('presences', schema=None) as batch_op:
        batch_op.create_index('ix_presences_place_id_started_at', ['place_id', 'started_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_presences_team_id'), ['team_id'], unique=False)
        batch_op.create_index('ix_presences_user_id_started_at', ['user_id', 'started_at'], unique=False)

    op.create_table('wijk_sketches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('area_id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_wijk_sketches_area_id_areas'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_wijk_sketches_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_wijk_sketches_team_id_teams'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_wijk_sketches'))
    )
    with op.batch_alter_table('wijk_sketches', schema=None) as batch_op:
        batch_op.create_index('ix_wijk_sketches_area_id_team_id_created_at', ['area_id', 'team_id', 'created_at'], unique=False)

    op.create_table('wijk_settings',
    sa.Column('area_id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('public_enabled', sa.Boolean(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_wijk_settings_area_id_areas'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_wijk_settings_team_id_teams'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_wijk_settings_updated_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('area_id', 'team_id', name=op.f('pk_wijk_settings'))
    )


def downgrade():
    op.drop_table('wijk_settings')
    with op.batch_alter_table('wijk_sketches', schema=None) as batch_op:
        batch_op.drop_index('ix_wijk_sketches_area_id_team_id_created_at')
    op.drop_table('wijk_sketches')
    with op.batch_alter_table('presences', schema=None) as batch_op:
        batch_op.drop_index('ix_presences_user_id_started_at')
        batch_op.drop_index(batch_op.f('ix_presences_team_id'))
        batch_op.drop_index('ix_presences_place_id_started_at')
    op.drop_table('presences')
