"""Find personal data in short Dutch free-text notes before they are saved.

static/js/privacy.js ports this module's decisions and must return identical findings. Both
compile their regexes from the same pieces (buurtlog/privacy_patterns.py, generated into
static/js/privacy-words.js), which avoid everything whose meaning differs between Python and
JavaScript: no flags and no \\d, \\w, \\s or \\b (Unicode-aware in Python, not in JavaScript).

Names are found by cue words ("mevrouw", "fam.", "zijn dochter", "de zoon van"), by lists of
first names and surnames of many origins (also typed in lower case), and for other capitalised
words by a telling context: an age in brackets, a relative ("Gonda's zoon"), a house number
("Gonda van nummer 12"), a listed name beside it ("Kees en Gonda") or a surname with particles.

Every regex runs in time linear in the text, whatever the text: no repetition inside an
unbounded repetition whose parts can match the same characters in more than one way. Where
the parts overlap ("Van" is a particle and a capitalised word) the repetition is bounded by what
a name can hold: at most MAX_PARTICLES particles in a row and MAX_INITIALS initials (both in
privacy_patterns). The loops look back through a word index built once per text (_Words)
instead of walking back.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from buurtlog import privacy_contact
from buurtlog.privacy_evidence import evidence_names
from buurtlog.privacy_no_person import not_a_person
from buurtlog.privacy_patterns import (
    PIECES,
    expand,
)
from buurtlog.privacy_words import (
    DETERMINERS,
    FIRST_NAMES,
    HONORIFICS,
    INITIAL_CUES,
    LOWERCASE_NOT_NAMES,
    MID_SENTENCE_NAMES,
    NOT_NAME_HEADS,
    NOT_NAME_PHRASES,
    NOT_STREETS,
    NUMBER_UNITS,
    ORG_MAILBOXES,
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
KIND_RANK = {kind: rank for rank, kind in enumerate(KINDS)}

Span = tuple[int, int]

# Every pattern is expanded from the pieces the browser's twin shares, written once
# (buurtlog/privacy_patterns.py); here they are named and compiled.
_P = expand(PIECES)
UP, LO, LETTER, SP = _P["UP"], _P["LO"], _P["LETTER"], _P["SP"]
NO_WORD_BEFORE, WORD_START, CAP_START, CAP = (
    _P["NO_WORD_BEFORE"],
    _P["WORD_START"],
    _P["CAP_START"],
    _P["CAP"],
)
PARTICLE, LOWER_PARTICLE, ARABIC_PARTICLE = (
    _P["PARTICLE"],
    _P["LOWER_PARTICLE"],
    _P["ARABIC_PARTICLE"],
)
PARTICLES_BEFORE, LOWER_PARTICLES_BEFORE = _P["PARTICLES_BEFORE"], _P["LOWER_PARTICLES_BEFORE"]
INITIALS, NAME_TAIL, STREET_WORD = _P["INITIALS"], _P["NAME_TAIL"], _P["STREET_WORD"]
HOUSE_NR, PHONE_SEP, LOWER_POSTCODE_NOT = _P["HOUSE_NR"], _P["PHONE_SEP"], _P["LOWER_POSTCODE_NOT"]
# Longer than every word in the lists and every ending the guard reads (tests/test_privacy.py).
WORD_TAIL = 64
SPACES = " \t\r\n\u00a0"
# Characters between a sentence end and its first word: spaces, quotes, brackets, bullets.
OPENERS = SPACES + "\"'‘’“”(*•-–—"
CUE_WORDS = frozenset(c for c in HONORIFICS + RELATION_CUES if re.fullmatch("[" + LO + "]+", c))
# 088 is for organisations; 0800 and 0900 are free and paid service lines (after the leading 0).
PUBLIC_PREFIXES = ("88", "800", "900", "906", "909")

EMAIL_RE, IBAN_RE = re.compile(_P["EMAIL"]), re.compile(_P["IBAN"])
POSTCODE_RE, PHONE_RE, BSN_RE = (
    re.compile(_P["POSTCODE"]),
    re.compile(_P["PHONE"]),
    re.compile(_P["BSN"]),
)
STREET_RE, LAAN_VAN_RE = re.compile(_P["STREET"]), re.compile(_P["LAAN_VAN"])
CAPS_NAME_RE, HONORIFIC_RE = re.compile(_P["CAPS_NAME"]), re.compile(_P["HONORIFIC"])
RELATION_RE, KIN_OF_RE = re.compile(_P["RELATION"]), re.compile(_P["KIN_OF"])
KIN_NAME_RE, CAPWORD_RE = re.compile(_P["KIN_NAME"]), re.compile(_P["CAPWORD"])
LOWWORD_RE, FULL_NAME_RE = re.compile(_P["LOWWORD"]), re.compile(_P["FULL_NAME"])
LOWER_NAME_RE, FORMAL_NAME_RE = re.compile(_P["LOWER_NAME"]), re.compile(_P["FORMAL_NAME"])
INITIALS_NAME_RE, STRANGER_RE = re.compile(_P["INITIALS_NAME"]), re.compile(_P["STRANGER"])
PAIR_RE, LIST_GOES_ON_RE = re.compile(_P["PAIR"]), re.compile(_P["LIST_GOES_ON"])
AGE_RE, POSSESSIVE_RE = re.compile(_P["AGE"]), re.compile(_P["POSSESSIVE"])
NEIGHBOUR_RE, NEXT_WORD_RE = re.compile(_P["NEIGHBOUR"]), re.compile(_P["NEXT_WORD"])
# The three, starting only after a non-space (as a name's end does): in a run of spaces each
# started at every space and read to the run's end, quadratic time on "Bab" + 9,996 spaces.
CONTEXT_RES = [
    re.compile("(?<!" + SP + ")(?:" + rx.pattern + ")")
    for rx in (AGE_RE, POSSESSIVE_RE, NEIGHBOUR_RE)
]
TOKEN_RE = re.compile("[^ \t\r\n\u00a0]+")
DATE_START_RE = re.compile(r"[0-3][0-9][-./][01][0-9][-./](?:19|20)[0-9]{2}")


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind and its [start, end) character offsets."""

    kind: str
    start: int
    end: int


