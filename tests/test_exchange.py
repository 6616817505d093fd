"""Help across wijken: adding offers and requests, privacy, the matching rule, confirmation by
both workers, declining, and the audit of changes to others' records."""

import pytest
from sqlalchemy import func, select

from buurtlog.exchange import services
from buurtlog.models import AuditEvent, ExchangeItem, ExchangeMatch
from tests.conftest import signing_in


@pytest.fixture
def town(make_area, make_team, make_user, make_theme):
    """Make two gemeenten: Havenstad (Kanaalzone, De Weiden) and Elders (Dorp); two teams."""
    haven = make_area("gemeente", name="Havenstad")
    elders = make_area("gemeente", name="Elders")
    kanaal = make_area("wijk", name="Kanaalzone", parent=haven)
    weiden = make_area("wijk", name="De Weiden", parent=haven)
    dorp = make_area("wijk", name="Dorp", parent=elders)
    zuid = make_team("Team Zuid", areas=[kanaal, weiden])
    noord = make_team("Team Noord", areas=[dorp])
    return {
        "kanaal": kanaal,
        "weiden": weiden,
        "dorp": dorp,
        "zuid": zuid,
        "noord": noord,
        "sanne": make_user("worker", team=zuid, name="Sanne Visser"),
        "lotte": make_user("worker", team=zuid, name="Lotte Bakker"),
        "fatma": make_user("worker", team=noord, name="Fatma Yilmaz"),
        "marieke": make_user("coordinator", team=zuid, name="Marieke de Boer"),
        "erik": make_user("coordinator", team=noord, name="Erik Jansen"),
        "eenzaam": make_theme("eenzaamheid", name_nl="Eenzaamheid", name_en="Loneliness"),
        "geld": make_theme("geld", name_nl="Geld", name_en="Money"),
        "geweld": make_theme(
            "geweld", sensitive=True, name_nl="Huiselijk geweld", name_en="Domestic violence"
        ),
    }


@pytest.fixture
def item(db, town):
    """Return a factory for exchange items held by a worker of the town."""

    def make(
        kind,
        worker="sanne",
        wijk="kanaal",
        theme="eenzaam",
        outside=False,
        description="wil maatje zijn",
        status="open",
    ):
        holder = town[worker]
        row = ExchangeItem(
            kind=kind,
            description=description,
            theme=town[theme],
            area=town[wijk],
            outside_own_wijk=outside,
            worker=holder,
            team=holder.team,
            status=status,
        )
        db.session.add(row)
        db.session.commit()
        return row

    return make


@pytest.fixture
def as_user(client, auth, town):
    """Sign the client in as one of the town's people (by key), reading English."""
    return signing_in(client, auth, town)


def pairs(theme=None, user=None):
    """Return the suggested pairs as (offer id, request id)."""
    return [(o.id, r.id) for o, r in services.suggestions(theme_id=theme, user=user)]


# Adding an item, and the privacy guard


def test_worker_adds_an_offer(db, town, as_user):
    """Save an offer with theme, wijk and the wish to be matched elsewhere; the worker holds it."""
    client = as_user("sanne")
    response = client.post(
        "/exchange/new",
        data={
            "kind": "offer",
            "description": "Wil maatje zijn voor een oudere",
            "theme": town["eenzaam"].id,
            "area": town["kanaal"].id,
            "outside_own_wijk": "y",
        },
    )
    assert response.status_code == 302
    saved = db.session.scalars(select(ExchangeItem)).one()
    assert (
        saved.kind,
        saved.theme,
        saved.area,
        saved.outside_own_wijk,
        saved.worker,
        saved.team,
        saved.status,
    ) == ("offer", town["eenzaam"], town["kanaal"], True, town["sanne"], town["zuid"], "open")


