"""Hostile input on the sync API: never a 5xx, and one bad item never sinks its batch.

Each test here answered 500 (or saved what it must refuse) before issue 22 was fixed.
"""

import json
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from buurtlog.accounts import services as accounts
from buurtlog.bounds import UNSTORABLE
from buurtlog.entries import rules
from buurtlog.models import CheckIn, Entry, WalkInSession, entry_themes
from tests.conftest import days_ago_in_amsterdam

POSTS = {
    "entries": "entries",
    "checkins": "checkins",
    "checkins/undo": "undo",
    "presence": "presence",
    "privacy-check": "text",
}
DEEP = 50_000


@pytest.fixture
def world(make_team, make_user, make_place, make_theme, db):
    """Make a worker with a token, a place in the team's wijk, themes and a running walk-in."""
    place = make_place(kind="community_centre")
    team = make_team(areas=[place.area.parent])
    worker = make_user(team=team)
    make_theme("eenzaamheid")
    make_theme("geld")
    walk_in = WalkInSession(team=team, place=place, host=worker)
    db.session.add(walk_in)
    db.session.commit()
    return {"place": place, "worker": worker, "walk_in": walk_in}


@pytest.fixture
def api(client, world, db):
    """Return a client that calls the API with the worker's bearer token, in English."""
    token = accounts.issue_token(world["worker"])
    db.session.commit()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def entry(world, **changes):
    """Return a valid entry as the outbox sends it."""
    return {
        "id": str(uuid.uuid4()),
        "occurred_at": days_ago_in_amsterdam(),
        "place": world["place"].id,
        "setting": "shop_table",
        "kind": "signal",
        "themes": ["eenzaamheid"],
        "note": "Zoekt een plek om samen te eten.",
        **changes,
    }


def post_raw(api, path, body: str):
    """Post a JSON text as it is (json.dumps writes "\\ud800" and "\\u0000" as escapes)."""
    return api.post(f"/api/v1/{path}", data=body, content_type="application/json")


def saved_ids(db) -> set[str]:
    """Return the ids of the saved entries, as strings."""
    return {str(entry_id) for entry_id in db.session.scalars(select(Entry.id))}


@pytest.mark.parametrize("field", ["note", "underlying_question"])
@pytest.mark.parametrize("bad", ["\ud800", "Koffie\udc00", "a\x00b"], ids=["high", "low", "nul"])
def test_unstorable_text_is_refused_alone(api, world, db, field, bad):
    """A lone surrogate (500 on every engine) or a NUL (500 on PostgreSQL, saved on SQLite):
    that entry is invalid with a field error, on both engines alike; the others are saved."""
    good, broken = entry(world), entry(world, privacy_confirmed=True, **{field: bad})
    response = post_raw(api, "entries", json.dumps({"entries": [good, broken]}))
    assert response.status_code == 200
    assert response.get_json()["results"] == [
        {"id": good["id"], "status": "created"},
        {"id": broken["id"], "status": "invalid", "errors": {field: UNSTORABLE}},
    ]
    assert saved_ids(db) == {good["id"]}


@pytest.mark.parametrize("path", POSTS)
def test_json_nested_too_deep_is_a_400(api, path):
    """JSON nested 50,000 deep (RecursionError in the parser) answers 400 on every POST."""
    body = f'{{"{POSTS[path]}": {"[" * DEEP}{"]" * DEEP}}}'
    for text in (body, "[" * DEEP):
        response = post_raw(api, path, text)
        assert response.status_code == 400, path
        assert response.get_json()["error"]["code"] == 400


def test_a_theme_named_twice_is_refused_and_the_rest_saved(api, world, db):
    """[good, the same theme twice, good]: an IntegrityError sank the batch; now the two good
    entries are saved and the bad one alone is invalid."""
    first, twice, last = (
        entry(world),
        entry(world, themes=["eenzaamheid", "eenzaamheid"]),
        entry(world, themes=["geld", "eenzaamheid"]),
    )
    response = api.post("/api/v1/entries", json={"entries": [first, twice, last]})
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [(r["id"], r["status"]) for r in results] == [
        (first["id"], "created"),
        (twice["id"], "invalid"),
        (last["id"], "created"),
    ]
    assert set(results[1]["errors"]) == {"themes"}
    assert saved_ids(db) == {first["id"], last["id"]}
    assert db.session.scalar(select(func.count()).select_from(entry_themes)) == 3


