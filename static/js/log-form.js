// Makes the log form quicker: theme search, live privacy check, character counts, and a
// confirmation before deleting. The form works without any of this. Words come from the page.
import { findPersonalData } from "./privacy.js";

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
// and a single match is chosen at once.
function setUpPlaceSearch() {
  const search = form.querySelector("[data-place-search]");
  if (!search) return;
  search.hidden = false;
  const selects = [form.querySelector("select[name=place]"), form.querySelector("select[name=area]")];
  search.addEventListener("input", () => {
    const query = search.value.trim().toLowerCase();
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
      if (query && matches.length === 1 && select.name === "place") matches[0].selected = true;
    }
  });
}

// Keep the chosen chip of a sideways-scrolling row in view.
function showCheckedChips() {
  for (const input of form.querySelectorAll(".scroll .chip input:checked")) {
    const row = input.closest(".chip-row");
    const chip = input.closest(".chip");
    row.scrollLeft = chip.offsetLeft - row.offsetLeft - 8;
  }
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

function renderFindings(field, output) {
  const findings = findPersonalData(field.value);
  output.replaceChildren();
  if (!findings.length) return;
  const intro = document.createElement("p");
  intro.textContent = form.dataset.privacyIntro;
  const list = document.createElement("ul");
  for (const finding of findings) {
    const item = document.createElement("li");
    const mark = document.createElement("mark");
    mark.textContent = field.value.slice(finding.start, finding.end);
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "button";
    remove.textContent = form.dataset.privacyRemove;
    remove.addEventListener("click", () => {
      const value = field.value;
      field.value = (value.slice(0, finding.start) + value.slice(finding.end)).replace(/ {2,}/g, " ");
      field.dispatchEvent(new Event("input"));
      field.focus();
    });
    const kind = form.dataset[`privacy${finding.kind[0].toUpperCase()}${finding.kind.slice(1)}`];
    item.append(mark, ` — ${kind} `, remove);
    list.append(item);
  }
  output.append(intro, list);
}

function setUpPrivacyCheck() {
  for (const wrapper of form.querySelectorAll("[data-privacy-field]")) {
    const field = wrapper.querySelector("textarea");
    const output = wrapper.querySelector("[data-privacy-output]");
    let timer;
    field.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => renderFindings(field, output), 250);
    });
    if (field.value && !wrapper.querySelector(".privacy-preview")) renderFindings(field, output);
  }
}

function setUpConfirmations() {
  for (const confirmForm of document.querySelectorAll("form[data-confirm]")) {
    confirmForm.addEventListener("submit", (event) => {
      if (!window.confirm(confirmForm.dataset.confirm)) event.preventDefault();
    });
  }
}

if (form) {
  setUpPlaceSearch();
  showCheckedChips();
  setUpThemeSearch();
  setUpCounters();
  setUpPrivacyCheck();
}
setUpConfirmations();
