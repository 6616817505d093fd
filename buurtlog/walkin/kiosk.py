"""Kiosk mode: visitors tap in themselves on a tablet; only the host's PIN lets anyone out.

Nothing recorded is shown at the kiosk. A burst of taps (a child, a prank) is slowed down:
taps beyond a quick pace are kept but flagged for the host, and beyond a hard limit refused.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from buurtlog.accounts.services import hasher
from buurtlog.extensions import db
from buurtlog.models import CheckIn, User, WalkInSession, utcnow
from buurtlog.walkin import services

RAPID_PER_MINUTE = 12  # more kiosk taps than this in a minute are flagged for the host
MAX_PER_MINUTE = 30  # and more than this are refused


def start(session: WalkInSession, pin: str) -> None:
    """Switch the session's kiosk on with the host's PIN (stored as an Argon2 hash)."""
    session.kiosk_pin_hash = hasher.hash(pin)
    db.session.commit()


def pin_matches(session: WalkInSession, pin: str) -> bool:
    """Tell whether the PIN opens the kiosk of this session."""
    if not session.kiosk_pin_hash:
        return False
    try:
        return hasher.verify(session.kiosk_pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


def taps_last_minute(session: WalkInSession, at: datetime | None = None) -> int:
    """Count the kiosk taps of the last minute, or of the minute up to a tap made offline."""
    if at is None:
        return (
            db.session.scalar(
                select(func.count())
                .select_from(CheckIn)
                .where(
                    CheckIn.session_id == session.id,
                    CheckIn.source == "kiosk",
                    CheckIn.created_at >= utcnow() - timedelta(minutes=1),
                )
            )
            or 0
        )
    return (
        db.session.scalar(
            select(func.count())
            .select_from(CheckIn)
            .where(
                CheckIn.session_id == session.id,
                CheckIn.source == "kiosk",
                CheckIn.occurred_at > at - timedelta(minutes=1),
                CheckIn.occurred_at <= at,
            )
        )
        or 0
    )


def tap(
    session: WalkInSession,
    host: User,
    visitor: str,
    checkin_id: uuid.UUID | None = None,
    at: datetime | None = None,
) -> str:
    """Record a visitor's own tap; answer created, duplicate, conflict, double_tap or
    rate_limited.

    A tap kept offline by the kiosk's outbox comes with its own id (sent again, it is a
    duplicate) and the moment it was made, by which its pace is judged.
    """
    if checkin_id is not None and db.session.get(CheckIn, checkin_id) is not None:
        status, _ = services.record_checkin(
            session, host, checkin_id, {"visitor": visitor}, at=at, source="kiosk"
        )
        return status
    recent = taps_last_minute(session, at)
    if recent >= MAX_PER_MINUTE:
        return "rate_limited"
    status, _ = services.record_checkin(
        session,
        host,
        checkin_id or uuid.uuid4(),
        {"visitor": visitor},
        at=at,
        source="kiosk",
        flagged_rapid=recent >= RAPID_PER_MINUTE,
    )
    return status
