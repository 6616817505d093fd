"""Time the weekly review page for a team with 5,000 signals in the period.

Builds a database of its own — an SQLite file, and a PostgreSQL database when a server URL is
given (``--pg URL`` or ``TEST_DATABASE_URL``; the database is created and dropped here) —
with a team of eight workers in two wijken, 5,000 signals, questions and ideas in the period
(statuses, owners, wijk themes, sensitive ones among them) and the rest of a realistic year:
older entries, a year of decisions on them (most closed by now), plain contacts, another team.
Then renders the review page through the test client as the team's coordinator, beside a bare
``SELECT`` of those rows in the same run. With ``--weeks N`` the period is the last N weeks,
``--signals`` a week, chosen on the page as a coordinator picks a quarter (``?start=&end=``).
Nothing is kept between views (no process keeps anything): every view is a first view after
a change. Grouping reads the stems each entry stored when it was saved.

Run from the repo root::

    .venv/bin/python bench/review_page.py [--signals 5000] [--runs 40]
    .venv/bin/python bench/review_page.py --signals 200 --weeks 13   # a quarter, chosen
    TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        .venv/bin/python bench/review_page.py
"""

from __future__ import annotations

import argparse
import gc
import http.client
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from common import free_port, scratch_database, start_gunicorn, stop  # noqa: E402
from sqlalchemy import text  # noqa: E402

from buurtlog import create_app  # noqa: E402
from buurtlog.accounts.sessions import stamp  # noqa: E402
from buurtlog.demo import data as demo  # noqa: E402
from buurtlog.entries import terms  # noqa: E402
from buurtlog.extensions import db  # noqa: E402
from buurtlog.initiatives import gaps  # noqa: E402
from buurtlog.models import (  # noqa: E402
    Area,
    Entry,
    Review,
    SignalStatus,
    StatusChange,
    Team,
    Theme,
    User,
    WijkTheme,
    entry_themes,
    wijk_theme_entries,
)
from buurtlog.review import period as periods  # noqa: E402
from buurtlog.review.signals import ROW_COLUMNS, period_filter  # noqa: E402
from tests.data.review_signals import generate  # noqa: E402

SETTINGS = ("street", "shop_table", "walk_in", "home_visit", "phone")
WORKERS = 8