def _is_particle(word: str) -> bool:
    """Tell whether word is a surname particle ("van", "De", "el")."""
    return word.lower() in PARTICLES


def _is_place(word: str) -> bool:
    """Tell whether word names a street, a building or a neighbourhood by its ending."""
    low = word.lower()
    return low.endswith(PLACE_SUFFIXES)


def _is_org(word: str) -> bool:
    """Tell whether word names an institution by its ending."""
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


class _Words:
    """The whitespace-delimited words of one text, found once so that any position can look back.

    Walking back from every candidate took quadratic time on "Jan,Jan,Jan,..." (each name
    walked back to the start of the one long word); a binary search over the words does not.
    It also keeps each name's spans, which several rules ask for at the same position.
    """

    def __init__(self, text: str):
        """Index the words of text."""
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in TOKEN_RE.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())
        self._spans: dict[tuple[int, int, bool], list[Span]] = {}
        self._facts: dict[str, tuple[bool, bool, bool]] = {}
        self._heads: dict[str, tuple[bool, bool, bool]] = {}
        self._context: tuple[list[int], list[int]] | None = None
        self._ends: dict[tuple[int, int], int] = {}

    def before(self, pos: int) -> tuple[str, int]:
        """Return the word before pos (up to pos when pos is inside it) and its start."""
        k = bisect_left(self.starts, pos) - 1
        if k < 0:
            return "", 0
        start = self.starts[k]
        return self.text[start : min(self.ends[k], pos)], start

    def tail_before(self, pos: int) -> tuple[str, int]:
        """Return the last WORD_TAIL characters of the word before pos, and the word's start.

        The guard only compares that word with its lists and reads its ending: a longer word is
        in no list either way. Copying the whole word took quadratic time on "Jan,Kees,..."
        (one word of 10,000 characters, copied again for every name in it).
        """
        k = bisect_left(self.starts, pos) - 1
        if k < 0:
            return "", 0
        start = self.starts[k]
        end = min(self.ends[k], pos)
        return self.text[max(start, end - WORD_TAIL) : end], start

    def context_within(self, lo: int, hi: int) -> bool:
        """Tell whether an age, a relative or a house number may follow a name ending in lo..hi.

        False means that _in_name_context is False for every end in lo..hi after a letter. Each
        of its patterns that matches at such an end e also has a match in CONTEXT_RES's finditer
        that covers e, so the covered stretches, found once per text, rule a range out.
        """
        if self._context is None:
            found = sorted(m.span() for rx in CONTEXT_RES for m in rx.finditer(self.text))
            starts: list[int] = []
            ends: list[int] = []
            for a, b in found:
                if ends and a <= ends[-1]:
                    ends[-1] = max(ends[-1], b)
                else:
                    starts.append(a)
                    ends.append(b)
            self._context = (starts, ends)
        starts, ends = self._context
        i = bisect_right(starts, hi) - 1
        return i >= 0 and ends[i] > lo

    def match_end(self, pattern: re.Pattern[str], start: int) -> int:
        """Return where pattern's match at start ends (-1: none), matched once per position."""
        key = (start, id(pattern))
        end = self._ends.get(key)
        if end is None:
            m = pattern.match(self.text, start)
            end = self._ends[key] = -1 if m is None else m.end()
        return end

    def name_spans(self, start: int, pattern: re.Pattern[str], formal: bool) -> list[Span]:
        """Return _name_spans(self, start, pattern, formal), worked out once per position."""
        key = (start, id(pattern), formal)  # hashing a Pattern hashes all its code
        spans = self._spans.get(key)
        if spans is None:
            spans = self._spans[key] = _name_spans(self, start, pattern, formal)
        return spans

    def facts(self, word: str) -> tuple[bool, bool, bool]:
        """Tell whether word is a particle, a place and a stopword, worked out once per word.

        Kept per text, not per process: the words of notes are not kept beyond one check.
        """
        facts = self._facts.get(word)
        if facts is None:
            facts = self._facts[word] = (_is_particle(word), _is_place(word), word in STOPWORDS)
        return facts

    def head_facts(self, word: str) -> tuple[bool, bool, bool]:
        """Tell whether a capitalised word is listed, also a word ("Roos") and _not_a_name.

        Worked out once per word, and like facts kept per text only.
        """
        facts = self._heads.get(word)
        if facts is None:
            facts = self._heads[word] = (
                _listed(word),
                word.split("-")[0] in MID_SENTENCE_NAMES,
                _not_a_name(word),
            )
        return facts


