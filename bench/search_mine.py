"""Time the search of "Mijn praatjes" over a year of one worker's entries (2,000 by default).

Builds a database of its own (an SQLite file, and a PostgreSQL database when a server URL is
given with ``--pg URL`` or ``TEST_DATABASE_URL``; made and dropped here): a team of eight
workers, each with a year of entries with notes and questions beneath the question, so the
worker searched is one among many. Then posts searches to ``/entries/search`` through the test
client as that worker (words only; words with a theme; a period; a word found nowhere), beside a
bare ``SELECT`` of the worker's entries of that year in the same run.

Run from the repo root::

    .venv/bin/python bench/search_mine.py [--entries 2000] [--runs 40]
    TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        .venv/bin/python bench/search_mine.py
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from common import scratch_database  # noqa: E402
from sqlalchemy import select, text  # noqa: E402

from buurtlog import create_app  # noqa: E402
from buurtlog.accounts.sessions import stamp  # noqa: E402
from buurtlog.extensions import db  # noqa: E402
from buurtlog.models import Area, Entry, Place, Team, Theme, User, utcnow  # noqa: E402

WORKERS = 8
WORDS = (
    "lift",
    "trap",
    "buren",
    "geluid",
    "schimmel",
    "huur",
    "speeltuin",
    "bankje",
    "school",
    "budgetmaatje",
    "taalcafé",
    "eenzaam",
    "koffie",
    "rekening",
    "energietoeslag",
    "vuil",
    "parkeren",
    "hangjongeren",
    "moestuin",
    "bibliotheek",
    "buurthuis",
    "wachtlijst",
)
SEARCHES = {  # name: the form posted
    "one word": {"words": "budgetmaatje"},
    "two words": {"words": "lift schimmel"},
    "word + theme": {"words": "huur", "theme": "wonen"},
    "period only": {"start": "", "end": ""},  # filled with the last quarter below
    "found nowhere": {"words": "zeppelin"},
}


def sentence(rng: random.Random) -> str:
    """Write a note of a few words, as workers do."""
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 14))).capitalize() + "."


def build(per_worker: int, rng: random.Random) -> int:
    """Fill the database; return the searched worker's id."""
    wijk = Area(code="WK990101", name="Kanaalzone", level="wijk")
    buurt = Area(code="BU99010101", name="Smaragdplein", level="buurt", parent=wijk)
    themes = [
        Theme(slug=s, name_nl=s.capitalize(), name_en=s, position=i, sensitive=s == "geweld")
        for i, s in enumerate(("wonen", "spelen", "armoede", "eenzaamheid", "geweld"))
    ]
    places = [Place(name=f"Plek {i}", area=buurt, kind="other") for i in range(6)]
    team = Team(name="Team Zuid", areas=[wijk])
    db.session.add_all([wijk, buurt, *themes, *places, team])
    workers = [
        User(email=f"w{i}@bench.test", name=f"Worker {i}", role="worker", team=team)
        for i in range(WORKERS)
    ]
    db.session.add_all(workers)
    db.session.flush()
    now = utcnow()
    for worker in workers:
        for _ in range(per_worker):
            db.session.add(
                Entry(
                    author_id=worker.id,
                    team_id=team.id,
                    area_id=buurt.id,
                    place_id=rng.choice(places).id,
                    setting="street",
                    kind=rng.choice(("signal", "question", "idea", "strength")),
                    themes=[rng.choice(themes)],
                    occurred_at=now - timedelta(minutes=rng.randint(0, 365 * 24 * 60)),
                    note=sentence(rng) if rng.random() < 0.8 else None,
                    underlying_question=sentence(rng) if rng.random() < 0.4 else None,
                )
            )
        db.session.flush()
    db.session.commit()
    return workers[0].id


def percentile(values: list[float], p: float) -> float:
    """Return the p-th percentile in ms."""
    return statistics.quantiles(values, n=100)[int(p) - 1] * 1000 if len(values) > 1 else 0


def measure(url: str, per_worker: int, runs: int) -> None:
    """Build a database at the URL, then time the bare rows and each search in turns."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": url,
            "WTF_CSRF_ENABLED": False,
        }
    )
    with app.app_context():
        db.create_all()
        started = time.perf_counter()
        worker_id = build(per_worker, random.Random(2000))
        if db.engine.dialect.name == "sqlite":
            db.session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        db.session.execute(text("ANALYZE"))
        db.session.commit()
        print(
            f"  built in {time.perf_counter() - started:.1f} s "
            f"({WORKERS} workers x {per_worker} entries)"
        )
        bare_query = select(
            Entry.id, Entry.occurred_at, Entry.note, Entry.underlying_question
        ).where(Entry.author_id == worker_id, Entry.occurred_at >= utcnow() - timedelta(days=366))
        quarter = (utcnow() - timedelta(days=91)).date()
        SEARCHES["period only"] = {"start": quarter.isoformat(), "end": utcnow().date().isoformat()}
        worker = db.session.get(User, worker_id)
    client = app.test_client()
    with app.app_context(), client.session_transaction() as session:
        stamp(session, db.session.get(User, worker_id), mfa=True)
    gc.collect()
    for form in SEARCHES.values():  # warm up: templates compiled
        client.post("/entries/search", data=form)
    bare = []
    timings = {name: [] for name in SEARCHES}
    found = {}
    for _ in range(runs):
        with app.app_context():
            started = time.perf_counter()
            rows = db.session.execute(bare_query).all()
            bare.append(time.perf_counter() - started)
            db.session.rollback()
        for name, form in SEARCHES.items():
            started = time.perf_counter()
            response = client.post("/entries/search", data=form)
            timings[name].append(time.perf_counter() - started)
            assert response.status_code == 200, name
            found[name] = response.data.count(b'class="entry ')
    del worker
    print(
        f"  bare SELECT of the worker's year ({len(rows)} rows): "
        f"p50 {percentile(bare, 50):.1f} ms, p95 {percentile(bare, 95):.1f} ms"
    )
    for name, values in timings.items():
        p95 = percentile(values, 95)
        print(
            f"  search {name:<14} ({found[name]:>2} shown, page of 50): "
            f"p50 {percentile(values, 50):5.1f} ms, p95 {p95:5.1f} ms "
            f"({p95 / max(percentile(bare, 95), 0.001):.1f}x the bare SELECT)"
        )


def calibration() -> float:
    """Time a fixed piece of pure Python, to compare machines and moments (ms)."""
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        sum(range(10**7))
        best = min(best, time.perf_counter() - started)
    return best * 1000


def main() -> None:
    """Measure on SQLite, and on PostgreSQL when a server is given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=2000, help="per worker")
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument(
        "--pg",
        default=os.environ.get("TEST_DATABASE_URL"),
        help="a PostgreSQL server URL; a database is made and dropped on it",
    )
    args = parser.parse_args()
    print(
        f"CPU calibration: sum(range(10**7)) takes {calibration():.0f} ms; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory() as folder:
        print(f"== SQLite ({args.entries} entries a worker)")
        measure(f"sqlite:///{folder}/bench.sqlite", args.entries, args.runs)
    if args.pg:
        print(f"== PostgreSQL ({args.entries} entries a worker)")
        with scratch_database(args.pg) as url:
            measure(url, args.entries, args.runs)
    else:
        print("== PostgreSQL skipped: pass --pg URL or set TEST_DATABASE_URL")


if __name__ == "__main__":
    main()
