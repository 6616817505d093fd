// Starting and ending a walk-in without a connection (a basement community centre): the phone
// makes the walk-in's id, and the start and the end go through the outbox like the taps, in
// the order made, each exactly once (POST /api/v1/walkins). A walk-in started offline opens on
// the tally page the service worker keeps for it; this script puts in its id and place.
import { getReference, isoWithOffset, recordsOf } from "./outbox-core.js";
import { queueRecord } from "./outbox.js";

const OFFLINE_SESSION = "00000000-0000-0000-0000-000000000000";
const userId = Number(document.body.dataset.userId) || null;
const usable = Boolean(userId && window.indexedDB && window.crypto?.randomUUID);
const now = () => isoWithOffset(new Date(), { milliseconds: true });

function setUpStart(form) {
  const idField = form.querySelector("input[name=id]");
  idField.value = crypto.randomUUID();  // a page kept offline starts more than one walk-in
  form.addEventListener("submit", async (event) => {
    if (navigator.onLine) return;
    const place = form.querySelector("select[name=place]");
    if (!place.value) return;  // the server's form says what is missing, once online
    event.preventDefault();
    const id = idField.value;
    const name = place.selectedOptions[0].textContent.trim();
    await queueRecord("walkin", { id, action: "start", place: Number(place.value), at: now() },
      `${form.dataset.summary} · ${name}`, crypto.randomUUID());
    window.location.assign(`/walkin/sessions/${id}`);
  });
}

// The kept tally page: the walk-in's id from the address, its place from the outbox's start.
function fillInShell(root) {
  const id = window.location.pathname.split("/")[3];
  if (!/^[0-9a-f-]{36}$/.test(id)) return;
  root.dataset.session = id;
  for (const form of root.querySelectorAll("form")) {
    form.setAttribute("action", form.getAttribute("action").replace(OFFLINE_SESSION, id));
  }
  for (const link of root.querySelectorAll("a[href]")) {
    link.setAttribute("href", link.getAttribute("href").replace(OFFLINE_SESSION, id));
  }
  nameThePlace(root, id);
}

async function nameThePlace(root, id) {
  const start = (await recordsOf(userId)).find((record) => record.kind === "walkin" &&
    record.payload.id === id && record.payload.action === "start");
  const places = (await getReference())?.data?.places || [];
  const name = places.find((place) => place.id === start?.payload.place)?.name;
  if (!name) return;
  const heading = root.querySelector("h1")?.firstChild;
  if (heading) heading.textContent = heading.textContent.replace("…", name);
  for (const key of ["summary", "summaryUndo", "summaryEnd"]) {
    root.dataset[key] = root.dataset[key].replace("…", name);
  }
}

function setUpEnd(root) {
  const form = root.querySelector("form[action$='/end']");
  form?.addEventListener("submit", async (event) => {
    // After the page's own "End this walk-in?" (tally.js, which listens first).
    if (event.defaultPrevented || navigator.onLine) return;
    event.preventDefault();
    await queueRecord("walkin", { id: root.dataset.session, action: "end", at: now() },
      root.dataset.summaryEnd, crypto.randomUUID());
    form.hidden = true;
    const status = root.querySelector("[data-tally-status]");
    status.textContent = `${root.dataset.ended} ${root.dataset.savedOffline}`;
    status.hidden = false;
  });
}

if (usable) {
  const start = document.querySelector("form[data-walkin-start]");
  if (start) setUpStart(start);
  const root = document.querySelector("[data-tally]");
  if (root?.dataset.session === OFFLINE_SESSION) fillInShell(root);
  // Registered once every script has run, so tally.js's confirmation comes first.
  if (root) document.addEventListener("DOMContentLoaded", () => setUpEnd(root));
}
