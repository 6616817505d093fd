"""Odd input from forms and addresses: moments at the calendar's edge and numbers larger than
any id get a form error in the user's language, no filter or a 404, never a 500."""

import pytest
from sqlalchemy import select

from buurtlog.models import Entry, Presence, Review
from tests.conftest import signing_in

BIG = "99999999999999999999"  # more than any integer column holds, on either engine
EDGES = ["0001-01-01T00:00", "9999-12-31T23:59", "1899-12-31T23:59", "3000-01-01T00:00"]


@pytest.fixture
def people(make_team, make_user, make_place, make_theme):
    """Make a team with a worker, a coordinator and an admin, a place in its wijk and a theme."""
    place = make_place(name="Tafel Buurtsuper")
    team = make_team(areas=[place.area.parent])
    return {
        "place": place,
        "wijk": place.area.parent,
        "theme": make_theme("eenzaamheid"),
        "worker": make_user("worker", team=team),
        "coordinator": make_user("coordinator", team=team),
        "admin": make_user("admin", team=team),
    }


@pytest.fixture
def as_user(client, auth, people):
    """Return a function that signs the client in as one of the people, reading English."""
    return signing_in(client, auth, people)


def _entry_data(people, occurred_at, **changes):
    """Return the log form's data for a plain entry at the given local time."""
    return {
        "place": people["place"].id,
        "area": "",
        "setting": "shop_table",
        "kind": "signal",
        "themes": [people["theme"].slug],
        "contact_type": "resident",
        "people": "1",
        "first_contact": "known",
        "initiated_by": "resident",
        "follow_up": "none",
        "occurred_at": occurred_at,
        "underlying_question": "",
        "note": "",
        **changes,
    }


@pytest.mark.parametrize("moment", EDGES)
def test_log_form_refuses_a_time_at_the_calendars_edge(as_user, people, db, moment):
    """Refuse 0001-01-01T00:00 (whose conversion from Amsterdam time to UTC overflows),
    9999-12-31T23:59 and other moments out of range with an error beside the field."""
    response = as_user("worker").post("/", data=_entry_data(people, moment))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'id="occurred_at-error"' in page
    assert "Enter a date between 1900 and 2999." in page
    assert db.session.scalars(select(Entry)).all() == []


@pytest.mark.parametrize("moment", EDGES)
def test_edit_form_refuses_a_time_at_the_calendars_edge(as_user, people, make_entry, db, moment):
    """Refuse the same moments when an entry is changed, and leave the entry as it was."""
    entry = make_entry(
        author=people["worker"],
        themes=[people["theme"]],
        area=people["place"].area,
        place=people["place"],
    )
    before = entry.occurred_at
    response = as_user("worker").post(
        f"/entries/{entry.id}", data=_entry_data(people, moment, version="1")
    )
    assert response.status_code == 400
    assert "Enter a date between 1900 and 2999." in response.get_data(as_text=True)
    db.session.expire_all()
    assert (entry.occurred_at, entry.version) == (before, 1)