@pytest.mark.parametrize(
    "text",
    [
        "Bel haar op 06-12345678",
        "mail naar jan@example.org",
        "woont op Kerkstraat 12",
        "postcode 3511 AB",
    ],
)
def test_contact_details_are_refused_even_when_confirmed(db, town, as_user, text):
    """Refuse phone numbers, e-mail addresses and addresses outright: the worker is the contact."""
    client = as_user("sanne")
    response = client.post(
        "/exchange/new",
        data={
            "kind": "request",
            "description": text,
            "theme": town["geld"].id,
            "area": town["kanaal"].id,
            "privacy_confirmed": "y",
        },
    )
    assert response.status_code == 400
    assert "you are the contact point" in response.get_data(as_text=True)
    assert db.session.scalars(select(ExchangeItem)).all() == []


def test_a_name_needs_confirmation(db, town, as_user):
    """Hold back what looks like a name until the worker confirms it is none."""
    client = as_user("sanne")
    data = {
        "kind": "request",
        "description": "Mevrouw Jansen zoekt hulp met post",
        "theme": town["geld"].id,
        "area": town["kanaal"].id,
    }
    response = client.post("/exchange/new", data=data)
    assert response.status_code == 400
    assert "looks like a name" in response.get_data(as_text=True)
    assert db.session.scalars(select(ExchangeItem)).all() == []
    assert client.post("/exchange/new", data={**data, "privacy_confirmed": "y"}).status_code == 302


@pytest.mark.parametrize("field, value", [("theme", "999999"), ("area", "abc"), ("kind", "gift")])
def test_bad_input_is_a_form_error(db, town, as_user, field, value):
    """Answer unknown themes, wijken and kinds with a form error, never a 500."""
    data = {
        "kind": "offer",
        "description": "kan helpen met administratie",
        "theme": town["geld"].id,
        "area": town["kanaal"].id,
        field: value,
    }
    assert as_user("sanne").post("/exchange/new", data=data).status_code == 400
    assert db.session.scalars(select(ExchangeItem)).all() == []


def test_list_shows_every_team_but_hides_sensitive_descriptions(db, town, item, as_user):
    """Show all teams' open items with the worker as contact; sensitive text only to the allowed."""
    item("offer", worker="fatma", wijk="dorp", description="kan helpen met administratie")
    item(
        "request", worker="sanne", theme="geweld", description="zoekt een veilige plek om te praten"
    )
    item("offer", worker="lotte", status="closed", description="gesloten aanbod")
    page = as_user("fatma").get("/exchange/").get_data(as_text=True)
    assert "kan helpen met administratie" in page and "Fatma Yilmaz" in page
    assert "Sanne Visser" in page and "Team Zuid" in page
    assert "zoekt een veilige plek" not in page
    assert "gesloten aanbod" not in page
    for allowed in ("sanne", "marieke"):
        assert "zoekt een veilige plek" in as_user(allowed).get("/exchange/").get_data(as_text=True)
    for refused in ("lotte", "erik"):
        assert "zoekt een veilige plek" not in as_user(refused).get("/exchange/").get_data(
            as_text=True
        )
    views = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "exchange.viewed_sensitive")
    ).all()
    assert [v.actor for v in views] == [town["marieke"]]  # the holder's own view is no event


# The matching rule


def test_same_wijk_pairs_only_when_neither_asked_for_outside(town, item):
    """Never pair inside the own wijk when either side asked to be matched outside it."""
    offer_plain = item("offer", wijk="kanaal")
    offer_away = item("offer", wijk="kanaal", outside=True)
    request_plain = item("request", worker="lotte", wijk="kanaal")
    request_away = item("request", worker="lotte", wijk="kanaal", outside=True)
    found = set(pairs())
    assert (offer_plain.id, request_plain.id) in found
    assert (offer_plain.id, request_away.id) not in found
    assert (offer_away.id, request_plain.id) not in found
    assert (offer_away.id, request_away.id) not in found


