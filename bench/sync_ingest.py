"""Sync ingest under gunicorn: entries/s and p50/p99 latency beside a bare Flask endpoint.

For each engine (SQLite, and PostgreSQL when a server URL is given), batch size (1, 50) and
number of concurrent clients (1, 10, 50), both the real POST /api/v1/entries and a bare Flask
JSON endpoint (bench/bare_app.py) run under the same gunicorn settings, measured in the same
run; the ratio of their request rates is the figure that matters on a shared, noisy machine.

    .venv/bin/python bench/sync_ingest.py [--pg postgresql+psycopg://postgres@127.0.0.1/test]
        [--seconds 4] [--workers 4]
"""

from __future__ import annotations

import argparse
import http.client
import json
import secrets
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    free_port,
    make_world,
    percentile,
    scratch_database,
    start_gunicorn,
    stop,
)


def batch(size: int, place_id: int) -> bytes:
    """Return a JSON batch of new entries."""
    now = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
    entries = [
        {
            "id": str(uuid.uuid4()),
            "occurred_at": now,
            "place": place_id,
            "setting": "shop_table",
            "kind": "signal",
            "themes": ["eenzaamheid"],
            "note": "Wil graag meedoen met de koffieochtend.",
        }
        for _ in range(size)
    ]
    return json.dumps({"entries": entries}).encode()


def load(port: int, token: str, size: int, clients: int, seconds: float, place_id: int):
    """Send batches from concurrent clients for a while; return latencies and entry counts."""
    latencies: list[float] = []
    created = [0]
    failures = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
        mine, done, failed = [], 0, 0
        while time.monotonic() < stop:
            body = batch(size, place_id)
            started = time.perf_counter()
            connection.request("POST", "/api/v1/entries", body=body, headers=headers)
            response = connection.getresponse()
            payload = response.read()
            mine.append(time.perf_counter() - started)
            if response.status == 200:
                done += sum(r["status"] == "created" for r in json.loads(payload)["results"])
            else:
                failed += 1
        connection.close()
        with lock:
            latencies.extend(mine)
            created[0] += done
            failures[0] += failed

    errors: list[BaseException] = []

    def guarded():
        try:
            client()
        except Exception as error:  # noqa: BLE001 - reported below, the run is then invalid
            errors.append(error)

    threads = [threading.Thread(target=guarded) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    if errors:
        raise RuntimeError(f"{len(errors)} client(s) failed: {errors[0]!r}")
    return latencies, created[0], failures[0], elapsed


def run_engine(name: str, url: str, seconds: float, workers: int) -> list[dict]:
    """Measure one database engine against the bare endpoint."""
    world = make_world(url)
    token, place_id = world["token"], world["place_id"]
    env = {
        "FLASK_SECRET_KEY": secrets.token_hex(16),
        "FLASK_SQLALCHEMY_DATABASE_URI": url,
        "FLASK_DEBUG": "0",
    }
    app_port, bare_port = free_port(), free_port()
    servers = [
        start_gunicorn("app:app", app_port, env, workers),
        start_gunicorn("bench.bare_app:app", bare_port, env, workers),
    ]
    rows = []
    try:
        for port in (app_port, bare_port):  # warm every worker up: imports, pools, catalogues
            load(port, token, 1, 2 * workers, 2.0, place_id)
        for size in (1, 50):
            for clients in (1, 10, 50):
                app_lat, created, failed, app_time = load(
                    app_port, token, size, clients, seconds, place_id
                )
                bare_lat, _, _, bare_time = load(bare_port, token, size, clients, seconds, place_id)
                row = {
                    "engine": name,
                    "batch": size,
                    "clients": clients,
                    "req_s": len(app_lat) / app_time,
                    "entries_s": created / app_time,
                    "p50": percentile(app_lat, 50) * 1000,
                    "p99": percentile(app_lat, 99) * 1000,
                    "bare_req_s": len(bare_lat) / bare_time,
                    "bare_p50": percentile(bare_lat, 50) * 1000,
                    "failed": failed,
                }
                row["ratio"] = row["req_s"] / row["bare_req_s"]
                rows.append(row)
                print(
                    f"{name:<10} batch {size:>2} clients {clients:>2}: "
                    f"{row['req_s']:7.1f} req/s {row['entries_s']:8.1f} entries/s "
                    f"p50 {row['p50']:6.1f} ms p99 {row['p99']:7.1f} ms | bare "
                    f"{row['bare_req_s']:7.1f} req/s p50 {row['bare_p50']:5.1f} ms | "
                    f"ratio {row['ratio']:.2f}" + (f" | {failed} failed" if failed else ""),
                    flush=True,
                )
    finally:
        stop(servers)
    return rows


def main() -> None:
    """Run the benchmark on SQLite and, when asked, on PostgreSQL."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", help="PostgreSQL server URL; a database is made and dropped")
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--no-sqlite", action="store_true", help="measure PostgreSQL only")
    args = parser.parse_args()
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            run_engine("sqlite", f"sqlite:///{tmp}/bench.sqlite", args.seconds, args.workers)
    if args.pg:
        with scratch_database(args.pg) as url:
            run_engine("postgresql", url, args.seconds, args.workers)


if __name__ == "__main__":
    main()
