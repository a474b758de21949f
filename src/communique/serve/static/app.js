// communique dashboard: the only script, loaded from 'self' (CSP forbids inline script).
// A click on a record link "#span-…" lets the browser scroll to the anchor; this adds a highlight
// of every piece of that span. It never builds HTML from data: it only toggles classes.
(function () {
  "use strict";
  function show(id) {
    document.querySelectorAll(".hl.active").forEach(function (el) { el.classList.remove("active"); });
    if (!/^span-[A-Za-z0-9_-]+$/.test(id)) { return; }
    var pieces = document.querySelectorAll(".hl");
    var first = null;
    pieces.forEach(function (el) {
      var keys = (el.getAttribute("data-spans") || "").split(" ");
      if (keys.indexOf(id) !== -1) { el.classList.add("active"); if (!first) { first = el; } }
    });
    if (first) { first.scrollIntoView({ block: "center" }); }
  }
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a[data-span]") : null;
    if (!a) { return; }
    show(a.getAttribute("data-span"));
  });
  document.addEventListener("DOMContentLoaded", function () {
    if (location.hash && location.hash.indexOf("#span-") === 0) { show(location.hash.slice(1)); }
  });
})();
