"""`flask openreferral export|import`: the initiatives register as Open Referral HSDS."""

from pathlib import Path

import click
from flask.cli import with_appcontext
from flask_babel import force_locale

from buurtlog.openreferral import importer, reader, saving, services


@click.group()
def openreferral():
    """Exchange the initiatives register as Open Referral HSDS (CSV zip or JSON)."""


@openreferral.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv"]),
    default="csv",
    show_default=True,
    help="csv: a zip of CSV files with datapackage.json",
)
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
@with_appcontext
def export_command(fmt: str, path: str):
    """Write the public initiatives to PATH as HSDS (audited)."""
    with force_locale("nl"):
        data, count = services.export(fmt, actor=None)
    Path(path).write_bytes(data)
    click.echo(f"Exported {count} initiatives to {path}.")


@openreferral.command("import")
@click.argument("path", type=click.Path(exists=True))
@with_appcontext
def import_command(path: str):
    """Import HSDS from PATH (.zip, .json or a folder of CSV files), all or nothing."""
    with force_locale("en"):
        file = Path(path)
        if file.is_dir():
            source = reader.read_folder(file)
        elif file.suffix.lower() == ".json":
            source = reader.read_json(file.read_bytes(), file.name)
        else:
            source = reader.read_zip(file.read_bytes(), file.name)
        result = saving.apply(importer.check(source, may_create=True))  # on the server
        if result.errors:
            for name, row, column, message in result.errors:
                where = ", ".join(p for p in (name, f"row {row}" if row else "", column) if p)
                click.echo(f"{where}: {message}", err=True)
            raise click.ClickException(
                f"{len(result.errors)} invalid row(s); nothing was imported."
            )
    for name, row, column, message in result.skipped:
        where = ", ".join(p for p in (name, f"row {row}" if row else "", column) if p)
        click.echo(f"Left out: {where}: {message}")
    click.echo(
        f"Imported: {result.created} created, {result.updated} updated, "
        f"{result.unchanged} unchanged."
    )
