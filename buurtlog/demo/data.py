"""The fixed reference data of the fictional demo municipality Havenstad (GM9901 is made up)."""

from typing import TypedDict

PASSWORD = "buurtlog-demo"  # noqa: S105 - the published password of the demo accounts
SEED = 9901
WEEKS = 13
YEAR = 2026
TIMEZONE = "Europe/Amsterdam"

MUNICIPALITY = ("GM9901", "Havenstad")
# code, name, buurten as (code, name)
WIJKEN = (
    (
        "WK990101",
        "Kanaalzone",
        (
            ("BU99010101", "Smaragdplein"),
            ("BU99010102", "Sluiskwartier"),
            ("BU99010103", "Havenkade"),
        ),
    ),
    ("WK990102", "De Weiden", (("BU99010201", "Weidebuurt"), ("BU99010202", "Molenhoek"))),
    (
        "WK990103",
        "Oude Dorp",
        (("BU99010301", "Kerkbuurt"), ("BU99010302", "Dijkzicht"), ("BU99010303", "Lindehof")),
    ),
    ("WK990104", "Parkwijk", (("BU99010401", "Parkzoom"), ("BU99010402", "Vogelbuurt"))),
)

# Plausible CBS key figures per buurt (made up, as Havenstad is): inhabitants, households,
# single-person households, the age bands 0–14, 15–24, 25–44, 45–64, 65+ in percent, the
# percentage of households with a low income and of homes owned by a housing corporation.
# The loader adds the buurten up to their wijk and the gemeente, as CBS's table holds all three.
FIGURES_YEAR = 2025
BUURT_FIGURES = {
    "BU99010101": (3870, 1905, 915, (19, 15, 31, 22, 13), 16.0, 58.0),
    "BU99010102": (2455, 1090, 430, (22, 13, 30, 23, 12), 13.0, 49.0),
    "BU99010103": (1510, 860, 520, (9, 14, 41, 24, 12), 9.0, 31.0),
    "BU99010201": (2980, 1420, 640, (12, 9, 20, 27, 32), 8.0, 36.0),
    "BU99010202": (1765, 905, 480, (8, 7, 17, 28, 40), 10.0, 44.0),
    "BU99010301": (2240, 1010, 395, (13, 10, 21, 29, 27), 6.0, 22.0),
    "BU99010302": (1385, 600, 210, (15, 11, 22, 30, 22), 5.0, 18.0),
    "BU99010303": (940, 505, 265, (6, 6, 14, 26, 48), 7.0, 35.0),
    "BU99010401": (3315, 1280, 300, (27, 11, 33, 21, 8), 4.0, 15.0),
    "BU99010402": (2690, 1135, 355, (21, 12, 29, 24, 14), 6.0, 27.0),
}

# A made-up map of Havenstad: each area a block of a 6 × 4 grid (x east, y north, in steps of
# MAP_STEP degrees from MAP_ORIGIN), with jittered edges drawn by the loader.
MAP_ORIGIN = (4.9012, 51.8123)  # longitude, latitude
MAP_STEP = (0.0075, 0.0045)  # about 500 m each way
MAP_BLOCKS = {
    "GM9901": (0, 0, 6, 4),
    "WK990101": (0, 0, 3, 2),
    "BU99010101": (0, 0, 1, 2),
    "BU99010102": (1, 0, 2, 2),
    "BU99010103": (2, 0, 3, 2),
    "WK990102": (3, 0, 6, 2),
    "BU99010201": (3, 0, 5, 2),
    "BU99010202": (5, 0, 6, 2),
    "WK990103": (0, 2, 3, 4),
    "BU99010301": (0, 2, 2, 3),
    "BU99010302": (0, 3, 2, 4),
    "BU99010303": (2, 2, 3, 4),
    "WK990104": (3, 2, 6, 4),
    "BU99010401": (3, 2, 5, 4),
    "BU99010402": (5, 2, 6, 4),
}

