"""Offline from the first sign-in: the pages a worker needs are kept without visiting them."""

from sqlalchemy import select

from buurtlog.models import Theme
from tests.browser.conftest import sign_in, wait_for_entries
from tests.browser.test_offline import WAIT_FOR_WORKER, log_entry

# Wait until the service worker keeps "My log" and this user's offline page.
KEPT = """async (userId) => {
  for (let i = 0; i < 200; i += 1) {
    const log = await caches.match("/entries");
    const offline = await caches.match("/offline");
    if (log && offline?.headers.get("X-Offline-User") === String(userId)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}"""


def signed_in_once(phone, worker):
    """Sign in for the first time on this phone and wait until the kept pages are there."""
    sign_in(phone, worker)
    phone.evaluate(WAIT_FOR_WORKER)
    assert phone.evaluate(KEPT, worker.id)


def test_my_log_works_offline_from_the_first_sign_in(phone, worker, make_entry, db):
    """Never opened online, "My log" shows offline the server's list and what waits to be
    sent; back online it sends and shows the sent entry in the list, without a reload."""
    theme = db.session.scalar(select(Theme).where(Theme.slug == "wonen"))
    make_entry(author=worker, themes=[theme], underlying_question="Wie repareert de lift?")
    signed_in_once(phone, worker)
    context = phone.context
    context.set_offline(True)
    log_entry(phone, theme="Spelen")

    response = phone.goto("/entries")
    assert response.from_service_worker
    assert phone.get_by_role("heading", name="Mijn praatjes").is_visible()
    server_list = phone.locator("[data-server-list]")
    assert server_list.get_by_text("Wie repareert de lift?").is_visible()
    waiting = phone.locator("[data-outbox-list]")
    waiting.get_by_text("Wacht op verzending").wait_for()
    assert waiting.locator("li").count() == 1
    assert server_list.locator("li.entry").count() == 1

    phone.evaluate("window.sameDocument = true")
    context.set_offline(False)  # "online": the outbox sends, then the list is fetched again
    wait_for_entries(db, 2)
    phone.wait_for_function(
        "() => document.querySelectorAll('[data-server-list] li.entry').length === 2"
    )
    assert server_list.get_by_text("Spelen").is_visible()
    waiting.wait_for(state="hidden")
    assert phone.evaluate("window.sameDocument") is True  # not reloaded


def test_the_offline_page_keeps_the_navigation_and_sends_when_back_online(phone, worker, db):
    """A page not kept shows the offline page with the navigation and the outbox bar; back
    online it sends the outbox and becomes the page that was asked for."""
    signed_in_once(phone, worker)
    context = phone.context
    context.set_offline(True)
    log_entry(phone)

    phone.goto("/wijk/")
    assert phone.get_by_role("heading", name="Geen verbinding").is_visible()
    nav = phone.locator("nav.mainnav")
    assert nav.get_by_role("link", name="Mijn praatjes").is_visible()
    phone.locator("[data-outbox]").get_by_text("1 wacht op verzending").wait_for()

    context.set_offline(False)
    wait_for_entries(db, 1)
    phone.locator("[data-offline-page]").wait_for(state="detached")
    assert phone.url.endswith("/wijk/")
    assert phone.get_by_role("heading", name="Geen verbinding").count() == 0
