// The walk-in tally, offline like the log: each tap becomes a check-in with its own UUID in
// the outbox and is sent from there, exactly once. Without this script every tap is a plain
// form post. Words come from the page's data-* attributes.
import { isoWithOffset, recordsOf } from "./outbox-core.js";
import { queueRecord } from "./outbox.js";

const root = document.querySelector("[data-tally]");
const form = root?.querySelector("[data-tally-form]");
const DOUBLE_TAP_MS = 1000;
const userId = Number(document.body.dataset.userId) || null;


// Taps made on this phone for this session, newest last, so "undo" knows what to take back.
const tapsKey = () => `buurtlog-taps-${root.dataset.session}`;
const readTaps = () => JSON.parse(sessionStorage.getItem(tapsKey()) || "[]");
const writeTaps = (taps) => sessionStorage.setItem(tapsKey(), JSON.stringify(taps.slice(-200)));

const counters = {
  visitors: root?.querySelector("[data-count-visitors]"),
  new: root?.querySelector("[data-count-new]"),
};

// The count on screen, kept per session: a copy of this page served again by the service
// worker (offline) shows the count as it was when the page was left, not when it was made.
const countKey = () => `buurtlog-tally-${root.dataset.session}`;

function saveCount() {
  localStorage.setItem(countKey(), JSON.stringify({
    renderedAt: root.dataset.renderedAt, visitors: counters.visitors.textContent,
    new: counters.new.textContent,
  }));
}

// "1 visitor", "2 visitors": both forms come from the page, the language's rule picks one.
function nameCount() {
  const word = root?.querySelector("[data-count-visitors-word]");
  if (!word) return;
  const rule = new Intl.PluralRules(document.documentElement.lang || "nl");
  const form = rule.select(Number(counters.visitors.textContent)) === "one" ? "one" : "other";
  word.textContent = word.dataset[form];
}

function bump(visitor, by) {
  counters.visitors.textContent = String(Number(counters.visitors.textContent) + by);
  if (visitor === "new") counters.new.textContent = String(Number(counters.new.textContent) + by);
  nameCount();
  saveCount();
}

function say(message) {
  // An old message makes way without giving up its room: nothing below it moves.
  for (const flash of document.querySelectorAll(".flashes")) flash.classList.add("spent");
  const status = root.querySelector("[data-tally-status]");
  status.textContent = message;
  status.hidden = false;
}

function payloadOf(visitor, confirmedDouble) {
  const data = new FormData(form);
  const about = data.get("about");
  const referral = data.get("referral");
  const elsewhere = (data.get("elsewhere") || "").trim();
  return {
    id: crypto.randomUUID(),
    session: root.dataset.session,
    visitor,
    occurred_at: isoWithOffset(new Date(), { milliseconds: true }),
    theme: about && about !== "company" ? about : null,
    just_company: about === "company",
    initiative: referral && referral !== "elsewhere" ? Number(referral) : null,
    referred_elsewhere: referral === "elsewhere" && elsewhere ? elsewhere : null,
    confirmed_double: confirmedDouble,
  };
}

function resetChips() {
  for (const input of form.querySelectorAll("input[type=radio]")) input.checked = false;
  form.querySelector("[name=elsewhere]").value = "";
}

let last = { visitor: null, at: 0 };

async function count(visitor, confirmedDouble) {
  const payload = payloadOf(visitor, confirmedDouble);
  if (payload.referred_elsewhere === null && form.querySelector("[name=referral]:checked")?.value === "elsewhere") {
    form.querySelector("[name=elsewhere]").focus();
    return;
  }
  await queueRecord("checkin", payload, root.dataset.summary);
  writeTaps([...readTaps(), { id: payload.id, visitor }]);
  bump(visitor, 1);
  resetChips();
  root.querySelector("[data-no-taps]")?.remove();
  say(navigator.onLine ? root.dataset[visitor === "new" ? "countedNew" : "countedKnown"]
    : root.dataset.savedOffline);
}

function setUpTally() {
  const double = root.querySelector("[data-double]");
  const doubleButton = double.querySelector("button");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const visitor = event.submitter?.value;
    if (!visitor) return;
    const now = Date.now();
    // A second tap on the same button within a second is one visitor, unless confirmed.
    if (last.visitor === visitor && now - last.at < DOUBLE_TAP_MS) {
      doubleButton.value = visitor;
      double.hidden = false;
      return;
    }
    last = { visitor, at: now };
    double.hidden = true;
    await count(visitor, false);
  });
  double.querySelector("form").addEventListener("submit", async (event) => {
    event.preventDefault();
    double.hidden = true;
    last = { visitor: doubleButton.value, at: Date.now() };
    await count(doubleButton.value, true);
  });
}

function setUpUndo() {
  const undo = root.querySelector("[data-undo-form]");
  undo.addEventListener("submit", async (event) => {
    const taps = readTaps();
    if (!taps.length) {
      if (navigator.onLine) return;  // the server knows the taps made before this page
      event.preventDefault();
      say(root.dataset.nothingToUndo);
      return;
    }
    event.preventDefault();
    const tap = taps.pop();
    writeTaps(taps);
    const undoneAt = isoWithOffset(new Date(), { milliseconds: true });
    await queueRecord("checkin-undo", { id: tap.id, session: root.dataset.session,
      visitor: tap.visitor, undone_at: undoneAt }, root.dataset.summaryUndo, crypto.randomUUID());
    bump(tap.visitor, -1);
    last = { visitor: null, at: 0 };
    say(root.dataset.undone);
  });
}

// What still waits on the phone is not in the server's count yet: add taps, take back undos.
async function addWaiting() {
  const kept = JSON.parse(localStorage.getItem(countKey()) || "null");
  if (kept && kept.renderedAt === root.dataset.renderedAt) {  // this very page, served again
    counters.visitors.textContent = kept.visitors;
    counters.new.textContent = kept.new;
    nameCount();
    return;
  }
  saveCount();
  const records = (await recordsOf(userId))
    .filter((record) => record.payload?.session === root.dataset.session);
  const waiting = new Set(records.filter((r) => r.kind === "checkin").map((r) => r.payload.id));
  for (const record of records) {
    if (record.kind === "checkin") bump(record.payload.visitor, 1);
    if (record.kind === "checkin-undo" && !waiting.has(record.payload.id)) {
      bump(record.payload.visitor, -1);
    }
  }
  for (const record of records) {
    if (record.kind === "checkin-undo" && waiting.has(record.payload.id)) {
      bump(record.payload.visitor, -1);
    }
  }
}

function setUpConfirmations() {
  for (const confirmForm of root.querySelectorAll("form[data-confirm]")) {
    confirmForm.addEventListener("submit", (event) => {
      if (!window.confirm(confirmForm.dataset.confirm)) event.preventDefault();
    });
  }
}

if (form && window.indexedDB && userId && window.crypto?.randomUUID) {
  setUpTally();
  setUpUndo();
  addWaiting();
  form.dataset.ready = "true";  // taps go through the outbox from here on
}
if (root) setUpConfirmations();
