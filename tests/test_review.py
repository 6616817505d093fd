"""The weekly review: the page, the status workflow, bulk decisions, conflicts, permissions,
sensitive signals, wijk themes and proposals, the meeting record and its printed summary."""

import re
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from buurtlog.models import (
    AuditEvent,
    DismissedProposal,
    Entry,
    Review,
    SignalStatus,
    StatusChange,
    WijkSettings,
    WijkTheme,
    utcnow,
)
from tests.conftest import amsterdam, signing_in


@pytest.fixture
def team(make_team, make_user, make_area, make_place, make_theme):
    """Make Team Zuid covering two wijken, with a coordinator, three workers and themes."""
    gemeente = make_area("gemeente", name="Havenstad")
    kanaal = make_area("wijk", name="Kanaalzone", parent=gemeente)
    weiden = make_area("wijk", name="De Weiden", parent=gemeente)
    team = make_team("Team Zuid", areas=[kanaal, weiden])
    return {
        "team": team,
        "kanaal": kanaal,
        "weiden": weiden,
        "sluis": make_area("buurt", name="Sluiskwartier", parent=kanaal),
        "molen": make_area("buurt", name="Molenhoek", parent=weiden),
        "coordinator": make_user("coordinator", team=team, name="Marieke de Boer"),
        "sanne": make_user("worker", team=team, name="Sanne Visser"),
        "ahmed": make_user("worker", team=team, name="Ahmed El Amrani"),
        "lotte": make_user("worker", team=team, name="Lotte Bakker"),
        "outsider": make_user("coordinator", team=make_team("Team Noord"), name="Erik"),
        "spelen": make_theme("spelen", name_nl="Spelen", name_en="Play"),
        "armoede": make_theme("armoede", name_nl="Armoede", name_en="Poverty"),
        "geweld": make_theme(
            "huiselijk-geweld",
            sensitive=True,
            name_nl="Huiselijk geweld",
            name_en="Domestic violence",
        ),
    }


@pytest.fixture
def signal(make_entry, team):
    """Return a factory for signals of Team Zuid in Kanaalzone about play, by Sanne."""

    def make(author="sanne", area="sluis", themes=("spelen",), **fields):
        fields.setdefault("kind", "signal")
        return make_entry(
            author=team[author], area=team[area], themes=[team[t] for t in themes], **fields
        )

    return make


@pytest.fixture
def as_user(client, auth, team):
    """Sign the client in as one of the team (by key), reading English."""
    return signing_in(client, auth, team)


def state(db, entry):
    """Return a signal's saved status, fresh from the database."""
    db.session.expire_all()
    return db.session.get(SignalStatus, entry.id)


def decide(client, entry, version=0, **data):
    """Post a decision on one signal."""
    return client.post(f"/review/signals/{entry.id}", data={"version": version, **data})


# The page


def test_review_page_groups_signals_by_wijk_and_theme(as_user, signal, team):
    """Group by wijk, then theme, with counts, questions, settings, authors and 'new'."""
    signal(underlying_question="Ouders voelen zich niet gehoord", setting="shop_table")
    signal(author="ahmed", underlying_question="Kinderen durven niet naar het veldje")
    signal(author="lotte", area="molen", themes=("armoede",), underlying_question="Geldzorgen")
    page = as_user("coordinator").get("/review/").get_data(as_text=True)
    assert page.index("De Weiden") < page.index("Kanaalzone")
    kanaal = page[page.index("Kanaalzone") :]
    assert "Play" in kanaal and "2 signals · 2 colleagues" in kanaal and "2 new" in kanaal
    assert "Ouders voelen zich niet gehoord" in kanaal and "Shop table" in kanaal
    assert "Sanne Visser" in kanaal and "Ahmed El Amrani" in kanaal
    assert "Geldzorgen" in page[page.index("De Weiden") : page.index("Kanaalzone")]


def test_only_what_needs_attention_is_reviewed(as_user, signal):
    """List signals, questions, ideas and anything with a follow-up; not plain contacts."""
    signal(kind="contact", underlying_question="Alleen een praatje")
    signal(kind="strength", underlying_question="Kan goed koken")
    signal(kind="contact", follow_up="feedback", underlying_question="Terugbellen over bankje")
    signal(kind="idea", underlying_question="Een ruilkast")
    page = as_user("sanne").get("/review/").get_data(as_text=True)
    assert "Alleen een praatje" not in page and "Kan goed koken" not in page
    assert "Terugbellen over bankje" in page and "Een ruilkast" in page


def test_an_empty_week_says_so(as_user, signal):
    """Tell the team there is nothing to review, and show older signals only when asked."""
    signal(days_ago=20, underlying_question="Van lang geleden")
    page = as_user("coordinator").get("/review/").get_data(as_text=True)
    assert "Nothing to review" in page and "Van lang geleden" not in page
    start = (date.today() - timedelta(days=30)).isoformat()
    chosen = as_user("coordinator").get(f"/review/?start={start}&end={date.today()}")
    assert "Van lang geleden" in chosen.get_data(as_text=True)


def test_the_period_runs_from_the_last_meeting(as_user, signal, make_review, team):
    """Start the default period where the last meeting ended, with late-logged signals."""
    old = signal(days_ago=10, underlying_question="Voor de vorige keer")
    late = signal(days_ago=10, underlying_question="Later ingevoerd")
    decide(as_user("coordinator"), old, status="discussed")  # decided on last time
    make_review(team["team"], days=14)
    late.created_at = utcnow() + timedelta(seconds=5)
    from buurtlog.extensions import db

    db.session.commit()
    page = as_user("coordinator").get("/review/").get_data(as_text=True)
    assert "Later ingevoerd" in page and old.underlying_question not in page


def test_the_period_stays_the_same_all_day(app, team):
    """Without a meeting, cover the last seven days from midnight until after tomorrow: the
    same period at every view of the day, so the signals read for it can be kept."""
    from buurtlog.entries.services import local_day_start, today
    from buurtlog.review import period as periods

    tz = app.config["BABEL_DEFAULT_TIMEZONE"]
    first, again = (periods.default_period(team["team"], tz) for _ in range(2))
    assert (first.start, first.end) == (again.start, again.end)
    day = today(tz)
    assert first.start == local_day_start(day - timedelta(days=7), tz)
    assert first.end == local_day_start(day + timedelta(days=2), tz)
    assert first.end - timedelta(days=1) > utcnow()  # what is logged a day ahead is in it


def test_every_view_shows_the_signals_as_they_are_now(as_user, signal, team, db):
    """Show a decision, a new signal, changed themes and a deletion on the very next view:
    nothing about the period is kept between views."""
    first = signal(underlying_question="Ouders voelen zich niet gehoord")
    coordinator = as_user("coordinator")
    page = coordinator.get("/review/").get_data(as_text=True)
    assert "1 signal · 1 colleague" in page and "1 new" in page

    decide(coordinator, first, status="discussed")
    page = coordinator.get("/review/").get_data(as_text=True)
    assert "1 new" not in page and "Discussed" in page

    second = signal(author="ahmed", underlying_question="Kinderen durven niet naar het veldje")
    page = coordinator.get("/review/").get_data(as_text=True)
    assert "2 signals · 2 colleagues" in page and "1 new" in page

    second.themes = [team["armoede"]]  # the themes alone, as the edit form saves them
    second.updated_at = utcnow()
    db.session.commit()
    page = coordinator.get("/review/").get_data(as_text=True)
    assert "Poverty" in page and "1 signal · 1 colleague" in page

    db.session.delete(first)
    db.session.commit()
    page = coordinator.get("/review/").get_data(as_text=True)
    assert "Ouders voelen zich niet gehoord" not in page


