"""Time the wijk picture (wijk page, heatmap, quarterly report) on a large log.

Builds an SQLite file (or, with ``--pg URL``, a fresh PostgreSQL database, dropped afterwards)
with N entries over two years in four wijken, inserted with executemany, then times the
services behind each page (the queries and their assembly; no HTML) beside a plain
``GROUP BY theme`` count over the same rows, in the same run.

    .venv/bin/python bench/wijk_page.py --entries 100000 [--runs 10] [--pg URL]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench.common import percentile  # noqa: E402
from buurtlog import create_app  # noqa: E402
from buurtlog.extensions import db  # noqa: E402
from buurtlog.models import Area, Entry, Team, Theme, User, entry_themes  # noqa: E402
from buurtlog.wijk import services, stats  # noqa: E402

TZ = "Europe/Amsterdam"


def build(n: int) -> dict:
    """Create four wijken with two buurten each, a team, themes and n entries."""
    rng = random.Random(7)
    gm = Area(code="GM0001", name="Benchstad", level="gemeente")
    wijken = [Area(code=f"WK00010{i}", name=f"Wijk {i}", level="wijk", parent=gm)
              for i in range(4)]
    buurten = [Area(code=f"BU00010{i}{j}", name=f"Buurt {i}{j}", level="buurt", parent=w)
               for i, w in enumerate(wijken) for j in range(2)]
    team = Team(name="Team Bench", areas=wijken)
    user = User(email="bench@example.org", name="Bench", role="coordinator", team=team)
    themes = [Theme(slug=f"t{i}", name_nl=f"Thema {i}", name_en=f"Theme {i}", position=i,
                    sensitive=i == 0) for i in range(15)]
    db.session.add_all([*buurten, user, *themes])
    db.session.commit()
    now = datetime.now(UTC)
    kinds = ["signal", "signal", "strength", "idea", "question", "contact"]
    for chunk in range(0, n, 20000):
        rows, links = [], []
        for _ in range(min(20000, n - chunk)):
            entry_id = uuid.uuid4()
            rows.append({"id": entry_id, "author_id": user.id, "team_id": team.id,
                         "occurred_at": now - timedelta(minutes=rng.randrange(2 * 525600)),
                         "area_id": rng.choice(buurten).id, "setting": "street",
                         "contact_type": "resident", "people": 1 + rng.randrange(3),
                         "first_contact": rng.random() < 0.2, "kind": rng.choice(kinds),
                         "initiated_by": rng.choice(["resident", "worker"]),
                         "follow_up": "none", "sensitive": False, "version": 1,
                         "created_at": now, "updated_at": now})
            links.append({"entry_id": entry_id, "theme_id": rng.choice(themes).id})
        db.session.execute(Entry.__table__.insert(), rows)
        db.session.execute(entry_themes.insert(), links)
        db.session.commit()
    return {"user": user, "wijk": wijken[0], "wijken": wijken}


def timed(fn, runs: int) -> list[float]:
    """Return the run times of fn in milliseconds."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return times


def main() -> None:
    """Build the data, time each page beside a plain GROUP BY, print p50 and p95."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--pg")
    args = parser.parse_args()
    name = None
    if args.pg:
        name = f"buurtlog_bench_{uuid.uuid4().hex[:8]}"
        server = create_engine(args.pg, isolation_level="AUTOCOMMIT")
        with server.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(args.pg).set(database=name).render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite"
    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context(), app.test_request_context():
        db.create_all()
        t = time.perf_counter()
        world = build(args.entries)
        took = time.perf_counter() - t
        print(f"{db.engine.dialect.name}: {args.entries} entries in {took:.0f} s")
        today = date.today()
        month = stats.period_for("month", today, TZ)
        quarter = stats.period_for("quarter", today, TZ)
        user, wijk = world["user"], world["wijk"]
        plain = select(entry_themes.c.theme_id, func.count()).join(
            Entry, Entry.id == entry_themes.c.entry_id).where(
            Entry.occurred_at >= month.start, Entry.occurred_at < month.end).group_by(
            entry_themes.c.theme_id)
        cases = {
            "plain GROUP BY (month)": lambda: db.session.execute(plain).all(),
            "wijk page (month)": lambda: services.picture(user, wijk, month, TZ),
            "heatmap (month)": lambda: services.heatmap(world["wijken"], month),
            "quarterly report": lambda: services.report(wijk, quarter),
        }
        for label, fn in cases.items():
            times = timed(fn, args.runs)
            print(f"  {label:26} p50 {statistics.median(times):8.1f} ms   "
                  f"p95 {percentile(times, 95):8.1f} ms")
        db.session.remove()
        db.engine.dispose()
    if name:
        with server.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
