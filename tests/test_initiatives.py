"""The initiatives register: search and filters, stale flags, adding and changing, the public
contact rule, the offline reference data, and the public list without anything private."""

from datetime import date, time, timedelta

import pytest
import schemathesis
from schemathesis.specs.openapi.checks import response_schema_conformance

from buurtlog.accounts.services import issue_token
from buurtlog.initiatives import services
from buurtlog.initiatives.forms import public_channel_problem
from buurtlog.models import (
    STALE_AFTER_DAYS,
    AuditEvent,
    Initiative,
    InitiativeSchedule,
    WijkSettings,
)
from tests.conftest import amsterdam


@pytest.fixture
def register(make_area, make_team, make_user, make_theme, make_place, make_initiative, db):
    """Make two wijken of one gemeente, a team for the first, themes and four initiatives."""
    north = make_area("wijk", name="Noord")
    south = make_area("wijk", name="Zuid", parent=north.parent)
    buurt = make_area("buurt", parent=north)
    team = make_team(areas=[north, buurt])
    other_team = make_team(areas=[south])
    language = make_theme(slug="taal", name_nl="Taal", name_en="Language")
    money = make_theme(slug="geld", name_nl="Geld", name_en="Money")
    green = make_theme(slug="groen", name_nl="Groen", name_en="Green")
    cafe = make_initiative(
        name="Taalcafé",
        offer="Nederlands oefenen bij de koffie",
        areas=[north],
        themes=[language],
        team=team,
        checked_days_ago=10,
    )
    cafe.schedules = [InitiativeSchedule(weekday=3, opens_at=time(19), closes_at=time(21))]
    buddies = make_initiative(
        name="Budgetmaatjes",
        offer="Hulp met geld en post",
        areas=[north.parent],
        themes=[money],
        team=other_team,
        checked_days_ago=STALE_AFTER_DAYS + 1,
    )
    buddies.schedules = [InitiativeSchedule(weekday=1, opens_at=time(13), every_weeks=2)]
    garden = make_initiative(
        name="Stadstuin",
        offer="Samen tuinieren in het park",
        areas=[south],
        themes=[green],
        team=other_team,
        checked_days_ago=None,
        place=make_place(area=buurt),
    )
    ended = make_initiative(
        name="Oude speelotheek",
        offer="Speelgoed lenen",
        areas=[north],
        themes=[green],
        team=team,
        status="ended",
    )
    db.session.commit()
    return {
        "north": north,
        "south": south,
        "buurt": buurt,
        "team": team,
        "other_team": other_team,
        "worker": make_user("worker", team=team),
        "coordinator": make_user("coordinator", team=team),
        "themes": (language, money, green),
        "initiatives": (cafe, buddies, garden, ended),
    }


def _fresh(db, model, key):
    """Read a row again from the database, not from the test's session."""
    db.session.expire_all()
    return db.session.get(model, key)


def _names(found):
    """Return the names of initiatives, in order."""
    return [i.name for i in found]


def test_search_and_filters(app, register):
    """Find initiatives by words, wijk (a gemeente serves all its wijken), theme, day, status."""
    today = services.local_today()
    language, money, green = register["themes"]
    search = lambda **kw: _names(services.search(services.Filters(**kw), today))  # noqa: E731
    assert search() == ["Budgetmaatjes", "Stadstuin", "Taalcafé"]  # ended ones left out
    assert search(status="all") == ["Budgetmaatjes", "Oude speelotheek", "Stadstuin", "Taalcafé"]
    assert search(status="ended") == ["Oude speelotheek"]
    assert search(text="KOFFIE") == ["Taalcafé"]  # in the offer, any case
    assert search(text="tuin") == ["Stadstuin"]  # in the name
    assert search(text="100%") == []  # wildcards are plain characters
    assert search(wijk=register["north"]) == ["Budgetmaatjes", "Taalcafé"]
    assert search(wijk=register["south"]) == ["Budgetmaatjes", "Stadstuin"]
    assert search(theme=money) == ["Budgetmaatjes"]
    assert search(weekday=3) == ["Taalcafé"]
    assert search(weekday=0) == []
    assert search(wijk=register["north"], theme=language, weekday=3) == ["Taalcafé"]


