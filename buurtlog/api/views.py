"""The JSON API under /api/v1: session + X-CSRFToken, or a personal bearer token."""

from datetime import UTC, datetime

from flask import Blueprint, abort, current_app, g, jsonify, request
from flask_babel import get_locale
from flask_login import current_user, user_loaded_from_request
from flask_wtf.csrf import generate_csrf

from buurtlog.api import services
from buurtlog.api.forms import EntryPayloadForm
from buurtlog.api.openapi import document
from buurtlog.entries import rules
from buurtlog.entries import services as entries
from buurtlog.extensions import csrf, login_manager
from buurtlog.forms import parse_moment
from buurtlog.models import SKETCH_MAX
from buurtlog.presence import sync as presence_sync
from buurtlog.walkin import sync as walkin_sync

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)  # checked below, only for calls that ride on the browser's session cookie

MAX_BATCH = 500
PRIVACY_CHECK_MAX = SKETCH_MAX  # the longest free-text field under the privacy guard
# The privacy guard's budget per request, in characters of free text: its time is linear in
# them (about 5 ms CPU per full-length entry at worst, BENCHMARKS.md), so fifty full-length
# entries cost at most about a quarter of a second. A larger batch gets 413 and nothing is
# saved; the outbox then sends it in halves. (Check-ins stay below it by construction:
# 500 x REFERRED_ELSEWHERE_MAX is 60,000.)
GUARD_BUDGET = 50 * sum(limit for _name, limit in rules.TEXTS)  # as in openapi.TOO_LARGE
MAX_BODY = 1024 * 1024
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


@user_loaded_from_request.connect
def _note_token_sign_in(_app, **_extra):
    """Remember that this request's user came from its bearer token, not from a cookie."""
    g.api_signed_in_by_token = True


@bp.before_request
def authenticate():
    """Answer 401 without a user, and require the CSRF header for cookie-based writes.

    Only a token that signed the request in stands in for the CSRF header: any other
    `Authorization` header (junk, an expired token, a token beside a session cookie) does not.
    """
    if request.endpoint == "api.openapi":
        return None
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not g.get("api_signed_in_by_token") and current_app.config["WTF_CSRF_ENABLED"]:
        csrf.protect()  # a no-op for GET and HEAD
    return None


def json_body() -> dict:
    """Return the request's JSON object (at most 1 MB), or answer 400 when it is not one."""
    request.max_content_length = MAX_BODY
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # "[[[[...": nested too deep for the JSON parser
        body = None
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
    return jsonify(
        user={"id": current_user.id, "name": current_user.name}, csrf_token=generate_csrf()
    )


@bp.post("/entries")
def post_entries():
    """Save a batch of entries from the outbox, exactly once each."""
    items = json_body().get("entries")
    if not isinstance(items, list):
        abort(400, description="'entries' must be a list.")
    if len(items) > MAX_BATCH:
        abort(413, description=f"At most {MAX_BATCH} entries per request.")
    if _free_text_length(items) > GUARD_BUDGET:
        abort(
            413,
            description=f"At most {GUARD_BUDGET} characters of notes and questions per "
            "request; send fewer entries at a time.",
        )
    results = services.sync_entries(items, current_user._get_current_object(), _payload_form)
    response = jsonify(results=results)
    response.headers["Cache-Control"] = "no-store"
    return response


def _free_text_length(items: list) -> int:
    """Count the characters the privacy guard would read in a batch of entries."""
    return sum(
        len(text)
        for item in items
        if isinstance(item, dict)
        for name, _limit in rules.TEXTS
        if isinstance(text := item.get(name), str)
    )


def _payload_form() -> EntryPayloadForm:
    """Make the log form for sync entries, with the places, areas and themes in use."""
    return EntryPayloadForm(
        formdata=None,
        places=entries.active_places(),
        areas=entries.active_areas(),
        themes=entries.active_themes(),
        locale=str(get_locale()),
        timezone=current_app.config["BABEL_DEFAULT_TIMEZONE"],
    )


@bp.get("/entries")
def get_entries():
    """List the caller's own entries changed, and those deleted, since a moment."""
    since = EPOCH
    if "since" in request.args:  # an empty since= is a client's bug, not "everything"
        asked = parse_moment(request.args["since"])  # None also when before the first UTC moment
        if asked is None:
            abort(400, description="'since' must be an ISO 8601 date-time with a UTC offset.")
        since = asked
    rows, deleted, more = services.entries_since(current_user, since)
    return jsonify(
        entries=[services.entry_json(e) for e in rows],
        deleted=[services.tombstone_json(t) for t in deleted],
        more=more,
    )


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
    if len(text) > PRIVACY_CHECK_MAX:
        abort(413, description=f"'text' may be at most {PRIVACY_CHECK_MAX} characters.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        abort(400, description="'text' must be valid Unicode (no lone surrogates).")
    return jsonify(findings=services.findings_json(text))


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
    return jsonify(
        results=walkin_sync.sync_checkins(_batch("checkins"), current_user, str(get_locale()))
    )


@bp.post("/checkins/undo")
def undo_checkins():
    """Take back walk-in taps from the outbox, exactly once each."""
    return jsonify(results=walkin_sync.sync_undos(_batch("undo"), current_user))


@bp.post("/kiosk/taps")
def post_kiosk_taps():
    """Count visitors' own taps that a kiosk kept offline, exactly once each."""
    return jsonify(results=walkin_sync.sync_kiosk_taps(_batch("taps"), current_user))


@bp.post("/walkins")
def post_walkins():
    """Start and end walk-ins kept offline, exactly once each."""
    places = {place.id: place for place in entries.active_places()}
    return jsonify(results=walkin_sync.sync_walkins(_batch("walkins"), current_user, places))


@bp.post("/presence")
def post_presence():
    """Replay starts and stops of presence from the outbox, exactly once each."""
    return jsonify(results=presence_sync.sync_presence(_batch("presence"), current_user))
