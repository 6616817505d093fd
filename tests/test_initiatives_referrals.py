"""Referrals (from entries with one tap, and counted from walk-in check-ins too) and the
opportunities for a collective approach on a made-up data set with known gaps."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from buurtlog.initiatives import gaps, referrals, services
from buurtlog.models import AuditEvent, CheckIn, Entry, Referral, WalkInSession, utcnow

TZ = "Europe/Amsterdam"


@pytest.fixture
def town(make_area, make_team, make_user, make_theme, make_place):
    """Make a gemeente with wijken A and B (one team) and C (another), with themes."""
    a = make_area("wijk", name="Wijk A")
    b = make_area("wijk", name="Wijk B", parent=a.parent)
    c = make_area("wijk", name="Wijk C", parent=a.parent)
    buurt_a, buurt_b, buurt_c = (make_area("buurt", parent=w) for w in (a, b, c))
    team = make_team(areas=[a, b, buurt_a, buurt_b])
    other = make_team(areas=[c, buurt_c])
    names = ("spelen", "geld", "eenzaamheid", "taal", "groen")
    themes = {slug: make_theme(slug=slug) for slug in names}
    themes["geheim"] = make_theme(slug="geheim", sensitive=True)
    return {
        "a": a,
        "b": b,
        "c": c,
        "buurt_a": buurt_a,
        "buurt_b": buurt_b,
        "buurt_c": buurt_c,
        "team": team,
        "other": other,
        "themes": themes,
        "worker": make_user("worker", team=team),
        "coordinator": make_user("coordinator", team=team),
        "stranger": make_user("worker", team=other),
        "place": make_place(area=buurt_a),
    }


def _entries(make_entry, author, area, theme, count, kind="signal", days_ago=3, **fields):
    """Make `count` entries of one kind and theme in an area."""
    return [
        make_entry(author=author, area=area, themes=[theme], kind=kind, days_ago=days_ago, **fields)
        for _ in range(count)
    ]


@pytest.fixture
def known_gaps(town, make_entry, make_initiative):
    """Lay out signals and initiatives whose gaps are known by construction."""
    t, w = town["themes"], town["worker"]
    _entries(make_entry, w, town["buurt_a"], t["spelen"], 6)  # gap: nothing for play
    _entries(make_entry, w, town["buurt_a"], t["geld"], 4)  # covered via the gemeente
    _entries(make_entry, w, town["a"], t["geld"], 2, kind="question")
    _entries(make_entry, w, town["buurt_a"], t["eenzaamheid"], 3)  # gap: only paused here
    _entries(make_entry, w, town["a"], t["eenzaamheid"], 2, kind="question")
    _entries(make_entry, w, town["buurt_a"], t["taal"], 4)  # too few
    _entries(make_entry, w, town["buurt_a"], t["groen"], 6, kind="strength")  # no signals
    _entries(make_entry, w, town["buurt_b"], t["taal"], 2)  # too few in the last 13 weeks...
    _entries(make_entry, w, town["buurt_b"], t["taal"], 3, days_ago=100)  # ...these are older
    _entries(make_entry, w, town["buurt_b"], t["eenzaamheid"], 5)  # covered via a buurt of B
    _entries(make_entry, w, town["buurt_b"], t["geheim"], 5)  # gap, sensitive
    _entries(make_entry, town["stranger"], town["buurt_c"], t["spelen"], 6)  # not our wijk
    make_initiative(name="Budgetmaatjes", areas=[town["a"].parent], themes=[t["geld"]])
    make_initiative(name="Koffie B", areas=[town["buurt_b"]], themes=[t["eenzaamheid"]])
    make_initiative(name="Koffie A", areas=[town["a"]], themes=[t["eenzaamheid"]], status="paused")
    make_initiative(name="Taalcafé oud", areas=[town["b"]], themes=[t["taal"]], status="ended")
    return town


def _rows(found):
    """Return gaps as (wijk, theme slug, signals, questions)."""
    return [(g.wijk.name, g.theme.slug, g.signals, g.questions) for g in found]


def test_the_gap_list_holds_exactly_the_known_gaps(app, known_gaps):
    """Find play and loneliness in A for a worker; the sensitive gap in B only for coordinators."""
    assert _rows(gaps.for_user(known_gaps["worker"])) == [
        ("Wijk A", "spelen", 6, 0),
        ("Wijk A", "eenzaamheid", 3, 2),
    ]
    assert _rows(gaps.for_user(known_gaps["coordinator"])) == [
        ("Wijk A", "spelen", 6, 0),
        ("Wijk A", "eenzaamheid", 3, 2),
        ("Wijk B", "geheim", 5, 0),
    ]
    lonely = gaps.for_user(known_gaps["worker"])[1]
    assert [i.name for i in lonely.elsewhere] == ["Koffie B"]  # active, serving another wijk


def test_an_admin_sees_a_sensitive_gap_only_where_they_coordinate(app, known_gaps, make_user):
    """Show an admin every wijk's gaps, but a sensitive theme only in the wijken of a team they
    coordinate: an admin reads no other team's sensitive entries (issue 22)."""
    a = [("Wijk A", "spelen", 6, 0), ("Wijk A", "eenzaamheid", 3, 2)]
    c = [("Wijk C", "spelen", 6, 0)]
    assert _rows(gaps.for_user(make_user("admin"))) == a + c
    assert _rows(gaps.for_user(make_user("admin", team=known_gaps["other"]))) == a + c
    assert _rows(gaps.for_user(make_user("admin", team=known_gaps["team"]))) == [
        *a,
        ("Wijk B", "geheim", 5, 0),
        *c,
    ]


