// The outbox's storage and replay, without any page: used by the page and the service worker.
// Records are plain typed data with the client's UUID: entries, walk-in check-ins and their
// undos, visitors' own taps at a kiosk, starts and stops of presence. A record leaves only when the server has confirmed it
// (created or duplicate). Invalid ones stay, with the server's errors and what its privacy
// guard found in their texts.
const DB_NAME = "buurtlog";
const DB_VERSION = 1;
const OUTBOX = "outbox";
const REFERENCE = "reference";
const BATCH = 100;
// Where each kind of record is sent, and under which key of the JSON body.
const KINDS = {
  entry: { url: "/api/v1/entries", key: "entries" },
  checkin: { url: "/api/v1/checkins", key: "checkins" },
  "checkin-undo": { url: "/api/v1/checkins/undo", key: "undo" },
  presence: { url: "/api/v1/presence", key: "presence" },
  "kiosk-tap": { url: "/api/v1/kiosk/taps", key: "taps" },
  walkin: { url: "/api/v1/walkins", key: "walkins" },  // starts and ends of walk-ins
};

// The moment as ISO 8601 in the phone's own offset, as the API wants it; check-ins and
// presence keep milliseconds, so two taps in one second stay in order.
export function isoWithOffset(date, { milliseconds = false } = {}) {
  const pad = (n) => String(Math.abs(Math.trunc(n))).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const fraction = milliseconds ? `.${String(date.getMilliseconds()).padStart(3, "0")}` : "";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${fraction}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

export function kindOf(record) {
  return record.kind || "entry";  // records kept before the outbox held other kinds
}

let opening;

export function openDb() {
  opening ||= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(OUTBOX)) {
        db.createObjectStore(OUTBOX, { keyPath: "id" }).createIndex("createdAt", "createdAt");
      }
      if (!db.objectStoreNames.contains(REFERENCE)) db.createObjectStore(REFERENCE);
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => { db.close(); opening = undefined; };
      resolve(db);
    };
    request.onerror = () => { opening = undefined; reject(request.error); };
  });
  return opening;
}

function transact(store, mode, work) {
  return openDb().then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    let result;
    Promise.resolve(work(tx.objectStore(store))).then((value) => { result = value; });
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  }));
}

function asPromise(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function putRecord(record) {
  return transact(OUTBOX, "readwrite", (store) => { store.put(record); });
}

export function getRecord(id) {
  return transact(OUTBOX, "readonly", (store) => asPromise(store.get(id)));
}

export function allRecords() {
  return transact(OUTBOX, "readonly", (store) => asPromise(store.index("createdAt").getAll()));
}

export async function recordsOf(userId) {
  return (await allRecords()).filter((record) => record.userId === userId);
}

export function deleteRecords(ids) {
  return transact(OUTBOX, "readwrite", (store) => { for (const id of ids) store.delete(id); });
}

export function getReference() {
  return transact(REFERENCE, "readonly", (store) => asPromise(store.get("current")));
}

export function putReference(value) {
  return transact(REFERENCE, "readwrite", (store) => { store.put(value, "current"); });
}

// A session ended: keep the copy (and its ETag) but have the next sign-in check it.
export function uncheckReference() {
  return transact(REFERENCE, "readwrite", (store) => {
    const request = store.get("current");
    request.onsuccess = () => {
      if (request.result) store.put({ ...request.result, checkedAt: 0 }, "current");
    };
  });
}

export function clearReference() {
  return transact(REFERENCE, "readwrite", (store) => { store.clear(); });
}

async function session() {
  const response = await fetch("/api/v1/session", { credentials: "same-origin", cache: "no-store" });
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`session: ${response.status}`);
  return response.json();
}

// Each record goes out under its owner's session only: the server refuses a batch whose
// owner is not the one signed in (someone else signed in on this phone meanwhile).
async function postBatch(records, csrfToken) {
  const { url, key } = KINDS[kindOf(records[0])];
  return fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: {
      "Content-Type": "application/json",
      "X-CSRFToken": csrfToken,
      "X-Buurtlog-Owner": String(records[0].userId),
    },
    body: JSON.stringify({ [key]: records.map((record) => record.payload) }),
  });
}

// The next batch: records of one kind in a row, oldest first, so that an undo never
// overtakes its check-in and a stop never overtakes its start.
function nextBatch(waiting, start, size) {
  const kind = kindOf(waiting[start]);
  let end = start;
  while (end < waiting.length && end - start < size && kindOf(waiting[end]) === kind) end += 1;
  return waiting.slice(start, end);
}

// Replay the signed-in user's waiting records (never a colleague's), oldest first, one replay at a time across
// tabs and the service worker: a second replay waits for the first and then finds only what
// is left. Keeps everything on network errors and server errors.
export function replay() {
  if (!navigator.locks) return replayNow();
  return navigator.locks.request("buurtlog-outbox", () => replayNow());
}

async function replayNow() {
  let who;
  try {
    who = await session();
  } catch {
    return { status: "offline" };
  }
  if (!who) return { status: "signed-out" };
  const waiting = (await recordsOf(who.user.id))
    .filter((record) => record.status === "waiting" && KINDS[kindOf(record)]);
  let sent = 0;
  let size = BATCH;
  for (let start = 0; start < waiting.length;) {
    const batch = nextBatch(waiting, start, size);
    let response;
    try {
      response = await postBatch(batch, who.csrf_token);
    } catch {
      return { status: "offline", sent };
    }
    if (response.status === 409) return { status: "signed-out", sent };  // another owner now
    if (response.status === 403) {  // this device is a kiosk: only its taps go now
      start += batch.length;
      continue;
    }
    if (response.status === 413 && size > 1) {
      size = Math.max(1, Math.floor(size / 2));
      continue;
    }
    if (!response.ok) return { status: response.status >= 500 ? "offline" : "refused", sent };
    const { results } = await response.json();
    const done = [];
    const changed = [];
    results.forEach((result, index) => {
      const record = batch[index];
      if (result.status === "created" || result.status === "duplicate") {
        done.push(record.id);
      } else {
        changed.push({
          ...record, status: result.status, errors: result.errors || {}, findings: result.findings || {},
        });
      }
    });
    await deleteRecords(done);
    for (const record of changed) await putRecord(record);
    sent += done.length;
    start += batch.length;
  }
  return { status: "done", sent };
}
