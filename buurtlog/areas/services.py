"""Importing CBS-style areas (gemeente, wijk, buurt): validated as a whole, saved all or nothing."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from buurtlog.areas import reading
from buurtlog.extensions import db
from buurtlog.models import Area

COLUMNS = ("code", "name", "parent_code", "year")
CBS_CODE = re.compile(r"(?P<prefix>GM|WK|BU)(?P<digits>\d+)")
CBS_LOOSE = re.compile(r"(?i)(gm|wk|bu)[\d\s]*\d")
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
    retired: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class FileImportResult(ImportResult):
    """What an import of figures or boundaries for known areas did: also how many of the
    file's areas buurtlog does not know (passed over)."""

    unknown: int = 0


def no_known_areas(count: int) -> tuple[int, str]:
    """Return the error of a file none of whose areas buurtlog knows."""
    return 1, str(
        _l(
            "None of the file's %(count)d areas is known to buurtlog. Import the "
            "areas first (flask areas import).",
            count=count,
        )
    )


def normalise_code(code: str) -> str:
    """Return a code as stored: CBS codes upper-case, unpadded ("bu03440112 " is BU03440112)."""
    code = code.strip()
    if CBS_LOOSE.fullmatch(code):
        return re.sub(r"\s", "", code).upper()
    return code


def derived_parent(code: str) -> str | None:
    """Return the parent a CBS wijk or buurt code names by its digits (WK034401 lies in GM0344)."""
    match = CBS_CODE.fullmatch(code)
    if not match or match["prefix"] == "GM":
        return None
    digits = match["digits"]
    return f"GM{digits[:4]}" if match["prefix"] == "WK" else f"WK{digits[:6]}"


def read_file(data: bytes) -> tuple[list[AreaRow], list[tuple[int, str]]]:
    """Read an area file's rows and the errors in its form (encoding, header, year).

    Raises reading.UnreadableFile when the bytes are not text in a known encoding.
    """
    table, errors, _ = reading.read_table(data)
    rows = []
    for line, values in table:
        year_text = values.get("year", "")
        year = int(year_text) if year_text.isdigit() else None
        if year_text and (year is None or not 1800 <= year <= 2200):
            # Kept as a row, so that the other checks still see its code and report the rest.
            errors.append((line, str(_l("Year %(year)s is not a year.", year=year_text))))
            year = None
        code = normalise_code(values["code"])
        parent = normalise_code(values.get("parent_code", "")) or derived_parent(code) or ""
        rows.append(AreaRow(line, code, values["name"], parent, year))
    return rows, errors


def import_file(data: bytes, retire_missing: bool) -> ImportResult:
    """Read an area file and import it, all or nothing; a file that is no text in a known
    encoding is one error, on its first line."""
    try:
        rows, read_errors = read_file(data)
    except reading.UnreadableFile as error:
        return ImportResult(errors=[(1, str(error))])
    return import_areas(rows, read_errors=read_errors, retire_missing=retire_missing)


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
        return str(
            _l(
                "Code %(code)s is not a CBS code (GM0000, WK000000, BU00000000) "
                "or a slug (lower-case letters, digits and hyphens).",
                code=code,
            )
        )
    return None


