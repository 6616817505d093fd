// buurtlog's service worker: the app shell from the cache, pages from the network first.
// The outbox lives in the page; this worker only replays it through Background Sync when no
// page is open. Served from /sw.js, which fills in the version and the list of shell files.
import { replay } from "/static/js/outbox-core.js";

const VERSION = "__VERSION__";
const CACHE = `buurtlog-${VERSION}`;
const SHELL = ["__SHELL__"];
// Pages kept for offline use: the log form, the own log and the initiatives register (only
// when served cacheable).
const OFFLINE_PAGES = ["/", "/entries", "/initiatives/"];
// And the walk-in tally pages, so a host can reload the tally without a connection.
const OFFLINE_PREFIXES = ["/walkin/sessions/"];

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
    const expectedCaches = new Set([CACHE]);
    for (const name of await caches.keys()) {
      if (name.startsWith("buurtlog-") && !expectedCaches.has(name)) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// A new version waits until the user chooses to reload; the page asks for it.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, url));
  } else if (url.pathname.startsWith("/static/") || url.pathname === "/manifest.webmanifest") {
    event.respondWith(cacheFirst(request));
  }
});

async function networkFirst(request, url) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (url.pathname === "/login" && response.ok) {
      // The sign-in form is only shown to someone not signed in: the session ended (expired,
      // signed out elsewhere, deactivated), so the pages kept for offline use, which hold
      // this user's notes, go too. The outbox stays: unsent entries are only wiped by
      // signing out on the phone, after the user confirms.
      await forgetPages(cache);
    }
    if (keptOffline(url.pathname) && !url.search && response.ok &&
        !response.redirected && response.headers.get("X-Offline-Cacheable") === "1") {
      await cache.put(url.pathname, response.clone());
    }
    return response;
  } catch (error) {
    const cached = (await cache.match(url.pathname)) || (await cache.match("/offline"));
    if (cached) return cached;
    throw error;
  }
}

function keptOffline(path) {
  return OFFLINE_PAGES.includes(path) || OFFLINE_PREFIXES.some((prefix) => path.startsWith(prefix));
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
