"""Find personal data in short Dutch free-text notes before they are saved.

static/js/privacy.js is a hand-made port of this module and must return identical findings, so
the regexes avoid everything whose meaning differs between Python and JavaScript: no flags and
no \\d, \\w, \\s or \\b (those are Unicode-aware in Python but not in JavaScript).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from buurtlog.privacy_words import (
    FIRST_NAMES,
    NOT_NAME_PHRASES,
    NOT_STREETS,
    NUMBER_UNITS,
    PARTICLES,
    PLACE_SUFFIXES,
    STOPWORDS,
    STREET_SUFFIXES,
    STREET_TITLES,
)

KINDS = ("email", "iban", "phone", "postcode", "bsn", "address", "name")  # overlap priority

Span = tuple[int, int]

UP = "A-ZÀ-ÖØ-Þ"
LO = "a-zß-öø-ÿ\u0100-\u017f"
LETTER = "[" + UP + LO + "]"
SP = "[ \t\r\n\u00a0]"
NO_WORD_BEFORE = "(?<![" + UP + LO + "0-9])"
CAP = "[" + UP + "][" + LO + "]+(?:-[" + UP + "][" + LO + "]+)*(?!" + LETTER + ")"
PARTICLE = r"(?:[Vv]an|[Dd]e[nr]?|[Tt]e[nr]?|[Ee]l|[Aa]l|[Ll]a|[Ll]e|[Dd]a|[Dd]u|[Vv]on|[Bb]en"
PARTICLE += r"|[Bb]in|[Aa]it|['’]t)(?!" + LETTER + ")"
INITIALS = "[" + UP + r"]\.(?:" + SP + "?[" + UP + r"]\.)*" + SP + "*"
NAME_TAIL = "(?:" + SP + "+(?:" + PARTICLE + SP + "+)*" + CAP + "){0,2}"
# A house number refuses times and decimals ("10:30", "14.00") but takes "4b", "33-2", "12 A".
HOUSE_NR = "(?:(?:nr|nummer|huisnummer|no)\\.?" + SP + "*)?[1-9][0-9]{0,3}(?![0-9]|[.,:][0-9])"
HOUSE_NR += "(?:[A-Za-z](?!" + LETTER + ")|" + SP + "[A-Z](?![" + UP + LO + "0-9]))?"
HOUSE_NR += "(?:-[0-9]{1,3}(?![0-9])|-[A-Za-z](?!" + LETTER + "))?"
PHONE_SEP = "(?: - |[ .-])?"

HONORIFICS = ("mevrouw", "meneer", "mejuffrouw", "juffrouw", "buurvrouw", "buurman", "de heer",
              "mevr", "mw", "dhr", "juf", "familie", "echtpaar")
RELATION_CUES = ("zoon", "dochter", "kleinzoon", "kleindochter", "broer", "zus", "man", "vrouw",
                 "moeder", "vader", "oma", "opa", "tante", "oom", "neef", "nicht", "vriend",
                 "vriendin", "partner", "buurjongen", "buurmeisje", "heet", "heette", "genaamd",
                 "naam is", "naam was", "wijkagent", "huisarts", "dokter", "meester", "collega",
                 "vrijwilliger", "vrijwilligster", "mantelzorger")


def _cue_alternation(cues: tuple[str, ...]) -> str:
    """Build a regex alternation that accepts each cue with a lower- or upper-case first letter."""
    parts = ["[" + c[0].upper() + c[0] + "]" + c[1:].replace(" ", SP + "+") for c in cues]
    return "(?:" + "|".join(parts) + ")"


EMAIL_RE = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
    r"(?![A-Za-z0-9\-])"
)
IBAN_RE = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?"
    r"(?![A-Za-z0-9])"
)
POSTCODE_RE = re.compile(
    r"(?<![A-Za-z0-9])[1-9][0-9]{3}(?:" + SP + r"?[A-Z]{2}|(?!km|kg|cm|mm|ml|mg)[a-z]{2})"
    r"(?![A-Za-z0-9])(?:,?" + SP + "+" + HOUSE_NR + ")?"
)
PHONE_RE = re.compile(
    r"(?<![0-9+A-Za-z])(?:(?:\+|00)31" + PHONE_SEP + r"(?:\(0\)" + PHONE_SEP + r")?[1-9]"
    r"(?:" + PHONE_SEP + r"[0-9]){8}|0[1-9](?:" + PHONE_SEP + r"[0-9]){8}"
    r"|\(0[1-9]\)" + PHONE_SEP + r"[0-9](?:" + PHONE_SEP + r"[0-9]){7}"
    r"|\(0[1-9][0-9]\)" + PHONE_SEP + r"[0-9](?:" + PHONE_SEP + r"[0-9]){6}"
    r"|\(0[1-9][0-9]{2}\)" + PHONE_SEP + r"[0-9](?:" + PHONE_SEP + r"[0-9]){5})(?![0-9])"
)
BSN_RE = re.compile(
    r"(?<![0-9A-Za-z.,\-€])(?<![0-9] )(?<!€ )[0-9](?:[ .]?[0-9]){8}(?![0-9]|[.,][0-9])"
)
STREET_WORD = "[" + UP + "][" + LO + "]*(?:-[" + UP + "]?[" + LO + "]+)*"
STREET_WORD += "(?:" + "|".join(STREET_SUFFIXES) + ")(?!" + LETTER + ")"
STREET_RE = re.compile(
    NO_WORD_BEFORE + "((?:(?:[" + UP + "][" + LO + "]*\\.?|" + PARTICLE + ")" + SP + "+){0,3})"
    "(" + STREET_WORD + ")(?:" + SP + "+|," + SP + "*(?=nr|nummer|huisnummer))" + HOUSE_NR
)
# "Laan van Nieuw Guinea 12": the street word comes first, followed by particles and a name.
LAAN_VAN_RE = re.compile(
    NO_WORD_BEFORE + "()((?:Laan|Hof|Plein|Kade|Dreef|Park|Weg|Pad))" + SP
    + "+(?:(?:van|de[nr]?|het|te[nr]|['’]t)" + SP + "+)+" + CAP + "(?:" + SP + "+" + CAP + ")?"
    + SP + "+" + HOUSE_NR
)
HONORIFIC_RE = re.compile(
    NO_WORD_BEFORE + _cue_alternation(HONORIFICS) + "(?:\\." + SP + "*|" + SP + "+)"
)
RELATION_RE = re.compile(NO_WORD_BEFORE + _cue_alternation(RELATION_CUES) + SP + "+")
CAPWORD_RE = re.compile("(?<![" + UP + LO + r"0-9@._\-])" + CAP)
FULL_NAME_RE = re.compile(CAP + NAME_TAIL)
FORMAL_NAME_RE = re.compile("(?:" + INITIALS + ")?(?:" + PARTICLE + SP + "+)*" + CAP + NAME_TAIL)
TOKEN_RE = re.compile("[^ \t\r\n\u00a0]+")
DATE_START_RE = re.compile(r"[0-3][0-9][-./][01][0-9][-./](?:19|20)[0-9]{2}")
NEXT_WORD_RE = re.compile(SP + "+(" + LETTER + "+)")


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind and its [start, end) character offsets."""

    kind: str
    start: int
    end: int


