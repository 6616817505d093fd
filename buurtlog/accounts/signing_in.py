"""What the sign-in steps share (the password in `views`, the code in `two_factor_views`): the
accounts blueprint, one budget of attempts per address, and starting the session."""

from flask import Blueprint, current_app

from buurtlog.accounts import sessions
from buurtlog.audit.services import record_event
from buurtlog.extensions import db, limiter
from buurtlog.models import User, utcnow

bp = Blueprint("accounts", __name__)


def note_rate_limited(limit) -> None:
    """Put a refused burst of sign-in attempts in the audit log (without the address)."""
    record_event("login.rate_limited", limit=str(limit.limit))
    db.session.commit()


# Shared with the code step after the password (two_factor_views.py): one budget per account.
limit_per_address = limiter.shared_limit(
    lambda: current_app.config["LOGIN_LIMIT_PER_ADDRESS"],
    scope="sign-in-address",
    methods=["POST"],
    on_breach=note_rate_limited,
)


def finish_sign_in(user: User, mfa: bool, **details: str) -> None:
    """Start the user's fresh session and note the sign-in."""
    sessions.start(user, mfa=mfa)
    user.last_login_at = utcnow()
    record_event("login.succeeded", user, actor=user, **details)
