// Incident report: keep what the employee typed as a draft on the server when the page is
// left (pagehide, or the tab goes to the background on a phone), so nothing is lost. The
// server restores it on return and removes it when the report is sent. Without JavaScript
// the "Bewaar als concept" button does the same.
(function () {
  "use strict";
  var form = document.querySelector("form[data-draft-url]");
  if (!form || !navigator.sendBeacon || !window.FormData) {
    return;
  }
  var url = form.getAttribute("data-draft-url");
  var changed = false;
  var sending = false;
  function markChanged() { changed = true; }
  form.addEventListener("input", markChanged);
  form.addEventListener("change", markChanged);
  // The report itself is on its way: a draft posted now would outlive it.
  form.addEventListener("submit", function () { sending = true; });
  function keep() {
    if (sending || !changed) {
      return;
    }
    if (navigator.sendBeacon(url, new FormData(form))) {
      changed = false;
    }
  }
  window.addEventListener("pagehide", keep);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      keep();
    }
  });
})();
