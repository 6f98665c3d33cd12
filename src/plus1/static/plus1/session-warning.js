// Progressive enhancement: two minutes before a DigiD session ends, say so and offer to stay.
// Without JavaScript the header notice still tells the resident about the 15-minute limit.
(function () {
  "use strict";
  var banner = document.getElementById("session-warning");
  if (!banner) { return; }
  var seconds = parseInt(banner.getAttribute("data-session-seconds"), 10);
  if (!seconds) { return; }
  var warnAfter = Math.max(0, seconds - 120) * 1000;
  window.setTimeout(function () {
    banner.hidden = false;
    var stay = document.getElementById("session-warning-stay");
    if (stay) { stay.focus(); }
  }, warnAfter);
  window.setTimeout(function () {
    window.location.reload();
  }, seconds * 1000 + 1000);
})();
