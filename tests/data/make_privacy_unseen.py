"""Generate tests/data/privacy_notes_unseen.jsonl.

A second blind held-out set for buurtlog's personal-data guard (issue 20, item 4),
written by someone who never saw the guard's rules, its word lists, its
development set or its earlier held-out notes, and who did not run the guard on
these notes while writing them. The notes are typed the way a sociaal makelaar
types on a phone right after a chat: short, often lower case, abbreviations,
typos, hardly any full stops. About half are clean; the clean ones are full of
the things that make a guard cry wolf (public figures, pets, songs, shops,
organisations and their general mailboxes, public helplines, streets and
schools named after people, nationalities, dates, amounts, times, bus lines).
Many names are deliberately uncommon ones from the communities of Dutch
neighbourhoods, so that no word list is likely to hold them.

Source notes are written with inline markup: "[kind:surface text]", kinds
email, iban, phone, postcode, bsn, address, name. Offsets (Python code points)
are computed from the markup, never by hand.

Special surface values (generated with a fixed seed):
  [bsn:@]        valid BSN (11-test), 9 digits plain
  [bsn:@dots]    valid BSN formatted 1234.56.789
  [bsn:@spaces]  valid BSN formatted 123 456 789
  [iban:@BANK]   valid Dutch IBAN (mod-97), compact
  [iban:@BANK_s] same, in groups of four separated by spaces
  [iban:@BANK_l] same, compact and lower case

Annotation conventions (as in make_privacy_holdout.py):
  * name: only the name itself; honorifics and kinship/role words (mw, dhr,
    meneer, mevrouw, fam., buurman, oma, tante, juf, wijkagent ...) are
    excluded; particles (de, van der, vd, el) belong to the name, and so do
    initials ("M. Kaya"). Names of any private person (residents, volunteers,
    colleagues, a local police officer) are marked; public figures,
    organisations, shops, pets and streets/schools/squares named after people
    are not.
  * address: street name + house number incl. toevoeging (12a, 8 bis, 45-II,
    "31 3 hoog", "7 hs"); a bare street without number is not marked. City
    names are never marked.
  * postcode: just the postcode ("3531 CK", "2516xb"); a house number written
    after it as "huisnr 8" is not part of the span.
  * phone: the whole number including country prefix (+49, 0049) and
    separators; public service numbers (112, 0800-..., 0900-..., 088-...
    helplines, 14 0xx municipal numbers) are not personal data.
  * email: the whole address, also when obfuscated ("x at y dot nl",
    "x(at)y.nl"); an organisation's general mailbox (info@, balie@,
    secretariaat@ ...) is not personal data and is not marked.
Run from the repository root: ``.venv/bin/python tests/data/make_privacy_unseen.py``.
"""

import json
import random
import re
from pathlib import Path

rng = random.Random(20261204)

