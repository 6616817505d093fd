"""The privacy guard on every free text the app stores: one row per form field.

Each row posts personal data into one field through its real form and checks the guard's
choice: held back until confirmed, or refused outright whatever the writer confirms. A new
free-text column fails test_every_free_text_column_is_guarded until it gets a row (or a reason
to be left out).
"""

import re
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from buurtlog.extensions import db as _db
from buurtlog.models import AuditEvent, WalkInSession
from buurtlog.privacy import KINDS
from tests.conftest import signing_in

# Text that the guard holds back but a writer may confirm, and text no confirmation lets pass.
PERSONAL = "Mevrouw de Vries (06-12345678, Kerkstraat 12)"
A_NAME = "Koffie bij Kees"  # "Bakker Bart" is a shop: no name since issue 20
CONTACT = "Kerkstraat 12 (bij mevrouw De Vries)"
SLUG_NAME = "bart-en-kees"  # a name the guard finds in a code of lower-case letters and hyphens
SLUG_PHONE = "0612345678"
HELD = "Remove it, or choose to keep it anyway."


@pytest.fixture
def world(
    make_area,
    make_team,
    make_user,
    make_theme,
    make_place,
    make_entry,
    make_review,
    make_wijk_theme,
    db,
):
    """Make a wijk with a team (admin, coordinator, worker), a theme, a place, a signal in a
    wijk theme, a finished meeting, and three signals that make a proposal of words."""
    gemeente = make_area("gemeente", name="Havenstad")
    wijk = make_area("wijk", name="Kanaalzone", parent=gemeente)
    buurt = make_area("buurt", name="Sluiskwartier", parent=wijk)
    team = make_team("Team Zuid", areas=[wijk])
    people = {
        "admin": make_user("admin", name="Beheer"),
        "coordinator": make_user("coordinator", team=team, name="Coördinator"),
        "worker": make_user("worker", team=team, name="Werker"),
        "colleague": make_user("worker", team=team, name="Collega"),
    }
    review = make_review(team, attendees=[people["worker"]])  # the signals come after it
    theme = make_theme("spelen", name_nl="Spelen", name_en="Play")
    other = make_theme("armoede", name_nl="Armoede", name_en="Poverty")
    signal = make_entry(author=people["worker"], area=buurt, themes=[theme], kind="signal")
    words = [
        make_entry(author=people[a], area=buurt, themes=[t], kind="signal", underlying_question=q)
        for a, t, q in (
            ("worker", theme, "Het klimrek aan de Churchilllaan is kapot"),
            ("colleague", other, "Kapot klimrek Churchilllaan, kinderen spelen er niet meer"),
            ("coordinator", theme, "Klimrek Churchilllaan afgezet met linten"),
        )
    ]
    return {
        **people,
        "gemeente": gemeente,
        "wijk": wijk,
        "buurt": buurt,
        "team": team,
        "theme": theme,
        "signal": signal,
        "words": words,
        "place": make_place(name="Wijkcentrum De Leeuw", area=buurt, kind="community_centre"),
        "wijk_theme": make_wijk_theme(team, wijk, [signal], name="Speelplek"),
        "review": review,
    }


# How each form is posted: (client, world, the field's text, extra form data) -> response.


def _place(client, w, text, extra):
    """Post the admin's place form."""
    return client.post(
        "/admin/places/new",
        data={
            "name": text,
            "kind": "community_centre",
            "area_id": w["buurt"].id,
            "active": "y",
            **extra,
        },
    )


def _area(field):
    """Post the admin's area form with the text in one field."""

    def send(client, w, text, extra):
        data = {
            "code": "nieuwe-wijk",
            "name": "Nieuwe wijk",
            "parent_id": w["gemeente"].id,
            "active": "y",
            **extra,
        }
        return client.post("/admin/areas/new", data={**data, field: text})

    return send


def _team(client, w, text, extra):
    """Post the admin's team form."""
    return client.post("/admin/teams/new", data={"name": text, "area_ids": [w["wijk"].id], **extra})


def _theme(field):
    """Post the admin's theme form with the text in one field."""

    def send(client, w, text, extra):
        data = {
            "slug": "nieuw",
            "name_nl": "Nieuw",
            "name_en": "New",
            "position": "0",
            "active": "y",
            **extra,
        }
        return client.post("/admin/themes/new", data={**data, field: text})

    return send


