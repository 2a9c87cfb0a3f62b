/* Term hints: a glossary term opens its definition in a popover.
 *
 * Each marked term is a link to its glossary entry (that is what readers
 * without JavaScript get). Here it opens a popover instead: on hover and on
 * keyboard focus as a preview, and pinned by a click, a tap or Enter. Esc, a
 * second tap or a tap outside closes it; one is open at a time. On desktop it
 * sits below the term (above when there is no room), clamped inside the
 * window; on touch screens and narrow windows it is a sheet at the bottom of
 * the screen. The page never widens.
 *
 * The definitions and the interface strings come from the page's hidden
 * [data-term-defs] block, so this script holds no text of its own. Events are
 * delegated from the document: it keeps working after the theme's instant
 * navigation swaps the page. */
(function () {
  "use strict";

  var pop = null;        // the one popover element
  var current = null;    // the term it belongs to
  var pinned = false;    // opened by click/tap/Enter (stays until closed)
  var closeTimer = 0;
  var openTimer = 0;
  var returning = false; // focus going back to the term on close: no new preview
  var GAP = 6, MARGIN = 8;

  function defsFor(term) {
    var block = document.querySelector("[data-term-defs]");
    if (!block) return null;
    var def = block.querySelector('[data-term-def="' + term.getAttribute("data-term") + '"]');
    return def ? { block: block, def: def } : null;
  }

  function sheet() {
    return window.matchMedia("(max-width: 599px), (hover: none)").matches;
  }

  function build(term) {
    var found = defsFor(term);
    if (!found) return null;
    var el = document.createElement("span");
    el.className = "term-pop";
    el.id = "term-pop";
    el.setAttribute("role", "dialog");
    el.setAttribute("aria-labelledby", "term-pop-title");
    el.tabIndex = -1;

    var title = document.createElement("span");
    title.className = "term-pop__title";
    title.id = "term-pop-title";
    title.textContent = found.def.getAttribute("data-name");

    var body = document.createElement("span");
    body.className = "term-pop__body";
    body.textContent = found.def.textContent;

    var link = document.createElement("a");
    link.className = "term-pop__link";
    link.href = term.getAttribute("href");
    link.textContent = found.block.getAttribute("data-label-glossary") + " →";

    var close = document.createElement("button");
    close.type = "button";
    close.className = "term-pop__close";
    close.setAttribute("aria-label", found.block.getAttribute("data-label-close"));
    close.textContent = "×";
    close.addEventListener("click", function () { hide(true); });

    el.append(title, body, link, close);
    return el;
  }

  function place() {
    if (!pop || !current) return;
    if (sheet()) {
      pop.classList.add("term-pop--sheet");
      pop.style.left = pop.style.top = "";
      // Keep the term in sight above the sheet, so that a second tap can close it;
      // the page gets room at its end to scroll that far.
      var sheetTop = pop.getBoundingClientRect().top;
      document.body.style.paddingBottom = pop.offsetHeight + "px";
      var below = current.getClientRects()[0].bottom - sheetTop + 3 * GAP;
      if (below > 0) window.scrollBy(0, below);
      return;
    }
    pop.classList.remove("term-pop--sheet");
    var r = current.getBoundingClientRect();
    var w = pop.offsetWidth, h = pop.offsetHeight;
    var vw = document.documentElement.clientWidth, vh = window.innerHeight;
    var left = Math.min(Math.max(r.left, MARGIN), vw - w - MARGIN);
    var top = r.bottom + GAP;
    if (top + h > vh - MARGIN && r.top - GAP - h >= MARGIN) top = r.top - GAP - h;  // flip above
    pop.style.left = Math.max(left, MARGIN) + "px";
    pop.style.top = Math.max(top, MARGIN) + "px";
  }

  function show(term, pin) {
    clearTimeout(closeTimer);
    clearTimeout(openTimer);
    if (current === term && pop && pop.isConnected) {
      pinned = pinned || pin;
      return;
    }
    hide(false);
    pop = build(term);
    if (!pop) return;
    current = term;
    pinned = pin;
    // Right after the term, so that Tab goes from the term into the popover.
    term.after(pop);
    term.setAttribute("aria-expanded", "true");
    place();
  }

  function hide(returnFocus) {
    clearTimeout(closeTimer);
    clearTimeout(openTimer);
    if (pop) {
      var hadFocus = pop.contains(document.activeElement);
      pop.remove();
      document.body.style.paddingBottom = "";
      if (current) {
        current.setAttribute("aria-expanded", "false");
        if (returnFocus || hadFocus) {
          returning = true;
          current.focus({ preventScroll: true });
          returning = false;
        }
      }
    }
    pop = current = null;
    pinned = false;
  }

  function termOf(target) {
    return target instanceof Element ? target.closest("a.term[data-term]") : null;
  }

  function inPop(target) {
    return pop && target instanceof Node && pop.contains(target);
  }

  // Disclosure semantics for assistive technology, set when a term is first met.
  function prepare(term) {
    if (!term.hasAttribute("aria-expanded")) {
      term.setAttribute("aria-expanded", "false");
      term.setAttribute("aria-haspopup", "dialog");
    }
  }

  document.addEventListener("click", function (event) {
    var term = termOf(event.target);
    if (term) {
      event.preventDefault();
      event.stopPropagation();  // not an instant-navigation click
      prepare(term);
      if (current === term && pinned) {
        hide(false);
      } else {
        show(term, true);
        if (pop && event.detail === 0) pop.focus();  // Enter: take the reader into the definition
      }
      return;
    }
    if (pop && !inPop(event.target)) hide(false);
  }, true);

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType !== "mouse") return;
    var term = termOf(event.target);
    if (term) {
      prepare(term);
      clearTimeout(closeTimer);
      clearTimeout(openTimer);
      openTimer = setTimeout(function () { show(term, false); }, 120);
    } else if (inPop(event.target)) {
      clearTimeout(closeTimer);
    }
  });

  document.addEventListener("pointerout", function (event) {
    if (event.pointerType !== "mouse" || !pop || pinned) return;
    if (termOf(event.target) || inPop(event.target)) {
      var to = event.relatedTarget;
      if (to && (to === current || inPop(to))) return;
      clearTimeout(openTimer);
      closeTimer = setTimeout(function () { if (!pinned) hide(false); }, 200);
    }
  });

  document.addEventListener("focusin", function (event) {
    var term = termOf(event.target);
    if (term) {
      prepare(term);
      // Keyboard focus previews; a tap or click is handled by the click that follows
      // (opening here would put a sheet under the finger before it lifts).
      if (!returning && term.matches(":focus-visible")) show(term, false);
    } else if (pop && !inPop(event.target)) {
      hide(false);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && pop) {
      var focusInside = inPop(document.activeElement) || document.activeElement === current;
      hide(focusInside);
    }
  });

  window.addEventListener("scroll", function () {
    if (pop && !pinned && !sheet()) hide(false); else place();
  }, { passive: true });
  window.addEventListener("resize", place);
})();
