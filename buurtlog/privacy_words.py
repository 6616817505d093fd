"""Word lists for the privacy guard (mirrored by hand in static/js/privacy.js)."""

# Common first names in Dutch neighbourhoods: Dutch (old and young), Moroccan-, Turkish- and
# Surinamese-Dutch. Names that are also ordinary capitalised words at a sentence start
# ("Wil", "Ben", "Roos", "Mei", "Hoop") are left out on purpose.
FIRST_NAMES: frozenset[str] = frozenset(
    {
        "Aad", "Abdel", "Abdelkader", "Abdullah", "Adam", "Adri", "Ahmed", "Ahmet", "Aicha",
        "Aisha", "Ali", "Amina", "Amir", "Anand", "Angela", "Anita", "Anjali", "Ank", "Anna",
        "Anne", "Anneke", "Annemarie", "Annemiek", "Annie", "Anouar", "Anouk", "Ans", "Anton",
        "Arie", "Arjen", "Ashwin", "Astrid", "Ayoub", "Ayse", "Ayşe", "Bart", "Bep", "Bernard",
        "Bert", "Bilal", "Bram", "Burak", "Carla", "Carolien", "Cees", "Cor", "Corrie", "Daan",
        "Danny", "Dennis", "Deniz", "Derya", "Dewi", "Dini", "Dirk", "Dylan", "Edwin", "Elif",
        "Els", "Emine", "Emma", "Emre", "Erik", "Errol", "Esra", "Esther", "Eva", "Fadoua",
        "Farida", "Fatima", "Fatma", "Femke", "Fenna", "Finn", "Fleur", "Frans", "Frank", "Freek",
        "Gerard", "Gerda", "Gerrit", "Gert", "Glenn", "Gonnie", "Greet", "Guus", "Gül", "Hamid",
        "Hanna", "Hannie", "Hans", "Harry", "Hasan", "Hassan", "Hatice", "Hayat", "Henk", "Hennie",
        "Herman", "Hicham", "Hüseyin", "Ibrahim", "Ilias", "Ilse", "Imane", "Ineke", "Ingrid",
        "Iris", "Jacob", "Jamal", "Jan", "Janneke", "Jannie", "Jasper", "Jeroen", "Jesse", "Joke",
        "Johan", "Johanna", "Joop", "Jopie", "Jos", "Julia", "Jurgen", "Karim", "Karin", "Kees",
        "Kemal", "Kevin", "Khadija", "Khalid", "Klaas", "Koen", "Koos", "Latifa", "Leo", "Levi",
        "Lieke", "Lina", "Linda", "Lisa", "Lotte", "Lucas", "Luuk", "Malika", "Marco", "Marian",
        "Marieke", "Marijke", "Marja", "Mark", "Marleen", "Marlon", "Marloes", "Martin", "Maud",
        "Mehmet", "Melek", "Merve", "Mien", "Mila", "Milan", "Mirjam", "Mohamed", "Mohammed",
        "Monique", "Murat", "Mustafa", "Mustapha", "Nadia", "Naima", "Nel", "Nico", "Niels", "Nina",
        "Noa", "Noah", "Noor", "Nora", "Nouri", "Omar", "Osman", "Peter", "Petra", "Piet", "Priya",
        "Rachid", "Rajesh", "Ranjit", "Ravi", "Rayan", "Ria", "Riet", "Rik", "Rob", "Romano",
        "Roshni", "Ruben", "Ruud", "Saar", "Said", "Samira", "Sander", "Sandra", "Sanne", "Sara",
        "Selin", "Sem", "Serkan", "Sevda", "Sharmila", "Shanti", "Shirley", "Sjaak", "Soufiane",
        "Sophie", "Stijn", "Sunita", "Sven", "Theo", "Thijs", "Tim", "Tineke", "Ton", "Toos",
        "Truus", "Tess", "Wendy", "Willem", "Wilma", "Wim", "Yara", "Yasmina", "Yusuf", "Youssef",
        "Zeynep", "Zineb", "Zoë", "Ömer",
    }
)

# Dutch name particles (tussenvoegsels) and their Arabic/Romance cousins, lower-cased.
PARTICLES: frozenset[str] = frozenset(
    {
        "van", "de", "den", "der", "ter", "ten", "te", "el", "al", "la", "le", "da", "du", "von",
        "ben", "bin", "ait", "'t", "’t",
    }
)

