"""The privacy guard's regex pieces, written once for the server and the browser.

privacy.py expands them (expand) and compiles every pattern it uses from them;
privacy_js.render_js writes them into static/js/privacy-words.js, where static/js/privacy.js
expands them the same way (tests/test_privacy.py compares the two). A piece names an earlier one
as {NAME}; a regex count ({2,}, {0,3}) never looks like that. Pieces made of a word list
(particles, cues, street suffixes) are described, not written out: each side builds them from
the generated list with the same alternation.

The pieces hold no \\d, \\w, \\s, \\b and need no flags: Python's re and JavaScript read them alike.
"""

from __future__ import annotations

import re

from buurtlog import privacy_words

# "van de la", "J.P.M.A.": the most particles in a row and initials one name has. A bound, not
# "*": a particle may also be a capitalised word ("Van"), and an unbounded run of them made the
# name patterns try every split of "Van de Van de ..." (cubic time).
MAX_PARTICLES = 3
MAX_INITIALS = 6
# "Burgemeester-de-Withstraat": at most MAX_WORD_PARTS parts. Unbounded, the search restarted
# after every hyphen of "Aa-Aa-Aa-..." and ran to its end each time (quadratic time).
MAX_WORD_PARTS = 6
NAME_WORDS = 1 + 2 * (MAX_PARTICLES + 1)  # the most words CAP + NAME_TAIL takes


def alternation(words: list[str] | tuple[str, ...], capitalised: bool) -> str:
    """Build a regex that matches one of the lower-case words, tried in their order.

    With capitalised, each also with a capital first letter. The words are grouped by first
    letter, each group in their order: "[Zz](?:oon|us)|[Dd](?:ochter)" matches what
    "[Zz]oon|[Dd]ochter|[Zz]us" does (the first letters tell the groups apart), but reads one
    letter at each position instead of trying every word in turn.
    """
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    parts = [
        ("[" + f.upper() + f + "]" if capitalised and f.upper() != f else f)
        + "(?:"
        + "|".join(rest)
        + ")"
        for f, rest in rests.items()
    ]
    return "(?:" + "|".join(parts) + ")"


# A piece built from a word list of privacy_words (generated into privacy-words.js as well):
# (the list's name, capitalised, a space read as any spaces, longest words first). Both sides
# build it with alternation, so the list stays the one source and the page carries no copy.
Built = tuple[str, bool, bool, bool]


def built(spec: Built) -> str:
    """Build the alternation a Built piece describes."""
    name, capitalised, spaces, longest_first = spec
    words = list(getattr(privacy_words, name))
    if longest_first:
        words.sort(key=lambda word: (-len(word), word))
    if spaces:
        words = [word.replace(" ", "{SP}+") for word in words]
    return alternation(words, capitalised)