def test_an_entry_the_database_refuses_sinks_only_itself(api, world, db, monkeypatch, caplog):
    """Should a check ever miss something the database refuses, that entry alone is invalid
    and the rest of the batch is saved (each entry on its own savepoint); the log names the
    entry's id, never its text."""
    plain = rules.check

    def slipped_through(item, ref):
        values = plain(item, ref)
        if values is not None and item.get("note") == "slips through":
            values["theme_ids"] *= 2  # a second row for the same theme: IntegrityError
        return values

    monkeypatch.setattr(rules, "check", slipped_through)
    first, bad, last = entry(world), entry(world, note="slips through"), entry(world)
    response = api.post("/api/v1/entries", json={"entries": [first, bad, last, bad]})
    assert response.status_code == 200
    assert [r["status"] for r in response.get_json()["results"]] == [
        "created",
        "invalid",
        "created",
        "invalid",
    ]
    assert saved_ids(db) == {first["id"], last["id"]}
    assert f"refused synced entry {bad['id']}" in caplog.text
    assert "slips through" not in caplog.text


def test_a_moment_before_the_first_utc_moment_is_refused(api, world, db):
    """ "0001-01-01T00:00:00+14:00" has no UTC moment (OverflowError): a 400 for `since`, an
    invalid result for an entry's time."""
    early = "0001-01-01T00:00:00+14:00"
    response = api.get("/api/v1/entries", query_string={"since": early})
    assert response.status_code == 400 and response.get_json()["error"]["code"] == 400
    good, bad = entry(world), entry(world, occurred_at=early)
    results = api.post("/api/v1/entries", json={"entries": [good, bad]}).get_json()["results"]
    assert [r["status"] for r in results] == ["created", "invalid"]
    assert set(results[1]["errors"]) == {"occurred_at"}
    assert saved_ids(db) == {good["id"]}


@pytest.mark.parametrize("bad", ["\ud800", "Voedselbank\x00"], ids=["surrogate", "nul"])
def test_unstorable_text_in_a_checkin_is_refused_alone(api, world, db, bad):
    """A check-in naming its "elsewhere" with a lone surrogate or a NUL is invalid; the next
    one in the batch is recorded."""

    def checkin(**fields):
        return {
            "id": str(uuid.uuid4()),
            "session": str(world["walk_in"].id),
            "visitor": "new",
            "occurred_at": datetime.now(UTC).isoformat(),
            **fields,
        }

    broken, good = checkin(referred_elsewhere=bad), checkin(visitor="known")
    response = post_raw(api, "checkins", json.dumps({"checkins": [broken, good]}))
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r["status"] for r in results] == ["invalid", "created"]
    assert results[0]["errors"] == {"referred_elsewhere": UNSTORABLE}
    assert [str(c.id) for c in db.session.scalars(select(CheckIn))] == [good["id"]]


def test_only_a_token_that_signs_in_stands_in_for_the_csrf_header(app, client, auth, world, db):
    """A cookie session with `Authorization: Bearer junk` and no X-CSRFToken is refused; a
    real token, without a cookie, needs no CSRF header."""
    app.config["WTF_CSRF_ENABLED"] = True
    body = {"entries": [entry(world)]}
    auth.login_as(world["worker"])
    response = client.post("/api/v1/entries", json=body, headers={"Authorization": "Bearer junk"})
    assert response.status_code == 400
    assert saved_ids(db) == set()
    token = accounts.issue_token(world["worker"])
    db.session.commit()
    response = app.test_client().post(
        "/api/v1/entries", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200
    assert saved_ids(db) == {body["entries"][0]["id"]}


def test_a_batch_beyond_the_guards_budget_gets_413_and_its_halves_are_saved(api, world, db):
    """Refuse a batch with more free text than the privacy guard may read in one request
    (fifty full-length entries) with 413 and save nothing of it; each half is then saved, as
    the outbox sends it after a 413."""
    from buurtlog.api.views import GUARD_BUDGET

    note = ("Zoekt een plek om samen te eten op dinsdag. " * 30)[: rules.TEXTS[1][1]]
    question = ("Wil graag iets betekenen voor de buurt. " * 10)[: rules.TEXTS[0][1]]
    items = [entry(world, note=note, underlying_question=question) for _ in range(52)]
    assert len(items) * (len(note) + len(question)) > GUARD_BUDGET
    response = api.post("/api/v1/entries", json={"entries": items})
    assert response.status_code == 413 and response.is_json
    assert "characters of notes and questions" in response.get_json()["error"]["message"]
    assert saved_ids(db) == set()
    for half in (items[:26], items[26:]):
        results = api.post("/api/v1/entries", json={"entries": half}).get_json()["results"]
        assert {r["status"] for r in results} == {"created"}
    assert saved_ids(db) == {item["id"] for item in items}