def _is_particle(word: str) -> bool:
    return word.lower() in PARTICLES


def _is_place(word: str) -> bool:
    low = word.lower()
    return any(low.endswith(s) and len(low) > len(s) for s in PLACE_SUFFIXES)


def _name_spans(text: str, start: int, pattern: re.Pattern[str], formal: bool) -> list[Span]:
    """Match a name at start and cut it at the first non-name word.

    Returns the full name and its shorter word-aligned prefixes (longest first), so that a name
    running into an address ("Dirk van Vechtdijk 3") can still be kept as "Dirk".
    """
    m = pattern.match(text, start)
    if m is None:
        return []
    tokens = [(start + t.start(), start + t.end()) for t in TOKEN_RE.finditer(m.group())]
    words = [text[a:b] for a, b in tokens]
    place_cut = False
    for i, word in enumerate(words):
        if (word in STOPWORDS and not _is_particle(word)) or _is_place(word):
            if _is_place(word) and i > 0 and not _is_particle(words[i - 1]) and not formal:
                return []  # "Jan Pieterszoon Coenstraat": the whole run is a street name
            place_cut = _is_place(word)
            del words[i:], tokens[i:]
            break
    while words and _is_particle(words[-1]):
        words.pop()
        tokens.pop()
    core = [i for i, w in enumerate(words) if not _is_particle(w) and not w.endswith(".")]
    if not core:
        return []
    if place_cut and len(core) == 1 and not formal:
        return []  # "Jan van Galenstraat", "Anne Frankschool": a place named after someone
    if words[0] == words[0].lower() and words[core[0]] in FIRST_NAMES:
        return []  # "de buurvrouw van Kees": the name is Kees, found on its own
    return [(tokens[0][0], tokens[i][1]) for i in reversed(core)]


