// Find personal data in short Dutch free-text notes, offline in the browser.
//
// Hand-made port of buurtlog/privacy.py and buurtlog/privacy_words.py: same regexes, same word
// lists, same order of decisions, so both return identical findings (tests/test_privacy.py runs
// this module under node and compares). Change both files together.

// ---- word lists (buurtlog/privacy_words.py) ----

const FIRST_NAMES = new Set([
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
]);

const PARTICLES = new Set([
  "van", "de", "den", "der", "ter", "ten", "te", "el", "al", "la", "le", "da", "du", "von",
  "ben", "bin", "ait", "'t", "’t",
]);

const STOPWORDS = new Set([
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
]);

const NOT_NAME_PHRASES = ["Albert Heijn", "Anne Frank", "Jan Linders", "Sint Maarten"];

const PLACE_SUFFIXES = [
  "straatje", "straat", "laan", "plein", "pleintje", "gracht", "kade", "singel", "steeg",
  "plantsoen", "boulevard", "allee", "dreef", "school", "kerk", "moskee", "park", "centrum",
  "bibliotheek", "ziekenhuis", "kliniek",
];

const STREET_SUFFIXES = [
  "straatje", "straat", "laan", "weg", "plein", "pleintje", "gracht", "kade", "singel", "dreef",
  "hof", "park", "pad", "steeg", "dijk", "baan", "plantsoen", "markt", "boulevard", "erf",
  "ring", "allee", "oord", "veld", "wal", "haven", "zijde",
];

const NOT_STREETS = new Set([
  "Onderweg", "Snelweg", "Loopbaan", "Antwoord", "Akkoord", "Woord", "Speelveld",
  "Voetbalveld", "Kerkhof",
]);

const STREET_TITLES = new Set([
  "Prins", "Prinses", "Koning", "Koningin", "Graaf", "Gravin", "Hertog", "Burgemeester",
  "Burg", "Generaal", "Kapitein", "Admiraal", "Dokter", "Dr", "Mr", "Pastoor", "Professor",
  "Prof", "Sint", "St", "Van", "De", "Den", "Der", "Ter", "Ten", "Oude", "Nieuwe", "Lange",
  "Korte", "Grote", "Kleine", "Hoge", "Lage", "Eerste", "Tweede", "Derde",
]);

const NUMBER_UNITS = new Set([
  "mensen", "kinderen", "kids", "jongeren", "jongens", "meiden", "meisjes", "personen",
  "deelnemers", "bezoekers", "buren", "bewoners", "vrijwilligers", "gezinnen", "huishoudens",
  "ouderen", "vrouwen", "mannen", "moeders", "vaders", "jaar", "jaren", "maanden", "maand",
  "weken", "week", "dagen", "dag", "uur", "uren", "minuten", "keer", "euro", "procent", "km",
  "meter", "kilo", "stuks", "kopjes", "flats", "woningen", "portieken", "fietsen", "auto",
  "bomen", "bankjes", "containers", "katten", "honden", "januari", "februari", "maart",
  "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
  "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
]);

// ---- regexes (buurtlog/privacy.py); no \d, \w, \s, \b or flags besides g/y ----

export const KINDS = ["email", "iban", "phone", "postcode", "bsn", "address", "name"];

const UP = "A-ZÀ-ÖØ-Þ";
const LO = "a-zß-öø-ÿ\u0100-\u017f";
const LETTER = "[" + UP + LO + "]";
const SP = "[ \t\r\n\u00a0]";
const NO_WORD_BEFORE = "(?<![" + UP + LO + "0-9])";
const CAP = "[" + UP + "][" + LO + "]+(?:-[" + UP + "][" + LO + "]+)*(?!" + LETTER + ")";
const PARTICLE =
  "(?:[Vv]an|[Dd]e[nr]?|[Tt]e[nr]?|[Ee]l|[Aa]l|[Ll]a|[Ll]e|[Dd]a|[Dd]u|[Vv]on|[Bb]en" +
  "|[Bb]in|[Aa]it|['’]t)(?!" + LETTER + ")";
