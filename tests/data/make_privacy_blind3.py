#!/usr/bin/env python3
"""Third blind test set for the buurtlog privacy guard.

Written by a helper session on 5 Dec, blind: the author never saw the guard,
its word lists, its patterns or any other test set (only the docstring of
make_privacy_blind.py, for the conventions below). All notes are invented by
hand in the style of short field notes typed on a phone by Dutch sociaal
makelaars / wijkteams after a chat with a resident (koffietafel in de
supermarkt, praatje pot, inloop, huisbezoek, schoolplein, moskee, kerk,
buurthuis, voedselbank, taalcafé, speeltuin, portiek, markt). About half the
notes are clean (no personal data) and full of traps: places, streets and
schools named after people, organisations, shops, public figures, pets,
holidays, dates, amounts, case numbers and public service numbers.

Markup: notes use inline "[kind:surface]" with kind in email, iban, phone,
postcode, bsn, address, name. The script strips the markup and computes the
offsets (Python code points, start inclusive, end exclusive) in the plain text.
Special surfaces (replaced with values from a fixed seed):
  [bsn:@]        valid BSN (11-test), 9 digits plain
  [bsn:@dots]    valid BSN written 1234.56.789
  [iban:@BANK]   valid Dutch IBAN (mod 97), compact (BANK e.g. ABNA INGB RABO ASNB KNAB)
  [iban:@BANK_s] same, in groups of four separated by spaces

Annotation conventions:
  * name: only the name; honorifics and kinship/role words (mw, dhr, meneer,
    mevrouw, fam., buurman, oma, opa, tante, oom, juf, wijkagent ...) excluded;
    particles (de, van der, ter, el, ben, da, dos) and initials belong to the
    name. Private persons (residents, volunteers, colleagues, local police
    officer, market vendors) are marked; public figures, organisations, shops,
    pets, streets/schools/squares named after people are not.
  * address: street + house number incl. toevoeging (12a, 3-II, 14 bis, 8 hs,
    22-zw, "3 hoog"); bare street not marked; city names never marked.
  * postcode: just the postcode (a house number after it is not included).
  * phone: whole number incl. country prefix and separators; public service
    numbers (112, 0800-, 0900-, 088- helplines, 14 0xx) are not marked.
  * email: whole address, also obfuscated; organisations' general mailboxes
    (info@, balie@, contact@ ...) are not marked.

Output: privacy_notes_blind3.jsonl next to this script, one JSON object per
line: {"text": ..., "findings": [{"kind", "start", "end"}, ...]} with the
findings sorted by start. Deterministic: two runs give identical bytes.

Run: python3 tests/data/make_privacy_blind3.py
"""

import json
import os
import random
import re

KINDS = ("email", "iban", "phone", "postcode", "bsn", "address", "name")
SEED = 20241205
MARK = re.compile(r"\[(" + "|".join(KINDS) + r"):([^\[\]]+)\]")

