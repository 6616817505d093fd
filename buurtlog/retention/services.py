"""Keeping data no longer than needed: free text expires, people can be removed, backups."""

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, or_, update
from sqlalchemy.engine import make_url

from buurtlog.audit.services import record_event
from buurtlog.extensions import db
from buurtlog.models import ApiToken, Entry, RecoveryCode, User


def expire_free_text(now: datetime, months: int) -> int:
    """Remove notes and questions beneath the question from entries older than `months`.

    The coded fields (kind, themes, setting, counts) stay: trends need them, names never.
    Returns how many entries lost their text.
    """
    cutoff = now - timedelta(days=round(months * 30.44))
    result = db.session.execute(
        update(Entry)
        .where(Entry.occurred_at < cutoff,
               or_(Entry.note.is_not(None), Entry.underlying_question.is_not(None)))
        .values(note=None, underlying_question=None)
        .execution_options(synchronize_session=False))
    record_event("retention.free_text_expired", entries=result.rowcount, months=months)
    db.session.commit()
    return result.rowcount


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
    source = sqlite3.connect(url.database)
    copy = sqlite3.connect(target)
    try:
        with copy:
            source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target.stat().st_size
