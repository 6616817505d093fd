"""Findings that name no resident: public figures, titles, saints, shops, streets, languages.

The server drops a name the guard found when what stands around it shows it is no person: a
public figure's or a title's phrase ("Max Verstappen", "Heel Holland Bakt"), a saint's or a
prophet's title before it, "het" or a place's preposition before it, a street it is part of
("Thomas à Kempisweg"), a language in brackets ("(frans)"), a pet ("de hond heet Max"), a
building or a shop named after someone ("Sultan Ahmet moskee", "Bakker Bart"). Used by
buurtlog/privacy.py on the findings of the shared and the evidence rules.
"""

from __future__ import annotations

import re

from buurtlog.privacy_cues import (
    LANGUAGES,
    MEDIA_FILLERS,
    MEDIA_VERBS,
    NOT_PERSON_PHRASES,
    PLACE_ENDINGS,
    PUBLIC_TITLES,
    SHOP_HEADS,
)
from buurtlog.privacy_words import FIRST_NAMES, STREET_SUFFIXES, SURNAMES, THING_NOUNS

# Particles after a name that run on into a street: "Thomas à Kempisweg", "Jan de Witstraat".
STREET_AFTER_RE = re.compile(r"[ \t]+(?:(?:de|der|den|ter|ten|à|a)[ \t]+){1,3}([A-Z]\w+)")

# The phrases each word is part of: a finding is held against those only.
_PHRASES_WITH: dict[str, list[str]] = {}
for _phrase in NOT_PERSON_PHRASES:
    for _w in set(_phrase.split()):
        _PHRASES_WITH.setdefault(_w, []).append(_phrase)


def _titled(before: list[str]) -> bool:
    """Tell whether the words before a finding run from a media verb through capitalised
    words and fillers only: what follows "kijkt", "leest" or "zingen" is a title."""
    for w in reversed(before[-6:]):
        low = w.lower().strip(",.:;")
        if low in MEDIA_VERBS:
            return True
        if not (w[:1].isupper() or low in MEDIA_FILLERS):
            return False
    return False


def not_a_person(text: str, start: int, end: int) -> bool:
    """Tell whether a name finding is a public figure, a title, a shop or a language."""
    word = text[start:end]
    for phrase in {p for w in word.split() for p in _PHRASES_WITH.get(w, ())}:
        at = text.rfind(phrase, max(0, start - len(phrase)), end + len(phrase))
        if at >= 0 and at < end and start < at + len(phrase):
            return True
    if " " not in word and len(word) >= 7 and word.lower().endswith(PLACE_ENDINGS):
        return True  # "Wijkagent Rivierenwijk"
    street = STREET_AFTER_RE.match(text, end)
    if street and street.group(1).lower().endswith(STREET_SUFFIXES):
        return True  # "Thomas à Kempisweg": part of a street's name
    if word in LANGUAGES and text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return True  # "(frans)"
    before = text[max(0, start - 60) : start].split()
    prev = before[-1] if before else ""
    if prev.lower().rstrip(".") in PUBLIC_TITLES:
        return True  # "Profeet Mohammed", "St. Maarten"
    if prev == "het" or (
        prev == "de" and " " not in word and before[-2:-1] in (["over"], ["naar"], ["in"], ["op"])
    ):
        return True  # "het Songfestival", "over de Kuip": a thing or a place
    if _titled(before):
        return True  # "kijkt Heel Holland Bakt", "leest Het Diner van Herman Koch"
    if prev == "heet":
        words = text[max(0, start - 50) : start].lower().split()[-6:]
        return any(w in THING_NOUNS for w in words)  # "de hond heet Max"
    if text[end : end + 12].split()[:1] in (["moskee"], ["kerk"], ["school"], ["stichting"]):
        return True  # "Sultan Ahmet moskee": a building named after someone
    if re.match(r"'s[ \t]+[A-Z]", text[end : end + 5]):
        return True  # "Hanna's Kitchen": a shop or a restaurant
    if prev in ("de", "het") and word in FIRST_NAMES and word not in SURNAMES:
        return True  # "bij de Dirk": a shop named after its founder
    return prev.lower() in SHOP_HEADS and prev[:1].isupper()