# --- clean notes: no personal data (traps only) -------------------------------------------
CLEAN = [
    "koffietafel in de AH aan de Amsterdamsestraatweg, 6 mensen aangeschoven, veel gepraat over de energietoeslag",
    "praatje pot bij de Vomar, mw. klaagt over hondenpoep op het Mandelaplein",
    "inloopochtend buurthuis De Schakel: 14 bezoekers waarvan 3 nieuw. koffie was om 10.15 al op 😅",
    "huisbezoek gedaan, meneer (82) woont alleen, dochter komt 1x per week. doorverwezen naar wijkteam",
    "schoolplein Willem-Alexanderschool, moeders vragen naar zomeractiviteiten voor kids 6-12",
    "na vrijdaggebed bij de moskee gesproken met bestuur over iftar in buurthuis tijdens ramadan",
    "kerk St. Jozef: diaconie wil samenwerken tav kerstpakketten, ca 40 gezinnen",
    "voedselbank uitgiftepunt dinsdag drukker dan ooit, 43 pakketten. vrijwilligers moe maar positief",
    "taalcafé thema 'bij de huisarts'. groep van 9, Tigrinya en Arabisch sprekers, goede sfeer",
    "speeltuin klimrek kapot, gemeld via Fixi meldingnr 2024-118467",
    "portiekgesprek flat in de Bijlmer, bewoners willen beter licht in de galerij. zaaknr 0612-4471",
    "markt zaterdag, roti gegeten bij de Surinaamse kraam met de buurtvaders, goed gesprek over jongeren",
    "mw wil mee met uitje van de Zonnebloem, gaf haar ook het nr van de Luisterlijn 0900-0767",
    "bij nood altijd 112 bellen, niet de wijkagent via whatsapp 😬 nog eens uitgelegd aan de groep",
    "Juliana van Stolbergstraat afvalcontainers weer vol, gemeld bij gemeente",
    "Koningsdag: buurt wil eigen vrijmarkt op het Beatrixplein ipv in het Vondelpark",
    "fam uit Eritrea net verhuisd naar de wijk, spreken Tigrinya, hulp nodig bij DigiD en toeslagen",
    "Keti Koti viering 1 juli in buurthuis, 120 gasten verwacht, veel dames in koto",
    "Suikerfeest: bewoners trakteren baklava en dadels bij de inloop 🌙",
    "Diwali in de hindoetempel, bestuur nodigt hele buurt uit, lichtjes op het plein",
    "oudere dame kijkt elke dag Heel Holland Bakt en wil een bakclub starten, ruimte checken",
    "jongens op het pleintje praten alleen over Ajax-Feyenoord, sfeer wat grimmig na de wedstrijd",
    "poster van Frenkie de Jong op de deur van de jongerenruimte, iemand heeft er een snor op getekend",
    "vraag over toeslagenaffaire, verwezen naar de hersteloperatie en het Juridisch Loket 0900-8020",
    "Sinterklaas komt 30 nov in het wijkcentrum, 60 kinderen aangemeld, nog 4 hulppieten nodig",
    "koffieochtend: gesprek over het bezoek van koningin Máxima aan Rotterdam-Zuid",
    "meneer heeft een hond Bobbie die hij niet meer kan uitlaten, zoeken buurtbewoner die wil helpen",
    "moeder van 3 (34) uit Aleppo wil werken, heeft diploma verpleegkunde. traject via UWV",
    "Lidl Kanaleneiland koffietafel, 11 mensen, veel vragen over stookkosten en de nieuwe meter",
    "Muhammad Ali quote op de muur van de boksschool, jongens willen die opnieuw schilderen",
    "bewoners van het Erasmusplein willen de bankjes terug die vorig jaar weg zijn gehaald",
    "Hoogvliet, Pendrecht, Lombok en de Schilderswijk genoemd als voorbeeldwijken in het overleg",
    "Ramadan begint, avondinloop verschoven naar 20.30 na de iftar",
    "kinderen in speeltuin spelen Pokémon Go, ouders klagen over scooters op het fietspad",
    "Chinees Nieuwjaar bij de toko op de Binnenweg, drakendans om 14.00 uur",
    "mevrouw uit Polen werkt bij distributiecentrum in Venlo, wil taalles op zaterdag",
    "hongaarse fam zoekt huisarts, alle praktijken vol. tijdelijk naar de huisartsenpost verwezen",
    "jongerenwerker en ik spraken 5 jongens bij de Albert Heijn, ze willen een voetbalkooi",
    "Sint Maarten lampionnenoptocht 11 nov, start bij de Regenboogschool om 18.00",
    "bewoners bang voor sloop, Woonstad info-avond 14 maart in de aula",
    "ouderen willen bingo terug op donderdagmiddag, €2,50 pp incl koffie",
    "kleding inzameling voor Oekraïne, busje vertrekt vrijdag via Polen naar Lviv",
    "Bob Marley uit de speaker bij het basketbalveld, gezellig, geen overlast",
    "vrijwilligster las voor uit Wij slaven van Suriname van Anton de Kom, indrukwekkend",
    "in de Anton de Komstraat lekkage in de bergingen, woningcorporatie ingelicht",
    "meneer 67 jr, diabetes, mantelzorg door zoon. wmo aanvraag loopt, kenmerk WMO-2024-03318",
    "taalcafé: Syrische en Afghaanse deelnemers leren spreekwoorden, de kat uit de boom kijken 😄",
    "Cruijff Court bij de Johan Cruijffschool druk bezocht na schooltijd",
    "bewoonster vraagt of koning Willem-Alexander echt naar onze stad komt met Koningsdag 😂",
    "afspraak maandag 9:30 met woningcorporatie ivm schimmel in badkamers van het blok",
    "Pippi Langkous verkleedfeest op de basisschool, kinderen dolblij",
    "koffietafel Jumbo: gesprek over het Songfestival en Joost Klein, ouderen snappen er niks van",
    "Kaapverdische muziekavond in Delfshaven, morna en funaná, 70 bezoekers",
    "Molukse ouderen willen gezamenlijke maaltijd, nasi kuning en kohu kohu",
    "Zilveren Kruis wijst aanvraag af, bezwaar maken voor 15-06",
    "ING-app werkt niet op de oude Samsung van mw., samen opnieuw geïnstalleerd",
    "huisbezoek Overvecht, 3-hoog zonder lift, mw. kan de trap niet meer op. urgentie aangevraagd",
    "Bakkerij Driessen schenkt weer brood voor de inloop, bedankkaart sturen",
    "kapsalon Istanbul en shoarmazaak Habibi doen mee aan de buurtschoonmaak",
    "Marokkaanse moeders willen zwemles voor meiden, vraag of burkini mag in het zwembad",
    "tuin van de kerk: beeld van Franciscus beschadigd, koster regelt herstel",
    "vrijwilligers van de Sint-Nicolaaskerk delen soep uit op het plein, 50 kommen",
    "open dag Mevlana moskee, 200 bezoekers, burgemeester Halsema kwam ook langs",
    "op 12-03-2024 om 14:15 buurtschouw met gemeente en politie, start bij het buurthuis",
    "bewoners klagen dat de servicelijn van de corporatie nooit opneemt",
    "kerststal op het marktplein vernield, Jozef en Maria omgegooid, kindje Jezus weg 😢",
    "meneer wil naar Nador voor begrafenis van zijn broer, vraag over noodfonds",
    "vrouw uit Mogadishu, 5 kinderen, oudste (17) helpt met alle brieven",
    "Harry Potter leesclub 10+ in de buurtbieb, 8 kinderen, volgende keer deel 2",
    "bewoners Transvaalkwartier willen bloembakken, de Paul Krugerlaan is te druk voor kinderen",
    "mw moet pakketje bij PostNL ophalen, punt zit in de Primera, samen gelopen",
    "gesprek over Pride, 2 jongeren durven niet uit de kast ivm familie. doorverwezen naar COC",
    "buurvrouwen bakken spekkoek en bara voor het feest 🎉",
    "wijkteam is bereikbaar via 14 020, op kaartje geschreven voor mw",
    "zorgen over huiselijk geweld, Veilig Thuis 0800-2000 gebeld voor advies",
    "jongere met sombere gedachten, samen 0800-0113 gebeld, vervolg afgesproken",
    "dossiernr 2024/06/118 bij de gemeente, nog geen reactie na 6 weken",
    "Vandaag rustig. Regen. Alleen de vaste kern bij de koffie",
    "wie in de wijk spreekt Pools? Nodig voor gesprek op school",
    "mails graag naar info@buurthuisdeschakel.nl, niet naar de persoonlijke adressen",
    "formulieren kunnen naar balie@wijkteamwest.nl, mw. weet nu hoe",
    "voedselpakket aanvragen via contact@voedselbankzuid.nl, samen de mail opgesteld",
    "Max Verstappen pet op bij de koffie, meneer van 84 is groot fan 🏎️",
    "discussie over Wilders en de verkiezingen, gemoederen liepen hoog op bij de koffietafel",
    "Sifan Hassan is een voorbeeld voor de meiden van de hardloopclub, ze willen ook de marathon",
    "kat Minoes van de overbuurvrouw zit al 3 dagen op het dak, brandweer bellen?",
    "Dikkie Dik voorlezen bij de peuterspeelzaal, 12 kinderen",
    "mw luistert de hele dag André Hazes, Zij gelooft in mij op repeat 🎶",
    "leesclub Het Achterhuis, discussie over onderduiken in de oorlog",
    "mannen kijken Galatasaray in het theehuis, niemand wil praten over de wijkraad",
    "kleinzoon verkoopt spullen via Marktplaats, oma betaalt alles met Tikkie",
    "vraag over Nextdoor, buurtgroep daar heeft meer leden dan de whatsapp",
    "Amalia jarig, oranje tompouces bij de inloop 🧡",
    "Rembrandtpark schoonmaakactie zaterdag 10.00, 25 vrijwilligers",
    "Limburgse vlaai bij de koffie, mensen uit Sittard en Roermond onder elkaar",
    "Friese dames praten onderling Fries, nieuwe bewoners voelen zich buitengesloten",
    "hulp bij terugbetaling Tozo, €1.250,00 ineens kan niet, regeling aangevraagd",
    "ordernr 4471-2209-81 van bol, mw. wacht al 3 weken op haar pakket",
    "kamer 0.12 in het buurthuis is vrij op woensdag 13.00-15.00",
    "Iraanse vrouwen willen Nowruz vieren op 21 maart, haft-sin tafel 🌱",
]

