"""Presence started and stopped offline, replayed from the phone's outbox exactly once.

A start carries the presence's client UUID, the place and the moment; a stop carries the same
UUID and its moment. Sending either again answers "duplicate" and changes nothing.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from buurtlog.entries.services import active_places
from buurtlog.extensions import db
from buurtlog.forms import parse_moment
from buurtlog.models import PRESENCE_MAX_HOURS, Presence, User, utcnow

ACTIONS = ("start", "stop")


def _moment(value: object) -> datetime | None:
    """Read an ISO moment with a UTC offset, not ahead and not older than a week."""
    moment = parse_moment(value)
    now = utcnow()
    if moment is None or moment > now + timedelta(minutes=5) or moment < now - timedelta(days=7):
        return None
    return moment


def _same_second(a: datetime | None, b: datetime | None) -> bool:
    """Tell whether two moments are the same to the second."""
    return a is not None and b is not None and abs((a - b).total_seconds()) < 1


def _start(user: User, presence_id: uuid.UUID, place, at: datetime) -> str:
    """Start presence at a place at a moment, closing one still running from before."""
    existing = db.session.scalar(select(Presence).where(Presence.client_id == presence_id))
    if existing is not None:
        same = (
            existing.user_id == user.id
            and existing.place_id == place.id
            and _same_second(existing.started_at, at)
        )
        return "duplicate" if same else "conflict"
    running = db.session.scalar(
        select(Presence)
        .where(Presence.user_id == user.id, Presence.ended_at.is_(None), Presence.started_at <= at)
        .order_by(Presence.started_at.desc())
        .limit(1)
    )
    if running is not None:
        running.ended_at = min(at, running.started_at + timedelta(hours=PRESENCE_MAX_HOURS))
    try:
        with db.session.begin_nested():
            db.session.add(
                Presence(
                    user=user, team=user.team, place=place, started_at=at, client_id=presence_id
                )
            )
    except IntegrityError:
        return "duplicate"
    db.session.commit()
    return "created"


def _stop(user: User, presence_id: uuid.UUID, at: datetime) -> tuple[str, dict]:
    """Stop the presence with this client UUID at a moment."""
    presence = db.session.scalar(select(Presence).where(Presence.client_id == presence_id))
    if presence is None or presence.user_id != user.id:
        return "invalid", {"id": "Unknown presence: send its start first."}
    end = min(at, presence.started_at + timedelta(hours=PRESENCE_MAX_HOURS))
    if presence.ended_at is not None:
        return ("duplicate" if _same_second(presence.ended_at, end) else "conflict"), {}
    if end < presence.started_at:
        return "invalid", {"at": "The stop comes before the start."}
    presence.ended_at = end
    db.session.commit()
    return "created", {}


def sync_presence(items: list, user: User) -> list[dict]:
    """Replay starts and stops of presence in the order sent; answer per item."""
    places = None
    results = []
    for item in items:
        result: dict[str, Any] = {"id": None, "status": "invalid", "errors": {}}
        results.append(result)
        if not isinstance(item, dict):
            result["errors"] = {"presence": "Each item must be a JSON object."}
            continue
        try:
            presence_id = uuid.UUID(str(item.get("id")))
        except ValueError:
            result["errors"] = {"id": "A UUID made by the client is required."}
            continue
        result["id"] = str(presence_id)
        action, at = item.get("action"), _moment(item.get("at"))
        if action not in ACTIONS:
            result["errors"]["action"] = "Must be start or stop."
        if at is None:
            result["errors"]["at"] = (
                "An ISO 8601 date-time with a UTC offset, within the last week and not ahead."
            )
        if result["errors"] or at is None:  # no moment is one of the errors
            continue
        if action == "stop":
            result["status"], result["errors"] = _stop(user, presence_id, at)
            continue
        if places is None:
            places = {p.id: p for p in active_places()}
        place = item.get("place")
        if isinstance(place, bool) or not isinstance(place, int) or place not in places:
            result["errors"] = {"place": "Choose an active place."}
            continue
        result["status"] = _start(user, presence_id, places[place], at)
    return results
