"""`flask demo`: the fictional municipality Havenstad, its accounts and generated entries."""

from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import delete, func, select

from buurtlog.demo import data
from buurtlog.demo.review import WIJK_THEME
from buurtlog.demo.services import load_demo
from buurtlog.entries.services import today as local_today
from buurtlog.models import (
    ROLES,
    Area,
    Entry,
    Place,
    Review,
    SignalStatus,
    StatusChange,
    Team,
    Theme,
    User,
    WijkTheme,
    entry_themes,
)
from buurtlog.review.record import decision_lines
from buurtlog.review.workflow import may_own
from tests.conftest import amsterdam

AREA_COUNT = 1 + len(data.WIJKEN) + sum(len(buurten) for _, _, buurten in data.WIJKEN)


def count_rows(db) -> dict[str, int]:
    """Count the rows of every table the demo fills."""
    tables = [m.__table__ for m in (Area, Place, Theme, Team, User, Entry)] + [entry_themes]
    return {t.name: db.session.scalar(select(func.count()).select_from(t)) for t in tables}


@pytest.fixture
def demo(runner):
    """Run `flask demo` once and return its result."""
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    return result


def test_demo_prints_every_account_and_the_password(demo):
    """List every demo account and the shared password."""
    for email, *_ in data.USERS:
        assert email in demo.output
    assert "buurtlog-demo" in demo.output
    assert len(data.PASSWORD) == 13


def test_demo_loads_the_expected_counts(demo, db):
    """Load the areas, places, themes, teams, users and about three months of entries."""
    counts = count_rows(db)
    assert counts["areas"] == AREA_COUNT
    assert counts["places"] == len(data.PLACES)
    assert counts["themes"] == len(data.THEMES)
    assert counts["teams"] == 2
    assert counts["users"] == len(data.USERS)
    assert 1200 <= counts["entries"] <= 2000
    roles = set(db.session.scalars(select(User.role)))
    assert roles == set(ROLES)
    for team in db.session.scalars(select(Team)):
        assert [a.level for a in team.areas] == ["wijk", "wijk"]
        assert {m.role for m in team.members} == {"coordinator", "worker"}
    assert db.session.scalar(select(Area).where(Area.code == "GM9901")).name == "Havenstad"


def test_entries_span_thirteen_weeks_in_their_teams_wijken(demo, db):
    """Keep every entry in the last 13 weeks, in a wijk of the author's team."""
    entries = db.session.scalars(select(Entry)).all()
    days = {e.occurred_at.date() for e in entries}
    today = local_today(data.TIMEZONE)
    assert min(days) >= today - timedelta(weeks=13, days=1)
    assert max(days) <= today
    assert (max(days) - min(days)).days >= 84
    for entry in entries:
        assert entry.occurred_at.tzinfo is not None
        assert entry.team is not None and entry.team == entry.author.team
        assert entry.author.role == "worker"
        assert entry.area.wijk in entry.team.areas
        assert entry.place is None or entry.place.area == entry.area
        assert entry.themes or entry.kind == "contact"
        assert entry.created_at >= entry.occurred_at


def test_sensitive_entries_are_those_with_a_sensitive_theme(demo, db):
    """Mark exactly the entries with a sensitive theme as sensitive."""
    entries = db.session.scalars(select(Entry)).all()
    assert any(e.sensitive for e in entries)
    for entry in entries:
        assert entry.sensitive == any(t.sensitive for t in entry.themes)


def test_kanaalzone_shows_the_planted_rise_in_spelen(demo, db):
    """Plant a rise of the theme spelen in Kanaalzone over the last three weeks."""
    entries = db.session.scalars(
        select(Entry).join(Entry.area).where(Area.parent.has(Area.code == data.RISE["wijk"]))
    ).all()
    cut = local_today(data.TIMEZONE) - timedelta(days=data.RISE["days"])

    def share(selected: list[Entry]) -> float:
        """Return the share of entries about spelen."""
        return sum(any(t.slug == "spelen" for t in e.themes) for e in selected) / len(selected)

    recent = [e for e in entries if e.occurred_at.date() > cut]
    earlier = [e for e in entries if e.occurred_at.date() <= cut]
    assert share(recent) > 2.5 * share(earlier)