PIECES: dict[str, str | Built] = {
    # Capitals include the Polish, Turkish and Balkan ones ("Łukasz", "Şahin", "Čelik").
    "UP": "A-ZÀ-ÖØ-ÞĄĆČĎĐĘĚĞİŁŃŇŐŒŘŚŞŠŢŤŮŰŸŹŻŽ",
    "LO": "a-zß-öø-ÿ\u0100-\u017f",
    "LETTER": "[{UP}{LO}]",
    "SP": "[ \t\r\n\u00a0]",
    "NO_WORD_BEFORE": "(?<![{UP}{LO}0-9])",
    # A name starts a word that is not inside an e-mail address, a web address or a compound.
    "WORD_START": "(?<![{UP}{LO}0-9@._\\-])",
    # "IJzerman": Dutch writes the IJ of a capitalised word as two capitals.
    "CAP_START": "(?:IJ|[{UP}])",
    "CAP": "{CAP_START}[{LO}]+(?:-{CAP_START}[{LO}]+)*(?!{LETTER})",
    "ARABIC_PARTICLE": "(?:Abou|Abu|Ait|Aït|Ben|Bin|Ibn|Ould|El|Al)",
    # A house number refuses times and decimals ("10:30", "14.00") but takes "4b", "33-2", "12 A".
    "HOUSE_NR": "(?:(?:nr|nummer|huisnummer|no)\\.?{SP}*)?[1-9][0-9]{0,3}(?![0-9]|[.,:][0-9])"
    "(?:[A-Za-z](?!{LETTER})|{SP}[A-Z](?![{UP}{LO}0-9]))?"
    "(?:-[0-9]{1,3}(?![0-9])|-[A-Za-z](?!{LETTER}))?",
    "PHONE_SEP": "(?: - |[ .-])?",
    # Two lower-case letters after a number and a space that are a word or a unit, no postcode.
    "LOWER_POSTCODE_NOT": "en|de|te|ze|we|me|er|je|al|na|ca|km|kg|cm|mm|ml|mg|pm|am|ct|mb|gb|kb"
    "|st|nd|rd",
    "EMAIL": "(?<![A-Za-z0-9._%+\\-])[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*"
    "\\.[A-Za-z]{2,}(?![A-Za-z0-9\\-])",
    "IBAN": "(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?"
    "(?![A-Za-z0-9])",
    # "3531 ck" typed in lower case: postcode letters (no f, i, o, q, u, y), not a word or unit.
    "POSTCODE": "(?<![A-Za-z0-9])[1-9][0-9]{3}(?:{SP}?[A-Z]{2}|(?!km|kg|cm|mm|ml|mg)[a-z]{2}"
    "|{SP}(?!(?:{LOWER_POSTCODE_NOT})(?![A-Za-z0-9]))[a-hj-np-tv-xz]{2})"
    "(?![A-Za-z0-9])(?:,?{SP}+{HOUSE_NR})?",
    "PHONE": "(?<![0-9+A-Za-z])(?:(?:\\+|00)31{PHONE_SEP}(?:\\(0\\){PHONE_SEP})?[1-9]"
    "(?:{PHONE_SEP}[0-9]){8}|0[1-9](?:{PHONE_SEP}[0-9]){8}"
    "|\\(0[1-9]\\){PHONE_SEP}[0-9](?:{PHONE_SEP}[0-9]){7}"
    "|\\(0[1-9][0-9]\\){PHONE_SEP}[0-9](?:{PHONE_SEP}[0-9]){6}"
    "|\\(0[1-9][0-9]{2}\\){PHONE_SEP}[0-9](?:{PHONE_SEP}[0-9]){5})(?![0-9])",
    "BSN": "(?<![0-9A-Za-z.,\\-€])(?<![0-9] )(?<!€ )[0-9](?:[ .]?[0-9]){8}(?![0-9]|[.,][0-9])",
    # A surname in capitals right after a title ("mw. JANSEN", "dhr. EL-AMRANI").
    "CAPS_NAME": "[{UP}]{2,}(?:-[{UP}]{2,})*(?!{LETTER})",
    # Built from the limits and the word lists, written out as the lists are.
    "MAX_PARTICLES": str(MAX_PARTICLES),
    "MORE_PARTICLES": str(MAX_PARTICLES - 1),
    "MORE_INITIALS": str(MAX_INITIALS - 1),
    "MORE_WORD_PARTS": str(MAX_WORD_PARTS - 1),
    "MORE_NAME_WORDS": str(NAME_WORDS - 1),
    # Particles longest first; "Van" and "El" also capitalised. Cues in either case.
    "PARTICLE_WORDS": ("PARTICLES", True, False, True),
    "LOWER_PARTICLE_WORDS": ("PARTICLES", False, False, True),
    "HONORIFIC_WORDS": ("HONORIFICS", True, True, False),
    "RELATION_WORDS": ("RELATION_CUES", True, True, False),
    "KIN_WORDS": ("KIN_CUES", True, True, False),
    "LOWER_KIN_WORDS": ("KIN_CUES", False, False, False),
    "STREET_SUFFIX": ("STREET_SUFFIXES", False, False, False),
    # Names, streets and the words around them.
    "PARTICLE": "{PARTICLE_WORDS}(?!{LETTER})",
    "LOWER_PARTICLE": "{LOWER_PARTICLE_WORDS}(?!{LETTER})",
    "PARTICLES_BEFORE": "(?:{PARTICLE}{SP}+){0,{MAX_PARTICLES}}",
    "LOWER_PARTICLES_BEFORE": "(?:{LOWER_PARTICLE}{SP}+){0,{MAX_PARTICLES}}",
    "INITIALS": "[{UP}]\\.(?:{SP}?[{UP}]\\.){0,{MORE_INITIALS}}{SP}*",
    "NAME_TAIL": "(?:{SP}+{PARTICLES_BEFORE}{CAP}){0,2}",
    "STREET_WORD": "[{UP}][{LO}]*(?:-[{UP}]?[{LO}]+){0,{MORE_WORD_PARTS}}"
    "{STREET_SUFFIX}(?!{LETTER})",
    # A capitalised particle ("Van") is one of the capitalised words already: only the lower-case
    # ones are an alternative, so that no word before the street can be read in two ways.
    "STREET": "{NO_WORD_BEFORE}((?:(?:[{UP}][{LO}]*\\.?|{LOWER_PARTICLE}){SP}+){0,3})"
    "({STREET_WORD})(?:{SP}+|,{SP}*(?=nr|nummer|huisnummer)){HOUSE_NR}",
    # "Laan van Nieuw Guinea 12": the street word comes first, followed by particles and a name.
    "LAAN_VAN": "{NO_WORD_BEFORE}()((?:Laan|Hof|Plein|Kade|Dreef|Park|Weg|Pad)){SP}+"
    "(?:(?:van|de[nr]?|het|te[nr]|['’]t){SP}+){1,{MAX_PARTICLES}}{CAP}(?:{SP}+{CAP})?{SP}+{HOUSE_NR}",
    "HONORIFIC": "{NO_WORD_BEFORE}{HONORIFIC_WORDS}(?:\\.{SP}*|{SP}+)",
    "RELATION": "{NO_WORD_BEFORE}{RELATION_WORDS}{SP}+",
    # "de dochter van (de) Vries": a relative of someone named by surname only.
    "KIN_OF": "{NO_WORD_BEFORE}{KIN_WORDS}{SP}+van{SP}+(?={LOWER_PARTICLES_BEFORE}{CAP})",
    "KIN_NAME": "{LOWER_PARTICLES_BEFORE}{CAP}{NAME_TAIL}",
    "CAPWORD": "{WORD_START}{CAP}",
    "LOWWORD": "(?<![{UP}{LO}0-9@._\\-'’])[{LO}]{3,}(?:-[{LO}]+)*(?![{UP}{LO}0-9@])",
    "FULL_NAME": "{CAP}{NAME_TAIL}",
    "LOWER_NAME": "[{LO}]+(?:-[{LO}]+)*{NAME_TAIL}",
    "FORMAL_NAME": "(?:{INITIALS})?{PARTICLES_BEFORE}{CAP}{NAME_TAIL}",
    # "J.P. de Vries", "met A. Bakker": initials and a surname without a title.
    "INITIALS_NAME": "{NO_WORD_BEFORE}({INITIALS}){PARTICLES_BEFORE}{CAP}",
    # "Gonda van der Meer", "Nizar Al-Hassan", "Maria dos Santos": a capitalised word, particles
    # and a capitalised surname. Group 2 holds the particles (none for "Al-Hassan").
    "STRANGER": "{WORD_START}({CAP}){SP}+(?:((?:{LOWER_PARTICLE}|{ARABIC_PARTICLE}(?!{LETTER}))"
    "(?:{SP}+{LOWER_PARTICLE}){0,{MORE_PARTICLES}}){SP}+|(?={ARABIC_PARTICLE}-)){CAP}",
    # "Kees en Gonda", "Bilal, Ilias en Sofyan": a name and a capitalised word side by side.
    # The look-ahead first checks, reading each word one way, that a comma, "en" or "&" follows
    # within the words a name can hold; only then are the ways to read the name tried ("El Al
    # El Al ..." has many, each a particle or a capitalised word, and no list after them).
    "PAIR": "{WORD_START}{CAP}(?=(?:{SP}+(?:[{UP}][{LO}]+(?:-[{UP}][{LO}]+)*(?!{LETTER})"
    "|{LOWER_PARTICLE})){0,{MORE_NAME_WORDS}}(?:,|{SP}+(?:en|&){SP})){NAME_TAIL}"
    "(?:(,{SP}*)|{SP}+(?:en|&){SP}+)(?=({CAP}))",
    "LIST_GOES_ON": "(?:,{SP}*|{SP}+(?:en|&){SP}+){CAP}",
    # "Gonda (82)", "Gonda de Boer (ca. 80 jaar)": an age in brackets right after the name.
    "AGE": "{SP}*\\((?:ca\\.?{SP}*)?[1-9][0-9]?(?:{SP}*(?:jaar|jr\\.?|j\\.?))?\\)",
    # "Gonda's zoon", "Gonda haar man": someone's relative.
    "POSSESSIVE": "(?:['’]s|{SP}+(?:haar|zijn|z'n|d'r)){SP}+{LOWER_KIN_WORDS}(?!{LETTER})",
    # "Gonda van nummer 12", "Gonda van drie hoog": a neighbour named by where she lives.
    "NEIGHBOUR": "{SP}+van{SP}+(?:nummer|nr|huisnummer|hiernaast|boven|beneden|de{SP}+overkant"
    "|[a-z]+hoog|[1-9]|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)(?!{LETTER})",
    "NEXT_WORD": "{SP}+({LETTER}+)",
}

PLACEHOLDER = re.compile(r"\{([A-Z_]+)\}")


def expand(pieces: dict[str, str | Built]) -> dict[str, str]:
    """Return every piece built and with the earlier pieces it names filled in, in order."""
    done: dict[str, str] = {}
    for name, piece in pieces.items():
        text = piece if isinstance(piece, str) else built(piece)
        done[name] = PLACEHOLDER.sub(lambda m: done[m.group(1)], text)
    return done