const INITIALS = "[" + UP + "]\\.(?:" + SP + "?[" + UP + "]\\.)*" + SP + "*";
const NAME_TAIL = "(?:" + SP + "+(?:" + PARTICLE + SP + "+)*" + CAP + "){0,2}";
// A house number refuses times and decimals ("10:30", "14.00") but takes "4b", "33-2", "12 A".
const HOUSE_NR =
  "(?:(?:nr|nummer|huisnummer|no)\\.?" + SP + "*)?[1-9][0-9]{0,3}(?![0-9]|[.,:][0-9])" +
  "(?:[A-Za-z](?!" + LETTER + ")|" + SP + "[A-Z](?![" + UP + LO + "0-9]))?" +
  "(?:-[0-9]{1,3}(?![0-9])|-[A-Za-z](?!" + LETTER + "))?";
const PHONE_SEP = "(?: - |[ .-])?";

const HONORIFICS = ["mevrouw", "meneer", "mejuffrouw", "juffrouw", "buurvrouw", "buurman",
  "de heer", "mevr", "mw", "dhr", "juf", "familie", "echtpaar"];
const RELATION_CUES = ["zoon", "dochter", "kleinzoon", "kleindochter", "broer", "zus", "man",
  "vrouw", "moeder", "vader", "oma", "opa", "tante", "oom", "neef", "nicht", "vriend",
  "vriendin", "partner", "buurjongen", "buurmeisje", "heet", "heette", "genaamd", "naam is",
  "naam was", "wijkagent", "huisarts", "dokter", "meester", "collega", "vrijwilliger",
  "vrijwilligster", "mantelzorger"];

function cueAlternation(cues) {
  const parts = cues.map(
    (c) => "[" + c[0].toUpperCase() + c[0] + "]" + c.slice(1).replaceAll(" ", SP + "+"),
  );
  return "(?:" + parts.join("|") + ")";
}

const EMAIL_RE = new RegExp(
  "(?<![A-Za-z0-9._%+\\-])[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*" +
  "\\.[A-Za-z]{2,}(?![A-Za-z0-9\\-])", "g");
const IBAN_RE = new RegExp(
  "(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?" +
  "(?![A-Za-z0-9])", "g");
const POSTCODE_RE = new RegExp(
  "(?<![A-Za-z0-9])[1-9][0-9]{3}(?:" + SP + "?[A-Z]{2}|(?!km|kg|cm|mm|ml|mg)[a-z]{2})" +
  "(?![A-Za-z0-9])(?:,?" + SP + "+" + HOUSE_NR + ")?", "g");
const PHONE_RE = new RegExp(
  "(?<![0-9+A-Za-z])(?:(?:\\+|00)31" + PHONE_SEP + "(?:\\(0\\)" + PHONE_SEP + ")?[1-9]" +
  "(?:" + PHONE_SEP + "[0-9]){8}|0[1-9](?:" + PHONE_SEP + "[0-9]){8}" +
  "|\\(0[1-9]\\)" + PHONE_SEP + "[0-9](?:" + PHONE_SEP + "[0-9]){7}" +
  "|\\(0[1-9][0-9]\\)" + PHONE_SEP + "[0-9](?:" + PHONE_SEP + "[0-9]){6}" +
  "|\\(0[1-9][0-9]{2}\\)" + PHONE_SEP + "[0-9](?:" + PHONE_SEP + "[0-9]){5})(?![0-9])", "g");
const BSN_RE = new RegExp(
  "(?<![0-9A-Za-z.,\\-€])(?<![0-9] )(?<!€ )[0-9](?:[ .]?[0-9]){8}(?![0-9]|[.,][0-9])", "g");
const STREET_WORD =
  "[" + UP + "][" + LO + "]*(?:-[" + UP + "]?[" + LO + "]+)*" +
  "(?:" + STREET_SUFFIXES.join("|") + ")(?!" + LETTER + ")";
const STREET_RE = new RegExp(
  NO_WORD_BEFORE + "((?:(?:[" + UP + "][" + LO + "]*\\.?|" + PARTICLE + ")" + SP + "+){0,3})" +
  "(" + STREET_WORD + ")(?:" + SP + "+|," + SP + "*(?=nr|nummer|huisnummer))" + HOUSE_NR, "g");
// "Laan van Nieuw Guinea 12": the street word comes first, followed by particles and a name.
const LAAN_VAN_RE = new RegExp(
  NO_WORD_BEFORE + "()((?:Laan|Hof|Plein|Kade|Dreef|Park|Weg|Pad))" + SP +
  "+(?:(?:van|de[nr]?|het|te[nr]|['’]t)" + SP + "+)+" + CAP + "(?:" + SP + "+" + CAP + ")?" +
  SP + "+" + HOUSE_NR, "g");