def test_running_twice_changes_nothing(demo, runner, db):
    """Leave every count and every password as it was on a second run."""
    before = count_rows(db)
    hashes = dict(db.session.execute(select(User.email, User.password_hash)).all())
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert count_rows(db) == before
    assert dict(db.session.execute(select(User.email, User.password_hash)).all()) == hashes


def test_entries_are_generated_deterministically(app, db):
    """Generate the same entries again for the same day once they are gone."""
    today = date(2026, 3, 2)
    first = load_demo(today)
    ids = set(db.session.scalars(select(Entry.id)))
    assert first["new_entries"] == len(ids)
    assert load_demo(today)["new_entries"] == 0
    db.session.execute(delete(entry_themes))
    db.session.execute(delete(Entry))
    db.session.commit()
    assert load_demo(today)["new_entries"] == len(ids)
    assert set(db.session.scalars(select(Entry.id))) == ids


def test_a_demo_account_can_sign_in(demo, app):
    """Sign in with a demo account and the shared password."""
    if any(rule.rule == "/login" for rule in app.url_map.iter_rules()):
        response = app.test_client().post(
            "/login", data={"email": "sanne@havenstad.example", "password": "buurtlog-demo"}
        )
        assert response.status_code in (302, 303)
    else:
        from buurtlog.accounts.services import authenticate

        assert authenticate("sanne@havenstad.example", "buurtlog-demo")[1] == "ok"


def test_free_text_holds_no_personal_data(demo, db):
    """Find no personal data in any note or underlying question."""
    privacy = pytest.importorskip("buurtlog.privacy")
    texts = set(db.session.scalars(select(Entry.note).where(Entry.note.is_not(None))))
    texts |= set(
        db.session.scalars(
            select(Entry.underlying_question).where(Entry.underlying_question.is_not(None))
        )
    )
    assert len(texts) > 50
    for text in texts:
        assert not privacy.find_personal_data(text), text


@pytest.mark.parametrize(
    "moment",
    [
        "2026-11-30T08:00",
        "2026-12-01T08:00",
        "2026-12-02T08:00",
        "2026-12-03T08:00",
        "2026-12-04T08:00",
        "2026-12-05T08:00",
        "2026-12-06T23:30",
    ],
)
def test_demo_meeting_keeps_the_review_rules_on_every_day(clock, runner, db, moment):
    """Hold last week's meeting through the review's own workflow on any weekday: one status
    per signal, owners who may own them, decisions written from the changes, all a week ago."""
    clock.move_to(amsterdam(moment), tick=False)
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    review = db.session.scalar(select(Review))
    today = local_today(data.TIMEZONE)
    assert review.held_on == today - timedelta(days=7)
    assert not review.is_open and review.period_start < review.period_end
    assert review.period_end.date() == review.held_on
    changes = db.session.scalars(select(StatusChange)).all()
    assert changes and all(c.review_id == review.id and c.at == review.period_end for c in changes)
    statuses = db.session.scalars(select(SignalStatus)).all()
    assert len(statuses) == len({s.entry_id for s in statuses}) == len(changes)
    for status in statuses:
        entry = db.session.get(Entry, status.entry_id)
        assert review.period_start <= entry.occurred_at < review.period_end
        assert status.owner is None or may_own(status.owner, entry)
    # The decisions are the changes' own: written for each reader, none stored as sentences.
    assert review.decisions is None and len(decision_lines(review)) >= 2


def test_demo_wijk_theme_is_about_the_playground_in_kanaalzone(demo, db):
    """File the demo's wijk theme under spelen in Kanaalzone, with its playground signals."""
    theme = db.session.scalar(select(WijkTheme))
    assert theme.name == WIJK_THEME
    assert theme.theme.slug == "spelen"
    assert theme.area.code == data.RISE["wijk"]
    assert theme.entries and all(
        any(t.slug == "spelen" for t in e.themes) and e.area.wijk == theme.area
        for e in theme.entries
    )
    assert Counter(note.event for note in theme.notes) == {"created": 1, "linked": 1, "note": 1}


def test_a_second_day_of_the_demo_adds_no_second_meeting(clock, runner, db):
    """Load the demo again a day later without a second meeting or changed decisions."""
    assert runner.invoke(args=["demo"]).exit_code == 0
    decisions = db.session.scalar(select(Review.decisions))
    clock.shift(timedelta(days=1))
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Review)) == 1
    assert db.session.scalar(select(Review.decisions)) == decisions
