// Makes the log form quicker: theme search, character counts, and a
// confirmation before deleting. A new entry goes into the outbox on the phone first and is
// sent from there, so nothing is lost without a connection. The form works without any of
// this. Words come from the page.
import { getRecord, isoWithOffset } from "./outbox-core.js";
import { queueEntry } from "./outbox.js";
import { findLocally, recheck, showServerFindings } from "./privacy-field.js";

const form = document.querySelector("[data-log-form]");

function setUpThemeSearch() {
  const search = form.querySelector("[data-theme-search]");
  if (!search) return;
  search.hidden = false;
  const chips = [...form.querySelectorAll(".themes .chip")];
  search.addEventListener("input", () => {
    const query = search.value.trim().toLowerCase();
    for (const chip of chips) {
      const text = chip.textContent.trim().toLowerCase();
      const checked = chip.querySelector("input").checked;
      chip.hidden = Boolean(query) && !text.includes(query) && !checked;
    }
  });
}

// Find a place or a buurt by typing part of its name: the choices narrow down as you type,
// and the select shows the first match at once.
function setUpPlaceSearch() {
  const search = form.querySelector("[data-place-search]");
  if (!search) return;
  search.hidden = false;
  const selects = [form.querySelector("select[name=place]"), form.querySelector("select[name=area]")];
  search.addEventListener("input", () => {
    const query = search.value.trim().toLowerCase();
    const found = {};
    for (const select of selects) {
      const matches = [];
      for (const option of select.options) {
        if (!option.value) continue;
        const group = option.parentElement.label || "";
        const match = !query || `${option.text} ${group}`.toLowerCase().includes(query);
        option.hidden = !match;
        if (match) matches.push(option);
      }
      for (const group of select.querySelectorAll("optgroup")) {
        group.hidden = ![...group.children].some((option) => !option.hidden);
      }
      found[select.name] = matches;
    }
    if (!query) return;
    // The select shows what was found: the first place that matches, or else no particular
    // place and the first neighbourhood that matches. A choice that still matches is kept.
    const [place, area] = selects;
    const keep = (select, matches) => matches.includes(select.selectedOptions[0]);
    if (found.place.length) {
      if (!keep(place, found.place)) choose(place, found.place[0]);
    } else if (found.area?.length) {
      choose(place, place.querySelector("option[value='']"));
      if (!keep(area, found.area)) choose(area, found.area[0]);
    }
  });
}

function choose(select, option) {
  if (!option || option.selected) return;
  option.selected = true;
  select.dispatchEvent(new Event("change", { bubbles: true }));
}

// Keep the chosen chip of a sideways-scrolling row in view.
function showCheckedChips() {
  for (const input of form.querySelectorAll(".scroll .chip input:checked")) {
    const row = input.closest(".chip-row");
    const chip = input.closest(".chip");
    row.scrollLeft = chip.offsetLeft - row.offsetLeft - 8;
  }
}

// A sensitive theme says at once who will read the entry; the live region reads it out.
function showSensitiveNotice() {
  const notice = form.querySelector("[data-sensitive-notice]");
  if (!notice) return;
  const sensitive = form.querySelector("input[name=themes][data-sensitive]:checked");
  if (!sensitive) {
    notice.replaceChildren();
    return;
  }
  if (notice.textContent.trim()) return;
  const text = document.createElement("p");
  text.textContent = notice.dataset.text;
  notice.replaceChildren(text);
  requestAnimationFrame(() => notice.scrollIntoView({ block: "nearest" }));
}

function setUpSensitiveNotice() {
  form.addEventListener("change", (event) => {
    if (event.target.name === "themes") showSensitiveNotice();
  });
}

function setUpCounters() {
  for (const counter of form.querySelectorAll("[data-count-for]")) {
    const field = document.getElementById(counter.dataset.countFor);
    const max = field.maxLength;
    const update = () => { counter.textContent = `${field.value.length}/${max}`; };
    field.addEventListener("input", update);
    update();
  }
}

function setUpConfirmations() {
  for (const confirmForm of document.querySelectorAll("form[data-confirm]")) {
    confirmForm.addEventListener("submit", (event) => {
      if (!window.confirm(confirmForm.dataset.confirm)) event.preventDefault();
    });
  }
}

// --- Saving through the outbox -------------------------------------------------------------

const DEFAULTS = {
  contact_type: "resident", people: "1", first_contact: "known", initiated_by: "resident",
  follow_up: "none",
};


function payloadOf(id) {
  const data = new FormData(form);
  const text = (name) => (data.get(name) || "").trim() || null;
  const when = data.get("occurred_at");
  return {
    id,
    occurred_at: isoWithOffset(when ? new Date(when) : new Date()),
    place: data.get("place") ? Number(data.get("place")) : null,
    area: data.get("area") || null,
    setting: data.get("setting"),
    kind: data.get("kind"),
    themes: data.getAll("themes"),
    contact_type: data.get("contact_type") || DEFAULTS.contact_type,
    people: Number(data.get("people") || 1),
    first_contact: data.get("first_contact") === "first",
    initiated_by: data.get("initiated_by") || DEFAULTS.initiated_by,
    follow_up: data.get("follow_up") || DEFAULTS.follow_up,
    underlying_question: text("underlying_question"),
    note: text("note"),
    privacy_confirmed: data.get("privacy_confirmed") === "y",
  };
}

function chosenLabel(name) {
  const input = form.querySelector(`input[name=${name}]:checked`);
  return input ? form.querySelector(`label[for="${input.id}"]`).textContent.trim() : "";
}

