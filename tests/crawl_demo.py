"""Every object of the demo database, as every role: the pages that only real data reaches.

`flask demo` holds what a fixture per route never makes: meetings with decisions, initiatives
with and without referrals, sensitive entries, past walk-ins with their check-ins. Besides the
pages of `crawl` (for the demo's own records), this opens every page whose URL names a record,
for each record in the database: the rules come from the app's url_map and their values from
the database rows (ARGUMENTS), so a new route or a new record is crawled without a list here
to keep up. Of the two big tables, entries and check-ins, one record of each *state* is opened
per role: what a page could show differently (kind, sensitive, note, status, referred, in a
wijk theme, whose it is), so two records alike in all that render the same markup.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask import url_for
from sqlalchemy import select

from buurtlog.demo import data
from buurtlog.models import (
    Area,
    CheckIn,
    Entry,
    ExchangeItem,
    ExchangeMatch,
    Initiative,
    Place,
    Referral,
    Review,
    SignalStatus,
    Team,
    Theme,
    User,
    WalkInSession,
    WijkTheme,
    wijk_theme_entries,
)
from tests.crawl import Page, _login, crawl, csrf_tokens_on_pages, skeleton
from tests.test_access import IGNORED, ROLES


def demo_world(db) -> dict:
    """Pick the demo records the access matrix's URLs need: Team Zuid's people and its own
    entry, meeting, wijk theme, walk-in, initiative, referral and exchange items."""

    def one(query):
        return db.session.scalars(query.limit(1)).first()

    team = one(select(Team).where(Team.name == "Team Zuid"))
    users = {
        email.split("@")[0]: one(select(User).where(User.email == email))
        for email, *_ in data.USERS
    }
    worker = users["sanne"]
    entry = one(
        select(Entry)
        .where(Entry.author_id == worker.id, Entry.sensitive.is_(False))
        .order_by(Entry.occurred_at.desc())
    )
    walk_in = one(
        select(WalkInSession)
        .where(WalkInSession.team_id == team.id, WalkInSession.checkins.any())
        .order_by(WalkInSession.started_at.desc())
    )
    initiative = one(
        select(Initiative).join(Referral).order_by(Initiative.team_id != team.id, Initiative.id)
    )
    request = one(select(ExchangeItem).where(ExchangeItem.worker_id == worker.id))
    return {
        "users": {
            "worker": worker,
            "coordinator": users["coordinator.zuid"],
            "admin": users["admin"],
        },
        "team": team,
        "entry": entry,
        "place": entry.place or one(select(Place)),
        "theme": one(select(Theme)),
        "review": one(select(Review)),
        "wijk_theme": one(select(WijkTheme)),
        "walk_in": walk_in,
        "check_in": one(select(CheckIn).where(CheckIn.session_id == walk_in.id)),
        "initiative": initiative,
        "referral": one(select(Referral).where(Referral.initiative_id == initiative.id)),
        "exchange_item": request or one(select(ExchangeItem)),
        "exchange_match": one(select(ExchangeMatch)),
    }


def take_demo_further(db, world) -> None:
    """Take the demo one step on, as its people would on a working day: the coordinator opens
    this week's meeting, the worker starts a walk-in morning, logs yesterday's presence and is
    present at a place now.

    The demo as loaded has only finished meetings and walk-ins and no presence at all; these
    are the running (and filled) states of the same pages.
    """
    from buurtlog.entries.services import today
    from buurtlog.presence import services as presence
    from buurtlog.review import record
    from buurtlog.walkin import services as walkin

    team, worker = world["team"], world["users"]["worker"]
    record.start(
        team, world["users"]["coordinator"], today(data.TIMEZONE), list(team.members), data.TIMEZONE
    )
    now = datetime.now(ZoneInfo(data.TIMEZONE))
    walkin.start_session(worker, world["walk_in"].place, uuid.uuid4(), now)
    yesterday = now.replace(hour=10, minute=0) - timedelta(days=1)
    presence.log_block(worker, world["place"], yesterday, yesterday + timedelta(hours=2))
    presence.start(worker, world["place"])
    db.session.commit()


def _whose(row_team_id, row_user_id, user) -> str:
    """Say whose a record is, seen by the user: theirs, their team's, or someone else's."""
    if user is not None and row_user_id == user.id:
        return "own"
    if user is not None and row_team_id is not None and row_team_id == user.team_id:
        return "team"
    return "other"


def _entry_states(db) -> Callable:
    """Return a function giving an entry's state as a user sees it."""
    statuses = {s.entry_id: s for s in db.session.scalars(select(SignalStatus))}
    referred = set(db.session.scalars(select(Referral.entry_id)))
    in_theme = set(db.session.scalars(select(wijk_theme_entries.c.entry_id)))
    from_walk_in = set(db.session.scalars(select(CheckIn.entry_id)))

    def state(entry: Entry, user) -> tuple:
        status = statuses.get(entry.id)
        return (
            _whose(entry.team_id, entry.author_id, user),
            entry.kind,
            entry.sensitive,
            entry.note is not None,
            entry.underlying_question is not None,
            entry.place_id is None,
            status
            and (
                status.status,
                status.owner_id is not None,
                status.due_on is not None,
                status.decision is not None,
            ),
            entry.id in referred,
            entry.id in in_theme,
            entry.id in from_walk_in,
        )

    return state


