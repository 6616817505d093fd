"""Names no list holds, found on the server by evidence around a word (issue 20).

The shared rules of buurtlog/privacy.py (and its browser twin static/js/privacy.js) find names
through word lists and a few telling contexts. This module runs only on the server, where the
guard is the authority at save and sync, so its lists and rules do not weigh on the phone:

* an unknown capitalised word is a name with a person verb after it ("Wiepkje belde", "Hagos
  wil", "Sjanie is ziek"), an age, a role or a phone number after it ("Noor (14)", "Achmed
  (bezorger AH)", "Yaryna: +380 …"), in a list that ends in a pair with a plural verb, or,
  inside a sentence, with a cue before it ("met Rahma", "bij X thuis", "tnv K. Ouchan",
  "vertelde Yara", "gebeld door Naoual", "zegt dat Liesje", "Vanmiddag X geholpen");
* a lower-case word is a name after a kin word or title ("oma sevda", "tante lyudmila"), or
  opening a sentence with where someone lives and what only a person does ("roosje van nr 5
  belde");
* a word is no name when it is a common Dutch word, a place, an organisation, a compound noun
  ("Sportdag", "Huisarts") or follows an article or a shop word ("de Dirk", "Bakker Bart").

How a note is split into words and what a word may be is in buurtlog/privacy_tokens.py; the
findings that name no resident (public figures, titles, saints, streets) are dropped by
buurtlog/privacy_no_person.py; the words these rules weigh are in buurtlog/privacy_cues.py.
Each rule looks at a word and its neighbours once: time linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from buurtlog.privacy_cues import (
    ADVERBS_AFTER,
    BY_PARTICIPLES,
    CUES_BEFORE,
    HOME_WORDS,
    HUMAN_VERBS,
    INVERTED_VERBS,
    KIN_WORDS,
    LOWER_CUES,
    MET_PARTICIPLES,
    NUMBER_WORDS,
    ORG_CONTEXT,
    PERSON_STATES,
    PERSON_VERBS,
    PLURAL_VERBS,
    POSSESSIVES,
    PRONOUNS,
    PUBLIC_TITLES,
    ROLES,
    SAYING_VERBS,
    SHOP_HEADS,
    SUBJECT_WORDS,
    TELLING_VERBS,
    TIME_ADVERBS,
    UIT_PLACE,
    VERB_WORDS,
)
from buurtlog.privacy_names import EXTRA_FIRST_NAMES, EXTRA_LOWER
from buurtlog.privacy_tokens import Span, Tokens, is_cap, is_place, may_be_name
from buurtlog.privacy_words import (
    DETERMINERS,
    NOT_NAME_HEADS,
    PARTICLES,
    STOPWORDS,
    THING_NOUNS,
)

INITIAL_RE = re.compile(r"(?:[A-Z]\.){1,4}")
# "Noor (14) komt", "Achmed (bezorger AH)": an age or a role in brackets right after a word.
BRACKET_AFTER_RE = re.compile(r"[ \t]*\((?:[1-9][0-9]?|1[01][0-9])(?:[ \t]*jr\.?)?\)|[ \t]*\((\w+)")
# "Abdelkrim 06-29384756", "Yaryna: +380 67 123 4567": a word right before a number is a name:
# ten digits from 0 or a country code; not a service line (0800, 0900, 088) or a BSN (nine).
# The runs of spaces are possessive: "Bab" and 10,000 spaces took 0.7 s when they backtracked.
NUMBER_AFTER_RE = re.compile(
    r"[ \t]*+(?::[ \t]*+)?(?:(?:\+|00)[1-9]|0(?!800|900|88)[1-9])(?:[ \t().\-]?[0-9]){8}"
)
# "Ngatini Soekarman 79 jr, Javaans": an age right after a name, not "Corona 2 jaar geleden".
AGE_AFTER_RE = re.compile(
    r"[ \t]*+,?[ \t]*+(?:[1-9][0-9]?|1[01][0-9])[ \t]*+(?:jr\.?|jaar)(?![\w])"
    r"(?![ \t]*+(?:geleden|lang|later|eerder|terug|al|in|op|bij|gewoond|gewerkt|getrouwd))"
)
LOWER_WORD_RE = re.compile(r"[^\W\d_]{3,}(?:-[^\W\d_]+)*")
MAX_NAME_WORDS = 3


def _name_end(tokens: Tokens, i: int) -> int:
    """Return the index of the last word of the name that starts at word i (surname and all)."""
    last = i
    j = i + 1
    while j < len(tokens.raw) and j - i < MAX_NAME_WORDS + 2 and tokens.clean_end(j - 1):
        word = tokens.word(j)
        if word in PARTICLES:
            j += 1
            continue
        after_particle = tokens.word(j - 1) in PARTICLES
        if is_cap(word) and is_place(word):
            return -1  # "Willem de Zwijgerlaan": a street named after someone
        if tokens.unknown(word) or (after_particle and is_cap(word) and word not in STOPWORDS):
            last = j
            j += 1
            continue
        break
    return last


def _skip_modifier(tokens: Tokens, last: int) -> int:
    """Return the last word of "uit Charkiv", "van hiernaast", "van de kapper" after word last.

    A worker places a person by where they come from or live before saying what they do
    ("Nadiya uit Charkiv zoekt", "Dirkje van hiernaast vraagt"); without a modifier, last.
    """
    if not tokens.clean_end(last) or tokens.lower[last + 1 : last + 2] not in (["uit"], ["van"]):
        return last
    j = last + 2
    if tokens.word(j).isdigit() and tokens.lower[j + 1 : j + 2] == ["hoog"]:
        return j + 1 if tokens.clean_end(j + 1) else last  # "Gülizar uit 3 hoog heeft"
    if tokens.word(j).lower() in DETERMINERS or tokens.word(j).lower() in NUMBER_WORDS:
        j += 1
    if j >= len(tokens.words) or not tokens.clean_end(j - 1) or not tokens.clean_end(j):
        return last
    if tokens.word(j + 1).isdigit() and tokens.clean_end(j + 1):
        j += 1  # "Dirk van Vechtdijk 3 kwam"
    return j


def _verb_after(tokens: Tokens, last: int, plural: bool) -> bool:
    """Tell whether a person verb follows word last, maybe after a modifier ("uit Charkiv")."""
    last = _skip_modifier(tokens, last)
    if not tokens.clean_end(last):
        return False
    after = tokens.word(last + 1).lower()
    if after in PERSON_VERBS or (plural and after in PLURAL_VERBS):
        return True
    if (
        after in KIN_WORDS
        and tokens.clean_end(last + 1)
        and tokens.lower[last + 2 : last + 3] == ["van"]
    ):
        return True  # "Safiya vriendin van …", "Sutrisno zoon van mw": someone's kin
    at = last + 2 if after == "en" else last + 1
    if tokens.word(at).lower() in POSSESSIVES and tokens.clean_end(at - 1):
        return tokens.word(at + 1).lower() in KIN_WORDS  # "Wendelien en haar man"
    return after == "is" and tokens.word(last + 2).lower() in PERSON_STATES


def _may_have_evidence(tokens: Tokens, i: int) -> bool:
    """Tell cheaply whether a cue stands before word i or a verb in the few words after it."""
    if tokens.lower[i - 1 : i] and tokens.lower[i - 1] in CUES_BEFORE:
        return True
    if i > 1 and tokens.lower[i - 2] in CUES_BEFORE:
        return True  # "tnv K. Ouchan"
    if tokens.lower[i - 1 : i] and tokens.lower[i - 1] in INVERTED_VERBS | PARTICLES | {"aan"}:
        return True  # "Kan Maaike-Roos"; after particles _cued_initials looks further back
    window = tokens.lower[i + 1 : i + MAX_NAME_WORDS + 5]
    return (
        any(w in KIN_WORDS for w in window[: MAX_NAME_WORDS + 1])
        or any(w in VERB_WORDS for w in window)
        or any(_number_after(tokens, i, j) or _bracket_after(tokens, j) for j in _ends(tokens, i))
        or (i > 0 and tokens.lower[i - 1] in TIME_ADVERBS | {"door", "dat"})
    )


def _ends(tokens: Tokens, i: int) -> range:
    """Return where a name opening at word i may end: itself, or a second word joined to it."""
    return range(i, i + 2 if i + 1 < len(tokens.raw) and tokens.clean_end(i) else i + 1)


def _number_after(tokens: Tokens, first: int, last: int) -> bool:
    """Tell whether a phone number follows the words first to last, which no preposition
    makes a place ("op Curaçao +599 …")."""
    if tokens.lower[first - 1 : first] and tokens.lower[first - 1] in UIT_PLACE | {"op", "aan"}:
        return False
    return bool(NUMBER_AFTER_RE.match(tokens.text, tokens.core[last][1]))


def _bracket_after(tokens: Tokens, last: int) -> bool:
    """Tell whether an age or a role in brackets follows word last: "Noor (14)", or an age
    without them: "Ngatini Soekarman 79 jr"."""
    if AGE_AFTER_RE.match(tokens.text, tokens.core[last][1]):
        return True
    m = BRACKET_AFTER_RE.match(tokens.text, tokens.core[last][1])
    return m is not None and (m.group(1) is None or m.group(1).lower() in ROLES)


def _list_before_pair(tokens: Tokens, last: int) -> bool:
    """Tell whether "Gerlof, Hylkje en Tsjerk kwamen" goes on after word last: a comma, more
    capitalised words and commas, then a pair with a plural verb."""
    j = last
    while tokens.text[tokens.core[j][1] : tokens.raw[j][1]] == "," and is_cap(tokens.word(j + 1)):
        j += 1
        if tokens.word(j + 1) == "en" and tokens.clean_end(j) and is_cap(tokens.word(j + 2)):
            return _verb_after(tokens, j + 2, plural=True)
    return False


_TELLING = [[w] for w in TELLING_VERBS]
_ORG_CONTEXT = [[w] for w in ORG_CONTEXT]
_SUBJECTS = [[w] for w in SUBJECT_WORDS]


def _done_with(tokens: Tokens, first: int, last: int) -> bool:
    """Tell whether the words first to last are someone something was done with or said of:
    "gebeld door X", "zegt dat X", "Vanmiddag X geholpen"."""
    if first < 1 or not tokens.clean_end(first - 1):
        return False
    prev, before = tokens.lower[first - 1], tokens.lower[first - 2] if first > 1 else ""
    if prev == "door" and before in BY_PARTICIPLES:
        return True
    if prev == "dat" and before in SAYING_VERBS:
        return True
    return (
        prev in TIME_ADVERBS
        and tokens.starts_sentence(first - 1)
        and tokens.clean_end(last)
        and tokens.word(last + 1).lower() in MET_PARTICIPLES
    )


def _adverb_and_pronoun(tokens: Tokens, i: int) -> bool:
    """Tell whether "Wimke weer last van haar rug": an adverb, then a pronoun in 8 words."""
    if not tokens.clean_end(i) or tokens.word(i + 1).lower() not in ADVERBS_AFTER:
        return False
    return any(w in PRONOUNS for w in tokens.lower[i + 2 : i + 10])


def _cued_initials(tokens: Tokens, i: int) -> int:
    """Return where "tnv R. van der" starts before word i: a cue, initials, particles; else -1."""
    j = i - 1
    while j > 0 and tokens.lower[j] in PARTICLES and tokens.clean_end(j):
        j -= 1
    if j == i - 1 or j < 1:
        return -1  # without particles the initials rule below finds it
    initials = INITIAL_RE.fullmatch(tokens.text[slice(*tokens.raw[j])])
    return j if initials and tokens.lower[j - 1] in CUES_BEFORE else -1


def _capitalised_names(tokens: Tokens) -> Iterator[Span]:
    """Unknown capitalised words with a person verb after or a cue before."""
    for i in range(len(tokens.raw)):
        word = tokens.words[i]
        if not word[:1].isupper() or not (_may_have_evidence(tokens, i) and tokens.unknown(word)):
            continue
        first = _cued_initials(tokens, i)
        if first >= 0:  # "tnv R. van der Linde-Bosman", "t.a.v. S. El Idrissi-Bakkali"
            last = _name_end(tokens, i)
            if last >= 0:
                yield tokens.core[first][0], tokens.core[last][1]
            continue
        prev = tokens.word(i - 1)
        prev_low = prev.lower()
        joined = i > 0 and tokens.clean_end(i - 1)
        said_of = (
            prev_low == "dat"
            and tokens.lower[i - 2 : i - 1]
            and tokens.lower[i - 2] in SAYING_VERBS
        )
        if (
            joined
            and not said_of
            and (
                prev_low in DETERMINERS
                or prev_low in NOT_NAME_HEADS
                or prev_low in SHOP_HEADS
                or prev_low in THING_NOUNS
                or (prev_low in ("bij", "met") and tokens.lower[i - 2 : i - 1] in _ORG_CONTEXT)
            )
        ):
            continue  # "de Kwekerij", "Wethouder Dijksma", "Bakker Bart", "schuld bij Klarna"
        if joined and tokens.unknown(prev) and not tokens.starts_sentence(i - 1):
            continue  # the second word of a name found from its first
        if joined and prev in PARTICLES:
            continue  # "Vereniging van Eigenaren"; "de Vries" is the shared rules' to find
        if joined and prev_low in UIT_PLACE:
            continue  # "Nadiya uit Charkiv zoekt": a place; the verb is Nadiya's
        first = i
        if i > 0 and INITIAL_RE.fullmatch(tokens.text[slice(*tokens.raw[i - 1])]):
            first = i - 1  # "tnv K. Ouchan": the cue stands before the initials
            prev = tokens.word(i - 2)
            prev_low = prev.lower()
            joined = i > 1 and tokens.clean_end(i - 2)
        last = _name_end(tokens, i)
        if last < 0:
            continue
        # "Marlous en Mirte komen": A before "en B", B after "A en".
        pair_after = (
            tokens.word(last + 1) == "en"
            and is_cap(tokens.word(last + 2))
            and tokens.clean_end(last)
        )
        pair_before = prev == "en" and joined and is_cap(tokens.word(i - 2))
        verb = (
            _verb_after(tokens, last, plural=pair_before)
            or (pair_after and _verb_after(tokens, last + 2, plural=True))
            or _list_before_pair(tokens, last)
            or _number_after(tokens, first, last)
            or _bracket_after(tokens, last)
        )
        cue = joined and (
            (not tokens.starts_sentence(first) and prev_low in CUES_BEFORE)
            or (prev_low in INVERTED_VERBS and tokens.lower[i - 2 : i - 1] not in _SUBJECTS)
            or (prev_low == "aan" and tokens.lower[i - 2 : i - 1] in _TELLING)
        )
        cue = cue or _done_with(tokens, first, last)
        if not (verb or cue) and tokens.starts_sentence(first) and last == i:
            verb = _adverb_and_pronoun(tokens, i)
        if verb or cue:
            yield tokens.core[first][0], tokens.core[last][1]


def _placed_at_start(tokens: Tokens, i: int) -> bool:
    """Tell whether word i opens a sentence with where someone lives and what only a person
    does: "roosje van nr 5 belde", not "water van boven komt"."""
    if not tokens.starts_sentence(i) or not any(
        w in HOME_WORDS for w in tokens.lower[i + 2 : i + 4]
    ):
        return False
    last = _skip_modifier(tokens, i)
    return last > i and tokens.word(last + 1).lower() in HUMAN_VERBS


def _lowercase_names(tokens: Tokens) -> Iterator[Span]:
    """A lower-case word after a kin word or title, or opening a sentence with where someone
    lives, before a verb: "oma sevda zit", "roosje van nr 5 belde"."""
    for i in range(len(tokens.raw)):
        cued = i > 0 and tokens.lower[i - 1] in LOWER_CUES and tokens.clean_end(i - 1)
        if not (cued or _placed_at_start(tokens, i)):
            continue
        word = tokens.word(i)
        if tokens.core[i] != tokens.raw[i] or not word.islower():
            continue  # "Mw (ong 45)": punctuation around it
        if not LOWER_WORD_RE.fullmatch(word):
            continue
        if not _verb_after(tokens, i, plural=False):
            continue  # "oma zorgen", "zijn broertje spelen": no name without a person verb
        cap = word[0].upper() + word[1:]
        if (
            cap in STOPWORDS
            or not may_be_name(cap)
            or word.endswith(("t", "de", "te", "lijk", "ig"))
        ):
            continue  # "oma zit", "buurman heeft", "tante uit"
        yield tokens.core[i]


def _extra_listed_names(tokens: Tokens) -> Iterator[Span]:
    """Names on the server's longer list: capitalised anywhere, lower case with evidence."""
    for i, word in enumerate(tokens.words):
        low = tokens.lower[i]
        if low not in EXTRA_LOWER:
            continue
        j = i - 1
        while j > 0 and tokens.lower[j] in PARTICLES and tokens.clean_end(j):
            j -= 1  # "Stichting Al Amal": the head before the particles
        prev_low = tokens.lower[j] if j >= 0 and tokens.clean_end(j) else ""
        if j >= 0 and tokens.lower[j] in PUBLIC_TITLES:
            continue  # "St. Maarten", "Profeet Mohammed"
        if prev_low not in CUES_BEFORE and (
            prev_low in DETERMINERS or prev_low in NOT_NAME_HEADS or prev_low in SHOP_HEADS
        ):
            continue  # "de Hanna", "Wethouder Femke": a shop or a title's holder
        if word in EXTRA_FIRST_NAMES:
            last = _name_end(tokens, i)
            if last >= 0:
                yield tokens.core[i][0], tokens.core[last][1]
        elif word == low and (
            i == 0
            or prev_low in LOWER_CUES
            or prev_low in CUES_BEFORE
            or _verb_after(tokens, i, plural=False)
        ):
            yield tokens.core[i]


def evidence_names(text: str) -> Iterator[Span]:
    """Find names that only evidence around them shows: unknown words with a verb or a cue."""
    tokens = Tokens(text)
    yield from _capitalised_names(tokens)
    yield from _lowercase_names(tokens)
    yield from _extra_listed_names(tokens)
