"""The entry's one set of rules (entries.rules): the rules themselves, and the sync's reading
of JSON by them against the log form's reading by the same rules — it never accepts what the
form refuses, sets exactly what the form sets, and leaves only odd values to the form."""

import random
import uuid
from datetime import timedelta

import pytest

from buurtlog.api import services
from buurtlog.api.views import _payload_form
from buurtlog.bounds import unstorable
from buurtlog.entries import rules
from buurtlog.models import NOTE_MAX, Area, utcnow
from tests.conftest import days_ago_in_amsterdam

FIELDS_SEEN = (
    "id",
    "occurred_at",
    "place",
    "area",
    "setting",
    "kind",
    "themes",
    "contact_type",
    "initiated_by",
    "follow_up",
    "people",
    "first_contact",
    "underlying_question",
    "note",
    "privacy_confirmed",
)
ABSENT = object()


@pytest.fixture
def world(make_area, make_place, make_theme, db):
    """Make areas and places in use and retired, and themes in use, sensitive and retired."""
    wijk = make_area("wijk")
    buurt = make_area("buurt", parent=wijk)
    closed = make_area("buurt", parent=wijk)
    closed.active = False
    place = make_place(area=buurt)
    retired_place = make_place(area=buurt, active=False)
    closed_place = make_place(area=closed)
    db.session.commit()
    gemeente = db.session.get(Area, wijk.parent_id)
    for slug, sensitive, active in (
        ("eenzaamheid", False, True),
        ("spelen", False, True),
        ("verslaving", True, True),
        ("oud", False, False),
    ):
        make_theme(slug, sensitive=sensitive, active=active)
    return {
        "place": place.id,
        "retired_place": retired_place.id,
        "closed_place": closed_place.id,
        "wijk": wijk.code,
        "buurt": buurt.code,
        "closed": closed.code,
        "gemeente": gemeente.code,
    }


def pools(world) -> dict:
    """Return plain and odd values for every field of a sync entry."""
    now = utcnow()
    return {
        "id": [str(uuid.uuid4()), uuid.uuid4().hex, "not-a-uuid", None, 123, ABSENT],
        "occurred_at": [
            ABSENT,
            None,
            "",
            "  ",
            days_ago_in_amsterdam(),
            (now - timedelta(hours=2)).isoformat(),
            "2026-11-20T14:32:05",
            (now + timedelta(days=3)).isoformat(),
            "1999-12-31T23:00:00+00:00",
            "2026-11-20 14:32+00:00",
            "yesterday",
            12345,
        ],
        "place": [
            ABSENT,
            None,
            world["place"],
            world["place"],
            world["retired_place"],
            world["closed_place"],
            99999,
            -1,
            0,
            "1",
            True,
            2.5,
        ],
        "area": [
            ABSENT,
            None,
            world["wijk"],
            world["buurt"],
            world["closed"],
            world["gemeente"],
            "nowhere",
            "",
            "None",
            5,
            ["x"],
        ],
        "setting": ["shop_table", "street", "walk_in", ABSENT, None, "", "beach", 3, ["street"]],
        "kind": ["signal", "contact", "question", "idea", "gossip", ABSENT, "", {"k": 1}],
        "themes": [
            ["eenzaamheid"],
            ["eenzaamheid", "spelen"],
            ["verslaving"],
            [],
            ["eenzaamheid", "eenzaamheid"],
            ["oud"],
            ["onbekend"],
            "eenzaamheid",
            [1],
            [""],
            ABSENT,
            None,
        ],
        "contact_type": [ABSENT, None, "resident", "group", "alien", "", 1],
        "initiated_by": [ABSENT, None, "worker", "appointment", "cat", ""],
        "follow_up": [ABSENT, None, "none", "refer", "urgent", "later", ""],
        "people": [ABSENT, 1, 3, 500, 0, 501, -2, "3", True, 2.5, None],
        "first_contact": [ABSENT, True, False, "yes", None, 1],
        "underlying_question": [
            ABSENT,
            None,
            "",
            "   ",
            "Waar kan ik terecht?",
            "  Wie helpt?  ",
            "x" * 300,
            "x" * 301,
            "Bel mw. Jansen op 06-12345678",
            7,
        ],
        "note": [
            ABSENT,
            None,
            "",
            "Zoekt een plek om samen te eten.",
            "x" * 1000,
            "x" * 1001,
            "Mevrouw Jansen is de naam van de kat.",
            ["a"],
        ],
        "privacy_confirmed": [ABSENT, False, True, "y", None],
    }


def payloads(world, count: int, seed: int):
    """Yield entries mixing plain and odd values, mostly plain ones."""
    rng, values = random.Random(seed), pools(world)
    plain = {
        "id": None,
        "occurred_at": days_ago_in_amsterdam(),
        "place": world["place"],
        "setting": "shop_table",
        "kind": "signal",
        "themes": ["eenzaamheid"],
        "note": "Zoekt een plek om samen te eten.",
    }
    for n in range(count):
        item = {**plain, "id": str(uuid.uuid4())}
        odd = rng.sample(FIELDS_SEEN, rng.choice((0, 1, 1, 2, 3, 6)))
        for name in odd:
            value = rng.choice(values[name])
            if value is ABSENT:
                item.pop(name, None)
            else:
                item[name] = value
        yield item if n % 97 else [item]  # now and then not even an object


