"""Tests for the guard's server-only rules (buurtlog/privacy_contact.py) through the whole guard."""

from __future__ import annotations

import pytest

from buurtlog import privacy_contact
from buurtlog.privacy import find_personal_data, find_personal_data_as_twin


def found(text: str) -> list[tuple[str, str]]:
    """Return the findings in text as (kind, matched text) pairs."""
    return [(f.kind, text[f.start : f.end]) for f in find_personal_data(text)]


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("belt vanaf +49 171 2345678 naar huis", "+49 171 2345678"),
        ("Poolse nummer +48 512 345 678.", "+48 512 345 678"),
        ("zus in Marokko: +212 612-345678", "+212 612-345678"),
        ("+212612345678", "+212612345678"),
        ("Belgisch nummer +32 470 12 34 56 gegeven", "+32 470 12 34 56"),
        ("+90 532 123 45 67 (broer)", "+90 532 123 45 67"),
        ("tel 0049 171 2345678", "0049 171 2345678"),
        ("0049-171-2345678 om 12 uur", "0049-171-2345678"),
        ("via +49.171.2345678", "+49.171.2345678"),
        ("+44 7911 123456 in Londen", "+44 7911 123456"),
        ("broer belde met 00 48 601 234 567 vanuit Gdansk", "00 48 601 234 567"),  # "00 48"
        ("nicht in Leeds +44 7911 482 309", "+44 7911 482 309"),  # possible, not yet given out
    ],
)
def test_numbers_of_other_countries(text: str, phone: str) -> None:
    """Find mobile numbers of other countries in international form with any separators."""
    assert found(text) == [("phone", phone)]


@pytest.mark.parametrize(
    "text",
    [
        "bel 112 bij nood",
        "+49 800 1234567 is gratis",
        "+31 88 123 4567",
        "0031 800 1234",
        "0900-8844",
        "op 05-06-2024 om 12:30",
        "€ 1.250,00 en 1200 euro",
        "in 2024 waren er 12",
        "rond 1990",
        "+3 graden buiten",
        "score 00 12 34",
        "+12 km gefietst",
        "kwam 3 keer, +2 kinderen",
        "groep 7 en 8: 25 kinderen",
        "+49 123",
    ],
)
def test_no_false_phones(text: str) -> None:
    """Leave service lines, dates, times, amounts, years, counts and short runs alone."""
    assert [kind for kind, _ in found(text)] == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("3531 CK 12", "postcode"),
        ("NL91ABNA0417164300", "iban"),
        ("123456782", "bsn"),
        ("NL91 ABNA 0417 1643 00", "iban"),
    ],
)
def test_other_numbers_keep_their_kind(text: str, kind: str) -> None:
    """Keep postcodes with a house number, IBANs and BSNs from becoming phones."""
    assert found(text) == [(kind, text)]


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("mail naar naam at gmail dot com graag", "naam at gmail dot com"),
        ("naam [at] hotmail [dot] nl", "naam [at] hotmail [dot] nl"),
        ("schrijf naam(at)ziggo.nl", "naam(at)ziggo.nl"),
        ("naam @ gmail . com", "naam @ gmail . com"),
        ("j.devries {at} kpnmail (dot) nl", "j.devries {at} kpnmail (dot) nl"),
        ("naam AT outlook DOT com", "naam AT outlook DOT com"),
        (
            "mailen naar anna punt bos apenstaartje live punt nl",
            "anna punt bos apenstaartje live punt nl",
        ),
    ],
)
def test_disguised_email(text: str, email: str) -> None:
    """Find e-mail addresses written with at/dot words, brackets or spaces."""
    assert found(text) == [("email", email)]


