"""The ten-second log: saving, validating, privacy, sensitivity, editing and the own log."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from buurtlog.models import AuditEvent, Entry, utcnow
from tests.conftest import AMSTERDAM, amsterdam


@pytest.fixture
def setup(make_team, make_user, make_place, make_theme):
    """Make a team with a worker and a coordinator, a place in its wijk and three themes."""
    place = make_place(name="Tafel Buurtsuper")
    team = make_team(areas=[place.area.parent])
    return {
        "place": place,
        "team": team,
        "worker": make_user("worker", team=team),
        "colleague": make_user("worker", team=team),
        "coordinator": make_user("coordinator", team=team),
        "outsider": make_user("coordinator", team=make_team()),
        "theme": make_theme("eenzaamheid", name_nl="Eenzaamheid", name_en="Loneliness"),
        "other_theme": make_theme("spelen", name_nl="Spelen", name_en="Play"),
        "sensitive": make_theme("huiselijk-geweld", sensitive=True, name_nl="Huiselijk geweld"),
    }


@pytest.fixture
def worker_client(client, auth, setup):
    """Return a client signed in as the worker, reading English."""
    auth.login_as(setup["worker"])
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def minimal(setup, **changes):
    """Return the form data of a minimal entry: setting, kind, one theme, the defaults."""
    data = {
        "place": setup["place"].id,
        "area": "",
        "setting": "shop_table",
        "kind": "signal",
        "themes": [setup["theme"].slug],
        "contact_type": "resident",
        "people": "1",
        "first_contact": "known",
        "initiated_by": "resident",
        "follow_up": "none",
        "occurred_at": "",
        "underlying_question": "",
        "note": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def entries(db):
    """Return every entry in the database."""
    db.session.expire_all()
    return db.session.scalars(select(Entry)).all()


def test_minimal_entry_is_saved_with_defaults_and_confirmed(worker_client, setup, db):
    """Save setting, kind and one theme, fill the defaults, confirm and keep the pre-fills."""
    response = worker_client.post("/", data=minimal(setup))
    assert response.status_code == 302 and response.headers["Location"] == "/"
    entry = entries(db)[0]
    assert (entry.setting, entry.kind, [t.slug for t in entry.themes]) == (
        "shop_table",
        "signal",
        ["eenzaamheid"],
    )
    assert (entry.place, entry.area, entry.team) == (
        setup["place"],
        setup["place"].area,
        setup["team"],
    )
    assert (
        entry.contact_type,
        entry.people,
        entry.first_contact,
        entry.initiated_by,
        entry.follow_up,
        entry.sensitive,
    ) == ("resident", 1, False, "resident", "none", False)
    assert abs(entry.occurred_at - utcnow()) < timedelta(minutes=1)
    page = worker_client.get("/").get_data(as_text=True)
    assert "Saved — " in page and "Shop table, Loneliness" in page
    assert f'<option selected value="{setup["place"].id}">' in page
    assert '<input checked id="setting-1" name="setting"' in page


def test_plain_contact_needs_no_theme(worker_client, setup, db):
    """Accept a plain contact without a theme."""
    response = worker_client.post("/", data=minimal(setup, kind="contact", themes=[]))
    assert response.status_code == 302
    assert entries(db)[0].themes == []


def test_an_area_without_a_place(worker_client, setup, db):
    """Accept an entry about an area when there was no particular place."""
    buurt = setup["place"].area
    response = worker_client.post(
        "/", data=minimal(setup, place="", area=buurt.code, setting="street")
    )
    assert response.status_code == 302
    entry = entries(db)[0]
    assert entry.place is None and entry.area == buurt


def test_every_field_is_saved(worker_client, setup, db):
    """Save every optional field as entered, with the time read as Amsterdam time."""
    data = minimal(
        setup,
        themes=[setup["theme"].slug, setup["other_theme"].slug],
        contact_type="group",
        people="7",
        first_contact="first",
        initiated_by="worker",
        follow_up="collective",
        occurred_at="2026-06-01T10:30",
        underlying_question="Ouders voelen zich niet gehoord",
        note="Kinderen durven niet naar het veldje sinds de vernielingen.",
    )
    assert worker_client.post("/", data=data).status_code == 302
    entry = entries(db)[0]
    assert (
        entry.contact_type,
        entry.people,
        entry.first_contact,
        entry.initiated_by,
        entry.follow_up,
    ) == ("group", 7, True, "worker", "collective")
    assert entry.occurred_at.isoformat() == "2026-06-01T08:30:00+00:00"
    assert entry.underlying_question == "Ouders voelen zich niet gehoord"
    assert sorted(t.slug for t in entry.themes) == ["eenzaamheid", "spelen"]


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"setting": None}, "setting", "Choose where the contact took place."),
        ({"setting": "balcony"}, "setting", "Not a valid choice."),
        ({"kind": None}, "kind", "Choose what kind of contact this was."),
        ({"themes": []}, "themes", "Choose at least one theme."),
        ({"themes": ["no-such-theme"]}, "themes", "Unknown or retired theme: no-such-theme"),
        ({"place": "99999"}, "place", "This place is unknown or no longer in use."),
        ({"place": "", "area": ""}, "area", "Choose a place or a neighbourhood."),
        ({"area": "BU99999999"}, "area", "This area is unknown or no longer in use."),
        ({"people": "0"}, "people", "Between 1 and 500 people."),
        ({"people": "501"}, "people", "Between 1 and 500 people."),
        ({"people": "many"}, "people", "Not a valid integer value."),
        ({"occurred_at": "1999-12-31T23:00"}, "occurred_at", "That is before the year 2000."),
        ({"occurred_at": "not a time"}, "occurred_at", "Not a valid datetime value."),
        ({"note": "x" * 1001}, "note", "At most 1000 characters."),
        ({"underlying_question": "x" * 301}, "underlying_question", "At most 300 characters."),
        ({"follow_up": "later"}, "follow_up", "Not a valid choice."),
        ({"contact_type": "cat"}, "contact_type", "Not a valid choice."),
        ({"initiated_by": "fate"}, "initiated_by", "Not a valid choice."),
    ],
)
def test_bad_input_is_shown_beside_the_field_and_saves_nothing(
    worker_client, setup, db, changes, field, message
):
    """Refuse bad input with a message beside the field, keep the input, save nothing."""
    data = minimal(setup, note="Buurtbewoners willen een bankje bij de speeltuin.")
    data.update({k: v for k, v in changes.items() if v is not None})
    for key in [k for k, v in changes.items() if v is None]:
        data.pop(key)
    response = worker_client.post("/", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'id="{field}-error"' in page and message in page
    assert "Nothing was saved yet." in page
    if field != "note":
        assert "Buurtbewoners willen een bankje bij de speeltuin." in page
    assert entries(db) == []


def test_a_time_more_than_a_day_ahead_is_refused(worker_client, setup, db):
    """Refuse a time more than a day in the future, accept one an hour ahead."""
    late = (utcnow() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = worker_client.post("/", data=minimal(setup, occurred_at=late))
    assert "That is more than a day in the future." in response.get_data(as_text=True)
    soon = (utcnow() + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    assert worker_client.post("/", data=minimal(setup, occurred_at=soon)).status_code == 302


def test_inactive_place_and_theme_are_refused(worker_client, setup, db):
    """Refuse a place or theme that is no longer in use."""
    setup["place"].active = False
    setup["other_theme"].active = False
    db.session.commit()
    response = worker_client.post("/", data=minimal(setup, themes=["spelen"]))
    page = response.get_data(as_text=True)
    assert "This place is unknown or no longer in use." in page
    assert "Unknown or retired theme: spelen" in page
    assert entries(db) == []


def test_form_errors_are_in_dutch_for_dutch_users(client, auth, setup, db):
    """Show the errors in the user's language."""
    auth.login_as(setup["worker"])
    response = client.post("/", data=minimal(setup, themes=[], people="0"))
    page = response.get_data(as_text=True)
    assert "Kies minstens één thema." in page or "Kies ten minste één thema." in page
    assert "Choose at least one theme." not in page


