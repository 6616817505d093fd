"""Sessions: fresh on sign-in, idle and absolute expiry, and changes that end every session."""

import pytest
from sqlalchemy import select

from buurtlog.accounts import sessions
from buurtlog.models import AuditEvent, User
from tests.conftest import PASSWORD

MINUTE = 60
HOUR = 60 * MINUTE


@pytest.fixture
def clock(monkeypatch):
    """Give the test a clock it can move forward; sessions read the time from it."""

    class Clock:
        now = sessions.now()

        def forward(self, seconds):
            """Move the clock forward."""
            self.now += seconds

    clock = Clock()
    monkeypatch.setattr(sessions, "now", lambda: int(clock.now))
    return clock


@pytest.fixture
def english(client):
    """Ask for English pages, so the tests can read the messages."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"


def signed_in(client):
    """Tell whether the client reaches the start page."""
    return client.get("/").status_code == 200


def second_client(app, user):
    """Return another browser, signed in as the same user."""
    other = app.test_client()
    with other.session_transaction() as session:
        sessions.stamp(session, user)
    return other


def test_sign_in_starts_a_fresh_session(client, auth, make_user):
    """Keep nothing of the session from before signing in (no session fixation)."""
    user = make_user()
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    auth.login(user)
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"] == f"{user.id}.0"
        assert session["_auth_at"] == session["_seen_at"]


def test_the_defaults_suit_a_working_day(app):
    """Default to a 12-hour lifetime and 3 hours without use."""
    assert app.config["SESSION_LIFETIME_HOURS"] == 12
    assert app.config["SESSION_IDLE_MINUTES"] == 180


def test_a_session_ends_after_the_idle_time(client, auth, make_user, clock, english):
    """Sign out after three hours without a request; each request starts the wait again."""
    auth.login(make_user())
    for _ in range(3):
        clock.forward(2 * HOUR + 50 * MINUTE)
        assert signed_in(client)
    clock.forward(3 * HOUR + MINUTE)
    response = client.get("/")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "signed out after a while without use" in page
    clock.forward(-(3 * HOUR + MINUTE))  # the session is gone, not only out of date
    assert not signed_in(client)


def test_a_session_ends_after_its_lifetime(client, auth, make_user, clock):
    """Sign out twelve hours after signing in, however busy the day was."""
    auth.login(make_user())
    for _ in range(11):
        clock.forward(HOUR)
        assert signed_in(client)
    clock.forward(HOUR + MINUTE)
    assert not signed_in(client)


def test_the_times_are_configurable(app, client, auth, make_user, clock):
    """Follow SESSION_IDLE_MINUTES and SESSION_LIFETIME_HOURS."""
    app.config.update(SESSION_IDLE_MINUTES=10, SESSION_LIFETIME_HOURS=1)
    auth.login(make_user())
    clock.forward(9 * MINUTE)
    assert signed_in(client)
    clock.forward(11 * MINUTE)
    assert not signed_in(client)


def test_an_ended_session_gets_401_on_the_api(client, auth, make_user, clock):
    """Answer API calls on an expired session with a JSON 401, not a redirect."""
    auth.login_as(make_user())
    assert client.get("/api/v1/session").status_code == 200
    clock.forward(4 * HOUR)
    response = client.get("/api/v1/session")
    assert response.status_code == 401 and response.is_json


def test_a_session_without_times_is_refused(client, make_user):
    """Refuse a session that names a user but not when it began (made before this rule)."""
    user = make_user()
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True
    assert not signed_in(client)
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)  # the old form, without the epoch
        session["_auth_at"] = session["_seen_at"] = sessions.now()
    assert not signed_in(client)


def test_sign_out_ends_every_session_of_the_user(app, client, auth, make_user, db):
    """Sign the user out on the other phone and laptop too; other users stay signed in."""
    user, colleague = make_user(), make_user()
    auth.login(user)
    phone = second_client(app, user)
    colleagues_phone = second_client(app, colleague)
    assert signed_in(phone)
    auth.logout()
    assert not signed_in(client) and not signed_in(phone)
    assert signed_in(colleagues_phone)
    auth.login(user)  # signing in again works, with a new epoch
    assert signed_in(client) and not signed_in(phone)


def test_a_copied_cookie_is_useless_after_sign_out(app, client, auth, make_user):
    """Refuse a copy of the session cookie taken before signing out."""
    auth.login(make_user())
    copied = client.get_cookie("session").value
    auth.logout()
    thief = app.test_client()
    thief.set_cookie("session", copied)
    assert not signed_in(thief)


def test_deactivation_by_an_admin_ends_every_session(app, client, auth, make_user, db):
    """End a worker's sessions the moment an admin deactivates them, through the admin form."""
    worker = make_user(name="Sanne de Vries")
    phone = second_client(app, worker)
    assert signed_in(phone)
    auth.login_as(make_user("admin"))
    response = client.post(
        f"/admin/users/{worker.id}",
        data={
            "name": worker.name,
            "email": worker.email,
            "role": "worker",
            "team_id": "",
            "locale": "",
        },
    )  # "active" left unticked
    assert response.status_code == 302
    db.session.refresh(worker)
    assert not worker.active
    assert not signed_in(phone)
    worker.active = True  # reactivated later: the old sessions stay ended
    db.session.commit()
    assert not signed_in(phone)


