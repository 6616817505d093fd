"""The installable app: manifest, service worker and the page shown when offline."""

import json

from flask import (
    Blueprint,
    Response,
    jsonify,
    make_response,
    render_template,
    request,
    session,
)
from flask_login import current_user

from buurtlog.pwa.services import asset_version, shell_urls, static_folder

bp = Blueprint("pwa", __name__)

# Sent by the service worker on the requests it makes by itself (static/js/sw.js).
BACKGROUND_HEADER = "X-Buurtlog-Background"
# Sent by the outbox with each batch: the user whose records these are (static/js/outbox-core.js).
OWNER_HEADER = "X-Buurtlog-Owner"


@bp.before_app_request
def refuse_another_users_outbox():
    """Refuse outbox records sent under someone else's session.

    On a shared phone the outbox can hold a colleague's unsent entries; sent under the
    signed-in user's session they would become that user's. They wait for their owner.
    """
    owner = request.headers.get(OWNER_HEADER)
    if owner is None or not request.path.startswith("/api/v1/"):
        return None
    if current_user.is_authenticated and owner != str(current_user.id):
        message = "These records belong to another user: sign in as that user to send them."
        return jsonify(error={"code": 409, "message": message}), 409
    return None


@bp.after_app_request
def keep_session_of_background_requests(response: Response) -> Response:
    """Never let a request the service worker makes by itself write the session cookie.

    It carries the cookie of the moment it was sent: when its answer arrives after a sign-in's
    (the worker installs on the sign-in page and fetches the log form), a cookie written with
    it (a "please sign in" notice, say) would replace the signed-in one.
    """
    if request.headers.get(BACKGROUND_HEADER) == "1":
        session.modified = False
    return response


@bp.get("/manifest.webmanifest")
def manifest():
    """Describe the app to the phone so it can be installed on the home screen."""
    icons = [
        {"src": "/static/icons/icon-192.png", "sizes": "192x192", "type": "image/png"},
        {"src": "/static/icons/icon-512.png", "sizes": "512x512", "type": "image/png"},
        {
            "src": "/static/icons/icon-maskable-512.png",
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
    ]
    body = {
        "id": "/",
        "name": "buurtlog — praatjes in de wijk",
        "short_name": "buurtlog",
        "description": "Leg een praatje in de wijk vast in tien seconden, zonder namen.",
        "lang": "nl",
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "background_color": "#ffffff",
        "theme_color": "#00665e",
        "icons": icons,
    }
    return Response(json.dumps(body, ensure_ascii=False), mimetype="application/manifest+json")


@bp.get("/sw.js")
def service_worker():
    """Serve the service worker from the root, so that it controls every page."""
    source = (static_folder() / "js" / "sw.js").read_text(encoding="utf-8")
    source = source.replace('"__VERSION__"', json.dumps(asset_version())).replace(
        '["__SHELL__"]', json.dumps(shell_urls())
    )
    response = Response(source, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    return response


@bp.get("/offline")
def offline():
    """Show what still works when there is no connection.

    Signed in, it has the navigation and the outbox bar, and says whose it is: the service
    worker keeps this user's copy (static/js/sw.js).
    """
    response = make_response(render_template("pwa/offline.html"))
    if current_user.is_authenticated:
        response.headers["X-Offline-User"] = str(current_user.id)
    return response
