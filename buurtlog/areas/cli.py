"""`flask areas import FILE.csv`: load CBS-style areas, all or nothing."""

import sys

import click
from flask.cli import with_appcontext
from flask_babel import force_locale

from buurtlog.areas import services


@click.group()
def areas():
    """Manage areas (gemeenten, wijken, buurten)."""


@areas.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@with_appcontext
def import_command(file: str):
    """Import areas from a CSV file with columns code,name,parent_code,year."""
    with force_locale("en"):
        with open(file, encoding="utf-8-sig", newline="") as handle:
            rows, read_errors = services.read_csv(handle.read())
        if not rows and read_errors:
            _fail(read_errors)

        def progress(items):
            with click.progressbar(list(items), label="Importing areas", file=sys.stderr,
                                   show_pos=True) as bar:
                yield from bar

        result = services.import_areas(rows, progress=progress if len(rows) > 200 else iter,
                                       read_errors=read_errors)
        if result.errors:
            _fail(result.errors)
    click.echo(f"Imported {len(rows)} areas: {result.created} created, {result.updated} updated, "
               f"{result.unchanged} unchanged.")


def _fail(errors: list[tuple[int, str]]) -> None:
    """Report every bad line and stop without importing anything."""
    for line, message in errors:
        click.echo(f"line {line}: {message}", err=True)
    raise click.ClickException(f"{len(errors)} bad line(s); nothing was imported.")
