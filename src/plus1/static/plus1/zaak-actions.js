/* The zaak page's actions are <details> disclosures that share one name, so the browser keeps
   one open at a time. This file only adds what older browsers lack (no inline script: the
   Content-Security-Policy allows scripts from our own origin only):
   - closing the other actions when one opens, where <details name> is not supported;
   - opening the action a link points to (#actie-besluit), and moving to it. */
(function () {
  "use strict";
  var actions = document.querySelectorAll("details.zaak-action");
  if (!actions.length) { return; }
  var nativeGroups = "name" in HTMLDetailsElement.prototype;
  actions.forEach(function (action) {
    action.addEventListener("toggle", function () {
      if (!action.open || nativeGroups) { return; }
      actions.forEach(function (other) {
        if (other !== action && other.open) { other.open = false; }
      });
    });
  });
  function openFromHash() {
    var id = window.location.hash.slice(1);
    var target = id ? document.getElementById(id) : null;
    if (target && target.matches("details.zaak-action") && !target.open) {
      target.open = true;
      target.querySelector("summary").focus();
    }
  }
  window.addEventListener("hashchange", openFromHash);
  openFromHash();
})();
