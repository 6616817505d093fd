"""Generate tests/data/privacy_notes_holdout.jsonl.

Independent held-out set for the buurtlog personal-data detector, written
without looking at the detector or its development set.

Source notes are written with inline markup: "[kind:surface text]".
Offsets are computed from the markup, never by hand.

Special surface values (generated programmatically, deterministic seed):
  [bsn:@]        valid BSN (11-test), 9 digits plain
  [bsn:@dots]    valid BSN formatted 1234.56.789
  [bsn:@spaces]  valid BSN formatted 123 456 789
  [iban:@BANK]   valid Dutch IBAN (mod-97), compact, e.g. NL..ABNA..........
  [iban:@BANK_s] same, printed in groups of four separated by spaces
  [iban:@BANK_l] same, compact and lowercase

Annotation conventions:
  * name: only the name itself; honorifics and kinship/role words (mw, dhr,
    meneer, mevrouw, fam., ome, tante, opa, juf, wijkagent ...) are excluded;
    particles (de, van der, vd) belong to the name. Names of any private person
    (residents, volunteers, colleagues, a local police officer) are marked;
    public figures, organisations and streets/schools named after people are not.
  * address: street name + house number incl. suffix (12a, 8 bis, 45-II,
    3a-2, "112 3 hoog", "14 hs"); a bare street without number is not marked.
    City names are never marked.
  * postcode: just the postcode ("3531 CK" / "3526KL"); a house number written
    after it as "huisnr 8" is not part of the span.
  * Public helpline numbers (112, Veilig Thuis 0800-2000) are not personal data.
"""

import json
import random
import re
from pathlib import Path

rng = random.Random(20240611)

OUT = Path(__file__).with_name("privacy_notes_holdout.jsonl")
KINDS = {"name", "phone", "email", "postcode", "bsn", "iban", "address"}


def make_bsn():
    while True:
        d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        s = sum(w * x for w, x in zip(range(9, 1, -1), d))
        d9 = s % 11
        if d9 <= 9:
            digits = d + [d9]
            assert (sum(w * x for w, x in zip(range(9, 1, -1), digits[:8])) - digits[8]) % 11 == 0
            return "".join(map(str, digits))


def iban_valid(iban):
    iban = iban.replace(" ", "").upper()
    rearranged = iban[4:] + iban[:4]
    num = "".join(str(int(c, 36)) for c in rearranged)
    return int(num) % 97 == 1


def make_iban(bank):
    account = "".join(str(rng.randint(0, 9)) for _ in range(10))
    bban = bank + account
    num = "".join(str(int(c, 36)) for c in bban + "NL00")
    check = 98 - int(num) % 97
    iban = f"NL{check:02d}{bban}"
    assert iban_valid(iban)
    return iban


def expand_special(kind, surface):
    if not surface.startswith("@"):
        return surface
    spec = surface[1:]
    if kind == "bsn":
        b = make_bsn()
        if spec == "":
            return b
        if spec == "dots":
            return f"{b[:4]}.{b[4:6]}.{b[6:]}"
        if spec == "spaces":
            return f"{b[:3]} {b[3:6]} {b[6:]}"
    if kind == "iban":
        bank, _, fmt = spec.partition("_")
        i = make_iban(bank)
        if fmt == "":
            return i
        if fmt == "s":
            return " ".join(i[k : k + 4] for k in range(0, len(i), 4))
        if fmt == "l":
            return i.lower()
    raise ValueError(f"bad special {kind}:{surface}")


MARK = re.compile(r"\[(name|phone|email|postcode|bsn|iban|address):([^\[\]]+)\]")


def parse(src):
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


