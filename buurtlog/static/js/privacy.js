// Find personal data in short Dutch free-text notes, offline in the browser.
// A port of buurtlog/privacy.py's decisions, so both return identical findings
// (tests/test_privacy.py compares them under node): change both together. Its regexes and word
// lists are not copies: privacy-words.js carries them as generated (buurtlog/privacy_js.py) from
// privacy_patterns.py and privacy_words.py, and the pieces are expanded here as Python does.
// JS regexes backtrack too: the same bounds keep each one linear (see privacy.py).

import {
  DETERMINERS, FIRST_NAMES, HONORIFICS, INITIAL_CUES, LOWERCASE_NOT_NAMES,
  MID_SENTENCE_NAMES, NOT_NAME_HEADS, NOT_NAME_PHRASES, NOT_STREETS, NUMBER_UNITS, ORG_MAILBOXES,
  ORG_SUFFIXES,
  PARTICLES, PERSON_NOUNS, PLACE_SUFFIXES, RELATION_CUES, STOPWORDS, STREET_SUFFIXES,
  STREET_TITLES, SURNAME_ENDINGS, SURNAME_WORDS, SURNAMES, THING_NOUNS,
} from "./privacy-words.js";
import * as WORDS from "./privacy-words.js";

// ---- regexes: no \d, \w, \s, \b or flags besides g/y ----

export const KINDS = ["email", "iban", "phone", "postcode", "bsn", "address", "name"];
const KIND_RANK = Object.fromEntries(KINDS.map((kind, rank) => [kind, rank]));

// The regex pieces, written once in buurtlog/privacy_patterns.py; each names earlier ones as
// {NAME}. A piece made of a word list is described there ([list, capitalised, spaces, longest
// first]) and built here from the same list, as alternation() builds it in Python.
function alternation(words, capitalised) {
  const rests = new Map();
  for (const word of words) rests.set(word[0], [...(rests.get(word[0]) ?? []), word.slice(1)]);
  return "(?:" + [...rests].map(([f, rest]) => (capitalised && f.toUpperCase() !== f
    ? "[" + f.toUpperCase() + f + "]" : f) + "(?:" + rest.join("|") + ")").join("|") + ")";
}

function built([list, capitalised, spaces, longest]) {
  const words = [...WORDS[list]];
  if (longest) words.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return alternation(spaces ? words.map((w) => w.replaceAll(" ", "{SP}+")) : words, capitalised);
}

export const PIECES = {};
for (const [name, piece] of Object.entries(WORDS.PIECES)) {
  const text = typeof piece === "string" ? piece : built(piece);
  PIECES[name] = text.replace(/\{([A-Z_]+)\}/g, (_, earlier) => PIECES[earlier]);
}
const { LO } = PIECES;
const re = (name, flags = "g") => new RegExp(PIECES[name], flags);
const SPACES = " \t\r\n\u00a0";
// Characters between a sentence end and its first word: spaces, quotes, brackets, bullets.
const OPENERS = SPACES + "\"'‘’“”(*•-–—";
const CUE_WORDS = new Set(
  [...HONORIFICS, ...RELATION_CUES].filter((c) => new RegExp("^[" + LO + "]+$").test(c)));

// 088 is for organisations; 0800 and 0900 are free and paid service lines (after the 0).
const PUBLIC_PREFIXES = ["88", "800", "900", "906", "909"];

function publicNumber(number) {
  let digits = number.replace(/[^0-9]/g, "");
  if (digits.startsWith("0031")) digits = digits.slice(4);
  else if (number.startsWith("+")) digits = digits.slice(2);
  if (digits.startsWith("0")) digits = digits.slice(1);
  return PUBLIC_PREFIXES.some((p) => digits.startsWith(p));
}

const [EMAIL_RE, IBAN_RE, POSTCODE_RE, PHONE_RE, BSN_RE, STREET_RE, LAAN_VAN_RE] =
  ["EMAIL", "IBAN", "POSTCODE", "PHONE", "BSN", "STREET", "LAAN_VAN"].map((name) => re(name));
