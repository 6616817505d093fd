// The kiosk: a visitor's tap goes into the outbox with its own UUID and is sent from there, so
// a tablet without a connection still counts every visitor, exactly once, when it is back
// online. Nothing is shown but the thanks. Without this script a tap is a plain form post.
import { isoWithOffset, putRecord, replay } from "./outbox-core.js";

const body = document.body;
const form = document.querySelector("[data-kiosk-form]");
const thanks = document.querySelector("[data-kiosk-thanks]");
const userId = Number(body.dataset.userId) || null;
let sending = null;
let lastCreatedAt = 0;

// One replay at a time; the outbox's lock keeps out any other page and the service worker.
function send() {
  sending ||= replay().catch(() => ({ status: "offline" })).finally(() => { sending = null; });
  return sending;
}

function thank() {
  for (const note of document.querySelectorAll(".kiosk-slow")) note.remove();
  thanks.hidden = true;
  requestAnimationFrame(() => { thanks.hidden = false; });  // said again for each visitor
}

async function tap(visitor) {
  const id = crypto.randomUUID();
  lastCreatedAt = Math.max(Date.now(), lastCreatedAt + 0.001);
  await putRecord({
    id, kind: "kiosk-tap", userId, createdAt: lastCreatedAt, status: "waiting", errors: {},
    summary: body.dataset.summary,
    payload: {
      id, session: body.dataset.session, visitor,
      occurred_at: isoWithOffset(new Date(), { milliseconds: true }),
    },
  });
  thank();
  send();
}

if (form && userId && window.indexedDB && window.crypto?.randomUUID) {
  form.addEventListener("submit", (event) => {
    const visitor = event.submitter?.value;
    if (!visitor) return;
    event.preventDefault();
    tap(visitor);
  });
  window.addEventListener("online", () => send());
  send();
}
