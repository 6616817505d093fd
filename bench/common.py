"""Shared set-up for the benchmarks: a small world in a fresh database, gunicorn, Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/lib/chromium/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "bench password 2026"


@contextmanager
def scratch_database(server_url: str) -> Iterator[str]:
    """Make an empty PostgreSQL database on the server, give its URL, and drop it afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"buurtlog_bench_{uuid.uuid4().hex[:10]}"
    server = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


def free_port() -> int:
    """Return a free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_world(url: str) -> dict:
    """Create the schema and a worker (password and API token) with a place and themes."""
    from buurtlog import create_app
    from buurtlog.accounts.services import issue_token, set_password
    from buurtlog.extensions import db
    from buurtlog.models import Area, Place, Team, Theme, User

    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        db.create_all()
        wijk = Area(
            code="WK999901",
            name="Benchwijk",
            level="wijk",
            parent=Area(code="GM9999", name="Benchstad", level="gemeente"),
        )
        place = Place(
            name="Tafel Buurtsuper",
            kind="shop_table",
            area=Area(code="BU99990101", name="Benchbuurt", level="buurt", parent=wijk),
        )
        user = User(
            email="bench@example.org",
            name="Bench",
            role="worker",
            team=Team(name="Team Bench", areas=[wijk]),
        )
        set_password(user, PASSWORD)
        themes = [
            Theme(slug=slug, name_nl=nl, name_en=slug, position=i)
            for i, (slug, nl) in enumerate(
                [
                    ("eenzaamheid", "Eenzaamheid"),
                    ("spelen", "Spelen"),
                    ("wonen", "Wonen"),
                    ("taal", "Taal"),
                ]
            )
        ]
        db.session.add_all([place, user, *themes])
        db.session.flush()
        token = issue_token(user)
        db.session.commit()
        world = {"token": token, "place_id": place.id, "email": user.email}
        db.engine.dispose()
    return world


def start_gunicorn(target: str, port: int, env: dict, workers: int = 4) -> subprocess.Popen:
    """Start gunicorn (gthread workers) on the port and wait until it answers."""
    process = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "--workers",
            str(workers),
            "--worker-class",
            "gthread",
            "--threads",
            "4",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            target,
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"gunicorn did not start: {process.stderr.read().decode()[-2000:]}")


def stop(processes: list[subprocess.Popen]) -> None:
    """Stop servers, waiting for them to finish their requests."""
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def percentile(values: list[float], p: float) -> float:
    """Return the p-th percentile of the values (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]