# area code, name, kind (models.PLACE_KINDS); never a private address
PLACES = (
    ("BU99010101", "Tafel Buurtsuper Smaragdplein", "shop_table"),
    ("BU99010101", "Smaragdplein", "square"),
    ("BU99010102", "Speelveld Sluiskwartier", "park"),
    ("BU99010102", "Schoolplein De Vaart", "school"),
    ("BU99010103", "Havenmarkt", "market"),
    ("BU99010103", "Buurthuis De Kade", "community_centre"),
    ("BU99010201", "Wijkcentrum De Leeuw", "community_centre"),
    ("BU99010201", "Bibliotheek De Weiden", "library"),
    ("BU99010202", "Molenplein", "square"),
    ("BU99010202", "Tafel Supermarkt Molenhoek", "shop_table"),
    ("BU99010301", "Dorpsplein", "square"),
    ("BU99010301", "Weekmarkt Oude Dorp", "market"),
    ("BU99010301", "Dorpshuis De Linde", "community_centre"),
    ("BU99010302", "Bibliotheek Oude Dorp", "library"),
    ("BU99010303", "Tafel Buurtsuper Lindehof", "shop_table"),
    ("BU99010401", "Stadspark Havenstad", "park"),
    ("BU99010401", "Tafel Buurtsuper Parkzoom", "shop_table"),
    ("BU99010402", "Schoolplein IKC De Regenboog", "school"),
    ("BU99010402", "Buurtkamer Vogelbuurt", "community_centre"),
)

# slug, Dutch name, English name, sensitive; the order is the display order (position)
THEMES = (
    ("eenzaamheid", "Eenzaamheid", "Loneliness", False),
    ("armoede-schulden", "Armoede & schulden", "Poverty & debts", False),
    ("veiligheid", "Veiligheid", "Safety", False),
    ("spelen", "Spelen", "Play", False),
    ("wonen", "Wonen", "Housing", False),
    ("zorg", "Zorg", "Care", False),
    ("opvoeding", "Opvoeding", "Parenting", False),
    ("gezondheid", "Gezondheid", "Health", False),
    ("taal", "Taal", "Language", False),
    ("werk", "Werk", "Work", False),
    ("ontmoeting", "Ontmoeting", "Meeting people", False),
    ("groen", "Groen", "Green spaces", False),
    ("energie", "Energie", "Energy", False),
    ("diversiteit", "Diversiteit", "Diversity", False),
    ("digitaal", "Digitale vaardigheden", "Digital skills", False),
    ("huiselijk-geweld", "Huiselijk geweld", "Domestic violence", True),
    ("verslaving", "Verslaving", "Addiction", True),
    ("psychische-gezondheid", "Psychische gezondheid", "Mental health", True),
)

# team name, the wijken it covers
TEAMS = (("Team Zuid", ("WK990101", "WK990102")), ("Team Noord", ("WK990103", "WK990104")))

# email, name, role, team, home wijk, working weekdays (0 = Monday)
USERS = (
    ("admin@havenstad.example", "Joost van Dam", "admin", None, None, ()),
    ("coordinator.zuid@havenstad.example", "Marieke de Boer", "coordinator", "Team Zuid", None, ()),
    ("coordinator.noord@havenstad.example", "Erik Jansen", "coordinator", "Team Noord", None, ()),
    ("sanne@havenstad.example", "Sanne Visser", "worker", "Team Zuid", "WK990101", (0, 1, 2, 3)),
    ("ahmed@havenstad.example", "Ahmed El Amrani", "worker", "Team Zuid", "WK990101", (1, 2, 3, 4)),
    ("lotte@havenstad.example", "Lotte Bakker", "worker", "Team Zuid", "WK990102", (0, 1, 3, 4)),
    ("fatma@havenstad.example", "Fatma Yilmaz", "worker", "Team Noord", "WK990103", (0, 1, 2, 4)),
    (
        "jeroen@havenstad.example",
        "Jeroen de Vries",
        "worker",
        "Team Noord",
        "WK990104",
        (0, 2, 3, 4),
    ),
    ("priya@havenstad.example", "Priya Ramdin", "worker", "Team Noord", "WK990104", (1, 2, 3, 4)),
)

# How often each theme comes up per wijk (relative weights; themes not named weigh 1).
THEME_PROFILES = {
    "WK990101": {
        "armoede-schulden": 7,
        "taal": 5,
        "veiligheid": 5,
        "spelen": 3,
        "wonen": 5,
        "werk": 4,
        "diversiteit": 3,
        "opvoeding": 3,
        "energie": 3,
    },
    "WK990102": {
        "eenzaamheid": 7,
        "zorg": 6,
        "gezondheid": 5,
        "ontmoeting": 5,
        "digitaal": 4,
        "wonen": 2,
        "groen": 2,
    },
    "WK990103": {
        "eenzaamheid": 5,
        "ontmoeting": 6,
        "groen": 5,
        "energie": 4,
        "wonen": 3,
        "zorg": 3,
        "veiligheid": 2,
    },
    "WK990104": {
        "opvoeding": 6,
        "spelen": 5,
        "diversiteit": 4,
        "taal": 4,
        "werk": 3,
        "groen": 3,
        "gezondheid": 3,
        "armoede-schulden": 3,
    },
}
SENSITIVE_WEIGHT = 0.6


