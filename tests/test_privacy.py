"""Tests for the privacy guard (buurtlog/privacy.py) and its JavaScript twin."""

from __future__ import annotations

import importlib
import json
import pkgutil
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from wtforms.fields.core import UnboundField
from wtforms.validators import Length

import buurtlog
from buurtlog import privacy, privacy_js, privacy_patterns, privacy_words
from buurtlog.api.views import PRIVACY_CHECK_MAX
from buurtlog.entries import rules
from buurtlog.forms import Form, NoPersonalData
from buurtlog.privacy import CAP, Finding, find_personal_data, find_personal_data_as_twin

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "privacy_notes.jsonl"
RUNNER = ROOT / "tests" / "data" / "privacy_runner.mjs"
STATIC = ROOT / "buurtlog" / "static"
JS_FILES = (STATIC / "js" / "privacy.js", STATIC / "js" / "privacy-words.js")


def found(text: str) -> list[tuple[str, str]]:
    """Return the findings in text as (kind, matched text) pairs."""
    return [(f.kind, text[f.start : f.end]) for f in find_personal_data(text)]


def load_notes() -> list[tuple[str, list[Finding]]]:
    """Read the hand-marked test set."""
    notes = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        expected = [Finding(f["kind"], f["start"], f["end"]) for f in record["findings"]]
        notes.append((record["text"], expected))
    return notes


def run_js(texts: list[str]) -> dict:
    """Run static/js/privacy.js under node over texts."""
    node = shutil.which("node")
    assert node is not None
    completed = subprocess.run(
        [node, str(RUNNER)],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=120,
        cwd=ROOT,
    )
    return json.loads(completed.stdout)


needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="node is not on PATH")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mevrouw Jansen belde over de huur.", "Jansen"),
        ("Gesprek met meneer de Vries bij de koffietafel.", "de Vries"),
        ("Mw. El Idrissi zoekt hulp.", "El Idrissi"),
        ("mw Bakker was er weer.", "Bakker"),
        ("Dhr. J. de Wit wil helpen.", "J. de Wit"),
        ("dhr Pietersen belt terug.", "Pietersen"),
        ("Mevr. van Dijk is gevallen.", "van Dijk"),
        ("Juffrouw Smit van de school.", "Smit"),
        ("Buurman Kees repareert fietsen.", "Kees"),
        ("Buurvrouw Priscilla kookt soep.", "Priscilla"),
        ("Hij zei: mijn naam is Youssef Bakkali.", "Youssef Bakkali"),
        ("Het meisje heet Samira.", "Samira"),
        ("Ze sprak met de heer Van Leeuwen.", "Van Leeuwen"),
    ],
)
def test_names_after_cue_words(text: str, name: str) -> None:
    """Find a name after an honorific or naming cue, without the cue itself."""
    assert found(text) == [("name", name)]


@pytest.mark.parametrize(
    "name",
    [
        "Fatima el Amrani",
        "Jan de Vries",
        "Henk van der Berg",
        "Mohamed ben Ali",
        "Anouk Jansen",
        "Ayşe Öztürk",
        "Jan-Willem ter Horst",
        "Linda de Graaf-Bakker",
    ],
)
def test_first_name_with_surname(name: str) -> None:
    """Find a listed first name together with its surname and particles."""
    assert found(f"Vandaag sprak ik {name} bij de Buurtsuper.") == [("name", name)]