def test_stale_flags_and_the_needs_checking_filter(app, client, auth, register):
    """Flag what nobody checked for six months (or ever), in the list, the filter and detail."""
    today = services.local_today()
    cafe, buddies, garden, _ = register["initiatives"]
    assert not services.is_stale(cafe, today)
    assert services.is_stale(buddies, today) and services.is_stale(garden, today)
    cafe.last_checked_on = today - timedelta(days=STALE_AFTER_DAYS)
    assert not services.is_stale(cafe, today)  # exactly six months: still fine today
    assert _names(services.search(services.Filters(stale=True), today)) == [
        "Budgetmaatjes",
        "Stadstuin",
    ]
    auth.login_as(register["worker"])
    page = client.get("/initiatives/").get_data(as_text=True)
    assert page.count("stale-flag") == 2
    page = client.get("/initiatives/?stale=y").get_data(as_text=True)
    assert "Budgetmaatjes" in page and "Taalcafé" not in page
    detail = client.get(f"/initiatives/{garden.id}").get_data(as_text=True)
    assert "stale-flag" in detail
    assert "stale-flag" not in client.get(f"/initiatives/{cafe.id}").get_data(as_text=True)


def test_checked_today_clears_the_flag(app, client, auth, register, db):
    """Mark an initiative as checked today: the flag goes and the check is audited."""
    _, _, garden, _ = register["initiatives"]
    garden.team = register["team"]
    db.session.commit()
    auth.login_as(register["worker"])
    assert client.post(f"/initiatives/{garden.id}/checked").status_code == 302
    assert _fresh(db, Initiative, garden.id).last_checked_on == services.local_today()
    assert db.session.query(AuditEvent).filter_by(action="initiative.checked").count() == 1


def test_list_page_filters_by_query_string(app, client, auth, register):
    """Filter the list page through its form; bad filters answer 400 and show everything."""
    auth.login_as(register["worker"])
    page = client.get(f"/initiatives/?wijk={register['south'].code}&theme=groen")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Stadstuin" in text and "Taalcafé" not in text and "Budgetmaatjes" not in text
    assert "X-Offline-Cacheable" not in page.headers
    bad = client.get("/initiatives/?wijk=nowhere&weekday=9")
    assert bad.status_code == 400 and "Taalcafé" in bad.get_data(as_text=True)


def test_the_plain_list_may_be_kept_offline(app, client, auth, register):
    """Let the service worker keep the unfiltered register for offline use."""
    auth.login_as(register["worker"])
    assert client.get("/initiatives/").headers.get("X-Offline-Cacheable") == "1"


def _post_data(register, **overrides):
    """Return a valid form post for a new initiative."""
    language = register["themes"][0]
    data = {
        "name": "Repair Café",
        "offer": "Samen kapotte spullen maken",
        "carried_by": "residents",
        "areas": [str(register["north"].id)],
        "themes": [language.slug],
        "schedule_text": "Elke eerste zaterdag",
        "slots-0-weekday": "5",
        "slots-0-opens_at": "10:00",
        "slots-0-closes_at": "13:00",
        "slots-0-every_weeks": "4",
        "slots-1-weekday": "",
        "contact": "info@repaircafe.nl",
        "url": "https://repaircafe.example",
        "status": "active",
        "public": "y",
    }
    data.update(overrides)
    return data


def test_add_an_initiative_with_its_schedule(app, client, auth, register, db):
    """Save a new initiative with its team, a structured slot, and today as its last check."""
    auth.login_as(register["worker"])
    response = client.post("/initiatives/new", data=_post_data(register))
    assert response.status_code == 302
    initiative = db.session.query(Initiative).filter_by(name="Repair Café").one()
    assert initiative.team == register["team"]
    assert initiative.last_checked_on == services.local_today()
    assert [(s.weekday, s.opens_at, s.closes_at, s.every_weeks) for s in initiative.schedules] == [
        (5, time(10), time(13), 4)
    ]
    assert initiative.areas == [register["north"]] and initiative.contact == "info@repaircafe.nl"


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"name": ""}, "name"),
        ({"areas": []}, "areas"),
        ({"themes": []}, "themes"),
        ({"slots-0-opens_at": ""}, "slots-0-opens_at"),
        ({"slots-0-closes_at": "09:00"}, "slots-0-closes_at"),
        ({"slots-0-weekday": "", "slots-0-opens_at": "10:00"}, "slots-0-weekday"),
        ({"slots-0-every_weeks": "12"}, "slots-0-every_weeks"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"contact": "Bel Marieke Jansen"}, "contact"),
        ({"contact": "06 12345678"}, "contact"),
        ({"contact": "repaircafe@gmail.com"}, "contact"),
        ({"contact": "piet.jansen@welzijn.nl"}, "contact"),
        ({"status": "ended"}, "status"),  # a worker may not end an initiative
    ],
)
def test_bad_input_is_refused_with_a_message(app, client, auth, register, db, overrides, field):
    """Refuse each bad field with a message at that field, saving nothing."""
    auth.login_as(register["worker"])
    response = client.post("/initiatives/new", data=_post_data(register, **overrides))
    assert response.status_code == 400
    assert f'id="{field}-error"' in response.get_data(as_text=True)
    assert db.session.query(Initiative).filter_by(name="Repair Café").count() == 0


