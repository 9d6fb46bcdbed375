// Soothing rhythm breathing pacer.
//
// Timing comes from the clock, never from counting frames: on every tick the phase is computed
// afresh from the time elapsed since the start (performance.now()), so a late, dropped or
// throttled frame can make the display late by that one frame but can never add up into drift.
// `?speed=N` (tests only) runs the very same code with elapsed time multiplied by N.
//
// The pacer element carries its state for tests and assistive tooling:
//   data-phase             idle | in | hold-in | out | hold-out | self-paced | finished
//   data-cycle             the current breath, counted from 0 (on-ramp breaths included)
//   data-started-at        performance.now() at the start, in milliseconds
//   data-phase-started-at  performance.now() at which the current phase began by the schedule
//   data-display           motion | counting
(function () {
  "use strict";

  const TICK_MS = 250; // keeps time (and the end of the session) while frames are paused

  function clamp01(x) {
    return x < 0 ? 0 : x > 1 ? 1 : x;
  }

  function ease(x) {
    // Smooth in and out (a half cosine): the shape starts and settles gently.
    return 0.5 - 0.5 * Math.cos(Math.PI * clamp01(x));
  }

  // --- The schedule: a pure function of elapsed pacer time (seconds) ---------------------------

  function Schedule(pattern, options) {
    this.phases = [
      ["in", pattern.inhale],
      ["hold-in", pattern.holdIn],
      ["out", pattern.exhale],
      ["hold-out", pattern.holdOut],
    ].filter((phase) => phase[1] > 0);
    this.cycle = this.phases.reduce((total, phase) => total + phase[1], 0);
    // On-ramp: each breath's length moves linearly from a natural breath (about 12 a minute) to
    // the chosen one over the first minute; every phase is scaled in proportion.
    this.ramp = [];
    this.rampEnd = 0;
    const natural = 60 / options.naturalRate;
    if (options.onRamp && options.rampSeconds > 0 && this.cycle > natural) {
      let t = 0;
      while (t < options.rampSeconds) {
        const length = natural + (this.cycle - natural) * (t / options.rampSeconds);
        this.ramp.push({ start: t, length: length });
        t += length;
      }
      this.rampEnd = t;
    }
  }

  Schedule.prototype.cycleAt = function (elapsed) {
    if (elapsed < this.rampEnd) {
      let i = this.ramp.length - 1;
      while (i > 0 && this.ramp[i].start > elapsed) i -= 1;
      return { index: i, start: this.ramp[i].start, length: this.ramp[i].length };
    }
    // After the on-ramp the breath start is computed by multiplication, not by adding up.
    const n = Math.floor((elapsed - this.rampEnd) / this.cycle);
    return { index: this.ramp.length + n, start: this.rampEnd + n * this.cycle, length: this.cycle };
  };

  Schedule.prototype.at = function (elapsed) {
    const cycle = this.cycleAt(elapsed);
    const scale = cycle.length / this.cycle;
    let start = cycle.start;
    for (let i = 0; i < this.phases.length; i += 1) {
      const length = this.phases[i][1] * scale;
      if (elapsed < start + length || i === this.phases.length - 1) {
        return {
          cycle: cycle.index, phase: this.phases[i][0], phaseStart: start, phaseLength: length,
          progress: clamp01((elapsed - start) / length),
        };
      }
      start += length;
    }
    return null;
  };

  // --- Helpers ---------------------------------------------------------------------------------

  const { csrfToken, newId, clock } = window.Tend;

  function Tones() {
    const AudioContext = window.AudioContext || window.webkitAudioContext;
    this.context = AudioContext ? new AudioContext() : null;
  }

  Tones.prototype.play = function (phase, seconds) {
    // Generated here, never fetched: a quiet sine that rises for "in" and falls for "out".
    if (!this.context || seconds < 0.3 || (phase !== "in" && phase !== "out")) return;
    const ctx = this.context;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    const t0 = ctx.currentTime;
    const [from, to] = phase === "in" ? [196, 262] : [262, 196];
    osc.type = "sine";
    osc.frequency.setValueAtTime(from, t0);
    osc.frequency.linearRampToValueAtTime(to, t0 + seconds);
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(0.06, t0 + Math.min(0.8, seconds / 3));
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + seconds);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0);
    osc.stop(t0 + seconds + 0.05);
  };

  Tones.prototype.close = function () {
    if (this.context) this.context.close();
  };

  const VIBRATION = { in: [120], out: [50, 80, 50] }; // one long pulse in, two short pulses out

  // --- The pacer -------------------------------------------------------------------------------

  function Pacer(root, form) {
    this.root = root;
    this.form = form;
    this.phaseText = document.getElementById("pacer-phase");
    this.countText = document.getElementById("pacer-count");
    this.remainingText = document.getElementById("pacer-remaining");
    this.statusText = document.getElementById("pacer-status");
    this.selfNote = document.getElementById("pacer-self-note");
    this.running = false;
    this.saved = false;
    this.reducedMotion = window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : null;
    const counting = form.querySelector("#counting");
    if (this.reducedMotion && this.reducedMotion.matches) counting.checked = true;
    if ("vibrate" in navigator) document.getElementById("vibrate-option").hidden = false;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.start();
    });
    document.getElementById("pacer-stop").addEventListener("click", () => this.finish(false));
    document.getElementById("pacer-exit").addEventListener("click", (event) => {
      if (!this.running) return;
      // Store the stopped session first (waiting two seconds at most), then go on.
      event.preventDefault();
      const href = event.currentTarget.href;
      const wait = new Promise((resolve) => window.setTimeout(resolve, 2000));
      Promise.race([this.finish(false), wait]).then(() => window.location.assign(href));
    });
    window.addEventListener("pagehide", () => {
      if (this.running) this.finish(false);
    });
  }

  Pacer.prototype.settings = function () {
    const f = this.form;
    const option = f.querySelector("#pattern").selectedOptions[0];
    const number = (name) => parseFloat(option.dataset[name]) || 0;
    return {
      mode: f.querySelector("input[name=mode]:checked").value,
      patternId: option.value,
      patternName: option.dataset.name || "",
      pattern: { inhale: number("inhale"), holdIn: number("holdIn"), exhale: number("exhale"), holdOut: number("holdOut") },
      seconds: parseInt(f.querySelector("#minutes").value, 10) * 60,
      onRamp: f.querySelector("#on-ramp").checked,
      counting: f.querySelector("#counting").checked || Boolean(this.reducedMotion && this.reducedMotion.matches),
      tones: f.querySelector("#tones").checked,
      vibrate: f.querySelector("#vibrate").checked && "vibrate" in navigator,
    };
  };

  Pacer.prototype.start = function () {
    const root = this.root;
    this.config = this.settings();
    this.speed = parseFloat(root.dataset.speed) || 1;
    this.schedule = new Schedule(this.config.pattern, {
      onRamp: this.config.onRamp,
      naturalRate: parseFloat(root.dataset.naturalRate) || 12,
      rampSeconds: parseFloat(root.dataset.onRampSeconds) || 60,
    });
    this.selfPaced = this.config.mode === "self-paced";
    this.tones = this.config.tones && !this.selfPaced ? new Tones() : null; // created on the click
    this.clientId = newId();
    this.last = { cycle: -1, phase: "", count: -1, remaining: -1 };
    root.dataset.display = this.config.counting ? "counting" : "motion";
    root.dataset.mode = this.config.mode;
    this.selfNote.hidden = !this.selfPaced;
    this.form.hidden = true;
    root.hidden = false;
    this.startedWall = new Date();
    this.startedAt = performance.now();
    root.dataset.startedAt = this.startedAt.toFixed(3);
    this.running = true;
    if (this.selfPaced) {
      root.dataset.phase = "self-paced";
      this.phaseText.textContent = root.dataset.textSelfPaced;
      root.style.setProperty("--breath", "0.5");
    }
    root.focus();
    this.tick();
    this.frame = () => {
      if (!this.running) return;
      this.tick();
      window.requestAnimationFrame(this.frame);
    };
    window.requestAnimationFrame(this.frame);
    this.interval = window.setInterval(() => this.tick(), TICK_MS);
  };

  Pacer.prototype.elapsed = function () {
    return ((performance.now() - this.startedAt) / 1000) * this.speed;
  };

  Pacer.prototype.tick = function () {
    if (!this.running) return;
    const elapsed = this.elapsed();
    if (elapsed >= this.config.seconds) {
      this.finish(true);
      return;
    }
    const remaining = Math.ceil(this.config.seconds - elapsed);
    if (remaining !== this.last.remaining) {
      this.last.remaining = remaining;
      this.remainingText.textContent = this.root.dataset.textRemaining.replace("%s", clock(remaining));
    }
    if (this.selfPaced) return;
    const now = this.schedule.at(elapsed);
    const root = this.root;
    if (now.cycle !== this.last.cycle || now.phase !== this.last.phase) {
      this.last.cycle = now.cycle;
      this.last.phase = now.phase;
      root.dataset.phaseStartedAt = (this.startedAt + (now.phaseStart * 1000) / this.speed).toFixed(3);
      root.dataset.cycle = String(now.cycle);
      root.dataset.phase = now.phase;
      this.phaseText.textContent = root.dataset["text" + now.phase.replace(/(^|-)(\w)/g, (m, d, c) => c.toUpperCase())];
      this.cue(now);
    }
    const breath = { in: ease(now.progress), "hold-in": 1, out: 1 - ease(now.progress), "hold-out": 0 }[now.phase];
    root.style.setProperty("--breath", breath.toFixed(4));
    const count = Math.min(Math.floor(elapsed - now.phaseStart) + 1, Math.max(1, Math.round(now.phaseLength)));
    if (count !== this.last.count || this.last.countPhase !== now.phaseStart) {
      this.last.count = count;
      this.last.countPhase = now.phaseStart;
      this.countText.textContent = String(count);
    }
  };

  Pacer.prototype.cue = function (now) {
    const realSecondsLeft = (now.phaseLength * (1 - now.progress)) / this.speed;
    if (this.tones) this.tones.play(now.phase, realSecondsLeft);
    if (this.config.vibrate && VIBRATION[now.phase] && this.speed === 1) navigator.vibrate(VIBRATION[now.phase]);
  };

  Pacer.prototype.finish = function (completed) {
    if (!this.running) return Promise.resolve();
    const elapsed = Math.min(this.elapsed(), this.config.seconds);
    this.running = false;
    window.clearInterval(this.interval);
    if (this.tones) this.tones.close();
    if (this.config.vibrate) navigator.vibrate(0);
    const root = this.root;
    root.dataset.phase = "finished";
    root.style.setProperty("--breath", "0");
    this.phaseText.textContent = root.dataset.textFinished;
    this.countText.textContent = "";
    this.remainingText.textContent = "";
    document.getElementById("pacer-stop").hidden = true;
    document.getElementById("pacer-again").hidden = false;
    return this.save(completed, elapsed);
  };

  Pacer.prototype.save = function (completed, elapsed) {
    const c = this.config;
    const body = {
      client_id: this.clientId,
      started_at: this.startedWall.toISOString(),
      duration_seconds: Math.round(elapsed),
      completed: completed,
      mode: c.mode,
      on_ramp: c.onRamp,
      pattern_id: c.patternId,
      pattern_name: c.patternName,
      inhale: c.pattern.inhale,
      hold_in: c.pattern.holdIn,
      exhale: c.pattern.exhale,
      hold_out: c.pattern.holdOut,
      speed: this.speed,
    };
    this.statusText.textContent = this.root.dataset.textSaving;
    const send = (attempt) =>
      fetch(this.root.dataset.recordUrl, {
        method: "POST",
        credentials: "same-origin",
        keepalive: true, // finishes even when the person leaves the page
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(this.root) },
        body: JSON.stringify(body),
      }).then((response) => {
        if (!response.ok) throw new Error("HTTP " + response.status);
        this.saved = true;
        this.root.dataset.saved = "true";
        this.statusText.textContent = this.root.dataset.textSaved;
      }).catch(() => {
        // The same client_id makes a retry safe: the server stores the session once.
        if (attempt < 3) return new Promise((r) => window.setTimeout(r, 1000 * attempt)).then(() => send(attempt + 1));
        this.root.dataset.saved = "false";
        this.statusText.textContent = this.root.dataset.textNotSaved;
        return null;
      });
    return send(1);
  };

  window.TendBreathing = { Schedule: Schedule };

  function init() {
    const root = document.getElementById("pacer");
    const form = document.getElementById("breathing-setup");
    if (root && form) new Pacer(root, form);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
