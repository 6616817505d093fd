// "I'm present", offline like the log: starting and stopping go into the outbox with the
// presence's client UUID and are sent from there, exactly once. Without this script the
// buttons are plain form posts. Words come from the page's data-* attributes.
import { queueRecord } from "./outbox.js";

const running = document.querySelector("[data-presence-running]");
const startForm = document.querySelector("form[data-presence-start]");
const stopForm = document.querySelector("form[data-presence-stop]");
const status = document.querySelector("[data-presence-status]");
const userId = Number(document.body.dataset.userId) || null;

function isoWithOffset(date) {
  const pad = (n) => String(Math.abs(Math.trunc(n))).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `.${String(date.getMilliseconds()).padStart(3, "0")}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

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
    const time = now.toLocaleTimeString(document.documentElement.lang,
      { hour: "2-digit", minute: "2-digit" });
    const text = running.dataset.text.replace("{place}", place).replace("{time}", time);
    await queueRecord("presence", { id, action: "start", place: Number(select.value),
      at: isoWithOffset(now) }, text);
    running.dataset.presenceId = id;
    running.querySelector("[data-presence-text]").textContent = text;
    running.hidden = false;
    say(navigator.onLine ? text : running.dataset.savedOffline);
  });
  stopForm.addEventListener("submit", async (event) => {
    const id = running.dataset.presenceId;
    if (!id) return;  // started before this phone kept ids: stop it the plain way
    event.preventDefault();
    await queueRecord("presence", { id, action: "stop", at: isoWithOffset(new Date()) },
      running.dataset.stopped, crypto.randomUUID());
    running.dataset.presenceId = "";
    running.hidden = true;
    say(navigator.onLine ? running.dataset.stopped : running.dataset.savedOffline);
  });
}

if (running && startForm && stopForm && window.indexedDB && userId && window.crypto?.randomUUID) {
  setUp();
}
