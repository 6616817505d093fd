"""The privacy guard's server-only rules: foreign phones, disguised e-mail, addresses by shape.

The browser's twin (static/js/privacy.js) is at its size limit, so these rules live on the server
only: the server's check at save and at sync is the authority, the browser a first pass.
``candidates`` yields (kind, start, end) like privacy._candidates; privacy._find picks among all.

Decisions:
* A phone number is found here only in international form (+49…, 0049…) outside the Netherlands;
  Dutch numbers stay with privacy.PHONE_RE, so dates, amounts, postcodes, BSNs and IBANs, which
  never start with + or 00, cannot become phones. Toll-free, premium and shared-cost lines of
  any country are service numbers, not a person's.
* "kamer 3", "groep 7", "bus 12" and the like name a room, class or line, not where someone
  lives: they are never an address, not even after "woont op".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from phonenumbers import PhoneNumberType

from buurtlog.privacy_names import EXTRA_FIRST_NAMES
from buurtlog.privacy_words import (
    FIRST_NAMES,
    NOT_STREETS,
    NUMBER_UNITS,
    ORG_MAILBOXES,
    STREET_SUFFIXES,
    SURNAMES,
)

SP = "[ \t\u00a0]"
LETTERS = "A-Za-zÀ-ÖØ-öø-ÿ\u0100-\u017f"
NOT_AFTER = "(?![" + LETTERS + "0-9])"

# "+49 171 2345678", "0048 512-345-678", "+32 (0)470 12 34 56": at most 20 characters after
# the prefix, so the search stays linear.
INTERNATIONAL_RE = re.compile(
    r"(?<![0-9+A-Za-z])(?:\+|00 ?)(?!31)[1-9][0-9]{0,2}"
    r"(?:[ .\-/]{0,2}(?:\([0-9]{1,4}\)|[0-9]{1,6})){1,8}(?![0-9])"
)
GROUP_RE = re.compile(r"[0-9)]+")
MIN_DIGITS, MAX_DIGITS = 7, 15  # country code included: Niue's are 7, E.164 allows 15
PARSE_BUDGET = 40  # distinct numbers parsed per text; a note holds a few, 10,000 chars ~600
SERVICE_TYPES = frozenset(
    (
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.UAN,
    )
)

TLDS = (
    "com",
    "nl",
    "net",
    "org",
    "be",
    "de",
    "eu",
    "info",
    "fr",
    "uk",
    "tr",
    "ma",
    "pl",
    "live",
    "me",
    "io",
)


def _disguised(word: str, sign: str) -> str:
    """Match word in brackets ("[at]", "(dot)"), word between spaces, or sign with spaces."""
    return (
        r"(?:"
        + SP
        + r"*[\[({]"
        + SP
        + r"*(?:"
        + word
        + r")"
        + SP
        + r"*[\])}]"
        + SP
        + r"*|"
        + SP
        + r"+(?:"
        + word
        + r")"
        + SP
        + r"+|"
        + SP
        + r"*"
        + sign
        + SP
        + r"*)"
    )


AT = _disguised("at|AT|apenstaartje", "@")
DOT = _disguised("dot|DOT|punt", r"\.")
# "naam at gmail dot com", "naam punt achternaam at gmail dot com", "naam [at] hotmail [dot] nl",
# "naam(at)ziggo.nl", "naam @ gmail . com", "naam apenstaartje hotmail punt com"
OBFUSCATED_EMAIL_RE = re.compile(
    r"(?<![A-Za-z0-9._%+\-@])([A-Za-z0-9._%+\-]{2,64}+(?:"
    + DOT
    + r"[A-Za-z0-9_%+\-]{1,64}+)?)"
    + AT
    + r"([A-Za-z0-9\-]{2,63}+)"
    r"(?:" + DOT + r"[A-Za-z0-9\-]{2,63}+){0,2}?" + DOT + r"(?:" + "|".join(TLDS) + r")"
    r"(?![A-Za-z0-9@\-]|\.[A-Za-z0-9])"
)
PLAIN_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")

MONTHS = (
    "jan|januari|feb|februari|mrt|maart|apr|april|mei|jun|juni|jul|juli|aug|augustus|sep"
    "|sept|september|okt|oktober|nov|november|dec|december"
)
# 12, 12a, 8 bis, 45-II, 3a-2, 14 hs, 14-hs, 7 zwart: not a time or amount (12:30, 12,50).
HOUSE_NUMBER = (
    r"[1-9][0-9]{0,3}(?![0-9]|[.,:][0-9])(?:[a-zA-Z]" + NOT_AFTER + r")?"
    r"(?:(?:-|"
    + SP
    + r")(?:bis|hs|huis|I{1,3}|IV|[0-9]{1,3}|[a-zA-Z])"
    + NOT_AFTER
    + r"|-[a-z]"
    + NOT_AFTER
    + r")?"
    + r"(?!"
    + SP
    + r"*(?:%|€|euro|uur|jaar|mnd|maand|min|keer|straten|huizen|weken|"
    + MONTHS
    + r")"
    + NOT_AFTER
    + ")"
)
# Words before a number that name a room, class, line, time or count, never a street.
NOT_STREET_WORDS = frozenset(
    (
        "kamer",
        "groep",
        "klas",
        "bus",
        "lijn",
        "tram",
        "week",
        "weken",
        "dag",
        "dagen",
        "jaar",
        "maand",
        "uur",
        "nummer",
        "nr",
        "huisnummer",
        "verdieping",
        "etage",
        "hoog",
        "portiek",
        "flat",
        "blok",
        "bed",
        "unit",
        "cel",
        "pagina",
        "stap",
        "fase",
        "niveau",
        "de",
        "het",
        "een",
        "op",
        "aan",
        "in",
        "bij",
        "van",
        "over",
        "ongeveer",
        "al",
        "nog",
        "sinds",
        "ruim",
        "circa",
        "ca",
        "max",
        "min",
        "plek",
        "tafel",
        "stoel",
        "zaal",
        "lokaal",
        "route",
        "spoor",
        "perron",
    )
)
WORD = "[" + LETTERS + "][" + LETTERS + r"'\-]*"
SUFFIXES = "|".join(sorted(STREET_SUFFIXES, key=len, reverse=True))
# "kanaalstraat 140a" typed without a capital; "Kanaalstraat 45-II" for its toevoeging, which
# privacy.STREET_RE leaves off (a capitalised street with a plain number is STREET_RE's alone).
# A word and a house number; the word's ending is checked in Python: an alternation of street
# suffixes tried at every letter of every word doubled the guard's worst case.
WORD_NUMBER_RE = re.compile(
    r"(?<![" + LETTERS + r"0-9])[A-Za-zà-ÿ][a-zà-ÿ'\-]{2,40}+" + SP + r"+" + HOUSE_NUMBER
)
PLAIN_NUMBER_END_RE = re.compile(SP + "[0-9]+[a-zA-Z]?$")
# "woont op Hoendiep 112", "adres: ravenhorst 12", "verhuisd naar de Vismarkt 3"
ADDRESS_CUE_RE = re.compile(
    r"(?<!["
    + LETTERS
    + r"])(?:[Ww]oon(?:t|de|en|end)|[Vv]erhuis(?:t|d|de)|[Ii]ngeschreven)"
    + SP
    + r"+(?:(?:nu|al|sinds|kort|tijdelijk|ook)"
    + SP
    + r"+)?(?:op|aan|naar|in|bij|achter|naast|tegenover|boven|onder)"
    + SP
    + r"+(?:(?:de|het)"
    + SP
    + r"+)?|(?<!["
    + LETTERS
    + r"])[Aa]dres(?:"
    + SP
    + r"*:|"
    + SP
    + r"+is|"
    + SP
    + r"+)"
    + SP
    + r"*"
)
CUED_STREET_RE = re.compile("((?:" + WORD + SP + "+){0,2}(" + WORD + "))" + SP + "+" + HOUSE_NUMBER)
# "op nummer 17 van de Kerkstraat", "nr. 4 in de lindenlaan"
NUMBER_OF_STREET_RE = re.compile(
    r"(?<!["
    + LETTERS
    + r"])(?:nummer|nr\.?|huisnummer|huisnr\.?)"
    + SP
    + r"*[1-9][0-9]{0,3}[a-z]?"
    + SP
    + r"+(?:van|in|aan|op)"
    + SP
    + r"+(?:(?:de|het)"
    + SP
    + r"+)?"
    + r"(?:[A-Z]["
    + LETTERS
    + r"'\-]*|[a-z][a-z\-]*(?:"
    + SUFFIXES
    + r"))"
    + NOT_AFTER
)
# "in de Bachstraat op 22", "de kerkstraat op nr 4": a street by its suffix, then its number.
STREET_THEN_NUMBER_RE = re.compile(
    r"(?<!["
    + LETTERS
    + r"])[A-Za-z][a-z\-]*(?:"
    + SUFFIXES
    + r")"
    + SP
    + r"+op"
    + SP
    + r"+(?:(?:nummer|nr\.?|huisnummer|huisnr\.?)"
    + SP
    + r"*)?"
    + HOUSE_NUMBER
    # Then the note goes on about the one who lives there, or stops: "op 3 plekken" is a count.
    + r"(?=[.,;:!?)]|$|"
    + SP
    + r"+(?:woont|woonde|heeft|had|is|was|kwam|komt|belde|belt|zit|zat|wil|en|met|bij)"
    + NOT_AFTER
    + r")"
)
# "flat Kanaleneiland 3-12": a building and its door number (a portiek's "40-62" is a range).
BUILDING_NUMBER_RE = re.compile(
    r"(?<!["
    + LETTERS
    + r"])(?:[Ff]lat|[Gg]alerijflat|[Cc]omplex)"
    + SP
    + r"+[A-Z][a-z\-]{2,40}+"
    + SP
    + r"+[1-9][0-9]{0,3}-[1-9][0-9]{0,2}"
    + NOT_AFTER
    + r"(?!"
    + SP
    + r"*(?:keer|x|uur|dagen|weken|maanden|jaar|mensen|personen)"
    + NOT_AFTER
    + r")"
)

# "op Tuindorp 9", "meneer van Goudsbloem 14", "ze woont Ravenhorst 12": one capitalised word
# and a house number after "op", "van" or "woont" is a street without a known suffix.
PREP_STREET_RE = re.compile(
    r"(?<!["
    + LETTERS
    + r"])(?:op|van|woont|woonde)"
    + SP
    + r"+([A-Z]["
    + LETTERS
    + r"'\-]{3,40}+)"
    + SP
    + r"+"
    + HOUSE_NUMBER
    + r"(?!"
    + SP
    + r"*[0-9])"
)
WEEKDAYS = frozenset(
    ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
)


def _prep_street(m: re.Match[str], text: str) -> bool:
    """Tell whether "op X 9" names a street: X no name, day or count, no count after 9."""
    word = m.group(1)
    low = word.lower()
    after = text[m.end() : m.end() + 20].split()[:1]
    return not (
        low in NOT_STREET_WORDS
        or low in WEEKDAYS
        or low in NUMBER_UNITS
        or word in FIRST_NAMES
        or word in EXTRA_FIRST_NAMES
        or word in SURNAMES
        or word.capitalize() in NOT_STREETS
        or (after and after[0].lower().strip(".,;:!?") in NUMBER_UNITS)
    )


def candidates(text: str) -> Iterator[tuple[str, int, int]]:
    """Find the personal data only the server's rules see, as (kind, start, end)."""
    for start, end in _foreign_phones(text):
        yield "phone", start, end
    for start, end in _obfuscated_emails(text):
        yield "email", start, end
    for start, end in _shaped_addresses(text):
        yield "address", start, end


