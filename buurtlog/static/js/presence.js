// "I'm present", offline like the log: starting and stopping go into the outbox with the
// presence's client UUID and are sent from there, exactly once. Without this script the
// buttons are plain form posts. Words come from the page's data-* attributes.
import { isoWithOffset } from "./outbox-core.js";
import { queueRecord } from "./outbox.js";

const running = document.querySelector("[data-presence-running]");
const startForm = document.querySelector("form[data-presence-start]");
const stopForm = document.querySelector("form[data-presence-stop]");
const status = document.querySelector("[data-presence-status]");
const userId = Number(document.body.dataset.userId) || null;


function say(message) {
  for (const flash of document.querySelectorAll(".flashes")) flash.remove();
  status.textContent = message;
  status.hidden = false;
}

function setUp() {
  startForm.addEventListener("submit", async (event) => {
    const select = startForm.querySelector("select[name=place]");
    if (!select.value) return;  // the server explains what is missing
    event.preventDefault();
    const now = new Date();
    const id = crypto.randomUUID();
    const place = select.options[select.selectedIndex].text.trim();
    const time = now.toLocaleTimeString(document.body.dataset.dateLocale,
      { hour: "2-digit", minute: "2-digit" });
    const text = running.dataset.text.replace("{place}", place).replace("{time}", time);
    await queueRecord("presence", { id, action: "start", place: Number(select.value),
      at: isoWithOffset(now, { milliseconds: true }) }, text);
    running.dataset.presenceId = id;
    running.querySelector("[data-presence-text]").textContent = text;
    running.hidden = false;
    say(navigator.onLine ? text : running.dataset.savedOffline);
  });
  stopForm.addEventListener("submit", async (event) => {
    const id = running.dataset.presenceId;
    if (!id) return;  // started before this phone kept ids: stop it the plain way
    event.preventDefault();
    const at = isoWithOffset(new Date(), { milliseconds: true });
    await queueRecord("presence", { id, action: "stop", at }, running.dataset.stopped,
      crypto.randomUUID());
    running.dataset.presenceId = "";
    running.hidden = true;
    say(navigator.onLine ? running.dataset.stopped : running.dataset.savedOffline);
  });
}

if (running && startForm && stopForm && window.indexedDB && userId && window.crypto?.randomUUID) {
  setUp();
}
