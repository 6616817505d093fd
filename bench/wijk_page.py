"""Time the wijk picture (wijk page, heatmap across wijken, quarterly report) on a large log.

Fills a database with N generated entries over two years, in as many wijken as a realistic
density gives (``--per-wijk`` entries per wijk per year, 10,000 by default: a busy team of
five logging 40 a working day), ten wijken to a gemeente, three buurten and four places to a
wijk, one team per wijk, 15 themes with a skewed popularity that differs per wijk, a third of
entries with a second theme, a presence block per wijk per day, and a planted surge of one
theme in the bench wijk this week. The rows are made by the database itself (a recursive CTE
on SQLite, generate_series on PostgreSQL) with the secondary indexes dropped during the load.

It then renders each page through its view (services, queries and template) as a signed-in
coordinator and, in turns with it in the same run, a plain GROUP BY count over the same rows:

* wijk page (this month) -- baseline: entries × theme of the wijk in the window the page reads
  (from the start of the emerging-theme baseline, six months back, to the end of the month or
  of the twelve weeks), GROUP BY theme;
* heatmap (this month, the 10 wijken of the gemeente) -- baseline: the same rows, GROUP BY
  area and theme;
* quarterly report (this quarter) -- baseline: the wijk's quarter, GROUP BY theme.

    .venv/bin/python bench/wijk_page.py --entries 1000000 [--runs 20] [--sqlite PATH]
    .venv/bin/python bench/wijk_page.py --entries 10000000 --pg URL [--db NAME] [--keep]

With ``--sqlite PATH`` or ``--db NAME --keep`` the database is kept, and a later run with the
same option reuses it instead of filling it again; ``--drop`` drops the PostgreSQL database.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from flask_login import login_user  # noqa: E402
from sqlalchemy import create_engine, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench.common import percentile  # noqa: E402
from buurtlog import create_app  # noqa: E402
from buurtlog.areas import figures, geometry  # noqa: E402
from buurtlog.extensions import db  # noqa: E402
from buurtlog.models import (  # noqa: E402
    Area,
    Entry,
    Place,
    Team,
    Theme,
    User,
    entry_themes,
)
from buurtlog.wijk import queries, stats, views  # noqa: E402

TZ = "Europe/Amsterdam"
YEARS = 2
WIJKEN_PER_GEMEENTE = 10
THEMES = 15
# Cumulative shares (out of 100) of the theme picked by rank: a few themes carry most entries.
THEME_SHARES = [18, 32, 44, 54, 62, 69, 75, 80, 84, 88, 91, 94, 96, 98, 100]
KINDS = [("signal", 35), ("strength", 50), ("idea", 60), ("question", 75), ("contact", 100)]
CONTACT_TYPES = [
    ("resident", 70),
    ("entrepreneur", 80),
    ("professional", 90),
    ("volunteer", 96),
    ("group", 100),
]
SETTINGS = [
    ("street", 25),
    ("shop_table", 40),
    ("walk_in", 55),
    ("home_visit", 65),
    ("network", 75),
    ("initiative", 85),
    ("phone", 95),
    ("other", 100),
]
STARTERS = [("resident", 45), ("worker", 85), ("appointment", 100)]


def pick(column: str, shares: list[tuple[str, int]]) -> str:
    """Return a CASE that maps a number 0..99 in column onto values by cumulative share."""
    whens = " ".join(f"WHEN {column} < {limit} THEN '{value}'" for value, limit in shares[:-1])
    return f"CASE {whens} ELSE '{shares[-1][0]}' END"


def theme_pick(column: str, first_theme: int, shift: str) -> str:
    """Return a CASE that picks a theme id by skewed popularity, rotated per wijk."""
    whens = " ".join(
        f"WHEN {column} < {limit} THEN {rank}" for rank, limit in enumerate(THEME_SHARES[:-1])
    )
    return f"({first_theme} + ((CASE {whens} ELSE {THEMES - 1} END) + {shift}) % {THEMES})"


def make_world(wijken: int) -> dict:
    """Create gemeenten, wijken, buurten, places, a team and worker per wijk, and themes."""
    gemeenten = [
        Area(code=f"GM{g:04d}", name=f"Gemeente {g}", level="gemeente")
        for g in range((wijken + WIJKEN_PER_GEMEENTE - 1) // WIJKEN_PER_GEMEENTE)
    ]
    rows = []
    for w in range(wijken):
        wijk = Area(
            code=f"WK{w:06d}",
            name=f"Wijk {w}",
            level="wijk",
            parent=gemeenten[w // WIJKEN_PER_GEMEENTE],
        )
        buurten = [
            Area(code=f"BU{w:06d}{b:02d}", name=f"Buurt {w}-{b}", level="buurt", parent=wijk)
            for b in range(3)
        ]
        places = [
            Place(name=f"Plek {w}-{p}", kind="community_centre", area=buurten[p % 3])
            for p in range(4)
        ]
        team = Team(name=f"Team {w}", areas=[wijk])
        worker = User(email=f"w{w}@example.org", name=f"Werker {w}", role="worker", team=team)
        rows.append((wijk, buurten, places, team, worker))
        db.session.add_all([wijk, *buurten, *places, worker])
    coordinator = User(email="bench@example.org", name="Bench", role="coordinator", team=rows[0][3])
    themes = [
        Theme(
            slug=f"t{i}",
            name_nl=f"Thema {i}",
            name_en=f"Theme {i}",
            position=i,
            sensitive=i == THEMES - 1,
        )
        for i in range(THEMES)
    ]
    db.session.add_all([coordinator, *themes])
    db.session.commit()
    db.session.execute(
        text(
            "CREATE TABLE bench_map (w INTEGER PRIMARY KEY, b0 INTEGER, b1 INTEGER, b2 INTEGER, "
            "p0 INTEGER, p1 INTEGER, p2 INTEGER, p3 INTEGER, team_id INTEGER, user_id INTEGER)"
        )
    )
    db.session.execute(
        text("INSERT INTO bench_map VALUES (:w, :b0, :b1, :b2, :p0, :p1, :p2, :p3, :t, :u)"),
        [
            {
                "w": w,
                "b0": b[0].id,
                "b1": b[1].id,
                "b2": b[2].id,
                "p0": p[0].id,
                "p1": p[1].id,
                "p2": p[2].id,
                "p3": p[3].id,
                "t": team.id,
                "u": worker.id,
            }
            for w, (_, b, p, team, worker) in enumerate(rows)
        ],
    )
    db.session.commit()
    return {"first_theme": themes[0].id}


def fill(n: int, wijken: int, first_theme: int) -> None:
    """Insert n entries, their themes and the presence blocks, in chunks, inside the database."""
    pg = db.engine.dialect.name == "postgresql"
    midnight = datetime.combine(date.today(), datetime.min.time(), tzinfo=UTC)
    epoch = int(midnight.timestamp())
    days = YEARS * 365

    def rnd(k: int) -> str:
        """Return a dialect's uniform random integer 0..k-1."""
        return f"floor(random() * {k})::int" if pg else f"(abs(random()) % {k})"

    uuid_sql = "gen_random_uuid()" if pg else "lower(hex(randomblob(16)))"
    at = (
        "to_timestamp(:epoch - r.day * 86400 + r.sec)"
        if pg
        else "datetime(:epoch - r.day * 86400 + r.sec, 'unixepoch') || '.000000'"
    )
    now = "now()" if pg else "datetime('now') || '.000000'"
    randoms = (
        f"{rnd(wijken)} AS w, 1 + {rnd(days)} AS day, 25200 + {rnd(46800)} AS sec, "
        f"{rnd(100)} AS rk, {rnd(100)} AS rc, {rnd(100)} AS rs, {rnd(100)} AS ri, "
        f"{rnd(5)} AS rf, {rnd(10)} AS rp, {rnd(4)} AS rpp, {rnd(3)} AS rb, "
        f"{rnd(3)} AS rpe"
    )
    insert = f"""
        INSERT INTO entries (id, author_id, team_id, occurred_at, area_id, place_id, setting,
            contact_type, people, first_contact, initiated_by, kind, follow_up,
            created_at, updated_at, version)
        SELECT {uuid_sql}, m.user_id, m.team_id, {at},
            CASE r.rb WHEN 0 THEN m.b0 WHEN 1 THEN m.b1 ELSE m.b2 END,
            CASE WHEN r.rp < 6 THEN CASE r.rpp WHEN 0 THEN m.p0 WHEN 1 THEN m.p1
                 WHEN 2 THEN m.p2 ELSE m.p3 END END,
            {pick("r.rs", SETTINGS)}, {pick("r.rc", CONTACT_TYPES)}, 1 + r.rpe, r.rf = 0,
            {pick("r.ri", STARTERS)}, {pick("r.rk", KINDS)}, 'none', {now}, {now}, 1
        FROM {{source}} JOIN bench_map m ON m.w = r.w"""  # noqa: S608 - constants only
    chunk = 1_000_000
    for low in range(1, n + 1, chunk):
        high = min(n, low + chunk - 1)
        if pg:
            source = f"(SELECT g, {randoms} FROM generate_series({low}, {high}) g) r"  # noqa: S608
            db.session.execute(text(insert.format(source=source)), {"epoch": epoch})
        else:
            cte = f"""WITH RECURSIVE seq(g) AS (SELECT {low} UNION ALL SELECT g + 1 FROM seq
                WHERE g < {high}), r AS MATERIALIZED (SELECT g, {randoms} FROM seq)"""  # noqa: S608
            db.session.execute(text(cte + insert.format(source="r")), {"epoch": epoch})
        db.session.commit()
        print(f"  {high} entries", flush=True)
    ignore = (
        "INSERT INTO entry_themes (entry_id, theme_id) SELECT e.id, {theme} "
        "FROM entries e WHERE {where}" + (" ON CONFLICT DO NOTHING" if pg else "")
    )
    if not pg:
        ignore = ignore.replace("INSERT INTO", "INSERT OR IGNORE INTO")
    db.session.execute(
        text(ignore.format(theme=theme_pick(rnd(100), first_theme, "e.area_id % 5"), where="1 = 1"))
    )
    db.session.execute(
        text(ignore.format(theme=theme_pick(rnd(100), first_theme, "0"), where=f"{rnd(100)} < 33"))
    )
    db.session.commit()
    print("  themes", flush=True)
    series = (
        "generate_series(1, :days) d(day)"
        if pg
        else "(WITH RECURSIVE s(day) AS (SELECT 1 UNION ALL SELECT day + 1 FROM s "
        "WHERE day < :days) SELECT day FROM s) d"
    )
    start = (
        "to_timestamp(:epoch - d.day * 86400 + 32400)"
        if pg
        else "datetime(:epoch - d.day * 86400 + 32400, 'unixepoch') || '.000000'"
    )
    end = (
        "to_timestamp(:epoch - d.day * 86400 + 32400 + 7200 + (d.day % 3) * 3600)"
        if pg
        else "datetime(:epoch - d.day * 86400 + 32400 + 7200 + (d.day % 3) * 3600, "
        "'unixepoch') || '.000000'"
    )
    presences = f"""INSERT INTO presences (user_id, team_id, place_id, started_at, ended_at,
        created_at) SELECT m.user_id, m.team_id, CASE d.day % 4 WHEN 0 THEN m.p0 WHEN 1 THEN m.p1
        WHEN 2 THEN m.p2 ELSE m.p3 END, {start}, {end}, {now} FROM bench_map m, {series}"""  # noqa: S608
    db.session.execute(text(presences), {"epoch": epoch, "days": days})
    db.session.commit()


