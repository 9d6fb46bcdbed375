// Measures: saves each answer as it is given, updates the progress bar, and on small screens
// shows one question at a time (the same server-rendered form; without JS it is one page).
(function () {
  "use strict";
  const form = document.getElementById("measure-form");
  if (!form) return;
  const progress = document.getElementById("measure-progress");
  const progressText = document.getElementById("measure-progress-text");
  const items = Array.from(form.querySelectorAll(".measure-item"));
  const back = form.querySelector("[data-step=back]");
  const next = form.querySelector("[data-step=next]");
  const small = window.matchMedia("(max-width: 40rem)");
  let current = Math.max(0, items.findIndex((item) => !item.querySelector("input:checked")));

  function answered() {
    return items.filter((item) => item.querySelector("input:checked")).length;
  }

  function showProgress() {
    const count = answered();
    progress.value = count;
    progressText.textContent = progressText.dataset.template
      .replace("%(answered)s", count).replace("%(total)s", items.length);
  }

  function showStep() {
    const stepped = small.matches;
    form.classList.toggle("is-stepped", stepped);
    back.hidden = !stepped || current === 0;
    next.hidden = !stepped || current >= items.length - 1;
    items.forEach((item, index) => item.classList.toggle("is-current", index === current));
  }

  function go(step) {
    current = Math.min(items.length - 1, Math.max(0, current + step));
    showStep();
    const first = items[current].querySelector("input:checked") || items[current].querySelector("input");
    if (first) first.focus();
  }

  function save(input) {
    const body = new FormData();
    body.append("csrfmiddlewaretoken", form.querySelector("input[name=csrfmiddlewaretoken]").value);
    body.append(input.name, input.value);
    fetch(form.dataset.saveUrl, { method: "POST", body: body, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then((reply) => { if (!reply.ok) throw new Error(String(reply.status)); showProgress(); })
      .catch(() => { progressText.textContent = form.dataset.textFailed; });
  }

  form.addEventListener("change", (event) => {
    if (event.target.type !== "radio") return;
    showProgress();
    save(event.target);
    if (small.matches && current < items.length - 1) window.setTimeout(() => go(1), 250);
  });
  back.addEventListener("click", () => go(-1));
  next.addEventListener("click", () => go(1));
  small.addEventListener("change", showStep);
  showStep();
})();
