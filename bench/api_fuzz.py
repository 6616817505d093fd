"""Fuzz every POST under /api/v1 with hostile bodies and count the answers per status code.

The bodies come from the Hypothesis strategies of the property tests (tests/api_strategies.py),
seeded: any bytes, any JSON, JSON nested far too deep, and batches of near-valid items (one or
two fields odd: lone surrogates, NULs, a theme twice, moments before year 1 in UTC, huge
numbers, NaN) with good items among them. Requests go through the Flask test client, with
errors answered as in production (a 500 is counted, not raised). The run fails when any answer
is a 5xx or any good item of a batch was not created.

    .venv/bin/python bench/api_fuzz.py [--posts 2500] [--seed 22]
        [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test] [--no-sqlite] [--db URL]

--pg makes a scratch database on that server and drops it afterwards; --db uses a database as
it is (its tables are created when missing).
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, scratch_database  # noqa: E402

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests import api_strategies as hostile  # noqa: E402


def make_app(url: str):
    """Create the app on the database, with errors answered as in production."""
    from buurtlog import create_app

    return create_app(
        {
            "TESTING": True,
            "PROPAGATE_EXCEPTIONS": False,
            "SECRET_KEY": "fuzz",
            "SQLALCHEMY_DATABASE_URI": url,
        }
    )


def make_world(app) -> dict:
    """Create the tables and a worker with a token, a place, themes and a running walk-in."""
    from buurtlog.accounts.services import issue_token, set_password
    from buurtlog.extensions import db
    from buurtlog.models import Area, Initiative, Place, Team, Theme, User, WalkInSession

    with app.app_context():
        db.create_all()
        suffix = os.urandom(3).hex()
        wijk = Area(
            code=f"WK{suffix}",
            name="Fuzzwijk",
            level="wijk",
            parent=Area(code=f"GM{suffix}", name="Fuzzstad", level="gemeente"),
        )
        buurt = Area(code=f"BU{suffix}", name="Fuzzbuurt", level="buurt", parent=wijk)
        place = Place(name="Wijkcentrum Fuzz", kind="community_centre", area=buurt)
        team = Team(name=f"Team Fuzz {suffix}", areas=[wijk])
        user = User(email=f"fuzz-{suffix}@example.org", name="Fuzz", role="worker", team=team)
        set_password(user, secrets.token_urlsafe())
        themes = [
            Theme(
                slug=f"{slug}-{suffix}",
                name_nl=slug,
                name_en=slug,
                position=i,
                sensitive=slug == "verslaving",
            )
            for i, slug in enumerate(("eenzaamheid", "geld", "verslaving"))
        ]
        walk_in = WalkInSession(team=team, place=place, host=user)
        initiative = Initiative(
            name="Koffieochtend",
            offer="Koffie",
            areas=[wijk],
            team=team,
            status="active",
            public=True,
        )
        db.session.add_all([place, user, walk_in, initiative, *themes])
        db.session.flush()
        world = {
            "place": place.id,
            "area": buurt.code,
            "themes": [t.slug for t in themes],
            "walk_in": str(walk_in.id),
            "token": issue_token(user),
        }
        db.session.commit()
    return world


def fuzz(name: str, url: str, posts: int, seed_value: int) -> bool:
    """Send the posts on one database; print the answers per call and status; True when clean."""
    app = make_app(url)
    world = make_world(app)
    client = app.test_client()
    headers = {"Authorization": f"Bearer {world['token']}"}
    statuses: dict[str, Counter] = defaultdict(Counter)
    good = Counter()

    def send(path: str, body: bytes):
        response = client.post(
            f"/api/v1/{path}", data=body, headers=headers, content_type="application/json"
        )
        statuses[path][response.status_code] += 1
        return response

    def checkin_to_undo() -> str:
        item = hostile.plain_item("checkins", world)
        send("checkins", hostile.dumps({"checkins": [item]}))
        return item["id"]

    def calls_to(path: str):
        """A call to one path: any body, or (for a batch call) a mixed batch."""
        if path == "privacy-check":
            return st.tuples(st.just(path), hostile.privacy_bodies(), st.none())
        return st.one_of(
            st.tuples(st.just(path), hostile.bodies(path), st.none()),
            st.tuples(st.just(path), st.none(), hostile.batches(path, world)),
        )

    calls = st.sampled_from(list(hostile.POSTS)).flatmap(calls_to)

    @seed(seed_value)
    @settings(
        max_examples=posts,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(calls)
    def one_post(call):
        path, body, batch = call
        if batch is None:
            send(path, body)
            return
        items, wanted = [], []
        for item in batch:
            if item is hostile.GOOD:
                undo_of = checkin_to_undo() if path == "checkins/undo" else None
                item = hostile.plain_item(path, world, undo_of)
                wanted.append(len(items))
            items.append(item)
        response = send(path, hostile.dumps({hostile.POSTS[path]: items}))
        results = response.get_json().get("results") if response.status_code == 200 else None
        good["sent"] += len(wanted)
        good["created"] += sum(
            1
            for index in wanted
            if results
            and results[index]["id"] == items[index]["id"]
            and results[index]["status"] == "created"
        )

    started = time.perf_counter()
    one_post()
    seconds = time.perf_counter() - started
    with app.app_context():
        from buurtlog.extensions import db

        db.engine.dispose()

    total = sum(sum(counter.values()) for counter in statuses.values())
    codes = sorted({code for counter in statuses.values() for code in counter})
    print(f"\n{name}: {total} posts in {seconds:.0f} s (seed {seed_value})")
    print(f"{'call':<15}" + "".join(f"{code:>7}" for code in codes) + f"{'total':>8}")
    for path in hostile.POSTS:
        counter = statuses[path]
        print(
            f"{path:<15}"
            + "".join(f"{counter[code]:>7}" for code in codes)
            + f"{sum(counter.values()):>8}"
        )
    server_errors = sum(
        n for counter in statuses.values() for code, n in counter.items() if code >= 500
    )
    print(
        f"5xx: {server_errors}; good items in mixed batches: {good['created']} of "
        f"{good['sent']} created"
    )
    return server_errors == 0 and good["created"] == good["sent"]


def main() -> None:
    """Fuzz on SQLite and, when asked, on PostgreSQL; exit 1 on any 5xx or lost good item."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--posts",
        type=int,
        default=2500,
        help="generated calls per database (a good undo adds a check-in post)",
    )
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--pg", help="PostgreSQL server URL; a database is made and dropped")
    parser.add_argument("--db", help="a database URL to use as it is")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    clean = True
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            clean &= fuzz("SQLite", f"sqlite:///{tmp}/fuzz.sqlite", args.posts, args.seed)
    if args.pg:
        with scratch_database(args.pg) as url:
            clean &= fuzz("PostgreSQL", url, args.posts, args.seed)
    if args.db:
        clean &= fuzz(args.db.split(":", 1)[0], args.db, args.posts, args.seed)
    print(f"load average {os.getloadavg()[0]:.1f}")
    sys.exit(0 if clean else 1)


if __name__ == "__main__":
    main()