def test_single_first_names() -> None:
    """Find listed first names on their own, also at the start of a sentence."""
    text = "Kees en Truus kwamen koffie drinken, Ahmed kwam later."
    assert found(text) == [("name", "Kees"), ("name", "Truus"), ("name", "Ahmed")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Thuisbezoek bij fam. Kaya, de verwarming is stuk.", ["Kaya"]),
        ("Gesprek met fam Yildirim over de school.", ["Yildirim"]),
        ("Het gezin Hoogland wacht op een urgentieverklaring.", ["Hoogland"]),
        ("Gezin El Khatib heeft hulp nodig bij de aanvraag.", ["El Khatib"]),
        ("De familie Ramdin viert Divali in de buurtkamer.", ["Ramdin"]),
        ("De dochter van Hoogland doet de boodschappen.", ["Hoogland"]),
        ("De zus van de Graaf heeft de sleutel.", ["de Graaf"]),
        ("Ome Wim en tante Greet passen op de kinderen.", ["Wim", "Greet"]),
        ("Haar schoonzoon Dennis helpt met de verhuizing.", ["Dennis"]),
        ("Taalmaatje Femke oefent elke week met haar.", ["Femke"]),
    ],
)
def test_family_and_relation_cues(text: str, names: list[str]) -> None:
    """Find names after family cues, relatives, helpers and "X van Achternaam"."""
    assert found(text) == [("name", n) for n in names]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Sprak met Hadewych van der Linden over de moestuin.", ["Hadewych van der Linden"]),
        ("Ook Berendina de Haan komt naar de koffieochtend.", ["Berendina de Haan"]),
        ("Ghaith Al-Rawi zoekt een taalmaatje.", ["Ghaith Al-Rawi"]),
        ("Ook Zouhair El Bouzidi wil helpen.", ["Zouhair El Bouzidi"]),
        ("Gesprek met Magdalena Nowakowska over haar werk.", ["Magdalena Nowakowska"]),
        ("Ik sprak Taras Bondarenko bij de inloop.", ["Taras Bondarenko"]),
        ("Vandaag kwam Yaw Boateng langs.", ["Yaw Boateng"]),
        ("Overleg met J.P. Verhoef over de bewonerscommissie.", ["J.P. Verhoef"]),
        ("Aanvraag gedaan met M. Bakkali.", ["M. Bakkali"]),
    ],
)
def test_full_names_of_any_origin(text: str, names: list[str]) -> None:
    """Find first names with surnames, particles, Arabic and Slavic surnames and initials."""
    assert found(text) == [("name", n) for n in names]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Hinke (79) komt sinds kort naar de inloop.", ["Hinke"]),
        ("Gesprek met Doortje de Wit (ca. 80 jaar) over eenzaamheid.", ["Doortje de Wit"]),
        ("Hinke's zoon woont in Zwolle.", ["Hinke"]),
        ("Hinke haar kleindochter helpt met de computer.", ["Hinke"]),
        ("Gisteren kwam Hinke van nummer 8 klagen over de lift.", ["Hinke"]),
        ("Hinke en Anneke komen samen.", ["Hinke", "Anneke"]),
        ("Jasper, Hinke en Ruud hebben de tuin gewied.", ["Jasper", "Hinke", "Ruud"]),
    ],
)
def test_unknown_first_names_in_a_telling_context(text: str, names: list[str]) -> None:
    """Find unlisted first names by an age, a relative, a house number or a listed name."""
    assert found(text) == [("name", n) for n in names]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("vanmiddag gesprek gehad met samira over haar zoon.", ["samira"]),
        ("kees en ria komen donderdag weer.", ["kees", "ria"]),
        ("Gesprek met Roos over de speeltuin.", ["Roos"]),
        ("Bas de Jong wil vrijwilliger worden.", ["Bas de Jong"]),
        ("Volgens Azzouzi is de portiek al weken vies.", ["Azzouzi"]),
    ],
)
def test_lower_case_and_ambiguous_names(text: str, names: list[str]) -> None:
    """Find listed names typed in lower case, and word-like names inside a sentence."""
    assert found(text) == [("name", n) for n in names]


@pytest.mark.parametrize(
    "text",
    [
        "Roos en tulpen geplant in de moestuin.",
        "Ben je volgende week ook bij de inloop?",
        "Max 10 mensen per groep bij de workshop.",
        "Een ton schuld, en de rente loopt op.",
        "Op 12 jan begint de cursus, hij koos voor de ochtend.",
        "De roos bij de ingang is gesnoeid.",
        "Dorpshuis De Linde en Buurthuis De Kade werken samen.",
        "Moskee Al Hijra opent de deuren voor de buurt.",
        "Wijkcentrum Lydia zoekt vrijwilligers.",
        "Dag van de Mantelzorg met 40 mantelzorgers.",
        "Vereniging van Eigenaren vergadert in de bibliotheek.",
        "Puber (15) wordt gepest, vader (45) zoekt werk.",
        "Deelnemers (12) waren enthousiast.",
        "Overlast van nummer 12 is opgelost.",
        "Marokkaanse en Turkse vrouwen koken samen.",
        "Lidl, Aldi en Jumbo doneren brood.",
        "Willem de Zwijgerlaan en Kanaalweg zijn opgeknapt.",
        "Jeroen Bosch Ziekenhuis heeft een wachtlijst.",
        "Het initiatief heet Samen Sterk.",
        "N.B. Graag terugbellen voor vrijdag.",
        "In portiek B. Schimmel in de badkamer.",
        "Sint Jan en Sint Maarten vieren we samen.",
        "Tolk Arabisch geregeld, docent Nederlands is ziek.",
        "Oma's en opa's vertelden over vroeger.",
    ],
)
def test_no_false_alarms_on_name_look_alikes(text: str) -> None:
    """Report nothing for institutions, people without a name and word-like names."""
    assert found(text) == []


