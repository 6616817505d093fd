"""Kiosk mode: visitors tap in themselves; nothing else is reachable until the host's PIN."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from buurtlog.models import CheckIn, WalkInSession, utcnow
from buurtlog.walkin import kiosk


@pytest.fixture
def kiosk_on(client, auth, make_area, make_place, make_team, make_user, db):
    """Start a walk-in with a recorded visitor and switch the host's tablet to kiosk mode."""
    wijk = make_area("wijk")
    team = make_team(areas=[wijk])
    host = make_user("worker", team=team)
    session = WalkInSession(
        team=team, place=make_place(area=make_area("buurt", parent=wijk)), host=host
    )
    db.session.add(session)
    db.session.commit()
    auth.login_as(host)
    client.post(
        f"/walkin/sessions/{session.id}/tally",
        data={"visitor": "known", "referral": "elsewhere", "elsewhere": "Voedselbank"},
    )
    response = client.post(f"/walkin/sessions/{session.id}/kiosk", data={"pin": "2468"})
    assert response.headers["Location"] == "/walkin/kiosk"
    db.session.refresh(session)
    return session


def kiosk_taps(db, session):
    """Return the session's kiosk taps."""
    db.session.expire_all()
    return db.session.scalars(
        select(CheckIn).where(CheckIn.session_id == session.id, CheckIn.source == "kiosk")
    ).all()


def test_the_pin_is_stored_hashed(kiosk_on):
    """The PIN is kept as an Argon2 hash, never as itself."""
    assert kiosk_on.kiosk_pin_hash.startswith("$argon2") and "2468" not in kiosk_on.kiosk_pin_hash


def test_a_short_pin_is_refused(client, kiosk_on):
    """A PIN must be 4 to 8 digits."""
    client.post("/walkin/kiosk/leave", data={"pin": "2468"})
    response = client.post(f"/walkin/sessions/{kiosk_on.id}/kiosk", data={"pin": "12"})
    assert response.status_code == 400


def test_the_kiosk_shows_nothing_recorded_and_no_way_out(client, kiosk_on):
    """Two buttons in Dutch and English; no navigation, no counts, no earlier visits."""
    page = client.get("/walkin/kiosk").get_data(as_text=True)
    assert "Eerste keer hier" in page and "First time here" in page
    assert "mainnav" not in page and "Voedselbank" not in page and "data-count" not in page
    assert "outbox.js" not in page


@pytest.mark.parametrize(
    "path", ["/", "/entries", "/wijk/", "/accounts/more", "/walkin/", "/logout"]
)
def test_every_other_page_leads_back_to_the_kiosk(client, kiosk_on, path):
    """Any other page sends the tablet back to the kiosk page."""
    response = client.get(path)
    assert response.status_code == 302 and response.headers["Location"] == "/walkin/kiosk"


def test_the_api_is_closed_at_the_kiosk(client, kiosk_on):
    """The JSON API answers 403 while the device is a kiosk: no replay, no reading."""
    assert client.get("/api/v1/entries").status_code == 403
    assert client.get(f"/walkin/sessions/{kiosk_on.id}/summary").status_code == 302


def test_a_visitor_taps_in(client, kiosk_on, db):
    """A tap counts one anonymous visitor from the kiosk, and thanks them."""
    response = client.post("/walkin/kiosk/tap", data={"visitor": "new"})
    assert response.headers["Location"] == "/walkin/kiosk?thanks=1"
    [checkin] = kiosk_taps(db, kiosk_on)
    assert checkin.visitor == "new" and not checkin.flagged_rapid


def test_a_burst_of_taps_is_flagged_then_refused(client, kiosk_on, db):
    """Beyond a quick pace taps are kept but flagged for the host; beyond the limit, refused."""

    def earlier_taps(n):
        now = utcnow()
        db.session.add_all(
            [
                CheckIn(
                    session_id=kiosk_on.id,
                    source="kiosk",
                    visitor="known",
                    occurred_at=now - timedelta(seconds=2 * i + 2),
                )
                for i in range(n)
            ]
        )
        db.session.commit()

    earlier_taps(kiosk.RAPID_PER_MINUTE)
    client.post("/walkin/kiosk/tap", data={"visitor": "new"})
    flagged = [t for t in kiosk_taps(db, kiosk_on) if t.flagged_rapid]
    assert len(flagged) == 1 and flagged[0].visitor == "new"
    earlier_taps(kiosk.MAX_PER_MINUTE)
    refused = client.post("/walkin/kiosk/tap", data={"visitor": "known"})
    assert refused.status_code == 429 and "Even geduld" in refused.get_data(as_text=True)
    assert len(kiosk_taps(db, kiosk_on)) == kiosk.RAPID_PER_MINUTE + 1 + kiosk.MAX_PER_MINUTE
    client.post("/walkin/kiosk/leave", data={"pin": "2468"})
    summary = client.get(f"/walkin/sessions/{kiosk_on.id}/summary").get_data(as_text=True)
    assert "data-rapid" in summary


def test_a_double_tap_at_the_kiosk_is_one_visitor(client, kiosk_on, db, still_walkin_clock):
    """The same button twice within a second is one visitor at the kiosk too."""
    client.post("/walkin/kiosk/tap", data={"visitor": "new"})
    client.post("/walkin/kiosk/tap", data={"visitor": "new"})
    assert len(kiosk_taps(db, kiosk_on)) == 1


def test_leaving_needs_the_pin_and_wrong_pins_are_limited(client, kiosk_on):
    """A wrong PIN keeps the kiosk; after five wrong ones even the right PIN must wait."""
    assert client.post("/walkin/kiosk/leave", data={"pin": "1111"}).status_code == 401
    assert client.get("/entries").headers["Location"] == "/walkin/kiosk"
    for _ in range(4):
        client.post("/walkin/kiosk/leave", data={"pin": "1111"})
    assert client.post("/walkin/kiosk/leave", data={"pin": "2468"}).status_code == 429
    assert client.get("/entries").headers["Location"] == "/walkin/kiosk"


def test_the_right_pin_leaves_kiosk_mode(client, kiosk_on):
    """The host's PIN returns the tablet to the tally."""
    response = client.post("/walkin/kiosk/leave", data={"pin": "2468"})
    assert response.headers["Location"] == f"/walkin/sessions/{kiosk_on.id}"
    assert client.get("/entries").status_code == 200


def test_a_session_ended_meanwhile_keeps_the_kiosk_locked(client, kiosk_on, db):
    """A colleague ends the walk-in: the kiosk still needs the PIN; late taps are kept."""
    kiosk_on.ended_at = kiosk_on.started_at
    db.session.commit()
    client.post("/walkin/kiosk/tap", data={"visitor": "new"})
    assert [t.late for t in kiosk_taps(db, kiosk_on)] == [True]
    assert client.post("/walkin/kiosk/leave", data={"pin": "0000"}).status_code == 401
    assert client.post("/walkin/kiosk/leave", data={"pin": "2468"}).status_code == 302