def test_an_active_initiative_closes_a_gap(app, known_gaps, make_initiative):
    """Take a gap off the list once an active initiative with its theme serves the wijk."""
    make_initiative(
        name="Speeltuin", areas=[known_gaps["buurt_a"]], themes=[known_gaps["themes"]["spelen"]]
    )
    assert _rows(gaps.for_user(known_gaps["worker"])) == [("Wijk A", "eenzaamheid", 3, 2)]


def test_the_counts_follow_every_change_of_an_entry_in_the_wijken(app, known_gaps, make_entry, db):
    """Count anew on every view (nothing is kept per process, issue 19): an entry in the
    wijken added, changed (its themes alone too) or deleted shows at once, whichever team
    logged it; an entry elsewhere changes nothing."""
    t, w = known_gaps["themes"], known_gaps["worker"]
    worker = known_gaps["worker"]
    assert ("Wijk A", "taal", 4, 0) not in _rows(gaps.for_user(worker))

    fifth = make_entry(
        author=known_gaps["stranger"], area=known_gaps["buurt_a"], themes=[t["taal"]], days_ago=1
    )  # another team, in our wijk
    assert ("Wijk A", "taal", 5, 0) in _rows(gaps.for_user(worker))

    fifth.themes = [t["groen"]]  # the themes alone, as the edit form saves them
    fifth.updated_at = utcnow()
    db.session.commit()
    assert ("Wijk A", "taal", 5, 0) not in _rows(gaps.for_user(worker))

    _entries(make_entry, w, known_gaps["buurt_a"], t["spelen"], 1)
    assert ("Wijk A", "spelen", 7, 0) in _rows(gaps.for_user(worker))
    older = db.session.scalars(
        select(Entry).where(
            Entry.occurred_at < utcnow() - timedelta(days=2),
            Entry.themes.contains(t["spelen"]),
            Entry.area == known_gaps["buurt_a"],
        )
    ).first()
    db.session.delete(older)  # not the entry changed last: only the count tells
    db.session.commit()
    assert ("Wijk A", "spelen", 6, 0) in _rows(gaps.for_user(worker))

    before = _rows(gaps.for_user(worker))
    make_entry(author=known_gaps["stranger"], area=known_gaps["buurt_c"], themes=[t["taal"]])
    assert _rows(gaps.for_user(worker)) == before  # not in our wijken


