"""Importing CBS-style areas (gemeente, wijk, buurt): validated as a whole, saved all or nothing."""

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from buurtlog.extensions import db
from buurtlog.models import Area

COLUMNS = ("code", "name", "parent_code", "year")
CBS_CODE = re.compile(r"(?P<prefix>GM|WK|BU)(?P<digits>\d+)")
CBS_LEVELS = {"GM": ("gemeente", 4), "WK": ("wijk", 6), "BU": ("buurt", 8)}
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CHILD_LEVEL = {None: "gemeente", "gemeente": "wijk", "wijk": "buurt"}


@dataclass
class AreaRow:
    """One line of an area file, as read."""

    line: int
    code: str
    name: str
    parent_code: str
    year: int | None


@dataclass
class ImportResult:
    """What an import did, or every reason it did nothing."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def read_csv(text: str) -> tuple[list[AreaRow], list[tuple[int, str]]]:
    """Read an area file's rows and the errors in its form (header, columns, year)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        return [], [(1, str(_l("Missing columns: %(columns)s", columns=", ".join(missing))))]
    reader.fieldnames = header
    rows, errors = [], []
    for values in reader:
        line = reader.line_num
        if None in values:
            errors.append((line, str(_l("More values than columns."))))
            continue
        year_text = (values["year"] or "").strip()
        year = int(year_text) if year_text.isdigit() else None
        if year_text and (year is None or not 1800 <= year <= 2200):
            # Kept as a row, so that the other checks still see its code and report the rest.
            errors.append((line, str(_l("Year %(year)s is not a year.", year=year_text))))
            year = None
        rows.append(AreaRow(line, (values["code"] or "").strip(), (values["name"] or "").strip(),
                            (values["parent_code"] or "").strip(), year))
    return rows, errors


def code_level(code: str) -> str | None:
    """Return the level a CBS code names, or None for a slug."""
    match = CBS_CODE.fullmatch(code)
    return CBS_LEVELS[match["prefix"]][0] if match else None


def check_code(code: str) -> str | None:
    """Return what is wrong with an area code, or None."""
    match = CBS_CODE.fullmatch(code)
    if match:
        if len(match["digits"]) != CBS_LEVELS[match["prefix"]][1]:
            return str(_l("Code %(code)s has the wrong number of digits.", code=code))
        return None
    if code[:2] in CBS_LEVELS or not SLUG.fullmatch(code) or len(code) > 40:
        return str(_l("Code %(code)s is not a CBS code (GM0000, WK000000, BU00000000) "
                      "or a slug (lower-case letters, digits and hyphens).", code=code))
    return None


def validate(rows: list[AreaRow]) -> tuple[dict[str, str], list[tuple[int, str]]]:
    """Check codes, names, duplicates and parents; return each code's level and the errors."""
    errors: list[tuple[int, str]] = []
    by_code: dict[str, AreaRow] = {}
    for row in rows:
        problem = check_code(row.code) if row.code else str(_l("The code is empty."))
        if not row.name or len(row.name) > 120:
            problem = problem or str(_l("The name must be 1 to 120 characters."))
        if row.code in by_code:
            problem = problem or str(_l("Code %(code)s already appears on line %(line)d.",
                                        code=row.code, line=by_code[row.code].line))
        if problem:
            errors.append((row.line, problem))
        else:
            by_code[row.code] = row

    known = {a.code: a.level for a in db.session.scalars(select(Area))}
    levels: dict[str, str] = {}

    def level_of(code: str, seen: frozenset = frozenset()) -> str | None:
        if code in levels:
            return levels[code]
        if code not in by_code:
            return known.get(code)
        if code in seen:
            return None  # a loop of parents
        parent = by_code[code].parent_code
        parent_level = level_of(parent, seen | {code}) if parent else None
        if parent and parent_level is None:
            return None
        level = code_level(code) or CHILD_LEVEL.get(parent_level)
        if level is None or CHILD_LEVEL.get(parent_level) != level:
            return None
        levels[code] = level
        return level

    for row in by_code.values():
        if level_of(row.code) is not None:
            continue
        parent = row.parent_code
        if parent and parent not in by_code and parent not in known:
            message = _l("Parent %(parent)s is not in the file or the database.", parent=parent)
        elif parent == row.code or (parent and level_of(parent) is None and parent in by_code):
            message = _l("Parent %(parent)s is not valid itself, or the parents form a loop.",
                         parent=parent)
        elif parent:
            message = _l("Area %(code)s cannot lie in %(parent)s: the order is gemeente, wijk, "
                         "buurt.", code=row.code, parent=parent)
        else:
            message = _l("Area %(code)s needs a parent: only a gemeente stands on its own.",
                         code=row.code)
        errors.append((row.line, str(message)))
    return levels, errors


def import_areas(
    rows: list[AreaRow],
    progress: Callable[[Iterable], Iterable] = iter,
    read_errors: Iterable[tuple[int, str]] = (),
) -> ImportResult:
    """Validate every row, then create or update the areas in one transaction.

    `read_errors` are the file's own errors from `read_csv`; with any error nothing is saved.
    """
    levels, errors = validate(rows)
    errors = sorted([*read_errors, *errors])
    if errors:
        return ImportResult(errors=errors)
    result = ImportResult()
    existing = {a.code: a for a in db.session.scalars(select(Area))}
    depth = {"gemeente": 0, "wijk": 1, "buurt": 2}
    try:
        for row in progress(sorted(rows, key=lambda r: depth[levels[r.code]])):
            parent = existing.get(row.parent_code) if row.parent_code else None
            values = {"name": row.name, "level": levels[row.code], "year": row.year,
                      "parent": parent}
            area = existing.get(row.code)
            if area is None:
                area = Area(code=row.code, **values)
                db.session.add(area)
                existing[row.code] = area
                result.created += 1
            elif any(getattr(area, k) is not v and getattr(area, k) != v
                     for k, v in values.items()):
                for key, value in values.items():
                    setattr(area, key, value)
                result.updated += 1
            else:
                result.unchanged += 1
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return result