# Capitalised words that are never a name: function words that open a sentence, days, months,
# places and organisations social workers mention all the time.
STOPWORDS: frozenset[str] = frozenset(
    {
        "De", "Het", "Een", "Ik", "Jij", "Je", "Hij", "Zij", "Ze", "Wij", "We", "Jullie", "U",
        "Mijn", "Haar", "Zijn", "Hun", "Ons", "Onze", "Die", "Dat", "Deze", "Dit", "Er", "En", "Of",
        "Maar", "Want", "Dus", "Toen", "Daarna", "Daarom", "Ook", "Nog", "Wel", "Niet", "Geen",
        "Al", "Als", "Bij", "Met", "Voor", "Na", "Naar", "In", "Op", "Aan", "Uit", "Over", "Om",
        "Tot", "Van", "Vanaf", "Tijdens", "Sinds", "Door", "Morgen", "Gisteren", "Vandaag",
        "Vanochtend", "Vanmiddag", "Vanavond", "Straks", "Later", "Eerst", "Verder", "Volgende",
        "Vorige", "Nu", "Hier", "Daar", "Waar", "Wie", "Wat", "Hoe", "Waarom", "Ja", "Nee", "Oké",
        "Samen", "Veel", "Weinig", "Meer", "Minder", "Alle", "Iedereen", "Niemand", "Beide", "Twee",
        "Drie", "Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag",
        "Januari", "Februari", "Maart", "April", "Mei", "Juni", "Juli", "Augustus", "September",
        "Oktober", "November", "December", "Pasen", "Kerst", "Kerstmis", "Ramadan", "Suikerfeest",
        "Offerfeest", "Koningsdag", "Oud", "Nieuw", "Sinterklaas", "Bevrijdingsdag", "Divali",
        "Keti", "Koti", "Utrecht", "Amsterdam", "Rotterdam", "Den", "Haag", "Nederland", "Marokko",
        "Turkije", "Suriname", "Polen", "Syrië", "Eritrea", "Kanaleneiland", "Overvecht", "Lombok",
        "Hoograven", "Zuilen", "Ondiep", "Transwijk", "Lunetten", "Leidsche", "Rijn", "Vleuten",
        "Wijk", "Buurt", "Noord", "Zuid", "Oost", "West", "Centrum", "Binnenstad", "Buurtsuper",
        "Wijkcentrum", "Buurthuis", "Buurtkamer", "Voedselbank", "Budgetmaatjes", "Geheugenhuis",
        "Taalcafé", "Taalhuis", "Humanitas", "Gemeente", "Buurtteam", "Wijkteam", "Wmo",
        "Stichting", "Bibliotheek", "Moskee", "Kerk", "Jumbo", "Lidl", "Aldi", "Plus", "Heijn",
        "Hema", "Action", "Kruidvat", "Rabobank", "Zonnebloem", "Vluchtelingenwerk", "Schuldhulp",
        "Schuldhulpverlening", "Thuiszorg", "Jeugdzorg", "Ggz", "Ggd", "Mitros", "Portaal",
        "Woonin", "Eneco", "Vitens", "Belastingdienst", "Toeslagen", "Uwv", "Cak", "Duo", "Sociaal",
        "Raadslieden", "Repair", "Café", "Moestuin", "Speeltuin", "Nederlands", "Arabisch", "Turks",
        "Marokkaans", "Surinaams", "Engels", "Pools", "Koerdisch", "Tigrinya", "Berbers",
        "Oekraïens", "Oekraïne", "Koffie", "Thee", "Soep", "Speeltuintje", "Jongeren", "Ouderen",
        "Kinderen", "Mensen", "Buren",
    }
)

# Proper-name phrases that start with a first name but are shops or places, not people.
NOT_NAME_PHRASES: tuple[str, ...] = ("Albert Heijn", "Anne Frank", "Jan Linders", "Sint Maarten")

# A name token ending in one of these is a place or institution, so the whole span is no name.
PLACE_SUFFIXES: tuple[str, ...] = (
    "straatje", "straat", "laan", "plein", "pleintje", "gracht", "kade", "singel", "steeg",
    "plantsoen", "boulevard", "allee", "dreef", "school", "kerk", "moskee", "park", "centrum",
    "bibliotheek", "ziekenhuis", "kliniek",
)

# Street-name endings for "street + house number" addresses.
STREET_SUFFIXES: tuple[str, ...] = (
    "straatje", "straat", "laan", "weg", "plein", "pleintje", "gracht", "kade", "singel", "dreef",
    "hof", "park", "pad", "steeg", "dijk", "baan", "plantsoen", "markt", "boulevard", "erf",
    "ring", "allee", "oord", "veld", "wal", "haven", "zijde",
)

# Ordinary nouns that happen to end in a street suffix.
NOT_STREETS: frozenset[str] = frozenset(
    {
        "Onderweg", "Snelweg", "Loopbaan", "Antwoord", "Akkoord", "Woord", "Speelveld",
        "Voetbalveld", "Kerkhof",
    }
)

# Title words that may open a multi-word street name ("Prins Hendriklaan", "Burg. Reigerstraat").
STREET_TITLES: frozenset[str] = frozenset(
    {
        "Prins", "Prinses", "Koning", "Koningin", "Graaf", "Gravin", "Hertog", "Burgemeester",
        "Burg", "Generaal", "Kapitein", "Admiraal", "Dokter", "Dr", "Mr", "Pastoor", "Professor",
        "Prof", "Sint", "St", "Van", "De", "Den", "Der", "Ter", "Ten", "Oude", "Nieuwe", "Lange",
        "Korte", "Grote", "Kleine", "Hoge", "Lage", "Eerste", "Tweede", "Derde",
    }
)

# Words after a number that make it a count, age, amount or date instead of a house number.
NUMBER_UNITS: frozenset[str] = frozenset(
    {
        "mensen", "kinderen", "kids", "jongeren", "jongens", "meiden", "meisjes", "personen",
        "deelnemers", "bezoekers", "buren", "bewoners", "vrijwilligers", "gezinnen", "huishoudens",
        "ouderen", "vrouwen", "mannen", "moeders", "vaders", "jaar", "jaren", "maanden", "maand",
        "weken", "week", "dagen", "dag", "uur", "uren", "minuten", "keer", "euro", "procent", "km",
        "meter", "kilo", "stuks", "kopjes", "flats", "woningen", "portieken", "fietsen", "auto",
        "bomen", "bankjes", "containers", "katten", "honden", "januari", "februari", "maart",
        "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
        "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
    }
)
