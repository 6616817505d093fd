"""Shared fixtures: the app on a database of its own, clients, an auth helper and factories."""

import csv
import io
import itertools
import os
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from buurtlog import create_app
from buurtlog.accounts import services as accounts
from buurtlog.accounts import sessions
from buurtlog.extensions import db as _db
from buurtlog.models import Area, Entry, Place, Team, Theme, User, utcnow

PASSWORD = "correct horse battery staple"
_counter = itertools.count(1)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# The moment every test starts at, in the users' time, unless it moves the clock itself or is
# marked `wall_clock`: a Thursday, the weekday the demo once broke on. Set BUURTLOG_TEST_NOW
# (an ISO date-time, Amsterdam time unless it has an offset) to run the whole suite at another.
SUITE_NOW = os.environ.get("BUURTLOG_TEST_NOW") or "2026-12-03T10:00"


def excel_csv(body: bytes) -> list[dict[str, str]]:
    """Read a spreadsheet export's CSV as Dutch Excel does: UTF-8 after a byte-order mark,
    cells split at semicolons. Fails when the file is not in that form."""
    assert body.startswith(b"\xef\xbb\xbf"), body[:20]
    return list(csv.DictReader(io.StringIO(body[3:].decode("utf-8"), newline=""), delimiter=";"))


def amsterdam(moment: str) -> datetime:
    """Read an ISO date-time as Amsterdam time, unless it carries an offset of its own.

    For the doubled hour of the autumn DST night, add "+01:00" for the second time round.
    """
    parsed = datetime.fromisoformat(moment)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=AMSTERDAM)


def days_ago_in_amsterdam(days: int = 13) -> str:
    """Return the clock's now less some days, to the second, as an outbox writes it (ISO,
    Amsterdam offset): a plain past moment for entries, whatever moment the suite runs at."""
    return (
        (utcnow() - timedelta(days=days)).astimezone(AMSTERDAM).replace(microsecond=0).isoformat()
    )


def pytest_configure(config):
    """Declare the marker for tests that must run on the real clock."""
    config.addinivalue_line(
        "markers", "wall_clock(reason): runs on the real clock, not the suite's frozen one"
    )
    config.addinivalue_line(
        "markers", "own_app: gets an app of its own (it adds routes), not the run's shared one"
    )


@pytest.fixture(autouse=True)
def clock(request):
    """Start the clock at the suite's moment and let it tick from there; a test moves it with
    `clock.move_to(amsterdam("2026-12-27T23:30"), tick=False)` or `clock.shift(timedelta(…))`.

    Everything reads this clock: `datetime.now`, `date.today`, `time.time` and the database
    defaults the models fill in Python. Tests marked `wall_clock` get None and the real time.
    """
    if request.node.get_closest_marker("wall_clock"):
        yield None
        return
    with time_machine.travel(amsterdam(SUITE_NOW), tick=True) as traveller:
        yield traveller


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """Give the test run a database of its own: a SQLite file, or a fresh PostgreSQL database."""
    server_url = os.environ.get("TEST_DATABASE_URL")
    if not server_url:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
        return
    name = f"buurtlog_test_{uuid.uuid4().hex[:12]}"
    server = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    server.dispose()


@pytest.fixture(scope="session")
def password_hash():
    """Hash the test password once; Argon2 is slow on purpose."""
    return accounts.hasher.hash(PASSWORD)


class IsolatedClient(FlaskClient):
    """Serve every request in an app context of its own, as in production.

    The tests keep their own context (and database session) open; without this, requests would
    share its `g`, and with it the cached user and language of an earlier request.
    """

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


TEST_SETTINGS = {
    "TESTING": True,
    "SECRET_KEY": "test-secret-key",
    "WTF_CSRF_ENABLED": False,
    # The suite signs coordinators and admins in with a password only; the two-factor policy is
    # switched on by the tests that are about it (tests/test_two_factor.py).
    "TWO_FACTOR_REQUIRED_ROLES": (),
}


def make_test_app(database_url: str, instance: Path):
    """Create the app on the test database."""
    app = create_app({**TEST_SETTINGS, "SQLALCHEMY_DATABASE_URI": database_url})
    app.instance_path = str(instance)
    app.test_client_class = IsolatedClient
    return app


