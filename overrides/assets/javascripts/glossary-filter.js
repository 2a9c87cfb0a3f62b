/* The glossary page's filter box: narrows the entries as the reader types.
 *
 * Loaded only by the glossary page, from inside its content: the theme's
 * instant navigation runs content scripts again each time it swaps the page
 * in, so this runs on a full load and on an instant one alike. Without
 * JavaScript the box stays hidden and the page is the complete list. */
(function () {
  "use strict";

  // Case, width (full-width letters) and spaces do not matter: "rtx4090" finds "RTX 4090".
  function normalize(text) {
    return (text || "").normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  }

  function setup(root) {
    var box = root.querySelector(".glossary-filter");
    if (!box || box.hasAttribute("data-ready")) return;
    box.setAttribute("data-ready", "");
    var input = box.querySelector("input");
    var count = box.querySelector(".glossary-filter__count");
    var empty = box.querySelector(".glossary-filter__empty");
    var entries = Array.prototype.map.call(root.querySelectorAll(".glossary-entry"), function (el) {
      var def = el.querySelector(".glossary-entry__def");
      return { el: el, text: normalize(el.getAttribute("data-forms") + " " + (def ? def.textContent : "")) };
    });
    var groups = root.querySelectorAll(".glossary-group");
    var jump = {};
    Array.prototype.forEach.call(root.querySelectorAll(".glossary-jump a"), function (a) {
      jump[a.getAttribute("href").slice(1)] = a;
    });

    function apply() {
      var query = normalize(input.value);
      var shown = 0;
      entries.forEach(function (entry) {
        var match = !query || entry.text.indexOf(query) >= 0;
        entry.el.hidden = !match;
        if (match) shown += 1;
      });
      // A letter with nothing left loses its heading and its jump link.
      Array.prototype.forEach.call(groups, function (group) {
        var any = group.querySelector(".glossary-entry:not([hidden])") !== null;
        group.hidden = !any;
        var heading = group.querySelector("h2");
        var link = heading && jump[heading.id];
        if (link) {
          if (any) link.removeAttribute("aria-disabled");
          else link.setAttribute("aria-disabled", "true");
        }
      });
      var template = shown === 1 ? box.getAttribute("data-count-one") : box.getAttribute("data-count");
      count.textContent = template.replace("{n}", String(shown));
      empty.hidden = shown > 0;
    }

    // `input` fires for typed Chinese too (after the IME commits), for paste and for clearing.
    input.addEventListener("input", apply);
    box.hidden = false;
    apply();
  }

  setup(document);
})();