# ---------------------------------------------------------------------------
# Notes WITHOUT personal data
# ---------------------------------------------------------------------------
CLEAN = [
    "koffietafel AH Overvecht: mw ca 70 jr, voelt zich erg alleen sinds overlijden man. wil graag mee naar de breiclub op do. evt samen met vrijwilliger ophalen",
    "Dhr vertelt dat hij €3400 schuld heeft bij Eneco ivm naheffing. Schaamt zich, nog niks aan gedaan. Afspraak gemaakt voor schuldhulp wo 10:00 in De Schakel",
    "jongeren hangen 's avonds bij de speeltuin aan de Marnixlaan, bewoners klagen over lawaai en lachgas. doorgeven aan wijkagent en jongerenwerk",
    "inloopochtend buurthuis: 14 bezoekers, 3 nieuw. veel vragen over de energietoeslag en de brief van de Belastingdienst",
    "Mw (ong 45) heeft al 3 mnd schimmel in badkamer, Mitros komt niet. Foto's gemaakt, samen melding gedaan via app van Mitros. Over 2 wk navragen",
    "gesprekje op straat bij de Lidl, jonge moeder met 2 kids, zoekt taalles. verwezen naar Taalcafé in de bibliotheek, di 13:30-15:00",
    "Vrijwilliger voedselbank geeft aan dat uitgifte vanaf 1-5 op vrijdag is ipv donderdag. doorgeven aan gezinnen",
    "Meneer van ca 80, loopt slecht, kan niet meer zelf boodschappen doen. wmo aanvraag besproken, dochter woont in Zwolle en komt 1x per maand",
    "bewonersinitiatief moestuin Transvaal wil subsidie aanvragen, ca € 1.200. helpen met aanvraagformulier bij gemeente",
    "Ramadan begint binnenkort, buurtvrouwen willen iftar organiseren in buurtkamer. check beschikbaarheid zaal en keuken",
    "drukke ochtend bij de Action, 2 bewoners aangesproken over overlast duiven op galerij. woningcorporatie weet ervan",
    "mw zit in de bijstand, huur € 720, krijgt huurtoeslag maar houdt te weinig over voor boodschappen. aanmelden voedselbank besproken, ze twijfelt ivm schaamte",
    "Gesprek met vader uit Eritrea, via Vluchtelingenwerk hier gekomen, gezinshereniging loopt nog. Zoekt werk, heeft rijbewijs",
    "Suikerfeest vrijdag, buurtkamer dicht. bewoners gevraagd of ze zaterdag willen helpen met opruimen",
    "Bus 8 rijdt niet meer langs de flat sinds december, ouderen kunnen moeilijk naar de markt. signaal naar gemeente",
    "lekkage plafond keuken 2e verdieping, al 2x gemeld bij Portaal. bewoner boos, wil huur inhouden. uitgelegd dat dat niet slim is",
    "taalcafe vandaag 9 deelnemers, 2 nieuwe vrijwilligers. onderwerp was: de huisarts bellen",
    "Jongens van ong 14-16 jaar voetballen tegen de gevel van de flat in de Bijlmer, bewoners geërgerd. Idee: toernooi organiseren met de Krajicek Foundation?",
    "energiecoach is langs geweest bij 6 adressen in Kanaleneiland, gemiddeld € 25 per maand besparing verwacht",
    "mw heeft last van buren boven, harde muziek tot 2 uur 's nachts. buurtbemiddeling voorgesteld, ze denkt erover na",
    "Kerstdiner 21-12 in De Schakel, 40 aanmeldingen. nog 3 vrijwilligers nodig voor de keuken",
    "dhr is sinds de zomer werkloos, uwv uitkering loopt af in maart. stress, slaapt slecht. huisarts? wil hij niet",
    "speeltuin Gagelbos: wip kapot, hek scheef. gemeld bij gemeente, meldingsnr nog niet binnen",
    "Humanitas thuisadministratie heeft wachtlijst van ca 6 weken. tussentijds zelf helpen met post sorteren",
    "koffietafel Jumbo: vnl ouderen, gesprek over eenzaamheid rond de feestdagen. 2 mensen willen meedoen met wandelgroep di ochtend",
    "Moeder vertelt dat zoon (17) niet meer naar school gaat. leerplicht is op de hoogte. Ze wil graag contact met jongerenwerker",
    "Burgemeester Dijksma komt 12 juni op werkbezoek in Overvecht, bewoners willen hun zorgen over veiligheid delen",
    "Flat aan de Zamenhofdreef: lift al 2 weken kapot, oudere bewoners op 8 hoog komen niet naar beneden. spoed gemeld bij corporatie",
    "mw ca 60 jr, Turkse achtergrond, spreekt weinig Nederlands. dochter tolkt. vragen over AOW-gat, verwezen naar SVB spreekuur",
    "gesprek bij de bakker op de hoek, eigenaar maakt zich zorgen om dakloze man die daar vaak slaapt. doorgeven aan Leger des Heils",
    "3 gezinnen uit Oekraïne in de opvang aan de Vleutenseweg, kinderen zoeken sportclub. Jeugdfonds Sport & Cultuur benaderen",
    "Bewoners willen een buurtbarbecue op 6-7 in het park. vergunning nodig? navragen bij gemeente",
    "vandaag geen koffietafel ivm kapot koffieapparaat haha. toch 5 gesprekjes gehad buiten",
    "Man van middelbare leeftijd, woont alleen, drinkt veel. geeft aan dat hij wil minderen. info gegeven over Jellinek",
    "meneer heeft brief van CJIB, boete € 239 + verhoging. betalingsregeling aanvragen, samen gedaan via website",
    "Vluchtelingenwerk zoekt taalmaatje voor Syrisch gezin, 2 kinderen op basisschool Het Kompas",
    "jongeren vragen om een eigen plek, oude gymzaal aan de Van Heuven Goedhartlaan staat leeg. idee meenemen naar overleg",
    "Mevrouw vertelt dat haar uitkering 3 mnd te laat was, heeft nu huurachterstand van 2 mnd. contact met Woonbron opnemen (met haar toestemming)",
    "Moestuin achter buurthuis: 12 bakken verdeeld, nog 3 vrij. Opening za 14:00",
    "mw heeft beginnende dementie, vergeet pannen op het vuur. buren ongerust. casemanager dementie inschakelen via huisarts",
    "Meiden van 12-14 willen dansles, geen geld. Jeugdfonds aanvraag + bij Stichting Leergeld navragen",
    "dhr ca 50, Poolse achtergrond, werkt via uitzendbureau, woont met 6 man in 1 huis. zorgen over woonsituatie, doorgeven aan handhaving?",
    "Koffieochtend Buurtkamer De Schakel: thema digitale overheid, DigiD aanvragen. 7 mensen hulp nodig, volgende keer laptop meenemen",
    "in Lombok steeds meer zwerfafval bij de containers, bewoners willen opschoonactie op zaterdag 16-3",
    "mw is mantelzorger voor man met Parkinson, overbelast. respijtzorg besproken, mantelzorgwaardering € 150 aangevraagd",
    "Groep moeders bij schoolplein Anne Frankschool wil koffieochtend starten. ruimte in school navragen bij directie",
    "Gesprek met jongen (19) die dakloos is, slaapt bij vrienden. Daklozenloket en postadres aanvragen besproken",
    "Tijdens inloop 2 mensen met vragen over toeslagenaffaire, verwezen naar herstelorganisatie",
    "buurtpreventie app groep wil meer verlichting in het steegje achter de Albert Heijn, 3 keer ingebroken in schuurtjes",
    "De Voedselbank zoekt chauffeurs voor vrijdag, rijbewijs B. Oproep doen in nieuwsbrief",
    "dhr zegt dat zijn buurvrouw al dagen niet buiten is geweest, post stapelt op. wijkagent en corporatie gebeld, deur open gemaakt, alles oké",
    "Wo 14:00 overleg met sociaal wijkteam over signalen eenzaamheid in de seniorenflat aan de Prinses Irenelaan",
    "Een paar vaders willen op zondag buurtvoetbal organiseren, veld aan de Dr. Schaepmanlaan is vrij na 11:00",
    "mw (82) valt vaak, geen alarmering. personenalarmering aanvragen via wmo, dochter regelt de rest",
    "energierekening omhoog van € 110 naar € 240 per maand. Huis slecht geïsoleerd. Corporatie vragen naar isolatieplannen",
    "Leger des Heils heeft kledingbank op wo, open 10-12. info gedeeld met 3 gezinnen",
    "gesprek met bewoner over zorgen om radicalisering neef, advies gegeven om contact op te nemen met het steunpunt. verder geen details",
    "jongerenwerk organiseert in de herfstvakantie een filmavond, 25 plekken. flyers uitgedeeld bij de Kruidvat en de moskee",
    "Taalles Turkse vrouwen: 8 deelnemers, niveau A1. Ze willen oefenen met gesprekken bij de huisarts en apotheek",
    "mw vertelt dat ze 15 jaar in deze wijk woont en het steeds onveiliger vindt. 2x tasjesroof in haar portiek dit jaar",
    "veel vragen over de nieuwe afvalpas, 30% van de bewoners heeft hem nog niet. voorlichting plannen met gemeente",
    "Buurvrouwen hebben kookclub opgezet, elke 1e donderdag vd maand Surinaams koken in buurthuis Transvaal",
    "Man met psychische klachten, verward, schreeuwde op straat. Niet aanspreekbaar, wijkagent was er al. morgen navragen bij GGD-team",
    "Buurtkamer open op 2e Paasdag? besluit: nee, wel op Koningsdag voor de kleedjesmarkt",
    "tram 1 en lijn 10 rijden om ivm werkzaamheden, ouderen weten niet hoe ze bij het ziekenhuis komen. info op prikbord gehangen",
    "gezin met 4 kinderen, vader werkt nachtdienst in distributiecentrum Bol.com. kinderen vaak alleen, geen opvang. kinderopvangtoeslag uitgelegd",
    "Na het gesprek: mw huilde, rouw om zoon die vorig jaar overleden is. Volgende week weer langs, rouwgroep van Humanitas genoemd",
    "Overlast hennepgeur uit woning 1e etage, bewoners bang om te melden. anoniem melden via Meld Misdaad Anoniem uitgelegd",
    "Stichting Present kan in april helpen met schilderen van een woning, aanvraag loopt via wijkteam",
    "koffietafel Lidl Kanaleneiland, rustig. 1 gesprek met oudere dame over haar kat die weg is. flyer maken?",
    "mw heeft wel een 06 maar geen internet, kan daardoor geen afspraken maken bij gemeente. Digitaal spreekuur bieb als tip gegeven",
    "meneer geeft aan geen e-mailadres te hebben en alles per post te willen. genoteerd",
    "Jongeren op scooters rijden door het winkelcentrum, 2 bijna-ongelukken. overleg met beheerder winkelcentrum Overvecht plannen",
    "Bewonerscommissie flat De Hoge Wei wil gesprek met corporatie over servicekosten (€ 38 per maand, vinden ze te hoog)",
    "mw (34) alleenstaand met baby, postnatale depressie? huilde veel. met haar afgesproken dat ik het consultatiebureau bel",
    "Wilders was vorige week in het nieuws, discussie aan de koffietafel over politiek liep hoog op. later weer rustig",
    "Iftar in buurtkamer gisteren: ruim 60 mensen, heel gezellig, ook veel niet-moslim buren. volgend jaar herhalen",
    "2 ouderen in de hofjes aan de Lange Nieuwstraat hebben geen verwarming sinds maandag, monteur komt pas donderdag. elektrische kachel geregeld",
    "Vrijwilligersbijeenkomst 8-11 om 19:30, 15 aanmeldingen. taart halen bij de Hema",
    "mw is bang voor haar ex, heeft ooit contactverbod gehad. Veilig Thuis 0800-2000 gegeven en bij nood 112 bellen",
    "schoolvakantie: kinderen vervelen zich, speelplein aan de Marco Polostraat druk. speelotheekbus komt wo",
    "mw heeft problemen met de Sociale Verzekeringsbank over kinderbijslag, brief niet begrepen. samen gelezen, ze snapt het nu",
    "dhr ca 65, oud-havenarbeider, praat graag over vroeger. zou mooi passen bij project Verhalen van de Wijk van de bibliotheek",
    "Jongeren geholpen met cv schrijven in het buurthuis, 4 jongens tussen 17-21. Volgende keer oefengesprekken",
    "Ouders klagen over onveilige oversteek bij basisschool De Regenboog, kinderen moeten over 4 rijbanen. petitie?",
    "mw heeft Suikerfeest gevierd bij familie in Rotterdam, was blij. nu weer alleen, kinderen wonen ver. volgende week even bellen",
    "gesprek met kassière Albert Heijn: ziet vaker dat klanten spullen terugleggen bij de kassa omdat het geld niet genoeg is",
    "Eenzame oudere man bij de bushalte van lijn 12, zit er elke dag 'voor de gezelligheid'. uitgenodigd voor koffieochtend",
    "Buurtkamer De Schakel krijgt nieuwe keuken, verbouwing 3-4 t/m 15-4. koffietafel tijdelijk in de kerk",
    "discussie over hondenpoep op het grasveld, sommige bewoners willen een hondenuitlaatplek. peiling doen, ca 50 flyers",
    "jongen van 16 vraagt hoe hij aan bijbaantje komt. Verwezen naar jongerenloket, ook uitgelegd wat een loonstrook is",
    "mw heeft een boete van de OV-chipkaart, € 50, snapt niet waarom. samen bellen met GVB gepland voor dinsdag 11:00",
    "Koningsdag vrijmarkt op het plein ging goed, opbrengst € 312 voor het buurtfonds",
    "man van ongeveer 40 met verslaving, vraagt om geld. niet gegeven, wel verwezen naar inloop van Leger des Heils aan de Oudegracht",
    "vrouw vertelt dat haar zoon naar het buitenland is vertrokken (Syrië?) en ze niks meer hoort. ernstig. morgen overleg met teamleider",
    "vandaag 3 uur op straat gelopen in de Schilderswijk met collega van welzijn, veel gesprekken over stijgende prijzen",
    "mw zegt dat de kerstpakketten van de kerk dit jaar pas 20-12 komen, 35 gezinnen op de lijst",
    "Sinterklaasfeest in buurthuis 30-11, cadeautjes gesponsord door de Hema en de Bruna",
    "jongens op het pleintje hadden het alleen over Max Verstappen en Feyenoord, leuk gesprek, daarna samen blikjes opgeruimd",
    "flat aan de Pieter Baststraat: kelderboxen opengebroken, 4 bewoners gedupeerd. aangifte gedaan, corporatie vervangt sloten",
]

