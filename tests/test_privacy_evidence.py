"""Names no list holds, found on the server by the evidence around them (issue 20)."""

from __future__ import annotations

import pytest

from buurtlog import privacy_words
from buurtlog.privacy import find_personal_data


def names(text: str, server_rules: bool = True) -> list[str]:
    """Return the names the guard finds in text."""
    return [
        text[f.start : f.end]
        for f in find_personal_data(text, server_rules=server_rules)
        if f.kind == "name"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wiebrig belde over de kapotte lift.", ["Wiebrig"]),  # a person verb after
        ("Hagosa wil een fiets lenen.", ["Hagosa"]),
        ("Sjaantje is ziek, de buren koken.", ["Sjaantje"]),  # "is" with a state
        ("Vanmiddag bij Jovanka thuis.", ["Jovanka"]),  # a cue before, inside a sentence
        ("Koffie gedronken met Tsegereda en haar zus.", ["Tsegereda"]),
        ("Vanochtend vertelde Yarinka dat het beter gaat.", ["Yarinka"]),
        ("Formulier tnv B. Azaouag ingevuld.", ["B. Azaouag"]),  # the cue before initials
        ("Reinout de Graaf komt morgen langs.", ["Reinout de Graaf"]),  # a street word surname
        ("Marloesje en Mirtel komen helpen.", ["Marloesje", "Mirtel"]),  # a plural verb
        ("oma sevgül zit veel alleen.", ["sevgül"]),  # lower case after a kin word
        ("tante lyuba wil mee naar de kookavond.", ["lyuba"]),
        ("Wiebrig, Hylkema en Tsjerkje kwamen samen.", ["Wiebrig", "Hylkema", "Tsjerkje"]),
        ("Abdelkrimo 06-29384756 terugbellen.", ["Abdelkrimo"]),  # a number after
        ("Yarynka: +380 67 123 4567", ["Yarynka"]),
        ("gisteren gebeld door Naouali, ze is in paniek", ["Naouali"]),  # done with them
        ("Buurvrouw zegt dat Liesbetje erg vergeetachtig is.", ["Liesbetje"]),  # said of them
        ("Vanmiddag Miroslavka geholpen met de brief.", ["Miroslavka"]),
        ("Gülizarte uit 3 hoog heeft een nieuwe rollator.", ["Gülizarte"]),  # where she lives
        ("Achmedin (bezorger AH) ziet dat ze niet buiten komt.", ["Achmedin"]),  # a role
        ("Tsegaye (45 jr) zoekt werk.", ["Tsegaye"]),  # an age
        ("wiepkje van nr 5 heeft bloemen geplant", ["wiepkje"]),  # where she lives, lower case
        ("Tsegereda kleindochter van de buurvrouw past op.", ["Tsegereda"]),  # someone's kin
        ("Mirtelle nicht van de buurvrouw, tel volgt.", ["Mirtelle"]),  # kin, no verb
        ("Sawitri Pawirodinomo 83 jr, alleen thuis.", ["Sawitri Pawirodinomo"]),  # an age
        ("wiebke van hiernaast houdt de sleutel.", ["wiebke"]),
    ],
)
def test_unlisted_names_by_evidence(text: str, expected: list[str]) -> None:
    """Find a name no list holds from a verb after it or a cue before it."""
    for name in expected:
        for word in name.replace(".", " ").split():
            assert word.title() not in privacy_words.FIRST_NAMES | privacy_words.SURNAMES
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sportdag wil de school in juni houden.",  # a compound noun
        "Huisarts wil dat ze vaker komt.",
        "Kaartclub komt ook in de zomer.",  # an organisation by its ending
        "Koffieochtend bij Pameijer: 8 bewoners.",  # an organisation
        "Bewoners zeggen dat Dock de jongeren kent.",  # no verb, no cue
        "Wethouder Dijkhoorn komt naar de opening.",  # a title before
        "Vereniging van Eigenaren wil de gevel schilderen.",
        "Willem de Zwijgerlaan en Kanaalweg zijn opgeknapt.",  # a street named after someone
        "Opa zit veel alleen sinds de dood van oma.",  # a kin word, no name
        "Moeder en dochter kwamen samen, zijn broertje spelen buiten.",
        "Mantelzorger voor man met Parkinson, overbelast.",
        "Met Max Verstappen op tv was de buurtkamer leeg.",  # a public figure
        "Op de kookavond werd Amazing Grace gezongen.",  # a song
        "De hond van de buren heet Max en blaft.",  # a pet
        "Nieuwe bewoner (frans) spreekt nog geen Nederlands.",  # a language
        "Boodschappen gedaan bij de Dirk.",  # a shop
        "Bakker Bart doneert het brood.",
        "Wijkagent Rivierenwijk belt terug.",  # a neighbourhood
        "Thomas à Kempisweg is afgesloten.",  # a street
        "Jan en alleman kwam op de barbecue af.",  # a saying
        "Harry Potter boekenclub in de bieb.",  # a book
        "Kinderen zongen Hallelujah van Leonard Cohen.",  # a song and its singer
        "Huisartsenpost 0900-1234567 bellen.",  # a service line
        "Terugbellen op 030-2345678 over de afspraak.",
        "Familie op Curaçao +599 9 512 3874 helpt mee.",  # a place before a number
        "Overvecht, Zuilen en Ondiep komen samen in een project.",  # places in a list
        "Vandaag Overvecht rondgelopen met de wijkagent.",  # a place, no meeting
        "gisteren gebeld door Lister over de wachtlijst",  # an organisation
        "hij zegt dat God het zo wil",
        "Buurthuis (oud) is dicht.",  # brackets without an age or a role
        "Bingo (12 deelnemers) was gezellig.",
        "water van boven komt door het plafond",  # only a person calls, asks, wants
        "folder van de gemeente heeft fouten",  # no home after "van"
        "Gezin heeft nog een achterstand bij Zwitserfin.",  # an organisation by what is owed
        "Jongens willen shirts kopen bij Sportpoint.",  # a shop by what is bought there
        "Gratis naar het museum met Ooievaarspas.",  # a pass
        "Afspraak gemaakt bij het Taalcafé.",
        "mw heeft Tabletkorf gekregen van de bieb.",  # an object, not "Heeft X…"
        "Opa kijkt elke avond Wie is de Mol en Zomergasten.",  # programmes
        "Kinderen lezen Kikkertje Groen en Otje van Annie.",  # book titles after "lezen"
        "Feest voor Sint Jozef in de kerk.",  # a saint
        "Vertelde over de Profeet Ibrahim en het offerfeest.",  # a prophet
        "Ze zingen graag Berberse liedjes.",  # a language's adjective
        "Het gesprek ging over het Zomerkamp en de Kuip.",  # a thing after "het", a place
        "Sinds Corona 2 jaar geleden is de inloop kleiner.",  # a time, not an age
        "Woont in Overvecht 12 jaar al, kent iedereen.",
    ],
)
def test_no_names_where_evidence_says_otherwise(text: str) -> None:
    """Report no name for compound nouns, organisations, public figures, pets, songs, shops."""
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("mw. Rutte belde over haar balkon", "Rutte"),
        ("Rihanna uit groep 7 en haar moeder kwamen", "Rihanna"),
    ],
)
def test_a_resident_may_share_a_public_figures_name(text: str, name: str) -> None:
    """Public figures are known by their full names; one name alone can be a resident's."""
    assert name in names(text)


def test_the_shared_rules_alone_leave_unlisted_names_to_the_server() -> None:
    """Without the server's rules (the browser twin's share) an unlisted name is not found."""
    assert names("Wiebrig belde over de lift.", server_rules=False) == []
    assert names("Wiebrig belde over de lift.") == ["Wiebrig"]


def test_offsets_of_evidence_names_survive_decomposed_accents() -> None:
    """Point into the text as given when it was pasted with decomposed accents."""
    text = "Caf\u0065\u0301 dicht. Gu\u0308lbahar belde over de huur."
    [finding] = find_personal_data(text)
    assert text[finding.start : finding.end] == "Gu\u0308lbahar"
