"""The kiosk lock holds offline: the tablet's service worker shows only the kiosk page."""

import pytest
from sqlalchemy import select

from buurtlog.models import Place, WalkInSession
from tests.browser.conftest import sign_in
from tests.browser.test_offline import WAIT_FOR_WORKER

QUESTION = "Waar vind ik hulp bij de schulden van mijn zoon?"
KIOSK_HEADING = "Welkom! Tik één keer en neem een kop koffie."


@pytest.fixture
def kiosk_tablet(phone, worker, db, make_entry, make_theme):
    """Sign the host in, keep the own log for offline use, then switch the tablet to kiosk."""
    place = db.session.scalars(select(Place)).first()
    secret = make_theme("huiselijk-geweld", sensitive=True, name_nl="Huiselijk geweld")
    make_entry(author=worker, area=place.area, themes=[secret], underlying_question=QUESTION)
    walk_in = WalkInSession(team=worker.team, place=place, host=worker)
    db.session.add(walk_in)
    db.session.commit()

    sign_in(phone, worker)
    phone.evaluate(WAIT_FOR_WORKER)
    phone.goto("/entries")  # kept by the service worker for offline use
    assert QUESTION in phone.locator("main").inner_text()
    phone.goto(f"/walkin/sessions/{walk_in.id}")
    phone.get_by_text("Kioskstand: bezoekers tikken zelf in").click()
    phone.get_by_label("Pincode om de kioskstand te verlaten").fill("2468")
    phone.get_by_role("button", name="Kioskstand starten").click()
    phone.wait_for_url("**/walkin/kiosk")
    assert_kiosk(phone)
    return phone


def assert_kiosk(page):
    """Assert that the page shows the kiosk and nothing of the host's log."""
    assert page.get_by_role("heading", level=1).inner_text().startswith(KIOSK_HEADING)
    text = page.locator("body").inner_text()
    assert QUESTION not in text and "Huiselijk geweld" not in text and "Mijn praatjes" not in text


def test_offline_the_kiosk_shows_no_kept_page(kiosk_tablet):
    """Offline, typing /entries or going back shows the kiosk page, never the kept log."""
    page = kiosk_tablet
    page.context.set_offline(True)
    for path in ("/entries", "/", "/initiatives/", "/walkin/", "/entries?page=2"):
        response = page.goto(path)
        assert response.from_service_worker, path
        assert_kiosk(page)
    # Back through the history: the addresses above, the kiosk, the tally and the log itself.
    visited = []
    for _ in range(7):
        page.evaluate("history.back()")
        page.wait_for_load_state()
        assert_kiosk(page)
        visited.append(page.evaluate("location.pathname"))
    assert visited[:4] == ["/walkin/", "/initiatives/", "/", "/entries"]
    assert visited[4] == "/walkin/kiosk" and visited[5].startswith("/walkin/sessions/")
    assert visited[6] == "/entries"


def test_online_the_kiosk_stays_until_the_pin_and_then_lets_go(kiosk_tablet):
    """The kiosk page is all there is, until the host's PIN; then the host's pages are back."""
    page = kiosk_tablet
    page.goto("/entries")
    page.wait_for_url("**/walkin/kiosk")
    assert_kiosk(page)
    page.get_by_text("Gastvrouw/gastheer").click()
    page.get_by_label("Pincode", exact=True).fill("2468")
    page.get_by_role("button", name="Kioskstand verlaten").click()
    page.get_by_text("De kioskstand is uit.").wait_for()
    page.goto("/entries")
    assert QUESTION in page.locator("main").inner_text()
    page.context.set_offline(True)  # the host's own log is kept for offline use again
    response = page.goto("/entries")
    assert response.from_service_worker
    assert QUESTION in page.locator("main").inner_text()
