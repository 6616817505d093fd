"""The range of numbers and days buurtlog reads from a request, and the characters a text may
hold: anything outside them is treated as unknown (a 404, no filter, a form error) or refused,
never passed on to the database or the calendar, where it would overflow into a 500."""

import re
from datetime import date
from typing import overload

from werkzeug.datastructures import MultiDict
from werkzeug.routing import IntegerConverter

# The largest id the database holds: an INTEGER column on PostgreSQL (SQLite's is larger).
INT_MAX = 2**31 - 1
# The days a form or a query string may name. Converting a day at the edge of the calendar
# (0001-01-01, 9999-12-31) to UTC, or stepping a week from it, overflows; no buurtlog record
# is anywhere near them.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)

# A NUL cannot be stored in PostgreSQL text and a lone UTF-16 half cannot be encoded at all;
# JSON carries both ("\u0000", "\ud800"). Text holding either is refused on every engine.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
UNSTORABLE = "Must not contain NUL characters or lone UTF-16 surrogates."


def unstorable(text: str) -> bool:
    """Tell whether a text holds a character no database column can keep."""
    return _UNSTORABLE.search(text) is not None


class BoundedIntConverter(IntegerConverter):
    """The `<int:…>` of every route, up to the largest id: a larger number matches no route
    (404) instead of overflowing the query."""

    def __init__(self, map, fixed_digits=0, min=None, max=INT_MAX, signed=False):  # noqa: A002
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


@overload
def bounded_int(value: object, default: int, low: int = ..., high: int = ...) -> int: ...
@overload
def bounded_int(
    value: object, default: None = ..., low: int = ..., high: int = ...
) -> int | None: ...
def bounded_int(
    value: object, default: int | None = None, low: int = 0, high: int = INT_MAX
) -> int | None:
    """Read a whole number written in digits; the default when it is not one or lies outside
    low..high (an id by default)."""
    text = str(value) if value is not None else ""
    if not text.isascii() or not text.isdigit() or len(text) > len(str(high)):
        return default
    number = int(text)
    return number if low <= number <= high else default


@overload
def int_arg(args: MultiDict, name: str, default: int, low: int = ..., high: int = ...) -> int: ...
@overload
def int_arg(
    args: MultiDict, name: str, default: None = ..., low: int = ..., high: int = ...
) -> int | None: ...
def int_arg(
    args: MultiDict, name: str, default: int | None = None, low: int = 0, high: int = INT_MAX
) -> int | None:
    """Read a whole number from a query string, as bounded_int does."""
    return bounded_int(args.get(name), default, low, high)


def day_in_range(day: date | None) -> bool:
    """Tell whether a day lies in the range buurtlog reads."""
    return day is not None and FIRST_DAY <= day <= LAST_DAY