def test_the_error_is_in_the_users_language(client, auth, people):
    """Say it in Dutch to a Dutch user."""
    auth.login_as(people["worker"])
    response = client.post("/", data=_entry_data(people, "0001-01-01T00:00"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Vul een datum in tussen 1900 en 2999." in page


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize(
    "who, method, path, data",
    [
        (
            "worker",
            "post",
            "/presence/block",
            lambda p, day: {"place": p["place"].id, "day": day, "start": "10:00", "end": "11:00"},
        ),
        ("coordinator", "post", "/review/start", lambda p, day: {"held_on": day}),
        ("coordinator", "get", "/wijk/overzicht", lambda p, day: {"start": day}),
        (
            "coordinator",
            "get",
            "/wijk/overzicht",
            lambda p, day: {"period": "custom", "start": day, "end": day},
        ),
        (
            "coordinator",
            "get",
            "/wijk/vergelijk",
            lambda p, day: {"a": p["wijk"].code, "start": day},
        ),
        ("admin", "get", "/admin/audit", lambda p, day: {"day": day}),
    ],
)
def test_every_date_field_refuses_the_calendars_edge(
    as_user, people, db, who, method, path, data, day
):
    """Give every date field of a form or a filter the same range, and the same error."""
    client = as_user(who)
    values = data(people, day)
    if method == "get":
        response = client.get(path, query_string=values)
    else:
        response = client.post(path, data=values)
    assert response.status_code == 400
    assert "Enter a date between 1900 and 2999." in response.get_data(as_text=True)
    assert db.session.scalars(select(Presence)).all() == []
    assert db.session.scalars(select(Review)).all() == []


@pytest.mark.parametrize(
    "who, path",
    [
        ("worker", f"/exchange/?theme={BIG}"),
        ("worker", f"/exchange/?wijk={BIG}&theme={BIG}"),
        ("worker", f"/exchange/matches?theme={BIG}"),
        ("worker", f"/entries?page={BIG}"),
        ("worker", f"/entries?page={'9' * 5000}"),
        ("worker", "/entries?week=0001-W01"),
        ("worker", "/entries?week=9999-W52"),
        ("admin", f"/admin/audit?page={BIG}"),
    ],
)
def test_numbers_out_of_range_in_the_address_are_ignored(as_user, people, who, path):
    """Treat a number larger than any id or page as no filter, and a week at the calendar's
    edge as this week."""
    assert as_user(who).get(path).status_code == 200


@pytest.mark.parametrize(
    "who, path",
    [
        ("admin", f"/admin/users/{BIG}"),
        ("admin", f"/admin/themes/{BIG}"),
        ("coordinator", f"/initiatives/{BIG}"),
        ("coordinator", f"/review/meetings/{BIG}"),
        ("coordinator", f"/review/themes/{BIG}"),
        ("admin", "/admin/users/2147483648"),
    ],
)
def test_ids_out_of_range_in_the_path_are_not_found(as_user, people, who, path):
    """Answer 404 for an id larger than the database holds, as for any unknown id."""
    assert as_user(who).get(path).status_code == 404


def test_a_proposed_pair_with_ids_out_of_range_is_refused(as_user, people):
    """Refuse to pair an offer and a request whose ids no record can have."""
    response = as_user("coordinator").post(
        "/exchange/matches/propose", data={"offer": BIG, "request": BIG}
    )
    assert response.status_code == 400


@pytest.mark.parametrize("field", ["note", "underlying_question"])
def test_log_form_refuses_a_nul_and_gives_the_text_back_without_it(as_user, people, db, field):
    """Refuse a NUL byte (PostgreSQL cannot store one) in a free-text field with an error beside
    it, save nothing, and give the text back without the NUL, on either engine."""
    response = as_user("worker").post(
        "/", data=_entry_data(people, "2026-12-02T10:00", **{field: "Koffie\x00 en de lift"})
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'id="{field}-error"' in page
    assert "invisible character that cannot be saved (NUL)" in page
    assert "\x00" not in page and "Koffie en de lift" in page
    assert db.session.scalars(select(Entry)).all() == []


def test_log_form_keeps_bytes_that_are_not_utf8_as_written(as_user, people, db):
    """Read a note whose bytes are no UTF-8 (a lone surrogate's encoding, a Windows-1252 byte)
    as Werkzeug does, leaving those escapes as they came: saved on either engine, no 500."""
    from urllib.parse import urlencode

    body = urlencode(_entry_data(people, "2026-12-02T10:00"), doseq=True).replace(
        "note=", "note=Koffie+%ED%A0%80+en+caf%E9"
    )
    response = as_user("worker").post(
        "/", data=body.encode(), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 302
    assert db.session.scalars(select(Entry.note)).one() == "Koffie %ED%A0%80 en caf%E9"
