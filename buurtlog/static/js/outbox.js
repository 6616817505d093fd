// On every page: the outbox status ("n waiting to be sent" + "Send now"), replaying it at the
// right moments, the service worker and its update offer, and the reference data kept for
// offline use. Words come from the page's data-* attributes.
import {
  allRecords, clearReference, deleteRecords, getReference, kindOf, putRecord, putReference,
  recordsOf, replay,
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
    .then((result) => {
      if (result.sent) refreshServerList();  // the page shows what was just sent
      return result;
    })
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
    tabs?.postMessage("changed");
    requestBackgroundSync();
    if (!navigator.onLine) {
      refreshStatus();
      sync();
      return;
    }
    // Online, a save usually goes straight through: the bar only shows what is still waiting
    // after a moment, instead of flashing "1 waiting" and shifting the page for each save.
    const late = setTimeout(refreshStatus, BAR_GRACE_MS);
    sync().finally(() => clearTimeout(late));
  }, 0);
}

const BAR_GRACE_MS = 1500;

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

// The reference data (areas, places, themes, initiatives) for the offline pickers: fetched once
// per sign-in, then only revalidated in the background (If-None-Match, mostly a 304) when it is
// older than REFERENCE_FRESH_MS or the connection comes back. Never on every page: the copy on
// the phone says whose it is and when it was last checked; the service worker marks it unchecked
// when a session ends (the sign-in form is shown), so the next sign-in checks it once. A change
// is told to the page (and to other tabs) as a "reference:changed" event naming the lists.
const REFERENCE_FRESH_MS = 30 * 60 * 1000;

function changedLists(before, after) {
  const names = new Set([...Object.keys(before || {}), ...Object.keys(after || {})]);
  return [...names].filter((name) =>
    JSON.stringify(before?.[name] ?? null) !== JSON.stringify(after?.[name] ?? null));
}

export function referenceIsCurrent(stored, now = Date.now()) {
  return Boolean(stored && stored.userId === userId &&
    now - (stored.checkedAt || 0) < REFERENCE_FRESH_MS && now >= (stored.checkedAt || 0));
}

async function checkReference() {
  const stored = await getReference();
  if (referenceIsCurrent(stored)) return null;
  // Only this user's copy is revalidated; another user's (on a shared phone) is fetched anew.
  const mine = stored?.userId === userId ? stored : null;
  const headers = mine?.etag ? { "If-None-Match": mine.etag } : {};
  const response = await fetch("/api/v1/reference", {
    credentials: "same-origin", cache: "no-store", headers,
  });
  if (response.status === 304 && mine) {
    await putReference({ ...mine, checkedAt: Date.now() });
    return [];
  }
  if (response.status !== 200) return null;
  const data = await response.json();
  await putReference({
    etag: response.headers.get("ETag"), data, userId, checkedAt: Date.now(),
  });
  return changedLists(mine?.data, data);
}

export async function refreshReference() {
  if (!userId || !navigator.onLine) return;
  let changed = null;
  try {
    // One check at a time across tabs; a tab that finds one running leaves it to that one.
    changed = navigator.locks
      ? await navigator.locks.request("buurtlog-reference", { ifAvailable: true },
        (lock) => (lock ? checkReference() : null))
      : await checkReference();
  } catch {
    return;  // offline or a server error: keep the copy on the phone
  }
  if (changed?.length) {
    tellReferenceChanged(changed);
    tabs?.postMessage({ reference: changed });
  }
}

function tellReferenceChanged(changed) {
  document.dispatchEvent(new CustomEvent("reference:changed", { detail: { changed } }));
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
  // From the first sign-in on, the pages a worker needs offline are kept on the phone.
  if (userId) {
    navigator.serviceWorker.ready.then((registration) => {
      registration.active?.postMessage({ type: "keep-pages", userId });
    });
  }
}

// Back online: send the outbox, then show what is true now. The offline page becomes the page
// that was asked for; "My log" fetches its list again, with the entries just sent.
async function backOnline() {
  const result = await sync();
  if (document.querySelector("[data-offline-page]") && result.status !== "offline") {
    window.location.reload();
  }
}

async function refreshServerList() {
  const shown = document.querySelector("[data-server-list]");
  if (!shown) return;
  try {
    const response = await fetch(window.location.href, {
      credentials: "same-origin", cache: "no-store",
    });
    if (!response.ok || response.redirected) return;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.querySelector("[data-server-list]");
    if (fresh) shown.replaceWith(document.adoptNode(fresh));
  } catch {
    // Offline again: the list shown stays.
  }
}

// Signing out on a shared phone wipes what this user kept on it; their unsent records need a
// yes first. A colleague's unsent records are counted apart, per colleague, and stay (to be
// sent when that colleague signs in here again) unless deleting them is asked for too.
async function setUpLogout() {
  const form = document.querySelector("form[data-logout]");
  if (!form) return;
  const records = await allRecords();
  const own = records.filter((record) => userId && record.userId === userId);
  const owners = new Map();
  for (const record of records) {
    if (userId && record.userId === userId) continue;
    owners.set(record.userId ?? "", (owners.get(record.userId ?? "") || 0) + 1);
  }
  const warning = form.querySelector("[data-logout-warning]");
  const confirm = form.querySelector("input[name=wipe_unsent]");
  if (own.length) {
    warning.querySelector("[data-logout-count]").textContent = String(own.length);
    warning.hidden = false;
    confirm.required = true;
  }
  const others = form.querySelector("[data-logout-others]");
  const wipeOthers = form.querySelector("input[name=wipe_others]");
  if (owners.size) {
    const list = others.querySelector("[data-logout-owners]");
    for (const count of owners.values()) {
      const item = document.createElement("li");
      item.textContent = fill(others.dataset.owner, count);
      list.append(item);
    }
    others.hidden = false;
  }
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (own.length && !confirm.checked) {
      confirm.focus();
      return;
    }
    // Only what was shown and confirmed: a record queued meanwhile stays for its owner.
    const shown = wipeOthers.checked ? records : own;
    await deleteRecords(shown.map((record) => record.id));
    await clearReference();
    for (const name of await caches.keys()) await caches.delete(name);
    localStorage.clear();
    sessionStorage.clear();
    const kept = (await allRecords()).length > 0;
    if (kept) {
      // The server then keeps the site's storage (the outbox); the worker goes instead, and
      // comes back fresh on the next page.
      const registration = await navigator.serviceWorker?.getRegistration();
      await registration?.unregister();
    }
    form.querySelector("input[name=clear_storage]").value = kept ? "" : "1";
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
if (tabs) {
  tabs.onmessage = (event) => {
    if (event.data?.reference) tellReferenceChanged(event.data.reference);
    else refreshStatus();
  };
}

if (bar) {
  bar.querySelector("[data-outbox-send]").addEventListener("click", () => sync());
}
window.addEventListener("online", () => {
  backOnline();
  refreshReference();
});
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") {
    sync();
    refreshReference();
  }
});
navigator.storage?.persist?.();
setUpServiceWorker();
setUpLogout();
refreshStatus().then(() => sync());
refreshReference();