def validate(rows: list[AreaRow]) -> tuple[dict[str, str], list[tuple[int, str]]]:
    """Check codes, names, duplicates and parents; return each code's level and the errors."""
    errors: list[tuple[int, str]] = []
    by_code: dict[str, AreaRow] = {}
    for row in rows:
        problem = check_code(row.code) if row.code else str(_l("The code is empty."))
        if not row.name or len(row.name) > 120:
            problem = problem or str(_l("The name must be 1 to 120 characters."))
        elif reading.garbled(row.name):
            problem = problem or str(
                _l(
                    "The name %(name)s has garbled letters. Save the file in Excel as "
                    '"CSV UTF-8 (comma delimited)" and import that file.',
                    name=row.name,
                )
            )
        if row.code in by_code:
            problem = problem or str(
                _l(
                    "Code %(code)s already appears on line %(line)d.",
                    code=row.code,
                    line=by_code[row.code].line,
                )
            )
        if problem:
            errors.append((row.line, problem))
        else:
            by_code[row.code] = row

    stored = {a.code: a for a in db.session.scalars(select(Area))}
    known = {code: a.level for code, a in stored.items()}
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
            message = _l(
                "Parent %(parent)s is not valid itself, or the parents form a loop.", parent=parent
            )
        elif parent:
            message = _l(
                "Area %(code)s cannot lie in %(parent)s: the order is gemeente, wijk, buurt.",
                code=row.code,
                parent=parent,
            )
        else:
            message = _l(
                "Area %(code)s needs a parent: only a gemeente stands on its own.", code=row.code
            )
        errors.append((row.line, str(message)))

    for row in by_code.values():
        ancestor = _cbs_ancestor(row.parent_code, by_code, stored)
        if (
            code_level(row.code)
            and ancestor
            and row.code in levels
            and not row.code[2:].startswith(ancestor[2:])
        ):
            errors.append(
                (
                    row.line,
                    str(
                        _l(
                            "Area %(code)s cannot lie in %(parent)s: its code puts it in "
                            "%(expected)s.",
                            code=row.code,
                            parent=row.parent_code,
                            expected=derived_parent(row.code) or ancestor,
                        )
                    ),
                )
            )
    return levels, sorted(errors)


def _cbs_ancestor(code: str, by_code: dict[str, AreaRow], stored: dict[str, Area]) -> str | None:
    """Return the nearest area up from `code` (itself included) that has a CBS code."""
    seen = set()
    while code and code not in seen:
        if code_level(code):
            return code
        seen.add(code)
        if code in by_code:
            code = by_code[code].parent_code
        elif code in stored and (parent := stored[code].parent) is not None:
            code = parent.code
        else:
            return None
    return None


def import_areas(
    rows: list[AreaRow],
    progress: Callable[[Iterable], Iterable] = iter,
    read_errors: Iterable[tuple[int, str]] = (),
    retire_missing: bool = False,
) -> ImportResult:
    """Validate every row, then create or update the areas in one transaction.

    `read_errors` are the file's own errors from `read_file`; with any error nothing is saved.
    With `retire_missing` the file is the whole truth for the gemeenten it holds: their areas
    missing from it are retired (kept, with their history, but no longer in use) and the areas in
    it are in use again. Other gemeenten are left alone.
    """
    levels, errors = validate(rows)
    errors = sorted([*read_errors, *errors])
    if errors:
        return ImportResult(errors=errors)
    result = ImportResult()
    existing = {a.code: a for a in db.session.scalars(select(Area))}
    missing = [a for code, a in existing.items() if code not in levels] if retire_missing else []
    depth = {"gemeente": 0, "wijk": 1, "buurt": 2}
    try:
        for row in progress(sorted(rows, key=lambda r: depth[levels[r.code]])):
            parent = existing.get(row.parent_code) if row.parent_code else None
            values = {
                "name": row.name,
                "level": levels[row.code],
                "year": row.year,
                "parent": parent,
            }
            if retire_missing:
                values["active"] = True
            area = existing.get(row.code)
            if area is None:
                area = Area(code=row.code, **values)
                db.session.add(area)
                existing[row.code] = area
                result.created += 1
            elif any(
                getattr(area, k) is not v and getattr(area, k) != v for k, v in values.items()
            ):
                for key, value in values.items():
                    setattr(area, key, value)
                result.updated += 1
            else:
                result.unchanged += 1
        gemeenten = {_top(existing[code]).code for code in levels}
        for area in missing:
            if area.active and _top(area).code in gemeenten:
                area.active = False
                result.retired += 1
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return result


def _top(area: Area) -> Area:
    """Return the gemeente (or other top area) an area lies in."""
    seen = set()
    while area.parent is not None and id(area) not in seen:
        seen.add(id(area))
        area = area.parent
    return area
