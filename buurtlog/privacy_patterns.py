"""The privacy guard's regex pieces, written once for the server and the browser.

privacy.py expands them (expand) and compiles what it needs; privacy_words.render_js writes them
into static/js/privacy-words.js, where static/js/privacy.js expands them the same way. A piece
names an earlier one as {NAME}; a regex count ({2,}, {0,3}) never looks like that. Pieces built
from the word lists (particles, cues, street suffixes) are built in code on both sides, from the
lists generated the same way.

The pieces hold no \\d, \\w, \\s, \\b and need no flags: Python's re and JavaScript read them alike.
"""

from __future__ import annotations

import re

PIECES: dict[str, str] = {
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
}

PLACEHOLDER = re.compile(r"\{([A-Z_]+)\}")


def expand(pieces: dict[str, str]) -> dict[str, str]:
    """Return every piece with the earlier pieces it names filled in, in order."""
    done: dict[str, str] = {}
    for name, piece in pieces.items():
        done[name] = PLACEHOLDER.sub(lambda m: done[m.group(1)], piece)
    return done
