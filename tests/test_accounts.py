"""Signing in and out, roles, the profile, and the users command."""

import pytest
from sqlalchemy import select

from buurtlog.accounts import services
from buurtlog.models import ApiToken, AuditEvent, User
from tests.conftest import PASSWORD

SAME_MESSAGE = "That email address and password do not match an active account."


def _english(client):
    """Ask for English pages, so the tests can read the messages."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"


def test_login_page_shows_the_form(client):
    """Show the sign-in form with email and password fields."""
    page = client.get("/login").get_data(as_text=True)
    assert 'name="email"' in page and 'name="password"' in page


def test_sign_in_and_reach_the_start_page(client, auth, make_user, db):
    """Sign in with the right password, land on the log form and note the time."""
    user = make_user()
    response = auth.login(user)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert client.get("/").status_code == 200
    db.session.refresh(user)
    assert user.last_login_at is not None
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "login.succeeded"))
    assert [e.actor_id for e in events] == [user.id]


def test_email_is_not_case_sensitive(client, auth, make_user):
    """Accept the email address in any capitalisation."""
    make_user(email="sanne@example.org")
    assert auth.login("  Sanne@Example.ORG ").status_code == 302


@pytest.mark.parametrize("case", ["unknown", "wrong_password", "inactive"])
def test_failed_sign_in_says_the_same_and_is_audited(client, auth, make_user, db, case):
    """Give one message for unknown email, wrong password and inactive account; audit each."""
    _english(client)
    user = make_user(email="known@example.org", active=(case != "inactive"))
    email = "nobody@example.org" if case == "unknown" else user.email
    password = "wrong password!!" if case == "wrong_password" else PASSWORD
    response = auth.login(email, password)
    assert response.status_code == 401
    assert SAME_MESSAGE in response.get_data(as_text=True)
    assert client.get("/").status_code == 302  # still signed out
    event = db.session.scalars(select(AuditEvent)).one()
    assert event.action == "login.failed" and event.details == {"reason": case}
    assert event.actor_id == (None if case == "unknown" else user.id)
    assert "nobody@example.org" not in str(event.details)


def test_empty_form_shows_field_errors(client):
    """Mark missing fields instead of trying to sign in."""
    _english(client)
    response = client.post("/login", data={"email": "", "password": ""})
    assert response.status_code == 400
    assert response.get_data(as_text=True).count('class="error"') == 2


def test_next_only_leads_to_this_site(client, auth, make_user):
    """Follow ?next= to a local page, never to another site."""
    user = make_user()
    response = client.post("/login?next=/entries", data={"email": user.email, "password": PASSWORD})
    assert response.headers["Location"] == "/entries"
    client.post("/logout")
    response = client.post(
        "/login?next=//evil.example/", data={"email": user.email, "password": PASSWORD}
    )
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize(
    "target",
    [
        "%0d%0aX-Evil:1",
        "/entries%0a",
        "/entries%0d%0aX-Evil:1",
        "/entries%09",
        "/entries%7f",
        "/%5cevil.example/",
    ],
)
def test_next_with_control_characters_or_a_backslash_leads_home(client, make_user, target):
    """Send ?next= with a line break, another control character or a backslash to the start
    page, when signing in (POST) and when already signed in (GET), never to a 500."""
    user = make_user()
    response = client.post(
        f"/login?next={target}", data={"email": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "X-Evil" not in response.headers
    response = client.get(f"/login?next={target}")
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_pages_send_anonymous_users_to_sign_in(client):
    """Redirect anonymous visitors to the sign-in form, remembering where they were going."""
    response = client.get("/entries")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=/entries"


def test_logout_asks_then_signs_out(client, auth, make_user):
    """Ask for confirmation on GET and sign out on POST."""
    auth.login(make_user())
    assert client.get("/logout").status_code == 200
    assert client.get("/").status_code == 200
    response = auth.logout()
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_login_and_logout_need_the_csrf_token(app, client, make_user):
    """Refuse form posts without the CSRF token."""
    app.config["WTF_CSRF_ENABLED"] = True
    user = make_user()
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/").status_code == 302


def test_passwords_are_stored_as_argon2id(db, make_user):
    """Store Argon2id hashes, never the password."""
    user = make_user()
    services.set_password(user, "a long enough passphrase")
    assert user.password_hash.startswith("$argon2id$")
    assert "passphrase" not in user.password_hash
    assert services.authenticate(user.email, "a long enough passphrase") == (user, "ok")


def test_profile_changes_language_and_password(client, auth, make_user, db):
    """Let users pick their language and change their password."""
    user = make_user()
    auth.login(user)
    response = client.post(
        "/profile",
        data={
            "name": "Sanne",
            "locale": "en",
            "current_password": PASSWORD,
            "new_password": "a brand new passphrase",
            "confirm_password": "a brand new passphrase",
        },
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.locale == "en" and user.name == "Sanne"
    assert services.authenticate(user.email, "a brand new passphrase")[1] == "ok"
    page = client.get("/profile", headers={"Accept-Language": "nl"}).get_data(as_text=True)
    assert '<html lang="en">' in page  # the user's own choice beats the browser's


@pytest.mark.parametrize(
    "locale, confirmation", [("en", "Your profile is saved."), ("nl", "Je profiel is opgeslagen.")]
)
def test_the_confirmation_speaks_the_language_just_chosen(
    client, auth, make_user, db, locale, confirmation
):
    """Confirm a change of language in the new language, not the one the request began in."""
    user = make_user(locale="nl" if locale == "en" else "en")
    auth.login(user)
    page = client.post(
        "/profile", data={"name": user.name, "locale": locale}, follow_redirects=True
    ).get_data(as_text=True)
    assert f'<html lang="{locale}">' in page and confirmation in page


@pytest.mark.parametrize(
    "data, error",
    [
        (
            {
                "current_password": "wrong",
                "new_password": "a brand new passphrase",
                "confirm_password": "a brand new passphrase",
            },
            "Your current password is not correct.",
        ),
        (
            {"current_password": PASSWORD, "new_password": "short", "confirm_password": "short"},
            "Field must be between 12 and 128 characters long.",
        ),
        (
            {
                "current_password": PASSWORD,
                "new_password": "a brand new passphrase",
                "confirm_password": "another passphrase",
            },
            "The two passwords are not the same.",
        ),
    ],
)
def test_profile_refuses_bad_password_changes(client, auth, make_user, db, data, error):
    """Keep the old password when the change is not right, and say why."""
    _english(client)
    user = make_user()
    auth.login(user)
    response = client.post("/profile", data={"name": user.name, "locale": "", **data})
    assert response.status_code == 400
    assert error in response.get_data(as_text=True)
    assert services.authenticate(user.email, PASSWORD)[1] == "ok"


def test_cli_creates_users_with_a_team_and_a_password(runner, db):
    """Add a user from the command line, creating the team by name."""
    result = runner.invoke(
        args=[
            "users",
            "create",
            "Coord@Example.org",
            "--name",
            "Coco",
            "--role",
            "coordinator",
            "--team",
            "Team Zuid",
            "--password-stdin",
        ],
        input="a very long password\n",
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalars(select(User)).one()
    assert (user.email, user.role, user.team.name) == (
        "coord@example.org",
        "coordinator",
        "Team Zuid",
    )
    assert services.authenticate("coord@example.org", "a very long password")[1] == "ok"
    again = runner.invoke(args=["users", "create", "coord@example.org", "--name", "X"])
    assert again.exit_code != 0 and "already exists" in again.output


def test_cli_refuses_a_short_password_and_a_bad_role(runner, db):
    """Refuse passwords under 12 characters and unknown roles, adding no one."""
    short = runner.invoke(
        args=["users", "create", "a@example.org", "--name", "A", "--password-stdin"],
        input="short\n",
    )
    assert short.exit_code != 0 and "12" in short.output
    role = runner.invoke(args=["users", "create", "a@example.org", "--name", "A", "--role", "boss"])
    assert role.exit_code != 0
    assert db.session.scalars(select(User)).all() == []


def test_cli_token_is_stored_hashed_and_signs_in_api_calls(app, runner, make_user, db):
    """Print a token, keep only its hash, and accept it as a bearer token."""
    user = make_user()
    result = runner.invoke(args=["users", "token", user.email])
    assert result.exit_code == 0
    token = result.stdout.strip()
    assert "expires after 90 days (2027-03-03)" in result.stderr  # the suite's day + 90
    stored = db.session.scalars(select(ApiToken)).one()
    assert token not in stored.token_hash and len(stored.token_hash) == 64
    assert services.user_for_token(token) == user
    assert services.user_for_token(token + "x") is None
    assert runner.invoke(args=["users", "token", "nobody@example.org"]).exit_code != 0


@pytest.mark.parametrize(
    "password", ["password1234", "qwertyuiopas", "aaaaaaaaaaaa", "sanne@example.org"]
)
def test_common_and_guessable_passwords_are_refused(client, auth, make_user, db, password):
    """Refuse passwords from the common list or built from the user's own details."""
    _english(client)
    user = make_user(email="sanne@example.org", name="Sanne")
    auth.login(user)
    response = client.post(
        "/profile",
        data={
            "name": "Sanne",
            "locale": "",
            "current_password": PASSWORD,
            "new_password": password,
            "confirm_password": password,
        },
    )
    assert response.status_code == 400
    assert "too common or too easy to guess" in response.get_data(as_text=True)


