"""The wijk page's numbers on a small hand-made data set, and what leaves the team."""

import io
import re
from datetime import datetime, timedelta
from html import unescape

import pytest
from babel.dates import format_date
from flask_babel import to_user_timezone

from buurtlog.extensions import db as _db
from buurtlog.models import AuditEvent, Presence, WijkSettings, utcnow
from buurtlog.wijk import across, outputs, services, stats
from tests.conftest import amsterdam, excel_csv

TZ = "Europe/Amsterdam"


@pytest.fixture
def wijk(make_area, make_place, make_team, make_user, make_theme, make_entry):
    """Make a wijk with one buurt and place, a team, and a week of hand-counted entries."""
    buurt = make_area("buurt")
    place = make_place(area=buurt)
    team = make_team(areas=[buurt.parent])
    worker = make_user("worker", team=team)
    coordinator = make_user("coordinator", team=team)
    play = make_theme(slug="spelen", name_en="Play")
    lonely = make_theme(slug="eenzaamheid", name_en="Loneliness")
    secret = make_theme(slug="huiselijk-geweld", name_en="Domestic violence", sensitive=True)
    at = {"author": worker, "area": buurt, "place": place, "setting": "shop_table"}
    make_entry(
        themes=[play],
        days_ago=1,
        people=2,
        first_contact=True,
        initiated_by="worker",
        note="VRIJE TEKST speeltuin",
        **at,
    )
    make_entry(themes=[play], days_ago=2, **at)
    make_entry(themes=[play], days_ago=3, contact_type="entrepreneur", **at)
    make_entry(themes=[lonely], kind="strength", days_ago=2, **at)
    make_entry(themes=[secret], days_ago=1, note="GEHEIME TEKST", **at)
    make_entry(themes=[play], days_ago=9, **at)  # the previous period
    make_entry(themes=[play], days_ago=2, author=make_user())  # another wijk
    today = to_user_timezone(utcnow()).date()
    period = stats.period_for("custom", today - timedelta(days=6), TZ, last=today)
    start = utcnow() - timedelta(days=2, hours=3)
    _db.session.add(
        Presence(
            user=worker,
            team=team,
            place=place,
            started_at=start,
            ended_at=start + timedelta(hours=2),
        )
    )
    _db.session.commit()
    return {
        "wijk": buurt.parent,
        "team": team,
        "worker": worker,
        "coordinator": coordinator,
        "period": period,
        "themes": (play, lonely, secret),
        "place": place,
    }


def test_every_count_on_the_wijk_page(app, wijk):
    """Count themes, changes, kinds, reach, being known and presence exactly; a worker sees
    the sensitive themes as one."""
    play, lonely, secret = wijk["themes"]
    page = services.picture(wijk["worker"], wijk["wijk"], wijk["period"], TZ)
    ranked = {theme.slug: (count, delta) for theme, count, delta, *_ in page["ranked"]}
    assert ranked == {"spelen": (3, 2), "eenzaamheid": (1, 1), "sensitive": (1, 1)}
    assert page["ranked"][0][0] == play
    assert sum(page["ranked"][0][3]) == 4  # the twelve weeks hold the previous one too
    assert page["kinds"] == {"signal": 4, "strength": 1}
    assert page["side_by_side"]["strength"] == [(lonely, 1)]
    assert page["reach"]["totals"] == (5, 6, 1, 4)
    assert page["reach"]["contact_type"]["entrepreneur"] == (1, 1, 0, 1)
    assert page["reach"]["setting"]["shop_table"] == (5, 6, 1, 4)
    assert page["reach_before"]["totals"][0] == 1
    assert sum(c for _, c, _ in page["known_rows"]) == 6
    assert sum(s for _, _, s in page["known_rows"]) == 5
    [row] = page["presence"]
    assert (row["hours"], row["contacts"], row["per_hour"]) == (2.0, 5, 2.5)
    assert row["kinds"] == {"signal": 4, "strength": 1}
    assert page["emerging"] == []


