"""The words of a note as the server's evidence rules read them, and what each word may be.

A note is split once into words with their spans, with and without the punctuation around
them (`Tokens`); a capitalised word may be a name unless it is a common word, a place, an
organisation, a compound noun or a language (`may_be_name`). Used by
buurtlog/privacy_evidence.py.
"""

from __future__ import annotations

import re

from buurtlog.privacy_cues import (
    COMMON_WORDS,
    LANGUAGES,
    LOWER_CUES,
    NOUN_ENDINGS,
    ORGANISATIONS,
)
from buurtlog.privacy_words import (
    DETERMINERS,
    NOT_NAME_HEADS,
    NUMBER_UNITS,
    ORG_SUFFIXES,
    PARTICLES,
    PERSON_NOUNS,
    PLACE_SUFFIXES,
    RELATION_CUES,
    STOPWORDS,
    STREET_SUFFIXES,
    THING_NOUNS,
)

Span = tuple[int, int]

TOKEN_RE = re.compile(r"\S+")
# A word with a capital first letter (also "IJ") and lower-case letters after, maybe hyphenated.
CAP_WORD_RE = re.compile(r"(?:IJ|[^\W\d_])[^\W\d_]*(?:-[^\W\d_]+)*")
LEADING = "(\"'‘“*•-–—"
TRAILING = ".,;:!?)\"'’”"
SENTENCE_END = ".!?:;•"


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """Return [start, end) without leading and trailing punctuation."""
    while start < end and text[start] in LEADING:
        start += 1
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return start, end


def is_place(word: str) -> bool:
    """Tell whether a word names a street, a place or an organisation by its ending."""
    low = word.lower()
    return (
        low.endswith(PLACE_SUFFIXES)
        or low[2:].endswith(ORG_SUFFIXES)
        or low[1:].endswith(STREET_SUFFIXES)
    )


def may_be_name(word: str) -> bool:
    """Tell whether a capitalised word can be a name: no common word, place or organisation."""
    low = word.lower()
    head = word.split("-")[0]
    return not (
        word in STOPWORDS
        or head in STOPWORDS
        or word in ORGANISATIONS
        or low in COMMON_WORDS
        or low in NOT_NAME_HEADS
        or low in PERSON_NOUNS
        or low in THING_NOUNS
        or low in NUMBER_UNITS
        or low in RELATION_CUES
        or low in PARTICLES
        or low in DETERMINERS
        or low in LOWER_CUES
        or (len(low) >= 6 and low.endswith(NOUN_ENDINGS))
        or _language(low)
        or is_place(word)
    )


def _language(low: str) -> bool:
    """Tell whether a lower-case word is a language or its adjective: "Berberse", "Chinese"."""
    return (
        low in LANGUAGES
        or (low.endswith("e") and low[:-1] in LANGUAGES)
        or (low.endswith("ese") and low[:-3] + "ees" in LANGUAGES)
    )


class Tokens:
    """The words of a text with their punctuation-free spans, read once."""

    def __init__(self, text: str):
        """Split text into words."""
        self.text = text
        self.raw: list[Span] = [m.span() for m in TOKEN_RE.finditer(text)]
        self.core: list[Span] = [_stripped(text, s, e) for s, e in self.raw]
        self.words: list[str] = [text[s:e] for s, e in self.core]
        self.lower: list[str] = [w.lower() for w in self.words]
        self.joined: list[bool] = [c[1] == r[1] for c, r in zip(self.core, self.raw, strict=True)]
        self._unknown: dict[str, bool] = {}  # a text repeats its words: judge each once

    def unknown(self, word: str) -> bool:
        """Tell whether a capitalised word can be a name (_unknown), once per word and text."""
        known = self._unknown.get(word)
        if known is None:
            known = self._unknown[word] = is_cap(word) and may_be_name(word)
        return known

    def word(self, i: int) -> str:
        """Return word i without punctuation ("" outside the text)."""
        return self.words[i] if 0 <= i < len(self.words) else ""

    def clean_end(self, i: int) -> bool:
        """Tell whether word i has no punctuation after it (it runs on into the next word)."""
        return self.joined[i]

    def starts_sentence(self, i: int) -> bool:
        """Tell whether word i opens the text or a sentence."""
        if i == 0:
            return True
        s, _ = self.raw[i - 1]
        prev = self.text[s : self.raw[i - 1][1]].rstrip("\"'’”)")
        return prev[-1:] in SENTENCE_END


def is_cap(word: str) -> bool:
    """Tell whether word is a capitalised word that may be a name."""
    return (
        bool(CAP_WORD_RE.fullmatch(word))
        and word[0].isupper()
        and (word[1:].islower() or word[:2] == "IJ" and word[2:].islower() or "-" in word)
    )