def _sketch(client, w, text, extra):
    """Post a new version of the wijkschets."""
    return client.post(f"/wijk/{w['wijk'].code}/schets", data={"text": text, **extra})


def _exchange(client, w, text, extra):
    """Post an offer or request for help across wijken."""
    return client.post(
        "/exchange/new",
        data={
            "kind": "request",
            "description": text,
            "theme": w["theme"].id,
            "area": w["wijk"].id,
            **extra,
        },
    )


def _initiative(field):
    """Post a new initiative with the text in one field."""

    def send(client, w, text, extra):
        data = {
            "name": "Repair Café",
            "offer": "Samen kapotte spullen maken",
            "carried_by": "organisation",
            "organisation": "Stichting Repair",
            "areas": [str(w["wijk"].id)],
            "themes": [w["theme"].slug],
            "schedule_text": "Elke eerste zaterdag",
            "slots-0-weekday": "",
            "contact": "info@repaircafe.nl",
            "url": "https://repaircafe.example",
            "status": "active",
            "public": "y",
            **extra,
        }
        return client.post("/initiatives/new", data={**data, field: text})

    return send


def _entry(field):
    """Log an entry with the text in one field."""

    def send(client, w, text, extra):
        data = {
            "place": w["place"].id,
            "area": "",
            "setting": "shop_table",
            "kind": "signal",
            "themes": [w["theme"].slug],
            "contact_type": "resident",
            "people": "1",
            "first_contact": "known",
            "initiated_by": "resident",
            "follow_up": "none",
            "occurred_at": "",
            "underlying_question": "",
            "note": "",
            **extra,
        }
        return client.post("/", data={**data, field: text})

    return send


def _decision(client, w, text, extra):
    """Decide on one signal in the review."""
    return client.post(
        f"/review/signals/{w['signal'].id}",
        data={"version": 0, "status": "discussed", "decision": text, **extra},
    )


def _bulk(action, field):
    """Decide on signals at once, or make a wijk theme of them, with the text in one field."""

    def send(client, w, text, extra):
        return client.post(
            "/review/signals",
            data={"entries": [f"{w['signal'].id}:0"], "action": action, field: text, **extra},
        )

    return send


def _proposal(client, w, text, extra):
    """Confirm the proposal of similar words as a wijk theme, named by the text."""
    page = client.get("/review/").get_data(as_text=True)
    key = re.search(r'name="key" value="(words:[^"]+)"', page).group(1)
    return client.post(
        "/review/proposals",
        data={
            "key": key,
            "action": "confirm",
            "name": text,
            "listed": "1",
            "keep": [str(e.id) for e in w["words"]],
            **extra,
        },
    )


def _meeting(client, w, text, extra):
    """Keep the record of a meeting."""
    return client.post(
        f"/review/meetings/{w['review'].id}",
        data={
            "held_on": w["review"].held_on.isoformat(),
            "attendees": [w["worker"].id],
            "decisions": text,
            **extra,
        },
    )


def _wijk_theme(field):
    """Change a wijk theme with the text in one field."""

    def send(client, w, text, extra):
        data = {
            "name": "Speelplek",
            "status": "open",
            "owner": "",
            "note": "",
            "version": w["wijk_theme"].version,
            **extra,
        }
        return client.post(f"/review/themes/{w['wijk_theme'].id}", data={**data, field: text})

    return send


def _elsewhere(client, w, text, extra):
    """Tap a visitor referred elsewhere, named by the text, at the walk-in (started once)."""
    session = _db.session.scalars(select(WalkInSession)).one_or_none()
    if session is None:
        response = client.post("/walkin/start", data={"place": w["place"].id})
        assert response.status_code == 302
        session = _db.session.scalars(select(WalkInSession)).one()
    return client.post(
        f"/walkin/sessions/{session.id}/tally",
        data={"visitor": "new", "referral": "elsewhere", "elsewhere": text, **extra},
    )


@dataclass(frozen=True)
class Field:
    """One stored free text: who writes it, how, where it is kept, and the guard's choice."""

    column: str  # "table.column" where the text is kept
    user: str
    send: object
    held: str | None = PERSONAL  # found, saved once confirmed
    refused: str | None = None  # found, never saved
    also: tuple[str, ...] = ()  # other columns the same field writes to