def test_grouping_terms_are_stored_with_the_texts(as_user, signal, db):
    """Store the stems grouping reads when an entry is saved, again when its text changes."""
    entry = signal(underlying_question="Kapotte schommels", note="Het klimrek wiebelt")
    assert entry.grouping_terms == "kapot klimrek schommel wiebelt"
    entry.note = None
    db.session.commit()
    assert entry.grouping_terms == "kapot schommel"


def test_each_group_shows_overdue_then_new_then_the_rest_newest_first():
    """Pick a group's first signals from the kept order and the flagged ones, as a full sort
    of every signal by (overdue, discussed, closed, newest first) would (random groups)."""
    import random

    from buurtlog.review.signals import PLAIN, _first

    rng = random.Random(47)
    flag_choices = [
        (0, False, False),
        (0, True, False),
        (1, True, False),
        (1, True, True),
        (0, True, True),
    ]
    for _ in range(300):
        ids = [f"{n:04d}" for n in range(rng.randint(0, 25))]
        rng.shuffle(ids)
        occurred = {i: f"2026-11-{rng.randint(10, 20)} {i}" for i in ids}
        ids.sort(key=occurred.__getitem__, reverse=True)  # as kept: the newest first
        flags = {i: rng.choice(flag_choices) for i in rng.sample(ids, rng.randint(0, len(ids)))}
        limit = rng.choice([None, 1, 3, 6])
        flagged = [(flags[i], occurred[i], i) for i in flags]
        rank = {i: n for n, i in enumerate(ids)}
        expected = sorted(ids, key=lambda i: (flags.get(i, PLAIN), rank[i]))
        assert _first(ids, flagged, occurred, limit) == expected[:limit]


