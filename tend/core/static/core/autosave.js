// Tend's shared autosave component. Any <form data-autosave-url="..."> gets it.
//
// Rules it keeps (see tend/core/autosave.py for the server side):
// - saves ~1.5 s after typing stops, and at least every 10 s while typing continues;
// - each save carries the version it was based on and a fresh idempotency key (save_id);
// - a failed save is retried with the SAME payload and key, with backoff, until acknowledged,
//   so a save that committed but whose reply was lost is acknowledged, not duplicated;
// - a conflict (another tab saved first) stops autosave and links to the compare page;
// - unsent text lives only in memory (never localStorage/IndexedDB) and is flushed when the
//   page is hidden; leaving with unsaved text asks for confirmation.
(function () {
  "use strict";

  const IDLE_MS = 1500;
  const MAX_INTERVAL_MS = 10000;
  const MAX_BACKOFF_MS = 30000;

  // Django gives a new CSRF secret at every sign-in, so a tab opened before the person signed in
  // again (after their session ended) holds a stale token. The cookie always has the current one
  // (the production name first, then Django's default); the form's token is the fallback.
  const CSRF_COOKIES = ["__Host-csrftoken", "csrftoken"];

  function csrfToken(form) {
    const cookies = {};
    document.cookie.split(";").forEach((pair) => {
      const at = pair.indexOf("=");
      if (at > 0) cookies[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
    });
    for (const name of CSRF_COOKIES) {
      if (cookies[name]) return cookies[name];
    }
    const input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function refreshCsrfToken(form) {
    const token = csrfToken(form);
    const input = form.querySelector("input[name=csrfmiddlewaretoken]");
    if (input && token) input.value = token;
    return token;
  }

  function newSaveId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return String(Date.now()) + "-" + Math.random().toString(16).slice(2);
  }

  function Autosave(form) {
    this.form = form;
    this.url = form.dataset.autosaveUrl;
    this.status = document.getElementById(form.dataset.autosaveStatus);
    this.alert = document.getElementById(form.dataset.autosaveAlert);
    this.versionInput = form.querySelector("input[name=base_version]");
    this.saveIdInput = form.querySelector("input[name=save_id]");
    this.lastAcked = this.snapshot();
    this.inflight = null; // {payload, saveId, snapshot}
    this.idleTimer = null;
    this.firstUnsavedAt = null;
    this.retryTimer = null;
    this.backoff = 1000;
    this.stopped = false;
    this.submitted = false;
    this.keptSnapshot = null; // after a conflict: the text the server kept as a copy
    this.savedText = null;

    form.addEventListener("input", () => this.changed());
    form.addEventListener("change", () => this.changed());
    form.addEventListener("submit", (event) => this.submitting(event));
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") this.flush(true);
    });
    window.addEventListener("online", () => this.retryNow());
    window.addEventListener("beforeunload", (event) => {
      if (this.hasUnsaved()) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
    this.setStatus("saved", this.status ? this.status.dataset.initialText || "Saved" : "Saved");
  }

  Autosave.prototype.snapshot = function () {
    const data = new FormData(this.form);
    data.delete("csrfmiddlewaretoken");
    data.delete("base_version");
    data.delete("save_id");
    return JSON.stringify(Array.from(data.entries()));
  };

  Autosave.prototype.hasUnsaved = function () {
    if (this.submitted) return false;
    // After a conflict the tab no longer saves: text typed since then exists only here.
    if (this.keptSnapshot !== null) return this.snapshot() !== this.keptSnapshot;
    return !this.stopped && (this.inflight !== null || this.snapshot() !== this.lastAcked);
  };

  Autosave.prototype.setStatus = function (state, text) {
    if (!this.status) return;
    this.status.dataset.state = state;
    this.status.textContent = text;
    if (state === "saved") this.savedText = text;
  };

  Autosave.prototype.changed = function () {
    if (this.stopped) return;
    if (this.snapshot() === this.lastAcked && this.inflight === null) {
      // Edited back to exactly what is saved (e.g. typed then deleted): nothing to save.
      clearTimeout(this.idleTimer);
      this.firstUnsavedAt = null;
      if (this.status && this.status.dataset.state === "pending") this.setStatus("saved", this.savedText);
      return;
    }
    if (this.firstUnsavedAt === null) this.firstUnsavedAt = Date.now();
    this.setStatus("pending", this.form.dataset.textUnsaved || "Unsaved changes");
    clearTimeout(this.idleTimer);
    const waited = Date.now() - this.firstUnsavedAt;
    const delay = waited >= MAX_INTERVAL_MS ? 0 : Math.min(IDLE_MS, MAX_INTERVAL_MS - waited);
    this.idleTimer = setTimeout(() => this.flush(false), delay);
  };

  Autosave.prototype.flush = function (keepalive) {
    if (this.stopped || this.inflight !== null) return;
    const snapshot = this.snapshot();
    if (snapshot === this.lastAcked) return;
    const payload = new FormData(this.form);
    const saveId = newSaveId();
    payload.set("save_id", saveId);
    payload.set("base_version", this.versionInput.value);
    this.inflight = { payload: payload, saveId: saveId, snapshot: snapshot };
    this.firstUnsavedAt = null;
    this.send(keepalive);
  };

  Autosave.prototype.send = function (keepalive) {
    const attempt = this.inflight;
    if (!attempt) return;
    this.setStatus("saving", this.form.dataset.textSaving || "Saving…");
    // The same payload and key every time; only the CSRF token is refreshed (see csrfToken).
    const token = refreshCsrfToken(this.form);
    attempt.payload.set("csrfmiddlewaretoken", token);
    fetch(this.url, {
      method: "POST",
      body: new URLSearchParams(attempt.payload),
      headers: { "X-CSRFToken": token, "X-Requested-With": "fetch", "Accept": "application/json" },
      credentials: "same-origin",
      keepalive: Boolean(keepalive),
    })
      .then((response) => response.json().then((body) => ({ response: response, body: body }), () => ({ response: response, body: null })))
      .then(({ response, body }) => this.answered(attempt, response, body))
      .catch(() => this.failed(attempt));
  };

  Autosave.prototype.answered = function (attempt, response, body) {
    if (response.ok && body && (body.status === "saved" || body.status === "replayed")) {
      this.inflight = null;
      this.backoff = 1000;
      this.lastAcked = attempt.snapshot;
      this.versionInput.value = body.version;
      const time = new Date(body.saved_at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
      this.setStatus("saved", (this.form.dataset.textSaved || "Saved at %s").replace("%s", time));
      this.form.dispatchEvent(new CustomEvent("autosave:saved", { detail: body, bubbles: true }));
      if (this.snapshot() !== this.lastAcked) this.changed();
      return;
    }
    if (response.status === 409 && body) {
      this.inflight = null;
      this.stopped = true;
      this.keptSnapshot = attempt.snapshot;
      this.setStatus("conflict", this.form.dataset.textConflict || "Not saved here: a newer version exists");
      if (this.alert) {
        const link = this.alert.querySelector("a");
        if (link && body.conflict_url) link.href = body.conflict_url;
        this.alert.hidden = false;
        this.alert.focus();
      }
      this.form.dispatchEvent(new CustomEvent("autosave:conflict", { detail: body, bubbles: true }));
      return;
    }
    if (response.status === 400 && body && body.status === "invalid") {
      // The text stays in the editor; the person sees what to change.
      this.inflight = null;
      const messages = Object.values(body.errors).flat().join(" ");
      this.setStatus("error", messages);
      return;
    }
    if (response.status === 403 || response.status === 401 || response.redirected) {
      this.failed(attempt, this.form.dataset.textSignedOut || "Not saved: you may have been signed out. Keep this tab open, sign in in another tab, and saving will resume.");
      return;
    }
    this.failed(attempt);
  };

  Autosave.prototype.failed = function (attempt, message) {
    if (this.inflight !== attempt) return;
    this.setStatus("error", message || this.form.dataset.textRetrying || "Not saved — retrying");
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.send(false), this.backoff);
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
  };

  Autosave.prototype.retryNow = function () {
    if (this.inflight === null) return;
    clearTimeout(this.retryTimer);
    this.backoff = 1000;
    this.send(false);
  };

  Autosave.prototype.submitting = function (event) {
    // A plain submit is fine when nothing is in flight; otherwise wait for the autosave so the
    // two saves do not race each other into a false conflict.
    if (this.inflight !== null) {
      event.preventDefault();
      this.setStatus("saving", this.form.dataset.textSaving || "Saving…");
      const again = () => {
        if (this.inflight !== null) return setTimeout(again, 200);
        this.prepareSubmit();
        this.form.submit();
      };
      setTimeout(again, 200);
      return;
    }
    this.prepareSubmit();
  };

  Autosave.prototype.prepareSubmit = function () {
    this.saveIdInput.value = newSaveId();
    refreshCsrfToken(this.form);
    this.stopped = true; // the page is leaving through the form itself
    this.submitted = true;
  };

  // What the server rendered into a form, in the same shape as Autosave.snapshot().
  function servedSnapshot(form) {
    const data = new FormData(form);
    Array.from(form.elements).forEach((field) => {
      if (field.name && field.type !== "hidden" && "defaultValue" in field) data.set(field.name, field.defaultValue);
    });
    ["csrfmiddlewaretoken", "base_version", "save_id"].forEach((name) => data.delete(name));
    return JSON.stringify(Array.from(data.entries()));
  }

  document.querySelectorAll("form[data-autosave-url]").forEach((form) => {
    form.autosave = new Autosave(form);
  });

  // For forms that arrive after the page has loaded (e.g. swapped in by htmx): what the server
  // rendered counts as saved, and anything typed before the binding is saved straight away.
  window.TendAutosave = {
    bind(form) {
      if (form.autosave) return form.autosave;
      form.autosave = new Autosave(form);
      form.autosave.lastAcked = servedSnapshot(form);
      form.autosave.changed();
      return form.autosave;
    },
    isSaving(form) {
      return Boolean(form.autosave && form.autosave.inflight !== null);
    },
  };
})();
