"""Two-factor sign-in: TOTP codes from an authenticator app (RFC 6238) and recovery codes.

The secret is kept in the database as the authenticator needs it; recovery codes only as a
SHA-256 digest (they are 60 random bits, far beyond guessing). A TOTP code is accepted once:
the time step it belongs to is remembered, so a code seen over someone's shoulder is useless.
"""

import hashlib
import hmac
import secrets
import time
from typing import cast

import pyotp
import segno
from flask import current_app
from sqlalchemy import CursorResult, delete, func, or_, select, update

from buurtlog.audit.services import record_event
from buurtlog.extensions import db
from buurtlog.models import RecoveryCode, User, end_sessions, utcnow

RECOVERY_CODE_COUNT = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread
_RECOVERY_GROUPS = 3  # of four characters: "abcd-efgh-jkmn"
TOTP_STEP = 30
TOTP_DIGITS = 6


def now() -> float:
    """Return the current Unix time (tests replace this to travel in time)."""
    return time.time()


def is_required(user: User) -> bool:
    """Tell whether the policy makes two-factor sign-in compulsory for the user's role."""
    return user.role in current_app.config["TWO_FACTOR_REQUIRED_ROLES"]


def must_enrol(user: User) -> bool:
    """Tell whether the user has to set up an authenticator before going any further."""
    return is_required(user) and not user.has_two_factor


def start_enrolment(user: User) -> str:
    """Return the secret the user is setting up; keep the same one until it is confirmed."""
    if user.has_two_factor:
        raise ValueError("two-factor sign-in is already on")
    if not user.totp_secret:
        user.totp_secret = pyotp.random_base32(32)  # 160 bits, as RFC 4226 recommends
    return user.totp_secret


def provisioning_uri(user: User) -> str:
    """Return the otpauth:// address an authenticator app reads from the QR code."""
    if not user.totp_secret:
        raise ValueError("no secret to show: the enrolment has not started")
    return pyotp.TOTP(user.totp_secret, digits=TOTP_DIGITS, interval=TOTP_STEP).provisioning_uri(
        name=user.email, issuer_name=current_app.config["TWO_FACTOR_ISSUER"]
    )


def qr_code_data_uri(uri: str) -> str:
    """Draw the address as a QR code: an SVG data: URI (the CSP's img-src allows data:)."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, dark="#000", light="#fff")


def grouped_secret(secret: str) -> str:
    """Return the secret in groups of four, to type into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def verify_code(user: User, code: str) -> bool:
    """Check a six-digit code against the user's secret; each code works only once.

    One step either side is allowed for a phone's clock that is a little off.
    """
    code = "".join(code.split())
    if not user.totp_secret or len(code) != TOTP_DIGITS or not code.isdigit():
        return False
    totp = pyotp.TOTP(user.totp_secret, digits=TOTP_DIGITS, interval=TOTP_STEP)
    step = int(now() // TOTP_STEP)
    for counter in (step, step - 1, step + 1):
        if hmac.compare_digest(totp.generate_otp(counter), code):
            return _claim_step(user, counter)
    return False


def _claim_step(user: User, counter: int) -> bool:
    """Remember the code's time step unless it (or a later one) was used already."""
    claimed = db.session.execute(
        update(User)
        .where(
            User.id == user.id,
            or_(User.totp_last_counter.is_(None), User.totp_last_counter < counter),
        )
        .values(totp_last_counter=counter)
        .execution_options(synchronize_session=False)
    )
    db.session.expire(user, ["totp_last_counter"])
    return cast(CursorResult, claimed).rowcount == 1


def confirm_enrolment(user: User, code: str) -> list[str] | None:
    """Switch two-factor sign-in on when the code matches the new secret; return recovery codes.

    Every other session of the user ends: from now on a session needs the second factor.
    """
    if user.has_two_factor or not verify_code(user, code):
        return None
    user.totp_enabled_at = utcnow()
    end_sessions(user)
    codes = new_recovery_codes(user)
    record_event("two_factor.enabled", user, actor=user)
    return codes


def disable(user: User, actor: User | None) -> None:
    """Switch two-factor sign-in off: forget the secret and the recovery codes.

    `actor` is the user themselves, or None for an administrator's reset on the command line.
    """
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_counter = None
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    end_sessions(user)
    record_event("two_factor.disabled", user, actor=actor, reset=actor is None)


def new_recovery_codes(user: User) -> list[str]:
    """Replace the user's recovery codes with ten new ones; return them to be shown once."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [
        "-".join(
            "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(4))
            for _ in range(_RECOVERY_GROUPS)
        )
        for _ in range(RECOVERY_CODE_COUNT)
    ]
    db.session.add_all(
        RecoveryCode(user_id=user.id, code_hash=_digest(user, code)) for code in codes
    )
    return codes


def use_recovery_code(user: User, code: str) -> bool:
    """Spend one of the user's recovery codes; False when it is unknown or used already."""
    normalised = "".join(ch for ch in code.lower() if ch.isalnum())
    if len(normalised) != 4 * _RECOVERY_GROUPS:
        return False
    formatted = "-".join(normalised[i : i + 4] for i in range(0, len(normalised), 4))
    spent = db.session.execute(
        update(RecoveryCode)
        .where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.used_at.is_(None),
            RecoveryCode.code_hash == _digest(user, formatted),
        )
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if cast(CursorResult, spent).rowcount != 1:
        return False
    record_event(
        "two_factor.recovery_code_used", user, actor=user, remaining=recovery_codes_left(user)
    )
    return True


def recovery_codes_left(user: User) -> int:
    """Count the user's unused recovery codes."""
    return (
        db.session.scalar(
            select(func.count())
            .select_from(RecoveryCode)
            .where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
        )
        or 0
    )


def _digest(user: User, code: str) -> str:
    """Return the stored form of a recovery code, bound to its user."""
    return hashlib.sha256(f"{user.id}:{code}".encode()).hexdigest()
