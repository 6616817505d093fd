"""A sensitive theme says who will read the entry the moment it is chosen."""

from tests.browser.conftest import sign_in

NOTICE = "alleen jij en de coördinatoren van je team"


def test_choosing_a_sensitive_theme_says_who_reads_the_entry(phone, worker, make_theme):
    """Tap "Huiselijk geweld": a notice in a live region says at once who reads it, in view and
    clear of the bars; unticking it takes the notice away."""
    make_theme("huiselijk-geweld", sensitive=True, name_nl="Huiselijk geweld")
    sign_in(phone, worker)
    notice = phone.locator("[data-sensitive-notice]")
    assert notice.get_attribute("aria-live") == "polite" and notice.inner_text() == ""
    phone.get_by_label("Eenzaamheid", exact=True).tap()  # not sensitive: nothing said
    assert notice.inner_text() == ""
    phone.get_by_text("Meer thema's").tap()
    phone.get_by_label("Huiselijk geweld", exact=True).tap()
    notice.get_by_text(NOTICE).wait_for()
    box = notice.bounding_box()
    save = phone.locator(".save-bar").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= save["y"]  # in view, not under Save
    phone.get_by_label("Huiselijk geweld", exact=True).tap()
    assert notice.inner_text() == ""
