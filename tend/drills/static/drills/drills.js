// Practice drills: "Read aloud" (browser speech synthesis, where available) and an optional
// countdown for timed mode. Neither blocks writing; both are only shown help.
(function () {
  "use strict";

  document.querySelectorAll("[data-read-aloud]").forEach((button) => {
    if (!("speechSynthesis" in window)) return;
    button.hidden = false;
    button.addEventListener("click", () => {
      const source = document.getElementById(button.dataset.readAloud);
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(new SpeechSynthesisUtterance(source.textContent.trim()));
    });
  });

  document.querySelectorAll("[data-timer]").forEach((button) => {
    const output = document.getElementById(button.dataset.timerOutput);
    let timer = null;
    button.addEventListener("click", () => {
      let left = parseInt(button.dataset.timer, 10);
      if (timer) clearInterval(timer);
      output.hidden = false;
      output.textContent = left + " s";
      timer = setInterval(() => {
        left -= 1;
        if (left <= 0) {
          clearInterval(timer);
          timer = null;
          output.textContent = button.dataset.textDone;
        } else {
          output.textContent = left + " s";
        }
      }, 1000);
    });
  });
})();
