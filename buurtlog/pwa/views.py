"""The installable app: manifest, service worker and the page shown when offline."""

import json
from pathlib import Path

from flask import Blueprint, Response, current_app, render_template

from buurtlog.pwa.services import asset_version, shell_urls

bp = Blueprint("pwa", __name__)


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
