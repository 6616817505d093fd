"""Security headers: a strict CSP, no framing, no sniffing, and no caching of personal pages."""

from buurtlog.headers import CONTENT_SECURITY_POLICY


def test_every_page_has_a_strict_content_security_policy(client):
    """Forbid inline scripts and styles, framing, plugins and base-tag tricks."""
    response = client.get("/login")
    policy = response.headers["Content-Security-Policy"]
    assert policy == CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    for directive in (
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "script-src 'self'",
        "style-src 'self'",
    ):
        assert directive in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_hsts_only_over_https(client):
    """Send HSTS over https, never over plain http (it would lock out a local set-up)."""
    assert "Strict-Transport-Security" not in client.get("/login").headers
    secure = client.get("/login", base_url="https://buurtlog.example")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_pages_with_personal_data_are_not_stored(client, auth, make_user):
    """Tell browsers and proxies not to store pages and API answers of a signed-in user."""
    auth.login_as(make_user())
    assert client.get("/entries").headers["Cache-Control"] == "no-store"
    assert client.get("/api/v1/entries").headers["Cache-Control"] == "no-store"
    assert client.get("/api/v1/reference").headers["Cache-Control"] == "private, no-cache"
    with client.get("/static/css/buurtlog.css") as static:
        assert "no-store" not in static.headers.get("Cache-Control", "")
