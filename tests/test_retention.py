"""Retention: free text expires, removed people keep no identity, backups restore."""

import sqlite3
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, inspect, select

from buurtlog.models import (
    ApiToken,
    AuditEvent,
    CheckIn,
    DismissedProposal,
    Entry,
    ExchangeItem,
    Review,
    SignalStatus,
    StatusChange,
    User,
    WalkInSession,
    WijkSketch,
    WijkTheme,
    WijkThemeNote,
    utcnow,
)
from buurtlog.retention.services import KINDS

OLD, RECENT = 400, 30  # days: older and younger than the 12 months every kind keeps by default


def test_free_text_older_than_the_period_is_removed(runner, make_entry, db):
    """Clear notes and questions of old entries, keep their coded fields and recent text."""
    old = make_entry(
        days_ago=400, note="Oude notitie", underlying_question="Oude vraag", kind="signal"
    )
    recent = make_entry(days_ago=30, note="Recente notitie")
    result = runner.invoke(args=["retention", "run"])
    assert result.exit_code == 0
    assert "entries: removed the free text of 1 rows older than 12 months" in result.output
    db.session.expire_all()
    assert (old.note, old.underlying_question, old.kind) == (None, None, "signal")
    assert old.themes and recent.note == "Recente notitie"
    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.details["kind"].as_string() == "entries")
    ).one()
    assert event.details == {"kind": "entries", "rows": 1, "months": 12}
    assert runner.invoke(args=["retention", "run", "--months", "0"]).exit_code != 0


def test_emptied_entries_reach_api_clients_and_stale_pages(runner, make_entry, db, client, auth):
    """Date and version the emptied entry, so `?since=` hands an API client the entry without
    its text (its copy loses the note too) and an edit page opened before cannot write the
    old text back."""
    old = make_entry(days_ago=400, note="Oude notitie", underlying_question="Oude vraag")
    auth.login_as(old.author)
    synced = client.get("/api/v1/entries").get_json()["entries"][-1]["updated_at"]
    version = old.version
    assert runner.invoke(args=["retention", "run"]).exit_code == 0
    db.session.expire_all()
    assert old.version == version + 1
    changed = client.get("/api/v1/entries", query_string={"since": synced}).get_json()["entries"]
    assert [(e["id"], e["note"], e["underlying_question"]) for e in changed] == [
        (str(old.id), None, None)
    ]


@pytest.fixture
def world(make_team, make_user, make_area, make_place, make_theme, make_entry):
    """Make a team in a wijk with a worker, a place, a theme and a signal."""
    wijk = make_area("wijk")
    team = make_team(areas=[wijk])
    worker = make_user(team=team)
    theme = make_theme()
    return {
        "wijk": wijk,
        "team": team,
        "worker": worker,
        "theme": theme,
        "place": make_place(area=make_area("buurt", parent=wijk)),
        "entry": make_entry(author=worker, themes=[theme], area=wijk),
    }


def ago(days: int):
    """Return the moment some days before now."""
    return utcnow() - timedelta(days=days)


def entries(world, days):
    """Make an entry with a note; return it and how to read its text."""
    entry = Entry(
        author=world["worker"],
        team=world["team"],
        area=world["wijk"],
        themes=[world["theme"]],
        kind="signal",
        setting="street",
        occurred_at=ago(days),
        note="Notitie",
        underlying_question="Vraag",
    )
    return entry, lambda e: (e.note, e.underlying_question)


def decisions(world, days):
    """Make a meeting with decisions; return it and how to read its texts and its signal's."""
    entry = Entry(
        author=world["worker"],
        team=world["team"],
        area=world["wijk"],
        themes=[world["theme"]],
        kind="signal",
        setting="street",
        occurred_at=ago(days),
    )
    review = Review(
        team=world["team"],
        held_on=ago(days).date(),
        period_start=ago(days + 7),
        period_end=ago(days),
        decisions="Besluit van het overleg",
    )
    status = SignalStatus(
        entry=entry,
        team_id=world["team"].id,
        status="action",
        decision="Besluit bij het signaal",
        updated_at=ago(days),
    )
    change = StatusChange(
        entry=entry,
        team_id=world["team"].id,
        at=ago(days),
        from_status="new",
        to_status="action",
        decision="Besluit bij het signaal",
    )
    review.extra = [status, change]
    return review, lambda r: (r.decisions, *(x.decision for x in r.extra))


def wijk_theme_notes(world, days):
    """Make a wijk theme with a log line; return the line and how to read its text."""
    theme = WijkTheme(team=world["team"], area=world["wijk"], name="Speelplek")
    return (
        WijkThemeNote(wijk_theme=theme, at=ago(days), event="note", text="Gesprek gehad"),
        lambda n: n.text,
    )


def wijkschets(world, days):
    """Make a wijkschets version replaced `days` ago; return it and how to read it."""
    old = WijkSketch(
        area=world["wijk"], team=world["team"], text=f"Schets {days}", created_at=ago(days + 100)
    )
    old.extra = [
        WijkSketch(
            area=world["wijk"], team=world["team"], text=f"Nieuw {days}", created_at=ago(days)
        )
    ]
    return old, lambda s: s.text


def exchange(world, days):
    """Make an open offer untouched for `days`; return it and how to read it."""
    item = ExchangeItem(
        kind="offer",
        description="Helpt met boodschappen",
        theme=world["theme"],
        area=world["wijk"],
        worker=world["worker"],
        team=world["team"],
        created_at=ago(days),
        updated_at=ago(days),
    )
    return item, lambda i: (i.description, i.status)


