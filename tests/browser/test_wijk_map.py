"""The wijk's map, its CBS figures and the report, as a worker and a coordinator see them on a
360×640 phone, a 1366×768 laptop and a 1920×1080 beamer (issue 17): nothing wider than the
screen, every buurt's name and number on the map and readable, the report on two A4 pages."""

import re

import pytest

from tests.browser.test_axe import session_cookies
from tests.crawl_demo import demo_world

SIZES = [(360, 640, True), (1366, 768, False), (1920, 1080, False)]


@pytest.fixture
def demo(app, db):
    """The demo, with its made-up map and figures of Havenstad, and each role's cookie."""
    from buurtlog.demo.services import load_demo

    load_demo()
    return session_cookies(app, demo_world(db)["users"])


@pytest.mark.parametrize("width, height, mobile", SIZES)
def test_map_and_figures_fit_and_carry_their_numbers(
    browser, live_server, demo, width, height, mobile
):
    """At each size: the page does not scroll sideways, the map names its three buurten with
    their numbers in letters no smaller than 10 px, the places are listed, the table behind it
    opens with one tap, and the CBS card shows the inhabitants."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        is_mobile=mobile,
        has_touch=True,
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
        base_url=live_server,
        service_workers="block",
    )
    context.add_cookies([{"name": "session", "value": demo["coordinator"], "url": live_server}])
    page = context.new_page()
    try:
        page.goto("/wijk/WK990101?map_per=1000")
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width
        svg = page.locator("#map svg.map")
        labels = svg.locator("text.map-label:not(.map-value)").all_text_contents()
        assert sorted(labels) == ["Havenkade", "Sluiskwartier", "Smaragdplein"]
        values = svg.locator("text.map-value").all_text_contents()
        assert len(values) == 3 and all(re.fullmatch(r"\d+,\d", v) for v in values)
        for text in svg.locator("text.map-label").all():
            assert text.bounding_box()["height"] >= 10  # readable at this size
        assert page.locator("#map .map-places li").count() == 6
        summary = page.locator("#map summary")
        summary.scroll_into_view_if_needed()
        assert summary.bounding_box()["height"] >= 44
        summary.tap() if mobile else summary.click()
        assert page.locator("#map table tbody tr").count() == 3
        assert "7.835" in page.locator("#census").inner_text()
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    finally:
        context.close()


def test_the_report_prints_on_two_pages_with_its_map(browser, live_server, demo):
    """The report for the municipality, with the CBS figures and the map, prints on at most two
    A4 pages."""
    context = browser.new_context(
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
        base_url=live_server,
        service_workers="block",
    )
    context.add_cookies([{"name": "session", "value": demo["coordinator"], "url": live_server}])
    page = context.new_page()
    try:
        page.goto("/wijk/WK990101/rapport")
        assert page.locator("svg.map text.map-value").count() == 3
        pdf = page.pdf(format="A4")
        assert 1 <= len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2
    finally:
        context.close()
