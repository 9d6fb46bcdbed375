/* Guided imagery player: one step at a time, timed pauses with a progress bar, pause/resume and
   optional narration with the browser's speech synthesis.

   Timing is clock-based: every timed part measures elapsed time with performance.now(), and a
   250 ms interval only samples the clock (a late or throttled tick never stretches a pause).
   The page's data-speed (from ?speed=N, 1 to 100) divides every timed part by N, through the
   same clock code; it exists for demonstrations and the browser test.

   Without narration each step gets a reading time (from its length) and then its pause; with
   narration the pause starts when the voice has finished the step. Pausing during narration
   stops the voice; resuming reads the step again from its start. Nothing is kept in storage. */
(function () {
  "use strict";

  const root = document.getElementById("imagery-player");
  if (!root) return;

  const steps = Array.from(document.querySelectorAll("#imagery-steps .imagery-step"));
  const list = document.getElementById("imagery-steps");
  const label = document.getElementById("imagery-step-label");
  const progress = document.getElementById("imagery-progress");
  const timeText = document.getElementById("imagery-time");
  const toggle = document.getElementById("imagery-toggle");
  const previous = document.getElementById("imagery-previous");
  const next = document.getElementById("imagery-next");
  const done = document.getElementById("imagery-done");
  const speakBox = document.getElementById("imagery-speak");
  const voiceSelect = document.getElementById("imagery-voice");
  const kindField = document.getElementById("imagery-voice-kind-field");
  const kindSelect = document.getElementById("imagery-voice-kind");
  const rate = document.getElementById("imagery-rate");
  const rateValue = document.getElementById("imagery-rate-value");
  const voiceNote = document.getElementById("imagery-voice-note");

  const speed = Math.min(Math.max(parseFloat(root.dataset.speed) || 1, 1), 100);
  const WORDS_PER_SECOND = 2.2; // an unhurried reading pace
  const MIN_READING_SECONDS = 6;
  const TICK_MS = 250;

  const state = {
    index: 0,
    phase: "ready", // ready | speaking | timing | done
    running: false,
    duration: 0, // ms of the current timed part (already divided by speed)
    readingPart: 0, // ms of it that is reading time (no narration)
    elapsedBefore: 0, // ms accumulated before the latest resume
    startedAt: 0,
    timer: null,
    utteranceToken: 0,
  };

  // --- Steps ----------------------------------------------------------------------------------

  function stepTitle(i) {
    return steps[i].querySelector(".imagery-step__title").textContent.trim();
  }

  function stepParagraphs(i) {
    return Array.from(steps[i].querySelectorAll(".imagery-step__text p")).map((p) => p.textContent.trim());
  }

  function pauseSeconds(i) {
    return parseInt(steps[i].dataset.pause, 10) || 0;
  }

  function readingSeconds(i) {
    const words = stepParagraphs(i).join(" ").split(/\s+/).filter(Boolean).length;
    return Math.max(MIN_READING_SECONDS, Math.round(words / WORDS_PER_SECOND));
  }

  function showStep(i) {
    steps.forEach((step, j) => { step.hidden = j !== i; });
    done.hidden = true;
    label.textContent = "Step " + (i + 1) + " of " + steps.length + ": " + stepTitle(i);
    previous.disabled = i === 0;
    next.disabled = false;
  }

  function setProgress(fraction) {
    progress.value = Math.round(Math.min(Math.max(fraction, 0), 1) * 1000) / 10;
  }

  function updateToggle() {
    if (state.phase === "done") toggle.textContent = "Start again";
    else if (state.running) toggle.textContent = "Pause";
    else if (state.phase === "ready" && state.index === 0 && state.elapsedBefore === 0) toggle.textContent = "Start";
    else toggle.textContent = "Resume";
  }

  // --- The clock -----------------------------------------------------------------------------

  function elapsed() {
    return state.elapsedBefore + (state.running ? performance.now() - state.startedAt : 0);
  }

  function tick() {
    if (state.phase !== "timing") return;
    const spent = elapsed();
    setProgress(state.duration ? spent / state.duration : 1);
    const left = Math.max(0, state.duration - spent);
    const realSecondsLeft = Math.ceil(left / 1000);
    const part = !state.running ? "Paused" : spent < state.readingPart ? "Reading time" : "Pause";
    timeText.textContent = part + " · " + realSecondsLeft + " s left in this step";
    if (state.running && spent >= state.duration) advance();
  }

  function startClock() {
    stopClock();
    state.timer = window.setInterval(tick, TICK_MS);
  }

  function stopClock() {
    if (state.timer !== null) window.clearInterval(state.timer);
    state.timer = null;
  }

  function beginTiming(seconds, readingSecondsPart) {
    state.phase = "timing";
    state.duration = (seconds * 1000) / speed;
    state.readingPart = (readingSecondsPart * 1000) / speed;
    state.elapsedBefore = 0;
    state.startedAt = performance.now();
    if (state.duration <= 0) {
      advance();
      return;
    }
    startClock();
    tick();
  }

  // --- Playing -------------------------------------------------------------------------------

  function beginStep(i) {
    stopSpeaking();
    stopClock();
    state.index = i;
    state.elapsedBefore = 0;
    showStep(i);
    setProgress(0);
    if (narrationOn()) {
      state.phase = "speaking";
      timeText.textContent = "Reading aloud…";
      speakStep(i);
    } else {
      const reading = readingSeconds(i);
      beginTiming(reading + pauseSeconds(i), reading);
    }
    updateToggle();
  }

  function afterSpeech() {
    if (!state.running || state.phase !== "speaking") return;
    beginTiming(pauseSeconds(state.index), 0);
  }

  function advance() {
    stopClock();
    if (state.index + 1 < steps.length) {
      beginStep(state.index + 1);
    } else {
      finish();
    }
  }

  // Time actually practised (pauses excluded), for the practice diary.
  let practisedMs = 0;
  let lastSample = performance.now();
  const clientId = window.Tend.newId();
  window.setInterval(() => {
    const now = performance.now();
    if (state.running) practisedMs += now - lastSample;
    lastSample = now;
  }, 500);

  function logPractice() {
    if (!root.dataset.logUrl || practisedMs < 1000) return;
    const body = new URLSearchParams({ client_id: clientId, duration_seconds: String(Math.round((practisedMs * speed) / 1000)), speed: String(speed) });
    fetch(root.dataset.logUrl, { method: "POST", body: body, headers: { "X-CSRFToken": window.Tend.csrfToken(root) }, credentials: "same-origin", keepalive: true })
      .catch(() => {});
  }

  function finish() {
    logPractice();
    stopSpeaking();
    stopClock();
    state.phase = "done";
    state.running = false;
    setProgress(1);
    timeText.textContent = "";
    steps.forEach((step) => { step.hidden = true; });
    done.hidden = false;
    label.textContent = "The practice has finished.";
    next.disabled = true;
    previous.disabled = false;
    updateToggle();
    done.focus();
  }

  function pause() {
    if (!state.running) return;
    if (state.phase === "timing") state.elapsedBefore += performance.now() - state.startedAt;
    state.running = false;
    stopClock();
    stopSpeaking();
    tick();
    if (state.phase === "speaking") timeText.textContent = "Paused";
    updateToggle();
  }

  function resume() {
    state.running = true;
    if (state.phase === "timing") {
      state.startedAt = performance.now();
      startClock();
      tick();
    } else if (state.phase === "speaking") {
      timeText.textContent = "Reading aloud…";
      speakStep(state.index);
    } else {
      beginStep(state.index);
    }
    updateToggle();
  }

  toggle.addEventListener("click", () => {
    if (state.phase === "done") {
      state.running = true;
      beginStep(0);
    } else if (state.running) {
      pause();
    } else if (state.phase === "ready") {
      state.running = true;
      beginStep(state.index);
    } else {
      resume();
    }
  });

  function goTo(i) {
    state.running = true;
    beginStep(i);
  }

  previous.addEventListener("click", () => {
    if (state.phase === "done") goTo(steps.length - 1);
    else if (state.index > 0) goTo(state.index - 1);
  });
  next.addEventListener("click", () => {
    if (state.phase === "done") return;
    if (state.index + 1 < steps.length) goTo(state.index + 1);
    else finish();
  });

  // --- Narration -----------------------------------------------------------------------------

  const synth = "speechSynthesis" in window && typeof window.SpeechSynthesisUtterance === "function"
    ? window.speechSynthesis : null;
  let voices = [];

  // Browsers expose no gender for a voice; some names say it ("Google UK English Female"), and a
  // few widely installed system voices are known by name.
  const KNOWN_VOICES = {
    female: ["samantha", "karen", "moira", "tessa", "fiona", "victoria", "veena", "zira", "hazel", "susan",
      "aria", "jenny", "sonia", "libby", "catherine", "heera", "amelie", "anna", "paulina", "monica"],
    male: ["daniel", "alex", "fred", "rishi", "david", "mark", "george", "guy", "ryan", "james", "thomas",
      "jorge", "diego", "ravi", "aaron", "arthur"],
  };

  function voiceKind(voice) {
    const name = voice.name.toLowerCase();
    if (/\b(female|woman|girl)\b/.test(name)) return "female";
    if (/\b(male|man|boy)\b/.test(name)) return "male";
    const words = name.split(/[^a-z]+/);
    if (KNOWN_VOICES.female.some((n) => words.includes(n))) return "female";
    if (KNOWN_VOICES.male.some((n) => words.includes(n))) return "male";
    return "";
  }

  function narrationOn() {
    return Boolean(synth) && speakBox.checked && voices.length > 0;
  }

  function fillVoices() {
    const kind = kindSelect.value;
    const chosen = voiceSelect.value;
    const lang = (document.documentElement.lang || "en").toLowerCase().slice(0, 2);
    const shown = voices.filter((v) => !kind || voiceKind(v) === kind);
    voiceSelect.replaceChildren(...shown.map((voice) => {
      const option = document.createElement("option");
      option.value = voice.voiceURI;
      const kindText = voiceKind(voice);
      option.textContent = voice.name + " (" + voice.lang + (kindText ? ", " + kindText : "") + ")";
      return option;
    }));
    const keep = shown.find((v) => v.voiceURI === chosen)
      || shown.find((v) => v.default && v.lang.toLowerCase().startsWith(lang))
      || shown.find((v) => v.lang.toLowerCase().startsWith(lang))
      || shown[0];
    if (keep) voiceSelect.value = keep.voiceURI;
  }

  function loadVoices() {
    voices = synth ? synth.getVoices() : [];
    if (!voices.length) return;
    const kinds = new Set(voices.map(voiceKind));
    kindField.hidden = !(kinds.has("female") || kinds.has("male"));
    for (const option of kindSelect.options) {
      if (option.value) option.disabled = !voices.some((v) => voiceKind(v) === option.value);
    }
    fillVoices();
    speakBox.disabled = false;
    voiceSelect.disabled = false;
    rate.disabled = false;
    voiceNote.textContent = voices.length === 1
      ? "One voice is available in this browser."
      : voices.length + " voices are available in this browser.";
  }

  function noVoices(reason) {
    speakBox.checked = false;
    speakBox.disabled = true;
    voiceSelect.disabled = true;
    rate.disabled = true;
    voiceNote.textContent = reason;
  }

  function speakStep(i) {
    if (!synth) return afterSpeech();
    const token = ++state.utteranceToken;
    const voice = voices.find((v) => v.voiceURI === voiceSelect.value) || null;
    // One utterance per paragraph: some browsers cut long utterances off.
    const parts = [stepTitle(i) + "."].concat(stepParagraphs(i));
    synth.cancel();
    parts.forEach((text, n) => {
      const utterance = new SpeechSynthesisUtterance(text);
      if (voice) {
        utterance.voice = voice;
        utterance.lang = voice.lang;
      }
      utterance.rate = parseFloat(rate.value) || 1;
      if (n === parts.length - 1) {
        const finished = () => { if (token === state.utteranceToken) afterSpeech(); };
        utterance.addEventListener("end", finished);
        utterance.addEventListener("error", (event) => {
          if (event.error !== "interrupted" && event.error !== "canceled") finished();
        });
      }
      synth.speak(utterance);
    });
  }

  function stopSpeaking() {
    state.utteranceToken += 1;
    if (synth && (synth.speaking || synth.pending)) synth.cancel();
  }

  rate.addEventListener("input", () => { rateValue.textContent = parseFloat(rate.value).toFixed(2).replace(/0$/, "") + "×"; });
  kindSelect.addEventListener("change", fillVoices);

  if (!synth) {
    noVoices("This browser cannot read text aloud. You can read the steps yourself, or use a recording below if there is one.");
  } else {
    noVoices("Looking for voices…");
    loadVoices();
    synth.addEventListener("voiceschanged", loadVoices);
    window.setTimeout(() => {
      if (!voices.length) {
        noVoices("No voices are available for reading aloud in this browser. You can read the steps yourself, or use a recording below if there is one.");
      }
    }, 2000);
  }

  // --- Start ---------------------------------------------------------------------------------

  root.hidden = false;
  list.classList.add("imagery-steps--playing");
  showStep(0);
  label.textContent = "Step 1 of " + steps.length + ": " + stepTitle(0) + ". Press Start when you are ready.";
  updateToggle();
  window.addEventListener("pagehide", stopSpeaking);
})();
