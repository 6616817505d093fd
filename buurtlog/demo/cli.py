"""`flask demo`: load the fictional demo municipality Havenstad and print its accounts."""

import time

import click
from flask.cli import with_appcontext

from buurtlog.demo.services import load_demo


@click.command("demo")
@with_appcontext
def demo() -> None:
    """Load the demo organisation (idempotent) and print the demo accounts."""
    started = time.perf_counter()
    summary = load_demo()
    municipality = summary["municipality"]
    click.echo(
        f"Demo municipality {municipality['name']} ({municipality['code']}) is ready "
        f"({time.perf_counter() - started:.1f} s)."
    )
    counts = ", ".join(f"{count} {name}" for name, count in summary["counts"].items())
    click.echo(f"Holds: {counts}; {summary['new_entries']} entries added now.")
    click.echo("")
    click.echo("Demo accounts:")
    width = max(len(account["email"]) for account in summary["accounts"])
    for account in summary["accounts"]:
        click.echo(
            f"  {account['email']:<{width}}  {account['role']:<11}  {account['team'] or '-'}"
        )
    click.echo(f"Password for every demo account: {summary['password']}")
    if not all(account["created"] for account in summary["accounts"]):
        click.echo("(Accounts that existed before keep the password they have now.)")
