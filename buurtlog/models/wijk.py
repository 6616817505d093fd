"""The wijk picture: presence at places, the team's wijkschets and the public page's switch.

A wijkschets is never edited in place: every save is a new version, so its history is the
list of its versions.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from buurtlog.extensions import Model
from buurtlog.models.core import Area, Place, Team, User, UTCDateTime, utcnow

SKETCH_MAX = 10000
PRESENCE_MAX_HOURS = 16


class Presence(Model):
    """A block of time a worker was present at a place; open while `ended_at` is empty."""

    __tablename__ = "presences"
    __table_args__ = (
        sa.Index("ix_presences_place_id_started_at", "place_id", "started_at"),
        sa.Index("ix_presences_user_id_started_at", "user_id", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    team_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("teams.id", ondelete="SET NULL"), index=True
    )
    place_id: Mapped[int] = mapped_column(sa.ForeignKey("places.id"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Made by the client, so a start or stop kept offline is replayed exactly once.
    client_id: Mapped[uuid.UUID | None] = mapped_column(sa.Uuid, unique=True)

    user: Mapped[User] = relationship()
    team: Mapped[Team | None] = relationship()
    place: Mapped[Place] = relationship()

    @property
    def hours(self) -> float:
        """Return the length of a finished block in hours (0 while it runs)."""
        if self.ended_at is None:
            return 0.0
        return (self.ended_at - self.started_at).total_seconds() / 3600


class WijkSketch(Model):
    """One version of a team's own text about a wijk: facilities, groups, what is going on."""

    __tablename__ = "wijk_sketches"
    __table_args__ = (
        sa.Index("ix_wijk_sketches_area_id_team_id_created_at", "area_id", "team_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(sa.ForeignKey("areas.id", ondelete="CASCADE"))
    team_id: Mapped[int] = mapped_column(sa.ForeignKey("teams.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(sa.Text)
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    area: Mapped[Area] = relationship()
    team: Mapped[Team] = relationship()
    author: Mapped[User | None] = relationship()


class WijkSettings(Model):
    """A team's settings for one wijk: whether its public pages are switched on."""

    __tablename__ = "wijk_settings"

    area_id: Mapped[int] = mapped_column(
        sa.ForeignKey("areas.id", ondelete="CASCADE"), primary_key=True
    )
    team_id: Mapped[int] = mapped_column(
        sa.ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True
    )
    public_enabled: Mapped[bool] = mapped_column(default=False)
    # The public list of initiatives has a switch of its own: publishing what there is to do
    # in the wijk is harmless where publishing what residents say may not be.
    public_initiatives: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    updated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    area: Mapped[Area] = relationship()
    team: Mapped[Team] = relationship()
    updated_by: Mapped[User | None] = relationship()


class AreaFigures(Model):
    """CBS's key figures of an area for one year (*Kerncijfers wijken en buurten*).

    Public statistics, not the team's data: they give the team's counts their context (how many
    live here, who) and a fair measure across wijken of different size (per 1,000 inhabitants).
    An empty figure is one CBS does not publish for the area (too few people, or not known).
    """

    __tablename__ = "area_figures"
    __table_args__ = (sa.UniqueConstraint("area_id", "year", name="uq_area_figures_area_id_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(sa.ForeignKey("areas.id", ondelete="CASCADE"))
    year: Mapped[int]
    inhabitants: Mapped[int | None]
    age_0_14: Mapped[int | None]
    age_15_24: Mapped[int | None]
    age_25_44: Mapped[int | None]
    age_45_64: Mapped[int | None]
    age_65_plus: Mapped[int | None]
    households: Mapped[int | None]
    single_person_households: Mapped[int | None]
    # Percentages as CBS gives them: households with a low income, and dwellings a housing
    # corporation owns (social rent).
    low_income_share: Mapped[float | None]
    social_rent_share: Mapped[float | None]
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    area: Mapped[Area] = relationship()
