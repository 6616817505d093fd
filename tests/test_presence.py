"""Presence ("Ik ben aanwezig"): start, stop and log a block afterwards."""

from datetime import timedelta

from flask_babel import to_user_timezone

from buurtlog.models import Presence, utcnow


def test_start_and_stop_presence(client, auth, make_user, make_place, db):
    """Start presence at a place, then stop it; the block gets an end."""
    user, place = make_user(), make_place()
    auth.login_as(user)
    assert client.post("/presence/start", data={"place": place.id}).status_code == 302
    presence = db.session.query(Presence).one()
    assert presence.ended_at is None and presence.place_id == place.id
    assert client.post("/presence/stop").status_code == 302
    db.session.refresh(presence)
    assert presence.ended_at is not None and presence.ended_at >= presence.started_at


def test_starting_elsewhere_stops_the_running_block(client, auth, make_user, make_place, db):
    """Keep at most one running block per worker."""
    user = make_user()
    auth.login_as(user)
    client.post("/presence/start", data={"place": make_place().id})
    client.post("/presence/start", data={"place": make_place().id})
    assert db.session.query(Presence).filter(Presence.ended_at.is_(None)).count() == 1


def test_log_a_block_afterwards(client, auth, make_user, make_place, db):
    """Save a block from 10:00 to 12:00 yesterday as two hours."""
    user, place = make_user(), make_place()
    auth.login_as(user)
    day = to_user_timezone(utcnow()).date() - timedelta(days=1)
    response = client.post(
        "/presence/block",
        data={"place": place.id, "day": day.isoformat(), "start": "10:00", "end": "12:00"},
    )
    assert response.status_code == 302
    assert db.session.query(Presence).one().hours == 2.0


def test_bad_blocks_are_refused(client, auth, make_user, make_place):
    """Refuse an end before the start, a block in the future and an unknown place."""
    place = make_place()
    auth.login_as(make_user())
    today = to_user_timezone(utcnow()).date()
    for data in (
        {"place": place.id, "day": today.isoformat(), "start": "12:00", "end": "10:00"},
        {
            "place": place.id,
            "day": (today + timedelta(days=2)).isoformat(),
            "start": "10:00",
            "end": "11:00",
        },
        {"place": 999999, "day": today.isoformat(), "start": "01:00", "end": "02:00"},
    ):
        assert client.post("/presence/block", data=data).status_code == 400


def test_presence_page_lists_recent_blocks(client, auth, make_user, make_place):
    """Show the running block and the place it is at."""
    user, place = make_user(), make_place(name="Tafel Smaragdplein")
    auth.login_as(user)
    client.post("/presence/start", data={"place": place.id})
    html = client.get("/presence/").get_data(as_text=True)
    assert "Tafel Smaragdplein" in html
