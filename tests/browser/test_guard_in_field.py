"""The privacy guard in the field: what it finds is marked inside the text as the writer
types, each finding with "Weghalen" and, where the field allows, an honest "Toch bewaren"
beside it; on the log form and on every other free-text field alike."""

import pytest
from sqlalchemy import select

from buurtlog.models import AuditEvent, ExchangeItem
from tests.browser.conftest import sign_in, wait_for_entries


def findings_of(page, field_id):
    """Return the list of findings under the field with this id."""
    return page.locator(f"[data-privacy-field]:has(#{field_id}) [data-privacy-output]")


@pytest.mark.parametrize(
    "text, left",
    [
        ("Mevrouw Jansen belde over de lift", "belde over de lift"),
        ("Gesprek met dhr. De Vries over de lift", "Gesprek met over de lift"),
    ],
)
def test_removing_a_name_takes_its_title_along(phone, worker, text, left):
    """ "Weghalen" beside a name removes the honorific before it too, not only the name."""
    sign_in(phone, worker)
    phone.locator("details.more summary").click()
    phone.locator("#note").fill(text)
    findings_of(phone, "note").get_by_role("button", name="Weghalen").first.click()
    assert phone.locator("#note").input_value() == left


def test_a_name_is_marked_inside_the_text_and_kept_with_one_tap(phone, worker, db):
    """Mark the name in the note itself, keep it with "Toch bewaren", save: kept, audited."""
    sign_in(phone, worker)
    phone.get_by_label("Straat", exact=True).tap()
    phone.get_by_label("Vraag", exact=True).tap()
    phone.get_by_label("Wonen", exact=True).tap()
    phone.locator("details.more summary").click()
    note = phone.locator("#note")
    note.fill("Koffie bij Kees voor de buurt")
    mark = phone.locator("[data-privacy-field]:has(#note) .privacy-backdrop mark")
    mark.wait_for()
    assert mark.inner_text() == "Kees"
    # The mark lies over the word in the field, inside the field's box.
    box, field = mark.bounding_box(), note.bounding_box()
    assert field["x"] < box["x"] < field["x"] + field["width"] - box["width"]
    assert field["y"] < box["y"] < field["y"] + field["height"] - box["height"]
    found = findings_of(phone, "note")
    keep = found.get_by_role("button", name="Toch bewaren")
    assert keep.bounding_box()["height"] >= 44
    keep.tap()
    assert "bewaard" in found.inner_text()
    assert found.get_by_role("button", name="Toch bewaren").count() == 0
    assert phone.locator("input[type=hidden][name=privacy_confirmed]").input_value() == "y"
    # The box of the page without JavaScript gives way to the buttons.
    assert not phone.locator("[data-privacy-confirm]").is_visible()
    phone.get_by_role("button", name="Opslaan").tap()
    wait_for_entries(db, 1)
    db.session.expire_all()
    assert db.session.scalars(select(AuditEvent).where(AuditEvent.action == "privacy.kept")).all()


def test_a_new_finding_after_keeping_needs_its_own_choice(phone, worker):
    """Keeping one name does not keep the next: the form confirms only what was kept."""
    sign_in(phone, worker)
    phone.locator("details.more summary").click()
    note = phone.locator("#note")
    note.fill("Koffie bij Kees")
    found = findings_of(phone, "note")
    found.get_by_role("button", name="Toch bewaren").tap()
    confirmation = phone.locator("input[type=hidden][name=privacy_confirmed]")
    assert confirmation.count() == 1
    note.press_sequentially(" met mevrouw Jansen")
    found.get_by_text("Jansen").wait_for()
    assert confirmation.count() == 0
    assert found.get_by_role("button", name="Toch bewaren").count() == 1


