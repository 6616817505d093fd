"""A coordinator's start: the weekly review, their own actions and the wijk picture first, the
log one tap away; everyone else starts on the log form."""

import re

import pytest

from buurtlog.start import services
from buurtlog.wijk import queries
from buurtlog.wijk.services import themes_by_id
from tests.conftest import PASSWORD, amsterdam
from tests.test_review import as_user, team  # noqa: F401 - Team Zuid, its two wijken

TZ = "Europe/Amsterdam"


@pytest.fixture
def second_week(clock, db, team, make_entry, make_review, as_user):  # noqa: F811
    """Play a team's second week: last Thursday five signals were decided on (two now overdue,
    one owned by a worker who has left) or left open, and the meeting was held; this week three
    more signals came in, one about a sensitive theme, and a strength."""

    def signal(author, area, theme, **fields):
        fields.setdefault("kind", "signal")
        return make_entry(author=team[author], area=team[area], themes=[team[theme]], **fields)

    clock.move_to(amsterdam("2026-10-20T10:00"), tick=False)  # in the four weeks before
    make_entry(author=team["ahmed"], area=team["molen"], themes=[team["armoede"]])
    clock.move_to(amsterdam("2026-11-26T09:00"), tick=False)
    made = {
        key: signal("sanne", "sluis", "spelen", underlying_question=f"Vraag {key}")
        for key in "abce"
    }
    made["d"] = signal("ahmed", "molen", "armoede", underlying_question="Vraag d")
    client = as_user("coordinator")
    for key, owner, due in (
        ("a", "sanne", "2026-11-30"),
        ("b", "coordinator", "2026-12-01"),
        ("c", "coordinator", "2026-12-10"),
        ("d", "lotte", ""),
    ):
        response = client.post(
            f"/review/signals/{made[key].id}",
            data={"version": 0, "status": "action", "owner": team[owner].id, "due_on": due},
        )
        assert response.status_code == 302
    clock.move_to(amsterdam("2026-11-26T11:00"), tick=False)
    make_review(team["team"], days=7)
    team["lotte"].active = False
    db.session.commit()

    clock.move_to(amsterdam("2026-12-03T10:00"), tick=False)
    signal("sanne", "sluis", "spelen")
    signal("ahmed", "sluis", "spelen")
    made["h"] = signal("ahmed", "molen", "geweld")  # sensitive by its theme
    signal("sanne", "sluis", "spelen", kind="strength")
    return made


def text_of(html: str) -> str:
    """Return a page's words without its markup, on one line."""
    return re.sub(r"\s+([,.])", r"\1", re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def test_a_coordinator_signs_in_to_their_start(client, team):  # noqa: F811
    """Land a team's coordinator on the start, the log form one tap away."""
    response = client.post(
        "/login", data={"email": team["coordinator"].email, "password": PASSWORD}
    )
    assert response.status_code == 302 and response.headers["Location"] == "/start"
    page = client.get("/start").get_data(as_text=True)
    assert 'href="/review/"' in page and 'href="/review/mine"' in page and 'href="/"' in page
    assert f'href="/wijk/{team["kanaal"].code}"' in page
    assert f'href="/wijk/{team["weiden"].code}"' in page
    assert 'href="/start" aria-current="page"' in page


@pytest.mark.parametrize(
    "role, in_team", [("worker", True), ("admin", True), ("admin", False), ("coordinator", False)]
)
def test_everyone_else_starts_on_the_log_form(client, make_user, make_team, role, in_team):
    """Sign workers, admins and a coordinator without a team in to the log form, and send
    them there from the start, which names no start in their navigation."""
    user = make_user(role, team=make_team() if in_team else None)
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.headers["Location"] == "/"
    assert client.get("/start").headers["Location"] == "/"
    page = client.get("/").get_data(as_text=True)
    assert 'href="/start"' not in page and 'href="/entries"' in page


def test_the_start_counts_the_second_week(second_week, as_user, team):  # noqa: F811
    """Count this week's signals with the one carried over, the overdue ones, the one whose
    owner left, the coordinator's own actions and each wijk's contacts and themes."""
    client = as_user("coordinator")
    page = text_of(client.get("/start").get_data(as_text=True))
    assert "Since 26 Nov · the last meeting: 4 signals, 4 not discussed yet" in page
    assert "2 overdue · 1 needs a new owner" in page
    assert "is running" not in page
    review = text_of(client.get("/review/").get_data(as_text=True))
    assert "· 4 signals" in review  # the review page counts the same
    assert "My actions 2" in page and "Due: 1 Dec — overdue" in page and "Due: 10 Dec" in page
    assert "All my actions · 1 overdue" in page
    assert "Kanaalzone 7 contacts (before: 0) Play 7" in page
    assert "De Weiden 2 contacts (before: 1)" in page
    assert "Domestic violence 1" in page and "Poverty 1" in page


def test_a_running_meeting_shows_on_the_start(second_week, as_user, team):  # noqa: F811
    """Say so when the team's meeting is running."""
    client = as_user("coordinator")
    assert (
        client.post(
            "/review/start", data={"held_on": "2026-12-03", "attendees": [team["coordinator"].id]}
        ).status_code
        == 302
    )
    page = text_of(client.get("/start").get_data(as_text=True))
    assert "The meeting of 3 December is running." in page


def test_a_sensitive_theme_is_named_only_for_those_who_may_see_it(second_week, team, app):  # noqa: F811
    """Fold the sensitive theme into "Sensitive" for a worker, as the wijk page does, and
    name it for the team's coordinator."""
    with app.test_request_context(headers={"Accept-Language": "en"}):
        period = services.wijk_period(amsterdam("2026-12-03T10:00").date(), TZ)
        themes = themes_by_id()
        seen = {
            key: dict(services.wijk_glance(team[key], team["weiden"], period, TZ, themes).themes)
            for key in ("sanne", "coordinator")
        }
    assert seen["sanne"] == {themes[queries.SENSITIVE]: 1, team["armoede"]: 1}
    assert seen["coordinator"] == {team["geweld"]: 1, team["armoede"]: 1}


def test_the_start_is_in_a_coordinators_navigation_and_their_log_under_more(as_user):  # noqa: F811
    """Put the start first in a coordinator's navigation and their own log under "More",
    so four destinations still fit a phone."""
    client = as_user("coordinator")
    nav = client.get("/").get_data(as_text=True)
    nav = nav[nav.index('class="mainnav"') : nav.index("</nav>", nav.index('class="mainnav"'))]
    assert nav.count("<li>") == 4 and nav.index('href="/start"') < nav.index('href="/"')
    assert 'href="/entries"' in client.get("/more").get_data(as_text=True)