function summaryOf(payload) {
  const time = new Date(payload.occurred_at).toLocaleTimeString(
    document.body.dataset.dateLocale,
    { hour: "2-digit", minute: "2-digit" });
  const themes = [...form.querySelectorAll("input[name=themes]:checked")]
    .map((input) => form.querySelector(`label[for="${input.id}"]`).textContent.trim());
  return [time, chosenLabel("setting"), ...themes].filter(Boolean).join(", ");
}

function containerOf(name) {
  return form.querySelector(`#${name}`)?.closest(".field, fieldset") || form.querySelector(`#${name}`);
}

function clearErrors() {
  for (const error of form.querySelectorAll("[data-client-error]")) error.remove();
  for (const field of form.querySelectorAll(".has-error")) field.classList.remove("has-error");
}

function showError(name, message) {
  const container = containerOf(name);
  if (!container) return;
  container.classList.add("has-error");
  const error = document.createElement("p");
  error.className = "error";
  error.dataset.clientError = "";
  error.id = `${name}-client-error`;
  error.textContent = message;
  container.append(error);
  container.closest("details")?.setAttribute("open", "");
}

// The same rules the server applies; the server checks again when the entry arrives.
function problemsOf(payload) {
  const problems = {};
  const { dataset } = form;
  if (!payload.setting) problems.setting = dataset.msgSetting;
  if (!payload.kind) problems.kind = dataset.msgKind;
  if (payload.kind && payload.kind !== "contact" && !payload.themes.length) {
    problems.themes = dataset.msgThemes;
  }
  if (payload.place === null && !payload.area) problems.area = dataset.msgArea;
  if (!Number.isInteger(payload.people) || payload.people < 1 || payload.people > 500) {
    problems.people = dataset.msgPeople;
  }
  if (!payload.privacy_confirmed) {
    for (const name of ["underlying_question", "note"]) {
      if (findLocally(payload[name]).length) problems[name] = dataset.msgPrivacy;
    }
  }
  return problems;
}

function resetForNextPerson() {
  for (const name of ["kind", "themes"]) {
    for (const input of form.querySelectorAll(`input[name=${name}]`)) input.checked = false;
  }
  showSensitiveNotice();
  for (const [name, value] of Object.entries(DEFAULTS)) {
    for (const input of form.querySelectorAll(`[name=${name}]`)) {
      if (input.type === "radio") input.checked = input.value === value;
      else input.value = value;
    }
  }
  for (const name of ["underlying_question", "note", "occurred_at"]) {
    const input = form.querySelector(`[name=${name}]`);
    input.value = "";
    input.dispatchEvent(new Event("input"));
  }
  recheck(form, { forget: true });
  form.querySelector("details.more")?.removeAttribute("open");
  const search = form.querySelector("[data-theme-search]");
  if (search) { search.value = ""; search.dispatchEvent(new Event("input")); }
  delete form.dataset.outboxId;
}

function confirmSaved(payload) {
  const message = document.querySelector("[data-confirmation]");
  for (const flash of document.querySelectorAll(".flashes, #form-errors")) flash.remove();
  message.textContent = navigator.onLine
    ? form.dataset.saved.replace("{summary}", summaryOf(payload))
    : form.dataset.savedOffline;
  message.hidden = false;
}

function setUpOutboxSaving() {
  if (form.dataset.mode !== "new" || !window.indexedDB || !document.body.dataset.userId) return;
  let saving = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (saving) return;  // a second tap on Save while the first is being stored
    clearErrors();
    const payload = payloadOf(form.dataset.outboxId || crypto.randomUUID());
    const problems = problemsOf(payload);
    if (Object.keys(problems).length) {
      for (const [name, message] of Object.entries(problems)) showError(name, message);
      form.querySelector(".has-error input, .has-error select, .has-error textarea")?.focus();
      return;
    }
    saving = true;
    try {
      await queueEntry(payload, summaryOf(payload));
    } catch {
      form.submit();  // no storage on this phone: send the form the plain way
      return;
    }
    confirmSaved(payload);
    // Clear the form in the next task, so the confirmation is painted first.
    setTimeout(() => {
      resetForNextPerson();
      saving = false;
    }, 0);
  });
}

// "Fix" from the outbox: load an entry the server refused back into the form.
async function loadRefusedEntry() {
  const id = new URLSearchParams(window.location.search).get("outbox");
  if (!id || form.dataset.mode !== "new") return;
  const record = await getRecord(id);
  // Only the signed-in user's own: a colleague's unsent entry on a shared phone stays hidden.
  if (!record || record.userId !== Number(document.body.dataset.userId)) return;
  const { payload } = record;
  form.dataset.outboxId = record.id;
  const set = (name, value) => {
    for (const input of form.querySelectorAll(`[name=${name}]`)) {
      if (input.type === "radio" || input.type === "checkbox") {
        input.checked = Array.isArray(value) ? value.includes(input.value) : input.value === value;
      } else {
        input.value = value ?? "";
      }
    }
  };
  for (const name of ["setting", "kind", "themes", "contact_type", "initiated_by", "follow_up",
                      "underlying_question", "note", "area"]) set(name, payload[name]);
  set("place", payload.place === null ? "" : String(payload.place));
  set("people", String(payload.people));
  set("first_contact", payload.first_contact ? "first" : "known");
  set("occurred_at", payload.occurred_at.slice(0, 16));
  const notice = document.querySelector("[data-confirmation]");
  notice.textContent = form.dataset.msgFix;
  notice.classList.replace("flash-success", "flash-error");
  notice.hidden = false;
  for (const [name, message] of Object.entries(record.errors || {})) showError(name, message);
  showServerFindings(form, record.findings, payload);
}

if (form) {
  setUpOutboxSaving();
  loadRefusedEntry();
  setUpPlaceSearch();
  showCheckedChips();
  setUpThemeSearch();
  setUpCounters();
  setUpSensitiveNotice();
}
setUpConfirmations();
