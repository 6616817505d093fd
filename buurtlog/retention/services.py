"""Keeping data no longer than needed: free text expires, people can be removed, backups."""

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import cast

from sqlalchemy import CursorResult, case, delete, exists, or_, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import aliased

from buurtlog.audit.services import record_event
from buurtlog.extensions import PRIVATE_FILE, db
from buurtlog.models import (
    ApiToken,
    CheckIn,
    DismissedProposal,
    Entry,
    ExchangeItem,
    RecoveryCode,
    Review,
    SignalStatus,
    StatusChange,
    User,
    WijkSketch,
    WijkThemeNote,
    utcnow,
)

# Every kind of free text and the setting that says after how many months it goes (config.py;
# README and docs/PRIVACY.md say which text goes when). Coded fields stay for the trends.
KINDS = {
    "entries": "RETENTION_MONTHS",
    "decisions": "RETENTION_DECISIONS_MONTHS",
    "wijk_theme_notes": "RETENTION_WIJK_THEME_NOTES_MONTHS",
    "wijkschets": "RETENTION_WIJKSCHETS_MONTHS",
    "exchange": "RETENTION_EXCHANGE_MONTHS",
    "referred_elsewhere": "RETENTION_REFERRED_ELSEWHERE_MONTHS",
    "dismissed_proposals": "RETENTION_DISMISSED_PROPOSALS_MONTHS",
}


def cutoff(now: datetime, months: int) -> datetime:
    """Return the moment `months` before now; what is older expires."""
    return now - timedelta(days=round(months * 30.44))


def expire_all(now: datetime, months: dict[str, int]) -> dict[str, int]:
    """Expire every kind of free text after its own number of months, in one transaction.

    Returns how many rows lost their text (or went) per kind; each kind is audited.
    """
    counts = {}
    for kind, expire in EXPIRE.items():
        counts[kind] = expire(cutoff(now, months[kind]))
        record_event(
            "retention.free_text_expired", kind=kind, rows=counts[kind], months=months[kind]
        )
    db.session.commit()
    return counts


def _changed(statement) -> int:
    """Run an UPDATE or DELETE; return how many rows it touched."""
    result = db.session.execute(statement.execution_options(synchronize_session=False))
    return cast(CursorResult, result).rowcount


def _entries(before: datetime) -> int:
    """Clear notes and questions beneath the question of entries that happened before then.

    The coded fields (kind, themes, setting, counts) stay: trends need them, names never.
    The change is dated and versioned like any other, so `GET /api/v1/entries?since=` hands
    API clients the emptied entry (their copies lose the text too) and a stale edit page
    reloads instead of writing the old text back.
    """
    return _changed(
        update(Entry)
        .where(
            Entry.occurred_at < before,
            or_(Entry.note.is_not(None), Entry.underlying_question.is_not(None)),
        )
        .values(
            note=None,
            underlying_question=None,
            grouping_terms=None,
            updated_at=utcnow(),
            version=Entry.version + 1,
        )
    )


def _decisions(before: datetime) -> int:
    """Clear the decisions of meetings held, and of signals last changed, before then."""
    return (
        _changed(
            update(Review)
            .where(Review.held_on < before.date(), Review.decisions.is_not(None))
            .values(decisions=None)
        )
        + _changed(
            update(SignalStatus)
            .where(
                SignalStatus.updated_at < before,
                SignalStatus.decision.is_not(None),
            )
            .values(decision=None, version=SignalStatus.version + 1)
        )  # stale pages must reload
        + _changed(
            update(StatusChange)
            .where(StatusChange.at < before, StatusChange.decision.is_not(None))
            .values(decision=None)
        )
    )


def _wijk_theme_notes(before: datetime) -> int:
    """Clear the text of wijk theme log lines written before then; the lines stay."""
    return _changed(
        update(WijkThemeNote)
        .where(WijkThemeNote.at < before, WijkThemeNote.text.is_not(None))
        .values(text=None)
    )


def _wijkschets(before: datetime) -> int:
    """Delete wijkschets versions replaced before then; each team's current one stays."""
    newer = aliased(WijkSketch)
    return _changed(
        delete(WijkSketch).where(
            exists(
                select(newer.id).where(
                    newer.area_id == WijkSketch.area_id,
                    newer.team_id == WijkSketch.team_id,
                    newer.created_at > WijkSketch.created_at,
                    newer.created_at < before,
                )
            )
        )
    )


def _exchange(before: datetime) -> int:
    """Clear the description of offers and requests left untouched since then; close the
    ones still open, since nobody can match an offer without its words."""
    return _changed(
        update(ExchangeItem)
        .where(
            ExchangeItem.updated_at < before,
            ExchangeItem.description != "",
        )
        .values(
            description="",
            status=case((ExchangeItem.status == "open", "closed"), else_=ExchangeItem.status),
        )
    )


def _referred_elsewhere(before: datetime) -> int:
    """Clear where a walk-in visitor was referred outside the register, for visits before then."""
    return _changed(
        update(CheckIn)
        .where(CheckIn.occurred_at < before, CheckIn.referred_elsewhere.is_not(None))
        .values(referred_elsewhere=None)
    )


def _dismissed_proposals(before: datetime) -> int:
    """Delete grouping proposals dismissed before then: their keys hold words of notes."""
    return _changed(delete(DismissedProposal).where(DismissedProposal.dismissed_at < before))


EXPIRE: dict[str, Callable[[datetime], int]] = {
    "entries": _entries,
    "decisions": _decisions,
    "wijk_theme_notes": _wijk_theme_notes,
    "wijkschets": _wijkschets,
    "exchange": _exchange,
    "referred_elsewhere": _referred_elsewhere,
    "dismissed_proposals": _dismissed_proposals,
}


def remove_user(user: User) -> None:
    """Remove a person's identity but keep the entries they logged, as anonymous work."""
    user.name = f"Removed user {user.id}"
    user.email = f"removed-{user.id}@invalid"
    user.password_hash = None
    user.locale = None
    user.active = False  # which also ends every session of theirs
    user.totp_secret = user.totp_enabled_at = None
    db.session.execute(delete(ApiToken).where(ApiToken.user_id == user.id))
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    record_event("user.removed", user)
    db.session.commit()


def backup_sqlite(database_uri: str, target: Path) -> int:
    """Copy a live SQLite database with SQLite's online backup; return the size in bytes."""
    url = make_url(database_uri)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise ValueError("only SQLite files are backed up here; use pg_dump for PostgreSQL")
    target.parent.mkdir(parents=True, exist_ok=True)
    # A backup holds everything the database does: only its owner may read it, from the start.
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
    target.chmod(PRIVATE_FILE)
    source = sqlite3.connect(url.database)
    copy = sqlite3.connect(target)
    try:
        with copy:
            source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target.stat().st_size
