// On every page: the outbox status ("n waiting to be sent" + "Send now"), replaying it at the
// right moments, the service worker and its update offer, and the reference data kept for
// offline use. Words come from the page's data-* attributes.
import {
  allRecords, clearOutbox, getReference, kindOf, putRecord, putReference, recordsOf, replay,
} from "./outbox-core.js";

const userId = Number(document.body.dataset.userId) || null;
const bar = document.querySelector("[data-outbox]");
// Other tabs change the outbox too: they say so here, and this tab recounts.
const tabs = "BroadcastChannel" in window ? new BroadcastChannel("buurtlog-outbox") : null;
let replaying = null;

function fill(template, count) {
  return template.replace("{n}", String(count));
}

export async function refreshStatus() {
  if (!bar || !userId) return;
  const records = await recordsOf(userId);
  const waiting = records.filter((record) => record.status === "waiting").length;
  const attention = records.length - waiting;
  const parts = [];
  if (waiting) parts.push(fill(waiting === 1 ? bar.dataset.one : bar.dataset.many, waiting));
  if (attention) parts.push(fill(bar.dataset.attention, attention));
  bar.querySelector("[data-outbox-text]").textContent = parts.join(" · ");
  bar.querySelector("[data-outbox-send]").hidden = waiting === 0;
  bar.hidden = records.length === 0;
  bar.dataset.count = String(records.length);
  document.dispatchEvent(new CustomEvent("outbox:changed", { detail: { records } }));
}

// One replay at a time in this page; other tabs and the worker are kept out by a lock.
export function sync() {
  if (!userId) return Promise.resolve({ status: "signed-out" });
  replaying ||= replay()
    .catch(() => ({ status: "offline" }))
    .finally(() => {
      replaying = null;
      refreshStatus();
      tabs?.postMessage("changed");
    });
  return replaying;
}

let lastCreatedAt = 0;

// Keep a record of any kind on the phone (see KINDS in outbox-core.js). Resolves as soon as
// it is stored, so the page can confirm at once; the status bar and the sending follow right
// after. Records made in one page keep their order even within one millisecond.
export async function queueRecord(kind, payload, summary, id = payload.id) {
  lastCreatedAt = Math.max(Date.now(), lastCreatedAt + 0.001);
  await putRecord({
    id, kind, userId, createdAt: lastCreatedAt, status: "waiting", errors: {}, payload, summary,
  });
  setTimeout(() => {
    refreshStatus();
    tabs?.postMessage("changed");
    requestBackgroundSync();
    sync();
  }, 0);
}

// Keep an entry on the phone (see queueRecord).
export function queueEntry(payload, summary) {
  return queueRecord("entry", payload, summary);
}

async function requestBackgroundSync() {
  try {
    const registration = await navigator.serviceWorker?.ready;
    await registration?.sync?.register("outbox");
  } catch {
    // Background Sync is not everywhere; the online and visibility events cover the rest.
  }
}

async function refreshReference() {
  if (!userId || !navigator.onLine) return;
  const stored = await getReference();
  const headers = stored?.etag ? { "If-None-Match": stored.etag } : {};
  try {
    const response = await fetch("/api/v1/reference", { credentials: "same-origin", headers });
    if (response.status === 200) {
      await putReference({ etag: response.headers.get("ETag"), data: await response.json() });
    }
  } catch {
    // Offline: keep the copy on the phone.
  }
}

function setUpServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  const banner = document.querySelector("[data-update]");
  let reloading = false;
  navigator.serviceWorker.register("/sw.js", { type: "module", scope: "/" }).then((registration) => {
    const offer = () => { if (registration.waiting && navigator.serviceWorker.controller) banner.hidden = false; };
    offer();
    registration.addEventListener("updatefound", () => {
      registration.installing?.addEventListener("statechange", offer);
    });
    banner?.querySelector("button").addEventListener("click", () => {
      reloading = true;
      registration.waiting?.postMessage("skip-waiting");
    });
  });
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading) window.location.reload();
  });
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data === "replay-outbox") sync();
  });
}

// Signing out on a shared phone wipes what is kept on it; unsent entries need a yes first.
async function setUpLogout() {
  const form = document.querySelector("form[data-logout]");
  if (!form) return;
  const records = userId ? await recordsOf(userId) : await allRecords();
  const warning = form.querySelector("[data-logout-warning]");
  const confirm = form.querySelector("input[name=wipe_unsent]");
  if (records.length) {
    warning.querySelector("[data-logout-count]").textContent = String(records.length);
    warning.hidden = false;
    confirm.required = true;
  }
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (records.length && !confirm.checked) {
      confirm.focus();
      return;
    }
    await clearOutbox();
    for (const name of await caches.keys()) await caches.delete(name);
    localStorage.clear();
    sessionStorage.clear();
    form.submit();
  });
}

// "My log" shows what still waits on this phone above what the server has.
function renderOutboxList(records) {
  const section = document.querySelector("[data-outbox-list]");
  if (!section) return;
  const list = section.querySelector("[data-outbox-items]");
  list.replaceChildren();
  for (const record of records) {
    const item = document.createElement("li");
    item.className = `entry outbox-${record.status}`;
    const box = document.createElement("div");
    box.className = "entry-box";
    const head = document.createElement("span");
    head.className = "entry-head";
    head.textContent = record.summary;
    const state = document.createElement("span");
    state.className = "entry-kind";
    state.textContent = section.dataset[record.status] || section.dataset.waiting;
    box.append(head, state);
    for (const message of Object.values(record.errors || {})) {
      const error = document.createElement("span");
      error.className = "error";
      error.textContent = message;
      box.append(error);
    }
    if (record.status !== "waiting" && kindOf(record) === "entry") {
      const fix = document.createElement("a");
      fix.className = "button";
      fix.href = `/?outbox=${encodeURIComponent(record.id)}`;
      fix.textContent = section.dataset.fix;
      box.append(fix);
    }
    item.append(box);
    list.append(item);
  }
  section.hidden = records.length === 0;
}

document.addEventListener("outbox:changed", (event) => renderOutboxList(event.detail.records));
if (tabs) tabs.onmessage = () => refreshStatus();

if (bar) {
  bar.querySelector("[data-outbox-send]").addEventListener("click", () => sync());
}
window.addEventListener("online", () => sync());
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") sync();
});
navigator.storage?.persist?.();
setUpServiceWorker();
setUpLogout();
refreshStatus().then(() => sync());
refreshReference();