def _sentence_start(text: str, pos: int) -> bool:
    """Tell whether pos opens a sentence, a line or the text."""
    i = pos
    while i > 0 and text[i - 1] in OPENERS:
        if text[i - 1] in "\r\n":
            return True
        i -= 1
    return i == 0 or text[i - 1] in ".!?:;"


def _after_institution(words: _Words, pos: int) -> bool:
    """Tell whether the word at pos names an institution: "Stichting Al Amal", "Sint Jan"."""
    word, start = words.tail_before(pos)
    if word.lower() in PARTICLES:
        word = words.tail_before(start)[0]
    return word.lower() in NOT_NAME_HEADS or _is_org(word)


def _names_a_thing(words: _Words, pos: int) -> bool:
    """Tell whether the cue at pos follows a thing: "het initiatief", "de hond van de buren"."""
    word, start = words.tail_before(pos)
    article, article_start = words.tail_before(start)
    van, van_start = words.tail_before(article_start)
    if van.lower() == "van" and article.lower() in DETERMINERS:
        word = words.tail_before(van_start)[0]
    return word.lower() in THING_NOUNS


def _name_spans(words: _Words, start: int, pattern: re.Pattern[str], formal: bool) -> list[Span]:
    """Match a name at start and cut it at the first non-name word.

    Returns the full name and its shorter word-aligned prefixes (longest first), so that a name
    running into an address ("Dirk van Vechtdijk 3") can still be kept as "Dirk".
    """
    text = words.text
    end = words.match_end(pattern, start)
    if end < 0:
        return []
    # A name holds letters, "-", ".", quotes and spaces (SP) only: str.split cuts it as TOKEN_RE.
    names = text[start:end].split()
    core: list[int] = []  # the words before the cut that are neither particles nor initials
    ends: list[int] = []  # where each word before the cut ends
    after_particle = place_cut = False
    for i, word in enumerate(names):
        is_particle, place, stopword = words.facts(word)
        if place or (
            stopword and not is_particle and not (after_particle and word in SURNAME_WORDS)
        ):
            # a stopword, unless "van der Meer"; or a place
            if place and i > 0 and not after_particle and not formal:
                return []  # "Jan Pieterszoon Coenstraat": the whole run is a street name
            place_cut = place
            break
        ends.append(text.index(word, ends[-1] if ends else start) + len(word))
        if not is_particle and not word.endswith("."):
            core.append(i)
        after_particle = is_particle
    if not core:
        return []  # particles and initials alone ("El Al El Al"): no name
    if place_cut and len(core) == 1 and not formal:
        return []  # "Jan van Galenstraat", "Anne Frankschool": a place named after someone
    if names[0] == names[0].lower() and names[core[0]] in FIRST_NAMES:
        return []  # "de buurvrouw van Kees": the name is Kees, found on its own
    return [(start, ends[i]) for i in reversed(core)]


