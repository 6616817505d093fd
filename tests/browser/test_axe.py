"""axe-core on every page, as every role, in Chromium at phone size: no WCAG 2.1 A/AA violations.

Colour contrast needs real rendering, so the pages are opened in the real browser (360×640,
the stylesheet and scripts loaded). axe is added to every document with an init script, which
the page's Content-Security-Policy does not apply to; the pages themselves keep their CSP.
Each form's error state is reached by posting the form empty in the browser; the service
worker is kept out, as it would answer those navigations itself (it changes no markup).
"""

import pytest

from tests.crawl import AXE, ROLES, _login, crawl, require_checker

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                          resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""


def axe_report(found):
    """Format the violations: page, rule, and each offending element with what is wrong."""
    lines = []
    for page, violations in found:
        for violation in violations:
            lines.append(
                f"{page.name} ({page.method} {page.url}): {violation['id']} "
                f"[{violation['impact']}] {violation['help']}"
            )
            for node in violation["nodes"]:
                summary = " ".join(node["summary"].split())
                lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


def session_cookies(app, users: dict) -> dict:
    """Return each role's signed-in session cookie (none for anonymous), made without the form."""
    return {role: _login(app, user).get_cookie("session").value for role, user in users.items()}


def axe_violations(browser, live_server, pages, cookies: dict) -> tuple[list, list]:
    """Open each page in Chromium as its role (`cookies`: role → session cookie) and run axe;
    return the pages with their violations, and the Content-Security-Policy errors."""
    context = browser.new_context(
        viewport={"width": 360, "height": 640},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
        base_url=live_server,
        service_workers="block",
    )  # a worker would fetch the form-error posts as plain GETs
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    csp_errors = []
    page.on(
        "console",
        lambda message: (
            csp_errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    found = []
    try:
        for checked, _html in pages:
            # Leave the last page first: its scripts' requests (the outbox asks for
            # /api/v1/session) could otherwise land after the switch and set its role's cookie.
            page.goto("about:blank")
            context.clear_cookies()
            role_cookie = cookies.get(checked.role)
            cookies_ = checked.cookies or ((("session", role_cookie),) if role_cookie else ())
            context.add_cookies(
                [{"name": name, "value": value, "url": live_server} for name, value in cookies_]
            )
            if checked.method == "POST":
                page.route(
                    live_server + checked.url,
                    lambda route: route.continue_(
                        method="POST",
                        post_data="empty=1",  # an empty body would not be sent
                        headers={
                            **route.request.headers,
                            "content-type": "application/x-www-form-urlencoded",
                        },
                    ),
                )
            response = page.goto(checked.url, wait_until="load")
            page.unroute_all()
            assert response.status == checked.status, f"{checked.name}: {response.status}"
            violations = page.evaluate(RUN_AXE, TAGS)
            if violations:
                found.append((checked, violations))
    finally:
        context.close()
    return found, csp_errors


@pytest.mark.parametrize("role", ROLES)
def test_no_axe_violations_on_any_page(app, site, browser, live_server, role):
    """Open every page the role can reach (and every form's error state); axe finds nothing."""
    require_checker(AXE)
    pages = crawl(app, site, roles=(role,))
    cookies = session_cookies(app, {r: u for r, u in site["users"].items() if r == role})
    found, csp_errors = axe_violations(browser, live_server, pages, cookies)
    assert found == [], (
        f"axe found violations on {len(found)} of {len(pages)} pages as "
        f"{role}:\n{axe_report(found)}"
    )
    assert csp_errors == [], "a page broke its Content-Security-Policy"
