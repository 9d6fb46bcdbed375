// "Copy message" on the trainer dashboard: copies the nudge text and says so in a live region.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  const status = document.getElementById("copy-status");
  try {
    await navigator.clipboard.writeText(field.value);
    if (status) status.textContent = button.dataset.copiedText;
  } catch {
    field.select();  // clipboard refused: leave the text selected so the person can copy it
  }
});
