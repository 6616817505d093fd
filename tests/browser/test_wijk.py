"""The wijk page on a 360×640 phone: the period picker, and every chart's table one tap away."""

from datetime import timedelta

import pytest
from flask_babel import to_user_timezone

from buurtlog.models import utcnow
from tests.browser.conftest import sign_in


@pytest.fixture
def wijk_page(worker, make_entry, db):
    """Log a few entries in the worker's wijk, two this week and three a month ago."""
    from buurtlog.models import Theme

    wijk = worker.team.areas[0]
    play = db.session.query(Theme).filter_by(slug="spelen").one()
    for days_ago in (1, 1, 30, 31, 32):
        make_entry(
            author=worker, area=wijk, themes=[play], days_ago=days_ago, initiated_by="resident"
        )
    return {"path": f"/wijk/{wijk.code}", "today": to_user_timezone(utcnow()).date()}


def play_count(phone) -> str:
    """Return the count in the themes table's row for Spelen."""
    return phone.locator("#themes tbody tr", has_text="Spelen").locator("td").first.inner_text()


def test_period_picker_changes_the_period(phone, worker, wijk_page):
    """Pick a custom period and then a week with the form; the counts follow the period."""
    sign_in(phone, worker)
    phone.goto(wijk_page["path"])
    today = wijk_page["today"]
    phone.get_by_text("Periode wijzigen").tap()  # the picker folds away under the figures
    phone.get_by_label("Zelf kiezen", exact=True).check()
    phone.get_by_label("Van", exact=True).fill((today - timedelta(days=40)).isoformat())
    phone.get_by_label("Tot", exact=True).fill(today.isoformat())
    phone.get_by_role("button", name="Tonen").tap()
    phone.wait_for_url("**period=custom**")
    assert play_count(phone) == "5"
    phone.get_by_text("Periode wijzigen").tap()
    phone.get_by_label("Week", exact=True).check()
    phone.get_by_label("Van", exact=True).fill((today - timedelta(days=1)).isoformat())
    phone.get_by_role("button", name="Tonen").tap()
    phone.wait_for_url("**period=week**")
    assert phone.get_by_label("Week", exact=True).is_checked()
    assert play_count(phone) == "2"  # only the week holding yesterday


def test_a_charts_table_is_one_tap_away(phone, worker, wijk_page):
    """Show the numbers behind the being-known chart with one tap on its summary."""
    sign_in(phone, worker)
    phone.goto(wijk_page["path"])
    figure = phone.locator("#gekend .chart-figure")
    assert figure.locator("svg[role=img]").get_attribute("aria-label")
    table = figure.locator("table")
    assert not table.is_visible()
    summary = figure.get_by_text("Cijfers tonen")
    summary.scroll_into_view_if_needed()
    assert summary.bounding_box()["height"] >= 44
    summary.tap()
    assert table.is_visible()
    assert table.locator("tbody tr").count() == 12
    started = sum(
        int(row.locator("td").nth(2).inner_text()) for row in table.locator("tbody tr").all()
    )
    assert started == 5  # the twelve weeks hold all five resident-started contacts


def test_wijk_page_fits_a_phone_screen(phone, worker, wijk_page):
    """Lay out the wijk page within 360 px: no sideways scrolling of the page itself."""
    sign_in(phone, worker)
    phone.goto(wijk_page["path"])
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    for summary in phone.locator(".wijk-tools summary").all():
        assert summary.bounding_box()["height"] >= 44
        summary.tap()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    for button in phone.locator(".period-picker button, .review-links .button").all():
        assert button.bounding_box()["height"] >= 44
