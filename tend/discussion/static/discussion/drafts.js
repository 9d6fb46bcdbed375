// Discussion drafts, on top of the shared autosave (core/autosave.js):
// - htmx replaces the reply box after a reply is posted (or refused); the new box is bound with
//   TendAutosave.bind, which also saves anything typed into it before the binding;
// - a reply is held back while an autosave is still on its way, so a late autosave cannot bring
//   back a draft of a reply that is already posted;
// - the draft status line is shown only here: without JavaScript nothing autosaves.
(function () {
  "use strict";

  function revealStatus() {
    document.querySelectorAll("[data-draft-status]").forEach((line) => { line.hidden = false; });
  }

  function bindNewBoxes() {
    document.querySelectorAll("form[data-autosave-url]").forEach((form) => window.TendAutosave.bind(form));
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.hasAttribute("hx-post") || !window.TendAutosave.isSaving(form)) return;
    // Before htmx or autosave see it: try again once the autosave is acknowledged.
    event.preventDefault();
    event.stopPropagation();
    const again = () => (window.TendAutosave.isSaving(form) ? setTimeout(again, 200) : form.requestSubmit());
    setTimeout(again, 200);
  }, true);

  document.addEventListener("htmx:afterSettle", () => {
    revealStatus();
    bindNewBoxes();
  });
  revealStatus();
})();
