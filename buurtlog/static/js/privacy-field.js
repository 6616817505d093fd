// The privacy guard as the writer types, on every free-text field the server guards
// (NoPersonalData marks them data-privacy-field). What looks like personal data is marked
// inside the text itself, and listed right under the field, each finding with "Remove" (the
// title before a name goes with it) and, where the field allows, an honest "Keep anyway".
// When everything marked in a form has been kept, the form says so to the server with its
// privacy_confirmed value; the server checks again and audits what was kept. The page works
// without this script: the server then marks the text and offers the confirm box. Words come
// from the page (<template data-privacy-words>).
import { findPersonalData } from "./privacy.js";
import { HONORIFICS } from "./privacy-words.js";

// "Mevrouw Jansen": removing the name takes the title before it along (the guard's own list).
const TITLE_BEFORE = new RegExp(`(?:^|\\s)(?:${HONORIFICS.join("|")})\\.?\\s*$`, "iu");
const DELAY = 250;  // ms after the last key: checking on every key would make typing lag
// The style a marked copy behind the field must share with it to wrap at the same places.
const COPIED = ["fontFamily", "fontSize", "fontWeight", "fontStyle", "letterSpacing", "wordSpacing",
  "lineHeight", "textIndent", "textTransform", "tabSize", "paddingTop", "paddingBottom",
  "paddingLeft", "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth"];

const keptByForm = new WeakMap();  // form -> Set of "kind␀text" the writer chose to keep
const foundByField = new WeakMap();  // field -> its latest findings
const fromServer = new WeakMap();  // field -> { text, findings } the server found in that text

function words() {
  return document.querySelector("template[data-privacy-words]")?.dataset ?? {};
}

// The app's own names of places, wijken, initiatives and organisations, of two words or more
// (the page's data-known): a name inside one of them where it stands is no person. The server
// drops the same (buurtlog/privacy_known.py): "Taalcafé Aisha" holds no resident.
let knownNames;