def _names(text: str) -> Iterator[Span]:
    for m in HONORIFIC_RE.finditer(text):
        yield from _name_spans(text, m.end(), FORMAL_NAME_RE, formal=True)
    for m in RELATION_RE.finditer(text):
        yield from _name_spans(text, m.end(), FULL_NAME_RE, formal=False)
    for m in CAPWORD_RE.finditer(text):
        if m.group().split("-")[0] not in FIRST_NAMES:
            continue
        if any(text.startswith(phrase, m.start()) for phrase in NOT_NAME_PHRASES):
            continue
        yield from _name_spans(text, m.start(), FULL_NAME_RE, formal=False)


def _is_street_word(word: str) -> bool:
    low = word.lower()
    if word in NOT_STREETS:
        return False
    # "Vergadering", "Schuldsanering" are nouns; ring roads end in a consonant + "ring".
    return not (low.endswith("ring") and len(low) > 4 and low[-5] in "aeiouy")


def _allowed_street_prefix(word: str) -> bool:
    return word != word.lower() and (word in FIRST_NAMES or word.rstrip(".") in STREET_TITLES)


def _addresses(text: str) -> Iterator[Span]:
    for pattern in (STREET_RE, LAAN_VAN_RE):
        for m in pattern.finditer(text):
            if not _is_street_word(m.group(2)):
                continue
            after = NEXT_WORD_RE.match(text, m.end())
            if after and after.group(1).lower() in NUMBER_UNITS:
                continue  # "Smaragdplein 12 kinderen" is a count, not a house number
            start = m.start() + len(m.group(1))
            prefix = list(TOKEN_RE.finditer(m.group(1)))
            for i, t in enumerate(prefix):
                rest = [p.group() for p in prefix[i + 1 :]]
                if _allowed_street_prefix(t.group()) and all(
                    _allowed_street_prefix(w) or _is_particle(w) for w in rest
                ):
                    start = m.start() + t.start()
                    break
            yield start, m.end()


def _valid_bsn(number: str) -> bool:
    """Check the Dutch 11-test of a nine-digit citizen service number."""
    digits = [int(c) for c in number if c in "0123456789"]
    total = sum((9 - i) * d for i, d in enumerate(digits[:8])) - digits[8]
    return total % 11 == 0 and any(digits)


def _valid_iban(candidate: str) -> bool:
    """Check length and ISO 13616 mod-97 check digits of an IBAN, spaces allowed."""
    compact = candidate.replace(" ", "").upper()
    if not 15 <= len(compact) <= 32:
        return False
    remainder = 0
    for ch in compact[4:] + compact[:4]:
        value = int(ch, 36)
        remainder = (remainder * (100 if value > 9 else 10) + value) % 97
    return remainder == 1


def _ibans(text: str) -> Iterator[Span]:
    for m in IBAN_RE.finditer(text):
        if _valid_iban(m.group()):
            yield m.start(), m.end()
        elif " " in m.group():
            # The optional last group may have swallowed a short word after the IBAN.
            cut = m.group().rfind(" ")
            if _valid_iban(m.group()[:cut]):
                yield m.start(), m.start() + cut


def _candidates(text: str) -> Iterator[Finding]:
    for m in EMAIL_RE.finditer(text):
        yield Finding("email", m.start(), m.end())
    for start, end in _ibans(text):
        yield Finding("iban", start, end)
    # Digits inside an IBAN look-alike with a wrong check ("NL91 ABNA 0417 1643 01") are not
    # a phone number or BSN either.
    iban_like = [(m.start(), m.end()) for m in IBAN_RE.finditer(text)]

    def outside_iban(m: re.Match[str]) -> bool:
        return all(m.end() <= a or b <= m.start() for a, b in iban_like)

    for m in PHONE_RE.finditer(text):
        # "05-06-2024 12" is a date and a number
        if outside_iban(m) and not DATE_START_RE.match(m.group()):
            yield Finding("phone", m.start(), m.end())
    for m in POSTCODE_RE.finditer(text):
        if outside_iban(m):
            yield Finding("postcode", m.start(), m.end())
    for m in BSN_RE.finditer(text):
        if outside_iban(m) and _valid_bsn(m.group()):
            yield Finding("bsn", m.start(), m.end())
    for start, end in _addresses(text):
        yield Finding("address", start, end)
    for start, end in _names(text):
        yield Finding("name", start, end)


def find_personal_data(text: str) -> list[Finding]:
    """Return the personal data in text, sorted by start and without overlaps."""
    # Stronger kinds first, then longer spans, so "Jan van Galenstraat 4" stays one address.
    ranked = sorted(
        _candidates(text), key=lambda f: (KINDS.index(f.kind), f.start - f.end, f.start)
    )
    chosen: list[Finding] = []
    for f in ranked:
        if all(f.end <= c.start or c.end <= f.start for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)