def referred_elsewhere(world, days):
    """Make a walk-in visit referred outside the register; return it and how to read it."""
    session = WalkInSession(
        team=world["team"],
        place=world["place"],
        host=world["worker"],
        started_at=ago(days),
        ended_at=ago(days),
    )
    return (
        CheckIn(
            id=uuid.uuid4(),
            session=session,
            visitor="new",
            referred=True,
            referred_elsewhere="Voedselbank",
            occurred_at=ago(days),
        ),
        lambda c: c.referred_elsewhere,
    )


def dismissed_proposals(world, days):
    """Make a proposal the team dismissed `days` ago, its key made of note words."""
    return (
        DismissedProposal(
            team_id=world["team"].id,
            key="words:1:klimrek+kapot",
            entry_ids=[str(world["entry"].id)],
            dismissed_at=ago(days),
        ),
        lambda d: d.key,
    )


BUILD = {
    "entries": entries,
    "decisions": decisions,
    "wijk_theme_notes": wijk_theme_notes,
    "wijkschets": wijkschets,
    "exchange": exchange,
    "referred_elsewhere": referred_elsewhere,
    "dismissed_proposals": dismissed_proposals,
}
GONE = {
    "entries": (None, None),
    "decisions": (None, None, None),
    "wijk_theme_notes": None,
    "exchange": ("", "closed"),
    "referred_elsewhere": None,
}


def made(db, world, kind, days):
    """Save a row of one kind `days` old; return it and how to read its text."""
    row, read = BUILD[kind](world, days)
    db.session.add_all([row, *getattr(row, "extra", [])])
    db.session.commit()
    return row, read, read(row)


def current(db, row, read):
    """Read a row's text again from the database, or None when the row is gone."""
    key = inspect(row).identity
    db.session.expire_all()
    if db.session.get(type(row), key) is None:
        return None
    for extra in getattr(row, "extra", []):
        db.session.refresh(extra)
    return read(row)


def test_every_kind_of_free_text_has_a_term():
    """Cover every kind with a setting of its own."""
    assert set(BUILD) == set(KINDS)
    assert len(set(KINDS.values())) == len(KINDS)


@pytest.mark.parametrize("kind", list(BUILD))
def test_each_kind_of_free_text_expires_after_its_own_term(app, runner, db, world, kind):
    """Remove the old text of each kind, keep its recent text, and follow the kind's setting."""
    old, read, before = made(db, world, kind, OLD)
    recent, _read, recent_before = made(db, world, kind, RECENT)
    app.config[KINDS[kind]] = 24  # a longer term for this kind keeps the old text too
    assert runner.invoke(args=["retention", "run"]).exit_code == 0
    assert current(db, old, read) == before
    app.config[KINDS[kind]] = 12
    result = runner.invoke(args=["retention", "run"])
    assert result.exit_code == 0, result.output
    assert current(db, old, read) == GONE.get(kind)
    assert current(db, recent, read) == recent_before
    event = db.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.details["kind"].as_string() == kind)
        .order_by(AuditEvent.id.desc())
    ).first()
    assert event.details["rows"] >= 1 and event.details["months"] == 12


def test_removing_a_user_keeps_their_entries_without_identity(runner, make_user, make_entry, db):
    """Anonymise the person, revoke tokens, keep the entries."""
    user = make_user(email="sanne@example.org", name="Sanne")
    entry = make_entry(author=user)
    runner.invoke(args=["users", "token", user.email])
    result = runner.invoke(args=["users", "remove", "sanne@example.org"])
    assert result.exit_code == 0
    db.session.expire_all()
    assert (user.name, user.email, user.active, user.password_hash) == (
        f"Removed user {user.id}",
        f"removed-{user.id}@invalid",
        False,
        None,
    )
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


def test_backups_only_their_owner_can_read(app, runner, make_entry, db, tmp_path):
    """Write the backup 0600, also over an older backup that others could read."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's online backup; PostgreSQL is backed up with pg_dump (README)")
    make_entry(note="In de backup")
    new, old = tmp_path / "new.sqlite", tmp_path / "old.sqlite"
    old.write_bytes(b"")
    old.chmod(0o644)
    for target in (new, old):
        result = runner.invoke(args=["backup", str(target)])
        assert result.exit_code == 0, result.output
        assert target.stat().st_mode & 0o777 == 0o600


def test_backup_refuses_postgresql(app, runner, tmp_path):
    """Point PostgreSQL users to pg_dump instead of copying half a server."""
    app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql+psycopg://postgres@127.0.0.1/x"
    result = runner.invoke(args=["backup", str(tmp_path / "b.sqlite")])
    assert result.exit_code != 0 and "pg_dump" in result.output


def test_the_grouping_terms_go_with_the_free_text(runner, make_entry, db):
    """Clear the stems stored for grouping with the text they were made of."""
    old = make_entry(days_ago=400, note="Kapotte schommels", kind="signal")
    recent = make_entry(days_ago=30, note="Kapotte schommels", kind="signal")
    assert old.grouping_terms == "kapot schommel"
    assert runner.invoke(args=["retention", "run"]).exit_code == 0
    db.session.expire_all()
    assert (old.note, old.grouping_terms) == (None, None)
    assert recent.grouping_terms == "kapot schommel"