def test_a_user_without_a_team_is_told_so(client, auth, make_user):
    """Explain the review to someone who is in no team."""
    auth.login_as(make_user("admin"))
    page = client.get("/review/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "You are not in a team" in page


def test_workers_see_the_page_without_deciding(as_user, signal):
    """Show workers the same page, without the bulk form or ticks."""
    signal(underlying_question="Zichtbaar voor iedereen")
    page = as_user("ahmed").get("/review/").get_data(as_text=True)
    assert "Zichtbaar voor iedereen" in page
    assert 'id="bulk"' not in page and 'name="entries"' not in page


def test_other_teams_see_nothing(client, auth, signal, team):
    """Keep one team's signals out of another team's review and pages."""
    entry = signal(underlying_question="Alleen voor Zuid")
    auth.login_as(team["outsider"])
    assert "Alleen voor Zuid" not in client.get("/review/").get_data(as_text=True)
    assert client.get(f"/review/signals/{entry.id}").status_code == 404


# The status workflow


def test_status_workflow_from_new_to_closed(as_user, signal, team, db):
    """Move a signal new → discussed → collective (with owner and due date) → closed."""
    entry = signal()
    client = as_user("coordinator")
    assert decide(client, entry, status="discussed").status_code == 302
    assert state(db, entry).status == "discussed" and state(db, entry).version == 1
    due = (date.today() + timedelta(days=14)).isoformat()
    assert (
        decide(
            client,
            entry,
            1,
            status="collective",
            owner=team["sanne"].id,
            due_on=due,
            decision="Samen met de gemeente een schouw organiseren",
        ).status_code
        == 302
    )
    saved = state(db, entry)
    assert (saved.status, saved.owner_id, saved.due_on.isoformat(), saved.version) == (
        "collective",
        team["sanne"].id,
        due,
        2,
    )
    assert decide(client, entry, 2, status="closed", owner=team["sanne"].id).status_code == 302
    changes = db.session.scalars(select(StatusChange).order_by(StatusChange.id)).all()
    assert [(c.from_status, c.to_status) for c in changes] == [
        ("new", "discussed"),
        ("discussed", "collective"),
        ("collective", "closed"),
    ]
    assert all(c.actor_id == team["coordinator"].id for c in changes)


@pytest.mark.parametrize(
    "status, owner, message",
    [
        ("action", None, "Choose an owner"),
        ("new", None, "Not a valid choice"),
        ("referred", "outsider", "The owner must be an active member of the team."),
        ("sideways", None, "Not a valid choice"),
    ],
)
def test_bad_decisions_are_refused(as_user, signal, team, db, status, owner, message):
    """Refuse an outcome without owner, going back to new, strangers and unknown statuses."""
    entry = signal()
    data = {"status": status}
    if owner:
        data["owner"] = team[owner].id
    response = decide(as_user("coordinator"), entry, **data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert state(db, entry) is None


def test_nothing_goes_back_to_new_and_closed_can_reopen(as_user, signal, team, db):
    """Allow reopening a closed signal as discussed."""
    entry = signal()
    client = as_user("coordinator")
    decide(client, entry, status="closed")
    assert decide(client, entry, 1, status="discussed").status_code == 302
    assert state(db, entry).status == "discussed"


def test_the_owner_decides_but_cannot_hand_it_on(as_user, signal, team, db):
    """Let a worker change the status and note of what they own, not its owner."""
    entry = signal(author="ahmed")
    decide(as_user("coordinator"), entry, status="action", owner=team["sanne"].id)
    sanne = as_user("sanne")
    assert (
        decide(
            sanne, entry, 1, status="closed", owner=team["sanne"].id, decision="Gebeld, opgelost"
        ).status_code
        == 302
    )
    assert state(db, entry).status == "closed"
    response = decide(sanne, entry, 2, status="action", owner=team["lotte"].id)
    assert response.status_code == 400 and "Only a coordinator" in response.get_data(as_text=True)
    assert decide(as_user("lotte"), entry, 2, status="discussed").status_code == 403


def test_decision_notes_are_checked_for_personal_data(as_user, signal, team, db):
    """Hold back a decision note with a name or phone number until confirmed."""
    entry = signal()
    note = "Mevrouw Jansen bellen op 06-12345678"
    client = as_user("coordinator")
    response = decide(client, entry, status="discussed", decision=note)
    assert response.status_code == 400 and "This looks like" in response.get_data(as_text=True)
    assert state(db, entry) is None
    decide(client, entry, status="discussed", decision=note, privacy_confirmed="y")
    assert state(db, entry).decision == note


def test_a_signal_moved_by_two_people_overwrites_nothing(as_user, signal, team, db):
    """Answer 409 with the current state to the second of two changes; keep the first."""
    entry = signal()
    client = as_user("coordinator")
    assert (
        decide(
            client,
            entry,
            0,
            status="referred",
            owner=team["sanne"].id,
            decision="Naar het buurtteam",
        ).status_code
        == 302
    )
    response = decide(client, entry, 0, status="monitoring", owner=team["lotte"].id)
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Someone changed this signal" in page and "Naar het buurtteam" in page
    assert 'name="version" type="hidden" value="1"' in page
    saved = state(db, entry)
    assert (saved.status, saved.owner_id, saved.version) == ("referred", team["sanne"].id, 1)
    assert (
        db.session.scalar(select(StatusChange).where(StatusChange.to_status == "monitoring"))
        is None
    )


# Bulk decisions


def test_bulk_decision_on_a_group(as_user, signal, team, db):
    """Decide on all six playground signals at once: collective, owner Sanne."""
    entries = [signal(author=a) for a in ("sanne", "ahmed", "lotte") * 2]
    client = as_user("coordinator")
    response = client.post(
        "/review/signals",
        data={
            "entries": [f"{e.id}:0" for e in entries],
            "action": "apply",
            "status": "collective",
            "owner": team["sanne"].id,
            "decision": "Schouw met de gemeente",
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    saved = db.session.scalars(select(SignalStatus)).all()
    assert len(saved) == 6
    assert {(s.status, s.owner_id, s.decision) for s in saved} == {
        ("collective", team["sanne"].id, "Schouw met de gemeente")
    }


def test_choosing_every_signal_shown_in_a_group(as_user, signal, team, db):
    """Apply a decision to every signal a group showed, without ticking each."""
    entries = [signal() for _ in range(3)]
    other = signal(themes=("armoede",))
    group = f"{team['kanaal'].id}-{team['spelen'].id}"
    page = as_user("coordinator").get("/review/").get_data(as_text=True)
    assert f'name="in-{group}" value="{entries[0].id}:0"' in page
    response = as_user("coordinator").post(
        "/review/signals",
        data={
            "groups": [group],
            f"in-{group}": [f"{e.id}:0" for e in entries],
            "action": "apply",
            "status": "discussed",
        },
    )
    assert response.status_code == 302
    assert all(state(db, e).status == "discussed" for e in entries)
    assert state(db, other) is None


def test_choosing_a_group_chooses_every_signal_in_it(as_user, signal, team, db):
    """Apply a decision to all nine signals of a group the page shows six of, and to no
    other group."""
    entries = [signal(underlying_question=f"Speelplek {n}") for n in range(9)]
    other = signal(themes=("armoede",))
    group = f"{team['kanaal'].id}-{team['spelen'].id}"
    page = as_user("coordinator").get("/review/").get_data(as_text=True)
    shown = re.findall(rf'name="in-{group}" value="([^"]+)"', page)
    assert len(shown) == 6 and "Choose all 9 signals of this group" in page
    response = as_user("coordinator").post(
        "/review/signals",
        data={"groups": [group], f"in-{group}": shown, "action": "apply", "status": "discussed"},
    )
    assert response.status_code == 302
    assert [state(db, e).status for e in entries] == ["discussed"] * 9
    assert state(db, other) is None
    page = as_user("coordinator").get("/review/").get_data(as_text=True)
    assert "9 signals updated" in page


def test_choosing_a_group_still_refuses_a_stale_signal_it_showed(as_user, signal, team, db):
    """Save nothing when a signal the page showed changed meanwhile, though the rest of the
    group goes by the version it has now."""
    entries = [signal() for _ in range(8)]
    group = f"{team['kanaal'].id}-{team['spelen'].id}"
    shown = re.findall(
        rf'name="in-{group}" value="([^"]+)"',
        as_user("coordinator").get("/review/").get_data(as_text=True),
    )
    stale = next(e for e in entries if f"{e.id}:0" in shown)
    decide(as_user("coordinator"), stale, status="discussed")
    response = as_user("coordinator").post(
        "/review/signals",
        data={"groups": [group], f"in-{group}": shown, "action": "apply", "status": "closed"},
    )
    assert response.status_code == 409
    assert sorted(state(db, e).status if state(db, e) else "new" for e in entries) == [
        "discussed",
        *["new"] * 7,
    ]


def test_a_stale_bulk_decision_saves_nothing(as_user, signal, team, db):
    """Refuse the whole bulk change when one signal changed meanwhile, marking it."""
    first, second = signal(underlying_question="Eerste"), signal(underlying_question="Tweede")
    client = as_user("coordinator")
    decide(client, second, status="discussed")
    response = client.post(
        "/review/signals",
        data={
            "entries": [f"{first.id}:0", f"{second.id}:0"],
            "action": "apply",
            "status": "monitoring",
            "owner": team["lotte"].id,
        },
    )
    assert response.status_code == 409
    assert "Someone changed 1 of these signals" in response.get_data(as_text=True)
    assert state(db, first) is None and state(db, second).status == "discussed"


def test_bulk_needs_signals_and_something_to_do(as_user, signal):
    """Refuse a bulk post without signals or without a decision."""
    entry = signal()
    client = as_user("coordinator")
    assert (
        client.post("/review/signals", data={"action": "apply", "status": "discussed"}).status_code
        == 400
    )
    response = client.post(
        "/review/signals", data={"entries": [f"{entry.id}:0"], "action": "apply"}
    )
    assert response.status_code == 400
    assert "Choose a status, an owner" in response.get_data(as_text=True)
    assert (
        client.post(
            "/review/signals",
            data={"entries": ["garbage"], "action": "apply", "status": "discussed"},
        ).status_code
        == 400
    )


def test_workers_cannot_bulk_decide(as_user, signal, db):
    """Refuse bulk decisions from workers."""
    entry = signal()
    response = as_user("sanne").post(
        "/review/signals",
        data={"entries": [f"{entry.id}:0"], "action": "apply", "status": "closed"},
    )
    assert response.status_code == 403 and state(db, entry) is None


# Follow-through


def test_an_owner_who_left_is_flagged_for_reassignment(as_user, signal, team, db):
    """Flag open items whose owner left the team, at the top of the review."""
    entry = signal(days_ago=30, underlying_question="Van Lotte")
    decide(as_user("coordinator"), entry, status="action", owner=team["lotte"].id)
    team["lotte"].team = None
    db.session.commit()
    page = as_user("coordinator").get("/review/").get_data(as_text=True)
    assert "Needs a new owner" in page and "Van Lotte" in page
    assert "Owner left the team: reassign" in page
    detail = as_user("coordinator").get(f"/review/signals/{entry.id}").get_data(as_text=True)
    assert "Owner left the team: reassign" in detail


def test_overdue_actions_open_the_next_review(as_user, signal, team, db):
    """Put overdue items at the top, from any period."""
    entry = signal(days_ago=40, underlying_question="Te laat")
    decide(
        as_user("coordinator"),
        entry,
        status="action",
        owner=team["sanne"].id,
        due_on=(date.today() - timedelta(days=3)).isoformat(),
    )
    signal(underlying_question="Nieuw deze week")
    page = as_user("coordinator").get("/review/").get_data(as_text=True)
    assert "Overdue" in page and page.index("Te laat") < page.index("Nieuw deze week")


def test_ties_are_shown_in_id_order_on_every_view(as_user, signal, team, db):
    """Show signals of the same moment in one group, and overdue ones due the same day, by id:
    not in whatever order the database or a set of ids gives, which differs between views and
    between the app's processes."""
    ids = [uuid.UUID(int=n) for n in range(8, 0, -1)]  # made in the reverse of id order
    now = utcnow().replace(microsecond=0) - timedelta(hours=2)
    same = [signal(id=ids[n], underlying_question=f"Gelijk {n}") for n in range(4)]
    late = [signal(id=ids[4 + n], underlying_question=f"Verlopen {n}") for n in range(4)]
    for entry in same:
        entry.occurred_at = now
    for entry in late:
        entry.occurred_at = now - timedelta(days=40)
    db.session.commit()
    coordinator = as_user("coordinator")
    due = (date.today() - timedelta(days=3)).isoformat()
    for entry in late:
        decide(coordinator, entry, status="action", owner=team["sanne"].id, due_on=due)
    page = coordinator.get("/review/").get_data(as_text=True)
    overdue = page[page.index("Overdue") :]
    assert [page.index(f"Gelijk {n}") for n in (3, 2, 1, 0)] == sorted(
        page.index(f"Gelijk {n}") for n in range(4)
    )
    assert [overdue.index(f"Verlopen {n}") for n in (3, 2, 1, 0)] == sorted(
        overdue.index(f"Verlopen {n}") for n in range(4)
    )


def test_my_actions_lists_what_i_own_overdue_first(as_user, signal, team, make_wijk_theme):
    """Show a worker their open signals, overdue first, and their wijk themes."""
    later, late, done = (signal(underlying_question=q) for q in ("Later", "Te laat", "Klaar"))
    client = as_user("coordinator")
    decide(
        client,
        later,
        status="action",
        owner=team["sanne"].id,
        due_on=(date.today() + timedelta(days=7)).isoformat(),
    )
    decide(
        client,
        late,
        status="action",
        owner=team["sanne"].id,
        due_on=(date.today() - timedelta(days=1)).isoformat(),
    )
    decide(client, done, status="closed", owner=team["sanne"].id)
    make_wijk_theme(
        team["team"], team["kanaal"], name="Speelplek Sluiskwartier", owner=team["sanne"]
    )
    page = as_user("sanne").get("/review/mine").get_data(as_text=True)
    assert page.index("Te laat") < page.index("Later") and "Klaar" not in page
    assert "1 overdue" in page and "Speelplek Sluiskwartier" in page
    assert "Nothing is waiting for you." in as_user("ahmed").get("/review/mine").get_data(
        as_text=True
    )


def test_last_meetings_decisions_show_what_happened_since(as_user, signal, team, db, make_review):
    """Show the last meeting's decisions with the signals' status now."""
    review = make_review(team["team"], running=True)
    entries = [signal() for _ in range(2)]
    client = as_user("coordinator")
    client.post(
        "/review/signals",
        data={
            "entries": [f"{e.id}:0" for e in entries],
            "action": "apply",
            "status": "action",
            "owner": team["sanne"].id,
            "decision": "Melding bij de gemeente",
        },
    )
    review.period_end = utcnow()
    db.session.commit()
    decide(as_user("sanne"), entries[0], 1, status="closed", owner=team["sanne"].id)
    page = as_user("coordinator").get("/review/").get_data(as_text=True)
    follow = page[page.index("Decisions of the last meeting") :]
    assert "Melding bij de gemeente" in follow and "Sanne Visser" in follow
    assert "Action 1, Closed 1" in follow or "Closed 1, Action 1" in follow
    assert "1 changed since" in follow


def test_signals_closed_long_ago_are_not_read_again(app, as_user, signal, team, db, make_review):
    """Read the open statuses of any age, and closed ones only since the period, or the last
    meeting's period, began: a team's years of closed signals stay in the database."""
    from buurtlog.review import period as periods
    from buurtlog.review.signals import STATUSES, current_statuses, id_text

    old = [signal(days_ago=400) for _ in range(3)]
    client = as_user("coordinator")
    for entry, status in zip(old, ("monitoring", "closed", "closed"), strict=True):
        decide(client, entry, status=status, owner=team["sanne"].id)
    make_review(team["team"], days=14)  # last meeting: its period began two weeks ago
    closed_long_ago, closed_in_last_meeting = (state(db, e) for e in old[1:])
    closed_long_ago.updated_at = utcnow() - timedelta(days=300)
    closed_in_last_meeting.updated_at = utcnow() - timedelta(days=10)
    db.session.commit()

    period = periods.default_period(team["team"], app.config["BABEL_DEFAULT_TIMEZONE"])
    read = set(
        db.session.scalars(
            db.select(id_text(STATUSES.entry_id)).where(current_statuses(team["team"], period))
        )
    )
    assert read == {str(old[0].id), str(old[2].id)}
    chosen = periods.chosen_period(
        team["team"],
        date.today() - timedelta(days=310),
        date.today(),
        app.config["BABEL_DEFAULT_TIMEZONE"],
    )
    assert (
        len(
            set(
                db.session.scalars(
                    db.select(STATUSES.entry_id).where(current_statuses(team["team"], chosen))
                )
            )
        )
        == 3
    )  # a period chosen back then: all


# Sensitive signals


def test_sensitive_signals_only_for_coordinators_and_authors(as_user, signal, team, db):
    """Show others only a count per wijk; show coordinators the text, audited once per page."""
    sensitive = signal(author="ahmed", themes=("geweld",), underlying_question="Zorgen thuis")
    signal(underlying_question="Gewoon signaal")
    worker = as_user("sanne").get("/review/").get_data(as_text=True)
    assert "Zorgen thuis" not in worker and "Domestic violence" not in worker
    assert "1 sensitive signal, for coordinators and its author only" in worker
    assert "Zorgen thuis" in as_user("ahmed").get("/review/").get_data(as_text=True)
    assert db.session.scalars(select(AuditEvent)).all() == []
    assert "Zorgen thuis" in as_user("coordinator").get("/review/").get_data(as_text=True)
    event = db.session.scalars(select(AuditEvent)).one()
    assert (event.action, event.details) == (
        "review.viewed_sensitive",
        {"count": 1, "entries": str(sensitive.id)},
    )
    assert as_user("sanne").get(f"/review/signals/{sensitive.id}").status_code == 404


def test_proposals_are_made_only_of_signals_the_viewer_may_see(as_user, signal):
    """Keep the words of someone else's sensitive signals out of a worker's proposals."""
    for author, text in (
        ("ahmed", "Ruzie en geschreeuw achter de voordeur"),
        ("lotte", "Buren horen geschreeuw en ruzie"),
        ("coordinator", "Weer ruzie, geschreeuw tot laat"),
    ):
        signal(author=author, themes=("geweld",), underlying_question=text)
    page = as_user("coordinator").get("/review/").get_data(as_text=True)
    assert "<h3>Proposal: geschreeuw ruzie</h3>" in page
    worker = as_user("sanne").get("/review/").get_data(as_text=True)
    assert "geschreeuw" not in worker and "Proposal:" not in worker
    assert "3 sensitive signals, for coordinators and their authors only" in worker


def test_a_sensitive_signal_is_owned_by_its_author_or_a_coordinator(as_user, signal, team, db):
    """Refuse to give a sensitive signal to a colleague who may not see it."""
    entry = signal(author="ahmed", themes=("geweld",))
    client = as_user("coordinator")
    response = decide(client, entry, status="referred", owner=team["sanne"].id)
    assert response.status_code == 400
    assert "only be owned by its author or a coordinator" in response.get_data(as_text=True)
    assert decide(client, entry, status="referred", owner=team["ahmed"].id).status_code == 302


# Wijk themes and proposals


def test_a_word_proposal_is_confirmed_as_a_wijk_theme(as_user, signal, team, db):
    """Propose signals with the same words across themes; confirm one, edited."""
    texts = (
        "Het klimrek aan de Churchilllaan is kapot",
        "Kapot klimrek Churchilllaan, kinderen spelen er niet meer",
        "Klimrek Churchilllaan afgezet met linten",
    )
    entries = [
        signal(author=a, themes=(t,), underlying_question=q)
        for a, t, q in zip(
            ("sanne", "ahmed", "lotte"), ("spelen", "armoede", "spelen"), texts, strict=True
        )
    ]
    page = as_user("coordinator").get("/review/").get_data(as_text=True)
    assert "<h3>Proposal: churchilllaan klimrek kapot</h3>" in page
    key = re.search(r'name="key" value="(words:[^"]+)"', page).group(1)
    response = as_user("coordinator").post(
        "/review/proposals",
        data={
            "key": key,
            "action": "confirm",
            "name": "Klimrek Churchilllaan",
            "listed": "1",
            "keep": [str(entries[0].id), str(entries[1].id)],
        },
    )
    assert response.status_code == 302
    theme = db.session.scalars(select(WijkTheme)).one()
    assert (theme.name, theme.area_id, theme.status) == (
        "Klimrek Churchilllaan",
        team["kanaal"].id,
        "open",
    )
    assert {e.id for e in theme.entries} == {entries[0].id, entries[1].id}
    assert [n.event for n in theme.notes] == ["linked", "created"]


def test_a_dismissed_proposal_does_not_come_back(as_user, signal, team, db):
    """Dismiss a same-theme proposal; it stays away until new signals arrive."""
    signal(), signal(author="ahmed")
    key = f"theme:{team['kanaal'].id}:{team['spelen'].id}"
    client = as_user("coordinator")
    assert f'value="{key}"' in client.get("/review/").get_data(as_text=True)
    assert (
        client.post("/review/proposals", data={"key": key, "action": "dismiss"}).status_code == 302
    )
    assert db.session.scalars(select(DismissedProposal)).one().key == key
    assert f'value="{key}"' not in client.get("/review/").get_data(as_text=True)
    signal(author="lotte"), signal(author="sanne")
    assert f'value="{key}"' in client.get("/review/").get_data(as_text=True)


def test_a_proposal_that_changed_meanwhile_saves_nothing(as_user, signal, db):
    """Refuse to confirm a proposal that no longer exists."""
    response = as_user("coordinator").post(
        "/review/proposals",
        data={"key": "words:1:gone", "action": "confirm", "name": "Weg"},
        follow_redirects=True,
    )
    assert "This proposal changed meanwhile" in response.get_data(as_text=True)
    assert db.session.scalars(select(WijkTheme)).all() == []


def test_new_signals_join_a_wijk_theme_with_one_tap(as_user, signal, team, db, make_wijk_theme):
    """Offer to add a new signal to the open wijk theme of its wijk and theme."""
    old = signal(days_ago=20)
    theme = make_wijk_theme(
        team["team"], team["kanaal"], [old], name="Speelplek", theme=team["spelen"]
    )
    new = signal(underlying_question="Weer glas op het veldje")
    page = as_user("coordinator").get("/review/").get_data(as_text=True)
    assert f'name="join" value="{theme.id}:{new.id}"' in page
    response = as_user("coordinator").post("/review/signals", data={"join": f"{theme.id}:{new.id}"})
    assert response.status_code == 302
    db.session.expire_all()
    assert {e.id for e in theme.entries} == {old.id, new.id}


def test_bulk_makes_a_wijk_theme_of_chosen_signals(as_user, signal, team, db):
    """Make a wijk theme of ticked signals of one wijk, refusing a mix of wijken."""
    a, b = signal(), signal(author="ahmed")
    elsewhere = signal(area="molen")
    client = as_user("coordinator")
    mixed = client.post(
        "/review/signals",
        data={"entries": [f"{a.id}:0", f"{elsewhere.id}:0"], "action": "create", "name": "Mix"},
    )
    assert mixed.status_code == 400
    assert (
        client.post(
            "/review/signals",
            data={
                "entries": [f"{a.id}:0", f"{b.id}:0"],
                "action": "create",
                "name": "Speelplek Sluiskwartier",
            },
        ).status_code
        == 302
    )
    theme = db.session.scalars(select(WijkTheme)).one()
    assert (theme.area_id, theme.theme_id, len(theme.entries)) == (
        team["kanaal"].id,
        team["spelen"].id,
        2,
    )


def test_many_signals_from_several_workers_suggest_a_collective_approach(as_user, signal):
    """Flag a group of five or more signals from three or more workers."""
    for author in ("sanne", "ahmed", "lotte", "sanne", "ahmed"):
        signal(author=author)
    page = as_user("coordinator").get("/review/").get_data(as_text=True)
    assert "Candidate for a collective approach" in page


def test_wijk_theme_page_log_status_and_conflict(as_user, signal, team, db, make_wijk_theme):
    """Change a wijk theme's status and owner with a log note; refuse a stale change."""
    entry = signal(underlying_question="Glas bij de speeltuin")
    theme = make_wijk_theme(team["team"], team["kanaal"], [entry], name="Speelplek")
    client = as_user("coordinator")
    page = client.get(f"/review/themes/{theme.id}").get_data(as_text=True)
    assert "Glas bij de speeltuin" in page
    data = {
        "name": "Speelplek",
        "status": "collective",
        "owner": team["sanne"].id,
        "note": "Schouw gepland met de gemeente",
        "version": 1,
    }
    assert client.post(f"/review/themes/{theme.id}", data=data).status_code == 302
    db.session.expire_all()
    assert (theme.status, theme.owner_id, theme.version) == ("collective", team["sanne"].id, 2)
    assert {n.event for n in theme.notes} == {"status", "owner", "note"}
    stale = client.post(f"/review/themes/{theme.id}", data={**data, "status": "closed"})
    assert stale.status_code == 409
    db.session.expire_all()
    assert theme.status == "collective"
    assert (
        client.post(f"/review/themes/{theme.id}", data={"unlink": str(entry.id)}).status_code == 302
    )
    db.session.expire_all()
    assert theme.entries == []


def test_workers_read_wijk_themes_and_owners_keep_them(as_user, signal, team, make_wijk_theme):
    """Let any team member read a wijk theme, and its owner (only) add to its log."""
    theme = make_wijk_theme(
        team["team"], team["kanaal"], [signal()], name="Speelplek", owner=team["sanne"]
    )
    data = {
        "name": "Speelplek",
        "status": "monitoring",
        "owner": team["sanne"].id,
        "note": "Gebeld met de woningcorporatie",
        "version": 1,
    }
    assert as_user("ahmed").get(f"/review/themes/{theme.id}").status_code == 200
    assert as_user("ahmed").post(f"/review/themes/{theme.id}", data=data).status_code == 403
    assert as_user("sanne").post(f"/review/themes/{theme.id}", data=data).status_code == 302
    handover = as_user("sanne").post(
        f"/review/themes/{theme.id}", data={**data, "owner": team["ahmed"].id, "version": 2}
    )
    assert handover.status_code == 400


# The meeting record


def test_meeting_record_from_start_to_printed_summary(as_user, signal, team, db):
    """Start a meeting, decide, get decisions written, close it and print it without names."""
    client = as_user("coordinator")
    response = client.post(
        "/review/start",
        data={
            "held_on": date.today().isoformat(),
            "attendees": [team["coordinator"].id, team["sanne"].id, team["ahmed"].id],
        },
    )
    assert response.status_code == 302
    review = db.session.scalars(select(Review)).one()
    assert review.is_open and len(review.attendees) == 3
    # The first meeting covers what the page showed before it: the week from midnight.
    from buurtlog.entries.services import local_day_start, today

    tz = "Europe/Amsterdam"
    assert review.period_start == local_day_start(today(tz) - timedelta(days=7), tz)
    playground = [
        signal(underlying_question="Kinderen durven niet naar het veldje") for _ in range(6)
    ]
    debts = signal(area="molen", themes=("armoede",), underlying_question="Geldzorgen")
    hidden = signal(author="ahmed", themes=("geweld",), underlying_question="Zorgen thuis")
    client.post(
        "/review/signals",
        data={
            "entries": [f"{e.id}:0" for e in playground],
            "action": "apply",
            "status": "collective",
            "owner": team["sanne"].id,
            "decision": "Schouw met gemeente",
        },
    )
    decide(client, debts, status="referred", owner=team["ahmed"].id, decision="Naar budgetmaatjes")
    decide(client, hidden, status="referred", owner=team["ahmed"].id, decision="Meldcode")
    changes = db.session.scalars(select(StatusChange)).all()
    assert {c.review_id for c in changes} == {review.id}

    page = client.get(f"/review/meetings/{review.id}").get_data(as_text=True)
    assert "Kanaalzone · Play (6 signals) — Collective: Schouw met gemeente" in page
    assert "De Weiden · Poverty — Referred: Naar budgetmaatjes" in page
    assert (
        "sensitive signals — Referred" in page
        and "Meldcode" not in page.split("Changes made in the meeting")[0]
    )
    response = client.post(
        f"/review/meetings/{review.id}",
        data={
            "held_on": date.today().isoformat(),
            "attendees": [team["coordinator"].id],
            "decisions": "",
            "finish": "y",
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    # What the changes decided is kept as the changes' codes, not as sentences in one language:
    # each reader gets it in their own.
    assert not review.is_open and review.decisions is None
    page = client.get(f"/review/meetings/{review.id}").get_data(as_text=True)
    assert "Kanaalzone · Play (6 signals) — Collective: Schouw met gemeente" in page

    summary = client.get(f"/review/meetings/{review.id}/summary").get_data(as_text=True)
    assert "Schouw met gemeente" in summary and "1 person present" in summary
    for private in (
        "Sanne",
        "Ahmed",
        "Marieke",
        "Kinderen durven",
        "Geldzorgen",
        "Zorgen thuis",
        "Meldcode",
        "Domestic violence",
    ):
        assert private not in summary, private
    assert "Play</td><td>5</td>" in summary  # 6, rounded to 5 as it may leave the team
    assert "Each fewer than five: Poverty" in summary
    assert "Each fewer than five: Sensitive themes" in summary
    css = (Path(__file__).resolve().parent.parent / "buurtlog/static/css/buurtlog.css").read_text()
    assert "@media print" in css[css.index("Weekly review (weekoverleg)") :]
    team["sanne"].locale = "nl"  # a Dutch reader reads the same decisions in Dutch
    db.session.commit()
    page = as_user("sanne").get(f"/review/meetings/{review.id}").get_data(as_text=True)
    assert "Kanaalzone · Spelen (6 signalen) — Collectief: Schouw met gemeente" in page
    assert "De Weiden · Armoede — Doorverwezen: Naar budgetmaatjes" in page


def test_a_meeting_closed_with_its_lines_stored_as_text_lists_them_once(as_user, signal, team, db):
    """Show a meeting closed before the decisions were written per reader (its generated lines
    stored as Dutch text, like the demo's in an existing database) with each decision once,
    in the reader's language, and keep the line the team wrote itself."""
    from flask_babel import force_locale

    from buurtlog.review import record

    client = as_user("coordinator")
    client.post(
        "/review/start",
        data={"held_on": date.today().isoformat(), "attendees": [team["coordinator"].id]},
    )
    review = db.session.scalars(select(Review)).one()
    decide(
        client,
        signal(area="molen", themes=("armoede",)),
        status="referred",
        owner=team["ahmed"].id,
        decision="Naar budgetmaatjes",
    )
    client.post(
        f"/review/meetings/{review.id}",
        data={
            "held_on": date.today().isoformat(),
            "attendees": [team["coordinator"].id],
            "decisions": "",
            "finish": "y",
        },
    )
    with force_locale("nl"):
        stored = record.decision_lines(review)
    assert stored == ["De Weiden · Armoede — Doorverwezen: Naar budgetmaatjes"]
    review.decisions = "\n".join([*stored, "Volgende keer de wijkagent uitnodigen"])
    db.session.commit()

    page = client.get(f"/review/meetings/{review.id}").get_data(as_text=True)
    assert page.count("Referred: Naar budgetmaatjes") == 1 and "Doorverwezen" not in page
    assert page.count("Volgende keer de wijkagent uitnodigen") == 1
    summary = client.get(f"/review/meetings/{review.id}/summary").get_data(as_text=True)
    assert summary.count("Naar budgetmaatjes") == 1
    assert summary.count("Volgende keer de wijkagent uitnodigen") == 1


def test_the_printed_summary_redacts_personal_data(as_user, team, db, make_review):
    """Blank out anything that looks like personal data in the printed decisions."""
    review = make_review(team["team"])
    review.decisions = "Mevrouw Jansen terugbellen op 06-12345678 over de speeltuin"
    db.session.commit()
    summary = as_user("sanne").get(f"/review/meetings/{review.id}/summary").get_data(as_text=True)
    assert "Jansen" not in summary and "06-12345678" not in summary
    assert "[…]" in summary and "over de speeltuin" in summary


def test_the_record_is_edited_by_coordinators_and_read_by_the_team(as_user, team, db, make_review):
    """Let coordinators edit the decisions (privacy-checked) and workers read them."""
    review = make_review(team["team"], attendees=[team["sanne"]])
    client = as_user("coordinator")
    data = {
        "held_on": review.held_on.isoformat(),
        "attendees": [team["sanne"].id],
        "decisions": "Bel meneer De Vries op 0612345678",
    }
    assert client.post(f"/review/meetings/{review.id}", data=data).status_code == 400
    data["decisions"] = "Speelplek: schouw op 3 december"
    assert client.post(f"/review/meetings/{review.id}", data=data).status_code == 302
    page = as_user("ahmed").get(f"/review/meetings/{review.id}").get_data(as_text=True)
    assert "Speelplek: schouw op 3 december" in page and "Sanne Visser" in page
    assert as_user("ahmed").post(f"/review/meetings/{review.id}", data=data).status_code == 403
    assert as_user("outsider").get(f"/review/meetings/{review.id}").status_code == 404


def test_only_one_meeting_runs_at_a_time(as_user, team, db, make_review):
    """Refuse to start a second meeting while one is running."""
    make_review(team["team"], running=True)
    response = as_user("coordinator").post(
        "/review/start", data={"held_on": date.today().isoformat(), "attendees": [team["sanne"].id]}
    )
    assert response.status_code == 302
    assert len(db.session.scalars(select(Review)).all()) == 1


def test_meetings_are_listed(as_user, team, make_review):
    """List the team's meetings, the latest first."""
    make_review(team["team"], held_on=date(2026, 11, 10))
    make_review(team["team"], held_on=date(2026, 11, 17))
    page = as_user("sanne").get("/review/meetings").get_data(as_text=True)
    assert page.index("17 November 2026") < page.index("10 November 2026")


def test_deleting_an_entry_removes_its_review_trail(as_user, signal, team, db):
    """Delete a signal's status and changes with the entry itself."""
    entry = signal()
    decide(as_user("coordinator"), entry, status="discussed")
    assert as_user("sanne").post(f"/entries/{entry.id}/delete").status_code == 302
    db.session.expire_all()
    assert db.session.scalars(select(SignalStatus)).all() == []
    assert db.session.scalars(select(StatusChange)).all() == []
    assert db.session.scalars(select(Entry)).all() == []


def test_the_demo_has_last_weeks_meeting_once(runner, db):
    """Give Team Zuid a past meeting with decisions and a wijk theme, once."""
    for _ in range(2):
        assert runner.invoke(args=["demo"]).exit_code == 0
    review = db.session.scalars(select(Review)).one()
    theme = db.session.scalars(select(WijkTheme)).one()
    assert review.team.name == "Team Zuid" and not review.is_open
    assert theme.status == "collective" and len(theme.entries) >= 2
    changes = db.session.scalars(select(StatusChange)).all()
    assert changes and {c.review_id for c in changes} == {review.id}
    # Decided in that meeting and not touched since: the follow-through says nothing moved.
    assert {s.updated_at for s in db.session.scalars(select(SignalStatus))} == {review.period_end}


@pytest.mark.parametrize("viewer", ["coordinator", "sanne", "ahmed"])
def test_the_page_counts_what_can_view_allows(as_user, signal, team, db, viewer):
    """Count and hide exactly the signals entries.services.can_view shows or hides."""
    from buurtlog.entries.services import can_view

    made = [
        signal(author=a, themes=t)
        for a in ("sanne", "ahmed", "lotte")
        for t in (("spelen",), ("geweld",), ("spelen", "geweld"))
    ]
    visible = sum(can_view(team[viewer], e) for e in made)
    page = as_user(viewer).get("/review/").get_data(as_text=True)
    assert f"{visible} signals" in page
    hidden = len(made) - visible
    if hidden:
        assert f"{hidden} sensitive signals not shown" in page
    else:
        assert "not shown" not in page


def test_show_all_lists_every_signal_of_a_group(as_user, signal, team):
    """Open a group narrowed to its wijk and theme with every signal in it."""
    for word in ("schommel", "glijbaan", "zandbak", "wip", "klimrek", "hek", "bank", "net"):
        signal(underlying_question=f"Gaat over de {word}")
    page = as_user("coordinator").get("/review/").get_data(as_text=True)
    assert "Show all 8" in page and page.count("Gaat over de") == 6
    narrowed = (
        as_user("coordinator")
        .get(f"/review/?wijk={team['kanaal'].id}&theme={team['spelen'].id}")
        .get_data(as_text=True)
    )
    assert narrowed.count("Gaat over de") == 8 and "Show every wijk and theme" in narrowed


def test_a_confirmed_proposal_leaves_the_proposals(as_user, signal, team, db):
    """Stop proposing signals once they are in a wijk theme."""
    signal(), signal(author="ahmed")
    key = f"theme:{team['kanaal'].id}:{team['spelen'].id}"
    client = as_user("coordinator")
    assert f'value="{key}"' in client.get("/review/").get_data(as_text=True)
    client.post(
        "/review/proposals", data={"key": key, "action": "confirm", "name": "Spelen in Kanaalzone"}
    )
    page = client.get("/review/").get_data(as_text=True)
    assert f'value="{key}"' not in page and "Spelen in Kanaalzone" in page


def test_weekly_meetings_follow_each_other_week_after_week(as_user, signal, team, db, clock):
    """Hold a meeting, log on through the week, hold the next: it starts where the first
    ended, shows only what came since and last week's decisions, and its pages all work."""

    def at(moment):
        """Move the clock to an Amsterdam moment, hold it there and sign the coordinator in."""
        clock.move_to(amsterdam(moment), tick=False)
        return as_user("coordinator")

    def open_meeting(moment, attendees):
        """Open a meeting through the review page; return it."""
        client = at(moment)
        assert client.get("/review/").status_code == 200
        response = client.post(
            "/review/start",
            data={"held_on": moment[:10], "attendees": [team[a].id for a in attendees]},
        )
        assert response.status_code == 302
        db.session.expire_all()
        return db.session.scalars(select(Review).where(Review.period_end.is_(None))).one()

    def close_meeting(review, moment):
        """Close the meeting through its record page, its decisions written for it."""
        client = at(moment)
        assert client.get(f"/review/meetings/{review.id}").status_code == 200
        response = client.post(
            f"/review/meetings/{review.id}",
            data={
                "held_on": review.held_on.isoformat(),
                "attendees": [u.id for u in review.attendees],
                "decisions": "",
                "finish": "y",
            },
        )
        assert response.status_code == 302
        db.session.expire_all()
        assert not review.is_open and review.period_end == amsterdam(moment)
        assert client.get(f"/review/meetings/{review.id}/summary").status_code == 200

    at("2026-12-07T11:00")  # Monday: logged before the first meeting
    swing = signal(underlying_question="Schommel kapot in het park")
    debts = signal(area="molen", themes=("armoede",), underlying_question="Rekeningen stapelen")
    first = open_meeting("2026-12-08T14:00", ("coordinator", "sanne"))
    client = at("2026-12-08T14:20")
    decide(client, swing, status="referred", owner=team["sanne"].id, decision="Naar de gemeente")
    decide(client, debts, status="discussed")
    close_meeting(first, "2026-12-08T15:30")

    at("2026-12-10T09:00")  # through the week
    bench = signal(author="ahmed", underlying_question="Bankje bij de school weg")
    at("2026-12-14T16:00")
    signal(author="lotte", area="molen", underlying_question="Speeltuin op slot")
    page = at("2026-12-15T13:00").get("/review/").get_data(as_text=True)  # before the meeting
    assert "Bankje bij de school weg" in page and "Speeltuin op slot" in page
    assert "Schommel kapot" not in page and "Rekeningen stapelen" not in page
    assert "Decisions of the last meeting" in page and "Naar de gemeente" in page

    second = open_meeting("2026-12-15T14:00", ("coordinator", "ahmed"))
    assert second.period_start == first.period_end == amsterdam("2026-12-08T15:30")
    client = at("2026-12-15T14:10")
    decide(
        client,
        bench,
        status="action",
        owner=team["ahmed"].id,
        due_on="2026-12-22",
        decision="Navragen bij de school",
    )
    assert "Navragen bij de school" in client.get(f"/review/meetings/{second.id}").get_data(
        as_text=True
    )
    close_meeting(second, "2026-12-15T15:00")
    changes = db.session.scalars(select(StatusChange).order_by(StatusChange.id)).all()
    assert [c.review_id for c in changes] == [first.id, first.id, second.id]
    summary = client.get(f"/review/meetings/{second.id}/summary").get_data(as_text=True)
    assert "Navragen bij de school" in summary and "Naar de gemeente" not in summary

    third = open_meeting("2026-12-22T14:00", ("coordinator",))  # the third week
    assert third.period_start == second.period_end
    client = at("2026-12-22T14:05")
    page = client.get("/review/").get_data(as_text=True)
    assert "Navragen bij de school" in page  # last week's decision, due today
    assert client.get(f"/review/meetings/{third.id}").status_code == 200
    listed = client.get("/review/meetings").get_data(as_text=True)
    assert (
        listed.index("22 December 2026")
        < listed.index("15 December 2026")
        < listed.index("8 December 2026")
    )


def test_signals_nobody_decided_on_carry_over_until_someone_does(as_user, signal, team, db, clock):
    """Close a meeting with signals nobody decided on: the next review shows them (counted,
    as new) with what came since; decided in that meeting they stay on its page, and the
    review after it no longer shows them."""

    def at(moment):
        """Move the clock to an Amsterdam moment, hold it there and sign the coordinator in."""
        clock.move_to(amsterdam(moment), tick=False)
        return as_user("coordinator")

    def open_meeting(moment):
        """Open a meeting through the review page; return it."""
        assert (
            at(moment)
            .post(
                "/review/start",
                data={"held_on": moment[:10], "attendees": [team["coordinator"].id]},
            )
            .status_code
            == 302
        )
        return db.session.scalars(select(Review).where(Review.period_end.is_(None))).one()

    def close_meeting(review, moment):
        """Close the meeting through its record page."""
        assert (
            at(moment)
            .post(
                f"/review/meetings/{review.id}",
                data={
                    "held_on": review.held_on.isoformat(),
                    "attendees": [team["coordinator"].id],
                    "decisions": "",
                    "finish": "y",
                },
            )
            .status_code
            == 302
        )
        db.session.expire_all()
        assert review.period_end == amsterdam(moment)

    at("2026-12-07T11:00")
    decided = signal(underlying_question="Schommel kapot")
    left = [signal(author="ahmed", underlying_question=f"Hek open {n}") for n in range(2)]
    signal(area="molen", themes=("armoede",), underlying_question="Rekeningen")
    first = open_meeting("2026-12-08T14:00")
    decide(at("2026-12-08T14:10"), decided, status="discussed")
    close_meeting(first, "2026-12-08T15:00")

    at("2026-12-10T09:00")
    signal(author="lotte", underlying_question="Bankje weg")
    page = at("2026-12-15T13:00").get("/review/").get_data(as_text=True)
    assert "4 signals" in page and "Nothing to review" not in page
    assert "Hek open 0" in page and "Hek open 1" in page and "Rekeningen" in page
    assert "Bankje weg" in page and "Schommel kapot" not in page
    kanaal = page[page.index("Kanaalzone") :]
    assert "3 signals · 2 colleagues" in kanaal and "3 new" in kanaal

    second = open_meeting("2026-12-15T14:00")
    client = at("2026-12-15T14:10")
    decide(client, left[0], status="discussed")
    page = client.get("/review/").get_data(as_text=True)
    assert "Hek open 0" in page and "Hek open 1" in page  # decided now, still on this page
    close_meeting(second, "2026-12-15T15:00")

    page = at("2026-12-22T13:00").get("/review/").get_data(as_text=True)
    assert "Hek open 0" not in page and "Bankje weg" in page  # not decided: still carried
    assert "Hek open 1" in page and "Rekeningen" in page and "Schommel kapot" not in page
    chosen = at("2026-12-22T13:05").get("/review/?start=2026-12-16&end=2026-12-22")
    assert "Hek open 1" not in chosen.get_data(as_text=True)  # chosen days: only those


def test_a_long_period_shows_each_group_as_its_count(as_user, signal, team, clock, monkeypatch):
    """Collapse the groups of a long period with many signals to their counts, each opening
    on demand, and name the weeks the page covers in its heading."""
    from buurtlog.review import services

    monkeypatch.setattr(services, "COLLAPSE_ABOVE", 2)  # "many": more than two here
    clock.move_to(amsterdam("2026-12-10T12:00"), tick=False)
    for days_ago in (3, 20, 40):
        signal(days_ago=days_ago, underlying_question=f"Speelplek {days_ago} dagen")
    client = as_user("coordinator")
    page = client.get("/review/?start=2026-10-26&end=2026-12-10").get_data(as_text=True)
    assert "weeks 44–50" in page and "A long period" in page
    assert "3 signals · 1 colleague" in page and "Speelplek" not in page
    assert f"wijk={team['kanaal'].id}&amp;theme={team['spelen'].id}" in page
    assert "Show all 3" in page
    opened = client.get(
        f"/review/?start=2026-10-26&end=2026-12-10&wijk={team['kanaal'].id}"
        f"&theme={team['spelen'].id}"
    ).get_data(as_text=True)
    assert opened.count("Speelplek") >= 3 and "A long period" not in opened
    week = client.get("/review/?start=2026-12-07&end=2026-12-10").get_data(as_text=True)
    assert "week 50" in week and "weeks" not in week.split("</h1>")[0]
    assert "Speelplek 3 dagen" in week and "A long period" not in week


def test_a_wijk_theme_is_made_of_one_wijks_signals(as_user, signal, db):
    """Refuse to make one wijk theme of signals from two wijken, saving nothing."""
    here, there = signal(), signal(area="molen", themes=("armoede",))
    response = as_user("coordinator").post(
        "/review/signals",
        data={
            "entries": [f"{here.id}:0", f"{there.id}:0"],
            "action": "create",
            "name": "Speelplekken",
        },
    )
    assert response.status_code == 400
    assert "Choose signals of one wijk for a wijk theme." in response.get_data(as_text=True)
    assert db.session.scalars(select(WijkTheme)).all() == []


# Wijk themes on the wijk's public page


def publish(client, theme, **changes):
    """Post the wijk theme's form with "show on the public page" ticked, as it stands."""
    data = {
        "name": theme.name,
        "status": theme.status,
        "owner": theme.owner_id or "",
        "version": theme.version,
        "public": "y",
        **changes,
    }
    return client.post(f"/review/themes/{theme.id}", data=data)


def public_page(client, team, db):
    """Switch the Kanaalzone public page on (once) and read it as a resident."""
    if db.session.scalar(select(WijkSettings)) is None:
        db.session.add(WijkSettings(area=team["kanaal"], team=team["team"], public_enabled=True))
        db.session.commit()
    client.get("/logout")
    return client.get(
        f"/wijk/{team['kanaal'].code}/publiek", headers={"Accept-Language": "en"}
    ).get_data(as_text=True)


def test_a_coordinator_shows_a_wijk_theme_on_the_public_page(
    as_user, signal, team, db, make_wijk_theme
):
    """The name and, in residents' words, what the team does with it; audited; a badge on the
    wijk theme's page. Unticked, it goes again."""
    theme = make_wijk_theme(
        team["team"],
        team["kanaal"],
        [signal()],
        theme=team["spelen"],
        name="Speelplek Sluiskwartier veiliger",
        status="collective",
    )
    hidden = make_wijk_theme(team["team"], team["kanaal"], [signal()], name="Alleen intern")
    client = as_user("coordinator")
    assert publish(client, theme).status_code == 302
    db.session.expire_all()
    assert theme.public and not hidden.public
    assert "On the public page" in client.get(f"/review/themes/{theme.id}").get_data(as_text=True)
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "wijk_theme.public")
    ).all()
    assert [e.details["wijk_theme"] for e in events] == [theme.id]
    html = public_page(client, team, db)
    assert "Speelplek Sluiskwartier veiliger" in html and "Alleen intern" not in html
    assert "Taken up together with residents" in html
    client = as_user("coordinator")
    client.post(
        f"/review/themes/{theme.id}",
        data={"name": theme.name, "status": theme.status, "owner": "", "version": theme.version},
    )
    db.session.expire_all()
    assert not theme.public
    assert "Speelplek Sluiskwartier" not in public_page(client, team, db)


def test_no_sensitive_or_personal_wijk_theme_goes_public(
    as_user, signal, team, db, make_wijk_theme
):
    """Refuse a wijk theme under a sensitive theme and a name that points at someone; hide a
    public one whose theme becomes sensitive later, and one closed long ago."""
    client = as_user("coordinator")
    secret = make_wijk_theme(
        team["team"],
        team["kanaal"],
        [signal()],
        theme=team["geweld"],
        name="Zorgen achter de voordeur",
    )
    response = publish(client, secret)
    assert response.status_code == 400
    assert "never shown in public" in response.get_data(as_text=True)
    named = make_wijk_theme(team["team"], team["kanaal"], [signal()], name="Overlast bij Kees")
    response = publish(client, named, privacy_confirmed="y")
    assert response.status_code == 400
    assert "personal data" in response.get_data(as_text=True)
    db.session.expire_all()
    assert not secret.public and not named.public
    play = make_wijk_theme(
        team["team"], team["kanaal"], [signal()], theme=team["spelen"], name="Glas op het speelveld"
    )
    old = make_wijk_theme(team["team"], team["kanaal"], [signal()], name="Bankjes bij de vijver")
    assert publish(client, play).status_code == 302
    assert publish(client, old, status="closed").status_code == 302
    html = public_page(client, team, db)
    assert "Glas op het speelveld" in html and "Bankjes bij de vijver" in html
    team["spelen"].sensitive = True  # the theme becomes sensitive later
    db.session.execute(
        WijkTheme.__table__.update()
        .where(WijkTheme.id == old.id)
        .values(updated_at=utcnow() - timedelta(days=200))
    )
    db.session.commit()
    html = public_page(client, team, db)
    assert "Glas op het speelveld" not in html and "Bankjes bij de vijver" not in html


def test_only_a_coordinator_shows_a_wijk_theme_in_public(
    as_user, signal, team, db, make_wijk_theme
):
    """The owner keeps the theme's log but cannot put it on the public page."""
    theme = make_wijk_theme(
        team["team"], team["kanaal"], [signal()], name="Speelplek", owner=team["sanne"]
    )
    page = as_user("sanne").get(f"/review/themes/{theme.id}").get_data(as_text=True)
    assert 'name="public"' not in page
    assert publish(as_user("sanne"), theme).status_code == 302
    db.session.expire_all()
    assert not theme.public