# --- notes with personal data ---------------------------------------------------------------
PERSONAL = [
    "koffietafel Jumbo: mw. [name:Riet Hoogendoorn] (79) vereenzaamd, dochter woont in Canada. wil een maatje",
    "dhr [name:Yusuf Çelik] vraagt hulp bij brief van het CJIB, terugbellen op [phone:06-41278833]",
    "[name:fatima] van de inloop wil vrijwilliger worden bij de voedselbank, tel [phone:0627719034]",
    "huisbezoek bij fam. [name:El Idrissi], [address:Bilderdijkstraat 112-III], 5 kinderen, schimmel in slaapkamer",
    "[name:Anouk] (sociaal makelaar Noord) neemt casus over, mail [email:anouk.vermeer@buurtwerknoord.nl]",
    "schoolplein: moeder van [name:Dewi] en [name:Rani] wil opvoedondersteuning, spreekt Javaans en NL",
    "mw [name:Sumintra Ramdin-Jaggan], postcode [postcode:3082 AB], snapt brieven van de Belastingdienst niet",
    "praatje pot met [name:Gerrit-Jan de Boer] over de bomen, hij woont [address:kastanjelaan 4a]",
    "[name:Oksana Kovalenko] uit Charkiv zoekt werk als naaister, whatsapp [phone:+380 67 451 2290]",
    "dhr. [name:Kwame Boateng] van de Ghanese kerk regelt de zaal, nr [phone:06 - 18 44 92 07]",
    "taalcafé: [name:Semhar] en [name:Yonas Tesfay] oefenen een gesprek bij de bakker",
    "mw. [name:Hodan Abdi Warsame] huurachterstand €1.800, woont [address:Van Speijkstraat 71 hs]",
    "BSN [bsn:@] staat op de brief van de SVB, mw. gaf die mee, kopie direct versnipperd",
    "iban voor terugbetaling: [iban:@INGB_s] tnv [name:H. Yılmaz]",
    "[name:Jurre] (16) hangt vaak rond bij de speeltuin, moeder [name:Sjoukje Hoekstra] maakt zich zorgen",
    "markt: [name:Kees van der Wal] van de kaaskraam wil bijdragen aan het buurtontbijt",
    "portiekgesprek [address:Gaffelstraat 9-B]: [name:Marek Nowak] en [name:Agnieszka] klagen over lawaai bovenburen",
    "mw. [name:Zeynep] tel [phone:+31 6 2384 1176], wil naar naailes in het buurthuis",
    "moskee: imam stelt [name:Abdelkader ben Haddou] voor als contactpersoon voor de jongeren",
    "nieuwe bewoner [name:Lê Thị Hương] op [address:Spoorsingel 33], postcode [postcode:2613bk]",
    "[name:Ahmad Rahimi] zoekt voetbalclub voor zoon, overal wachtlijst, ook bij DVS'33",
    "mail van [name:Shirin Moradi]: [email:shirin dot moradi at gmail dot com], wil taalmaatje",
    "huisbezoek bij opa [name:Sjef Janssen] in Heerlen, alleen sinds zijn vrouw overleed",
    "[name:Wei Zhang] van de Chinese toko geeft korting aan klanten van de voedselbank",
    "dhr [name:Nguyen Van Minh] belt terug via [phone:010-4185532]",
    "[name:Ionela Popescu] werkt in de kassen in het Westland, woont met 6 pers op [address:Zwartendijk 41]",
    "[name:Dimitar Petrov] en [name:Galina] kwamen naar de inloop ivm uitzendbureau, contract onduidelijk",
    "[name:Ferenc Szabó] wil Hongaarse les geven aan kinderen, mail [email:f.szabo@freemail.hu]",
    "[name:Maria da Conceição Fernandes] uit Kaapverdië, tel [phone:+238 991 23 45], zoekt werk in de schoonmaak",
    "jeugd: [name:Thiago dos Santos] (14) talent capoeira, ouders vragen om jeugdfonds",
    "wijkagent [name:Ruud Verhoeven] komt dinsdag mee op huisbezoek",
    "mw [name:Henriëtte van 't Hof] is gevallen, buurvrouw [name:Ans] doet de boodschappen",
    "postcode [postcode:1104 CM] nr 88, mw. wil bezoek, bel vooraf aan",
    "[name:Amina Mahamat Ali] (Soedan) 3 kinderen, [address:Ruisdaelstraat 5-2], huur te hoog",
    "[name:Anton] van de bankjes op het Anton de Komplein wil een buurtbarbecue",
    "koffie met [name:Mieke] en [name:Truus] bij de Hema, beiden 80+ en nog kwiek 💪",
    "broer van [name:Rachid] heeft schulden, [name:Rachid] wil hem helpen maar weet niet hoe",
    "tante [name:Gerda] van de overkant bakt elke week cake voor de inloop",
    "[name:Djamila Bouzambou] vraagt om huisbezoek, [address:De Kempenaerstraat 26-huis], [postcode:1051 CK]",
    "dhr. [name:Ewald Pinas] wil mannengroep starten, [phone:06.5512.8843]",
    "[name:Ravi Sewnandan] tel [phone:0031 6 38 92 10 45] wil helpen met Holi",
    "[name:A.J. Wiersma] (88) leeft op soep, verwezen naar tafeltje-dekje",
    "[name:Hiltje] en [name:Douwe Zijlstra] willen een buurtbus, ze wonen [address:Tsjerkestrjitte 7]",
    "mw. wil gift doen voor het buurtfeest en vraagt of wij iets terugstorten op [iban:@ASNB_s]",
    "[name:Hans] kwam niet opdagen, zijn vrouw belt [phone:0031-20-6183920]",
    "[name:marjolein] van het buurthuis stuurt het rooster naar [email:marjoleinvdberg@ziggo.nl]",
    "huisbezoek [address:laan van meerdervoort 812] bij dhr. [name:Slamet Kartodikromo], 91 jaar",
    "[name:Nardos Gebremedhin] (Eritrea) zwanger, nog geen verloskundige. [phone:06-29384710]",
    "[name:Dmitri Sokolov] verhuist volgende week naar [address:Waalstraat 144 3 hoog]",
    "[name:Chinedu Okonkwo] student, huurcontract klopt niet, [email:c.okonkwo@student.tudelft.nl]",
    "[name:Mohammadreza Karimi] ingenieur, zoekt werk, broer in Teheran [phone:+98 912 345 6780]",
    "[name:Haitham] uit Homs, zijn vrouw [name:Rasha Khalil] volgt taalles B1",
    "[name:João Pereira] en [name:Ana] vragen naar huurtoeslag, spreken Portugees en wat Engels",
    "[name:Gülsüm Arslan] (75) spreekt geen NL, kleinzoon [name:Emre] tolkt. [address:Hobbemastraat 22-zw]",
    "[name:Mustafa Öztürk] wil helpen bij buurtschoonmaak, [phone:+90 532 418 7732]",
    "mw [name:Tamara Tjin-A-Tsoi] wil huiswerkklas starten in de bieb",
    "[name:Ruben Kasanmoentalib] vraagt naar budgetcursus, [postcode:2525 xw]",
    "[name:Shaquille Rosaria] (19) zoekt stage, [phone:+297 593 4471]",
    "Molukse ouderen: oom [name:Johannes Latumahina] wil zangavond organiseren",
    "[name:Ryszard Kowalczyk] hulp nodig bij aanvragen, woont [address:Hoefkade 301A]",
    "[name:Van den Heuvel] (mw) belde over de vuilnisbakken bij de flat",
    "[name:Lotte] van wijkteam Oost: [email:lotte.degroot(at)wijkteamoost.nl]",
    "meneer [name:ter Horst] woont [address:Esdoornstraat 14 bis], rolstoel past niet door de deur",
    "[name:Yasmina el Khattabi] wil moederscafé op het schoolplein",
    "[name:Efua Mensah] zoekt kinderopvang, [postcode:1102AB]",
    "bsn meneer [name:Orhan Demir]: [bsn:@dots], nodig voor het wmo formulier",
    "[name:Olena Shevchenko] BSN [bsn:@] IBAN [iban:@KNAB], voor bijzondere bijstand",
    "[name:Zsófia Kovács] wil kookles geven, [address:Steenweg 15b], [postcode:5911 BM]",
    "[name:Lucas de Vries] (26) dakloos, slaapt bij vrienden, postadres [address:Hoogstraat 55] ivm uitkering",
    "[name:ali] (jongerenwerker) vraagt of [name:samir] al gebeld heeft",
    "[name:Carmelita Doran] 5 kids, [email:carmelita.doran@gmail.com], [phone:+599 9 511 2233]",
    "[name:Marianne] wil mee met de wandelgroep, woont [address:Dorpsstraat 3]",
    "jongeman [name:Abdi] zoekt taalmaatje, [phone:06 41 08 33 92]",
    "[name:Amal Hussein] postcode [postcode:3531 ek] huisnr 12",
    "[name:Oğuz Yıldırım] organiseert buurtvoetbal in de kooi op woensdag",
    "[name:Sevda] zegt buurvrouw [name:Trees Meulenbroek] is al dagen niet gezien, [address:Kerkstraat 18 b]",
    "contact via [email:r.hassan1985@yahoo.fr] voor [name:Rania Hassan]",
    "mw [name:Hendrika Postma] [address:oudegracht 201 bis] [postcode:3511NK] trap te steil",
    "[name:Mo] van de skatebaan zegt dat [name:Jopie] weer binnen zit",
    "[name:Nienke] uit Leeuwarden, nu hier, mail [email:nienke.hoekstra apenstaartje hotmail punt com]",
    "Koffie bij [name:Sjonnie] thuis, [address:Brink 3], hij wil het bankje terug bij de kerk",
    "nieuw adres fam [name:Bakkali]: [address:Burg. de Withstraat 17], [postcode:9711 LM]",
    "[name:Abebe Girma] (Ethiopië) zoekt werk in de bouw, [phone:+251 911 482 017]",
    "[name:Bashir Noorzai] tel [phone:+93 70 123 4567] familie nog in Kabul, stress",
    "[name:Mariam Diallo] van de naaigroep, zus in Lyon [phone:+33 6 12 48 90 77]",
    "dhr. [name:P. van der Linden] [address:2e Atjehstraat 9 hs] geen verwarming sinds vrijdag",
    "[name:Emine] en [name:Hatice] willen vrouwenfietsles, bel [phone:(020) 684 12 90]",
    "[name:Pedro] ivm schulden: [iban:@RABO] tnv [name:P. Gonçalves] voor de regeling",
    "[name:Ayaan Farah] wil huiswerkbegeleiding voor haar zoons, [address:Kerkplein 2a]",
    "[name:Vasile] en [name:Elena Munteanu] met baby in 1 kamer, [address:Schiekade 12 3hg]",
    "[name:Ludmila Petrova] uit Sint-Petersburg geeft pianoles, [email:lpetrova.piano@mail.ru]",
    "[name:Kofi] zegt zijn tante [name:Abena Owusu] wil naar de voedselbank, [phone:+233 24 555 1290]",
    "[name:Jan-Willem] en [name:Marie-José Smeets] uit Maastricht, nu [address:Prinsengracht 460-1]",
    "[name:Wolter Dijkstra] (Gronings) wil snert koken, [postcode:9723 ja]",
    "[name:Rinus] heeft telefoon kwijt, nieuw nr [phone:+31612093847]",
    "mevrouw [name:de Graaf] wil de buurtkrant bezorgen in de straat",
    "[name:Kateryna Bondarenko] BSN [bsn:@dots], nodig voor inschrijving school",
    "[name:Pooja] en [name:Anil Jagessar] nodigen buurt uit voor Diwali, [address:Wateringseweg 98]",
    "[name:Ewa] belt via [phone:+48 512 993 104], kinderen gaan naar de Mariaschool",
    "[name:Denise Maduro] zoekt schuldhulp, [iban:@ABNA_s] ivm automatische incasso",
]


