"""Check-ins and undos from the phone's outbox: one answer per item, in the order sent."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from flask_babel import to_user_timezone
from werkzeug.datastructures import MultiDict

from buurtlog.bounds import UNSTORABLE, unstorable
from buurtlog.extensions import db
from buurtlog.forms import parse_moment
from buurtlog.models import CheckIn, Place, User, WalkInSession, utcnow
from buurtlog.walkin import kiosk, services
from buurtlog.walkin.forms import COMPANY, ELSEWHERE, CheckInForm

TEXT_FIELDS = ("visitor", "theme", "referred_elsewhere", "occurred_at")


def _read(item: object) -> tuple[uuid.UUID | None, uuid.UUID | None, MultiDict | None, dict]:
    """Turn one JSON check-in into its id, its session's id and the tally form's data."""
    if not isinstance(item, dict):
        return None, None, None, {"checkin": "Each check-in must be a JSON object."}
    try:
        checkin_id = uuid.UUID(str(item.get("id")))
    except ValueError:
        return None, None, None, {"id": "A UUID made by the client is required."}
    try:
        session_id = uuid.UUID(str(item.get("session")))
    except ValueError:
        return checkin_id, None, None, {"session": "The walk-in session's UUID is required."}
    errors: dict[str, str] = {}
    for name in TEXT_FIELDS:
        if item.get(name) is not None and not isinstance(item[name], str):
            errors[name] = "Must be a string."
        elif isinstance(item.get(name), str) and unstorable(item[name]):
            errors[name] = UNSTORABLE
    for name in ("just_company", "confirmed_double"):
        if not isinstance(item.get(name, False), bool):
            errors[name] = "Must be true or false."
    initiative = item.get("initiative")
    if initiative is not None and (isinstance(initiative, bool) or not isinstance(initiative, int)):
        errors["initiative"] = "Must be an initiative id (an integer) or null."
    if errors:
        return checkin_id, session_id, None, errors
    if item.get("theme") and item.get("just_company"):
        return checkin_id, session_id, None, {"theme": "A question or just coffee, not both."}
    data = MultiDict({"id": str(checkin_id), "visitor": item.get("visitor") or ""})
    about = item.get("theme") or (COMPANY if item.get("just_company") else None)
    if about:
        data["about"] = about
    if initiative is not None:
        data["referral"] = str(initiative)
    elif item.get("referred_elsewhere"):
        data["referral"] = ELSEWHERE
        data["elsewhere"] = item["referred_elsewhere"]
    if item.get("occurred_at"):
        data["occurred_at"] = item["occurred_at"]
    if item.get("confirmed_double"):
        data["confirm_double"] = "1"
    return checkin_id, session_id, data, {}


def sync_checkins(items: list, user: User, locale: str) -> list[dict]:
    """Record a batch of check-ins exactly once each; answer per check-in, in the order sent."""
    themes = services.active_themes()
    sessions: dict[uuid.UUID, WalkInSession | None] = {}
    initiatives: dict[uuid.UUID, list] = {}
    results = []
    for item in items:
        checkin_id, session_id, data, errors = _read(item)
        result: dict[str, Any] = {
            "id": str(checkin_id) if checkin_id else None,
            "status": "invalid",
            "errors": errors,
        }
        results.append(result)
        if errors or checkin_id is None or session_id is None:  # a missing id is an error
            continue
        if session_id not in sessions:
            sessions[session_id] = services.get_session(session_id, user)
        session = sessions[session_id]
        if session is None:
            result["errors"] = {"session": "Unknown walk-in session."}
            continue
        if session_id not in initiatives:
            initiatives[session_id] = services.referral_initiatives(session.place)
        form = CheckInForm(
            formdata=data,
            meta={"csrf": False},
            themes=themes,
            initiatives=initiatives[session_id],
            locale=locale,
        )
        if not form.validate():
            result["errors"] = {
                name: " ".join(map(str, messages)) for name, messages in form.errors.items()
            }
            continue
        status, _ = services.record_checkin(
            session, user, checkin_id, form.chosen(), at=form.moment()
        )
        result.update(status="duplicate" if status == "double_tap" else status, errors={})
        if status == "double_tap":
            result["double_tap"] = True
    return results


def sync_undos(items: list, user: User) -> list[dict]:
    """Take back taps: created when undone now, duplicate when undone already."""
    results = []
    for item in items:
        result: dict[str, Any] = {"id": None, "status": "invalid", "errors": {}}
        results.append(result)
        if not isinstance(item, dict):
            result["errors"] = {"undo": "Each undo must be a JSON object."}
            continue
        try:
            checkin_id = uuid.UUID(str(item.get("id")))
        except ValueError:
            result["errors"] = {"id": "The check-in's UUID is required."}
            continue
        result["id"] = str(checkin_id)
        at = None
        if item.get("undone_at") is not None:
            at = parse_moment(item["undone_at"])
            if at is None or at.year < 2000 or at > utcnow() + timedelta(minutes=5):
                result["errors"] = {"undone_at": "Use an ISO 8601 date-time with a UTC offset."}
                continue
        checkin = db.session.get(CheckIn, checkin_id)
        if checkin is None or not services.can_use(user, checkin.session):
            result["errors"] = {"id": "Unknown check-in."}
            continue
        undone = services.undo_checkin(checkin, at)
        result.update(status="created" if undone else "duplicate")
    return results


def sync_kiosk_taps(items: list, user: User) -> list[dict]:
    """Count visitors' own taps kept offline by a kiosk, exactly once each.

    Each is judged as a tap at the kiosk then: one visitor for a double tap (a duplicate),
    and refused beyond the kiosk's pace in the minute it was made.
    """
    results = []
    for item in items:
        result: dict[str, Any] = {"id": None, "status": "invalid", "errors": {}}
        results.append(result)
        if not isinstance(item, dict):
            result["errors"] = {"tap": "Each tap must be a JSON object."}
            continue
        try:
            checkin_id = uuid.UUID(str(item.get("id")))
            session_id = uuid.UUID(str(item.get("session")))
        except ValueError:
            result["errors"] = {"id": "The tap's and the session's UUIDs are required."}
            continue
        result["id"] = str(checkin_id)
        if item.get("visitor") not in ("new", "known"):
            result["errors"] = {"visitor": "Either 'new' or 'known'."}
            continue
        at = parse_moment(item["occurred_at"]) if isinstance(item.get("occurred_at"), str) else None
        if at is None or at.year < 2000 or at > utcnow() + timedelta(minutes=5):
            result["errors"] = {"occurred_at": "Use an ISO 8601 date-time with a UTC offset."}
            continue
        session = services.get_session(session_id, user)
        if session is None:
            result["errors"] = {"session": "Unknown walk-in session."}
            continue
        status = kiosk.tap(session, user, item["visitor"], checkin_id, at)
        if status == "rate_limited":
            result["errors"] = {"tap": "Too many taps at the kiosk in that minute; not counted."}
        else:
            result.update(status="duplicate" if status == "double_tap" else status)
    return results


def sync_walkins(items: list, user: User, places: dict[int, Place]) -> list[dict]:
    """Start and end walk-ins kept offline (the session's id made by the phone), exactly once.

    A start answers created, duplicate (this user started it here already) or conflict (the
    id is another walk-in); an end answers created, or duplicate when it had been ended.
    `places` are the active places by id.
    """
    results = []
    for item in items:
        result: dict[str, Any] = {"id": None, "status": "invalid", "errors": {}}
        results.append(result)
        if not isinstance(item, dict):
            result["errors"] = {"walkin": "Each item must be a JSON object."}
            continue
        try:
            session_id = uuid.UUID(str(item.get("id")))
        except ValueError:
            result["errors"] = {"id": "The walk-in's UUID is required."}
            continue
        result["id"] = str(session_id)
        action = item.get("action")
        at = parse_moment(item["at"]) if isinstance(item.get("at"), str) else None
        if action not in ("start", "end"):
            result["errors"] = {"action": "Either 'start' or 'end'."}
        elif at is None or at.year < 2000 or at > utcnow() + timedelta(minutes=5):
            result["errors"] = {"at": "Use an ISO 8601 date-time with a UTC offset."}
        elif action == "start":
            result.update(_start(item, session_id, at, user, places))
        else:
            result.update(_end(session_id, at, user))
    return results


def _start(item: dict, session_id: uuid.UUID, at, user: User, places: dict) -> dict:
    """Start the walk-in kept offline, unless it was started before."""
    place = item.get("place")
    place = places.get(place) if isinstance(place, int) and not isinstance(place, bool) else None
    if place is None:
        return {"errors": {"place": "An active place's id is required."}}
    existing = db.session.get(WalkInSession, session_id)
    if existing is not None:
        same = existing.host_id == user.id and existing.place_id == place.id
        return {"status": "duplicate" if same else "conflict", "errors": {}}
    services.start_session(user, place, session_id, to_user_timezone(at), at=at)
    return {"status": "created", "errors": {}}


def _end(session_id: uuid.UUID, at, user: User) -> dict:
    """End the walk-in kept offline, unless it was ended already."""
    session = services.get_session(session_id, user)
    if session is None:
        return {"errors": {"id": "Unknown walk-in session."}}
    at = max(at, session.started_at)  # a phone's clock a little behind
    if not services.end_session(session, user, to_user_timezone(at), at=at):
        return {"status": "duplicate", "errors": {}}
    return {"status": "created", "errors": {}}
