"""The weekly review (weekoverleg): meetings, the status of every signal, and wijk themes.

A signal's status lives in a table of its own, keyed by the entry, so the log's own table stays
as the worker wrote it; an entry without a status row is simply "new".
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from buurtlog.extensions import Model, db
from buurtlog.models.core import Area, Entry, Team, Theme, User, UTCDateTime, choice, utcnow

SIGNAL_STATUSES = (
    "new",
    "discussed",
    "action",
    "referred",
    "collective",
    "monitoring",
    "closed",
)
OUTCOMES = ("action", "referred", "collective", "monitoring")
WIJK_THEME_STATUSES = ("open", "collective", "monitoring", "closed")
WIJK_THEME_EVENTS = ("created", "note", "status", "owner", "renamed", "linked", "unlinked")

DECISION_MAX = 500
DECISIONS_MAX = 4000
WIJK_THEME_NAME_MAX = 120
LOG_NOTE_MAX = 500

review_attendees = sa.Table(
    "review_attendees",
    db.metadata,
    sa.Column("review_id", sa.ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("user_id", sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)

# The review also shows what was logged late, after the last meeting, about a moment before it.
sa.Index(
    "ix_entries_team_id_created_at",
    Entry.__table__.c.team_id,
    Entry.__table__.c.created_at,
    Entry.__table__.c.occurred_at,
)

wijk_theme_entries = sa.Table(
    "wijk_theme_entries",
    db.metadata,
    sa.Column(
        "wijk_theme_id", sa.ForeignKey("wijk_themes.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column(
        "entry_id", sa.ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class Review(Model):
    """A team's weekly meeting: when, who came, which period it covered, what was decided."""

    __tablename__ = "reviews"
    __table_args__ = (sa.Index("ix_reviews_team_id_held_on", "team_id", "held_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(sa.ForeignKey("teams.id", ondelete="CASCADE"))
    held_on: Mapped[date]
    period_start: Mapped[datetime] = mapped_column(UTCDateTime)
    # Empty while the meeting runs; the next review's period starts where this one ended.
    period_end: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decisions: Mapped[str | None] = mapped_column(sa.String(DECISIONS_MAX))
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    team: Mapped[Team] = relationship()
    created_by: Mapped[User | None] = relationship()
    attendees: Mapped[list[User]] = relationship(
        secondary=review_attendees, order_by="(User.name, User.id)"
    )

    @property
    def is_open(self) -> bool:
        """Tell whether the meeting is still running."""
        return self.period_end is None


class SignalStatus(Model):
    """Where a signal stands: its status, owner, decision note and due date."""

    __tablename__ = "signal_statuses"
    __table_args__ = (
        # The review page reads a team's open statuses and those closed lately.
        sa.Index("ix_signal_statuses_team_id_status_updated_at", "team_id", "status", "updated_at"),
    )

    entry_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True
    )
    team_id: Mapped[int] = mapped_column(sa.ForeignKey("teams.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(choice(SIGNAL_STATUSES, "signal_status"), default="new")
    owner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    # Team-internal working text, checked for personal data like the log's notes.
    decision: Mapped[str | None] = mapped_column(sa.String(DECISION_MAX))
    due_on: Mapped[date | None]
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    # Raised on every change: a change made on a stale page carries an older version.
    version: Mapped[int] = mapped_column(default=1)

    entry: Mapped[Entry] = relationship()
    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id])

    __mapper_args__ = {"version_id_col": version}


class StatusChange(Model):
    """One change of a signal's status or owner, the source of a meeting's decisions."""

    __tablename__ = "status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("entries.id", ondelete="CASCADE"), index=True
    )
    team_id: Mapped[int] = mapped_column(sa.ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    review_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("reviews.id", ondelete="SET NULL"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    from_status: Mapped[str] = mapped_column(choice(SIGNAL_STATUSES, "status_change_from"))
    to_status: Mapped[str] = mapped_column(choice(SIGNAL_STATUSES, "status_change_to"))
    owner_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    due_on: Mapped[date | None]
    decision: Mapped[str | None] = mapped_column(sa.String(DECISION_MAX))

    entry: Mapped[Entry] = relationship()
    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id])


class WijkTheme(Model):
    """Signals of one wijk that the team decided belong together, with a status and an owner."""

    __tablename__ = "wijk_themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(sa.ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    area_id: Mapped[int] = mapped_column(sa.ForeignKey("areas.id"))
    theme_id: Mapped[int | None] = mapped_column(sa.ForeignKey("themes.id"))
    name: Mapped[str] = mapped_column(sa.String(WIJK_THEME_NAME_MAX))
    status: Mapped[str] = mapped_column(
        choice(WIJK_THEME_STATUSES, "wijk_theme_status"), default="open"
    )
    owner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)
    # Shown by name on the wijk's public page: a coordinator's choice, never under a sensitive
    # theme (the page checks the theme as it is now), never with a name the guard flags.
    public: Mapped[bool] = mapped_column(default=False, server_default=sa.false())

    team: Mapped[Team] = relationship()
    area: Mapped[Area] = relationship()
    theme: Mapped[Theme | None] = relationship()
    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id])
    entries: Mapped[list[Entry]] = relationship(
        secondary=wijk_theme_entries, order_by="(Entry.occurred_at.desc(), Entry.id)"
    )
    notes: Mapped[list[WijkThemeNote]] = relationship(
        back_populates="wijk_theme",
        cascade="all, delete-orphan",
        order_by="(WijkThemeNote.at.desc(), WijkThemeNote.id.desc())",
    )

    __mapper_args__ = {"version_id_col": version}


class WijkThemeNote(Model):
    """One line of a wijk theme's running log: a note, or what changed, when and by whom."""

    __tablename__ = "wijk_theme_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    wijk_theme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("wijk_themes.id", ondelete="CASCADE"), index=True
    )
    review_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("reviews.id", ondelete="SET NULL"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    event: Mapped[str] = mapped_column(choice(WIJK_THEME_EVENTS, "wijk_theme_event"))
    value: Mapped[str | None] = mapped_column(sa.String(40))  # a coded value or a count
    text: Mapped[str | None] = mapped_column(sa.String(LOG_NOTE_MAX))

    wijk_theme: Mapped[WijkTheme] = relationship(back_populates="notes")
    author: Mapped[User | None] = relationship()


class DismissedProposal(Model):
    """A grouping proposal the team turned down; its signals are not proposed together again."""

    __tablename__ = "dismissed_proposals"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(sa.ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(sa.String(200))
    entry_ids: Mapped[list] = mapped_column(sa.JSON, default=list)
    dismissed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    dismissed_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