def _check_in_state(check_in: CheckIn, user) -> tuple:
    """Return a check-in's state as a user sees it."""
    session = check_in.session
    return (
        _whose(session.team_id, session.host_id, user),
        session.ended_at is None,
        check_in.visitor,
        check_in.just_company,
        check_in.theme_id is None,
        check_in.referred,
        check_in.referred_elsewhere is not None,
        check_in.entry_id is not None,
        check_in.undone_at is not None,
    )


# A URL argument → the rows its values come from: (model, the column that is the value, the
# state of a row as a user sees it; None: every row is opened). "endpoint:argument" where one
# argument name means different tables on different pages.
ARGUMENTS = {
    "entry_id": (Entry, "id", _entry_states),
    "checkin_id": (CheckIn, "id", lambda db: _check_in_state),
    "session_id": (WalkInSession, "id", None),
    "initiative_id": (Initiative, "id", None),
    "review_id": (Review, "id", None),
    "theme_id": (WijkTheme, "id", None),
    "code": (Area, "code", None),
    "admin.user:record_id": (User, "id", None),
    "admin.user_tokens:record_id": (User, "id", None),
    "admin.team:record_id": (Team, "id", None),
    "admin.area:record_id": (Area, "id", None),
    "admin.place:record_id": (Place, "id", None),
    "admin.theme:record_id": (Theme, "id", None),
}
# URL arguments that name no record: their values.
VALUES = {"openreferral.export:fmt": ("csv", "json"), "wijk.export:fmt": ("csv", "xlsx")}


def object_urls(app, db, user) -> dict[str, list[str]]:
    """Return, per GET endpoint whose URL names records, its URL for every record (one per
    state of the big tables) as the user would see them."""
    urls: dict[str, list[str]] = {}
    rows_of: dict = {}
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or not rule.arguments or rule.endpoint in IGNORED:
            continue
        choices, records = [], 0
        for argument in sorted(rule.arguments):
            key = f"{rule.endpoint}:{argument}"
            if key in VALUES:
                choices.append([(argument, value) for value in VALUES[key]])
                continue
            records += 1
            source = ARGUMENTS.get(key) or ARGUMENTS.get(argument)
            assert source is not None, (
                f"tell tests/crawl_demo.py ARGUMENTS where {key} comes from in the database"
            )
            model, column, states = source
            if source not in rows_of:
                state = states(db) if states else None
                seen, values = set(), []
                for row in db.session.scalars(select(model)):
                    key_ = state(row, user) if state else getattr(row, column)
                    if key_ not in seen:
                        seen.add(key_)
                        values.append(getattr(row, column))
                rows_of[source] = values
            choices.append([(argument, value) for value in rows_of[source]])
        assert records <= 1, f"{rule.endpoint}: more than one argument names records"
        with app.test_request_context():
            urls[rule.endpoint] = [
                url_for(rule.endpoint, **dict(pairs)) for pairs in itertools.product(*choices)
            ]
    return urls


def crawl_demo(app, db, roles=ROLES) -> Iterator[list[tuple[Page, str]]]:
    """Open every page of `crawl` and every record's page as every role in the demo database,
    and yield the HTML pages that answered 200 (or 400, a form's errors); then
    `take_demo_further` and yield those that are new or whose markup changed.

    Check each batch before asking for the next: the second changes the database. The second
    time, of the pages that had the same markup (`skeleton`) only one is opened again: records
    alike before the step stay alike after it.
    """
    first = _crawl_once(app, db, roles)
    yield first
    shapes = {(page.role, page.method, page.url): skeleton(html) for page, html in first}
    again = {}
    for (role, method, url), shape in shapes.items():
        if method == "GET":
            again.setdefault((role, shape), url)
    take_demo_further(db, demo_world(db))
    second = _crawl_once(
        app,
        db,
        roles,
        again={(role, url) for (role, _), url in again.items()},
        before={(role, url) for role, _method, url in shapes},
    )
    yield [
        (page, html)
        for page, html in second
        if shapes.get((page.role, page.method, page.url)) != skeleton(html)
    ]


def _crawl_once(app, db, roles, again=None, before=frozenset()) -> list[tuple[Page, str]]:
    """Open the pages of `crawl` and the records' pages as every role; each URL once. With
    `again`, open only those of the records' pages opened `before`, and every new one."""
    world = demo_world(db)
    pages = crawl(app, world, roles=roles, flows={})
    seen = {(page.role, page.url) for page, _html in pages}
    with csrf_tokens_on_pages(app):
        for role in roles:
            user = None if role == "anonymous" else world["users"][role]
            client = _login(app, user)
            for endpoint, urls in sorted(object_urls(app, db, user).items()):
                for url in urls:
                    if (role, url) in seen or (
                        again is not None and (role, url) in before and (role, url) not in again
                    ):
                        continue
                    seen.add((role, url))
                    response = client.get(url)
                    if response.status_code == 200 and response.mimetype == "text/html":
                        pages.append(
                            (Page(role, "GET", endpoint, url, 200), response.get_data(as_text=True))
                        )
    return pages