const HONORIFIC_RE = new RegExp(
  NO_WORD_BEFORE + cueAlternation(HONORIFICS) + "(?:\\." + SP + "*|" + SP + "+)", "g");
const RELATION_RE = new RegExp(NO_WORD_BEFORE + cueAlternation(RELATION_CUES) + SP + "+", "g");
const CAPWORD_RE = new RegExp("(?<![" + UP + LO + "0-9@._\\-])" + CAP, "g");
const FULL_NAME_RE = new RegExp(CAP + NAME_TAIL, "y");
const FORMAL_NAME_RE = new RegExp(
  "(?:" + INITIALS + ")?(?:" + PARTICLE + SP + "+)*" + CAP + NAME_TAIL, "y");
const TOKEN_RE = new RegExp("[^ \t\r\n\u00a0]+", "g");
const NEXT_WORD_RE = new RegExp(SP + "+(" + LETTER + "+)", "y");
const DATE_START_RE = new RegExp("^[0-3][0-9][-./][01][0-9][-./](?:19|20)[0-9]{2}");

// ---- helpers, one per Python function ----

function matchAt(re, text, pos) {
  re.lastIndex = pos;
  return re.exec(text);
}

function tokens(s) {
  return [...s.matchAll(TOKEN_RE)].map((t) => [t.index, t.index + t[0].length, t[0]]);
}

function isParticle(word) {
  return PARTICLES.has(word.toLowerCase());
}

function isPlace(word) {
  const low = word.toLowerCase();
  return PLACE_SUFFIXES.some((s) => low.endsWith(s) && low.length > s.length);
}

function nameSpans(text, start, pattern, formal) {
  // Full name plus its shorter word-aligned prefixes, longest first (see _name_spans).
  const m = matchAt(pattern, text, start);
  if (m === null) return [];
  let spans = tokens(m[0]).map(([a, b]) => [start + a, start + b]);
  let words = spans.map(([a, b]) => text.slice(a, b));
  let placeCut = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if ((STOPWORDS.has(word) && !isParticle(word)) || isPlace(word)) {
      // "Jan Pieterszoon Coenstraat": the whole run is a street name
      if (isPlace(word) && i > 0 && !isParticle(words[i - 1]) && !formal) return [];
      placeCut = isPlace(word);
      words = words.slice(0, i);
      spans = spans.slice(0, i);
      break;
    }
  }
  while (words.length && isParticle(words[words.length - 1])) {
    words.pop();
    spans.pop();
  }
  const core = [];
  words.forEach((w, i) => {
    if (!isParticle(w) && !w.endsWith(".")) core.push(i);
  });
  if (!core.length) return [];
  if (placeCut && core.length === 1 && !formal) return [];
  if (words[0] === words[0].toLowerCase() && FIRST_NAMES.has(words[core[0]])) return [];
  return core.reverse().map((i) => [spans[0][0], spans[i][1]]);
}

function names(text) {
  const out = [];
  for (const m of text.matchAll(HONORIFIC_RE)) {
    out.push(...nameSpans(text, m.index + m[0].length, FORMAL_NAME_RE, true));
  }
  for (const m of text.matchAll(RELATION_RE)) {
    out.push(...nameSpans(text, m.index + m[0].length, FULL_NAME_RE, false));
  }
  for (const m of text.matchAll(CAPWORD_RE)) {
    if (!FIRST_NAMES.has(m[0].split("-")[0])) continue;
    if (NOT_NAME_PHRASES.some((phrase) => text.startsWith(phrase, m.index))) continue;
    out.push(...nameSpans(text, m.index, FULL_NAME_RE, false));
  }
  return out;
}

function isStreetWord(word) {
  const low = word.toLowerCase();
  if (NOT_STREETS.has(word)) return false;
  // "Vergadering", "Schuldsanering" are nouns; ring roads end in a consonant + "ring".
  return !(low.endsWith("ring") && low.length > 4 && "aeiouy".includes(low[low.length - 5]));
}