@pytest.mark.parametrize(
    "phone",
    [
        "06-12345678",
        "06 1234 5678",
        "0612345678",
        "06 12 34 56 78",
        "+31 6 12345678",
        "+31612345678",
        "+31 (0)6 12345678",
        "0031 6 1234 5678",
        "010-1234567",
        "020 123 4567",
        "030-2345678",
        "(030) 234 56 78",
        "010 - 765 43 21",
        "0575-123456",
        "06.48.26.15.93",
    ],
)
def test_phone_formats(phone: str) -> None:
    """Find Dutch mobile and landline numbers in common notations."""
    assert found(f"Bel haar op {phone} na 10 uur.") == [("phone", phone)]


@pytest.mark.parametrize(
    "email",
    [
        "ria.bosman@hotmail.com",
        "m.elidrissi@gmail.com",
        "henk1957@kpnmail.nl",
        "greet_van-leeuwen@ziggo.nl",
        "Sevda.Kaplan@Hotmail.com",
        "a.jansen@buurtteam.utrecht.nl",
    ],
)
def test_email_addresses(email: str) -> None:
    """Find e-mail addresses, also before a full stop."""
    assert found(f"Haar mail is {email}.") == [("email", email)]


@pytest.mark.parametrize(
    "postcode",
    [
        "3521 AB 12",
        "3521AB, nr 4",
        "3521 AB",
        "3521AB",
        "3527 KL 17a",
        "3511 BC, nummer 8",
        "3521ab",
        "3531 ck",
        "3531 ck 4",
    ],
)
def test_postcodes(postcode: str) -> None:
    """Find postcodes with or without a house number."""
    assert found(f"Het adres is {postcode} in Utrecht.") == [("postcode", postcode)]


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 en 2025 kwam ze vaak.",
        "Sinds 1985 de vaste kracht.",
        "Rond 1900 ca. gebouwd.",
        "Over 1200 km gereden.",
        "Het jaar 2023 is voorbij.",
        "Er waren 1500 bezoekers.",
    ],
)
def test_number_before_a_lower_case_word_is_no_postcode(text: str) -> None:
    """Take a lower-case postcode only with postcode letters that are no word or unit."""
    assert found(text) == []


@pytest.mark.parametrize(
    "email",
    ["info@voedselbankutrecht.nl", "Secretariaat@buurtteam.nl", "aanmelden@taalcafe.org"],
)
def test_organisation_mailbox_is_no_personal_data(email: str) -> None:
    """Leave an organisation's general mailbox alone: it names no one."""
    assert found(f"Vragen kunnen naar {email} gestuurd.") == []
    assert found(f"Mail naar ilse.devries{email[email.index('@') :]}") != []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mw. IJzerman belde vanmorgen.", "IJzerman"),
        ("Vandaag kwam dhr. IJsselstein langs.", "IJsselstein"),
    ],
)
def test_names_starting_with_ij(text: str, name: str) -> None:
    """Read a capitalised IJ ("IJzerman") as the capital it is in Dutch."""
    assert found(text) == [("name", name)]


@pytest.mark.parametrize(
    "text", ["Het IJsselmeer was onrustig.", "Ijsje gehaald bij de IJssalon.", "IJmuiden is ver."]
)
def test_ij_places_without_a_cue_are_no_name(text: str) -> None:
    """Leave an unlisted IJ word without a cue alone, like any capitalised word."""
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Vandaag kwam mw. JANSEN langs.", "JANSEN"),
        ("Dhr. EL-AMRANI belde terug.", "EL-AMRANI"),
        ("Gesprek met mevrouw ŞAHIN over de huur.", "ŞAHIN"),
    ],
)
def test_surname_in_capitals_after_a_title(text: str, name: str) -> None:
    """Find a surname written in capitals right after a title."""
    assert found(text) == [("name", name)]


def test_decomposed_accents_are_read_composed() -> None:
    """Find names pasted with combining accents, offsets pointing into the text as given."""
    text = "Vandaag kwam mw. C\u0327elik langs, daarna mw. S\u0327u\u0308kru\u0308 Yilmaz."
    assert found(text) == [("name", "C\u0327elik"), ("name", "S\u0327u\u0308kru\u0308 Yilmaz")]
    assert found("Cafe\u0301 dicht, 0612345678.") == [("phone", "0612345678")]


@pytest.mark.parametrize(
    "number",
    ["088 0767 000", "088-1234567", "+31 88 123 4567", "0031881234567"],
)
def test_public_service_numbers_are_left_alone(number: str) -> None:
    """Leave organisations' 088 numbers alone: they reach a desk, not a resident."""
    assert found(f"Gebeld met de Luisterlijn op {number} vandaag.") == []
    assert found("Gebeld met 112 en 14 030.") == []