# ---------------------------------------------------------------------------
# Notes WITH personal data
# ---------------------------------------------------------------------------
PII = [
    "mw [name:Yilmaz] bij koffietafel AH, zorgen over energierekening. tel [phone:06-41235987]",
    "Dhr [name:Pietersen] wil mee met wandelgroep, woont [address:Marnixlaan 12a]",
    "[name:Kees] van de overkant helpt mw met boodschappen, gaat goed zo",
    "gesprek met meneer [name:Bakker] over schulden, ong € 8000. afspraak wo 10:00",
    "ome [name:Henk] zit elke ochtend bij de Lidl koffie te drinken, weet alles van de buurt. goede sleutelfiguur",
    "[name:Fatima El Haddouti] wil vrijwilliger worden bij Taalcafé, bereikbaar op [phone:06 28 73 14 59]",
    "mw. [name:de Vries] heeft huurachterstand, bsn [bsn:@] voor aanvraag schuldhulp",
    "dhr [name:Mehmet Yıldız] ([phone:+31 6 5023 8841]) vraagt hulp bij brief Belastingdienst",
    "Nieuwe aanmelding voedselbank: fam. [name:El Amrani], [address:Kanaalstraat 112 3 hoog], [postcode:3531 CK] Utrecht",
    "mw [name:Agnieszka Kowalska] werkt in de kassen in het Westland, huur gaat via rekening [iban:@RABO_s], huisbaas rekent € 550 voor een kamer",
    "[name:Yonas] (Eritrees, 19) zoekt taalmaatje, mail [email:yonas.tesfay98@gmail.com]",
    "Mevrouw [name:Sewnarain] belde terug op [phone:010-4127730], afspraak bij haar thuis do",
    "[name:jan vd meer] komt niet meer naar de koffietafel, gebeld maar geen gehoor",
    "[name:Khadija] van nr 14 heeft een sleutel van mw [name:Hendriks]",
    "postcode [postcode:3526KL] huisnr 8, briefje in de bus gedaan voor mw [name:Kaya]",
    "Dhr [name:Van den Berg], [address:Dr. Schaepmanlaan 7], wil graag rollator via wmo",
    "BSN mw: [bsn:@dots], nodig voor aanvraag bijzondere bijstand. vernietigen na gebruik!",
    "tante [name:Ria] uit de flat kookt mee bij de buurtmaaltijd, Surinaams eten, top",
    "Moeder van [name:Dewi] (8) vraagt of er plek is bij het huiswerkclubje",
    "mail van dhr [name:Janssen] ontvangen via [email:r.janssen@ziggo.nl], vraagt om terugbellen [phone:030 262 4417]",
    "[name:Rania Al-Hassan] en haar man [name:Khaled] net verhuisd naar [address:Columbuslaan 341], [postcode:3526 EP]. kennismaken",
    "wijkagent [name:Roos Verhoef] loopt dinsdag mee door de wijk",
    "betaalt schuld af via [iban:@INGB], € 45 per maand aan deurwaarder. gaat goed tot nu toe",
    "Mw [name:Öztürk] tel [phone:+31612983370] wil naar taalles",
    "[name:Mo] en [name:Bilal] waren weer bij de speeltuin, rustig vandaag",
    "gesprek met [name:Dorota] (Pools), werkt bij distributiecentrum, adres [address:Vleutenseweg 220-bis]",
    "dhr [name:Pinas] 84 jaar, woont alleen op [address:Amsterdamsestraatweg 501 B], kinderen in Suriname",
    "nieuwe vrijwilliger [name:Sanne de Groot] begint wo bij de koffietafel, [email:sannedegroot@hotmail.com]",
    "fam [name:Haile] vraagt om schoolspullen, 3 kinderen. tel [phone:0031 6 14 55 90 27]",
    "mw [name:Ramlal] heeft bsn [bsn:@spaces] en [iban:@SNSB] doorgegeven voor energietoeslag. (niet opslaan!)",
    "meneer [name:de Boer] is weer opgenomen, buurvrouw [name:Ineke] voert de kat",
    "vaste lijn mw [name:Visser]: [phone:0318-521946], heeft geen mobiel",
    "[name:Ahmed] zegt dat z'n broer [name:Youssef Bouzid] ook hulp wil bij solliciteren",
    "Afspraak huisbezoek [address:Wilhelminastraat 45-II], [postcode:2011 VM] Haarlem, vr 14:00",
    "heb mw [name:Nguyen] geholpen met DigiD, mailadres [email:thi.nguyen.hoa@outlook.com]",
    "dhr [name:Kwame Mensah] spreekt Engels, vraagt om info over huurcommissie. [phone:06.24.81.73.50]",
    "opa [name:Jan] van de 3e verdieping loopt elke ochtend een rondje met buurman [name:Abdelkader], mooi contact",
    "Mw [name:Hatice Demir] wil bijdrage voor zwemles dochter, rekeningnr [iban:@ABNA_s]",
    "[name:Marieke] van de bewonerscommissie belt morgen, [phone:06-18 44 29 03]",
    "Adres mw [name:Jansen]: [address:Van Ostadestraat 3a-2], sleutel ligt bij de buren",
    "kind [name:Lucas] (6) wordt gepest op school, moeder wil gesprek met de juf",
    "mw [name:Wijngaarde] [phone:020 6932718] vraagt of haar kleinzoon mee kan op zomerkamp",
    "Dhr [name:Nowak] BSN [bsn:@] woont sinds kort op [address:Laan van Meerdervoort 1201], nog niet ingeschreven?",
    "overleg met [name:Gerrit] van de Voedselbank over uitgifte, hij belt terug",
    "[name:fatma] en [name:ayse] van de naaiclub willen een kraam op de markt",
    "email van mw: [email:k.devries1961@gmail.com], stuurt foto's van de schimmel door",
    "meneer [name:van der Linden] op [address:2e Van der Helststraat 14 hs] heeft geen verwarming, Ymere gebeld",
    "ivm verhuizing nieuwe postcode [postcode:1104 BX], huisnr 22. adreswijziging doorgeven aan gemeente",
    "[name:Senait] heeft baby gekregen! moeder en kind gezond. cadeautje van de buurtkamer",
    "Dhr [name:Kartosen] belt vaak naar buurtkamer vanaf [phone:(070) 3658124]",
    "mw [name:Bouchra Amrani] rekening [iban:@TRIO] voor teruggave huurverhoging",
    "gesprek met [name:Piet] en [name:Joke Hoekstra] over hun zoon die dakloos is",
    "mw [name:Aydın-Yılmaz] heeft last van lekkage, woont [address:Zamenhofdreef 88], lift kapot",
    "nr van [name:Sjaak]: [phone:0654829173] ivm buurtbarbecue",
    "mw [name:Gebremedhin] bsn [bsn:@] iban [iban:@ASNB_s] - ingevuld op formulier bijz. bijstand",
    "[name:Mustafa] van de moskee helpt met iftar, regelt tafels",
    "meneer [name:Smit] ([address:Kerkstraat 8 bis]) wil zijn tuin laten opknappen, Stichting Present?",
    "[name:Lisa] (stagiair) deed vandaag het gesprek mee",
    "mw [name:Boateng] mail [email:abena.boateng@live.nl] tel [phone:06 3817 4420]",
    "[name:Krzysztof] zegt dat er 6 Polen op [address:Hoofdweg 201-III] wonen, huisbaas vraagt € 500 pp",
    "klacht van mevr. [name:Kok] over de jongeren, woont erboven op [address:Marnixlaan 14]",
    "dhr [name:Haddou] vroeg naar wijkteam, nr gegeven. zijn nr: [phone:+31 6 41 77 20 93]",
    "aanvraag Jeugdfonds voor [name:Amira] en [name:Omar], moeder is mw [name:Benali]",
    "[name:Wim] (71) van de biljartclub is gevallen, ligt in het ziekenhuis",
    "mw [name:van Dijk] [postcode:3514 BK] - doorgeven aan energiecoach",
    "Bewoner [name:Hasan Çelik], [address:Weg der Verenigde Naties 40], wil bewonersinitiatief opzetten",
    "[name:Dirk-Jan] uit de flat biedt aan om klusjes te doen voor ouderen",
    "dhr [name:Mahabier] rek nr [iban:@INGB_l] (betaalt zelf de huur)",
    "mw. [name:de Graaf-Smit] wil doneren aan buurtfonds, bel [phone:030-2936641]",
    "telnr [name:Zeynep]: [phone:06 - 47 19 28 66]",
    "juf [name:Anouk] van De Regenboog maakt zich zorgen om een leerling",
    "gezin [name:Al-Khatib], nieuw in de wijk vanuit azc, adres [address:Transvaalkade 63-1], [postcode:1092 JL] Amsterdam",
    "mw [name:Chaouch] bsn: [bsn:@] belt morgen zelf met UWV",
    "[name:Erik van Leeuwen] beheert de whatsapp groep buurtpreventie, nr [phone:06-55019382]",
    "formulier mailen naar [email:familie.ramdin@gmail.com]",
    "meneer [name:Tahiri] vraagt hulp, [address:Dr. Schaepmanlaan 9] was oud adres, nu [address:Oudegracht 231 bis]",
    "buurvrouw [name:Grietje] ziet mw al een week niet meer buiten",
    "mw [name:Osei] [phone:020-4096337] [email:graceosei@yahoo.com] [address:Bijlmerdreef 1105]",
    "dhr [name:Polat] [postcode:3067GH] Rotterdam-Ommoord, wil hulp bij huurtoeslag",
    "[name:Achmed] (bezorger AH) ziet dat oudere mw op 2 hoog al dagen niet opendoet",
    "Dhr [name:Veenstra] betaalt via [iban:@RABO] aan Vitens, loopt achter",
    "mw [name:Abdi] uit Somalië, 5 kinderen, tel [phone:0031612448905]",
    "sofinr dhr [bsn:@] genoteerd voor aanvraag kwijtschelding, daarna wissen",
    "sleutelbos gevonden, van mw [name:Brouwer]? ze woont [address:Prinses Irenelaan 22]",
    "[name:Bas] en [name:Ruud] van de tuinclub hebben ruzie over de bakken",
    "meneer [name:Ait Taleb] mailt liever: [email:aittaleb.m@gmail.com]",
    "mw [name:Kaya] [postcode:3573 BE] [bsn:@dots]",
    "[name:Ilse] van het wijkteam bellen over mw, [phone:06 20 47 83 15]",
    "Fam. [name:Soekhai] wil kennismaken met nieuwe buren op [address:Marco Polostraat 176-2]",
    "dhr [name:Tesfamariam] heeft [address:Columbuslaan 12] als postadres",
    "[name:Sophie] (buurmeisje, 15) zorgt voor de hond van dhr als hij naar het ziekenhuis moet",
    "mw [name:Jaspers] belde vanaf [phone:070-3892614] over overlast",
    "Familie [name:Doelwijt], [address:Bijlmerdreef 412], postcode [postcode:1102 CT]",
    "gesprek met [name:Hamid] over zijn broer in Syrië, heel emotioneel",
    "terugbetaling borg mw [name:Vermeulen] naar [iban:@ABNA]",
    "dhr [name:Rutten] wil info over schuldhulp, email [email:rutten.p@kpnmail.nl], woont [address:Lange Nieuwstraat 9], [postcode:3512 PB]",
    "[name:Aziz] (zoon van mw [name:Bakkali]) belt vandaag nog: [phone:06 48 20 71 39]",
    "kreeg sms van [name:Ans] ([phone:06-27380145]) dat de koffietafel morgen niet doorgaat",
    "dhr [name:Schouten] heeft postcode [postcode:2531 EK] maar post komt niet aan",
    "[name:roos] van nr 5 heeft bloemen gebracht voor de buurtkamer",
]


def main():
    rows = []
    for src in CLEAN:
        text, findings = parse(src)
        assert not findings
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
