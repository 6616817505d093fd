"""The words the server's evidence rules weigh around a word (buurtlog/privacy_evidence.py).

Cues before a name and verbs after it, what makes a capitalised word no person (common words,
noun endings, organisations, public figures), and where someone lives. Server only: the
browser twin does not load them.
"""

from __future__ import annotations

from buurtlog.privacy_words import (
    HONORIFICS,
    KIN_CUES,
    PERSON_NOUNS,
    _words,
)

ROLES: frozenset[str] = frozenset(PERSON_NOUNS) | _words(
    "bezorger buurman buurvrouw vrijwilliger vrijwilligster moeder vader zoon dochter oma opa "
    "mantelzorger bewoner huurder eigenaar conciërge huismeester postbode chauffeur"
)
# Before an unknown capitalised word inside a sentence, these make it a person.
CUES_BEFORE: frozenset[str] = _words(
    "met bij tnv t.n.v. t.n.v tav t.a.v. t.a.v namens vertelde vertelt zei zegt sprak spreek "
    "belde bel gebeld bezocht bezoek hielp help helpt mailde appte appt app gesproken gesprek "
    "afspraak tegen "
    "ophalen haalde bracht",
)
# After an unknown capitalised word, these make it a person: what people do in a worker's note.
PERSON_VERBS: frozenset[str] = _words(
    "komt kwam belt belde woont woonde wil wilde zegt zei vertelde vertelt heeft had vraagt vroeg "
    "zoekt zocht zit zat gaat ging werkt werkte helpt hielp wacht wachtte mist miste voelt "
    "voelde kan kon moet moest mag mocht durft twijfelt klaagt klaagde maakt verhuist verhuisde "
    "slaapt eet huilt lacht appte appt mailde kookt loopt liep rookt drinkt leeft overleed "
    "haalt bracht brengt spreekt sprak snapt begrijpt weet wist denkt dacht hoopt hoopte "
    "ziet zag hoort hoorde krijgt kreeg ontvangt ligt lag blijft bleef reageert antwoordde "
    "schrijft schreef leest zorgt past oppast speelt studeert volgt kent kende doet deed wordt "
    "geeft gaf neemt nam stopt begint begon houdt",
)
# Where someone lives, after "van" or "uit": "van de overkant", "van nr 5", "uit 3 hoog".
HOME_WORDS: frozenset[str] = _words(
    "overkant hiernaast boven beneden nummer nr nr. huisnummer hoog"
)
# What only a person does: water and noise also "come" from upstairs ("water van boven komt").
HUMAN_VERBS: frozenset[str] = _words(
    "belde belt vraagt vroeg zegt zei wil wilde woont zoekt vertelde vertelt helpt hielp klaagt "
    "klaagde appte mailde vindt vond denkt dacht weet wist heeft had houdt kookt rookt huilt "
    "lacht slaapt",
)
# "Marlous en Mirte komen": a plural verb after two words joined by "en".
PLURAL_VERBS: frozenset[str] = _words(
    "komen kwamen wonen woonden willen wilden zeggen zeiden hebben hadden vragen zoeken zitten "
    "gaan gingen werken helpen zijn waren kunnen moeten mogen spelen lopen koken",
)
# "Dirkje van nummer 5 vraagt", "Bas van de kringloop komt": skipped before the verb.
NUMBER_WORDS: frozenset[str] = _words("nummer nr nr. huisnummer")
# Inverted order: "Kan Maaike-Roos de sleutel ophalen?", "Gisteren kwam Kofi langs".
INVERTED_VERBS: frozenset[str] = _words(
    "kan kon wil wilde moet mag komt kwam gaat ging belde zegt zei vroeg vertelde heeft had",
)
# "Wendelien en haar man", "Kwame zijn fiets": a possessive and a person's own after a name.
POSSESSIVES: frozenset[str] = _words("haar zijn z'n d'r")
KIN_WORDS: frozenset[str] = frozenset(KIN_CUES) | _words(
    "man vrouw partner vriend vriendin kinderen kind ouders moeder vader fiets auto huis "
    "woning kamer buren hond uitkering werk baan schulden post",
)
# "Wimke weer last van haar rug": a sentence that opens with an unknown word and an adverb is
# about a person when a personal pronoun follows within a few words.
ADVERBS_AFTER: frozenset[str] = _words("weer al nog ook zelf gisteren vandaag vanmorgen vanmiddag")
PRONOUNS: frozenset[str] = _words("ze zij hij haar zijn hem z'n d'r")
# "Vroeg aan Zemzem", "uitgelegd aan Tamrat": a telling verb and "aan" before a word.
TELLING_VERBS: frozenset[str] = _words(
    "vroeg gevraagd gegeven uitgelegd verteld doorgegeven gestuurd gemaild geappt",
)
# "gebeld door Naoual", "zegt dat Liesje", "Vanmiddag Miroslava geholpen": a person by what
# was done with them or said of them, two words around.
BY_PARTICIPLES: frozenset[str] = TELLING_VERBS | _words(
    "gebeld geholpen aangemeld doorverwezen gesignaleerd gemeld gebracht opgehaald begeleid",
)
SAYING_VERBS: frozenset[str] = _words(
    "zegt zei zeggen vertelde vertelt vertellen hoorde hoorden denkt dacht weet wist vindt vond "
    "meldt meldde",
)
TIME_ADVERBS: frozenset[str] = _words(
    "vandaag gisteren vanmorgen vanochtend vanmiddag vanavond eergisteren zojuist net",
)
MET_PARTICIPLES: frozenset[str] = _words(
    "geholpen gesproken gebeld ontmoet gemaild geappt begeleid doorverwezen bezocht",
)
VERB_WORDS: frozenset[str] = PERSON_VERBS | PLURAL_VERBS | POSSESSIVES | {"is"} | ADVERBS_AFTER
# "Sjanie is ziek": "is" makes a person only with a state of a person after it.
PERSON_STATES: frozenset[str] = _words(
    "ziek opgenomen overleden verhuisd jarig zwanger bang boos eenzaam verward blij bezorgd "
    "alleen weduwe weduwnaar gescheiden dement depressief overspannen moe terug bevallen "
    "geopereerd gevallen ontslagen werkloos dakloos verdrietig ongerust verslaafd",
)
# "uit Charkiv", "in Accra", "naar Istanbul": a capitalised word after these is a place.
UIT_PLACE: frozenset[str] = _words("uit in naar vanuit richting via")
# Before a lower-case word: kin words and titles that make it a name ("oma sevda").
LOWER_CUES: frozenset[str] = frozenset(
    [c for c in HONORIFICS + KIN_CUES if " " not in c] + ["mw.", "dhr.", "mevr.", "fam.", "tnv"]
)
# Common Dutch words a capitalised word may be at the start of a sentence or in a title, and
# lower-case words after a kin word ("oma zit", "buurman heeft"): not names.
COMMON_WORDS: frozenset[str] = _words(
    "is was zijn waren heeft had hebben komt kwam gaat ging zit zat woont wil kan moet mag zal "
    "wordt werd staat stond ligt lag loopt liep doet deed maakt zegt zei belt belde vraagt vroeg "
    "zoekt helpt haalt brengt krijgt kreeg blijft bleef voelt voelde leeft slaapt eet kookt "
    "klaagt werkt wacht mist weet kent ziet hoort denkt hoopt durft past speelt neemt geeft "
    "uit en of van de het een die dat in op aan om te met bij voor naar na tot ook nog niet al "
    "weer erg heel veel vaak soms nooit altijd graag alleen samen zelf ook nu toen daar hier "
    "er hem haar hun ze zij hij wij we je jij ik u mij me ons dan want maar dus omdat sinds "
    "tijdens zonder tegen over onder boven achter naast tussen door via toch wel eens even "
    "net pas zo zoals meer minder goed slecht ziek oud jong blij boos bang moe thuis buiten "
    "binnen weg terug mee langs open dicht klaar nieuw nieuwe oude grote kleine lieve arme "
    "eenzaam alleenstaand overleden gisteren vandaag morgen straks later vroeger laatst "
    "huisarts arts tandarts dokter wijkagent agent politie gemeente corporatie woningbouw "
    "verhuurder huurder bewoner bewoners buren buurt wijk straat flat portiek lift trap tuin "
    "balkon keuken badkamer woning huis kamer school werk baan geld huur schuld schulden post "
    "brief brieven rekening toeslag uitkering hulp zorg steun advies gesprek bezoek huisbezoek "
    "afspraak inloop koffie thee lunch maaltijd eten boodschappen markt winkel supermarkt "
    "vrijwilliger vrijwilligers mantelzorger mantelzorg deelnemers kinderen moeders vaders "
    "ouders jongeren ouderen mensen vrouwen mannen meiden jongens man vrouw kind jongen meisje "
    "moeder vader zoon dochter opa oma tante oom neef nicht broer zus familie gezin iedereen "
    "niemand iemand sommigen anderen allemaal beiden beide nieuws verder eerst daarna "
    "pinksteren hemelvaart kerstavond oudjaar nieuwjaar carnaval zomer winter lente herfst "
    "zomerfeest buurtfeest sportdag opening feest avond ochtend middag nacht week weekend "
    "maand jaar cursus les taalles training workshop groep club team koor film race wedstrijd "
    "tv televisie radio krant telefoon mobiel computer laptop fiets auto bus tram trein "
    "amazing grace parkinson alzheimer dementie corona covid diabetes kanker astma "
    "loodgieter monteur schilder elektricien timmerman glazenwasser postbode bezorger "
    "huismeester conciërge beheerder klusjesman schimmel lekkage ketel wasmachine koelkast "
    "kachel verwarming rommel afval vuilnis ongedierte ratten muizen kakkerlakken duiven "
    "meeuwen hond kat poes schiphol zaventem noord oost zuid west noordoost noordwest zuidoost "
    "zuidwest centrum god allah jezus christus heer profeet groep klas team",
)
# Endings of compound nouns ("Sportdag", "Huisarts", "Kaartclub", "Wijkverpleging"): no name.
NOUN_ENDINGS: tuple[str, ...] = (
    "pas",
    "café",
    "cafe",
    "festival",
    "dag",
    "feest",
    "avond",
    "ochtend",
    "middag",
    "les",
    "cursus",
    "groep",
    "raad",
    "hulp",
    "dienst",
    "arts",
    "agent",
    "werker",
    "zorger",
    "gever",
    "ouders",
    "heid",
    "schap",
    "ing",
    "ingen",
    "tie",
    "ties",
    "teit",
    "isme",
    "ers",
    "sters",
    "ster",
    "aar",
    "aars",
    "wijk",
    "dorp",
    "stad",
    "bord",
    "gesprek",
    "bezoek",
    "tocht",
    "beurs",
    "actie",
    "project",
    "kaart",
    "film",
    "serie",
    "show",
    "fonds",
    "loket",
    "balie",
    "spreekuur",
    "atelier",
    "tafel",
    "bureau",
    "post",
)
# Organisations in Dutch neighbourhood work that read like a surname ("bij Pameijer").
ORGANISATIONS: frozenset[str] = _words(
    "Pameijer Dock Abrona Cordaan Philadelphia Kwintes Altrecht Mondriaan Parnassia Arkin "
    "Zorgbalans Evean Tactus Brijder Jellinek Exodus Moviera Sensoor Welzijn Vivent Amsta "
    "Reinaerde Lister Tympaan Raster Wijkracht Stichtse Careander Aafje Laurens Humanitas "
    "Leger Heils Salvation Thuisbezorgd Bol Albert Dirk Plus Hoogvliet Poiesz Nettorama "
    "Dekamarkt Boni Jan Linders Picnic Flink Crisp Getir Rituals Xenos Wibra Big Bazar Hornbach "
    "Karwei Intratuin Kringloop Emmaus Dorcas Leger Sligro Makro Lidl Aldi Kruidvat Etos Action "
    "Hema Blokker Zeeman Qbuzz Arriva Keolis Connexxion Syntus Hermes Breng Allgo Transdev "
    "Valys Regiotaxi Ret Gvb Htm Ebs Prorail Ziggo Kpn Vodafone Odido Eneco Vattenfall Essent "
    "Stedin Liander Enexis Vitens Evides Menzis Zilveren Cz Vgz Achmea Ohra Dsw Unive Cordaan "
    "Vluchtelingenwerk Cardia Kwadraad Incluzio Careyn Buurtzorg Zonnebloem Rabobank Abn Ing "
    "Bunq Knab Triodos Coolblue Zalando Temu Shein Marktplaats Vinted Tikkie",
)
# A shop word before a listed first name makes it a shop ("Bakker Bart", "Slager Piet").
SHOP_HEADS: frozenset[str] = _words("bakker slager groenteman visboer kapper snackbar")
# Public figures, songs and shops named after people: never a resident.
NOT_PERSON_PHRASES: tuple[str, ...] = (
    "Max Verstappen",
    "Amazing Grace",
    "Bakker Bart",
    "Willem-Alexander",
    "Koning Willem",
    "Koningin Máxima",
    "Mark Rutte",
    "Dick Schoof",
    "Johan Cruijff",
    "Anne Frank",
    "Vincent van Gogh",
    "Sinterklaas",
    "Zwarte Piet",
    "Bob de Bouwer",
    "Nijntje",
    "Dikkie Dik",
    "Dora",
    "Frans Bauer",
    "André Hazes",
    "Marco Borsato",
    "Arjen Robben",
    "Virgil van Dijk",
    "Memphis Depay",
    "Sandra Reemer",
    "Mohammed Ali",
    "Geert Wilders",
    "Frans Timmermans",
    "Pieter Omtzigt",
    "Caroline van der Plas",
    "Sylvana Simons",
    "Jesse Klaver",
    "Rob Jetten",
    "Ahmed Aboutaleb",
    "Femke Halsema",
    "Pipo de Clown",
    "Dikkertje Dap",
    "Jip en Janneke",
    "Donald Duck",
    "Mickey Mouse",
    "Peppa Pig",
    "Paw Patrol",
    "Taylor Swift",
    "Snollebollekes",
    "Lionel Messi",
    "Cristiano Ronaldo",
    "Hakim Ziyech",
    "Erik ten Hag",
    "Donald Trump",
    "Poetin",
    "Zelensky",
    "Koning Mohammed",
    "Prinses Amalia",
    "Martin Luther King",
    "Anton de Kom",
    "Keti Koti",
    # Sayings that hold a first name.
    "Jan en alleman",
    "Jan Modaal",
    "Jan met de pet",
    "Klaas Vaak",
    "Jut en Jul",
    # Characters of books, films and children's television.
    "Harry Potter",
    "Pippi Langkous",
    "Assepoester",
    "Roodkapje",
    "Sneeuwwitje",
    "Kikker en Pad",
    "Bert en Ernie",
    "Woezel en Pip",
    "Buurman en Buurman",
    "Spider-Man",
    "Spiderman",
    "Elsa en Anna",
    # Public figures the news and the street talk about, by their full names: a resident may
    # share one of them ("mw. Rutte", "Rihanna uit groep 7").
    "Leonard Cohen",
    "Michael Jackson",
    "Whitney Houston",
    "Bob Marley",
    "Elvis Presley",
    "Ali B",
    "Famke Louise",
    "Guus Meeuwis",
    "Kinderen voor Kinderen",
    "Nelson Mandela",
    "Barack Obama",
    "Joe Biden",
    "Koningin Beatrix",
    "Prins Bernhard",
    "Willem van Oranje",
    "Johan Derksen",
    "Humberto Tan",
    "Jeroen Pauw",
    "Eva Jinek",
    "Matthijs van Nieuwkerk",
    "Sander de Kramer",
    "Frenkie de Jong",
    "Ryan Gravenberch",
    "Cody Gakpo",
    "Denzel Dumfries",
    "Ronald Koeman",
    "Louis van Gaal",
    "Dilan Yeşilgöz",
    "Frans Timmermans",
    "Hugo de Jonge",
    "Sigrid Kaag",
    "Wopke Hoekstra",
    "Thierry Baudet",
    "Stephan van Baarle",
    "Ayaan Hirsi Ali",
    "Robin van Persie",
    "Joost Klein",
    "Sifan Hassan",
    "Femke Bol",
    "Dafne Schippers",
    "Herman Koch",
    "Annie M.G. Schmidt",
    "Paul de Leeuw",
    "Linda de Mol",
    "Typhoon",
    # Programmes, series, songs and books the notes mention.
    "Heel Holland Bakt",
    "Boer zoekt Vrouw",
    "Pluk van de Petteflet",
    "Dolfje Weerwolfje",
    "Let It Go",
)
# Endings of neighbourhoods and places that read like a surname ("Rivierenwijk").
PLACE_ENDINGS: tuple[str, ...] = ("wijk", "dorp", "stad", "kwartier", "veld", "haven", "polder")
# Languages and nationalities in lower case; "(frans)" is a language, not Frans.
LANGUAGES: frozenset[str] = _words(
    "frans engels duits pools turks arabisch spaans italiaans russisch nederlands berbers "
    "marokkaans surinaams antilliaans papiaments papiamento somalisch tigrinya eritrees "
    "oekraïens bulgaars roemeens portugees chinees hindi urdu farsi perzisch koerdisch twi "
    "amhaars grieks hongaars syrisch afghaans ghanees indonesisch javaans moluks fries "
    "hindostaans sranantongo sranan",
)
# A word before "bij" or "met" that makes what follows an organisation, a shop or a pass:
# "schuld bij Klarna", "knuffels kopen bij Intertoys", "zwemmen met Stadspas".
ORG_CONTEXT: frozenset[str] = _words(
    "kopen gekocht koopt schuld schulden wachtlijst korting klant aangemeld ingeschreven werkt "
    "werken gewerkt baan stage abonnement besteld bestellen lening betalen betaald verzekerd "
    "verzekering contract account achterstand boodschappen zwemmen lid spullen kortingspas "
    "gratis",
)
# Titles of saints and prophets: "Profeet Mohammed", "St. Maarten" are no residents.
PUBLIC_TITLES: frozenset[str] = _words("profeet heilige paus sint st")
# After these a run of capitalised words is a title, not a person: "kijkt Heel Holland Bakt",
# "leest Het Diner", "zingen Let It Go van Frozen".
MEDIA_VERBS: frozenset[str] = _words(
    "kijkt kijken keek keken leest lezen las lazen zingt zingen zong zongen luistert luisteren",
)
MEDIA_FILLERS: frozenset[str] = _words(
    "elke avond graag vaak altijd series serie zoals het de en ook veel boek film liedje "
    "liedjes programma",
)
# Who a sentence is about before an inverted-looking verb: "mw heeft X gekregen" is no
# "Heeft Maaike…": X is what she got.
SUBJECT_WORDS: frozenset[str] = _words(
    "mw mw. mevr dhr dhr. meneer mevrouw hij ze zij ik we wij jij u men kind zoon dochter",
)
