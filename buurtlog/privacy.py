"""Find personal data in short Dutch free-text notes before they are saved.

static/js/privacy.js is a hand-made port of this module and must return identical findings, so
the regexes avoid everything whose meaning differs between Python and JavaScript: no flags and
no \\d, \\w, \\s or \\b (those are Unicode-aware in Python but not in JavaScript).

Names are found by cue words ("mevrouw", "fam.", "zijn dochter", "de zoon van"), by lists of
first names and surnames of many origins (also typed in lower case), and for other capitalised
words by a telling context: an age in brackets, a relative ("Gonda's zoon"), a house number
("Gonda van nummer 12"), a listed name beside it ("Kees en Gonda") or a surname with particles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from buurtlog.privacy_words import (
    DETERMINERS,
    FIRST_NAMES,
    HONORIFICS,
    INITIAL_CUES,
    KIN_CUES,
    LOWERCASE_NOT_NAMES,
    MID_SENTENCE_NAMES,
    NOT_NAME_HEADS,
    NOT_NAME_PHRASES,
    NOT_STREETS,
    NUMBER_UNITS,
    ORG_SUFFIXES,
    PARTICLES,
    PERSON_NOUNS,
    PLACE_SUFFIXES,
    RELATION_CUES,
    STOPWORDS,
    STREET_SUFFIXES,
    STREET_TITLES,
    SURNAME_ENDINGS,
    SURNAME_WORDS,
    SURNAMES,
    THING_NOUNS,
)

KINDS = ("email", "iban", "phone", "postcode", "bsn", "address", "name")  # overlap priority

Span = tuple[int, int]

# Capitals include the Polish, Turkish and Balkan ones ("Łukasz", "Şahin", "Čelik").
UP = "A-ZÀ-ÖØ-ÞĄĆČĎĐĘĚĞİŁŃŇŐŒŘŚŞŠŢŤŮŰŸŹŻŽ"
LO = "a-zß-öø-ÿ\u0100-\u017f"
LETTER = "[" + UP + LO + "]"
SP = "[ \t\r\n\u00a0]"
NO_WORD_BEFORE = "(?<![" + UP + LO + "0-9])"
# A name starts a word that is not inside an e-mail address, a web address or a compound.
WORD_START = "(?<![" + UP + LO + r"0-9@._\-])"
CAP = "[" + UP + "][" + LO + "]+(?:-[" + UP + "][" + LO + "]+)*(?!" + LETTER + ")"


def _particle_alternation(lower_only: bool) -> str:
    """Build a regex for PARTICLES, longest first; "Van" and "El" also capitalised."""
    words = sorted(PARTICLES, key=lambda p: (-len(p), p))
    parts = [p if lower_only or p[0] in "'’" else "[" + p[0].upper() + p[0] + "]" + p[1:]
             for p in words]
    return "(?:" + "|".join(parts) + ")(?!" + LETTER + ")"


PARTICLE = _particle_alternation(lower_only=False)
LOWER_PARTICLE = _particle_alternation(lower_only=True)
ARABIC_PARTICLE = "(?:Abou|Abu|Ait|Aït|Ben|Bin|Ibn|Ould|El|Al)"
INITIALS = "[" + UP + r"]\.(?:" + SP + "?[" + UP + r"]\.)*" + SP + "*"
NAME_TAIL = "(?:" + SP + "+(?:" + PARTICLE + SP + "+)*" + CAP + "){0,2}"
# A house number refuses times and decimals ("10:30", "14.00") but takes "4b", "33-2", "12 A".
HOUSE_NR = "(?:(?:nr|nummer|huisnummer|no)\\.?" + SP + "*)?[1-9][0-9]{0,3}(?![0-9]|[.,:][0-9])"
HOUSE_NR += "(?:[A-Za-z](?!" + LETTER + ")|" + SP + "[A-Z](?![" + UP + LO + "0-9]))?"
HOUSE_NR += "(?:-[0-9]{1,3}(?![0-9])|-[A-Za-z](?!" + LETTER + "))?"
PHONE_SEP = "(?: - |[ .-])?"
SPACES = " \t\r\n\u00a0"
# Characters between a sentence end and its first word: spaces, quotes, brackets, bullets.
OPENERS = SPACES + "\"'‘’“”(*•-–—"
CUE_WORDS = frozenset(c for c in HONORIFICS + RELATION_CUES if re.fullmatch("[" + LO + "]+", c))


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
# "de dochter van (de) Vries": a relative of someone named by surname only.
KIN_OF_RE = re.compile(
    NO_WORD_BEFORE + _cue_alternation(KIN_CUES) + SP + "+van" + SP + "+(?=(?:" + LOWER_PARTICLE
    + SP + "+)*" + CAP + ")"
)
KIN_NAME_RE = re.compile("(?:" + LOWER_PARTICLE + SP + "+)*" + CAP + NAME_TAIL)
CAPWORD_RE = re.compile(WORD_START + CAP)
LOWWORD_RE = re.compile(
    "(?<![" + UP + LO + r"0-9@._\-'’])[" + LO + "]{3,}(?:-[" + LO + "]+)*(?![" + UP + LO
    + "0-9@])"
)
FULL_NAME_RE = re.compile(CAP + NAME_TAIL)
LOWER_NAME_RE = re.compile("[" + LO + "]+(?:-[" + LO + "]+)*" + NAME_TAIL)
FORMAL_NAME_RE = re.compile("(?:" + INITIALS + ")?(?:" + PARTICLE + SP + "+)*" + CAP + NAME_TAIL)
# "J.P. de Vries", "met A. Bakker": initials and a surname without a title.
INITIALS_NAME_RE = re.compile(
    NO_WORD_BEFORE + "(" + INITIALS + ")(?:" + PARTICLE + SP + "+)*" + CAP
)
# "Gonda van der Meer", "Nizar Al-Hassan", "Maria dos Santos": a capitalised word, particles and
# a capitalised surname. Group 2 holds the particles (none for "Al-Hassan").
STRANGER_RE = re.compile(
    WORD_START + "(" + CAP + ")" + SP + "+(?:((?:" + LOWER_PARTICLE + "|"
    + ARABIC_PARTICLE + "(?!" + LETTER + "))(?:" + SP + "+" + LOWER_PARTICLE + ")*)" + SP
    + "+|(?=" + ARABIC_PARTICLE + "-))" + CAP
)
# "Kees en Gonda", "Bilal, Ilias en Sofyan": a name and a capitalised word side by side.
PAIR_RE = re.compile(
    WORD_START + CAP + NAME_TAIL + "(?:(," + SP + "*)|" + SP
    + "+(?:en|&)" + SP + "+)(?=(" + CAP + "))"
)
LIST_GOES_ON_RE = re.compile("(?:," + SP + "*|" + SP + "+(?:en|&)" + SP + "+)" + CAP)
# "Gonda (82)", "Gonda de Boer (ca. 80 jaar)": an age in brackets right after the name.
AGE_RE = re.compile(
    SP + r"*\((?:ca\.?" + SP + "*)?[1-9][0-9]?(?:" + SP + "*(?:jaar|jr\\.?|j\\.?))?\\)"
)
# "Gonda's zoon", "Gonda haar man": someone's relative.
POSSESSIVE_RE = re.compile(
    "(?:['’]s|" + SP + "+(?:haar|zijn|z'n|d'r))" + SP + "+(?:" + "|".join(KIN_CUES) + ")(?!"
    + LETTER + ")"
)
# "Gonda van nummer 12", "Gonda van drie hoog": a neighbour named by where she lives.
NEIGHBOUR_RE = re.compile(
    SP + "+van" + SP + "+(?:nummer|nr|huisnummer|hiernaast|boven|beneden|de" + SP
    + "+overkant|[a-z]+hoog|[1-9]|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)(?!"
    + LETTER + ")"
)
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
    return low.endswith(PLACE_SUFFIXES)


def _is_org(word: str) -> bool:
    return word.lower()[2:].endswith(ORG_SUFFIXES)  # "Sportclub", not "Club"


def _not_a_name(word: str) -> bool:
    """Tell whether a capitalised word is an ordinary word, a place or an institution."""
    low = word.lower()
    return (
        word in STOPWORDS
        or word.split("-")[0] in STOPWORDS
        or word in STREET_TITLES
        or _is_place(word)
        or _is_org(word)
        or low[1:].endswith(STREET_SUFFIXES)
        or low in NUMBER_UNITS
        or low in NOT_NAME_HEADS
        or low in PERSON_NOUNS
        or low in CUE_WORDS
    )


def _listed(word: str) -> bool:
    """Tell whether a capitalised word is a known first name or surname."""
    low = word.lower()
    foreign = len(word) >= 6 and low.endswith(SURNAME_ENDINGS)
    return word in FIRST_NAMES or word.split("-")[0] in FIRST_NAMES or word in SURNAMES or foreign


def _previous_word(text: str, pos: int) -> tuple[str, int]:
    """Return the whitespace-delimited word before pos and its start ("" if none)."""
    i = pos
    while i > 0 and text[i - 1] in SPACES:
        i -= 1
    j = i
    while j > 0 and text[j - 1] not in SPACES:
        j -= 1
    return text[j:i], j


def _sentence_start(text: str, pos: int) -> bool:
    """Tell whether pos opens a sentence, a line or the text."""
    i = pos
    while i > 0 and text[i - 1] in OPENERS:
        if text[i - 1] in "\r\n":
            return True
        i -= 1
    return i == 0 or text[i - 1] in ".!?:;"


def _after_institution(text: str, pos: int) -> bool:
    """Tell whether the word at pos names an institution: "Stichting Al Amal", "Sint Jan"."""
    word, start = _previous_word(text, pos)
    if word.lower() in PARTICLES:
        word = _previous_word(text, start)[0]
    return word.lower() in NOT_NAME_HEADS or _is_org(word)


def _names_a_thing(text: str, pos: int) -> bool:
    """Tell whether the cue at pos follows a thing: "het initiatief", "de hond van de buren"."""
    word, start = _previous_word(text, pos)
    article, article_start = _previous_word(text, start)
    van, van_start = _previous_word(text, article_start)
    if van.lower() == "van" and article.lower() in DETERMINERS:
        word = _previous_word(text, van_start)[0]
    return word.lower() in THING_NOUNS


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
        surname = i > 0 and _is_particle(words[i - 1]) and word in SURNAME_WORDS  # "van der Meer"
        if (word in STOPWORDS and not _is_particle(word) and not surname) or _is_place(word):
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


def _in_name_context(text: str, start: int, end: int) -> bool:
    """Tell whether the words start..end are followed by an age, a relative or a house number."""
    if AGE_RE.match(text, end) or POSSESSIVE_RE.match(text, end):
        return True
    return NEIGHBOUR_RE.match(text, end) is not None and not _sentence_start(text, start)


def _capword_names(text: str, m: re.Match[str]) -> list[Span]:
    """Names that start with a capitalised word: listed names and names in a telling context."""
    word = m.group()
    listed, word_like = _listed(word), word.split("-")[0] in MID_SENTENCE_NAMES
    if not listed and not word_like and _not_a_name(word):
        return []
    if any(text.startswith(p, m.start()) for p in NOT_NAME_PHRASES):
        return []
    if _after_institution(text, m.start()):
        return []
    spans = _name_spans(text, m.start(), FULL_NAME_RE, formal=False)
    if not spans or listed:
        return spans
    mid_sentence = not _sentence_start(text, m.start())
    if word_like:
        # "met Roos", "Roos (8)", "Bas de Jong"; not "Roos zijn mooi" or "Max 10 mensen"
        if mid_sentence or _in_name_context(text, m.start(), spans[0][1]):
            return spans
        return [s for s in spans if s[1] > m.end()]
    return spans if _in_name_context(text, m.start(), spans[0][1]) else []


def _listed_name_at(text: str, word: str, start: int) -> bool:
    """Tell whether the listed word at start is used as a name ("Kees", not "Albert Heijn")."""
    if not _listed(word) or _after_institution(text, start):
        return False
    if any(text.startswith(p, start) for p in NOT_NAME_PHRASES):
        return False
    return bool(_name_spans(text, start, FULL_NAME_RE, formal=False))


def _pair_names(text: str) -> Iterator[Span]:
    """"Kees en Gonda": a capitalised word next to a listed name is a name too."""
    for m in PAIR_RE.finditer(text):
        b_start, b_word = m.end(), m.group(2)
        if m.group(1) is not None and not LIST_GOES_ON_RE.match(text, b_start + len(b_word)):
            continue  # "Ahmed, Utrecht" is no list of names; "Bilal, Ilias en Sofyan" is
        a_word = TOKEN_RE.match(m.group()).group().rstrip(",")
        pair = ((a_word, m.start()), (b_word, b_start))
        for (word, start), (other, other_start) in (pair, pair[::-1]):
            if _listed(word) or _not_a_name(word) or _after_institution(text, start):
                continue
            if _listed_name_at(text, other, other_start):
                yield from _name_spans(text, start, FULL_NAME_RE, formal=False)


def _stranger_names(text: str) -> Iterator[Span]:
    """"Gonda van der Meer": an unlisted first name with a surname that has particles."""
    for m in STRANGER_RE.finditer(text):
        head = m.group(1)
        if _listed(head) or _not_a_name(head) or _after_institution(text, m.start()):
            continue
        particles = TOKEN_RE.findall(m.group(2) or "")
        if particles in (["de"], ["van"]) and _sentence_start(text, m.start()):
            continue  # "Bezocht de Kerstmarkt", "Brief van Ymere"
        surname = TOKEN_RE.findall(m.group())[-1].split("-")[-1]  # "Meer", "Hassan"
        if surname not in SURNAME_WORDS and _not_a_name(surname):
            continue
        yield from (s for s in _name_spans(text, m.start(), FULL_NAME_RE, False) if s[1] >= m.end())


def _initials_names(text: str) -> Iterator[Span]:
    """"J.P. de Vries", "met A. Bakker"; not "N.B. Graag" or "blok A. Overlast"."""
    for m in INITIALS_NAME_RE.finditer(text):
        letters = "".join(c for c in m.group(1) if c not in ". \t\r\n\u00a0")
        if letters.lower() in NOT_NAME_HEADS:
            continue
        before = _previous_word(text, m.start())[0].lower()
        if len(letters) == 1 and before not in INITIAL_CUES and before not in CUE_WORDS:
            continue
        yield from _name_spans(text, m.start(), FORMAL_NAME_RE, formal=False)


def _lowercase_names(text: str) -> Iterator[Span]:
    """"gesprek met fatima": a listed first name typed in lower case."""
    for m in LOWWORD_RE.finditer(text):
        first = m.group().split("-")[0]
        if first in LOWERCASE_NOT_NAMES or first[0].upper() + first[1:] not in FIRST_NAMES:
            continue
        if _previous_word(text, m.start())[0].lower() in DETERMINERS:
            continue  # "de roos", "een mark"
        yield from _name_spans(text, m.start(), LOWER_NAME_RE, formal=False)


def _names(text: str) -> Iterator[Span]:
    for m in HONORIFIC_RE.finditer(text):
        yield from _name_spans(text, m.end(), FORMAL_NAME_RE, formal=True)
    for m in RELATION_RE.finditer(text):
        if _names_a_thing(text, m.start()):
            continue  # "het initiatief heet Groene Vingers", "de hond heet Max"
        yield from _name_spans(text, m.end(), FULL_NAME_RE, formal=False)
    for m in KIN_OF_RE.finditer(text):
        yield from _name_spans(text, m.end(), KIN_NAME_RE, formal=False)
    for m in CAPWORD_RE.finditer(text):
        yield from _capword_names(text, m)
    yield from _pair_names(text)
    yield from _stranger_names(text)
    yield from _initials_names(text)
    yield from _lowercase_names(text)


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
