"""Reading the site as its readers do, on a phone and a laptop: legible text,
term hints that stay on the screen, Chinese set in a Chinese font, boxes at
body size, and a language menu that says where you are."""

from __future__ import annotations

import pytest

from helpers import page_stems
from site_tools.languages import LANGUAGES, PageId

pytestmark = pytest.mark.browser
PAGES = [PageId(stem, lang).url() for stem in page_stems() for lang in LANGUAGES]
ARTICLE = ["index", "us-motives", "impact-on-china", "strategic-paths", "conclusion"]

# --- term hints ---------------------------------------------------------------


def _tap(page, locator) -> None:
    """Tap the first line of an element, as a finger would on a term that wraps."""
    locator.scroll_into_view_if_needed()
    r = locator.evaluate(
        "e => { const r = e.getClientRects()[0]; return [r.left + r.width / 2, r.top + r.height / 2]; }"
    )
    page.touchscreen.tap(*r)


def _inside(box) -> bool:
    return (
        box is not None
        and box["left"] >= 0
        and box["top"] >= 0
        and box["right"] <= box["width"]
        and box["bottom"] <= box["height"]
    )


# One round trip each, as a reader's finger: scroll term i into view and give the middle of
# its first line; then, once its hint is open, where the hint is and what the term says.
_TERM_AT = """i => {
  const t = document.querySelectorAll('article a.term')[i];
  t.scrollIntoViewIfNeeded(true);  // as Playwright's scroll_into_view_if_needed: centred when out of view
  const r = t.getClientRects()[0];
  return [r.left + r.width / 2, r.top + r.height / 2];
}"""
_OPENED = """i => {
  const p = document.querySelector('.term-pop');
  if (!p) return null;
  const r = p.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,
          width: innerWidth, height: innerHeight, scroll: document.documentElement.scrollWidth,
          open: document.querySelectorAll('.term-pop').length,
          expanded: document.querySelectorAll('article a.term')[i].getAttribute('aria-expanded')};
}"""


_OPENED_FOR = (
    """i => document.querySelectorAll('article a.term')[i].getAttribute('aria-expanded') === 'true'
  && ("""
    + _OPENED
    + """)(i)"""
)


@pytest.mark.parametrize("path", [PageId(s, lang).url() for s in ("index", "us-motives") for lang in LANGUAGES])
def test_tapping_every_term_on_a_phone_opens_its_hint_inside_the_screen_and_a_second_tap_closes_it(open_page, path):
    page, rec = open_page(path, width=375, height=800, touch=True)
    count = page.locator("article a.term").count()
    assert count > 5
    for i in range(count):
        x, y = page.evaluate(_TERM_AT, i)
        page.touchscreen.tap(x, y)
        box = page.wait_for_function(_OPENED, arg=i).json_value()  # the first waits for the definitions file
        term = page.locator("article a.term").nth(i)
        assert _inside(box), (term.inner_text(), box)
        assert box["scroll"] == 375 and box["open"] == 1 and box["expanded"] == "true"
        page.touchscreen.tap(*page.evaluate(_TERM_AT, i))
        assert page.evaluate("document.querySelectorAll('.term-pop').length") == 0, term.inner_text()
    assert page.url.split("#")[0].endswith(path)  # no tap followed the link
    assert rec.console_errors == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hovering_terms_near_the_right_edge_on_a_laptop_keeps_the_hint_inside_the_window(open_page, lang):
    page, _ = open_page(PageId("us-motives", lang).url(), width=1280, height=800)
    near_edge = page.evaluate("""() => [...document.querySelectorAll('article a.term')]
        .map((t, i) => [i, t.getBoundingClientRect().right]).filter(([, r]) => r > 760).map(([i]) => i)""")
    assert near_edge
    # Four round trips a term: point at it (scrolled into view), wait for its own hint, move
    # away, wait for the hint to close (a hint may cover the next term, as for a reader).
    for i in near_edge:
        page.mouse.move(*page.evaluate(_TERM_AT, i))
        box = page.wait_for_function(_OPENED_FOR, arg=i).json_value()
        assert _inside(box), (page.locator("article a.term").nth(i).inner_text(), box)
        assert box["scroll"] == 1280 and box["open"] == 1
        page.mouse.move(5, 400)
        page.wait_for_selector(".term-pop", state="detached")


