"""What the service worker keeps on the phone, and the version that names its cache."""

import hashlib
from functools import cache
from pathlib import Path

from flask import current_app

# The app shell: what the log form needs to open and save without a network.
SHELL_FILES = (
    "css/buurtlog.css",
    "js/log-form.js",
    "js/outbox.js",
    "js/outbox-core.js",
    "js/privacy.js",
    "js/privacy-words.js",
    "js/privacy-field.js",
    "js/tally.js",  # the walk-in tally and presence work offline too
    "js/presence.js",
    "js/kiosk.js",  # and the kiosk's taps
    "js/walkin-offline.js",  # and starting and ending a walk-in
    "icons/icon.svg",
    "icons/icon-192.png",
    "icons/icon-512.png",
    "icons/icon-maskable-512.png",
)


def static_folder() -> Path:
    """Return the folder of the app's static files."""
    folder = current_app.static_folder
    assert folder is not None  # Flask sets it: buurtlog keeps its static files in the package
    return Path(folder)


def shell_urls() -> list[str]:
    """Return the URLs the service worker precaches (static files that exist, and pages)."""
    static = static_folder()
    files = [f"/static/{name}" for name in SHELL_FILES if (static / name).exists()]
    return [*files, "/offline", "/manifest.webmanifest"]


def asset_version() -> str:
    """Return a version that changes whenever a precached file or the worker itself changes."""
    return current_app.config.get("BUURTLOG_ASSET_VERSION") or _hash_files(str(static_folder()))


@cache
def _hash_files(static_folder: str) -> str:
    """Hash the shell files and the worker's source, once per process."""
    digest = hashlib.sha256()
    static = Path(static_folder)
    for name in (*SHELL_FILES, "js/sw.js"):
        path = static / name
        if path.exists():
            digest.update(name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]
