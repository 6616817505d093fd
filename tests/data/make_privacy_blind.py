#!/usr/bin/env python3
"""Blind test set for the buurtlog privacy guard.

Written by a helper session, blind: the author never saw the guard, its word
lists, its patterns or its existing test sets. All notes are invented by hand
in the style of short field notes by Dutch sociaal makelaars / wijkteams.

Markup: notes use inline "[kind:surface]" with kind in email, iban, phone,
postcode, bsn, address, name. The script strips the markup and computes the
offsets (Python code points, start inclusive, end exclusive) in the plain text.
Special surfaces (replaced with a fixed seed):
  [bsn:@]        valid BSN (11-test), 9 digits plain
  [bsn:@dots]    valid BSN written 1234.56.789
  [iban:@BANK]   valid Dutch IBAN, compact (BANK in ABNA INGB RABO SNSB ASNB TRIO KNAB BUNQ)
  [iban:@BANK_s] same, in groups of four separated by spaces

Annotation conventions:
  * name: only the name; honorifics and kinship/role words (mw, dhr, meneer,
    mevrouw, fam., buurman, oma, tante, juf, wijkagent ...) excluded; particles
    (de, van der, vd, el) and initials belong to the name. Private persons
    (residents, volunteers, colleagues, local police officer) are marked;
    public figures, organisations, shops, pets, streets/schools/squares named
    after people are not.
  * address: street + house number incl. toevoeging; bare street not marked;
    city names never marked.
  * postcode: just the postcode ("huisnr 8" after it not included).
  * phone: whole number incl. country prefix and separators; public service
    numbers (112, 0800-, 0900-, 088- helplines, 14 0xx) are not marked.
  * email: whole address, also obfuscated; organisations' general mailboxes
    (info@, balie@ ...) are not marked.

Run: python3 make_privacy_blind.py   (writes privacy_notes_blind.jsonl next to itself)
"""

import json
import os
import random
import re

KINDS = ("email", "iban", "phone", "postcode", "bsn", "address", "name")
MARK = re.compile(r"\[(email|iban|phone|postcode|bsn|address|name):([^\]]*)\]")
gen = random.Random(777)


def make_bsn():
    while True:
        d = [gen.randint(1, 9)] + [gen.randint(0, 9) for _ in range(8)]
        s = sum(d[i] * (9 - i) for i in range(8)) - d[8]
        if s % 11 == 0:
            return "".join(map(str, d))


def bsn_ok(b):
    b = b.replace(".", "")
    d = [int(c) for c in b]
    return len(d) == 9 and (sum(d[i] * (9 - i) for i in range(8)) - d[8]) % 11 == 0


def iban_num(s):
    return int("".join(str(int(c, 36)) for c in s))


def make_iban(bank):
    acct = "".join(str(gen.randint(0, 9)) for _ in range(10))
    kk = 98 - iban_num(bank + acct + "NL00") % 97
    return f"NL{kk:02d}{bank}{acct}"


def iban_ok(i):
    i = i.replace(" ", "")
    return iban_num(i[4:] + i[:4]) % 97 == 1


def surface(kind, s):
    if kind == "bsn" and s == "@":
        return make_bsn()
    if kind == "bsn" and s == "@dots":
        b = make_bsn()
        return b[:4] + "." + b[4:6] + "." + b[6:]
    if kind == "iban" and s.startswith("@"):
        bank = s[1:]
        spaced = bank.endswith("_s")
        bank = bank[:-2] if spaced else bank
        i = make_iban(bank)
        return " ".join(i[k : k + 4] for k in range(0, len(i), 4)) if spaced else i
    return s


def parse(note):
    out, findings, pos = [], [], 0
    length = 0
    for m in MARK.finditer(note):
        pre = note[pos : m.start()]
        out.append(pre)
        length += len(pre)
        s = surface(m.group(1), m.group(2))
        findings.append({"kind": m.group(1), "start": length, "end": length + len(s)})
        out.append(s)
        length += len(s)
        pos = m.end()
    out.append(note[pos:])
    text = "".join(out)
    assert "[" not in text and "]" not in text, note
    return text, findings, [surface_of(f, text) for f in findings]


def surface_of(f, text):
    return text[f["start"] : f["end"]]


