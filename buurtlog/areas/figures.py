"""CBS key figures of wijken and buurten (*Kerncijfers wijken en buurten*): read as CBS
publishes them, imported for the areas buurtlog knows, all or nothing.

CBS publishes the table in two forms, and municipalities pass on both: the yearly file
`kwb-YYYY.csv` (short column names: `gwb_code_10`, `a_inw`, `a_00_14`, …) and StatLine's
download (`WijkenEnBuurten`, `AantalInwoners_5`, … or their titles "Bevolking/Aantal inwoners
(aantal)"). Either carries every area of the country; rows for areas buurtlog does not know are
counted and passed over. A figure CBS does not publish is written ".", "x" or left empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from buurtlog.areas import reading
from buurtlog.areas.services import FileImportResult, no_known_areas, normalise_code
from buurtlog.extensions import db
from buurtlog.models import Area, AreaFigures

COUNTS = (
    "inhabitants",
    "age_0_14",
    "age_15_24",
    "age_25_44",
    "age_45_64",
    "age_65_plus",
    "households",
    "single_person_households",
)
SHARES = ("low_income_share", "social_rent_share")
FIGURES = COUNTS + SHARES
# Each column's names, as _key in reading.py compares them: the kwb file's, StatLine's
# identifiers and titles, and plain English.
HEADERS: dict[str, tuple[str, ...]] = {
    "code": (
        "gwbcode10",
        "gwbcode",
        "code",
        "codering",
        "wijkenenbuurten",
        "regiocode",
        "areacode",
    ),
    "year": ("year", "jaar", "perioden"),
    "inhabitants": ("ainw", "aantalinwoners", "inhabitants"),
    "age_0_14": ("a0014", "k0tot15jaar", "0tot15jaar", "age014"),
    "age_15_24": ("a1524", "k15tot25jaar", "15tot25jaar", "age1524"),
    "age_25_44": ("a2544", "k25tot45jaar", "25tot45jaar", "age2544"),
    "age_45_64": ("a4564", "k45tot65jaar", "45tot65jaar", "age4564"),
    "age_65_plus": ("a65oo", "k65jaarofouder", "65jaarofouder", "age65plus"),
    "households": ("ahh", "huishoudenstotaal", "households"),
    "single_person_households": ("a1phh", "eenpersoonshuishoudens", "singlepersonhouseholds"),
    "low_income_share": ("phhli", "huishoudensmeteenlaaginkomen", "lowincomeshare"),
    "social_rent_share": ("pwcorpw", "inbezitwoningcorporatie", "socialrentshare"),
}
MISSING = {"", ".", "x", "-", "?", "..", "nvt"}
YEAR = re.compile(r"(?P<year>\d{4})(?:JJ00)?")


@dataclass
class FiguresRow:
    """One known area's figures, as read."""

    line: int
    code: str
    year: int | None
    values: dict[str, int | float | None]


def _number(text: str) -> float | None:
    """Return a figure as a number, read with a decimal comma or point (CBS uses no thousands
    separator); None when CBS left it out. Raises ValueError on anything else."""
    text = text.strip().replace("\u00a0", "").replace(" ", "")
    if text.lower() in MISSING:
        return None
    number = float(text.replace(",", ".", 1) if "." not in text else text)
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(text)
    return number


def read_file(
    data: bytes,
    year: int | None = None,
) -> tuple[list[FiguresRow], int, list[tuple[int, str]]]:
    """Read a key-figures file: the rows of areas buurtlog knows, how many rows name an area
    it does not know, and every error (a bad figure, a year, a code given twice).

    `year` is the table's year when the file has no year column (the kwb file and StatLine's
    table per year have none). Raises reading.UnreadableFile when the bytes are not text.
    """
    table, errors, _ = reading.read_table(data, HEADERS, ("code",))
    if not table:
        return [], 0, errors or [(1, str(_l("The file holds no areas.")))]
    if year is None and "year" not in table[0][1]:
        return (
            [],
            0,
            [
                (
                    1,
                    str(
                        _l(
                            "The file has no year column: give the table's year with "
                            "--year (for kwb-2024.csv: 2024)."
                        )
                    ),
                )
            ],
        )
    known = set(db.session.scalars(select(Area.code)))
    rows: list[FiguresRow] = []
    unknown = 0
    seen: dict[tuple[str, int | None], int] = {}
    for line, values in table:
        code = normalise_code(values["code"])
        if code not in known:
            unknown += 1
            continue
        row_year = _year(values.get("year", ""), year)
        if row_year is None:
            errors.append(
                (
                    line,
                    str(
                        _l(
                            "%(code)s: %(year)s is not a year.",
                            code=code,
                            year=values.get("year", ""),
                        )
                    ),
                )
            )
        if (code, row_year) in seen:
            errors.append(
                (
                    line,
                    str(
                        _l(
                            "%(code)s is also on line %(other)d.",
                            code=code,
                            other=seen[code, row_year],
                        )
                    ),
                )
            )
        seen[code, row_year] = line
        figures: dict[str, int | float | None] = {}
        for name in FIGURES:
            text = values.get(name, "")
            try:
                number = _number(text)
            except ValueError:
                errors.append(
                    (line, str(_l("%(code)s: %(figure)s is not a number.", code=code, figure=name)))
                )
                continue
            if number is not None and (number < 0 or (name in SHARES and number > 100)):
                errors.append(
                    (line, str(_l("%(code)s: %(figure)s is out of range.", code=code, figure=name)))
                )
                continue
            if name in COUNTS and number is not None:
                if not number.is_integer():
                    errors.append(
                        (
                            line,
                            str(
                                _l(
                                    "%(code)s: %(figure)s is not a whole number.",
                                    code=code,
                                    figure=name,
                                )
                            ),
                        )
                    )
                    continue
                number = int(number)
            figures[name] = number
        rows.append(FiguresRow(line, code, row_year, figures))
    if not rows and not errors:
        errors.append(no_known_areas(unknown))
    return rows, unknown, errors


