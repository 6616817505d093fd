"""Sign-in security: recovery codes, and the rule that some changes end a user's sessions.

Every session names its user as "id.epoch" (`User.get_id`); raising `User.session_epoch` makes
all of them unknown at once. Deactivating a user and changing their password raise it here, on
the model, so that no path (admin form, command line, retention) can forget to.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from buurtlog.extensions import Model
from buurtlog.models.core import User, UTCDateTime, utcnow


class RecoveryCode(Model):
    """A one-time code that stands in for the authenticator; only its SHA-256 digest is kept."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()


class RateLimitCounter(Model):
    """A sign-in limit's count in its window, shared by every process (accounts/rate_limits.py).

    The key is a digest of the limit's key, which names an address or an email address.
    """

    __tablename__ = "rate_limit_counters"

    key: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    count: Mapped[int] = mapped_column(sa.Integer)
    # Seconds since the epoch, as the limits library counts windows.
    expires_at: Mapped[float] = mapped_column(sa.Float, index=True)


def end_sessions(user: User) -> None:
    """End every session of the user, on every device, from their next request on."""
    user.session_epoch = (user.session_epoch or 0) + 1


@event.listens_for(User.active, "set")
def _deactivated(user: User, value, oldvalue, _initiator) -> None:
    """End the sessions of a user who is deactivated."""
    if value is False and oldvalue is not False and sa.inspect(user).persistent:
        end_sessions(user)


@event.listens_for(User.password_hash, "set")
def _password_changed(user: User, value, oldvalue, _initiator) -> None:
    """End the sessions of a user whose password changes (or is removed)."""
    if value != oldvalue and sa.inspect(user).persistent:
        end_sessions(user)