def test_gap_page_and_review_card(app, client, auth, known_gaps):
    """Show the gaps as counts on their page and as a card in the weekly review."""
    auth.login_as(known_gaps["worker"])
    page = client.get("/initiatives/kansen").get_data(as_text=True)
    assert "Wijk A" in page and known_gaps["themes"]["spelen"].name_nl in page
    assert known_gaps["themes"]["geheim"].name_nl not in page
    review = client.get("/review/").get_data(as_text=True)
    assert re.search(r'id="opportunities-title">[^<]*<span class="count">\(2\)</span>', review)
    auth.login_as(known_gaps["coordinator"])
    assert known_gaps["themes"]["geheim"].name_nl in client.get("/initiatives/kansen").get_data(
        as_text=True
    )


def test_two_wijken_of_one_name_keep_their_own_gaps(app, client, auth, known_gaps, make_user, db):
    """Show a wijk's gaps under its own heading even when another wijk has the same name
    (two municipalities may both have a "Centrum"): grouped by wijk, not by name."""
    known_gaps["c"].name = "Wijk A"
    db.session.commit()
    admin = make_user("admin")
    grouped = gaps.by_wijk(gaps.for_user(admin))
    expected = {known_gaps["a"].id: ["spelen", "eenzaamheid"], known_gaps["c"].id: ["spelen"]}
    assert [(w.id, [g.theme.slug for g in rows]) for w, rows in grouped] == sorted(
        expected.items()
    )  # the same name: by id
    auth.login_as(admin)
    page = client.get("/initiatives/kansen").get_data(as_text=True)
    assert page.count('<h2 id="gap-') == 2
    assert f'id="gap-{known_gaps["a"].code}"' in page and f'id="gap-{known_gaps["c"].code}"' in page


def test_the_picker_suggests_fitting_initiatives_first(app, town, make_entry, make_initiative):
    """Put theme and wijk matches first, then theme, then wijk; leave paused ones out."""
    t = town["themes"]
    entry = make_entry(author=town["worker"], area=town["buurt_a"], themes=[t["geld"]])
    make_initiative(name="Zzz both", areas=[town["a"].parent], themes=[t["geld"]])
    make_initiative(name="Aaa theme only", areas=[town["c"]], themes=[t["geld"]])
    make_initiative(name="Bbb wijk only", areas=[town["a"]], themes=[t["groen"]])
    make_initiative(name="Ccc neither", areas=[town["c"]], themes=[t["groen"]])
    make_initiative(name="Ddd paused", areas=[town["a"]], themes=[t["geld"]], status="paused")
    suggested, others = referrals.suggestions(entry)
    assert [i.name for i in suggested] == ["Zzz both", "Aaa theme only", "Bbb wijk only"]
    assert [i.name for i in others] == ["Ccc neither"]


def test_refer_an_entry_with_one_tap_once(app, client, auth, town, make_entry, make_initiative, db):
    """Create one referral per tap and initiative; a second tap changes nothing; undo works."""
    entry = make_entry(
        author=town["worker"],
        area=town["buurt_a"],
        themes=[town["themes"]["geld"]],
        follow_up="refer",
    )
    buddies = make_initiative(
        name="Budgetmaatjes", areas=[town["a"]], themes=[town["themes"]["geld"]]
    )
    auth.login_as(town["worker"])
    page = client.get(f"/initiatives/refer/{entry.id}").get_data(as_text=True)
    assert f'name="initiative" value="{buddies.id}"' in page
    url = f"/initiatives/refer/{entry.id}"
    assert client.post(url, data={"initiative": buddies.id}).status_code == 302
    assert client.post(url, data={"initiative": buddies.id}).status_code == 302
    rows = db.session.scalars(select(Referral)).all()
    assert len(rows) == 1
    assert (rows[0].entry_id, rows[0].team_id, rows[0].created_by_id) == (
        entry.id,
        town["team"].id,
        town["worker"].id,
    )
    assert client.post(url, data={"initiative": 999999}).status_code == 400
    auth.login_as(town["stranger"])  # another team cannot see the entry, nor undo
    assert client.get(url).status_code == 404
    assert client.post(f"/initiatives/referrals/{rows[0].id}/undo").status_code == 404
    auth.login_as(town["worker"])
    assert client.post(f"/initiatives/referrals/{rows[0].id}/undo").status_code == 302
    db.session.expire_all()
    assert db.session.scalars(select(Referral)).all() == []