def _in_name_context(text: str, start: int, end: int) -> bool:
    """Tell whether the words start..end are followed by an age, a relative or a house number."""
    if AGE_RE.match(text, end) or POSSESSIVE_RE.match(text, end):
        return True
    return NEIGHBOUR_RE.match(text, end) is not None and not _sentence_start(text, start)


def _capword_names(words: _Words, m: re.Match[str]) -> list[Span]:
    """Names that start with a capitalised word: listed names and names in a telling context."""
    text, word, (start, end) = words.text, m.group(), m.span()
    listed, word_like, not_a_name = words.head_facts(word)
    if not listed and not word_like:
        if not_a_name:
            return []
        # Only a telling context makes such a word a name, and the name ends between the end
        # of this word and the end of FULL_NAME_RE's match (which _name_spans cuts).
        if not words.context_within(end, words.match_end(FULL_NAME_RE, start)):
            return []
    if text.startswith(NOT_NAME_PHRASES, start) or _after_institution(words, start):
        return []
    spans = words.name_spans(start, FULL_NAME_RE, formal=False)
    if not spans or listed:
        return spans
    if word_like:
        # "met Roos", "Roos (8)", "Bas de Jong"; not "Roos zijn mooi" or "Max 10 mensen"
        if not _sentence_start(text, start) or _in_name_context(text, start, spans[0][1]):
            return spans
        return [s for s in spans if s[1] > end]
    return spans if _in_name_context(text, start, spans[0][1]) else []


def _listed_name_at(words: _Words, word: str, start: int) -> bool:
    """Tell whether the listed word at start is used as a name ("Kees", not "Albert Heijn")."""
    if not words.head_facts(word)[0] or _after_institution(words, start):
        return False
    if words.text.startswith(NOT_NAME_PHRASES, start):
        return False
    return bool(words.name_spans(start, FULL_NAME_RE, formal=False))


