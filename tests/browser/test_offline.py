"""Offline first: installable, the outbox keeps every entry, and each arrives exactly once."""

import socket

import pytest
from sqlalchemy import select

from buurtlog.models import Theme
from tests.browser.conftest import sign_in, wait_for_entries

WAIT_FOR_WORKER = """async () => {
  const registration = await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
  }
  const worker = registration.active;
  if (worker.state !== "activated") {
    await new Promise((resolve) => worker.addEventListener("statechange",
      () => worker.state === "activated" && resolve()));
  }
  return worker.scriptURL;
}"""


def log_entry(page, theme="Eenzaamheid", setting="Straat", kind="Signaal"):
    """Log a minimal entry with three taps and Save, and wait for the confirmation."""
    page.get_by_label(setting, exact=True).tap()
    page.get_by_label(kind, exact=True).tap()
    page.get_by_label(theme, exact=True).tap()
    page.get_by_role("button", name="Opslaan").tap()
    page.get_by_role("status").wait_for()
    # Saved and cleared for the next person: no kind chosen any more.
    page.wait_for_function("() => !document.querySelector('input[name=kind]:checked')")


def outbox_count(page):
    """Return how many entries the status bar says are on the phone."""
    return int(page.locator("[data-outbox]").get_attribute("data-count") or 0)


@pytest.fixture
def online_phone(phone, worker):
    """Sign in online and wait until the service worker controls the page."""
    sign_in(phone, worker)
    phone.evaluate(WAIT_FOR_WORKER)
    return phone


def test_the_app_is_installable(online_phone):
    """Report no installability errors (apart from the test browser's incognito mode)."""
    cdp = online_phone.context.new_cdp_session(online_phone)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert [e["errorId"] for e in errors if e["errorId"] != "in-incognito"] == []
    manifest = online_phone.evaluate("fetch('/manifest.webmanifest').then(r => r.json())")
    assert manifest["short_name"] == "buurtlog" and manifest["display"] == "standalone"
    assert {"maskable"} <= {icon.get("purpose") for icon in manifest["icons"]}


def test_offline_entries_survive_a_closed_page_and_arrive_once(online_phone, db):
    """Log three entries offline, close the page, reopen it offline, go online: three rows."""
    context = online_phone.context
    context.set_offline(True)
    response = online_phone.reload()
    assert response.from_service_worker
    for theme in ("Eenzaamheid", "Spelen", "Wonen"):
        log_entry(online_phone, theme=theme)
        assert "Opgeslagen op je telefoon" in online_phone.get_by_role("status").inner_text()
    assert outbox_count(online_phone) == 3
    online_phone.close()

    page = context.new_page()
    page.goto("/")  # offline: served by the service worker
    page.locator("[data-outbox]").get_by_text("3 wachten op verzending").wait_for()
    context.set_offline(False)  # fires "online": the outbox replays
    entries = wait_for_entries(db, 3)
    assert sorted(t.slug for e in entries for t in e.themes) == ["eenzaamheid", "spelen", "wonen"]
    page.locator("[data-outbox]").wait_for(state="hidden")
    assert outbox_count(page) == 0


def test_a_lost_response_is_retried_without_doubling(app, online_phone, db):
    """The server saves a batch but the answer is lost: the retry makes no second row."""
    dropped = []
    wsgi_app = app.wsgi_app

    def drop_first_answer(environ, start_response):
        if (
            environ["PATH_INFO"] == "/api/v1/entries"
            and environ["REQUEST_METHOD"] == "POST"
            and not dropped
        ):
            dropped.append(True)
            b"".join(wsgi_app(environ, lambda *args: None))  # the server commits the batch ...
            connection = environ["werkzeug.socket"]
            connection.shutdown(socket.SHUT_RDWR)  # ... but the phone never hears back
            raise ConnectionResetError("answer dropped by the test")
        return wsgi_app(environ, start_response)

    app.wsgi_app = drop_first_answer
    log_entry(online_phone)
    wait_for_entries(db, 1)
    bar = online_phone.locator("[data-outbox]")
    bar.get_by_text("1 wacht op verzending").wait_for()
    online_phone.get_by_role("button", name="Nu verzenden").tap()
    bar.wait_for(state="hidden")
    assert dropped == [True]
    assert len(wait_for_entries(db, 1)) == 1


