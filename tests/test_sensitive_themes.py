"""Sensitivity follows the themes (issue 22): marking a theme sensitive, or no longer, applies
to the entries that already carry it, in every view, list, export and audit rule; and counts
show those who may not read sensitive entries how many there are, never which theme."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from buurtlog.models import AuditEvent, utcnow
from buurtlog.wijk import across, queries, services, stats
from tests.conftest import signing_in

TZ = "Europe/Amsterdam"


@pytest.fixture
def town(make_area, make_team, make_user, make_theme):
    """Make Team Zuid (Kanaalzone) and Team Noord (De Weiden) in one gemeente, an admin, and
    themes: Opvoeding not (yet) sensitive, Huiselijk geweld sensitive."""
    gemeente = make_area("gemeente", name="Havenstad")
    kanaal = make_area("wijk", name="Kanaalzone", parent=gemeente)
    weiden = make_area("wijk", name="De Weiden", parent=gemeente)
    zuid, noord = make_team("Team Zuid", areas=[kanaal]), make_team("Team Noord", areas=[weiden])
    return {
        "kanaal": kanaal,
        "weiden": weiden,
        "sluis": make_area("buurt", name="Sluiskwartier", parent=kanaal),
        "molen": make_area("buurt", name="Molenhoek", parent=weiden),
        "sanne": make_user("worker", team=zuid, name="Sanne Visser"),
        "ahmed": make_user("worker", team=zuid, name="Ahmed El Amrani"),
        "coordinator": make_user("coordinator", team=zuid, name="Marieke de Boer"),
        "erik": make_user("worker", team=noord, name="Erik Jansen"),
        "admin": make_user("admin", name="Beheer"),
        "spelen": make_theme("spelen", name_nl="Spelen", name_en="Play"),
        "opvoeding": make_theme("opvoeding", name_nl="Opvoeding", name_en="Parenting"),
        "geweld": make_theme(
            "huiselijk-geweld",
            sensitive=True,
            name_nl="Huiselijk geweld",
            name_en="Domestic violence",
        ),
    }


@pytest.fixture
def as_user(client, auth, town):
    """Sign the client in as one of the town's people (by key), reading English."""
    return signing_in(client, auth, town)


def mark(as_user, theme, sensitive: bool) -> None:
    """Mark a theme sensitive, or no longer, through the admin's theme form."""
    data = {
        "slug": theme.slug,
        "name_nl": theme.name_nl,
        "name_en": theme.name_en,
        "active": "y",
        "position": theme.position,
    }
    if sensitive:
        data["sensitive"] = "y"
    assert as_user("admin").post(f"/admin/themes/{theme.id}", data=data).status_code == 302


def viewed_sensitive(db) -> int:
    """Count the audited views of someone else's sensitive entry."""
    return len(
        db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "entry.viewed_sensitive")
        ).all()
    )


