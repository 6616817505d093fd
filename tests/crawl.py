"""Every page of the app as every role: what the outside checkers (axe-core, Nu) look at.

The pages come from the access MATRIX in tests/test_access.py and its `world`, so a new route
is crawled as soon as it is in the matrix. Besides every GET page a role may open, the crawl
holds each form's error state (an empty POST the matrix answers with 400), the error pages,
and the pages reached only part-way through a flow (FLOWS: the sign-in code step, the kiosk).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask import request, url_for
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
        make_entry(
            author=worker,
            area=place.area,
            place=place,
            kind=kind,
            days_ago=n,
            themes=[world["theme"], sensitive] if n == 5 else [world["theme"]],
            note="Buurvrouw mist het koffie-uurtje." if n % 2 else None,
            underlying_question="Waar kan ik heen?" if kind == "question" else None,
        )
    db.session.add(
        WijkSettings(
            area=place.area.parent, team=world["team"], public_enabled=True, public_initiatives=True
        )
    )
    admin = world["users"]["admin"]
    two_factor.start_enrolment(admin)
    admin.totp_enabled_at = admin.created_at
    two_factor.new_recovery_codes(admin)
    db.session.commit()
    return world


def _half_signed_in(app, world):
    """Return a client that gave the admin's password and is asked for the authenticator code."""
    client = app.test_client()
    response = client.post(
        "/login", data={"email": world["users"]["admin"].email, "password": PASSWORD}
    )
    assert response.headers.get("Location") == "/login/code", "the admin has two-factor sign-in"
    return client


def _kiosk(app, world):
    """Return the worker's client after switching the device to kiosk mode for the walk-in."""
    client = _login(app, world["users"]["worker"])
    response = client.post(_url(app, "POST", "walkin.kiosk_start", world), data={"pin": "4711"})
    assert response.status_code == 302, "the worker could not start the kiosk"
    return client


# Pages reached only part-way through a flow: endpoint → (role, how to get there).
FLOWS = {"accounts.login_code": ("anonymous", _half_signed_in), "walkin.kiosk": ("worker", _kiosk)}


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


def crawl(app, world, roles=ROLES, flows=FLOWS) -> list[tuple[Page, str]]:
    """Fetch every page as every role with the test client; return the HTML ones and their HTML.

    Fails when a GET route answers no role with a page (HTML, or a file such as JSON or CSV), so
    a new route cannot slip past the checkers unopened; that check needs the `site` world and
    its flows (a world without them, such as the demo's, passes `flows={}`).
    """
    with csrf_tokens_on_pages(app):
        return _crawl(app, world, roles, flows)


@contextmanager
def csrf_tokens_on_pages(app):
    """Render the forms' CSRF tokens on GET pages, as in production, while the suite keeps
    CSRF checks off (its empty posts must reach the forms' own checks, not the token's).

    Without the tokens the checkers never saw them: pages with two forms had two
    id="csrf_token", found only when the demo was run for real.
    """

    def switch():
        app.config["WTF_CSRF_ENABLED"] = request.method == "GET"

    saved = app.config["WTF_CSRF_ENABLED"]
    app.before_request_funcs.setdefault(None, []).insert(0, switch)
    try:
        yield
    finally:
        app.before_request_funcs[None].remove(switch)
        app.config["WTF_CSRF_ENABLED"] = saved


def _crawl(app, world, roles, flows) -> list[tuple[Page, str]]:
    """Crawl the pages for `crawl`, with the CSRF tokens rendered."""
    pages: list[tuple[Page, str]] = []
    html_endpoints, other_endpoints = set(), set()
    for role in roles:
        client = _login(app, None if role == "anonymous" else world["users"][role])
        for method, endpoint in sorted(MATRIX):
            if method == "POST" and MATRIX[(method, endpoint)][role] != 400:
                continue  # only empty posts that must be refused: nothing gets written
            if method not in ("GET", "POST"):
                continue
            for url in (
                _urls(app, endpoint, world)
                if method == "GET"
                else [_url(app, method, endpoint, world)]
            ):
                response = client.open(url, method=method, data={})
                is_html = response.mimetype == "text/html"
                if method == "GET" and response.status_code == 200 and not is_html:
                    other_endpoints.add(endpoint)  # JSON, CSV, a script: not a page
                if is_html and response.status_code == (200 if method == "GET" else 400):
                    html_endpoints.add(endpoint)
                    pages.append(
                        (
                            Page(role, method, endpoint, url, response.status_code),
                            response.get_data(as_text=True),
                        )
                    )
        for url, endpoint in [("/no-such-page", "errors.404"), ("/admin/", "errors.403")]:
            response = client.get(url)
            if response.status_code in (403, 404):
                pages.append(
                    (
                        Page(role, "GET", endpoint, url, response.status_code),
                        response.get_data(as_text=True),
                    )
                )
    for endpoint, (role, flow) in flows.items():
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
                pages.append(
                    (
                        Page(role, method, endpoint, url, response.status_code, cookies),
                        response.get_data(as_text=True),
                    )
                )
    if set(roles) == set(ROLES) and flows is FLOWS:
        get_routes = {endpoint for method, endpoint in MATRIX if method == "GET"}
        unchecked = get_routes - other_endpoints - html_endpoints
        assert unchecked == set(), f"no role could open these pages to check them: {unchecked}"
    return pages


def vnu_errors(pages: list[tuple[Page, str]], folder: Path) -> tuple[list[dict], str]:
    """Run vnu once over the pages' HTML (one java start for all); return errors and a report."""
    files = {}
    for n, (page, html) in enumerate(pages):
        name = f"{n:04d}-{page.name}.html"
        (folder / name).write_text(html, encoding="utf-8")
        files[name] = f"{page.role} {page.method} {page.url}"
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--exit-zero-always",
            *sorted(str(p) for p in folder.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    return errors, _vnu_report(errors, files)


def _vnu_report(messages, files):
    """Group the checker's errors: each error once, with its markup and the pages it is on."""
    grouped = {}
    for message in messages:
        extract = " ".join(message.get("extract", "").split())
        page = files.get(message.get("url", "").rsplit("/", 1)[-1], message.get("url"))
        grouped.setdefault((message["message"], extract), []).append(
            f"{page} line {message.get('lastLine', '?')}"
        )
    return "\n".join(
        f"{text}\n    markup: {extract}\n    on: {'; '.join(pages)}"
        for (text, extract), pages in grouped.items()
    )


# Numbers and UUIDs in attribute values: record ids, dates, tokens' look-alikes.
_IDS = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+")


class _Skeleton(HTMLParser):
    """Collect a page's elements, attributes and where it has text, without the text itself."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        """Keep the tag with its attributes, their numbers and ids made alike."""
        values = sorted(
            (name, "" if name == "value" else _IDS.sub("#", value or ""))
            for name, value in attrs
            if name not in ("checked", "selected")
        )
        self.parts.append(f"<{tag} {values}>")

    def handle_endtag(self, tag):
        """Keep the end of the element."""
        self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        """Keep only that there is text here (an empty label or link is what a checker sees)."""
        if data.strip() and (not self.parts or self.parts[-1] != "T"):
            self.parts.append("T")


def skeleton(html: str) -> str:
    """Return the page's markup without its text, values, numbers and ids.

    Pages of one template that differ only in which record, which words and which dates they
    show, and which of the same choices is ticked or selected, share a skeleton; a page that
    shows a record in another state (another status, a section more, a button fewer) does
    not. The browser checks one page of each skeleton.
    """
    parser = _Skeleton()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
