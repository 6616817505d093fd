"""Fair periods on the wijk page (issue 17): like compared with like on awkward days (the 1st of
a month, a Monday, ISO week 53), a default that means something on any day, series that stop at
today, and emerging themes that need a history and say what is usual in plain words."""

from datetime import date, datetime, timedelta

import pytest

from buurtlog.extensions import db as _db
from buurtlog.wijk import services, stats
from tests.conftest import AMSTERDAM, amsterdam

TZ = "Europe/Amsterdam"


def at(moment: str) -> datetime:
    """Return a local moment as the aware datetime entries store."""
    return amsterdam(moment)


@pytest.fixture
def town(make_area, make_place, make_team, make_user, make_theme):
    """Make a wijk with one buurt, a team and the theme Play."""
    buurt = make_area("buurt")
    team = make_team(areas=[buurt.parent])
    return {
        "wijk": buurt.parent,
        "buurt": buurt,
        "team": team,
        "worker": make_user("worker", team=team, locale="en"),
        "coordinator": make_user("coordinator", team=team, locale="nl"),
        "play": make_theme(slug="spelen", name_en="Play", name_nl="Spelen"),
    }


@pytest.fixture
def log(make_entry, town):
    """Return a function that logs a Play entry at a local moment."""

    def write(moment: str, theme=None):
        entry = make_entry(
            author=town["worker"], area=town["buurt"], themes=[theme or town["play"]]
        )
        entry.occurred_at = at(moment)
        _db.session.commit()
        return entry

    return write


@pytest.mark.parametrize(
    ("today", "kind", "first", "before_first", "before_last"),
    [
        # The 1st of a month: one day so far, against the 1st of last month, not all of November.
        (date(2026, 12, 1), "month", date(2026, 12, 1), date(2026, 11, 1), date(2026, 11, 1)),
        # The 30th of March: 30 days so far, against all 28 days of February.
        (date(2026, 3, 30), "month", date(2026, 3, 1), date(2026, 2, 1), date(2026, 2, 28)),
        # A Monday: this week is one day old, compared with last Monday.
        (date(2026, 11, 30), "week", date(2026, 11, 30), date(2026, 11, 23), date(2026, 11, 23)),
        # ISO week 53 (2026 has one): Monday to Wednesday against the same days of week 52.
        (date(2026, 12, 30), "week", date(2026, 12, 28), date(2026, 12, 21), date(2026, 12, 23)),
        # A quarter on its second day.
        (date(2026, 10, 2), "quarter", date(2026, 10, 1), date(2026, 7, 1), date(2026, 7, 2)),
    ],
)
def test_a_period_so_far_is_compared_with_the_same_days_before(
    today, kind, first, before_first, before_last
):
    """Cut the period holding today off at today and compare it with as many days before."""
    period = stats.so_far(stats.period_for(kind, today, TZ), today, TZ)
    assert (period.first, period.last, period.partial) == (first, today, True)
    before = stats.previous_period(period, TZ)
    assert (before.first, before.last) == (before_first, before_last)


def test_complete_and_future_periods_are_left_whole():
    """Leave a past month whole and compared with the whole month before; a period that has
    not begun is not cut either."""
    today = date(2026, 12, 1)
    november = stats.so_far(stats.period_for("month", date(2026, 11, 5), TZ), today, TZ)
    assert (november.first, november.last, november.partial) == (
        date(2026, 11, 1),
        date(2026, 11, 30),
        False,
    )
    assert stats.previous_period(november, TZ).last == date(2026, 10, 31)
    january = stats.so_far(stats.period_for("month", date(2027, 1, 5), TZ), today, TZ)
    assert not january.partial and stats.is_future(january, today)


@pytest.mark.parametrize(
    "today",
    [
        date(2026, 12, 1),
        date(2026, 11, 30),
        date(2026, 12, 30),
        date(2027, 1, 1),
        date(2026, 3, 29),
    ],
)
def test_the_default_is_four_weeks_up_to_today_against_the_four_before(today):
    """Default to 28 days ending today (four of every weekday), beside the 28 days before."""
    period = stats.so_far(stats.period_for("weeks4", stats.default_anchor(today), TZ), today, TZ)
    before = stats.previous_period(period, TZ)
    assert (period.last, period.days, period.partial) == (today, 28, False)
    assert (before.last, before.days) == (period.first - timedelta(days=1), 28)


def test_usual_range_is_the_middle_half():
    """Say what a count usually is: lower to upper quartile, in whole numbers."""
    assert stats.usual_range([3, 4, 5, 5, 3, 4]) == (3, 5)
    assert stats.usual_range([2, 2, 2, 2]) == (2, 2)
    assert stats.usual_range([7]) == (7, 7)


def test_first_of_the_month_compares_one_day_with_one_day(client, auth, town, log, clock):
    """On 1 December, "this month" is 1 December against 1 November: an entry of 20 November
    counts for neither, and the page says so in words."""
    clock.move_to(at("2026-12-01T15:00"), tick=False)
    log("2026-12-01T10:00")
    log("2026-11-01T11:00")
    log("2026-11-20T11:00")
    auth.login_as(town["worker"])
    html = client.get(f"/wijk/{town['wijk'].code}?period=month").get_data(as_text=True)
    assert (
        "This month so far (1 Dec 2026), compared with the same days of the month before "
        "(1 Nov 2026)."
    ) in html
    today = date(2026, 12, 1)
    period = stats.so_far(stats.period_for("month", today, TZ), today, TZ)
    page = services.picture(town["worker"], town["wijk"], period, TZ)
    [(theme, count, delta, *_)] = page["ranked"]
    assert (theme, count, delta) == (town["play"], 1, 0)