def test_sign_in_attempts_are_limited_per_account(app, client, make_user, db):
    """Refuse a burst of attempts on one account with 429, and audit it."""
    app.config.update(LOGIN_LIMIT_PER_ACCOUNT="3 per minute")
    user = make_user()
    statuses = [
        client.post(
            "/login",
            data={"email": user.email, "password": "wrong guess!!"},
            headers={"Accept-Language": "en"},
        ).status_code
        for _ in range(4)
    ]
    assert statuses == [401, 401, 401, 429]
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 429  # even the right password waits
    assert "Too many attempts" in client.post(
        "/login",
        data={"email": user.email, "password": PASSWORD},
        headers={"Accept-Language": "en"},
    ).get_data(as_text=True)
    other = make_user()
    assert (
        client.post("/login", data={"email": other.email, "password": PASSWORD}).status_code == 302
    )
    actions = [e.action for e in db.session.scalars(select(AuditEvent))]
    assert "login.rate_limited" in actions


def _bearer(token):
    """Return the Authorization header of a bearer token."""
    return {"Authorization": f"Bearer {token}"}


def test_api_token_opens_the_api_only(client, make_user, db):
    """Accept a coordinator's token on /api/v1 but on no page: pages ask for the password
    and the second factor."""
    coordinator = make_user("coordinator")
    token = services.issue_token(coordinator)
    db.session.commit()
    assert client.get("/api/v1/reference", headers=_bearer(token)).status_code == 200
    for page in ("/review/", "/entries", "/profile", "/admin/"):
        response = client.get(page, headers=_bearer(token))
        assert response.status_code == 302 and "/login" in response.location, page