# The planted trend: an unsafe playground in Kanaalzone over the last three weeks.
class Rise(TypedDict):
    """Where, about what, how recently and how strongly the demo's signals rise."""

    wijk: str
    theme: str
    days: int
    factor: int
    place: str


RISE: Rise = {
    "wijk": "WK990101",
    "theme": "spelen",
    "days": 21,
    "factor": 6,
    "place": "Speelveld Sluiskwartier",
}
# Themes that strengths and ideas tend to be about.
POSITIVE_THEMES = ("ontmoeting", "groen", "spelen", "taal", "diversiteit", "energie", "werk")

KINDS = {"signal": 35, "contact": 20, "question": 20, "strength": 15, "idea": 10}
FOLLOW_UPS = {"none": 60, "feedback": 18, "refer": 11, "collective": 9, "urgent": 2}
CONTACT_TYPES = {"resident": 80, "entrepreneur": 5, "professional": 6, "volunteer": 6, "group": 3}
# Settings that fit a place of each kind.
SETTINGS_BY_PLACE = {
    "shop_table": {"shop_table": 95, "street": 5},
    "community_centre": {"walk_in": 70, "network": 12, "initiative": 18},
    "library": {"walk_in": 65, "initiative": 25, "network": 10},
    "square": {"street": 93, "initiative": 7},
    "market": {"street": 97, "other": 3},
    "school": {"street": 85, "network": 15},
    "park": {"street": 80, "initiative": 20},
}
PLACE_KIND_WEIGHTS = {
    "shop_table": 5,
    "community_centre": 4,
    "library": 2,
    "square": 2,
    "market": 2,
    "school": 2,
    "park": 2,
}
# Contacts away from the places: no place is recorded for a home visit or a phone call.
SETTINGS_AWAY = {"home_visit": 45, "phone": 40, "other": 15}

