"""The reference data for the offline pickers: once per sign-in, then revalidated by ETag."""

from urllib.parse import urlsplit

from buurtlog.models import User
from buurtlog.models.accounts import end_sessions
from tests.browser.conftest import sign_in
from tests.browser.test_offline import WAIT_FOR_WORKER

# Collects the page's "reference:changed" events, installed before the page's own scripts.
LISTEN = """document.addEventListener("reference:changed",
  (event) => (window.referenceChanges ||= []).push(event.detail.changed));"""
# The copy on the phone, once the page has kept one.
STORED = """async () => {
  const { getReference } = await import("/static/js/outbox-core.js");
  for (let i = 0; i < 100; i += 1) {
    const stored = await getReference();
    if (stored) return { etag: stored.etag, checkedAt: stored.checkedAt,
                         places: stored.data.places.map((place) => place.name) };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}"""
# Make the copy on the phone look as if it was checked `minutes` ago.
AGE = """async (minutes) => {
  const { getReference, putReference } = await import("/static/js/outbox-core.js");
  const stored = await getReference();
  await putReference({ ...stored, checkedAt: stored.checkedAt - minutes * 60 * 1000 });
}"""


def reference_requests(page):
    """Record every request for the reference data the page makes, with its If-None-Match."""
    seen = []

    def note(request):
        if urlsplit(request.url).path == "/api/v1/reference":
            seen.append(request)

    page.context.on("request", note)
    return seen


def test_the_reference_data_is_fetched_once_per_sign_in(phone, worker):
    """Ten pages in one sign-in cost one request for the reference data, not ten."""
    seen = reference_requests(phone)
    sign_in(phone, worker)
    phone.evaluate(WAIT_FOR_WORKER)
    first = phone.evaluate(STORED)
    assert first["places"] == ["Tafel Buurtsuper Smaragdplein"]
    for path in ("/entries", "/", "/initiatives/", "/entries", "/") * 2:
        phone.goto(path)
        phone.wait_for_load_state("networkidle")
    assert len(seen) == 1
    assert seen[0].headers.get("if-none-match") is None
    assert phone.evaluate(STORED)["checkedAt"] == first["checkedAt"]


def test_an_old_copy_is_revalidated_and_the_page_told_what_changed(phone, worker, make_place):
    """Half an hour on, one conditional request: 304 when nothing changed, else the news."""
    phone.add_init_script(LISTEN)
    seen = reference_requests(phone)
    sign_in(phone, worker)
    phone.evaluate(WAIT_FOR_WORKER)
    first = phone.evaluate(STORED)

    phone.evaluate(AGE, 31)
    phone.goto("/entries")
    phone.wait_for_load_state("networkidle")
    assert len(seen) == 2
    assert seen[1].headers.get("if-none-match") == first["etag"]
    assert seen[1].response().status == 304
    assert phone.evaluate(STORED)["checkedAt"] > first["checkedAt"] - 31 * 60 * 1000
    assert phone.evaluate("window.referenceChanges || []") == []

    make_place(name="Buurthuis De Kas", area=worker.team.areas[0])
    phone.goto("/")  # fresh again: no request
    phone.wait_for_load_state("networkidle")
    assert len(seen) == 2
    phone.evaluate(AGE, 31)
    phone.goto("/")
    phone.wait_for_function("() => (window.referenceChanges || []).length > 0")
    assert phone.evaluate("window.referenceChanges") == [["places"]]
    assert len(seen) == 3 and seen[2].response().status == 200
    assert "Buurthuis De Kas" in phone.evaluate(STORED)["places"]


def test_the_next_sign_in_checks_the_kept_copy_once(phone, worker, db):
    """A session that ended leaves the copy on the phone; signing in again checks it (304)."""
    seen = reference_requests(phone)
    sign_in(phone, worker)
    phone.evaluate(WAIT_FOR_WORKER)
    first = phone.evaluate(STORED)
    end_sessions(db.session.get(User, worker.id))  # signed out elsewhere, say
    db.session.commit()
    phone.goto("/entries")  # to the sign-in form
    phone.get_by_label("Wachtwoord").wait_for()
    sign_in(phone, worker)
    phone.wait_for_load_state("networkidle")
    for path in ("/entries", "/"):
        phone.goto(path)
        phone.wait_for_load_state("networkidle")
    assert len(seen) == 2
    assert seen[1].headers.get("if-none-match") == first["etag"]
    assert seen[1].response().status == 304