OUT = Path(__file__).with_name("privacy_notes_unseen.jsonl")
# ---------------------------------------------------------------------------
# Notes WITHOUT personal data (traps for a guard that cries wolf)
# ---------------------------------------------------------------------------
CLEAN = [
    "kort praatje bij de Dirk, mw ca 60 vraagt of er weer een kerstpakkettenactie komt",
    "dhr klaagt over de Appie op het plein, karren staan overal op de stoep",
    "bij de Jumbo ingang 2 jongens die statiegeld ophalen voor hun voetbalclub, leuk initiatief",
    "Max Verstappen fan op de galerij heeft hele balkon oranje, buren vinden het prima",
    "hond heet Bobbie, mw laat hem 3x per dag uit rondje park, zo kent ze de buurt",
    "kat Snoesje is weg sinds zaterdag, briefje hangt in de lift. doorgeven aan dierenambulance",
    "buurtkoor oefent Hallelujah en Oh Happy Day voor kerstviering in de Wilhelminakerk",
    "filmavond buurthuis do 19u: Bohemian Rhapsody, 22 mensen geweest, volgende keer Intouchables",
    "mw (turks) spreekt weinig nederlands, dochter tolkte. zoekt taalcafe op woensdag",
    "dhr marokkaans, 70+, wil naar de moskee maar trap is te zwaar. wmo traplift navragen",
    "gezin uit eritrea sinds 3 mnd in de wijk, kinderen op de Dr. Schaepmanschool",
    "oekraiense vrouwen zoeken ruimte om te naaien, misschien buurtkamer op vrijdagmiddag",
    "poolse bouwvakkers in tijdelijke woonunits, geen contact met buren, wil kennismaking organiseren",
    "Maandag inloop: 9 bezoekers, vooral vragen over de huurtoeslag",
    "Dinsdag geen spreekuur ivm studiedag team",
    "Woensdag 14 feb valentijnskoffie voor alleenstaande ouderen, 11 aanmeldingen",
    "januari rustig, februari meer meldingen over vocht en schimmel",
    "mw kreeg brief van CJIB, €412 boete voor rijden zonder ov, samen bezwaar opgesteld",
    "schuld bij zorgverzekeraar ca € 1.850, regeling van €45 pm voorgesteld",
    "lijn 12 rijdt niet meer via de Bernhardlaan, ouderen balen, klacht bij Qbuzz",
    "bus 6 en 73 omgeleid tot eind maart, halte bij het Vredenburg vervalt",
    "afspraak om 10:15 in kamer 2.14 van het wijkcentrum",
    "week 12 reparatie cv door woningbouw, mw blij",
    "wk 7 vakantie, dan geen koffieochtend",
    "Veel regen vandaag, weinig mensen op straat. Alleen rondje langs de speeltuin",
    "Gezellige middag bij de moestuin, 6 vrijwilligers, courgettes uitgedeeld",
    "Niemand thuis bij de flat, kaartje in de bus gedaan",
    "Samen met jongerenwerk langs de skatebaan, sfeer goed",
    "voor vragen over schulden: 0800-8115 (geldfit), folder meegegeven",
    "mw durft niet naar huis, 112 gebeld, politie kwam binnen 10 min",
    "Veilig Thuis gebeld op 0800-2000 voor advies, casus besproken zonder namen",
    "Luisterlijn 088-0767000 gegeven aan dhr die zich eenzaam voelt 's nachts",
    "gemeente bellen via 14 030 over grofvuil ophalen",
    "mailen naar info@buurtteamsutrecht.nl voor aanmelding, heb ik samen met mw gedaan",
    "vragen over energietoeslag naar balie@wijkpunt-zuid.nl sturen",
    "aanmelden voedselpakket via aanmelden@voedselbank-haarlem.nl, formulier ingevuld",
    "secretariaat@bewonerscommissie-delfshaven.nl staat op de poster in de hal",
    "brieven van de Belastingdienst en DUO doorgenomen, niks dringends",
    "Eneco wil voorschot verhogen naar €210, mw schrikt, samen naar de rekentool gekeken",
    "woningcorporatie Portaal komt wo kijken naar lekkage",
    "Ymere heeft de galerijverlichting gerepareerd na 6 weken",
    "Stichting Vluchtelingenwerk helpt met gezinshereniging, wij alleen doorverwijzen",
    "Kringloop de Lichtboei heeft gratis meubels voor nieuwkomers",
    "speeltuin aan de Anne Frankstraat is gesloopt, kinderen spelen nu op straat",
    "bankje bij het Mandelaplein kapot, melding via BuitenBeter app",
    "ouders van de Johan de Wittschool willen een oversteekplaats",
    "Wijkpark Martin Luther King is vies na het weekend, vuilnisprikkers actie op za",
    "de Prins Hendrikkade staat vol met fietswrakken",
    "Plein bij de Willem Drees flat is donker, lantaarnpaal kapot",
    "Koning Willem-Alexander kwam vorig jaar langs op Koningsdag, mensen praten er nog over",
    "Khadija Arib was op bezoek bij de wijkraad, veel mensen kwamen kijken",
    "mw fan van Andre Hazes, zingt de hele dag Zij gelooft in mij",
    "karaoke avond: Bloed Zweet en Tranen en Hotel California het populairst",
    "kinderen keken Frozen in de buurtkamer, Let It Go drie keer gezongen",
    "mw leest elke week de Margriet en de Libelle, wil een leesclub",
    "jongen wil profvoetballer worden zoals Memphis Depay, verwezen naar Krajicek playground",
    "buurtvader vertelt dat hij naar Ajax-Feyenoord wil, kaartjes te duur",
    "Ramadan eindigt volgende week, suikerfeest in de buurtkamer gepland",
    "keti koti viering 1 juli op het plein, Surinaamse en Antilliaanse buren koken samen",
    "Sinterklaas intocht zat 14 nov, vrijwilligers nodig voor pieten",
    "Oud en nieuw: vuurwerkoverlast bij de garageboxen, wijkagent ingelicht",
    "Pasen paaseieren zoeken met de kinderclub, 18 kinderen",
    "dhr wil zijn Samsung telefoon laten maken, verwezen naar repair cafe",
    "Philips airfryer gewonnen bij de loterij van de Action, mw blij",
    "mw heeft iPhone maar weet niet hoe ze DigiD app moet gebruiken, za hulp",
    "lening bij de Kredietbank Nederland, rente te hoog",
    "kindje heeft astma, huis vochtig, GGD inschakelen?",
    "huisarts in de buurt neemt geen nieuwe patienten, mw moet naar Nieuwegein",
    "ruzie tussen buren over een heg, bemiddeling voorgesteld via Buurtbemiddeling",
    "koffie met de moeders op het schoolplein, ze willen een Arabische les voor hun kids",
    "Turkse vrouwengroep wil wandelclub, dinsdagochtend 9:30 verzamelen bij de vijver",
    "Tigrinya tolk nodig voor gesprek over toeslagen",
    "spreekt alleen Oekraiens en een beetje Engels, Google Translate gebruikt",
    "Papiamento spreekt ze thuis, haar kleinkinderen niet meer",
    "Twi en Engels, kerk in de Bijlmer, komt elke zondag",
    "Fries als moedertaal, mist het platteland, wil graag tuinieren",
    "dhr komt uit Suriname, 40 jaar in NL, nu alleen in de flat",
    "tweeling van 3 op de fiets, moeder wil bakfiets subsidie",
    "Huur €780, inkomen bijstand, moeite met rondkomen. Budgetcoach?",
    "de Pauluskerk heeft warme maaltijd op vrijdag, €2,50",
    "Gaat goed met mw na de operatie, loopt weer met rollator",
    "Heel blij met de nieuwe keuken van de corporatie",
    "Buurvrouw van 4 hoog brengt mw elke dag soep",
    "Opa van het gezin op de 2e is overleden, kaartje gestuurd namens buurtteam",
    "Oma past 3 dagen per week op de kleinkinderen, is op",
    "tante van de jongen komt uit Rotterdam om te helpen",
    "juf van groep 5 maakt zich zorgen, kind komt zonder ontbijt",
    "buurman van nr 21 helpt met boodschappen, top",
    "mw heeft 4 katten en een parkiet, huis ruikt, corporatie klaagt",
    "konijn Pluis van de kinderboerderij overleden, kinderen verdrietig",
    "de hond Rocky blaft hele dag, buren boos",
    "papegaai zegt goedemorgen tegen iedereen op de galerij haha",
    "bewonersavond over de Oosterpark renovatie, 35 bewoners, veel boosheid over parkeren",
    "nieuwe AED hangt bij de Kruidvat, cursus reanimatie in maart",
    "HEMA worst gekocht voor de vrijwilligers, €12,40 uit potje",
    "Bij de Albert Heijn Hoog Catharijne statiegeldbon gedoneerd aan voedselbank",
    "Lidl heeft nu een sociale kassa op di ochtend",
    "de Blokker sluit, mw werkte daar 20 jaar, nu werkloos",
    "buurtkamer de Zeshoek open van 9-12, nieuwe koffiemachine",
    "MEE en Wijkteam Noord samen op huisbezoek geweest, goed overleg",
    "Sociaal Raadslieden spreekuur vol tot 15 april",
    "Humanitas thuisadministratie heeft wachtlijst van 6 wkn",
    "Leger des Heils maaltijd do 17:30, 3 mensen naartoe gebracht",
    "jongens op scooters bij de Hoogvliet, melding gedaan",
    "18:45 nog rondje gedaan, rustig",
    "om 7u s ochtends al lawaai van bouwplaats, klachten",
    "datum bewonersbijeenkomst: 23-05-2027 om 19.30",
    "deadline aanvraag 31/03 halen we",
    "3e keer dit jaar kapotte lift in flat C",
    "flat 1 t/m 4 krijgen nieuwe kozijnen in het najaar",
    "galerij 6 hoog veel zwerfafval, schoonmaakactie met bewoners",
    "portiek 3 ruikt naar wiet, corporatie weet ervan",
    "Bikes4All repareert gratis fietsen voor statushouders",
    "vluchtelingen uit Kharkiv en Odesa in het oude kantoorpand",
    "ramen van de Aldi ingegooid, jongeren uit de buurt?",
    "Wijkagent Oost komt dinsdag naar het buurtoverleg",
    "team Zuidwest heeft volgende wk geen overleg",
    "vrijwilligers van de Voedselbank Amsterdam-Noord hadden te weinig brood",
    "gesprek gehad met Warm Welkom over winteropvang",
    "Marokkaanse thee en msemen op de buurtmarkt, groot succes",
    "Roti maken met de Hindoestaanse vrouwengroep",
    "Indische rijsttafel bij de ouderensoos, 40 gasten",
    "moeder wil naar de Mytylschool met haar zoon, vervoer regelen",
    "Nelson Mandelapark jaarlijkse picknick, 200 bezoekers",
    "De Beatrixschool is dicht door stormschade",
    "het Erasmus MC heeft hem doorverwezen naar revalidatie",
    "Ze gaat naar het Sint Antonius in Nieuwegein voor controle",
    "Op de Van Speijkstraat wordt gebouwd, veel stof",
    "Johan Cruijff Arena concert gemist, jongens boos",
    "Thuiszorg Careyn komt 2x per dag",
    "dhr wil bij PostNL werken, cv opgesteld",
    "Stroomstoring flat 2 van 14u tot 17u, ouderen in het donker",
    "Hoop dat de gemeente snel iets doet met de verkeersdrempels",
    "Zorgen over jongeren die drugs verkopen bij het station",
    "mw zegt dat ze zich veiliger voelt sinds de camera's",
    "alleenstaande vader, 3 kinderen, werkt nachtdienst bij Schiphol",
    "gezin krijgt Jeugdfonds Sport voor zwemles",
    "Stadspas aangevraagd, duurt 4 wkn",
    "Kwijtschelding gemeentelijke belastingen ingediend",
    "mw is heel creatief, haakt mutsen voor daklozen, wil ze aan het Leger des Heils geven",
    "Hoe gaat het met je? vroeg ik, goed zei ze maar ze huilde",
    "Dankzij de buren komt dhr weer buiten",
    "Ik ga volgende week samen met collega langs",
    "Wij hebben afgesproken dat ze zelf belt",
    "Zij wil graag meedoen aan de schilderclub",
    "Hij komt uit Aleppo, sinds 2016 hier, wil graag werken als elektricien",
    "Groningen of Friesland, weet niet meer waar haar familie woont",
    "Deventer, Zwolle, Apeldoorn: overal al gesolliciteerd",
    "Spijkenisse verhuizing gaat door, laatste keer koffie gedronken",
    "Sinds de Corona weinig contact met familie in Paramaribo",
    "Curacao vakantie gaat niet door, geen geld",
    "Accra is zijn geboortestad, hij mist het eten",
    "Grootmoeder in Asmara belt elke zondag",
    "Lviv, daar woonde ze tot 2022",
    "Kolkata, Sylhet en Lahore, het gezelschap van de vrouwenochtend is divers",
]


