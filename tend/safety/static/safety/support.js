// Shows the support panels when the writer's own saved text was screened (see tend/safety).
// Nothing here is stored in the browser; the panels are already on the page, hidden.
(function () {
  "use strict";
  let shown = null;
  function show(level) {
    const rank = { possible: 1, high: 2 };
    if (!rank[level] || (shown && rank[shown] >= rank[level])) return;
    document.querySelectorAll("[data-support-panel]").forEach((panel) => { panel.hidden = true; });
    const panel = document.querySelector('[data-support-panel="' + level + '"]');
    if (!panel) return;
    panel.hidden = false;
    shown = level;
    if (level === "high") panel.focus();
  }
  ["autosave:saved", "autosave:conflict"].forEach((name) =>
    document.addEventListener(name, (event) => show(event.detail && event.detail.risk)));
  document.addEventListener("click", (event) => {
    const close = event.target.closest("[data-support-close]");
    if (close) close.closest("[data-support-panel]").hidden = true;
  });
  const visible = document.querySelector("[data-support-panel]:not([hidden])");
  if (visible && visible.dataset.supportPanel === "high") visible.focus();
})();