def test_two_tabs_replaying_at_once_make_no_duplicates(online_phone, db):
    """Queue entries offline, open a second tab, go online: both replay, each entry once."""
    context = online_phone.context
    context.set_offline(True)
    for theme in ("Eenzaamheid", "Spelen", "Wonen", "Taal"):
        log_entry(online_phone, theme=theme)
    second = context.new_page()
    second.goto("/")
    context.set_offline(False)
    online_phone.evaluate("import('/static/js/outbox.js').then((m) => m.sync())")
    second.evaluate("import('/static/js/outbox.js').then((m) => m.sync())")
    wait_for_entries(db, 4)
    for page in (online_phone, second):
        page.locator("[data-outbox]").wait_for(state="hidden")
    assert len(wait_for_entries(db, 4)) == 4


def test_a_refused_entry_stays_with_its_errors_and_can_be_fixed(online_phone, db):
    """An entry the server refuses stays visible with its error, is fixed, and then sent."""
    context = online_phone.context
    context.set_offline(True)
    log_entry(online_phone, theme="Eenzaamheid")
    theme = db.session.scalars(select(Theme).where(Theme.slug == "eenzaamheid")).one()
    theme.active = False  # retired while the entry waited on the phone
    db.session.commit()
    context.set_offline(False)
    bar = online_phone.locator("[data-outbox]")
    bar.get_by_text("1 heeft aandacht nodig").wait_for()
    bar.get_by_role("link").click()
    refused = online_phone.locator("[data-outbox-items] li")
    assert "Onbekend thema of niet meer in gebruik: eenzaamheid" in refused.inner_text()
    refused.get_by_role("link", name="Herstellen").click()
    online_phone.get_by_text("Onbekend thema of niet meer in gebruik").wait_for()
    assert online_phone.get_by_label("Straat", exact=True).is_checked()
    online_phone.get_by_label("Spelen", exact=True).tap()
    online_phone.get_by_role("button", name="Opslaan").tap()
    [entry] = wait_for_entries(db, 1)
    assert [t.slug for t in entry.themes] == ["spelen"] and entry.setting == "street"
    online_phone.locator("[data-outbox]").wait_for(state="hidden")


def test_what_the_server_found_in_a_refused_entry_is_marked_offline_too(online_phone, db):
    """A foreign number is beyond the browser's own check, so an entry logged offline keeps it
    and the sync refuses it. Its findings travel with it: fixed later without signal, the
    number is marked in the note with "Weghalen", and once removed the entry is sent."""
    context = online_phone.context
    context.set_offline(True)
    online_phone.get_by_label("Straat", exact=True).tap()
    online_phone.get_by_label("Signaal", exact=True).tap()
    online_phone.get_by_label("Eenzaamheid", exact=True).tap()
    online_phone.locator("details.more summary").click()
    note = online_phone.locator("#note")
    note.fill("Zoon belt uit Duitsland: +49 171 2345678 🙂 graag terugbellen")
    online_phone.get_by_role("button", name="Opslaan").tap()
    online_phone.get_by_role("status").wait_for()
    context.set_offline(False)
    bar = online_phone.locator("[data-outbox]")
    bar.get_by_text("1 heeft aandacht nodig").wait_for()
    bar.get_by_role("link").click()
    refused = online_phone.locator("[data-outbox-items] li")
    context.set_offline(True)  # no signal while fixing it
    refused.get_by_role("link", name="Herstellen").click()
    mark = online_phone.locator("[data-privacy-field]:has(#note) .privacy-backdrop mark")
    mark.wait_for()
    assert mark.inner_text() == "+49 171 2345678"
    row = online_phone.locator("[data-privacy-field]:has(#note) [data-privacy-output] li")
    assert "+49 171 2345678" in row.inner_text()
    row.get_by_role("button", name="Weghalen").tap()
    assert note.input_value() == "Zoon belt uit Duitsland: 🙂 graag terugbellen"
    mark.wait_for(state="detached")
    context.set_offline(False)
    online_phone.get_by_role("button", name="Opslaan").tap()
    [entry] = wait_for_entries(db, 1)
    assert entry.note == "Zoon belt uit Duitsland: 🙂 graag terugbellen"
    online_phone.locator("[data-outbox]").wait_for(state="hidden")


