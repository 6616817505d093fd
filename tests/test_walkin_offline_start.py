"""Walk-ins started and ended offline: the phone's id, each start and end exactly once."""
# ruff: noqa: F811 - the fixture from test_walkin is named as the tests' argument

import uuid
from datetime import timedelta

from sqlalchemy import func, select

from buurtlog.models import CheckIn, WalkInSession, utcnow
from tests.test_walkin import walkin  # noqa: F401


def post(client, items):
    """Send walk-in starts and ends as the outbox does; return the statuses."""
    response = client.post("/api/v1/walkins", json={"walkins": items})
    assert response.status_code == 200
    return [result["status"] for result in response.get_json()["results"]]


def test_a_walk_in_started_and_ended_offline_is_one_session(client, auth, walkin, db):
    """Start, taps and end sent (and sent again): one session, its times those of the phone."""
    auth.login_as(walkin["host"])
    session_id = str(uuid.uuid4())
    started, ended = utcnow() - timedelta(hours=3), utcnow() - timedelta(hours=1)
    start = {
        "id": session_id,
        "action": "start",
        "place": walkin["place"].id,
        "at": started.isoformat(),
    }
    end = {"id": session_id, "action": "end", "at": ended.isoformat()}
    assert post(client, [start]) == ["created"]
    taps = [
        {
            "id": str(uuid.uuid4()),
            "session": session_id,
            "visitor": visitor,
            "occurred_at": (started + timedelta(minutes=10 * i + 10)).isoformat(),
        }
        for i, visitor in enumerate(("new", "known"))
    ]
    response = client.post("/api/v1/checkins", json={"checkins": taps})
    assert [r["status"] for r in response.get_json()["results"]] == ["created", "created"]
    assert post(client, [end]) == ["created"]
    assert post(client, [start, end]) == ["duplicate", "duplicate"]  # a lost answer

    [session] = db.session.scalars(select(WalkInSession)).all()
    assert str(session.id) == session_id and session.host_id == walkin["host"].id
    assert (session.started_at, session.ended_at) == (started, ended)
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(CheckIn)
            .where(CheckIn.session_id == session.id, CheckIn.late.is_(False))
        )
        == 2
    )


def test_a_colleague_ending_it_first_is_a_duplicate(client, auth, walkin, db):
    """Ended by a colleague meanwhile: the phone's end changes nothing."""
    auth.login_as(walkin["host"])
    session_id = str(uuid.uuid4())
    assert post(
        client,
        [
            {
                "id": session_id,
                "action": "start",
                "place": walkin["place"].id,
                "at": utcnow().isoformat(),
            }
        ],
    ) == ["created"]
    auth.login_as(walkin["colleague"])
    first = (utcnow() + timedelta(minutes=1)).isoformat()
    assert post(client, [{"id": session_id, "action": "end", "at": first}]) == ["created"]
    auth.login_as(walkin["host"])
    assert post(client, [{"id": session_id, "action": "end", "at": first}]) == ["duplicate"]
    assert (
        db.session.get(WalkInSession, uuid.UUID(session_id)).ended_by_id == walkin["colleague"].id
    )


def test_bad_items_are_refused_one_by_one(client, auth, walkin, make_place, db):
    """Each bad item gets its own answer; someone else's id is a conflict."""
    auth.login_as(walkin["host"])
    now = utcnow().isoformat()
    taken = str(uuid.uuid4())
    assert post(
        client, [{"id": taken, "action": "start", "place": walkin["place"].id, "at": now}]
    ) == ["created"]
    auth.login_as(walkin["stranger"])
    closed = make_place(active=False)
    assert post(
        client,
        [
            "nope",
            {"id": "x", "action": "start"},
            {"id": str(uuid.uuid4()), "action": "pause", "at": now},
            {"id": str(uuid.uuid4()), "action": "start", "place": closed.id, "at": now},
            {"id": str(uuid.uuid4()), "action": "start", "place": True, "at": now},
            {
                "id": str(uuid.uuid4()),
                "action": "start",
                "place": walkin["place"].id,
                "at": "morgen",
            },
            {"id": taken, "action": "start", "place": walkin["place"].id, "at": now},
            {"id": taken, "action": "end", "at": now},  # not the stranger's team
        ],
    ) == ["invalid"] * 6 + ["conflict", "invalid"]
    assert db.session.scalar(select(func.count()).select_from(WalkInSession)) == 1
