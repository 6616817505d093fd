"""Initiatives, referrals and help across wijken.

An initiative is something residents or an organisation carry (the Geheugenhuis, budget
buddies, a language café); its contact is always a public channel, never a private person.
A referral links an entry or a check-in to an initiative. An exchange item is an offer or a
request for help whose only contact point is the worker who holds it.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from buurtlog.extensions import Model, db
from buurtlog.models.core import Area, Entry, Place, Team, Theme, User, UTCDateTime, choice, utcnow
from buurtlog.models.walkin import CheckIn

INITIATIVE_STATUSES = ("active", "paused", "ended")
CARRIED_BY = ("residents", "organisation")
EXCHANGE_KINDS = ("offer", "request")
EXCHANGE_STATUSES = ("open", "matched", "closed")
MATCH_STATUSES = ("proposed", "confirmed", "declined")

INITIATIVE_NAME_MAX = 120
INITIATIVE_TEXT_MAX = 1000
AUDIENCE_MAX = 300
SCHEDULE_TEXT_MAX = 200
CONTACT_MAX = 200
ORGANISATION_MAX = 120
EXCHANGE_TEXT_MAX = 300
HSDS_ID_MAX = 100
STALE_AFTER_DAYS = 183  # about six months: stale directories are what users complain about most

initiative_areas = sa.Table(
    "initiative_areas",
    db.metadata,
    sa.Column(
        "initiative_id", sa.ForeignKey("initiatives.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column(
        "area_id", sa.ForeignKey("areas.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)

initiative_themes = sa.Table(
    "initiative_themes",
    db.metadata,
    sa.Column(
        "initiative_id", sa.ForeignKey("initiatives.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column(
        "theme_id", sa.ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class Initiative(Model):
    """A collective resident initiative or local provision, with where, when and for whom."""

    __tablename__ = "initiatives"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The Open Referral (HSDS) service id: kept through export and re-import, so it is stable.
    hsds_id: Mapped[str] = mapped_column(
        sa.String(HSDS_ID_MAX), unique=True, default=lambda: str(uuid.uuid4())
    )
    name: Mapped[str] = mapped_column(sa.String(INITIATIVE_NAME_MAX))
    offer: Mapped[str] = mapped_column(sa.String(INITIATIVE_TEXT_MAX))  # what it offers
    audience: Mapped[str | None] = mapped_column(sa.String(AUDIENCE_MAX))  # for whom
    place_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("places.id", ondelete="SET NULL"), index=True
    )
    schedule_text: Mapped[str | None] = mapped_column(sa.String(SCHEDULE_TEXT_MAX))
    carried_by: Mapped[str] = mapped_column(
        choice(CARRIED_BY, "initiative_carried_by"), default="residents"
    )
    organisation: Mapped[str | None] = mapped_column(sa.String(ORGANISATION_MAX))
    contact: Mapped[str | None] = mapped_column(sa.String(CONTACT_MAX))  # public channel only
    url: Mapped[str | None] = mapped_column(sa.String(CONTACT_MAX))
    status: Mapped[str] = mapped_column(
        choice(INITIATIVE_STATUSES, "initiative_status"), default="active"
    )
    public: Mapped[bool] = mapped_column(default=True)  # may appear on the public wijk list
    last_checked_on: Mapped[date | None]
    team_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("teams.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    place: Mapped[Place | None] = relationship()
    team: Mapped[Team | None] = relationship()
    areas: Mapped[list[Area]] = relationship(
        secondary=initiative_areas, order_by="(Area.name, Area.id)"
    )
    themes: Mapped[list[Theme]] = relationship(
        secondary=initiative_themes, order_by="(Theme.position, Theme.id)"
    )
    schedules: Mapped[list[InitiativeSchedule]] = relationship(
        back_populates="initiative",
        cascade="all, delete-orphan",
        order_by="(InitiativeSchedule.weekday, InitiativeSchedule.opens_at)",
    )

    def __str__(self) -> str:
        return self.name


class InitiativeSchedule(Model):
    """A structured recurring slot of an initiative: a weekday and times, every n weeks."""

    __tablename__ = "initiative_schedules"
    __table_args__ = (
        sa.CheckConstraint("weekday >= 0 AND weekday <= 6", name="weekday_range"),
        sa.CheckConstraint("every_weeks >= 1 AND every_weeks <= 8", name="every_weeks_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        sa.ForeignKey("initiatives.id", ondelete="CASCADE"), index=True
    )
    weekday: Mapped[int]  # Monday is 0, as in Python
    opens_at: Mapped[time]
    closes_at: Mapped[time | None]
    every_weeks: Mapped[int] = mapped_column(default=1)

    initiative: Mapped[Initiative] = relationship(back_populates="schedules")


class Referral(Model):
    """An entry or a check-in that was referred to an initiative (exactly one of the two)."""

    __tablename__ = "referrals"
    __table_args__ = (
        sa.CheckConstraint("(entry_id IS NULL) <> (check_in_id IS NULL)", name="one_source"),
        sa.Index("ix_referrals_initiative_id_created_at", "initiative_id", "created_at"),
        sa.UniqueConstraint(
            "entry_id", "initiative_id", name="uq_referrals_entry_id_initiative_id"
        ),
        sa.UniqueConstraint(
            "check_in_id", "initiative_id", name="uq_referrals_check_in_id_initiative_id"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(sa.ForeignKey("initiatives.id", ondelete="CASCADE"))
    entry_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("entries.id", ondelete="CASCADE")
    )
    check_in_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("check_ins.id", ondelete="CASCADE")
    )
    team_id: Mapped[int | None] = mapped_column(sa.ForeignKey("teams.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    initiative: Mapped[Initiative] = relationship()
    entry: Mapped[Entry | None] = relationship()
    check_in: Mapped[CheckIn | None] = relationship()
    team: Mapped[Team | None] = relationship()
    created_by: Mapped[User | None] = relationship()


class ExchangeItem(Model):
    """An offer or request for help; the worker holding the contact is the only contact point."""

    __tablename__ = "exchange_items"
    __table_args__ = (sa.Index("ix_exchange_items_status_kind", "status", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(choice(EXCHANGE_KINDS, "exchange_kind"))
    description: Mapped[str] = mapped_column(sa.String(EXCHANGE_TEXT_MAX))
    theme_id: Mapped[int] = mapped_column(sa.ForeignKey("themes.id"), index=True)
    area_id: Mapped[int] = mapped_column(sa.ForeignKey("areas.id"), index=True)  # its wijk
    # The person wants help (or to help) away from their own wijk: no meeting at the supermarket.
    outside_own_wijk: Mapped[bool] = mapped_column(default=False)
    worker_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    team_id: Mapped[int | None] = mapped_column(sa.ForeignKey("teams.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(
        choice(EXCHANGE_STATUSES, "exchange_status"), default="open"
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    theme: Mapped[Theme] = relationship()
    area: Mapped[Area] = relationship()
    worker: Mapped[User | None] = relationship()
    team: Mapped[Team | None] = relationship()


class ExchangeMatch(Model):
    """A proposed pair of an offer and a request; confirmed when both workers have agreed."""

    __tablename__ = "exchange_matches"
    __table_args__ = (
        sa.UniqueConstraint(
            "offer_id", "request_id", name="uq_exchange_matches_offer_id_request_id"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(sa.ForeignKey("exchange_items.id", ondelete="CASCADE"))
    request_id: Mapped[int] = mapped_column(
        sa.ForeignKey("exchange_items.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(
        choice(MATCH_STATUSES, "exchange_match_status"), default="proposed"
    )
    offer_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    request_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    proposed_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    offer: Mapped[ExchangeItem] = relationship(foreign_keys=[offer_id])
    request: Mapped[ExchangeItem] = relationship(foreign_keys=[request_id])
    proposed_by: Mapped[User | None] = relationship()
