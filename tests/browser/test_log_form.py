"""The ten-second log on a 360×640 phone: three taps and Save, by touch and by keyboard."""

from tests.browser.conftest import sign_in, wait_for_entries


def saved_entries(db, count=1):
    """Wait for the outbox to deliver, then return the entries on the server."""
    return wait_for_entries(db, count)


def test_essentials_fit_on_one_phone_screen(phone, worker):
    """Show place, setting, kind, themes and Save without scrolling on 360×640."""
    sign_in(phone, worker)
    for locator in (
        phone.get_by_label("Plek", exact=True),
        phone.locator("#setting"),
        phone.locator("#kind"),
        phone.get_by_text("Eenzaamheid", exact=True),
        phone.get_by_role("button", name="Opslaan"),
    ):
        box = locator.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 640
    for chip in phone.locator(".chip label").all()[:8]:
        assert chip.bounding_box()["height"] >= 44


def test_minimal_entry_in_three_taps_and_save(phone, worker, db):
    """Log setting, kind and a theme with three taps, save, see the confirmation."""
    sign_in(phone, worker)
    phone.get_by_label("Straat", exact=True).tap()
    phone.get_by_label("Signaal", exact=True).tap()
    phone.get_by_label("Eenzaamheid", exact=True).tap()
    phone.get_by_role("button", name="Opslaan").tap()
    status = phone.get_by_role("status")
    assert "Opgeslagen — " in status.inner_text()
    assert "Straat, Eenzaamheid" in status.inner_text()
    [entry] = saved_entries(db)
    assert (entry.setting, entry.kind, [t.slug for t in entry.themes], entry.area.name) == (
        "street",
        "signal",
        ["eenzaamheid"],
        "Kanaalzone",
    )
    # Ready for the next person: the setting is kept, kind and themes are empty again.
    assert phone.locator("input[name=setting][value=street]").is_checked()
    assert phone.locator("input[name=kind]:checked").count() == 0
    assert phone.locator("input[name=themes]:checked").count() == 0


def test_minimal_entry_with_the_keyboard_alone(phone, worker, db):
    """Log a minimal entry with Tab, Space and Enter only."""
    sign_in(phone, worker)

    def tab_to(selector, limit=40):
        for _ in range(limit):
            phone.keyboard.press("Tab")
            if phone.evaluate(f"document.activeElement.matches({selector!r})"):
                return
        raise AssertionError(f"{selector} cannot be reached with Tab")

    tab_to("input[name=setting]")
    phone.keyboard.press("Space")
    tab_to("input[name=kind]")
    phone.keyboard.press("Space")
    tab_to("input[name=themes]")
    phone.keyboard.press("Space")
    tab_to("button[type=submit]")
    phone.keyboard.press("Enter")
    phone.wait_for_load_state()
    assert "Opgeslagen — " in phone.get_by_role("status").inner_text()
    [entry] = saved_entries(db)
    assert entry.kind == "signal" and len(entry.themes) == 1


def test_privacy_guard_highlights_while_typing(phone, worker, db):
    """Point out a phone number in the note while typing, and remove it with one tap."""
    sign_in(phone, worker)
    phone.get_by_text("Meer: wie, hoeveel").tap()
    note = phone.get_by_label("Notitie")
    note.fill("Wil graag meedoen, bel 06-12345678 na vijven.")
    live = phone.locator("[data-privacy-output]").nth(1)
    live.get_by_text("06-12345678").wait_for()
    assert "telefoonnummer" in live.inner_text()
    live.get_by_role("button", name="Weghalen").tap()
    assert note.input_value() == "Wil graag meedoen, bel na vijven."


def test_form_without_javascript(browser, live_server, worker, db):
    """Save an entry with JavaScript switched off: the form is plain HTML."""
    context = browser.new_context(
        java_script_enabled=False,
        base_url=live_server,
        viewport={"width": 360, "height": 640},
        locale="nl-NL",
    )
    page = context.new_page()
    sign_in(page, worker)
    page.get_by_label("Straat", exact=True).click()
    page.get_by_label("Vraag", exact=True).click()
    page.get_by_label("Wonen", exact=True).click()
    page.get_by_role("button", name="Opslaan").click()
    assert "Opgeslagen — " in page.get_by_role("status").inner_text()
    assert saved_entries(db)[0].kind == "question"
    context.close()


def test_place_picker_finds_places_by_name(phone, worker, db):
    """Narrow the places down by typing, and pick the only match."""
    sign_in(phone, worker)
    phone.get_by_label("Zoek een plek of buurt op naam").fill("smarag")
    assert phone.get_by_label("Plek", exact=True).input_value() != ""
    selected = phone.evaluate(
        "document.querySelector('select[name=place]').selectedOptions[0].text"
    )
    assert selected == "Tafel Buurtsuper Smaragdplein"


def test_a_double_tap_on_save_logs_one_entry(phone, worker, db):
    """Store one entry when Save is tapped twice in quick succession."""
    sign_in(phone, worker)
    phone.get_by_label("Straat", exact=True).tap()
    phone.get_by_label("Signaal", exact=True).tap()
    phone.get_by_label("Eenzaamheid", exact=True).tap()
    phone.evaluate("""() => {
      const button = document.querySelector('[data-log-form] button[type=submit]');
      button.click();
      button.click();
    }""")
    phone.get_by_role("status").wait_for()
    phone.wait_for_timeout(1500)
    assert len(saved_entries(db)) == 1