@pytest.mark.parametrize(
    "contact",
    [
        "info@buurthuis.nl",
        "Wijkcentrum De Leeuw, balie",
        "030 123 4567",
        "0800-1234567",
        "balie@welzijn-havenstad.nl, 088 123 4567",
        "",
    ],
)
def test_public_channels_are_accepted(app, contact):
    """Accept an organisation's general address, landline, service number or desk."""
    assert public_channel_problem(contact) is None


def test_names_in_the_description_need_a_confirmation(app, client, auth, register, db):
    """Hold back a description naming a person until the worker confirms it is none."""
    auth.login_as(register["worker"])
    data = _post_data(register, offer="Marieke Jansen leidt de groep")
    assert client.post("/initiatives/new", data=data).status_code == 400
    data["privacy_confirmed"] = "y"
    assert client.post("/initiatives/new", data=data).status_code == 302


def test_who_may_edit_end_and_remove(app, client, auth, register, make_user, db):
    """Let a team's workers edit its initiatives, its coordinators end and remove them."""
    cafe, buddies, _, _ = register["initiatives"]
    auth.login_as(register["worker"])
    assert client.get(f"/initiatives/{cafe.id}/edit").status_code == 200
    assert client.get(f"/initiatives/{buddies.id}/edit").status_code == 403  # other team
    assert client.post(f"/initiatives/{cafe.id}/end").status_code == 403
    data = _post_data(register, name="Taalcafé Noord")
    assert client.post(f"/initiatives/{cafe.id}/edit", data=data).status_code == 302
    assert _fresh(db, Initiative, cafe.id).name == "Taalcafé Noord"
    auth.login_as(register["coordinator"])
    assert client.post(f"/initiatives/{cafe.id}/end").status_code == 302
    assert _fresh(db, Initiative, cafe.id).status == "ended"
    assert client.post(f"/initiatives/{cafe.id}/remove").status_code == 302
    assert _fresh(db, Initiative, cafe.id) is None
    auth.login_as(make_user("admin"))
    assert (
        client.post(
            f"/initiatives/{buddies.id}/edit", data=_post_data(register, status="ended")
        ).status_code
        == 302
    )


def test_edit_form_shows_the_saved_schedule_and_a_spare_row(app, client, auth, register):
    """Fill the edit form with the saved slot and offer empty rows for more."""
    cafe = register["initiatives"][0]
    auth.login_as(register["worker"])
    html = client.get(f"/initiatives/{cafe.id}/edit").get_data(as_text=True)
    assert 'name="slots-0-opens_at" type="time" value="19:00"' in html
    assert 'name="slots-2-weekday"' in html


