// buurtlog's service worker: the app shell from the cache, pages from the network first.
// The outbox lives in the page; this worker only replays it through Background Sync when no
// page is open. Served from /sw.js, which fills in the version and the list of shell files.
import { replay, uncheckReference } from "/static/js/outbox-core.js";

const VERSION = "__VERSION__";
const CACHE = `buurtlog-${VERSION}`;
const SHELL = ["__SHELL__"];
// Pages kept for offline use: the log form, the own log, the initiatives register, the walk-ins
// and the tally page for walk-ins started offline (only when served cacheable).
const OFFLINE_PAGES = ["/", "/entries", "/initiatives/", "/walkin/", "/walkin/offline-tally"];
// And the walk-in tally pages, so a host can reload the tally without a connection.
const OFFLINE_PREFIXES = ["/walkin/sessions/"];
// A walk-in started offline has no page of its own yet: this one stands in for it.
const TALLY_PAGE = /^\/walkin\/sessions\/[0-9a-f-]{36}$/;
// Kiosk mode: the server marks every page with whether this device is a kiosk; while it is,
// this cache holds the kiosk page, and its being there is the lock this worker keeps.
const KIOSK = "buurtlog-kiosk";
const KIOSK_PAGE = "/walkin/kiosk";
const KIOSK_HEADER = "X-Buurtlog-Kiosk";

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL);
    try {
      // Marked as the worker's own: its answer never writes the session cookie, which could
      // otherwise replace the one of a sign-in that finished meanwhile.
      const form = await fetch("/", {
        credentials: "same-origin", headers: { "X-Buurtlog-Background": "1" },
      });
      if (form.ok && !form.redirected && form.headers.get("X-Offline-Cacheable") === "1") {
        await cache.put("/", form);
      }
    } catch {
      // Installed while offline: the log form is kept on the next visit instead.
    }
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const expectedCaches = new Set([CACHE, KIOSK]);
    for (const name of await caches.keys()) {
      if (name.startsWith("buurtlog-") && !expectedCaches.has(name)) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// A new version waits until the user chooses to reload; the page asks for it. A signed-in page
// also asks, on every load, that the pages a worker needs offline be kept from the first
// sign-in on: those not kept yet are fetched now (never while this device is a kiosk).
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
  else if (event.data?.type === "keep-pages") event.waitUntil(keepPages(event.data.userId));
});

const OFFLINE_USER_HEADER = "X-Offline-User";
let keeping = null;

function keepPages(userId) {
  keeping ||= keepMissingPages(String(userId)).catch(() => {}).finally(() => { keeping = null; });
  return keeping;
}

async function keepMissingPages(userId) {
  const cache = await caches.open(CACHE);
  // The offline page too, as this user sees it: with the navigation and the outbox bar.
  for (const path of [...OFFLINE_PAGES, "/offline"]) {
    if (await caches.has(KIOSK)) return;
    const kept = await cache.match(path);
    const offline = path === "/offline";
    if (kept && (!offline || kept.headers.get(OFFLINE_USER_HEADER) === userId)) continue;
    const response = await fetch(path, {
      credentials: "same-origin", headers: { "X-Buurtlog-Background": "1" },
    });
    if (response.headers.get(KIOSK_HEADER) === "on") return;
    const keep = offline ? response.headers.get(OFFLINE_USER_HEADER) === userId
      : response.headers.get("X-Offline-Cacheable") === "1";
    if (response.ok && !response.redirected && keep) await cache.put(path, response);
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(request, url));
  } else if (url.pathname.startsWith("/static/") || url.pathname === "/manifest.webmanifest") {
    event.respondWith(cacheFirst(request));
  }
});

// Pages from the network first; while this device is a kiosk, only the kiosk page, for any
// address, online or offline, until the host's PIN has let it out (the server says so).
async function navigate(request, url) {
  const cache = await caches.open(CACHE);
  let locked = await caches.has(KIOSK);
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    if (locked) return kioskPage();
    const cached = (await cache.match(url.pathname)) ||
      (TALLY_PAGE.test(url.pathname) && (await cache.match("/walkin/offline-tally"))) ||
      (await cache.match("/offline"));
    if (cached) return cached;
    throw error;
  }
  const kiosk = response.headers.get(KIOSK_HEADER);
  if (kiosk === "on") {
    await lock(cache, url, response);
    locked = true;
  } else if (kiosk === "off" && locked) {
    await caches.delete(KIOSK);
    locked = false;
  }
  if (locked) {
    // The server's own kiosk page or its redirect to it; anything else (a proxy's error
    // page, say) could be a way out: the kept kiosk page instead.
    return kiosk === "on" || response.type === "opaqueredirect" ? response : kioskPage();
  }
  if (url.pathname === "/login" && response.ok) {
    // The sign-in form is only shown to someone not signed in: the session ended (expired,
    // signed out elsewhere, deactivated), so the pages kept for offline use, which hold
    // this user's notes, go too. The outbox stays: unsent entries are only wiped by
    // signing out on the phone, after the user confirms. The reference data stays, to be
    // checked (If-None-Match) once the next sign-in has opened a page.
    await forgetPages(cache);
    await uncheckReference().catch(() => {});
    await keepSignedOutOfflinePage(cache);
  }
  if (keptOffline(url.pathname) && !url.search && response.ok &&
      !response.redirected && response.headers.get("X-Offline-Cacheable") === "1") {
    await cache.put(url.pathname, response.clone());
  }
  return response;
}

// The device became a kiosk: the host's pages kept for offline use go, the kiosk page is kept
// (in its own cache, which outlives a new version of this worker).
async function lock(cache, url, response) {
  await forgetPages(cache);
  const kiosk = await caches.open(KIOSK);
  if (url.pathname === KIOSK_PAGE && response.ok &&
      (!url.search || !(await kiosk.match(KIOSK_PAGE)))) {
    await kiosk.put(KIOSK_PAGE, response.clone());
  }
}

async function kioskPage() {
  const kept = await (await caches.open(KIOSK)).match(KIOSK_PAGE);
  return kept || Response.error();  // never a host's page, even without a kept kiosk page
}

function keptOffline(path) {
  return OFFLINE_PAGES.includes(path) || OFFLINE_PREFIXES.some((prefix) => path.startsWith(prefix));
}

// The offline page as someone signed out sees it, instead of the one of the session that ended.
async function keepSignedOutOfflinePage(cache) {
  const kept = await cache.match("/offline");
  if (!kept || !kept.headers.get(OFFLINE_USER_HEADER)) return;
  try {
    const response = await fetch("/offline", {
      credentials: "same-origin", headers: { "X-Buurtlog-Background": "1" },
    });
    if (response.ok && !response.headers.get(OFFLINE_USER_HEADER)) {
      await cache.put("/offline", response);
    } else {
      await cache.delete("/offline");
    }
  } catch {
    await cache.delete("/offline");
  }
}

async function forgetPages(cache) {
  for (const key of await cache.keys()) {
    if (keptOffline(new URL(key.url).pathname)) await cache.delete(key);
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

// Background Sync: let an open page replay; with no page open, replay from here.
self.addEventListener("sync", (event) => {
  if (event.tag !== "outbox") return;
  event.waitUntil((async () => {
    const pages = await self.clients.matchAll({ type: "window" });
    if (pages.length) {
      for (const page of pages) page.postMessage("replay-outbox");
      return;
    }
    const result = await replay();
    if (result.status === "offline") throw new Error("still offline; the browser retries");
  })());
});