def empty_tables() -> None:
    """Delete every row the test left, children first; on PostgreSQL in one round trip."""
    tables = list(reversed(_db.metadata.sorted_tables))
    with _db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            statements = (str(t.delete().compile(dialect=connection.dialect)) for t in tables)
            connection.exec_driver_sql("; ".join(statements))
        else:
            for table in tables:
                connection.execute(table.delete())


@pytest.fixture(scope="session")
def shared_app(database_url, tmp_path_factory):
    """Create the app once for the run, on the run's database with its schema.

    An app made for each test built its 110 routes (25 ms), then compiled every template and
    loaded the catalogues it used again: half of the suite's time, against 1 ms to empty the
    tables. A test that adds routes of its own is marked `own_app` and gets an app of its own.
    """
    app = make_test_app(database_url, tmp_path_factory.mktemp("instance"))
    with app.app_context():
        _db.drop_all()
        _db.create_all()
    yield app
    with app.app_context():
        _db.engine.dispose()


@pytest.fixture
def app(request, shared_app, database_url, tmp_path):
    """Lend the app to one test: with the settings and request hooks it had before the test
    changed any, an instance folder of the test's own, and the database emptied after."""
    own = request.node.get_closest_marker("own_app") is not None
    app = make_test_app(database_url, tmp_path) if own else shared_app
    config = dict(app.config)
    hooks = {key: list(funcs) for key, funcs in app.before_request_funcs.items()}
    app.instance_path = str(tmp_path)
    with app.app_context():
        yield app
        _db.session.remove()
        empty_tables()
        if own:
            _db.engine.dispose()
    app.config.clear()
    app.config.update(config)
    app.before_request_funcs.clear()
    app.before_request_funcs.update(hooks)


@pytest.fixture
def db(app):
    """Give tests the database handle."""
    return _db


@pytest.fixture
def client(app):
    """Return a test client for the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """Return a runner for the app's command-line commands."""
    return app.test_cli_runner()


class AuthActions:
    """Sign a test client in and out."""

    def __init__(self, client):
        self._client = client

    def login(self, user_or_email, password=PASSWORD):
        """Sign in as a user (or email address) through the real form."""
        email = getattr(user_or_email, "email", user_or_email)
        return self._client.post("/login", data={"email": email, "password": password})

    def login_as(self, user):
        """Start a signed-in session for a user without the (slow, Argon2) form."""
        with self._client.session_transaction() as session:
            sessions.stamp(session, user, mfa=True)  # as if any second factor was given

    def logout(self):
        """Sign out through the real form."""
        return self._client.post("/logout")


@pytest.fixture
def auth(client):
    """Return the sign-in helper for the test client."""
    return AuthActions(client)


@pytest.fixture
def still_walkin_clock(monkeypatch):
    """Hold the walk-in clock still, so taps a test makes in a row fall within the second the
    double-tap rule counts in, however busy the machine."""
    moment = utcnow()
    monkeypatch.setattr("buurtlog.walkin.services.utcnow", lambda: moment)
    return moment