def _foreign_phones(text: str) -> Iterator[tuple[int, int]]:
    """Find valid numbers of other countries in international form, service lines left alone."""
    known: dict[str, bool] = {}  # per call: a text full of one number parses it once
    for m in INTERNATIONAL_RE.finditer(text):
        # "+49 171 2345678 12 uur": try the whole run, then without its last groups; only runs
        # of 7 to 15 digits (E.164) are parsed, phonenumbers' parse is the costly step.
        for group in reversed(list(GROUP_RE.finditer(m.group()))):
            raw = m.group()[: group.end()]
            digits = "".join(c for c in raw if c.isdigit()).removeprefix("00")
            if not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
                continue
            if digits not in known:
                # Past the budget a run of the right length counts as a number unparsed:
                # flagging too much is safe, and the guard's time stays bounded.
                known[digits] = len(known) >= PARSE_BUDGET or _personal_number(raw)
            if known[digits]:
                yield m.start(), m.start() + group.end()
                break


def _personal_number(raw: str) -> bool:
    """Tell whether raw (+… or 00…) is a valid foreign number that is not a service line."""
    number = "+" + raw[2:].lstrip() if raw.startswith("00") else raw
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return False
    # number_type is UNKNOWN for a number that is not valid; one of a possible length is still
    # someone's number as a worker types it ("+44 7911 482 305" in a range not yet given out).
    kind = phonenumbers.number_type(parsed)
    return (
        parsed.country_code != 31
        and kind not in SERVICE_TYPES
        and (kind != PhoneNumberType.UNKNOWN or phonenumbers.is_possible_number(parsed))
    )


