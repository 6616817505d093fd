#!/usr/bin/env python3
"""Second blind test set for the buurtlog privacy guard.

Written by a helper session, blind: the author never saw the guard, its word
lists, its patterns or any of the existing test sets (only the conventions
docstring of make_privacy_blind.py). All notes are invented by hand in the
style of short field notes typed on a phone by Dutch sociaal makelaars /
wijkteam workers after a chat with a resident. Roughly half the notes contain
personal data, the other half are clean but full of traps (places,
neighbourhoods, organisations, shops, brands, apps, languages, holidays,
dishes, TV programmes, public figures, pets, streets/schools named after
people without a house number, public service numbers, dates, amounts ...).

Markup: notes use inline "[kind:surface]" with kind in email, iban, phone,
postcode, bsn, address, name. The script strips the markup and computes the
offsets (Python code points, start inclusive, end exclusive) in the plain
text. Special surfaces (replaced with values from a fixed seed):
  [bsn:@]        valid BSN (11-test), 9 digits plain
  [bsn:@dots]    valid BSN written 1234.56.789
  [iban:@BANK]   valid Dutch IBAN (mod-97), compact, BANK in
                 ABNA INGB RABO SNSB ASNB TRIO KNAB BUNQ
  [iban:@BANK_s] same, in groups of four separated by spaces

Annotation conventions (same as make_privacy_blind.py):
  * name: only the name; honorifics and kinship/role words (mw, dhr, meneer,
    mevrouw, fam., buurman, oma, zoon, juf, wijkagent, collega ...) excluded;
    particles (de, van der, el, ter, 't) and initials belong to the name;
    double-barrelled / hyphenated names are one finding. Private persons
    (residents, family, volunteers, colleagues, the local police officer) are
    marked; public figures, organisations, shops, pets, fictional characters
    and streets/schools/squares/parks named after people are not.
  * address: street + house number incl. toevoeging (a, -II, bis, hs,
    "3 hoog"); a bare street, a bare house number ("nummer 14") and a
    neighbourhood are not marked; city names are never marked.
    Decision on public buildings: the address of a public building
    (community centre, library, town hall) would NOT be personal data; to
    avoid ambiguity this set simply contains no such cases.
  * postcode: just the postcode (a following "nr 41" is not included).
  * phone: the whole number incl. country prefix, "(0)" and separators;
    public service numbers (112, 0800-, 0900-, 088- helplines, 14 0xx) are
    not marked.
  * email: the whole address, also obfuscated forms ("(at)", "punt ... at");
    organisations' general mailboxes (info@, balie@ ...) are not marked.

Output: privacy_notes_blind2.jsonl next to this script, one JSON object per
line: {"text": ..., "findings": [{"kind", "start", "end"}, ...]} with the
findings sorted by start.

Run: python3 make_privacy_blind2.py
"""

import json
import os
import random
import re
import sys

KINDS = ("email", "iban", "phone", "postcode", "bsn", "address", "name")
MARK = re.compile(r"\[(email|iban|phone|postcode|bsn|address|name):([^\]]+)\]")
BANKS = ("ABNA", "INGB", "RABO", "SNSB", "ASNB", "TRIO", "KNAB", "BUNQ")

RNG = random.Random(20240611)


def make_bsn():
    """Random 9-digit number that passes the BSN 11-test."""
    while True:
        d = [RNG.randint(1, 9)] + [RNG.randint(0, 9) for _ in range(7)]
        s = sum(w * x for w, x in zip(range(9, 1, -1), d))
        for last in range(10):
            if (s - last) % 11 == 0:
                return "".join(map(str, d + [last]))


def iban_check(country, bban):
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{98 - int(digits) % 97:02d}"


def make_iban(bank):
    acct = "".join(str(RNG.randint(0, 9)) for _ in range(10))
    bban = bank + acct
    return "NL" + iban_check("NL", bban) + bban