def _year(text: str, default: int | None) -> int | None:
    """Return a row's year from its year column ("2024", StatLine's "2024JJ00") or the default."""
    match = YEAR.fullmatch(text.strip())
    if match and 1900 <= int(match["year"]) <= 2200:
        return int(match["year"])
    return default if not text.strip() else None


def import_figures(
    rows: list[FiguresRow],
    unknown: int = 0,
    read_errors: list[tuple[int, str]] | None = None,
    commit: bool = True,
) -> FileImportResult:
    """Save the figures of every row, or nothing when any line is wrong.

    A figure left out by CBS is stored empty; importing the same file again changes nothing.
    `commit=False` leaves the transaction to a caller that saves more with it (the demo).
    """
    result = FileImportResult(unknown=unknown, errors=list(read_errors or []))
    if result.errors:
        result.errors.sort()
        return result
    areas = {
        a.code: a
        for a in db.session.scalars(select(Area).where(Area.code.in_({r.code for r in rows})))
    }
    existing: dict[tuple[int, int | None], AreaFigures] = {
        (f.area_id, f.year): f
        for f in db.session.scalars(
            select(AreaFigures).where(AreaFigures.area_id.in_([a.id for a in areas.values()]))
        )
    }
    try:
        for row in rows:
            area = areas[row.code]
            figures = existing.get((area.id, row.year))
            if figures is None:
                db.session.add(AreaFigures(area=area, year=row.year, **row.values))
                result.created += 1
            elif any(getattr(figures, k) != v for k, v in row.values.items()):
                for name, value in row.values.items():
                    setattr(figures, name, value)
                result.updated += 1
            else:
                result.unchanged += 1
        if commit:
            db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return result


def latest(area: Area) -> AreaFigures | None:
    """Return the area's most recent key figures, if any were imported."""
    return db.session.scalars(
        select(AreaFigures)
        .where(AreaFigures.area_id == area.id)
        .order_by(AreaFigures.year.desc())
        .limit(1)
    ).first()


def per_thousand(count: int, inhabitants: int | None) -> float | None:
    """Return count per 1,000 inhabitants; None when the number of inhabitants is not known."""
    if not inhabitants:
        return None
    return count * 1000 / inhabitants


AGE_BANDS = (
    ("age_0_14", "0–14"),
    ("age_15_24", "15–24"),
    ("age_25_44", "25–44"),
    ("age_45_64", "45–64"),
    ("age_65_plus", "65+"),
)


def summary(wijk: Area) -> dict | None:
    """Return the wijk's latest key figures for its page and report: the figures, its age
    bands as (label, count, "12%") rows, the share of single-person households, and its
    buurten's inhabitants in the same year. None when none were imported."""
    own = latest(wijk)
    if own is None:
        return None
    children = {a.id: a for a in wijk.children if a.active}
    buurten = {
        f.area_id: f
        for f in db.session.scalars(
            select(AreaFigures).where(
                AreaFigures.area_id.in_(children), AreaFigures.year == own.year
            )
        )
    }

    def share(part: int | None, whole: int | None) -> int | None:
        """Return part as a whole percentage of whole, when both are known."""
        return round(100 * part / whole) if part is not None and whole else None

    return {
        "figures": own,
        "year": own.year,
        "ages": [
            (label, count, "—" if pct is None else f"{pct}%")
            for name, label in AGE_BANDS
            if (count := getattr(own, name)) is not None
            for pct in [share(count, own.inhabitants)]
        ],
        "single_share": share(own.single_person_households, own.households),
        "buurten": [
            (area, buurten[area.id].inhabitants if area.id in buurten else None)
            for area in sorted(children.values(), key=lambda a: a.name)
        ],
    }


def inhabitants(areas: list[Area]) -> dict[int, int | None]:
    """Return each area's inhabitants in its latest key figures, by area id (None: unknown)."""
    found: dict[int, int | None] = dict.fromkeys((a.id for a in areas), None)
    query = (
        select(AreaFigures.area_id, AreaFigures.inhabitants)
        .where(AreaFigures.area_id.in_(list(found)))
        .order_by(AreaFigures.year)
    )
    for area_id, count in db.session.execute(query):
        found[area_id] = count  # the latest year is read last
    return found
