"""Every page of the app as every role: what the outside checkers (axe-core, Nu) look at.

The pages come from the access MATRIX in tests/test_access.py and its `world`, so a new route
is crawled as soon as it is in the matrix. Besides every GET page a role may open, the crawl
holds each form's error state (an empty POST the matrix answers with 400), the error pages,
and the pages reached only part-way through a flow (FLOWS: the sign-in code step, the kiosk).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import url_for
from werkzeug.routing import BuildError

from tests.conftest import PASSWORD, AuthActions
from tests.test_access import MATRIX, ROLES, _url

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"


def require_checker(*paths: Path, programs: tuple[str, ...] = ()) -> None:
    """Skip when an outside checker is not installed, or fail when CI requires it."""
    missing = [str(p) for p in paths if not p.exists()]
    missing += [name for name in programs if shutil.which(name) is None]
    if not missing:
        return
    message = f"outside checker missing: {', '.join(missing)} (run `make checkers`)"
    if os.environ.get("BUURTLOG_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


@dataclass(frozen=True)
class Page:
    """One page to check: who opens it, how, and what it is."""

    role: str
    method: str
    endpoint: str
    url: str
    status: int
    cookies: tuple = ()  # (name, value) pairs of its own: a page reached part-way through a flow

    @property
    def name(self) -> str:
        """Return a short name for reports and file names."""
        state = "" if self.method == "GET" else "-form-errors"
        return f"{self.role}-{self.endpoint}{state}-{self.status}"


@pytest.fixture
def site(world, db, make_entry, make_theme):
    """Add more to show to the access world: every kind of entry, public pages, admin 2FA."""
    from buurtlog.accounts import two_factor
    from buurtlog.models import WijkSettings

    worker = world["users"]["worker"]
    place = world["place"]
    sensitive = make_theme(sensitive=True)
    for n, kind in enumerate(["signal", "strength", "idea", "question", "contact", "signal"]):
        make_entry(author=worker, area=place.area, place=place, kind=kind, days_ago=n,
                   themes=[world["theme"], sensitive] if n == 5 else [world["theme"]],
                   note="Buurvrouw mist het koffie-uurtje." if n % 2 else None,
                   underlying_question="Waar kan ik heen?" if kind == "question" else None)
    db.session.add(WijkSettings(area=place.area.parent, team=world["team"], public_enabled=True,
                                public_initiatives=True))
    admin = world["users"]["admin"]
    two_factor.start_enrolment(admin)
    admin.totp_enabled_at = admin.created_at
    two_factor.new_recovery_codes(admin)
    db.session.commit()
    return world


def _half_signed_in(app, world):
    """Return a client that gave the admin's password and is asked for the authenticator code."""
    client = app.test_client()
    response = client.post("/login", data={"email": world["users"]["admin"].email,
                                           "password": PASSWORD})
    assert response.headers.get("Location") == "/login/code", "the admin has two-factor sign-in"
    return client


def _kiosk(app, world):
    """Return the worker's client after switching the device to kiosk mode for the walk-in."""
    client = _login(app, world["users"]["worker"])
    response = client.post(_url(app, "POST", "walkin.kiosk_start", world), data={"pin": "4711"})
    assert response.status_code == 302, "the worker could not start the kiosk"
    return client


# Pages reached only part-way through a flow: endpoint → (role, how to get there).
FLOWS = {"accounts.login_code": ("anonymous", _half_signed_in),
         "walkin.kiosk": ("worker", _kiosk)}


def _login(app, user):
    """Return a test client signed in as the user (no user: anonymous)."""
    client = app.test_client()
    if user is not None:
        AuthActions(client).login_as(user)
    return client


def _urls(app, endpoint, world):
    """Return the endpoint's URL for the world's records and, if it has one, its "new" URL."""
    urls = [_url(app, "GET", endpoint, world)]
    with app.test_request_context():
        try:
            bare = url_for(endpoint)
        except BuildError:
            bare = None
    if bare and bare not in urls:
        urls.append(bare)
    return urls


def crawl(app, world, roles=ROLES) -> list[tuple[Page, str]]:
    """Fetch every page as every role with the test client; return the HTML ones and their HTML.

    Fails when a GET route answers no role with a page (HTML, or a file such as JSON or CSV), so
    a new route cannot slip past the checkers unopened.
    """
    pages: list[tuple[Page, str]] = []
    html_endpoints, other_endpoints = set(), set()
    for role in roles:
        client = _login(app, None if role == "anonymous" else world["users"][role])
        for method, endpoint in sorted(MATRIX):
            if method == "POST" and MATRIX[(method, endpoint)][role] != 400:
                continue  # only empty posts that must be refused: nothing gets written
            if method not in ("GET", "POST"):
                continue
            for url in _urls(app, endpoint, world) if method == "GET" else [
                    _url(app, method, endpoint, world)]:
                response = client.open(url, method=method, data={})
                is_html = response.mimetype == "text/html"
                if method == "GET" and response.status_code == 200 and not is_html:
                    other_endpoints.add(endpoint)  # JSON, CSV, a script: not a page
                if is_html and response.status_code == (200 if method == "GET" else 400):
                    html_endpoints.add(endpoint)
                    pages.append((Page(role, method, endpoint, url, response.status_code),
                                  response.get_data(as_text=True)))
        for url, endpoint in [("/no-such-page", "errors.404"), ("/admin/", "errors.403")]:
            response = client.get(url)
            if response.status_code in (403, 404):
                pages.append((Page(role, "GET", endpoint, url, response.status_code),
                              response.get_data(as_text=True)))
    for endpoint, (role, flow) in FLOWS.items():
        if role not in roles:
            continue
        client = flow(app, world)
        # werkzeug has no public list of a client's cookies; the flow may set more than the session.
        cookies = tuple((c.key, c.value) for c in client._cookies.values())
        for method in ("GET", "POST"):
            if (method, endpoint) not in MATRIX:
                continue
            url = _url(app, method, endpoint, world)
            response = client.open(url, method=method, data={})
            if response.mimetype == "text/html" and response.status_code in (200, 400):
                html_endpoints.add(endpoint)
                pages.append((Page(role, method, endpoint, url, response.status_code, cookies),
                              response.get_data(as_text=True)))
    if set(roles) == set(ROLES):
        get_routes = {endpoint for method, endpoint in MATRIX if method == "GET"}
        unchecked = get_routes - other_endpoints - html_endpoints
        assert unchecked == set(), f"no role could open these pages to check them: {unchecked}"
    return pages