def iban_valid(s):
    s = s.replace(" ", "")
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def bsn_valid(s):
    d = [int(c) for c in s if c.isdigit()]
    if len(d) != 9:
        return False
    return (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


def special(kind, surface):
    if kind == "bsn" and surface == "@":
        return make_bsn()
    if kind == "bsn" and surface == "@dots":
        b = make_bsn()
        return b[:4] + "." + b[4:6] + "." + b[6:]
    if kind == "iban" and surface.startswith("@"):
        code = surface[1:]
        spaced = code.endswith("_s")
        bank = code[:-2] if spaced else code
        assert bank in BANKS, surface
        ib = make_iban(bank)
        if spaced:
            ib = " ".join(ib[i : i + 4] for i in range(0, len(ib), 4))
        return ib
    return surface


NOTES = [
    # ---------------------------------------------------------------- personal
    "mw [name:Anneke Bosman] gesproken bij de voordeur, wil graag mee naar het koffie-uurtje op dinsdag",
    "dhr [name:Hüseyin Çelik] belt zelf terug, nr [phone:06-41873925]",
    "[name:fatima] (dochter van mw [name:El Idrissi]) helpt met vertalen tamazight/nl",
    "fam. [name:Boateng] woont sinds maart op [address:Bijlmerdreef 1045], 4 kids, geen internet thuis",
    "tel oma [name:Sjoukje]: [phone:058 2134567], liefst na 10u bellen ivm medicatie",
    "[name:Kwame Mensah] wil vrijwilliger worden bij de voedselbank, mail [email:kwame.mensah(at)yahoo.co.uk]",
    "ivm schulden aangemeld bij schuldhulp, brief gaat tnv [name:R. Bouchtaoui]",
    "huisbezoek [address:kanaalstr 14a], mw [name:emine kaya] thuis, zoon [name:Emre] was er ook bij",
    "[name:Olena Kovalenko] uit Kharkiv, nu in de noodopvang, hulp nodig bij inschrijving school vd kinderen",
    "nieuw adres [address:Van Hogendorpstraat 3-II] [postcode:3581 KC] Utrecht, verhuisd per 1 mei",
    "buurman [name:Gerrit] klaagt weer over geluidsoverlast van boven 🙄",
    "bel [name:Shanti Jagessar] terug op [phone:+31 6 2345 6781] vrijdagochtend",
    "mw. [name:Agnieszka Nowak] spreekt weinig nl, wel engels. pools tolk geregeld",
    "[name:Yonas Haile] en [name:Semhar Tesfay] (stel) vragen ivm toeslagen, brief Belastingdienst niet begrepen",
    "bsn zoon [bsn:@] voor aanvraag jeugdfonds, moeder is [name:Hodan Warsame]",
    "oma [name:Gerda Kromodimedjo] 81 jr, woont alleen op [address:Troelstralaan 62], eenzaam sinds overlijden man",
    "terugbelverzoek van [name:jan-willem] graag voor 5 uur [phone:0612873340]",
    "huur gaat voortaan via [iban:@INGB_s] tnv [name:D. Ivanova]",
    "Gesproken met [name:Hylke Dijkstra] over de moestuin, wil een bak voor zijn kleindochter",
    "mail van [name:Ruth Pinas] [email:r.pinas@ziggo.nl] , ze stuurt fotos van de schimmel",
    "[name:Jurgen Martina] gaat misschien terug naar Curaçao, nieuw nr daar: [phone:+599 9 512 3456]",
    "meneer [name:Van den Berg] van [address:Bloemhof 12] heeft geen verwarming sinds vrijdag, woco gebeld",
    "[name:Zarghuna] wil naar taalcafé, spreekt dari en bietje engels. zoon [name:Farid] 14 jr",
    "dhr [name:Li Wei] heeft zijn restaurant aangeboden voor de kookavond in november",
    "pc [postcode:3532ab] nr 41 klopt niet in systeem, checken bij mw [name:Kaya]",
    "[name:Paweł Kowalski] werkt nachtdienst in distributiecentrum, bellen na 15u: [phone:+48 512 345 678]",
    "mw [name:Petya Georgieva] zoekt werk, heeft diploma boekhouding uit Plovdiv",
    "[name:Mihaela] en haar man [name:Ionuț Popescu] hebben geen zorgverzekering, samen naar het loket",
    "afspraak met [name:Abdirahman] en zijn moeder [name:Faadumo Cali] ivm schoolkeuze brugklas",
    "woont op [address:Javastraat 88 3 hoog], lift doet het niet, dhr [name:Ahmad Shah Rahimi] kan moeilijk lopen",
    "[name:Tjitske] (buurvrouw) heeft reservesleutel van mw, nr [phone:06 12 87 45 90]",
    "email [email:m_yilmaz1987@hotmail.nl] , gaat over parkeervergunning van zijn vader",
    "kleinzoon [name:Dirk-Jan ter Horst] regelt voortaan de post van opa",
    "mw [name:Małgorzata Wiśniewska] [address:Pijnackerstraat 17b] [postcode:3035 GR], wil kwijtschelding aanvragen",
    "tnv [name:Kofi Asante] IBAN [iban:@RABO] voor teruggave borg",
    "[name:Roos] van de overkant brengt elke dag soep naar dhr [name:Mulder], lief 💛",
    "nr schoonzoon [phone:0031 6 5512 9087] ivm mantelzorg voor mw [name:De Graaf]",
    "[name:Hiba Khalil] en dochter [name:Nour] willen naar zwemles, kosten? check Jeugdfonds",
    "contact [name:Iryna] via [email:iryna.shevchuk@ukr.net] of telegram",
    "overdracht aan collega [name:Sanne] vh wijkteam, zij kent de fam al",
    "wijkagent [name:Ruud Koster] ingelicht ivm overlast in de portiek",
    "[name:Shurandy] (19) zoekt stage mbo 2, praat papiaments met zn oma",
    "dhr. [name:Wagiman Soemita] wil gamelanles geven aan de kids in de wijk",
    "brief sturen naar [address:Laan van Nieuw Guinea 7 bis], [postcode:3531 JC] tav mw [name:Sarmi]",
    "nr zus van [name:Abena Owusu] in Kumasi: [phone:+233 24 412 7789], alleen in noodgeval bellen",
    "[name:ayse] belde over huurachterstand, morgen even langs",
    "[name:Marleen] vd bewonerscommissie ([email:marleen.vd.pol@gmail.com]) wil de agenda voor het overleg",
    "bsn mw: [bsn:@dots], nodig voor aanvraag bijzondere bijstand",
    "adres oom: [address:Amstelveenseweg 45 hs], hij vangt [name:Mohammed] tijdelijk op",
    "[name:Youssef Amrani] heeft 2e kans gekregen bij werkgever, blij! nr [phone:06 - 2345 6789]",
    "mw. [name:Priya Mahabier] wil stoppen met mantelzorg, overbelast. gesprek plannen met broer [name:Kees]",
    "[name:Baukje] en [name:Auke] vd tuinclub, 2 nieuwe vrijwilligers 👍",
    "Dhr [name:Hassan Ait Ouali] woont [address:Mercatorweg 23-1], vraagt trapleuning via wmo",
    "[name:Ricardo Sabajo] komt niet meer naar de inloop, zorgen. buren zeggen dat hij ziek is",
    "meld [name:Stoyan Georgiev] aan voor taalles, mail [email:stoyan.g87@abv.bg]",
    "[name:Maryan Jama] nieuw in de wijk, woont [address:Slotermeerlaan 101-III]",
    "jongen heet [name:Dmytro], 16, zoekt bijbaan. mama [name:Oksana Bondarenko] zit achter de kassa bij AH",
    "tnv [name:A.M. el Haddouchi] [iban:@SNSB_s] maandelijks €25 aflossing",
    "[name:Chen Mei] ([phone:010 - 412 56 78]) heeft klacht over schimmel badkamer, woningcorp gemaild",
    "oma [name:Xiu Ying] spreekt alleen kantonees, kleindochter [name:Jessie] vertaalt",
    "huisbezoek fam. [name:Noori] [address:Hoefkade 402] [postcode:2526 BM] Den Haag, 5 kinderen",
    "dochter [name:Büşra] (17) tolkt voor moeder, niet wenselijk ivm privacy. vlgnde keer tolk regelen",
    "mw [name:Isenia] [phone:+31(0)6-18 22 93 47] belt terug na het weekend",
    "nieuw nr van [name:Henk] [phone:06-18236650], oude is afgesloten",
    "[name:Rami Al-Hassan] was apotheker in Aleppo, wil hier herscholing",
    "[name:selam] en haar broertje [name:mehari] komen na school naar het huiswerkplein",
    "mevr. [name:Dayanara Rosalia] mailt de beschikking door vanaf [email:dayanara.rosalia@outlook.com]",
    "mw [name:Ria] van [address:Dr. Schaepmanstraat 9] woont daar al sinds '87 en wil echt niet naar een verzorgingshuis",
    "post voor [name:H. de Boer], [address:Herenweg 14], [postcode:1861 PC] Bergen",
    "[name:Ahmad] gaf nr van zijn broer in Homs [phone:+963 944 318 207]",
    "mw [name:Noor] belde huilend, ex staat weer voor de deur. Veilig Thuis 0800-2000 gegeven",
    "vraag van mw [name:Wong] over pgb, verwezen naar wijkteam. mail zoon [email:kevin.wong88@gmail.com]",
    "postcode [postcode:1104 zd] klopt, huisnr ontbreekt nog in het formulier",
    "[name:Kevin Koeiman] meldt zich voor het voetbaltoernooi, [phone:0645127788]",
    "mw [name:Van der Meulen-Smit] is gevallen, dochter [name:Ingrid] regelt personenalarmering",
    "[name:Hamid Sultani] gaf mail op: [email:hamid punt sultani at gmail punt com]",
    "morgen bellen met dhr [name:Kartowikromo] [phone:030-2714589]",
    "[name:Naima] en [name:Yamina] organiseren couscousavond 🥘 vrijdag",
    "mw [name:Andreea] huurt kamer op [address:Croeselaan 201a], te duur, hospita wil haar eruit",
    "[name:Akosua Boateng] heeft uitnodiging voor sollicitatie bij de HEMA!! 🎉",
    "dhr [name:Driss Bouzian] woont in de Kolenkitbuurt, had geen DigiD, samen aangevraagd",
    "bsn [bsn:@] van dhr [name:Oğuz Demir] (met toestemming) doorgegeven aan SVB",
    "[name:Gerrit van Dijk] neemt de buurtbbq op zich, tel [phone:06-51 39 02 84]",
    "[name:marie-louise] vh bewonersplatform wil de notulen van vorige keer",
    "mw [name:Soekhoe] [address:Soestdijksekade 220] [postcode:2574 AJ] gaat naar haar dochter in Almere",
    "[name:Natalia Hrytsenko] [phone:+380 67 214 5539] wil werken in de zorg, heeft verpleegkunde diploma",
    "sleutel ligt bij buurvrouw [name:Jansen] [address:vinkenstraat 6-hs]",
    "[name:Mevlüt] (vader) wil niet dat dochter mee op schoolkamp, gesprek met school samen",
    "oma [name:Trees] [phone:0168-412345] belt elke week voor boodschappen",
    "aanmeldformulier taalles nog sturen naar [email:agnieszka.nowak@wp.pl]",
    "mw [name:Fatima El Amrani] vraagt of er een vrouwenzwemuur is in het Zuiderbad",
    "dhr [name:Zhang] van [address:Nieuwe Binnenweg 307c] heeft last van muizen",
    "juf [name:Ilse] van groep 5 maakt zich zorgen over [name:Sem], komt vaak zonder ontbijt",
    "dhr [name:Van 't Hof] [phone:050-3129876] vraagt om een rollator",
    "[name:lotte] en [name:sven] zijn de nieuwe buren op 2, jong stel met baby",
    "[name:Esther Doorson] heeft keti koti ontbijt georganiseerd, top 👏",
    "[name:Shirley] belde vanaf [phone:+597 812 3456], haar moeder ligt hier in het UMC",
    "mw [name:Azimi], [address:Kastelenplein 128] [postcode:5653 LX] Eindhoven, wacht op beschikking",
    "zoon vd mw heet [name:Bram], mail [email:bram.dekker@live.nl]",
    "[name:Samira] wil meedoen met de vrouwengroep, [phone:06 4812 3309]",
    "belgisch nr van dochter [name:Latifa]: [phone:+32 470 12 34 56]",
    "zoon [name:Marcel] woont in Duitsland, [phone:+49 151 23456789] ivm noodcontact",
    "[name:Florin] [phone:+40 721 234 567] werkt in de kassen in het Westland, wil nl les",
    "sms van [name:Anouk] [phone:+31612345098]: ze kan morgen niet",
    "nr turkse schoonzus van mw [name:Aydın]: [phone:+90 532 614 22 87]",
    "mw woont [address:Buorren 12] in Jirnsum? nee verhuisd, nu [address:Tsjerkestrjitte 3a]",
    "[name:Reza] [email:reza.ahmadi(at)gmail.com] wil ook de nieuwsbrief",
    "mw [name:Nowak] tel [phone:+31 6 38 99 21 07] nieuw nr doorgeven aan huisarts",
    "[name:Saskia de Wit] (mantelzorger) vraagt respijtzorg aan, is op",
    "[name:Bashir] en [name:Hawa] nieuwe statushouders, woning [address:Burgemeester de Withstraat 8] [postcode:3553 AB]",
    "iban tnv [name:Ramsaran]: [iban:@ABNA], voor de bijdrage aan de uitstap",
    "BSN: [bsn:@] , geb. 1962, mw [name:Jagessar] weet haar eigen nummer niet uit haar hoofd",
    "dhr [name:Ten Brink] wil stoppen als vrijwilliger bij de klusdienst, wordt te zwaar",
    # ------------------------------------------------------------------- clean
    "mw heeft moeite met DigiD, samen ingelogd via de app. volgende week verder",
    "Suikerfeest op het Mercatorplein, veel kinderen, henna tafel was een hit",
    "dhr kijkt elke avond Wie is de Mol met zijn dochter, vindt het leuk om over te praten",
    "oma (84) mist haar man, gaat elke zondag naar de Sint-Jozefkerk",
    "fam gaat ivm Keti Koti naar Paramaribo, terug eind juli",
    "verwezen naar Sociaal Raadslieden voor bezwaar tegen het CAK",
    "kerstmarkt in Lombok was druk, Bakker Bart had een kraam met oliebollen",
    "dhr vertelt over zijn jeugd in Nador en Al Hoceima, mooie verhalen",
    "kids dol op Nijntje en Dikkie Dik, boekjes meegenomen uit de bieb",
    "Meneer luistert graag naar André Hazes, samen Zij gelooft in mij gezongen 😂",
    "buurvrouw vraagt naar de vrijmarkt met Koningsdag op het Wilhelminaplein",
    "bus 12 rijdt niet meer over de Amsterdamsestraatweg, ouderen zijn boos",
    "afspraak 06-11 om 10u bij het wijkteam, kamer 2.14",
    "mw ontvangt €1.243,50 aow, huur is €690. krap maar het lukt",
    "Sinterklaasfeest: 40 kinderen, cadeautjes gesponsord door de Jumbo",
    "hond heet Max, erg lief, mw laat hem 3x per dag uit in het Beatrixpark",
    "poes Saartje is weg, mw erg verdrietig, flyers gemaakt",
    "dhr is fan van Max Verstappen, zat de hele zondag voor de tv",
    "mw spreekt Tigrinya en beetje Arabisch, tolk aangevraagd",
    "school: Prins Clausschool groep 6, juf is positief over hem",
    "fam viert Diwali, maakt zelf lichtjes voor de hele galerij 🪔",
    "nieuwe bewoners uit Oekraïne in het oude kantoorpand aan de Croeselaan",
    "kids voetballen op het Cruyff Court, geen overlast meer sinds de nieuwe hekken",
    "God zal voor hem zorgen zegt mw, geloof geeft haar kracht",
    "mw belde gisteren 112 ivm val, ambulance was er snel",
    "nummer Kindertelefoon 0800-0432 gegeven aan de dochter",
    "voor vragen over de stadspas: 14 030 bellen",
    "Luisterlijn 088 0767 000 genoemd, mw gaat het proberen als ze s nachts niet slaapt",
    "mail gestuurd naar info@voedselbankutrecht.nl voor intake",
    "aanmelden via balie@buurthuisdeboog.nl, niet via whatsapp",
    "dhr kookt roti met kousenband voor de buren, rook heerlijk",
    "Oud en Nieuw: zorgen over vuurwerk bij de flat, wijkagent weet ervan",
    "mw maakt zich zorgen om familie in Asmara, al maanden geen contact",
    "Pasen: eieren zoeken in het Wilhelminapark 🐣 8 gezinnen",
    "dhr (72) leest elke ochtend de Bijbel en s middags De Telegraaf",
    "bewonersavond over herinrichting van het Coenplein, 30 mensen",
    "buurtgenoten vieren Chinees nieuwjaar, dumplings maken in de buurtkeuken 🥟",
    "Boer zoekt Vrouw avond in de recreatiezaal, 15 ouderen en bitterballen",
    "gesprek over de Ghanese kerk in Zuidoost, zondagsdienst duurt 4 uur 😅",
    "dhr luistert Umm Kulthum, mooi moment samen",
    "kinderen zingen het Wilhelmus op school, moeder trots",
    "Stichting Thuisadministratie gaat de post ordenen, eerste afspraak over 2 weken",
    "PSV - Ajax gekeken in de buurtkamer, bijna ruzie maar toch gezellig",
    "meneer vertelt dat Willem-Alexander in 2015 in de wijk is geweest",
    "dhr leest Het Achterhuis op taalles, vindt het moeilijk maar mooi",
    "taalcafé: Somali, Dari, Pools en Turks aan tafel, Nederlands als gezamenlijke taal",
    "dhr stuurt alleen spraakberichten via WhatsApp, kan niet goed lezen",
    "lift kapot sinds ma, Portaal gebeld, ticketnr 2024-118734",
    "overleg in Teams met GGD en Altrecht over zorgmijder in de flat",
    "Zomerfeest Kanaleneiland: taartenbakwedstrijd, baklava won",
    "Sint Maarten lampionnen maken met de kids van de flat 🏮",
    "mw kijkt elke dag Turkse series op TRT, spreekt daardoor weinig nl",
    "dhr spreekt liever Fries bij lastige onderwerpen",
    "Hindoestaanse bruiloft in het weekend, fam heeft geen tijd tot dinsdag",
    "huisarts heeft haar doorverwezen naar het Erasmus MC",
    "Eritrese koffieceremonie in de buurtkamer, injera en popcorn 😊",
    "dhr wil IND brief laten voorlezen, verblijfsvergunning verlengd tot 2029",
    "fietsenstalling bij de Maria Montessorischool vol wrakken, gemeld",
    "mw staat al 14 jaar ingeschreven bij WoonnetRijnmond, nog steeds niks",
    "jollof wedstrijd Ghana vs Nigeria in de buurtkeuken, Ghana won volgens de ghanezen 😂",
    "ouders klagen over verkeer bij basisschool De Regenboog, 30 km zone?",
    "hij speelt saz, wil optreden op het Bevrijdingsfestival op 5 mei",
    "kinderen mochten mee naar NEMO, gratis met de U-pas",
    "dhr stond over Jezus te preken op het plein, onschuldig maar buren storen zich",
    "fam op vakantie in Antalya en Konya, weer terug in week 34",
    "oma kijkt Sesamstraat en Lingo met de kleinkinderen",
    "wethouder komt 14 juni langs in de wijk, bewoners willen vragen stellen",
    "mw kocht telefoon bij Coolblue, nu kan ze videobellen met Marokko",
    "cursus Digisterker bij de bibliotheek, 4 lessen, start 3 okt",
    "dhr spreekt Frans, komt uit Kinshasa, heeft nog geen huisarts",
    "buren van nummer 14 en 16 ruzie over de heg, bemiddeling voorgesteld",
    "kanarie Pietje zingt de hele dag, mw vindt dat gezellig",
    "mw leest Jip en Janneke met haar dochter om nl te oefenen",
    "dhr verkoopt spullen op Marktplaats en Vinted om rond te komen",
    "vrouwengroep maakt harira voor de iftar, 20 pannen 😅",
    "Oekraïense vrouwen geven borsjt kookles 🥣 15 deelnemers",
    "jongen kreeg shirt van Brian Brobbey, superblij",
    "dhr komt uit Herat, was leraar Engels, wil vrijwilligerswerk bij de bieb",
    "Heilig Hartkerk deelt voedselpakketten uit, elke do om 17u",
    "t/m vrijdag vrij, collega neemt over",
    "mw uit Cluj werkt in de schoonmaak, 3 adressen per dag",
    "Máxima was op tv over schulden, mw voelde zich gezien",
    "bulgaarse buren op 4 hoog maken s nachts veel lawaai",
    "dhr wil stemmen maar weet niet hoe, StemWijzer samen gedaan",
    "wijkfeest Kleurrijk Transvaal groot succes 🎉",
    "Turkse bakker op de Kanaalstraat heeft brood over, gaat naar de voedselbank",
    "Piet Heinstraat afgesloten ivm werkzaamheden, rollators kunnen er niet langs",
    "no show bij afspraak, 2e keer al. follow up via brief",
    "even ingechekt bij dhr, alles ok 👍 volgende maand weer",
    "Surinaamse vereniging zoekt ruimte voor repetities van hun brassband",
    "moeder wil dat dochter naar het Cals College gaat, advies havo",
    "zwangere mw uit Somalië, eerste afspraak verloskundige 9:30",
    "Kerst bij de Syrisch-orthodoxe kerk, fam nodigde ons uit",
    "dhr wil Quran les voor zijn zoons, moskee aan de overkant geeft dat",
    "afspraak gemist ivm staking NS, nieuwe datum 12/3",
    "meneer (91!) fietst nog elke dag naar de markt op het Vredenburg",
    "Nelson Mandelapark schoonmaakactie, 18 vrijwilligers, 40 zakken afval",
    "fam eet zondag altijd bami en pom bij oma, grote familie",
    "kinderboerderij Gagelsteede? kids willen daar heen met de zomer",
    "leesclub leest De Avond is Ongemak, mw vond het zwaar",
    "mw gaat naar Lourdes met de parochie, 8 dagen",
    "dhr wil naar Mekka voor de hadj, spaart al jaren",
    "Zeeman en Wibra doen mee met de kledingbank actie",
    "dhr had 3 kamers in Aleppo, nu 2 kamers in Overvecht, vindt het klein",
    "Eid Mubarak! mw bracht koekjes langs voor het hele team 🍪",
    "mw belt 0900-8844 voor de wijkagent, nog geen reactie",
    "Koningsdag: kinderen verkopen speelgoed op het Oranjeplein 🧡",
    "Dhr weet niet wat Rutte nu doet, vindt politiek maar niks",
    "buurvrouw van 3-hoog komt nooit buiten, signaal doorgeven aan wijkteam",
    "kinderen kijken Het Klokhuis op school, daarna samen knutselen",
]


def parse(note):
    out, findings, pos = [], [], 0
    n = 0
    for m in MARK.finditer(note):
        out.append(note[pos : m.start()])
        n += len(note[pos : m.start()])
        kind, surface = m.group(1), special(m.group(1), m.group(2))
        findings.append({"kind": kind, "start": n, "end": n + len(surface), "surface": surface})
        out.append(surface)
        n += len(surface)
        pos = m.end()
    out.append(note[pos:])
    text = "".join(out)
    assert "[" not in text and "]" not in text, note
    return text, findings


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "privacy_notes_blind2.jsonl")
    records = []
    for note in NOTES:
        text, findings = parse(note)
        for f in findings:
            sub = text[f["start"] : f["end"]]
            assert sub == f.pop("surface"), (note, sub)
            assert sub == sub.strip() and sub, (note, sub)
            if f["kind"] == "bsn":
                assert bsn_valid(sub), sub
            if f["kind"] == "iban":
                assert iban_valid(sub), sub
        findings.sort(key=lambda f: f["start"])
        records.append({"text": text, "findings": findings})
    texts = [r["text"] for r in records]
    assert len(set(texts)) == len(texts), "duplicate note"
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = {k: 0 for k in KINDS}
    for r in records:
        for f in r["findings"]:
            counts[f["kind"]] += 1
    with_pd = sum(1 for r in records if r["findings"])
    print(
        f"wrote {path}: {len(records)} notes, {with_pd} with personal data,"
        f" {len(records) - with_pd} clean"
    )
    print("findings per kind:", counts)


if __name__ == "__main__":
    sys.exit(main())