def test_escape_and_a_tap_outside_close_the_hint_and_only_one_is_open_at_a_time(open_page):
    page, _ = open_page("us-motives.html", width=375, height=800, touch=True)
    first, second = page.locator("article a.term").nth(0), page.locator("article a.term").nth(1)
    _tap(page, first)
    page.wait_for_selector(".term-pop")
    _tap(page, second)
    assert page.locator(".term-pop").count() == 1
    assert second.get_attribute("aria-expanded") == "true" and first.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Escape")
    assert page.locator(".term-pop").count() == 0
    _tap(page, second)
    _tap(page, page.locator("h1"))
    assert page.locator(".term-pop").count() == 0


def test_keyboard_readers_hear_the_term_and_get_its_definition_on_enter(open_page):
    page, _ = open_page("en/us-motives.html")
    term = page.locator("article a.term").first
    # The definitions are not in the text flow: nothing reads them mid-sentence.
    assert page.locator("[data-term-defs]").get_attribute("hidden") is not None
    assert page.locator("[data-term-defs]").inner_text() == ""
    term.focus()
    page.wait_for_selector(".term-pop")  # a preview on focus
    assert page.locator(".term-pop").count() == 1
    term.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('term-pop')")
    assert page.locator(".term-pop").get_attribute("role") == "dialog"
    entry = "#" + term.get_attribute("href").split("#")[1]
    assert page.locator(".term-pop__link").get_attribute("href").endswith(entry)
    page.keyboard.press("Escape")
    assert page.locator(".term-pop").count() == 0
    assert page.evaluate("document.activeElement.matches('a.term')")


def test_without_javascript_a_term_is_a_link_to_its_glossary_entry(open_page, site_url):
    page, _ = open_page("us-motives.html", javascript=False)
    term = page.locator("article a.term").first
    tid = term.get_attribute("href").split("#")[1]
    term.click()
    page.wait_for_url(f"**/glossary.html#{tid}")


# --- Chinese typography --------------------------------------------------------

CJK_FONTS = (
    "PingFang",
    "Hiragino",
    "Noto Sans CJK",
    "Noto Serif CJK",
    "Source Han",
    "Songti",
    "Microsoft YaHei",
    "WenQuanYi",
)


@pytest.mark.parametrize("stem", ARTICLE)
def test_chinese_body_text_asks_for_a_cjk_font_first(open_page, stem):
    page, _ = open_page(PageId(stem, "zh").url())
    for p in page.locator("article p").all()[:5]:
        family = p.evaluate("e => getComputedStyle(e).fontFamily")
        assert family.split(",")[0].strip().strip('"').startswith(CJK_FONTS), family


def _fonts_drawing(page, text: str) -> list[str]:
    """The fonts Chromium actually draws `text` with, set in the page's first body paragraph
    (laid out before asking: the fonts of a node not yet laid out are none)."""
    page.locator('article p[id^="p-"]').first.evaluate(
        "(p, text) => { const s = document.createElement('span'); s.id = 'probe'; "
        "s.textContent = text; p.prepend(s); return s.getBoundingClientRect().width; }",
        text,
    )
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#probe"})["nodeId"]
    return [f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]


def test_a_quoted_han_run_is_drawn_with_one_cjk_font(open_page):
    page, _ = open_page("us-motives.html")
    fonts = _fonts_drawing(page, "“松绑”")
    assert len(fonts) == 1 and fonts[0].startswith(CJK_FONTS), fonts


