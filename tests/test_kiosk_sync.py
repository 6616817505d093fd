"""Kiosk taps kept offline by the kiosk's outbox: counted exactly once, paced by when made."""
# ruff: noqa: F811 - the fixture from test_walkin_kiosk is named as the tests' argument

import uuid
from datetime import timedelta

from buurtlog.models import utcnow
from buurtlog.walkin import kiosk
from tests.test_walkin_kiosk import kiosk_on, kiosk_taps  # noqa: F401


def tap(session, visitor="new", at=None, **changes):
    """Return a kiosk tap as the kiosk's outbox sends it."""
    return {
        "id": str(uuid.uuid4()),
        "session": str(session.id),
        "visitor": visitor,
        "occurred_at": (at or utcnow()).isoformat(),
        **changes,
    }


def post(client, taps):
    """Send kiosk taps as the kiosk's outbox does (the API's CSRF is off in tests)."""
    response = client.post("/api/v1/kiosk/taps", json={"taps": taps})
    assert response.status_code == 200
    return [result["status"] for result in response.get_json()["results"]]


def test_the_kiosk_sends_its_taps_and_nothing_else(client, kiosk_on, db):
    """In kiosk mode the outbox may learn who is signed in and send taps; the rest stays shut."""
    assert client.get("/api/v1/session").status_code == 200
    assert client.get("/api/v1/entries").status_code == 403
    assert client.post("/api/v1/checkins", json={"checkins": []}).status_code == 403
    early = utcnow() - timedelta(minutes=20)
    assert post(client, [tap(kiosk_on, "new", early), tap(kiosk_on, "known")]) == [
        "created",
        "created",
    ]
    taps = sorted(kiosk_taps(db, kiosk_on), key=lambda checkin: checkin.occurred_at)
    assert [(t.visitor, t.occurred_at) for t in taps] == [
        ("new", early),
        ("known", taps[1].occurred_at),
    ]


def test_a_tap_sent_again_is_counted_once(client, kiosk_on, db):
    """A lost answer makes the outbox send the same tap again: a duplicate, one visitor."""
    same = tap(kiosk_on)
    assert post(client, [same]) == ["created"]
    assert post(client, [same, same]) == ["duplicate", "duplicate"]
    assert len(kiosk_taps(db, kiosk_on)) == 1
    assert post(client, [{**same, "visitor": "known"}]) == ["conflict"]


def test_a_double_tap_kept_offline_is_one_visitor(client, kiosk_on, db):
    """The same button twice within a second, kept offline, still counts one visitor."""
    at = utcnow() - timedelta(minutes=3)
    assert post(
        client, [tap(kiosk_on, "new", at), tap(kiosk_on, "new", at + timedelta(milliseconds=300))]
    ) == ["created", "duplicate"]
    assert len(kiosk_taps(db, kiosk_on)) == 1


def test_taps_kept_offline_are_paced_by_when_they_were_made(client, kiosk_on, db):
    """A morning's taps sent at once are not a burst; a burst made offline still is."""
    start = utcnow() - timedelta(hours=2)
    calm = [
        tap(kiosk_on, ("new", "known")[i % 2], start + timedelta(minutes=2 * i))
        for i in range(kiosk.MAX_PER_MINUTE + 5)
    ]
    assert set(post(client, calm)) == {"created"}
    assert not any(t.flagged_rapid for t in kiosk_taps(db, kiosk_on))

    burst_start = utcnow() - timedelta(minutes=30)
    burst = [
        tap(kiosk_on, ("new", "known")[i % 2], burst_start + timedelta(seconds=1.5 * i))
        for i in range(kiosk.MAX_PER_MINUTE + 2)
    ]
    statuses = post(client, burst)
    assert statuses.count("created") == kiosk.MAX_PER_MINUTE
    assert statuses[-2:] == ["invalid", "invalid"]
    flagged = [t for t in kiosk_taps(db, kiosk_on) if t.flagged_rapid]
    assert len(flagged) == kiosk.MAX_PER_MINUTE - kiosk.RAPID_PER_MINUTE


def test_bad_taps_are_refused_one_by_one(client, kiosk_on, db):
    """Each bad tap gets its own invalid answer; the good ones of the batch count."""
    statuses = post(
        client,
        [
            "nope",
            tap(kiosk_on, id="x"),
            tap(kiosk_on, visitor="maybe"),
            tap(kiosk_on, occurred_at="gisteren"),
            {**tap(kiosk_on), "session": str(uuid.uuid4())},
            tap(kiosk_on, at=utcnow() + timedelta(hours=1)),
            tap(kiosk_on),
        ],
    )
    assert statuses == ["invalid"] * 6 + ["created"]
    assert len(kiosk_taps(db, kiosk_on)) == 1
