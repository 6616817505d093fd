"""`flask areas import FILE.csv` loads CBS-style areas; `flask areas figures FILE.csv` their CBS
key figures; `flask areas geometry FILE.geojson` their boundaries. All or nothing."""

import sys

import click
from flask.cli import with_appcontext
from flask_babel import force_locale
from flask_babel import gettext as _

from buurtlog.areas import figures, geometry, reading, services


@click.group()
def areas():
    """Manage areas (gemeenten, wijken, buurten)."""


@areas.command("import")
@click.argument("file", type=click.File("rb"))
@click.option(
    "--retire-missing",
    is_flag=True,
    help="Retire the areas of the file's gemeenten that are missing from the file "
    "(for a new year's boundaries). Without it, no area is retired.",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "nl"]),
    default="en",
    show_default=True,
    help="The language of the messages.",
)
@with_appcontext
def import_command(file, retire_missing: bool, lang: str):
    """Import areas from a CSV file with columns code,name,parent_code,year.

    The file may be UTF-8 (with or without BOM) or Windows-1252, separated by commas or
    semicolons, with English or Dutch column names (code, naam, bovenliggend, jaar).
    """
    with force_locale(lang):
        try:
            rows, read_errors = services.read_file(file.read())
        except reading.UnreadableFile as error:
            raise click.ClickException(str(error)) from None
        if not rows and read_errors:
            _fail(read_errors)

        def progress(items):
            with click.progressbar(
                list(items), label="Importing areas", file=sys.stderr, show_pos=True
            ) as bar:
                yield from bar

        result = services.import_areas(
            rows,
            progress=progress if len(rows) > 200 else iter,
            read_errors=read_errors,
            retire_missing=retire_missing,
        )
        if result.errors:
            _fail(result.errors)
        click.echo(
            _(
                "Imported %(count)d areas: %(created)d created, %(updated)d updated, "
                "%(unchanged)d unchanged, %(retired)d retired.",
                count=len(rows),
                created=result.created,
                updated=result.updated,
                unchanged=result.unchanged,
                retired=result.retired,
            )
        )


def _fail(errors: list[tuple[int, str]]) -> None:
    """Report every bad line and stop without importing anything."""
    for line, message in errors:
        click.echo(_("line %(line)d: %(message)s", line=line, message=message), err=True)
    raise click.ClickException(_("%(count)d bad line(s); nothing was imported.", count=len(errors)))


@areas.command("figures")
@click.argument("file", type=click.File("rb"))
@click.option(
    "--year",
    type=click.IntRange(1900, 2200),
    help="The table's year, for a file without a year column (kwb-2024.csv: 2024).",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "nl"]),
    default="en",
    show_default=True,
    help="The language of the messages.",
)
@with_appcontext
def figures_command(file, year: int | None, lang: str):
    """Import CBS's Kerncijfers wijken en buurten for the areas buurtlog knows.

    Takes the kwb-YYYY.csv file (gwb_code_10, a_inw, a_00_14, …, a_hh, a_1p_hh, p_hh_li,
    p_wcorpw) or StatLine's download (WijkenEnBuurten, AantalInwoners, …), separated by
    semicolons or commas. Rows of other areas are passed over; any bad line imports nothing.
    """
    with force_locale(lang):
        try:
            rows, unknown, read_errors = figures.read_file(file.read(), year)
        except reading.UnreadableFile as error:
            raise click.ClickException(str(error)) from None
        result = figures.import_figures(rows, unknown, read_errors)
        if result.errors:
            _fail(result.errors)
        click.echo(
            _(
                "Imported the figures of %(count)d areas: %(created)d new, %(updated)d "
                "updated, %(unchanged)d unchanged; %(unknown)d rows of other areas passed "
                "over.",
                count=len(rows),
                created=result.created,
                updated=result.updated,
                unchanged=result.unchanged,
                unknown=result.unknown,
            )
        )


@areas.command("geometry")
@click.argument("file", type=click.File("rb"))
@click.option(
    "--lang",
    type=click.Choice(["en", "nl"]),
    default="en",
    show_default=True,
    help="The language of the messages.",
)
@with_appcontext
def geometry_command(file, lang: str):
    """Import area boundaries from the CBS/PDOK wijk- en buurtkaart (GeoJSON).

    Each feature names its area (buurtcode, wijkcode or gemeentecode); coordinates in RD New
    (EPSG:28992) or longitude/latitude. Features of other areas are passed over; any bad
    feature imports nothing. Boundaries are simplified for the screen (2 m).
    """
    with force_locale(lang):
        try:
            shapes, unknown, points, read_errors = geometry.read_file(file.read())
        except geometry.UnreadableGeoJSON as error:
            raise click.ClickException(str(error)) from None
        result = geometry.import_shapes(shapes, unknown, points, read_errors)
        if result.errors:
            for number, message in result.errors:
                click.echo(
                    _("feature %(number)d: %(message)s", number=number, message=message), err=True
                )
            raise click.ClickException(
                _("%(count)d bad feature(s); nothing was imported.", count=len(result.errors))
            )
        click.echo(
            _(
                "Imported the boundaries of %(count)d areas: %(created)d new, %(updated)d "
                "updated, %(unchanged)d unchanged; %(unknown)d features of other areas "
                "passed over; %(kept)d of %(points)d points kept.",
                count=len(shapes),
                created=result.created,
                updated=result.updated,
                unchanged=result.unchanged,
                unknown=result.unknown,
                kept=result.points_kept,
                points=result.points_in,
            )
        )