def test_personal_data_is_held_back_until_confirmed(worker_client, setup, db):
    """Hold back text that looks like personal data; save it only once confirmed."""
    note = "Mevrouw Jansen vroeg om hulp, bel haar op 06-12345678."
    response = worker_client.post("/", data=minimal(setup, note=note))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "This looks like a name, a phone number." in page
    assert "<mark>Jansen<span" in page and "<mark>06-12345678<span" in page
    assert 'name="privacy_confirmed"' in page
    assert entries(db) == []
    confirmed = minimal(setup, note=note, privacy_confirmed="y")
    assert worker_client.post("/", data=confirmed).status_code == 302
    assert entries(db)[0].note == note


def test_clean_text_needs_no_confirmation(worker_client, setup, db):
    """Save ordinary notes about the neighbourhood without a question."""
    note = "Dinsdag 10:30 bij de Buurtsuper: drie ouderen willen een koffieochtend."
    assert worker_client.post("/", data=minimal(setup, note=note)).status_code == 302


def test_privacy_check_api(worker_client):
    """Offer the same check as JSON."""
    response = worker_client.post(
        "/api/v1/privacy-check", json={"text": "Mail naar jan@example.org"}
    )
    assert response.status_code == 200
    assert response.get_json() == {
        "findings": [{"kind": "email", "start": 10, "end": 25, "start_utf16": 10, "end_utf16": 25}]
    }
    assert worker_client.post("/api/v1/privacy-check", json={"text": 5}).status_code == 400
    bad = worker_client.post(
        "/api/v1/privacy-check", data="{not json", content_type="application/json"
    )
    assert bad.status_code == 400 and bad.is_json