def test_english_quotes_and_apostrophes_are_drawn_with_a_latin_font(open_page):
    # A CJK font draws ’ and “ ” full width: "China ’ s".
    page, _ = open_page("en/us-motives.html")
    fonts = _fonts_drawing(page, "China’s “loosening”")
    assert fonts and not any(f.startswith(CJK_FONTS) for f in fonts), fonts


# --- boxes -----------------------------------------------------------------------

_BOXES = """() => [...document.querySelectorAll('article .admonition')].map(box => {
  const b = box.getBoundingClientRect(), cs = getComputedStyle(box);
  const left = b.left + parseFloat(cs.borderLeftWidth), right = b.right - parseFloat(cs.borderRightWidth);
  const title = box.querySelector(':scope > .admonition-title');
  const blocks = [...box.querySelectorAll(':scope > p:not(.admonition-title), :scope > ul')];
  return {
    // how far the title bar and each text block stop short of the box's inner edges
    title: title ? [title.getBoundingClientRect().left - left, right - title.getBoundingClientRect().right] : [0, 0],
    text: blocks.map(p => right - parseFloat(cs.paddingRight) - p.getBoundingClientRect().right),
    size: parseFloat(getComputedStyle(blocks[0] || box).fontSize),
  };
})"""


@pytest.mark.parametrize(
    "path", [PageId(s, lang).url() for s in ("index", "us-motives", "conclusion", "timeline") for lang in LANGUAGES]
)
def test_on_a_laptop_lists_boxes_charts_and_the_covers_blocks_end_where_the_prose_ends(open_page, path):
    # On the overview, which has no left sidebar, boxes once took the whole column: a
    # key-points line ran 58 Chinese characters (the prose, 40) or 110 English ones; list
    # items ran a list indent (30 px) past the paragraphs. The timeline's chart box ran to the
    # column's edge, its drawing in the left half.
    page, _ = open_page(path, width=1280)
    blocks = "p:not([class]), .admonition, .chart, .cover, .reading-path, .key-figures + ul, aside"
    rights = page.evaluate(
        """s => [...document.querySelectorAll(`.md-typeset > :is(${s}), .md-typeset > ul:not(.key-figures + ul) > li`)]
        .filter(e => e.getBoundingClientRect().width)
        .map(e => [e.tagName + '.' + e.className, Math.round(e.getBoundingClientRect().right)])""",
        blocks,
    )
    assert len(rights) >= 5
    edges = {right for _, right in rights}
    assert len(edges) == 1, sorted({right: name for name, right in rights}.items())


@pytest.mark.parametrize("path", [PageId(s, lang).url() for s in ARTICLE for lang in LANGUAGES])
def test_box_titles_and_text_span_their_box_at_body_size(open_page, path):
    page, _ = open_page(path, width=1280)
    boxes = page.evaluate(_BOXES)
    assert boxes
    for box in boxes:
        assert all(abs(gap) <= 1 for gap in box["title"]), box
        assert all(gap <= 2 for gap in box["text"]), box
        assert box["size"] >= 14, box


# --- the language menu -----------------------------------------------------------


def _open_drawer(page) -> None:
    # The theme closes the drawer 125 ms after it handles the address (a #section too, at
    # load): a tap before then is undone. A reader is slower than that; the test waits it out.
    page.wait_for_timeout(200)
    page.locator('.md-header label[for="__drawer"]').tap()
    page.locator(".md-nav__languages").wait_for(state="visible")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_language_menu_marks_the_current_language_on_a_laptop_and_in_the_phone_drawer(open_page, lang):
    here = {"zh": "zh-Hans", "en": "en"}[lang]
    page, _ = open_page(PageId("us-motives", lang).url(), width=1280)
    menu = page.locator(".md-header .site-languages")
    assert menu.get_attribute("aria-label")
    assert menu.locator('[aria-current="page"]').get_attribute("hreflang") == here
    page, _ = open_page(PageId("us-motives", lang).url(), width=375, touch=True)
    _open_drawer(page)
    drawer = page.locator(".md-nav__languages .site-languages")
    drawer.wait_for(state="visible")
    assert drawer.locator('[aria-current="page"]').get_attribute("hreflang") == here
    assert drawer.locator("a").count() == 2