def plant_surge(world: dict) -> None:
    """Add 40 entries of one theme in the bench wijk this week, so a theme emerges."""
    wijk = db.session.scalar(select(Area).where(Area.code == "WK000000"))
    buurt = db.session.scalar(select(Area).where(Area.parent_id == wijk.id).limit(1))
    user = db.session.scalar(select(User).where(User.email == "w0@example.org"))
    now = datetime.now(UTC)
    rows = [
        {
            "id": uuid.uuid4(),
            "author_id": user.id,
            "team_id": user.team_id,
            "occurred_at": now - timedelta(hours=1 + i),
            "area_id": buurt.id,
            "setting": "street",
            "contact_type": "resident",
            "people": 1,
            "first_contact": False,
            "kind": "signal",
            "initiated_by": "resident",
            "follow_up": "none",
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
        for i in range(40)
    ]
    db.session.execute(Entry.__table__.insert(), rows)
    db.session.execute(
        entry_themes.insert(),
        [{"entry_id": r["id"], "theme_id": world["first_theme"] + 9} for r in rows],
    )
    db.session.commit()


def secondary_indexes() -> list:
    """Return the secondary indexes of the entries and entry_themes tables."""
    return [*Entry.__table__.indexes, *entry_themes.indexes]


def build(n: int, per_wijk: int) -> None:
    """Create the schema and fill it, with the secondary indexes built after the load."""
    db.create_all()
    wijken = max(WIJKEN_PER_GEMEENTE, round(n / (per_wijk * YEARS)))
    world = make_world(wijken)
    with db.engine.begin() as connection:
        for index in secondary_indexes():
            index.drop(connection)
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("SET session_replication_role = replica"))  # no FK triggers
    fill(n, wijken, world["first_theme"])
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("RESET session_replication_role"))
    db.session.execute(text("DROP TABLE bench_map"))
    db.session.commit()
    db.session.remove()
    with db.engine.begin() as connection:
        for index in secondary_indexes():
            index.create(connection)
    print("  indexes", flush=True)
    plant_surge(world)
    if db.engine.dialect.name == "postgresql":  # what autovacuum does on a live database
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("VACUUM ANALYZE"))


