/* Keep the reader's place when switching language, and give out a paragraph's place.
 *
 * The selector's links point at this page's counterpart when the page is
 * first rendered. Instant navigation swaps the content and the <head> but not
 * the header, so at the moment of use we read the counterpart from the current
 * <link rel="alternate" hreflang> and add the current #section: heading ids are
 * the same in both languages. */
(function () {
  "use strict";

  function counterpart(link) {
    var lang = link.getAttribute("hreflang");
    var alt = document.querySelector('head link[rel="alternate"][hreflang="' + lang + '"]');
    if (!alt) return null;
    var url = new URL(alt.href, location.href);
    url.hash = location.hash;
    return url.href;
  }

  function update(event) {
    var link = event.target instanceof Element && event.target.closest("a[data-language-switch]");
    if (!link) return;
    var href = counterpart(link);
    if (href) link.href = href;
  }

  // Before the browser follows the link (click, keyboard, middle click) and
  // while it is hovered or focused (status bar, "copy link").
  ["click", "auxclick", "mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, update, true);
  });

  // A paragraph's link (paragraphs.py) copies the paragraph's address and puts it in the
  // address bar; where the clipboard is refused, the link simply goes to the paragraph.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a.p-link");
    if (!link || !navigator.clipboard) return;
    event.preventDefault();
    history.replaceState(history.state, "", link.hash);
    navigator.clipboard.writeText(location.href).then(
      function () {
        link.classList.add("p-link--copied");
        setTimeout(function () { link.classList.remove("p-link--copied"); }, 2000);
      },
      function () { location.hash = link.hash; }
    );
  });
})();
