// Three circles: show each slider's value as it moves and ask the server for a fresh picture.
// The server draws every picture (the preview comes from /practise/circles/preview/ via htmx);
// this file only keeps the visible numbers in step and tells htmx when something changed.
(function () {
  "use strict";
  const form = document.getElementById("circles-form");
  const preview = document.getElementById("circles-preview");
  if (!form) return;
  const template = form.dataset.ofTen || "%s of 10";

  function show(range) {
    const text = template.replace("%s", range.value);
    range.setAttribute("aria-valuetext", text);
    const output = form.querySelector('[data-range-value="' + range.id + '"]');
    if (output) output.textContent = text;
  }

  function changed() {
    if (preview) preview.dispatchEvent(new CustomEvent("circles-change"));
  }

  form.querySelectorAll("input[type=range]").forEach(show);
  form.addEventListener("input", (event) => {
    if (event.target.matches("input[type=range]")) {
      show(event.target);
      changed();
    }
  });
  form.addEventListener("change", (event) => {
    if (event.target.matches("input[type=range], input[type=checkbox]")) changed();
  });
})();
