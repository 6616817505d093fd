"""Reading area files as municipalities' tools write them: the bytes, the separator, the header.

Excel's "CSV (gescheiden door lijstscheidingsteken)" on a Dutch Windows writes semicolons in
Windows-1252; "CSV UTF-8" writes a byte order mark; CBS pads and quotes its codes. Every form is
read to the same rows, or refused with a message that says how to save the file instead: a name
is never stored mangled.
"""

import codecs
import csv
import io
import re

from flask_babel import lazy_gettext as _l

SEPARATORS = (";", ",", "\t")
# Header names as people write them, compared lower-case with spaces, dashes and underscores
# left out: "Parent code", "parent_code" and "Bovenliggende-code" are all the same column.
HEADERS = {
    "code": ("code", "areacode", "gebiedscode", "cbscode", "regiocode"),
    "name": ("name", "naam", "areaname", "gebiedsnaam", "regionaam"),
    "parent_code": (
        "parentcode",
        "parent",
        "bovenliggend",
        "bovenliggendecode",
        "bovenliggendgebied",
        "oudercode",
        "ouder",
    ),
    "year": ("year", "jaar"),
}
REQUIRED = ("code", "name")
# What UTF-8 read as Windows-1252 looks like ("MÃ¡ximapark"): a file saved twice the wrong way.
MOJIBAKE = re.compile(
    "[\u00c2\u00c3][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|\u00e2\u20ac"
)


class UnreadableFile(ValueError):
    """The file is not text buurtlog can read without guessing; the message says what to do."""


def decode(data: bytes) -> str:
    """Return the file's text: UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252.

    Text that is valid UTF-8 is UTF-8 (Windows-1252 with accents almost never is); anything else
    must be valid Windows-1252, or the file is refused rather than read with wrong letters.
    """
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise UnreadableFile(
            str(
                _l(
                    "The file's characters cannot be read. In Excel choose Save as, then "
                    '"CSV UTF-8 (comma delimited)", and import that file.'
                )
            )
        ) from None
    if "\x00" in text:
        raise UnreadableFile(
            str(
                _l(
                    "This is not a CSV file. In Excel choose Save as, then "
                    '"CSV UTF-8 (comma delimited)", and import that file.'
                )
            )
        )
    return text


def _key(header: str) -> str:
    """Return a header's name as compared: lower case, without spaces, dashes, underscores,
    quotes or a BOM. StatLine's forms of a column name are read as the name itself: the number
    its data files append ("AantalInwoners_5") and the group and unit around its titles
    ("Bevolking/Aantal inwoners (aantal)")."""
    header = header.strip().lstrip("\ufeff")
    if header != header.lower():
        header = re.sub(r"_\d+$", "", header)
    header = re.sub(r"\s*\([^()]*\)$", "", header).rsplit("/", 1)[-1]
    return re.sub(r"[\s_\-\"']", "", header).lower()


def _columns(header: list[str], headers: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Map the importer's columns to their positions in a header line."""
    found: dict[str, int] = {}
    for index, title in enumerate(header):
        key = _key(title)
        for column, names in headers.items():
            if key in names and column not in found:
                found[column] = index
    return found


def sniff(text: str, headers: dict[str, tuple[str, ...]] = HEADERS) -> tuple[str, dict[str, int]]:
    """Choose the separator whose header line names the most known columns."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    best = (",", _columns(next(csv.reader([first]), []), headers))
    for separator in SEPARATORS:
        columns = _columns(next(csv.reader([first], delimiter=separator), []), headers)
        if len(columns) > len(best[1]):
            best = (separator, columns)
    return best


def garbled(name: str) -> bool:
    """Tell whether a name shows the marks of a wrongly decoded file."""
    return (
        "\ufffd" in name
        or bool(MOJIBAKE.search(name))
        or any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in name)
    )


def read_table(
    data: bytes,
    headers: dict[str, tuple[str, ...]] = HEADERS,
    required: tuple[str, ...] = REQUIRED,
) -> tuple[list[tuple[int, dict[str, str]]], list[tuple[int, str]], str]:
    """Read a file's lines as {column: value} with their line numbers, its errors and its
    separator; headers names each column's spellings, required those it must have.

    Raises UnreadableFile when the bytes are not text in a known encoding.
    """
    text = decode(data)
    separator, columns = sniff(text, headers)
    missing = [c for c in required if c not in columns]
    if missing:
        if headers is not HEADERS:
            return (
                [],
                [(1, str(_l("Missing columns: %(columns)s.", columns=", ".join(missing))))],
                separator,
            )
        return (
            [],
            [
                (
                    1,
                    str(
                        _l(
                            "Missing columns: %(columns)s. The first line names the columns: "
                            "code, name, "
                            "parent_code, year (in Dutch: code, naam, bovenliggend, jaar), "
                            "separated by "
                            "commas or semicolons.",
                            columns=", ".join(missing),
                        )
                    ),
                )
            ],
            separator,
        )
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=separator)
    next(reader, None)
    rows: list[tuple[int, dict[str, str]]] = []
    errors: list[tuple[int, str]] = []
    width = max(columns.values()) + 1
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) < width:
            values = values + [""] * (width - len(values))
        rows.append((line, {c: values[i].strip() for c, i in columns.items()}))
    return rows, errors, separator
