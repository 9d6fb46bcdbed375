// Mindful breathing and body-scan timer.
//
// Time comes from the clock, never from counting ticks: the time practised is the sum of the
// running stretches, each measured with performance.now(), so a late or throttled tick can show the
// time late by that tick but can never make it drift. Pauses are left out of the time practised.
// `?speed=N` (tests only) runs the very same code with each running stretch multiplied by N.
//
// The timer element carries its state for tests and assistive tooling:
//   data-state        idle | running | paused | finished
//   data-bells-rung   how many bells have sounded (interval bells and the closing bell)
//   data-bell         "on" for a few seconds after a bell, the visible cue
//   data-saved        true | false once the diary has answered
(function () {
  "use strict";

  const TICK_MS = 200;
  const CUE_MS = 4000; // how long the visible bell cue stays, in real time

  const { csrfToken, newId, clock } = window.Tend;

  // The bells due by `elapsed` seconds: interval marks strictly inside the session, then the end.
  function bellsDue(elapsed, total, everySeconds) {
    if (!everySeconds) return 0;
    const marks = Math.ceil(total / everySeconds) - 1; // interval bells before the end
    const passed = Math.min(Math.floor(elapsed / everySeconds), marks);
    return passed + (elapsed >= total ? 1 : 0);
  }

  // A soft bell, generated here and never fetched: a few sine partials that fade slowly.
  function Bell() {
    const AudioContext = window.AudioContext || window.webkitAudioContext;
    this.context = AudioContext ? new AudioContext() : null;
  }

  Bell.prototype.ring = function () {
    const ctx = this.context;
    if (!ctx) return;
    if (ctx.state === "suspended") ctx.resume();
    const t0 = ctx.currentTime + 0.02;
    const base = 392; // G4
    [[1, 0.05, 5], [2.01, 0.018, 3.5], [2.76, 0.012, 2.5], [5.4, 0.005, 1.5]].forEach(([ratio, peak, decay]) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = "sine";
      osc.frequency.setValueAtTime(base * ratio, t0);
      gain.gain.setValueAtTime(0.0001, t0);
      gain.gain.exponentialRampToValueAtTime(peak, t0 + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + decay);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0);
      osc.stop(t0 + decay + 0.05);
    });
  };

  Bell.prototype.close = function () {
    // Let the last bell fade before the context goes.
    const ctx = this.context;
    if (ctx) window.setTimeout(() => ctx.close(), 5500);
  };

  function Timer(root, form) {
    this.root = root;
    this.form = form;
    this.remainingText = document.getElementById("timer-remaining");
    this.progress = document.getElementById("timer-progress");
    this.cueText = document.getElementById("timer-cue");
    this.statusText = document.getElementById("timer-status");
    this.buttons = {
      pause: document.getElementById("timer-pause"),
      resume: document.getElementById("timer-resume"),
      finish: document.getElementById("timer-finish"),
      diary: document.getElementById("timer-diary"),
      again: document.getElementById("timer-again"),
    };
    this.state = "idle";
    const bells = form.querySelector("#bells");
    const every = form.querySelector("#bells-every");
    const syncBells = () => { every.disabled = !bells.checked; };
    bells.addEventListener("change", syncBells);
    syncBells();
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.start();
    });
    this.buttons.pause.addEventListener("click", () => this.pause());
    this.buttons.resume.addEventListener("click", () => this.resume());
    this.buttons.finish.addEventListener("click", () => this.finish(false));
    window.addEventListener("pagehide", () => {
      if (this.state === "running" || this.state === "paused") this.finish(false);
    });
  }

  Timer.prototype.settings = function () {
    const f = this.form;
    const kind = f.querySelector("input[name=kind]:checked");
    const minutes = Math.min(60, Math.max(1, parseInt(f.querySelector("#minutes").value, 10) || 10));
    const bells = f.querySelector("#bells").checked;
    return {
      kind: kind.value,
      label: f.querySelector("label[for='" + kind.id + "']").textContent.trim(),
      seconds: minutes * 60,
      bellsEvery: bells ? parseInt(f.querySelector("#bells-every").value, 10) || 0 : 0,
    };
  };

  Timer.prototype.setState = function (state) {
    this.state = state;
    this.root.dataset.state = state;
    const b = this.buttons;
    b.pause.hidden = state !== "running";
    b.resume.hidden = state !== "paused";
    b.finish.hidden = state === "finished";
    b.again.hidden = state !== "finished";
  };

  Timer.prototype.start = function () {
    const root = this.root;
    this.config = this.settings();
    this.speed = parseFloat(root.dataset.speed) || 1;
    this.bell = this.config.bellsEvery ? new Bell() : null; // made on the click, so it may sound
    this.clientId = newId();
    this.rung = 0;
    this.lastRemaining = -1;
    document.getElementById("timer-heading").textContent = this.config.label;
    root.querySelectorAll(".timer__guide").forEach((guide) => {
      guide.hidden = guide.id !== "timer-guide-" + this.config.kind;
    });
    this.form.hidden = true;
    root.hidden = false;
    this.startedWall = new Date();
    this.banked = 0; // seconds practised before the current running stretch
    this.runningSince = performance.now();
    this.setState("running");
    root.focus();
    this.tick();
    this.interval = window.setInterval(() => this.tick(), TICK_MS);
  };

  Timer.prototype.elapsed = function () {
    const stretch = this.state === "running" ? ((performance.now() - this.runningSince) / 1000) * this.speed : 0;
    return Math.min(this.banked + stretch, this.config.seconds);
  };

  Timer.prototype.tick = function () {
    if (this.state !== "running") return;
    const elapsed = this.elapsed();
    const total = this.config.seconds;
    const due = bellsDue(elapsed, total, this.config.bellsEvery * 60);
    if (due > this.rung) {
      // However many marks a sleeping tab slept through, one bell says so, not a peal.
      this.rung = due;
      this.root.dataset.bellsRung = String(due);
      this.cue(elapsed >= total ? null : due * this.config.bellsEvery * 60);
    }
    if (elapsed >= total) {
      this.finish(true);
      return;
    }
    this.show(elapsed);
  };

  Timer.prototype.show = function (elapsed) {
    const remaining = Math.ceil(this.config.seconds - elapsed);
    if (remaining !== this.lastRemaining) {
      this.lastRemaining = remaining;
      this.remainingText.textContent = this.root.dataset.textRemaining.replace("%s", clock(remaining));
    }
    this.progress.value = elapsed / this.config.seconds;
  };

  Timer.prototype.cue = function (atSeconds) {
    if (this.bell) this.bell.ring();
    const root = this.root;
    root.dataset.bell = "on";
    this.cueText.textContent = atSeconds === null
      ? root.dataset.textEndBell : root.dataset.textBell.replace("%s", clock(atSeconds));
    window.clearTimeout(this.cueTimer);
    this.cueTimer = window.setTimeout(() => {
      delete root.dataset.bell;
      if (this.state === "running") this.cueText.textContent = "";
    }, CUE_MS);
  };

  Timer.prototype.pause = function () {
    if (this.state !== "running") return;
    this.banked = this.elapsed();
    this.setState("paused");
    this.statusText.textContent = this.root.dataset.textPaused;
    this.show(this.banked);
    this.buttons.resume.focus();
  };

  Timer.prototype.resume = function () {
    if (this.state !== "paused") return;
    this.runningSince = performance.now();
    this.setState("running");
    this.statusText.textContent = "";
    this.buttons.pause.focus();
    this.tick();
  };

  Timer.prototype.finish = function (completed) {
    if (this.state !== "running" && this.state !== "paused") return Promise.resolve();
    const practised = completed ? this.config.seconds : this.elapsed();
    window.clearInterval(this.interval);
    this.setState("finished");
    if (this.bell) this.bell.close();
    this.remainingText.textContent = clock(0);
    this.progress.value = practised / this.config.seconds;
    this.statusText.textContent = this.root.dataset[completed ? "textFinished" : "textEnded"];
    this.buttons.again.focus();
    return this.save(completed, practised);
  };

  Timer.prototype.save = function (completed, practised) {
    const c = this.config;
    const root = this.root;
    const body = {
      client_id: this.clientId,
      kind: c.kind,
      started_at: this.startedWall.toISOString(),
      planned_seconds: c.seconds,
      duration_seconds: Math.round(practised),
      bells_every: c.bellsEvery,
      completed: completed,
      speed: this.speed,
    };
    const done = root.dataset[completed ? "textFinished" : "textEnded"];
    const say = (text) => { this.statusText.textContent = done + " " + text; };
    say(root.dataset.textSaving);
    const send = (attempt) =>
      fetch(root.dataset.recordUrl, {
        method: "POST",
        credentials: "same-origin",
        keepalive: true, // finishes even when the person leaves the page
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(root) },
        body: JSON.stringify(body),
      }).then((response) => {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).then((answer) => {
        root.dataset.saved = "true";
        if (answer.diary_url) {
          this.buttons.diary.href = answer.diary_url;
          this.buttons.diary.hidden = false;
          say(root.dataset.textSaved);
        } else {
          say(root.dataset.textNothing);
        }
      }).catch(() => {
        // The same client_id makes a retry safe: the server stores and logs the practice once.
        if (attempt < 3) return new Promise((r) => window.setTimeout(r, 1000 * attempt)).then(() => send(attempt + 1));
        root.dataset.saved = "false";
        say(root.dataset.textNotSaved);
        return null;
      });
    return send(1);
  };

  window.TendTimers = { bellsDue: bellsDue };

  function init() {
    const root = document.getElementById("timer");
    const form = document.getElementById("timer-setup");
    if (root && form) new Timer(root, form);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
