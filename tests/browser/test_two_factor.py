"""Two-factor sign-in in a real browser: set up by QR code on first sign-in, then sign in."""

import re

import pyotp

from buurtlog.accounts import two_factor
from tests.conftest import PASSWORD


def test_coordinator_sets_up_an_authenticator_then_signs_in_with_it(
    app, phone, make_user, make_team
):
    """Set up on the phone right after the password; the QR code shows under the CSP."""
    app.config["TWO_FACTOR_REQUIRED_ROLES"] = ["coordinator", "admin"]
    user = make_user("coordinator", team=make_team())
    phone.goto("/login")
    phone.get_by_label("E-mailadres").fill(user.email)
    phone.get_by_label("Wachtwoord").fill(PASSWORD)
    phone.get_by_role("button", name="Inloggen").click()
    phone.wait_for_url("**/two-factor/setup")

    qr = phone.locator("img.qr-code")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    assert qr.bounding_box()["width"] <= 360
    key = phone.locator("code.secret").inner_text().replace(" ", "")
    assert re.fullmatch(r"[A-Z2-7]{32}", key)
    phone.get_by_label("Code").fill(pyotp.TOTP(key).at(two_factor.now()))
    phone.get_by_role("button", name="Inloggen in twee stappen aanzetten").click()
    codes = phone.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    phone.get_by_role("link", name="Ik heb ze bewaard, verder").click()
    phone.wait_for_url("**/start")  # a coordinator's start: review, actions, wijken
    assert phone.get_by_role("heading", name="Weekoverleg").is_visible()

    phone.goto("/logout")
    phone.get_by_role("button", name="Uitloggen").click()
    phone.wait_for_url("**/login")
    phone.get_by_label("E-mailadres").fill(user.email)
    phone.get_by_label("Wachtwoord").fill(PASSWORD)
    phone.get_by_role("button", name="Inloggen").click()
    phone.wait_for_url("**/login/code")
    phone.get_by_label("Code").fill(codes[0])
    phone.get_by_role("button", name="Inloggen").click()
    phone.wait_for_url("**/start")
    assert "9" in phone.locator(".flashes").inner_text()
