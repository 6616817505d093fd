"""`flask users …`: add users and issue personal API tokens from the command line."""

import sys
from datetime import timedelta

import click
from flask import current_app
from flask.cli import with_appcontext

from buurtlog.accounts import services, two_factor
from buurtlog.accounts.forms import PASSWORD_MAX, PASSWORD_MIN
from buurtlog.extensions import db
from buurtlog.models import ROLES, User, utcnow


@click.group()
def users():
    """Manage users."""


@users.command("create")
@click.argument("email")
@click.option("--name", required=True, help="The name colleagues know the user by.")
@click.option("--role", type=click.Choice(ROLES), default="worker", show_default=True)
@click.option("--team", help="Team name; created when it does not exist.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@with_appcontext
def create(email: str, name: str, role: str, team: str | None, password_stdin: bool):
    """Add a user."""
    email = services.normalise_email(email)
    if "@" not in email or len(email) > 254:
        raise click.BadParameter("not a valid email address", param_hint="EMAIL")
    if services.find_user(email) is not None:
        raise click.ClickException(f"a user with email {email} already exists")
    password = None
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
            raise click.ClickException(
                f"the password must be {PASSWORD_MIN} to {PASSWORD_MAX} characters long"
            )
        if services.password_problem(password, email, name):
            raise click.ClickException("the password is too common or too easy to guess")
    user = User(email=email, name=name.strip(), role=role)
    if team:
        user.team = services.get_or_create_team(team)
    if password:
        services.set_password(user, password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Created {role} {email}" + (f" in team {user.team.name}" if user.team else ""))
    if not password:
        click.echo("No password set: the user cannot sign in until one is set in the admin pages.")


@users.command("token")
@click.argument("email")
@with_appcontext
def token(email: str):
    """Print a new personal API token for the user (only a hash is stored)."""
    user = services.find_user(email)
    if user is None:
        raise click.ClickException(f"no user with email {email}")
    days = current_app.config["API_TOKEN_DAYS"]
    value = services.issue_token(user, days)
    db.session.commit()
    click.echo(value)
    expires = (utcnow() + timedelta(days=days)).date().isoformat()
    click.echo(
        f"It opens the API (/api/v1) only, and expires after {days} days ({expires}). "
        "Revoke it on the profile page.",
        err=True,
    )


@users.command("reset-two-factor")
@click.argument("email")
@with_appcontext
def reset_two_factor(email: str):
    """Turn off a user's two-factor sign-in (lost phone and codes); they set it up again."""
    user = services.find_user(email)
    if user is None:
        raise click.ClickException(f"no user with email {email}")
    two_factor.disable(user, actor=None)
    db.session.commit()
    click.echo(
        f"Two-factor sign-in of {user.email} is off and their sessions have ended."
        + (
            " Their role requires it: they set it up at their next sign-in."
            if two_factor.is_required(user)
            else ""
        )
    )
