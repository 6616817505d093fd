"""The words an entry is grouped by: its informative words, lightly stemmed.

Worked out once, when an entry is saved (both the form and the sync store them in
`entries.grouping_terms`; retention clears them with the text), so the weekly review groups
signals without splitting a text on a page view (`review.grouping`).
"""

from __future__ import annotations

import re

WORD = re.compile(r"[a-zà-öø-ÿ]+(?:-[a-zà-öø-ÿ]+)*")
SUFFIXES = ("heden", "ingen", "tjes", "jes", "tje", "heid", "ing", "en", "je", "es", "s", "e")
VOWELS = frozenset("aeiouy")

# Dutch stopwords, and words every note about a neighbourhood uses.
_STOPWORD_TEXT = """
aan achter af al alle alleen als alsof altijd ander andere anders ben bent bij binnen boven
daar daarna daarom dan dat de deze die dit doch doen doet door dus echt een eens en enige er
erg even ga gaan gaat geen geweest had hadden heb hebben heeft heel hem het hier hij hoe
hun iemand iets ik in is ja je jij jou jouw jullie kan keer komen komt kon konden krijgen
krijgt kunnen laat laten liever maakt maar me meer men met mij mijn moet moeten na naar net
niet niemand niets nog nooit nu of om omdat ons onze ook op over paar per steeds te tegen
toch toe toen tot u uit uw van veel verder via vindt voor vooral vaak waar waarom wanneer want
was waren wat we weer wel werd wie wij wil willen wordt worden zal ze zegt zei zelf zich zij
zijn zit zitten zo zoals zodat zonder zou zouden zulke
bewoner bewoners bewoonster buurt buurtbewoner buurtbewoners wijk mensen vraag vraagt
vragen vertelt vertelde zegt gesprek praatje tafel week weken dag dagen jaar maand tijd tijdje
graag gewoon eigenlijk misschien sinds samen nieuwe nieuw oude oud goed goede grote groot klein
kleine wilde weten weet zorgen hulp helpen meneer mevrouw man vrouw weinig hele heen nergens
alweer twee drie vier vijf thuis wanneer sommige iedereen elke ieder woont zoekt praten
informatie vertellen idee
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def stem(word: str) -> str:
    """Strip the commonest Dutch inflections: plurals, diminutives, -heid, -ing, a final -e."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in VOWELS:
        word = word[:-1]  # "hekken" → "hekk" → "hek"
    return word


def _informative(word: str) -> str | None:
    """Return the stem of an informative word, or None for stopwords and short words."""
    if len(word) <= 2 or word in STOPWORDS:
        return None
    return stem(word)


def words(text: str) -> list[tuple[str, str]]:
    """Return the informative words of a text as (stem, word) pairs."""
    pairs = []
    for word in WORD.findall(text.lower()):
        stemmed = _informative(word)
        if stemmed is not None:
            pairs.append((stemmed, word))
    return pairs


def tokens(text: str) -> frozenset[str]:
    """Return the set of stems of the informative words of a text."""
    informative = _informative
    return frozenset(filter(None, map(informative, WORD.findall(text.lower()))))


def stored_terms(*texts: str | None) -> str | None:
    """Return the stems of a signal's texts as stored with it when it is saved, so grouping
    never splits a text on a page view (`entries.grouping_terms`)."""
    return " ".join(sorted(tokens(" ".join(t for t in texts if t)))) or None


def read_terms(stored: str | None) -> frozenset[str]:
    """Return the stems stored with a signal."""
    return frozenset(stored.split()) if stored else frozenset()