@pytest.mark.parametrize("bsn", ["123456782", "111222333", "1234.56.782", "628 194 821"])
def test_bsn_formats(bsn: str) -> None:
    """Find nine-digit numbers that pass the 11-test, with or without separators."""
    assert found(f"Haar BSN is {bsn} volgens de brief.") == [("bsn", bsn)]


@pytest.mark.parametrize("number", ["123456789", "000000000", "628194822", "1234.56.789"])
def test_bsn_failing_eleven_test_is_ignored(number: str) -> None:
    """Ignore nine-digit numbers that fail the 11-test or are all zeros."""
    assert found(f"Dossiernummer {number} genoteerd.") == []


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164300",
        "NL91 ABNA 0417 1643 00",
        "NL76 RABO 0312 7654 87",
        "nl94asnb0707123456",
        "DE89 3704 0044 0532 0130 00",
        "BE68 5390 0754 7034",
        "GB82WEST12345698765432",
    ],
)
def test_iban_formats(iban: str) -> None:
    """Find IBANs of any country, with or without spaces."""
    assert found(f"Geld gaat naar {iban} op haar naam.") == [("iban", iban)]


@pytest.mark.parametrize(
    "iban", ["NL92ABNA0417164300", "NL91 ABNA 0417 1643 01", "BE69 5390 0754 7034"]
)
def test_iban_with_wrong_check_digits_is_ignored(iban: str) -> None:
    """Ignore IBAN look-alikes whose mod-97 check fails."""
    assert found(f"Geld gaat naar {iban} op haar naam.") == []


@pytest.mark.parametrize(
    "address",
    [
        "Churchilllaan 12",
        "Smaragdplein 4b",
        "Van Goghstraat 33-2",
        "Kanaalstraat 211",
        "Ivoorstraat 7 A",
        "Jan van Galenstraat 4",
        "Prins Hendriklaan 3",
        "Burg. Reigerstraat 19",
        "Laan van Nieuw Guinea 12",
        "Oudegracht 212",
        "Zamenhofdreef 81",
        "Vechtdijk 3",
        "Sint-Jacobsstraat 8",
        "Amsterdamsestraatweg 512",
        "Kerkplein nr. 4",
        "Rijnlaan, nummer 12",
    ],
)
def test_street_with_house_number(address: str) -> None:
    """Find a street name followed by a house number as an address."""
    assert found(f"Ze woont op de {address} sinds mei.") == [("address", address)]


def test_address_and_postcode_together() -> None:
    """Report street and postcode of one address as two findings."""
    text = "Adres: Kerkstraat 12, 3511 BC Utrecht."
    assert found(text) == [("address", "Kerkstraat 12"), ("postcode", "3511 BC")]


@pytest.mark.parametrize(
    "text",
    [
        "Dinsdag om 10:30 koffie in Wijkcentrum De Leeuw.",
        "Maandag 12-03-2024 was de Voedselbank dicht.",
        "Om 14.00 begint het Taalcafé, daarna het Geheugenhuis.",
        "Budgetmaatjes helpen 6 huishoudens in Kanaleneiland.",
        "Vrouw met 3 kinderen, 12 mensen bij de inloop.",
        "Hij is 75 jaar en heeft € 250 schuld, de huur is 850 euro.",
        "Het speeltuintje aan de Churchilllaan is kapot.",
        "Bus 12 en lijn 8 rijden minder vaak sinds 2023.",
        "Op het Smaragdplein 12 kinderen aan het voetballen.",
        "Vergadering 12 maart over de Buurtsuper.",
        "Albert Heijn heeft de koffiehoek weggehaald.",
        "Kinderen van de Anne Frankschool ruimden op.",
        "De bushalte op de Jan van Galenstraat is donker.",
        "De Jan Pieterszoon Coenstraat wordt opgeknapt.",
        "Bewoners van de Kerkstraat, 12 mensen, kwamen langs.",
        "Op 05-06-2024 12 deelnemers bij de Voedselbank.",
        "Mevrouw vertelde over haar kleinkinderen.",
        "De buurman van nummer 12 klaagt over de heg.",
    ],
)
def test_no_false_alarms_on_everyday_notes(text: str) -> None:
    """Report nothing for ordinary notes with places, times, dates, counts and amounts."""
    assert found(text) == []


def test_findings_are_sorted_and_do_not_overlap() -> None:
    """Return findings in text order without overlapping spans."""
    for text, _ in load_notes():
        findings = find_personal_data(text)
        assert findings == sorted(findings, key=lambda f: f.start)
        for a, b in zip(findings, findings[1:], strict=False):
            assert a.end <= b.start