FIELDS = {
    "place name": Field("places.name", "admin", _place, held=A_NAME, refused=CONTACT),
    "area name": Field("areas.name", "admin", _area("name"), held=A_NAME, refused=CONTACT),
    "area code": Field("areas.code", "admin", _area("code"), held=SLUG_NAME, refused=SLUG_PHONE),
    "team name": Field("teams.name", "admin", _team, held=A_NAME, refused=CONTACT),
    "theme code": Field("themes.slug", "admin", _theme("slug"), held=SLUG_NAME, refused=SLUG_PHONE),
    "theme name nl": Field(
        "themes.name_nl", "admin", _theme("name_nl"), held=A_NAME, refused=CONTACT
    ),
    "theme name en": Field(
        "themes.name_en", "admin", _theme("name_en"), held=A_NAME, refused=CONTACT
    ),
    "wijkschets": Field("wijk_sketches.text", "worker", _sketch),
    "exchange item": Field(
        "exchange_items.description",
        "worker",
        _exchange,
        held="Mevrouw Jansen zoekt hulp met post",
        refused=CONTACT,
    ),
    "initiative name": Field(
        "initiatives.name", "worker", _initiative("name"), held="Koffie bij mevrouw De Vries"
    ),
    "initiative offer": Field("initiatives.offer", "worker", _initiative("offer")),
    "initiative audience": Field("initiatives.audience", "worker", _initiative("audience")),
    "initiative organisation": Field(
        "initiatives.organisation", "worker", _initiative("organisation")
    ),
    "initiative schedule": Field(
        "initiatives.schedule_text", "worker", _initiative("schedule_text")
    ),
    "initiative website": Field(
        "initiatives.url", "worker", _initiative("url"), held="https://example.org/kees-jansen"
    ),
    "initiative contact": Field(
        "initiatives.contact", "worker", _initiative("contact"), held=None, refused="06-12345678"
    ),
    "entry note": Field("entries.note", "worker", _entry("note")),
    "entry question": Field("entries.underlying_question", "worker", _entry("underlying_question")),
    "signal decision": Field(
        "signal_statuses.decision", "coordinator", _decision, also=("status_changes.decision",)
    ),
    "bulk decision": Field("signal_statuses.decision", "coordinator", _bulk("apply", "decision")),
    "new wijk theme": Field("wijk_themes.name", "coordinator", _bulk("create", "name")),
    "proposal name": Field("wijk_themes.name", "coordinator", _proposal),
    "meeting decisions": Field("reviews.decisions", "coordinator", _meeting),
    "wijk theme name": Field("wijk_themes.name", "coordinator", _wijk_theme("name")),
    "wijk theme note": Field("wijk_theme_notes.text", "coordinator", _wijk_theme("note")),
    "walk-in elsewhere": Field(
        "check_ins.referred_elsewhere", "worker", _elsewhere, held=None, refused="Jan de Vries"
    ),
}

# String columns that hold no free text a person writes about others, and why.
NOT_FREE_TEXT = {
    "areas.outline": "coordinates from the CBS/PDOK map, checked as GeoJSON on import",
    "users.name": "a staff member's own name, shown to colleagues by design",
    "users.email": "a staff member's own sign-in address",
    "users.locale": "a language code chosen from a list",
    "users.password_hash": "a hash",
    "users.totp_secret": "a secret made by the app",
    "api_tokens.token_hash": "a hash",
    "recovery_codes.code_hash": "a hash",
    "walk_in_sessions.kiosk_pin_hash": "a hash",
    "audit_events.action": "written by the code",
    "audit_events.object_type": "written by the code",
    "audit_events.object_id": "an id",
    "rate_limit_counters.key": "a SHA-256 digest of an address or an email address",
    "dismissed_proposals.key": "made by the code from ids and a proposal's words",
    "entries.grouping_terms": "words of the guarded note and question, cut by the code at "
    "saving; retention clears them with the text",
    "initiatives.hsds_id": "an identifier of the Open Referral import",
    "wijk_theme_notes.value": "a coded value or a count, set by the code",
}


def stored(column: str) -> list:
    """Return every value kept in a "table.column", fresh from the database."""
    table, name = column.split(".")
    _db.session.expire_all()
    return list(_db.session.scalars(select(_db.metadata.tables[table].c[name])))