def test_marking_a_theme_sensitive_closes_its_old_entries_and_unmarking_opens_them(
    as_user, town, make_entry, db
):
    """Close an existing entry to colleagues once its theme is marked sensitive, audit the
    coordinator's look, keep its text out of the CSV and its theme out of a worker's counts;
    and undo all of that when the mark is taken off."""
    entry = make_entry(
        author=town["ahmed"],
        area=town["sluis"],
        themes=[town["opvoeding"]],
        days_ago=1,
        note="OUDE NOTITIE over de opvoeding",
    )
    csv = f"/wijk/{town['kanaal'].code}/export.csv?period=month&text=y"
    wijk_page, signal = f"/wijk/{town['kanaal'].code}", f"/review/signals/{entry.id}"
    assert as_user("sanne").get(signal).status_code == 200
    assert as_user("sanne").get(f"/entries/{entry.id}").status_code == 403  # seen, not edited
    assert "Parenting" in as_user("sanne").get(wijk_page).get_data(as_text=True)
    assert "OUDE NOTITIE" in as_user("coordinator").get(csv).get_data(as_text=True)
    assert viewed_sensitive(db) == 0

    mark(as_user, town["opvoeding"], True)
    assert as_user("sanne").get(signal).status_code == 404
    assert as_user("sanne").get(f"/entries/{entry.id}").status_code == 404
    assert as_user("ahmed").get(f"/entries/{entry.id}").status_code == 200
    assert viewed_sensitive(db) == 0  # the author's own look is not audited
    assert as_user("coordinator").get(f"/entries/{entry.id}").status_code == 200
    assert viewed_sensitive(db) == 1
    body = as_user("coordinator").get(csv).get_data(as_text=True)
    assert "OUDE NOTITIE" not in body and body.splitlines()[1].endswith(";1;;")
    assert str(entry.id) not in as_user("sanne").get(
        f"/wijk/{town['kanaal'].code}/export.csv?period=month"
    ).get_data(as_text=True)
    page = as_user("sanne").get(wijk_page).get_data(as_text=True)
    assert "Parenting" not in page and "Sensitive" in page
    since = (utcnow() - timedelta(days=7)).isoformat()
    [synced] = (
        as_user("ahmed").get("/api/v1/entries", query_string={"since": since}).json["entries"]
    )
    assert synced["sensitive"] is True

    mark(as_user, town["opvoeding"], False)
    assert as_user("sanne").get(signal).status_code == 200
    assert as_user("coordinator").get(f"/entries/{entry.id}").status_code == 200
    assert viewed_sensitive(db) == 1
    assert "OUDE NOTITIE" in as_user("coordinator").get(csv).get_data(as_text=True)
    assert "Parenting" in as_user("sanne").get(wijk_page).get_data(as_text=True)


def test_the_review_page_follows_a_theme_marked_sensitive(as_user, town, make_entry):
    """Hide a colleague's signal from a worker's review page as soon as its theme is marked
    sensitive, although the page's reading of the signals was kept; show it again after."""
    make_entry(
        author=town["ahmed"],
        area=town["sluis"],
        themes=[town["opvoeding"]],
        days_ago=1,
        underlying_question="Zorgen over de opvoeding thuis",
    )
    assert "Zorgen over de opvoeding" in as_user("sanne").get("/review/").get_data(as_text=True)
    mark(as_user, town["opvoeding"], True)
    page = as_user("sanne").get("/review/").get_data(as_text=True)
    assert "Zorgen over de opvoeding" not in page and "Parenting" not in page
    assert "1 sensitive signal, for coordinators and its author only" in page
    assert "Zorgen over de opvoeding" in as_user("coordinator").get("/review/").get_data(
        as_text=True
    )
    mark(as_user, town["opvoeding"], False)
    assert "Zorgen over de opvoeding" in as_user("sanne").get("/review/").get_data(as_text=True)


@pytest.fixture
def violence(town, make_entry):
    """Log domestic violence in both wijken this month, mostly by colleagues, one entry with
    Play as well; and some play in both."""
    for n in range(6):
        make_entry(
            author=town["ahmed"], area=town["sluis"], themes=[town["geweld"]], days_ago=1 + n % 2
        )
    make_entry(
        author=town["sanne"],
        area=town["sluis"],
        themes=[town["geweld"], town["spelen"]],
        days_ago=1,
    )
    for _ in range(5):
        make_entry(author=town["sanne"], area=town["sluis"], themes=[town["spelen"]], days_ago=1)
        make_entry(author=town["erik"], area=town["molen"], themes=[town["spelen"]], days_ago=1)
    for _ in range(3):
        make_entry(author=town["erik"], area=town["molen"], themes=[town["geweld"]], days_ago=1)


