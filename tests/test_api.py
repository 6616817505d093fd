"""The sync API: exactly once per entry, per-entry results, JSON errors, reference data."""

import json
import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from buurtlog.accounts import services as accounts
from buurtlog.models import AuditEvent, Entry, utcnow
from tests.conftest import days_ago_in_amsterdam


@pytest.fixture
def world(make_team, make_user, make_place, make_theme):
    """Make a worker in a team, a place, and a normal and a sensitive theme."""
    place = make_place(name="Wijkcentrum De Leeuw")
    team = make_team(areas=[place.area.parent])
    return {
        "place": place,
        "worker": make_user(team=team),
        "other": make_user(team=team),
        "theme": make_theme("eenzaamheid"),
        "sensitive": make_theme("verslaving", sensitive=True),
    }


@pytest.fixture
def api(client, world, db):
    """Return a client that calls the API with the worker's bearer token."""
    token = accounts.issue_token(world["worker"])
    db.session.commit()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def entry(world, **changes):
    """Return a valid entry as the outbox sends it."""
    data = {
        "id": str(uuid.uuid4()),
        "occurred_at": days_ago_in_amsterdam(),
        "place": world["place"].id,
        "setting": "shop_table",
        "kind": "signal",
        "themes": ["eenzaamheid"],
        "people": 1,
        "first_contact": False,
        "initiated_by": "resident",
        "contact_type": "resident",
        "follow_up": "none",
        "underlying_question": None,
        "note": "Zoekt een plek om samen te eten.",
    }
    data.update(changes)
    return data


def count(db):
    """Count the entries in the database."""
    return db.session.scalar(select(func.count()).select_from(Entry))


def test_a_batch_is_saved_with_a_result_per_entry_in_order(api, world, db):
    """Answer created / invalid per entry, in the order sent, saving only the valid ones."""
    good, bad = entry(world), entry(world, kind="gossip")
    response = api.post("/api/v1/entries", json={"entries": [good, bad]})
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [(r["id"], r["status"]) for r in results] == [
        (good["id"], "created"),
        (bad["id"], "invalid"),
    ]
    assert results[1]["errors"] == {"kind": "Not a valid choice."}
    saved = db.session.get(Entry, uuid.UUID(good["id"]))
    assert saved.author == world["worker"]
    assert saved.occurred_at == datetime.fromisoformat(good["occurred_at"])
    assert count(db) == 1


def test_sending_again_is_a_duplicate_and_changes_nothing(api, world, db):
    """Answer duplicate for the same id and content, and keep one row."""
    batch = {"entries": [entry(world), entry(world, kind="contact", themes=[])]}
    api.post("/api/v1/entries", json=batch)
    again = api.post("/api/v1/entries", json=batch).get_json()["results"]
    assert [r["status"] for r in again] == ["duplicate", "duplicate"]
    assert count(db) == 2


def test_same_id_with_other_content_is_a_conflict(api, world, db):
    """Answer conflict for the same id with other content, and change nothing."""
    first = entry(world)
    api.post("/api/v1/entries", json={"entries": [first]})
    changed = {**first, "note": "Iets anders"}
    result = api.post("/api/v1/entries", json={"entries": [changed]}).get_json()["results"][0]
    assert result["status"] == "conflict"
    assert db.session.get(Entry, uuid.UUID(first["id"])).note == first["note"]


def test_an_id_of_someone_elses_entry_is_a_conflict(api, world, make_entry, db):
    """Never let a batch touch or reveal another user's entry."""
    other = make_entry(author=world["other"], themes=[world["theme"]])
    result = api.post("/api/v1/entries", json={"entries": [entry(world, id=str(other.id))]})
    assert result.get_json()["results"][0]["status"] == "conflict"


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"id": "not-a-uuid"}, "id"),
        ({"themes": "eenzaamheid"}, "themes"),
        ({"people": "3"}, "people"),
        ({"people": 0}, "people"),
        ({"place": 99999}, "place"),
        ({"place": None, "area": "nowhere"}, "area"),
        ({"occurred_at": "2026-11-20T14:32:05"}, "occurred_at"),
        ({"occurred_at": "2999-01-01T10:00:00+01:00"}, "occurred_at"),  # days ahead on any clock
        ({"themes": []}, "themes"),
        ({"note": "x" * 1001}, "note"),
        ({"note": "Bel mw. Jansen op 06-12345678"}, "note"),
        ({"first_contact": "yes"}, "first_contact"),
    ],
)
def test_invalid_entries_say_which_field_and_why(api, world, db, changes, field):
    """Answer invalid with an error for the field, in the order sent, saving nothing."""
    result = api.post("/api/v1/entries", json={"entries": [entry(world, **changes)]})
    [answer] = result.get_json()["results"]
    assert answer["status"] == "invalid" and field in answer["errors"]
    assert count(db) == 0