def test_every_free_text_field_is_checked_while_typing(phone, worker, db):
    """On the vraag & aanbod form: a name can be kept, a phone number only removed."""
    sign_in(phone, worker)
    phone.goto("/exchange/new")
    description = phone.locator("#description")
    description.fill("Kan helpen met post voor mevrouw Jansen, bel 06-12345678")
    found = findings_of(phone, "description")
    found.get_by_text("06-12345678").wait_for()
    phone_row = found.locator("li", has_text="06-12345678")
    assert "mag hier niet in" in phone_row.inner_text()
    assert phone_row.get_by_role("button", name="Toch bewaren").count() == 0
    phone_row.get_by_role("button", name="Weghalen").tap()
    found.get_by_role("button", name="Toch bewaren").tap()
    assert description.input_value() == "Kan helpen met post voor mevrouw Jansen, bel"
    phone.get_by_label("Aanbod", exact=True).check()
    phone.locator("#theme").select_option(index=1)
    phone.locator("#area").select_option(index=1)
    with phone.expect_navigation():
        phone.get_by_role("button", name="Opslaan").tap()
    assert "/exchange/new" not in phone.url  # saved, not held back
    db.session.expire_all()
    [item] = db.session.scalars(select(ExchangeItem)).all()
    assert item.description == "Kan helpen met post voor mevrouw Jansen, bel"


def test_a_finding_only_the_server_knows_is_marked_in_the_field(phone, worker):
    """A German mobile number, beyond the browser twin's rules: the server's check adds it to
    the marks and the list, with "Weghalen" beside it like any other finding."""
    sign_in(phone, worker)
    phone.locator("details.more summary").click()
    note = phone.locator("#note")
    note.fill("Zoon belt uit Duitsland: +49 171 2345678 🙂 graag terugbellen")
    mark = phone.locator("[data-privacy-field]:has(#note) .privacy-backdrop mark")
    mark.wait_for()
    assert mark.inner_text() == "+49 171 2345678"
    found = findings_of(phone, "note")
    row = found.locator("li", has_text="+49 171 2345678")
    row.get_by_role("button", name="Weghalen").tap()
    assert note.input_value() == "Zoon belt uit Duitsland: 🙂 graag terugbellen"
    found.locator("li").first.wait_for(state="detached")  # the list follows after the pause


def test_the_server_refusing_a_form_shows_its_finding_with_the_same_choice(phone, worker, db):
    """Sent before the server's answer came, the form comes back refused: its finding stays
    marked, with "Weghalen", and once removed the form saves."""
    sign_in(phone, worker)
    phone.route("**/api/v1/privacy-check", lambda route: route.abort())  # the check is late
    phone.goto("/exchange/new")
    description = phone.locator("#description")
    description.fill("Helpt met koken, bel naam at gmail dot com")
    phone.get_by_label("Aanbod", exact=True).check()
    phone.locator("#theme").select_option(index=1)
    phone.locator("#area").select_option(index=1)
    assert findings_of(phone, "description").locator("li").count() == 0  # the twin saw nothing
    phone.unroute("**/api/v1/privacy-check")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Opslaan").tap()
    assert "/exchange/new" in phone.url  # refused, not saved
    found = findings_of(phone, "description")
    row = found.locator("li", has_text="naam at gmail dot com")
    row.wait_for()
    row.get_by_role("button", name="Weghalen").tap()
    assert phone.locator("#description").input_value() == "Helpt met koken, bel"
    with phone.expect_navigation():
        phone.get_by_role("button", name="Opslaan").tap()
    assert "/exchange/new" not in phone.url
    db.session.expire_all()
    [item] = db.session.scalars(select(ExchangeItem)).all()
    assert item.description == "Helpt met koken, bel"


def test_a_name_inside_the_apps_own_names_is_not_marked(phone, worker, make_initiative):
    """The team's initiative "Taalcafé Aisha" is no resident: only the Aisha who came along
    is marked, as the server decides (buurtlog/privacy_known.py)."""
    make_initiative(name="Taalcafé Aisha")
    sign_in(phone, worker)
    phone.locator("details.more summary").click()
    phone.locator("#note").fill("Koffie bij taalcafé Aisha, daarna kwam Aisha zelf")
    found = findings_of(phone, "note")
    found.get_by_role("button", name="Weghalen").first.wait_for()
    marks = phone.locator("[data-privacy-field]:has(#note) .privacy-backdrop mark")
    assert marks.all_inner_texts() == ["Aisha"]
    found.get_by_role("button", name="Weghalen").first.click()
    assert phone.locator("#note").input_value() == "Koffie bij taalcafé Aisha, daarna kwam zelf"