def test_api_token_expires(client, make_user, db, clock, app):
    """Refuse a token once its days (API_TOKEN_DAYS) have passed."""
    from datetime import timedelta

    app.config.update(API_TOKEN_DAYS=30)
    token = services.issue_token(make_user())
    db.session.commit()
    stored = db.session.scalars(select(ApiToken)).one()
    assert stored.expires_at - stored.created_at == timedelta(days=30)
    clock.shift(timedelta(days=29))
    assert client.get("/api/v1/reference", headers=_bearer(token)).status_code == 200
    clock.shift(timedelta(days=2))
    assert client.get("/api/v1/reference", headers=_bearer(token)).status_code == 401


def test_api_token_use_is_audited_once_a_day(client, make_user, db, clock):
    """Audit a token's first use of each day, not every sync call."""
    from datetime import timedelta

    token = services.issue_token(make_user())
    db.session.commit()
    for _ in range(3):
        assert client.get("/api/v1/reference", headers=_bearer(token)).status_code == 200
    clock.shift(timedelta(days=1))
    assert client.get("/api/v1/reference", headers=_bearer(token)).status_code == 200
    actions = [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert actions.count("api_token.used") == 2 and "api_token.created" in actions


def test_owner_lists_and_revokes_own_tokens(app, client, auth, make_user, db):
    """Show the owner's tokens on the profile's token page and revoke one; leave others'."""
    _english(client)
    owner, other = make_user(), make_user()
    token = services.issue_token(owner)
    services.issue_token(other)
    db.session.commit()
    own, others = (
        db.session.scalars(select(ApiToken).where(ApiToken.user_id == u.id)).one()
        for u in (owner, other)
    )
    auth.login_as(owner)
    assert "/profile/tokens" in client.get("/profile").get_data(as_text=True)
    page = client.get("/profile/tokens").get_data(as_text=True)
    assert f"/profile/tokens/{own.id}/revoke" in page
    assert f"/profile/tokens/{others.id}/revoke" not in page
    assert client.post(f"/profile/tokens/{others.id}/revoke").status_code == 404
    assert client.post(f"/profile/tokens/{own.id}/revoke").status_code == 302
    db.session.expire_all()
    assert [t.user_id for t in db.session.scalars(select(ApiToken))] == [other.id]
    signed_out = app.test_client()
    assert signed_out.get("/api/v1/reference", headers=_bearer(token)).status_code == 401
    assert "api_token.revoked" in [e.action for e in db.session.scalars(select(AuditEvent))]


def test_admin_lists_and_revokes_a_users_tokens(client, auth, make_user, db):
    """Let an admin see a user's tokens from the user's admin page and revoke one."""
    admin, worker = make_user("admin"), make_user()
    services.issue_token(worker)
    db.session.commit()
    stored = db.session.scalars(select(ApiToken)).one()
    auth.login_as(admin)
    assert f"/admin/users/{worker.id}/tokens" in client.get(f"/admin/users/{worker.id}").get_data(
        as_text=True
    )
    revoke = f"/admin/users/{worker.id}/tokens/{stored.id}/revoke"
    assert revoke in client.get(f"/admin/users/{worker.id}/tokens").get_data(as_text=True)
    assert client.post(f"/admin/users/{admin.id}/tokens/{stored.id}/revoke").status_code == 404
    assert client.post(revoke).status_code == 302
    assert db.session.scalars(select(ApiToken)).all() == []


@pytest.mark.parametrize(
    "role, team, start",
    [
        ("coordinator", True, "/start"),
        ("worker", True, "/"),
        ("admin", True, "/"),
        ("coordinator", False, "/"),
    ],
)
@pytest.mark.parametrize("next_page", ["", "?next=/"])
def test_each_role_lands_where_its_work_is(
    client, make_user, make_team, role, team, start, next_page
):
    """Sign a team's coordinator in to their start (the weekly review, their actions and the
    wijk, the log one tap away); a worker, an admin or a coordinator without a team to the log
    form. Opening "/" signed out is no wish to see the log form."""
    user = make_user(role, team=make_team() if team else None)
    response = client.post(f"/login{next_page}", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == start
    if start == "/start":
        page = client.get(start).get_data(as_text=True)
        assert 'href="/review/mine"' in page and 'href="/wijk/"' in page and 'href="/"' in page


def test_the_weekly_review_marks_more_in_the_navigation(client, auth, make_user, make_team):
    """Show where the weekly review lives (under Meer) while a coordinator is on it."""
    auth.login_as(make_user("coordinator", team=make_team()))
    page = client.get("/review/").get_data(as_text=True)
    assert 'href="/more" aria-current="page"' in page
