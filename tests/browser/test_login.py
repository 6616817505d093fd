"""Signing in on a phone and reaching the start screen."""

from tests.conftest import PASSWORD


def test_worker_signs_in_on_a_phone_and_reaches_the_log_form(
    phone, make_user, make_place, make_theme
):
    """Sign in on a 360×640 screen and land on the log form, in Dutch."""
    user = make_user(team=None)
    make_place()
    make_theme()
    phone.goto("/")
    assert phone.url.endswith("/login?next=/")
    phone.get_by_label("E-mailadres").fill(user.email)
    phone.get_by_label("Wachtwoord").fill(PASSWORD)
    phone.get_by_role("button", name="Inloggen").click()
    phone.wait_for_url("**/")
    assert phone.locator("form[data-log-form]").is_visible()
    save = phone.get_by_role("button", name="Opslaan")
    box = save.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 300
    assert phone.get_by_role("link", name="Mijn praatjes").is_visible()