def build(signals: int, rng: random.Random, weeks: int = 1) -> int:
    """Fill the database (`signals` a week in the last `weeks` weeks); return the
    coordinator's user id."""
    areas, buurten = {}, {}
    gemeente = Area(code="GM9901", name="Havenstad", level="gemeente")
    db.session.add(gemeente)
    for code, name, parts in demo.WIJKEN:
        areas[code] = Area(code=code, name=name, level="wijk", parent=gemeente)
        buurten[code] = [Area(code=c, name=n, level="buurt", parent=areas[code]) for c, n in parts]
        db.session.add_all([areas[code], *buurten[code]])
    themes = [
        Theme(slug=s, name_nl=nl, name_en=en, sensitive=sens, position=i)
        for i, (s, nl, en, sens) in enumerate(demo.THEMES)
    ]
    db.session.add_all(themes)
    zuid = Team(name="Team Zuid", areas=[areas["WK990101"], areas["WK990102"]])
    noord = Team(name="Team Noord", areas=[areas["WK990103"], areas["WK990104"]])
    coordinator = User(
        email="coordinator@example.org", name="Coördinator", role="coordinator", team=zuid
    )
    workers = [
        User(email=f"w{i}@example.org", name=f"Medewerker {i}", team=zuid) for i in range(WORKERS)
    ]
    others = [User(email=f"n{i}@example.org", name=f"Noord {i}", team=noord) for i in range(6)]
    db.session.add_all([zuid, noord, coordinator, *workers, *others])
    db.session.flush()

    now = datetime.now(UTC)
    texts = [s.text for s in generate(seed=7, size=signals * weeks).signals]
    days = 7 * weeks
    rows, links = [], []

    def entry(author, team, wijk, when, kind, text_=None, follow_up=None):
        entry_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        theme = rng.choice(themes[:15]) if rng.random() > 0.04 else rng.choice(themes[15:])
        rows.append(
            {
                "id": entry_id,
                "author_id": author.id,
                "team_id": team.id,
                "occurred_at": when,
                "created_at": when + timedelta(minutes=5),
                "updated_at": when,
                "version": 1,
                "area_id": rng.choice(buurten[wijk]).id,
                "setting": rng.choice(SETTINGS),
                "contact_type": "resident",
                "people": 1,
                "first_contact": False,
                "initiated_by": "resident",
                "kind": kind,
                "underlying_question": text_ if text_ and rng.random() < 0.4 else None,
                "note": text_ if text_ and rng.random() < 0.6 else None,
                "grouping_terms": None,
                "follow_up": follow_up
                or rng.choice(("none", "none", "feedback", "refer", "collective")),
            }
        )
        row = rows[-1]
        row["grouping_terms"] = terms.stored_terms(row["underlying_question"], row["note"])
        links.append({"entry_id": entry_id, "theme_id": theme.id})
        return entry_id

    period = []
    for i in range(signals * weeks):  # the period: the last seven days (or weeks)
        author = rng.choice(workers)
        when = now - timedelta(minutes=rng.randint(10, days * 24 * 60 - 60))
        period.append(
            entry(
                author,
                zuid,
                rng.choice(["WK990101", "WK990102"]),
                when,
                rng.choice(("signal", "signal", "question", "idea")),
                texts[i],
            )
        )
    for _ in range(signals * weeks):  # plain contacts and strengths in the period: not reviewed
        entry(
            rng.choice(workers),
            zuid,
            "WK990101",
            now - timedelta(hours=rng.randint(1, days * 24 - 8)),
            rng.choice(("contact", "strength")),
            follow_up="none",
        )
    previous = [
        entry(
            rng.choice(workers),
            zuid,
            rng.choice(["WK990101", "WK990102"]),
            now - timedelta(days=rng.randint(days + 1, days + 7), minutes=rng.randint(0, 1400)),
            "signal",
            rng.choice(texts),
        )
        for _ in range(600)
    ]  # the week before
    older = [
        entry(
            rng.choice(workers),
            zuid,
            rng.choice(["WK990101", "WK990102"]),
            now - timedelta(days=rng.randint(days + 8, days + 365)),
            "signal",
            rng.choice(texts),
        )
        for _ in range(4 * signals * weeks)
    ]  # the year before that
    for _ in range(2 * signals):  # another team
        entry(
            rng.choice(others),
            noord,
            "WK990103",
            now - timedelta(hours=rng.randint(1, 160)),
            "signal",
            rng.choice(texts),
        )
    db.session.execute(Entry.__table__.insert(), rows)
    rows_by_id = {row["id"]: row for row in rows}
    db.session.execute(entry_themes.insert(), links)

    review = Review(
        team=zuid,
        held_on=(now - timedelta(days=days)).date(),
        period_start=now - timedelta(days=days + 7),
        period_end=now - timedelta(days=days),
        attendees=workers[:5],
    )
    db.session.add(review)
    wijk_theme = WijkTheme(
        team=zuid,
        area=areas["WK990101"],
        theme=themes[3],
        name="Speelplek Sluiskwartier",
        owner=workers[0],
    )
    db.session.add(wijk_theme)
    db.session.flush()
    statuses, changes = [], []
    # The last meeting decided on 300 signals of its week; this week's owners already moved
    # one in ten signals of the period (discussed, picked up, a few closed).
    decided = [(e, review.id) for e in rng.sample(previous, 300)]
    decided += [(e, None) for e in rng.sample(period, len(period) // 10)]
    for entry_id, review_id in decided:
        status = rng.choice(
            ("discussed", "action", "referred", "collective", "monitoring", "closed")
        )
        owner = rng.choice(workers).id if status != "discussed" else None
        statuses.append(
            {
                "entry_id": entry_id,
                "team_id": zuid.id,
                "status": status,
                "owner_id": owner,
                "decision": "Besproken in het overleg",
                "due_on": (now + timedelta(days=rng.randint(-3, 30))).date() if owner else None,
                "version": 1,
                "updated_at": now,
            }
        )
        changes.append(
            {
                "entry_id": entry_id,
                "team_id": zuid.id,
                "review_id": review_id,
                "from_status": "new",
                "to_status": status,
                "owner_id": owner,
                "at": now - timedelta(days=days),
            }
        )
    # A year of meetings decided on about a third of the older signals; all but a hundred
    # (still watched) are closed by now, each some weeks after it happened.
    for n, entry_id in enumerate(rng.sample(older, len(older) * 3 // 10)):
        when = rows_by_id[entry_id]["occurred_at"] + timedelta(days=rng.randint(7, 42))
        statuses.append(
            {
                "entry_id": entry_id,
                "team_id": zuid.id,
                "status": "monitoring" if n < 100 else "closed",
                "owner_id": None,
                "decision": "Besproken in het overleg",
                "due_on": None,
                "version": 2,
                "updated_at": min(when, now - timedelta(days=days + 8)),
            }
        )
    db.session.execute(SignalStatus.__table__.insert(), statuses)
    db.session.execute(StatusChange.__table__.insert(), changes)
    db.session.execute(
        wijk_theme_entries.insert(),
        [{"wijk_theme_id": wijk_theme.id, "entry_id": e} for e in rng.sample(period, 40)],
    )
    db.session.commit()
    return coordinator.id


def percentiles(samples: list[float]) -> tuple[float, float]:
    """Return the median and the 95th percentile, in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def measure(url: str, signals: int, runs: int, weeks: int = 1, served: bool = False) -> None:
    """Build a database at the URL, then time the bare rows and the page.

    On PostgreSQL twice: as just written, and after `VACUUM ANALYZE`, as autovacuum leaves a
    live database (its visibility map lets the opportunities card read an index alone).
    """
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
        coordinator_id = build(signals, random.Random(5000), weeks)
        # Statistics known, the SQLite WAL written back into the database file.
        if db.engine.dialect.name == "sqlite":
            db.session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        db.session.execute(text("ANALYZE"))
        db.session.commit()
        print(f"  built in {time.perf_counter() - started:.1f} s")
        postgresql = db.engine.dialect.name == "postgresql"
    # Issue 19: p95 at 1,000 and at 5,000 signals a week, and for a quarter chosen.
    target = 300 if weeks > 1 else 100 if signals <= 1000 else 200
    if not postgresql:
        time_page(app, coordinator_id, runs, target, weeks, served)
        return
    print("  -- as just written (no VACUUM yet)")
    time_page(app, coordinator_id, runs, target, weeks, served)
    with (
        app.app_context(),
        db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection,
    ):
        connection.execute(text("VACUUM ANALYZE"))
    print("  -- after VACUUM ANALYZE, as autovacuum keeps a live database")
    time_page(app, coordinator_id, runs, target, weeks, served)


def time_page(
    app, coordinator_id: int, runs: int, target: int, weeks: int = 1, served: bool = False
) -> None:
    """Time the bare rows and the page in turns (both see the same load), and print them.

    With `served`, the page is asked of two gunicorn workers over HTTP, a new connection each
    time, instead of the test client in this process.
    """
    page = "/review/"
    with app.app_context():
        team = db.session.scalar(db.select(Team).where(Team.name == "Team Zuid"))
        tz = app.config["BABEL_DEFAULT_TIMEZONE"]
        period = periods.default_period(team, tz)
        if weeks > 1:  # the last `weeks` weeks, today included, as the period form asks
            last = datetime.now(ZoneInfo(tz)).date()
            first = last - timedelta(days=7 * weeks - 1)
            period = periods.chosen_period(team, first, last, tz)
            page = f"/review/?start={first.isoformat()}&end={last.isoformat()}"
        where = period_filter(team, period)
        query = (
            db.select(*ROW_COLUMNS, Entry.underlying_question, Entry.note)
            .outerjoin(SignalStatus, SignalStatus.entry_id == Entry.id)
            .where(where)
        )
        count = len(db.session.execute(query).all())
        db.session.rollback()
    gc.collect()
    gc.freeze()  # as app.py does once the app is loaded, in every gunicorn worker
    client = app.test_client()
    with app.app_context(), client.session_transaction() as session:
        stamp(session, db.session.get(User, coordinator_id), mfa=True)  # signed in, 2FA given
    if served:
        cookie = client.get_cookie("session")
        assert cookie is not None
        get, server = served_page(app, cookie.value)
    else:
        get, server = client_page(client), None
    bare, pages, cpu, size = [], [], [], 0
    try:
        for _ in range(4):  # warm up: templates compiled, in both workers
            get(page)
        for _ in range(runs):
            with app.app_context():
                started = time.perf_counter()
                db.session.execute(query).all()
                bare.append(time.perf_counter() - started)
                db.session.rollback()
            started, started_cpu = time.perf_counter(), time.process_time()
            size = get(page)
            pages.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        if server:
            print(f"  each worker's CPU time, start-up included: {worker_seconds(server)}")
    finally:
        if server:
            stop([server])
    card = []
    with app.app_context():
        # The opportunities card that the initiatives register adds to the page, alone.
        coordinator = db.session.get(User, coordinator_id)
        for _ in range(runs):
            started = time.perf_counter()
            gaps.for_user(coordinator, elsewhere=False)
            card.append(time.perf_counter() - started)
        db.session.remove()
        db.engine.dispose()
    (b50, b95), (p50, p95) = percentiles(bare), percentiles(pages)
    u50, u95 = percentiles(cpu)
    print(f"  {count} signals in the period, page {size // 1024} KB, {runs} runs")
    load = os.getloadavg()[0]
    print(f"  load average {load:.1f} on {os.cpu_count()} CPUs while measuring")
    print(f"  bare SELECT of the rows     p50 {b50:7.1f} ms   p95 {b95:7.1f} ms")
    print(
        f"  review page                 p50 {p50:7.1f} ms   p95 {p95:7.1f} ms"
        f"   target p95 <= {target} ms: {'met' if p95 <= target else 'NOT met'}"
    )
    print(f"  page / bare SELECT          p50 {p50 / b50:7.1f} x   p95 {p95 / b95:7.1f} x")
    if served:
        print("  served by two gunicorn workers (gthread), a new connection for every view")
    else:
        print(
            f"  page, CPU time of this process  p50 {u50:7.1f} ms   p95 {u95:7.1f} ms"
            f"   (SQLite's work included, PostgreSQL's server not)"
        )
    g50, g95 = percentiles(card)
    print(
        f"  of the page: opportunities card alone  p50 {g50:7.1f} ms   p95 {g95:7.1f} ms"
        "   (initiatives' gaps.for_user, timed apart)"
    )


def client_page(client):
    """Return a function that asks the test client for a page and returns its size."""

    def get(page: str) -> int:
        response = client.get(page)
        assert response.status_code == 200
        return len(response.data)

    return get


def served_page(app, cookie: str):
    """Start two gunicorn workers on the bench's database; return a page getter and the server.

    The workers share the listening socket, so successive connections land on either: neither
    keeps anything from one view to the next, and every view is a first view.
    """
    port = free_port()
    env = {
        "FLASK_SECRET_KEY": app.config["SECRET_KEY"],
        "FLASK_SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
        "FLASK_SESSION_COOKIE_SECURE": "false",
    }
    server = start_gunicorn("app:app", port, env, workers=2)

    def get(page: str) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request("GET", page, headers={"Cookie": f"session={cookie}"})
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        assert response.status == 200, f"{page} answered {response.status}"
        return len(body)

    return get, server


def worker_seconds(server) -> str:
    """Read each gunicorn worker's CPU time from /proc, to show that both served views."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    ticks = os.sysconf("SC_CLK_TCK")
    seconds = []
    for pid in children:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        seconds.append((int(fields[11]) + int(fields[12])) / ticks)  # utime + stime
    return ", ".join(f"{s:.1f} s" for s in seconds)


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
    parser.add_argument("--signals", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument(
        "--weeks",
        type=int,
        default=1,
        help="a period of this many weeks, --signals a week, chosen on the page",
    )
    parser.add_argument(
        "--pg",
        default=os.environ.get("TEST_DATABASE_URL"),
        help="a PostgreSQL server URL; a database is made and dropped on it",
    )
    parser.add_argument(
        "--gunicorn",
        action="store_true",
        help="ask two gunicorn workers over HTTP instead of the test client",
    )
    args = parser.parse_args()
    print(
        f"CPU calibration: sum(range(10**7)) takes {calibration():.0f} ms "
        f"(compare runs and machines by it); load average {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory() as folder:
        print(f"== SQLite ({args.signals} signals a week, {args.weeks} week(s))")
        measure(
            f"sqlite:///{folder}/bench.sqlite", args.signals, args.runs, args.weeks, args.gunicorn
        )
    if args.pg:
        print(f"== PostgreSQL ({args.signals} signals a week, {args.weeks} week(s))")
        with scratch_database(args.pg) as url:
            measure(url, args.signals, args.runs, args.weeks, args.gunicorn)
    else:
        print("== PostgreSQL skipped: pass --pg URL or set TEST_DATABASE_URL")


if __name__ == "__main__":
    main()
