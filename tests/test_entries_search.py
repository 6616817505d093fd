"""Searching My log: words in the note or the question beneath the question, theme, kind, place
and period, across weeks; what the user may read only; the words never in an address."""

import pytest

from buurtlog.models import AuditEvent


@pytest.fixture
def world(make_team, make_user, make_area, make_place, make_theme, make_entry):
    """Give a worker entries over a year, a colleague, and a coordinator of their team."""
    team = make_team()
    buurt = make_area("buurt", name="Smaragdplein")
    me = make_user("worker", team=team)
    colleague = make_user("worker", team=team)
    coordinator = make_user("coordinator", team=team)
    lift = make_place(name="Flat De Hoven", area=buurt)
    spelen = make_theme("spelen-s", name_nl="Spelen")
    wonen = make_theme("wonen-s", name_nl="Wonen")
    geweld = make_theme("geweld-s", sensitive=True, name_nl="Huiselijk geweld")
    entries = {
        "lift": make_entry(
            author=me,
            area=buurt,
            place=lift,
            themes=[wonen],
            days_ago=200,
            note="De LIFT staat weer stil\nal drie weken",
        ),
        "maatje": make_entry(
            author=me,
            area=buurt,
            themes=[spelen],
            kind="idea",
            days_ago=40,
            underlying_question="Wil budgetmaatje worden",
        ),
        "both": make_entry(
            author=me,
            area=buurt,
            themes=[wonen],
            days_ago=3,
            note="Lift kapot",
            underlying_question="budgetmaatje gezocht",
        ),
        "percent": make_entry(
            author=me, area=buurt, themes=[wonen], days_ago=1, note="Huur 10% omhoog"
        ),
        "colleague": make_entry(
            author=colleague, area=buurt, themes=[wonen], days_ago=2, note="lift in de flat"
        ),
        "secret": make_entry(
            author=colleague, area=buurt, themes=[geweld], days_ago=2, note="lift en zorgen thuis"
        ),
    }
    return {
        "me": me,
        "colleague": colleague,
        "coordinator": coordinator,
        "lift": lift,
        "spelen": spelen,
        "entries": entries,
    }


def found(client, **data):
    """Post a search; return the page and the notes and questions it lists."""
    response = client.post("/entries/search", data=data)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"
    return response.get_data(as_text=True)


def shown(page, world, *names):
    """Tell which of the world's entries the page links to."""
    return {name for name, entry in world["entries"].items() if str(entry.id) in page} == set(names)


def test_words_are_found_in_notes_and_questions_across_weeks(client, auth, world):
    """Find "lift" in any case in notes from 200 days ago to now, and every word must occur."""
    auth.login_as(world["me"])
    assert shown(found(client, words="lift"), world, "lift", "both")
    assert shown(found(client, words="Budgetmaatje"), world, "maatje", "both")
    assert shown(found(client, words="lift budgetmaatje"), world, "both")
    assert shown(found(client, words="10%"), world, "percent")  # a wildcard is a character
    assert shown(found(client, words="%"), world, "percent")
    assert shown(found(client, words="_"), world)


def test_theme_kind_place_and_period_narrow_the_search(client, auth, world):
    """Each filter narrows on its own and together with the words."""
    auth.login_as(world["me"])
    assert shown(found(client, theme="spelen-s"), world, "maatje")
    assert shown(found(client, kind="idea"), world, "maatje")
    assert shown(found(client, place=str(world["lift"].id)), world, "lift")
    assert shown(
        found(
            client,
            words="lift",
            start="2000-01-01",
            end=str(world["entries"]["both"].occurred_at.date()),
        ),
        world,
        "lift",
        "both",
    )
    recent = found(client, words="lift", start=str(world["entries"]["maatje"].occurred_at.date()))
    assert shown(recent, world, "both")
    refused = client.post("/entries/search", data={"start": "2026-02-02", "end": "2026-02-01"})
    assert refused.status_code == 400


def test_only_what_the_user_may_read_is_searched(client, auth, world, db):
    """A worker finds only their own; a coordinator's team search finds the team's, the
    sensitive one too, and the audit log records that listing."""
    auth.login_as(world["me"])
    assert shown(found(client, words="lift", scope="team"), world, "lift", "both")
    auth.login_as(world["coordinator"])
    page = found(client, words="lift", scope="team")
    assert shown(page, world, "lift", "both", "colleague", "secret")
    assert db.session.query(AuditEvent).filter_by(action="entry.viewed_sensitive").count() >= 1
    assert shown(found(client, words="lift"), world)  # their own: none


def test_the_words_never_come_from_the_address(client, auth, world):
    """A search is a POST: words in a GET address are not searched, nothing is listed."""
    auth.login_as(world["me"])
    page = client.get("/entries/search?words=lift").get_data(as_text=True)
    assert shown(page, world) and 'method="post"' in page
    assert 'value="lift"' not in page


def test_results_page_past_fifty(client, auth, world, make_entry):
    """Page through many matches, fifty at a time, with the same search."""
    auth.login_as(world["me"])
    for days in range(55):
        make_entry(author=world["me"], days_ago=days, note=f"trap {days}")
    first = found(client, words="trap")
    assert first.count('class="entry-note"') == 50 and 'name="page" value="2"' in first
    second = found(client, words="trap", page="2")
    assert second.count('class="entry-note"') == 5 and 'value="1"' in second


def test_my_log_shows_each_notes_first_line_and_leads_to_the_search(client, auth, world):
    """Show the note's first line on each card of the week, and a way to search all weeks."""
    auth.login_as(world["me"])
    page = client.get("/entries").get_data(as_text=True)
    assert '<span class="entry-note">Lift kapot</span>' in page
    assert 'href="/entries/search"' in page
    week = client.get(f"/entries?week={world['entries']['lift'].occurred_at:%G-W%V}")
    html = week.get_data(as_text=True)
    assert "De LIFT staat weer stil" in html and "al drie weken" not in html