def test_test_set_is_large_and_balanced() -> None:
    """Keep at least 220 notes, roughly half of them with personal data of every kind."""
    notes = load_notes()
    with_data = [expected for _, expected in notes if expected]
    kinds = {f.kind for expected in with_data for f in expected}
    assert len(notes) >= 220
    assert 0.35 <= len(with_data) / len(notes) <= 0.65
    assert kinds == {"name", "phone", "email", "postcode", "bsn", "iban", "address"}


def test_quality_on_test_set() -> None:
    """Reach recall >= 0.95 and precision >= 0.90 on the hand-marked notes."""

    def hit(a: Finding, b: Finding) -> bool:
        return a.kind == b.kind and a.start < b.end and b.start < a.end

    true_pred = n_pred = true_exp = n_exp = 0
    for text, expected in load_notes():
        predicted = find_personal_data(text)
        n_pred += len(predicted)
        n_exp += len(expected)
        true_pred += sum(any(hit(p, e) for e in expected) for p in predicted)
        true_exp += sum(any(hit(p, e) for p in predicted) for e in expected)
    assert true_exp / n_exp >= 0.95
    assert true_pred / n_pred >= 0.90


# Texts that exercise every rule, in odd spacing, for the JavaScript comparison.
EXTRA_TEXTS = [
    "",
    "Mw.Jansen",
    "dhr. A.B.C. van den Heuvel",
    "tel 0612345678x, IBAN nl91abna",
    "Hinke\u00a0(79)\nen Anneke,  Jasper en\tRuud",
    "•Hinke's zoon • Hinke haar dochter",
    "de zoon van\u00a0de Vries; Zouhair El-Bouzidi; Ghaith Al-Rawi",
    "met J.  Jansen, N.B. Graag",
    "ŁUKASZ Łukasz İbrahim Şahin-Çelik ömer",
    "fatima.bakkali@gmail.com fatima-zahra",
    "Stichting Al Amal, Sint Jan, Zwarte Piet, Albert Heijn en Kees",
    "Roos\nRoos (8) met Roos",
    "info@x.nl Info@X.nl jan@x.nl 088 0767 000 +31 88 123 4567 0031881234567 0612345678",
    "3531 ck 4, 2024 en 3531 CK, 1200 km, 1900 ca, 3531\u00a0ck 3531ck 3531 fo 3531 ab",
    "Mw. IJzerman, dhr. IJ, IJsselmeer, Jan-IJsbrand de Vries, IJJzer mw. IJzer-IJsman belde",
    "mw. JANSEN, Dhr. EL-AMRANI-, mw. AB1 mw. ŞAHIN mw.  A mw. AOW-AA-B, Mevrouw JA n",
    "mw. C\u0327elik, \u0301mw. S\u0327u\u0308kru\u0308 en Cafe\u0301 0612345678 mw. Jansen\u0308",
]


@needs_node
def test_js_port_matches_python_on_test_set() -> None:
    """Give the findings of the shared rules from static/js/privacy.js for every test note.

    The twin holds the shared rules only; the evidence rules run on the server alone.
    """
    texts = [text for text, _ in load_notes()] + EXTRA_TEXTS
    results = run_js(texts)["results"]
    for text, js in zip(texts, results, strict=True):
        py = [
            {"kind": f.kind, "start": f.start, "end": f.end}
            for f in find_personal_data_as_twin(text)
        ]
        assert js == py, text


@needs_node
def test_js_word_lists_match_python() -> None:
    """Keep the word lists static/js/privacy.js uses equal to the Python ones."""
    words = run_js([])["words"]
    assert set(words) == set(privacy_js.JS_LISTS)
    for key, js_words in words.items():
        assert js_words == sorted(getattr(privacy_words, key)), key


@needs_node
def test_js_regex_pieces_are_the_python_ones() -> None:
    """The browser builds its patterns from the same pieces as the server: written once in
    buurtlog/privacy_patterns.py, expanded alike on both sides, used by both."""
    pieces = run_js([])["pieces"]
    assert pieces == privacy_patterns.expand(privacy_patterns.PIECES)
    for name, pattern in {"EMAIL": privacy.EMAIL_RE, "PHONE": privacy.PHONE_RE}.items():
        assert pieces[name] == pattern.pattern
    assert pieces["CAP"] == privacy.CAP


def test_js_word_list_file_is_generated_from_python() -> None:
    """Keep static/js/privacy-words.js as `python -m buurtlog.privacy_js` writes it."""
    assert JS_FILES[1] == privacy_js.JS_PATH
    assert JS_FILES[1].read_text(encoding="utf-8") == privacy_js.render_js()


def test_javascript_stays_small() -> None:
    """Keep the browser's privacy check under 40 KiB."""
    assert sum(len(path.read_bytes()) for path in JS_FILES) <= 40 * 1024