def test_a_new_version_is_offered_not_forced(app, online_phone):
    """A new service worker waits; the page offers a reload and only then switches."""
    online_phone.evaluate("window.stillTheSamePage = true")
    old_caches = online_phone.evaluate("caches.keys()")
    app.config["BUURTLOG_ASSET_VERSION"] = "next-version"
    online_phone.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    banner = online_phone.locator("[data-update]")
    banner.wait_for()
    assert "Nieuwe versie" in banner.inner_text()
    assert online_phone.evaluate("window.stillTheSamePage") is True
    assert online_phone.evaluate(
        "caches.keys()"
    ) == old_caches or "buurtlog-next-version" in online_phone.evaluate("caches.keys()")
    with online_phone.expect_navigation():
        banner.get_by_role("button", name="Opnieuw laden").tap()
    online_phone.evaluate(WAIT_FOR_WORKER)
    assert online_phone.evaluate("caches.keys()") == ["buurtlog-next-version"]
    assert online_phone.evaluate("window.stillTheSamePage") is None


def test_an_ended_session_takes_the_kept_pages_off_the_phone(online_phone, db, worker):
    """Once the server has ended the session, the pages kept for offline use are gone too."""
    from buurtlog.models import User
    from buurtlog.models.accounts import end_sessions

    context = online_phone.context
    online_phone.goto("/entries")  # kept by the service worker for offline use
    context.set_offline(True)
    online_phone.goto("/entries")
    assert online_phone.get_by_role("heading", level=1).inner_text() == "Mijn praatjes"
    context.set_offline(False)

    end_sessions(db.session.get(User, worker.id))  # signed out elsewhere, or deactivated
    db.session.commit()
    online_phone.goto("/entries")
    online_phone.wait_for_url("**/login**")

    context.set_offline(True)
    response = online_phone.goto("/entries")
    assert response.from_service_worker
    assert online_phone.get_by_role("heading", level=1).inner_text() == "Geen verbinding"
    online_phone.goto("/")
    assert online_phone.get_by_role("heading", level=1).inner_text() == "Geen verbinding"


def test_waiting_entries_sit_in_the_top_bar_and_give_way_to_the_keyboard(online_phone):
    """Offline, the count of waiting entries takes the top bar's row without making it taller;
    with the keyboard open (a 360×360 page) the navigation needs that row, and the count steps
    aside instead of lying under it."""
    height = online_phone.locator(".topbar").bounding_box()["height"]
    online_phone.context.set_offline(True)
    for theme in ("Eenzaamheid", "Spelen"):
        log_entry(online_phone, theme=theme)
    bar = online_phone.locator("[data-outbox]")
    bar.get_by_text("2 wachten op verzending").wait_for()
    assert online_phone.locator(".topbar").bounding_box()["height"] == height
    assert bar.get_by_role("button", name="Nu verzenden").is_visible()
    online_phone.set_viewport_size({"width": 360, "height": 360})
    assert not bar.is_visible()
    links = online_phone.locator(".mainnav a")
    boxes = [links.nth(i).bounding_box() for i in range(links.count())]
    assert all(b["x"] >= 0 and b["x"] + b["width"] <= 360 for b in boxes)
    assert online_phone.evaluate("document.documentElement.scrollWidth") == 360
    online_phone.set_viewport_size({"width": 360, "height": 640})
    assert bar.is_visible()