CLEAN = [
    "mw kijkt elke avond naar Boer zoekt Vrouw, verder weinig contact met buren. voelt zich alleen sinds de verhuizing",
    "koffieochtend bij de Jumbo, 6 bewoners, gesprek over energierekening. verwezen naar energiecoach wijkteam",
    "dhr heeft brief van de gemeente over terugvordering toeslagen, weet niet wat te doen. afspraak schuldhulp via 14 020",
    "schimmel in slaapkamer, kind steeds verkouden. Ymere gebeld, reparatieverzoek loopt. buurvrouw helpt met melden",
    "jongeren op het Willem Arntszplein tot laat, bewoners klagen over geluid en lachgas. wijkagent ingelicht",
    "mw loopt elke ochtend met haar hond Bobby door het park, wil graag wandelgroep starten op dinsdag 9.30",
    "plantenruil zaterdag 14 mei bij buurthuis de Pijler, flyers bij bakker Bart en de Albert Heijn opgehangen",
    "repair cafe loopt goed, 12 bezoekers, 3 koffiezetapparaten en een stofzuiger gemaakt. volgende keer 2e zaterdag vd maand",
    "dhr zorgt al 4 jr voor zieke vrouw, kan niet meer. info gegeven over respijtzorg en de mantelzorglijn 088 - 2200 400",
    "hulp gevraagd bij DigiD aanvragen, samen gedaan op de telefoon. volgende wk nog helpen met Mijn Toeslagen",
    "mw komt uit Eritrea, spreekt Tigrinya en beetje Engels, wil graag taalles. aangemeld bij taalcafe bibliotheek do 10.00",
    "voedselbank uitgifte verschoven naar vrijdag, bewoners wisten het niet. vragen kunnen naar info@voedselbankutrecht.nl",
    "klacht over containers aan de Thomas à Kempisweg, vuilniszakken ernaast, meeuwen. melding gedaan via app gemeente",
    "parkeerprobleem bij Anne Frankschool om 8.15, ouders dubbel geparkeerd. gesprek met directie gepland",
    "buurman draait hele dag Marco Borsato keihard, mw wil niet zelf aanbellen. buurtbemiddeling voorgesteld",
    "jongens op het pleintje praten alleen over Memphis Depay en Ajax, willen voetbaltoernooi in de zomer",
    "mw heeft huurachterstand 3 mnd, €1.240. Portaal wil regeling, samen gebeld",
    "bewoner bang na inbraak op nr 14, wil meer verlichting in de steeg. buurtpreventie app bestaat al",
    "ivm verhuizing naar seniorenwoning vragen over urgentie, verwezen naar balie@woonbron.nl en spreekuur wo 13-15u",
    "gesprek in het Turks met hulp van dochter, moeder mist haar familie in Konya, wil naar vrouwengroep in de moskee",
    "energietoeslag nooit aangevraagd, te laat?\nnagevraagd bij gemeente Den Haag 14 070",
    "mw begon over Geert Wilders en de verkiezingen, veel boosheid over huren. luisterend oor geboden",
    "kat Minoes al 3 dagen weg, hele portiek zoekt mee. briefjes in de lift",
    "wandelgroep start vanaf de Jan Pieterszoon Coenstraat, 8 aanmeldingen, ook 2 mannen",
    "syrische familie net in de wijk, kinderen naar de Dr. Schaepmanschool, vader zoekt werk",
    "klachten over geluid van nieuwe bovenburen, om 2 uur snachts wasmachine. tips gegeven",
    "oudere dhr kan niet goed lezen, brieven CJIB lagen ongeopend. samen open gemaakt, boete €95, betalingsregeling",
    "pools gezin, man werkt bij distributiecentrum, vrouw wil Nederlands leren. taalmaatje gezocht via Humanitas",
    "koffietafel Lidl: 5 vrouwen, gesprek over Wie is de Mol en de dure boodschappen. gezellig",
    "bus 12 rijdt sinds januari niet meer door de wijk, ouderen kunnen niet naar de markt. signaal naar gemeente",
    "huisnummer 23 en 25 hebben allebei vocht in de kelder, corporatie komt volgende wk kijken",
    "mw wil vrijwilliger worden bij de kledingbank, elke di ochtend. loopt via vrijwilligerscentrale",
    "Oekraiense vrouwen willen borsjt-avond in het buurthuis, 20 dec. budget bewonersinitiatief aangevraagd",
    "jongeren bij het Mandelaplein vragen om hangplek met dak, willen meedenken met gemeente",
    "dhr heeft suikerziekte, snapt de nieuwe app van de huisarts niet. samen afspraak gemaakt",
    "er wordt weer gedeald bij ingang winkelcentrum, bewoners durven niet te bellen. uitleg Meld Misdaad Anoniem 0800-7000",
    "scootmobiel in het trappenhuis, brandgevaar. geen 112 natuurlijk, gemeld bij de corporatie",
    "ouders klagen dat basisschool De Regenboog geen overblijf meer heeft, werkende moeders in de knel",
    "mw blij met Schuldhulpmaatje, brieven worden nu elke maand samen doorgenomen",
    "bij bakker Van Dam 3 bewoners gesproken over buurtfeest 7 sept. willen springkussen",
    "dhr luistert alleen nog naar Andre Hazes, sinds zijn vrouw overleed komt hij nauwelijks buiten",
    "marokkaanse moeders vragen naar zwemles voor meisjes met vrouwelijke badmeester. navraag bij zwembad De Kwakel",
    "huurverhoging 1 juli niet op te brengen, huurtoeslag samen aangevraagd. duurt 8 wkn",
    "hondenpoep op grasveld achter de Johan Cruijff flat, bord gevraagd bij gemeente",
    "mevr wil naaiatelier voor buurtvrouwen, ruimte in de kerk aan de Vondellaan mogelijk",
    "twee jongens zonder stageplek, verwezen naar jongerenwerk van Dock",
    "vrouw durft niet naar huisarts ivm taal, Arabisch tolk aangevraagd via tolkentelefoon",
    "veel vragen over nieuwe afvalpas, werkt niet bij container op de hoek. gemeld bij afvalservice 0800-0094",
    "energiecoach komt 12 maart, radiatorfolie en ledlampen. 4 huishoudens aangemeld",
    "dhr van 87 alleen thuis, kinderen wonen in Spanje. nummer Luisterlijn 088 0767 000 gegeven",
    "buurtmoeders overleg di, 9 vrouwen, opvoeding en schermtijd. TikTok en Fortnite genoemd",
    "mw met Somalische achtergrond wil weten hoe school werkt. info over ouderavond 3 okt 19.00",
    "speeltuin op het Pieter Baasplein kapot, glijbaan gevaarlijk. fotos doorgestuurd",
    "chinees restaurant op de hoek wil meedoen met buurtfeest, loempia's",
    "mw 2e verdieping komt trap niet meer op, lift al 3 wk kapot. De Alliantie gebeld, monteur ma",
    "vr avond zaalvoetbal in sporthal aan de Karel Doormanstraat, 15 jongens",
    "bewoners rond het Rembrandtplein willen geveltuintjes, aanvraag via groen@amersfoort.nl",
    "gesprek bij de Kruidvat, mw 74 komt alleen nog buiten voor boodschappen. uitgenodigd voor spelletjesmiddag ma",
    "mw zegt hond Max is haar enige maatje, wil met andere hondenbezitters wandelen",
    "fam uit Afghanistan, 5 kinderen, woning te klein. urgentie afgewezen, uitleg bezwaar gegeven",
    "zorgen over buurjongen van 15, hangt met oudere jongens. moeder weet ervan, jeugdteam ingeschakeld",
    "Sinterklaas intocht 18 nov op het Marktplein, vragen of buurthuis chocomel kan schenken",
    "vrijwilligers van de Vincentiusvereniging komen voortaan ook do bij de koffieochtend",
    "mw belde Juridisch Loket 0800-8020 over ontslag, nog geen antwoord. volgende wk nabellen",
    "dhr appte foto van lekkend plafond, storingsnummer Havensteder gebeld",
    "bij de Dirk een mevrouw gesproken over AOW en haar pensioen uit Suriname, SVB afspraak nodig",
    "boekenkastje bij de bushalte van lijn 8, Gamma sponsort het hout",
    "hindoestaanse ouderen zoeken ruimte voor bhajan avond, vrijdag na 19u",
    "dhr gaat elke ochtend naar de Fatih moskee en daarna koffie bij ons, flink opgeknapt",
    "mw burn-out, werkt bij PostNL, wil graag praten. afspraak maatschappelijk werk do 11.00",
    "groepje meiden bij de Action, gesprek over Lil Kleine en drugs, weinig zin in jongerenwerk",
    "vocht in badkamer nr 117, ventilatie kapot, raam blijft dicht ivm kou. uitleg ventileren",
    "taalcafe oefent met Zij gelooft in mij zingen, heel leuk, volgende keer Frans Bauer",
    "klacht over vuurwerk knallen bij de Sint Jozefkerk, al vanaf oktober",
    "dhr blij met Voedselbank Amsterdam, pakket elke vr. wil zelf vrijwilliger worden",
    "mw wil meer weten over de energiebank, info@energiebanknederland.nl gegeven",
    "energierekening €310 p/m, samen Vattenfall gebeld, termijn nu €190",
    "buurt-app gaat vooral over fietsendiefstal op het Stationsplein en bij de Hema",
    "moeder met 3 kids zonder wasmachine, via Stichting Leergeld en noodfonds kijken. 14 januari terug",
    "samen koken op woensdag in de Prins Hendrikkerk, 6 bewoners uit 4 landen",
    "mw spreekt Papiaments en wat Nederlands, kleindochter vertaalt. vraag over Wmo huishoudelijke hulp",
    "schouw met wijkagent en Woonstad op 9 april, donkere hoeken bij de Erasmusgaarde",
    "buurvrouw bakt elke vrijdag baklava voor de koffieochtend, zeer gewaardeerd",
    "ingang flat 2 stinkt naar urine, schoonmaak VvE te laat. brief naar beheerder",
    "fietsenstalling vol weesfietsen, handhaving komt labelen wk 22",
    "dhr van nr 31 wil klusdienst voor ouderen beginnen, heeft gereedschap, zoekt verzekering",
    "bulgaarse mannen op de bankjes bij het Kastanjeplein heel vriendelijk maar drinken veel. gesprek via google translate",
    "bewoonster was bij concert van Snelle in Ahoy, wil met buurtgenoten naar volgend optreden",
    "speelgoedbank 11 dec in de sporthal, aanmelden via buurthuis, geen papieren nodig",
    "iftar in het buurthuis 28 maart, iedereen welkom, kerk doet ook mee",
    "mw met scootmobiel kan winkelcentrum niet in, drempel te hoog. gemeld via 14 010",
    "fietsles voor vrouwen weer gestart, ma en wo 10-11.30, 7 deelnemers uit Eritrea, Syrie en Marokko",
    "zoon van mw zit op de Prins Willem-Alexanderschool groep 7 en wordt gepest",
    "Jumbo aan de Burgemeester de Withstraat geeft overgebleven brood aan voedselbank",
    "huismeester van Mitros belt nooit terug, bewoners boos",
    "dhr wil overstappen van zorgverzekering, CZ te duur. uitleg via Geldfit",
    "ruzie met buurman over de heg, mw heeft al 2x politie gebeld op 0900-8844",
    "koerdische vrouwen zoeken naaicursus, bieb heeft ruimte di middag",
    "dhr vertelt dat hij als jongen tegen Johan Cruijff gevoetbald heeft, glunderend verhaal",
    "oma uit portiek 12 past op kleinkinderen, zoekt speelplek dichtbij. Vondelpark te ver",
]