# ---------------------------------------------------------------------------
# Notes WITH personal data
# ---------------------------------------------------------------------------
PII = [
    # names after a cue word
    "mw [name:Ouafae] wil graag vrijwilliger worden bij de koffieochtend",
    "dhr [name:Tesfalem] zoekt werk in de bouw, cv maken volgende wk",
    "buurman [name:Grzegorz] helpt mw met de verhuizing za",
    "oma [name:Titiek] kookt voor de hele galerij op vrijdag",
    "tante [name:Akosua] past op de kinderen als moeder nachtdienst heeft",
    "juf [name:Gerbrich] belt ons als kind weer zonder jas komt",
    "mw [name:Sevim Kocabaş] heeft huurachterstand van 2 mnd",
    "dhr [name:Mebrahtu] wil naar de taalles maar heeft geen fiets",
    "mevrouw [name:Jadwiga] (ca 75) heeft valalarm nodig",
    "meneer [name:Sibbele de Vries] mist zijn vrouw, sinds mei weduwnaar",
    "mw [name:Ranjana Jagesar] heeft suiker, vergeet vaak insuline",
    "mw. [name:Liudmyla] zoekt school voor haar zoon van 14",
    "dhr. [name:Yücel Karabulut] overlast van buren boven, bemiddeling?",
    "buurvrouw [name:Baukje] heeft sleutel van mw voor noodgevallen",
    "opa [name:Driss] brengt de kleinkinderen elke ochtend naar school",
    "wijkagent [name:Gijsbert] komt langs bij de hangplek",
    "mw [name:Nana Ama Oduro] wil een naaicursus geven in de buurtkamer",
    "fam. [name:Tjon-A-Fat] krijgt nieuwe keuken, moet week weg uit huis",
    "dhr [name:van der Meulen-Brink] wil in de bewonerscommissie",
    "mw [name:el Ouali] schaamt zich voor de schulden",
    "collega [name:Marjolein] neemt casus over tijdens mijn verlof",
    "vrijwilliger [name:Przemek] heeft de fietsen gerepareerd",
    "buurjongen [name:Shurendy] speelt hele nacht muziek",
    "mw [name:Hatice] en haar dochter [name:Elif] waren bij inloop",
    "zoon van mw heet [name:Bohdan], zit in groep 6",
    "dochter [name:Semhar] tolkt voor haar vader",
    "schoonzus [name:Glenda Pinas] regelt de post van mw",
    "mw [name:Wytske] van de breiclub is gevallen, heup gebroken",
    "dhr [name:Kwabena] komt niet meer naar de kerk, vrienden maken zich zorgen",
    "mw [name:Ilse Kromodimedjo] wil haar oude moeder bij zich laten wonen",
    # names without cue, at sentence start, lower case, typos
    "[name:Yonas] kwam vandaag zelf naar de inloop, goed teken",
    "[name:Fadoua] belde, ze heeft de toeslag terug gekregen",
    "[name:Sjoukje] komt do ook naar de koffie",
    "[name:Rignald] heeft weer werk, bij de haven",
    "[name:yaw] was er niet, morgen nog een keer bellen",
    "[name:oksana] wil graag nederlands leren, verwijzen naar taalhuis",
    "[name:tsjerk] heeft zijn sleutel weer kwijt, corporatie gebeld",
    "[name:hylke] en [name:durk] (tweeling) op de voetbalclub ingeschreven",
    "met [name:kofi] naar de bank geweest voor een rekening",
    "gesprek met [name:Lujain] over haar studie, wil verpleegkunde",
    "samen met [name:Ghaith] formulier gemeente ingevuld",
    "bij [name:Zoubida] thuis koffie gedronken, huis is netjes",
    "vandaag [name:wulan] gesproken op het plein",
    "afgesproken met [name:Taras] dat hij zelf de huurbaas belt",
    "[name:Berrak] en haar man gaan scheiden, zorgen om kinderen",
    "gebeld door [name:Naoual], ze is erg in paniek over deurwaarder",
    "[name:Mohcine] zegt dat de jongens hem bedreigen",
    "eten gebracht naar [name:Efua] na de bevalling",
    "[name:Filmon] heeft zijn verblijfsvergunning!! feestje",
    "[name:Jurgen Martina] wil een buurtbbq organiseren",
    "[name:Solomiia] huilde, man is nog in Oekraine",
    "ff met [name:Hennie] gebeld, gaat wat beter",
    "[name:Gerdien] heeft 3 tassen kleding gebracht voor de ruilbeurs",
    "[name:jelle] van de snackbar gaf gratis patat aan de kinderen",
    "[name:marten] heeft last van zijn rug, kan niet werken",
    "[name:abena] vraagt of wij kunnen helpen met de brief van IND",
    "[name:Soufian] wil stage bij ons, zat vorig jaar op het ROC",
    "[name:Agniezska] vraagt naar werk als schoonmaakster",
    "[name:Hafssa] wil een vrouwengroep starten",
    "[name:Mykolla] heeft een bijbaan bij de Jumbo",
    "[name:Semhar] en [name:Saba] kwamen samen, vriendinnen uit de kerk",
    "met [name:Teun] en [name:Ria] de kerstboom versierd",
    "tijdens koffie vertelde [name:Lieke Tan] over haar opa uit Indonesie",
    "[name:Roshni] zoekt kinderopvang, werkt vanaf sept",
    "[name:Errol] heeft zijn vrouw verloren, wil praten",
    "[name:Norwin] en zijn broer hangen veel op straat",
    "gisteren [name:Imane Azzouzi] naar huisarts gebracht",
    "[name:Zaid] komt niet naar de les want moet werken",
    "gesproken met [name:Aklilu], woont alleen, weinig contact",
    "[name:Maher] kookt volgende week syrisch eten voor de buurtmaaltijd",
    "heb [name:Sharmila] gewezen op de voedselbank",
    "[name:Ynskje] heeft de bloemen van de buurtkamer water gegeven",
    # ALL CAPS, particles, hyphenated, initials
    "mw [name:AMPONSAH] komt niet meer opdagen bij afspraken",
    "dhr [name:KOWALCZYK] belt elke dag over het lawaai",
    "aanvraag ingevuld op naam van [name:M. Boutaleb]",
    "brief was gericht aan [name:S.K. Wijngaarde]",
    "formulier tnv [name:H. ter Horst-Visser]",
    "[name:Anne-Fleur] van de bibliotheek doet de voorleesochtend",
    "dhr [name:Jan-Pieter vd Velde] heeft de sleutels",
    "mw [name:Ait Hammou] kan niet lezen, brieven voorlezen",
    "[name:Sri Wahyuni] doet vrijwilligerswerk bij de kinderclub",
    "dhr [name:Pattipeilohy] wil de Molukse kerk in de buurtkamer laten vieren",
    "mw [name:ÖZTÜRK] heeft afspraak gemist",
    "[name:Ays\u0327e] wil werk als kapster",
    "mw [name:Małgorzata Zając] heeft probleem met werkgever, uitbetaling te laat",
    "mw [name:Ferhunde] is erg eenzaam sinds kinderen weg zijn",
    "[name:Gülizar] uit 3 hoog heeft een nieuwe baby",
    "dhr [name:Latuheru] (moluks) heeft hartproblemen",
    "vrijwilliger [name:Dewi Sasmita] helpt met de administratie",
    "[name:Wojtek Szczepański] werkt via uitzendbureau, huisvesting slecht",
    "[name:Kwame] en [name:Adjoa] hebben een tweeling gekregen",
    "[name:Shaquille Ellis] wil jongerenwerker worden",
    "mw [name:Jolanda Verhagen] en haar hond Bolletje lopen elke ochtend door het park",
    "mw [name:IJpelaar] wil weer naar de bingo maar durft niet alleen",
    # phones
    "mw belt liever, nr [phone:06-41827390]",
    "dhr [name:Tekle] bereikbaar op [phone:0648 23 91 07]",
    "nummer dochter: [phone:0612905573]",
    "terugbellen op [phone:+31 6 2839 4401]",
    "tel [phone:0031 6 58213094]",
    "vaste lijn [phone:030-2947715]",
    "[phone:010 4187762] is het nummer van haar zus in R'dam",
    "zoon in Duitsland, [phone:+49 1522 8374610]",
    "broer in Dusseldorf: [phone:0049 176 43829105]",
    "neef in Polen [phone:+48 601 738 294]",
    "familie in Krakow nr [phone:+48 512-093-847]",
    "moeder in Nador [phone:+212 661 482937]",
    "broer [phone:+212661903554] belt elke week",
    "tante in Brussel [phone:+32 470 58 21 93]",
    "schoonmoeder in Antwerpen [phone:0032 485 12 90 44]",
    "vader in Izmir [phone:+90 532 481 27 60]",
    "dhr zijn oude nr [phone:+90 (542) 318 7755]",
    "man in Kyiv, [phone:+380 67 482 1937]",
    "vriendin [phone:+380501234819] weet van de situatie",
    "zus in Kumasi [phone:+233 24 418 2235]",
    "broer in Accra [phone:00233 20 773 8841]",
    "moeder in Paramaribo [phone:+597 8814523]",
    "oom in Suriname [phone:+597 852-1190]",
    "nicht op Curacao [phone:+599 9 512 3874]",
    "familie Bonaire [phone:+599 717 4420]",
    "[name:Rawan] geeft haar nummer: [phone:06 18 27 36 45]",
    "[name:Bożena] belt vanaf [phone:+48 788 201 339]",
    "whatsapp [name:Selam] [phone:+31 (0)6 37 28 19 04]",
    # emails
    "mailadres mw: [email:s.kocabas78@hotmail.com]",
    "[name:Hala] mailt liever: [email:hala.shikhali@gmail.com]",
    "stuur de info naar [email:yonas.gm1990@outlook.com]",
    "mail dhr [email:tjeerdsma.j@ziggo.nl]",
    "email: [email:oksana dot h at gmail dot com]",
    "mailen naar [email:wytske(at)kpnmail.nl]",
    "haar mail is [email:akosua.b (at) yahoo.com]",
    "mw wil het op [email:Marciano.W@Live.nl] hebben",
    "[email:kwabena_owusu@icloud.com] voor de uitnodiging",
    "zoon zijn mail [email:bohdan.melnychuk at ukr dot net]",
    # addresses & postcodes
    "woont op [address:kanaaldijk 14b], 3 hoog zonder lift",
    "adres: [address:Hoge Rijndijk 201-3]",
    "dhr woont [address:tweede oosterparkstraat 88 hs]",
    "huisbezoek [address:Van Lieflandlaan 12 bis]",
    "mw verhuist naar [address:Ravelijn 31]",
    "nieuw adres [address:Kortenaerkade 9a], [postcode:2518 AX]",
    "pakket bezorgen [address:achter clarenburg 4], [postcode:3511jm]",
    "woont [address:Bijlmerdreef 1024] sinds 2019",
    "flat [address:Zonnebloemstraat 3 2 hoog], deur werkt niet",
    "[address:Pijnackerstraat 56-II] is de woning met schimmel",
    "postcode [postcode:1093 AB] huisnr 8",
    "pc [postcode:9712 hn], huisnr 44",
    "postcode: [postcode:3572kx]",
    "mw [name:Sharon Isenia], [address:Mgr. Nolenslaan 17c], [postcode:1064 GV]",
    "bij [name:Orhan] thuis, [address:Stadhoudersmolen 3]",
    "[name:Przemysław] woont [address:Koninginneweg 121 1e verd]",
    "pakketje voor [name:Liesbeth Feenstra], [address:Jan van Galenstraat 240]",
    "adres [name:Yaryna]: [address:Dorpsstraat 9 a]",
    # bsn & iban
    "bsn mw [bsn:@] voor de aanvraag",
    "BSN dhr: [bsn:@dots]",
    "burgerservicenr [bsn:@spaces] genoteerd voor wmo",
    "rekening [iban:@INGB] voor de huur",
    "IBAN [name:Efua Mensah-Bonsu]: [iban:@RABO_s]",
    "terugbetaling naar [iban:@ABNA_l]",
    "rek.nr dochter [iban:@SNSB]",
    # mixed
    "[name:Abdelkrim] [phone:06-29384756] [address:Bergweg 77b]",
    "mw [name:Marlies Statia] wil contact via [email:marlies.statia@gmail.com] of [phone:0687210394]",
    "dhr [name:Gilbert Rosaria] woont [address:Amsterdamsestraatweg 442 bis], [postcode:3551 CX]",
]