def test_confirmed_text_is_saved(api, world, db):
    """Save flagged text the worker confirmed is no personal data."""
    item = entry(world, note="Mevrouw Jansen is de naam van de kat.", privacy_confirmed=True)
    result = api.post("/api/v1/entries", json={"entries": [item]}).get_json()["results"][0]
    assert result["status"] == "created"
    # Kept on purpose: audited by the entry's id, once, sent again or not; never the text.
    api.post("/api/v1/entries", json={"entries": [item]})
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "privacy.kept"))
    [event] = list(events)
    assert event.details == {"entry": item["id"], "via": "sync"}


def test_a_sensitive_theme_makes_the_entry_sensitive(api, world, db):
    """Mark an entry sensitive when it has a sensitive theme, whatever the client says."""
    item = entry(world, themes=["verslaving"], sensitive=False)
    api.post("/api/v1/entries", json={"entries": [item]})
    assert db.session.get(Entry, uuid.UUID(item["id"])).sensitive is True


def test_entries_without_a_time_get_now(api, world, db):
    """Use the time of arrival when the client sent none."""
    item = entry(world)
    del item["occurred_at"]
    api.post("/api/v1/entries", json={"entries": [item]})
    saved = db.session.get(Entry, uuid.UUID(item["id"]))
    assert abs(saved.occurred_at - utcnow()) < timedelta(minutes=1)


@pytest.mark.parametrize(
    "body, status",
    [
        (b"{not json", 400),
        (b"[]", 400),
        (b'{"entries": {}}', 400),
        (json.dumps({"entries": [{"id": str(uuid.uuid4())}] * 501}).encode(), 413),
        (json.dumps({"entries": [], "padding": "x" * (1024 * 1024)}).encode(), 413),
    ],
)
def test_bad_batches_get_json_errors(api, body, status):
    """Answer malformed or oversized batches with a JSON error."""
    response = api.post("/api/v1/entries", data=body, content_type="application/json")
    assert response.status_code == status
    assert response.is_json and response.get_json()["error"]["code"] == status


def test_anonymous_calls_get_401_json(client):
    """Answer unauthenticated calls with 401 and JSON, never a redirect."""
    for method, path in (
        ("POST", "/api/v1/entries"),
        ("GET", "/api/v1/entries"),
        ("GET", "/api/v1/reference"),
    ):
        response = client.open(path, method=method, json={"entries": []})
        assert response.status_code == 401 and response.is_json
    bad_token = client.get("/api/v1/reference", headers={"Authorization": "Bearer nope"})
    assert bad_token.status_code == 401


def test_session_calls_need_the_csrf_header(app, client, auth, world):
    """Accept a session call with the X-CSRFToken header and refuse one without."""
    app.config["WTF_CSRF_ENABLED"] = True
    auth.login_as(world["worker"])
    assert client.post("/api/v1/entries", json={"entries": []}).status_code == 400
    token = client.get("/api/v1/session").get_json()["csrf_token"]
    response = client.post("/api/v1/entries", json={"entries": []}, headers={"X-CSRFToken": token})
    assert response.status_code == 200


def test_entries_since_lists_own_changes(api, world, make_entry, db):
    """List the caller's own entries changed after the given moment."""
    old = make_entry(author=world["worker"], themes=[world["theme"]])
    old.updated_at = utcnow() - timedelta(days=2)
    db.session.commit()
    new = make_entry(author=world["worker"], themes=[world["theme"]])
    make_entry(author=world["other"], themes=[world["theme"]])
    since = (utcnow() - timedelta(days=1)).isoformat()
    body = api.get("/api/v1/entries", query_string={"since": since}).get_json()
    assert [e["id"] for e in body["entries"]] == [str(new.id)] and body["more"] is False
    assert len(api.get("/api/v1/entries").get_json()["entries"]) == 2
    assert api.get("/api/v1/entries?since=yesterday").status_code == 400


def test_reference_data_has_an_etag(api, world, db):
    """Serve areas, places and themes with an ETag, and 304 when unchanged."""
    response = api.get("/api/v1/reference")
    body = response.get_json()
    assert [p["name"] for p in body["places"]] == ["Wijkcentrum De Leeuw"]
    assert {t["slug"]: t["sensitive"] for t in body["themes"]} == {
        "eenzaamheid": False,
        "verslaving": True,
    }
    etag = response.headers["ETag"]
    assert api.get("/api/v1/reference", headers={"If-None-Match": etag}).status_code == 304
    world["place"].name = "Wijkcentrum De Leeuw (nieuw)"
    db.session.commit()
    assert api.get("/api/v1/reference", headers={"If-None-Match": etag}).status_code == 200


def test_openapi_document_describes_every_api_route(app, client):
    """Describe every route under /api/v1 in the OpenAPI document."""
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.1")
    described = {(m.upper(), "/api/v1" + p) for p, ops in document["paths"].items() for m in ops}
    routes = {
        (m, r.rule)
        for r in app.url_map.iter_rules()
        if r.rule.startswith("/api/v1/") and r.endpoint != "api.openapi"
        for m in r.methods - {"HEAD", "OPTIONS"}
    }
    assert routes == described