@pytest.fixture
def writer(client, auth, world):
    """Return a function that signs the client in as one of the world's people, in English."""
    return signing_in(client, auth, world)


@pytest.mark.parametrize("name", [n for n, f in FIELDS.items() if f.held])
def test_personal_data_is_held_back_until_confirmed(writer, world, name):
    """Hold back what the guard finds, mark it on the page, and save it once confirmed."""
    case = FIELDS[name]
    client = writer(case.user)
    response = case.send(client, world, case.held, {})
    page = response.get_data(as_text=True)
    assert response.status_code == 400, name
    assert HELD in page and "<mark>" in page and 'name="privacy_confirmed"' in page
    assert "data-privacy-field" in page, name  # checked as the writer types, too
    assert case.held not in stored(case.column)
    assert kept_events() == []
    response = case.send(client, world, case.held, {"privacy_confirmed": "y"})
    assert response.status_code == 302, name
    assert case.held in stored(case.column)
    for column in case.also:
        assert case.held in stored(column)
    # Keeping it is audited: which field and which kind, never the text.
    [event] = kept_events()
    assert event.actor_id == world[case.user].id, name
    assert event.details["fields"] and set(event.details["kinds"].split()) <= set(KINDS), name
    assert case.held not in str(event.details)


def kept_events() -> list[AuditEvent]:
    """Return the audit events of text kept although the guard marked it."""
    _db.session.expire_all()
    return list(_db.session.scalars(select(AuditEvent).where(AuditEvent.action == "privacy.kept")))


@pytest.mark.parametrize("name", [n for n, f in FIELDS.items() if f.refused])
def test_contact_details_are_refused_even_when_confirmed(writer, world, name):
    """Refuse what has no place in the field at all: confirming does not let it through."""
    case = FIELDS[name]
    client = writer(case.user)
    for extra in ({}, {"privacy_confirmed": "y"}):
        response = case.send(client, world, case.refused, extra)
        page = response.get_data(as_text=True)
        assert response.status_code == 400, name
        assert 'aria-invalid="true"' in page and HELD not in page
        assert case.refused not in stored(case.column)


def test_every_free_text_column_is_guarded(app):
    """Fail when a text column is neither under the guard (a row above) nor explained."""
    guarded = {c for f in FIELDS.values() for c in (f.column, *f.also)}
    columns = {
        f"{t.name}.{c.name}"
        for t in _db.metadata.sorted_tables
        for c in t.columns
        if isinstance(c.type, sa.String) and not isinstance(c.type, sa.Enum)
    }
    assert columns - guarded - NOT_FREE_TEXT.keys() == set()
    assert guarded | NOT_FREE_TEXT.keys() <= columns  # no row for a column that is gone


def test_a_refused_wijkschets_keeps_its_text_and_shows_the_findings(writer, world):
    """Keep the writer's text in the form with the findings marked, and the box to confirm."""
    response = _sketch(writer("worker"), world, PERSONAL, {})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "06-12345678" in page.split('id="text"')[1].split("</textarea>")[0]
    assert "<mark>06-12345678<span" in page
    assert 'aria-describedby="text-hint text-error text-findings"' in page
    assert "<details open><summary>Write a new version" in page


def test_a_place_named_after_a_resident_stays_out_of_the_picker(writer, world):
    """Refuse the admin's "Kerkstraat 12 (bij mevrouw De Vries)": no worker ever picks it."""
    client = writer("admin")
    _place(client, world, CONTACT, {"privacy_confirmed": "y"})
    page = writer("worker").get("/").get_data(as_text=True)
    assert "Kerkstraat 12" not in page and "Wijkcentrum De Leeuw" in page


def test_the_guard_works_in_dutch(client, auth, world):
    """Tell the writer in Dutch what was found and how to go on."""
    auth.login_as(world["admin"])
    page = _place(client, world, CONTACT, {}).get_data(as_text=True)
    assert "Dit lijkt op een adres. Laat het weg: dit veld is er niet voor bedoeld." in page
    page = _place(client, world, A_NAME, {}).get_data(as_text=True)
    assert "Dit lijkt op een naam. Haal het weg, of kies ervoor het toch te bewaren." in page
