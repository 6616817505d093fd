// Small helps for the weekly review. Every feature works without them: ticking "every signal
// in this group" is understood by the server (also the signals not shown), and the browser's
// own print command prints the summary. No words here: the page carries them.

// Tick (or untick) a group's signals shown along with its "every signal in this group" box.
for (const all of document.querySelectorAll("input[name=groups]")) {
  all.addEventListener("change", () => {
    for (const box of document.querySelectorAll(`input[name=entries][id^="s-${all.value}-"]`)) {
      box.checked = all.checked;
    }
  });
}

// Offer a print button where the page asks for one.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
