"""Sessions: a fresh one on every sign-in, idle and absolute expiry, and the step in between.

The session cookie names the user as "id.epoch" (`User.get_id`), the time of signing in and
the time last seen (whole Unix seconds), and whether a second factor was given. The cookie is
signed, so none of these can be altered; an old copy of it expires on its own times, and
raising the user's epoch (sign-out, deactivation, password or two-factor change) ends every
copy at once.

Between the password and the authenticator code the user is only *pending*: the session holds
who and since when under `_pending`, and no `_user_id`, so Flask-Login sees nobody and no page
or API call is open to them.
"""

import time

from flask import current_app, g, session
from flask_login import login_user

from buurtlog.accounts import two_factor
from buurtlog.extensions import db
from buurtlog.models import User

PENDING_SECONDS = 10 * 60  # time to fetch the phone and type the code
SEEN_RESOLUTION = 60  # rewrite the last-seen time (and the cookie) at most once a minute
LOGIN_KEYS = ("_user_id", "_fresh", "_id", "_auth_at", "_seen_at", "_mfa")


def now() -> int:
    """Return the current Unix time in whole seconds (tests replace this to travel in time)."""
    return int(time.time())


def stamp(store, user: User, mfa: bool = False) -> None:
    """Write the marks of a signed-in user into a session (or a test's session)."""
    moment = now()
    store["_user_id"] = user.get_id()
    store["_fresh"] = True
    store["_auth_at"] = moment
    store["_seen_at"] = moment
    store["_mfa"] = mfa


def start(user: User, mfa: bool) -> None:
    """Sign the user in on a brand-new session: nothing of the one before survives."""
    session.clear()
    login_user(user)
    stamp(session, user, mfa)


def restart(user: User) -> None:
    """Keep this browser signed in after the user's epoch was raised (ending other sessions)."""
    start(user, mfa=bool(session.get("_mfa")))


def user_for_id(user_id: str | None) -> User | None:
    """Return the active user named by an "id.epoch" value, if that epoch is still current."""
    ident, _dot, epoch = str(user_id or "").partition(".")
    if not (ident.isdigit() and epoch.isdigit()):
        return None
    user = db.session.get(User, int(ident))
    if user is None or not user.active or user.session_epoch != int(epoch):
        return None
    return user


def load(user_id: str) -> User | None:
    """Return the session's user, or None when the session has ended (and forget it)."""
    user = user_for_id(user_id)
    moment = now()
    auth_at, seen_at = session.get("_auth_at"), session.get("_seen_at")
    if user is None or not isinstance(auth_at, int) or not isinstance(seen_at, int):
        _end()
        return None
    config = current_app.config
    if moment - auth_at > config["SESSION_LIFETIME_HOURS"] * 3600:
        _end("lifetime")
        return None
    if moment - seen_at > config["SESSION_IDLE_MINUTES"] * 60:
        _end("idle")
        return None
    if (user.has_two_factor or two_factor.is_required(user)) and not session.get("_mfa"):
        _end()  # the policy or the role changed since this session began
        return None
    if moment - seen_at >= SEEN_RESOLUTION:
        session["_seen_at"] = moment
    return user


def _end(reason: str | None = None) -> None:
    """Drop the sign-in from the session; remember why, for the sign-in page's message."""
    for key in LOGIN_KEYS:
        session.pop(key, None)
    if reason:
        g.session_expired = reason


def begin_pending(user: User, step: str, next_url: str) -> None:
    """Hold the user between password and code (`step` "code") or enrolment ("enrol")."""
    session.clear()
    session["_pending"] = {"user": user.get_id(), "at": now(), "step": step, "next": next_url}


def pending() -> tuple[User, str, str] | tuple[None, None, None]:
    """Return the pending user with their step and where they were going, if still valid."""
    data = session.get("_pending")
    if not isinstance(data, dict):
        return None, None, None
    at, step, next_url = data.get("at"), data.get("step"), data.get("next") or "/"
    user = user_for_id(data.get("user"))
    if (
        user is None
        or not isinstance(at, int)
        or now() - at > PENDING_SECONDS
        or not isinstance(step, str)
        or not isinstance(next_url, str)
    ):
        session.pop("_pending", None)
        return None, None, None
    return user, step, next_url
