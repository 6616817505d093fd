"""Security headers on every response: a strict Content-Security-Policy and friends."""

from flask import Flask, Response, request
from flask_login import current_user

# No inline scripts or styles anywhere: templates use classes, JavaScript comes from files.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
    ]
)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
)


def add_security_headers(response: Response) -> Response:
    """Set the headers an auditor looks for; keep pages with personal data out of caches."""
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    # Cheap checks first: the user is read only when it matters (a commit may have expired it).
    if (
        "Cache-Control" not in headers
        and response.mimetype in ("text/html", "application/json", "text/csv")
        and current_user.is_authenticated
    ):
        headers["Cache-Control"] = "no-store"
    return response


def register(app: Flask) -> None:
    """Install the headers hook."""
    app.after_request(add_security_headers)
