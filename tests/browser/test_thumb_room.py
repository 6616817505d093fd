"""The start screen leaves room: Save in the thumb zone without covering content, at 360×640 and
with the on-screen keyboard open (360×360)."""

import pytest

from tests.browser.conftest import sign_in

# Bars that stay on screen: every fixed or sticky element and how much of the screen it takes.
BARS = """() => [...document.querySelectorAll('body *')].filter((el) => {
  const position = getComputedStyle(el).position;
  return (position === 'fixed' || position === 'sticky') && el.getClientRects().length;
}).map((el) => {
  const box = el.getBoundingClientRect();
  return {name: el.className, top: box.top, height: box.height};
})"""

# What stands at an element's middle is the element, a part of it, or its own control (a chip's
# invisible radio button lies over its label).
MINE = """(el, hit) => !!hit && (el.contains(hit) || hit.contains(el) || el.control === hit
  || [...(hit.labels || [])].includes(el))"""

# Bring each element with text of the page into view the way the browser does for focus and
# links (scrollIntoView, which keeps the scroll padding), then ask what is at its middle.
COVERED = (
    """() => {
  const mine = """
    + MINE
    + """;
  const covered = [];
  const texts = [...document.querySelectorAll(
    'main label, main legend, main summary, main p, main h1, main h2, main button, main a')]
    .filter((el) => el.getClientRects().length && el.innerText.trim()
      && !el.closest('.save-bar') && getComputedStyle(el).visibility !== 'hidden'
      && !el.closest('.visually-hidden'));
  for (const el of texts) {
    el.scrollIntoView({block: 'nearest', inline: 'nearest'});
    const box = el.getBoundingClientRect();
    if (box.height > innerHeight / 2) continue;  // a block taller than the room: its parts count
    const x = Math.min(Math.max(box.left + box.width / 2, 1), innerWidth - 1);
    const hit = document.elementFromPoint(x, box.top + box.height / 2);
    if (!mine(el, hit)) {
      const text = el.innerText.trim().slice(0, 30);
      covered.push(`${el.tagName} "${text}" under ${hit.className || hit.tagName}`);
    }
  }
  return covered;
}"""
)


def test_save_and_navigation_take_at_most_115_px_of_a_phone(phone, worker):
    """Keep Save and the navigation together within ~115 px of 640, Save right above the nav."""
    sign_in(phone, worker)
    bars = phone.evaluate(BARS)
    assert {bar["name"] for bar in bars} == {"mainnav", "save-bar"}
    assert sum(bar["height"] for bar in bars) <= 115
    save = phone.get_by_role("button", name="Opslaan").bounding_box()
    assert save["height"] >= 44 and save["y"] >= 640 - 115


@pytest.mark.parametrize("height", [640, 360])
def test_no_text_hides_behind_a_bar(phone, worker, height):
    """Bring every text of the log form into view, "Meer" opened: none lies under Save or the
    navigation, also with the keyboard open (360×360)."""
    sign_in(phone, worker)
    phone.set_viewport_size({"width": 360, "height": height})
    phone.locator("details.more summary").click()
    assert phone.evaluate(COVERED) == []
    if height == 360:  # the keyboard leaves 360 px: only Save stays, 56 px of them
        bars = phone.evaluate(BARS)
        assert [bar["name"] for bar in bars] == ["save-bar"] and bars[0]["height"] <= 60


def test_a_focused_field_stays_clear_of_the_bars(phone, worker):
    """Tab through the form on a short screen: the focused field is never under a bar."""
    sign_in(phone, worker)
    phone.set_viewport_size({"width": 360, "height": 360})
    phone.locator("details.more summary").click()
    phone.locator("#place").focus()
    for _ in range(40):
        phone.keyboard.press("Tab")
        hidden = phone.evaluate(
            """() => {
          const mine = """
            + MINE
            + """;
          const el = document.activeElement;
          if (!el.closest('main') || el.closest('.save-bar')) return null;
          const target = el.labels?.[0] && getComputedStyle(el).opacity === '0' ? el.labels[0] : el;
          const box = target.getBoundingClientRect();
          const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          const what = target.outerHTML.slice(0, 60);
          return mine(target, hit) ? null : `${what} under ${hit?.className}`;
        }"""
        )
        assert hidden is None


def test_save_never_covers_a_privacy_warning(phone, worker):
    """When the note shows a privacy warning, Save steps back into the flow below it."""
    sign_in(phone, worker)
    phone.locator("details.more summary").click()
    phone.locator("#note").fill("Bel haar op 06-12345678 over de speeltuin")
    warning = phone.locator("[data-privacy-field]:has(#note) [data-privacy-output]")
    warning.locator("li").first.wait_for()
    assert (
        phone.evaluate("getComputedStyle(document.querySelector('.save-bar')).position") == "static"
    )
    box = warning.bounding_box()  # brought into view by itself, clear of the navigation
    nav = phone.locator(".mainnav").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= nav["y"]
    assert phone.evaluate(COVERED) == []
