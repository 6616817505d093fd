"""The outbox's walk-in and presence calls: check-ins, undos, presence — each exactly once."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from buurtlog.models import CheckIn, Presence, Referral, WalkInSession, utcnow


@pytest.fixture
def host(make_area, make_place, make_team, make_user, make_theme, make_initiative, auth, db):
    """Sign in a host with a running walk-in at a wijk's community centre."""
    wijk = make_area("wijk")
    place = make_place(area=make_area("buurt", parent=wijk), kind="community_centre")
    team = make_team(areas=[wijk])
    user = make_user("worker", team=team)
    make_theme("geld")
    session = WalkInSession(team=team, place=place, host=user)
    db.session.add(session)
    db.session.commit()
    auth.login_as(user)
    return {
        "user": user,
        "session": session,
        "place": place,
        "team": team,
        "initiative": make_initiative(areas=[wijk]),
        "make_user": make_user,
    }


def checkin(session, **fields):
    """Return a check-in as the outbox sends it."""
    return {
        "id": str(uuid.uuid4()),
        "session": str(session.id),
        "visitor": "new",
        "occurred_at": datetime.now(UTC).isoformat(),
        **fields,
    }


def post(client, path, key, items):
    """Post a batch and return the per-item results."""
    response = client.post(f"/api/v1/{path}", json={key: items})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["results"]


def count(db, model):
    """Count the rows of a model."""
    return db.session.scalar(select(func.count()).select_from(model))


def test_checkins_are_created_once_and_conflicts_change_nothing(client, host, db):
    """Created, then duplicate on a resend; the same id with other content is a conflict."""
    first = checkin(host["session"], theme="geld", initiative=host["initiative"].id)
    second = checkin(
        host["session"],
        visitor="known",
        just_company=True,
        occurred_at=(datetime.now(UTC) + timedelta(seconds=5)).isoformat(),
    )
    assert [r["status"] for r in post(client, "checkins", "checkins", [first, second])] == [
        "created",
        "created",
    ]
    assert [r["status"] for r in post(client, "checkins", "checkins", [first, second])] == [
        "duplicate",
        "duplicate",
    ]
    changed = {**first, "visitor": "known"}
    assert post(client, "checkins", "checkins", [changed])[0]["status"] == "conflict"
    assert count(db, CheckIn) == 2 and count(db, Referral) == 1
    saved = db.session.get(CheckIn, uuid.UUID(first["id"]))
    assert saved.visitor == "new" and saved.theme.slug == "geld" and saved.referred


def test_invalid_checkins_are_refused_one_by_one(client, host, db, make_team, make_place):
    """Bad items get their own errors; the good ones in the batch are still saved."""
    other = WalkInSession(team=make_team(), place=make_place(), host=None)
    db.session.add(other)
    db.session.commit()
    items = [
        checkin(host["session"], visitor="maybe"),
        checkin(host["session"], theme="unknown-theme"),
        checkin(host["session"], theme="geld", just_company=True),
        checkin(host["session"], referred_elsewhere="Jan de Vries"),
        checkin(other),  # another team's walk-in
        {"id": "not-a-uuid"},
        "no object",
        checkin(host["session"], visitor="known"),
    ]
    results = post(client, "checkins", "checkins", items)
    assert [r["status"] for r in results] == ["invalid"] * 7 + ["created"]
    assert "visitor" in results[0]["errors"] and "about" in results[1]["errors"]
    assert "session" in results[4]["errors"] and "id" in results[5]["errors"]
    assert count(db, CheckIn) == 1


def test_a_double_tap_is_one_visitor_unless_confirmed(client, host, db):
    """Two taps on the same button within a second: the second is a duplicate."""
    now = datetime.now(UTC)
    first = checkin(host["session"], occurred_at=now.isoformat())
    again = checkin(host["session"], occurred_at=(now + timedelta(milliseconds=400)).isoformat())
    confirmed = checkin(
        host["session"],
        confirmed_double=True,
        occurred_at=(now + timedelta(milliseconds=800)).isoformat(),
    )
    results = post(client, "checkins", "checkins", [first, again, confirmed])
    assert [r["status"] for r in results] == ["created", "duplicate", "created"]
    assert results[1]["double_tap"] is True
    assert count(db, CheckIn) == 2


def test_a_checkin_for_a_closed_session_is_kept_and_late(client, host, db):
    """A tap sent after a colleague closed the session is accepted and marked late."""
    host["session"].ended_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    [result] = post(client, "checkins", "checkins", [checkin(host["session"])])
    assert result["status"] == "created"
    assert db.session.scalars(select(CheckIn)).one().late


def test_undo_is_applied_once(client, host, db):
    """The first undo is created, the resent one a duplicate; unknown ids are invalid."""
    item = checkin(host["session"])
    post(client, "checkins", "checkins", [item])
    undo = {"id": item["id"], "undone_at": datetime.now(UTC).isoformat()}
    assert post(client, "checkins/undo", "undo", [undo])[0]["status"] == "created"
    assert post(client, "checkins/undo", "undo", [undo])[0]["status"] == "duplicate"
    assert (
        post(client, "checkins/undo", "undo", [{"id": str(uuid.uuid4())}])[0]["status"] == "invalid"
    )
    assert db.session.scalars(select(CheckIn)).one().undone_at is not None
    # The check-in sent again after its undo stays one (undone) visitor.
    assert post(client, "checkins", "checkins", [item])[0]["status"] == "duplicate"


def test_presence_started_and_stopped_offline_is_replayed_once(client, host, db):
    """A start and a stop, each sent twice: one block with both times."""
    presence_id = str(uuid.uuid4())
    start = datetime.now(UTC) - timedelta(hours=2)
    items = [
        {"id": presence_id, "action": "start", "place": host["place"].id, "at": start.isoformat()},
        {"id": presence_id, "action": "stop", "at": (start + timedelta(hours=1)).isoformat()},
    ]
    assert [r["status"] for r in post(client, "presence", "presence", items)] == [
        "created",
        "created",
    ]
    assert [r["status"] for r in post(client, "presence", "presence", items)] == [
        "duplicate",
        "duplicate",
    ]
    other_place = {**items[0], "at": (start + timedelta(minutes=5)).isoformat()}
    assert post(client, "presence", "presence", [other_place])[0]["status"] == "conflict"
    presence = db.session.scalars(select(Presence)).one()
    assert presence.hours == pytest.approx(1.0)
    bad = post(
        client,
        "presence",
        "presence",
        [
            {"id": str(uuid.uuid4()), "action": "stop", "at": start.isoformat()},
            {"id": str(uuid.uuid4()), "action": "start", "place": 999999, "at": start.isoformat()},
            {"id": str(uuid.uuid4()), "action": "fly", "at": "yesterday"},
        ],
    )
    assert [r["status"] for r in bad] == ["invalid"] * 3


def test_malformed_batches_get_json_errors(client, host):
    """Not a list: 400; too many items: 413; both with a JSON body."""
    response = client.post("/api/v1/checkins", json={"checkins": "x"})
    assert response.status_code == 400 and response.get_json()["error"]["code"] == 400
    response = client.post("/api/v1/presence", json={"presence": [{}] * 501})
    assert response.status_code == 413 and response.get_json()["error"]["code"] == 413
