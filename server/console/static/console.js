// District console: the only script. A form with data-confirm asks before it is sent.
document.addEventListener("submit", (event) => {
  const message = event.target.dataset ? event.target.dataset.confirm : "";
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
