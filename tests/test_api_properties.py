"""Properties of every POST under /api/v1, with Hypothesis: never a server error, a JSON error
for a bad body, one answer per item, and the good items of a mixed batch always saved.

The strategies (tests/api_strategies.py) also drive bench/api_fuzz.py, which sends thousands
of such posts on SQLite and PostgreSQL. Here each property runs a modest number of examples.
"""

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import select

from buurtlog.accounts import services as accounts
from buurtlog.models import CheckIn, Entry, Presence, WalkInSession
from tests import api_strategies as hostile

EXAMPLES = 100
STATUSES = {"created", "duplicate", "conflict", "invalid"}
SAVED = {"entries": Entry, "checkins": CheckIn, "presence": Presence}


@pytest.fixture
def world(make_team, make_user, make_place, make_theme, make_initiative, db):
    """Make a worker with a token, a place in the team's wijk, themes and a running walk-in."""
    place = make_place(kind="community_centre")
    team = make_team(areas=[place.area.parent])
    worker = make_user(team=team)
    themes = [
        make_theme("eenzaamheid"),
        make_theme("geld"),
        make_theme("verslaving", sensitive=True),
    ]
    make_initiative(areas=[place.area.parent])
    walk_in = WalkInSession(team=team, place=place, host=worker)
    db.session.add(walk_in)
    db.session.commit()
    return {
        "place": place.id,
        "area": place.area.code,
        "themes": [t.slug for t in themes],
        "walk_in": str(walk_in.id),
        "token": accounts.issue_token(worker),
    }


@pytest.fixture
def api(client, world, db):
    """Return a client that calls the API with the worker's bearer token."""
    db.session.commit()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {world['token']}"
    return client


def run(strategy, check):
    """Check a property on `EXAMPLES` generated values (fixtures are set up once for all)."""

    @given(strategy)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    )
    def prop(value):
        check(value)

    prop()


def post(api, path: str, body: bytes):
    """Post raw bytes as JSON and check the answer is no server error, and JSON when an error."""
    response = api.post(f"/api/v1/{path}", data=body, content_type="application/json")
    assert response.status_code < 500, (path, body[:200], response.status_code)
    if response.status_code >= 400:
        assert response.is_json and response.get_json()["error"]["code"] == response.status_code
    return response


@pytest.mark.parametrize("path", list(hostile.POSTS))
def test_any_body_gets_an_answer_and_never_a_server_error(api, path):
    """Bytes, any JSON, the batch's key holding anything, JSON nested too deep: 2xx or a
    JSON 4xx; a batch gets one answer per item, each with a known status."""
    strategy = hostile.privacy_bodies() if path == "privacy-check" else hostile.bodies(path)

    def check(body):
        response = post(api, path, body)
        if response.status_code == 200 and path != "privacy-check":
            results = response.get_json()["results"]
            assert all(r["status"] in STATUSES for r in results)

    run(strategy, check)


@pytest.mark.parametrize("path", hostile.BATCHES)
def test_the_good_items_of_a_mixed_batch_are_always_saved(api, world, db, path):
    """A batch of odd items (any field, any value) with good ones among them: 200, one answer
    per item in order, and every good item created and stored."""

    def check(batch):
        items, good = [], []
        for item in batch:
            if item is hostile.GOOD:
                checkin_id = _new_checkin(api, world) if path == "checkins/undo" else None
                item = hostile.plain_item(path, world, checkin_id)
                good.append(len(items))
            items.append(item)
        response = post(api, path, hostile.dumps({hostile.POSTS[path]: items}))
        assert response.status_code == 200
        results = response.get_json()["results"]
        assert len(results) == len(items)
        assert all(r["status"] in STATUSES for r in results)
        for index in good:
            assert results[index] == {
                **results[index],
                "id": items[index]["id"],
                "status": "created",
            }, (items, results)
        db.session.rollback()  # see what the requests committed
        _assert_stored(db, path, [items[index]["id"] for index in good])

    run(hostile.batches(path, world), check)


def _new_checkin(api, world) -> str:
    """Record a check-in to undo, and return its id."""
    item = hostile.plain_item("checkins", world)
    response = api.post("/api/v1/checkins", json={"checkins": [item]})
    assert response.get_json()["results"][0]["status"] == "created"
    return item["id"]


def _assert_stored(db, path: str, ids: list[str]) -> None:
    """Check the good items are in the database (an undo: its check-in is undone)."""
    wanted = [uuid.UUID(i) for i in ids]
    if path == "checkins/undo":
        undone = db.session.scalars(select(CheckIn.undone_at).where(CheckIn.id.in_(wanted)))
        assert len(ids) == len([u for u in undone if u is not None])
    elif path == "presence":
        found = db.session.scalars(select(Presence.client_id).where(Presence.client_id.in_(wanted)))
        assert set(found) == set(wanted)
    else:
        model = SAVED[path]
        assert set(db.session.scalars(select(model.id).where(model.id.in_(wanted)))) == set(wanted)