def _pair_names(words: _Words) -> Iterator[Span]:
    """ "Kees en Gonda": a capitalised word next to a listed name is a name too."""
    text = words.text
    for m in PAIR_RE.finditer(text):
        b_start, b_word = m.end(), m.group(2)
        if m.group(1) is not None and not LIST_GOES_ON_RE.match(text, b_start + len(b_word)):
            continue  # "Ahmed, Utrecht" is no list of names; "Bilal, Ilias en Sofyan" is
        a_token = TOKEN_RE.match(m.group())
        assert a_token is not None  # PAIR_RE's match starts with a capitalised word
        a_word = a_token.group().rstrip(",")
        pair = ((a_word, m.start()), (b_word, b_start))
        for (word, start), (other, other_start) in (pair, pair[::-1]):
            listed, _, not_a_name = words.head_facts(word)
            if listed or not_a_name or _after_institution(words, start):
                continue
            if _listed_name_at(words, other, other_start):
                yield from words.name_spans(start, FULL_NAME_RE, formal=False)


def _stranger_names(words: _Words) -> Iterator[Span]:
    """ "Gonda van der Meer": an unlisted first name with a surname that has particles."""
    text = words.text
    for m in STRANGER_RE.finditer(text):
        head = m.group(1)
        listed, _, not_a_name = words.head_facts(head)
        if listed or not_a_name or _after_institution(words, m.start()):
            continue
        particles = TOKEN_RE.findall(m.group(2) or "")
        if particles in (["de"], ["van"]) and _sentence_start(text, m.start()):
            continue  # "Bezocht de Kerstmarkt", "Brief van Ymere"
        surname = TOKEN_RE.findall(m.group())[-1].split("-")[-1]  # "Meer", "Hassan"
        if surname not in SURNAME_WORDS and _not_a_name(surname):
            continue
        yield from (s for s in words.name_spans(m.start(), FULL_NAME_RE, False) if s[1] >= m.end())


def _initials_names(words: _Words) -> Iterator[Span]:
    """ "J.P. de Vries", "met A. Bakker"; not "N.B. Graag" or "blok A. Overlast"."""
    text = words.text
    for m in INITIALS_NAME_RE.finditer(text):
        letters = "".join(c for c in m.group(1) if c not in ". \t\r\n\u00a0")
        if letters.lower() in NOT_NAME_HEADS:
            continue
        before = words.tail_before(m.start())[0].lower()
        if len(letters) == 1 and before not in INITIAL_CUES and before not in CUE_WORDS:
            continue
        yield from words.name_spans(m.start(), FORMAL_NAME_RE, formal=False)


def _lowercase_names(words: _Words) -> Iterator[Span]:
    """ "gesprek met fatima": a listed first name typed in lower case."""
    text = words.text
    for m in LOWWORD_RE.finditer(text):
        first = m.group().split("-")[0]
        if first in LOWERCASE_NOT_NAMES or first[0].upper() + first[1:] not in FIRST_NAMES:
            continue
        if words.tail_before(m.start())[0].lower() in DETERMINERS:
            continue  # "de roos", "een mark"
        yield from words.name_spans(m.start(), LOWER_NAME_RE, formal=False)


def _names(text: str) -> Iterator[Span]:
    """Find the names in text, each with its shorter word-aligned prefixes."""
    words = _Words(text)
    for m in HONORIFIC_RE.finditer(text):
        yield from words.name_spans(m.end(), FORMAL_NAME_RE, formal=True)
        if caps := CAPS_NAME_RE.match(text, m.end()):
            yield caps.start(), caps.end()  # "mw. JANSEN"
    for m in RELATION_RE.finditer(text):
        if _names_a_thing(words, m.start()):
            continue  # "het initiatief heet Groene Vingers", "de hond heet Max"
        yield from words.name_spans(m.end(), FULL_NAME_RE, formal=False)
    for m in KIN_OF_RE.finditer(text):
        yield from words.name_spans(m.end(), KIN_NAME_RE, formal=False)
    for m in CAPWORD_RE.finditer(text):
        yield from _capword_names(words, m)
    yield from _pair_names(words)
    yield from _stranger_names(words)
    yield from _initials_names(words)
    yield from _lowercase_names(words)


