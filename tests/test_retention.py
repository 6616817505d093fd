"""Retention: free text expires, removed people keep no identity, backups restore."""

import sqlite3

import pytest
from sqlalchemy import func, select

from buurtlog.models import ApiToken, AuditEvent, Entry, User


def test_free_text_older_than_the_period_is_removed(runner, make_entry, db):
    """Clear notes and questions of old entries, keep their coded fields and recent text."""
    old = make_entry(days_ago=400, note="Oude notitie", underlying_question="Oude vraag",
                     kind="signal")
    recent = make_entry(days_ago=30, note="Recente notitie")
    result = runner.invoke(args=["retention", "run"])
    assert result.exit_code == 0 and "1 entries" in result.output
    db.session.expire_all()
    assert (old.note, old.underlying_question, old.kind) == (None, None, "signal")
    assert old.themes and recent.note == "Recente notitie"
    event = db.session.scalars(select(AuditEvent)).one()
    assert event.details == {"entries": 1, "months": 12}
    assert runner.invoke(args=["retention", "run", "--months", "0"]).exit_code != 0


def test_removing_a_user_keeps_their_entries_without_identity(runner, make_user, make_entry, db):
    """Anonymise the person, revoke tokens, keep the entries."""
    user = make_user(email="sanne@example.org", name="Sanne")
    entry = make_entry(author=user)
    runner.invoke(args=["users", "token", user.email])
    result = runner.invoke(args=["users", "remove", "sanne@example.org"])
    assert result.exit_code == 0
    db.session.expire_all()
    assert (user.name, user.email, user.active, user.password_hash) == (
        f"Removed user {user.id}", f"removed-{user.id}@invalid", False, None)
    assert db.session.scalar(select(func.count()).select_from(ApiToken)) == 0
    assert db.session.get(Entry, entry.id).author == user
    assert db.session.scalar(select(User).where(User.email == "sanne@example.org")) is None


def test_backup_and_restore(app, runner, make_entry, db, tmp_path):
    """Write an online backup that opens as a database with the same rows."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's online backup; PostgreSQL is backed up with pg_dump (README)")
    make_entry(note="In de backup")
    target = tmp_path / "backup.sqlite"
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 0, result.output
    restored = sqlite3.connect(target)
    try:
        assert restored.execute("SELECT note FROM entries").fetchall() == [("In de backup",)]
        assert restored.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        restored.close()


def test_backup_refuses_postgresql(app, runner, tmp_path):
    """Point PostgreSQL users to pg_dump instead of copying half a server."""
    app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql+psycopg://postgres@127.0.0.1/x"
    result = runner.invoke(args=["backup", str(tmp_path / "b.sqlite")])
    assert result.exit_code != 0 and "pg_dump" in result.output
