"""A walk-in started and ended without a connection: one session with its taps, once online."""

import time

from sqlalchemy import func, select

from buurtlog.models import CheckIn, WalkInSession
from tests.browser.conftest import sign_in
from tests.browser.test_offline import WAIT_FOR_WORKER

PLACE = "Tafel Buurtsuper Smaragdplein"
KEPT = """async () => {
  for (let i = 0; i < 200; i += 1) {
    const kept = await Promise.all(["/walkin/", "/walkin/offline-tally"].map((path) =>
      caches.match(path)));
    const { getReference } = await import("/static/js/outbox-core.js");
    if (kept.every(Boolean) && (await getReference())) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}"""


def wait_for_walk_in(db, taps, timeout=15.0):
    """Wait until the server holds one ended walk-in with `taps` check-ins; return it."""
    deadline = time.monotonic() + timeout
    while True:
        db.session.rollback()  # see the server thread's commits
        sessions = db.session.scalars(select(WalkInSession)).all()
        counted = db.session.scalar(select(func.count()).select_from(CheckIn))
        done = len(sessions) == 1 and sessions[0].ended_at is not None and counted == taps
        if done or time.monotonic() > deadline:
            return sessions, counted
        time.sleep(0.1)


def test_a_walk_in_started_and_ended_offline_arrives_once(phone, worker, db):
    """Start at the usual place, count two visitors and end it, all offline: online, exactly
    one walk-in, ended, with its two taps, and the tally page becomes the server's."""
    sign_in(phone, worker)
    phone.evaluate(WAIT_FOR_WORKER)
    assert phone.evaluate(KEPT)
    context = phone.context
    context.set_offline(True)

    assert phone.goto("/walkin/").from_service_worker
    phone.locator("select[name=place]").select_option(label=PLACE)
    phone.locator("form[data-walkin-start] button[type=submit]").tap()
    phone.wait_for_url("**/walkin/sessions/*")
    session_id = phone.url.rsplit("/", 1)[1]
    assert session_id != "00000000-0000-0000-0000-000000000000"
    phone.get_by_role("heading", level=1).get_by_text(PLACE).wait_for()

    tally = phone.locator("[data-tally-form]")
    tally.locator("button[value=new]").tap()
    phone.wait_for_function(
        "() => document.querySelector('[data-count-visitors]').textContent === '1'"
    )
    tally.locator("button[value=known]").tap()
    phone.wait_for_function(
        "() => document.querySelector('[data-count-visitors]').textContent === '2'"
    )
    phone.once("dialog", lambda dialog: dialog.accept())
    phone.locator("form[action$='/end'] button").tap()
    phone.get_by_text("De inloop is afgesloten.").wait_for()
    assert db.session.scalar(select(func.count()).select_from(WalkInSession)) == 0

    context.set_offline(False)  # the outbox sends the start, the taps and the end, in order
    sessions, counted = wait_for_walk_in(db, 2)
    assert len(sessions) == 1 and str(sessions[0].id) == session_id
    assert sessions[0].ended_at is not None and sessions[0].host_id == worker.id
    assert sessions[0].place.name == PLACE
    assert counted == 2
    assert sorted(
        db.session.scalars(select(CheckIn.visitor).where(CheckIn.session_id == sessions[0].id))
    ) == ["known", "new"]
    phone.locator("[data-offline-page]").wait_for(state="detached")  # the server's page now
    assert phone.url.endswith(f"/walkin/sessions/{session_id}")
    phone.get_by_text("Laatste tikken").wait_for()