def test_across_wijken_always_and_ordered_neighbours_first(town, item):
    """Pair across wijken even when asked; neighbouring wijk, then own wijk, then elsewhere."""
    wanted = item("request", worker="sanne", wijk="kanaal")
    far = item("offer", worker="fatma", wijk="dorp", outside=True)
    own = item("offer", worker="lotte", wijk="kanaal")
    near = item("offer", worker="lotte", wijk="weiden", outside=True)
    assert pairs() == [(near.id, wanted.id), (own.id, wanted.id), (far.id, wanted.id)]


def test_oldest_request_first_within_a_group(town, item):
    """Put the oldest request first among equally close pairs."""
    older = item("request", worker="sanne", wijk="kanaal")
    newer = item("request", worker="sanne", wijk="kanaal")
    offer = item("offer", worker="lotte", wijk="weiden")
    assert pairs() == [(offer.id, older.id), (offer.id, newer.id)]


def test_only_same_theme_open_and_held_items(db, town, item):
    """Leave out other themes, closed items and items whose worker left."""
    wanted = item("request", wijk="kanaal")
    item("offer", worker="lotte", wijk="weiden", theme="geld")
    item("offer", worker="lotte", wijk="weiden", status="closed")
    orphan = item("offer", worker="fatma", wijk="dorp")
    orphan.worker = None
    db.session.commit()
    assert pairs() == []
    good = item("offer", worker="fatma", wijk="dorp")
    assert pairs() == [(good.id, wanted.id)]


def test_proposing_a_forbidden_pair_is_refused(db, town, item, as_user):
    """Refuse a same-wijk pair that was asked to be matched elsewhere, even when posted by hand."""
    offer = item("offer", worker="lotte", wijk="kanaal")
    wanted = item("request", worker="sanne", wijk="kanaal", outside=True)
    response = as_user("marieke").post(
        "/exchange/matches/propose", data={"offer": offer.id, "request": wanted.id}
    )
    assert response.status_code == 400
    assert db.session.scalars(select(ExchangeMatch)).all() == []


@pytest.mark.parametrize(
    "data", [{}, {"offer": "x", "request": "1"}, {"offer": "999999", "request": "999998"}]
)
def test_proposing_nonsense_is_a_400(town, as_user, data):
    """Answer missing, malformed or unknown ids with 400, never a 500."""
    assert as_user("sanne").post("/exchange/matches/propose", data=data).status_code == 400


# Confirmation by both workers, and declining


def test_match_needs_both_workers(db, town, item, as_user):
    """Propose by a third person; each worker confirms their side; then both items are matched."""
    offer = item("offer", worker="fatma", wijk="dorp")
    wanted = item("request", worker="sanne", wijk="kanaal")
    assert (
        as_user("marieke")
        .post("/exchange/matches/propose", data={"offer": offer.id, "request": wanted.id})
        .status_code
        == 302
    )
    match = db.session.scalars(select(ExchangeMatch)).one()
    assert match.status == "proposed" and match.proposed_by == town["marieke"]
    # Someone else cannot confirm it; it does not even exist for them.
    assert as_user("lotte").post(f"/exchange/matches/{match.id}/confirm").status_code == 404
    assert "Waiting for your confirmation" in as_user("sanne").get("/exchange/mine").get_data(
        as_text=True
    )
    as_user("sanne").post(f"/exchange/matches/{match.id}/confirm")
    db.session.expire_all()
    assert match.status == "proposed" and match.request_confirmed_at is not None
    assert match.offer_confirmed_at is None and offer.status == wanted.status == "open"
    as_user("fatma").post(f"/exchange/matches/{match.id}/confirm")
    db.session.expire_all()
    assert match.status == "confirmed"
    assert offer.status == wanted.status == "matched"
    page = as_user("sanne").get("/exchange/mine").get_data(as_text=True)
    assert town["fatma"].email in page
    assert pairs() == []


