"""Passwords, personal API tokens and sign-in checks."""

import hashlib
import re
import secrets
from datetime import timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload
from zxcvbn import zxcvbn
from zxcvbn.frequency_lists import FREQUENCY_LISTS

from buurtlog.audit.services import record_event
from buurtlog.extensions import db
from buurtlog.models import ApiToken, Team, User, utcnow

TOKEN_USE_RESOLUTION = timedelta(hours=1)
PASSWORD_MIN = 12
PASSWORD_MAX = 128
# Words everyone here would try first: the app, the demo municipality, the season, "welcome".
# A password made of nothing but these (and digits or signs) is refused, whatever zxcvbn says:
# "Welkom123456" and the published demo password `buurtlog-demo` among them. The demo loader
# sets that password on the demo accounts itself, past this rule.
LOCAL_WORDS = (
    "welkom",
    "welcome",
    "buurtlog",
    "havenstad",
    "demo",
    "wachtwoord",
    "password",
    "geheim",
    "buurt",
    "wijk",
    "team",
    "admin",
    "zomer",
    "winter",
    "lente",
    "herfst",
)
_ONLY_LOCAL_WORDS = re.compile(f"(?:{'|'.join(LOCAL_WORDS)})+")
_LEET = str.maketrans("0134578@$", "oieastbas")
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
    """Say why a new password is too weak, or None: short, common, or easy to guess.

    No composition rules (ASVS 2.1.9): length 12–128 is checked by the forms, and here the
    length without spaces around it (twelve spaces are no password); this catches the
    passwords on zxcvbn's list of the 30,000 most common ones, ones made of local words only
    (LOCAL_WORDS) and ones built from the user's own name or email (zxcvbn).
    """
    if len(password.strip()) < PASSWORD_MIN:
        return "short"
    if password.lower() in _common_passwords() or _only_local_words(password):
        return "common"
    if zxcvbn(password[:100], user_inputs=[*about_user, *LOCAL_WORDS])["score"] < 2:
        return "guessable"
    return None


def _only_local_words(password: str) -> bool:
    """Tell whether a password is local words only, with digits and signs around or between
    them ("Welkom123456", "buurtlog-demo", "H4venstad2026!")."""
    lowered = password.casefold()
    letters = re.sub(r"[^a-z]", "", lowered)
    core = re.sub(r"[\W\d_]+$", "", re.sub(r"^[\W\d_]+", "", lowered))
    leet = re.sub(r"[^a-z]", "", core.translate(_LEET))
    return any(_ONLY_LOCAL_WORDS.fullmatch(text) for text in (letters, leet) if text)


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


def issue_token(user: User, days: int | None = None) -> str:
    """Create a personal API token for the user, valid for some days (API_TOKEN_DAYS unless
    given), and return it; only its digest is kept."""
    days = current_app.config["API_TOKEN_DAYS"] if days is None else days
    token = "bl_" + secrets.token_urlsafe(32)
    now = utcnow()
    record = ApiToken(
        user=user, token_hash=_digest(token), created_at=now, expires_at=now + timedelta(days=days)
    )
    db.session.add(record)
    db.session.flush()
    record_event("api_token.created", record, user_id=user.id, days=days)
    return token


def user_for_token(token: str) -> User | None:
    """Return the active user an unexpired bearer token belongs to, and note its use.

    The first use of a token on each day is audited, with the token's id: enough to see when
    and from which token someone's API calls came, without an event for every sync call.
    """
    now = utcnow()
    api_token = db.session.scalar(
        select(ApiToken)
        .where(ApiToken.token_hash == _digest(token), ApiToken.expires_at > now)
        .options(joinedload(ApiToken.user))
    )
    if api_token is None or not api_token.user.active:
        return None
    # Noted once an hour: a write (and an fsync) on every sync call would cost more than it tells.
    last = api_token.last_used_at
    if last is None or now - last > TOKEN_USE_RESOLUTION:
        api_token.last_used_at = now
    if last is None or last.date() != now.date():
        record_event("api_token.used", api_token, actor=api_token.user)
    return api_token.user


def tokens_of(user: User) -> list[ApiToken]:
    """Return the user's API tokens, newest first, expired ones included until revoked."""
    return list(
        db.session.scalars(
            select(ApiToken)
            .where(ApiToken.user_id == user.id)
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


def revoke_token(user: User, token_id: int) -> bool:
    """Delete one of the user's API tokens (audited); tell whether there was one."""
    api_token = db.session.scalar(
        select(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == user.id)
    )
    if api_token is None:
        return False
    record_event("api_token.revoked", api_token, user_id=user.id)
    db.session.delete(api_token)
    return True