def signing_in(client, auth, people: dict):
    """Return a function that signs the client in as one of `people` (by key), reading
    English, for a test module's own cast of people."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"

    def sign_in(key):
        auth.login_as(people[key])
        return client

    return sign_in


@pytest.fixture
def make_team(db):
    """Return a factory for teams."""

    def make(name=None, areas=()):
        team = Team(name=name or f"Team {next(_counter)}", areas=list(areas))
        db.session.add(team)
        db.session.commit()
        return team

    return make


@pytest.fixture
def make_user(db, password_hash):
    """Return a factory for users with the test password."""

    def make(role="worker", team=None, email=None, name=None, active=True, locale=None):
        n = next(_counter)
        user = User(
            email=email or f"user{n}@example.org",
            name=name or f"Medewerker {n}",
            role=role,
            team=team,
            active=active,
            locale=locale,
            password_hash=password_hash,
        )
        db.session.add(user)
        db.session.commit()
        return user

    return make


@pytest.fixture
def make_area(db):
    """Return a factory for areas; a wijk gets a gemeente above it when none is given."""

    def make(level="wijk", name=None, parent=None, code=None):
        n = next(_counter)
        if parent is None and level != "gemeente":
            parent = make("gemeente" if level == "wijk" else "wijk")
        area = Area(
            code=code or f"{level}-{n}",
            name=name or f"{level.title()} {n}",
            level=level,
            parent=parent,
        )
        db.session.add(area)
        db.session.commit()
        return area

    return make


@pytest.fixture
def make_place(db, make_area):
    """Return a factory for places."""

    def make(name=None, area=None, kind="shop_table", active=True):
        place = Place(
            name=name or f"Plek {next(_counter)}",
            area=area or make_area("buurt"),
            kind=kind,
            active=active,
        )
        db.session.add(place)
        db.session.commit()
        return place

    return make


@pytest.fixture
def make_theme(db):
    """Return a factory for themes, listed in the order they are made (positions count from 1
    in each test, so they stay in the range the admin's theme form accepts)."""
    positions = itertools.count(1)

    def make(slug=None, sensitive=False, active=True, name_nl=None, name_en=None):
        n = next(_counter)
        theme = Theme(
            slug=slug or f"thema-{n}",
            name_nl=name_nl or f"Thema {n}",
            name_en=name_en or f"Theme {n}",
            sensitive=sensitive,
            active=active,
            position=next(positions),
        )
        db.session.add(theme)
        db.session.commit()
        return theme

    return make


@pytest.fixture
def make_entry(db, make_user, make_area, make_theme):
    """Return a factory for entries; unspecified fields get plausible values."""

    def make(author=None, area=None, themes=None, kind="signal", days_ago=0, **fields):
        author = author or make_user()
        themes = [make_theme()] if themes is None else themes
        entry = Entry(
            author=author,
            team=author.team,
            area=area or make_area("buurt"),
            themes=list(themes),
            kind=kind,
            setting=fields.pop("setting", "street"),
            occurred_at=utcnow() - timedelta(days=days_ago),
            **fields,
        )
        db.session.add(entry)
        db.session.commit()
        return entry

    return make


@pytest.fixture
def make_review(db):
    """Return a factory for weekly review meetings; finished unless `running` is set."""

    def make(team, held_on=None, days=7, running=False, attendees=(), created_by=None):
        from buurtlog.models import Review

        end = utcnow()
        review = Review(
            team=team,
            held_on=held_on or end.date(),
            period_start=end - timedelta(days=days),
            period_end=None if running else end,
            attendees=list(attendees),
            created_by=created_by,
        )
        db.session.add(review)
        db.session.commit()
        return review

    return make


@pytest.fixture
def make_wijk_theme(db):
    """Return a factory for wijk themes: signals of a wijk the team put together."""

    def make(team, wijk, entries=(), name=None, theme=None, status="open", owner=None):
        from buurtlog.models import WijkTheme

        wijk_theme = WijkTheme(
            team=team,
            area=wijk,
            theme=theme,
            entries=list(entries),
            name=name or f"Wijkthema {next(_counter)}",
            status=status,
            owner=owner,
        )
        db.session.add(wijk_theme)
        db.session.commit()
        return wijk_theme

    return make


@pytest.fixture
def make_initiative(db):
    """Return a factory for initiatives in the register; checked today unless told otherwise."""

    def make(
        name=None,
        areas=(),
        themes=(),
        status="active",
        team=None,
        checked_days_ago=0,
        public=True,
        **fields,
    ):
        from buurtlog.models import Initiative

        initiative = Initiative(
            name=name or f"Initiatief {next(_counter)}",
            offer=fields.pop("offer", "Koffie"),
            areas=list(areas),
            themes=list(themes),
            status=status,
            team=team,
            public=public,
            last_checked_on=(
                None
                if checked_days_ago is None
                else utcnow().date() - timedelta(days=checked_days_ago)
            ),
            **fields,
        )
        db.session.add(initiative)
        db.session.commit()
        return initiative

    return make


@pytest.fixture
def make_referral(db):
    """Return a factory for referrals of an entry or a check-in to an initiative."""

    def make(initiative, entry=None, check_in=None, created_by=None, days_ago=0):
        from buurtlog.models import Referral

        referral = Referral(
            initiative=initiative,
            entry=entry,
            check_in=check_in,
            created_by=created_by,
            team=created_by.team if created_by is not None else None,
            created_at=utcnow() - timedelta(days=days_ago),
        )
        db.session.add(referral)
        db.session.commit()
        return referral

    return make