def timed_pair(page, baseline, runs: int) -> tuple[list[float], ...]:
    """Return the wall-clock and CPU times in milliseconds of a page and of its baseline, run
    in turns (so both see the same load on a shared machine), after one warm-up run of each.

    The CPU time is this process's: on SQLite all the work, without the time spent waiting
    for a core; on PostgreSQL it leaves out the server's share, so it is not reported."""
    page()
    baseline()
    times: tuple[list[float], ...] = ([], [], [], [])
    for _ in range(runs):
        for i, fn in enumerate((page, baseline)):
            t, c = time.perf_counter(), time.process_time()
            fn()
            times[i].append((time.perf_counter() - t) * 1000)
            times[i + 2].append((time.process_time() - c) * 1000)
    return times


def render(app, user_id: int, path: str, view, *args):
    """Return a function that renders a view as the signed-in user in a fresh request."""

    def run():
        """Render the view once and check it answered 200."""
        with app.test_request_context(path):
            login_user(db.session.get(User, user_id))
            response = view(*args)
            status = response[1] if isinstance(response, tuple) else 200
            assert status == 200, status
            db.session.remove()

    return run


def plain(ids: list[int], period: stats.Period, by_area: bool = False):
    """Return a function that runs a plain GROUP BY count over the same rows as a page."""
    groups = (Entry.area_id, entry_themes.c.theme_id) if by_area else (entry_themes.c.theme_id,)
    query = (
        select(*groups, func.count())
        .select_from(Entry)
        .join(entry_themes, entry_themes.c.entry_id == Entry.id)
        .where(
            Entry.area_id.in_(ids),
            Entry.occurred_at >= period.start,
            Entry.occurred_at < period.end,
        )
        .group_by(*groups)
    )

    def run():
        """Count once."""
        db.session.execute(query).all()
        db.session.remove()

    return run


