# ruff: noqa: F811 - the fixtures from test_api are named as the tests' arguments
"""The app's own names as no person (issue 20, item 2): a name inside the name of one of the
app's places, wijken, initiatives or organisations, where it stands in the text, is no
resident; the same name elsewhere in the text still is."""

import html
import json
import re

import pytest
from sqlalchemy import func, select

from buurtlog.models import Entry
from buurtlog.privacy import find_personal_data, known_names_pattern
from buurtlog.privacy_known import known_names
from tests.test_api import api, entry, world  # noqa: F401 - the fixtures
from tests.test_entries import entries, minimal


def names(text: str, known=None) -> list[str]:
    """Return the names the guard finds in text, as written."""
    return [
        text[f.start : f.end] for f in find_personal_data(text, known=known) if f.kind == "name"
    ]


def test_a_name_inside_a_known_name_is_no_person_but_elsewhere_it_is():
    """Dropped only inside the known name, in any case and spacing; other kinds untouched."""
    known = known_names_pattern(["Taalcafé Aisha", "Koken met  Aziza"])
    assert names("koffie bij Taalcafé Aisha gedronken") == ["Aisha"]  # without: a name
    assert names("koffie bij taalcafé  aisha gedronken", known) == []
    assert names("Koken met Aziza was vol, Aziza zelf was ziek", known) == ["Aziza"]
    assert names("Aisha belde over het taalcafé", known) == ["Aisha"]
    text = "Taalcafé Aisha: mw. Jansen, 06-12345678"
    kinds = [f.kind for f in find_personal_data(text, known=known)]
    assert kinds == ["name", "phone"]  # Jansen and the number stay


@pytest.mark.parametrize("listed", [["Fatima"], [], ["  "]])
def test_a_one_word_known_name_does_not_excuse_a_person(listed):
    """A place named "Fatima" cannot be told from a resident called Fatima: the guard decides."""
    assert known_names_pattern(listed) is None
    assert names("Fatima kwam langs met haar zoon", known_names_pattern(listed)) == ["Fatima"]


def test_the_known_names_are_the_apps_places_wijken_initiatives_and_organisations(
    app, make_place, make_initiative
):
    """Read from the database: active places and areas, initiatives and who runs them."""
    make_place(name="Huiskamer Fatima")
    make_initiative(name="Taalcafé Aisha", organisation="Stichting Buurtkracht Oost")
    make_initiative(name="Breien")
    found = known_names()
    assert {"Huiskamer Fatima", "Taalcafé Aisha", "Stichting Buurtkracht Oost"} <= set(found)
    assert "Breien" not in found and found == sorted(found)


def test_the_log_form_saves_a_known_name_without_asking(client, auth, world, make_initiative, db):
    """The worker logs a visit to the team's initiative without a false alarm; a resident of
    the same name is held back as before."""
    make_initiative(name="Taalcafé Aisha")
    auth.login_as(world["worker"])
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    kept = "Bij Taalcafé Aisha: veel vragen over de energietoeslag."
    assert client.post("/", data=minimal(world, note=kept)).status_code == 302
    held = "Aisha kwam langs, vraagt naar de energietoeslag."
    response = client.post("/", data=minimal(world, note=held))
    assert response.status_code == 400
    assert "<mark>Aisha<span" in response.get_data(as_text=True)
    assert [e.note for e in entries(db)] == [kept]


def test_the_form_page_gives_the_browser_check_the_same_names(client, auth, world, make_initiative):
    """The page carries the known names for static/js/privacy-field.js, once, as JSON."""
    make_initiative(name="Taalcafé Aisha")
    auth.login_as(world["worker"])
    page = client.get("/").get_data(as_text=True)
    [given] = re.findall("data-known='([^']*)'", page)
    assert "Taalcafé Aisha" in json.loads(html.unescape(given))


def test_the_api_check_and_the_sync_drop_known_names(api, world, make_initiative, db):
    """POST /privacy-check answers as the form decides, and the sync saves the entry."""
    make_initiative(name="Taalcafé Aisha")
    note = "Bij Taalcafé Aisha: veel vragen over de energietoeslag."
    checked = api.post("/api/v1/privacy-check", json={"text": note}).get_json()
    assert checked == {"findings": []}
    held = api.post("/api/v1/privacy-check", json={"text": "Aisha belde"}).get_json()
    assert [f["kind"] for f in held["findings"]] == ["name"]
    sent = {"entries": [entry(world, note=note), entry(world, note="Aisha belde")]}
    results = api.post("/api/v1/entries", json=sent).get_json()["results"]
    assert [r["status"] for r in results] == ["created", "invalid"]
    assert db.session.scalar(select(func.count()).select_from(Entry)) == 1
