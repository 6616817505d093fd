"""A shared phone's outbox: a colleague's records are never accepted under another's session."""

import uuid

import pytest

from buurtlog.models import Entry
from tests.test_api import count, entry, world  # noqa: F401


@pytest.fixture
def signed_in(client, auth, world):  # noqa: F811
    """Sign the worker in with the cookie, as the phone's outbox does."""
    auth.login_as(world["worker"])
    return client


@pytest.mark.parametrize(
    "path, key", [("/api/v1/entries", "entries"), ("/api/v1/presence", "presence")]
)
def test_a_colleagues_records_are_refused(signed_in, world, db, path, key):  # noqa: F811
    """Records that name another owner get 409 and nothing is saved."""
    body = {key: [entry(world)]}
    response = signed_in.post(path, json=body, headers={"X-Buurtlog-Owner": str(world["other"].id)})
    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == 409
    assert count(db) == 0


def test_the_owners_own_records_are_saved(signed_in, world, db):  # noqa: F811
    """Records that name the signed-in user are saved as that user's."""
    item = entry(world)
    response = signed_in.post(
        "/api/v1/entries",
        json={"entries": [item]},
        headers={"X-Buurtlog-Owner": str(world["worker"].id)},
    )
    assert response.status_code == 200
    assert response.get_json()["results"][0]["status"] == "created"
    assert db.session.get(Entry, uuid.UUID(item["id"])).author == world["worker"]