def test_a_synced_entry_stores_its_grouping_terms(api, world, db, monkeypatch):
    """Store the stems the review groups by with a synced entry, plainly valid or judged by
    the log form, as the log form's save does."""
    from buurtlog.entries import rules

    plain = entry(world, underlying_question="Kapotte schommels")
    judged = entry(world, underlying_question="Kapotte schommels")
    assert api.post("/api/v1/entries", json={"entries": [plain]}).status_code == 200
    monkeypatch.setattr(rules, "check", lambda item, ref: None)  # the form judges every entry
    assert (
        api.post("/api/v1/entries", json={"entries": [judged]}).get_json()["results"][0]["status"]
        == "created"
    )
    db.session.expire_all()
    assert [db.session.get(Entry, uuid.UUID(e["id"])).grouping_terms for e in (plain, judged)] == [
        "eten kapot plek schommel"
    ] * 2


@pytest.mark.parametrize("sent", [{}, 12345, 12345678901234567890123456789012, None, ["x"]])
def test_a_non_string_id_is_answered_null(api, world, db, sent):
    """Echo an id only when it is a string: the result schema says string or null."""
    item = {**entry(world), "id": sent}
    [answer] = api.post("/api/v1/entries", json={"entries": [item]}).get_json()["results"]
    assert answer == {
        "id": None,
        "status": "invalid",
        "errors": {"id": "A UUID made by the client is required."},
    }
    assert count(db) == 0


@pytest.mark.parametrize("since", ["", "yesterday", "2026-12-03T10:00:00"])
def test_a_bad_since_is_refused(api, since):
    """Refuse an empty or malformed `since` with a JSON 400 instead of listing everything."""
    response = api.get("/api/v1/entries", query_string={"since": since})
    assert response.status_code == 400 and "since" in response.get_json()["error"]["message"]


def test_a_401_names_the_scheme(client):
    """Answer 401 with WWW-Authenticate, and 405 with Allow."""
    response = client.get("/api/v1/entries", headers={"Accept": "application/json"})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="buurtlog"'
    response = client.delete("/api/v1/reference", headers={"Accept": "application/json"})
    assert response.status_code == 405 and "GET" in response.headers["Allow"]


def test_the_openapi_document_states_the_per_item_rule(client):
    """Tell clients in the contract that a malformed item is answered per item inside a 200."""
    doc = client.get("/api/v1/openapi.json").get_json()
    post = doc["paths"]["/entries"]["post"]
    assert "`status: invalid`" in post["description"] and "else null" in post["description"]
    assert "WWW-Authenticate" in post["responses"]["401"]["headers"]


def test_sync_refuses_a_foreign_number_only_the_server_finds(api, world, db):
    """Refuse an entry with a German mobile number per entry, and save its neighbours."""
    before = entry(world)
    foreign = entry(world, note="Zoon belt vanuit Duitsland, +49 171 2345678.")
    after = entry(world, kind="contact", themes=[])
    results = api.post("/api/v1/entries", json={"entries": [before, foreign, after]}).get_json()
    assert [(r["id"], r["status"]) for r in results["results"]] == [
        (before["id"], "created"),
        (foreign["id"], "invalid"),
        (after["id"], "created"),
    ]
    assert "note" in results["results"][1]["errors"]
    assert db.session.get(Entry, uuid.UUID(foreign["id"])) is None
    assert count(db) == 2


def test_a_held_back_entry_carries_what_the_guard_found_in_both_units(api, world, db):
    """The phone marks the server's findings in the form it fixes the entry in, offline too:
    each refused text's findings, as POST /privacy-check words them (an emoji before the
    number counts once in code points, twice in UTF-16); none for entries refused otherwise."""
    note = "🙂 Zoon belt vanuit Duitsland, +49 171 2345678."
    foreign = entry(world, note=note, underlying_question="Wie helpt met de taal?")
    retired = entry(world, themes=["onbekend"], note="Mw. Jansen, 06 12345678")
    saved = entry(world)
    sent = {"entries": [foreign, retired, saved]}
    results = api.post("/api/v1/entries", json=sent).get_json()["results"]
    assert [r["status"] for r in results] == ["invalid", "invalid", "created"]
    checked = api.post("/api/v1/privacy-check", json={"text": note}).get_json()["findings"]
    assert results[0]["findings"] == {"note": checked}
    [number] = checked
    start = note.index("+49")
    assert number["kind"] == "phone" and note[number["start"] : number["end"]] == "+49 171 2345678"
    assert (number["start_utf16"], number["end_utf16"]) == (start + 1, number["end"] + 1)
    assert "themes" in results[1]["errors"] and "note" in results[1]["errors"]
    assert set(results[1]["findings"]) == {"note"}
    assert "findings" not in results[2]
    assert count(db) == 1