def _is_street_word(word: str) -> bool:
    """Tell whether a word with a street ending is a street and not a noun."""
    low = word.lower()
    if word in NOT_STREETS:
        return False
    # "Vergadering", "Schuldsanering" are nouns; ring roads end in a consonant + "ring".
    return not (low.endswith("ring") and len(low) > 4 and low[-5] in "aeiouy")


def _allowed_street_prefix(word: str) -> bool:
    """Tell whether a word before a street word belongs to the street ("Prins", "Jan")."""
    return word != word.lower() and (word in FIRST_NAMES or word.rstrip(".") in STREET_TITLES)


def _addresses(text: str) -> Iterator[Span]:
    """Find streets with a house number, with the words before them that belong to them."""
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
    """Find IBANs that pass the mod-97 check."""
    for m in IBAN_RE.finditer(text):
        if _valid_iban(m.group()):
            yield m.start(), m.end()
        elif " " in m.group():
            # The optional last group may have swallowed a short word after the IBAN.
            cut = m.group().rfind(" ")
            if _valid_iban(m.group()[:cut]):
                yield m.start(), m.start() + cut


class _Spans:
    """Non-empty, non-overlapping [start, end) spans in text order, to test a new one quickly.

    Testing each candidate against every chosen finding took quadratic time on a text full of
    findings ("Jan Jan Jan ..."); a binary search over the sorted ends does not.
    """

    def __init__(self):
        """Start with no spans."""
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Tell whether [start, end) shares a character with one of the spans."""
        i = bisect_right(self.ends, start)  # the first span that ends after start
        return i < len(self.starts) and self.starts[i] < end

    def add(self, start: int, end: int) -> None:
        """Add a span that overlaps none of the others."""
        i = bisect_right(self.ends, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _public_number(number: str) -> bool:
    """Tell whether a phone number is an organisation's (088) or a service line (0800, 0900)."""
    digits = "".join(c for c in number if c.isdigit())
    if digits.startswith("0031"):
        digits = digits[4:]
    elif number.startswith("+"):
        digits = digits[2:]
    digits = digits.removeprefix("0")
    return digits.startswith(PUBLIC_PREFIXES)


def _candidates(text: str) -> Iterator[tuple[str, int, int]]:
    """Find every piece of personal data in text as (kind, start, end), overlaps and all."""
    for m in EMAIL_RE.finditer(text):
        if m.group().split("@", 1)[0].lower() not in ORG_MAILBOXES:
            yield "email", m.start(), m.end()
    for start, end in _ibans(text):
        yield "iban", start, end
    # Digits inside an IBAN look-alike with a wrong check ("NL91 ABNA 0417 1643 01") are not
    # a phone number or BSN either.
    iban_like = _Spans()
    for m in IBAN_RE.finditer(text):
        iban_like.add(m.start(), m.end())

    def outside_iban(m: re.Match[str]) -> bool:
        """Tell whether the match lies outside every IBAN look-alike."""
        return not iban_like.overlaps(m.start(), m.end())

    for m in PHONE_RE.finditer(text):
        # "05-06-2024 12" is a date and a number
        if outside_iban(m) and not DATE_START_RE.match(m.group()) and not _public_number(m.group()):
            yield "phone", m.start(), m.end()
    for m in POSTCODE_RE.finditer(text):
        if outside_iban(m):
            yield "postcode", m.start(), m.end()
    for m in BSN_RE.finditer(text):
        if outside_iban(m) and _valid_bsn(m.group()):
            yield "bsn", m.start(), m.end()
    for start, end in _addresses(text):
        yield "address", start, end
    for start, end in _names(text):
        yield "name", start, end