def _obfuscated_emails(text: str) -> Iterator[tuple[int, int]]:
    """Find e-mail addresses written with "at"/"dot" or spaces instead of @ and ."""
    for m in OBFUSCATED_EMAIL_RE.finditer(text):
        if PLAIN_EMAIL_RE.fullmatch(m.group()) or m.group(1).lower() in ORG_MAILBOXES:
            continue  # a plain address is privacy.EMAIL_RE's; a general mailbox is no one's
        yield m.start(), m.end()


def _shaped_addresses(text: str) -> Iterator[tuple[int, int]]:
    """Find street + house number by shape: lower-case street names and streets after a cue."""
    for m in WORD_NUMBER_RE.finditer(text):
        word = m.group().split(maxsplit=1)[0]
        # "uitkering 3", "vergadering 12": nouns on -ering end in the suffix "ring" by chance
        if (
            not any(word.endswith(s) and len(word) >= len(s) + 3 for s in STREET_SUFFIXES)
            or word.endswith("ering")
            or word.capitalize() in NOT_STREETS
        ):
            continue
        if not (word[0].isupper() and PLAIN_NUMBER_END_RE.search(m.group())):
            yield m.start(), m.end()
    for cue in ADDRESS_CUE_RE.finditer(text):
        street = CUED_STREET_RE.match(text, cue.end())
        # One word in any case ("hoendiep 112"); of several, the last is the street's capital.
        words = street.group(1).split() if street else []
        if (
            street
            and street.group(2).lower() not in NOT_STREET_WORDS
            and (len(words) == 1 or street.group(2)[0].isupper())
            and not any(w.lower() in NOT_STREET_WORDS for w in words[:-1])
        ):
            yield street.start(), street.end()
    for m in NUMBER_OF_STREET_RE.finditer(text):
        yield m.start(), m.end()
    for m in STREET_THEN_NUMBER_RE.finditer(text):
        if not m.group().split(maxsplit=1)[0].endswith("ering"):
            yield m.start(), m.end()
    for m in BUILDING_NUMBER_RE.finditer(text):
        yield m.start(), m.end()
    for m in PREP_STREET_RE.finditer(text):
        if _prep_street(m, text):
            yield m.start(1), m.end()