function allowedStreetPrefix(word) {
  return word !== word.toLowerCase() &&
    (FIRST_NAMES.has(word) || STREET_TITLES.has(word.replace(/\.+$/, "")));
}

function addresses(text) {
  const out = [];
  for (const pattern of [STREET_RE, LAAN_VAN_RE]) {
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (!isStreetWord(m[2])) continue;
      const after = matchAt(NEXT_WORD_RE, text, end);
      if (after && NUMBER_UNITS.has(after[1].toLowerCase())) continue;
      let start = m.index + m[1].length;
      const prefix = tokens(m[1]);
      for (let i = 0; i < prefix.length; i++) {
        const rest = prefix.slice(i + 1).map((t) => t[2]);
        if (allowedStreetPrefix(prefix[i][2]) &&
            rest.every((w) => allowedStreetPrefix(w) || isParticle(w))) {
          start = m.index + prefix[i][0];
          break;
        }
      }
      out.push([start, end]);
    }
  }
  return out;
}

function validBsn(number) {
  const digits = [...number].filter((c) => "0123456789".includes(c)).map(Number);
  let total = -digits[8];
  for (let i = 0; i < 8; i++) total += (9 - i) * digits[i];
  return total % 11 === 0 && digits.some((d) => d !== 0);
}

function validIban(candidate) {
  const compact = candidate.replaceAll(" ", "").toUpperCase();
  if (compact.length < 15 || compact.length > 32) return false;
  let remainder = 0;
  for (const ch of compact.slice(4) + compact.slice(0, 4)) {
    const value = parseInt(ch, 36);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

function ibans(text) {
  const out = [];
  for (const m of text.matchAll(IBAN_RE)) {
    if (validIban(m[0])) {
      out.push([m.index, m.index + m[0].length]);
    } else if (m[0].includes(" ")) {
      // The optional last group may have swallowed a short word after the IBAN.
      const cut = m[0].lastIndexOf(" ");
      if (validIban(m[0].slice(0, cut))) out.push([m.index, m.index + cut]);
    }
  }
  return out;
}

function candidates(text) {
  const out = [];
  const add = (kind, start, end) => out.push({ kind, start, end });
  for (const m of text.matchAll(EMAIL_RE)) add("email", m.index, m.index + m[0].length);
  for (const [s, e] of ibans(text)) add("iban", s, e);
  // Digits inside an IBAN look-alike with a wrong check ("NL91 ABNA 0417 1643 01") are not
  // a phone number or BSN either.
  const ibanLike = [...text.matchAll(IBAN_RE)].map((m) => [m.index, m.index + m[0].length]);
  const outsideIban = (m) =>
    ibanLike.every(([a, b]) => m.index + m[0].length <= a || b <= m.index);
  for (const m of text.matchAll(PHONE_RE)) {
    // "05-06-2024 12" is a date and a number
    if (outsideIban(m) && !DATE_START_RE.test(m[0])) {
      add("phone", m.index, m.index + m[0].length);
    }
  }
  for (const m of text.matchAll(POSTCODE_RE)) {
    if (outsideIban(m)) add("postcode", m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(BSN_RE)) {
    if (outsideIban(m) && validBsn(m[0])) add("bsn", m.index, m.index + m[0].length);
  }
  for (const [s, e] of addresses(text)) add("address", s, e);
  for (const [s, e] of names(text)) add("name", s, e);
  return out;
}

/**
 * Return the personal data in text as [{kind, start, end}], sorted by start, without overlaps.
 * Offsets are UTF-16 string indices, end exclusive.
 */
export function findPersonalData(text) {
  // Stronger kinds first, then longer spans, so "Jan van Galenstraat 4" stays one address.
  const ranked = candidates(text).sort((a, b) =>
    KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) ||
    (a.start - a.end) - (b.start - b.end) ||
    a.start - b.start);
  const chosen = [];
  for (const f of ranked) {
    if (chosen.every((c) => f.end <= c.start || c.end <= f.start)) chosen.push(f);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

// Exposed so the test suite can check the lists still match the Python ones.
export const WORD_LISTS = {
  FIRST_NAMES, PARTICLES, STOPWORDS, NOT_NAME_PHRASES, PLACE_SUFFIXES, STREET_SUFFIXES,
  NOT_STREETS, STREET_TITLES, NUMBER_UNITS, HONORIFICS, RELATION_CUES,
};
