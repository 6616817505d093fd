"""Two-factor sign-in: enrolment, the code step, recovery codes, the policy, and the audit log."""

import re

import pyotp
import pytest
from sqlalchemy import select

from buurtlog.accounts import sessions, two_factor
from buurtlog.models import AuditEvent, RecoveryCode
from tests.conftest import PASSWORD

CODE_PATTERN = re.compile(r"<code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</code>")


@pytest.fixture
def english(client):
    """Ask for English pages, so the tests can read the messages."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def policy(app):
    """Require two-factor sign-in for coordinators and admins, as in production."""
    app.config["TWO_FACTOR_REQUIRED_ROLES"] = ["coordinator", "admin"]


@pytest.fixture
def enrolled(db, make_user):
    """Return a factory for users with an authenticator set up, and their recovery codes."""

    def make(role="worker", **fields):
        user = make_user(role, **fields)
        two_factor.start_enrolment(user)
        user.totp_enabled_at = user.created_at
        codes = two_factor.new_recovery_codes(user)
        db.session.commit()
        return user, codes

    return make


def totp(user, offset=0):
    """Return the user's authenticator code, `offset` time steps from now."""
    return pyotp.TOTP(user.totp_secret).at(two_factor.now(), counter_offset=offset)


def actions(db):
    """Return the actions in the audit log, oldest first."""
    return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def signed_in(client):
    """Tell whether the client reaches the start page."""
    return client.get("/").status_code == 200


def test_worker_sets_up_an_authenticator(client, auth, make_user, db, english):
    """Show a QR code and the key, refuse a wrong code, switch on with the right one."""
    user = make_user()
    auth.login(user)
    response = client.get("/two-factor/setup")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    db.session.refresh(user)
    assert user.totp_secret and not user.has_two_factor
    assert '<img class="qr-code" src="data:image/svg+xml' in page
    assert two_factor.grouped_secret(user.totp_secret) in page
    assert "style=" not in page and "<style" not in page
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["Cache-Control"] == "no-store"
    uri = two_factor.provisioning_uri(user)
    assert uri.startswith("otpauth://totp/") and f"secret={user.totp_secret}" in uri
    reloaded = client.get("/two-factor/setup").get_data(as_text=True)
    assert two_factor.grouped_secret(user.totp_secret) in reloaded  # a reload keeps the key

    wrong = client.post("/two-factor/setup", data={"code": "000000"})
    assert wrong.status_code == 400 and "That code is not right" in wrong.get_data(as_text=True)
    db.session.refresh(user)
    assert not user.has_two_factor

    done = client.post("/two-factor/setup", data={"code": totp(user)})
    codes = CODE_PATTERN.findall(done.get_data(as_text=True))
    assert done.status_code == 200 and len(set(codes)) == 10
    db.session.refresh(user)
    assert user.has_two_factor
    stored = db.session.scalars(
        select(RecoveryCode.code_hash).where(RecoveryCode.user_id == user.id)
    ).all()
    assert len(stored) == 10 and not set(codes) & set(stored)  # only digests are kept
    assert signed_in(client)  # this browser stays signed in, now with the second factor
    assert "two_factor.enabled" in actions(db)
    assert "two_factor.failed" in actions(db)


def test_sign_in_asks_for_the_code_after_the_password(client, auth, enrolled, db):
    """Sign in with password and code; land where the user was going; audit how."""
    user, _codes = enrolled()
    response = client.post("/login?next=/more", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/login/code"
    assert client.get("/login/code").status_code == 200
    response = client.post("/login/code", data={"code": totp(user)})
    assert response.status_code == 302 and response.headers["Location"] == "/more"
    assert signed_in(client)
    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "login.succeeded")
    ).one()
    assert event.actor_id == user.id and event.details == {"second_factor": "totp"}


def test_a_code_from_a_slow_phone_clock_still_works(client, auth, enrolled):
    """Accept the code of the previous time step too (a phone clock a little behind)."""
    user, _codes = enrolled()
    auth.login(user)
    assert client.post("/login/code", data={"code": totp(user, -1)}).status_code == 302


def test_a_wrong_code_is_refused_and_audited(client, auth, enrolled, db, english):
    """Refuse a wrong code with 401, stay half signed in, and put it in the audit log."""
    user, _codes = enrolled()
    auth.login(user)
    wrong = f"{(int(totp(user)) + 1) % 1000000:06d}"
    response = client.post("/login/code", data={"code": wrong})
    assert response.status_code == 401
    assert "That code is not right" in response.get_data(as_text=True)
    assert not signed_in(client)
    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "two_factor.failed")
    ).one()
    assert event.actor_id == user.id and event.details == {"step": "sign_in"}
    assert client.post("/login/code", data={"code": ""}).status_code == 400


