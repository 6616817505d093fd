"""Offline like the log: a walk-in tally and presence kept on the phone, each sent exactly once."""

import time

import pytest
from sqlalchemy import func, select

from buurtlog.models import CheckIn, Place, Presence, WalkInSession
from tests.browser.conftest import sign_in
from tests.browser.test_offline import WAIT_FOR_WORKER, outbox_count


def wait_for(db, query, expected, timeout=15.0):
    """Wait until a count query answers `expected` (the outbox sends in the background)."""
    deadline = time.monotonic() + timeout
    while True:
        db.session.rollback()  # end the read transaction, to see the server thread's commits
        found = db.session.scalar(query)
        if found == expected or time.monotonic() > deadline:
            assert found == expected, f"expected {expected}, found {found}"
            return
        time.sleep(0.1)


@pytest.fixture
def online_phone(phone, worker):
    """Sign in online and wait until the service worker controls the page."""
    sign_in(phone, worker)
    phone.evaluate(WAIT_FOR_WORKER)
    return phone


@pytest.fixture
def walk_in(db, worker):
    """Start a walk-in at the worker's supermarket table."""
    place = db.session.scalars(select(Place)).first()
    session = WalkInSession(team=worker.team, place=place, host=worker)
    db.session.add(session)
    db.session.commit()
    return session


def test_an_offline_tally_of_twenty_arrives_exactly_once(online_phone, walk_in, db):
    """Twenty visitors (a confirmed double tap among them) and one undone tap, all offline;
    back online, exactly twenty visitors are on the server."""
    page = online_phone
    page.goto(f"/walkin/sessions/{walk_in.id}")
    page.context.set_offline(True)
    new = page.get_by_role("button", name="+ Nieuw", exact=True)
    known = page.get_by_role("button", name="+ Bekend", exact=True)
    for i in range(18):
        (new if i % 2 == 0 else known).tap()
    page.get_by_label("Eenzaamheid", exact=True).tap()  # a theme chip for the next visitor
    new.tap()
    new.tap()  # within a second: one visitor, unless confirmed
    double = page.locator("[data-double]")
    double.wait_for()
    double.get_by_role("button", name="Ja, tel er nog één").tap()
    known.tap()
    page.locator("[data-tally-status]").get_by_text("Bewaard op je telefoon").wait_for()
    page.get_by_role("button", name="Laatste ongedaan maken").tap()
    page.locator("[data-tally-status]").get_by_text("ongedaan gemaakt").wait_for()
    page.locator("[data-count-visitors]").get_by_text("20", exact=True).wait_for()
    assert page.locator("[data-count-new]").inner_text() == "11"
    assert outbox_count(page) == 22  # 21 taps and one undo
    assert db.session.scalar(select(func.count()).select_from(CheckIn)) == 0
    response = page.reload()  # still offline: the service worker serves the kept tally page
    assert response.from_service_worker
    page.locator("[data-count-visitors]").get_by_text("20", exact=True).wait_for()
    assert page.locator("[data-count-new]").inner_text() == "11"

    page.context.set_offline(False)  # fires "online": the outbox replays
    counted = select(func.count()).select_from(CheckIn).where(CheckIn.undone_at.is_(None))
    wait_for(db, counted, 20)
    page.locator("[data-outbox]").wait_for(state="hidden")
    page.evaluate("import('/static/js/outbox.js').then((m) => m.sync())")  # a second replay
    wait_for(db, select(func.count()).select_from(CheckIn), 21)
    wait_for(db, counted, 20)
    news = (
        select(func.count())
        .select_from(CheckIn)
        .where(CheckIn.undone_at.is_(None), CheckIn.visitor == "new")
    )
    wait_for(db, news, 11)
    themed = select(func.count()).select_from(CheckIn).where(CheckIn.theme_id.is_not(None))
    wait_for(db, themed, 1)
    page.reload()
    assert page.locator("[data-count-visitors]").inner_text() == "20"


def test_presence_started_and_stopped_offline_arrives_once(online_phone, db):
    """Start and stop presence offline; online, one block with its start and end."""
    page = online_phone
    page.goto("/presence/")
    page.context.set_offline(True)
    page.locator("form[data-presence-start] select[name=place]").select_option(
        label="Tafel Buurtsuper Smaragdplein"
    )
    page.get_by_role("button", name="Aanwezigheid starten").tap()
    page.locator("[data-presence-running]").wait_for()
    assert "Tafel Buurtsuper Smaragdplein" in page.locator("[data-presence-text]").inner_text()
    page.get_by_role("button", name="Stoppen").tap()
    page.locator("[data-presence-running]").wait_for(state="hidden")
    assert outbox_count(page) == 2
    assert db.session.scalar(select(func.count()).select_from(Presence)) == 0

    page.context.set_offline(False)
    finished = select(func.count()).select_from(Presence).where(Presence.ended_at.is_not(None))
    wait_for(db, finished, 1)
    page.locator("[data-outbox]").wait_for(state="hidden")
    wait_for(db, select(func.count()).select_from(Presence), 1)
    presence = db.session.scalars(select(Presence)).one()
    assert presence.client_id is not None and presence.ended_at >= presence.started_at