def test_privacy_check_api_needs_a_user_and_the_csrf_header(app, client, auth, setup):
    """Answer 401 without a user, and 400 for a session call without the CSRF header."""
    response = client.post("/api/v1/privacy-check", json={"text": "x"})
    assert response.status_code == 401 and response.is_json
    app.config["WTF_CSRF_ENABLED"] = True
    auth.login_as(setup["worker"])
    assert client.post("/api/v1/privacy-check", json={"text": "x"}).status_code == 400


def test_choosing_a_sensitive_theme_marks_the_entry_sensitive(worker_client, setup, db):
    """Mark an entry sensitive when one of its themes is."""
    data = minimal(setup, themes=[setup["theme"].slug, setup["sensitive"].slug])
    worker_client.post("/", data=data)
    assert entries(db)[0].sensitive is True


@pytest.mark.parametrize(
    "viewer, status, audited",
    [
        ("worker", 200, False),
        ("coordinator", 200, True),
        ("colleague", 404, False),
        ("outsider", 404, False),
    ],
)
def test_sensitive_entries_only_for_author_and_team_coordinators(
    client, auth, setup, make_entry, db, viewer, status, audited
):
    """Show a sensitive entry to its author and the team's coordinators, auditing the latter."""
    entry = make_entry(
        author=setup["worker"], themes=[setup["sensitive"]], area=setup["place"].area
    )
    auth.login_as(setup[viewer])
    assert client.get(f"/entries/{entry.id}").status_code == status
    actions = [e.action for e in db.session.scalars(select(AuditEvent))]
    assert actions == (["entry.viewed_sensitive"] if audited else [])


def test_colleagues_cannot_edit_each_others_entries(client, auth, setup, make_entry):
    """Let colleagues see that an entry exists but not change it."""
    entry = make_entry(author=setup["worker"], themes=[setup["theme"]], area=setup["place"].area)
    auth.login_as(setup["colleague"])
    assert client.get(f"/entries/{entry.id}").status_code == 403
    assert client.post(f"/entries/{entry.id}/delete").status_code == 403


def test_editing_an_own_entry(worker_client, setup, make_entry, db):
    """Change an own entry; no audit event for one's own changes."""
    entry = make_entry(
        author=setup["worker"],
        themes=[setup["theme"]],
        area=setup["place"].area,
        place=setup["place"],
        setting="street",
    )
    page = worker_client.get(f"/entries/{entry.id}").get_data(as_text=True)
    assert 'name="version" type="hidden" value="1"' in page
    data = minimal(
        setup,
        kind="idea",
        themes=["spelen"],
        version="1",
        underlying_question="Een plek om samen te koken",
    )
    response = worker_client.post(f"/entries/{entry.id}", data=data)
    assert response.status_code == 302
    db.session.expire_all()
    assert (entry.kind, entry.version, entry.underlying_question) == (
        "idea",
        2,
        "Een plek om samen te koken",
    )
    assert db.session.scalars(select(AuditEvent)).all() == []


