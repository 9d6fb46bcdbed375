// Lesson reader: return to where the person stopped reading, and remember how far they got.
(function () {
  "use strict";
  const article = document.querySelector("article.lesson[data-position-url]");
  if (!article) return;
  const url = article.dataset.positionUrl;
  const token = (document.querySelector("input[name=csrfmiddlewaretoken]") || {}).value || "";
  const resume = parseFloat(article.dataset.resume || "0");

  function fraction() {
    const top = article.offsetTop;
    const span = Math.max(article.offsetHeight - window.innerHeight, 1);
    return Math.min(Math.max((window.scrollY - top) / span, 0), 1);
  }

  if (resume > 0.02 && resume < 0.98 && !window.location.hash) {
    const span = Math.max(article.offsetHeight - window.innerHeight, 1);
    window.scrollTo({ top: article.offsetTop + resume * span, behavior: "instant" });
  }

  let timer = null;
  let lastSent = resume;
  function send(keepalive) {
    const value = fraction();
    if (Math.abs(value - lastSent) < 0.01) return;
    lastSent = value;
    const body = new URLSearchParams({ position: value.toFixed(3) });
    fetch(url, { method: "POST", body: body, headers: { "X-CSRFToken": token }, credentials: "same-origin", keepalive: Boolean(keepalive) }).catch(() => {});
  }
  window.addEventListener("scroll", () => {
    clearTimeout(timer);
    timer = setTimeout(() => send(false), 1500);
  }, { passive: true });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") send(true);
  });
})();
