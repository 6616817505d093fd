"""Browser tests: Debian's Chromium driven by Playwright against a live server in a thread."""

import os
import shutil
import threading
import time
from urllib.parse import urlsplit

import pytest
from werkzeug.serving import make_server

# The crawl of every page as every role, for the outside checkers (axe-core, Nu HTML Checker).
from tests.crawl import site  # noqa: F401
from tests.test_access import world  # noqa: F401

CHROMIUM = "/usr/lib/chromium/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    """Mark every test here as a browser test; skip them only when allowed to."""
    missing = not os.path.exists(CHROMIUM) and shutil.which("chromium") is None
    for item in items:
        if "tests/browser/" not in str(item.path).replace(os.sep, "/"):
            continue
        item.add_marker(pytest.mark.browser)
        # Chromium keeps its own, real clock (cookie expiry, service worker caches), so the
        # server it talks to must agree with it.
        item.add_marker(pytest.mark.wall_clock(reason="a real browser runs on the real clock"))
        if missing and not os.environ.get("BUURTLOG_REQUIRE_BROWSER"):
            item.add_marker(pytest.mark.skip(reason="Debian's Chromium is not installed"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium; Playwright cannot download its own browsers here."""
    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is required for the browser tests: apt-get install chromium")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def live_server(app):
    """Serve the test app on a free local port for the length of one test."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def phone(browser, live_server):
    """Open a page in a 360×640 phone-sized viewport with Dutch as the browser's language."""
    context = browser.new_context(
        viewport={"width": 360, "height": 640},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
        base_url=live_server,
    )
    page = context.new_page()
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert violations == [], "the page broke its Content-Security-Policy"


def wait_for_entries(db, count, timeout=10.0):
    """Wait until the server holds `count` entries (the outbox sends in the background)."""
    from sqlalchemy import func, select

    from buurtlog.models import Entry

    deadline = time.monotonic() + timeout
    while True:
        db.session.expire_all()
        db.session.rollback()  # end the read transaction, to see the other thread's commits
        found = db.session.scalar(select(func.count()).select_from(Entry))
        if found == count or time.monotonic() > deadline:
            assert found == count, f"expected {count} entries on the server, found {found}"
            return db.session.scalars(select(Entry).order_by(Entry.created_at)).all()
        time.sleep(0.1)


@pytest.fixture
def worker(make_team, make_user, make_place, make_theme, make_area):
    """Make a worker whose team covers a wijk with a supermarket table, and some themes."""
    wijk = make_area("wijk", name="Kanaalzone")
    buurt = make_area("buurt", name="Smaragdplein", parent=wijk)
    make_place(name="Tafel Buurtsuper Smaragdplein", area=buurt)
    for slug, nl in [
        ("eenzaamheid", "Eenzaamheid"),
        ("armoede-schulden", "Armoede & schulden"),
        ("spelen", "Spelen"),
        ("wonen", "Wonen"),
        ("veiligheid", "Veiligheid"),
        ("taal", "Taal"),
        ("werk", "Werk"),
        ("groen", "Groen"),
    ]:
        make_theme(slug, name_nl=nl, name_en=slug)
    return make_user("worker", team=make_team(areas=[wijk]))


def sign_in(page, user):
    """Sign in through the real form."""
    page.goto("/login")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill("correct horse battery staple")
    page.get_by_role("button", name="Inloggen").click()
    # On the log form itself: "**/" would also match the sign-in form's "/login?next=/".
    page.wait_for_url(lambda url: urlsplit(url).path == "/")
