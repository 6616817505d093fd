"""Presence: starting, stopping and logging blocks of time at a place."""

import uuid
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from buurtlog.extensions import db
from buurtlog.models import PRESENCE_MAX_HOURS, Place, Presence, User, utcnow

RECENT = 20


def running(user: User) -> Presence | None:
    """Return the user's presence that has not been stopped yet."""
    return db.session.scalar(
        select(Presence)
        .where(Presence.user_id == user.id, Presence.ended_at.is_(None))
        .order_by(Presence.started_at.desc())
        .limit(1)
    )


def recent(user: User) -> list[Presence]:
    """Return the user's latest blocks of presence, newest first."""
    return list(
        db.session.scalars(
            select(Presence)
            .where(Presence.user_id == user.id)
            .options(selectinload(Presence.place).selectinload(Place.area))
            .order_by(Presence.started_at.desc(), Presence.id.desc())
            .limit(RECENT)
        )
    )


def start(user: User, place: Place) -> Presence:
    """Start presence at a place, stopping a block still running elsewhere."""
    stop(user)
    presence = Presence(
        user=user, team=user.team, place=place, started_at=utcnow(), client_id=uuid.uuid4()
    )  # so a phone can stop it through the outbox
    db.session.add(presence)
    db.session.commit()
    return presence


def stop(user: User, at: datetime | None = None) -> Presence | None:
    """Stop the running presence; a forgotten one is capped at the longest block allowed."""
    presence = running(user)
    if presence is None:
        return None
    end = at or utcnow()
    presence.ended_at = min(end, presence.started_at + timedelta(hours=PRESENCE_MAX_HOURS))
    db.session.commit()
    return presence


def log_block(user: User, place: Place, started_at: datetime, ended_at: datetime) -> Presence:
    """Save a block of presence logged afterwards."""
    presence = Presence(
        user=user, team=user.team, place=place, started_at=started_at, ended_at=ended_at
    )
    db.session.add(presence)
    db.session.commit()
    return presence