def test_changing_only_the_themes_is_a_change(worker_client, setup, make_entry, db):
    """Count a change of themes alone as a new version: for stale forms, `?since=` and the
    weekly review, which go by the version and the time of the last change."""
    entry = make_entry(
        author=setup["worker"],
        themes=[setup["theme"]],
        area=setup["place"].area,
        place=setup["place"],
        setting="shop_table",
    )
    assert setup["theme"].slug != "spelen"
    before = entry.updated_at
    response = worker_client.post(
        f"/entries/{entry.id}", data=minimal(setup, themes=["spelen"], version="1")
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert [t.slug for t in entry.themes] == ["spelen"]
    assert entry.version == 2 and entry.updated_at > before


def test_a_stale_edit_overwrites_nothing(worker_client, setup, make_entry, db):
    """Refuse an edit made on an old version, show the saved one, keep the user's input."""
    entry = make_entry(
        author=setup["worker"],
        themes=[setup["theme"]],
        area=setup["place"].area,
        note="Eerste versie",
    )
    entry.note = "Tweede versie, van de coördinator"
    db.session.commit()
    assert entry.version == 2
    data = minimal(setup, note="Mijn versie", version="1")
    response = worker_client.post(f"/entries/{entry.id}", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Someone changed this entry while you were editing it." in page
    assert "Tweede versie, van de coördinator" in page and "Mijn versie" in page
    assert 'name="version" type="hidden" value="2"' in page
    db.session.expire_all()
    assert entry.note == "Tweede versie, van de coördinator"
    response = worker_client.post(f"/entries/{entry.id}", data={**data, "version": "2"})
    assert response.status_code == 302
    db.session.expire_all()
    assert entry.note == "Mijn versie"


def test_coordinator_corrections_are_audited(client, auth, setup, make_entry, db):
    """Audit a coordinator's correction of a worker's entry, naming the fields, not the text."""
    entry = make_entry(
        author=setup["worker"],
        themes=[setup["theme"]],
        area=setup["place"].area,
        place=setup["place"],
        setting="shop_table",
        note="Oud",
    )
    auth.login_as(setup["coordinator"])
    response = client.post(
        f"/entries/{entry.id}", data=minimal(setup, follow_up="urgent", note="Nieuw", version="1")
    )
    assert response.status_code == 302
    event = db.session.scalars(select(AuditEvent)).one()
    assert (event.action, event.actor_id, event.object_id) == (
        "entry.corrected",
        setup["coordinator"].id,
        str(entry.id),
    )
    assert event.details == {"fields": "note,follow_up"}
    assert "Nieuw" not in str(event.details)


def test_deleting_entries(client, auth, setup, make_entry, db):
    """Let authors delete their own entries and coordinators their team's, audited."""
    own = make_entry(author=setup["worker"], themes=[setup["theme"]], area=setup["place"].area)
    other = make_entry(author=setup["worker"], themes=[setup["theme"]], area=setup["place"].area)
    auth.login_as(setup["worker"])
    assert client.post(f"/entries/{own.id}/delete").status_code == 302
    auth.login_as(setup["coordinator"])
    assert client.post(f"/entries/{other.id}/delete").status_code == 302
    assert entries(db) == []
    event = db.session.scalars(select(AuditEvent)).one()
    assert (event.action, event.actor_id) == ("entry.deleted", setup["coordinator"].id)


@pytest.mark.parametrize(
    "moment",
    [
        "2026-12-06T23:30",  # Sunday evening in Amsterdam, 22:30 UTC
        "2026-12-07T00:30",  # Monday just after midnight in Amsterdam, still Sunday in UTC
        "2026-06-29T01:30",  # Monday in summer time, still Sunday 23:30 in UTC
        "2026-12-09T14:00",  # a plain Wednesday afternoon
    ],
)
def test_my_log_lists_own_entries_by_week(worker_client, auth, setup, make_entry, clock, moment):
    """List only the worker's own entries of the chosen Amsterdam ISO week, newest first."""
    clock.move_to(amsterdam(moment) - timedelta(minutes=1), tick=False)
    make_entry(
        author=setup["worker"],
        themes=[setup["theme"]],
        area=setup["place"].area,
        underlying_question="Deze week, ouder",
    )
    clock.move_to(amsterdam(moment), tick=False)
    make_entry(
        author=setup["worker"],
        themes=[setup["theme"]],
        area=setup["place"].area,
        underlying_question="Deze week, nieuwer",
    )
    make_entry(
        author=setup["worker"],
        themes=[setup["theme"]],
        area=setup["place"].area,
        days_ago=14,
        underlying_question="Twee weken geleden",
    )
    make_entry(
        author=setup["colleague"],
        themes=[setup["theme"]],
        area=setup["place"].area,
        underlying_question="Van een collega",
    )
    auth.login_as(setup["worker"])  # signed in now, not at the suite's moment
    page = worker_client.get("/entries").get_data(as_text=True)
    assert page.index("Deze week, nieuwer") < page.index("Deze week, ouder")
    assert "Twee weken geleden" not in page and "Van een collega" not in page
    two_weeks_ago = (amsterdam(moment).date() - timedelta(days=14)).isocalendar()
    older = worker_client.get(f"/entries?week={two_weeks_ago.year}-W{two_weeks_ago.week:02d}")
    assert "Twee weken geleden" in older.get_data(as_text=True)
    assert worker_client.get("/entries?week=garbage").status_code == 200


def test_coordinators_see_the_teams_entries(client, auth, setup, make_entry):
    """Let coordinators list the team's entries, sensitive ones included."""
    make_entry(
        author=setup["worker"],
        themes=[setup["sensitive"]],
        area=setup["place"].area,
        underlying_question="Gevoelig signaal",
    )
    auth.login_as(setup["coordinator"])
    assert "Gevoelig signaal" in client.get("/entries?scope=team").get_data(as_text=True)
    auth.login_as(setup["colleague"])
    assert "Gevoelig signaal" not in client.get("/entries?scope=team").get_data(as_text=True)


def test_team_list_audits_each_sensitive_entry_of_others(client, auth, setup, make_entry, db):
    """Audit every sensitive entry of someone else the team list shows, as opening it does;
    not the coordinator's own, nor entries that are not sensitive."""
    area = setup["place"].area
    shown = [
        make_entry(author=setup["worker"], themes=[setup["sensitive"]], area=area) for _ in range(2)
    ]
    make_entry(author=setup["coordinator"], themes=[setup["sensitive"]], area=area)
    make_entry(author=setup["worker"], themes=[setup["theme"]], area=area)
    auth.login_as(setup["coordinator"])
    assert client.get("/entries?scope=team").status_code == 200
    events = db.session.scalars(select(AuditEvent)).all()
    assert sorted((e.action, e.object_id, e.actor_id) for e in events) == sorted(
        ("entry.viewed_sensitive", str(entry.id), setup["coordinator"].id) for entry in shown
    )
    assert client.get("/entries").status_code == 200  # the own list: nothing of others
    assert len(db.session.scalars(select(AuditEvent)).all()) == 2


def test_entry_list_is_paged(client, auth, setup, make_entry, db):
    """Show 50 entries a page, newest first, with links to the older and newer pages."""
    for _ in range(55):
        make_entry(author=setup["worker"], themes=[setup["theme"]], area=setup["place"].area)
    auth.login_as(setup["coordinator"])
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    first = client.get("/entries?scope=team").get_data(as_text=True)
    assert first.count('class="entry kind-') == 50 and "Older entries" in first
    assert "Newer entries" not in first
    week = utcnow().astimezone(AMSTERDAM).isocalendar()
    older = f"/entries?week={week.year}-W{week.week:02d}&amp;scope=team&amp;page=2"
    assert older in first
    second = client.get(older.replace("&amp;", "&")).get_data(as_text=True)
    assert second.count('class="entry kind-') == 5 and "Newer entries" in second
    assert "Older entries" not in second
    assert client.get("/entries?page=0").status_code == 200


def test_themes_are_ordered_by_own_recent_use(worker_client, setup, make_entry):
    """Put the worker's most used themes first."""
    for _ in range(3):
        make_entry(author=setup["worker"], themes=[setup["other_theme"]], area=setup["place"].area)
    page = worker_client.get("/").get_data(as_text=True)
    assert page.index('value="spelen"') < page.index('value="eenzaamheid"')
