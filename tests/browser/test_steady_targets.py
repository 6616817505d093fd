"""Nothing moves under the thumb: the tally's buttons stay put when a message or the double-tap
question appears, the place search shows what it found, and an online save does not flash the
outbox bar."""

import time

import pytest
from flask import request
from sqlalchemy import select

from buurtlog.models import Area, Place, WalkInSession
from tests.browser.conftest import sign_in, wait_for_entries


def boxes(page, locators):
    """Return where each target is on the screen."""
    return [page.locator(selector).first.bounding_box() for selector in locators]


@pytest.fixture
def walk_in(db, worker):
    """Start a walk-in at the worker's supermarket table."""
    place = db.session.scalars(select(Place)).first()
    session = WalkInSession(team=worker.team, place=place, host=worker)
    db.session.add(session)
    db.session.commit()
    return session


TARGETS = [
    "button[value=new].tally-big",
    "button[value=known].tally-big",
    ".tally-form .chip label",
]


def open_tally(phone, worker, walk_in):
    """Open the walk-in's tally as a host's phone that has had the app before, ready to tap;
    return where its targets are."""
    sign_in(phone, worker)
    # A host's phone has had the app before: its service worker controls the page (on the very
    # first visit it installs, keeps pages and takes control while the host taps).
    phone.evaluate("navigator.serviceWorker.ready")
    phone.goto(f"/walkin/sessions/{walk_in.id}")
    phone.wait_for_function("navigator.serviceWorker.controller !== null")
    # The script in charge of the taps is a module, loaded after the page: a tap before it
    # is a plain form post, a page of its own (the buttons in another place).
    phone.locator("[data-tally-form][data-ready]").wait_for(state="attached")
    return boxes(phone, TARGETS)


def test_the_tally_buttons_stay_put(phone, worker, walk_in):
    """Tap New, Known, then New twice: the status line and the double-tap question appear, and
    the big buttons and the chips under them do not move a pixel."""
    before = open_tally(phone, worker, walk_in)
    targets = TARGETS
    new = phone.get_by_role("button", name="+ Nieuw", exact=True)
    new.tap()
    phone.locator("[data-tally-status]").get_by_text("Geteld").wait_for()
    assert boxes(phone, targets) == before
    phone.get_by_role("button", name="+ Bekend", exact=True).tap()
    new.tap()
    new.tap()  # within a second: the question whether there were two
    phone.locator("[data-double]").wait_for()
    assert boxes(phone, targets) == before
    # The question floats above the navigation, clear of the big buttons.
    question = phone.locator("[data-double]").bounding_box()
    assert question["y"] >= before[0]["y"] + before[0]["height"]
    assert question["y"] + question["height"] <= phone.locator(".mainnav").bounding_box()["y"]


def test_the_tally_buttons_stay_put_on_a_slow_connection(phone, worker, walk_in, app):
    """On a slow connection the tap waits to be sent and the outbox bar says so: it sits in
    the top bar's row, so the buttons stay where the thumb expects them, until it has gone."""

    def slow_check_ins():
        if request.path.startswith("/api/v1/checkins"):
            time.sleep(3)  # longer than the outbox bar's grace

    app.before_request_funcs.setdefault(None, []).append(slow_check_ins)
    before = open_tally(phone, worker, walk_in)
    top = phone.locator(".topbar").bounding_box()
    phone.get_by_role("button", name="+ Nieuw", exact=True).tap()
    bar = phone.locator("[data-outbox]")
    bar.get_by_text("1 wacht op verzending").wait_for()
    assert boxes(phone, TARGETS) == before
    assert phone.locator(".topbar").bounding_box() == top
    bar.wait_for(state="hidden", timeout=15_000)
    assert boxes(phone, TARGETS) == before


def test_the_place_search_selects_what_it_found(phone, worker, make_place, db):
    """Typing part of a place's name shows that place in the select; a neighbourhood's name
    chooses no particular place and that neighbourhood."""
    buurt = db.session.scalar(select(Area).where(Area.name == "Smaragdplein"))
    make_place(name="Wijkcentrum De Leeuw", area=buurt)
    sign_in(phone, worker)
    search = phone.locator("[data-place-search]")

    def chosen(name):
        """Return the text the select shows."""
        return phone.evaluate(
            f"document.querySelector('select[name={name}]').selectedOptions[0].text"
        )

    search.fill("smaragd")  # both places lie in Smaragdplein: the first one is shown
    assert chosen("place") == "Tafel Buurtsuper Smaragdplein"
    search.fill("leeuw")
    assert chosen("place") == "Wijkcentrum De Leeuw"
    search.fill("smaragd")  # still a match: the choice is kept
    assert chosen("place") == "Wijkcentrum De Leeuw"
    search.fill("kanaal")  # no place, but the wijk: no particular place, and that area
    assert phone.locator("select[name=place]").input_value() == ""
    assert "Kanaalzone" in chosen("area")


def test_an_online_save_does_not_flash_the_outbox_bar(phone, worker, db):
    """Save online: the confirmation comes, and the outbox bar never shows."""
    sign_in(phone, worker)
    phone.evaluate("""() => {
      window.barShown = 0;
      const bar = document.querySelector('[data-outbox]');
      new MutationObserver(() => { if (!bar.hidden) window.barShown += 1; })
        .observe(bar, {attributes: true});
    }""")
    phone.get_by_label("Straat", exact=True).tap()
    phone.get_by_label("Signaal", exact=True).tap()
    phone.get_by_label("Eenzaamheid", exact=True).tap()
    phone.get_by_role("button", name="Opslaan").tap()
    phone.get_by_role("status").get_by_text("Opgeslagen — ").wait_for()
    wait_for_entries(db, 1)
    phone.wait_for_timeout(2000)  # past the bar's grace: still nothing waits, nothing shows
    assert phone.evaluate("window.barShown") == 0
    assert phone.locator("[data-outbox]").is_hidden()