MARK = re.compile(r"\[(name|phone|email|postcode|bsn|iban|address):([^\[\]]+)\]")


def make_bsn():
    """A random nine-digit number that passes the BSN 11-test."""
    while True:
        d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        last = sum(w * x for w, x in zip(range(9, 1, -1), d)) % 11
        if last <= 9:
            return "".join(map(str, d + [last]))


def make_iban(bank):
    """A random Dutch IBAN for the given bank code with a valid mod-97 check."""
    bban = bank + "".join(str(rng.randint(0, 9)) for _ in range(10))
    check = 98 - int("".join(str(int(c, 36)) for c in bban + "NL00")) % 97
    iban = f"NL{check:02d}{bban}"
    assert int("".join(str(int(c, 36)) for c in iban[4:] + iban[:4])) % 97 == 1
    return iban


def expand_special(kind, surface):
    """Replace an @-surface by a generated BSN or IBAN in the asked format."""
    if not surface.startswith("@"):
        return surface
    spec = surface[1:]
    if kind == "bsn":
        b = make_bsn()
        formats = {
            "": b,
            "dots": f"{b[:4]}.{b[4:6]}.{b[6:]}",
            "spaces": f"{b[:3]} {b[3:6]} {b[6:]}",
        }
        return formats[spec]
    if kind == "iban":
        bank, _, fmt = spec.partition("_")
        i = make_iban(bank)
        formats = {"": i, "s": " ".join(i[k : k + 4] for k in range(0, len(i), 4)), "l": i.lower()}
        return formats[fmt]
    raise ValueError(f"bad special {kind}:{surface}")


def parse(src):
    """Turn a marked-up note into its plain text and its findings with offsets."""
    text, findings, pos = "", [], 0
    for m in MARK.finditer(src):
        text += src[pos : m.start()]
        kind, surface = m.group(1), expand_special(m.group(1), m.group(2))
        start = len(text)
        text += surface
        findings.append({"kind": kind, "start": start, "end": len(text)})
        pos = m.end()
    text += src[pos:]
    assert "[" not in text and "]" not in text, src
    return text, findings


def main():
    rows = []
    for src in CLEAN:
        text, findings = parse(src)
        assert not findings, src
        rows.append({"text": text, "findings": findings})
    for src in PII:
        text, findings = parse(src)
        assert findings, src
        rows.append({"text": text, "findings": findings})
    rng.shuffle(rows)
    texts = [r["text"] for r in rows]
    assert len(set(texts)) == len(texts), "duplicate notes"
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} notes to {OUT}")


if __name__ == "__main__":
    main()