def database(args) -> tuple[str, bool, str | None]:
    """Return the database URL, whether it still has to be filled, and a PG name to drop."""
    if args.pg:
        name = args.db or f"buurtlog_bench_{uuid.uuid4().hex[:8]}"
        server = create_engine(args.pg, isolation_level="AUTOCOMMIT")
        with server.connect() as c:
            exists = c.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
            if not exists:
                c.execute(text(f'CREATE DATABASE "{name}"'))
        server.dispose()
        url = make_url(args.pg).set(database=name).render_as_string(hide_password=False)
        return url, not exists, name
    path = args.sqlite or f"{tempfile.mkdtemp()}/bench.sqlite"
    return f"sqlite:///{path}", not os.path.exists(path), None


def main() -> None:
    """Fill (or reuse) the database, render each page beside its GROUP BY, print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100000)
    parser.add_argument("--per-wijk", type=int, default=10000, help="entries per wijk per year")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pg", help="URL of a PostgreSQL server (any database on it)")
    parser.add_argument("--db", help="name of the PostgreSQL database to use")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    parser.add_argument("--sqlite", help="path of the SQLite file (kept)")
    args = parser.parse_args()
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"start: {uptime}")
    url, empty, name = database(args)
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": url,
            "WTF_CSRF_ENABLED": False,
        }
    )
    try:
        with app.app_context():
            if empty:
                t = time.perf_counter()
                build(args.entries, args.per_wijk)
                print(f"filled in {time.perf_counter() - t:.0f} s")
            measure(app, args.runs)
    finally:
        if name and not args.keep:
            server = create_engine(args.pg, isolation_level="AUTOCOMMIT")
            with server.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            server.dispose()
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"end: {uptime}")


def dress(wijk: Area) -> None:
    """Give the bench wijk what its page shows beside the counts (issue 17): CBS key figures
    and a map of its buurten, through the importers. Each buurt is a wedge of a disc drawn
    with 400 points on its arc, about as detailed as a simplified PDOK buurt; again changes
    nothing."""
    buurten = sorted(wijk.children, key=lambda b: b.code)
    features = []
    for i, buurt in enumerate(buurten):
        arc = [
            (5.0 + 0.02 * math.cos(a), 52.0 + 0.012 * math.sin(a))
            for a in (2 * math.pi * (i + k / 400) / len(buurten) for k in range(401))
        ]
        ring = [[5.0, 52.0], *[[round(x, 7), round(y, 7)] for x, y in arc], [5.0, 52.0]]
        features.append(
            {
                "type": "Feature",
                "properties": {"buurtcode": buurt.code},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    shapes, unknown, points, errors = geometry.read_file(
        json.dumps({"type": "FeatureCollection", "features": features}).encode()
    )
    geometry.import_shapes(shapes, unknown, points, errors)
    rows = [
        figures.FiguresRow(
            1,
            area.code,
            2025,
            {
                "inhabitants": 4000 * (len(buurten) if area is wijk else 1),
                "households": 1800,
                "single_person_households": 700,
                "age_0_14": 600,
                "age_15_24": 500,
                "age_25_44": 1200,
                "age_45_64": 1000,
                "age_65_plus": 700,
                "low_income_share": 9.5,
                "social_rent_share": 31.0,
            },
        )
        for area in [wijk, *buurten]
    ]
    figures.import_figures(rows)


def measure(app, runs: int) -> None:
    """Render the three pages and their GROUP BY baselines; print p50, p95 and the ratios."""
    total = db.session.scalar(select(func.count()).select_from(Entry))
    wijken = db.session.scalar(select(func.count()).select_from(Area).where(Area.level == "wijk"))
    user = db.session.scalar(select(User).where(User.email == "bench@example.org"))
    wijk = db.session.scalar(select(Area).where(Area.code == "WK000000"))
    today = date.today()
    month = stats.period_for("month", today, TZ)
    quarter = stats.period_for("quarter", today, TZ)
    ids = queries.area_ids(wijk)
    gemeente = list(db.session.scalars(select(Area.id).where(Area.parent_id == wijk.parent_id)))
    gemeente_ids = list(queries.wijk_of_areas(gemeente))
    # The wijk page reads the wijk's entries from the start of the emerging-theme baseline to
    # the end of the last of the twelve weeks: its baseline counts those same rows.
    _, weeks = stats.week_bounds(month.last, TZ)
    read = stats.Period(
        "custom",
        month.first,
        month.last,
        stats.baseline_bounds(month, TZ)[0],
        max(month.end, weeks[-1]),
    )
    in_month = db.session.scalar(
        select(func.count())
        .select_from(Entry)
        .where(
            Entry.area_id.in_(ids), Entry.occurred_at >= month.start, Entry.occurred_at < month.end
        )
    )
    in_read = db.session.scalar(
        select(func.count())
        .select_from(Entry)
        .where(
            Entry.area_id.in_(ids), Entry.occurred_at >= read.start, Entry.occurred_at < read.end
        )
    )
    dress(wijk)
    print(
        f"{db.engine.dialect.name}: {total} entries in {wijken} wijken; the bench wijk has "
        f"{in_month} this month and {in_read} in the window its page reads; {runs} runs each"
    )
    uid, code = user.id, wijk.code
    db.session.remove()
    cases = [
        (
            "wijk page (month)",
            render(app, uid, f"/wijk/{code}", views.show, code),
            plain(ids, read),
        ),
        (
            "heatmap (month, 10 wijken)",
            render(app, uid, "/wijk/overzicht", views.overview),
            plain(gemeente_ids, month, by_area=True),
        ),
        (
            "quarterly report",
            render(app, uid, f"/wijk/{code}/rapport", views.report, code),
            plain(ids, quarter),
        ),
    ]
    sqlite = db.engine.dialect.name == "sqlite"
    print(
        "| case | p50 | p95 | GROUP BY p50 | GROUP BY p95 | p50 ratio | p95 ratio |"
        + (" CPU p50 | CPU p95 | GROUP BY CPU p50 | CPU p50 ratio |" if sqlite else "")
    )
    print("|---" * (11 if sqlite else 7) + "|")
    for label, page, baseline in cases:
        times, base, cpu, base_cpu = timed_pair(page, baseline, runs)
        b50, b95 = statistics.median(base), percentile(base, 95)
        p50, p95 = statistics.median(times), percentile(times, 95)
        line = (
            f"| {label} | {p50:.1f} ms | {p95:.1f} ms | {b50:.1f} ms | {b95:.1f} ms | "
            f"{p50 / b50:.1f}× | {p95 / b95:.1f}× |"
        )
        if sqlite:
            c50, bc50 = statistics.median(cpu), statistics.median(base_cpu)
            line += (
                f" {c50:.1f} ms | {percentile(cpu, 95):.1f} ms | {bc50:.1f} ms | "
                f"{c50 / bc50:.1f}× |"
            )
        print(line, flush=True)


if __name__ == "__main__":
    main()