PERSONAL = [
    "mw [name:Yildirim] 2e verdieping, schimmel in slaapkamer, belt terug op [phone:06-41 87 22 93]",
    "[name:Fatima Zahra Boukhari] komt weer naar koffieochtend, wil taalles. dochter [name:Ikram] helpt",
    "dhr [name:Kwame Asante] schuld bij energie, brief van incasso. woont [address:hoendiep 8a]",
    "tnv [name:S. Oudejans] brief naar corporatie opgesteld over lekkage",
    "buurvrouw [name:Halyna] uit Oekraine helpt met vertalen, haar nr [phone:+380 67 412 3398]",
    "[name:marek] van de overkant repareert fietsen gratis, wil repair cafe mee opzetten",
    "woont op [address:Kruisvaart 31], [postcode:3531 CK], mw heeft geen internet en wil hulp met DigiD",
    "wandelgroep: [name:Tjitske], [name:Abebech] en [name:Nazira] lopen mee vanaf dinsdag",
    "dhr [name:Ramdin] mantelzorger voor zijn vrouw, mail [email:r.ramdin1961@hotmail.com]",
    "bsn voor aanvraag noodfonds [bsn:@], mw wist nummer niet uit haar hoofd",
    "huur gaat van [iban:@INGB_s], achterstand 2 mnd, dhr [name:Nguyen Van Thanh]",
    "juf [name:Dilara] van groep 4 vroeg of de moeders willen helpen bij schoolontbijt",
    "meneer [name:Osei-Bonsu] wil zijn zus in Ghana bellen, haar nummer [phone:+233 24 551 8810]",
    "[name:Sevda Kılıç] woont [address:Amalia van Solmsstraat 112-III], kan trap niet op",
    "oma [name:Grietje] (89) alleen, kinderen komen weinig. vaste bezoeker gezocht",
    "postcode [postcode:2516xb] huisnr 44, dhr heeft lekkage sinds september",
    "mw [name:Hodan Abdirahman] uit Somalie zoekt naaicursus, spreekt goed Engels",
    "wijkagent [name:Rutger Pelleboer] komt do mee naar de koffietafel",
    "dhr [name:Wróblewski] werkt in de kassen in Westland, pools nr [phone:+48 512 883 401]",
    "mail bewoonster: [email:saskia punt deroos at gmail dot com], wil nieuwsbrief",
    "mw vraagt of we zoon [name:Yusuf] kunnen helpen met stage, hij zit op het mbo",
    "[name:Chanel Martina] uit Curacao, 3 kinderen, net uit opvang, nieuwe woning [address:Zuidwal 9 bis]",
    "teruggave via [iban:@RABO], bedrag €146, mw blij",
    "buurman [name:Teun Vlasblom] wil plantenruil opzetten in de portiek",
    "dhr [name:Hamidi] uit Afghanistan, zoon [name:Farhad], spreken Dari. tel [phone:0031 6 2390 4417]",
    "tel thuis [phone:010-4129587], mw neemt mobiel nooit op",
    "[name:aylin] en [name:serkan] komen helpen bij buurtfeest",
    "mw [name:Draganova] uit Bulgarije brief belastingdienst, [bsn:@dots] staat erop, samen gebeld",
    "[name:Bogdan Rusu] roemeense bouwvakker, slaapt met 6 man in [address:Rijnstraat 200a], signaal naar gemeente",
    "dhr [name:Li Wei Chen] van het afhaalrestaurant wil koken voor iftar. [phone:06 18 33 47 02]",
    "mantelzorger [name:Henk-Jan Nieborg] regelt alles voor zijn moeder, vast nr [phone:0512-358 241]",
    "[name:Meskerem] (eritrees) wil naaicursus geven, mail [email:meskerem.t(at)outlook.com]",
    "fam. [name:El Hadioui], [address:hugo de grootstraat 17 hs], vocht en muizen",
    "mw [name:Priya Jagessar] hulp bij huurtoeslag, rek [iban:@ABNA_s]",
    "jongens van het plein: [name:Dexter], [name:Ilias] en [name:Rayan] willen voetbaltoernooi",
    "[name:Nadia Sahraoui] belt over intake voedselbank, [phone:+31 (0)6 5544 2198]",
    "dhr [name:Kazimierz Nowak] [address:Trompstraat 52 3 hoog] alleen, drinkt veel",
    "nieuwe vrijwilliger [name:Olesia Bondarenko] helpt bij digicafe, mail [email:olesia.bondarenko93@gmail.com]",
    "afspraak met [name:Marloes] van het wijkteam over mw op nr 9",
    "buurvrouw [name:Ayşe] zorgt voor meneer [name:Demir] sinds zijn val",
    "[name:Thuy Nguyen] van de nagelsalon wil buurtvrouwen gratis manicure geven op vrouwendag",
    "mw [name:van der Kooij-Bruinsma] [postcode:9712 hn] schuld €3.400 bij zorgverzekeraar",
    "oom [name:Ahmed Ouaali] in Marokko gebeld op [phone:+212 661 234 589], familie bezorgd",
    "mw gaf nieuw adres: [address:Vlietkade 3-B], [postcode:1091AX]",
    "[name:Sjoerd] uit de friese hoek van de straat leidt het wandelgroepje, heel betrokken",
    "dhr [name:Tesfaye Gebremedhin] zoekt werk als chauffeur, cv gemaakt, tel [phone:06-1437 8877]",
    "terugvordering toeslag, BSN [bsn:@] dhr [name:Mustafa Karaman]",
    "oma [name:Wilhelmina Sijbesma] 91 jr, geen familie meer\nbuurvrouw [name:Ineke] kijkt naar haar om",
    "[name:Khadija] wil vrouwengroep in de moskee, haar mail [email:khadija_b at live dot nl]",
    "dhr [name:Orlando Doran] woont [address:Bisschopsweg 78], schuld bij CJIB",
    "buurtbewoner [name:Gerrit Hofstede] heeft sleutel buurthuis, bel [phone:06 – 52 31 90 44]",
    "mw [name:Sabriye Öztürk] kan internet niet betalen, [phone:+90 532 418 77 62] is van haar broer in Turkije",
    "[name:Pieter-Bas Ravesteijn] en zijn vrouw [name:Jolanda] doen mee met repair cafe",
    "mw [name:Hoang Thi Lan] hulp met brief gemeente over afvalstoffenheffing",
    "[name:Rachida] en [name:Houda] brengen elke wk soep naar dhr op nr 42",
    "dhr [name:K. Mahabier] aangifte samen gedaan, teruggave naar [iban:@SNSB_s]",
    "jongerenwerker [name:Mitchell Koster] heeft contact met de groep op het plein",
    "adres mw: [address:oude kijk in 't jatstraat 26a], schimmel achter de kast",
    "mw [name:Nowakowska] spreekt alleen Pools, dochter [name:Zuzanna] tolkt, nr dochter [phone:0048 601 224 918]",
    "bewoner [name:Dawit] zoekt fiets, fietsles gehad bij [name:Annemiek]",
    "[name:Bram de Wolff] contactpersoon plantenruil, mailt vanaf [email:bramdewolff@ziggo.nl]",
    "mw [name:Fatoumata Diallo] uit Guinee, spreekt Frans, wil taalles. woont [address:Thorbeckelaan 140 C]",
    "gesprek met dhr [name:Abou-Khalil] over zijn zoon die niet naar school gaat",
    "[name:Yvonne Tjon-A-Fat] kookt surinaams voor buurtmaaltijd, tel [phone:020 - 684 21 90]",
    "dhr [name:Jansen] van 3 hoog heeft al weken zijn post niet opgehaald",
    "contributie wandelclub naar [iban:@BUNQ] tnv [name:R. Bouwhuis]",
    "mw [name:Iryna Kovalenko] woont tijdelijk bij gastgezin [name:Verschuren], [address:Esdoornlaan 5]",
    "[name:hamza] en [name:bilal] van 14 hingen bij de Action, aangesproken",
    "dhr [name:Adjei] wil vrijwilliger worden, [email:kofi.adjei@yahoo.co.uk], tel [phone:+44 7700 912 384]",
    "mw gaf BSN [bsn:@dots] voor aanvraag kwijtschelding",
    "buurman [name:Ferdi] doet boodschappen voor tante [name:Gerda]",
    "nieuwe bewoners [address:Kloosterwei 11-2], fam [name:Al-Khatib] uit Syrie, 4 kinderen",
    "mw [name:Amira Haddad] wil naar de taalles, [postcode:5611 pd]",
    "tnv [name:Kuipers-Hellinga] brief aan Woonzorg over de lift",
    "[name:Nnamdi] van de kerk komt helpen met tafels sjouwen",
    "dhr [name:Osman Farah] belde, schuld bij zorgverz., [phone:06.28.41.90.73]",
    "mw [name:Sterre] (vrijwilliger) stopt ivm studie, vervanging zoeken",
    "ingeschreven op [address:Gruttostraat 4-I], dhr heeft geen briefadres nodig",
    "rekening [iban:@ASNB] stond rood, mw [name:Veenstra] raakte in paniek",
    "kinderen van [name:Anouar Benali] op de Anne Frankschool, hij wil in de ouderraad",
    "[name:Marjolein] van de corporatie komt langs bij mw [name:Çelik]",
    "sinds oktober woont [name:Svetlana] op [address:Pijnackerstraat 33bis], heel eenzaam",
    "mw [name:Gül] zoekt oppas, tel [phone:06 87 45 12 30]",
    "dhr [name:Habib Rahimi] wacht op verblijfsvergunning, contact [email:habib.rahimi(at)gmail(dot)com]",
    "voor de wandelgroep belt [name:Boukje Dijkstra] iedereen rond, [phone:058-2134 677]",
    "betaling naar [iban:@TRIO_s] voor de potten plantenruil, beheerd door [name:Femke]",
    "zoon [name:Emre] helpt moeder met digitale post",
    "[name:Tomasz Zieliński] [address:Laan van Vollenhove 1820], slaapt in zijn auto",
    "meneer [name:de Haan] zegt dat [name:Cor] van hiernaast zijn post niet meer opent",
    "mw [name:Adaeze Okafor] wil kapsalon aan huis, [postcode:3067 GJ], vragen over vergunning",
    "nr van [name:Dmytro] [phone:+380 93 118 40 56] voor klusjes",
    "dhr [name:Vasile Popescu], [name:Ion] en [name:Mihai] zoeken kamer, alle drie via uitzendbureau",
    "mw [name:Wendelien Spoelstra] geeft tekenles aan kinderen op woensdag",
    "[name:Mehmet Ali Aksoy] tel [phone:+32 478 55 21 09], werkt in Antwerpen, vrouw woont hier",
    "voorzitter bewonerscommissie [name:Hennie Brouwer-Slot], mail [email:hbs1955 at kpnmail dot nl]",
    "mw [name:Sharmila Ramlal] schuld bij Essent, [bsn:@] gecheckt in DigiD",
    "buurvrouw [name:Jamila] ziet dhr niet meer, deur op [address:Kastanjelaan 12 A] staat open",
    "[name:Bertus] wil zijn volkstuin delen met buurtbewoners",
    "postcode mw [postcode:1103 tn] nr 4, ze wacht op de monteur",
    "mw [name:Yeshi] helpt in de keuken bij [name:Hanneke]",
    "tel dhr [name:Lagerwerf] [phone:(0229) 27 33 18]",
    "mw [name:Zeynep Arslan] zoekt werk, rekening uitkering [iban:@KNAB_s]",
    "dhr [name:Oumar Sow] en mw [name:Fanta Sow] willen samen naar taalles",
    "huismeester [name:Jurgen] komt ma, regelt het met meneer [name:Bakker]",
    "zus woont in Duitsland [phone:+49 176 2234 5981], mw [name:Perihan] mist haar erg",
    "[name:Wouter van 't Hek] en [name:Lisanne] starten buurtmoestuin",
    "[name:Noor] (14) komt met moeder naar spreekuur, moeder spreekt alleen Arabisch",
]


def main():
    rows = []
    for n in CLEAN:
        text, f, _ = parse(n)
        assert not f, n
        rows.append({"text": text, "findings": []})
    for n in PERSONAL:
        marks = [m.group(2) for m in MARK.finditer(n)]
        assert marks, n
        text, f, surf = parse(n)
        for m, fi, s in zip(marks, f, surf):
            assert s == text[fi["start"] : fi["end"]]
            if not m.startswith("@"):
                assert s == m, (s, m)
            elif fi["kind"] == "bsn":
                assert bsn_ok(s), s
            else:
                assert iban_ok(s), s
        rows.append({"text": text, "findings": f})
    random.Random(20261205).shuffle(rows)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "privacy_notes_blind.jsonl")
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = {k: 0 for k in KINDS}
    for r in rows:
        for fi in r["findings"]:
            counts[fi["kind"]] += 1
    print("notes", len(rows), "clean", len(CLEAN), "personal", len(PERSONAL))
    print(counts)


if __name__ == "__main__":
    main()