# Free text: short, realistic and without any personal data.
NOTES = {
    "eenzaamheid": (
        "Oudere bewoner komt elke week aan de tafel, vooral voor een praatje.",
        "Sinds het overlijden van haar man komt ze nauwelijks nog buiten.",
        "Zit vaak alleen op het bankje bij de ingang, begon zelf een gesprek.",
        "Vraagt of er ergens een koffieochtend is zonder afspraak.",
    ),
    "armoede-schulden": (
        "Maakt zich zorgen over de energierekening en laat de post liggen.",
        "Vertelt dat het eind van de maand steeds eerder begint.",
        "Kent de voedselbank wel, maar schaamt zich om erheen te gaan.",
        "Kinderen kunnen niet mee op schoolreis omdat er geen geld voor is.",
    ),
    "veiligheid": (
        "Straatverlichting bij het fietspad is al weken kapot.",
        "Jongeren hangen 's avonds bij de ingang van de flat, bewoners voelen zich onprettig.",
        "Meerdere bewoners noemen hard rijden in de straat rond schooltijd.",
    ),
    "spelen": (
        "Zoon durft niet meer naar het veldje sinds de vernielingen.",
        "Glas en kapotte hekken bij de speeltuin, ouders houden kinderen binnen.",
        "Het klimrek is afgezet met linten, niemand weet wanneer het gerepareerd wordt.",
        "Moeders willen zelf een opruimochtend bij de speelplek organiseren.",
    ),
    "wonen": (
        "Schimmel in de badkamer, de melding bij de verhuurder blijft liggen.",
        "Tocht en vocht in de flat, de verwarming krijgt het niet warm.",
        "Bewoners van de portiekflat weten niet wie ze moeten bellen bij overlast.",
    ),
    "zorg": (
        "Mantelzorger voor haar moeder, loopt op haar tenen en wilde even haar verhaal kwijt.",
        "Weet niet waar hij hulp kan vragen bij het huishouden na een operatie.",
        "Buurvrouw let op een oudere bewoner maar vindt het te zwaar worden.",
    ),
    "opvoeding": (
        "Ouders zoeken een plek om andere ouders te ontmoeten.",
        "Alleenstaande moeder twijfelt of ze hulp mag vragen bij de opvoeding.",
        "Puber zit veel thuis en gamet tot diep in de nacht, ouder maakt zich zorgen.",
    ),
    "gezondheid": (
        "Loopt slecht en komt daardoor amper nog bij de supermarkt.",
        "Wil graag meer bewegen maar vindt de sportschool te duur.",
        "Heeft geen huisarts meer en weet niet hoe je je inschrijft.",
    ),
    "taal": (
        "Spreekt de taal nog weinig en durft daardoor niet naar school te bellen.",
        "Zoekt een taalmaatje om te oefenen in gewone gesprekken.",
        "Brieven van de gemeente zijn lastig te lezen, vraagt vaak de buren om hulp.",
    ),
    "werk": (
        "Zoekt al lang werk, solliciteert veel maar krijgt geen reactie.",
        "Wil vrijwilligerswerk doen om weer een ritme te krijgen.",
        "Heeft een diploma uit het buitenland dat hier niet erkend wordt.",
    ),
    "ontmoeting": (
        "Bewoners missen een plek in de buurt om gewoon even binnen te lopen.",
        "Het buurtfeest van vorig jaar wordt nog steeds genoemd.",
        "Nieuwe bewoners kennen nog niemand in de straat.",
    ),
    "groen": (
        "Zwerfafval bij de containers is een steeds terugkerende ergernis.",
        "Enthousiast over de moestuinbakken, wil er graag een tweede bij.",
        "Bomen in de straat worden gekapt en niemand weet waarom.",
    ),
    "energie": (
        "Vraagt of er iemand langs kan komen met tips om energie te besparen.",
        "Huis is slecht geïsoleerd, zit binnen met een jas aan.",
    ),
    "diversiteit": (
        "Voelt zich als nieuwkomer niet welkom bij de activiteiten in de buurt.",
        "Ervaart opmerkingen in de winkel als kwetsend, weet niet wat ermee te doen.",
    ),
    "digitaal": (
        "Kan niet inloggen bij de gemeente en is bang iets te missen.",
        "Vraagt hulp bij het aanvragen van een toeslag via de computer.",
    ),
    "huiselijk-geweld": (
        "Zorgen over de thuissituatie besproken, afspraak gemaakt met het wijkteam.",
        "Signaal over spanningen thuis, zorgvuldig opgepakt volgens de meldcode.",
    ),
    "verslaving": (
        "Maakt zich zorgen over het drinken van een huisgenoot, informatie gegeven.",
        "Bewoners noemen gebruik in het portiek, besproken met collega's.",
    ),
    "psychische-gezondheid": (
        "Vertelt dat het somber gaat en slecht slaapt, samen gekeken naar hulp.",
        "Wil graag met iemand praten, nog geen contact met de huisarts.",
    ),
    "strength": (
        "Gepensioneerde timmerman wil helpen met kleine klusjes bij buren.",
        "Bewoonster kookt graag en wil af en toe een maaltijd voor de buren maken.",
        "Spreekt meerdere talen en wil helpen met tolken bij de inloop.",
        "Wil bij de bibliotheek voorlezen voor kinderen.",
        "Groep moeders organiseert zelf een kledingruil in de buurt.",
        "Jongeren willen helpen het veldje op te knappen.",
    ),
    "idea": (
        "Idee: een ruilkast voor boeken en spullen bij de ingang van het wijkcentrum.",
        "Idee: een wandelgroep voor ouderen op vaste ochtenden.",
        "Idee: samen zonnepanelen op het dak van de flat.",
        "Idee: een wekelijkse kookavond waar buren om de beurt koken.",
        "Idee: een straatmaaltijd met buren van verschillende achtergronden.",
        "Idee: boomspiegels adopteren en zelf beplanten.",
    ),
    "contact": (
        "Kort praatje bij de koffie, bekend gezicht.",
        "Eerste kennismaking, nam een folder over de inloopochtend mee.",
        "Vrolijk gesprek over de buurt, voelt zich hier thuis.",
        "Kwam even gedag zeggen en vertelde over de kleinkinderen.",
        "Kende ons nog van de vorige keer en wilde even bijpraten.",
    ),
}