def test_reference_data_holds_the_register(app, client, auth, register, db):
    """Give the phone the active and paused initiatives, with slots and the stale flag."""
    auth.login_as(register["worker"])
    data = client.get("/api/v1/reference").get_json()
    by_name = {i["name"]: i for i in data["initiatives"]}
    assert set(by_name) == {"Budgetmaatjes", "Stadstuin", "Taalcafé"}
    cafe = by_name["Taalcafé"]
    assert cafe["areas"] == [register["north"].code] and cafe["themes"] == ["taal"]
    assert cafe["slots"] == [
        {"weekday": 3, "opens_at": "19:00", "closes_at": "21:00", "every_weeks": 1}
    ]
    assert cafe["stale"] is False and by_name["Stadstuin"]["stale"] is True
    token = issue_token(register["worker"])
    db.session.commit()
    with app.app_context():  # a request context of its own, as IsolatedClient gives
        operation = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    case = operation["/reference"]["GET"].Case()
    with app.app_context():
        response = case.call(headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    case.validate_response(response, checks=[response_schema_conformance])  # as documented


def _switch_on(client, auth, register):
    """Switch the public list of the north wijk on as its team's coordinator."""
    auth.login_as(register["coordinator"])
    url = f"/initiatives/wijk/{register['north'].code}/publiek/instellen"
    assert client.post(url, data={"public": "on"}).status_code == 302
    auth.logout()


def test_public_list_is_switched_on_by_a_coordinator_only(app, client, auth, register, db):
    """Refuse the switch to workers; open the list to everyone once it is on; audit it."""
    code = register["north"].code
    assert client.get(f"/initiatives/wijk/{code}/publiek").status_code == 404
    auth.login_as(register["worker"])
    url = f"/initiatives/wijk/{code}/publiek/instellen"
    assert client.post(url, data={"public": "on"}).status_code == 403
    _switch_on(client, auth, register)
    assert client.get(f"/initiatives/wijk/{code}/publiek").status_code == 200
    auth.login_as(register["worker"])  # the wijk page points to it
    assert f"/initiatives/wijk/{code}/publiek" in client.get(f"/wijk/{code}").get_data(as_text=True)
    settings = _fresh(db, WijkSettings, (register["north"].id, register["team"].id))
    assert settings.public_initiatives and not settings.public_enabled  # a switch of its own
    assert db.session.query(AuditEvent).filter_by(action="initiatives.public_switched").count() == 1


def test_public_list_shows_nothing_private(
    app, client, auth, register, make_initiative, make_entry, make_referral, db
):
    """List active public initiatives serving the wijk; no team, entries or referral counts."""
    cafe, buddies, garden, ended = register["initiatives"]
    hidden = make_initiative(name="Besloten groep", areas=[register["north"]], public=False)
    paused = make_initiative(name="Gepauzeerd", areas=[register["north"]], status="paused")
    worker = register["worker"]
    entry = make_entry(
        author=worker,
        area=register["buurt"],
        note="GEHEIME NOTITIE",
        underlying_question="VRAAG ONDER DE VRAAG",
    )
    make_referral(cafe, entry=entry, created_by=worker)
    _switch_on(client, auth, register)
    html = client.get(f"/initiatives/wijk/{register['north'].code}/publiek").get_data(as_text=True)
    assert "Taalcafé" in html and "Budgetmaatjes" in html  # the gemeente's serves it too
    for absent in (
        "Stadstuin",
        ended.name,
        hidden.name,
        paused.name,
        register["team"].name,
        register["other_team"].name,
        worker.name,
        register["coordinator"].name,
        "GEHEIME",
        "VRAAG ONDER",
        "eferr",
        "erwijz",
    ):
        assert absent not in html
    assert "Donderdag" in html or "Thursday" in html  # when: the structured slot


def test_a_checked_initiative_goes_stale_again_half_a_year_later(
    client, auth, register, make_initiative, db, clock
):
    """Live through a year: fresh for six months, flagged, checked again just after midnight,
    fresh, and flagged again six months after that check, on Amsterdam days."""

    def flags(moment):
        """Look at the initiative at an Amsterdam moment: (flagged on its page, in the filter)."""
        clock.move_to(amsterdam(moment), tick=False)
        auth.login_as(register["worker"])
        detail = client.get(f"/initiatives/{repair.id}")
        listed = client.get("/initiatives/?stale=y")
        assert (detail.status_code, listed.status_code) == (200, 200)
        return (
            "stale-flag" in detail.get_data(as_text=True),
            "Reparatiecafé Noord" in listed.get_data(as_text=True),
        )

    clock.move_to(amsterdam("2026-05-01T10:00"), tick=False)
    repair = make_initiative(
        name="Reparatiecafé Noord", areas=[register["north"]], team=register["team"]
    )
    last_fresh = date(2026, 5, 1) + timedelta(days=STALE_AFTER_DAYS)
    assert flags(f"{last_fresh}T23:30") == (False, False)
    assert flags(f"{last_fresh + timedelta(days=1)}T00:30") == (True, True)  # UTC: day before

    assert flags("2026-12-04T00:30") == (True, True)  # 3 December, 23:30 in UTC
    assert client.post(f"/initiatives/{repair.id}/checked").status_code == 302
    assert _fresh(db, Initiative, repair.id).last_checked_on == date(2026, 12, 4)
    assert flags("2026-12-04T00:35") == (False, False)
    assert flags("2027-03-15T12:00") == (False, False)

    last_fresh = date(2026, 12, 4) + timedelta(days=STALE_AFTER_DAYS)
    assert flags(f"{last_fresh}T23:30") == (False, False)
    assert flags(f"{last_fresh + timedelta(days=1)}T00:30") == (True, True)  # summer time
    checks = db.session.query(AuditEvent).filter_by(action="initiative.checked").all()
    assert [(e.actor_id, e.object_id, e.at) for e in checks] == [
        (register["worker"].id, str(repair.id), amsterdam("2026-12-04T00:30"))
    ]
