"""The JSON API under /api/v1: session + X-CSRFToken, or a personal bearer token."""

from datetime import UTC, datetime

from flask import Blueprint, abort, current_app, jsonify, request
from flask_babel import get_locale
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from buurtlog.api import services
from buurtlog.api.forms import EntryPayloadForm
from buurtlog.api.openapi import document
from buurtlog.entries import services as entries
from buurtlog.extensions import csrf, login_manager
from buurtlog.models import NOTE_MAX
from buurtlog.presence import sync as presence_sync
from buurtlog.privacy import find_personal_data
from buurtlog.walkin import sync as walkin_sync

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)  # checked below, only for calls that ride on the browser's session cookie

MAX_BATCH = 500
MAX_BODY = 1024 * 1024
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


@bp.before_request
def authenticate():
    """Answer 401 without a user, and require the CSRF header for cookie-based writes."""
    if request.endpoint == "api.openapi":
        return None
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    bearer = request.headers.get("Authorization", "").lower().startswith("bearer ")
    if not bearer and current_app.config["WTF_CSRF_ENABLED"]:
        csrf.protect()  # a no-op for GET and HEAD
    return None


def json_body() -> dict:
    """Return the request's JSON object (at most 1 MB), or answer 400 when it is not one."""
    request.max_content_length = MAX_BODY
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(400, description="The body must be a JSON object.")
    return body


@bp.get("/openapi.json")
def openapi():
    """Describe this API as an OpenAPI 3.1 document."""
    return jsonify(document())


@bp.get("/session")
def session_info():
    """Tell the page who is signed in and give it a fresh CSRF token for replaying."""
    return jsonify(user={"id": current_user.id, "name": current_user.name},
                   csrf_token=generate_csrf())


@bp.post("/entries")
def post_entries():
    """Save a batch of entries from the outbox, exactly once each."""
    items = json_body().get("entries")
    if not isinstance(items, list):
        abort(400, description="'entries' must be a list.")
    if len(items) > MAX_BATCH:
        abort(413, description=f"At most {MAX_BATCH} entries per request.")
    results = services.sync_entries(items, current_user._get_current_object(), _payload_form)
    response = jsonify(results=results)
    response.headers["Cache-Control"] = "no-store"
    return response


def _payload_form() -> EntryPayloadForm:
    """Make the log form for sync entries, with the places, areas and themes in use."""
    return EntryPayloadForm(formdata=None, places=entries.active_places(),
                            areas=entries.active_areas(), themes=entries.active_themes(),
                            locale=str(get_locale()),
                            timezone=current_app.config["BABEL_DEFAULT_TIMEZONE"])


@bp.get("/entries")
def get_entries():
    """List the caller's own entries changed since a moment, oldest change first."""
    since = EPOCH
    if request.args.get("since"):
        try:
            since = datetime.fromisoformat(request.args["since"])
        except ValueError:
            since = None
        if since is None or since.tzinfo is None:
            abort(400, description="'since' must be an ISO 8601 date-time with a UTC offset.")
    rows, more = services.entries_since(current_user, since)
    return jsonify(entries=[services.entry_json(e) for e in rows], more=more)


@bp.get("/reference")
def reference():
    """Give the areas, places, themes and initiatives for the offline pickers, with an ETag."""
    data, etag = services.reference_data()
    response = jsonify(data)
    response.set_etag(etag)
    response.headers["Cache-Control"] = "private, no-cache"
    return response.make_conditional(request)


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


def _batch(key: str) -> list:
    """Return the body's list under `key` (at most MAX_BATCH items), or answer 400 / 413."""
    items = json_body().get(key)
    if not isinstance(items, list):
        abort(400, description=f"'{key}' must be a list.")
    if len(items) > MAX_BATCH:
        abort(413, description=f"At most {MAX_BATCH} items per request.")
    return items


@bp.post("/checkins")
def post_checkins():
    """Record a batch of walk-in check-ins from the outbox, exactly once each."""
    return jsonify(results=walkin_sync.sync_checkins(_batch("checkins"), current_user,
                                                     str(get_locale())))


@bp.post("/checkins/undo")
def undo_checkins():
    """Take back walk-in taps from the outbox, exactly once each."""
    return jsonify(results=walkin_sync.sync_undos(_batch("undo"), current_user))


@bp.post("/presence")
def post_presence():
    """Replay starts and stops of presence from the outbox, exactly once each."""
    return jsonify(results=presence_sync.sync_presence(_batch("presence"), current_user))