# De vraag onder de vraag, by theme.
QUESTIONS = {
    "eenzaamheid": (
        "Wil ergens bij horen.",
        "Mist iemand om dagelijks mee te praten.",
        "Durft niet als enige ergens binnen te stappen.",
        "Wil niet tot last zijn van de kinderen.",
    ),
    "armoede-schulden": (
        "Schaamt zich voor geldzorgen en wil niet dat de buren het weten.",
        "Weet niet waar ze recht op heeft.",
        "Is bang de controle over de financiën kwijt te raken.",
        "Wil dat de kinderen niets tekortkomen.",
        "Wil hulp zonder dat het meteen een dossier wordt.",
    ),
    "veiligheid": (
        "Voelt zich 's avonds niet veilig in de eigen straat.",
        "Wil dat er iets met meldingen gebeurt.",
        "Vraagt zich af of melden wel zin heeft.",
    ),
    "spelen": (
        "Wil een veilige plek waar de kinderen buiten kunnen spelen.",
        "Wil weten wie verantwoordelijk is voor de speelplek.",
        "Ouders willen samen iets doen maar weten niet hoe te beginnen.",
    ),
    "wonen": (
        "Voelt zich niet gehoord door de woningcorporatie.",
        "Wil weten wat de verhuurder moet doen en wat zelf.",
        "Is bang voor gedoe met de buren als ze klaagt.",
        "Wil weten of er ooit iets verandert aan de flat.",
    ),
    "zorg": (
        "Wil als mantelzorger zelf ook eens ontlast worden.",
        "Weet de weg niet in de zorg.",
        "Wil zo lang mogelijk zelfstandig blijven wonen.",
    ),
    "opvoeding": (
        "Twijfelt of het eigen kind zich gewoon ontwikkelt.",
        "Zoekt steun zonder meteen een instantie in huis te halen.",
        "Wil andere ouders ontmoeten met dezelfde vragen.",
    ),
    "gezondheid": (
        "Wil gezonder leven maar weet niet waar te beginnen.",
        "Kan de zorg eigenlijk niet betalen.",
        "Wil weten waar je terechtkunt zonder lange wachtlijst.",
        "Wil mobiel blijven om zelf boodschappen te doen.",
    ),
    "taal": (
        "Wil zelf zaken regelen zonder hulp van de kinderen.",
        "Wil meer meedoen in de buurt maar de taal houdt tegen.",
        "Begrijpt de brieven niet en is bang iets fout te doen.",
    ),
    "werk": (
        "Wil zich weer nuttig voelen.",
        "Zoekt een eerste stap terug naar werk.",
        "Voelt zich afgeschreven op de arbeidsmarkt.",
    ),
    "ontmoeting": (
        "Zoekt een laagdrempelige plek om mensen te leren kennen.",
        "Wil iets terugdoen voor de buurt.",
        "Wil dat de buurt weer meer een gemeenschap wordt.",
        "Wil buren leren kennen, maar weet niet hoe.",
    ),
    "groen": (
        "Wil een schonere en groenere straat.",
        "Wil zelf iets doen aan de buitenruimte maar weet niet of dat mag.",
        "Ergert zich aan afval en voelt zich machteloos.",
    ),
    "energie": (
        "Wil de energierekening omlaag maar weet niet hoe.",
        "Wil verduurzamen maar heeft er geen geld voor.",
        "Wil weten waar je recht op hebt bij een koud huis.",
    ),
    "diversiteit": (
        "Wil erkend worden als volwaardig buurtbewoner.",
        "Zoekt verbinding met buren met een andere achtergrond.",
        "Weet niet waar je discriminatie kunt melden.",
    ),
    "digitaal": (
        "Wil zelf digitaal zaken kunnen doen.",
        "Is bang voor oplichting via internet.",
        "Schaamt zich dat het digitale niet lukt.",
    ),
    "huiselijk-geweld": (
        "Zoekt een veilige plek om het verhaal te doen.",
        "Weet niet wat er gebeurt als het verteld wordt.",
    ),
    "verslaving": (
        "Wil hulp voor een naaste maar weet niet hoe dat aan te kaarten.",
        "Wil minderen maar durft er niet over te praten.",
    ),
    "psychische-gezondheid": (
        "Wil gehoord worden zonder meteen een etiket te krijgen.",
        "Zoekt iemand om mee te praten tussen de afspraken door.",
    ),
    "contact": (
        "Wil weten waar je terechtkunt met kleine vragen.",
        "Wil vooral even gezien worden.",
        "Zoekt vooral een vertrouwd gezicht in de buurt.",
    ),
}