function outsideKnown(text, findings) {
  if (knownNames === undefined) {
    const names = JSON.parse(words().known || "[]").sort((a, b) => b.length - a.length);
    const escaped = names.map((name) => name.trim().split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&")).join("[ \t\r\n\u00a0]+"));
    knownNames = names.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?!\\p{L})`, "giu") : null;
  }
  if (!knownNames || !findings.some((f) => f.kind === "name")) return findings;
  const inside = [...text.matchAll(knownNames)].map((m) => [m.index, m.index + m[0].length]);
  return findings.filter((f) => f.kind !== "name" || !inside.some(([s, e]) => s <= f.start && f.end <= e));
}

// What this page's check finds in a text: the guard's twin, less the app's own names.
export function findLocally(text) {
  return text ? outsideKnown(text, findPersonalData(text)) : [];
}

function keptIn(form) {
  if (!keptByForm.has(form)) keptByForm.set(form, new Set());
  return keptByForm.get(form);
}

// The kinds this field refuses outright: those can only be removed, never kept.
const refusedIn = (wrapper) => (wrapper.dataset.privacyRefuse || "").split(" ").filter(Boolean);

const keyOf = (field, finding) => `${finding.kind}\u0000${field.value.slice(finding.start, finding.end)}`;

// A copy of the text behind the (transparent) field, with the findings marked in it.
function addBackdrop(field) {
  const wrap = document.createElement("div");
  wrap.className = "privacy-marks";
  const backdrop = document.createElement("div");
  backdrop.className = "privacy-backdrop";
  backdrop.setAttribute("aria-hidden", "true");
  if (field.tagName === "INPUT") backdrop.classList.add("one-line");
  field.before(wrap);
  wrap.append(backdrop, field);
  const follow = () => {
    backdrop.scrollTop = field.scrollTop;
    backdrop.scrollLeft = field.scrollLeft;
  };
  field.addEventListener("scroll", follow);
  const fit = () => {
    const style = getComputedStyle(field);
    for (const name of COPIED) backdrop.style[name] = style[name];
    // A scroll bar narrows the field's text: the copy keeps the same width for its words.
    const bar = field.offsetWidth - field.clientWidth
      - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
    backdrop.style.paddingRight = `${parseFloat(style.paddingRight) + bar}px`;
    backdrop.style.width = `${field.offsetWidth}px`;
    backdrop.style.height = `${field.offsetHeight}px`;
    follow();
  };
  new ResizeObserver(fit).observe(field);
  fit();
  return backdrop;
}

function drawMarks(field, backdrop, findings, kept) {
  const text = field.value;
  const parts = [];
  let at = 0;
  for (const finding of findings) {
    parts.push(text.slice(at, finding.start));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(finding.start, finding.end);
    if (kept.has(keyOf(field, finding))) mark.className = "kept";
    parts.push(mark);
    at = finding.end;
  }
  // A last empty line still takes its height in the field.
  parts.push(`${text.slice(at)}${text.endsWith("\n") ? " " : ""}`);
  backdrop.replaceChildren(...parts);
  backdrop.scrollTop = field.scrollTop;
  backdrop.scrollLeft = field.scrollLeft;
}

function removeFinding(field, finding) {
  const value = field.value;
  const before = value.slice(0, finding.start).replace(TITLE_BEFORE, (title) =>
    (title.match(/^\s/) ? " " : ""));
  field.value = (before + value.slice(finding.end)).replace(/ {2,}/g, " ").replace(/^ | $/g, "");
  field.dispatchEvent(new Event("input", { bubbles: true }));
  field.focus();
}

function button(text, label, onClick) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = "button";
  element.textContent = text;
  element.setAttribute("aria-label", label);
  element.addEventListener("click", onClick);
  return element;
}

function listFindings(wrapper, field, output, findings, kept) {
  const said = words();
  const refused = new Set(refusedIn(wrapper));
  const shown = output.hasChildNodes();
  if (!findings.length) {
    output.replaceChildren();
    return;
  }
  const intro = document.createElement("p");
  intro.textContent = said.intro;
  const list = document.createElement("ul");
  list.className = "privacy-findings";
  for (const finding of findings) {
    const item = document.createElement("li");
    const found = field.value.slice(finding.start, finding.end);
    const mark = document.createElement("mark");
    mark.textContent = found;
    const kind = said[`kind${finding.kind[0].toUpperCase()}${finding.kind.slice(1)}`];
    const what = document.createElement("p");
    const actions = document.createElement("div");
    actions.className = "actions";
    const key = keyOf(field, finding);
    if (refused.has(finding.kind)) {
      what.append(mark, ` (${kind}) — ${said.refused}`);
    } else if (kept.has(key)) {
      item.className = "kept";
      what.append(mark, ` (${kind}) — ${said.kept}`);
    } else {
      what.append(mark, ` (${kind})`);
      actions.append(button(said.keep, `${said.keep}: ${found}`, () => {
        kept.add(key);
        check(wrapper);
        field.focus();
      }));
    }
    actions.append(button(said.remove, `${said.remove}: ${found}`, () => removeFinding(field, finding)));
    item.append(what, actions);
    list.append(item);
  }
  output.replaceChildren(intro, list);
  // A new warning comes into view above the bottom bars (the page's scroll padding).
  if (!shown) requestAnimationFrame(() => output.scrollIntoView({ block: "nearest" }));
}

// Tell the server, with the form, that the writer kept what is marked: only when every
// finding of every guarded field of the form was kept, and none is of a kind refused there.
function updateConfirmation(form) {
  const kept = keptIn(form);
  let marked = 0;
  let allKept = true;
  for (const wrapper of form.querySelectorAll("[data-privacy-field]")) {
    const field = wrapper.querySelector("textarea, input");
    const refused = refusedIn(wrapper);
    for (const finding of foundByField.get(field) || []) {
      marked += 1;
      if (refused.includes(finding.kind) || !kept.has(keyOf(field, finding))) allKept = false;
    }
  }
  // The server's confirm box gives way to the buttons beside each finding.
  for (const box of form.querySelectorAll("input[type=checkbox][name=privacy_confirmed]")) {
    box.checked = false;
    box.disabled = true;
    (box.closest("[data-privacy-confirm]") || box.closest(".field")).hidden = true;
  }
  let confirmation = form.querySelector("input[type=hidden][name=privacy_confirmed]");
  if (marked && allKept) {
    if (!confirmation) {
      confirmation = Object.assign(document.createElement("input"),
        { type: "hidden", name: "privacy_confirmed", value: "y" });
      form.append(confirmation);
    }
  } else {
    confirmation?.remove();
  }
}

function show(wrapper, field, findings) {
  const kept = keptIn(field.form);
  foundByField.set(field, findings);
  drawMarks(field, wrapper.querySelector(".privacy-backdrop"), findings, kept);
  listFindings(wrapper, field, wrapper.querySelector("[data-privacy-output]"), findings, kept);
  updateConfirmation(field.form);
}

// The server's check is the authority: it holds rules this twin has no room for (numbers of
// other countries, disguised e-mail, addresses by shape). Its findings, in the browser's unit
// (start_utf16), join the local ones they do not overlap, for as long as the text is the one
// the server checked.
function remember(field, text, found) {
  const findings = found.map((f) => ({ kind: f.kind, start: f.start_utf16, end: f.end_utf16 }));
  fromServer.set(field, { text, findings });
}

function joined(field, local) {
  const server = fromServer.get(field);
  if (!server || server.text !== field.value) return local;
  const extra = server.findings.filter((f) => !local.some((l) => l.start < f.end && f.start < l.end));
  return [...local, ...extra].sort((a, b) => a.start - b.start);
}

// Online, ask the server after the local check. Offline the local check is the first pass and
// the server's check at sync refuses what it finds (and sends its findings, see showServerFindings).
async function askServer(wrapper, field, local) {
  const text = field.value;
  const token = field.form.querySelector("input[name=csrf_token]")?.value;
  if (!text || !navigator.onLine) return;
  const headers = { "Content-Type": "application/json" };
  if (token) headers["X-CSRFToken"] = token;
  let found;
  try {
    const response = await fetch("/api/v1/privacy-check", {
      method: "POST", credentials: "same-origin", body: JSON.stringify({ text }), headers });
    if (!response.ok) return;
    found = (await response.json()).findings;
  } catch {
    return;
  }
  if (field.value !== text) return;  // typed on: the next check asks again
  remember(field, text, found);
  const findings = joined(field, local);
  if (findings.length > local.length) show(wrapper, field, findings);
}

function check(wrapper) {
  const field = wrapper.querySelector("textarea, input");
  const local = findLocally(field.value);
  show(wrapper, field, joined(field, local));
  askServer(wrapper, field, local);
}

function setUp(wrapper) {
  if (wrapper.dataset.privacyReady) return;
  wrapper.dataset.privacyReady = "";
  const field = wrapper.querySelector("textarea, input");
  const output = wrapper.querySelector("[data-privacy-output]");
  if (!field?.form || !output) return;
  addBackdrop(field);
  // The list takes the place of the server's marked copy, and its id for screen readers.
  const preview = wrapper.querySelector(".privacy-preview");
  if (preview) {
    output.id = preview.id;
    preview.remove();
  }
  let timer;
  field.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => check(wrapper), DELAY);
  });
  check(wrapper);
}

// Check a form's guarded fields at once (after a script changed their text), and forget
// what was kept: a new text starts with nothing kept.
export function recheck(form, { forget = false } = {}) {
  if (forget) keptIn(form).clear();
  for (const wrapper of form.querySelectorAll("[data-privacy-field][data-privacy-ready]")) check(wrapper);
}

// An entry the server refused at sync comes back into the form with what the server found in
// its texts (kept on the phone with it): marked and listed with the same choices, offline too.
export function showServerFindings(form, findings, texts) {
  for (const [name, found] of Object.entries(findings || {})) {
    const field = form.querySelector(`[data-privacy-field] [name="${name}"]`);
    if (field && typeof texts[name] === "string") remember(field, texts[name], found);
  }
  recheck(form, { forget: true });
}

export function setUpPrivacyFields(root = document) {
  for (const wrapper of root.querySelectorAll("[data-privacy-field]")) setUp(wrapper);
}

setUpPrivacyFields();
