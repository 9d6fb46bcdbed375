// Progressive enhancement for commenting on a passage: select words in the shared text, press
// "Comment on this passage", and the passage with its character offsets fills the form. Without
// JavaScript the passage can still be pasted into the form's textarea.
(function () {
  "use strict";
  const source = document.querySelector("[data-passage-source]");
  const form = document.querySelector("[data-passage-form]");
  const button = document.querySelector("[data-passage-button]");
  const status = document.getElementById("passage-status");
  if (!source || !form || !button) return;
  const quote = form.querySelector("[name=quote]");
  const start = form.querySelector("[name=start]");
  const end = form.querySelector("[name=end]");
  const body = form.querySelector("[name=body]");
  let pending = null;

  button.hidden = false;
  if (status) status.textContent = status.dataset.textHint || "";

  function offsetOf(container, offset) {
    const range = document.createRange();
    range.selectNodeContents(source);
    range.setEnd(container, offset);
    return range.toString().length;
  }

  function readSelection() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!source.contains(range.startContainer) || !source.contains(range.endContainer)) return null;
    const from = offsetOf(range.startContainer, range.startOffset);
    const to = offsetOf(range.endContainer, range.endOffset);
    const text = source.textContent.slice(from, to);
    return text.trim() ? {from: from, to: to, text: text} : null;
  }

  document.addEventListener("selectionchange", function () {
    const found = readSelection();
    if (found) pending = found;
    button.disabled = !pending;
  });

  button.addEventListener("click", function () {
    if (!pending) return;
    quote.value = pending.text;
    start.value = String(pending.from);
    end.value = String(pending.to);
    if (status) status.textContent = status.dataset.textChosen || "";
    body.focus();
  });

  // A passage typed or pasted by hand is found in the text by the server.
  quote.addEventListener("input", function () {
    start.value = "";
    end.value = "";
  });
})();

// A link between a comment and its highlighted passage moves focus there too (not only the
// scroll position), so keyboard and screen-reader users land where sighted readers look. The same
// holds when the page opens at a comment (after a reply, or from a notification).
(function () {
  "use strict";
  function focusTarget(hash) {
    if (!/^#(passage|comment)-\d+$/.test(hash)) return;
    const target = document.getElementById(hash.slice(1));
    if (target && target.hasAttribute("tabindex")) target.focus();
  }
  document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest("a[href^='#']");
    if (link) window.setTimeout(function () { focusTarget(link.getAttribute("href")); }, 0);
  });
  focusTarget(window.location.hash);
})();
