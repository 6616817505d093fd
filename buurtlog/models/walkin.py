"""Walk-in mornings (inloopochtenden): sessions at a place, their usual schedule, and check-ins.

A check-in is one visitor, tallied anonymously by the host (or by the visitor at the kiosk).
Sessions and check-ins carry ids made by the client, so a tally kept offline keeps its
identity through every retry, exactly like an entry.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from buurtlog.extensions import Model
from buurtlog.models.core import Entry, Place, Team, Theme, User, UTCDateTime, choice, utcnow

VISITOR_KINDS = ("new", "known")
CHECKIN_SOURCES = ("host", "kiosk")
REFERRED_ELSEWHERE_MAX = 120


class WalkInSchedule(Model):
    """The usual weekly slot of a team's walk-in morning at a place (remembered for next time)."""

    __tablename__ = "walk_in_schedules"
    __table_args__ = (
        sa.UniqueConstraint(
            "team_id", "place_id", "weekday", name="uq_walk_in_schedules_team_id_place_id_weekday"
        ),
        sa.CheckConstraint("weekday >= 0 AND weekday <= 6", name="weekday_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(sa.ForeignKey("teams.id", ondelete="CASCADE"))
    place_id: Mapped[int] = mapped_column(sa.ForeignKey("places.id", ondelete="CASCADE"))
    weekday: Mapped[int]  # Monday is 0, as in Python
    starts_at: Mapped[time]
    ends_at: Mapped[time | None]

    team: Mapped[Team] = relationship()
    place: Mapped[Place] = relationship()


class WalkInSession(Model):
    """One walk-in morning at a place; open while `ended_at` is empty."""

    __tablename__ = "walk_in_sessions"
    __table_args__ = (
        sa.Index("ix_walk_in_sessions_team_id_started_at", "team_id", "started_at"),
        sa.Index("ix_walk_in_sessions_place_id_started_at", "place_id", "started_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, primary_key=True, default=uuid.uuid4)
    team_id: Mapped[int | None] = mapped_column(sa.ForeignKey("teams.id", ondelete="SET NULL"))
    place_id: Mapped[int] = mapped_column(sa.ForeignKey("places.id"))
    host_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    # Kiosk mode: visitors tap in themselves; leaving it needs the host's PIN (argon2 hash).
    kiosk_pin_hash: Mapped[str | None] = mapped_column(sa.String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    team: Mapped[Team | None] = relationship()
    place: Mapped[Place] = relationship()
    host: Mapped[User | None] = relationship(foreign_keys=[host_id])
    ended_by: Mapped[User | None] = relationship(foreign_keys=[ended_by_id])
    checkins: Mapped[list[CheckIn]] = relationship(
        back_populates="session", order_by="CheckIn.occurred_at"
    )

    @property
    def is_open(self) -> bool:
        """Tell whether the session is still running."""
        return self.ended_at is None


class CheckIn(Model):
    """One visitor of a walk-in session: new or known face, what about, where referred. No name."""

    __tablename__ = "check_ins"
    __table_args__ = (sa.Index("ix_check_ins_session_id_occurred_at", "session_id", "occurred_at"),)

    # Made by the client, so a tally kept offline keeps its identity through every retry.
    id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, primary_key=True, default=uuid.uuid4)
    session_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("walk_in_sessions.id", ondelete="CASCADE")
    )
    recorded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    source: Mapped[str] = mapped_column(choice(CHECKIN_SOURCES, "check_in_source"), default="host")
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    visitor: Mapped[str] = mapped_column(choice(VISITOR_KINDS, "check_in_visitor"))
    theme_id: Mapped[int | None] = mapped_column(sa.ForeignKey("themes.id"), index=True)
    # "Just coffee and company": a visit without a question is a result too.
    just_company: Mapped[bool] = mapped_column(default=False)
    referred: Mapped[bool] = mapped_column(default=False)
    # An organisation outside the initiatives register, in a few words (never a person).
    referred_elsewhere: Mapped[str | None] = mapped_column(sa.String(REFERRED_ELSEWHERE_MAX))
    # Set when the host turned the check-in into a full entry.
    entry_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("entries.id", ondelete="SET NULL"), index=True
    )
    # Undo keeps the row (so a retried sync of the same id stays a duplicate, not a new visitor).
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Flags for the host: arrived after a colleague closed the session; kiosk tapped too fast.
    late: Mapped[bool] = mapped_column(default=False)
    flagged_rapid: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    session: Mapped[WalkInSession] = relationship(back_populates="checkins")
    recorded_by: Mapped[User | None] = relationship()
    theme: Mapped[Theme | None] = relationship()
    entry: Mapped[Entry | None] = relationship()
