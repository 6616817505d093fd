"""New passwords: no blank or padded short ones, no local weak words, no demo password."""

import pytest
from sqlalchemy import select

from buurtlog.accounts import services
from buurtlog.models import User

PASSWORD = "correct horse battery staple"
WEAK = [
    "Welkom123456",
    "welkom2026welkom",
    "Havenstad2026!",
    "H4venstad2026!",
    "Buurtlog2024!!",
    "buurtlog-demo",
    "Buurtlog-Demo-2026",
]


def change(client, user, password):
    """Post a new password on the profile page in English; return the response."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client.post(
        "/profile",
        data={
            "name": user.name,
            "locale": "",
            "current_password": PASSWORD,
            "new_password": password,
            "confirm_password": password,
        },
    )


@pytest.mark.parametrize("password", [" " * 12, " " * 20, "  Kx9#qLm2v   ", "\tKx9#qLm2v\t\t"])
def test_blank_and_padded_short_passwords_are_refused(client, auth, make_user, password):
    """Count a password's length without the spaces around it: twelve spaces are none."""
    user = make_user()
    auth.login_as(user)
    response = change(client, user, password)
    assert response.status_code == 400
    assert "not counting spaces at the start and the end" in response.get_data(as_text=True)
    assert services.authenticate(user.email, PASSWORD)[1] == "ok"


@pytest.mark.parametrize("password", WEAK)
def test_local_weak_words_and_the_demo_password_are_refused(client, auth, make_user, password):
    """Refuse passwords made of the app's, the demo's and other local words plus digits."""
    user = make_user()
    auth.login_as(user)
    response = change(client, user, password)
    assert response.status_code == 400
    assert "too common or too easy to guess" in response.get_data(as_text=True)


@pytest.mark.parametrize("password", ["buurtlog-demo", " " * 12])
def test_an_admin_cannot_give_a_real_account_a_blank_or_demo_password(
    client, auth, make_user, db, password
):
    """Refuse twelve spaces and the published demo password for an account an admin makes."""
    auth.login_as(make_user("admin"))
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = client.post(
        "/admin/users/new",
        data={
            "email": "nieuw@example.org",
            "name": "Nieuw",
            "role": "worker",
            "active": "y",
            "password": password,
        },
    )
    assert response.status_code == 400
    assert db.session.scalar(select(User).where(User.email == "nieuw@example.org")) is None


def test_the_command_line_refuses_weak_passwords(runner, db):
    """Refuse blank and local-word passwords in `flask users create` too."""
    for password in (" " * 12, "Welkom123456", "buurtlog-demo"):
        result = runner.invoke(
            args=["users", "create", "a@example.org", "--name", "A", "--password-stdin"],
            input=f"{password}\n",
        )
        assert result.exit_code != 0, password
    assert db.session.scalars(select(User)).all() == []


def test_a_sentence_of_ones_own_is_accepted(client, auth, make_user):
    """Accept a sentence, also one that mentions the wijk or the team among other words."""
    user = make_user()
    auth.login_as(user)
    assert change(client, user, "Wijkteam zuid loopt mee naar de markt").status_code == 302
