"""The installable app: manifest, service worker and the page shown when offline."""

import json
from pathlib import Path

from flask import Blueprint, Response, current_app, render_template, request, session

from buurtlog.pwa.services import asset_version, shell_urls

bp = Blueprint("pwa", __name__)

# Sent by the service worker on the requests it makes by itself (static/js/sw.js).
BACKGROUND_HEADER = "X-Buurtlog-Background"


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
        {"src": "/static/icons/icon-maskable-512.png", "sizes": "512x512", "type": "image/png",
         "purpose": "maskable"},
    ]
    body = {
        "id": "/", "name": "buurtlog — praatjes in de wijk", "short_name": "buurtlog",
        "description": "Leg een praatje in de wijk vast in tien seconden, zonder namen.",
        "lang": "nl", "dir": "ltr", "start_url": "/", "scope": "/", "display": "standalone",
        "orientation": "any", "background_color": "#ffffff", "theme_color": "#00665e",
        "icons": icons,
    }
    return Response(json.dumps(body, ensure_ascii=False), mimetype="application/manifest+json")


@bp.get("/sw.js")
def service_worker():
    """Serve the service worker from the root, so that it controls every page."""
    source = (Path(current_app.static_folder) / "js" / "sw.js").read_text(encoding="utf-8")
    source = source.replace('"__VERSION__"', json.dumps(asset_version())).replace(
        '["__SHELL__"]', json.dumps(shell_urls()))
    response = Response(source, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    return response


@bp.get("/offline")
def offline():
    """Show what still works when there is no connection."""
    return render_template("pwa/offline.html")
