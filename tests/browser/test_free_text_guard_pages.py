"""The privacy guard's pages (what was found marked, the confirm box) through the outside
checkers: the Nu HTML Checker and axe-core in Chromium at phone size."""

from tests import test_free_text_guard as guard
from tests.browser.test_axe import RUN_AXE, TAGS, axe_report
from tests.crawl import AXE, VNU, Page, require_checker, vnu_errors
from tests.test_free_text_guard import FIELDS

world, writer = guard.world, guard.writer  # the fixtures of the guard's own tests


def guarded_pages(writer, world) -> list[tuple[Page, str]]:
    """Post every guarded field's held-back and refused text; return the refusing pages."""
    pages = []
    for name, case in FIELDS.items():
        for state, text in (("held", case.held), ("refused", case.refused)):
            if text is None:
                continue
            response = case.send(writer(case.user), world, text, {})
            assert response.status_code == 400, name
            page = Page(
                case.user, "POST", f"{name.replace(' ', '-')}-{state}", response.request.path, 400
            )
            pages.append((page, response.get_data(as_text=True)))
    return pages


def test_guarded_pages_are_valid_html(writer, world, tmp_path):
    """Let the Nu HTML Checker find no errors on any page that holds text back."""
    require_checker(VNU, programs=("java",))
    pages = guarded_pages(writer, world)
    errors, report = vnu_errors(pages, tmp_path)
    assert errors == [], f"{len(errors)} errors on the guarded pages:\n{report}"


def test_guarded_pages_have_no_axe_violations(writer, world, browser, live_server):
    """Let axe find no WCAG 2.1 A/AA violations on any page that holds text back."""
    require_checker(AXE)
    pages = guarded_pages(writer, world)
    context = browser.new_context(
        viewport={"width": 360, "height": 640},
        is_mobile=True,
        has_touch=True,
        base_url=live_server,
        service_workers="block",
    )
    context.add_init_script(path=str(AXE))
    tab = context.new_page()
    found = []
    try:
        for checked, html in pages:
            # The page as the server answered the post, with its stylesheet from the server.
            tab.route(
                live_server + checked.url,
                lambda route, _request, html=html: route.fulfill(
                    status=200, content_type="text/html; charset=utf-8", body=html
                ),
            )
            tab.goto(checked.url, wait_until="load")
            tab.unroute_all()
            violations = tab.evaluate(RUN_AXE, TAGS)
            if violations:
                found.append((checked, violations))
    finally:
        context.close()
    assert found == [], f"axe found violations:\n{axe_report(found)}"