def test_a_code_works_only_once(client, auth, enrolled):
    """Refuse a code that was already used (read over a shoulder, replayed)."""
    user, _codes = enrolled()
    code = totp(user)
    auth.login(user)
    assert client.post("/login/code", data={"code": code}).status_code == 302
    auth.logout()
    auth.login(user)
    assert client.post("/login/code", data={"code": code}).status_code == 401
    assert not signed_in(client)


def test_a_recovery_code_works_once(client, auth, enrolled, db, english):
    """Sign in with a recovery code (in any case, with spaces), once; audit it."""
    user, codes = enrolled()
    auth.login(user)
    response = client.post("/login/code", data={"code": " " + codes[3].upper().replace("-", " ")})
    assert response.status_code == 302
    assert "9 are left" in client.get("/").get_data(as_text=True)
    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "two_factor.recovery_code_used")
    ).one()
    assert event.details == {"remaining": 9}
    assert two_factor.recovery_codes_left(user) == 9
    auth.logout()
    auth.login(user)
    assert client.post("/login/code", data={"code": codes[3]}).status_code == 401
    assert client.post("/login/code", data={"code": codes[4]}).status_code == 302


def test_recovery_codes_belong_to_their_user(client, auth, enrolled):
    """Refuse another user's recovery code."""
    user, _codes = enrolled()
    _other, other_codes = enrolled()
    auth.login(user)
    assert client.post("/login/code", data={"code": other_codes[0]}).status_code == 401


@pytest.mark.parametrize(
    "path", ["/", "/more", "/profile", "/two-factor", "/admin/", "/review/", "/wijk/"]
)
def test_half_signed_in_reaches_no_page(client, auth, enrolled, path):
    """Between password and code nobody is signed in: every page sends to sign-in."""
    user, _codes = enrolled("admin")
    auth.login(user)
    response = client.get(path)
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


@pytest.mark.parametrize(
    "method, path",
    [("GET", "/api/v1/session"), ("GET", "/api/v1/entries"), ("POST", "/api/v1/entries")],
)
def test_half_signed_in_reaches_no_api(client, auth, enrolled, method, path):
    """Answer 401 on the API between password and code."""
    user, _codes = enrolled()
    auth.login(user)
    response = client.open(path, method=method, json={"entries": []})
    assert response.status_code == 401 and response.is_json


def test_the_code_step_expires(client, auth, enrolled, monkeypatch):
    """Send back to the password when the code comes more than ten minutes later."""
    user, _codes = enrolled()
    auth.login(user)
    later = sessions.now() + sessions.PENDING_SECONDS + 1
    monkeypatch.setattr(sessions, "now", lambda: later)
    response = client.post("/login/code", data={"code": totp(user)})
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    assert not signed_in(client)


def test_the_code_step_is_rate_limited_with_the_password(app, client, auth, enrolled, db):
    """Count code attempts with the account's sign-in attempts; refuse a burst with 429."""
    app.config.update(LOGIN_LIMIT_PER_ACCOUNT="3 per minute")
    user, _codes = enrolled()
    assert auth.login(user).status_code == 302  # attempt 1
    statuses = [client.post("/login/code", data={"code": "000000"}).status_code for _ in range(3)]
    assert statuses == [401, 401, 429]
    assert client.post("/login/code", data={"code": totp(user)}).status_code == 429
    assert "login.rate_limited" in actions(db)


