// Small page behaviours that need no framework. No inline scripts anywhere (strict CSP).
(function () {
  "use strict";
  // The account menu closes with Escape and when focus or a click goes elsewhere.
  document.querySelectorAll("details.account-menu").forEach((menu) => {
    menu.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", (event) => {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
  });
  // Buttons that ask before doing something hard to undo: <button data-confirm="...">.
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
  });
})();
