"""Passwords, personal API tokens and sign-in checks."""

import hashlib
import secrets
from datetime import timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload
from zxcvbn import zxcvbn
from zxcvbn.frequency_lists import FREQUENCY_LISTS

from buurtlog.extensions import db
from buurtlog.models import ApiToken, Team, User, utcnow

TOKEN_USE_RESOLUTION = timedelta(hours=1)
hasher = PasswordHasher()  # Argon2id with the library's current recommended parameters
# Verified when the email is unknown, so a wrong email costs as much time as a wrong password.
_DUMMY_HASH = hasher.hash("buurtlog-dummy-password")


def normalise_email(email: str) -> str:
    """Return an email address in the one form it is stored in."""
    return email.strip().lower()


def find_user(email: str) -> User | None:
    """Return the user with this email address, if any."""
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def password_problem(password: str, *about_user: str) -> str | None:
    """Say why a new password is too weak, or None: common, or easy to guess (zxcvbn).

    No composition rules (ASVS 2.1.9): length 12–128 is checked by the forms; this catches
    the passwords on zxcvbn's list of the 30,000 most common ones and ones built from the
    user's own name or email.
    """
    if password.lower() in _common_passwords():
        return "common"
    if zxcvbn(password[:100], user_inputs=[*about_user, "buurtlog"])["score"] < 2:
        return "guessable"
    return None


@cache
def _common_passwords() -> frozenset[str]:
    """Return the list of common passwords that ships with zxcvbn."""
    return frozenset(FREQUENCY_LISTS["passwords"])


def set_password(user: User, password: str) -> None:
    """Store an Argon2id hash of the password."""
    user.password_hash = hasher.hash(password)


def authenticate(email: str, password: str) -> tuple[User | None, str]:
    """Check a sign-in attempt; return the user (if known) and the outcome.

    The outcome is "ok", "unknown", "wrong_password" or "inactive"; callers show the same
    message for every failure so that the form does not reveal which emails exist.
    """
    user = find_user(email)
    if user is None or not user.password_hash:
        _verify(_DUMMY_HASH, password)
        return user, "unknown"
    if not _verify(user.password_hash, password):
        return user, "wrong_password"
    if not user.active:
        return user, "inactive"
    if hasher.check_needs_rehash(user.password_hash):
        epoch = user.session_epoch
        set_password(user, password)
        user.session_epoch = epoch  # the same password, stored better: sessions stay
    return user, "ok"


def _verify(password_hash: str, password: str) -> bool:
    """Verify a password against a hash without raising."""
    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def get_or_create_team(name: str) -> Team:
    """Return the team with this name, creating it when it does not exist."""
    team = db.session.scalar(select(Team).where(func.lower(Team.name) == name.strip().lower()))
    if team is None:
        team = Team(name=name.strip())
        db.session.add(team)
    return team


def _digest(token: str) -> str:
    """Return the stored form of an API token."""
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(user: User) -> str:
    """Create a personal API token for the user and return it; only its digest is kept."""
    token = "bl_" + secrets.token_urlsafe(32)
    db.session.add(ApiToken(user=user, token_hash=_digest(token)))
    return token


def user_for_token(token: str) -> User | None:
    """Return the active user a bearer token belongs to, and note its use."""
    api_token = db.session.scalar(
        select(ApiToken).where(ApiToken.token_hash == _digest(token))
        .options(joinedload(ApiToken.user)))
    if api_token is None or not api_token.user.active:
        return None
    # Noted once an hour: a write (and an fsync) on every sync call would cost more than it tells.
    now = utcnow()
    if api_token.last_used_at is None or now - api_token.last_used_at > TOKEN_USE_RESOLUTION:
        api_token.last_used_at = now
    return api_token.user