def test_required_role_sets_up_before_anything_else(client, auth, make_user, db, policy, english):
    """Send a coordinator without an authenticator from the password to the setup, only."""
    user = make_user("coordinator")
    response = client.post("/login?next=/review/", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/two-factor/setup"
    assert client.get("/").status_code == 302
    assert client.get("/api/v1/session").status_code == 401
    page = client.get("/two-factor/setup").get_data(as_text=True)
    assert "Your role requires" in page
    db.session.refresh(user)
    done = client.post("/two-factor/setup", data={"code": totp(user)})
    assert done.status_code == 200 and 'href="/review/"' in done.get_data(as_text=True)
    assert signed_in(client)
    assert {"two_factor.enabled", "login.succeeded"} <= set(actions(db))


@pytest.mark.parametrize("role, enrolled_too", [("coordinator", False), ("worker", True)])
def test_a_session_without_the_second_factor_ends(
    client, make_user, db, policy, role, enrolled_too
):
    """End a session begun on the password alone when the user now needs a second factor.

    A coordinator's session from before the policy was switched on; a worker's that somehow
    lacks the code although they set up an authenticator.
    """
    user = make_user(role)
    if enrolled_too:
        two_factor.start_enrolment(user)
        user.totp_enabled_at = user.created_at
        db.session.commit()
    with client.session_transaction() as session:
        sessions.stamp(session, user, mfa=False)
    assert client.get("/").status_code == 302
    with client.session_transaction() as session:
        sessions.stamp(session, user, mfa=True)
    assert client.get("/").status_code == 200


def test_workers_may_go_without_under_the_policy(client, auth, make_user, policy):
    """Sign a worker in with the password alone when only other roles require it."""
    assert auth.login(make_user("worker")).headers["Location"] == "/"
    assert signed_in(client)


def test_new_recovery_codes_replace_the_old(client, auth, enrolled, db, english):
    """Make ten new codes after the password; the old ones stop working."""
    user, old_codes = enrolled()
    auth.login(user)
    client.post("/login/code", data={"code": totp(user)})
    refused = client.post("/two-factor/recovery-codes", data={"codes-password": "not my pass"})
    assert refused.status_code == 400
    assert "current password is not correct" in refused.get_data(as_text=True)
    response = client.post("/two-factor/recovery-codes", data={"codes-password": PASSWORD})
    new_codes = CODE_PATTERN.findall(response.get_data(as_text=True))
    assert response.status_code == 200 and len(new_codes) == 10
    assert "two_factor.recovery_codes_renewed" in actions(db)
    assert not two_factor.use_recovery_code(user, old_codes[0])
    assert two_factor.use_recovery_code(user, new_codes[0])


def test_worker_turns_two_factor_off(client, auth, enrolled, db):
    """Turn off after the password: secret and codes are gone, this session goes on."""
    user, _codes = enrolled()
    auth.login(user)
    client.post("/login/code", data={"code": totp(user)})
    assert (
        client.post("/two-factor/disable", data={"disable-password": "wrong one"}).status_code
        == 400
    )
    response = client.post("/two-factor/disable", data={"disable-password": PASSWORD})
    assert response.status_code == 302 and signed_in(client)
    db.session.refresh(user)
    assert not user.has_two_factor and user.totp_secret is None
    assert (
        db.session.scalars(select(RecoveryCode).where(RecoveryCode.user_id == user.id)).all() == []
    )
    assert "two_factor.disabled" in actions(db)
    auth.logout()
    assert auth.login(user).headers["Location"] == "/"  # the password alone again


def test_required_role_cannot_turn_it_off(client, auth, enrolled, db, policy):
    """Refuse a coordinator's request to turn two-factor sign-in off."""
    user, _codes = enrolled("coordinator")
    auth.login(user)
    client.post("/login/code", data={"code": totp(user)})
    assert "disable-password" not in client.get("/two-factor").get_data(as_text=True)
    assert (
        client.post("/two-factor/disable", data={"disable-password": PASSWORD}).status_code == 403
    )
    db.session.refresh(user)
    assert user.has_two_factor


def test_setting_up_ends_the_other_sessions(app, client, auth, make_user, db):
    """End the user's sessions elsewhere when two-factor sign-in is switched on."""
    user = make_user()
    other = app.test_client()
    auth.login_as(user)
    with other.session_transaction() as session:
        sessions.stamp(session, user)
    assert signed_in(other)
    client.get("/two-factor/setup")
    db.session.refresh(user)
    assert client.post("/two-factor/setup", data={"code": totp(user)}).status_code == 200
    assert signed_in(client) and not signed_in(other)


def test_admin_resets_a_lost_authenticator(runner, enrolled, db):
    """Turn a user's two-factor sign-in off from the command line, audited."""
    user, _codes = enrolled("coordinator")
    result = runner.invoke(args=["users", "reset-two-factor", user.email])
    assert result.exit_code == 0, result.output
    db.session.refresh(user)
    assert not user.has_two_factor and two_factor.recovery_codes_left(user) == 0
    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "two_factor.disabled")
    ).one()
    assert event.actor_id is None and event.details == {"reset": True}
    assert runner.invoke(args=["users", "reset-two-factor", "nobody@example.org"]).exit_code == 1


def test_profile_links_to_two_factor(client, auth, make_user, english):
    """Show the two-factor state on the profile page with a link to manage it."""
    auth.login_as(make_user())
    page = client.get("/profile").get_data(as_text=True)
    assert 'href="/two-factor"' in page
    assert "Off: your password alone" in client.get("/two-factor").get_data(as_text=True)