@pytest.mark.parametrize(
    "text",
    [
        "we were at home dot dot dot",
        "ze was at the office.com",
        "kijk at 5 dot com",
        "info at voedselbank dot nl",
        "at the end of the day",
        "een dot op de i",
        "look at this dot",
        "hij zat at home. Com",
        "secretariaat [at] buurthuis [dot] nl",
    ],
)
def test_no_false_disguised_email(text: str) -> None:
    """Leave prose with "at" and "dot", and an organisation's general mailbox, alone."""
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("woont op Hoendiep 112", "Hoendiep 112"),
        ("adres: ravenhorst 12", "ravenhorst 12"),
        ("Adres is hoendiep 3", "hoendiep 3"),
        ("kanaalstraat 140a", "kanaalstraat 140a"),
        ("op nummer 17 van de Kerkstraat", "nummer 17 van de Kerkstraat"),
        ("kerkstraat 12a", "kerkstraat 12a"),
        ("kerkstraat 8 bis", "kerkstraat 8 bis"),
        ("Kerkstraat 45-II", "Kerkstraat 45-II"),
        ("kerkstraat 3a-2", "kerkstraat 3a-2"),
        ("kerkstraat 14 hs", "kerkstraat 14 hs"),
        ("woont aan de Lange Nieuwstraat 3", "Lange Nieuwstraat 3"),
        ("verhuisd naar Oosterpoort 9", "Oosterpoort 9"),
        ("Kerkstraat 8 bis", "Kerkstraat 8 bis"),
        ("huisnr 12 van de Kruisstraat", "huisnr 12 van de Kruisstraat"),
        ("zij woont in de Bachstraat op 22 met haar zoon", "Bachstraat op 22"),
        ("de kerkstraat op nr 4.", "kerkstraat op nr 4"),
        ("Zij woont in flat Kanaleneiland 3-12, bel werkt niet", "flat Kanaleneiland 3-12"),
    ],
)
def test_addresses_by_shape(text: str, address: str) -> None:
    """Find street + house number in lower case and for unknown streets after a cue."""
    assert found(text) == [("address", address)]


@pytest.mark.parametrize(
    "text",
    [
        "bus 12",
        "lijn 4",
        "week 49",
        "over 2 weken",
        "groep 7",
        "kamer 3",
        "woont op kamer 3",
        "woont al 12 jaar hier",
        "om 12:30 op de snelweg 12 km",
        "adres is bekend",
        "woont bij zijn moeder 3 straten verder",
        "haar uitkering 3 mnd te laat",
        "vergadering 12 maart",
        "onderweg 12 keer gestopt",
        "woont op 3 hoog",
        "adres: bus 12",
        "woont op nummer 4",
        "kosten 12,50 euro",
        "het kerkhof 3 keer",
        "Op het Smaragdplein 12 kinderen",
        "in het park 3 eenden",
        "de weg 2 keer",
        "Op de Churchilllaan 2 fietsen gestolen",
        "in de Bachstraat op 3 plekken zwerfvuil",
        "markt op de Vismarkt op 12 december",
        "de Biltstraat op 14 uur dicht",
        "we stonden op de Oudegracht op 5 meter afstand",
        "de flat Kanaleneiland 1-2 keer per week schoongemaakt",
        "flat Overvecht 2024-2025 gerenoveerd",
    ],
)
def test_no_false_addresses(text: str) -> None:
    """Leave rooms, classes, lines, weeks, times, amounts and counts alone (kamer 3 too)."""
    assert found(text) == []


def test_twin_rules_leave_the_server_only_findings_out() -> None:
    """Let the twin's view of the guard lack exactly the server-only findings."""
    text = "Mw. Jansen, +49 171 2345678, naam at gmail dot com, kanaalstraat 140a, 0612345678"
    assert {f.kind for f in find_personal_data(text)} == {"name", "phone", "email", "address"}
    assert [(f.kind, text[f.start : f.end]) for f in find_personal_data_as_twin(text)] == [
        ("name", "Jansen"),
        ("phone", "0612345678"),
    ]


def test_past_the_parse_budget_numbers_are_flagged_unparsed() -> None:
    """Flag every number of a text crowded with distinct foreign numbers, parsed or not."""
    numbers = [f"+49 171 {2345678 + i}" for i in range(privacy_contact.PARSE_BUDGET + 10)]
    text = " en ".join(numbers)
    assert [t for kind, t in found(text) if kind == "phone"] == numbers
