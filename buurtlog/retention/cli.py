"""`flask retention run`, `flask users remove` and `flask backup PATH`."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from buurtlog.accounts.services import find_user
from buurtlog.models import utcnow
from buurtlog.retention import services


@click.group()
def retention():
    """Apply the retention rules."""


@retention.command("run")
@click.option(
    "--months",
    type=click.IntRange(1, 120),
    default=None,
    help="Override RETENTION_MONTHS, the term of entries' text (default 12).",
)
@with_appcontext
def run(months: int | None):
    """Remove every kind of free text older than its retention term (run daily)."""
    terms = {kind: current_app.config[key] for kind, key in services.KINDS.items()}
    if months:
        terms["entries"] = months
    counts = services.expire_all(utcnow(), terms)
    for kind, count in counts.items():
        click.echo(
            f"{kind}: removed the free text of {count} rows older than {terms[kind]} months."
        )


@click.command("remove-user")
@click.argument("email")
@with_appcontext
def remove_user(email: str):
    """Remove a user's identity; their entries stay, anonymous."""
    user = find_user(email)
    if user is None:
        raise click.ClickException(f"no user with email {email}")
    services.remove_user(user)
    click.echo("Removed. The entries this person logged are kept without their identity.")


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@with_appcontext
def backup(path: Path):
    """Write a consistent copy of the SQLite database to PATH (PostgreSQL: use pg_dump)."""
    try:
        size = services.backup_sqlite(current_app.config["SQLALCHEMY_DATABASE_URI"], path)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backed up {size} bytes to {path}.")
