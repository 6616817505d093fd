"""The privacy guard in the field: removing a finding removes what belongs to it."""

import pytest

from tests.browser.conftest import sign_in


@pytest.mark.parametrize("text, left", [
    ("Mevrouw Jansen belde over de lift", "belde over de lift"),
    ("Gesprek met dhr. De Vries over de lift", "Gesprek met over de lift"),
])
def test_removing_a_name_takes_its_title_along(phone, worker, text, left):
    """ "Weghalen" beside a name removes the honorific before it too, not only the name."""
    sign_in(phone, worker)
    phone.locator("details.more summary").click()
    phone.locator("#note").fill(text)
    output = phone.locator("#note").locator("xpath=..").locator("[data-privacy-output]")
    output.get_by_role("button", name="Weghalen").first.click()
    assert phone.locator("#note").input_value() == left
