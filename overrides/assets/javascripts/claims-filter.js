/* The claims page: filter the list by verdict.
 *
 * Without JavaScript the filter stays hidden and every claim is listed. The
 * claims page loads this script from its content, not on every page: the
 * theme's instant navigation re-runs scripts in the content it swaps in. */
(function () {
  "use strict";

  var STATUS = {
    "zh-Hans": function (shown, total) { return "显示 " + shown + " / " + total + " 条说法"; },
    "en": function (shown, total) { return "Showing " + shown + " of " + total + " claims"; }
  };

  function setup() {
    var filter = document.querySelector(".claims-filter");
    if (!filter || filter.dataset.ready) return;
    filter.dataset.ready = "1";
    var claims = Array.prototype.slice.call(document.querySelectorAll(".claims > .claim"));
    var buttons = Array.prototype.slice.call(filter.querySelectorAll("button[data-verdict]"));
    var status = document.querySelector(".claims-status");
    var say = STATUS[document.documentElement.lang] || STATUS.en;

    function show(verdict) {
      var shown = 0;
      claims.forEach(function (claim) {
        var match = verdict === "all" || claim.dataset.verdict === verdict;
        claim.hidden = !match;
        if (match) shown += 1;
      });
      buttons.forEach(function (b) {
        b.setAttribute("aria-pressed", String(b.dataset.verdict === verdict));
      });
      if (status) status.textContent = verdict === "all" ? "" : say(shown, claims.length);
    }

    filter.addEventListener("click", function (event) {
      var button = event.target instanceof Element && event.target.closest("button[data-verdict]");
      if (button) show(button.dataset.verdict);
    });
    filter.hidden = false;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