const [HONORIFIC_RE, RELATION_RE, KIN_OF_RE, CAPWORD_RE, LOWWORD_RE, INITIALS_NAME_RE] =
  ["HONORIFIC", "RELATION", "KIN_OF", "CAPWORD", "LOWWORD", "INITIALS_NAME"].map((name) => re(name));
const [STRANGER_RE, PAIR_RE] = [re("STRANGER"), re("PAIR")];
const [CAPS_NAME_RE, KIN_NAME_RE, FULL_NAME_RE, LOWER_NAME_RE, FORMAL_NAME_RE, LIST_GOES_ON_RE] =
  ["CAPS_NAME", "KIN_NAME", "FULL_NAME", "LOWER_NAME", "FORMAL_NAME", "LIST_GOES_ON"]
    .map((name) => re(name, "y"));
const [AGE_RE, POSSESSIVE_RE, NEIGHBOUR_RE, NEXT_WORD_RE] =
  ["AGE", "POSSESSIVE", "NEIGHBOUR", "NEXT_WORD"].map((name) => re(name, "y"));
const TOKEN_RE = new RegExp("[^ \t\r\n\u00a0]+", "g");
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
  return PLACE_SUFFIXES.some((s) => low.endsWith(s));
}

function isOrg(word) {
  const rest = word.toLowerCase().slice(2); // "Sportclub", not "Club"
  return ORG_SUFFIXES.some((s) => rest.endsWith(s));
}

function notAName(word) {
  // An ordinary word, a place or an institution.
  const low = word.toLowerCase();
  return STOPWORDS.has(word) || STOPWORDS.has(word.split("-")[0]) || STREET_TITLES.has(word) ||
    isPlace(word) || isOrg(word) ||
    STREET_SUFFIXES.some((s) => low.slice(1).endsWith(s)) ||
    NUMBER_UNITS.has(low) || NOT_NAME_HEADS.has(low) || PERSON_NOUNS.has(low) || CUE_WORDS.has(low);
}

function listed(word) {
  const low = word.toLowerCase();
  const foreign = word.length >= 6 && SURNAME_ENDINGS.some((e) => low.endsWith(e));
  return FIRST_NAMES.has(word) || FIRST_NAMES.has(word.split("-")[0]) || SURNAMES.has(word) ||
    foreign;
}

