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
 * The interface strings come from the page's hidden [data-term-defs] block,
 * and the definitions from the file it names (one per language, shared by
 * every page and cached), fetched when the reader first points at, focuses
 * or touches a term: they are not part of the page's first view. This script
 * holds no text of its own. If the file cannot be fetched, a tap or Enter
 * follows the term's link to the glossary. Events are delegated from the
 * document: it keeps working after the theme's instant navigation swaps the
 * page. */
(function () {
  "use strict";

  var pop = null;        // the one popover element
  var current = null;    // the term it belongs to
  var pinned = false;    // opened by click/tap/Enter (stays until closed)
  var closeTimer = 0;
  var openTimer = 0;
  var returning = false; // focus going back to the term on close: no new preview
  var GAP = 6, MARGIN = 8;

  var loaded = {};       // definitions file URL -> {id: [name, definition]}
  var loading = {};      // definitions file URL -> its fetch, while under way
  var request = 0;       // the latest show() or hide(): an older fetch opens nothing

  function block() {
    return document.querySelector("[data-term-defs]");
  }

  function defsUrl() {
    var b = block();
    return b ? new URL(b.getAttribute("data-term-defs"), location.href).href : null;
  }

  // The definitions file, fetched once (a failed fetch is tried again next time).
  function fetchDefs(url) {
    if (!loading[url]) {
      loading[url] = fetch(url, { credentials: "same-origin" })
        .then(function (r) {
          if (!r.ok) throw new Error(url + ": " + r.status);
          return r.json();
        })
        .then(function (all) { loaded[url] = all; return all; })
        .finally(function () { delete loading[url]; });
    }
    return loading[url];
  }

  function defsFor(term, all) {
    var b = block();
    var id = decodeURIComponent(term.hash.slice(1)); // the glossary entry the term links to
    var def = b && Object.prototype.hasOwnProperty.call(all, id) ? all[id] : null;
    return def ? { block: b, name: def[0], text: def[1] } : null;
  }

  function sheet() {
    return window.matchMedia("(max-width: 599px), (hover: none)").matches;
  }

  function build(term, all) {
    var found = defsFor(term, all);
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
    title.textContent = found.name;

    var body = document.createElement("span");
    body.className = "term-pop__body";
    body.textContent = found.text;

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

  // Open the term's popover (pinned: until closed; focus: take the reader into it).
  function show(term, pin, focus) {
    clearTimeout(closeTimer);
    clearTimeout(openTimer);
    if (current === term && pop && pop.isConnected) {
      pinned = pinned || pin;
      if (focus) pop.focus();
      return;
    }
    var url = defsUrl();
    if (!url) return;
    if (loaded[url]) return open(term, pin, focus, loaded[url]);
    var wanted = ++request;
    fetchDefs(url).then(function (defs) {
      if (wanted === request) open(term, pin, focus, defs);
    }, function () {
      // No definitions to show: a tap or Enter goes to the glossary, as without JavaScript.
      if (pin && wanted === request) location.href = term.href;
    });
  }

  function open(term, pin, focus, all) {
    hide(false);
    pop = build(term, all);
    if (!pop) return;
    current = term;
    pinned = pin;
    // Right after the term, so that Tab goes from the term into the popover.
    term.after(pop);
    term.setAttribute("aria-expanded", "true");
    place();
    if (focus) pop.focus();
  }

  function hide(returnFocus) {
    clearTimeout(closeTimer);
    clearTimeout(openTimer);
    request++;
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
    return target instanceof Element ? target.closest("a.term[href*='#']") : null;
  }

  function inPop(target) {
    return pop && target instanceof Node && pop.contains(target);
  }

  // Disclosure semantics for assistive technology, set when a term is first met;
  // the definitions start loading then, ahead of the click that opens one.
  function prepare(term) {
    var url = defsUrl();
    if (url && !loaded[url]) fetchDefs(url).catch(function () {});
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
        show(term, true, event.detail === 0);  // Enter: take the reader into the definition
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
    if (event.pointerType !== "mouse" || pinned) return;
    if (!pop) {  // left before its preview opened (or its definitions came)
      if (termOf(event.target)) { clearTimeout(openTimer); request++; }
      return;
    }
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

  // A finger on a term: fetch the definitions before it lifts.
  document.addEventListener("pointerdown", function (event) {
    var term = termOf(event.target);
    if (term) prepare(term);
  }, { passive: true });

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
