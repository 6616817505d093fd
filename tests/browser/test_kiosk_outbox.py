"""Kiosk taps go through the outbox: a tablet without a connection counts every visitor once."""

from sqlalchemy import func, select

from buurtlog.models import CheckIn
from tests.browser.test_kiosk_offline import assert_kiosk, kiosk_tablet  # noqa: F401

WAITING = """async () => {
  const { allRecords } = await import("/static/js/outbox-core.js");
  return (await allRecords()).map((record) => record.kind);
}"""


def kiosk_taps(db, expected, timeout_loops=100):
    """Wait until the server holds `expected` kiosk taps; return how many it holds."""
    import time

    for _ in range(timeout_loops):
        db.session.rollback()  # see the server thread's commits
        found = db.session.scalar(
            select(func.count()).select_from(CheckIn).where(CheckIn.source == "kiosk")
        )
        if found == expected:
            return found
        time.sleep(0.1)
    return found


def test_kiosk_taps_offline_are_counted_once_online(kiosk_tablet, db):  # noqa: F811
    """Three visitors tap in offline (one after a reload); online they are counted, once."""
    page = kiosk_tablet
    page.context.set_offline(True)
    thanks = page.get_by_text("Dank je wel, en welkom!")
    for visitor in ("new", "known"):
        page.locator(f"button[value={visitor}]").tap()
        thanks.wait_for()
    assert page.evaluate("location.pathname") == "/walkin/kiosk"  # no error page
    response = page.reload()
    assert response.from_service_worker
    assert_kiosk(page)
    page.locator("button[value=new]").tap()
    thanks.wait_for()
    assert page.evaluate(WAITING) == ["kiosk-tap"] * 3
    assert kiosk_taps(db, 0, timeout_loops=1) == 0

    page.context.set_offline(False)  # "online": the kiosk sends its outbox
    assert kiosk_taps(db, 3) == 3
    page.wait_for_function("""async () => {
      const { allRecords } = await import("/static/js/outbox-core.js");
      return (await allRecords()).length === 0;
    }""")
    visitors = sorted(db.session.scalars(select(CheckIn.visitor).where(CheckIn.source == "kiosk")))
    assert visitors == ["known", "new", "new"]
    page.reload()  # and sent again from a fresh page: nothing more
    assert_kiosk(page)
    page.wait_for_load_state("networkidle")
    assert kiosk_taps(db, 3, timeout_loops=1) == 3


def test_online_a_kiosk_tap_is_counted_at_once(kiosk_tablet, db):  # noqa: F811
    """Online the tap goes straight through the outbox: counted, thanked, nothing left."""
    page = kiosk_tablet
    page.locator("button[value=known]").tap()
    page.get_by_text("Dank je wel, en welkom!").wait_for()
    assert kiosk_taps(db, 1) == 1
    page.wait_for_function("""async () => {
      const { allRecords } = await import("/static/js/outbox-core.js");
      return (await allRecords()).length === 0;
    }""")
