"""No page of the app is wider than a 360 px phone (issue 17): a wide table pushed the bottom
navigation off the screen on /initiatives/kansen, a wijk's page and the meeting record.

Every demo page as every role (tests/crawl_demo.py), one page of each distinct markup, opened
in Chromium at 360×640: the document must not scroll sideways. Wide tables scroll inside their
own box instead.
"""

from tests.browser.test_axe import session_cookies
from tests.crawl import skeleton
from tests.crawl_demo import crawl_demo, demo_world

PHONE = 360


def test_no_demo_page_is_wider_than_a_phone(app, db, browser, live_server):
    """Open every distinct demo page as its role at 360 px; none scrolls sideways."""
    from buurtlog.demo.services import load_demo

    load_demo()
    cookies = session_cookies(app, demo_world(db)["users"])
    context = browser.new_context(
        viewport={"width": PHONE, "height": 640},
        is_mobile=True,
        has_touch=True,
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
        base_url=live_server,
        service_workers="block",
    )
    page = context.new_page()
    shapes, wide, opened = set(), [], 0
    try:
        for batch in crawl_demo(app, db):
            for checked, html in batch:
                if checked.method != "GET" or checked.status != 200:
                    continue
                if skeleton(html) in shapes:
                    continue
                shapes.add(skeleton(html))
                page.goto("about:blank")
                context.clear_cookies()
                role_cookie = cookies.get(checked.role)
                cookies_ = checked.cookies or ((("session", role_cookie),) if role_cookie else ())
                context.add_cookies(
                    [{"name": name, "value": value, "url": live_server} for name, value in cookies_]
                )
                page.goto(checked.url, wait_until="load")
                opened += 1
                width = page.evaluate("document.scrollingElement.scrollWidth")
                if width > PHONE:
                    wide.append(f"{checked.role} {checked.url}: {width} px")
    finally:
        context.close()
    assert opened > 20  # the crawl reached the demo's pages
    assert wide == [], "pages wider than the phone:\n" + "\n".join(wide)
