"""The glossary as a tool (compact, jump bar, filter, complete without JavaScript),
the timeline as one dated list, and the sources list, in Chromium."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from site_tools.glossary import load_glossary
from site_tools.languages import LANGUAGES, PageId
from site_tools.mkdocs_run import site_url as site_url_of
from helpers import ROOT

GLOSSARY = {"zh": "glossary.html", "en": "en/glossary.html"}
TIMELINE = {"zh": "timeline.html", "en": "en/timeline.html"}
TERMS = len(load_glossary(ROOT))
ARTICLE_DATE = "2025-07-22"  # Wen Wei Po's reprint: later events are "after the article"
AFTER = {"zh": "文章发表后", "en": "After the article"}

VISIBLE_ENTRIES = "() => [...document.querySelectorAll('.glossary-entry')].filter(e => e.offsetParent).map(e => e.id)"


# --- glossary -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_glossary_is_at_most_15000_px_tall_at_1280_px(open_page, lang):
    page, _ = open_page(GLOSSARY[lang], width=1280)
    assert page.evaluate("document.querySelectorAll('.glossary-entry').length") == TERMS
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 15000, f"{GLOSSARY[lang]} is {height} px tall"


@pytest.mark.parametrize("lang, query, count", [("zh", "寒武纪", "共 {n} 条"), ("en", "Cambricon", "{n} terms")])
def test_typing_into_the_filter_narrows_the_entries(open_page, lang, query, count):
    page, rec = open_page(GLOSSARY[lang])
    box = page.locator("#glossary-filter-input")
    assert box.is_visible()
    assert page.locator(".glossary-filter__count").inner_text() == count.format(n=TERMS)
    box.focus()
    # insert_text fires `input` and no key events, as an IME does when it commits Chinese.
    page.keyboard.insert_text(query)
    shown = page.evaluate(VISIBLE_ENTRIES)
    assert "cambricon" in shown and "nvidia" not in shown and 0 < len(shown) < 10
    assert page.locator(".glossary-filter__count").inner_text() == count.format(n=len(shown)).replace(
        "1 terms", "1 term"
    )
    assert not page.locator(".glossary-filter__empty").is_visible()
    box.fill("")
    assert len(page.evaluate(VISIBLE_ENTRIES)) == TERMS
    assert rec.console_errors == []


@pytest.mark.parametrize(
    "lang, query, entry",
    [
        ("zh", "cambricon", "cambricon"),  # the other language's name, in any case
        ("en", "寒武纪", "cambricon"),
        ("en", "金融时报", "financial-times"),  # an alias
        ("en", "spun off", "kunlunxin"),  # words of the definition
        ("zh", "拆分独立", "kunlunxin"),
    ],
)
def test_the_filter_matches_names_in_both_languages_aliases_and_definitions(open_page, lang, query, entry):
    page, _ = open_page(GLOSSARY[lang])
    page.fill("#glossary-filter-input", query)
    shown = page.evaluate(VISIBLE_ENTRIES)
    assert entry in shown and len(shown) < 10


@pytest.mark.parametrize("lang, message", [("zh", "没有匹配的术语"), ("en", "No terms match")])
def test_a_query_that_matches_nothing_shows_the_no_results_message(open_page, lang, message):
    page, _ = open_page(GLOSSARY[lang])
    empty = page.locator(".glossary-filter__empty")
    assert not empty.is_visible()
    page.fill("#glossary-filter-input", "zzqxj")
    assert page.evaluate(VISIBLE_ENTRIES) == []
    assert empty.is_visible() and message in empty.inner_text()
    assert page.locator(".glossary-filter__count").inner_text() in ("共 0 条", "0 terms")
    assert not page.locator("h2.glossary-group__letter").first.is_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width", [375, 768, 1280])
def test_the_jump_bar_leaves_no_letter_alone_on_a_row(open_page, lang, width):
    # Before: at 1280 px the Chinese bar put "0–9" alone on a second row.
    page, _ = open_page(PageId("glossary", lang).url(), width=width)
    tops = page.evaluate("[...document.querySelectorAll('.glossary-jump > *')].map(e => e.getBoundingClientRect().top)")
    rows = Counter(round(t) for t in tops)
    assert min(rows.values()) >= 2, rows


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_phone_no_kind_or_reference_of_an_entry_breaks_across_lines(open_page, lang):
    # "· 人 / 物" and "参 / 考：[3]" once broke, a character alone on a line.
    page, _ = open_page(GLOSSARY[lang], width=375, touch=True)
    split = page.evaluate(
        """() => [...document.querySelectorAll('.glossary-entry__kind, .glossary-entry__ref')]
        .filter(e => { const tops = [...e.getClientRects()].map(r => r.top);  // one rect per line or per child
          return Math.max(...tops) - Math.min(...tops) > 8; })
        .map(e => e.closest('.glossary-entry').id)"""
    )
    assert page.locator(".glossary-entry__ref").count() > 20
    assert not split


@pytest.mark.parametrize("lang, letters", [("zh", "ABCHJKYZ"), ("en", "ABCHJKNZ")])
def test_the_jump_bar_links_resolve_to_groups_of_entries(open_page, lang, letters):
    page, _ = open_page(GLOSSARY[lang])
    targets = page.evaluate("""() => [...document.querySelectorAll('.glossary-jump a')].map(a => {
        const t = document.getElementById(a.hash.slice(1));
        return [a.textContent, !!t && t.closest('.glossary-group').querySelectorAll('.glossary-entry').length];
    })""")
    assert all(n for _, n in targets), targets
    assert set(letters) <= {label for label, _ in targets}
    page.locator(".glossary-jump a", has_text="J").click()
    page.wait_for_function("location.hash === '#letter-j'")
    top = page.evaluate("document.getElementById('letter-j').getBoundingClientRect().top")
    assert 0 <= top < 200


def test_financial_times_sorts_under_j_on_the_chinese_page(open_page):
    page, _ = open_page(GLOSSARY["zh"])
    group = page.evaluate(
        "document.getElementById('financial-times').closest('.glossary-group').querySelector('h2').id"
    )
    assert group == "letter-j"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_javascript_every_entry_is_visible_and_the_filter_box_is_not(browser, site_url, lang):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        page.goto(site_url + GLOSSARY[lang])
        visible = page.locator(".glossary-entry:visible").count()
        assert visible == TERMS
        assert page.locator(".glossary-filter").count() == 1 and not page.locator(".glossary-filter").is_visible()
        assert page.locator(".glossary-jump a").first.is_visible()
    finally:
        context.close()


def test_the_filter_works_after_instant_navigation_to_the_glossary(browser, site_url):
    # The theme navigates instantly only to URLs of its sitemap, whose host it maps to the
    # page's host but not its port: serve the sitemaps as if the site were deployed here.
    deployed = site_url_of(ROOT)

    def sitemap(route):
        body = route.fetch().text().replace(deployed, site_url)
        route.fulfill(body=body, content_type="application/xml")

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        context.route("**/sitemap.xml", sitemap)
        page.goto(site_url + "en/us-motives.html")  # the overview hides the side navigation
        page.wait_for_load_state("networkidle")
        page.evaluate("window.__sameDocument = true")
        page.locator(".md-nav--primary a[href$='/en/glossary.html']").first.click()
        page.wait_for_selector("#glossary-filter-input", state="visible")
        assert page.evaluate("window.__sameDocument === true"), "the theme did a full load, not an instant one"
        page.fill("#glossary-filter-input", "Cambricon")
        assert "cambricon" in page.evaluate(VISIBLE_ENTRIES) and "nvidia" not in page.evaluate(VISIBLE_ENTRIES)
        # Away and back again: one filter box, still working. The theme changes the URL
        # before it swaps the content in, so wait for each page's content itself, and for
        # a box that is not the one already used.
        page.evaluate("document.querySelector('.glossary-filter').dataset.used = ''")
        page.locator(".md-nav--primary a[href$='/en/sources.html']").first.click()
        page.wait_for_url("**/en/sources.html")
        page.wait_for_selector(".glossary-filter", state="detached")
        page.go_back()
        page.wait_for_selector(".glossary-filter:not([data-used]) #glossary-filter-input", state="visible")
        assert page.evaluate("window.__sameDocument === true")
        page.fill("#glossary-filter-input", "zzqxj")
        assert page.locator(".glossary-filter__empty").is_visible() and page.locator(".glossary-filter").count() == 1
        assert errors == []
    finally:
        # A sitemap request still in flight would fetch through a closed context, and its
        # error would surface in whichever test this worker runs next.
        context.unroute_all(behavior="ignoreErrors")
        context.close()


# --- timeline -------------------------------------------------------------------

EVENTS = """() => [...document.querySelectorAll('.md-content ol.timeline > li.timeline__event')].map(li => ({
    dates: [...li.querySelectorAll('.timeline__date time')].map(t => t.getAttribute('datetime')),
    shownDate: li.querySelector('.timeline__date')?.textContent.trim() || '',
    cites: li.querySelectorAll('sup.cite a[href*="sources.html#"]').length,
    after: [...li.querySelectorAll('.timeline__after')].map(e => e.textContent.trim()),
    article: li.classList.contains('timeline__event--article'),
}))"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_timeline_is_one_list_of_dated_sourced_events(open_page, lang):
    page, _ = open_page(TIMELINE[lang])
    assert page.locator(".md-content ol.timeline").count() == 1
    assert page.locator(".md-content table").count() == page.locator(".md-content figure.chart table").count()
    events = page.evaluate(EVENTS)
    assert len(events) >= 20
    for e in events:
        assert e["dates"] and all(re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", d) for d in e["dates"]), e
        assert e["shownDate"].startswith(e["dates"][0]) and e["cites"] >= 1, e
    years = page.evaluate("[...document.querySelectorAll('ol.timeline > li.timeline__year')].map(li => li.id)")
    assert years == ["year-2022", "year-2023", "year-2024", "year-2025", "year-2026"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_after_the_article_marks_exactly_the_events_after_it_and_its_own_event_is_highlighted(open_page, lang):
    page, _ = open_page(TIMELINE[lang])
    events = page.evaluate(EVENTS)
    after = [e for e in events if e["dates"][0] > ARTICLE_DATE]
    assert after and len(after) < len(events)
    for e in events:
        assert e["after"] == ([AFTER[lang]] if e["dates"][0] > ARTICLE_DATE else []), e
    assert [e["dates"] for e in events if e["article"]] == [[ARTICLE_DATE]]
    marker = page.locator(".timeline__after").first
    assert marker.is_visible()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_timeline_at_375_px_does_not_scroll_sideways_and_no_date_wraps(open_page, lang):
    page, _ = open_page(TIMELINE[lang], width=375, height=740)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    broken = page.evaluate("""() => [...document.querySelectorAll('.timeline__date time')].filter(t => {
        const lines = new Set([...t.getClientRects()].map(r => Math.round(r.top)));
        return lines.size !== 1;
    }).map(t => t.textContent)""")
    assert page.locator(".timeline__date time").count() >= 20
    assert broken == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_on_a_phone_the_filter_box_shows_its_whole_hint(open_page, lang):
    page, _ = open_page(GLOSSARY[lang], width=375, height=800, touch=True)
    text, room = page.locator("#glossary-filter-input").evaluate("""e => {
      const s = getComputedStyle(e), c = document.createElement('canvas').getContext('2d');
      c.font = `${s.fontSize} ${s.fontFamily}`;
      return [c.measureText(e.placeholder).width,
              e.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)];
    }""")
    assert text <= room


# --- sources --------------------------------------------------------------------


@pytest.mark.parametrize("path", ["sources.html", "en/sources.html"])
@pytest.mark.parametrize("width", [375, 1280])
def test_a_sources_link_to_the_copy_read_and_its_date_never_break_across_lines(open_page, path, width):
    page, _ = open_page(path, width=width)
    broken = page.evaluate("""() => [...document.querySelectorAll('ol.sources :is(.sources__read, .sources__date)')]
        .filter(e => new Set([...e.getClientRects()].map(r => Math.round(r.top))).size > 1).map(e => e.textContent)""")
    assert page.locator("ol.sources .sources__read").count() > 10
    assert broken == []


@pytest.mark.parametrize("path", ["sources.html", "claims.html", "corrections.html"])
def test_chinese_entries_that_mix_in_latin_names_and_figures_are_not_justified(open_page, path):
    page, _ = open_page(path, width=375, height=800, touch=True)
    entries = "article :is(ol.sources, ol.claims, ol.corrections) li"
    aligns = page.evaluate("s => [...document.querySelectorAll(s)].map(li => getComputedStyle(li).textAlign)", entries)
    assert aligns and "justify" not in aligns