def bsn(rng):
    """Return a 9-digit number that passes the BSN 11-test."""
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        total = sum(d * (9 - i) for i, d in enumerate(digits))
        last = total % 11
        if last <= 9:
            number = "".join(str(d) for d in digits) + str(last)
            assert bsn_ok(number)
            return number


def bsn_ok(number):
    digits = [int(c) for c in number]
    total = sum(d * (9 - i) for i, d in enumerate(digits[:8])) - digits[8]
    return len(digits) == 9 and total % 11 == 0


def iban_numeric(s):
    return int("".join(str(int(c, 36)) for c in s))


def iban(rng, bank):
    account = f"{rng.randint(1, 9)}{rng.randint(0, 999_999_999):09d}"
    bban = f"{bank}{account}"
    check = 98 - iban_numeric(f"{bban}NL00") % 97
    value = f"NL{check:02d}{bban}"
    assert iban_ok(value)
    return value


def iban_ok(value):
    compact = value.replace(" ", "")
    return iban_numeric(compact[4:] + compact[:4]) % 97 == 1


def special(kind, surface, rng):
    if kind == "bsn" and surface == "@":
        return bsn(rng)
    if kind == "bsn" and surface == "@dots":
        b = bsn(rng)
        return f"{b[:4]}.{b[4:6]}.{b[6:]}"
    if kind == "iban" and surface.startswith("@"):
        bank, _, style = surface[1:].partition("_")
        value = iban(rng, bank)
        if style == "s":
            value = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
        return value
    return surface


def parse(note, rng):
    out, findings, pos = [], [], 0
    length = 0
    for m in MARK.finditer(note):
        before = note[pos : m.start()]
        out.append(before)
        length += len(before)
        kind = m.group(1)
        surface = special(kind, m.group(2), rng)
        findings.append({"kind": kind, "start": length, "end": length + len(surface)})
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(note[pos:])
    text = "".join(out)
    assert "[" not in text and "]" not in text, note
    findings.sort(key=lambda f: f["start"])
    return text, findings


def main():
    rng = random.Random(SEED)
    rows = []
    for note in CLEAN:
        text, findings = parse(note, rng)
        assert not findings, note
        rows.append({"text": text, "findings": findings})
    for note in PERSONAL:
        text, findings = parse(note, rng)
        assert findings, note
        rows.append({"text": text, "findings": findings})
    random.Random(SEED + 1).shuffle(rows)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "privacy_notes_blind3.jsonl")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} notes to {path}")


if __name__ == "__main__":
    main()