def odd(item) -> bool:
    """Tell whether an entry holds a value only the form knows how to take."""
    if not isinstance(item, dict):
        return False
    themes = item.get("themes")
    return (
        item.get("area") in ("", "None")
        or (
            isinstance(item.get("occurred_at"), str)
            and item["occurred_at"] != ""
            and not item["occurred_at"].strip()
        )
        or (isinstance(themes, list) and len(set(map(str, themes))) != len(themes))
    )


def comparable(values: dict) -> dict:
    """Leave out the time of arrival of an entry sent without a time."""
    return {k: v for k, v in values.items() if values["timed"] or k != "occurred_at"}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_sync_reading_agrees_with_the_log_form(app, world, seed):
    """Accept only what the form accepts, with the same values; leave only odd values to it."""
    quick = form_only = 0
    with app.test_request_context(headers={"Accept-Language": "en"}):
        ref, form = rules.reference(), _payload_form()
        for item in payloads(world, 1500, seed):
            checked = rules.check(item, ref)
            judged, refused = services._judged_by_form(item, form)
            if checked is not None:
                assert refused is None, (item, refused)
                assert comparable(checked) == comparable(judged), item
                quick += 1
            elif refused is None:
                assert odd(item), item
                form_only += 1
    assert quick > 300  # most entries are plain; the quick check takes those


def test_the_rules_word_each_error(app, clock):
    """Name what is wrong, for the form and the sync alike; None when all is well."""
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert rules.place_error(None, {1}) is None and rules.place_error(1, {1}) is None
        assert str(rules.place_error(2, {1})) == "This place is unknown or no longer in use."
        assert rules.area_error(None, 1, {"w1"}) is None
        assert str(rules.area_error("w2", 1, {"w1"})) == "This area is unknown or no longer in use."
        assert str(rules.area_error(None, None, {"w1"})) == "Choose a place or a neighbourhood."
        assert rules.themes_error([], "contact", {"geld"}) is None
        assert str(rules.themes_error([], "signal", {"geld"})) == "Choose at least one theme."
        assert (
            str(rules.themes_error(["geld", "x", "y"], "signal", {"geld"}))
            == "Unknown or retired theme: x, y"
        )
        now = utcnow()
        assert rules.moment_error(now + timedelta(hours=23)) is None
        assert (
            str(rules.moment_error(now + timedelta(hours=25)))
            == "That is more than a day in the future."
        )
        assert (
            str(rules.moment_error(rules.EARLIEST - timedelta(seconds=1)))
            == "That is before the year 2000."
        )
        assert rules.moment_error(rules.EARLIEST) is None


def test_the_privacy_guard_holds_back_until_confirmed():
    """Hold back a text with personal data unless the writer confirmed it; never a clean one."""
    assert rules.held_back("Bel mw. Jansen op 06-12345678", confirmed=False)
    assert not rules.held_back("Bel mw. Jansen op 06-12345678", confirmed=True)
    assert not rules.held_back("Zoekt een plek om samen te eten.", confirmed=False)
    assert not rules.held_back("", confirmed=False)
    assert rules.cleaned_text("  Wie helpt?  ") == "Wie helpt?"
    assert rules.cleaned_text("   ") is None and rules.cleaned_text(None) is None
    assert unstorable("a\x00b") and not unstorable("x" * NOTE_MAX)


def test_reference_holds_what_the_form_offers(app, world):
    """Read the same areas, places and themes in use as the log form's choices."""
    with app.test_request_context():
        ref, form = rules.reference(), _payload_form()
        assert set(ref.areas) == set(form.areas)
        assert {c: i for c, i in ref.areas.items()} == {c: a.id for c, a in form.areas.items()}
        assert ref.places == {i: p.area_id for i, p in form.places.items()}
        assert ref.themes == {s: (t.id, t.sensitive) for s, t in form.theme_by_slug.items()}


@pytest.fixture
def api(client, make_user, make_team, make_place, make_theme, db):
    """Return a client calling the API with a worker's bearer token, and a place to log at."""
    from buurtlog.accounts import services as accounts

    place = make_place()
    make_theme("eenzaamheid")
    worker = make_user(team=make_team(areas=[place.area.parent]))
    token = accounts.issue_token(worker)
    db.session.commit()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    client.place_id = place.id
    return client


@pytest.mark.parametrize(
    "note, second", [("Zelfde tekst.", "duplicate"), ("Andere tekst.", "conflict")]
)
def test_the_same_id_twice_in_one_batch_is_saved_once(api, db, note, second):
    """Save the first; answer the second as a duplicate, or a conflict when it differs."""
    from sqlalchemy import func, select

    from buurtlog.models import Entry

    item = {
        "id": str(uuid.uuid4()),
        "place": api.place_id,
        "setting": "street",
        "kind": "signal",
        "themes": ["eenzaamheid"],
        "note": "Zelfde tekst.",
    }
    response = api.post("/api/v1/entries", json={"entries": [item, {**item, "note": note}]})
    assert [r["status"] for r in response.get_json()["results"]] == ["created", second]
    assert db.session.scalar(select(func.count()).select_from(Entry)) == 1