def known_names_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """Compile the team's own names of places, wijken, initiatives and organisations into one
    pattern for find_personal_data's `known`: a name inside one of them is no person.

    Only names of two words or more count ("Taalcafé Aisha", "Huiskamer Fatima"): a one-word
    place named like a person ("Fatima") cannot be told from her, so it is left to the guard.
    """
    phrases = {" ".join(name.split()) for name in names if len(name.split()) >= 2}
    if not phrases:
        return None
    longest_first = sorted(phrases, key=lambda phrase: (-len(phrase), phrase))
    body = "|".join(re.escape(phrase).replace(r"\ ", SP + "+") for phrase in longest_first)
    return re.compile(NO_WORD_BEFORE + "(?:" + body + ")(?!" + LETTER + ")", re.IGNORECASE)


def find_personal_data(
    text: str, *, server_rules: bool = True, known: re.Pattern[str] | None = None
) -> list[Finding]:
    """Return the personal data in text, sorted by start and without overlaps.

    With `known` (known_names_pattern of the team's own names), a name found wholly inside one
    of those names where it stands in the text is dropped: "koffie bij Taalcafé Aisha" holds
    no person, "Aisha belde" still does.

    With server_rules (the default, the authority at save and sync) the server's own rules run
    too: names found by evidence, public figures, pets and shops dropped
    (buurtlog/privacy_evidence.py), numbers of every country, disguised e-mail and addresses
    by shape (buurtlog/privacy_contact.py). Without, only the shared rules run, those
    static/js/privacy.js holds too (find_personal_data_as_twin).

    Text pasted with decomposed accents ("C" and a combining cedilla for "Ç") is read in NFC;
    the findings' offsets still point into the text as given.
    """
    findings = _find_in_any_form(text, server_rules)
    if known is None or not any(f.kind == "name" for f in findings):
        return findings
    inside = [m.span() for m in known.finditer(text)]
    return [
        f
        for f in findings
        if f.kind != "name" or not any(start <= f.start and f.end <= end for start, end in inside)
    ]


def _find_in_any_form(text: str, server_rules: bool) -> list[Finding]:
    """Find in NFC text, with offsets into the text as given."""
    if unicodedata.is_normalized("NFC", text):
        return _find(text, server_rules)
    # Cut before every character that is not a combining mark and compose each piece on its
    # own, noting where each composed character's piece starts and ends in the original.
    starts: list[int] = []
    ends: list[int] = []
    parts: list[str] = []
    cut = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.category(text[i]).startswith("M"):
            part = unicodedata.normalize("NFC", text[cut:i])
            parts.append(part)
            starts.extend([cut] * len(part))
            ends.extend([i] * len(part))
            cut = i
    return [
        Finding(f.kind, starts[f.start], ends[f.end - 1])
        for f in _find("".join(parts), server_rules)
    ]


def find_personal_data_as_twin(text: str) -> list[Finding]:
    """Return what static/js/privacy.js finds in text: the guard without its server-only rules."""
    return find_personal_data(text, server_rules=False)


def _server_candidates(text: str) -> Iterator[tuple[str, int, int]]:
    """Find every piece of personal data, with what only the server's rules find: names by
    evidence, numbers of every country, disguised e-mail, addresses by shape."""
    yield from _candidates(text)
    for start, end in evidence_names(text):
        yield "name", start, end
    yield from privacy_contact.candidates(text)


def _find(text: str, server_rules: bool = True) -> list[Finding]:
    """Return the personal data in NFC text, sorted by start and without overlaps."""
    candidates = _server_candidates(text) if server_rules else _candidates(text)
    # Stronger kinds first, then longer spans, so "Jan van Galenstraat 4" stays one address.
    ranked = sorted(
        (KIND_RANK[kind], start - end, start, end, kind) for kind, start, end in candidates
    )
    chosen: list[tuple[int, int, str]] = []
    taken = _Spans()
    for _, _, start, end, kind in ranked:
        if not taken.overlaps(start, end):
            taken.add(start, end)
            chosen.append((start, end, kind))
    if server_rules:  # public figures, titles, pets and shops: judged once a name is chosen
        chosen = [c for c in chosen if c[2] != "name" or not not_a_person(text, c[0], c[1])]
    return [Finding(kind, start, end) for start, end, kind in sorted(chosen)]