def test_word_lists_are_consistent() -> None:
    """Spell names like the detector reads them and keep the lists from contradicting."""
    w = privacy_words
    cap = re.compile(CAP)
    for name in w.FIRST_NAMES | w.MID_SENTENCE_NAMES | w.SURNAMES:
        assert cap.fullmatch(name), name
    assert not w.FIRST_NAMES & (w.STOPWORDS | w.MID_SENTENCE_NAMES | w.SURNAMES)
    assert not w.SURNAMES & w.STOPWORDS
    assert {n.lower() for n in w.LOWERCASE_NOT_NAMES} == w.LOWERCASE_NOT_NAMES
    assert all(n.capitalize() in w.FIRST_NAMES for n in w.LOWERCASE_NOT_NAMES)
    assert w.SURNAME_WORDS <= w.STOPWORDS
    assert set(w.KIN_CUES) <= set(w.RELATION_CUES)
    assert len(w.FIRST_NAMES) >= 1500


# ---- linear time on any text (issue 22) ----
#
# pytest holds no timing thresholds (bench/privacy_worst_case.py times these texts). These tests
# pin down the structure that keeps the guard linear: every match from one position spans a
# bounded number of words, the look-back index agrees with walking back, and the guard gives
# the right answer on the adversarial texts at the field limit.


def repeated(unit: str, length: int = PRIVACY_CHECK_MAX) -> str:
    """Repeat unit to exactly length characters."""
    return (unit * (length // len(unit) + 1))[:length]


ADVERSARIAL_UNITS = [
    "Van de ",
    "van de ",
    "El Al ",
    "Gonda Hinke Jan Kees ",
    "Gonda van der Kees de ",
    "Van de Jan en De van Kees, ",
    "Jan,Kees,",
    "fatima,kees ",
    "A.",
    "A. B. ",
    "0123456789",
    "0 6 1 2 ",
    "06-12345678 ",
    "@",
    "a@",
    ".",
    "a.",
    "-",
    "Aa-",
    "a@b.nl ",
    "NL91ABNA0417164300 0612345678 ",
    "Kerkstraat 12 ",
    "Laan van ",
    "Aaaaaaaaaa",
    " ",
]


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("Van de ", []),  # the cubic one: particles alone are no name
        ("El Al ", []),
        ("A.", []),
        ("A. B. ", []),
        ("0123456789", []),
        ("@", []),
        (".", []),
        ("-", []),
        ("Aa-", []),
        ("Laan van ", []),
        ("Aaaaaaaaaa", []),
        (" ", []),
    ],
)
def test_adversarial_texts_at_the_field_limit_without_personal_data(unit, expected):
    """Answer (nothing) for long runs of particles, initials, digits, "@", "." and "-"."""
    assert found(repeated(unit)) == expected


@pytest.mark.parametrize(
    ("unit", "kinds"),
    [
        ("Jan,Kees,", {("name", "Jan"), ("name", "Kees")}),
        ("fatima,kees ", {("name", "fatima"), ("name", "kees")}),
        ("06-12345678 ", {("phone", "06-12345678")}),
        ("a@b.nl ", {("email", "a@b.nl")}),
        ("Kerkstraat 12 ", {("address", "Kerkstraat 12")}),
        (
            "NL91ABNA0417164300 0612345678 ",
            {("iban", "NL91ABNA0417164300"), ("phone", "0612345678")},
        ),
    ],
)
def test_adversarial_texts_at_the_field_limit_full_of_personal_data(unit, kinds):
    """Find every repetition of a name, number or address in a text of the longest field."""
    text = repeated(unit)
    findings = found(text)
    assert set(findings) == kinds
    whole = len(text) // len(unit)  # the last, cut-off repetition may or may not count
    assert whole * len(kinds) <= len(findings) <= (whole + 1) * len(kinds)


@pytest.mark.parametrize(
    "pattern",
    [
        "FULL_NAME_RE",
        "FORMAL_NAME_RE",
        "KIN_NAME_RE",
        "PAIR_RE",
        "INITIALS_NAME_RE",
        "STRANGER_RE",
        "STREET_RE",
        "LAAN_VAN_RE",
    ],
)
@pytest.mark.parametrize(
    "unit", ["Van de ", "El Al ", "Jan van ", "A.", "A. B. ", "Aa-", "Laan van de "]
)
def test_a_match_spans_a_bounded_number_of_words(pattern, unit):
    """Keep every match from one position within a few spaced words, however long the run.

    Unbounded runs of particles, initials and word parts let each position scan (and the
    engine backtrack) to the end of the run: quadratic or cubic time in all.
    """
    regex = getattr(privacy, pattern)
    text = repeated(unit, 2000) + ", Jan en Kees 12"
    longest = max((len(m.group().split()) for m in regex.finditer(text)), default=0)
    for start in range(0, 200, 7):
        m = regex.match(text, start)
        longest = max(longest, len(m.group().split()) if m else 0)
    # initials, particles, a name of three capitalised words with particles, a house number
    limits = privacy_patterns
    words = limits.MAX_INITIALS + limits.MAX_PARTICLES + 1 + 2 * (limits.MAX_PARTICLES + 1) + 3
    assert longest <= words


