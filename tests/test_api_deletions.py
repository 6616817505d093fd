"""Deletions reach API clients: `?since=` lists tombstones, and a deleted id stays deleted."""
# ruff: noqa: F811 - the fixtures from test_api are named as the tests' arguments

import uuid
from datetime import datetime, timedelta

from sqlalchemy import func, select

from buurtlog.api import services
from buurtlog.api.openapi import document
from buurtlog.models import Entry, EntryTombstone, utcnow
from tests.test_api import api, entry, world  # noqa: F401 - the fixtures


def delete_on_the_web(client, auth, user, entry_id):
    """Delete an entry through the page a worker uses, as that worker."""
    auth.login_as(user)
    response = client.post(f"/entries/{entry_id}/delete")
    assert response.status_code == 302


def test_since_lists_the_entries_deleted_since_then(app, api, world, make_entry, auth, clock):
    """An entry deleted after `since` comes back as its id and moment, nothing more."""
    kept = make_entry(author=world["worker"], themes=[world["theme"]])
    gone = make_entry(author=world["worker"], themes=[world["theme"]], note="Over de lift")
    theirs = make_entry(author=world["other"], themes=[world["theme"]])
    before = utcnow()
    clock.shift(timedelta(minutes=5))
    token = api.environ_base.pop("HTTP_AUTHORIZATION")
    delete_on_the_web(api, auth, world["worker"], gone.id)
    delete_on_the_web(api, auth, world["other"], theirs.id)
    auth.logout()
    api.environ_base["HTTP_AUTHORIZATION"] = token

    body = api.get("/api/v1/entries", query_string={"since": before.isoformat()}).get_json()
    assert body["entries"] == []
    assert [set(t) for t in body["deleted"]] == [{"id", "deleted_at"}]
    assert body["deleted"][0]["id"] == str(gone.id)
    deleted_at = datetime.fromisoformat(body["deleted"][0]["deleted_at"])
    assert before + timedelta(minutes=5) <= deleted_at < before + timedelta(minutes=6)
    assert body["more"] is False
    everything = api.get("/api/v1/entries").get_json()
    assert [e["id"] for e in everything["entries"]] == [str(kept.id)]
    assert [t["id"] for t in everything["deleted"]] == [str(gone.id)]
    later = (before + timedelta(minutes=6)).isoformat()
    assert api.get("/api/v1/entries", query_string={"since": later}).get_json()["deleted"] == []


def test_a_deleted_entry_sent_again_is_not_brought_back(app, api, world, auth, db):
    """The outbox's retry of an entry deleted meanwhile is a duplicate, not a new row."""
    item = entry(world)
    assert (
        api.post("/api/v1/entries", json={"entries": [item]}).get_json()["results"][0]["status"]
        == "created"
    )
    token = api.environ_base.pop("HTTP_AUTHORIZATION")
    delete_on_the_web(api, auth, world["worker"], item["id"])
    auth.logout()
    api.environ_base["HTTP_AUTHORIZATION"] = token

    again = api.post("/api/v1/entries", json={"entries": [item, item, entry(world)]}).get_json()
    assert [r["status"] for r in again["results"]] == ["duplicate", "duplicate", "created"]
    assert db.session.get(Entry, uuid.UUID(item["id"])) is None
    assert db.session.scalar(select(func.count()).select_from(Entry)) == 1


def test_someone_elses_deleted_id_is_a_conflict(api, world, db):
    """An id whose entry was another worker's, now deleted, is refused as a conflict."""
    taken = uuid.uuid4()
    db.session.add(EntryTombstone(entry_id=taken, author_id=world["other"].id, deleted_at=utcnow()))
    db.session.commit()
    result = api.post("/api/v1/entries", json={"entries": [entry(world, id=str(taken))]})
    assert result.get_json()["results"][0]["status"] == "conflict"
    assert db.session.get(Entry, taken) is None


def test_a_long_history_is_paged_without_losing_a_change(api, world, make_entry, db, monkeypatch):
    """Entries and deletions share one page of changes; following `since` sees every one."""
    monkeypatch.setattr(services, "SINCE_LIMIT", 4)
    start = utcnow() - timedelta(hours=1)
    expected_entries, expected_deleted = set(), set()
    for minute in range(10):
        moment = start + timedelta(minutes=minute)
        if minute % 3 == 1:
            tombstone = EntryTombstone(
                entry_id=uuid.uuid4(), author_id=world["worker"].id, deleted_at=moment
            )
            db.session.add(tombstone)
            expected_deleted.add(str(tombstone.entry_id))
        else:
            row = make_entry(author=world["worker"], themes=[world["theme"]])
            row.updated_at = moment
            expected_entries.add(str(row.id))
    # Two changes in the same moment across a page's end.
    twin = make_entry(author=world["worker"], themes=[world["theme"]])
    twin.updated_at = start + timedelta(minutes=3)
    expected_entries.add(str(twin.id))
    db.session.commit()

    seen_entries, seen_deleted, since, calls = set(), set(), None, 0
    while True:
        calls += 1
        query = {"since": since} if since else {}
        body = api.get("/api/v1/entries", query_string=query).get_json()
        assert len(body["entries"]) + len(body["deleted"]) <= 4
        seen_entries |= {e["id"] for e in body["entries"]}
        seen_deleted |= {t["id"] for t in body["deleted"]}
        moments = [e["updated_at"] for e in body["entries"]] + [
            t["deleted_at"] for t in body["deleted"]
        ]
        if moments:
            since = max(moments)
        if not body["more"]:
            break
        assert calls < 10
    assert seen_entries == expected_entries and seen_deleted == expected_deleted


def test_the_openapi_document_describes_tombstones():
    """Tell API clients about `deleted` and what a tombstone holds."""
    schemas = document()["components"]["schemas"]
    assert "deleted" in schemas["EntryList"]["required"]
    assert schemas["EntryList"]["properties"]["deleted"]["items"] == {
        "$ref": "#/components/schemas/Tombstone"
    }
    assert set(schemas["Tombstone"]["required"]) == {"id", "deleted_at"}
    assert "deleted" in document()["paths"]["/entries"]["get"]["description"]
