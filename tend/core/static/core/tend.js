// Small page behaviours that need no framework. No inline scripts anywhere (strict CSP).
(function () {
  "use strict";

  // Helpers shared by the practice tools' scripts (loaded after this file).
  window.Tend = {
    // The current CSRF token: it changes at sign-in, so read the cookie, not the page.
    csrfToken(root) {
      const cookies = {};
      document.cookie.split(";").forEach((pair) => {
        const at = pair.indexOf("=");
        if (at > 0) cookies[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
      });
      for (const name of ["__Host-csrftoken", "csrftoken"]) {
        if (cookies[name]) return cookies[name];
      }
      const input = (root || document).querySelector("input[name=csrfmiddlewaretoken]");
      return input ? input.value : "";
    },
    // An id for one save, so a retried request is recognised.
    newId() {
      if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
      return String(Date.now()) + "-" + Math.random().toString(16).slice(2);
    },
    // Seconds as m:ss.
    clock(seconds) {
      const whole = Math.max(0, Math.ceil(seconds));
      return Math.floor(whole / 60) + ":" + String(whole % 60).padStart(2, "0");
    },
  };
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