def test_a_worker_sees_how_many_sensitive_entries_not_which_theme(app, as_user, town, violence):
    """Show a worker the wijk's sensitive entries as one "Sensitive" count (each entry once,
    under none of its themes), on the wijk page, in its trends and beside the other wijk."""
    month = stats.period_for("month", utcnow().date(), TZ)
    picture = services.picture(town["sanne"], town["kanaal"], month, TZ)
    ranked = {theme.slug: count for theme, count, *_ in picture["ranked"]}
    assert ranked == {"sensitive": 7, "spelen": 5}
    assert {t.slug for t, _ in picture["side_by_side"]["signal"]} == {"sensitive", "spelen"}
    page = as_user("sanne").get(f"/wijk/{town['kanaal'].code}").get_data(as_text=True)
    assert "Domestic violence" not in page and "Sensitive" in page
    compare = (
        as_user("sanne")
        .get("/wijk/vergelijk", query_string={"a": town["kanaal"].code, "b": town["weiden"].code})
        .get_data(as_text=True)
    )
    assert "Domestic violence" not in compare
    assert '<th scope="row">Sensitive</th><td>7</td>' in compare
    assert '<th scope="row">Sensitive</th><td>&lt;5</td>' in compare  # De Weiden: 3
    overview = as_user("sanne").get("/wijk/overzicht").get_data(as_text=True)
    assert "Domestic violence" not in overview and "Sensitive" in overview


def test_a_coordinator_sees_the_sensitive_themes_of_the_teams_wijken_only(
    app, as_user, town, violence
):
    """Name the sensitive themes to a coordinator in the team's own wijk, and fold them in
    another team's wijk: beside it, and in its column of the overview."""
    month = stats.period_for("month", utcnow().date(), TZ)
    picture = services.picture(town["coordinator"], town["kanaal"], month, TZ)
    ranked = {theme.slug: count for theme, count, *_ in picture["ranked"]}
    assert ranked == {"huiselijk-geweld": 7, "spelen": 6}
    own, other = (
        across.comparison(town["coordinator"], w, month) for w in (town["kanaal"], town["weiden"])
    )
    assert [(t.slug, n) for t, n in own["themes"]] == [("huiselijk-geweld", "7"), ("spelen", "6")]
    assert [(t.slug, n) for t, n in other["themes"]] == [("spelen", "5"), ("sensitive", "<5")]
    heat = across.heatmap(town["coordinator"], [town["kanaal"], town["weiden"]], month)
    geweld, kanaal, weiden = town["geweld"].id, town["kanaal"].id, town["weiden"].id
    assert heat["display"][(kanaal, geweld)][0] == "7"
    assert heat["display"][(weiden, geweld)][0] == "—"  # not zero: counted as sensitive
    assert heat["display"][(weiden, queries.SENSITIVE)][0] == "<5"
    assert heat["display"][(kanaal, queries.SENSITIVE)][0] == "—"
    page = as_user("coordinator").get(f"/wijk/{town['kanaal'].code}").get_data(as_text=True)
    assert "Domestic violence" in page


def test_the_log_form_marks_sensitive_themes_and_says_who_reads_them(
    client, auth, make_user, make_team, make_theme
):
    """Mark a sensitive theme's chip for the page's script, and after a refused save with a
    sensitive theme chosen, say who will read the entry without any script."""
    user = make_user("worker", team=make_team())
    make_theme("geweld-notice", sensitive=True, name_nl="Huiselijk geweld")
    make_theme("spelen-notice", name_nl="Spelen")
    auth.login(user)

    def chip(page, slug):
        """Return the checkbox tag of a theme."""
        return re.search(rf'<input[^>]*value="{slug}"[^>]*>', page).group(0)

    def notice(page):
        """Return what the notice says."""
        return page.split("data-sensitive-notice")[1].split("</div>")[0].split(">", 1)[1]

    page = client.get("/").get_data(as_text=True)
    assert "data-sensitive" in chip(page, "geweld-notice")
    assert "data-sensitive" not in chip(page, "spelen-notice")
    assert notice(page).strip() == ""
    refused = client.post("/", data={"themes": ["geweld-notice"]})
    assert refused.status_code == 400
    assert "alleen jij en de coördinatoren van je team" in notice(refused.get_data(as_text=True))