def test_holder_who_proposes_confirms_own_side(db, town, item, as_user):
    """Count the proposing holder's side as confirmed; the other worker still has to agree."""
    offer = item("offer", worker="fatma", wijk="dorp")
    wanted = item("request", worker="sanne", wijk="kanaal")
    as_user("sanne").post(
        "/exchange/matches/propose", data={"offer": offer.id, "request": wanted.id, "next": "mine"}
    )
    match = db.session.scalars(select(ExchangeMatch)).one()
    assert match.request_confirmed_at is not None and match.offer_confirmed_at is None
    assert match.status == "proposed"
    as_user("fatma").post(f"/exchange/matches/{match.id}/confirm")
    db.session.expire_all()
    assert match.status == "confirmed"


def test_either_worker_can_decline(db, town, item, as_user):
    """Decline a proposal: the items stay open and the pair is not suggested again."""
    offer = item("offer", worker="fatma", wijk="dorp")
    wanted = item("request", worker="sanne", wijk="kanaal")
    as_user("sanne").post(
        "/exchange/matches/propose", data={"offer": offer.id, "request": wanted.id}
    )
    match = db.session.scalars(select(ExchangeMatch)).one()
    as_user("fatma").post(f"/exchange/matches/{match.id}/decline")
    db.session.expire_all()
    assert match.status == "declined"
    assert offer.status == wanted.status == "open"
    assert pairs() == []
    response = as_user("sanne").post(f"/exchange/matches/{match.id}/confirm")
    db.session.expire_all()
    assert response.status_code == 302 and match.status == "declined"
    assert (
        db.session.scalars(
            select(AuditEvent.action).where(AuditEvent.object_type == "ExchangeMatch")
        )
        .all()
        .count("exchange.match_declined")
        == 1
    )


def test_confirmed_match_declines_other_proposals(db, town, item, as_user):
    """Decline the other proposals of a request once it is matched."""
    wanted = item("request", worker="sanne", wijk="kanaal")
    first = item("offer", worker="fatma", wijk="dorp")
    second = item("offer", worker="lotte", wijk="weiden")
    for offer in (first, second):
        as_user("sanne").post(
            "/exchange/matches/propose", data={"offer": offer.id, "request": wanted.id}
        )
    one, two = db.session.scalars(select(ExchangeMatch).order_by(ExchangeMatch.id)).all()
    as_user("fatma").post(f"/exchange/matches/{one.id}/confirm")
    db.session.expire_all()
    assert (one.status, two.status, second.status) == ("confirmed", "declined", "open")


def test_coordinator_closes_a_workers_item_audited(db, town, item, as_user):
    """Let a coordinator of the team close a worker's item, in the audit log; others may not."""
    offer = item("offer", worker="sanne")
    assert as_user("erik").post(f"/exchange/{offer.id}/close").status_code == 403
    assert as_user("lotte").post(f"/exchange/{offer.id}/close").status_code == 403
    assert as_user("marieke").post(f"/exchange/{offer.id}/close").status_code == 302
    db.session.expire_all()
    assert offer.status == "closed"
    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "exchange.item_closed")
    ).one()
    assert event.actor == town["marieke"] and event.object_id == str(offer.id)


def test_more_page_links_here(town, as_user):
    """Link the exchange from the "More" page."""
    assert "/exchange/" in as_user("sanne").get("/more").get_data(as_text=True)


# Demo data


def test_demo_has_items_across_wijken_that_pass_the_guard(db, runner):
    """Load a few offers and requests once, free of personal data, with pairs across wijken."""
    from buurtlog.privacy import find_personal_data

    assert runner.invoke(args=["demo"]).exit_code == 0
    items = db.session.scalars(select(ExchangeItem)).all()
    assert len(items) == 7 and len({i.area_id for i in items}) == 4
    for item in items:
        assert not find_personal_data(item.description), item.description
    found = services.suggestions()
    assert found and all(services.pair_allowed(o, r) for o, r in found)
    assert any(
        o.area_id != r.area_id and (o.outside_own_wijk or r.outside_own_wijk) for o, r in found
    )
    assert runner.invoke(args=["demo"]).exit_code == 0
    assert db.session.scalar(select(func.count()).select_from(ExchangeItem)) == 7
