"""Where a sync request's time goes: CPU in the app beside the bare endpoint, and the commit.

Runs POST /api/v1/entries and the bare endpoint (bench/bare_app.py) in this process through
Flask's test client — no gunicorn, no network — and reports per request the CPU time of the
process (`time.process_time`) for batches of 1 and 50, and the time the database's COMMIT
takes (the flush to disk that makes an answered entry durable). On a machine whose disk is
shared, the commit is the part the app cannot make smaller; the CPU part is what the code
costs.

    .venv/bin/python bench/sync_cost.py [--pg postgresql+psycopg://postgres@127.0.0.1/test]
        [--requests 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import make_world, scratch_database  # noqa: E402
from sync_ingest import batch  # noqa: E402


def measure(name: str, url: str, requests: int) -> None:
    """Time the app's and the bare endpoint's requests in this process."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from bench.bare_app import app as bare
    from buurtlog import create_app
    from buurtlog.extensions import db

    world = make_world(url)
    app = create_app({"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": url})
    commits: list[float] = []
    began: list[float] = []
    with app.app_context():

        @event.listens_for(db.engine, "commit")
        def _commit_starts(_connection):
            began.append(time.perf_counter())

    @event.listens_for(Session, "after_commit")
    def _committed(_session):
        if began:
            commits.append(time.perf_counter() - began.pop())

    headers = {"Authorization": f"Bearer {world['token']}"}
    for size in (1, 50):
        for label, client in (("app", app.test_client()), ("bare", bare.test_client())):
            bodies = [batch(size, world["place_id"]) for _ in range(requests + 10)]
            for body in bodies[:10]:  # warm up
                client.post(
                    "/api/v1/entries", data=body, headers=headers, content_type="application/json"
                )
            commits.clear()
            cpu, wall = [], []
            for body in bodies[10:]:
                started, started_cpu = time.perf_counter(), time.process_time()
                response = client.post(
                    "/api/v1/entries", data=body, headers=headers, content_type="application/json"
                )
                cpu.append(time.process_time() - started_cpu)
                wall.append(time.perf_counter() - started)
                assert response.status_code == 200, response.data
            line = (
                f"{name:<10} batch {size:>2} {label:<4}: CPU per request p50 "
                f"{statistics.median(cpu) * 1000:6.2f} ms, wall p50 "
                f"{statistics.median(wall) * 1000:6.2f} ms"
            )
            if label == "app" and commits:
                line += f", COMMIT p50 {statistics.median(commits) * 1000:6.2f} ms"
            print(line, flush=True)
    with app.app_context():
        db.engine.dispose()


def main() -> None:
    """Measure on SQLite and, when asked, on PostgreSQL."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", help="PostgreSQL server URL; a database is made and dropped")
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        measure("sqlite", f"sqlite:///{tmp}/bench.sqlite", args.requests)
    if args.pg:
        with scratch_database(args.pg) as url:
            measure("postgresql", url, args.requests)
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
