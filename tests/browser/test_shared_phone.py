"""A shared phone: a colleague's unsent entries survive another's sign-out and stay theirs."""

import os
from pathlib import Path

import pytest

from buurtlog.models import User
from buurtlog.models.accounts import end_sessions
from tests.browser.conftest import sign_in, wait_for_entries
from tests.browser.test_offline import WAIT_FOR_WORKER, log_entry, outbox_count

NOTE_A = "Zorgen over de huur, wil hulp bij formulieren"

ALL_RECORDS = """async () => {
  const { allRecords } = await import('/static/js/outbox-core.js');
  return (await allRecords()).map((r) => ({ id: r.id, userId: r.userId, note: r.payload.note }));
}"""


@pytest.fixture
def colleague(make_user, worker):
    """Make a second worker of the same team, who uses the same phone."""
    return make_user("worker", team=worker.team)


def log_with_note(page, note):
    """Log an entry with a note (the note field sits in the folded part of the form)."""
    page.evaluate("(text) => { document.querySelector('textarea[name=note]').value = text; }", note)
    log_entry(page)


@pytest.fixture
def left_behind(phone, worker, db):
    """Let the worker log an entry offline, then lose the session before it was sent."""
    sign_in(phone, worker)
    phone.evaluate(WAIT_FOR_WORKER)
    phone.context.set_offline(True)
    log_with_note(phone, NOTE_A)
    assert outbox_count(phone) == 1
    end_sessions(db.session.get(User, worker.id))  # expired, or the phone was handed on
    db.session.commit()
    phone.context.set_offline(False)  # the replay finds no session: the entry stays
    [record] = phone.evaluate(ALL_RECORDS)
    assert record["userId"] == worker.id
    return record


def test_a_colleagues_unsent_entry_survives_a_sign_out_and_arrives_as_theirs(
    phone, worker, colleague, left_behind, db
):
    """B signs out on A's phone: A's entry is counted apart, kept, and sent under A later."""
    sign_in(phone, colleague)
    # B never sees A's entry: not in the status bar, not in the own log, not in the form.
    phone.goto("/entries")
    assert NOTE_A not in phone.locator("body").inner_text()
    assert outbox_count(phone) == 0
    phone.goto(f"/?outbox={left_behind['id']}")
    phone.wait_for_load_state("networkidle")
    assert phone.locator("textarea[name=note]").input_value() == ""
    wait_for_entries(db, 0)  # nor is it sent under B's session

    # B's own entry cannot leave either (the network refuses), so both wait at sign-out.
    phone.context.route("**/api/v1/entries", lambda route: route.abort())
    log_entry(phone, theme="Spelen")
    phone.locator("[data-outbox]").get_by_text("1 wacht op verzending").wait_for()
    phone.goto("/logout")
    warning = phone.locator("[data-logout-warning]")
    warning.wait_for()
    assert warning.locator("[data-logout-count]").inner_text() == "1"
    others = phone.locator("[data-logout-others]")
    assert "Een andere collega op deze telefoon: 1 nog niet verzonden" in others.inner_text()
    if os.environ.get("BUURTLOG_SCREENSHOTS"):  # a folder to look at the warning in
        folder = Path(os.environ["BUURTLOG_SCREENSHOTS"])
        phone.screenshot(path=str(folder / "sign-out-top.png"))
        others.scroll_into_view_if_needed()
        phone.screenshot(path=str(folder / "sign-out-others.png"))

    button = phone.get_by_role("button", name="Uitloggen")
    button.click()  # not yet confirmed: nothing happens
    assert phone.evaluate("location.pathname") == "/logout"
    phone.get_by_label("Ja, wis mijn niet-verzonden praatjes en log uit").check()
    with phone.expect_response(lambda r: r.request.method == "POST") as posted:
        button.click()
    assert posted.value.all_headers()["clear-site-data"] == '"cache"'  # the outbox is kept
    phone.wait_for_url("**/login")
    phone.context.unroute("**/api/v1/entries")
    [kept] = phone.evaluate(ALL_RECORDS)
    assert kept == left_behind  # A's entry is still there, B's is gone

    sign_in(phone, worker)  # A is back: the entry is sent, as A's
    [entry] = wait_for_entries(db, 1)
    assert entry.author_id == worker.id and entry.note == NOTE_A
    phone.locator("[data-outbox]").wait_for(state="hidden")
    assert phone.evaluate(ALL_RECORDS) == []


def test_a_sign_out_can_wipe_a_colleagues_entries_only_when_asked(
    phone, colleague, left_behind, db
):
    """Deleting a colleague's unsent entries takes its own, explicit yes."""
    sign_in(phone, colleague)
    phone.goto("/logout")
    phone.locator("[data-logout-others]").wait_for()
    assert phone.locator("[data-logout-warning]").is_hidden()  # B has nothing unsent
    phone.get_by_label("Wis ook de niet-verzonden praatjes van collega's", exact=False).check()
    with phone.expect_response(lambda r: r.request.method == "POST") as posted:
        phone.get_by_role("button", name="Uitloggen").click()
    assert posted.value.all_headers()["clear-site-data"] == '"cache", "storage"'
    phone.wait_for_url("**/login")
    assert phone.evaluate(ALL_RECORDS) == []
