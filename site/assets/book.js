// rlbook: small progressive enhancements. The pages work without JavaScript.
document.addEventListener("click", (event) => {
  const button = event.target.closest(".copy");
  if (!button) return;
  const code = button.closest(".code").querySelector("code").innerText;
  navigator.clipboard.writeText(code).then(() => {
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = "Copy"; }, 1500);
  });
});