def walk_back(text: str, pos: int) -> tuple[str, int]:
    """Find the word before pos by walking back, as the guard did before issue 22."""
    i = pos
    while i > 0 and text[i - 1] in privacy.SPACES:
        i -= 1
    j = i
    while j > 0 and text[j - 1] not in privacy.SPACES:
        j -= 1
    return text[j:i], j


def test_word_index_agrees_with_walking_back():
    """Look back through the word index exactly as walking back character by character did."""
    rng = random.Random(22)
    for _ in range(200):
        text = "".join(
            rng.choice(["a", "Jan", ",", " ", "  ", "\n", "\u00a0", "."])
            for _ in range(rng.randint(0, 30))
        )
        words = privacy._Words(text)
        for pos in range(len(text) + 1):
            assert words.before(pos) == walk_back(text, pos), (text, pos)


def test_span_list_agrees_with_comparing_every_pair():
    """Tell overlaps with the sorted span list exactly as comparing with every span did."""
    rng = random.Random(22)
    for _ in range(200):
        taken, chosen = privacy._Spans(), []
        for _ in range(30):
            start = rng.randint(0, 60)
            end = start + rng.randint(1, 8)
            clash = any(not (end <= a or b <= start) for a, b in chosen)
            assert taken.overlaps(start, end) == clash
            if not clash:
                taken.add(start, end)
                chosen.append((start, end))


# Texts that make the Python side of the guard work per word: unlisted capitalised words (each
# a possible name), with an age or a relative after every few, and one long word of names.
WORK_UNITS = ADVERSARIAL_UNITS + [
    "Jan El Al ",
    "Mw. El Al El Al ",
    "El Al El Al Kees (8) ",
    "Bab Tok Fui (8) ",
    "Bab Tok Fui zijn zoon ",
    "Bab, Tok, Fui en Kees, ",
    "Jan,Kees,Jan,Kees,fatima,",
]


def steps(text: str) -> int:
    """Count the Python lines and calls find_personal_data runs on text (sys.settrace)."""
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        count += 1
        return trace

    sys.settrace(trace)
    try:
        find_personal_data(text)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("unit", WORK_UNITS)
def test_the_guard_does_work_in_proportion_to_the_text(unit):
    """Run four times as many steps, not more, on a text four times as long (no timing).

    The guard before issue 22 ran 14 times as many on "Jan,Kees,..." (each name walked back
    to the start of the one long word); the regexes are bounded by the test above.
    """
    small, large = steps(repeated(unit, 2500)), steps(repeated(unit, PRIVACY_CHECK_MAX))
    assert large <= 4.4 * small + 200, (small, large)


def test_the_word_before_is_read_in_a_bounded_stretch():
    """Read at most WORD_TAIL characters of the word before a name, whatever its length.

    "Jan,Kees,..." is one word of 10,000 characters; copying it for every name in it took
    quadratic time. Every list word, and every ending the guard reads, is far shorter.
    """
    text = repeated("Jan,Kees,")
    words = privacy._Words(text)
    for pos in range(0, len(text), 97):
        tail, start = words.tail_before(pos)
        word, word_start = words.before(pos)
        assert start == word_start and word.endswith(tail)
        assert len(tail) == min(len(word), privacy.WORD_TAIL)
    lists = [v for v in vars(privacy_words).values() if isinstance(v, frozenset | tuple)]
    longest = max(len(word) for words_ in lists for word in words_ if isinstance(word, str))
    assert longest + 2 < privacy.WORD_TAIL  # _is_org reads the ending after two letters


@needs_node
def test_js_port_matches_python_on_adversarial_texts():
    """Give identical findings from static/js/privacy.js on the adversarial texts."""
    rng = random.Random(22)
    mixed = "".join(rng.choice(ADVERSARIAL_UNITS) * rng.randint(1, 30) for _ in range(60))
    texts = [repeated(u) for u in ADVERSARIAL_UNITS] + [mixed[:PRIVACY_CHECK_MAX]]
    texts += [
        "Jan ter den el den de den Kerkstraat 4",
        "A.B.C.D.E.F.G. Jansen belde",
        "Burgemeester-van-der-Valk-Boumanstraat 12",
        "Laan van de van de Meer 3",
    ]
    for text, js in zip(texts, run_js(texts)["results"], strict=True):
        py = [
            {"kind": f.kind, "start": f.start, "end": f.end}
            for f in find_personal_data_as_twin(text)
        ]
        assert js == py, text[:60]


