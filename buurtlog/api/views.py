"""The JSON API under /api/v1: session + X-CSRFToken, or a personal bearer token."""

from flask import Blueprint, abort, current_app, jsonify, request
from flask_login import current_user

from buurtlog.extensions import csrf, login_manager
from buurtlog.models import NOTE_MAX
from buurtlog.privacy import find_personal_data

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)  # checked below, only for calls that ride on the browser's session cookie


@bp.before_request
def authenticate():
    """Answer 401 without a user, and require the CSRF header for cookie-based writes."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    bearer = request.headers.get("Authorization", "").lower().startswith("bearer ")
    if not bearer and current_app.config["WTF_CSRF_ENABLED"]:
        csrf.protect()  # a no-op for GET and HEAD
    return None


def json_body() -> dict:
    """Return the request's JSON object, or answer 400 when it is not one."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(400, description="The body must be a JSON object.")
    return body


@bp.post("/privacy-check")
def privacy_check():
    """Find personal data in a text: the same check the log form runs before saving."""
    text = json_body().get("text")
    if not isinstance(text, str):
        abort(400, description="'text' must be a string.")
    if len(text) > 10 * NOTE_MAX:
        abort(413, description=f"'text' may be at most {10 * NOTE_MAX} characters.")
    findings = find_personal_data(text)
    return jsonify(findings=[{"kind": f.kind, "start": f.start, "end": f.end} for f in findings])