def test_removing_a_user_ends_their_sessions(app, runner, make_user, db):
    """End the sessions of a user removed with `flask users remove`."""
    user = make_user()
    phone = second_client(app, user)
    assert runner.invoke(args=["users", "remove", user.email]).exit_code == 0
    assert not signed_in(phone)


def test_password_change_ends_the_other_sessions(app, client, auth, make_user, db):
    """Keep this browser signed in after a password change, but no other."""
    user = make_user()
    auth.login(user)
    laptop = second_client(app, user)
    new = "a brand new sentence to remember"
    response = client.post(
        "/profile",
        data={
            "name": user.name,
            "locale": "",
            "current_password": PASSWORD,
            "new_password": new,
            "confirm_password": new,
        },
    )
    assert response.status_code == 302
    assert signed_in(client) and not signed_in(laptop)
    assert "password.changed" in [e.action for e in db.session.scalars(select(AuditEvent))]


def test_a_profile_save_without_a_new_password_ends_nothing(app, client, auth, make_user):
    """Leave the other sessions alone when only the name or language changes."""
    user = make_user()
    auth.login(user)
    laptop = second_client(app, user)
    client.post("/profile", data={"name": "Nieuwe naam", "locale": "en"})
    assert signed_in(client) and signed_in(laptop)


def test_a_rehash_on_sign_in_ends_no_session(app, client, auth, make_user, db, monkeypatch):
    """Store a password again with new hash settings without signing anyone out."""
    from argon2 import PasswordHasher

    from buurtlog.accounts import services

    class NewSettings(PasswordHasher):
        def check_needs_rehash(self, _hash):
            return True

    user = make_user()
    laptop = second_client(app, user)
    monkeypatch.setattr(services, "hasher", NewSettings())
    before = user.password_hash
    auth.login(user)
    db.session.refresh(user)
    assert user.password_hash != before  # stored again …
    assert signed_in(client) and signed_in(laptop)  # … and nobody signed out


def test_deactivated_users_are_refused_by_the_loader(app, make_user, db):
    """Never load an inactive user, even with a session of the current epoch."""
    user = make_user(active=False)
    with app.test_request_context():
        assert sessions.user_for_id(user.get_id()) is None
        assert sessions.user_for_id("not-a-user") is None
    assert db.session.get(User, user.id).session_epoch == 0


def test_the_service_workers_own_requests_never_replace_the_sign_in(client, auth, make_user):
    """The worker fetches the log form in the background with the cookie of the moment; an
    answer that arrives after a sign-in's must not put the signed-out session back."""
    user = make_user()
    client.get("/login")
    before_sign_in = client.get_cookie("session")  # none yet when the form needs no token
    auth.login(user)
    assert signed_in(client)
    late = client.application.test_client()  # the worker's request, sent before signing in
    if before_sign_in is not None:
        late.set_cookie("session", before_sign_in.value)
    background = late.get("/", headers={"X-Buurtlog-Background": "1"})
    assert background.status_code == 302 and "Set-Cookie" not in background.headers
    # Without the mark the same answer writes a cookie (the "please sign in" notice): that is
    # what replaced the signed-in session when the two answers crossed.
    assert "Set-Cookie" in late.get("/").headers
    assert signed_in(client)
