"""Sign-in limits hold across processes and servers, and count the client's real address."""

import http.client
import os
import time
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from buurtlog import create_app
from buurtlog.extensions import db as _db
from buurtlog.models import RateLimitCounter
from tests.conftest import PASSWORD
from tests.test_sync_faults import Server

WRONG = "not the password at all"


def _app_like(app, **config):
    """Create a second app on the test database, as another process (or server) would."""
    other = create_app(
        {
            key: app.config[key]
            for key in (
                "TESTING",
                "SECRET_KEY",
                "SQLALCHEMY_DATABASE_URI",
                "WTF_CSRF_ENABLED",
                "TWO_FACTOR_REQUIRED_ROLES",
            )
        }
        | config
    )
    other.instance_path = app.instance_path
    return other


@pytest.fixture
def second_app(app):
    """Return a factory of second apps on the test database, their engines closed after."""
    made = []

    def make(**config):
        """Create one second app with some settings of its own."""
        made.append(_app_like(app, **config))
        return made[-1]

    yield make
    for other in made:
        with other.app_context():
            _db.engine.dispose()


def test_counts_outlive_the_process_that_made_them(app, client, make_user, db, second_app):
    """Keep counting attempts in the database, where a new process (its own limiter) finds
    them; keep neither the address nor the email address there."""
    app.config.update(LOGIN_LIMIT_PER_ACCOUNT="3 per minute")
    user = make_user()
    for _ in range(3):
        assert (
            client.post("/login", data={"email": user.email, "password": WRONG}).status_code == 401
        )
    stored = db.session.scalars(select(RateLimitCounter)).all()
    assert stored and all(
        user.email not in row.key and "127.0.0.1" not in row.key for row in stored
    )
    other = second_app(LOGIN_LIMIT_PER_ACCOUNT="3 per minute")  # memory:// would start at 0
    response = other.test_client().post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 429


def test_expired_counts_are_pruned(app, client, make_user, db, clock):
    """Start a new window once the last has passed, and delete the rows that expired."""
    app.config.update(LOGIN_LIMIT_PER_ACCOUNT="2 per minute")
    user = make_user()
    for _ in range(2):
        client.post("/login", data={"email": user.email, "password": WRONG})
    assert (
        client.post("/login", data={"email": user.email, "password": PASSWORD}).status_code == 429
    )
    clock.shift(timedelta(minutes=2))
    assert len(db.session.scalars(select(RateLimitCounter)).all()) == 2  # address, account
    db.session.rollback()
    other = make_user()
    assert client.post("/login", data={"email": other.email, "password": WRONG}).status_code == 401
    left = db.session.scalars(select(RateLimitCounter)).all()
    assert len(left) == 2 and all(row.expires_at > time.time() for row in left)  # pruned
    assert (
        client.post("/login", data={"email": user.email, "password": PASSWORD}).status_code == 302
    )


def _attempts(app, headers: dict, emails: list[str], password: str = WRONG) -> list[int]:
    """Post sign-in attempts from a client, returning the statuses."""
    client = app.test_client()
    return [
        client.post(
            "/login", data={"email": email, "password": password}, headers=headers
        ).status_code
        for email in emails
    ]


def test_forwarded_address_counts_only_behind_a_trusted_proxy(app, make_user, second_app):
    """Count each client behind the trusted proxy apart, so one's guesses do not lock another
    out; without a trusted proxy, ignore the header, which anyone can send."""
    behind_proxy = second_app(TRUSTED_PROXIES=1, LOGIN_LIMIT_PER_ADDRESS="3 per minute")
    users = [make_user() for _ in range(4)]
    guesser = {"X-Forwarded-For": "203.0.113.7"}
    assert _attempts(behind_proxy, guesser, [u.email for u in users]) == [401, 401, 401, 429]
    colleague = {"X-Forwarded-For": "198.51.100.20"}
    assert _attempts(behind_proxy, colleague, [users[0].email], PASSWORD) == [302]

    direct = second_app(LOGIN_LIMIT_PER_ADDRESS="3 per minute")  # TRUSTED_PROXIES 0, default
    statuses = _attempts(direct, {}, [users[1].email])  # the 127.0.0.1 address: one more
    spoofed = [
        _attempts(direct, {"X-Forwarded-For": f"192.0.2.{n}"}, [users[2].email])[0]
        for n in range(3)
    ]
    assert statuses + spoofed == [401, 401, 401, 429]


@pytest.fixture
def two_servers(app, make_user, db, tmp_path):
    """Run the app as two gunicorn servers on the test database, with a user to try."""
    email = make_user().email
    db.session.commit()
    db.session.remove()  # hold no connection or lock while the servers work
    env = {
        **os.environ,
        "FLASK_SECRET_KEY": "limit-test-secret",
        "FLASK_SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
        "FLASK_WTF_CSRF_ENABLED": "false",
        "FLASK_TWO_FACTOR_REQUIRED_ROLES": "[]",
        "FLASK_LOGIN_LIMIT_PER_ACCOUNT": "5 per 15 minutes",
    }
    for name in ("FLASK_DEBUG", "FLASK_RATELIMIT_STORAGE_URI"):  # the default, as the README
        env.pop(name, None)
    servers = [Server(env, tmp_path / f"gunicorn-{n}.log") for n in range(2)]
    try:
        for server in servers:
            server.start()
        yield servers, email
    finally:
        for server in servers:
            if server.process is not None:
                server.kill()


def _post_login(server: Server, email: str, password: str) -> int:
    """Post one sign-in attempt to a server and return its status."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
    try:
        connection.request(
            "POST",
            "/login",
            urlencode({"email": email, "password": password}),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.mark.wall_clock(reason="the servers are gunicorn processes on the real clock")
def test_limits_hold_across_two_gunicorn_processes(two_servers):
    """Refuse the sixth wrong password of an account whichever process is asked, and then the
    right one too: each process counting alone let 29 guesses through in four workers."""
    servers, email = two_servers
    statuses = [_post_login(servers[n % 2], email, WRONG) for n in range(10)]
    assert statuses == [401] * 5 + [429] * 5
    assert {_post_login(server, email, PASSWORD) for server in servers} == {429}