// Linear look-ups (see _Words and _Spans): index of the first item >= value in sorted.
function bisect(sorted, value) {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function wordsOf(text) {
  const starts = [], ends = [];
  for (const t of text.matchAll(TOKEN_RE)) starts.push(t.index), ends.push(t.index + t[0].length);
  const before = (pos) => {
    const k = bisect(starts, pos) - 1;
    return k < 0 ? ["", 0] : [text.slice(starts[k], Math.min(ends[k], pos)), starts[k]];
  };
  return { text, before };
}

function spanSet() {
  const starts = [], ends = [];
  const at = (start) => bisect(ends, start + 1);
  const overlaps = (start, end) => starts[at(start)] < end;
  const add = (start, end) => (starts.splice(at(start), 0, start), ends.splice(at(start), 0, end));
  return { overlaps, add };
}

function sentenceStart(text, pos) {
  let i = pos;
  while (i > 0 && OPENERS.includes(text[i - 1])) {
    if ("\r\n".includes(text[i - 1])) return true;
    i--;
  }
  return i === 0 || ".!?:;".includes(text[i - 1]);
}

function afterInstitution(words, pos) {
  const [before, start] = words.before(pos);
  const word = PARTICLES.has(before.toLowerCase()) ? words.before(start)[0] : before;
  return NOT_NAME_HEADS.has(word.toLowerCase()) || isOrg(word);
}

function namesAThing(words, pos) {
  // "het initiatief heet", "de hond van de buren heet"
  let [word, start] = words.before(pos);
  const [article, articleStart] = words.before(start);
  const [van, vanStart] = words.before(articleStart);
  if (van.toLowerCase() === "van" && DETERMINERS.has(article.toLowerCase())) {
    word = words.before(vanStart)[0];
  }
  return THING_NOUNS.has(word.toLowerCase());
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
    const surname = i > 0 && isParticle(words[i - 1]) && SURNAME_WORDS.has(word);
    if ((STOPWORDS.has(word) && !isParticle(word) && !surname) || isPlace(word)) {
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

function inNameContext(text, start, end) {
  if (matchAt(AGE_RE, text, end) || matchAt(POSSESSIVE_RE, text, end)) return true;
  return matchAt(NEIGHBOUR_RE, text, end) !== null && !sentenceStart(text, start);
}

function capwordNames(words, m) {
  const text = words.text;
  const word = m[0];
  const isListed = listed(word);
  const wordLike = MID_SENTENCE_NAMES.has(word.split("-")[0]);
  if (!isListed && !wordLike && notAName(word)) return [];
  if (NOT_NAME_PHRASES.some((p) => text.startsWith(p, m.index))) return [];
  if (afterInstitution(words, m.index)) return [];
  const spans = nameSpans(text, m.index, FULL_NAME_RE, false);
  if (!spans.length || isListed) return spans;
  const midSentence = !sentenceStart(text, m.index);
  if (wordLike) {
    if (midSentence || inNameContext(text, m.index, spans[0][1])) return spans;
    return spans.filter((s) => s[1] > m.index + word.length);
  }
  return inNameContext(text, m.index, spans[0][1]) ? spans : [];
}

function listedNameAt(words, word, start) {
  // "Kees", not "Albert Heijn".
  const text = words.text;
  if (!listed(word) || afterInstitution(words, start)) return false;
  if (NOT_NAME_PHRASES.some((p) => text.startsWith(p, start))) return false;
  return nameSpans(text, start, FULL_NAME_RE, false).length > 0;
}

function pairNames(words) {
  const text = words.text;
  const out = [];
  for (const m of text.matchAll(PAIR_RE)) {
    const bStart = m.index + m[0].length;
    const bWord = m[2];
    if (m[1] !== undefined && !matchAt(LIST_GOES_ON_RE, text, bStart + bWord.length)) continue;
    const pair = [[tokens(m[0])[0][2].replace(/,+$/, ""), m.index], [bWord, bStart]];
    for (const [[word, start], [other, otherStart]] of [pair, [pair[1], pair[0]]]) {
      if (listed(word) || notAName(word) || afterInstitution(words, start)) continue;
      if (listedNameAt(words, other, otherStart)) {
        out.push(...nameSpans(text, start, FULL_NAME_RE, false));
      }
    }
  }
  return out;
}

function strangerNames(words) {
  const text = words.text;
  const out = [];
  for (const m of text.matchAll(STRANGER_RE)) {
    const head = m[1];
    if (listed(head) || notAName(head) || afterInstitution(words, m.index)) continue;
    const particles = tokens(m[2] || "").map((t) => t[2]).join(" ");
    if ((particles === "de" || particles === "van") && sentenceStart(text, m.index)) continue;
    const all = tokens(m[0]);
    const surname = all[all.length - 1][2].split("-").pop();
    if (!SURNAME_WORDS.has(surname) && notAName(surname)) continue;
    const end = m.index + m[0].length;
    out.push(...nameSpans(text, m.index, FULL_NAME_RE, false).filter((s) => s[1] >= end));
  }
  return out;
}

function initialsNames(words) {
  const text = words.text;
  const out = [];
  for (const m of text.matchAll(INITIALS_NAME_RE)) {
    const letters = [...m[1]].filter((c) => !". \t\r\n\u00a0".includes(c)).join("");
    if (NOT_NAME_HEADS.has(letters.toLowerCase())) continue;
    const before = words.before(m.index)[0].toLowerCase();
    if (letters.length === 1 && !INITIAL_CUES.has(before) && !CUE_WORDS.has(before)) continue;
    out.push(...nameSpans(text, m.index, FORMAL_NAME_RE, false));
  }
  return out;
}

function lowercaseNames(words) {
  const text = words.text;
  const out = [];
  for (const m of text.matchAll(LOWWORD_RE)) {
    const first = m[0].split("-")[0];
    if (LOWERCASE_NOT_NAMES.has(first)) continue;
    if (!FIRST_NAMES.has(first[0].toUpperCase() + first.slice(1))) continue;
    if (DETERMINERS.has(words.before(m.index)[0].toLowerCase())) continue; // "de roos"
    out.push(...nameSpans(text, m.index, LOWER_NAME_RE, false));
  }
  return out;
}

function names(text) {
  const words = wordsOf(text);
  const out = [];
  for (const m of text.matchAll(HONORIFIC_RE)) {
    out.push(...nameSpans(text, m.index + m[0].length, FORMAL_NAME_RE, true));
    CAPS_NAME_RE.lastIndex = m.index + m[0].length;
    const caps = CAPS_NAME_RE.exec(text); // "mw. JANSEN"
    if (caps) out.push([caps.index, caps.index + caps[0].length]);
  }
  for (const m of text.matchAll(RELATION_RE)) {
    if (namesAThing(words, m.index)) continue; // "het initiatief heet Groene Vingers"
    out.push(...nameSpans(text, m.index + m[0].length, FULL_NAME_RE, false));
  }
  for (const m of text.matchAll(KIN_OF_RE)) {
    out.push(...nameSpans(text, m.index + m[0].length, KIN_NAME_RE, false));
  }
  for (const m of text.matchAll(CAPWORD_RE)) out.push(...capwordNames(words, m));
  out.push(...pairNames(words), ...strangerNames(words), ...initialsNames(words));
  out.push(...lowercaseNames(words));
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
  for (const m of text.matchAll(EMAIL_RE)) {
    if (!ORG_MAILBOXES.has(m[0].split("@", 1)[0].toLowerCase())) {
      add("email", m.index, m.index + m[0].length);
    }
  }
  for (const [s, e] of ibans(text)) add("iban", s, e);
  // Digits inside an IBAN look-alike with a wrong check ("NL91 ABNA 0417 1643 01") are not
  // a phone number or BSN either.
  const ibanLike = spanSet();
  for (const m of text.matchAll(IBAN_RE)) ibanLike.add(m.index, m.index + m[0].length);
  const outsideIban = (m) => !ibanLike.overlaps(m.index, m.index + m[0].length);
  for (const m of text.matchAll(PHONE_RE)) {
    // "05-06-2024 12" is a date and a number
    if (outsideIban(m) && !DATE_START_RE.test(m[0]) && !publicNumber(m[0])) {
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
  // Decomposed accents ("C" + combining cedilla) are read in NFC; offsets stay the text's own.
  const nfc = text.normalize("NFC");
  if (nfc === text) return find(text);
  const starts = [];
  const ends = [];
  let composed = "";
  let cut = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || !MARK_RE.test(text[i])) {
      const part = text.slice(cut, i).normalize("NFC");
      composed += part;
      for (let k = 0; k < part.length; k++) { starts.push(cut); ends.push(i); }
      cut = i;
    }
  }
  return find(composed).map((f) => ({ kind: f.kind, start: starts[f.start], end: ends[f.end - 1] }));
}

const MARK_RE = /^\p{M}$/u;

function find(text) {
  // Stronger kinds first, then longer spans, so "Jan van Galenstraat 4" stays one address.
  const ranked = candidates(text).sort((a, b) =>
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    (a.start - a.end) - (b.start - b.end) ||
    a.start - b.start);
  const chosen = [];
  const taken = spanSet();
  for (const f of ranked) {
    if (!taken.overlaps(f.start, f.end)) {
      taken.add(f.start, f.end);
      chosen.push(f);
    }
  }
  return chosen.sort((a, b) => a.start - b.start);
}

// Exposed so the test suite can check the lists still match the Python ones.
export const WORD_LISTS = WORDS;