def test_refer_entries_are_offered_from_the_log(app, client, auth, town, make_entry):
    """Link an entry to be referred from the own log and its edit page."""
    entry = make_entry(author=town["worker"], area=town["buurt_a"], follow_up="refer")
    plain = make_entry(author=town["worker"], area=town["buurt_a"])
    auth.login_as(town["worker"])
    log = client.get("/entries").get_data(as_text=True)
    assert f"/initiatives/refer/{entry.id}" in log and f"/initiatives/refer/{plain.id}" not in log
    assert f"/initiatives/refer/{plain.id}" in client.get(f"/entries/{plain.id}").get_data(
        as_text=True
    )


def test_saving_a_refer_entry_without_javascript_opens_the_picker(app, client, auth, town, db):
    """Send a worker who saved an entry to be referred straight to the picker."""
    auth.login_as(town["worker"])
    response = client.post(
        "/",
        data={
            "place": town["place"].id,
            "area": "",
            "setting": "shop_table",
            "kind": "question",
            "themes": [town["themes"]["geld"].slug],
            "contact_type": "resident",
            "people": "1",
            "first_contact": "known",
            "initiated_by": "resident",
            "follow_up": "refer",
            "occurred_at": "",
            "underlying_question": "",
            "note": "",
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/initiatives/refer/")


def _check_in(db, town, undone=False, days_ago=0):
    """Make a walk-in visitor, as the walk-in tally records one."""
    session = WalkInSession(team=town["team"], place=town["place"], host=town["worker"])
    check_in = CheckIn(
        session=session,
        visitor="new",
        occurred_at=utcnow() - timedelta(days=days_ago),
        undone_at=utcnow() if undone else None,
    )
    db.session.add_all([session, check_in])
    db.session.commit()
    return check_in


def test_referrals_per_month_count_entries_and_check_ins(
    app, client, auth, town, make_entry, make_initiative, make_referral, db
):
    """Count this month's referrals from entries and check-ins; skip undone and old ones."""
    initiative = make_initiative(name="Taalcafé", areas=[town["a"]])
    for _ in range(2):
        make_referral(
            initiative, entry=make_entry(author=town["worker"]), created_by=town["worker"]
        )
    for _ in range(3):
        make_referral(initiative, check_in=_check_in(db, town), created_by=town["worker"])
    make_referral(initiative, check_in=_check_in(db, town, undone=True))  # undone on the tally
    make_referral(initiative, entry=make_entry(author=town["worker"]), days_ago=400)  # too old
    today = services.local_today()
    months = referrals.per_month(initiative, today, TZ)
    assert len(months) == 12 and months[-1][0] == today.replace(day=1)
    assert months[-1][1:] == (2, 3)
    assert sum(e + c for _, e, c in months) == 5
    auth.login_as(town["worker"])
    page = client.get(f"/initiatives/{initiative.id}").get_data(as_text=True)
    assert "<td>2</td><td>3</td><td>5</td>" in page
    assert 'class="chart columns"' in page


def test_a_sensitive_entry_is_referred_by_those_allowed_and_audited(
    app, client, auth, town, make_entry, make_user, db
):
    """Hide a colleague's sensitive entry from workers; audit a coordinator's look at it."""
    entry = make_entry(
        author=town["worker"], area=town["buurt_a"], themes=[town["themes"]["geheim"]]
    )
    colleague = make_user("worker", team=town["team"])
    auth.login_as(colleague)
    assert client.get(f"/initiatives/refer/{entry.id}").status_code == 404
    auth.login_as(town["coordinator"])
    assert client.get(f"/initiatives/refer/{entry.id}").status_code == 200
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "entry.viewed_sensitive")
    ).all()
    assert [(e.actor_id, e.object_id) for e in events] == [(town["coordinator"].id, str(entry.id))]
