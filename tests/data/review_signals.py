"""Generate a review period's signals with known groups, to measure grouping proposals.

A team covers four wijken. Most signals are everyday talk about a theme, phrased from a pool
of sentences with theme words that are heard in every wijk. Planted among them are *stories*:
three to eight signals from different workers about one concrete thing in one wijk (the
climbing frame in the playground on a certain street, the lift of one flat), phrased in
different ways, not always with the street, sometimes under another theme. Confounders: theme
words shared with the stories ("speeltuin", "flat"), and street names that turn up in unrelated
signals.

The true groups are the stories, and per wijk and theme the other signals when there are at
least two: that is what the team would put together. `evaluate` counts a true group as proposed
when a proposal overlaps it with a Jaccard index of at least one half; a proposal that
overlaps no true group that much is wrong.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

from buurtlog.review.grouping import Proposal, Signal

WIJKEN = (1, 2, 3, 4)
STREETS = (
    "Churchilllaan",
    "Zonnebloemstraat",
    "Merelhof",
    "Kastanjeplein",
    "Sluisweg",
    "Beatrixlaan",
    "Dotterbloemstraat",
    "Vinkenbaan",
    "Havenkade",
    "Molenweg",
    "Lindenhof",
    "Iepenlaan",
    "Spoorsingel",
    "Zuidpolder",
    "Bremstraat",
)

# theme id → (slug, words people use about it). Everyday talk about a theme uses one of these
# in a common frame, so signals about a theme share a word without telling one story.
THEMES = {
    1: (
        "eenzaamheid",
        (
            "eenzaamheid",
            "avonden",
            "bezoek",
            "aanspraak",
            "rouw",
            "weekenden",
            "isolement",
            "verveling",
            "feestdagen",
            "kleinkinderen",
        ),
    ),
    2: (
        "armoede-schulden",
        (
            "energierekening",
            "aanmaningen",
            "voedselbank",
            "toeslagen",
            "geldzorgen",
            "betalingsregeling",
            "huurachterstand",
            "schulden",
            "boodschappen",
            "schoolkosten",
        ),
    ),
    3: (
        "veiligheid",
        (
            "verlichting",
            "verkeer",
            "inbraken",
            "overlast",
            "fietsendiefstal",
            "fietspaden",
            "drugshandel",
            "vuurwerk",
            "vandalisme",
        ),
    ),
    4: (
        "spelen",
        (
            "speelplek",
            "tieners",
            "trapveldje",
            "speeltoestellen",
            "vakantie",
            "speeltuin",
            "buitenspelen",
            "pannakooi",
            "skatebaan",
        ),
    ),
    5: (
        "wonen",
        (
            "vocht",
            "wachtlijst",
            "lekkage",
            "bovenburen",
            "huurverhoging",
            "verhuurder",
            "tocht",
            "verhuizing",
            "woningruil",
        ),
    ),
    6: (
        "zorg",
        (
            "mantelzorg",
            "huishouden",
            "thuiszorg",
            "indicatie",
            "specialist",
            "wijkverpleging",
            "rolstoel",
            "medicijnen",
            "dagbesteding",
        ),
    ),
    7: (
        "opvoeding",
        (
            "schermgebruik",
            "grenzen",
            "peuterspeelzaal",
            "ouders",
            "slapen",
            "ruzies",
            "huiswerk",
            "brugklas",
            "puberteit",
        ),
    ),
    8: (
        "taal",
        (
            "taalmaatje",
            "brieven",
            "taalcursus",
            "instanties",
            "formulieren",
            "voorlezen",
            "spreken",
            "inburgering",
        ),
    ),
    9: (
        "werk",
        (
            "sollicitaties",
            "vrijwilligerswerk",
            "diploma",
            "stageplek",
            "uitkering",
            "omscholing",
            "uitzendbureau",
            "werkloosheid",
        ),
    ),
    10: (
        "groen",
        (
            "zwerfafval",
            "bomen",
            "moestuinbakken",
            "hondenpoep",
            "plantsoen",
            "geveltuintjes",
            "bloemen",
            "grasveld",
        ),
    ),
    11: (
        "ontmoeting",
        (
            "inloop",
            "buurtfeest",
            "buren",
            "koffieochtend",
            "samen eten",
            "wandelgroep",
            "buurtapp",
            "activiteiten",
        ),
    ),
    12: (
        "energie",
        (
            "isolatie",
            "besparen",
            "energiescan",
            "zonnepanelen",
            "thermostaat",
            "tochtstrips",
            "warmtepomp",
            "stookkosten",
        ),
    ),
}
OPENERS = (
    "Bewoner",
    "Oudere vrouw",
    "Moeder van twee kinderen",
    "Vader",
    "Jongeman",
    "Bewoonster",
    "Oudere man",
    "Alleenstaande moeder",
    "Buurvrouw",
    "Stel",
)
TAILS = (
    "",
    "",
    "",
    ", al een tijdje",
    ", sinds de zomer",
    ", wil er graag over praten",
    ", vroeg om informatie",
    ", kwam zelf naar de tafel",
    ", vooral in het weekend",
    ", na de verhuizing van de kinderen",
    ", sinds de operatie",
    ", vroeg naar de folder",
)
FRAMES = (
    "maakt zich zorgen over {a}",
    "vertelt over {a}",
    "heeft vragen over {a}",
    "zit in de knoop met {a}",
    "ergert zich aan {a}",
    "zoekt hulp bij {a}",
    "weet niet wat te doen met {a}",
    "kwam praten over {a}",
    "begon over {a}",
    "wil meedenken over {a}",
    "heeft het moeilijk met {a}",
    "is blij met {a}",
)
# A story: its main theme, another theme it is sometimes logged under, and ways to tell it.
# "{s}" is a street; a story's signals share its telling words but not every sentence.
STORIES = (
    (
        4,
        3,
        (
            "Het klimrek in de speeltuin aan de {s} is kapot",
            "Kinderen spelen niet meer bij het kapotte klimrek aan de {s}",
            "Glas en een kapot klimrek in de speeltuin, ouders houden de kinderen thuis",
            "Wanneer wordt het klimrek in de speeltuin gerepareerd?",
            "Het klimrek aan de {s} is afgezet met linten, kinderen kunnen nergens heen",
        ),
    ),
    (
        5,
        6,
        (
            "De lift in de flat aan de {s} staat alweer stil",
            "Ouderen in de flat komen de deur niet uit nu de lift kapot is",
            "Lift {s} al twee weken defect, rollator past niet op de trap",
            "Storing aan de lift, bewoners van de bovenste verdiepingen zitten vast",
            "Niemand weet wanneer de lift in de flat weer werkt",
        ),
    ),
    (
        3,
        7,
        (
            "Jongeren hangen 's avonds in het portiek van de {s} en roken daar",
            "Overlast in het portiek, bewoners durven 's avonds niet naar binnen",
            "Portiek aan de {s} ligt vol peuken en blikjes na het hangen",
            "Hangjongeren in het portiek, moeders laten kinderen niet meer buiten",
        ),
    ),
    (
        5,
        8,
        (
            "Schimmel in de badkamer en de slaapkamer, corporatie komt niet",
            "Zwarte schimmel op de muren van de woningen aan de {s}",
            "Kinderen hoesten door de schimmel, melding bij de corporatie blijft liggen",
            "Meerdere woningen aan de {s} hebben schimmel, corporatie reageert niet",
        ),
    ),
    (
        1,
        11,
        (
            "Sinds buslijn 12 niet meer rijdt komt ze niet meer bij de markt",
            "Buslijn 12 opgeheven, ouderen raken geïsoleerd",
            "Zonder de bus naar het centrum zit hij de hele dag thuis, buslijn gemist",
            "Buslijn weg, nu geen vervoer meer naar de dagbesteding",
        ),
    ),
    (
        2,
        1,
        (
            "Uitgiftepunt van de voedselbank aan de {s} is gesloten",
            "Voedselbank uitgiftepunt dicht, nu moet ze met de bus naar de andere kant",
            "Na de sluiting van het uitgiftepunt kan hij geen pakket meer halen",
            "Gezinnen missen het uitgiftepunt van de voedselbank in de wijk",
        ),
    ),
    (
        10,
        3,
        (
            "Ratten bij de containers aan de {s}",
            "Rattenplaag bij de ondergrondse containers, kinderen spelen er vlakbij",
            "Vuilniszakken naast de containers trekken ratten aan",
            "Weer ratten gezien bij de containers, melding lijkt niets te doen",
        ),
    ),
    (
        2,
        7,
        (
            "Zwemles is te duur, kinderen halen geen zwemdiploma",
            "Geen geld voor zwemles, moeder schaamt zich tegenover school",
            "Kinderen van het gezin kunnen niet zwemmen, zwemles kost te veel",
            "Vraag naar een regeling voor zwemles van de kinderen",
        ),
    ),
    (
        3,
        7,
        (
            "Gevaarlijke oversteek bij basisschool aan de {s}, geen zebrapad",
            "Ouders willen een zebrapad bij de oversteek naar de basisschool",
            "Bijna-ongeluk bij de oversteek voor de basisschool",
            "Kinderen steken over tussen geparkeerde auto's bij de basisschool {s}",
        ),
    ),
    (
        12,
        5,
        (
            "Flat aan de {s} slecht geïsoleerd, enkel glas en koude gevels",
            "Enkel glas in de flat, stookkosten rijzen de pan uit",
            "Bewoners van de flat willen samen isolatie en dubbel glas aanvragen",
            "Koude flat, enkel glas, energiecoach gevraagd",
        ),
    ),
    (
        8,
        11,
        (
            "Taalcafé in de bibliotheek zit vol, er is een wachtlijst",
            "Wachtlijst voor het taalcafé, ze wil nu al oefenen",
            "Meer vrijwilligers nodig voor het taalcafé, wachtlijst groeit",
            "Taalcafé bibliotheek alleen op dinsdag, te weinig plekken",
        ),
    ),
    (
        11,
        1,
        (
            "Buurthuis aan de {s} gaat dicht, koffieochtend verdwijnt",
            "Sluiting van het buurthuis, ouderen verliezen hun koffieochtend",
            "Waar moet de koffieochtend heen als het buurthuis sluit?",
            "Buurthuis dicht per januari, vrijwilligers zoeken andere ruimte",
        ),
    ),
)


@dataclass
class DataSet:
    """Generated signals and the true groups among them."""

    signals: list[Signal]
    groups: list[frozenset]
    stories: list[frozenset]


def generate(seed: int = 1, size: int = 200, authors: int = 6) -> DataSet:
    """Generate about `size` signals with planted stories; return them with the true groups."""
    rng = random.Random(seed)
    signals: list[Signal] = []
    stories: list[frozenset] = []
    number = iter(range(1, 10**9))
    story_count = max(2, size // 25)
    used = set()
    while len(stories) < story_count and len(used) < len(STORIES) * len(WIJKEN):
        # Each story once, in one wijk; only a very large period tells a story twice.
        index, wijk = rng.randrange(len(STORIES)), rng.choice(WIJKEN)
        if (index, wijk) in used or (len(used) < len(STORIES) and index in {i for i, _ in used}):
            continue
        used.add((index, wijk))
        theme, other, phrases = STORIES[index]
        street = rng.choice(STREETS)
        members = []
        for _ in range(rng.choice((2, 3, 3, 4, 4, 5, 6, 8))):
            text = rng.choice(phrases).replace("{s}", street if rng.random() < 0.8 else "")
            if rng.random() < 0.4:
                text = f"{rng.choice(OPENERS)}: {text[0].lower()}{text[1:]}"
            themes = (other,) if rng.random() < 0.25 else (theme,)
            signal = Signal(next(number), wijk, themes, text, rng.randrange(authors))
            signals.append(signal)
            members.append(signal.id)
        stories.append(frozenset(members))
    background: dict[tuple[int, int], list] = defaultdict(list)
    while len(signals) < size:
        wijk = rng.choice(WIJKEN)
        themes = tuple(rng.sample(sorted(THEMES), 2 if rng.random() < 0.2 else 1))
        sentence = rng.choice(FRAMES).format(a=rng.choice(THEMES[themes[0]][1]))
        text = f"{rng.choice(OPENERS)} {sentence}{rng.choice(TAILS)}."
        if rng.random() < 0.08:  # a street name in an unrelated signal
            text += f" Woont aan de {rng.choice(STREETS)}."
        signal = Signal(next(number), wijk, themes, text, rng.randrange(authors))
        signals.append(signal)
        for theme in themes:
            background[(wijk, theme)].append(signal.id)
    rng.shuffle(signals)
    groups = stories + [frozenset(ids) for ids in background.values() if len(ids) >= 2]
    return DataSet(signals, groups, stories)


def jaccard(a: set, b: set) -> float:
    """Return the Jaccard index of two sets."""
    return len(a & b) / len(a | b) if a or b else 1.0


def evaluate(proposals: list[Proposal], data: DataSet, match: float = 0.5) -> dict:
    """Count the true groups proposed (stories separately) and the wrong proposals."""
    proposed = [frozenset(p.entry_ids) for p in proposals]

    def found(groups: list[frozenset]) -> int:
        return sum(any(jaccard(g, p) >= match for p in proposed) for g in groups)

    return {
        "groups": len(data.groups),
        "found": found(data.groups),
        "exact": sum(g in set(proposed) for g in data.groups),
        "stories": len(data.stories),
        "stories_found": found(data.stories),
        "proposals": len(proposed),
        "wrong": sum(not any(jaccard(g, p) >= match for g in data.groups) for p in proposed),
        "word_proposals": sum(p.reason == "words" for p in proposals),
        "wrong_word_proposals": sum(
            p.reason == "words"
            and not any(jaccard(g, frozenset(p.entry_ids)) >= match for g in data.groups)
            for p in proposals
        ),
    }
