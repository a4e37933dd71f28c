// ml-connector operator console: a little progressive enhancement. Every page works without it.
(function () {
  "use strict";
  // Tell the server the operator's time zone, so the next pages render times in it.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("mlc-tz=" + encodeURIComponent(zone)) < 0) {
      document.cookie = "mlc-tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=strict";
      // Show this page's times in that zone too.
      var format = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", timeZone: zone });
      document.querySelectorAll("time[datetime]").forEach(function (el) {
        el.textContent = format.format(new Date(el.getAttribute("datetime")));
        el.title = zone;
      });
      document.querySelectorAll("[data-zone]").forEach(function (el) { el.textContent = zone; });
    }
  } catch (e) { /* an old browser keeps UTC times */ }

  // Ask before actions that change things in bulk.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();