def test_wijk_page_renders_with_charts_and_tables(client, auth, wijk):
    """Render SVG charts with a text alternative and their tables."""
    auth.login_as(wijk["worker"])
    response = client.get(f"/wijk/{wijk['wijk'].code}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'role="img"' in html and "<title>" in html and "<details" in html
    assert "style=" not in html


@pytest.mark.parametrize(
    "query",
    [
        "period=custom&start=2026-01-10",
        "period=custom&start=2026-02-10&end=2026-01-01",
        "period=decade",
        "start=not-a-date",
        "period=custom&start=2020-01-01&end=2026-01-01",
    ],
)
def test_bad_period_gets_an_error_not_a_500(client, auth, wijk, query):
    """Answer a bad period with 400 and an explanation."""
    auth.login_as(wijk["worker"])
    response = client.get(f"/wijk/{wijk['wijk'].code}?{query}")
    assert response.status_code == 400
    assert "flash-error" in response.get_data(as_text=True)


def test_other_teams_wijk_is_not_found(client, auth, wijk, make_user, make_team):
    """Hide a wijk's page from workers of other teams."""
    auth.login_as(make_user("worker", team=make_team()))
    assert client.get(f"/wijk/{wijk['wijk'].code}").status_code == 404


def give_history(wijk, make_entry, weeks=(2, 3, 4)):
    """Log a Play entry in earlier weeks, so the baseline holds enough weeks with entries
    (with the fixture's one, a week ago) for the emerging-theme test to speak."""
    for week in weeks:
        make_entry(
            author=wijk["worker"],
            themes=[wijk["themes"][0]],
            area=wijk["place"].area,
            days_ago=7 * week + 2,
        )


def test_planted_surge_emerges_with_its_entries(app, wijk, make_entry, make_user):
    """Flag a theme that surges this week, and list only entries the viewer may read."""
    play, _, secret = wijk["themes"]
    buurt, place = wijk["place"].area, wijk["place"]
    give_history(wijk, make_entry)
    for _ in range(6):
        make_entry(author=wijk["worker"], themes=[secret], area=buurt, place=place, days_ago=1)
    other = make_user("worker", team=wijk["team"])
    for _ in range(3):
        make_entry(author=other, themes=[secret], area=buurt, place=place, days_ago=2)
    page = services.picture(wijk["worker"], wijk["wijk"], wijk["period"], TZ)
    [item] = page["emerging"]  # for a worker: "sensitive", not which theme
    assert item["theme"].slug == "sensitive" and item["test"].current == 10
    assert len(item["entries"]) == 7  # own six and one more of their own; not the colleague's
    coordinator_page = services.picture(wijk["coordinator"], wijk["wijk"], wijk["period"], TZ)
    [item] = coordinator_page["emerging"]
    assert item["theme"] == secret and len(item["entries"]) == 10


def test_emerging_baseline_reads_only_its_window(app, wijk, make_entry):
    """Compare a surge with the 12 weeks before the week only: older entries do not count."""
    _, lonely, _ = wijk["themes"]
    give_history(wijk, make_entry)
    at = {"author": wijk["worker"], "area": wijk["place"].area, "themes": [lonely]}
    for _ in range(5):
        make_entry(days_ago=1, **at)
    for _ in range(40):
        make_entry(days_ago=100, **at)  # before the baseline's 12 weeks
    page = services.picture(wijk["worker"], wijk["wijk"], wijk["period"], TZ)
    assert page["baseline_periods"] == 12
    [item] = page["emerging"]
    assert (item["theme"], item["test"].current, item["test"].baseline_total) == (lonely, 6, 0)
    for _ in range(40):
        make_entry(days_ago=50, **at)  # within the baseline: now the week is usual
    page = services.picture(wijk["worker"], wijk["wijk"], wijk["period"], TZ)
    assert page["emerging"] == []


def test_counts_csv_hides_small_counts(client, auth, wijk):
    """Show counts below 5 as "<5" and fold sensitive themes together."""
    auth.login_as(wijk["worker"])
    period = wijk["period"]  # the fixture's week, whatever month today falls in
    body = client.get(
        f"/wijk/{wijk['wijk'].code}/export.csv?format=counts&period=custom"
        f"&start={period.first}&end={period.last}"
    ).data
    rows = {(r["theme"], r["kind"]): (r["entries"], r["hidden"]) for r in excel_csv(body)}
    assert rows["spelen", "signal"] == ("", "<5")  # an empty number cell, its mark beside it
    assert rows["sensitive", "signal"] == ("", "<5")
    assert "huiselijk-geweld" not in {theme for theme, _kind in rows}


def test_entries_csv_text_only_for_coordinators_and_audited(client, auth, wijk, db):
    """Give free text to coordinators only, never of sensitive entries, and audit each export."""
    period = wijk["period"]  # not "month": on the 1st the fixture's entries lie in the last one
    url = (
        f"/wijk/{wijk['wijk'].code}/export.csv?period=custom&start={period.first}"
        f"&end={period.last}&text=y"
    )
    auth.login_as(wijk["worker"])
    body = client.get(url).get_data(as_text=True)
    assert "VRIJE TEKST" not in body and "note" not in body.splitlines()[0]
    auth.login_as(wijk["coordinator"])
    body = client.get(url).get_data(as_text=True)
    assert "VRIJE TEKST" in body and "GEHEIME TEKST" not in body
    events = (
        db.session.query(AuditEvent)
        .filter_by(action="export.entries")
        .order_by(AuditEvent.id)
        .all()
    )
    assert [e.details["text"] for e in events] == [False, True]
    assert all("TEKST" not in str(e.details) for e in events)


def test_report_hides_small_counts_and_text(client, auth, wijk, make_entry):
    """Show the quarterly report with "<5" for small counts and no free text."""
    play = wijk["themes"][0]
    for _ in range(4):
        make_entry(author=wijk["worker"], themes=[play], area=wijk["place"].area, days_ago=1)
    auth.login_as(wijk["worker"])
    period = wijk["period"]
    html = client.get(
        f"/wijk/{wijk['wijk'].code}/rapport?period=custom&start={period.first}&end={period.last}"
    ).get_data(as_text=True)
    assert "<td>5</td>" in html and "<td>7</td>" not in html  # spelen: 3 + 4, rounded
    assert "&lt;5" in html
    assert "TEKST" not in html and "Domestic violence" not in html


@pytest.mark.parametrize("role", ["anonymous", "worker", "coordinator", "admin"])
def test_public_page_when_switched_on(client, auth, wijk, make_user, db, role):
    """Open the public page to everyone once a coordinator switched it on."""
    db.session.add(WijkSettings(area=wijk["wijk"], team=wijk["team"], public_enabled=True))
    db.session.commit()
    users = {
        "worker": wijk["worker"],
        "coordinator": wijk["coordinator"],
        "admin": make_user("admin"),
    }
    if role != "anonymous":
        auth.login_as(users[role])
    assert client.get(f"/wijk/{wijk['wijk'].code}/publiek").status_code == 200


def test_public_page_has_no_free_text_small_counts_or_sensitive_themes(
    client, auth, wijk, make_entry
):
    """Show themes and counts only: no notes, no counts below 5, nothing sensitive."""
    auth.login_as(wijk["coordinator"])
    code = wijk["wijk"].code
    assert client.post(f"/wijk/{code}/publiek/instellen", data={"public": "on"}).status_code == 302
    play, _, secret = wijk["themes"]
    for _ in range(3):
        make_entry(
            author=wijk["worker"],
            themes=[play, secret],
            area=wijk["place"].area,
            days_ago=1,
            note="GEHEIM",
        )
    auth.logout()
    html = client.get(f"/wijk/{code}/publiek").get_data(as_text=True)
    assert "Thema" in html or "Theme" in html
    assert "TEKST" not in html and "GEHEIM" not in html
    assert secret.name_nl not in html and secret.name_en not in html
    # The sensitive entries count under no theme, so play has its own 4 of the last 91 days.
    assert f'<th scope="row">{play.name_nl}</th><td>&lt;5</td>' in html
    assert "&lt;5" in html
    assert "<td>1</td>" not in html and "<td>3</td>" not in html


def test_only_a_coordinator_of_the_team_switches_the_public_page(client, auth, wijk, db):
    """Refuse the switch to workers and record it for coordinators."""
    url = f"/wijk/{wijk['wijk'].code}/publiek/instellen"
    auth.login_as(wijk["worker"])
    assert client.post(url, data={"public": "on"}).status_code == 403
    auth.login_as(wijk["coordinator"])
    client.post(url, data={"public": "on"})
    assert outputs.public_enabled(wijk["wijk"])
    client.post(url, data={"public": "off"})
    assert not outputs.public_enabled(wijk["wijk"])
    assert db.session.query(AuditEvent).filter_by(action="wijk.public_switched").count() == 2


def test_wijkschets_keeps_its_history(client, auth, wijk):
    """Save every version of the wijkschets and show the newest first."""
    auth.login_as(wijk["worker"])
    url = f"/wijk/{wijk['wijk'].code}/schets"
    client.post(url, data={"text": "Eerste versie: buurthuis, bibliotheek."})
    client.post(url, data={"text": "Tweede versie: ook een moestuin."})
    assert client.post(url, data={"text": ""}).status_code == 400
    versions = services.sketches(wijk["worker"], wijk["wijk"])
    assert [v.text[:6] for v in versions] == ["Tweede", "Eerste"]
    html = client.get(f"/wijk/{wijk['wijk'].code}").get_data(as_text=True)
    assert "moestuin" in html and "2 versions" in html or "2 versies" in html


def test_heatmap_and_comparison_count_per_wijk(client, auth, wijk, make_area, make_entry):
    """Count wijk × theme across the municipality, and two wijken side by side."""
    other = make_area("wijk", parent=wijk["wijk"].parent)
    play = wijk["themes"][0]
    make_entry(author=wijk["worker"], themes=[play], area=other, days_ago=1)
    wijken = services.municipality_wijken(wijk["worker"])
    assert set(wijken) == {wijk["wijk"], other}
    heat = across.heatmap(wijk["worker"], wijken, wijk["period"])
    assert heat["cells"][(wijk["wijk"].id, play.id)] == 3
    assert heat["cells"][(other.id, play.id)] == 1
    auth.login_as(wijk["worker"])
    assert client.get("/wijk/overzicht").status_code == 200
    response = client.get(f"/wijk/vergelijk?a={wijk['wijk'].code}&b={other.code}")
    assert response.status_code == 200
    assert client.get("/wijk/vergelijk?a=nope").status_code == 400


def test_heatmap_hides_small_counts_of_other_teams(
    client, auth, wijk, make_area, make_entry, make_user
):
    """Show exact counts for the team's own wijk; of other wijken "<5" for small counts, the
    rest rounded to 5, and a shade that tells no more."""
    other = make_area("wijk", parent=wijk["wijk"].parent)
    busy = make_area("wijk", parent=wijk["wijk"].parent)
    play, lonely, _ = wijk["themes"]
    for _ in range(4):
        make_entry(author=wijk["worker"], themes=[play], area=other, days_ago=1)
    for _ in range(6):
        make_entry(author=wijk["worker"], themes=[lonely], area=busy, days_ago=1)
    wijken = services.municipality_wijken(wijk["worker"])
    heat = across.heatmap(wijk["worker"], wijken, wijk["period"])
    assert heat["cells"][(other.id, play.id)] == 4
    assert heat["display"][(wijk["wijk"].id, play.id)][0] == "3"
    assert heat["display"][(wijk["wijk"].id, lonely.id)][0] == "1"  # own wijk: exact
    assert heat["display"][(other.id, play.id)] == ("<5", 1)
    assert heat["display"][(busy.id, lonely.id)][0] == "5"  # 6, rounded outside the team
    assert heat["top"] == 5
    auth.login_as(wijk["worker"])
    period = wijk["period"]
    week = f"period=custom&start={period.first}&end={period.last}"
    html = client.get(f"/wijk/overzicht?{week}").get_data(as_text=True)
    own = html.split(f'<th scope="row">{wijk["wijk"].name}</th>')[1].split("</tr>")[0]
    assert '"heat heat-2">3</td>' in own  # exact, shaded against the largest count, 6
    theirs = html.split(f'<th scope="row">{other.name}</th>')[1].split("</tr>")[0]
    assert ">&lt;5</td>" in theirs and ">4</td>" not in theirs
    side = client.get(f"/wijk/vergelijk?a={wijk['wijk'].code}&b={other.code}&{week}").get_data(
        as_text=True
    )
    own, theirs = side.split('<section class="column">')[1:]
    assert "<td>3</td>" in own and "<td>&lt;5</td>" in theirs and "<td>4</td>" not in theirs
    admin = across.heatmap(make_user("admin"), wijken, wijk["period"])
    assert admin["display"][(other.id, play.id)][0] == "4"  # may open every wijk


def test_entries_pointing_outside_the_wijk(app, wijk, make_area, make_entry):
    """List entries logged at a place in one wijk about another wijk."""
    other = make_area("wijk", parent=wijk["wijk"].parent)
    entry = make_entry(
        author=wijk["worker"],
        themes=[wijk["themes"][0]],
        area=other,
        place=wijk["place"],
        days_ago=1,
    )
    assert across.outside_the_wijk(wijk["worker"], wijk["period"]) == [entry]


# Spreadsheets: CSV as Dutch Excel opens it, and XLSX with real cells


def export_url(wijk, fmt: str, **extra) -> str:
    """Return the export address of the fixture's week in one format."""
    period = wijk["period"]
    query = "".join(f"&{k}={v}" for k, v in extra.items())
    return (
        f"/wijk/{wijk['wijk'].code}/export.{fmt}?period=custom&start={period.first}"
        f"&end={period.last}{query}"
    )


def xlsx_rows(data: bytes) -> list[tuple]:
    """Read the first sheet of an XLSX file as rows of typed values."""
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    return list(sheet.iter_rows(values_only=True))


@pytest.mark.parametrize("moment", ["2026-12-03T10:00", "2026-07-02T10:00"])
def test_entries_export_in_local_time_as_csv_and_xlsx(
    client, auth, clock, make_entry, wijk, moment
):
    """An entry logged at 9:30 in Amsterdam says 9:30, in winter and in summer: as text in
    the CSV (semicolons, a byte-order mark) and as a date cell in the XLSX, with numbers as
    numbers."""
    at = amsterdam(moment[:10] + "T09:30")
    clock.move_to(at, tick=False)
    entry = make_entry(
        author=wijk["worker"], area=wijk["place"].area, people=3, themes=[wijk["themes"][0]]
    )
    clock.move_to(amsterdam(moment), tick=False)
    period = stats.period_for("custom", at.date(), TZ, last=at.date())
    wijk = {**wijk, "period": period}
    auth.login_as(wijk["coordinator"])
    response = client.get(export_url(wijk, "csv", text="y"))
    assert response.mimetype == "text/csv"
    [row] = [r for r in excel_csv(response.data) if r["id"] == str(entry.id)]
    assert (row["occurred_at"], row["people"], row["themes"]) == (
        f"{moment[:10]} 09:30",
        "3",
        "spelen",
    )
    response = client.get(export_url(wijk, "xlsx", text="y"))
    assert response.headers["Content-Disposition"].endswith('.xlsx"')
    header, *rows = xlsx_rows(response.data)
    assert header[:2] == ("id", "occurred_at") and header[-2:] == ("underlying_question", "note")
    [row] = [dict(zip(header, r, strict=True)) for r in rows if r[0] == str(entry.id)]
    assert row["occurred_at"] == at.replace(tzinfo=None)
    assert (row["people"], row["first_contact"], row["sensitive"]) == (3, 0, 0)


def test_counts_xlsx_keeps_hidden_counts_out_of_the_number_column(client, auth, wijk, make_entry):
    """Rounded counts are number cells; a hidden one is an empty cell with its mark beside
    it, so the column sums without an error; the dates are date cells."""
    for _ in range(6):
        make_entry(
            author=wijk["worker"], area=wijk["place"].area, themes=[wijk["themes"][0]], days_ago=1
        )
    auth.login_as(wijk["worker"])
    header, *rows = xlsx_rows(client.get(export_url(wijk, "xlsx", format="counts")).data)
    assert header == ("wijk", "start", "end", "theme", "kind", "entries", "hidden")
    cells = {(r[3], r[4]): (r[5], r[6]) for r in rows}
    assert cells["spelen", "all"] == (10, None)  # 3 + 6 this week, rounded to 5
    assert cells["sensitive", "signal"] == (None, "<5")
    assert all(isinstance(n, int) != bool(mark) for n, mark in cells.values())
    assert rows[0][1] == datetime.combine(wijk["period"].first, datetime.min.time())


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_spreadsheet_export_is_audited_with_its_form(client, auth, wijk, db, fmt):
    """Audit each download with what and in which form, never its text."""
    auth.login_as(wijk["coordinator"])
    client.get(export_url(wijk, fmt, text="y"))
    client.get(export_url(wijk, fmt, format="counts"))
    events = (
        db.session.query(AuditEvent)
        .filter_by(action="export.entries")
        .order_by(AuditEvent.id)
        .all()
    )
    assert [(e.details["format"], e.details["file"]) for e in events] == [
        ("entries", fmt),
        ("counts", fmt),
    ]


def test_the_wijk_page_offers_each_download_in_both_forms(client, auth, wijk):
    """A coordinator sees entries, entries with text and counts, each as Excel and as CSV,
    and every link downloads."""
    auth.login_as(wijk["coordinator"])
    html = client.get(f"/wijk/{wijk['wijk'].code}", headers={"Accept-Language": "en"}).get_data(
        as_text=True
    )
    links = re.findall(r'href="(/wijk/[^"]+/export\.(?:csv|xlsx)[^"]*)"', html)
    assert len(links) == 6
    for link in links:
        assert client.get(unescape(link)).status_code == 200
    auth.login_as(wijk["worker"])  # a worker: no free text
    html = client.get(f"/wijk/{wijk['wijk'].code}").get_data(as_text=True)
    assert len(re.findall(r"/export\.(?:csv|xlsx)", html)) == 4


def test_report_compares_with_the_period_before_and_says_who_and_when(
    client, auth, wijk, make_entry, make_initiative, make_wijk_theme
):
    """The report names the team, the day it was printed and the period it is compared with;
    each figure stands beside the period before (rounded the same way); the share of known
    faces, the initiatives, the wijk themes marked public and the latest wijkschets are in it."""
    play = wijk["themes"][0]
    at = {"author": wijk["worker"], "themes": [play], "area": wijk["place"].area}
    for n in range(7):
        make_entry(days_ago=1, first_contact=n < 5, **at)  # 3 + 7 = 10 this week
    for _ in range(5):
        make_entry(days_ago=9, **at)  # 1 + 5 = 6 the week before: "5"
    make_initiative(name="Moestuin", areas=[wijk["wijk"]])
    make_initiative(name="Gestopt", areas=[wijk["wijk"]], status="ended")
    shown = make_wijk_theme(wijk["team"], wijk["wijk"], name="Speelplek veiliger")
    shown.public = True
    make_wijk_theme(wijk["team"], wijk["wijk"], name="Alleen intern")
    auth.login_as(wijk["worker"])
    client.post(f"/wijk/{wijk['wijk'].code}/schets", data={"text": "Buurthuis en moestuin."})
    period = wijk["period"]
    html = client.get(
        f"/wijk/{wijk['wijk'].code}/rapport?period=custom&start={period.first}&end={period.last}",
        headers={"Accept-Language": "en"},
    ).get_data(as_text=True)
    today = format_date(to_user_timezone(utcnow()).date(), "d MMM yyyy", locale="en")
    assert wijk["team"].name in html and f"printed on {today}" in html
    before = stats.previous_period(period, TZ)
    assert f"compared with {before.first.day} " in html  # the day; the month as Babel writes it
    assert f'<th scope="row">{play.name_en}</th><td>10</td><td>5</td>' in html
    assert '<th scope="row">Active initiatives in the wijk</th><td>1</td>' in html
    assert "Speelplek veiliger" in html and "Alleen intern" not in html
    assert "Buurthuis en moestuin." in html
    assert re.search(r"Known faces \(gekend worden\)</th><td>\d+%</td>", html)


def test_a_running_quarter_is_reported_so_far_against_the_same_days_before(
    client, auth, wijk, clock
):
    """On 3 December the default report covers 1 October up to today, compared with as many
    days from 1 July: not a whole quarter that has not happened yet."""
    clock.move_to(amsterdam("2026-12-03T10:00"), tick=False)
    auth.login_as(wijk["worker"])
    html = client.get(
        f"/wijk/{wijk['wijk'].code}/rapport", headers={"Accept-Language": "en"}
    ).get_data(as_text=True)
    assert re.search(r"1 Oct 2026 – 3 Dec 2026 · compared with 1 Jul – 2 Sept? 2026", html)