def test_the_drawer_language_link_switches_language_and_keeps_the_section(open_page):
    page, _ = open_page("us-motives.html#market-logic", width=375, touch=True)
    _open_drawer(page)
    page.locator('.md-nav__languages a[hreflang="en"]').tap()
    page.wait_for_url("**/en/us-motives.html#market-logic")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_phones_show_a_short_site_title(open_page, lang):
    page, _ = open_page(PageId("index", lang).url(), width=375, touch=True)
    full = page.locator(".md-header .site-title--full")
    short = page.locator(".md-header .site-title--short")
    assert short.is_visible() and not full.is_visible()
    box = short.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert box[0] <= box[1]  # not cut off


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width", [960, 1280])
def test_wider_screens_show_a_site_title_that_fits_the_header(open_page, lang, width):
    page, _ = open_page(PageId("index", lang).url(), width=width)
    shown = [t for t in page.locator(".md-header .md-header__topic:first-child .md-ellipsis").all() if t.is_visible()]
    assert len(shown) == 1
    scroll, client = shown[0].evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert scroll <= client  # not cut off


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width", [375, 960, 1280])
def test_the_headers_titles_keep_to_one_line(open_page, lang, width):
    # A long page title (the side-by-side view's) wrapped at its word breaks, and its lines
    # ran down over the page below the header.
    page, _ = open_page(PageId("parallel/us-motives", lang).url(), width=width, touch=width < 960)
    heights = page.evaluate(
        """() => [...document.querySelectorAll('.md-header__topic .md-ellipsis')]
        .map(e => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))"""
    )
    assert heights and max(heights) < 1.5, heights


def test_the_definitions_load_only_when_a_reader_reaches_for_a_term(open_page):
    page, rec = open_page("us-motives.html", width=375, height=800, touch=True)
    assert not [r for r in rec.requests if "/assets/terms." in r]  # not part of the first view
    _tap(page, page.locator("article a.term").first)
    page.wait_for_selector(".term-pop")
    assert [r for r in rec.requests if r.endswith("/assets/terms.zh.json")]


def test_without_the_definitions_file_a_tap_goes_to_the_glossary_entry(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 800}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        context.route("**/assets/terms.*.json", lambda route: route.abort())
        page.goto(site_url + "us-motives.html", wait_until="load")
        term = page.locator("article a.term").first
        tid = term.get_attribute("href").split("#")[1]
        _tap(page, term)
        page.wait_for_url(f"**/glossary.html#{tid}")
    finally:
        context.unroute_all(behavior="ignoreErrors")  # nothing in flight outlives the context
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_phone_the_last_pages_footer_names_the_page_before(open_page, lang):
    # The theme drew a bare arrow there: on a phone it keeps the title for a "next" link.
    page, _ = open_page(PageId("about", lang).url(), width=375, height=800, touch=True)
    assert page.locator(".md-footer__link--next").count() == 0
    title = page.locator(".md-footer__link--prev .md-footer__title")
    assert title.is_visible() and title.inner_text().strip()
    # ... while a page with both links keeps the theme's compact footer.
    page, _ = open_page(PageId("us-motives", lang).url(), width=375, height=800, touch=True)
    assert not page.locator(".md-footer__link--prev .md-footer__title").is_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_phone_the_next_pages_title_is_shown_whole_not_cut_with_an_ellipsis(open_page, lang):
    page, _ = open_page(PageId("us-motives", lang).url(), width=375, height=800, touch=True)
    title = page.locator(".md-footer__link--next .md-footer__title .md-ellipsis")
    assert title.inner_text().strip()
    cut = title.evaluate("e => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight")
    assert not cut, f"the footer shows '{title.inner_text()}' cut off"