def test_default_page_says_which_weeks_it_shows(client, auth, town, log, clock):
    """Without a choice the page shows the four weeks up to today, in words, in Dutch too."""
    clock.move_to(at("2026-11-30T09:00"), tick=False)  # a Monday
    log("2026-11-30T08:30")  # this morning: on the default page
    auth.login_as(town["worker"])
    html = client.get(f"/wijk/{town['wijk'].code}").get_data(as_text=True)
    # Babel writes a span with thin spaces around the dash.
    assert (
        "The last four weeks, up to and including today (3\u2009–\u200930 Nov 2026), "
        "compared with the four weeks before (6 Oct\u2009–\u20092 Nov 2026)."
    ) in html
    assert "Play" in html
    auth.login_as(town["coordinator"])
    html = client.get(f"/wijk/{town['wijk'].code}").get_data(as_text=True)
    assert "De laatste vier weken, tot en met vandaag" in html


@pytest.mark.parametrize(
    ("moment", "label"),
    [
        ("2026-11-30T09:00", "2026-W49 (so far)"),  # a Monday: its week is a morning old
        ("2026-12-30T12:00", "2026-W53 (so far)"),  # ISO week 53
        ("2027-01-01T12:00", "2026-W53 (so far)"),  # New Year's Day, still in week 53
    ],
)
def test_series_stop_at_today_and_mark_this_week(
    app, client, auth, town, log, clock, moment, label
):
    """Run the twelve weeks up to today's week, never into future weeks, and mark it."""
    clock.move_to(at(moment), tick=False)
    today = at(moment).date()
    period = stats.so_far(stats.period_for("month", today, TZ), today, TZ)
    log(moment.replace("T12:00", "T08:00").replace("T09:00", "T08:00"))
    page = services.picture(town["worker"], town["wijk"], period, TZ)
    monday = today - timedelta(days=today.weekday())
    assert page["weeks"][-1] == monday and len(page["weeks"]) == 12
    assert page["this_week"]
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert str(page["known_rows"][-1][0]) == label
    assert page["ranked"][0][3][-1] == 1  # today's entry, in today's week
    auth.login_as(town["worker"])
    html = client.get(f"/wijk/{town['wijk'].code}?period=month").get_data(as_text=True)
    assert label in html and 'stroke-dasharray="4 3"' in html


def surge(log, town, weeks_back: list[int], per_week: int, now: int, today: datetime):
    """Log `per_week` Play entries in each of the weeks back, and `now` this week."""
    for back in weeks_back:
        for i in range(per_week):
            log(
                (today - timedelta(weeks=back, hours=i + 1))
                .astimezone(AMSTERDAM)
                .strftime("%Y-%m-%dT%H:%M")
            )
    for i in range(now):
        log((today - timedelta(hours=i + 1)).astimezone(AMSTERDAM).strftime("%Y-%m-%dT%H:%M"))


def test_no_emerging_theme_without_enough_history(client, auth, town, log, clock):
    """A wijk with entries in only two earlier weeks has no "usual" yet: nothing emerges, and
    the page says why instead of calling every theme new."""
    now = at("2026-12-30T18:00")  # week 53
    clock.move_to(now, tick=False)
    surge(log, town, [1, 2], per_week=1, now=12, today=now)
    period = stats.so_far(stats.period_for("week", now.date(), TZ), now.date(), TZ)
    page = services.picture(town["worker"], town["wijk"], period, TZ)
    assert page["history"] == 2 and page["emerging"] == []
    auth.login_as(town["worker"])
    html = client.get(f"/wijk/{town['wijk'].code}?period=week").get_data(as_text=True)
    assert (
        "Not enough history yet to tell what is usual: 2 earlier periods of the same "
        "length have entries, 4 are needed."
    ) in html


def test_emerging_theme_baseline_counts_only_periods_with_entries(client, auth, town, log, clock):
    """Five earlier weeks with 3 to 5 entries, seven empty ones before the team began: this
    week's 12 rise above 3 to 5, the empty weeks do not lower what is usual, and the page
    says so in plain words, with the numbers behind a tap."""
    now = at("2026-11-29T20:00")  # a Sunday evening: the week is all there
    clock.move_to(now, tick=False)
    for back, n in ((1, 3), (2, 5), (3, 4), (4, 5), (5, 3)):
        surge(log, town, [back], per_week=n, now=0, today=now)
    surge(log, town, [], per_week=0, now=12, today=now)
    period = stats.so_far(stats.period_for("week", now.date(), TZ), now.date(), TZ)
    page = services.picture(town["worker"], town["wijk"], period, TZ)
    assert page["baseline_periods"] == 12 and page["history"] == 5
    [item] = page["emerging"]
    assert item["test"].baseline_total == 20 and item["test"].baseline_mean == 4
    assert item["usual"] == (3, 5)
    auth.login_as(town["worker"])
    html = client.get(f"/wijk/{town['wijk'].code}?period=week").get_data(as_text=True)
    assert "Play: 12 entries this week, usually 3 to 5." in html
    assert "p &lt;" not in html and "p <" not in html
    auth.login_as(town["coordinator"])
    html = client.get(f"/wijk/{town['wijk'].code}?period=week").get_data(as_text=True)
    assert "Spelen: 12 praatjes deze week, meestal 3 tot 5." in html