def free_text_fields() -> list[tuple[str, int | None]]:
    """Return every form field under the privacy guard with its Length maximum (or None)."""
    for module in pkgutil.walk_packages(buurtlog.__path__, "buurtlog."):
        if module.name.endswith(".forms"):
            importlib.import_module(module.name)
    out, todo = [], [Form]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        for name, field in vars(cls).items():
            if not isinstance(field, UnboundField):
                continue
            validators = field.kwargs.get("validators") or []
            guard = [i for i, v in enumerate(validators) if isinstance(v, NoPersonalData)]
            if not guard:
                continue
            lengths = [(i, v.max) for i, v in enumerate(validators) if isinstance(v, Length)]
            # Length must come first: the guard skips a field that already has an error.
            ok = lengths and lengths[0][0] < guard[0]
            out.append((f"{cls.__name__}.{name}", lengths[0][1] if ok else None))
    return out


def test_privacy_check_limit_is_the_longest_guarded_field():
    """Let the API check as much text as the longest guarded field holds, and no more."""
    fields = free_text_fields()
    assert len(fields) >= 10
    assert [name for name, limit in fields if limit is None] == []
    assert max(limit for _, limit in fields) == PRIVACY_CHECK_MAX
    assert max(limit for _, limit in rules.TEXTS) <= PRIVACY_CHECK_MAX


# ---- POST /api/v1/privacy-check ----


@pytest.fixture
def api(client, auth, make_user):
    """Return a client signed in as a worker."""
    auth.login_as(make_user())
    return client


def test_privacy_check_at_the_limit(api):
    """Check a text of the longest field, even the one that once hung the server."""
    response = api.post("/api/v1/privacy-check", json={"text": repeated("Van de ")})
    assert response.status_code == 200
    assert response.get_json() == {"findings": []}
    text = repeated("Jan,Kees,")
    response = api.post("/api/v1/privacy-check", json={"text": text})
    assert response.status_code == 200
    assert {text[f["start"] : f["end"]] for f in response.get_json()["findings"]} == {"Jan", "Kees"}


@pytest.mark.parametrize(
    ("data", "status"),
    [
        (json.dumps({"text": "a" * (PRIVACY_CHECK_MAX + 1)}), 413),
        (json.dumps({"text": "Van de " * 2000}), 413),
        ("{not json", 400),
        ('["text"]', 400),
        ("{}", 400),
        ('{"text": null}', 400),
        ('{"text": ["Jan"]}', 400),
        ('{"text": "Jan \\ud800 de Vries"}', 400),  # a lone surrogate
        (b'{"text": "\xff\xfe"}', 400),  # not UTF-8
        ('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", 400),  # nested too deep
        ("", 400),
    ],
)
def test_privacy_check_refuses_bad_bodies_with_json(api, data, status):
    """Answer a 4xx with a JSON error, never a 500, for too long, malformed or odd bodies."""
    response = api.post("/api/v1/privacy-check", data=data, content_type="application/json")
    assert response.status_code == status
    assert response.is_json and response.get_json()["error"]["code"] == status


@needs_node
def test_privacy_check_speaks_the_browsers_unit_too(api):
    """Give each finding in characters and in UTF-16 units; the latter are the browser check's.

    With an emoji before a name the two differ (22–28 against 23–29): a JavaScript client
    marks the text with start_utf16/end_utf16, a Python one with start/end.
    """
    texts = [
        "Koffie ☕ en 🙂 met Mevrouw Jansen, 06-12345678 👍🏽",
        "🙂🙂🙂 dhr. De Vries 𝒜 mw. El Idrissi",
        "Mevrouw Jansen belde",
        "",
    ]
    shifted = 0
    for text, js in zip(texts, run_js(texts)["results"], strict=True):
        found = api.post("/api/v1/privacy-check", json={"text": text}).get_json()["findings"]
        shifted += sum(f["start_utf16"] != f["start"] for f in found)
        assert [
            {"kind": f["kind"], "start": f["start_utf16"], "end": f["end_utf16"]} for f in found
        ] == js, text
        assert [{"kind": f["kind"], "start": f["start"], "end": f["end"]} for f in found] == [
            {"kind": f.kind, "start": f.start, "end": f.end} for f in find_personal_data(text)
        ]
        units = text.encode("utf-16-le")
        for f in found:
            assert text[f["start"] : f["end"]] == units[
                2 * f["start_utf16"] : 2 * f["end_utf16"]
            ].decode("utf-16-le")
    assert shifted >= 3  # the emoji before the names moved them
